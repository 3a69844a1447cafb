"""Trimestres y vigencias: el calendario del plan de gestión (cuatro cortes al año).

>>> t = Trimestre(2025, 2)
>>> str(t), str(t.siguiente()), indice_trimestre(t)
('2025-T2', '2025-T3', 1)
"""

from __future__ import annotations

import datetime
import re

import attrs

from ._validacion import exigir_entero, exigir_fecha, mostrar
from .errores import ErrorTrimestre, TipoInvalido

__all__ = ["VIGENCIA_MAXIMA", "VIGENCIA_MINIMA", "Trimestre", "indice_trimestre", "validar_vigencia"]

VIGENCIA_MINIMA = 1900
VIGENCIA_MAXIMA = 9998

_PATRON_TRIMESTRE = re.compile(r"^\s*(\d{4})\s*-?\s*[Tt]\s*([1-4])\s*$")


def validar_vigencia(_inst: object, atributo: attrs.Attribute[int], valor: object) -> None:
    exigir_entero(valor, atributo.name)
    assert isinstance(valor, int)
    if not VIGENCIA_MINIMA <= valor <= VIGENCIA_MAXIMA:
        raise ErrorTrimestre(
            f"{atributo.name}: {valor} está fuera del rango admitido "
            f"({VIGENCIA_MINIMA}–{VIGENCIA_MAXIMA})",
            codigo="VIGENCIA_INVALIDA",
            campo=atributo.name,
            valor=valor,
        )


def _validar_numero_trimestre(_inst: object, atributo: attrs.Attribute[int], valor: object) -> None:
    exigir_entero(valor, "numero")
    assert isinstance(valor, int)
    if not 1 <= valor <= 4:
        raise ErrorTrimestre(
            f"numero: {valor} no es un trimestre; debe estar entre 1 y 4",
            campo="numero",
            valor=valor,
        )


@attrs.frozen(slots=True, order=True)
class Trimestre:
    """Un trimestre de una vigencia (año). Ordenado: ``Trimestre(2025, 4) < Trimestre(2026, 1)``.

    >>> t = Trimestre(2025, 2)
    >>> t.inicio, t.fin
    (datetime.date(2025, 4, 1), datetime.date(2025, 6, 30))
    >>> Trimestre.desde_texto("2025-T2") == t, Trimestre.de_fecha(t.fin) == t
    (True, True)
    >>> str(Trimestre(2025, 1).anterior())
    '2024-T4'
    """

    vigencia: int = attrs.field(validator=validar_vigencia)
    numero: int = attrs.field(validator=_validar_numero_trimestre)

    @property
    def inicio(self) -> datetime.date:
        """Primer día del trimestre."""
        return datetime.date(self.vigencia, 3 * self.numero - 2, 1)

    @property
    def fin(self) -> datetime.date:
        """Último día del trimestre."""
        if self.numero == 4:
            return datetime.date(self.vigencia, 12, 31)
        return datetime.date(self.vigencia, 3 * self.numero + 1, 1) - datetime.timedelta(days=1)

    def siguiente(self) -> Trimestre:
        """El trimestre siguiente (el T4 pasa al T1 de la vigencia siguiente)."""
        if self.numero == 4:
            return Trimestre(self.vigencia + 1, 1)
        return Trimestre(self.vigencia, self.numero + 1)

    def anterior(self) -> Trimestre:
        """El trimestre anterior (el T1 pasa al T4 de la vigencia anterior)."""
        if self.numero == 1:
            return Trimestre(self.vigencia - 1, 4)
        return Trimestre(self.vigencia, self.numero - 1)

    def contiene(self, fecha: datetime.date) -> bool:
        """¿La fecha cae dentro del trimestre?"""
        exigir_fecha(fecha, "fecha")
        return self.inicio <= fecha <= self.fin

    @classmethod
    def de_fecha(cls, fecha: datetime.date) -> Trimestre:
        """El trimestre al que pertenece una fecha (un ``datetime`` es ``TipoInvalido``)."""
        exigir_fecha(fecha, "fecha")
        return cls(fecha.year, (fecha.month - 1) // 3 + 1)

    @classmethod
    def desde_texto(cls, texto: str) -> Trimestre:
        """Lee ``"2025-T2"`` (también ``"2025T2"`` o ``"2025-t2"``).

        >>> Trimestre.desde_texto("2025-T5")
        Traceback (most recent call last):
        ...
        sdg_metas.errores.ErrorTrimestre: trimestre: '2025-T5' no tiene la forma AAAA-Tn (por ejemplo 2025-T2), con n entre 1 y 4
        """
        if not isinstance(texto, str):
            raise TipoInvalido(
                f"trimestre: {mostrar(texto)} debe ser un texto como '2025-T2'",
                campo="trimestre",
                valor=texto,
            )
        coincidencia = _PATRON_TRIMESTRE.match(texto)
        if coincidencia is None:
            raise ErrorTrimestre(
                f"trimestre: {mostrar(texto)} no tiene la forma AAAA-Tn (por ejemplo 2025-T2), "
                "con n entre 1 y 4",
                campo="trimestre",
                valor=texto,
            )
        return cls(int(coincidencia.group(1)), int(coincidencia.group(2)))

    def __str__(self) -> str:
        return f"{self.vigencia}-T{self.numero}"


def indice_trimestre(numero: object) -> int:
    """El índice (0..3) de un trimestre dado por su número (1..4) o como :class:`Trimestre`."""
    if isinstance(numero, Trimestre):
        numero = numero.numero
    if isinstance(numero, bool) or not isinstance(numero, int):
        raise TipoInvalido(
            f"trimestre: {mostrar(numero)} debe ser un número de trimestre (1..4) o un Trimestre",
            campo="trimestre",
            valor=numero,
        )
    if not 1 <= numero <= 4:
        raise ErrorTrimestre(
            f"trimestre: {numero} no es un trimestre; debe estar entre 1 y 4",
            campo="trimestre",
            valor=numero,
        )
    return numero - 1
