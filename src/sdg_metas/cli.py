"""La línea de comandos ``sdg-metas`` (también ``python -m sdg_metas``): una capa delgada.

Subcomandos:

- ``demo``: evalúa el plan de ejemplo incluido en cada trimestre y lo explica.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import TextIO

from .calculos import evaluar
from .ejemplos import plan_ejemplo
from .errores import ErrorSdgMetas
from .numeros import porcentaje, texto_numero

__all__ = ["main"]


def _texto(valor: Decimal | None, *, es_fraccion: bool = False) -> str:
    if valor is None:
        return "—"
    if es_fraccion:
        return f"{porcentaje(valor)} %"
    return texto_numero(valor)


def _tabla(encabezados: Sequence[str], filas: Sequence[Sequence[str]], salida: TextIO) -> None:
    anchos = [len(h) for h in encabezados]
    for fila in filas:
        anchos = [max(a, len(c)) for a, c in zip(anchos, fila)]
    salida.write("  ".join(h.ljust(a) for h, a in zip(encabezados, anchos)).rstrip() + "\n")
    salida.write("  ".join("-" * a for a in anchos) + "\n")
    for fila in filas:
        salida.write("  ".join(c.ljust(a) for c, a in zip(fila, anchos)).rstrip() + "\n")


def _demo(_args: argparse.Namespace, salida: TextIO) -> int:
    plan = plan_ejemplo()
    salida.write(f"Plan de gestión de ejemplo: {plan.unidad}, vigencia {plan.vigencia}\n")
    salida.write("Procedimiento PLE-PIN-P005 v8; avances como porcentaje (ROUND_HALF_UP).\n")
    encabezados = ("meta", "tipo", "programado", "ejecutado", "avance trim.", "cumplimiento",
                   "avance vigencia")
    for trimestre in range(1, 5):
        salida.write(f"\nTrimestre {plan.vigencia}-T{trimestre}\n")
        filas = []
        for meta in plan.metas:
            r = evaluar(meta.programacion, plan.ejecuciones(meta.codigo), trimestre)
            filas.append((
                meta.codigo,
                meta.programacion.tipo.name,
                _texto(r.programado_acumulado),
                _texto(r.ejecucion_acumulada),
                _texto(r.avance_trimestre, es_fraccion=True),
                _texto(r.cumplimiento, es_fraccion=True),
                _texto(r.avance_vigencia, es_fraccion=True),
            ))
        _tabla(encabezados, filas, salida)
    salida.write(
        "\n«—» = no aplica (trimestre no programado, sin reporte o denominador 0).\n"
    )
    return 0


def construir_parser() -> argparse.ArgumentParser:
    """El analizador de argumentos de ``sdg-metas``."""
    parser = argparse.ArgumentParser(
        prog="sdg-metas",
        description="Reglas del procedimiento PLE-PIN-P005 v8 (Plan de Gestión, SDG Bogotá).",
    )
    sub = parser.add_subparsers(dest="comando", metavar="COMANDO")
    sub.required = True
    demo = sub.add_parser("demo", help="evalúa y explica el plan de ejemplo incluido")
    demo.set_defaults(funcion=_demo)
    return parser


def main(argv: Sequence[str] | None = None, salida: TextIO | None = None) -> int:
    """Punto de entrada; devuelve el código de salida (0 bien, 2 error de entrada)."""
    parser = construir_parser()
    args = parser.parse_args(argv)
    destino = sys.stdout if salida is None else salida
    try:
        codigo: int = args.funcion(args, destino)
    except ErrorSdgMetas as error:
        sys.stderr.write(f"sdg-metas: error: {error}\n")
        return 2
    return codigo
