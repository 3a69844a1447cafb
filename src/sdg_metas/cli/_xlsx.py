"""El resultado de un comando como libro de Excel (``--formato xlsx --salida ARCHIVO``).

Una hoja por tabla (y una hoja ``resumen`` con los datos sueltos del resultado); las cifras
son celdas numéricas redondeadas a dos decimales (una cifra de más de 15 dígitos, que Excel no
guarda, va como texto exacto), los textos llevan sus caracteres de control escritos ``_xHHHH_``
(como Excel), las columnas ``*_pct`` llevan formato de porcentaje (la celda guarda la
fracción: 94,83 % es 0,9483; también los ``*_pct`` de la hoja ``resumen``), el semáforo es el
color de relleno de su celda, los códigos de semáforo, situación, elegibilidad y efecto se
escriben con su nombre en español («sobreejecución», «sin dato»; ``presentacion.ETIQUETAS``),
la fila de encabezados queda fija y con autofiltro, y cada columna tiene un ancho legible. Necesita el extra ``excel`` (openpyxl).
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from .._validacion import falta_openpyxl
from ..archivos import CIFRAS_EXCEL, MAX_CELDA, escapar_xlsx
from ._celdas import etiqueta, neutralizar, presentar
from ._salida import Resultado, Tabla

#: Color de relleno (RGB) de cada banda del semáforo (CON-03).
COLORES_SEMAFORO = {
    "verde": "C6EFCE",
    "amarillo": "FFEB9C",
    "rojo": "FFC7CE",
    "sobreejecucion": "BDD7EE",
    "sin_dato": "D9D9D9",
}
_FORMATO_PCT = "0.00%"
_FORMATO_NUMERO = "#,##0.00"
_FORMATO_FECHA = "yyyy-mm-dd"
_ANCHO_MAXIMO = 60


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise falta_openpyxl("--formato xlsx", campo="formato", valor="xlsx") from None
    return openpyxl


def recortar(texto: str) -> str:
    """El texto si cabe en una celda de Excel (``MAX_CELDA`` = 32 767 caracteres); si no, su
    comienzo con una nota visible de cuánto medía. openpyxl lo cortaría en silencio; un mensaje
    así de largo (FOR-04 de un plan de miles de metas lista cada peso) está entero en el CSV y
    en el JSON.

    >>> recortar("Usme") == "Usme", len(recortar("x" * 40_000))
    (True, 32767)
    >>> print(recortar("x" * 40_000)[-83:])
    xxx… [recortado: el texto tiene 40000 caracteres; el CSV y el JSON lo traen entero]
    """
    if len(texto) <= MAX_CELDA:
        return texto
    nota = f"… [recortado: el texto tiene {len(texto)} caracteres; el CSV y el JSON lo traen entero]"
    return texto[: MAX_CELDA - len(nota)] + nota


def _celda(hoja: Any, fila: int, columna: int, nombre: str, valor: object) -> int:
    """Escribe una celda y devuelve el ancho de su texto."""
    valor = presentar(valor)
    celda = hoja.cell(row=fila, column=columna)
    if isinstance(valor, Decimal):
        es_pct = nombre.endswith("_pct")
        ancho = len(format(valor, "f")) + (2 if es_pct else 1)
        if len(valor.as_tuple().digits) > CIFRAS_EXCEL:  # con más, la cifra va como texto
            # openpyxl escribe 16 cifras y Excel guarda 15: la celda mostraría otra cifra
            celda.value = format(valor, "f") + (" %" if es_pct else "")
            return ancho
        celda.value = valor / 100 if es_pct else valor
        celda.number_format = _FORMATO_PCT if es_pct else _FORMATO_NUMERO
        return ancho
    if isinstance(valor, datetime.date):
        celda.value = valor
        celda.number_format = _FORMATO_FECHA
        return 10
    if isinstance(valor, str):
        # Los caracteres de control van _xHHHH_ (openpyxl no los admite: IllegalCharacterError)
        celda.value = recortar(escapar_xlsx(neutralizar(valor)))
        return len(valor)
    celda.value = valor
    return 0 if valor is None else len(str(valor))


def _hoja(libro: Any, tabla: Tabla, primera: bool) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    hoja = libro.active if primera else libro.create_sheet()
    hoja.title = tabla.nombre[:31]
    columnas, filas = tabla.recorrer()
    anchos = [len(c) for c in columnas]
    for j, nombre in enumerate(columnas, 1):
        hoja.cell(row=1, column=j, value=nombre).font = Font(bold=True)
    ultima = 1
    for ultima, fila in enumerate(filas, 2):
        for j, columna in enumerate(columnas, 1):
            valor = fila.get(columna)
            # En la hoja resumen, la celda ``valor`` se presenta como su ``dato``
            # (``calificacion_pct`` con formato de porcentaje, ``semaforo`` con su color).
            nombre = str(fila["dato"]) if columna == "valor" and "dato" in fila else columna
            texto = etiqueta(nombre, valor)
            anchos[j - 1] = max(anchos[j - 1], _celda(hoja, ultima, j, nombre, texto))
            color = COLORES_SEMAFORO.get(str(valor)) if nombre.startswith("semaforo") else None
            if color:
                hoja.cell(row=ultima, column=j).fill = PatternFill("solid", fgColor=color)
    for j, ancho in enumerate(anchos, 1):
        hoja.column_dimensions[get_column_letter(j)].width = min(ancho + 2, _ANCHO_MAXIMO)
    hoja.freeze_panes = "A2"
    if columnas:
        hoja.auto_filter.ref = f"A1:{get_column_letter(len(columnas))}{ultima}"


def _resumen(resultado: Resultado) -> Iterator[dict[str, object]]:
    """Los datos sueltos del resultado; los de ``al_final``, ya recorridas las tablas."""
    yield from ({"dato": k, "valor": v} for k, v in resultado.datos.items())
    yield from ({"dato": k, "valor": v} for k, v in resultado.al_final().items())


def a_xlsx(resultado: Resultado) -> bytes:
    """El libro de Excel del resultado, en bytes."""
    openpyxl = _openpyxl()
    libro = openpyxl.Workbook()
    for k, tabla in enumerate(resultado.tablas):
        _hoja(libro, tabla, k == 0)
    resumen = Tabla("resumen", list(_resumen(resultado)), ("dato", "valor"))
    if resumen.filas:
        _hoja(libro, resumen, not resultado.tablas)
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()
