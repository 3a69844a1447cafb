"""CON-02 a partir de calificaciones ya calculadas: ``posiciones_ranking`` (issue 12, ranking en
flujo de ``sdg-metas ranking``)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sdg_metas import Politica, ranking
from sdg_metas.consolidacion import posiciones_ranking
from sdg_metas.ejemplos import plan_ejemplo
from sdg_metas.errores import ErrorNumero, ErrorSdgMetas, TipoInvalido


def test_empate_al_porcentaje_publicado_y_sin_valor_al_final() -> None:
    """Actividad 13 («ranking de la gestión … para el periodo», CON-02) e INT-53: se comparan
    los porcentajes con dos decimales. 0,852 5 → 85,25 % y 0,852 54 → 85,25 %: empatan en el
    puesto 1 y se listan por unidad (Bosa antes que Usme); 0,8 → 80,00 % es el 3 (olímpico:
    1, 1, 3); la unidad sin calificación va al final, sin puesto."""
    entrada = [("Usme", "local", Decimal("0.8525")), ("Chapinero", "local", None),
               ("Suba", "local", Decimal("0.8")), ("Bosa", "local", Decimal("0.85254"))]
    assert posiciones_ranking(entrada) == ((1, 3), (1, 0), (3, 2), (None, 1))


def test_con_decimales_ranking_none_compara_el_valor_exacto() -> None:
    """INT-53, alternativa: sin redondear, 0,852 54 > 0,852 5 y ya no empatan."""
    entrada = [("Usme", "local", Decimal("0.8525")), ("Bosa", "local", Decimal("0.85254"))]
    exacta = Politica(decimales_ranking=None)
    assert posiciones_ranking(entrada, exacta) == ((1, 1), (2, 0))


def test_misma_unidad_en_dos_niveles_se_ordena_por_nivel() -> None:
    """Empate de valor y de unidad: decide el nivel (central antes que local), como ranking."""
    entrada = [("Usme", "local", Decimal("0.5")), ("Usme", "central", Decimal("0.5"))]
    assert posiciones_ranking(entrada) == ((1, 1), (1, 0))


def test_da_el_mismo_orden_que_ranking() -> None:
    plan = plan_ejemplo()
    esperado = ranking([plan], 3)
    assert posiciones_ranking([(plan.unidad, plan.nivel, esperado[0].valor)]) == ((1, 0),)


@pytest.mark.parametrize(
    ("entrada", "tipo", "campo"),
    [
        (3, TipoInvalido, "calificadas"),
        ([("Usme", "local")], TipoInvalido, "calificadas[0]"),
        ([["Usme", "local", None]], TipoInvalido, "calificadas[0]"),
        ([(7, "local", None)], TipoInvalido, "calificadas[0].unidad"),
        ([("Usme", "local", Decimal("0.5")), ("Bosa", "local", "0,5")], ErrorNumero,
         "calificadas[1].valor"),
    ],
)
def test_entradas_invalidas_nombran_el_elemento(
    entrada: object, tipo: type[Exception], campo: str
) -> None:
    with pytest.raises(tipo) as error:
        posiciones_ranking(entrada)  # type: ignore[arg-type]
    assert isinstance(error.value, ErrorSdgMetas)
    assert error.value.campo == campo


def test_nivel_desconocido_es_error_que_lo_nombra() -> None:
    with pytest.raises(ErrorSdgMetas, match="regional"):
        posiciones_ranking([("Usme", "regional", None)])


def test_politica_invalida() -> None:
    with pytest.raises(TipoInvalido, match="politica"):
        posiciones_ranking([], politica=3)  # type: ignore[arg-type]


def test_errores_nombran_el_elemento_y_lo_que_se_esperaba() -> None:
    """Los mensajes dicen qué se recibió y qué se esperaba (issue 14) y el error lleva el valor."""
    with pytest.raises(TipoInvalido) as lista:
        posiciones_ranking(3)  # type: ignore[arg-type]
    assert str(lista.value) == "calificadas: 3 debe ser una secuencia de (unidad, nivel, valor)"
    with pytest.raises(TipoInvalido) as trio:
        posiciones_ranking([("Usme", "local")])  # type: ignore[list-item]
    assert str(trio.value) == (
        "calificadas[0]: ('Usme', 'local') debe ser un trío (unidad, nivel, valor)")
    assert trio.value.valor == ("Usme", "local")
    with pytest.raises(TipoInvalido) as unidad:
        posiciones_ranking([(7, "local", None)])  # type: ignore[list-item]
    assert str(unidad.value) == "calificadas[0].unidad: 7 debe ser un texto"


def test_valores_fuera_del_rango_de_una_cifra_se_ordenan_igual() -> None:
    """El valor es una calificación ya calculada, no una cifra de un plan: se ordena cualquier
    número finito (un valor negativo o enorme de otra fuente no es un error aquí). Con dos
    decimales: 1e20 → el primero; 1e-30 → 0,00 %; −0,1 → −10,00 %, el último."""
    entrada = [("A", "local", Decimal("-0.1")), ("B", "local", Decimal("1e20")),
               ("C", "local", Decimal("1e-30"))]
    assert posiciones_ranking(entrada) == ((1, 1), (2, 2), (3, 0))
