"""Mide ``sdg-metas plazos 2026`` de punta a punta frente a su par, en la misma ejecución.

El par es lo mínimo que cualquier programa hace para conocer los festivos de Colombia:
``python -c "import holidays; holidays.CO(years=2026)"``. Los dos se lanzan como procesos
(intérprete, importaciones y trabajo incluidos), intercalados, varias veces; se informa la mediana
y el mínimo de cada uno y la razón de las medianas. Meta: razón ≤ 1.5 (issue 10).

Uso: ``python bench/bench_plazos.py [--repeticiones 15]``. Sale con 1 si la razón supera la meta.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence

META = 1.5


def orden_plazos() -> list[str]:
    """El comando instalado ``sdg-metas`` o, si no está en el PATH, ``python -m sdg_metas``."""
    script = shutil.which("sdg-metas")
    base = [script] if script else [sys.executable, "-m", "sdg_metas"]
    return [*base, "plazos", "2026"]


ORDEN_PAR = [sys.executable, "-c", "import holidays; holidays.CO(years=2026)"]


def medir(orden: Sequence[str]) -> float:
    inicio = time.perf_counter()
    subprocess.run(orden, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - inicio


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeticiones", type=int, default=15, help="corridas de cada uno")
    args = parser.parse_args(argv)
    plazos = orden_plazos()
    medir(plazos)  # calentar la caché de bytecode y de disco
    medir(ORDEN_PAR)
    nuestros: list[float] = []
    pares: list[float] = []
    for _ in range(args.repeticiones):  # intercalados: la carga de la máquina afecta a ambos
        nuestros.append(medir(plazos))
        pares.append(medir(ORDEN_PAR))
    razon = statistics.median(nuestros) / statistics.median(pares)
    print(f"{' '.join(plazos[-3:])}: mediana {statistics.median(nuestros) * 1e3:6.1f} ms, "
          f"mínimo {min(nuestros) * 1e3:6.1f} ms")
    print(f"import holidays; holidays.CO(years=2026): mediana "
          f"{statistics.median(pares) * 1e3:6.1f} ms, mínimo {min(pares) * 1e3:6.1f} ms")
    print(f"razón (medianas): {razon:.2f} (meta ≤ {META}); "
          f"razón (mínimos): {min(nuestros) / min(pares):.2f}")
    return 0 if razon <= META else 1


if __name__ == "__main__":
    sys.exit(main())
