"""Qué es un análisis y cuándo nombra la causa de un retraso (REP-03; ``INT-46``).

Las dos lecturas de texto de REP-03, aparte de las reglas: :func:`es_analisis` (un texto con al
menos una palabra que no es «N/A» ni otro de ``Politica.textos_sin_analisis``) y
:func:`nombra_causa` (un análisis que nombra una expresión de ``Politica.vocabulario_causas``).
"""

from __future__ import annotations

import functools
import re

from .._validacion import exigir_tipo, recordar_textos_cortos, sin_tildes
from ..politica import POLITICA_PLE_PIN_P005_V8, Politica

_PUNTUACION = " \t\r\n.,;:!¡?¿-_*/\\|()[]{}\"'«»"


def es_analisis(texto: str, politica: Politica = POLITICA_PLE_PIN_P005_V8) -> bool:
    """``True`` si ``texto`` es un análisis (``INT-46``): tiene al menos una palabra y no es uno
    de ``politica.textos_sin_analisis`` (comparado en minúsculas y sin tildes).

    >>> es_analisis("El retraso se debe a la suspensión del contrato"), es_analisis(".")
    (True, False)
    >>> es_analisis(" N/A "), es_analisis("No aplica.")
    (False, False)
    """
    exigir_tipo(texto, str, "texto", "un texto")
    exigir_tipo(politica, Politica, "politica", "una Politica")
    return _es_analisis(texto, politica.textos_sin_analisis)


@recordar_textos_cortos(4096, 1000)
def _es_analisis(texto: str, sin_analisis: frozenset[str], causas: frozenset[str] | None = None) -> bool:
    """:func:`es_analisis` o, con ``causas``, :func:`nombra_causa`, ya comprobadas y recordadas (issue 12)."""
    if re.search(r"[^\W\d_]", texto) is None:
        return False
    normal = sin_tildes(texto)
    if {normal, normal.strip(_PUNTUACION)} & sin_analisis:
        return False
    return causas is None or _patron_causas(causas).search(normal) is not None


@functools.lru_cache(maxsize=8)
def _patron_causas(vocabulario: frozenset[str]) -> re.Pattern[str]:
    expresiones = (re.escape(e).replace(r"\ ", r"\s+") for e in sorted(vocabulario))
    return re.compile(rf"(?<!\w)(?:{'|'.join(expresiones)})(?!\w)")


def nombra_causa(texto: str, politica: Politica = POLITICA_PLE_PIN_P005_V8) -> bool:
    """``True`` si ``texto`` es un análisis que nombra la causa de un retraso (``INT-46``): una
    expresión de ``politica.vocabulario_causas`` como palabras completas, sin distinguir
    mayúsculas ni tildes.

    >>> nombra_causa("El retraso se debe a la SUSPENSIÓN del contrato")
    True
    >>> nombra_causa("Se realizaron 24 acciones"), nombra_causa("Las causales de la demanda")
    (False, False)
    """
    exigir_tipo(texto, str, "texto", "un texto")
    exigir_tipo(politica, Politica, "politica", "una Politica")
    return _es_analisis(texto, politica.textos_sin_analisis, politica.vocabulario_causas)
