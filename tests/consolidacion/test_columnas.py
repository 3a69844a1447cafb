"""Los nombres y el orden de las columnas de las filas de consolidación son un contrato (issue 13).

El esquema publicado ``sdg_metas/esquemas/resultados.schema.json`` describe, para cada tabla, sus
columnas en orden (``properties``), todas obligatorias y ninguna más (``additionalProperties:
false``): ``meta_evaluada`` (:func:`filas`), ``fila_consolidado`` (:func:`consolidado_anual`,
CB-0404 de la Actividad 14), ``fila_informe`` (:func:`informe_gestion`, Actividad 15) y
``posicion`` (el ranking de la Actividad 12 en :func:`como_filas`). Una columna renombrada o
perdida rompe a quien lee las filas (un DataFrame, un CSV, el JSON de la CLI)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from sdg_metas import como_filas, consolidado_anual, evaluar_plan, filas, informe_gestion, ranking
from sdg_metas.consolidacion import Fila, filas_de_planes
from sdg_metas.ejemplos import plan_ejemplo


def _columnas(definicion: str) -> list[str]:
    texto = resources.files("sdg_metas").joinpath("esquemas/resultados.schema.json").read_text(
        encoding="utf-8")
    esquema = json.loads(texto)["$defs"][definicion]
    assert esquema["additionalProperties"] is False
    assert esquema["required"] == list(esquema["properties"])
    return list(esquema["properties"])


def _tablas() -> dict[str, list[Fila]]:
    plan = plan_ejemplo()
    return {
        "meta_evaluada": filas(evaluar_plan(plan, 2)) + list(filas_de_planes([plan], 3)),
        "fila_consolidado": consolidado_anual([plan], 2025),
        "fila_informe": informe_gestion([plan], 2025),
        "posicion": como_filas(ranking([plan], 4)),
    }


@pytest.mark.parametrize("definicion", ["meta_evaluada", "fila_consolidado", "fila_informe",
                                        "posicion"])
def test_columnas_en_el_orden_del_esquema(definicion: str) -> None:
    esperadas = _columnas(definicion)
    tabla = _tablas()[definicion]
    assert tabla
    for fila in tabla:
        assert list(fila) == esperadas
