"""Las tablas de reportes y de modificaciones de un plan (hojas ``reportes`` y
``modificaciones`` del libro de Excel; ``plan.reportes.csv`` y ``plan.modificaciones.csv``):
sus columnas, cómo se escribe cada fila y cómo se lee, con cada problema en su celda."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from functools import partial
from typing import Any

import attrs

from ..errores import ErrorSdgMetas
from ..modelo import (
    Efecto,
    RegistroModificacion,
    ReportadoPor,
    Reporte,
)
from ._campos import c_codigo, c_trimestre
from ._celdas import enum_celda, fecha_celda, numero_celda
from ._encabezados import Tabla, Ubicador, booleano_celda, lista_celda, recorrer, texto_celda, vacia
from ._problemas import Invalido, Recolector

#: Lo que la biblioteca escribe en una celda: texto, número, fecha o nada.
Valor = str | Decimal | datetime.date | None

#: Columnas de la tabla de reportes: una fila por meta y trimestre, con todo el :class:`Reporte`.
COLUMNAS_REPORTES = (
    "codigo_meta",
    "trimestre",
    "ejecucion",
    "numerador",
    "denominador",
    "avance_reportado",
    "ejecucion_acumulada_reportada",
    "avance_acumulado_reportado",
    "analisis",
    "analisis_acumulado",
    "causas_retraso",
    "evidencias",
    "fecha_envio",
    "reportado_por",
)
#: Columnas de la tabla de modificaciones: un :class:`RegistroModificacion` por fila.
COLUMNAS_MODIFICACIONES = (
    "codigo_meta",
    "fecha_solicitud",
    "fecha_aprobacion",
    "efecto",
    "desde",
    "revision_oap",
    "descripcion",
    "solo_aumento",
)
#: Columnas que son fracciones (1 = 100 %): en Excel llevan formato de porcentaje.
COLUMNAS_FRACCION = frozenset({"avance_reportado", "avance_acumulado_reportado"})
_OBLIGATORIAS_REPORTES = {"codigo_meta": "", "trimestre": ""}
_OBLIGATORIAS_MODIFICACIONES = dict.fromkeys(
    ("codigo_meta", "fecha_solicitud", "fecha_aprobacion", "efecto"), ""
)


def si_no(valor: bool) -> str:
    """``"si"`` o ``"no"``, como se escribe un booleano en una celda."""
    return "si" if valor else "no"


def unir_lista(elementos: Iterable[str]) -> str:
    """Los elementos de una celda de lista, separados por ``" | "``."""
    return " | ".join(elementos)


# --- Escritura ----------------------------------------------------------------------------------


def fila_reporte(r: Reporte) -> list[Valor]:
    """Las celdas de un reporte, en el orden de :data:`COLUMNAS_REPORTES`."""
    return [
        r.codigo_meta, str(r.trimestre), r.ejecucion, r.numerador, r.denominador,
        r.avance_reportado, r.ejecucion_acumulada_reportada, r.avance_acumulado_reportado,
        r.analisis, r.analisis_acumulado, r.causas_retraso, unir_lista(r.evidencias),
        r.fecha_envio, r.reportado_por.value,
    ]


def fila_modificacion(m: RegistroModificacion) -> list[Valor]:
    """Las celdas de un registro, en el orden de :data:`COLUMNAS_MODIFICACIONES`."""
    return [
        m.codigo_meta, m.fecha_solicitud, m.fecha_aprobacion, m.efecto.value,
        None if m.desde is None else str(m.desde), si_no(m.revision_oap), m.descripcion,
        si_no(m.solo_aumento),
    ]


# --- Lectura ------------------------------------------------------------------------------------

_Lectura = Callable[[object, str], Any]


def _obligatoria(funcion: Callable[[object], Any]) -> _Lectura:
    def leer(valor: object, _decimal: str) -> Any:
        if vacia(valor):
            raise Invalido("falta el valor (la celda está vacía)")
        return funcion(valor)

    return leer


def _opcional(funcion: Callable[[object], Any], defecto: object = None) -> _Lectura:
    return lambda valor, _decimal: defecto if vacia(valor) else funcion(valor)


def _numero(columna: str) -> _Lectura:
    fraccion = columna in COLUMNAS_FRACCION

    def leer(valor: object, decimal: str) -> Decimal | None:
        if vacia(valor):
            return None
        return numero_celda(valor, decimal, fraccion=fraccion, negativo=fraccion)

    return leer


def _texto(valor: object, _decimal: str) -> str:
    return texto_celda(valor)


def _de_texto(funcion: Callable[[str], Any]) -> Callable[[object], Any]:
    return lambda valor: funcion(texto_celda(valor).strip())


_CODIGO = _obligatoria(lambda v: c_codigo(texto_celda(v)))
_LECTURAS_REPORTE: dict[str, _Lectura] = {
    "codigo_meta": _CODIGO,
    "trimestre": _obligatoria(_de_texto(c_trimestre)),
    **{c: _numero(c) for c in COLUMNAS_REPORTES[2:8]},
    "analisis": _texto,
    "analisis_acumulado": _texto,
    "causas_retraso": _texto,
    "evidencias": lambda valor, _decimal: lista_celda(valor),
    "fecha_envio": _opcional(fecha_celda),
    "reportado_por": _opcional(_de_texto(partial(enum_celda, ReportadoPor)),
                               ReportadoPor.UNIDAD),
}
_LECTURAS_MODIFICACION: dict[str, _Lectura] = {
    "codigo_meta": _CODIGO,
    "fecha_solicitud": _obligatoria(fecha_celda),
    "fecha_aprobacion": _obligatoria(fecha_celda),
    "efecto": _obligatoria(_de_texto(partial(enum_celda, Efecto))),
    "desde": _opcional(_de_texto(c_trimestre)),
    "revision_oap": lambda valor, _decimal: booleano_celda(valor),
    "descripcion": _texto,
    "solo_aumento": lambda valor, _decimal: booleano_celda(valor),
}


@attrs.frozen(slots=True)
class Registros:
    """Una tabla de reportes o de modificaciones leída: su recolector de problemas, cómo se
    ubica una celda y cada fila (número y objeto, ``None`` si tuvo problemas)."""

    rec: Recolector
    ubicar: Ubicador
    filas: tuple[tuple[int, Any], ...]


def _leer_objeto(
    rec: Recolector, ubicar: Ubicador, clase: type, lecturas: Mapping[str, _Lectura],
    numero: int, valores: Mapping[str, object], decimal: str,
) -> object | None:
    campos: dict[str, Any] = {}
    antes = len(rec.problemas)
    for columna, lectura in lecturas.items():
        try:
            campos[columna] = lectura(valores.get(columna), decimal)
        except (Invalido, ErrorSdgMetas) as e:
            rec.anotar_error(ubicar(numero, columna), columna, e)
    # Cada lectura ya aplicó el conversor y las reglas del campo: el objeto se construye.
    return None if len(rec.problemas) > antes else clase(**campos)


def _leer(
    tabla: Tabla, filas: Iterable[tuple[int, Sequence[object]]], ignorar_columnas: bool,
    columnas: Sequence[str], obligatorias: Mapping[str, str], clase: type,
    lecturas: Mapping[str, _Lectura],
) -> Registros:
    rec = Recolector(tabla.archivo)
    ubicar, datos = recorrer(rec, tabla, filas, columnas, obligatorias, ignorar_columnas,
                             4 * tabla.max_metas)
    leidas = tuple(
        (numero, _leer_objeto(rec, ubicar, clase, lecturas, numero, valores, tabla.decimal))
        for numero, valores in datos
    )
    return Registros(rec, ubicar, leidas)


def leer_reportes(
    tabla: Tabla, filas: Iterable[tuple[int, Sequence[object]]], ignorar_columnas: bool
) -> Registros:
    """La tabla de reportes de ``filas`` (ver :data:`COLUMNAS_REPORTES`)."""
    return _leer(tabla, filas, ignorar_columnas, COLUMNAS_REPORTES, _OBLIGATORIAS_REPORTES,
                 Reporte, _LECTURAS_REPORTE)


def leer_modificaciones(
    tabla: Tabla, filas: Iterable[tuple[int, Sequence[object]]], ignorar_columnas: bool
) -> Registros:
    """La tabla de modificaciones de ``filas`` (ver :data:`COLUMNAS_MODIFICACIONES`)."""
    return _leer(tabla, filas, ignorar_columnas, COLUMNAS_MODIFICACIONES,
                 _OBLIGATORIAS_MODIFICACIONES, RegistroModificacion, _LECTURAS_MODIFICACION)
