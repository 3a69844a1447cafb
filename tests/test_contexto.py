"""La API pública no depende del contexto decimal de quien llama (issue 15, «ranking depends on
the caller's decimal context»; issue 12, un solo contexto por llamada).

Cada función pública hace su aritmética y sus redondeos en ``numeros.CONTEXTO``: corrida bajo
un contexto global hostil (precisión 1..50, cualquier redondeo, trampas encendidas o apagadas)
da exactamente lo mismo que bajo el contexto por defecto.
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Callable
from decimal import Decimal

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from sdg_metas import (
    ErrorSdgMetas,
    PlanDeGestion,
    Trimestre,
    a_decimal,
    calificacion,
    como_filas,
    consolidado_anual,
    evaluar,
    evaluar_plan,
    filas,
    informe_gestion,
    oportunidad,
    porcentaje,
    ranking,
    redondear,
    verificar_meta,
    verificar_plan,
    verificar_reporte,
    verificar_reportes_plan,
)
from sdg_metas.consolidacion import filas_de_planes  # issue 12
from sdg_metas.ejemplos import plan_ejemplo
from sdg_metas.numeros import texto_numero
from sdg_metas.testing import planes

_REDONDEOS = [
    decimal.ROUND_DOWN,
    decimal.ROUND_UP,
    decimal.ROUND_CEILING,
    decimal.ROUND_FLOOR,
    decimal.ROUND_HALF_UP,
    decimal.ROUND_HALF_DOWN,
    decimal.ROUND_HALF_EVEN,
    decimal.ROUND_05UP,
]
_SENALES = [
    decimal.Inexact,
    decimal.Rounded,
    decimal.Subnormal,
    decimal.Underflow,
    decimal.Clamped,
    decimal.InvalidOperation,
    decimal.DivisionByZero,
    decimal.Overflow,
    decimal.FloatOperation,
]


@st.composite
def contextos_hostiles(draw: st.DrawFn) -> decimal.Context:
    """Un contexto decimal cualquiera: precisión 1..50, cualquier redondeo, trampas al azar."""
    trampas = draw(st.lists(st.sampled_from(_SENALES), unique=True))
    return decimal.Context(
        prec=draw(st.integers(1, 50)),
        rounding=draw(st.sampled_from(_REDONDEOS)),
        traps=trampas,
        capitals=draw(st.sampled_from([0, 1])),
    )


def _plan_de_dos(plan: PlanDeGestion) -> list[PlanDeGestion]:
    """El plan de ejemplo y una copia con otra unidad y la ejecución de M4 en T2 cambiada."""
    reportes = tuple(
        attrs.evolve(r, ejecucion=Decimal("7.1"))
        if (r.codigo_meta, r.trimestre.numero) == ("M4", 2)
        else r
        for r in plan.reportes
    )
    otro = attrs.evolve(plan, unidad="Otra unidad", reportes=reportes)
    return [plan, otro]


def _evaluar(plan: PlanDeGestion, k: int) -> object:
    """``evaluar`` de cada meta, o el mensaje de su error (una DECRECIENTE sin línea base)."""
    resultado: list[object] = []
    for meta in plan.metas:
        try:
            resultado.append(evaluar(meta.programacion, plan.ejecuciones(meta.codigo), k))
        except ErrorSdgMetas as error:
            resultado.append((error.codigo, str(error)))
    return resultado


def _api(plan: PlanDeGestion) -> object:
    """Lo que devuelve la API pública sobre un plan, en valores comparables."""
    planes_ = _plan_de_dos(plan)
    meta = plan.metas[0]
    reportes = plan.reportes_de(meta.codigo)
    resultado: list[object] = []
    for k in (1, 2, 3, 4):
        ev = evaluar_plan(plan, k)
        resultado += [
            filas(ev),
            ev.hallazgos,
            calificacion(plan, k).explicar(),
            como_filas(ranking(planes_, k)),
            [p.valor for p in ranking(planes_, k)],
            _evaluar(plan, k),
        ]
    resultado += [
        consolidado_anual(planes_, plan.vigencia),
        informe_gestion(planes_, plan.vigencia),
        verificar_plan(plan),
        verificar_reportes_plan(plan),
        [verificar_meta(m) for m in plan.metas],
        [verificar_reporte(meta, r, [o for o in reportes if o is not r]) for r in reportes],
        list(filas_de_planes(planes_, 4)),
    ]
    return resultado


def _numeros() -> object:
    fechas = [datetime.date(2025, 4, 1) + datetime.timedelta(days=d) for d in range(0, 60, 7)]
    return [
        [oportunidad(Trimestre(2025, 1), f) for f in fechas],
        [porcentaje(a_decimal(t)) for t in ("0.756789", "0.12345", "1", "2.675e-2", "1e-20")],
        [porcentaje(a_decimal(t), 0) for t in ("0.005", "0.015", "999999999999999")],
        [redondear(a_decimal(t), 3) for t in ("2.6755", "1e15", "0.0005")],
        [texto_numero(a_decimal(t)) for t in ("4.2E+2", "94.6666", "1e-20", "1e15")],
        [a_decimal(t) for t in ("1.50", "1e3", "0.1", 0.1, 3)],
    ]


def _bajo(contexto: decimal.Context, funcion: Callable[[], object]) -> object:
    with decimal.localcontext(contexto):
        return funcion()


_EJEMPLO = plan_ejemplo()
_REFERENCIA_EJEMPLO = _api(_EJEMPLO)
_REFERENCIA_NUMEROS = _numeros()


@settings(max_examples=40, deadline=None)
@given(contextos_hostiles())
def test_el_plan_de_ejemplo_no_depende_del_contexto(contexto: decimal.Context) -> None:
    assert _bajo(contexto, lambda: _api(_EJEMPLO)) == _REFERENCIA_EJEMPLO


@settings(max_examples=40, deadline=None)
@given(contextos_hostiles())
def test_los_numeros_no_dependen_del_contexto(contexto: decimal.Context) -> None:
    assert _bajo(contexto, _numeros) == _REFERENCIA_NUMEROS


@settings(max_examples=25, deadline=None)
@given(planes(vigencia=2025, min_metas=1, max_metas=5, coherentes=False), contextos_hostiles())
def test_planes_al_azar_no_dependen_del_contexto(
    plan: PlanDeGestion, contexto: decimal.Context
) -> None:
    assert _bajo(contexto, lambda: _api(plan)) == _api(plan)


def test_ranking_bajo_precision_2_y_redondeo_hacia_abajo() -> None:
    """El caso del issue 15: bajo ``prec=2, ROUND_DOWN`` un plan al 85.25 % quedaba por encima
    de uno al 85.68 % (el signo de la clave de orden se calculaba en el contexto de quien llama).

    A mano: en el plan de ejemplo a T2 cuentan las seis metas (pesos 20+15+20+15+20+10 = 100) y
    califica 85.25 %. M1 (SUMA, peso 20, programa 30 y 30) ejecutó 30 y 28: cumple 58/60. Si en
    T2 ejecuta 27.55 cumple 57.55/60 y su aporte baja 0.20 × 0.45/60 = 0.0015: el plan califica
    85.10 %. Con ``prec=2`` y ``ROUND_DOWN``, −85.25 y −85.10 se volvían ambos −85, y el plan
    peor («A…», primero por nombre) subía al primer puesto.
    """
    plan = plan_ejemplo()
    reportes = tuple(
        attrs.evolve(r, ejecucion=Decimal("27.55"))
        if (r.codigo_meta, r.trimestre.numero) == ("M1", 2)
        else r
        for r in plan.reportes
    )
    peor = attrs.evolve(plan, unidad="A primero por nombre", reportes=reportes)
    esperado = [
        (1, "Proceso Inspección, Vigilancia y Control", Decimal("85.25")),
        (2, "A primero por nombre", Decimal("85.10")),
    ]

    def puestos() -> list[tuple[int | None, str, Decimal | None]]:
        return [(p.posicion, p.unidad, p.calificacion.porcentaje) for p in ranking([plan, peor], 2)]

    assert puestos() == esperado
    with decimal.localcontext(decimal.Context(prec=2, rounding=decimal.ROUND_DOWN)):
        assert puestos() == esperado
