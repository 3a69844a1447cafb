"""El analizador de argumentos de ``sdg-metas``: ``argparse`` con los textos en español."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from . import _comandos as c
from . import _lotes as lotes
from ._salida import FORMATOS, Resultado
from ._terminal import avisar

Comando = Callable[[argparse.Namespace], tuple[int, Resultado]]

_TRADUCCIONES = (
    ("the following arguments are required", "faltan los argumentos"),
    ("unrecognized arguments", "argumentos no reconocidos"),
    ("invalid choice", "opción inválida"),
    ("choose from", "elija entre"),
    ("expected one argument", "se esperaba un argumento"),
    ("expected at least one argument", "se esperaba al menos un argumento"),
    ("ignored explicit argument", "no admite un valor; se dio"),
    ("ambiguous option", "opción ambigua"),
    ("could match", "puede ser"),
    ("not allowed with argument", "no se admite junto con el argumento"),
    ("invalid int value", "no es un número entero"),
    ("argument ", "argumento "),
)

EPILOGO = (
    "Códigos de salida: 0 bien; 1 `validar` encontró hallazgos de severidad error, o "
    "`modificacion` no es elegible; 3 `modificacion` requiere revisión de la OAP; 2 error de "
    "entrada o de salida (mensaje en español, sin traza); 130 interrumpido (Ctrl-C)."
)
_AYUDA_MODIFICACION = (
    "Códigos de salida: 0 la solicitud es elegible; 1 no es elegible; 3 requiere revisión de la "
    "OAP (segunda modificación por cambio normativo o fuerza mayor, Política 9); 2 error de "
    "entrada; 130 interrumpido (Ctrl-C)."
)


class _Parser(argparse.ArgumentParser):
    """``argparse`` con los textos propios en español."""

    def __init__(self, *args: Any, ayuda: bool = True, **kwargs: Any) -> None:
        kwargs["add_help"] = False
        # Sin abreviaturas: `--salid x` o `--form json` son errores, no `--salida`/`--formato`
        # adivinados (una opción nueva podría cambiar lo que una abreviatura quiere decir).
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumentos"
        self._optionals.title = "opciones"
        if ayuda:
            self.add_argument("-h", "--help", action="help", help="muestra esta ayuda y termina")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "uso:", 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage:", "uso:", 1)

    def error(self, message: str) -> NoReturn:
        for ingles, espanol in _TRADUCCIONES:
            message = message.replace(ingles, espanol)
        self.print_usage(sys.stderr)
        avisar(f"{self.prog}: error: {message}\n")
        sys.exit(2)


def _padres() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    salida = _Parser(ayuda=False)
    salida._optionals.title = "salida"
    salida.add_argument(
        "--formato", choices=FORMATOS, default="tabla",
        help="tabla (por defecto, para leer en la terminal), json o csv (para programas), "
             "xlsx (un libro de Excel; requiere --salida)",
    )
    salida.add_argument("--salida", metavar="ARCHIVO",
                        help="escribe el resultado en ARCHIVO en vez de la salida estándar")
    salida.add_argument(
        "--decimal", choices=(".", ","), default=".",
        help="separador decimal de los CSV/Excel que se leen y de los CSV que se escriben (',' "
             "para Excel en español: el CSV sale con ';', coma decimal y BOM UTF-8)",
    )
    archivos = _Parser(ayuda=False)
    archivos._optionals.title = "archivos CSV y Excel"
    archivos.add_argument("--delimitador", choices=(",", ";"), default=None,
                          help="delimitador de los CSV (por defecto se detecta)")
    archivos.add_argument("--unidad", help="la unidad del plan, si el archivo no la trae")
    archivos.add_argument("--nivel", choices=("central", "local"),
                          help="el nivel del plan, si el archivo no lo trae")
    archivos.add_argument("--hoja", help="la hoja del libro de Excel (por defecto, la primera)")
    archivos.add_argument("--fila-encabezado", type=int, metavar="N",
                          help="la fila de los encabezados en el CSV/Excel (1 = la primera)")
    archivos.add_argument("--ignorar-columnas", action="store_true",
                          help="ignora las columnas desconocidas en vez de rechazarlas")
    return salida, archivos


def _comandos(sub: Any, salida: argparse.ArgumentParser,
              archivos: argparse.ArgumentParser) -> None:
    def comando(nombre: str, ayuda: str, funcion: Comando, *, con_archivos: bool = True,
                epilogo: str | None = None) -> argparse.ArgumentParser:
        padres = [salida, archivos] if con_archivos else [salida]
        p: argparse.ArgumentParser = sub.add_parser(nombre, help=ayuda, description=ayuda, parents=padres, epilog=epilogo)
        p.set_defaults(funcion=funcion)
        return p

    def un_plan(p: argparse.ArgumentParser) -> None:
        p.add_argument("plan", metavar="PLAN", help="archivo del plan (.json, .csv o .xlsx)")
        p.add_argument("--vigencia", help="la vigencia del plan, si el archivo no la trae")

    def varios(p: argparse.ArgumentParser, *, con_vigencia: bool = True) -> None:
        p.add_argument("planes", nargs="+", metavar="PLAN", help="archivos de los planes")
        if con_vigencia:
            p.add_argument("--vigencia", required=True, help="el año, por ejemplo 2025")

    comando("demo", "evalúa y explica el plan de ejemplo incluido", c.demo, con_archivos=False)
    p = comando("plazos", "las fechas límite de reporte de un año y por qué se movieron",
                c.plazos, con_archivos=False)
    p.add_argument("vigencia", metavar="VIGENCIA", help="el año, por ejemplo 2026")
    p = comando("evaluar", "evalúa un plan a un trimestre: cifras, semáforo, hallazgos y "
                "calificación", c.evaluar)
    un_plan(p)
    p.add_argument("--trimestre", metavar="AAAA-Tn",
                   help="por ejemplo 2025-T2 (por defecto el último reportado)")
    un_plan(comando("validar", "hallazgos de formulación y de reportes de un plan (sale con 1 "
                    "si hay errores)", c.validar))
    p = comando("modificacion", "elegibilidad de una solicitud de modificación (Política 9)",
                c.modificacion, epilogo=_AYUDA_MODIFICACION)
    p.add_argument("solicitud", metavar="SOLICITUD", help="archivo JSON de la solicitud")
    p.add_argument("--plan", required=True, metavar="PLAN", help="archivo del plan de la meta")
    p.add_argument("--vigencia", help="la vigencia del plan, si el archivo no la trae")
    varios(comando("consolidar", "filas del consolidado anual de varios planes (CON-04)",
                   lotes.consolidar))
    p = comando("ranking", "ranking de gestión de varios planes en un trimestre (CON-02)",
                lotes.ranking)
    varios(p, con_vigencia=False)
    p.add_argument("--trimestre", required=True, metavar="AAAA-Tn", help="por ejemplo 2025-T2")
    varios(comando("informe", "informe de gestión de la vigencia, una fila por plan (CON-04)",
                   lotes.informe))
    p = comando("ejemplos", "escribe el plan y la solicitud de ejemplo en un directorio",
                c.ejemplos, con_archivos=False)
    p.add_argument("directorio", metavar="DIR", help="el directorio (se crea si no existe)")


def construir_parser() -> argparse.ArgumentParser:
    """El analizador de argumentos de ``sdg-metas``."""
    from .. import __version__

    raiz = _Parser(prog="sdg-metas", epilog=EPILOGO, description=(
        "Reglas del procedimiento PLE-PIN-P005 v8 «Formulación y seguimiento del Plan de "
        "Gestión» (Secretaría Distrital de Gobierno de Bogotá)."))
    raiz.add_argument("--version", action="version", version=f"sdg-metas {__version__}",
                      help="muestra la versión y termina")
    sub = raiz.add_subparsers(dest="comando", metavar="COMANDO", title="comandos",
                              parser_class=_Parser)
    sub.required = True
    _comandos(sub, *_padres())
    return raiz
