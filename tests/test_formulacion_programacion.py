"""Pruebas de ``verificar_programacion`` (FOR-01, FOR-02, FOR-03; Actividad 4)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdg_metas import Programacion, Severidad, TipoInvalido, verificar_programacion


def _reglas(p: Programacion, unidad: str | None = None) -> list[str]:
    return [h.regla for h in verificar_programacion(p, unidad)]


@pytest.mark.parametrize(
    ("tipo", "magnitud", "trimestres", "lb"),
    [
        ("suma", 100, [25, 25, 25, 25], None),
        ("suma", 40, [None, 10, 15, 15], None),  # 10+15+15 = 40
        ("suma", "0.9", ["0.3", "0.3", "0.3", 0], None),
        ("constante", 95, [95, 95, 95, 95], None),
        ("constante", 2, [None, 2, None, 2], None),
        ("creciente", 80, [50, 60, 70, 80], 40),
        ("creciente", 80, [50, 50, None, 80], None),  # no decreciente: iguales está bien
        ("decreciente", 200, [400, 350, 250, 200], 500),
        ("decreciente", 0, [None, None, None, 0], 10),  # una meta decreciente puede apuntar a 0
    ],
)
def test_coherentes(tipo: str, magnitud: object, trimestres: list[object], lb: object) -> None:
    assert verificar_programacion(Programacion(tipo, magnitud, trimestres, lb)) == ()


@pytest.mark.parametrize(
    ("tipo", "magnitud", "trimestres", "lb", "reglas", "fragmento"),
    [
        ("suma", 0, [0, 0, 0, 0], None, ["FOR-01", "FOR-01"], "ningún trimestre"),
        ("constante", 0, [0, 0, 0, 0], None, ["FOR-01"], "debe ser mayor que 0"),
        ("creciente", 10, [None] * 4, None, ["FOR-01"], "ningún trimestre está programado"),
        ("suma", 100, [25, 25, 25, 20], None, ["FOR-02"], "suma 95 y la magnitud es 100"),
        ("constante", 95, [95, 90, 95, 95], None, ["FOR-02"], "difieren T2=90"),
        ("constante", 95, [95, 0, 95, 95], None, ["FOR-02"], "difieren T2=0"),
        ("creciente", 80, [50, 40, 70, 80], None, ["FOR-02"], "disminuye de T1=50 a T2=40"),
        ("creciente", 80, [50, 60, 70, 75], None, ["FOR-02"], "(T4=75) debe ser igual"),
        ("creciente", 30, [10, 20, 30, 30], 40, ["FOR-02"], "menor que la línea base 40"),
        ("decreciente", 200, [400, 450, 250, 200], 500, ["FOR-02"], "aumenta de T1=400"),
        ("decreciente", 200, [400, 350, 250, 200], None, ["FOR-02"], "falta la línea base"),
        ("decreciente", 200, [200, 200, 200, 200], 200, ["FOR-02"], "debe ser mayor que"),
    ],
)
def test_incoherentes(
    tipo: str,
    magnitud: object,
    trimestres: list[object],
    lb: object,
    reglas: list[str],
    fragmento: str,
) -> None:
    hallazgos = verificar_programacion(Programacion(tipo, magnitud, trimestres, lb))
    assert [h.regla for h in hallazgos] == reglas
    assert any(fragmento in h.mensaje for h in hallazgos), [h.mensaje for h in hallazgos]
    assert all(h.severidad is Severidad.ERROR for h in hallazgos)
    assert all(h.fuente.startswith("PLE-PIN-P005 v8") for h in hallazgos)


def test_for_03_porcentaje() -> None:
    p = Programacion("suma", 120, [30, 30, 30, 30])
    assert _reglas(p) == []  # 120 acciones: correcto
    hallazgos = verificar_programacion(p, "%")  # 120 %: imposible
    assert [h.regla for h in hallazgos] == ["FOR-03"]
    assert "magnitud=120" in hallazgos[0].mensaje
    c = Programacion("creciente", 100, [90, 100, 100, 100], linea_base=110)
    assert _reglas(c, "Porcentaje") == ["FOR-02", "FOR-03"]
    t = Programacion("constante", 100, [100, 101, 100, 100])
    assert "T2=101" in verificar_programacion(t, "%")[-1].mensaje


def test_tipo_invalido() -> None:
    with pytest.raises(TipoInvalido):
        verificar_programacion("suma")  # type: ignore[arg-type]


@given(
    st.lists(st.integers(0, 1000), min_size=4, max_size=4),
    st.sampled_from(["suma", "constante", "creciente", "decreciente"]),
)
def test_toda_regla_esta_en_el_catalogo(valores: list[int], tipo: str) -> None:
    for h in verificar_programacion(Programacion(tipo, valores[0], valores), "%"):
        assert h.regla in {"FOR-01", "FOR-02", "FOR-03"}
        assert h.enunciado


@given(st.lists(st.integers(1, 1000), min_size=4, max_size=4))
def test_suma_con_magnitud_igual_al_total_es_coherente(valores: list[int]) -> None:
    assert verificar_programacion(Programacion("suma", sum(valores), valores)) == ()
    otra = Programacion("suma", sum(valores) + 1, valores)
    assert _reglas(otra) == ["FOR-02"]


# --- issue 13: mensajes y límites que la prueba de mutación encontró sin verificar -------------


def test_programacion_de_otro_tipo_mensaje_campo_y_valor() -> None:
    with pytest.raises(TipoInvalido) as info:
        verificar_programacion("suma 100")  # type: ignore[arg-type]
    assert str(info.value) == "programacion: 'suma 100' debe ser una Programacion"
    assert (info.value.campo, info.value.valor) == ("programacion", "suma 100")


def test_for_01_mensaje_de_una_suma_con_ceros() -> None:
    """FOR-01 (Actividad 4): en una meta SUMA un 0 no es un trimestre programado; en una
    CONSTANTE sin valores no hace falta la aclaración."""
    (h,) = [h for h in verificar_programacion(Programacion("suma", 10, [0, 0, 0, 0]))
            if h.regla == "FOR-01"]
    assert h.mensaje == (
        "trimestres: ningún trimestre está programado (en una meta suma un 0 no cuenta como "
        "programado)"
    )
    (h,) = [h for h in verificar_programacion(Programacion("constante", 90, [None] * 4))
            if h.regla == "FOR-01"]
    assert h.mensaje == "trimestres: ningún trimestre está programado"


def _for_03(programacion: Programacion) -> list[tuple[str | None, str]]:
    return [(h.campo, h.mensaje) for h in verificar_programacion(programacion, "%")
            if h.regla == "FOR-03"]


def test_for_03_cien_es_el_limite_incluido() -> None:
    """FOR-03: una meta en % «no puede superar 100»: 100 es válido (magnitud, trimestre y línea
    base), 101 no."""
    assert _for_03(Programacion("suma", 100, [25, 25, 25, 25])) == []
    assert _for_03(Programacion("constante", 100, [100, 100, 100, 100])) == []
    assert _for_03(Programacion("decreciente", 40, [90, 70, 50, 40], linea_base=100)) == []
    assert _for_03(Programacion("decreciente", 40, [90, 70, 50, 40], linea_base=101)) == [
        ("linea_base", "%: una meta en porcentaje no puede superar 100; supera linea_base=101")
    ]
    assert _for_03(Programacion("constante", 110, [110, 100, 100, 100])) == [
        ("magnitud", "%: una meta en porcentaje no puede superar 100; supera magnitud=110, T1=110")
    ]


def test_for_02_suma_no_depende_del_contexto_decimal_de_quien_llama() -> None:
    """Actividad 4: «Consistencia del tipo de programación respecto a las magnitudes
    trimestrales y la magnitud global de la meta». SUMA 100 con 40 + 30 + 20 + 10.4 = 100.4
    (a mano): FOR-02, aunque quien llama trabaje con 3 dígitos (donde 100.4 se redondearía a
    100 y parecería coherente)."""
    from decimal import Context, localcontext

    p = Programacion("suma", 100, [40, 30, 20, "10.4"])
    with localcontext(Context(prec=3)):
        hallazgos = verificar_programacion(p)
    assert [h.mensaje for h in hallazgos] == [
        "tipo suma: la programación trimestral suma 100.4 y la magnitud es 100; deben ser iguales"
    ]


def test_for_02_suma_un_cero_no_programado_no_entra_en_la_suma() -> None:
    """Política 9 y DESIGN.md: en una meta SUMA un trimestre en 0 no cuenta como programado;
    la suma de la programación es la de los programados: 25 + 25 + 25 = 75 (a mano), que el
    mensaje muestra como 75 aunque el trimestre vacío se haya escrito «0.00»."""
    p = Programacion("suma", 100, ["0.00", 25, 25, 25])
    assert [h.mensaje for h in verificar_programacion(p)] == [
        "tipo suma: la programación trimestral suma 75 y la magnitud es 100; deben ser iguales"
    ]
