"""Los resultados de un comando y sus escritores: tabla (terminal), JSON, CSV y Excel.

Un :class:`Resultado` es lo que un comando produce: datos sueltos (``unidad``, ``vigencia``…),
una o más :class:`Tabla` (filas con columnas estables) y, para la terminal, un texto antes y
después de las tablas. :func:`escribir` lo vuelca en el formato pedido:

- ``tabla``: columnas alineadas para leer en la terminal;
- ``json``: un objeto descrito por ``sdg_metas/esquemas/resultados.schema.json`` (cifras exactas
  como texto, booleanos ``true``/``false``);
- ``csv``: la primera tabla; con ``decimal=","`` lo que abre directamente Excel en español
  (separador ``;``, coma decimal y BOM UTF-8);
- ``xlsx``: un libro con una hoja por tabla (ver :mod:`._xlsx`).

En flujo (issue 12): las filas de una tabla pueden ser un iterable de una sola pasada (las de
``consolidar`` e ``informe`` se calculan plan por plan mientras se escriben); los escritores de
tabla, JSON y CSV las recorren una vez sin guardarlas (la tabla de la terminal, para alinear
las columnas, las deja en un archivo temporal). Los datos que solo se conocen al final (cuántos
planes se leyeron) van en ``al_final`` y se escriben después de las tablas. El libro de Excel
sí las tiene todas en memoria (openpyxl arma el libro entero).
"""

from __future__ import annotations

import csv
import itertools
import json
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TextIO

import attrs

from ._celdas import escapar, etiqueta, texto_celda, texto_terminal, valor_json

Fila = Mapping[str, Any]

FORMATO_RESULTADOS = "sdg_metas/resultados"
VERSION_RESULTADOS = 1
FORMATOS = ("tabla", "json", "csv", "xlsx")
#: Hasta cuántos bytes un archivo temporal de la salida se queda en memoria.
EN_MEMORIA_HASTA = 1 << 20


@attrs.frozen(slots=True)
class Tabla:
    """Una tabla de un resultado: ``nombre`` (la clave JSON y el nombre de la hoja), sus filas
    (una secuencia, o un iterable de una sola pasada) y las columnas que muestra la terminal
    (por defecto, todas)."""

    nombre: str
    filas: Iterable[Fila]
    columnas: tuple[str, ...] = ()
    columnas_terminal: tuple[str, ...] = ()

    def recorrer(self) -> tuple[list[str], Iterator[Fila]]:
        """Las columnas de las filas (o las declaradas, si no hay filas) y las filas."""
        filas = iter(self.filas)
        primera = next(filas, None)
        if primera is None:
            return list(self.columnas), iter(())
        return list(primera), itertools.chain((primera,), filas)


def _sin_datos_finales() -> Mapping[str, object]:
    return {}


@attrs.frozen(slots=True)
class Resultado:
    """Lo que produce un comando (ver el módulo)."""

    comando: str
    datos: Mapping[str, object]
    tablas: tuple[Tabla, ...]
    antes: str = ""
    despues: str = ""
    #: Para la terminal, un texto ya compuesto que reemplaza ``antes``, tablas y ``despues``.
    terminal: str | None = None
    #: Datos que se conocen después de recorrer las tablas (se escriben tras ellas en JSON).
    al_final: Callable[[], Mapping[str, object]] = _sin_datos_finales


def ancho(texto: str) -> int:
    """Las columnas que ``texto`` ocupa en una terminal: un carácter combinante (la tilde de
    una «á» descompuesta, NFD) no ocupa ninguna; uno ancho (CJK), dos.

    >>> ancho("Bogotá"), ancho("Bogota\u0301"), ancho("東京")
    (6, 6, 4)
    """
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in texto)


def _ajustar(texto: str, columnas: int) -> str:
    return texto + " " * (columnas - ancho(texto))


def escribir_tabla(tabla: Tabla, salida: TextIO) -> None:
    """Las filas como columnas alineadas; «(sin filas)» si no hay ninguna."""
    todas, filas = tabla.recorrer()
    columnas = list(tabla.columnas_terminal) or todas
    anchos = [ancho(c) for c in columnas]
    hay_filas = False
    with tempfile.SpooledTemporaryFile(EN_MEMORIA_HASTA, "w+", encoding="utf-8") as cola:
        for f in filas:
            hay_filas = True
            celdas = [texto_terminal(etiqueta(c, f.get(c))) for c in columnas]
            anchos = [max(a, ancho(c)) for a, c in zip(anchos, celdas, strict=True)]
            cola.write(json.dumps(celdas, ensure_ascii=False) + "\n")
        if not hay_filas:
            salida.write("(sin filas)\n")
            return
        salida.write("  ".join(_ajustar(c, a) for c, a in zip(columnas, anchos, strict=True))
                     .rstrip())
        salida.write("\n" + "  ".join("-" * a for a in anchos) + "\n")
        cola.seek(0)
        for linea in cola:
            fila = json.loads(linea)
            salida.write(
                "  ".join(_ajustar(c, a) for c, a in zip(fila, anchos, strict=True)).rstrip()
                + "\n"
            )


def _json_fila(fila: Fila) -> str:
    texto = json.dumps({k: valor_json(k, v) for k, v in fila.items()}, ensure_ascii=False,
                       indent=2)
    return "\n".join("    " + linea for linea in texto.split("\n"))


def _json_datos(datos: Mapping[str, object]) -> Iterator[str]:
    for k, v in datos.items():
        yield f"  {json.dumps(k, ensure_ascii=False)}: " + json.dumps(
            valor_json(k, v), ensure_ascii=False, indent=2).replace("\n", "\n  ")


def escribir_json(resultado: Resultado, salida: TextIO) -> None:
    """El objeto JSON del resultado (el esquema ``resultados.schema.json``), con sangría de 2;
    las filas se escriben a medida que salen."""
    cabecera = {"formato": FORMATO_RESULTADOS, "version": VERSION_RESULTADOS,
                "comando": resultado.comando}
    partes = _json_datos({**cabecera, **resultado.datos})
    salida.write("{\n" + ",\n".join(partes))
    for tabla in resultado.tablas:
        salida.write(f",\n  {json.dumps(tabla.nombre, ensure_ascii=False)}: [")
        _, filas = tabla.recorrer()
        separador = "\n"
        for fila in filas:
            salida.write(separador + _json_fila(fila))
            separador = ",\n"
        salida.write("]" if separador == "\n" else "\n  ]")
    for parte in _json_datos(resultado.al_final()):
        salida.write(",\n" + parte)
    salida.write("\n}\n")


def escribir_csv(tabla: Tabla, salida: TextIO, decimal: str = ".") -> None:
    """La tabla como CSV: todas las columnas; con ``decimal=","``, separador ``;`` y BOM."""
    if decimal == ",":
        salida.write("\ufeff")
    escritor = csv.writer(salida, delimiter=";" if decimal == "," else ",", lineterminator="\n")
    columnas, filas = tabla.recorrer()
    escritor.writerow(columnas)
    for f in filas:
        escritor.writerow([texto_celda(f.get(c), decimal) for c in columnas])


class _Escapada:
    """Una salida de texto que escapa los caracteres de control y bidi de lo que se le escribe
    (salvo el fin de línea): nada de una celda altera la terminal."""

    def __init__(self, salida: TextIO) -> None:
        self.salida = salida

    def write(self, texto: str) -> int:
        return self.salida.write("\n".join(escapar(linea) for linea in texto.split("\n")))


def escribir(resultado: Resultado, formato: str, salida: TextIO, decimal: str = ".") -> None:
    """Escribe el resultado en ``formato`` (``tabla``, ``json`` o ``csv``) en ``salida``."""
    if formato == "json":
        escribir_json(resultado, salida)
        return
    if formato == "csv":
        escribir_csv(resultado.tablas[0], salida, decimal)
        return
    # También los títulos y explicaciones (nombran la unidad): nada altera la terminal.
    escapada: Any = _Escapada(salida)
    if resultado.terminal is not None:
        escapada.write(resultado.terminal)
        return
    escapada.write(resultado.antes)
    for tabla in resultado.tablas:
        escribir_tabla(tabla, escapada)
    escapada.write(resultado.despues)
