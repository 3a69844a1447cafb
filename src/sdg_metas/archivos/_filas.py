"""El lector de filas que comparten el CSV y la hoja de Excel: una fila de encabezados y una
fila por meta (ver :data:`COLUMNAS_CSV`). Cada fila es una lista de celdas (textos del CSV, o
números, textos y ``None`` de openpyxl); cada celda se lee con la función de su columna
(:data:`_CELDAS`) y cada problema queda anotado con su fila y su columna.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from functools import partial
from typing import Any, TypeVar, cast

import attrs

from .._validacion import mostrar
from ..errores import ErrorSdgMetas
from ..modelo import (
    Indicador,
    Meta,
    Nivel,
    Programacion,
    Reporte,
    TipoProgramacion,
    Trimestre,
)
from ._campos import c_codigo, c_trimestre, c_vigencia, regla_del_modelo
from ._celdas import enum_celda, numero_celda
from ._encabezados import Tabla, Ubicador, booleano_celda, lista_celda, recorrer, texto_celda, vacia
from ._problemas import Invalido, Recolector

_T = TypeVar("_T")

#: Columnas del CSV (y de la hoja de Excel), en el orden en que se escriben.
COLUMNAS_CSV = (
    "vigencia",
    "unidad_plan",
    "nivel_plan",
    "codigo",
    "descripcion",
    "tipo",
    "magnitud",
    "linea_base",
    "t1",
    "t2",
    "t3",
    "t4",
    "ejecucion_t1",
    "ejecucion_t2",
    "ejecucion_t3",
    "ejecucion_t4",
    "peso",
    "unidad",
    "nivel",
    "transversal",
    "proceso_lider",
    "dependencia_orientadora",
    "objetivo_estrategico",
    "entregables",
    "indicador",
    "indicador_numerador",
    "indicador_denominador",
    "indicador_unidad",
    "eliminada_desde",
)
#: Columnas que todo CSV debe tener (``vigencia`` y ``unidad_plan`` pueden darse como parámetros).
COLUMNAS_OBLIGATORIAS_CSV = ("codigo", "descripcion", "tipo", "magnitud", "t1", "t2", "t3", "t4",
                             "peso")
_COLUMNAS_INDICADOR = ("indicador_numerador", "indicador_denominador", "indicador_unidad")


# --- Celdas -------------------------------------------------------------------------------------


def decimal_celda(valor: object, decimal: str) -> Decimal:
    """El número de una celda (ver :func:`~._celdas.numero_celda`)."""
    return numero_celda(valor, decimal)


_Lectura = Callable[[object, str], Any]


def _numero(valor: object, decimal: str) -> Decimal:
    if vacia(valor):
        raise Invalido("falta el número (la celda está vacía)")
    return decimal_celda(valor, decimal)


def _numero_opcional(valor: object, decimal: str) -> Decimal | None:
    return None if vacia(valor) else decimal_celda(valor, decimal)


def _peso(valor: object, decimal: str) -> Decimal:
    return cast(Decimal, regla_del_modelo(Meta, "peso", _numero(valor, decimal)))


def _transversal(valor: object, _decimal: str) -> bool:
    return booleano_celda(valor)


def _vigencia(valor: object) -> int:
    texto = texto_celda(valor).strip()
    # Solo dígitos ASCII: «2025²» o «٢٠٢٥» son texto (y su problema), no un año (issue 15).
    return c_vigencia(int(texto) if texto.isascii() and texto.isdigit() else texto)


def _de_texto(funcion: Callable[[str], _T]) -> Callable[[object, str], _T]:
    """La lectura de una celda de texto con ``funcion`` (que recibe el texto sin espacios)."""
    return lambda valor, _decimal: funcion(texto_celda(valor).strip())


def _si_hay(funcion: Callable[[object, str], _T]) -> Callable[[object, str], _T | None]:
    """La lectura de una celda opcional: vacía es ``None``."""
    return lambda valor, decimal: None if vacia(valor) else funcion(valor, decimal)


#: Cada columna que se convierte, en el orden en que se informan sus problemas.
_CELDAS: tuple[tuple[str, _Lectura], ...] = (
    ("vigencia", _si_hay(lambda v, _d: _vigencia(v))),
    ("nivel_plan", _si_hay(_de_texto(partial(enum_celda, Nivel)))),
    ("codigo", lambda v, _d: c_codigo(texto_celda(v))),
    ("tipo", _de_texto(partial(enum_celda, TipoProgramacion))),
    ("magnitud", _numero),
    ("linea_base", _numero_opcional),
    *((f"t{k}", _numero_opcional) for k in range(1, 5)),
    *((f"ejecucion_t{k}", _numero_opcional) for k in range(1, 5)),
    ("peso", _peso),
    ("nivel", _si_hay(_de_texto(partial(enum_celda, Nivel)))),
    ("transversal", _transversal),
    ("eliminada_desde", _si_hay(_de_texto(c_trimestre))),
)


# --- Filas ------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Fila:
    """Una fila leída: sus datos del plan, los campos de su meta (``None`` si tuvo problemas) y
    las ejecuciones T1..T4."""

    numero: int
    vigencia: int | None
    unidad: str | None
    nivel: Nivel | None
    meta: dict[str, Any] | None
    ejecuciones: tuple[Decimal | None, ...]


def _leer_celdas(
    rec: Recolector, ubicar: Ubicador, numero: int, valores: Mapping[str, object], decimal: str
) -> tuple[dict[str, Any], bool]:
    leidas: dict[str, Any] = {}
    antes = len(rec.problemas)
    for columna, lectura in _CELDAS:
        try:
            leidas[columna] = lectura(valores.get(columna), decimal)
        except (Invalido, ErrorSdgMetas) as e:
            leidas[columna] = None
            rec.anotar_error(ubicar(numero, columna), columna, e)
    return leidas, len(rec.problemas) == antes


def _texto_opcional(valores: Mapping[str, object], columna: str) -> str | None:
    valor = valores.get(columna)
    return None if vacia(valor) else texto_celda(valor)


def _indicador(valores: Mapping[str, object]) -> Indicador | None:
    textos = [_texto_opcional(valores, c) for c in ("indicador", *_COLUMNAS_INDICADOR)]
    if all(t is None for t in textos):
        return None
    nombre, numerador, denominador, unidad = (t or "" for t in textos)
    return Indicador(nombre=nombre, numerador=numerador, denominador=denominador, unidad=unidad)


def _campos_meta(leidas: Mapping[str, Any], valores: Mapping[str, object]) -> dict[str, Any]:
    entregables = lista_celda(valores.get("entregables"))
    return {
        "codigo": leidas["codigo"],
        "descripcion": texto_celda(valores.get("descripcion")),
        "programacion": Programacion(leidas["tipo"], leidas["magnitud"],
                                     [leidas[f"t{k}"] for k in range(1, 5)],
                                     linea_base=leidas["linea_base"]),
        "peso": leidas["peso"],
        "unidad": texto_celda(valores.get("unidad")),
        "transversal": leidas["transversal"],
        "proceso_lider": _texto_opcional(valores, "proceso_lider"),
        "dependencia_orientadora": _texto_opcional(valores, "dependencia_orientadora"),
        "objetivo_estrategico": _texto_opcional(valores, "objetivo_estrategico"),
        "entregables": entregables,
        "indicador": _indicador(valores),
        "eliminada_desde": leidas["eliminada_desde"],
        "nivel": leidas["nivel"],
    }


def leer_fila(
    rec: Recolector, ubicar: Ubicador, numero: int, valores: Mapping[str, object], decimal: str
) -> Fila:
    """Lee una fila (sus celdas por nombre de columna) y anota sus problemas."""
    leidas, bien = _leer_celdas(rec, ubicar, numero, valores, decimal)
    return Fila(
        numero=numero,
        vigencia=leidas["vigencia"],
        unidad=_texto_opcional(valores, "unidad_plan"),
        nivel=leidas["nivel_plan"],
        meta=_campos_meta(leidas, valores) if bien else None,
        ejecuciones=tuple(leidas[f"ejecucion_t{k}"] for k in range(1, 5)),
    )


# --- El plan ----------------------------------------------------------------------------------


def _texto_valor(valor: object) -> str:
    return mostrar(valor)


def _unico(
    rec: Recolector, ubicar: Ubicador, columna: str, parametro: _T | None,
    vistos: Mapping[_T, int],
) -> _T | None:
    """El valor del plan en ``columna``: el parámetro, o el único valor que tienen las filas."""
    if parametro is not None:
        for valor, fila in vistos.items():
            if valor != parametro:
                rec.anotar(ubicar(fila, columna), columna,
                           f"{_texto_valor(valor)} no coincide con el parámetro "
                           f"{_texto_valor(parametro)}")
        return parametro
    if len(vistos) > 1:
        (primero, _), *resto = vistos.items()
        for valor, fila in resto:
            rec.anotar(ubicar(fila, columna), columna,
                       f"{_texto_valor(valor)} difiere de {_texto_valor(primero)} (un archivo "
                       "es un solo plan)")
        return None
    if not vistos and columna != "nivel_plan":
        rec.anotar("", columna,
                   f"ninguna fila tiene {columna}; llene la columna o use el parámetro")
    return next(iter(vistos), None)


def _primeras(filas: Sequence[Fila], atributo: str) -> dict[Any, int]:
    """Cada valor distinto de ``atributo`` en las filas, con la primera fila que lo tiene."""
    vistos: dict[Any, int] = {}
    for fila in filas:
        valor = getattr(fila, atributo)
        if valor is not None:
            vistos.setdefault(valor, fila.numero)
    return vistos


def _anotar_codigos_ambiguos(rec: Recolector, ubicar: Ubicador, filas: Sequence[Fila]) -> None:
    conteo: dict[str, list[int]] = {}
    for fila in filas:
        if fila.meta is not None:
            conteo.setdefault(fila.meta["codigo"], []).append(fila.numero)
    for fila in filas:
        if fila.meta is None:
            continue
        codigo = fila.meta["codigo"]
        if len(conteo[codigo]) > 1 and any(e is not None for e in fila.ejecuciones):
            rec.anotar(ubicar(fila.numero, "codigo"), "codigo",
                       f"el código {mostrar(codigo)} está repetido (filas "
                       f"{', '.join(map(str, conteo[codigo]))}) y sus ejecuciones son ambiguas")


@attrs.frozen(slots=True)
class Metas:
    """La tabla de metas leída: los datos del plan, sus metas y los reportes que salen de las
    columnas ``ejecucion_t1`` .. ``ejecucion_t4``."""

    vigencia: int
    unidad: str
    nivel: Nivel
    metas: tuple[Meta, ...]
    reportes: tuple[Reporte, ...]
    ubicar: Ubicador
    filas: tuple[Fila, ...]


def armar_metas(
    rec: Recolector, tabla: Tabla, ubicar: Ubicador, filas: Sequence[Fila]
) -> Metas | None:
    """Las metas de las filas leídas, o ``None`` con los problemas anotados."""
    vigencia = _unico(rec, ubicar, "vigencia", tabla.vigencia, _primeras(filas, "vigencia"))
    unidad = _unico(rec, ubicar, "unidad_plan", tabla.unidad, _primeras(filas, "unidad"))
    parametro = None if tabla.nivel is None else Nivel.desde_texto(tabla.nivel)
    nivel = _unico(rec, ubicar, "nivel_plan", parametro,
                   _primeras(filas, "nivel")) or Nivel.CENTRAL
    if not filas:
        rec.anotar("", "metas", "el archivo no tiene ninguna meta")
    _anotar_codigos_ambiguos(rec, ubicar, filas)
    if rec.problemas or vigencia is None or unidad is None:
        return None
    metas: list[Meta] = []
    reportes: list[Reporte] = []
    for fila in filas:
        assert fila.meta is not None
        meta = Meta(**{**fila.meta, "nivel": fila.meta["nivel"] or nivel})
        metas.append(meta)
        reportes.extend(
            Reporte(codigo_meta=meta.codigo, trimestre=Trimestre(vigencia, k), ejecucion=e)
            for k, e in enumerate(fila.ejecuciones, 1)
            if e is not None
        )
    return Metas(vigencia, unidad, nivel, tuple(metas), tuple(reportes), ubicar, tuple(filas))


def _obligatorias(tabla: Tabla) -> dict[str, str]:
    obligatorias = dict.fromkeys(COLUMNAS_OBLIGATORIAS_CSV, "")
    if tabla.vigencia is None:
        obligatorias["vigencia"] = " (o el parámetro vigencia=)"
    if tabla.unidad is None:
        obligatorias["unidad_plan"] = " (o el parámetro unidad=)"
    return obligatorias


def leer_metas(
    rec: Recolector, tabla: Tabla, filas: Iterable[tuple[int, Sequence[object]]],
    ignorar_columnas: bool,
) -> Metas | None:
    """La tabla de metas de las filas ``(número, celdas)`` de un CSV o de una hoja, o ``None``
    con sus problemas anotados en ``rec``."""
    ubicar, datos = recorrer(rec, tabla, filas, COLUMNAS_CSV, _obligatorias(tabla),
                             ignorar_columnas, tabla.max_metas)
    leidas = [leer_fila(rec, ubicar, numero, valores, tabla.decimal) for numero, valores in datos]
    return armar_metas(rec, tabla, ubicar, leidas)

