"""Lo que los comandos leen: planes (con las opciones del cargador), trimestres y vigencias."""

from __future__ import annotations

import argparse
import inspect
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .._validacion import recortado
from ..errores import ErrorArchivo, ErrorTrimestre
from ..trimestre import Trimestre
from ._celdas import texto_utf8

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


#: Hasta cuántos caracteres de un valor inválido repite un mensaje.
MAX_VALOR_EN_MENSAJE = 40


def vigencia(texto: str) -> int:
    """El año de ``--vigencia`` (o de ``plazos VIGENCIA``): cifras ASCII (``2026``; no
    ``2_026`` ni ``1e3``), a lo sumo nueve; el rango lo verifica el núcleo."""
    if not re.fullmatch(r"\s*-?[0-9]{1,9}\s*", texto, flags=re.ASCII):
        raise ErrorTrimestre(
            f"vigencia: «{recortado(texto, MAX_VALOR_EN_MENSAJE)}» debe ser un año, por ejemplo "
            "2026",
            codigo="VIGENCIA_INVALIDA",
            campo="vigencia",
            valor=texto,
        )
    return int(texto)


def ruta_de_entrada(ruta: str, campo: str) -> Path:
    """``ruta`` como :class:`~pathlib.Path` (así un nombre que empieza por ``{`` es un archivo,
    no un texto JSON). ``-`` es la entrada estándar: si está cerrada o es una terminal (la
    lectura se quedaría esperando a que alguien escriba), es un error que lo dice."""
    if ruta == "-":
        entrada = sys.stdin
        if entrada is None or entrada.closed:
            raise ErrorArchivo(
                f"{campo}: '-' es la entrada estándar y está cerrada; dé la ruta del archivo",
                codigo="ENTRADA_CERRADA", campo=campo, valor=ruta)
        if entrada.isatty():
            raise ErrorArchivo(
                f"{campo}: '-' lee un JSON de la entrada estándar, que es una terminal; "
                "redirija el archivo (< plan.json) o dé su ruta",
                codigo="ENTRADA_ES_TERMINAL", campo=campo, valor=ruta)
    return Path(ruta)


def entradas(args: argparse.Namespace) -> list[str]:
    """Las rutas que el comando va a leer (``SOLICITUD``, ``PLAN``, ``--plan``, ``PLAN...``)."""
    rutas = [getattr(args, n, None) for n in ("solicitud", "plan")]
    return [r for r in rutas if r is not None] + list(getattr(args, "planes", None) or [])


#: Los argumentos cuyo valor es una ruta: un nombre de archivo puede no ser UTF-8.
ARGUMENTOS_RUTA = frozenset({"plan", "planes", "solicitud", "salida", "directorio"})


def verificar_entradas(args: argparse.Namespace) -> None:
    """La entrada estándar (``-``) se lee una sola vez: darla dos veces es un error. Un valor
    que no es una ruta (``--unidad``…) debe ser texto UTF-8: ``--unidad $'\\xff'`` llegaría a
    las salidas, que son UTF-8."""
    for nombre, valor in vars(args).items():
        if nombre in ARGUMENTOS_RUTA or not isinstance(valor, str):
            continue
        try:
            valor.encode("utf-8")
        except UnicodeEncodeError:
            visto = recortado(texto_utf8(valor), MAX_VALOR_EN_MENSAJE)
            raise ErrorArchivo(f"{nombre}: «{visto}» no es texto UTF-8 válido",
                               codigo="TEXTO_INVALIDO", campo=nombre, valor=valor) from None
    veces = entradas(args).count("-")
    if veces > 1:
        raise ErrorArchivo(
            f"'-' (la entrada estándar) se da {veces} veces; se puede leer una sola vez: dé "
            "los demás archivos por su ruta",
            codigo="ENTRADA_REPETIDA", campo="entrada", valor="-")


def cargar(ruta: str, args: argparse.Namespace, anio: int | None = None,
           campo: str = "plan") -> PlanDeGestion:
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
    return cargar_plan(ruta_de_entrada(ruta, campo), **opciones)  # type: ignore[arg-type]


def trimestre_del_plan(plan: PlanDeGestion, texto: str | None) -> Trimestre:
    """El trimestre de ``--trimestre`` (por defecto, el último reportado, o el T1)."""
    if texto is None:
        return max((r.trimestre for r in plan.reportes), default=Trimestre(plan.vigencia, 1))
    trimestre = Trimestre.desde_texto(texto)
    if trimestre.vigencia != plan.vigencia:
        raise ErrorTrimestre(
            f"--trimestre: {texto} no es de la vigencia {plan.vigencia} del plan {plan.unidad}",
            campo="trimestre",
            valor=texto,
        )
    return trimestre
