"""``sdg_metas.pandas`` (issue 14, «Notebooks»): ``a_dataframe`` con columnas ``float64`` para
graficar, semáforo categórico ordenado y ``NaN`` donde «no aplica»; ``numerico=False`` conserva
los ``Decimal`` exactos; sin pandas, un ``ImportError`` que nombra el extra.

Issue 14: «``filas()`` gives ``Decimal`` columns, which pandas stores as ``object``: ``.plot()``
fails with "no numeric data to plot"; ``json.dumps(filas(...))`` fails on ``Decimal``».
Las cifras esperadas salen de la tabla trabajada a mano en docs/cuaderno.md.
"""

from __future__ import annotations

import importlib
import json
import math
import sys
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

pd = pytest.importorskip("pandas")

from sdg_metas import (  # noqa: E402
    TipoInvalido,
    consolidado_anual,
    evaluar_plan,
    filas,
    ranking,
)
from sdg_metas import pandas as sdg_pandas  # noqa: E402
from sdg_metas.ejemplos import plan_ejemplo  # noqa: E402
from sdg_metas.presentacion import CodificadorJSON, valor_json  # noqa: E402
from sdg_metas.testing import planes  # noqa: E402

a_dataframe = sdg_pandas.a_dataframe


def _t1():  # type: ignore[no-untyped-def]
    return a_dataframe(filas(evaluar_plan(plan_ejemplo(), 1))).set_index("codigo_meta")


def test_columnas_numericas_float64() -> None:
    df = _t1()
    for columna in ("peso", "programado_acumulado", "ejecucion_acumulada", "avance_trimestre_pct",
                    "cumplimiento_pct", "avance_vigencia_pct", "cumplimiento_acotado_pct",
                    "peso_normalizado_pct", "aporte_pct", "calificacion_plan_pct"):
        assert df[columna].dtype == "float64", columna
    assert df["vigencia"].dtype == "int64"
    assert df["hallazgos"].dtype == "int64"
    assert not pd.api.types.is_numeric_dtype(df["unidad"])
    # T1 (docs/cuaderno.md): M4 80.00 %, M3 120.00 %; calificación 77/80 = 96.25 %; peso de M1 20.
    assert df.loc["M4", "cumplimiento_pct"] == 80.0
    assert df.loc["M3", "cumplimiento_pct"] == 120.0
    assert df.loc["M1", "calificacion_plan_pct"] == 96.25
    assert df.loc["M1", "peso"] == 20.0
    assert df["cumplimiento_pct"].sum() > 0  # agregable: ya no es object


def test_no_aplica_es_nan() -> None:
    """M5 no tiene programado el T1: su cumplimiento «no aplica» (None), no es 0, y su semáforo
    es SIN_DATO (CON-03: «None ("no aplica") es SIN_DATO»)."""
    df = _t1()
    assert math.isnan(df.loc["M5", "cumplimiento_pct"])
    assert math.isnan(df.loc["M5", "aporte_pct"])
    assert pd.isna(df.loc["M5", "semaforo"])
    assert df["cumplimiento_pct"].isna().sum() == 1


def test_semaforo_categorico_ordenado() -> None:
    """Al T2: M4 106.67 % SOBREEJECUCION, M5 40.00 % ROJO, las demás VERDE (CON-03)."""
    df = a_dataframe(filas(evaluar_plan(plan_ejemplo(), 2))).set_index("codigo_meta")
    tipo = df["semaforo"].dtype
    assert isinstance(tipo, pd.CategoricalDtype)
    assert tipo.ordered
    assert list(tipo.categories) == ["rojo", "amarillo", "verde", "sobreejecucion"]
    assert list(df.index[df["semaforo"] < "verde"]) == ["M5"]
    assert list(df.index[df["semaforo"] > "verde"]) == ["M4"]
    assert isinstance(df["semaforo_plan"].dtype, pd.CategoricalDtype)


def test_numerico_false_conserva_los_decimal_exactos() -> None:
    """El consolidado anual (CON-04) lleva cifras sin redondear: M2 ejecuta 95.25 (media de lo
    reportado), M6 1.75; con ``numerico=False`` vuelven idénticas, ``Decimal`` a ``Decimal``."""
    originales = consolidado_anual([plan_ejemplo()], 2025)
    df = a_dataframe(originales, numerico=False)
    for columna in ("magnitud_anual", "ejecucion_anual", "avance_anual_pct", "linea_base"):
        assert df[columna].dtype == object, columna
    for i, fila in enumerate(originales):
        for clave, valor in fila.items():
            if isinstance(valor, Decimal):
                leido = df.loc[i, clave]
                assert isinstance(leido, Decimal)
                assert str(leido) == str(valor)  # mismo valor y mismo exponente
            elif valor is None and not clave.startswith("semaforo"):
                assert df.loc[i, clave] is None
    por_meta = df.set_index("codigo_meta")
    assert por_meta.loc["M2", "ejecucion_anual"] == Decimal("95.25")
    assert por_meta.loc["M6", "ejecucion_anual"] == Decimal("1.75")
    assert isinstance(df["semaforo"].dtype, pd.CategoricalDtype)


def test_evaluaciones_y_ranking_directos() -> None:
    ev = evaluar_plan(plan_ejemplo(), 4)
    assert len(a_dataframe(ev)) == 6
    assert len(a_dataframe([ev, evaluar_plan(plan_ejemplo(), 3)])) == 12
    df = a_dataframe(ranking([plan_ejemplo()], 4))
    assert df.loc[0, "calificacion_pct"] == 87.75  # CON-01 al T4 (docs/cuaderno.md)
    assert df["posicion"].dtype == "int64"
    assert a_dataframe([]).empty


def test_columnas_de_cifras_sin_ningun_dato() -> None:
    """Una columna ``*_pct`` donde nada aplica sigue siendo numérica (NaN), y una de enteros y
    Decimal mezclados también."""
    df = a_dataframe([{"avance_pct": None, "x": 1}, {"avance_pct": None, "x": Decimal("2.5")}])
    assert df["avance_pct"].dtype == "float64"
    assert df["avance_pct"].isna().all()
    assert df["x"].tolist() == [1.0, 2.5]


@pytest.mark.parametrize("malo", ["texto", {"a": 1}, 3, [{"a": 1}, 3]])
def test_entradas_invalidas(malo: object) -> None:
    with pytest.raises(TipoInvalido, match="filas"):
        a_dataframe(malo)


def test_el_codificador_json_se_reexporta_y_escribe_filas() -> None:
    assert sdg_pandas.CodificadorJSON is CodificadorJSON
    assert sdg_pandas.valor_json is valor_json
    texto = json.dumps(filas(evaluar_plan(plan_ejemplo(), 2)), cls=sdg_pandas.CodificadorJSON)
    assert json.loads(texto)[4]["cumplimiento_pct"] == "40.00"


def test_sin_pandas_el_error_nombra_el_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas → ImportError
    monkeypatch.delitem(sys.modules, "sdg_metas.pandas")
    with pytest.raises(ImportError, match=r"pip install 'sdg-metas\[pandas\]'") as error:
        importlib.import_module("sdg_metas.pandas")
    assert error.value.name == "pandas"


@given(plan=planes(), k=st.integers(1, 4))
def test_el_dataframe_numerico_es_el_exacto_convertido(plan, k) -> None:  # type: ignore[no-untyped-def]
    """Para cualquier plan: cada cifra del marco numérico es ``float`` del ``Decimal`` de
    ``filas`` (``NaN`` donde «no aplica») y el marco exacto la conserva tal cual."""
    originales = filas(evaluar_plan(plan, k))
    numerico = a_dataframe(originales)
    exacto = a_dataframe(originales, numerico=False)
    assert len(numerico) == len(exacto) == len(originales)
    for i, fila in enumerate(originales):
        for clave, valor in fila.items():
            if clave.startswith("semaforo"):
                esperado = None if valor == "sin_dato" else valor
                for marco in (numerico, exacto):
                    leido = marco.loc[i, clave]
                    assert (pd.isna(leido) and esperado is None) or leido == esperado
            elif clave.endswith("_pct") or isinstance(valor, Decimal):
                leido = numerico.loc[i, clave]
                assert math.isnan(leido) if valor is None else leido == float(valor)
                assert exacto.loc[i, clave] is valor or exacto.loc[i, clave] == valor


@pytest.mark.parametrize("numerico", [True, False])
def test_posicion_sin_calificacion_sigue_entera(numerico: bool) -> None:
    """h19, CON-02: un plan sin calificación (sin metas) no tiene posición y va al final. La
    posición del otro sigue siendo el entero 1 (no 1.0 con NaN): columna ``Int64`` de pandas,
    con ``<NA>`` donde no hay posición."""
    from sdg_metas import PlanDeGestion

    vacio = PlanDeGestion(vigencia=2025, unidad="Proceso 0", nivel="central", metas=[])
    df = a_dataframe(ranking([vacio, plan_ejemplo()], 4), numerico=numerico)
    assert str(df["posicion"].dtype) == "Int64"
    assert df.loc[0, "posicion"] == 1
    assert df["posicion"].isna().tolist() == [False, True]
    assert " 1.0 " not in df.to_string()
