"""Conversores de campos: cada uno recibe un valor leído de un archivo y devuelve el valor del
modelo, o lanza :class:`~._problemas.Invalido` (o un error del modelo) con un mensaje sin el
nombre del campo. Solo comprueban la *forma* del valor (texto, número, fecha …); las reglas del
dominio (``peso`` hasta 100, código no vacío …) son las del modelo, que se aplican aquí mismo
con sus propios conversores y validadores de ``attrs``.
"""

from __future__ import annotations

import datetime
import functools
import re
from decimal import Decimal
from typing import Any, cast

import attrs

from .._validacion import enum_desde_texto
from ..errores import ErrorSdgMetas
from ..modelo import Efecto, Meta, Nivel, ReportadoPor, TipoProgramacion, Trimestre
from ..numeros import a_decimal
from ._celdas import enum_celda
from ._problemas import Invalido, corto

_PATRON_FECHA = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Los textos ya leídos de un tipo, un nivel o un trimestre se recuerdan (a lo sumo 64 de cada
# uno; un error no se recuerda): cada meta y cada reporte de un archivo los repiten (issue 12).
_tipo_de_texto = functools.lru_cache(maxsize=64)(TipoProgramacion.desde_texto)
_nivel_de_texto = functools.lru_cache(maxsize=64)(Nivel.desde_texto)
_trimestre_de_texto = functools.lru_cache(maxsize=64)(Trimestre.desde_texto)


@functools.cache
def _atributo(clase: type, nombre: str) -> attrs.Attribute[Any]:
    return attrs.fields_dict(clase)[nombre]


def regla_del_modelo(clase: type, nombre: str, valor: object) -> Any:
    """``valor`` pasado por el conversor y el validador del campo ``nombre`` de ``clase``: la
    única definición de la regla (por ejemplo, ``Meta.peso`` no pasa de 100) es la del modelo.

    >>> regla_del_modelo(Meta, "peso", Decimal("120"))
    Traceback (most recent call last):
    ...
    sdg_metas.errores.ErrorModelo: peso: 120 supera 100; el peso de una meta es un porcentaje del plan
    """
    atributo = _atributo(clase, nombre)
    if atributo.converter is not None:
        valor = atributo.converter(valor)  # type: ignore[operator]
    if atributo.validator is not None:
        atributo.validator(None, atributo, valor)
    return valor


def c_texto(valor: object) -> str:
    if not isinstance(valor, str):
        raise Invalido(f"{corto(valor)} debe ser un texto")
    return valor


def c_texto_opcional(valor: object) -> str | None:
    return None if valor is None else c_texto(valor)


def c_codigo(valor: object) -> str:
    texto = c_texto(valor)
    return cast(str, regla_del_modelo(Meta, "codigo", texto))


def c_bool(valor: object) -> bool:
    if not isinstance(valor, bool):
        raise Invalido(f"{corto(valor)} debe ser true o false")
    return valor


def c_numero(valor: object) -> Decimal:
    if isinstance(valor, (list, dict)):
        raise Invalido(f"{corto(valor)} debe ser un número (como texto, por ejemplo \"12.5\")")
    return a_decimal(valor, "valor")


def c_numero_opcional(valor: object) -> Decimal | None:
    return None if valor is None else c_numero(valor)


def c_numero_signo_opcional(valor: object) -> Decimal | None:
    if valor is None:
        return None
    if isinstance(valor, (list, dict)):
        raise Invalido(f"{corto(valor)} debe ser un número (como texto, por ejemplo \"0.5\")")
    return a_decimal(valor, "valor", negativo=True)


def c_peso(valor: object) -> Decimal:
    return cast(Decimal, regla_del_modelo(Meta, "peso", c_numero(valor)))


def c_tipo(valor: object) -> TipoProgramacion:
    if not isinstance(valor, str):
        raise Invalido(f"{corto(valor)} debe ser un texto (suma, constante, creciente o "
                       "decreciente)")
    return _tipo_de_texto(valor)


def c_nivel(valor: object) -> Nivel:
    if not isinstance(valor, str):
        raise Invalido(f"{corto(valor)} debe ser un texto (central o local)")
    return _nivel_de_texto(valor)


def c_efecto(valor: object) -> Efecto:
    try:
        return enum_desde_texto(Efecto, valor, "efecto")
    except ErrorSdgMetas:
        validos = ", ".join(e.value for e in Efecto)
        raise Invalido(
            f"{corto(valor)} no es un efecto válido; valores válidos: {validos}"
        ) from None


def c_reportado_por(valor: object) -> ReportadoPor:
    if not isinstance(valor, str):
        raise Invalido(f"{corto(valor)} debe ser un texto (unidad o area_central)")
    return enum_celda(ReportadoPor, valor)


def c_trimestre(valor: object) -> Trimestre:
    if not isinstance(valor, str):
        raise Invalido(f"{corto(valor)} debe ser un texto como \"2025-T2\"")
    return _trimestre_de_texto(valor)


def c_trimestre_opcional(valor: object) -> Trimestre | None:
    return None if valor is None else c_trimestre(valor)


def c_fecha(valor: object) -> datetime.date:
    if not isinstance(valor, str) or not _PATRON_FECHA.match(valor):
        raise Invalido(f"{corto(valor)} debe ser una fecha AAAA-MM-DD (por ejemplo "
                       "\"2025-04-10\")")
    try:
        return datetime.date.fromisoformat(valor)
    except ValueError:
        raise Invalido(f"{corto(valor)} no es una fecha del calendario") from None


def c_fecha_opcional(valor: object) -> datetime.date | None:
    return None if valor is None else c_fecha(valor)


def c_vigencia(valor: object) -> int:
    if isinstance(valor, bool) or not isinstance(valor, int):
        raise Invalido(f"{corto(valor)} debe ser un año (número entero, por ejemplo 2025)")
    Trimestre(valor, 1)
    return valor


def crudo(valor: object) -> object:
    """El valor tal cual (una lista u objeto que se lee aparte)."""
    return valor
