"""Lo que los comandos leen: planes (con las opciones del cargador), trimestres y vigencias."""

from __future__ import annotations

import argparse
import inspect
from typing import TYPE_CHECKING

from ..errores import ErrorArchivo, ErrorTrimestre
from ..trimestre import Trimestre

if TYPE_CHECKING:  # `plazos` no necesita el modelo: se importa con los archivos
    from ..modelo import PlanDeGestion

#: Parámetro de ``archivos.cargar_plan`` → la opción de la línea de comandos que lo da.
OPCIONES_CARGADOR = {
    "vigencia": "--vigencia",
    "unidad": "--unidad",
    "nivel": "--nivel",
    "hoja": "--hoja",
    "fila_encabezado": "--fila-encabezado",
    "ignorar_columnas": "--ignorar-columnas",
    "decimal": "--decimal",
    "delimitador": "--delimitador",
}


def vigencia(texto: str) -> int:
    """El año de ``--vigencia`` (o de ``plazos VIGENCIA``)."""
    try:
        return int(texto)
    except ValueError:
        raise ErrorTrimestre(
            f"vigencia: «{texto}» debe ser un año, por ejemplo 2026",
            codigo="VIGENCIA_INVALIDA",
            campo="vigencia",
            valor=texto,
        ) from None


def cargar(ruta: str, args: argparse.Namespace, anio: int | None = None) -> PlanDeGestion:
    """El plan de ``ruta`` con las opciones del cargador dadas en la línea de comandos.

    Solo se pasan las opciones que se dieron; una que ``cargar_plan`` no admite es un error
    que la nombra (nunca se ignora en silencio).
    """
    from ..archivos import cargar_plan

    aceptados = inspect.signature(cargar_plan).parameters
    opciones: dict[str, object] = {}
    for nombre, opcion in OPCIONES_CARGADOR.items():
        valor = getattr(args, nombre, None)
        if nombre == "vigencia":
            valor = anio if anio is not None else (vigencia(valor) if valor else None)
        if valor is None or valor is False:
            continue
        if nombre not in aceptados:
            raise ErrorArchivo(
                f"{opcion}: el cargador de planes de esta versión no admite esta opción",
                codigo="OPCION_NO_ADMITIDA", campo=nombre, valor=valor,
            )
        opciones[nombre] = valor
    return cargar_plan(ruta, **opciones)  # type: ignore[arg-type]


def trimestre_del_plan(plan: PlanDeGestion, texto: str | None) -> Trimestre:
    """El trimestre de ``--trimestre`` (por defecto, el último reportado, o el T1)."""
    if texto is None:
        return max((r.trimestre for r in plan.reportes), default=Trimestre(plan.vigencia, 1))
    trimestre = Trimestre.desde_texto(texto)
    if trimestre.vigencia != plan.vigencia:
        raise ErrorTrimestre(
            f"--trimestre: {texto} no es de la vigencia {plan.vigencia} del plan",
            campo="trimestre",
            valor=texto,
        )
    return trimestre
