"""Mide la calificación (CON-01) y el ranking (CON-02) de planes de gestión completos.

Dos escenarios, en los cuatro trimestres:

1. un año típico: 20 Alcaldías Locales + 40 procesos del nivel central, 30 metas por plan;
2. un año sintético de 100 000 metas (planes de 30 metas).

Imprime el tiempo por meta-trimestre de ``calificacion`` + ``ranking`` y la razón frente a pandas
haciendo el mismo promedio ponderado (acumulado SUMA, cumplimiento, acotado a [0, 1], metas sin
reporte en 0, metas no programadas fuera, pesos renormalizados, ranking olímpico) en float,
vectorizado, sobre los mismos datos, medido en la misma ejecución. Comprueba además que ambas
calificaciones coinciden (tolerancia 1e-9). pandas solo se usa aquí; no es dependencia de la
biblioteca.

Uso: ``python bench/bench_plan.py [N]`` (N metas del escenario sintético; 100 000 por defecto).
"""

from __future__ import annotations

import argparse
import random
import time
from decimal import Decimal

from sdg_metas import Meta, PlanDeGestion, Programacion, Reporte, Trimestre, ranking

VIGENCIA = 2025
METAS_POR_PLAN = 30


def generar(planes: int, semilla: int = 2025) -> tuple[list[PlanDeGestion], list[tuple]]:
    """Planes de metas SUMA (algunos trimestres sin programar, ~10 % de reportes faltantes) y las
    mismas cifras como tuplas planas para pandas."""
    azar = random.Random(semilla)
    resultado = []
    crudo = []
    for i in range(planes):
        unidad = f"Alcaldía Local {i:05d}" if i % 3 == 0 else f"Proceso {i:05d}"
        metas = []
        reportes = []
        for j in range(METAS_POR_PLAN):
            prog = [None if azar.random() < 0.15 else azar.randint(1, 50) for _ in range(4)]
            if all(v is None for v in prog):
                prog[3] = 10
            magnitud = sum(v for v in prog if v is not None)
            codigo = f"M{j:02d}"
            peso = azar.randint(1, 10)
            metas.append(Meta(codigo=codigo, descripcion=f"Realizar {magnitud} acciones",
                              programacion=Programacion("suma", magnitud, prog), peso=peso))
            ejecuciones = [None if azar.random() < 0.1 else azar.randint(0, 60) for _ in range(4)]
            for k, e in enumerate(ejecuciones, 1):
                if e is not None:
                    reportes.append(Reporte(codigo_meta=codigo, trimestre=Trimestre(VIGENCIA, k),
                                            ejecucion=Decimal(e)))
            crudo.append((unidad, codigo, peso, *prog, *ejecuciones))
        resultado.append(PlanDeGestion(vigencia=VIGENCIA, unidad=unidad, nivel="central",
                                       metas=metas, reportes=reportes))
    return resultado, crudo


def medir_sdg(planes: list[PlanDeGestion]) -> tuple[float, dict[tuple[str, int], Decimal | None]]:
    inicio = time.perf_counter()
    valores = {}
    for k in (1, 2, 3, 4):
        for posicion in ranking(planes, k):
            valores[(posicion.unidad, k)] = posicion.valor
    return time.perf_counter() - inicio, valores


def medir_pandas(crudo: list[tuple]) -> tuple[float, dict[tuple[str, int], float]] | None:
    try:
        import numpy as np
        import pandas as pd
    except ImportError:
        return None
    columnas = ["unidad", "codigo", "peso", "p1", "p2", "p3", "p4", "e1", "e2", "e3", "e4"]
    df = pd.DataFrame(crudo, columns=columnas)
    inicio = time.perf_counter()
    p = df[["p1", "p2", "p3", "p4"]].to_numpy(dtype=float)
    e = df[["e1", "e2", "e3", "e4"]].to_numpy(dtype=float)
    pa = np.nancumsum(p, axis=1)
    ea = np.nancumsum(e, axis=1)
    reportado = np.cumsum(~np.isnan(e), axis=1) > 0
    programado = np.cumsum(~np.isnan(p), axis=1) > 0
    valores = {}
    for k in range(4):
        c = np.where(reportado[:, k], ea[:, k] / np.where(pa[:, k] == 0, np.nan, pa[:, k]), 0.0)
        c = np.clip(c, 0.0, 1.0)
        cuenta = programado[:, k]
        tabla = pd.DataFrame({"unidad": df["unidad"], "wc": df["peso"] * c * cuenta,
                              "w": df["peso"] * cuenta})
        suma = tabla.groupby("unidad", sort=False)[["wc", "w"]].sum()
        calif = (suma["wc"] / suma["w"].where(suma["w"] > 0)).round(10)
        calif.rank(method="min", ascending=False)
        valores.update({(u, k + 1): v for u, v in calif.items()})
    return time.perf_counter() - inicio, valores


def escenario(nombre: str, planes_n: int) -> None:
    planes, crudo = generar(planes_n)
    metas = planes_n * METAS_POR_PLAN
    t_sdg, v_sdg = medir_sdg(planes)
    por_meta = t_sdg / (metas * 4) * 1e6
    print(f"{nombre}: {planes_n} planes × {METAS_POR_PLAN} metas × 4 trimestres")
    print(f"  sdg_metas  {t_sdg:8.3f} s   {por_meta:7.2f} µs por meta-trimestre")
    medido = medir_pandas(crudo)
    if medido is None:
        print("  pandas no está instalado: sin comparación")
        return
    t_pd, v_pd = medido
    diferencias = sum(
        1 for clave, v in v_sdg.items()
        if (v is None) != (v_pd[clave] != v_pd[clave])
        or (v is not None and abs(float(v) - v_pd[clave]) > 1e-9)
    )
    print(f"  pandas     {t_pd:8.3f} s   {t_pd / (metas * 4) * 1e6:7.2f} µs por meta-trimestre")
    print(f"  razón sdg_metas / pandas: {t_sdg / t_pd:6.1f}×   calificaciones distintas: "
          f"{diferencias}")


def main() -> None:
    parser = argparse.ArgumentParser(description="Calificación y ranking de planes frente a pandas.")
    parser.add_argument("metas", nargs="?", type=int, default=100_000,
                        help="metas del año sintético (100 000 por defecto)")
    n = parser.parse_args().metas
    escenario("Año típico (20 Alcaldías + 40 procesos)", 60)
    escenario(f"Año sintético ({n} metas)", max(1, n // METAS_POR_PLAN))


if __name__ == "__main__":
    main()
