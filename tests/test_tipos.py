"""Los cuatro tipos de programación como datos (``sdg_metas.tipos``).

Los valores esperados se calcularon a mano con la tabla de DESIGN.md (sección «Calculations»):

- SUMA: EA = E1+…+Ek, PA = P1+…+Pk, avance EA / PA (un 0 programado no cuenta).
- CONSTANTE: EA según ``Politica.modo_constante``, PA = M, avance EA / M.
- CRECIENTE: EA = última ejecución, PA = último Pq programado ≤ k, (EA − LB) / (PA − LB).
- DECRECIENTE: igual, con (LB − EA) / (LB − PA); sin línea base no hay avance.
"""

from __future__ import annotations

from decimal import Decimal, localcontext

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sdg_metas import (
    POLITICA_PLE_PIN_P005_V8,
    ErrorProgramacion,
    Programacion,
    TipoProgramacion,
    evaluar,
)
from sdg_metas.numeros import CONTEXTO
from sdg_metas.politica import ModoConstante
from sdg_metas.testing import programaciones
from sdg_metas.tipos import TIPOS, ComportamientoTipo, comportamiento, razon

D = Decimal


def _q(a: int, b: int) -> Decimal:
    """a / b con la precisión de los cálculos de la biblioteca."""
    with localcontext(CONTEXTO):
        return D(a) / D(b)


def _politica(modo: ModoConstante) -> object:
    return attrs.evolve(POLITICA_PLE_PIN_P005_V8, modo_constante=modo)


# --- la tabla ---------------------------------------------------------------------------------


def test_un_comportamiento_por_tipo() -> None:
    assert set(TIPOS) == set(TipoProgramacion)
    for tipo, fila in TIPOS.items():
        assert isinstance(fila, ComportamientoTipo)
        assert fila.tipo is tipo
        assert comportamiento(tipo) is fila
        assert comportamiento(tipo.value.upper()) is fila


def test_la_tabla_es_de_solo_lectura() -> None:
    with pytest.raises(TypeError):
        TIPOS[TipoProgramacion.SUMA] = TIPOS[TipoProgramacion.CONSTANTE]  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        TIPOS[TipoProgramacion.SUMA].formula = "EA"  # type: ignore[misc]


def test_las_formulas_son_las_de_design() -> None:
    assert [TIPOS[t].formula for t in TipoProgramacion] == [
        "EA / PA",
        "EA / M",
        "(EA − LB) / (PA − LB)",
        "(LB − EA) / (LB − PA)",
    ]


def test_solo_en_suma_un_cero_no_cuenta_como_programado() -> None:
    valores = (D(0), D(3), None, D("0.00"))
    assert TIPOS[TipoProgramacion.SUMA].programados(valores) == (False, True, False, False)
    for tipo in (TipoProgramacion.CONSTANTE, TipoProgramacion.CRECIENTE,
                 TipoProgramacion.DECRECIENTE):
        assert TIPOS[tipo].programados(valores) == (True, True, False, True)
    assert Programacion("suma", 6, [0, 3, None, 3]).programados == (False, True, False, True)


def test_razon_con_denominador_cero_no_aplica() -> None:
    assert razon(D(3), D(4)) == D("0.75")
    assert razon(D(3), D(0)) is None
    assert razon(D(0), D("0.00")) is None


def test_la_formula_de_cada_tipo_a_mano() -> None:
    # e = 30, objetivo = 60, LB = 10
    suma, constante, creciente, decreciente = (TIPOS[t] for t in TipoProgramacion)
    assert suma.avance(D(30), D(60), D(10)) == D("0.5")  # 30 / 60
    assert constante.avance(D(30), D(60), D(10)) == D("0.5")  # 30 / 60
    assert creciente.avance(D(30), D(60), D(10)) == D("0.4")  # 20 / 50
    assert decreciente.avance(D(30), D(5), D(40)) == D(10) / D(35)  # (40 − 30) / (40 − 5)
    assert decreciente.avance(D(30), D(40), D(40)) is None  # LB − P = 0


def test_la_linea_base_de_cada_tipo() -> None:
    assert TIPOS[TipoProgramacion.CRECIENTE].linea_base(None) == 0
    assert TIPOS[TipoProgramacion.CRECIENTE].linea_base(D(7)) == 7
    assert TIPOS[TipoProgramacion.DECRECIENTE].linea_base(D(7)) == 7
    with pytest.raises(ErrorProgramacion) as info:
        TIPOS[TipoProgramacion.DECRECIENTE].linea_base(None)
    assert info.value.codigo == "LINEA_BASE_REQUERIDA"


def test_magnitud_positiva_salvo_en_decreciente() -> None:
    assert [TIPOS[t].magnitud_positiva for t in TipoProgramacion] == [True, True, True, False]


# --- evaluar, a mano --------------------------------------------------------------------------


def test_suma_a_mano() -> None:
    p = Programacion("suma", 60, [0, 20, 20, 20])  # T1 = 0 no cuenta como programado
    r = evaluar(p, [5, 10, 30, None], hasta=3)
    assert r.ejecucion_acumulada == 45  # 5 + 10 + 30
    assert r.programado_acumulado == 40  # 0 + 20 + 20
    assert r.avance_trimestre == D("1.5")  # 30 / 20
    assert r.cumplimiento == D("1.125")  # 45 / 40
    assert r.avance_vigencia == D("0.75")  # 45 / 60
    r1 = evaluar(p, [5, 10, 30, None], hasta=1)
    assert r1.ejecucion_acumulada == 5
    assert r1.programado_acumulado == 0
    assert r1.avance_trimestre is None  # T1 no programado
    assert r1.cumplimiento is None  # PA = 0: no aplica
    assert r1.avance_vigencia == _q(5, 60)


def test_suma_sin_reportes_no_tiene_ejecucion() -> None:
    r = evaluar(Programacion("suma", 40, [10, 10, 10, 10]), [None] * 4, hasta=2)
    assert (r.ejecucion_acumulada, r.programado_acumulado) == (None, D(20))
    assert (r.avance_trimestre, r.cumplimiento, r.avance_vigencia) == (None, None, None)


@pytest.mark.parametrize(
    ("modo", "ea", "cumplimiento"),
    [
        (ModoConstante.MEDIA, D(80), D(1)),  # (60 + 100) / 2 = 80; 80 / 80
        (ModoConstante.ULTIMO, D(100), D("1.25")),  # 100; 100 / 80
        # 80 × (60 + 100) / (80 + 80 + 80) = 53.33…; / 80 = 2/3
        (ModoConstante.RAZON_DE_SUMAS, _q(160, 3), _q(2, 3)),
    ],
)
def test_constante_a_mano(modo: ModoConstante, ea: Decimal, cumplimiento: Decimal) -> None:
    p = Programacion("constante", 80, [80, None, 80, 80])
    # T2 no está programado: su 70 no cuenta; T4 programado sin reporte
    r = evaluar(p, [60, 70, 100, None], hasta=4, politica=_politica(modo))  # type: ignore[arg-type]
    assert r.programado_acumulado == 80
    assert r.ejecucion_acumulada == ea
    assert r.cumplimiento is not None
    assert abs(r.cumplimiento - cumplimiento) < D("1E-45")  # 53.33… / 80 redondea el último dígito
    assert r.avance_vigencia == r.cumplimiento  # PA = M
    assert r.avance_trimestre is None  # T4 sin reporte


@pytest.mark.parametrize(
    ("modo", "ea"),
    [
        (ModoConstante.MEDIA, D(80)),  # (60 + 100) / 2
        (ModoConstante.ULTIMO, D(100)),  # el último reportado en un trimestre programado
        (ModoConstante.RAZON_DE_SUMAS, _q(160, 3)),  # 80 × 160 / 240
    ],
)
def test_constante_a_mano_con_la_funcion_de_la_tabla(modo: ModoConstante, ea: Decimal) -> None:
    """El mismo ejemplo, con la función ``ejecutado`` de la fila CONSTANTE (la que ``evaluar``
    reproduce en una pasada desde el issue 12): P = 80, —, 80, 80 y E = 60, 70, 100, —."""
    fila = TIPOS[TipoProgramacion.CONSTANTE]
    e = (D(60), D(70), D(100), None)
    programado = (D(80), None, D(80), D(80))
    with localcontext(CONTEXTO):
        assert fila.ejecutado(e, programado, D(80), modo) == ea
        assert fila.programado_a_la_fecha(programado, D(80)) == D(80)
        assert fila.ejecutado(e[:2], programado[:2], D(80), modo) == D(60)  # T2 no cuenta
        assert fila.ejecutado((None, D(70)), programado[:2], D(80), modo) is None


def test_constante_antes_de_programar_no_aplica() -> None:
    r = evaluar(Programacion("constante", 5, [None, 5, 5, 5]), [3, None, None, None], hasta=1)
    assert (r.ejecucion_acumulada, r.programado_acumulado, r.cumplimiento) == (None, None, None)


def test_creciente_a_mano() -> None:
    p = Programacion("creciente", 80, [20, 40, 60, 80], linea_base=10)
    r = evaluar(p, [25, 40, None, None], hasta=3)
    assert r.ejecucion_acumulada == 40  # la última reportada (T2)
    assert r.programado_acumulado == 60  # el último programado ≤ T3
    assert r.avance_trimestre is None  # T3 sin reporte
    assert r.cumplimiento == D("0.6")  # (40 − 10) / (60 − 10)
    assert r.avance_vigencia == _q(30, 70)  # (40 − 10) / (80 − 10)


def test_creciente_sin_linea_base_usa_cero() -> None:
    p = Programacion("creciente", 100, [None, 50, None, 100])
    r = evaluar(p, [10, 30, 70, None], hasta=3)
    assert (r.ejecucion_acumulada, r.programado_acumulado) == (D(70), D(50))
    assert r.avance_trimestre is None  # T3 no programado
    assert r.cumplimiento == D("1.4")  # 70 / 50
    assert r.avance_vigencia == D("0.7")  # 70 / 100


def test_decreciente_a_mano() -> None:
    p = Programacion("decreciente", 10, [40, 30, 20, 10], linea_base=50)
    r = evaluar(p, [45, 35, None, None], hasta=2)
    assert (r.ejecucion_acumulada, r.programado_acumulado) == (D(35), D(30))
    assert r.avance_trimestre == D("0.75")  # (50 − 35) / (50 − 30)
    assert r.cumplimiento == D("0.75")
    assert r.avance_vigencia == D("0.375")  # (50 − 35) / (50 − 10)


def test_decreciente_sin_linea_base_es_un_error() -> None:
    with pytest.raises(ErrorProgramacion, match="LB − E"):
        evaluar(Programacion("decreciente", 10, [40, 30, 20, 10]), [None] * 4, hasta=1)


def test_decreciente_con_linea_base_igual_a_la_meta_no_aplica() -> None:
    r = evaluar(Programacion("decreciente", 0, [None, None, None, 0], linea_base=0),
                [None, None, None, 0], hasta=4)
    assert (r.ejecucion_acumulada, r.programado_acumulado) == (D(0), D(0))
    assert (r.avance_trimestre, r.cumplimiento, r.avance_vigencia) == (None, None, None)


# --- propiedades ------------------------------------------------------------------------------

_EJECUCION = st.none() | st.integers(min_value=0, max_value=10_000).map(Decimal)


@settings(max_examples=50)
@given(programaciones(tipo="suma"), st.lists(_EJECUCION, min_size=4, max_size=4),
       st.integers(min_value=1, max_value=4))
def test_suma_ea_es_la_suma_de_lo_reportado(
    p: Programacion, ejecuciones: list[Decimal | None], k: int
) -> None:
    reportadas = [e for e in ejecuciones[:k] if e is not None]
    r = evaluar(p, ejecuciones, hasta=k)
    assert r.ejecucion_acumulada == (sum(reportadas) if reportadas else None)
    programado = [v for v in p.trimestres[:k] if v is not None]
    assert r.programado_acumulado == sum(programado, Decimal(0))


@settings(max_examples=50)
@given(
    st.sampled_from([TipoProgramacion.CRECIENTE, TipoProgramacion.DECRECIENTE]).flatmap(
        lambda t: programaciones(tipo=t)
    ),
    st.integers(min_value=1, max_value=4),
)
def test_monotonas_ejecutar_lo_programado_cumple_uno(p: Programacion, k: int) -> None:
    # se ejecuta exactamente lo programado: EA = PA y el cumplimiento es 1 (o no aplica)
    r = evaluar(p, list(p.trimestres), hasta=k)
    assert r.ejecucion_acumulada == r.programado_acumulado
    if r.programado_acumulado is None:
        assert r.cumplimiento is None
    else:
        lb = TIPOS[p.tipo].linea_base(p.linea_base)
        assert r.cumplimiento == (None if r.programado_acumulado == lb else 1)


# --- coherencia de la formulación (FOR-02), fila por fila (issue 13) ----------------------------
# Actividad 4 («VERIFICAR COHERENCIA PLANES DE GESTIÓN»): «Consistencia del tipo de programación
# respecto a las magnitudes trimestrales y la magnitud global de la meta». Cada hallazgo nombra
# la regla, el campo que hay que corregir y los valores que lo causan.


def _hallazgos(tipo: str, magnitud: int, valores: list[tuple[int, int]],
               linea_base: int | None = None) -> list[tuple[str, str | None, str]]:
    lb = None if linea_base is None else D(linea_base)
    return [
        (h.regla, h.campo, h.mensaje)
        for h in comportamiento(tipo).coherencia(D(magnitud), [(i, D(v)) for i, v in valores], lb)
    ]


def test_for02_suma_que_no_suma_la_magnitud() -> None:
    """SUMA: P1 + P2 + P3 + P4 = M. Con 3 + 3 + 3 = 9 y M = 10 falta 1: se corrige la
    programación trimestral (campo ``trimestres``)."""
    assert _hallazgos("suma", 10, [(1, 3), (2, 3), (3, 3)]) == [(
        "FOR-02", "trimestres",
        "tipo suma: la programación trimestral suma 9 y la magnitud es 10; deben ser iguales",
    )]
    assert _hallazgos("suma", 9, [(1, 3), (2, 3), (3, 3)]) == []


def test_for02_constante_nombra_cada_trimestre_distinto() -> None:
    """CONSTANTE: cada Pq programado = M. Con M = 5, T2 = 4 y T3 = 6 difieren los dos, y el
    mensaje los lista separados por coma."""
    assert _hallazgos("constante", 5, [(1, 5), (2, 4), (3, 6)]) == [(
        "FOR-02", "trimestres",
        ("tipo constante: cada trimestre programado debe ser igual a la magnitud 5; difieren "
         "T2=4, T3=6"),
    )]


def test_for02_creciente_orden_ultimo_y_linea_base() -> None:
    """CRECIENTE: no decrece, el último Pq programado = M y M ≥ LB. Con T1..T4 = 2, 5, 4, 8,
    M = 10 y LB = 12: T3 = 4 baja de T2 = 5, T4 = 8 no es la magnitud y 10 < 12."""
    assert _hallazgos("creciente", 10, [(1, 2), (2, 5), (3, 4), (4, 8)], linea_base=12) == [
        ("FOR-02", "trimestres", "tipo creciente: la programación disminuye de T2=5 a T3=4"),
        ("FOR-02", "trimestres",
         "tipo creciente: el último trimestre programado (T4=8) debe ser igual a la magnitud 10"),
        ("FOR-02", "magnitud", "tipo creciente: la magnitud 10 es menor que la línea base 12"),
    ]


def test_for02_creciente_magnitud_igual_a_la_linea_base_es_coherente() -> None:
    """CRECIENTE admite M = LB (M ≥ LB, tabla de DESIGN.md): LB = 10, M = 10 y T2 = T4 = 10 no
    es hallazgo; LB = 11 sí (solo el de la magnitud: que T2 y T4 queden bajo la línea base se
    sigue de ahí). Antes este caso usaba T2 = 4 < LB = 10, que ahora es un hallazgo propio
    (ver ``test_for02_trimestre_del_lado_equivocado_de_la_linea_base``)."""
    assert _hallazgos("creciente", 10, [(2, 10), (4, 10)], linea_base=10) == []
    assert [c for _, c, _ in _hallazgos("creciente", 10, [(2, 4), (4, 10)], linea_base=11)] == [
        "magnitud"]


def test_for02_trimestre_del_lado_equivocado_de_la_linea_base() -> None:
    """Actividad 4, viñeta 3: «Consistencia del tipo de programación respecto a las magnitudes
    trimestrales y la magnitud global de la meta». Una meta CRECIENTE crece desde su línea base:
    un Pq por debajo de LB hace negativo el denominador PA − LB de (EA − LB) / (PA − LB).

    A mano, CRECIENTE con LB = 10, M = 40 y T1..T4 = 5, 20, 30, 40: en T1, PA − LB = 5 − 10 = −5;
    ejecutar 8 daría (8 − 10) / −5 = 0.4 y ejecutar 12 (mejor) daría (12 − 10) / −5 = −0.4. Por
    eso T1 = 5 es un hallazgo FOR-02 en ``trimestres``. T1 = 10 (igual a LB) no lo es (en ese
    trimestre el avance «no aplica», ``test_creciente_programado_igual_a_linea_base``).

    DECRECIENTE, simétrico: LB = 18, M = 10 y T1..T4 = 20, 19, 12, 10: T1 y T2 quedan por encima
    de LB; en T1, LB − PA = 18 − 20 = −2 y ejecutar 17 (mejor que 19) daría (18 − 17) / −2 = −0.5.
    """
    assert _hallazgos("creciente", 40, [(1, 5), (2, 20), (3, 30), (4, 40)], linea_base=10) == [(
        "FOR-02", "trimestres",
        ("tipo creciente: T1=5 es menor que la línea base 10; ningún trimestre programado puede "
         "quedar por debajo de la línea base (el avance cambiaría de signo)"),
    )]
    assert _hallazgos("creciente", 40, [(1, 10), (2, 20), (3, 30), (4, 40)], linea_base=10) == []
    assert _hallazgos("creciente", 40, [(1, 5), (2, 20), (3, 30), (4, 40)]) == []  # LB = 0
    assert _hallazgos("decreciente", 10, [(1, 20), (2, 19), (3, 12), (4, 10)], linea_base=18) == [(
        "FOR-02", "trimestres",
        ("tipo decreciente: T1=20, T2=19 son mayores que la línea base 18; ningún trimestre "
         "programado puede quedar por encima de la línea base (el avance cambiaría de signo)"),
    )]
    assert _hallazgos("decreciente", 10, [(1, 18), (2, 14), (3, 12), (4, 10)], linea_base=18) == []
    p = Programacion("creciente", 40, [5, 20, 30, 40], linea_base=10)
    assert [evaluar(p, [e, None, None, None], 1).cumplimiento for e in (8, 12)] == [
        D("0.4"), D("-0.4")]


def test_for02_decreciente_orden_ultimo_y_linea_base() -> None:
    """DECRECIENTE: no crece, el último Pq programado = M, LB obligatoria y LB > M. Con T1..T4 =
    8, 9, 5, 3 y M = 2: T2 = 9 sube de T1 = 8 y T4 = 3 no es la magnitud; sin LB falta la línea
    base; con LB = M = 2 la línea base no es mayor; con LB = 10 ya no hay hallazgo de línea base
    (con LB = 3, T1..T3 quedarían por encima de ella: otro hallazgo, ver
    ``test_for02_trimestre_del_lado_equivocado_de_la_linea_base``)."""
    orden_y_ultimo = [
        ("FOR-02", "trimestres", "tipo decreciente: la programación aumenta de T1=8 a T2=9"),
        ("FOR-02", "trimestres",
         "tipo decreciente: el último trimestre programado (T4=3) debe ser igual a la magnitud 2"),
    ]
    valores = [(1, 8), (2, 9), (3, 5), (4, 3)]
    assert _hallazgos("decreciente", 2, valores) == [*orden_y_ultimo, (
        "FOR-02", "linea_base",
        ("tipo decreciente: falta la línea base; una meta decreciente la necesita y debe ser mayor "
         "que la magnitud"),
    )]
    assert _hallazgos("decreciente", 2, valores, linea_base=2) == [*orden_y_ultimo, (
        "FOR-02", "linea_base",
        "tipo decreciente: la línea base 2 debe ser mayor que la magnitud 2",
    )]
    assert _hallazgos("decreciente", 2, valores, linea_base=10) == orden_y_ultimo


def test_linea_base_requerida_nombra_campo_y_formula() -> None:
    """Una meta DECRECIENTE sin línea base no tiene avance: la fórmula (LB − E) / (LB − P)
    necesita LB. El error nombra el campo ``linea_base`` y la fórmula."""
    with pytest.raises(ErrorProgramacion) as info:
        comportamiento("decreciente").linea_base(None)
    error = info.value
    assert (error.codigo, error.campo, error.valor) == ("LINEA_BASE_REQUERIDA", "linea_base", None)
    assert str(error) == (
        "linea_base: una meta decreciente necesita línea base para calcular su avance "
        "(LB − E) / (LB − P)"
    )
