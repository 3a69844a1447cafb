"""Escala (issue 12): la función que se reparte sobre particiones, el índice y la memoria de un
plan, y que los caminos rápidos den lo mismo que los lentos."""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings

from sdg_metas import (
    ErrorModelo,
    PlanDeGestion,
    TipoInvalido,
    calificacion,
    evaluar_plan,
    filas,
    verificar_plan,
    verificar_reportes_plan,
)
from sdg_metas.consolidacion import filas_de_planes
from sdg_metas.ejemplos import plan_ejemplo
from sdg_metas.modelo import memoria_del_plan
from sdg_metas.testing import planes


def _otro(plan: PlanDeGestion, unidad: str) -> PlanDeGestion:
    return attrs.evolve(plan, unidad=unidad)


def test_filas_de_planes_sobre_listas_simples() -> None:
    """Dos planes de 6 metas dan 12 filas; la calificación a T2 del plan de ejemplo es la de
    docs/consolidacion.md (85.25 %: M1 58/60 → 96.67 %, …, ponderadas por 20/15/20/15/20/10)."""
    lista = [plan_ejemplo(), _otro(plan_ejemplo(), "Otra unidad")]
    resultado = list(filas_de_planes(lista, 2))
    assert len(resultado) == 12
    assert [f["unidad"] for f in resultado[::6]] == [lista[0].unidad, "Otra unidad"]
    assert {f["calificacion_plan_pct"] for f in resultado} == {Decimal("85.25")}
    assert resultado[:6] == filas(evaluar_plan(lista[0], 2))


def test_repartir_en_particiones_da_lo_mismo_que_una_pasada() -> None:
    """Lo que hace un motor (pandas/Dask, Spark ``mapInPandas``): aplicar la función a cada
    partición y concatenar. El resultado no depende de cómo se parta la lista."""
    lista = [_otro(plan_ejemplo(), f"Unidad {i}") for i in range(5)]
    de_una = list(filas_de_planes(lista, "2025-T3"))
    particiones = [lista[0:2], lista[2:3], lista[3:5], []]
    repartido = [fila for parte in particiones for fila in filas_de_planes(parte, "2025-T3")]
    assert repartido == de_una


def test_filas_de_planes_es_perezosa() -> None:
    """Lee un plan a la vez: las filas del primero salen antes de pedir el segundo."""
    pedidos: list[int] = []

    def generador() -> Iterator[PlanDeGestion]:
        for i in range(3):
            pedidos.append(i)
            yield plan_ejemplo()

    filas_ = filas_de_planes(generador(), 1)
    next(filas_)
    assert pedidos == [0]


def test_filas_de_planes_rechaza_lo_que_no_es_iterable() -> None:
    with pytest.raises(TipoInvalido, match="planes"):
        list(filas_de_planes(3, 1))  # type: ignore[arg-type]
    with pytest.raises(TipoInvalido):
        list(filas_de_planes([plan_ejemplo(), "no es un plan"], 1))  # type: ignore[list-item]


def test_indice_del_plan() -> None:
    plan = plan_ejemplo()
    assert [r.trimestre.numero for r in plan.reportes_de("M5")] == [2, 3, 4]
    assert plan.reportes_de("M99") == ()
    assert plan.trimestres_reportados("M5") == frozenset({2, 3, 4})
    assert plan.ejecuciones("M5") == (None, Decimal("4"), Decimal("6"), Decimal("8"))
    with pytest.raises(ErrorModelo, match="no es una meta") as error:
        plan.meta("M99")
    assert error.value.codigo == "META_DESCONOCIDA"
    with pytest.raises(ErrorModelo):
        plan.meta(3)  # type: ignore[arg-type]


def test_la_memoria_no_cambia_igualdad_ni_copia() -> None:
    plan = plan_ejemplo()
    antes = evaluar_plan(plan, 2)
    assert memoria_del_plan(plan)  # evaluar_plan recordó sus hallazgos y resultados
    assert plan == plan_ejemplo()
    assert hash(plan) == hash(plan_ejemplo())
    copia = pickle.loads(pickle.dumps(plan))
    assert copia == plan
    assert evaluar_plan(copia, 2) == antes
    # un plan nuevo (evolve) empieza con la memoria vacía
    assert memoria_del_plan(attrs.evolve(plan, unidad="Otra")) == {}


@settings(max_examples=30, deadline=None)
@given(planes(vigencia=2025, min_metas=1, max_metas=6, coherentes=False))
def test_evaluar_plan_recordado_da_lo_mismo_que_sin_memoria(plan: PlanDeGestion) -> None:
    """Los hallazgos recordados son los de verificar_plan + verificar_reportes_plan(hasta=k)
    y la calificación la de calificacion(), en cualquier orden de trimestres."""
    for k in (4, 1, 3, 2, 4):
        ev = evaluar_plan(plan, k)
        fresco = attrs.evolve(plan)
        assert memoria_del_plan(fresco) == {}
        esperados = (*verificar_plan(fresco), *verificar_reportes_plan(fresco, hasta=k))
        assert sorted(map(repr, ev.hallazgos)) == sorted(map(repr, esperados))
        assert ev.calificacion == calificacion(fresco, k)


def test_evaluar_plan_con_objetivos_y_calendario() -> None:
    """Con objetivos en lista (se recuerdan), en un generador (no se pueden recordar: se
    calculan cada vez) y con un calendario, los hallazgos son los de las verificaciones."""
    from sdg_metas.calendario import Calendario

    plan = plan_ejemplo()
    objetivos = ["Fortalecer la gestión"]
    calendario = Calendario()
    esperados = (
        *verificar_plan(plan, objetivos),
        *verificar_reportes_plan(plan, calendario=calendario, hasta=3),
    )

    def hallazgos(plan: PlanDeGestion, objetivos: Iterable[str]) -> list[str]:
        ev = evaluar_plan(plan, 3, calendario=calendario, objetivos_estrategicos=objetivos)
        return sorted(map(repr, ev.hallazgos))

    assert hallazgos(plan, objetivos) == sorted(map(repr, esperados))
    assert hallazgos(plan, objetivos) == sorted(map(repr, esperados))  # recordado
    assert hallazgos(plan_ejemplo(), (o for o in objetivos)) == sorted(map(repr, esperados))
    with pytest.raises(TipoInvalido, match="calendario"):
        evaluar_plan(plan, 3, calendario="festivos")  # type: ignore[arg-type]


def test_caminos_lentos_de_numeros_y_enums() -> None:
    """Lo que no es un Decimal ya válido, ni una tupla o lista, ni un miembro del enum, sigue
    el camino de siempre."""
    from collections import UserList

    from sdg_metas import Programacion, ReportadoPor, Reporte, Trimestre, evaluar, redondear

    p = Programacion("suma", 100, [10, 20, 30, 40])
    # SUMA a T2: (10 + 15) / (10 + 20) = 25/30
    assert evaluar(p, UserList([10, 15, None, None]), 2) == evaluar(p, (10, 15, None, None), 2)
    r = Reporte(trimestre=Trimestre(2025, 1), reportado_por="área central")
    assert r.reportado_por is ReportadoPor.AREA_CENTRAL
    # 12 decimales: 1.2345678901235 (ROUND_HALF_UP en el decimotercero, 5 → sube)
    assert redondear(Decimal("1.2345678901234567"), 12) == Decimal("1.234567890123")
