"""Mide el calendario de reportes frente a sus pares, en la misma ejecución.

- ``es_dia_habil`` en caliente frente a ``fecha in holidays.CO(...)`` (el objeto del paquete
  ``holidays`` ya construido) y frente a un ``frozenset`` desnudo. Meta: ≤ 200 ns.
- ``fecha_limite_reporte`` en caliente frente a ``numpy.busday_offset(..., roll="forward")`` con
  los mismos festivos. Meta: ≤ 1 µs (se guarda por trimestre).
- ``dias_habiles_entre`` sobre intervalos de hasta un año frente a ``numpy.busday_count`` (escalar)
  con los mismos festivos. Meta (issue 12): ≤ 2× (forma cerrada sobre festivos ordenados).
- El costo de ``import sdg_metas`` frente a un intérprete vacío. Meta: ≤ 50 ms de más.

numpy solo se usa aquí; no es dependencia de la biblioteca.
Uso: ``python bench/bench_calendario.py``.
"""

from __future__ import annotations

import datetime
import statistics
import subprocess
import sys
import time
import timeit

import holidays
import numpy as np

from sdg_metas import Trimestre, dias_habiles_entre, es_dia_habil, fecha_limite_reporte, festivos

AÑOS = range(2020, 2031)


def por_llamada(funcion: object, numero: int) -> float:
    tiempos = timeit.repeat(funcion, number=numero, repeat=5)  # type: ignore[arg-type]
    return min(tiempos) / numero


def fechas_de_prueba() -> list[datetime.date]:
    inicio = datetime.date(2020, 1, 1)
    return [inicio + datetime.timedelta(days=i) for i in range(0, 365 * 10, 7)]


def main() -> None:
    fechas = fechas_de_prueba()
    for año in AÑOS:  # calentar las cachés
        festivos(año)
    co = holidays.CO(years=AÑOS, observed=True)
    conjunto = frozenset(co)

    n = len(fechas)
    nuestro = por_llamada(lambda: [es_dia_habil(f) for f in fechas], 200) / n
    par = por_llamada(lambda: [f in co for f in fechas], 200) / n
    desnudo = por_llamada(lambda: [f in conjunto for f in fechas], 200) / n
    print(f"es_dia_habil (caliente):        {nuestro * 1e9:8.0f} ns/llamada")
    print(f"fecha in holidays.CO(...):       {par * 1e9:8.0f} ns  razón {nuestro / par:5.2f}")
    print(f"fecha in frozenset:              {desnudo * 1e9:8.0f} ns  razón {nuestro / desnudo:5.2f}")

    trimestres = [Trimestre(a, k) for a in AÑOS for k in (1, 2, 3, 4)]
    for t in trimestres:
        fecha_limite_reporte(t)
    dias15 = np.array(
        [np.datetime64(t.fin + datetime.timedelta(days=15)) for t in trimestres],
        dtype="datetime64[D]",
    )
    feriados = np.array(sorted(np.datetime64(f) for f in conjunto), dtype="datetime64[D]")
    calendario_np = np.busdaycalendar(holidays=feriados)
    m = len(trimestres)
    nuestro_l = por_llamada(lambda: [fecha_limite_reporte(t) for t in trimestres], 500) / m
    escalar = por_llamada(
        lambda: [np.busday_offset(d, 0, roll="forward", busdaycal=calendario_np) for d in dias15],
        50,
    ) / m
    vector = por_llamada(
        lambda: np.busday_offset(dias15, 0, roll="forward", busdaycal=calendario_np), 500
    ) / m
    ours = [fecha_limite_reporte(t) for t in trimestres]
    theirs = np.busday_offset(dias15, 0, roll="forward", busdaycal=calendario_np)
    assert [np.datetime64(f) for f in ours] == list(theirs), "numpy no coincide"
    print(f"fecha_limite_reporte (caliente): {nuestro_l * 1e9:8.0f} ns/llamada")
    print(f"numpy.busday_offset escalar:     {escalar * 1e9:8.0f} ns  razón {nuestro_l / escalar:5.2f}")
    print(f"numpy.busday_offset vectorial:   {vector * 1e9:8.0f} ns/fecha  razón {nuestro_l / vector:5.2f}")

    # dias_habiles_entre (desde, hasta] frente a numpy.busday_count [desde + 1, hasta + 1)
    pares = [
        (f, f + datetime.timedelta(days=(37 * i) % 366)) for i, f in enumerate(fechas[:300])
    ]
    pares_np = [
        (np.datetime64(a + datetime.timedelta(days=1)), np.datetime64(b + datetime.timedelta(days=1)))
        for a, b in pares
    ]
    esperado = [int(np.busday_count(a, b, busdaycal=calendario_np)) for a, b in pares_np]
    assert [dias_habiles_entre(a, b) for a, b in pares] == esperado, "numpy no coincide"
    k = len(pares)
    nuestro_d = por_llamada(lambda: [dias_habiles_entre(a, b) for a, b in pares], 50) / k
    par_d = por_llamada(
        lambda: [np.busday_count(a, b, busdaycal=calendario_np) for a, b in pares_np], 50
    ) / k
    print(f"dias_habiles_entre (≤ 1 año):    {nuestro_d * 1e9:8.0f} ns/llamada")
    print(f"numpy.busday_count escalar:      {par_d * 1e9:8.0f} ns  razón {nuestro_d / par_d:5.2f}  (meta ≤ 2)")

    def arranque(codigo: str) -> float:
        muestras = []
        for _ in range(9):
            inicio = time.perf_counter()
            subprocess.run([sys.executable, "-c", codigo], check=True)
            muestras.append(time.perf_counter() - inicio)
        return statistics.median(muestras)

    vacio = arranque("pass")
    con = arranque("import sdg_metas")
    print(f"intérprete vacío:                {vacio * 1e3:8.1f} ms")
    solo_attrs = arranque("import attrs")
    print(f"import attrs (dependencia):      {solo_attrs * 1e3:8.1f} ms  (+{(solo_attrs - vacio) * 1e3:.1f} ms)")
    print(f"import sdg_metas:                {con * 1e3:8.1f} ms  (+{(con - vacio) * 1e3:.1f} ms)")


if __name__ == "__main__":
    main()
