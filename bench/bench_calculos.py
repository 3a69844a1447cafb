"""Mide ``evaluar`` sobre 100 000 metas aleatorias en los cuatro trimestres.

Imprime el tiempo por evaluación y la razón frente a las mismas fórmulas hechas con pandas
(vectorizadas, en float) sobre los mismos datos, medidas en la misma ejecución. pandas solo se usa
aquí; no es dependencia de la biblioteca. Meta de diseño: ≤ 10 µs por llamada a ``evaluar``.

Uso: ``python bench/bench_calculos.py [N]`` (N metas; 100 000 por defecto).
"""

from __future__ import annotations

import random
import sys
import time
from decimal import Decimal

from sdg_metas import Programacion, evaluar

TIPOS = ("suma", "constante", "creciente", "decreciente")


def generar(n: int, semilla: int = 2025) -> list[tuple[Programacion, list[Decimal | None]]]:
    azar = random.Random(semilla)
    metas = []
    for i in range(n):
        tipo = TIPOS[i % 4]
        if tipo == "suma":
            plan = [Decimal(azar.randint(0, 50)) for _ in range(4)]
            p = Programacion(tipo, sum(plan), plan)
        elif tipo == "constante":
            m = Decimal(azar.randint(1, 100))
            p = Programacion(tipo, m, [m] * 4)
        elif tipo == "creciente":
            plan = sorted(Decimal(azar.randint(10, 100)) for _ in range(4))
            p = Programacion(tipo, plan[-1], plan, linea_base=Decimal(azar.randint(0, 9)))
        else:
            plan = sorted((Decimal(azar.randint(0, 90)) for _ in range(4)), reverse=True)
            p = Programacion(tipo, plan[-1], plan, linea_base=Decimal(azar.randint(91, 200)))
        ejecuciones: list[Decimal | None] = [
            None if azar.random() < 0.1 else Decimal(azar.randint(0, 120)) for _ in range(4)
        ]
        metas.append((p, ejecuciones))
    return metas


def medir_sdg(metas: list[tuple[Programacion, list[Decimal | None]]]) -> float:
    inicio = time.perf_counter()
    for p, ejecuciones in metas:
        for hasta in (1, 2, 3, 4):
            evaluar(p, ejecuciones, hasta)
    return time.perf_counter() - inicio


def medir_pandas(metas: list[tuple[Programacion, list[Decimal | None]]]) -> float | None:
    try:
        import numpy as np
        import pandas as pd
    except ImportError:
        return None
    filas = []
    for p, e in metas:
        filas.append(
            {
                "tipo": p.tipo.value,
                "m": float(p.magnitud),
                "lb": float(p.linea_base) if p.linea_base is not None else 0.0,
                **{f"p{q}": float(v) if v is not None else np.nan for q, v in enumerate(p.trimestres, 1)},
                **{f"e{q}": float(v) if v is not None else np.nan for q, v in enumerate(e, 1)},
            }
        )
    df = pd.DataFrame(filas)
    inicio = time.perf_counter()
    for k in (1, 2, 3, 4):
        pcols = [f"p{q}" for q in range(1, k + 1)]
        ecols = [f"e{q}" for q in range(1, k + 1)]
        suma = df["tipo"] == "suma"
        constante = df["tipo"] == "constante"
        creciente = df["tipo"] == "creciente"
        decreciente = df["tipo"] == "decreciente"
        ea = pd.Series(np.nan, index=df.index)
        pa = pd.Series(np.nan, index=df.index)
        ea[suma] = df.loc[suma, ecols].sum(axis=1, min_count=1)
        pa[suma] = df.loc[suma, pcols].sum(axis=1)
        ea[constante] = df.loc[constante, ecols].mean(axis=1)
        pa[constante] = df.loc[constante, "m"]
        ultimo_e = df[ecols].ffill(axis=1).iloc[:, -1]
        ultimo_p = df[pcols].ffill(axis=1).iloc[:, -1]
        mono = creciente | decreciente
        ea[mono] = ultimo_e[mono]
        pa[mono] = ultimo_p[mono]
        lb = df["lb"]
        num = ea.where(~creciente, ea - lb).where(~decreciente, lb - ea)
        den = pa.where(~creciente, pa - lb).where(~decreciente, lb - pa)
        cumplimiento = (num / den.replace(0, np.nan))
        den_m = df["m"].where(~creciente, df["m"] - lb).where(~decreciente, lb - df["m"])
        vigencia = num / den_m.replace(0, np.nan)
        e_k, p_k = df[f"e{k}"], df[f"p{k}"]
        num_k = e_k.where(~creciente, e_k - lb).where(~decreciente, lb - e_k)
        den_k = p_k.where(~creciente, p_k - lb).where(~decreciente, lb - p_k)
        trimestre = num_k / den_k.replace(0, np.nan)
        _ = (cumplimiento.sum(), vigencia.sum(), trimestre.sum())
    return time.perf_counter() - inicio


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    metas = generar(n)
    llamadas = 4 * n
    t_sdg = medir_sdg(metas)
    print(f"sdg_metas.evaluar: {llamadas} llamadas en {t_sdg:.3f} s "
          f"= {t_sdg / llamadas * 1e6:.2f} µs por llamada (meta ≤ 10 µs)")
    t_pd = medir_pandas(metas)
    if t_pd is None:
        print("pandas no está instalado: sin comparación (pip install pandas)")
        return
    print(f"pandas (vectorizado, float): {t_pd:.3f} s = {t_pd / llamadas * 1e6:.3f} µs por meta-trimestre")
    print(f"razón sdg_metas / pandas: {t_sdg / t_pd:.1f}×")


if __name__ == "__main__":
    main()
