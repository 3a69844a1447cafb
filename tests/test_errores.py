"""La jerarquía de errores: todos son ``ErrorSdgMetas`` (``ValueError``) con ``codigo``."""

from __future__ import annotations

import inspect

import pytest

import sdg_metas
from sdg_metas import errores


def _clases() -> list[type[errores.ErrorSdgMetas]]:
    return [
        c
        for _, c in inspect.getmembers(errores, inspect.isclass)
        if issubclass(c, errores.ErrorSdgMetas)
    ]


def test_familias_exportadas_y_con_codigo_propio() -> None:
    codigos = set()
    for clase in _clases():
        assert issubclass(clase, ValueError)
        assert getattr(sdg_metas, clase.__name__) is clase
        codigos.add(clase.codigo_por_defecto)
    assert len(codigos) == len(_clases())


@pytest.mark.parametrize("clase", _clases())
def test_atributos(clase: type[errores.ErrorSdgMetas]) -> None:
    e = clase("campo: mensaje", campo="campo", valor=3)
    assert e.codigo == clase.codigo_por_defecto
    assert (e.campo, e.valor, e.mensaje, str(e)) == ("campo", 3, "campo: mensaje", "campo: mensaje")
    assert clase("x", codigo="OTRO").codigo == "OTRO"


def test_tipo_invalido_es_type_error() -> None:
    assert issubclass(errores.TipoInvalido, TypeError)
