"""Pruebas de ``evaluar``: ejemplos trabajados a mano con las fórmulas de DESIGN.md.

Cada valor esperado se calculó a mano; el comentario muestra la cuenta.
"""

from __future__ import annotations

import decimal
from collections.abc import Sequence
from decimal import Decimal, localcontext

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sdg_metas import (
    POLITICA_PLE_PIN_P005_V8,
    ErrorNumero,
    ErrorProgramacion,
    ErrorTrimestre,
    Meta,
    ModoConstante,
    PlanDeGestion,
    Programacion,
    Reporte,
    Resultado,
    TipoInvalido,
    Trimestre,
    evaluar,
)
from sdg_metas.calculos import (
    _armar,
    comprobar_ejecuciones,
    ejecuciones_del_plan,
    evaluar_comprobadas,
    evaluar_trimestres,
    resultados_del_plan,
)
from sdg_metas.numeros import CONTEXTO
from sdg_metas.tipos import TIPOS

D = Decimal


def q(a: int, b: int) -> Decimal:
    """La fracción a/b con la precisión documentada de la biblioteca (50 dígitos)."""
    return CONTEXTO.divide(D(a), D(b))


def _cifras(r: Resultado) -> tuple[Decimal | None, ...]:
    return (
        r.avance_trimestre,
        r.ejecucion_acumulada,
        r.programado_acumulado,
        r.cumplimiento,
        r.avance_vigencia,
    )


# --- SUMA -------------------------------------------------------------------------------------

SUMA = Programacion("suma", 100, [10, 20, 30, 40])
E_SUMA = [10, 15, None, None]


@pytest.mark.parametrize(
    ("hasta", "esperado"),
    [
        # T1: E1/P1 = 10/10 = 1; EA = 10; PA = 10; EA/PA = 1; EA/M = 10/100 = 0.1
        (1, (D(1), D(10), D(10), D(1), D("0.1"))),
        # T2: 15/20 = 0.75; EA = 10+15 = 25; PA = 10+20 = 30; 25/30; 25/100 = 0.25
        (2, (D("0.75"), D(25), D(30), q(25, 30), D("0.25"))),
        # T3 sin reporte: avance del trimestre no aplica; PA = 60; 25/60
        (3, (None, D(25), D(60), q(25, 60), D("0.25"))),
        # T4 sin reporte: PA = 100; 25/100
        (4, (None, D(25), D(100), D("0.25"), D("0.25"))),
    ],
)
def test_suma(hasta: int, esperado: tuple[Decimal | None, ...]) -> None:
    assert _cifras(evaluar(SUMA, E_SUMA, hasta)) == esperado


def test_suma_cero_no_programado_y_reporte_fuera_de_programacion() -> None:
    # T1 sin programar (None) y T2 programado en 0 (no cuenta en SUMA): PA = 0 -> sin razón.
    p = Programacion("suma", 100, [None, 0, 50, 50])
    r = evaluar(p, [5, None, None, None], 2)
    # EA = 5 (en SUMA se suma todo lo reportado); PA = 0 -> cumplimiento None; 5/100 = 0.05
    assert _cifras(r) == (None, D(5), D(0), None, D("0.05"))


def test_suma_sin_reportes() -> None:
    r = evaluar(SUMA, [None] * 4, 2)
    assert _cifras(r) == (None, None, D(30), None, None)


def test_sobreejecucion_no_se_acota() -> None:
    # 30/10 = 3 -> 300 %: evaluar no acota (lo hace la calificación, CON-01).
    r = evaluar(SUMA, [30, None, None, None], 1)
    assert r.cumplimiento == D(3)


# --- CONSTANTE --------------------------------------------------------------------------------

CONSTANTE = Programacion("constante", 100, [100, 100, None, 100])
E_CONSTANTE = [90, 100, 70, None]


def test_constante_media() -> None:
    # T3 no está programado: su 70 no cuenta. EA = (90+100)/2 = 95; PA = M = 100.
    r = evaluar(CONSTANTE, E_CONSTANTE, 3)
    assert _cifras(r) == (None, D(95), D(100), D("0.95"), D("0.95"))
    # T2: avance del trimestre = E2/P2 = 100/100 = 1
    assert evaluar(CONSTANTE, E_CONSTANTE, 2).avance_trimestre == D(1)


def test_constante_ultimo() -> None:
    politica = attrs.evolve(POLITICA_PLE_PIN_P005_V8, modo_constante=ModoConstante.ULTIMO)
    # último reportado en trimestre programado: T2 = 100 -> 100/100 = 1
    r = evaluar(CONSTANTE, E_CONSTANTE, 4, politica)
    assert _cifras(r) == (None, D(100), D(100), D(1), D(1))


def test_constante_razon_de_sumas() -> None:
    politica = attrs.evolve(POLITICA_PLE_PIN_P005_V8, modo_constante=ModoConstante.RAZON_DE_SUMAS)
    # programados T1, T2, T4 (suma 300); reportado 90 + 100 = 190 (T4 sin reporte cuenta 0)
    # EA = 100 × 190 / 300 = 63.33…; cumplimiento = EA / 100
    r = evaluar(CONSTANTE, E_CONSTANTE, 4, politica)
    assert r.ejecucion_acumulada == q(100 * 190, 300)
    assert r.cumplimiento == CONTEXTO.divide(q(100 * 190, 300), D(100))


def test_constante_nada_programado_a_la_fecha() -> None:
    p = Programacion("constante", 50, [None, None, 50, 50])
    r = evaluar(p, [10, None, None, None], 2)
    assert _cifras(r) == (None, None, None, None, None)


def test_constante_razon_de_sumas_programado_en_cero() -> None:
    politica = attrs.evolve(POLITICA_PLE_PIN_P005_V8, modo_constante=ModoConstante.RAZON_DE_SUMAS)
    p = Programacion("constante", 0, [0, 0, 0, 0])
    # magnitud y programación en 0: las razones no aplican (denominador 0), nunca un error;
    # PA = M = 0 sí es un número.
    assert _cifras(evaluar(p, [0, None, None, None], 1, politica)) == (None, None, D(0), None, None)


# --- CRECIENTE --------------------------------------------------------------------------------

CRECIENTE = Programacion("creciente", 80, [20, 40, 60, 80], linea_base=10)
E_CRECIENTE = [25, 40, None, None]


@pytest.mark.parametrize(
    ("hasta", "esperado"),
    [
        # (25−10)/(20−10) = 1.5; vigencia (25−10)/(80−10) = 15/70
        (1, (D("1.5"), D(25), D(20), D("1.5"), q(15, 70))),
        # (40−10)/(40−10) = 1; vigencia 30/70
        (2, (D(1), D(40), D(40), D(1), q(30, 70))),
        # sin reporte en T3: EA = 40 (último reportado), PA = 60; (40−10)/(60−10) = 0.6
        (3, (None, D(40), D(60), D("0.6"), q(30, 70))),
    ],
)
def test_creciente(hasta: int, esperado: tuple[Decimal | None, ...]) -> None:
    assert _cifras(evaluar(CRECIENTE, E_CRECIENTE, hasta)) == esperado


def test_creciente_sin_linea_base_y_trimestres_sin_programar() -> None:
    p = Programacion("creciente", 100, [None, 50, None, 100])
    # LB = 0; PA a T3 = 50 (último programado); EA = 30; 30/50 = 0.6; 30/100 = 0.3
    assert _cifras(evaluar(p, [None, 30, None, None], 3)) == (
        None,
        D(30),
        D(50),
        D("0.6"),
        D("0.3"),
    )


def test_creciente_en_sentido_contrario_es_negativo() -> None:
    p = Programacion("creciente", 90, [60, 70, 80, 90], linea_base=50)
    # (40−50)/(60−50) = −1: no se acota
    assert evaluar(p, [40, None, None, None], 1).cumplimiento == D(-1)


def test_creciente_programado_igual_a_linea_base() -> None:
    p = Programacion("creciente", 20, [10, 20, 20, 20], linea_base=10)
    # PA − LB = 0 -> no aplica; vigencia (12−10)/(20−10) = 0.2
    assert _cifras(evaluar(p, [12, None, None, None], 1)) == (None, D(12), D(10), None, D("0.2"))


# --- DECRECIENTE ------------------------------------------------------------------------------

DECRECIENTE = Programacion("decreciente", 200, [400, 350, 250, 200], linea_base=500)
E_DECRECIENTE = [420, 340, None, 190]


@pytest.mark.parametrize(
    ("hasta", "esperado"),
    [
        # (500−420)/(500−400) = 80/100 = 0.8; vigencia 80/300
        (1, (D("0.8"), D(420), D(400), D("0.8"), q(80, 300))),
        # (500−340)/(500−350) = 160/150; vigencia 160/300
        (2, (q(160, 150), D(340), D(350), q(160, 150), q(160, 300))),
        # T3 sin reporte: EA = 340, PA = 250; 160/250 = 0.64
        (3, (None, D(340), D(250), D("0.64"), q(160, 300))),
        # (500−190)/(500−200) = 310/300
        (4, (q(310, 300), D(190), D(200), q(310, 300), q(310, 300))),
    ],
)
def test_decreciente(hasta: int, esperado: tuple[Decimal | None, ...]) -> None:
    assert _cifras(evaluar(DECRECIENTE, E_DECRECIENTE, hasta)) == esperado


def test_decreciente_hacia_cero() -> None:
    p = Programacion("decreciente", 0, [None, None, None, 0], linea_base=10)
    # (10−0)/(10−0) = 1
    assert evaluar(p, [None, None, None, 0], 4).cumplimiento == D(1)


def test_decreciente_sin_linea_base_es_error() -> None:
    p = Programacion("decreciente", 0, [3, 2, 1, 0])
    with pytest.raises(ErrorProgramacion) as info:
        evaluar(p, [3, None, None, None], 1)
    assert info.value.codigo == "LINEA_BASE_REQUERIDA"
    assert "linea_base" in str(info.value)


# --- entradas -------------------------------------------------------------------------------


def test_hasta_como_trimestre() -> None:
    assert evaluar(SUMA, E_SUMA, Trimestre(2025, 2)) == evaluar(SUMA, E_SUMA, 2)


def test_numeros_como_texto_y_float() -> None:
    assert evaluar(SUMA, ["10", 15.0, None, None], 2).ejecucion_acumulada == D("25.0")


@pytest.mark.parametrize(
    ("ejecuciones", "hasta", "error", "codigo"),
    [
        (E_SUMA, 0, ErrorTrimestre, "TRIMESTRE_INVALIDO"),
        (E_SUMA, 5, ErrorTrimestre, "TRIMESTRE_INVALIDO"),
        (E_SUMA, True, TipoInvalido, "TIPO_INVALIDO"),
        (E_SUMA, "2", TipoInvalido, "TIPO_INVALIDO"),
        ([1, 2, 3, 4, 5], 2, ErrorProgramacion, "EJECUCIONES_INVALIDAS"),
        ([1, 2, 3], 2, ErrorProgramacion, "EJECUCIONES_INVALIDAS"),
        # tuplas de Decimal ya válidos (el camino rápido de evaluar): el largo se exige igual
        ((D(1), D(2), D(3), D(4), D(5)), 2, ErrorProgramacion, "EJECUCIONES_INVALIDAS"),
        ((D(1), D(2), D(3)), 2, ErrorProgramacion, "EJECUCIONES_INVALIDAS"),
        ((D(1), D(-2), None, None), 2, ErrorNumero, "NUMERO_INVALIDO"),
        ([1, -2, None, None], 2, ErrorNumero, "NUMERO_INVALIDO"),
        ([1, "NaN", None, None], 2, ErrorNumero, "NUMERO_INVALIDO"),
        ([1, "abc", None, None], 2, ErrorNumero, "NUMERO_INVALIDO"),
        ([1, True, None, None], 2, TipoInvalido, "TIPO_INVALIDO"),
        ("1234", 2, TipoInvalido, "TIPO_INVALIDO"),
        (None, 2, TipoInvalido, "TIPO_INVALIDO"),
    ],
)
def test_rechazos(ejecuciones: object, hasta: object, error: type, codigo: str) -> None:
    with pytest.raises(error) as info:
        evaluar(SUMA, ejecuciones, hasta)  # type: ignore[arg-type]
    assert info.value.codigo == codigo


def test_mensaje_nombra_el_trimestre() -> None:
    with pytest.raises(ErrorNumero, match=r"ejecuciones\[T2\]: -2 es negativo"):
        evaluar(SUMA, [1, -2, None, None], 2)


def test_tipos_de_argumentos() -> None:
    with pytest.raises(TipoInvalido):
        evaluar("suma", E_SUMA, 1)  # type: ignore[arg-type]
    with pytest.raises(TipoInvalido):
        evaluar(SUMA, E_SUMA, 1, politica="v8")  # type: ignore[arg-type]


# --- propiedades ------------------------------------------------------------------------------

valores = st.decimals(min_value=0, max_value=10_000, places=2)
opcionales = st.none() | valores
cuatro = st.lists(opcionales, min_size=4, max_size=4)
hasta_st = st.integers(min_value=1, max_value=4)


@given(st.lists(valores, min_size=4, max_size=4), hasta_st)
def test_suma_ejecutada_como_programada_cumple_1(plan: list[Decimal], hasta: int) -> None:
    p = Programacion("suma", sum(plan), plan)
    r = evaluar(p, plan, hasta)
    if any(v > 0 for v in plan[:hasta]):
        assert r.cumplimiento == 1
    else:
        assert r.cumplimiento is None


@given(cuatro, cuatro)
def test_ejecucion_acumulada_suma_no_decrece(
    plan: list[Decimal | None], ej: list[Decimal | None]
) -> None:
    p = Programacion("suma", 1, plan)
    anteriores = [evaluar(p, ej, k).ejecucion_acumulada for k in range(1, 5)]
    conocidos = [a for a in anteriores if a is not None]
    assert conocidos == sorted(conocidos)
    # una vez hay ejecución, sigue habiéndola
    primero = next((i for i, a in enumerate(anteriores) if a is not None), 4)
    assert all(a is not None for a in anteriores[primero:])


@given(
    st.lists(valores, min_size=4, max_size=4),
    cuatro,
    valores,
    st.decimals(min_value=0, max_value=1000, places=2),
    hasta_st,
)
def test_creciente_invariante_al_desplazar(
    plan: list[Decimal], ej: list[Decimal | None], lb: Decimal, s: Decimal, hasta: int
) -> None:
    plan = sorted(plan)
    original = Programacion("creciente", plan[-1], plan, linea_base=lb)
    movida = Programacion("creciente", plan[-1] + s, [v + s for v in plan], linea_base=lb + s)
    ej_movidas = [None if e is None else e + s for e in ej]
    a, b = evaluar(original, ej, hasta), evaluar(movida, ej_movidas, hasta)
    assert (a.avance_trimestre, a.cumplimiento, a.avance_vigencia) == (
        b.avance_trimestre,
        b.cumplimiento,
        b.avance_vigencia,
    )


@given(st.lists(valores, min_size=4, max_size=4), cuatro, valores, hasta_st)
def test_decreciente_espejo_de_creciente(
    plan: list[Decimal], ej: list[Decimal | None], lb: Decimal, hasta: int
) -> None:
    # Reflejar todos los valores alrededor de 0 convierte una meta creciente en decreciente
    # con el mismo avance: (LB' − E')/(LB' − P') con LB' = −LB… se verifica con un desplazamiento
    # grande para quedar en valores no negativos: x -> K − x.
    k = D(30_000)
    plan = sorted(plan)
    creciente = Programacion("creciente", plan[-1], plan, linea_base=lb)
    decreciente = Programacion(
        "decreciente", k - plan[-1], [k - v for v in plan], linea_base=k - lb
    )
    ej_reflejadas = [None if e is None else k - e for e in ej]
    a, b = evaluar(creciente, ej, hasta), evaluar(decreciente, ej_reflejadas, hasta)
    assert (a.avance_trimestre, a.cumplimiento, a.avance_vigencia) == (
        b.avance_trimestre,
        b.cumplimiento,
        b.avance_vigencia,
    )


@given(st.lists(st.decimals(min_value=1, max_value=100, places=2), min_size=1, max_size=4))
def test_constante_media_entre_minimo_y_maximo(reportes: list[Decimal]) -> None:
    ej: list[Decimal | None] = [*reportes, *([None] * (4 - len(reportes)))]
    r = evaluar(Programacion("constante", 100, [100] * 4), ej, 4)
    assert r.ejecucion_acumulada is not None
    assert min(reportes) <= r.ejecucion_acumulada <= max(reportes)


@given(st.sampled_from(["suma", "constante", "creciente", "decreciente"]), cuatro, cuatro, hasta_st)
def test_no_depende_del_contexto_global(
    tipo: str, plan: list[Decimal | None], ej: list[Decimal | None], hasta: int
) -> None:
    assume(any(v is not None for v in plan))
    p = Programacion(tipo, 100, plan, linea_base=20_000)
    esperado = evaluar(p, ej, hasta)
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_FLOOR
        ctx.traps[decimal.Inexact] = True
        assert evaluar(p, ej, hasta) == esperado


# --- Issue 13 (prueba de mutación): puntos ciegos señalados por la corrida de mutmut. ---


@pytest.mark.parametrize(
    ("modo", "ea"),
    [
        # Tres trimestres reportados con el segundo distinto del último: ÚLTIMO toma el T3 (70),
        # no el T2 (90) ni el T1 (80).
        (ModoConstante.ULTIMO, D(70)),
        (ModoConstante.MEDIA, D(80)),  # (80 + 90 + 70) / 3
        (ModoConstante.RAZON_DE_SUMAS, D(80)),  # 100 × (80 + 90 + 70) / (100 + 100 + 100)
    ],
)
def test_constante_tres_reportes_el_segundo_distinto_del_ultimo(
    modo: ModoConstante, ea: Decimal
) -> None:
    """Tipo constante (Política 9, viñeta 2; INT-01 para el modo): PA = M = 100 siempre."""
    politica = attrs.evolve(POLITICA_PLE_PIN_P005_V8, modo_constante=modo)
    p = Programacion("constante", 100, [100, 100, 100, 100])
    r = evaluar(p, [80, 90, 70, 95], hasta=3, politica=politica)
    assert r.hasta == 3
    assert r.ejecucion_acumulada == ea  # el 95 del T4 no cuenta a T3
    assert r.programado_acumulado == D(100)
    assert r.cumplimiento == ea / 100
    assert r.avance_vigencia == ea / 100
    assert r.avance_trimestre == D("0.7")  # 70 / 100, el T3 frente a su propia programación


def test_resultado_hasta_y_reportes_posteriores_ignorados() -> None:
    """A T2 solo cuentan T1 y T2: los 30 y 40 reportados después no cambian nada.
    Suma 100 en 25 por trimestre: EA = 10 + 20 = 30, PA = 50, cumplimiento 30/50, vigencia
    30/100, avance del T2 = 20/25."""
    p = Programacion("suma", 100, [25, 25, 25, 25])
    for hasta in (2, Trimestre(2025, 2)):
        r = evaluar(p, [10, 20, 30, 40], hasta=hasta)
        assert r == Resultado(
            hasta=2,
            avance_trimestre=D("0.8"),
            ejecucion_acumulada=D(30),
            programado_acumulado=D(50),
            cumplimiento=D("0.6"),
            avance_vigencia=D("0.3"),
        )
    assert evaluar(p, [10, 20, 30, 40], hasta=4).hasta == 4


def test_errores_de_evaluar_completos() -> None:
    """Mensaje, código, campo y valor de cada rechazo de ``evaluar`` (issue 13: son contrato)."""
    p = Programacion("suma", 100, [25, 25, 25, 25])
    with pytest.raises(TipoInvalido) as texto:
        evaluar(p, "1234", 2)  # type: ignore[arg-type]
    assert str(texto.value) == (
        "ejecuciones: '1234' debe ser una secuencia de cuatro valores (T1..T4)"
    )
    assert (texto.value.campo, texto.value.valor) == ("ejecuciones", "1234")
    tres = [1, 2, 3]
    with pytest.raises(ErrorProgramacion) as cuantas:
        evaluar(p, tres, 2)
    assert str(cuantas.value) == (
        "ejecuciones: se esperan exactamente 4 valores (T1..T4) y se recibieron 3"
    )
    assert (cuantas.value.codigo, cuantas.value.campo) == ("EJECUCIONES_INVALIDAS", "ejecuciones")
    assert cuantas.value.valor is tres
    with pytest.raises(TipoInvalido) as programacion:
        evaluar("suma", [1, 2, 3, 4], 2)  # type: ignore[arg-type]
    assert str(programacion.value) == "programacion: 'suma' debe ser una Programacion"
    assert programacion.value.campo == "programacion"
    with pytest.raises(TipoInvalido) as politica:
        evaluar(p, [1, 2, 3, 4], 2, None)  # type: ignore[arg-type]
    assert str(politica.value) == "politica: vacío debe ser una Politica"  # issue 14: nunca None
    assert politica.value.campo == "politica"


def test_politica_de_otro_tipo_se_nombra_en_el_mensaje() -> None:
    """El mensaje de ``TipoInvalido`` muestra el valor recibido (issue 14), no otro."""
    with pytest.raises(TipoInvalido) as info:
        evaluar(SUMA, E_SUMA, 1, politica="v8")  # type: ignore[arg-type]
    assert str(info.value) == "politica: 'v8' debe ser una Politica"
    assert info.value.valor == "v8"


def test_cuatro_ejecuciones_sin_vacios_tambien_se_convierten_y_validan() -> None:
    """Las cuatro ejecuciones, todas presentes pero no como ``Decimal``, se convierten igual que
    cuando falta alguna: SUMA 10/20/30/40 ejecutada como texto «10», «20», «30», «40» →
    EA = 100, PA = 100, cumplimiento 100/100 = 1 (a mano); una negativa en T4 es un error que
    nombra T4."""
    r = evaluar(SUMA, ["10", "20", "30", "40"], 4)
    assert _cifras(r) == (D(1), D(100), D(100), D(1), D(1))
    with pytest.raises(ErrorNumero) as info:
        evaluar(SUMA, [10, 20, 30, -1], 4)
    assert (info.value.campo, info.value.valor) == ("ejecuciones[T4]", -1)


def test_ejecuciones_en_una_secuencia_que_no_es_lista_ni_tupla() -> None:
    """Cualquier secuencia de cuatro valores sirve (``UserList``): T1 = «10», T2 = 20 en SUMA
    10/20/30/40 → a T2, EA = 30, PA = 30, cumplimiento 1 (a mano); un valor negativo en T3 es
    un error que nombra T3 y muestra el valor recibido."""
    from collections import UserList

    r = evaluar(SUMA, UserList(["10", 20, None, None]), 2)
    assert _cifras(r) == (D(1), D(30), D(30), D(1), D("0.3"))
    with pytest.raises(ErrorNumero) as info:
        evaluar(SUMA, UserList([10, None, "-2", 3]), 4)
    assert str(info.value) == "ejecuciones[T3]: -2 es negativo; debe ser mayor o igual que 0"
    assert (info.value.campo, info.value.valor) == ("ejecuciones[T3]", "-2")


def test_camino_interno_comprobar_y_evaluar_comprobadas() -> None:
    """El camino rápido interno de REP y CON (issue 12) da lo mismo que ``evaluar``: CONSTANTE 95
    con T1 = 96 y T2 = «93» a T2 → con la media (Política 9) EA = (96 + 93) / 2 = 94.5, y con
    ``ModoConstante.ULTIMO`` EA = 93; PA = 95 y el avance del trimestre 93/95 (a mano)."""
    from sdg_metas.calculos import comprobar_ejecuciones, evaluar_comprobadas

    p = Programacion("constante", 95, [95, 95, 95, 95])
    ultimo = attrs.evolve(POLITICA_PLE_PIN_P005_V8, modo_constante=ModoConstante.ULTIMO)
    ejecuciones = comprobar_ejecuciones([96, "93", None, None])
    assert ejecuciones == (D(96), D(93), None, None)
    with decimal.localcontext(CONTEXTO):
        media = evaluar_comprobadas(p, ejecuciones, 2, POLITICA_PLE_PIN_P005_V8)
        con_ultimo = evaluar_comprobadas(p, ejecuciones, 2, ultimo)
    assert media == Resultado(2, q(93, 95), D("94.5"), D(95), q(945, 950), q(945, 950))
    assert con_ultimo == Resultado(2, q(93, 95), D(93), D(95), q(93, 95), q(93, 95))
    assert media == evaluar(p, [96, "93", None, None], 2)
    assert con_ultimo == evaluar(p, [96, "93", None, None], 2, ultimo)


# --- El núcleo (issue 12): una pasada por los trimestres, las mismas cifras ---------------------
# Actividad 9 del procedimiento PLE-PIN-P005 v8: «Reportar el avance cuantitativo y cualitativo de
# las metas y actividades del plan de gestión» con la fórmula de su tipo de programación (Política
# 9, viñeta 2). ``evaluar`` (una llamada) y ``evaluar_trimestres`` (los cuatro trimestres de una
# vez) deben dar, dígito por dígito, lo que dan las funciones de la tabla ``tipos.TIPOS``
# evaluadas en ``CONTEXTO`` (la referencia de abajo es el cálculo de ``evaluar`` antes del
# issue 12). Aquí y no en un archivo aparte: la prueba de mutación de ``calculos`` y de ``tipos``
# corre tests/test_calculos.py (scripts/mutacion --lista).

MODOS = tuple(ModoConstante)
POLITICAS = {m: attrs.evolve(POLITICA_PLE_PIN_P005_V8, modo_constante=m) for m in MODOS}


def _referencia(
    p: Programacion, e: Sequence[Decimal | None], k: int, modo: ModoConstante
) -> Resultado:
    """``evaluar`` antes del issue 12: las funciones de la tabla, una llamada por cifra."""
    with localcontext(CONTEXTO):
        tipo = TIPOS[p.tipo]
        lb = tipo.linea_base(p.linea_base)
        programado = tuple(
            v if si else None for v, si in zip(p.trimestres, p.programados, strict=True)
        )
        hasta_k = programado[:k]
        ea = tipo.ejecutado(e[:k], hasta_k, p.magnitud, modo)
        pa = tipo.programado_a_la_fecha(hasta_k, p.magnitud)
        ek, pk = e[k - 1], programado[k - 1]
        return Resultado(
            k,
            None if ek is None or pk is None else tipo.avance(ek, pk, lb),
            ea,
            pa,
            None if ea is None or pa is None else tipo.avance(ea, pa, lb),
            None if ea is None else tipo.avance(ea, p.magnitud, lb),
        )


def _digitos(r: Resultado) -> tuple[object, ...]:
    """Las cifras con sus dígitos y exponente: ``Decimal("1.0") == Decimal("1")``, pero no aquí."""
    return tuple(
        v if v is None or isinstance(v, int) else v.as_tuple() for v in attrs.astuple(r)
    )


# Cifras con exponentes distintos («1E+2», «0.00», «10.50»): una suma que empieza en 0 o una
# resta con la línea base las cambia si el orden de las operaciones cambia.
_texto = st.sampled_from(
    ["0", "0.00", "0E+3", "1", "1E+2", "2.5", "10", "10.50", "33.333", "100", "1e-20", "1e15"]
)
cifra_n = st.one_of(
    _texto.map(D),
    st.integers(min_value=0, max_value=10**6).map(D),
    st.decimals(min_value=0, max_value=10**4, places=3),
)
opcional_n = st.one_of(st.none(), cifra_n)
cuatro_n = st.lists(opcional_n, min_size=4, max_size=4).map(tuple)
tipo_st = st.sampled_from(["suma", "constante", "creciente", "decreciente"])


@st.composite
def programaciones(draw: st.DrawFn) -> Programacion:
    return Programacion(draw(tipo_st), draw(cifra_n), draw(cuatro_n), linea_base=draw(opcional_n))


def _o_error(funcion: object, *args: object) -> object:
    try:
        r = funcion(*args)  # type: ignore[operator]
    except ErrorProgramacion as error:
        return ("error", error.codigo, str(error))
    if isinstance(r, tuple):
        return tuple(_digitos(x) for x in r)
    return _digitos(r)


@given(programaciones(), cuatro_n, st.integers(min_value=1, max_value=4), st.sampled_from(MODOS))
def test_evaluar_da_los_digitos_de_la_tabla(
    p: Programacion, e: tuple[Decimal | None, ...], k: int, modo: ModoConstante
) -> None:
    """Los cuatro tipos, los tres modos de CONSTANTE, ejecuciones faltantes, trimestres SUMA en 0
    y con o sin línea base (DECRECIENTE sin ella: el mismo error)."""
    assert _o_error(evaluar, p, e, k, POLITICAS[modo]) == _o_error(_referencia, p, e, k, modo)


@given(programaciones(), cuatro_n, st.sampled_from(MODOS))
def test_evaluar_trimestres_es_evaluar_comprobadas_de_cada_trimestre(
    p: Programacion, e: tuple[Decimal | None, ...], modo: ModoConstante
) -> None:
    politica = POLITICAS[modo]
    comprobadas = comprobar_ejecuciones(e)
    with localcontext(CONTEXTO):
        cuatro_de_una = _o_error(evaluar_trimestres, p, comprobadas, politica)
        uno_por_uno = [
            _o_error(evaluar_comprobadas, p, comprobadas, k, politica) for k in (1, 2, 3, 4)
        ]
    if isinstance(cuatro_de_una, tuple) and cuatro_de_una[0] == "error":
        assert uno_por_uno == [cuatro_de_una] * 4
    else:
        assert cuatro_de_una == tuple(uno_por_uno)
        assert cuatro_de_una == tuple(_o_error(_referencia, p, e, k, modo) for k in (1, 2, 3, 4))


def test_evaluar_trimestres_a_mano() -> None:
    """SUMA M = 100, P = 10, 20, 30, 40 y E = 10, 15, —, 50 (Política 9, viñeta 2: EA / PA).

    T1: 10/10 = 1; T2: EA 25, PA 30, 25/30; T3 sin reporte: EA 25, PA 60, 25/60, avance del
    trimestre no aplica; T4: EA 75, PA 100, 75/100 = 0.75, E4/P4 = 50/40 = 1.25."""
    p = Programacion("suma", 100, [10, 20, 30, 40])
    e = comprobar_ejecuciones([10, 15, None, 50])
    with localcontext(CONTEXTO):
        t1, t2, t3, t4 = evaluar_trimestres(p, e, POLITICA_PLE_PIN_P005_V8)
        veinticinco_treinta = D(25) / D(30)
        veinticinco_sesenta = D(25) / D(60)
    assert t1 == Resultado(1, D(1), D(10), D(10), D(1), D("0.1"))
    assert t2 == Resultado(2, D("0.75"), D(25), D(30), veinticinco_treinta, D("0.25"))
    assert t3 == Resultado(3, None, D(25), D(60), veinticinco_sesenta, D("0.25"))
    assert t4 == Resultado(4, D("1.25"), D(75), D(100), D("0.75"), D("0.75"))


def test_evaluar_trimestres_decreciente_a_mano() -> None:
    """DECRECIENTE LB = 300, M = 50, P = 200, 150, 100, 50: avance = (LB − E) / (LB − P).

    E = 210, —, 90, —: T1 (300−210)/(300−200) = 0.9, vigencia 90/250 = 0.36; T2 sin reporte:
    EA sigue en 210, PA 150, 90/150 = 0.6; T3: (300−90)/(300−100) = 1.05, 210/250 = 0.84;
    T4: EA 90, PA 50, 210/250 = 0.84."""
    p = Programacion("decreciente", 50, [200, 150, 100, 50], linea_base=300)
    e = comprobar_ejecuciones([210, None, 90, None])
    with localcontext(CONTEXTO):
        t1, t2, t3, t4 = evaluar_trimestres(p, e, POLITICA_PLE_PIN_P005_V8)
    assert t1 == Resultado(1, D("0.9"), D(210), D(200), D("0.9"), D("0.36"))
    assert t2 == Resultado(2, None, D(210), D(150), D("0.6"), D("0.36"))
    assert t3 == Resultado(3, D("1.05"), D(90), D(100), D("1.05"), D("0.84"))
    assert t4 == Resultado(4, None, D(90), D(50), D("0.84"), D("0.84"))


def test_evaluar_trimestres_constante_en_los_tres_modos() -> None:
    """CONSTANTE M = 100, P = 100, 100, —, 100 y E = 90, 100, 70, — (T3 sin programar: su 70
    no cuenta; INT-01). MEDIA: T2 (90+100)/2 = 95. ÚLTIMO: T2 100. RAZÓN DE SUMAS: T4 100 ×
    190 / 300 (lo programado T1, T2, T4)."""
    p = Programacion("constante", 100, [100, 100, None, 100])
    e = comprobar_ejecuciones([90, 100, 70, None])
    with localcontext(CONTEXTO):
        media = evaluar_trimestres(p, e, POLITICAS[ModoConstante.MEDIA])
        ultimo = evaluar_trimestres(p, e, POLITICAS[ModoConstante.ULTIMO])
        sumas = evaluar_trimestres(p, e, POLITICAS[ModoConstante.RAZON_DE_SUMAS])
        esperado_sumas = D(100) * D(190) / D(300)
    assert [r.ejecucion_acumulada for r in media] == [D(90), D(95), D(95), D(95)]
    assert [r.ejecucion_acumulada for r in ultimo] == [D(90), D(100), D(100), D(100)]
    assert [r.ejecucion_acumulada for r in sumas] == [D(90), D(95), D(95), esperado_sumas]
    assert [r.programado_acumulado for r in media] == [D(100)] * 4
    assert [r.avance_trimestre for r in media] == [D("0.9"), D(1), None, None]


def test_decreciente_sin_linea_base_el_mismo_error() -> None:
    p = Programacion("decreciente", 50, [200, 150, 100, 50])
    e = comprobar_ejecuciones([None] * 4)
    with pytest.raises(ErrorProgramacion) as error, localcontext(CONTEXTO):
        evaluar_trimestres(p, e, POLITICA_PLE_PIN_P005_V8)
    assert error.value.codigo == "LINEA_BASE_REQUERIDA"


def test_resultado_armado_por_campos_es_un_resultado() -> None:
    """``_armar`` pone las seis ranuras sin ``__init__``: el objeto es igual, con el mismo hash y
    la misma representación, y sigue congelado. SUMA a T2 con E2 = 15, P2 = 20, EA = 25, PA =
    30, M = 100: 15/20 = 0.75, 25/30, 25/100 = 0.25."""
    with localcontext(CONTEXTO):
        armado = _armar(2, D(25), D(30), D(15), D(20), D(25), D(30), D(100))
        construido = Resultado(2, D("0.75"), D(25), D(30), D(25) / D(30), D("0.25"))
    assert type(armado) is Resultado
    assert _digitos(armado) == _digitos(construido)
    assert hash(armado) == hash(construido)
    assert repr(armado) == repr(construido)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        armado.hasta = 3  # type: ignore[misc]
    # Si Resultado ganara un validador o un conversor, armarlo campo por campo se lo saltaría.
    assert all(c.validator is None and c.converter is None for c in attrs.fields(Resultado))
    assert not hasattr(Resultado, "__attrs_post_init__")


@given(programaciones(), cuatro_n, st.integers(min_value=1, max_value=4))
def test_el_contexto_de_quien_llama_no_cuenta(
    p: Programacion, e: tuple[Decimal | None, ...], k: int
) -> None:
    hostil = decimal.Context(prec=2, rounding=decimal.ROUND_DOWN, traps=[])
    esperado = _o_error(evaluar, p, e, k)
    with localcontext(hostil):
        assert _o_error(evaluar, p, e, k) == esperado
        assert decimal.getcontext() is hostil or decimal.getcontext().prec == 2


# --- Los resultados de un plan, una vez por meta (issue 12) ------------------------------------


def _plan_de_tres() -> PlanDeGestion:
    """M1 SUMA 100 = 10+20+30+40 con E = 10, 15, —, 50; M2 DECRECIENTE sin línea base (FOR-02:
    no se puede calcular); M3 CONSTANTE 80 con E = 70 y 90 en T1 y T2."""
    sin_linea_base = Programacion("decreciente", 5, [8, 7, 6, 5])
    reportes = [
        Reporte(codigo_meta="M1", trimestre=Trimestre(2025, k), ejecucion=e)
        for k, e in ((1, 10), (2, 15), (4, 50))
    ] + [
        Reporte(codigo_meta="M3", trimestre=Trimestre(2025, k), ejecucion=e)
        for k, e in ((1, 70), (2, 90))
    ]
    return PlanDeGestion(
        vigencia=2025, unidad="Proceso X", nivel="central", reportes=reportes,
        metas=[
            Meta(codigo="M1", descripcion="Realizar", peso=50,
                 programacion=Programacion("suma", 100, [10, 20, 30, 40])),
            Meta(codigo="M2", descripcion="Reducir", peso=25, programacion=sin_linea_base),
            Meta(codigo="M3", descripcion="Mantener", peso=25,
                 programacion=Programacion("constante", 80, [80, 80, 80, 80])),
        ],
    )


def test_resultados_del_plan_a_mano() -> None:
    """Actividad 9: EA y cumplimiento de cada meta en cada trimestre, calculados a mano."""
    plan = _plan_de_tres()
    (m1, e1), (m2, e2), (m3, e3) = resultados_del_plan(plan, POLITICA_PLE_PIN_P005_V8)
    # M1: EA = 10, 25, 25, 75; PA = 10, 30, 60, 100; cumplimiento = 1, 25/30, 25/60, 75/100
    assert [r.ejecucion_acumulada for r in m1] == [10, 25, 25, 75]  # type: ignore[union-attr]
    assert [r.cumplimiento for r in m1][::3] == [1, Decimal("0.75")]  # type: ignore[union-attr]
    assert e1 == e3 == ""
    # M2: una meta DECRECIENTE sin línea base no se calcula en ningún trimestre (FOR-02)
    assert m2 == (None, None, None, None)
    assert e2.startswith("linea_base")
    assert e2.endswith("(FOR-02)")
    # M3: EA = media de lo reportado: 70, 80, 80, 80
    assert [r.ejecucion_acumulada for r in m3] == [70, 80, 80, 80]  # type: ignore[union-attr]
    assert ejecuciones_del_plan(plan)["M1"] == (10, 15, None, 50)


def test_resultados_del_plan_iguales_a_evaluar_y_recordados() -> None:
    plan = _plan_de_tres()
    ultimo = attrs.evolve(POLITICA_PLE_PIN_P005_V8, modo_constante=ModoConstante.ULTIMO)
    for politica in (POLITICA_PLE_PIN_P005_V8, ultimo):
        cuatros = resultados_del_plan(plan, politica)
        assert resultados_del_plan(plan, politica) is cuatros
        for meta, (cuatro, _) in zip(plan.metas, cuatros, strict=True):
            if meta.codigo != "M2":
                ejecuciones = plan.ejecuciones(meta.codigo)
                assert cuatro == tuple(
                    evaluar(meta.programacion, ejecuciones, k, politica) for k in (1, 2, 3, 4)
                )
    # con ULTIMO la EA de M3 en T2 es 90, no la media 80 (INT-01)
    assert resultados_del_plan(plan, ultimo)[2][0][1].ejecucion_acumulada == 90  # type: ignore[union-attr]
    assert ejecuciones_del_plan(plan) is ejecuciones_del_plan(plan)
