"""Lectura segura de la entrada: bytes con límite de tamaño, UTF-8 (con o sin BOM), JSON sin
``float`` y la verificación del tamaño descomprimido de un ``.xlsx``.

Nada aquí interpreta un plan: cada función entrega bytes, texto o JSON, o lanza
:class:`~sdg_metas.archivos.ErrorCarga` con un solo problema.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from decimal import Decimal
from pathlib import Path

from ._problemas import FACTOR_XLSX, corto, error

#: El nombre con que se señala un texto (no una ruta) en los mensajes.
TEXTO = "<texto>"


def leer_bytes(ruta: Path, max_bytes: int) -> bytes:
    """Los bytes de ``ruta``, sin leer nunca más de ``max_bytes + 1``."""
    nombre = str(ruta)
    try:
        tamano = ruta.stat().st_size
    except FileNotFoundError:
        raise error(nombre, "ARCHIVO_NO_ENCONTRADO", "el archivo no existe") from None
    except OSError as e:
        raise error(nombre, "ARCHIVO_ILEGIBLE", f"no se pudo leer el archivo ({e})") from None
    verificar_tamano(nombre, tamano, max_bytes)
    try:
        with ruta.open("rb") as f:
            datos = f.read(max_bytes + 1)
    except OSError as e:
        raise error(nombre, "ARCHIVO_ILEGIBLE", f"no se pudo leer el archivo ({e})") from None
    verificar_tamano(nombre, len(datos), max_bytes)
    return datos


def verificar_tamano(nombre: str, tamano: int, max_bytes: int) -> None:
    """``ARCHIVO_DEMASIADO_GRANDE`` si ``tamano`` pasa de ``max_bytes``."""
    if tamano > max_bytes:
        raise error(nombre, "ARCHIVO_DEMASIADO_GRANDE",
                    f"ocupa {tamano} bytes y el máximo es {max_bytes} (parámetro max_bytes); "
                    "no se leyó")


def decodificar(nombre: str, datos: bytes) -> str:
    """El texto UTF-8 de ``datos`` (sin BOM), o ``CODIFICACION_INVALIDA``."""
    try:
        return datos.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise error(nombre, "CODIFICACION_INVALIDA",
                    f"no está en UTF-8 (byte {e.start}); guárdelo como «CSV UTF-8» o JSON "
                    "UTF-8") from None


def texto_de(
    ruta_o_texto: str | os.PathLike[str], es_texto: bool, max_bytes: int
) -> tuple[str, str]:
    """(nombre para los mensajes, texto), con el límite de tamaño verificado antes de leer."""
    if es_texto:
        texto = str(ruta_o_texto)
        if len(texto) > max_bytes:
            verificar_tamano(TEXTO, len(texto), max_bytes)
        verificar_tamano(TEXTO, len(texto.encode("utf-8", "surrogatepass")), max_bytes)
        return TEXTO, texto.removeprefix("\ufeff")
    ruta = Path(ruta_o_texto)
    return str(ruta), decodificar(str(ruta), leer_bytes(ruta, max_bytes))


def parece_json(ruta_o_texto: str | os.PathLike[str]) -> bool:
    """¿Es un ``str`` que empieza por ``{`` (tras BOM y espacios), es decir, un texto JSON?"""
    return isinstance(ruta_o_texto, str) and ruta_o_texto.lstrip("\ufeff \t\r\n").startswith("{")


_MENSAJES_JSON = {
    "Expecting value": "se esperaba un valor",
    "Expecting property name enclosed in double quotes": (
        "se esperaba el nombre de un campo entre comillas dobles"
    ),
    "Expecting ',' delimiter": "falta una coma",
    "Expecting ':' delimiter": "faltan los dos puntos",
    "Extra data": "sobra texto después del JSON",
    "Unterminated string starting at": "un texto sin cerrar",
}


def _constante_json(nombre: str) -> object:
    raise ValueError(f"{nombre} no es un número válido")


def leer_json(nombre: str, texto: str) -> object:
    """El JSON de ``texto``, con los números decimales como ``Decimal`` (nunca ``float``)."""
    try:
        return json.loads(texto, parse_float=Decimal, parse_constant=_constante_json)
    except json.JSONDecodeError as e:
        raise error(nombre, "JSON_INVALIDO",
                    f"JSON mal formado en la línea {e.lineno}, columna {e.colno}: "
                    f"{_MENSAJES_JSON.get(e.msg, e.msg)}") from None
    except (ValueError, RecursionError) as e:
        raise error(nombre, "JSON_INVALIDO", f"JSON no admitido: {e}") from None


def verificar_zip(nombre: str, datos: bytes, max_bytes: int) -> None:
    """Rechaza un .xlsx cuyo contenido descomprimido pasa de ``FACTOR_XLSX`` × ``max_bytes``
    (defensa contra «bombas zip»), antes de entregarlo a openpyxl."""
    try:
        with zipfile.ZipFile(io.BytesIO(datos)) as archivo_zip:
            total = sum(info.file_size for info in archivo_zip.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise error(nombre, "EXCEL_INVALIDO",
                    "no es un libro de Excel .xlsx válido (no es un archivo zip)") from None
    limite = FACTOR_XLSX * max_bytes
    if total > limite:
        raise error(nombre, "ARCHIVO_DEMASIADO_GRANDE",
                    f"su contenido descomprimido ocupa {total} bytes y el máximo es {limite} "
                    f"({FACTOR_XLSX} × max_bytes); no se leyó")


def verificar_version(
    archivo: str, version: object, maxima: int, *, de: str = "", consejo: str = ""
) -> int:
    """``version`` si es un entero de 1 a ``maxima``; si no, ``VERSION_NO_SOPORTADA``."""
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= maxima:
        raise error(archivo, "VERSION_NO_SOPORTADA",
                    f"version: {corto(version)} no es una versión soportada del formato{de}; "
                    f"esta biblioteca lee las versiones 1 a {maxima}{consejo}", "version")
    return version
