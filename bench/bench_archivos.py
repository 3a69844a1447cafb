"""Mide la carga, la evaluación y la escritura de un año sintético de metas en JSON y en CSV,
y la carga de un plan de 30 metas en Excel (presupuesto: 0,5 s).

El año se escribe como un solo archivo de plan con N metas (100 000 por defecto): una fila por
meta en el CSV, como un consolidado exportado de la hoja de cálculo. Para cada formato se mide:

1. ``guardar_plan`` (escribir el archivo);
2. ``cargar_plan`` (leer y validar, todo o nada);
3. evaluar cada meta al T4 con ``sdg_metas.calculos.evaluar``;

e imprime el tiempo por meta y la razón frente a ``pandas.read_csv`` del mismo archivo CSV (que
solo interpreta el texto: no valida ni construye objetos del dominio). pandas solo se usa aquí;
no es dependencia de la biblioteca. Comprueba además que la ida y vuelta JSON es exacta.

Uso: ``python bench/bench_archivos.py [--metas N]``.
"""

from __future__ import annotations

import argparse
import importlib
import random
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import TypeVar

from sdg_metas.archivos import cargar_plan, guardar_plan
from sdg_metas.calculos import evaluar
from sdg_metas.modelo import Meta, PlanDeGestion, Programacion, Reporte, Trimestre

VIGENCIA = 2025
_T = TypeVar("_T")


def generar(n: int, semilla: int = 2025) -> PlanDeGestion:
    """Un plan de ``n`` metas de los cuatro tipos, con ~90 % de los reportes trimestrales."""
    azar = random.Random(semilla)
    metas = []
    reportes = []
    for i in range(n):
        codigo = f"M{i:06d}"
        tipo = ("suma", "constante", "creciente", "decreciente")[i % 4]
        if tipo == "suma":
            prog: list[Decimal | None] = [
                None if azar.random() < 0.15 else Decimal(azar.randint(1, 50)) for _ in range(4)
            ]
            if all(v is None for v in prog):
                prog[3] = Decimal(10)
            magnitud = sum((v for v in prog if v is not None), Decimal(0))
            linea_base = None
        elif tipo == "constante":
            magnitud = Decimal(azar.randint(50, 100))
            prog = [magnitud] * 4
            linea_base = None
        elif tipo == "creciente":
            linea_base = Decimal(azar.randint(0, 20))
            prog = [linea_base + Decimal(k * 10) for k in range(1, 5)]
            magnitud = prog[3] or Decimal(0)
        else:
            linea_base = Decimal(azar.randint(200, 300))
            prog = [linea_base - Decimal(k * 25) for k in range(1, 5)]
            magnitud = prog[3] or Decimal(0)
        metas.append(
            Meta(
                codigo=codigo,
                descripcion=f"Meta sintética {i} de tipo {tipo}",
                programacion=Programacion(tipo, magnitud, prog, linea_base=linea_base),
                peso=Decimal(azar.randint(1, 100)) / 100,
                unidad="%" if tipo == "constante" else "acciones",
            )
        )
        for k in range(1, 5):
            if azar.random() < 0.9:
                ejecucion = Decimal(azar.randint(0, 6000)) / 100
                reportes.append(
                    Reporte(codigo_meta=codigo, trimestre=Trimestre(VIGENCIA, k),
                            ejecucion=ejecucion)
                )
    return PlanDeGestion(vigencia=VIGENCIA, unidad="Consolidado sintético", nivel="central",
                         metas=metas, reportes=reportes)


def evaluar_todo(plan: PlanDeGestion) -> int:
    """Evalúa cada meta al T4; devuelve cuántas tienen cumplimiento."""
    ejecuciones: dict[str, list[Decimal | None]] = {m.codigo: [None] * 4 for m in plan.metas}
    for r in plan.reportes:
        ejecuciones[r.codigo_meta][r.trimestre.numero - 1] = r.ejecucion
    con_cumplimiento = 0
    for meta in plan.metas:
        resultado = evaluar(meta.programacion, ejecuciones[meta.codigo], 4)
        con_cumplimiento += resultado.cumplimiento is not None
    return con_cumplimiento


def medir(funcion: Callable[[], _T]) -> tuple[float, _T]:
    inicio = time.perf_counter()
    resultado = funcion()
    return time.perf_counter() - inicio, resultado


#: Presupuesto de la carga de un plan de 30 metas en Excel (issue 14).
PRESUPUESTO_XLSX_S = 0.5


def medir_xlsx(n: int = 30, repeticiones: int = 5) -> float:
    """La mediana de ``cargar_plan`` de un libro de Excel de ``n`` metas con sus reportes
    (hojas metas, reportes y modificaciones), que debe quedar bajo 0,5 s."""
    plan = generar(n)
    with tempfile.TemporaryDirectory() as carpeta:
        ruta = guardar_plan(plan, Path(carpeta) / "plan.xlsx")
        tiempos = []
        for _ in range(repeticiones):
            t_cargar, leido = medir(partial(cargar_plan, ruta))
            tiempos.append(t_cargar)
        assert leido == plan, "la ida y vuelta XLSX no es exacta"
    mediana = sorted(tiempos)[len(tiempos) // 2]
    estado = "OK" if mediana < PRESUPUESTO_XLSX_S else "SUPERA EL PRESUPUESTO"
    print(f"cargar_plan(XLSX de {n} metas, {len(plan.reportes)} reportes): mediana "
          f"{mediana * 1000:.0f} ms (presupuesto {PRESUPUESTO_XLSX_S * 1000:.0f} ms) {estado}")
    return mediana


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--metas", type=int, default=100_000,
                        help="número de metas del año sintético (100 000 por defecto)")
    args = parser.parse_args(argv)
    n: int = args.metas
    if medir_xlsx() >= PRESUPUESTO_XLSX_S:
        raise SystemExit("la carga de un plan de 30 metas en Excel supera 0,5 s")
    print(f"Generando un año sintético de {n} metas…")
    plan = generar(n)
    with tempfile.TemporaryDirectory() as carpeta:
        base = Path(carpeta)
        filas = []
        tiempos: dict[str, float] = {}
        for formato in ("json", "csv"):
            ruta = base / f"plan.{formato}"
            t_guardar, _ = medir(partial(guardar_plan, plan, ruta))
            # Un año entero en un solo JSON supera el límite por defecto (50 MB, pensado para
            # un plan): aquí se sube explícitamente con max_bytes.
            t_cargar, leido = medir(partial(cargar_plan, ruta, max_bytes=2 * 1024**3))
            t_evaluar, evaluadas = medir(partial(evaluar_todo, leido))
            assert leido == plan, f"la ida y vuelta {formato.upper()} no es exacta"
            tiempos[formato] = t_cargar
            tamano = ruta.stat().st_size / 1e6
            filas.append((formato, tamano, t_guardar, t_cargar, t_evaluar, evaluadas))
        print(f"\n{'formato':8} {'MB':>7} {'guardar µs/meta':>16} {'cargar µs/meta':>15} "
              f"{'evaluar µs/meta':>16} {'con cumplimiento':>17}")
        for formato, tamano, t_guardar, t_cargar, t_evaluar, evaluadas in filas:
            print(f"{formato:8} {tamano:7.2f} {t_guardar / n * 1e6:16.1f} "
                  f"{t_cargar / n * 1e6:15.1f} {t_evaluar / n * 1e6:16.1f} {evaluadas:17d}")
        try:
            pd = importlib.import_module("pandas")
        except ImportError:
            print("\npandas no está instalado: sin comparación con pandas.read_csv")
            return
        t_pandas, tabla = medir(partial(pd.read_csv, base / "plan.csv"))
        assert len(tabla) == n
        print(f"\npandas.read_csv del mismo CSV: {t_pandas / n * 1e6:.1f} µs/meta")
        print(f"cargar_plan(CSV) / pandas.read_csv = {tiempos['csv'] / t_pandas:.1f}×")
        print(f"cargar_plan(JSON) / pandas.read_csv(CSV) = {tiempos['json'] / t_pandas:.1f}×")


if __name__ == "__main__":
    main()
