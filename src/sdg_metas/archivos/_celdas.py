"""Celdas de hoja de cálculo: neutralizar el texto que una hoja interpretaría como fórmula,
leer números y fechas como los escribe Excel en español y sugerir el nombre que se quiso
escribir. Lo usan el CSV, el libro de Excel y los escritores de resultados de la CLI.
"""

from __future__ import annotations

import datetime
import difflib
import enum
import functools
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import TypeVar, cast

from dateutil import parser

from .._validacion import exigir_tipo, mostrar, sin_tildes
from ..errores import ErrorNumero
from ..numeros import a_decimal
from ._problemas import Invalido, corto

_E = TypeVar("_E", bound=enum.Enum)

#: Primeros caracteres con los que una hoja de cálculo toma una celda como fórmula (OWASP).
PELIGROSOS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPE = "'"
# Puntos de miles bien agrupados: el primer grupo no empieza por 0 («0.125» no es 125).
_MILES_COMA = re.compile(r"^[+-]?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$")
_DIA_PRIMERO = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def neutralizar_celda(texto: str) -> str:
    """El texto que se escribe en una celda de CSV o de Excel sin que la hoja lo ejecute.

    Un texto que empieza por ``=``, ``+``, ``-``, ``@``, tabulador o retorno de carro (lo que una
    hoja toma por fórmula: inyección CSV, OWASP) o por un apóstrofo ``'`` lleva un apóstrofo
    delante; cualquier otro texto queda igual. :func:`restaurar_celda` lo deshace, de modo que
    ``restaurar_celda(neutralizar_celda(t)) == t`` para todo texto ``t``.

    >>> neutralizar_celda("=HIPERVINCULO(\\"http://x\\")"), neutralizar_celda("'hola")
    ('\\'=HIPERVINCULO("http://x")', "''hola")
    >>> neutralizar_celda("Atender 50 solicitudes")
    'Atender 50 solicitudes'
    """
    exigir_tipo(texto, str, "texto", "un texto")
    if texto.startswith(PELIGROSOS) or texto.startswith(_ESCAPE):
        return _ESCAPE + texto
    return texto


def restaurar_celda(texto: str) -> str:
    """El texto original de una celda escrita con :func:`neutralizar_celda`.

    Se quita el apóstrofo inicial solo si lo sigue uno de los caracteres peligrosos o otro
    apóstrofo (lo que :func:`neutralizar_celda` escapa); ``'hola`` queda tal cual.

    >>> restaurar_celda("'=1+1"), restaurar_celda("''hola"), restaurar_celda("'hola")
    ('=1+1', "'hola", "'hola")
    """
    exigir_tipo(texto, str, "texto", "un texto")
    if len(texto) > 1 and texto[0] == _ESCAPE and texto[1] in (*PELIGROSOS, _ESCAPE):
        return texto[1:]
    return texto


_ESCAPE_XLSX = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")
# Lo que XML 1.0 no admite en un texto (salvo los sustitutos sueltos, que no son Unicode).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]")
_SECUENCIA_XLSX = re.compile(r"_x([0-9A-Fa-f]{4})_")


def escapar_xlsx(texto: str) -> str:
    r"""El texto de una celda de Excel con los caracteres de control (también el retorno de
    carro, que XML convertiría en salto de línea) y los no caracteres U+FFFE y U+FFFF (que XML
    no admite: el libro no se podría leer) escritos ``_xHHHH_``, como lo hace Excel
    (ECMA-376); un ``_`` que empieza una secuencia así se escribe ``_x005F_``.

    >>> escapar_xlsx("a\rb"), escapar_xlsx("_x000D_"), escapar_xlsx("a\ufffe")
    ('a_x000D_b', '_x005F_x000D_', 'a_xFFFE_')
    >>> desescapar_xlsx(escapar_xlsx("_x000D_\r\x01"))
    '_x000D_\r\x01'
    """
    texto = _ESCAPE_XLSX.sub("_x005F_", exigir_tipo(texto, str, "texto", "un texto"))
    return _CONTROL.sub(lambda m: f"_x{ord(m[0]):04X}_", texto)


def desescapar_xlsx(texto: str) -> str:
    """El inverso de :func:`escapar_xlsx` (lo que Excel escribe para esos caracteres)."""
    return _SECUENCIA_XLSX.sub(lambda m: chr(int(m[1], 16)), texto)


def texto_numero_celda(valor: Decimal) -> str:
    """El texto exacto de un número en una celda de texto, con punto decimal (``12.50``,
    ``4.2E+2``). Si ese texto parece agrupado en miles (``1.500``), se escribe con exponente
    (``1.500E+0``, el mismo número y la misma escala): leído con ``decimal=","`` ya no sería
    1500 sin avisar, sino un error que lo dice.

    >>> texto_numero_celda(Decimal("12.50")), texto_numero_celda(Decimal("1.500"))
    ('12.50', '1.500E+0')
    >>> Decimal("1.500E+0") == Decimal("1.500"), str(Decimal("-1.000E+0"))
    (True, '-1.000')
    """
    texto = str(valor)
    return f"{texto}E+0" if _MILES_COMA.match(texto) else texto


def letra_columna(indice: int) -> str:
    """La letra de Excel de la columna ``indice`` (desde 1): ``1`` → ``A``, ``28`` → ``AB``.

    >>> letra_columna(1), letra_columna(26), letra_columna(28)
    ('A', 'Z', 'AB')
    """
    letras = ""
    while indice > 0:
        indice, resto = divmod(indice - 1, 26)
        letras = chr(ord("A") + resto) + letras
    return letras


def sugerencia(texto: str, opciones: Iterable[str]) -> str:
    """``"; ¿quiso decir 'x'?"`` con la opción más parecida a ``texto``, o ``""`` si no hay.

    >>> sugerencia("magnitd", ["magnitud", "peso"])
    "; ¿quiso decir 'magnitud'?"
    """
    parecidas = difflib.get_close_matches(sin_tildes(texto), list(opciones), n=1, cutoff=0.6)
    return f"; ¿quiso decir {mostrar(parecidas[0])}?" if parecidas else ""


def enum_celda(clase: type[_E], texto: str) -> _E:
    """El miembro de ``clase`` por su valor (sin importar mayúsculas, tildes ni espacios); si no
    existe, :class:`Invalido` con los valores válidos y una sugerencia.

    Se recuerdan los textos ya reconocidos (a lo sumo 256; un error no se recuerda): un archivo
    repite «unidad» o «suma» en cada fila (issue 12)."""
    return cast("_E", _enum_celda(clase, texto))


@functools.lru_cache(maxsize=256)
def _enum_celda(clase: type[_E], texto: str) -> _E:
    clave = sin_tildes(texto).replace(" ", "_")
    for miembro in clase:
        if clave in (str(miembro.value), miembro.name.casefold()):
            return miembro
    valores = [str(m.value) for m in clase]
    raise Invalido(f"{corto(texto)} no es un valor válido ({', '.join(valores)})"
                   + sugerencia(clave, valores))


def _texto_numero(texto: str, decimal: str) -> str:
    if decimal == ",":
        if _MILES_COMA.match(texto):
            texto = texto.replace(".", "")
        elif "." in texto:
            raise ErrorNumero(
                f"{mostrar(texto)} tiene un punto que no separa miles; con decimal=',' escriba el "
                "número con coma decimal (1.300,5 o 1300,5)"
            )
        return texto.replace(",", ".")
    if "," in texto:
        raise ErrorNumero(
            f"{mostrar(texto)} usa coma decimal; si el archivo viene de Excel en español, cárguelo "
            "con decimal=','"
        )
    return texto


def numero_celda(valor: object, decimal: str, *, fraccion: bool = False,
                 negativo: bool = False) -> Decimal:
    """El número de una celda: tal cual si ya es número; si es texto, con ``decimal``.

    Con ``decimal=","`` se aceptan los puntos de miles bien agrupados (``1.300,5``). Un texto
    terminado en ``%`` (``96,5 %`` o ``96,5%``) es un porcentaje: en una columna de fracción
    (``fraccion=True``: 1 = 100 %) vale ``0.965``; en las demás, las cifras de una meta en
    ``%`` se escriben en puntos porcentuales y el signo solo se quita (``96.5``).

    >>> numero_celda("1.300,5", ","), numero_celda("96,5 %", ",", fraccion=True)
    (Decimal('1300.5'), Decimal('0.965'))
    >>> numero_celda("96,5%", ","), numero_celda(12.25, ".")
    (Decimal('96.5'), Decimal('12.25'))
    """
    if isinstance(valor, float):
        return a_decimal(Decimal(repr(valor)), "valor", negativo=negativo)
    if isinstance(valor, (int, Decimal)) and not isinstance(valor, bool):
        return a_decimal(valor, "valor", negativo=negativo)
    texto = restaurar_celda(str(valor).strip())
    porcentaje = texto.endswith("%")
    if porcentaje:
        texto = texto[:-1].rstrip()
    numero = a_decimal(_texto_numero(texto, decimal), "valor", negativo=negativo)
    return numero.scaleb(-2) if porcentaje and fraccion else numero


def fecha_celda(valor: object) -> datetime.date:
    """La fecha de una celda: una fecha de Excel, ``AAAA-MM-DD`` o ``DD/MM/AAAA`` (día primero,
    como la escribe Excel en español). Cualquier otro texto es un error: ``04/10`` o
    ``2025/04/10`` no se adivinan.

    >>> fecha_celda("10/04/2025"), fecha_celda("2025-04-10")
    (datetime.date(2025, 4, 10), datetime.date(2025, 4, 10))
    """
    if isinstance(valor, datetime.datetime):
        if valor.time() != datetime.time():
            raise Invalido(f"{valor.isoformat(' ')} tiene hora; se esperaba solo una fecha")
        return valor.date()
    if isinstance(valor, datetime.date):
        return valor
    texto = str(valor).strip()
    try:
        if _ISO.match(texto):
            return datetime.date.fromisoformat(texto)
        if _DIA_PRIMERO.match(texto):
            return parser.parse(texto, dayfirst=True).date()
    except (ValueError, OverflowError):
        raise Invalido(f"{corto(texto)} no es una fecha del calendario") from None
    raise Invalido(f"{corto(valor)} debe ser una fecha DD/MM/AAAA o AAAA-MM-DD (por ejemplo "
                   "10/04/2025)")
