"""Mide cuánto tarda y cuánta memoria usa rechazar cada entrada hostil (issue 15).

Genera el corpus de ``tests/hostiles/generar.py`` con los tamaños del informe del ataque
(``--escala 8``: un libro de ~3 MB con ~900 MB de textos compartidos, 1,6 millones de reportes
vacíos …) más un JSON de reportes vacíos del tamaño máximo (``max_bytes``), y carga cada archivo
en un proceso propio, midiendo el tiempo y el pico de memoria residente (``ru_maxrss``). La meta
del issue: «no input within the limits takes more than a few seconds or ~500 MB to refuse or
load». No es parte de las pruebas (tarda y usa disco).

Uso: ``python bench/bench_hostiles.py [--escala 8] [--solo NOMBRE]``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

from tests.hostiles.generar import HOSTILES, _plan_texto  # noqa: E402

#: El issue pide rechazar en unos pocos segundos y con ~500 MB como mucho.
SEGUNDOS = 5.0
MEGAS = 500


def _uno(ruta: str) -> None:
    """En el proceso hijo: carga ``ruta`` e imprime (código, segundos, MB de pico) en JSON."""
    from sdg_metas.archivos import cargar_plan
    from sdg_metas.errores import ErrorSdgMetas

    inicio = time.perf_counter()
    try:
        cargar_plan(ruta)
        codigo = "CARGADO"
    except ErrorSdgMetas as e:
        codigo = e.codigo
    segundos = time.perf_counter() - inicio
    # VmHWM (pico residente de este proceso); ru_maxrss se hereda del padre a través de exec.
    estado = Path("/proc/self/status").read_text(encoding="ascii").split("\n")
    pico = next(int(linea.split()[1]) for linea in estado if linea.startswith("VmHWM:")) / 1024
    print(json.dumps({"codigo": codigo, "segundos": segundos, "megas": pico}))


def _reportes_al_maximo(carpeta: Path) -> Path:
    """Un JSON de 50 MB (``MAX_BYTES``) casi todo reportes vacíos: ~16 millones de ``{}``."""
    from sdg_metas.archivos import MAX_BYTES

    texto = _plan_texto()
    relleno = (MAX_BYTES - len(texto.encode()) - 16) // 3
    ruta = carpeta / "reportes_50mb.json"
    ruta.write_text(texto.replace('"reportes": [', '"reportes": [' + "{}," * relleno, 1),
                    encoding="utf-8")
    return ruta


def _xml_al_maximo(carpeta: Path) -> Path:
    """Un libro con ~95 MB de hoja (justo bajo ``max_xml_xlsx``) de filas de una celda: la
    inspección en flujo recorre hasta la fila ``max_filas + 1`` y lo rechaza."""
    import zipfile

    from tests.hostiles.generar import _LIBRO, _LIBRO_RELS, _NS, _RELS, _TIPOS

    ruta = carpeta / "xml_al_maximo.xlsx"
    with zipfile.ZipFile(ruta, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for nombre, texto in (("[Content_Types].xml", _TIPOS), ("_rels/.rels", _RELS),
                              ("xl/workbook.xml", _LIBRO),
                              ("xl/_rels/workbook.xml.rels", _LIBRO_RELS)):
            z.writestr(nombre, texto)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as parte:
            parte.write(f"<worksheet {_NS}><sheetData>".encode())
            total = 0
            fila = 1
            while total < 95 * 1024 * 1024:
                bloque = "".join(f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>'
                                 for n in range(fila, fila + 10_000)).encode()
                parte.write(bloque)
                total += len(bloque)
                fila += 10_000
            parte.write(b"</sheetData></worksheet>")
    return ruta


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__)
    argumentos.add_argument("--escala", type=int, default=8)
    argumentos.add_argument("--solo", default=None)
    argumentos.add_argument("--uno", default=None, help=argparse.SUPPRESS)
    args = argumentos.parse_args()
    if args.uno:
        _uno(args.uno)
        return
    entorno = {**os.environ, "PYTHONPATH": os.pathsep.join([str(RAIZ / "src"), *sys.path])}
    with tempfile.TemporaryDirectory() as temporal:
        carpeta = Path(temporal)
        casos: dict[str, Path] = {}
        for hostil in HOSTILES:
            if args.solo in (None, hostil.nombre):
                casos[hostil.nombre] = hostil.crear(carpeta, args.escala)
        if args.solo in (None, "json_reportes_50mb"):
            casos["json_reportes_50mb"] = _reportes_al_maximo(carpeta)
        if args.solo in (None, "xlsx_xml_al_maximo"):
            casos["xlsx_xml_al_maximo"] = _xml_al_maximo(carpeta)
        print(f"{'entrada':36} {'bytes':>10} {'código':26} {'s':>7} {'MB':>7}")
        malos = 0
        for nombre, ruta in casos.items():
            tamano = ruta.stat().st_size if ruta.is_file() else 0
            hijo = subprocess.run(
                [sys.executable, __file__, "--uno", str(ruta)], capture_output=True, text=True,
                env=entorno, timeout=600, check=True,
            )
            r = json.loads(hijo.stdout)
            fuera = r["segundos"] > SEGUNDOS or r["megas"] > MEGAS
            malos += fuera
            print(f"{nombre:36} {tamano:>10} {r['codigo']:26} {r['segundos']:7.2f} "
                  f"{r['megas']:7.0f}{'  ← fuera de la meta' if fuera else ''}")
        print(f"\nmeta: < {SEGUNDOS} s y < {MEGAS} MB; fuera de la meta: {malos}")


if __name__ == "__main__":
    main()
