"""Pruebas de ``sdg_metas.archivos._problemas``: ErrorCarga y límites como parámetros."""


from __future__ import annotations

from typing import Any

import pytest

from sdg_metas.archivos import (
    ErrorCarga,
    cargar_plan,
    plan_desde_dict,
)
from sdg_metas.errores import ErrorArchivo


def test_error_carga_se_puede_serializar() -> None:
    import pickle

    with pytest.raises(ErrorCarga) as error:
        cargar_plan("{}")
    copia = pickle.loads(pickle.dumps(error.value))
    assert copia.problemas == error.value.problemas
    assert (copia.codigo, str(copia)) == (error.value.codigo, str(error.value))


@pytest.mark.parametrize("valor", [0, -1, True, 1.5, "10"])
def test_limites_invalidos(valor: Any) -> None:
    with pytest.raises(ErrorArchivo) as error:
        cargar_plan("{}", max_bytes=valor)
    assert error.value.codigo == "LIMITE_INVALIDO"
    with pytest.raises(ErrorArchivo):
        plan_desde_dict({}, max_metas=valor)
