"""Escala del modelo (issue 12, tarea h12a): el índice del plan armado al primer uso y los
caminos rápidos de la construcción, que deben dar exactamente lo mismo que los lentos."""

from __future__ import annotations

import copy
import pickle
import weakref
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sdg_metas import Meta, PlanDeGestion, Programacion, Reporte, Trimestre
from sdg_metas.ejemplos import plan_ejemplo
from sdg_metas.indice import IndicePlan
from sdg_metas.modelo import ejecucion_de, ejecuciones_de
from sdg_metas.testing import planes

D = Decimal


# --- el índice del plan, al primer uso -----------------------------------------------------


def _a_mano(plan: PlanDeGestion, codigo: str) -> tuple[Reporte, ...]:
    """Lo que ``reportes_de`` debe dar, recorriendo todos los reportes (el camino ingenuo)."""
    propios = [r for r in plan.reportes if r.codigo_meta == codigo]
    return tuple(sorted(propios, key=lambda r: r.trimestre))


def _consultas(plan: PlanDeGestion, codigos: list[str]) -> list[object]:
    salida: list[object] = []
    for codigo in codigos:
        salida.append(plan.reportes_de(codigo))
        salida.append(plan.trimestres_reportados(codigo))
        if any(m.codigo == codigo for m in plan.metas):
            salida.append(plan.meta(codigo))
            salida.append(plan.ejecuciones(codigo))
    return salida


@settings(max_examples=40, deadline=None)
@given(planes(vigencia=2025, min_metas=1, max_metas=6, coherentes=False), st.randoms())
def test_el_indice_da_lo_que_el_recorrido_ingenuo(plan: PlanDeGestion, azar: object) -> None:
    """Con los reportes en cualquier orden y consultando en cualquier orden (``meta``,
    ``reportes_de``, ``ejecuciones``, ``trimestres_reportados``), el índice da lo mismo que
    recorrer todos los reportes del plan."""
    reportes = list(plan.reportes)
    azar.shuffle(reportes)  # type: ignore[attr-defined]
    revuelto = attrs.evolve(plan, reportes=reportes)
    codigos = [m.codigo for m in plan.metas] + ["NO-EXISTE"]
    azar.shuffle(codigos)  # type: ignore[attr-defined]
    for p in (plan, revuelto):
        assert p._indice is None  # nadie lo ha consultado todavía
        for codigo in codigos:
            esperados = _a_mano(p, codigo)
            assert p.reportes_de(codigo) == esperados
            assert p.trimestres_reportados(codigo) == {r.trimestre.numero for r in esperados}
            meta = next((m for m in p.metas if m.codigo == codigo), None)
            if meta is not None:
                assert p.meta(codigo) is meta
                assert p.ejecuciones(codigo) == ejecuciones_de(meta, esperados)
        assert p._indice is not None
    assert _consultas(revuelto, codigos) == _consultas(plan, codigos)


def test_un_plan_recien_construido_no_arma_el_indice() -> None:
    plan = plan_ejemplo()
    assert plan._indice is None
    assert plan.meta("M5").codigo == "M5"
    indice = plan._indice
    assert isinstance(indice, IndicePlan)
    plan.reportes_de("M1")
    plan.ejecuciones("M2")
    assert plan._indice is indice  # se arma una sola vez


def test_el_indice_no_cambia_igualdad_hash_copias_ni_evolve() -> None:
    """Igualdad, ``hash``, ``repr``, ``pickle``, ``deepcopy`` y ``attrs.evolve`` no dependen de
    si el índice está armado."""
    sin, con = plan_ejemplo(), plan_ejemplo()
    con.reportes_de("M1")
    assert sin == con
    assert hash(sin) == hash(con)
    assert repr(sin) == repr(con)
    for plan in (sin, con):
        for copia in (pickle.loads(pickle.dumps(plan)), copy.deepcopy(plan), copy.copy(plan)):
            assert copia == plan
            assert [copia.reportes_de(m.codigo) for m in plan.metas] == [
                plan.reportes_de(m.codigo) for m in plan.metas
            ]
            assert copia.ejecuciones("M5") == (None, D(4), D(6), D(8))
        otro = attrs.evolve(plan, reportes=plan.reportes[:4])
        assert otro._indice is None
        assert otro.reportes_de("M2") == ()
        assert len(otro.reportes_de("M1")) == 4


def test_reportes_en_orden_no_se_copian() -> None:
    """Si los reportes ya vienen por meta y trimestre (como los del plan de ejemplo), el índice
    devuelve tramos de la misma tupla del plan: los mismos objetos, sin otra tupla guardada."""
    plan = plan_ejemplo()
    assert plan.reportes_de("M5") == plan.reportes[16:19]
    assert all(a is b for a, b in zip(plan.reportes_de("M5"), plan.reportes[16:19], strict=True))
    indice = IndicePlan(plan.metas, plan.reportes)
    assert indice._ordenados is plan.reportes
    revuelto = IndicePlan(plan.metas, plan.reportes[::-1])
    assert revuelto._ordenados == plan.reportes
    assert [revuelto.reportes(i) for i in range(6)] == [indice.reportes(i) for i in range(6)]


def test_codigos_repetidos_el_indice_da_la_primera_meta() -> None:
    """Un código repetido (FOR-08) no impide el plan; ``meta`` da la primera y, como sus
    reportes serían ambiguos, no tiene ninguno."""
    programacion = Programacion("suma", 10, [5, 5, None, None])
    m1 = Meta(codigo="M1", descripcion="Atender", programacion=programacion, peso=50)
    m1b = Meta(codigo="M1", descripcion="Otra", programacion=programacion, peso=50)
    m2 = Meta(codigo="M2", descripcion="Responder", programacion=programacion, peso=0)
    reporte = Reporte(codigo_meta="M2", trimestre=Trimestre(2025, 2), ejecucion=5)
    plan = PlanDeGestion(vigencia=2025, unidad="U", nivel="central", metas=[m1, m1b, m2],
                         reportes=[reporte])
    assert plan.meta("M1").descripcion == "Atender"
    assert plan.reportes_de("M1") == ()
    assert plan.reportes_de("M2") == (reporte,)
    assert plan.ejecuciones("M2") == (None, D(5), None, None)
    assert ejecucion_de(reporte, m2) == D(5)


# --- memoria: sin referencias débiles en los objetos que hay por meta ----------------------


def test_los_objetos_por_meta_no_admiten_referencias_debiles() -> None:
    """Decisión de h12a (issue 12, «memoria ≤ 1 KiB por meta»): ``Programacion``, ``Meta`` y
    ``Reporte`` no guardan el puntero de referencias débiles (8 B por objeto); el plan sí, y
    los lotes de la línea de comandos lo usan para comprobar que sueltan cada plan."""
    plan = plan_ejemplo()
    for objeto in (plan.metas[0].programacion, plan.metas[0], plan.reportes[0]):
        with pytest.raises(TypeError):
            weakref.ref(objeto)
    assert weakref.ref(plan)() is plan
