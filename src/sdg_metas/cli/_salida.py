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
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

import attrs

from ._celdas import escapar, texto_celda, texto_terminal, valor_json

Fila = Mapping[str, Any]

FORMATO_RESULTADOS = "sdg_metas/resultados"
VERSION_RESULTADOS = 1
FORMATOS = ("tabla", "json", "csv", "xlsx")


@attrs.frozen(slots=True)
class Tabla:
    """Una tabla de un resultado: ``nombre`` (la clave JSON y el nombre de la hoja), sus filas y
    las columnas que muestra la terminal (por defecto, todas)."""

    nombre: str
    filas: Sequence[Fila]
    columnas: tuple[str, ...] = ()
    columnas_terminal: tuple[str, ...] = ()

    def todas_las_columnas(self) -> list[str]:
        """Las columnas de las filas (o las declaradas, si no hay filas)."""
        return list(self.filas[0]) if self.filas else list(self.columnas)


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


def escribir_tabla(tabla: Tabla, salida: TextIO) -> None:
    """Las filas como columnas alineadas; «(sin filas)» si no hay ninguna."""
    columnas = list(tabla.columnas_terminal) or tabla.todas_las_columnas()
    if not tabla.filas:
        salida.write("(sin filas)\n")
        return
    celdas = [[texto_terminal(f.get(c)) for c in columnas] for f in tabla.filas]
    anchos = [len(c) for c in columnas]
    for fila in celdas:
        anchos = [max(a, len(c)) for a, c in zip(anchos, fila, strict=True)]
    salida.write("  ".join(c.ljust(a) for c, a in zip(columnas, anchos, strict=True)).rstrip())
    salida.write("\n" + "  ".join("-" * a for a in anchos) + "\n")
    for fila in celdas:
        salida.write(
            "  ".join(c.ljust(a) for c, a in zip(fila, anchos, strict=True)).rstrip() + "\n"
        )


def a_json(resultado: Resultado) -> dict[str, object]:
    """El objeto JSON del resultado (el esquema ``resultados.schema.json``)."""
    objeto: dict[str, object] = {
        "formato": FORMATO_RESULTADOS,
        "version": VERSION_RESULTADOS,
        "comando": resultado.comando,
    }
    objeto.update({k: valor_json(k, v) for k, v in resultado.datos.items()})
    for tabla in resultado.tablas:
        objeto[tabla.nombre] = [
            {k: valor_json(k, v) for k, v in f.items()} for f in tabla.filas
        ]
    return objeto


def a_csv(tabla: Tabla, decimal: str = ".") -> str:
    """La tabla como CSV: todas las columnas; con ``decimal=","``, separador ``;`` y BOM."""
    texto = io.StringIO()
    escritor = csv.writer(texto, delimiter=";" if decimal == "," else ",", lineterminator="\n")
    columnas = tabla.todas_las_columnas()
    escritor.writerow(columnas)
    for f in tabla.filas:
        escritor.writerow([texto_celda(f.get(c), decimal) for c in columnas])
    return ("\ufeff" if decimal == "," else "") + texto.getvalue()


def texto_de(resultado: Resultado, formato: str, decimal: str = ".") -> str:
    """El resultado en ``formato`` (``tabla``, ``json`` o ``csv``) como texto."""
    if formato == "json":
        return json.dumps(a_json(resultado), ensure_ascii=False, indent=2) + "\n"
    if formato == "csv":
        return a_csv(resultado.tablas[0], decimal)
    if resultado.terminal is not None:
        texto = resultado.terminal
    else:
        salida = io.StringIO()
        salida.write(resultado.antes)
        for tabla in resultado.tablas:
            escribir_tabla(tabla, salida)
        salida.write(resultado.despues)
        texto = salida.getvalue()
    # También los títulos y explicaciones (nombran la unidad): nada altera la terminal.
    return "\n".join(escapar(linea) for linea in texto.split("\n"))
