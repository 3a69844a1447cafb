"""Lectura segura de la entrada: rutas válidas, solo archivos regulares (o ``-``, la entrada
estándar), bytes con límite de tamaño, UTF-8 (con o sin BOM), filas de tabla con columnas y
celdas acotadas y la inspección de un ``.xlsx`` (:mod:`._xlsx`); el JSON se lee en
:mod:`._json`.

Nada aquí interpreta un plan: cada función entrega bytes, texto o JSON, o lanza
:class:`~sdg_metas.archivos.ErrorCarga` con sus problemas (cada uno con su ubicación).
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from ..errores import ErrorArchivo, ErrorSdgMetas, TipoInvalido
from ._json import leer_json as leer_json  # para _rutas y _solicitud
from ._problemas import (
    LIMITES,
    Limites,
    corto,
    error,
    nombre_visible,
)
from ._xlsx import inspeccionar_xlsx, limites_xlsx

#: El nombre con que se señala un texto (no una ruta) en los mensajes.
TEXTO = "<texto>"
#: La ruta que nombra la entrada estándar.
ENTRADA_ESTANDAR = "-"


def ruta_valida(valor: object, campo: str = "ruta") -> Path:
    """``valor`` como :class:`~pathlib.Path` si es una ruta (``str`` o ``os.PathLike``) usable;
    si no, ``TipoInvalido`` (``TIPO_INVALIDO``) o ``ErrorArchivo`` (``RUTA_INVALIDA``)."""
    if isinstance(valor, os.PathLike):
        valor = os.fspath(valor)
    if not isinstance(valor, str):
        raise TipoInvalido(
            f"{campo}: {corto(valor)} debe ser una ruta (texto o Path) o un texto JSON",
            campo=campo, valor=valor,
        )
    if not valor or "\x00" in valor:
        motivo = "está vacía" if not valor else "contiene un carácter nulo"
        raise ErrorArchivo(f"{campo}: {corto(valor)} no es una ruta válida ({motivo})",
                           codigo="RUTA_INVALIDA", campo=campo, valor=valor)
    return Path(valor)


def _problema_de_sistema(nombre: str, e: OSError) -> ErrorArchivo:
    if isinstance(e, FileNotFoundError):
        return error(nombre, "ARCHIVO_NO_ENCONTRADO", "el archivo no existe")
    if isinstance(e, PermissionError):
        return error(nombre, "ARCHIVO_ILEGIBLE", "no hay permiso para leer el archivo")
    return error(nombre, "ARCHIVO_ILEGIBLE",
                 f"no se pudo leer el archivo (error del sistema {e.errno})")


def _no_regular(nombre: str, modo: int) -> ErrorArchivo:
    clase = ("una carpeta" if stat.S_ISDIR(modo) else "una tubería (FIFO)" if stat.S_ISFIFO(modo)
             else "un dispositivo" if stat.S_ISCHR(modo) or stat.S_ISBLK(modo)
             else "un socket" if stat.S_ISSOCK(modo) else "un archivo especial")
    return error(nombre, "ARCHIVO_NO_REGULAR",
                 f"es {clase}, no un archivo regular; solo se leen archivos regulares (o '-', "
                 "la entrada estándar)")


def _leer_acotado(archivo: BinaryIO, max_bytes: int) -> bytes:
    """Hasta ``max_bytes + 1`` bytes (para notar un archivo que creció), de a 1 MB: nunca se
    reserva de una vez ``max_bytes`` (un ``max_bytes`` enorme no es un ``OverflowError``)."""
    partes: list[bytes] = []
    total = 0
    while total <= max_bytes:
        bloque = archivo.read(min(_BLOQUE, max_bytes + 1 - total))
        if not bloque:
            break
        partes.append(bloque)
        total += len(bloque)
    return b"".join(partes)


_BLOQUE = 1 << 20


def leer_bytes(ruta: Path, max_bytes: int) -> bytes:
    """Los bytes de ``ruta`` (un archivo regular), sin leer nunca más de ``max_bytes + 1``.

    Antes de abrir se mira con ``os.stat`` que sea un archivo regular (una FIFO, una carpeta o
    un dispositivo se rechazan sin bloquear), y se abre con ``O_NONBLOCK`` y se vuelve a mirar
    lo abierto, por si la ruta cambió entre las dos miradas. ``-`` es la entrada estándar.
    """
    nombre = nombre_visible(ruta)
    if str(ruta) == ENTRADA_ESTANDAR:
        entrada = getattr(sys.stdin, "buffer", None)
        if entrada is None or entrada.closed:  # sin entrada estándar (un servicio, `<&-`)
            raise error(nombre, "ENTRADA_CERRADA",
                        "es la entrada estándar y está cerrada; dé la ruta del archivo")
        datos = _leer_acotado(entrada, max_bytes)
        verificar_tamano(nombre, len(datos), max_bytes)
        return datos
    try:
        info = os.stat(ruta)
        if not stat.S_ISREG(info.st_mode):
            raise _no_regular(nombre, info.st_mode)
        verificar_tamano(nombre, info.st_size, max_bytes)
        descriptor = os.open(ruta, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                             | getattr(os, "O_BINARY", 0))
        with os.fdopen(descriptor, "rb") as f:
            abierto = os.fstat(f.fileno()).st_mode
            if not stat.S_ISREG(abierto):  # la ruta cambió entre stat y open
                raise _no_regular(nombre, abierto)
            datos = _leer_acotado(f, max_bytes)
    except OSError as e:
        raise _problema_de_sistema(nombre, e) from None
    verificar_tamano(nombre, len(datos), max_bytes)
    return datos


def verificar_tamano(nombre: str, tamano: int, max_bytes: int) -> None:
    """``ARCHIVO_DEMASIADO_GRANDE`` si ``tamano`` pasa de ``max_bytes``."""
    if tamano > max_bytes:
        raise error(nombre, "ARCHIVO_DEMASIADO_GRANDE",
                    f"ocupa {tamano} bytes y el máximo es {max_bytes} (parámetro max_bytes); "
                    "no se leyó")


def decodificar(nombre: str, datos: bytes) -> str:
    """El texto UTF-8 de ``datos`` (sin BOM), o ``CODIFICACION_INVALIDA``. Un archivo que empieza
    con la marca de UTF-16 (lo que Excel guarda como «Texto Unicode») se nombra como tal, y uno
    cuyo primer o segundo byte es nulo también: es UTF-16 sin marca (ni un encabezado ni un JSON
    empiezan por un carácter nulo), y leído como UTF-8 daría columnas con caracteres invisibles.
    Un nulo más adelante es parte de un texto (vuelve igual, ``test_ida_y_vuelta``)."""
    if 0 in datos[:2]:
        raise error(nombre, "CODIFICACION_INVALIDA",
                    f"empieza con un byte nulo (byte {datos.index(0)}): parece UTF-16 sin marca, "
                    "no UTF-8; guárdelo como «CSV UTF-8» o JSON UTF-8")
    try:
        return datos.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        cual = ("está en UTF-16 («Texto Unicode» de Excel), no en UTF-8"
                if datos.startswith((b"\xff\xfe", b"\xfe\xff")) else _no_utf8(e))
        raise error(nombre, "CODIFICACION_INVALIDA",
                    f"{cual}; guárdelo como «CSV UTF-8» o JSON UTF-8") from None


def _no_utf8(e: UnicodeDecodeError) -> str:
    """Dónde deja de ser UTF-8 y, si el byte es un carácter de Windows-1252 (lo que Excel en
    español escribe en «CSV (delimitado por comas)»), cuál sería: lo que el analista busca."""
    byte = e.object[e.start]
    linea = e.object.count(b"\n", 0, e.start) + 1
    donde = f"no está en UTF-8: en la línea {linea} (byte {e.start}) hay un 0x{byte:02X}"
    try:
        caracter = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90 y 0x9D no son nada en Windows-1252
        return donde
    return (f"{donde}, que en Windows-1252 (el «CSV (delimitado por comas)» de Excel) es "
            f"«{caracter}»")


def texto_de(
    ruta_o_texto: str | os.PathLike[str], es_texto: bool, max_bytes: int
) -> tuple[str, str]:
    """(nombre para los mensajes, texto), con el límite de tamaño verificado antes de leer."""
    if es_texto:
        texto = str(ruta_o_texto)
        if len(texto) > max_bytes:
            verificar_tamano(TEXTO, len(texto), max_bytes)
        try:
            tamano = len(texto.encode("utf-8"))
        except UnicodeEncodeError as e:
            raise error(TEXTO, "CODIFICACION_INVALIDA",
                        f"el texto tiene un carácter que no existe en Unicode (posición {e.start}"
                        ")") from None
        verificar_tamano(TEXTO, tamano, max_bytes)
        return TEXTO, texto.removeprefix("\ufeff")
    ruta = ruta_valida(ruta_o_texto)
    return nombre_visible(ruta), decodificar(nombre_visible(ruta), leer_bytes(ruta, max_bytes))


def parece_json(ruta_o_texto: object) -> bool:
    """¿Es un ``str`` que empieza por ``{`` (tras BOM y espacios), es decir, un texto JSON?"""
    return isinstance(ruta_o_texto, str) and ruta_o_texto.lstrip("\ufeff \t\r\n").startswith("{")


# --- Filas de tabla -----------------------------------------------------------------------------


def acotar_filas(
    nombre: str, filas: Iterable[tuple[int, Sequence[object]]], limites: Limites = LIMITES
) -> Iterator[tuple[int, Sequence[object]]]:
    """Las filas ``(número, celdas)`` de un CSV o de una hoja, rechazando la primera que pase de
    ``max_columnas`` celdas (sin contar las vacías del final) o que tenga una celda de texto de
    más de ``max_celda`` caracteres (``DEMASIADAS_COLUMNAS``, ``CELDA_DEMASIADO_LARGA``).

    Los caracteres de control y de dirección no se rechazan (un texto del plan puede llevarlos
    y la ida y vuelta es exacta): se escriben escapados en los mensajes."""
    for numero, celdas in _sin_errores_de_python(nombre, filas):
        ancho = len(celdas)
        if ancho > limites.max_columnas:
            while ancho and (celdas[ancho - 1] is None or celdas[ancho - 1] == ""):
                ancho -= 1
            if ancho > limites.max_columnas:
                raise error(nombre, "DEMASIADAS_COLUMNAS",
                            f"la fila {numero} tiene {ancho} columnas y el máximo es "
                            f"{limites.max_columnas} (parámetro max_columnas); no se leyó")
        for i, celda in enumerate(celdas[:ancho], 1):
            if isinstance(celda, str):
                _revisar_celda(nombre, numero, i, celda, limites)
        yield numero, celdas[:ancho] if ancho < len(celdas) else celdas


def _sin_errores_de_python(
    nombre: str, filas: Iterable[tuple[int, Sequence[object]]]
) -> Iterator[tuple[int, Sequence[object]]]:
    """Las filas tal cual; un error de Python al leer una (openpyxl lanza ``IndexError`` por un
    texto compartido que no existe, ``ValueError`` por un número o una fecha ilegibles …) es
    ``EXCEL_INVALIDO`` con la fila, nunca una traza."""
    iterador = iter(filas)
    anterior = 0
    while True:
        try:
            numero, celdas = next(iterador)
        except StopIteration:
            return
        except ErrorSdgMetas:
            raise
        except Exception:  # la frontera con openpyxl: cualquier daño de una celda
            raise error(nombre, "EXCEL_INVALIDO",
                        f"la fila {anterior + 1} (o la siguiente con datos) tiene una celda "
                        "dañada: un valor que no corresponde a su tipo o un texto compartido "
                        "que no existe") from None
        anterior = numero
        yield numero, celdas


def verificar_ancho_csv(nombre: str, texto: str, separador: str,
                        limites: Limites = LIMITES) -> None:
    """``DEMASIADAS_COLUMNAS`` si alguna línea del CSV tiene más de ``max_columnas`` celdas,
    antes de partirlo (el módulo ``csv`` construiría la fila entera: una cabecera de millones de
    columnas costaba gigabytes). Los separadores dentro de comillas no cuentan, tampoco en las
    líneas que siguen a un salto de línea dentro de una celda entre comillas (antes se contaban:
    un análisis con un salto de línea y muchas comas hacía rechazar el CSV que escribió la
    biblioteca)."""
    tope = limites.max_columnas
    dentro = False  # ¿la línea empieza dentro de una celda entre comillas?
    for numero, linea in enumerate(texto.splitlines(), 1):
        empieza_dentro = dentro
        dentro ^= linea.count('"') % 2 == 1
        if linea.count(separador) < tope:
            continue
        fuera = _COMILLAS.sub("", '"' * empieza_dentro + linea).split('"', 1)[0]
        ancho = fuera.rstrip(separador + " ").count(separador) + 1
        if ancho > tope:
            raise error(nombre, "DEMASIADAS_COLUMNAS",
                        f"la línea {numero} tiene {ancho} columnas y el máximo es {tope} "
                        "(parámetro max_columnas); no se leyó")


_COMILLAS = re.compile(r'"[^"]*"')


def _revisar_celda(nombre: str, numero: int, columna: int, celda: str, limites: Limites) -> None:
    if len(celda) > limites.max_celda:
        raise error(nombre, "CELDA_DEMASIADO_LARGA",
                    f"fila {numero}, columna {columna}: la celda tiene {len(celda)} caracteres y "
                    f"el máximo es {limites.max_celda} (parámetro max_celda); no se leyó")


def verificar_zip(nombre: str, datos: bytes, max_bytes: int, limites: Limites = LIMITES) -> None:
    """Rechaza un .xlsx que pasa de algún límite antes de entregarlo a openpyxl (ver
    :func:`~._xlsx.inspeccionar_xlsx`); su XML descomprimido no pasa de ``max_xml_xlsx`` ni de
    ``FACTOR_XLSX`` × ``max_bytes``. Solo inspecciona: para abrir el libro use
    :func:`~._xlsx.abrir_xlsx`, que además descarta las dimensiones declaradas."""
    inspeccionar_xlsx(nombre, datos, limites_xlsx(limites, max_bytes))


def verificar_version(
    archivo: str, version: object, maxima: int, *, de: str = "", consejo: str = ""
) -> int:
    """``version`` si es un entero de 1 a ``maxima``; si no, ``VERSION_NO_SOPORTADA``."""
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= maxima:
        raise error(archivo, "VERSION_NO_SOPORTADA",
                    f"version: {corto(version)} no es una versión soportada del formato{de}; "
                    f"esta biblioteca lee las versiones 1 a {maxima}{consejo}", "version")
    return version
