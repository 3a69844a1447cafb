"""Abrir un libro de Excel (``.xlsx``) sin confiar en él: antes de entregarlo a openpyxl se
miden las partes que importan y se recorren en flujo, con límites.

Un ``.xlsx`` es un zip de partes XML. Un libro de 5 KB puede declarar en ``<dimension>`` la hoja
entera (A1:XFD1048576) y openpyxl, en modo de solo lectura, rellenaría 17 mil millones de celdas
vacías; uno de 3 MB puede descomprimirse en 900 MB de textos compartidos. Por eso, antes de
abrirlo:

1. se lee el registro final del zip (cuántas entradas declara) sin construir su índice;
2. se suma el tamaño *descomprimido* declarado de las partes XML (``zipfile.ZipInfo``);
3. se recorre cada parte XML en flujo, de a 1 MB, con expresiones regulares (y con expat si
   tiene celdas sin referencia): filas (``<row r>``) hasta ``max_filas``, columnas (``<c r>``)
   hasta ``max_columnas``, cada texto hasta ``max_celda`` caracteres; un XML con ``<!DOCTYPE``
   o entidades se rechaza;
4. se abre con openpyxl y se descartan las dimensiones declaradas (``reset_dimensions``), de
   modo que solo se recorren las celdas que existen.
"""

from __future__ import annotations

import io
import re
import struct
import warnings
import zipfile
from typing import Any
from xml.parsers import expat

import attrs

from ._problemas import FACTOR_XLSX, LIMITES, ErrorCarga, Limites, error

_FIN_ZIP = b"PK\x05\x06"
_BLOQUE = 1 << 20


#: Una referencia de XML (``&amp;``, ``&lt;``, ``&#233;``): un solo carácter del texto. Sin
#: contarlas como uno, un texto que cabe en la celda (``&`` × 32 767, que la biblioteca escribe)
#: se rechazaba al leerlo.
_ENTIDAD = re.compile(r"&(?:#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z]+);")
#: Lo más que ocupa en el XML un carácter de un texto (``&#x10FFFF;``).
_BYTES_POR_CARACTER = 10

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


def _verificar_columna(parte: str, limites: Limites, columna: int) -> None:
    """``DEMASIADAS_COLUMNAS`` si ``columna`` pasa de ``max_columnas``."""
    if columna > limites.max_columnas:
        raise _Rechazo("DEMASIADAS_COLUMNAS",
                       f"{parte}: la hoja llega a la columna {columna} y el máximo es "
                       f"{limites.max_columnas} (parámetro max_columnas)")


class _Explorador:
    """El manejador de expat que cuenta la columna de cada celda, una a una (para las partes
    con celdas sin referencia; filas y textos ya los midió el recorrido rápido)."""

    def __init__(self, parte: str, limites: Limites) -> None:
        self.parte = parte
        self.limites = limites
        self.columna = 0

    def inicio(self, nombre: str, atributos: dict[str, str]) -> None:
        local = nombre.rpartition(":")[2]
        if local == "row":
            self.columna = 0
        elif local == "c":
            columna = _indice_columna(atributos.get("r", "").upper())
            self.columna = columna or self.columna + 1
            _verificar_columna(self.parte, self.limites, self.columna)


def _explorar(archivo_zip: zipfile.ZipFile, info: zipfile.ZipInfo, limites: Limites) -> None:
    """Recorre una parte XML en flujo, de a 1 MB, con los límites: primero con expresiones
    regulares (rápido); si la parte tiene celdas sin referencia (``<c>`` sin ``r``, cuya columna
    hay que contar una a una), otra vez con expat, exacto."""
    rapido = _Rapido(info.filename, limites)
    # zipfile nunca entrega más de lo que declara la parte (``file_size``, ya acotado) y una
    # parte que se descomprime en otra cosa falla su CRC (``BadZipFile``).
    with archivo_zip.open(info) as parte:
        while bloque := parte.read(_BLOQUE):
            rapido.bloque(bloque)
    if rapido.final():
        return
    explorador = _Explorador(info.filename, limites)
    lector = expat.ParserCreate()
    lector.StartElementHandler = explorador.inicio
    with archivo_zip.open(info) as parte:
        while bloque := parte.read(_BLOQUE):
            lector.Parse(bloque, False)
    lector.Parse(b"", True)


_FILA_R = re.compile(rb'<(?:[\w.-]+:)?row\s[^>]*?\br="(\d+)"')
_FILA = re.compile(rb"<(?:[\w.-]+:)?row[\s>/]")
_CELDA_R = re.compile(rb'<(?:[\w.-]+:)?c\s[^>]*?\br="([A-Za-z]+)')
_CELDA = re.compile(rb"<(?:[\w.-]+:)?c[\s>/]")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)")
# Lo que escriben Excel, LibreOffice y openpyxl: sin prefijo y con ``r`` como primer atributo.
_FILA_SIMPLE = re.compile(rb'<row r="(\d+)"')
_CELDA_SIMPLE = re.compile(rb'<c r="([A-Za-z]+)')


def _etiquetas(datos: bytes, simple: re.Pattern[bytes], inicio: bytes,
               general: re.Pattern[bytes]) -> list[bytes]:
    """Las referencias de las etiquetas: con el patrón simple (rápido, de prefijo literal) si
    da cuenta de todas las que empiezan por ``inicio``; si no, con el general."""
    encontradas = simple.findall(datos)
    if len(encontradas) == datos.count(inicio) and b":" + inicio[1:] not in datos:
        return encontradas
    return general.findall(datos)


def _cuantas(datos: bytes, nombre: bytes, general: re.Pattern[bytes]) -> int:
    """Cuántas etiquetas ``<nombre`` hay (contando rápido si no hay prefijos de espacio de
    nombres)."""
    if b":" + nombre not in datos:
        return sum(datos.count(b"<" + nombre + fin) for fin in (b" ", b">", b"/", b"\t", b"\n", b"\r"))
    return len(general.findall(datos))


class _Rapido:
    """El recorrido rápido de una parte: filas, columnas, largo de los textos y DTD, con
    expresiones regulares sobre bloques (lo que queda tras el último ``<`` pasa al siguiente)."""

    def __init__(self, parte: str, limites: Limites) -> None:
        self.parte = parte
        self.limites = limites
        self.resto = b""
        self.fila = 0
        self.filas_sin_r = 0
        self.celdas_sin_r = 0
        self.columnas: set[bytes] = set()
        self.textos = re.compile(rb">([^<]{%d,})" % (limites.max_celda + 1))

    def bloque(self, datos: bytes) -> None:
        datos = self.resto + datos
        corte = datos.rfind(b"<")
        datos, self.resto = (datos, b"") if corte < 0 else (datos[:corte], datos[corte:])
        if len(self.resto) > _BYTES_POR_CARACTER * self.limites.max_celda + 256:
            self._texto_largo()
        if _DTD.search(datos):
            raise _Rechazo("EXCEL_INVALIDO",
                           f"{self.parte}: el XML declara un DOCTYPE o entidades, que un .xlsx "
                           "no usa")
        for texto in self.textos.findall(datos):
            if len(_ENTIDAD.sub("&", texto.decode("utf-8", "replace"))) > self.limites.max_celda:
                self._texto_largo()
        filas = _etiquetas(datos, _FILA_SIMPLE, b"<row", _FILA_R)
        self.filas_sin_r += _cuantas(datos, b"row", _FILA) - len(filas)
        if filas:
            if max(map(len, filas)) > 9:
                self._filas(10**9)
            self.fila = max(self.fila, max(map(int, filas)))
        columnas = _etiquetas(datos, _CELDA_SIMPLE, b"<c ", _CELDA_R)
        self.celdas_sin_r += _cuantas(datos, b"c", _CELDA) - len(columnas)
        self.columnas.update(columnas)
        self._filas(self.fila + self.filas_sin_r)
        mayor = max(map(_indice_columna, (c.decode().upper() for c in self.columnas)), default=0)
        _verificar_columna(self.parte, self.limites, mayor)

    def final(self) -> bool:
        """Termina la parte; ``False`` si hay que contar las celdas una a una (con expat)."""
        self.bloque(b"<")  # lo que quedaba tras el último «<»
        return self.celdas_sin_r == 0

    def _filas(self, fila: int) -> None:
        if fila > self.limites.max_filas:
            raise _Rechazo("DEMASIADAS_FILAS",
                           f"{self.parte}: la hoja llega a la fila {fila} y el máximo es "
                           f"{self.limites.max_filas} (parámetro max_filas)")

    def _texto_largo(self) -> None:
        raise _Rechazo("CELDA_DEMASIADO_LARGA",
                       f"{self.parte}: un texto de más de {self.limites.max_celda} caracteres "
                       "(parámetro max_celda)")


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


def abrir_xlsx(
    nombre: str, datos: bytes, max_bytes: int, limites: Limites = LIMITES, *, formulas: bool = False
) -> Any:
    """El libro de openpyxl (solo lectura: los valores guardados o, con ``formulas=True``, las
    fórmulas) ya inspeccionado (con :func:`limites_xlsx`), con las dimensiones declaradas
    descartadas; ``EXCEL_INVALIDO`` si openpyxl no lo puede abrir. Quien lea un ``.xlsx`` debe
    abrirlo así, nunca con ``openpyxl.load_workbook`` directamente."""
    import openpyxl

    inspeccionar_xlsx(nombre, datos, limites_xlsx(limites, max_bytes))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            libro = openpyxl.load_workbook(
                io.BytesIO(datos), read_only=True, data_only=not formulas
            )
    except Exception:  # openpyxl lanza errores de zip, XML y KeyError según el daño
        raise _invalido(nombre, "le falta una parte del libro o una parte está dañada") from None
    for hoja in libro.worksheets:  # en modo de solo lectura: ReadOnlyWorksheet
        hoja.reset_dimensions()
    return libro
