"""Cada valor de una fila, como lo ve quien lo lee: en la terminal, en un CSV, en Excel o en JSON.

- En las salidas de presentación (tabla, CSV, Excel) las cifras se redondean a dos decimales
  (ROUND_HALF_UP, :func:`~sdg_metas.numeros.redondear`), los booleanos son «sí»/«no» y las
  fechas ISO; el JSON guarda las cifras exactas como texto y los booleanos como ``true``/``false``.
- Un texto que una hoja de cálculo tomaría por fórmula se neutraliza con un apóstrofo inicial
  (OWASP, «CSV injection»).
- En la terminal, los caracteres de control y los de dirección del texto (bidi) se escriben
  escapados, visibles (``\\x1b``, ``\\u202e``), para que una celda no pueda alterar la pantalla.

>>> from decimal import Decimal
>>> presentar(Decimal("94.8275862068965517241379310344827586206896551724")), presentar(True)
(Decimal('94.83'), 'sí')
>>> neutralizar("=HYPERLINK(\\"http://x\\")"), neutralizar("-5"), neutralizar("Usme")
('\\'=HYPERLINK("http://x")', "'-5", 'Usme')
>>> escapar("a\\x1b[31mb\\u202ec")
'a\\\\x1b[31mb\\\\u202ec'
"""

from __future__ import annotations

import datetime
import enum
import os
from decimal import Decimal

from ..numeros import redondear, texto_numero
from ..trimestre import Trimestre

#: Columnas cuyas filas traen «sí»/«no» como texto: en JSON son booleanos.
COLUMNAS_SI_NO = frozenset({"eliminada", "cuenta", "movida", "cumple"})

#: Columnas (o prefijo, ``semaforo``) cuyos valores son códigos con nombre en español.
_COLUMNAS_CON_CODIGOS = frozenset({"semaforo", "situacion", "elegibilidad", "efecto"})

_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SEPARADORES = frozenset("\u2028\u2029\x85")


def neutralizar(texto: str) -> str:
    """La misma neutralización que los archivos de plan (OWASP): ``archivos.neutralizar_celda``.

    Se importa al usarla: ``sdg-metas plazos`` no debe cargar el paquete ``archivos``."""
    from ..archivos import neutralizar_celda

    return neutralizar_celda(texto)


def escapar(texto: str) -> str:
    """``texto`` con los caracteres de control y de dirección (bidi) escapados, visibles."""
    partes = []
    for c in texto:
        codigo = ord(c)
        if codigo < 0x20 or 0x7F <= codigo < 0xA0:
            partes.append(f"\\x{codigo:02x}")
        elif c in _BIDI or c in _SEPARADORES:
            partes.append(f"\\u{codigo:04x}")
        else:
            partes.append(c)
    return "".join(partes)


def ruta_visible(ruta: os.PathLike[str] | str) -> str:
    """Una ruta para escribirla: un nombre que no es UTF-8 válido (``ej\\xff``, que Python
    guarda con «surrogates» y que ninguna salida UTF-8 admite) con sus bytes escritos ``\\xff``.

    >>> ruta_visible(os.fsdecode(b"ej\\xff/plan.json"))
    'ej\\\\xff/plan.json'
    """
    return texto_utf8(os.fspath(ruta))


def texto_utf8(texto: str) -> str:
    """``texto`` escribible en UTF-8: los bytes que no eran UTF-8 (``surrogateescape``, como
    Python lee los argumentos y los nombres de archivo) como ``\\xff``; otro «surrogate»
    suelto como ``\\ud800``.

    >>> texto_utf8("U\\udcff"), texto_utf8("U\\ud800"), texto_utf8("Usme")
    ('U\\\\xff', 'U\\\\ud800', 'Usme')
    """
    try:
        crudo = texto.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return texto.encode("utf-8", "backslashreplace").decode("utf-8")
    return crudo.decode("utf-8", "backslashreplace")


def presentar(valor: object) -> object:
    """El valor para una salida de presentación: ``Decimal`` redondeado a dos decimales,
    booleanos «sí»/«no», fechas y trimestres en texto ISO, enumeraciones por su valor en
    español; ``None`` se conserva (celda vacía o «—»)."""
    if isinstance(valor, bool):
        return "sí" if valor else "no"
    if isinstance(valor, Decimal):
        return redondear(valor, 2)
    if isinstance(valor, enum.Enum):
        return str(valor.value)
    if isinstance(valor, Trimestre):
        return str(valor)
    return valor


def etiqueta(columna: str, valor: object) -> object:
    """El nombre en español, para leer, del código de una columna con códigos (``semaforo``,
    ``semaforo_plan``, ``semaforo_anual``, ``situacion``, ``elegibilidad``, ``efecto``:
    ``"sobreejecucion"`` es «sobreejecución»); cualquier otro valor queda igual. Es lo que
    escriben la tabla de la terminal y el libro de Excel; JSON y CSV llevan el código.

    >>> etiqueta("semaforo_plan", "sin_dato"), etiqueta("situacion", "sin_reporte")
    ('sin dato', 'sin reporte')
    >>> etiqueta("unidad", "sin_dato"), etiqueta("semaforo", None)
    ('sin_dato', None)
    """
    tipo = "semaforo" if columna.startswith("semaforo") else columna
    if tipo not in _COLUMNAS_CON_CODIGOS or not isinstance(valor, str):
        return valor
    # Al usarse: ``sdg-metas plazos`` no debe cargar las reglas (presentacion las importa).
    from ..presentacion import ETIQUETAS

    return ETIQUETAS[tipo].get(valor, valor)


def texto_celda(valor: object, decimal: str = ".") -> str:
    """El valor como texto de una celda de CSV (``decimal`` es el separador decimal); ``None``
    es la celda vacía."""
    valor = presentar(valor)
    if valor is None:
        return ""
    if isinstance(valor, Decimal):
        return format(valor, "f").replace(".", decimal)
    if isinstance(valor, datetime.date):
        return valor.isoformat()
    if isinstance(valor, str):
        return neutralizar(valor)
    return str(valor)


def texto_terminal(valor: object) -> str:
    """El valor para la tabla de la terminal: «—» es «no aplica»."""
    if valor is None:
        return "—"
    if isinstance(valor, Decimal):
        return texto_numero(valor)
    valor = presentar(valor)
    if isinstance(valor, datetime.date):
        return valor.isoformat()
    return escapar(str(valor))


def valor_json(columna: str, valor: object) -> object:
    """El valor para JSON: cifras exactas como texto, booleanos ``true``/``false`` (también
    los «sí»/«no» de las columnas booleanas), fechas ISO, ``null``."""
    if isinstance(valor, bool) or valor is None:
        return valor
    if columna in COLUMNAS_SI_NO and valor in ("sí", "no"):
        return valor == "sí"
    if isinstance(valor, Decimal):
        return format(valor, "f")
    if isinstance(valor, datetime.date):
        return valor.isoformat()
    if isinstance(valor, Trimestre):
        return str(valor)
    if isinstance(valor, enum.Enum):
        return valor.value
    return valor
