"""Abrir un libro de Excel (``.xlsx``) sin confiar en él: antes de entregarlo a openpyxl se
miden las partes que importan y se recorren en flujo, con límites.

Un ``.xlsx`` es un zip de partes XML. Un libro de 5 KB puede declarar en ``<dimension>`` la hoja
entera (A1:XFD1048576) y openpyxl, en modo de solo lectura, rellenaría 17 mil millones de celdas
vacías; uno de 3 MB puede descomprimirse en 900 MB de textos compartidos. Por eso, antes de
abrirlo:

1. se lee el registro final del zip (cuántas entradas declara) sin construir su índice;
2. se suma el tamaño *descomprimido* declarado de las partes XML (``zipfile.ZipInfo``);
3. se recorre cada parte XML en flujo con expat, leyendo a lo sumo lo declarado y nunca más del
   límite: filas (``<row r>``) hasta ``max_filas``, columnas (``<c r>``) hasta
   ``max_columnas``, el texto de cada celda y de cada texto compartido hasta ``max_celda``; un
   XML con ``<!DOCTYPE`` o entidades se rechaza;
4. se abre con openpyxl y se descartan las dimensiones declaradas (``reset_dimensions``), de
   modo que solo se recorren las celdas que existen.
"""

from __future__ import annotations

import io
import struct
import warnings
import zipfile
from typing import Any
from xml.parsers import expat

import attrs

from ._problemas import FACTOR_XLSX, LIMITES, ErrorCarga, Limites, error

_FIN_ZIP = b"PK\x05\x06"
_BLOQUE = 1 << 20


class _Rechazo(Exception):
    """Una parte del libro pasa de un límite (código y mensaje)."""

    def __init__(self, codigo: str, mensaje: str) -> None:
        super().__init__(mensaje)
        self.codigo = codigo
        self.mensaje = mensaje


def _indice_columna(referencia: str) -> int:
    """El número de columna de una referencia como ``AC12`` (``A`` = 1)."""
    numero = 0
    for letra in referencia:
        if not "A" <= letra <= "Z":
            break
        numero = numero * 26 + ord(letra) - 64
    return numero


class _Explorador:
    """Los manejadores de expat que cuentan filas, columnas y el largo de cada texto."""

    def __init__(self, parte: str, limites: Limites) -> None:
        self.parte = parte
        self.limites = limites
        self.fila = 0
        self.columna = 0
        self.largo = 0
        self.en_texto = False

    def inicio(self, nombre: str, atributos: dict[str, str]) -> None:
        local = nombre.rpartition(":")[2]
        if local == "row":
            r = atributos.get("r", "")
            self.fila = int(r) if r.isascii() and r.isdigit() else self.fila + 1
            self.columna = 0
            if self.fila > self.limites.max_filas:
                raise _Rechazo("DEMASIADAS_FILAS",
                               f"{self.parte}: la hoja llega a la fila {self.fila} y el máximo es "
                               f"{self.limites.max_filas} (parámetro max_filas)")
        elif local == "c":
            columna = _indice_columna(atributos.get("r", "").upper())
            self.columna = columna or self.columna + 1
            self.largo = 0
            if self.columna > self.limites.max_columnas:
                raise _Rechazo("DEMASIADAS_COLUMNAS",
                               f"{self.parte}: la hoja llega a la columna {self.columna} y el "
                               f"máximo es {self.limites.max_columnas} (parámetro max_columnas)")
        elif local == "si":
            self.largo = 0
        elif local in ("t", "v"):
            self.en_texto = True

    def fin(self, nombre: str) -> None:
        if nombre.rpartition(":")[2] in ("t", "v"):
            self.en_texto = False

    def texto(self, datos: str) -> None:
        if self.en_texto:
            self.largo += len(datos)
            if self.largo > self.limites.max_celda:
                raise _Rechazo("CELDA_DEMASIADO_LARGA",
                               f"{self.parte}: un texto de más de {self.limites.max_celda} "
                               "caracteres (parámetro max_celda)")

    def dtd(self, *_: object) -> None:
        raise _Rechazo("EXCEL_INVALIDO",
                       f"{self.parte}: el XML declara un DOCTYPE o entidades, que un .xlsx no usa")


def _explorar(archivo_zip: zipfile.ZipFile, info: zipfile.ZipInfo, limites: Limites) -> None:
    """Recorre una parte XML en flujo, de a 1 MB, con los límites."""
    explorador = _Explorador(info.filename, limites)
    lector = expat.ParserCreate()
    lector.buffer_text = True
    lector.StartElementHandler = explorador.inicio
    lector.EndElementHandler = explorador.fin
    lector.CharacterDataHandler = explorador.texto
    lector.StartDoctypeDeclHandler = explorador.dtd
    lector.EntityDeclHandler = explorador.dtd
    # zipfile nunca entrega más de lo que declara la parte (``file_size``, ya acotado) y una
    # parte que se descomprime en otra cosa falla su CRC (``BadZipFile``).
    with archivo_zip.open(info) as parte:
        while bloque := parte.read(_BLOQUE):
            lector.Parse(bloque, False)
    lector.Parse(b"", True)


def _entradas_declaradas(datos: bytes) -> int | None:
    """Las entradas que declara el registro final del zip, o ``None`` si no lo tiene."""
    posicion = datos.rfind(_FIN_ZIP, max(0, len(datos) - 65_557))
    if posicion < 0 or posicion + 22 > len(datos):
        return None
    return int(struct.unpack_from("<H", datos, posicion + 10)[0])


def _invalido(nombre: str, detalle: str) -> ErrorCarga:
    return error(nombre, "EXCEL_INVALIDO", f"no es un libro de Excel .xlsx válido ({detalle})")


def inspeccionar_xlsx(nombre: str, datos: bytes, limites: Limites = LIMITES) -> None:
    """Rechaza (``ErrorCarga``) un libro que pasa de algún límite, sin descomprimir de más."""
    entradas = _entradas_declaradas(datos)
    if entradas is None:
        raise _invalido(nombre, "no es un archivo zip")
    if entradas > limites.max_entradas_xlsx:
        raise error(nombre, "ARCHIVO_DEMASIADO_GRANDE",
                    f"el zip declara {entradas} partes y el máximo es "
                    f"{limites.max_entradas_xlsx} (parámetro max_entradas_xlsx); no se leyó")
    try:
        with zipfile.ZipFile(io.BytesIO(datos)) as archivo_zip:
            partes = [i for i in archivo_zip.infolist()
                      if i.filename.casefold().endswith((".xml", ".rels"))]
            total = sum(i.file_size for i in partes)
            if total > limites.max_xml_xlsx:
                raise error(nombre, "ARCHIVO_DEMASIADO_GRANDE",
                            f"su contenido XML descomprimido ocupa {total} bytes y el máximo es "
                            f"{limites.max_xml_xlsx} (parámetro max_xml_xlsx); no se leyó")
            for info in partes:
                _explorar(archivo_zip, info, limites)
    except ErrorCarga:
        raise
    except _Rechazo as e:
        raise error(nombre, e.codigo, e.mensaje + "; no se leyó") from None
    except expat.ExpatError as e:
        raise _invalido(nombre, f"XML mal formado en la línea {e.lineno}") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError,
            ValueError):
        raise _invalido(nombre, "el zip está dañado o usa una compresión no admitida") from None


def limites_xlsx(limites: Limites, max_bytes: int) -> Limites:
    """``limites`` con ``max_xml_xlsx`` que tampoco pasa de ``FACTOR_XLSX`` × ``max_bytes``."""
    return attrs.evolve(limites, max_xml_xlsx=min(limites.max_xml_xlsx, FACTOR_XLSX * max_bytes))


def abrir_xlsx(nombre: str, datos: bytes, max_bytes: int, limites: Limites = LIMITES) -> Any:
    """El libro de openpyxl (solo lectura, valores) ya inspeccionado (con
    :func:`limites_xlsx`), con las dimensiones declaradas descartadas; ``EXCEL_INVALIDO`` si
    openpyxl no lo puede abrir. Quien lea un ``.xlsx`` debe abrirlo así, nunca con
    ``openpyxl.load_workbook`` directamente."""
    import openpyxl

    inspeccionar_xlsx(nombre, datos, limites_xlsx(limites, max_bytes))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            libro = openpyxl.load_workbook(io.BytesIO(datos), read_only=True, data_only=True)
    except Exception:  # openpyxl lanza errores de zip, XML y KeyError según el daño
        raise _invalido(nombre, "le falta una parte del libro o una parte está dañada") from None
    for hoja in libro.worksheets:  # en modo de solo lectura: ReadOnlyWorksheet
        hoja.reset_dimensions()
    return libro
