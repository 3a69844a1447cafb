"""Pruebas de la validación de :class:`~sdg_metas.Politica` bajo argumentos hostiles (issue 13).

Las interpretaciones (``INT-nn``) de cada campo se prueban en ``test_interpretaciones.py``; aquí
solo lo que un campo recibe cuando no es lo que espera.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from sdg_metas import ErrorSdgMetas, Politica


def test_un_conjunto_de_textos_infinito_no_cuelga() -> None:
    """Antes ``Politica(palabras_no_infinitivo=itertools.repeat("x"))`` no terminaba nunca
    (el conjunto no crece, así que ni siquiera agotaba la memoria)."""
    with pytest.raises(ErrorSdgMetas) as error:
        Politica(palabras_no_infinitivo=itertools.repeat("hogar"))
    assert error.value.codigo == "DEMASIADOS_ELEMENTOS"
    assert str(error.value) == (
        "palabras_no_infinitivo: trae más de 2000000 elementos (¿un iterador infinito?)"
    )


def test_una_tolerancia_invalida_no_muestra_un_repr() -> None:
    """El ejemplo del mensaje ya no es código de Python (``Decimal('0.01')``)."""
    with pytest.raises(ErrorSdgMetas) as error:
        Politica(tolerancia_reporte=Decimal("-1"))
    assert str(error.value) == (
        "tolerancia_reporte: -1 debe ser un Decimal finito mayor o igual que 0 (por ejemplo 0.01)"
    )
    with pytest.raises(ErrorSdgMetas) as banda:
        Politica(semaforo_verde_desde=Decimal("NaN"))
    assert "(por ejemplo 0.8)" in str(banda.value)
    assert "Decimal(" not in str(banda.value)
