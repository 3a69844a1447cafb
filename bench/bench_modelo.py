"""Mide el costo de construir el modelo y la memoria que ocupa (issue 12, tarea h12a).

Sobre los mismos datos generados que ``bench/bench_escala.py`` (planes de 30 metas de los cuatro
tipos, ~10 % de reportes faltantes):

1. el tiempo de construir un ``Reporte``, una ``Programacion``, una ``Meta`` y un
   ``PlanDeGestion`` de 30 metas (``timeit``, el mejor de varias repeticiones, µs por objeto),
   frente a una clase ``attrs`` congelada de 14 campos sin validadores (el piso de fijar los
   campos);
2. la memoria por meta de los planes construidos (``tracemalloc``), recién construidos y después
   de consultar cada meta (``reportes_de``: el índice del plan ya armado), con las líneas que más
   ocupan.

Uso: ``python bench/bench_modelo.py`` (≈ 30 s) o ``python bench/bench_modelo.py --lineas`` (con
el detalle de la memoria por línea de código).
"""

from __future__ import annotations

import datetime
import gc
import sys
import timeit
import tracemalloc
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_escala import ENVIOS, TRIMESTRES, construir, generar

from sdg_metas import Meta, PlanDeGestion, Programacion, Reporte

N_METAS = 10_000


@attrs.frozen(slots=True)
class _Desnuda:
    a: object = None
    b: object = None
    c: object = None
    d: object = None
    e: object = None
    f: object = None
    g: object = None
    h: object = None
    i: object = None
    j: object = None
    k: object = None
    m: object = None
    n: object = None
    o: object = None


def _mejor(funcion: object, numero: int) -> float:
    tiempos = timeit.repeat(funcion, number=numero, repeat=7)  # type: ignore[arg-type]
    return min(tiempos) / numero * 1e6


def tiempos() -> None:
    datos = generar(1)
    _, metas = datos[0]
    codigo, tipo, magnitud, p, lb, peso, ejecuciones = metas[2]
    programacion = Programacion(tipo, magnitud, p, linea_base=lb)
    objetos = construir(datos)[0]
    casos = {
        "clase attrs desnuda (14 campos)": (lambda: _Desnuda(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
                                                            12, 13, 14), 20_000),
        "Reporte": (lambda: Reporte(codigo_meta=codigo, trimestre=TRIMESTRES[0],
                                    ejecucion=ejecuciones[0] or "1.5",
                                    analisis="Avance del trimestre", evidencias=("acta.pdf",),
                                    fecha_envio=ENVIOS[0]), 20_000),
        "Programacion": (lambda: Programacion(tipo, magnitud, p, linea_base=lb), 20_000),
        "Meta": (lambda: Meta(codigo=codigo, descripcion="Realizar la meta", peso=peso,
                              programacion=programacion), 20_000),
        "PlanDeGestion (30 metas, objetos ya hechos)": (
            lambda: PlanDeGestion(vigencia=2025, unidad="U", nivel="central",
                                  metas=objetos.metas, reportes=objetos.reportes), 500),
        "construir un plan de 30 metas (todo)": (lambda: construir(datos), 300),
    }
    for nombre, (funcion, numero) in casos.items():
        print(f"  {nombre:<45} {_mejor(funcion, numero):8.2f} µs")
    _ = datetime


def memoria(lineas: bool) -> None:
    datos = generar(N_METAS // 30)
    gc.collect()
    tracemalloc.start()
    planes = construir(datos)
    recien, _ = tracemalloc.get_traced_memory()
    foto = tracemalloc.take_snapshot() if lineas else None
    for plan in planes:
        for meta in plan.metas:
            plan.reportes_de(meta.codigo)
    consultado, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  recién construidos: {recien / N_METAS:6.0f} B/meta; después de consultar cada "
          f"meta: {consultado / N_METAS:6.0f} B/meta")
    if foto is not None:
        for stat in foto.statistics("lineno")[:12]:
            marco = stat.traceback[0]
            print(f"    {stat.size / N_METAS:6.0f} B/meta  {Path(marco.filename).name}:"
                  f"{marco.lineno}")
    del planes


def main() -> None:
    print("construcción (mejor de 7, µs por objeto):")
    tiempos()
    print(f"memoria de {N_METAS:,} metas con sus reportes (meta ≤ 1024 B/meta):")
    memoria("--lineas" in sys.argv)


if __name__ == "__main__":
    main()
