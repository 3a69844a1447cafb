"""Mide los comandos de varios planes (``consolidar``, ``ranking``, ``informe``) sobre 30 y
3 000 archivos JSON de planes de 30 metas (issue 12: en flujo).

Cada medición corre en un subproceso nuevo (``python -c``), así la memoria de una no se suma a
la de otra: el subproceso llama a ``sdg_metas.cli.main`` con ``--formato csv`` (salida a
``/dev/null``) y mide el tiempo y el pico de memoria del proceso (``VmHWM`` de
``/proc/self/status``, que cuenta desde el ``exec``; si no existe, ``ru_maxrss``); con ``--tracemalloc``, también el pico de memoria de Python (el tiempo se
alarga varias veces). Lo que se quiere ver: el pico de la lectura y la evaluación no crece con el número de
archivos (se carga un plan a la vez); lo que sí crece es la salida que el comando arma (las
filas de ``consolidar``: una por meta de todos los planes; una por plan en ``ranking`` e
``informe``).

Uso: ``python bench/bench_lotes.py [--archivos 30,3000] [--tracemalloc]``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_escala import VIGENCIA, construir, generar

from sdg_metas.archivos import guardar_plan

_MEDIR = """
import json, resource, sys, time, tracemalloc
from sdg_metas.cli import main
argv, traza = json.loads(sys.argv[1]), sys.argv[2] == "1"
if traza:
    tracemalloc.start()
inicio = time.perf_counter()
with open("/dev/null", "w", encoding="utf-8") as nulo:
    codigo = main(argv, nulo)
tiempo = time.perf_counter() - inicio
pico = tracemalloc.get_traced_memory()[1] if traza else 0
maximo = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB; incluye al padre del fork
try:  # VmHWM: el pico de este proceso desde su exec (Linux)
    with open("/proc/self/status", encoding="ascii") as estado:
        maximo = next(int(l.split()[1]) for l in estado if l.startswith("VmHWM:"))
except (OSError, StopIteration):
    pass
print(json.dumps({"codigo": codigo, "tiempo": tiempo, "pico": pico, "maxrss": maximo * 1024}))
"""


def escribir(directorio: Path, n: int) -> list[str]:
    """``n`` archivos JSON de planes de 30 metas (unidades distintas) en ``directorio``."""
    rutas = []
    for datos in generar(n, semilla=n):
        # Un plan a la vez: este proceso queda pequeño mientras mide.
        plan = construir([datos])[0]
        ruta = directorio / f"{plan.unidad.replace(' ', '_')}.json"
        guardar_plan(plan, ruta)
        rutas.append(str(ruta))
    return rutas


def medir(argv: list[str], traza: bool) -> dict[str, float]:
    salida = subprocess.run(
        [sys.executable, "-c", _MEDIR, json.dumps(argv), "1" if traza else "0"],
        check=True, capture_output=True, text=True,
    )
    return json.loads(salida.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    analizador = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analizador.add_argument("--archivos", default="30,3000",
                            help="cuántos archivos, separados por coma (por omisión 30,3000)")
    analizador.add_argument("--tracemalloc", action="store_true",
                            help="mide también el pico de memoria de Python (más lento)")
    opciones = analizador.parse_args()
    cantidades = [int(x) for x in opciones.archivos.split(",")]
    comandos = {
        "consolidar": ["consolidar", "--vigencia", str(VIGENCIA)],
        "ranking": ["ranking", "--trimestre", f"{VIGENCIA}-T4"],
        "informe": ["informe", "--vigencia", str(VIGENCIA)],
    }
    with tempfile.TemporaryDirectory() as temporal:
        for n in cantidades:
            directorio = Path(temporal) / str(n)
            directorio.mkdir()
            inicio = time.perf_counter()
            rutas = escribir(directorio, n)
            print(f"{n:>5,} archivos escritos en {time.perf_counter() - inicio:5.1f} s")
            for nombre, argv in comandos.items():
                r = medir([*argv, *rutas, "--formato", "csv"], opciones.tracemalloc)
                python = f"  pico Python {r['pico'] / 2**20:6.1f} MiB" if opciones.tracemalloc else ""
                print(f"  {nombre:<10} {n:>5,} archivos: {r['tiempo']:6.2f} s  pico del proceso "
                      f"{r['maxrss'] / 2**20:6.1f} MiB{python}  (código {int(r['codigo'])})")


if __name__ == "__main__":
    main()
