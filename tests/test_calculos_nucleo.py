"""El núcleo de ``calculos`` (issue 12): una pasada por los trimestres, las mismas cifras.

Actividad 9 del procedimiento PLE-PIN-P005 v8: «Reportar el avance cuantitativo y cualitativo de
las metas y actividades del plan de gestión» con la fórmula de su tipo de programación (Política
9, viñeta 2: «suma, constante, creciente o decreciente»). ``evaluar`` (una llamada) y
``evaluar_trimestres`` (los cuatro trimestres de una vez) deben dar, dígito por dígito, lo que dan
las funciones de la tabla ``tipos.TIPOS`` evaluadas en ``CONTEXTO`` (la referencia de abajo es el
cálculo de ``evaluar`` antes del issue 12).
"""

from __future__ import annotations

import decimal
from collections.abc import Sequence
from decimal import Decimal, localcontext

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdg_metas import (
    POLITICA_PLE_PIN_P005_V8,
    ErrorProgramacion,
    ModoConstante,
    Programacion,
    Resultado,
    evaluar,
)
from sdg_metas.calculos import (
    _nuevo_resultado,
    comprobar_ejecuciones,
    evaluar_comprobadas,
    evaluar_trimestres,
)
from sdg_metas.numeros import CONTEXTO
from sdg_metas.tipos import TIPOS

D = Decimal
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
cifra = st.one_of(
    _texto.map(D),
    st.integers(min_value=0, max_value=10**6).map(D),
    st.decimals(min_value=0, max_value=10**4, places=3),
)
opcional = st.one_of(st.none(), cifra)
cuatro = st.lists(opcional, min_size=4, max_size=4).map(tuple)
tipo_st = st.sampled_from(["suma", "constante", "creciente", "decreciente"])


@st.composite
def programaciones(draw: st.DrawFn) -> Programacion:
    return Programacion(draw(tipo_st), draw(cifra), draw(cuatro), linea_base=draw(opcional))


def _o_error(funcion: object, *args: object) -> object:
    try:
        r = funcion(*args)  # type: ignore[operator]
    except ErrorProgramacion as error:
        return ("error", error.codigo, str(error))
    if isinstance(r, tuple):
        return tuple(_digitos(x) for x in r)
    return _digitos(r)


@given(programaciones(), cuatro, st.integers(min_value=1, max_value=4), st.sampled_from(MODOS))
def test_evaluar_da_los_digitos_de_la_tabla(
    p: Programacion, e: tuple[Decimal | None, ...], k: int, modo: ModoConstante
) -> None:
    """Los cuatro tipos, los tres modos de CONSTANTE, ejecuciones faltantes, trimestres SUMA en 0
    y con o sin línea base (DECRECIENTE sin ella: el mismo error)."""
    assert _o_error(evaluar, p, e, k, POLITICAS[modo]) == _o_error(_referencia, p, e, k, modo)


@given(programaciones(), cuatro, st.sampled_from(MODOS))
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
    """``_nuevo_resultado`` pone las seis ranuras sin ``__init__``: el objeto es igual, con el
    mismo hash y la misma representación, y sigue congelado."""
    armado = _nuevo_resultado(2, None, D(25), D(30), D("0.5"), D("0.25"))
    construido = Resultado(2, None, D(25), D(30), D("0.5"), D("0.25"))
    assert type(armado) is Resultado
    assert armado == construido
    assert hash(armado) == hash(construido)
    assert repr(armado) == repr(construido)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        armado.hasta = 3  # type: ignore[misc]
    # Si Resultado ganara un validador o un conversor, armarlo campo por campo se lo saltaría.
    assert all(c.validator is None and c.converter is None for c in attrs.fields(Resultado))
    assert not hasattr(Resultado, "__attrs_post_init__")


@given(programaciones(), cuatro, st.integers(min_value=1, max_value=4))
def test_el_contexto_de_quien_llama_no_cuenta(
    p: Programacion, e: tuple[Decimal | None, ...], k: int
) -> None:
    hostil = decimal.Context(prec=2, rounding=decimal.ROUND_DOWN, traps=[])
    esperado = _o_error(evaluar, p, e, k)
    with localcontext(hostil):
        assert _o_error(evaluar, p, e, k) == esperado
        assert decimal.getcontext() is hostil or decimal.getcontext().prec == 2
