"""Pruebas de ``sdg_metas.archivos._campos``: conversores de campos y reglas del modelo."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sdg_metas.archivos._campos import c_codigo, c_efecto, c_peso, regla_del_modelo
from sdg_metas.archivos._problemas import Invalido
from sdg_metas.errores import ErrorModelo
from sdg_metas.modelo import Efecto, Meta


def test_peso_y_codigo_usan_la_regla_del_modelo() -> None:
    assert c_peso("100") == Decimal(100)
    with pytest.raises(ErrorModelo) as error:
        c_peso("100.5")
    assert error.value.codigo == "PESO_INVALIDO"
    with pytest.raises(ErrorModelo) as error:
        c_codigo("  ")
    assert error.value.codigo == "CODIGO_VACIO"
    with pytest.raises(Invalido):
        c_peso([1])
    assert regla_del_modelo(Meta, "descripcion", "x") == "x"


@pytest.mark.parametrize(
    ("texto", "efecto"),
    [("Marcar eliminada", Efecto.MARCAR_ELIMINADA), ("ELIMINAR", Efecto.ELIMINAR),
     ("modificar", Efecto.MODIFICAR)],
)
def test_efecto_sin_importar_mayusculas(texto: str, efecto: Efecto) -> None:
    assert c_efecto(texto) is efecto


@pytest.mark.parametrize("valor", ["borrar", 3, None])
def test_efecto_invalido_lista_los_valores(valor: object) -> None:
    with pytest.raises(Invalido) as error:
        c_efecto(valor)
    assert str(error.value).endswith("valores válidos: modificar, eliminar, marcar_eliminada")
