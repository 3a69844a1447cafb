"""`solicitud_desde_plan` y `aplicar_modificacion`: del plan a la solicitud y de la decisión
autorizada a la siguiente versión del plan (Política 9, viñetas 3, 8 y 10)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdg_metas.errores import ErrorModificacion, TipoInvalido
from sdg_metas.modelo import (
    PlanDeGestion,
    RegistroModificacion,
    Reporte,
    Trimestre,
)
from sdg_metas.modificaciones import (
    Cambios,
    Causal,
    Efecto,
    Elegibilidad,
    Medio,
    Rol,
    aplicar_modificacion,
    evaluar_solicitud,
    solicitud_desde_plan,
)
from sdg_metas.politica import POLITICA_PLE_PIN_P005_V8, Politica

from .ayudas import (
    PROPUESTAS,
    D,
    V,
    meta_central,
    plan_dos_metas,
    reprogramar,
    solicitud,
)

# --- Casos realistas sobre un plan ---------------------------------------------------------------

def test_segunda_modificacion_por_fuerza_mayor_desde_el_plan() -> None:
    # El plan ya registra una modificación de M1 en marzo; en mayo una emergencia obliga a
    # reprogramar T3 y T4: la OAP debe revisar el caso (viñeta 3).
    plan = plan_dos_metas(
        modificaciones=[
            RegistroModificacion(
                codigo_meta="M1",
                fecha_solicitud=D(V, 3, 1),
                fecha_aprobacion=D(V, 3, 10),
                efecto=Efecto.MODIFICAR,
            )
        ]
    )
    s = solicitud_desde_plan(
        plan,
        "M1",
        fecha=D(V, 5, 20),
        solicitante="lider proceso",
        medio="memorando",
        destinatario="jefe oap",
        justificacion="Emergencia sanitaria decretada por la Alcaldía Mayor",
        propuesta=reprogramar(plan.meta("M1"), 100, [25, 25, 10, 40]),
        causal_excepcional=Causal.FUERZA_MAYOR,
    )
    assert (s.modificaciones_previas, s.trimestres_reportados) == (1, frozenset({1}))
    decision = evaluar_solicitud(s)
    assert decision.elegibilidad is Elegibilidad.REQUIERE_REVISION_OAP
    # Sin la revisión de la OAP no se aplica; con ella sí, y queda registrada.
    with pytest.raises(ErrorModificacion) as error:
        aplicar_modificacion(plan, s, decision, D(V, 5, 30))
    assert error.value.codigo == "DECISION_NO_ELEGIBLE"
    nuevo = aplicar_modificacion(plan, s, decision, D(V, 5, 30), revision_oap_aprobada=True)
    assert nuevo.meta("M1") == s.propuesta
    assert nuevo.meta("M2") == plan.meta("M2")
    registro = nuevo.modificaciones_de("M1")[-1]
    assert (registro.revision_oap, registro.efecto) == (True, Efecto.MODIFICAR)
    assert registro.descripcion == "programación de T3, T4"


def test_eliminar_meta_reportada_en_t1() -> None:
    # M1 tiene reporte del T1; el líder pide eliminarla el 5 de mayo; la OAP autoriza el 12 de
    # mayo (T2): queda «Meta eliminada» desde 2025-T2; el T1 no cambia.
    plan = plan_dos_metas()
    s = solicitud_desde_plan(
        plan,
        "M1",
        fecha=D(V, 5, 5),
        solicitante=Rol.LIDER_PROCESO,
        medio=Medio.CORREO_ELECTRONICO,
        destinatario=Rol.JEFE_OAP,
        justificacion="La meta pierde objeto por el nuevo decreto",
        eliminar=True,
    )
    decision = evaluar_solicitud(s)
    assert decision.elegibilidad is Elegibilidad.ELEGIBLE
    assert decision.efecto is Efecto.MARCAR_ELIMINADA
    assert decision.cambios == Cambios()
    nuevo = aplicar_modificacion(plan, s, decision, D(V, 5, 12))
    meta = nuevo.meta("M1")
    assert meta.eliminada_desde == Trimestre(V, 2)
    assert meta.activa_en(1)
    assert not meta.activa_en(2)
    assert nuevo.reportes == plan.reportes
    assert nuevo.meta("M2") == plan.meta("M2")
    registro = nuevo.modificaciones[-1]
    assert (registro.efecto, registro.desde) == (Efecto.MARCAR_ELIMINADA, Trimestre(V, 2))
    # Una meta ya eliminada no se vuelve a modificar.
    with pytest.raises(ErrorModificacion) as error:
        solicitud_desde_plan(
            nuevo,
            "M1",
            fecha=D(V, 6, 1),
            solicitante="lider_proceso",
            medio="memorando",
            destinatario="jefe_oap",
            justificacion="x",
            eliminar=True,
        )
    assert error.value.codigo == "META_ELIMINADA"
    # Interpretación alterna (INT-23): desde el primer trimestre sin seguimiento.
    politica = attrs.evolve(
        POLITICA_PLE_PIN_P005_V8, eliminada_desde_primer_trimestre_sin_seguimiento=True
    )
    tarde = attrs.evolve(s, fecha=D(V, 6, 1))
    otro = aplicar_modificacion(
        plan, tarde, evaluar_solicitud(tarde), D(V, 8, 1), politica=politica
    )
    assert otro.meta("M1").eliminada_desde == Trimestre(V, 2)
    por_defecto = aplicar_modificacion(plan, tarde, evaluar_solicitud(tarde), D(V, 8, 1))
    assert por_defecto.meta("M1").eliminada_desde == Trimestre(V, 3)


def test_eliminar_meta_sin_seguimiento() -> None:
    plan = plan_dos_metas(
        modificaciones=[
            RegistroModificacion(
                codigo_meta="M2",
                fecha_solicitud=D(V, 2, 1),
                fecha_aprobacion=D(V, 2, 10),
                efecto=Efecto.MODIFICAR,
            )
        ]
    )
    s = solicitud_desde_plan(
        plan,
        "M2",
        fecha=D(V, 3, 1),
        solicitante="lider_proceso",
        medio="memorando",
        destinatario="jefe_oap",
        justificacion="Duplica la meta M1",
        eliminar=True,
        causal_excepcional="cambio normativo",
    )
    decision = evaluar_solicitud(s)
    assert decision.efecto is Efecto.ELIMINAR
    # Issue 11, punto 7 (INT-30): «solicitudes modificación y/o eliminación»; la meta ya
    # modificada una vez todavía se puede eliminar: MOD-06 no aplica y la solicitud es elegible
    # (antes era REQUIERE_REVISION_OAP).
    assert decision.motivo("MOD-06").cumple is None
    assert decision.elegibilidad is Elegibilidad.ELEGIBLE
    nuevo = aplicar_modificacion(plan, s, decision, D(V, 3, 5))
    assert [m.codigo for m in nuevo.metas] == ["M1"]
    assert nuevo.modificaciones == ()
    # Con la alternativa, la eliminación gasta la única vez: la OAP revisa el caso.
    cuenta = attrs.evolve(POLITICA_PLE_PIN_P005_V8, eliminacion_cuenta_como_modificacion=True)
    revisar = evaluar_solicitud(s, cuenta)
    assert revisar.elegibilidad is Elegibilidad.REQUIERE_REVISION_OAP
    nuevo = aplicar_modificacion(plan, s, revisar, D(V, 3, 5), revision_oap_aprobada=True)
    assert [m.codigo for m in nuevo.metas] == ["M1"]


# --- solicitud_desde_plan y aplicar_modificacion ------------------------------------------------

def test_aplicar_cuenta_para_la_siguiente_solicitud() -> None:
    plan = plan_dos_metas()
    argumentos: dict[str, Any] = {
        "fecha": D(V, 4, 1),
        "solicitante": "lider_proceso",
        "medio": "memorando",
        "destinatario": "jefe_oap",
        "justificacion": "Ajuste",
    }
    s = solicitud_desde_plan(
        plan, "M1", propuesta=reprogramar(plan.meta("M1"), 120, [25, 25, 35, 35]), **argumentos
    )
    nuevo = aplicar_modificacion(plan, s, evaluar_solicitud(s), D(V, 4, 5))
    registro = nuevo.modificaciones[-1]
    assert registro.solo_aumento is True
    assert registro.descripcion == "magnitud 100 → 120 (aumenta); programación de T3, T4"
    siguiente = solicitud_desde_plan(
        nuevo, "M1", propuesta=attrs.evolve(nuevo.meta("M1"), peso=30), **argumentos
    )
    assert siguiente.modificaciones_previas == 1
    assert evaluar_solicitud(siguiente).incumplidas == ("MOD-06",)
    libre = attrs.evolve(POLITICA_PLE_PIN_P005_V8, aumento_cuenta_como_modificacion=False)
    sin_contar = solicitud_desde_plan(
        nuevo,
        "M1",
        propuesta=attrs.evolve(nuevo.meta("M1"), peso=30),
        politica=libre,
        **argumentos,
    )
    assert sin_contar.modificaciones_previas == 0


def test_aplicar_rechazos() -> None:
    plan = plan_dos_metas()
    s = solicitud(meta=plan.meta("M1"), trimestres_reportados={1})
    decision = evaluar_solicitud(s)
    assert decision.elegibilidad is Elegibilidad.ELEGIBLE

    def codigo(funcion: Callable[[], object]) -> str:
        with pytest.raises(ErrorModificacion) as error:
            funcion()
        return error.value.codigo

    otra = attrs.evolve(decision, efecto=Efecto.ELIMINAR)
    assert codigo(lambda: aplicar_modificacion(plan, s, otra, D(V, 6, 1))) == "DECISION_AJENA"
    ajena = attrs.evolve(decision, codigo_meta="M9")
    assert codigo(lambda: aplicar_modificacion(plan, s, ajena, D(V, 6, 1))) == "DECISION_AJENA"
    vieja = solicitud(meta=attrs.evolve(plan.meta("M1"), peso=21))
    assert (
        codigo(lambda: aplicar_modificacion(plan, vieja, evaluar_solicitud(vieja), D(V, 6, 1)))
        == "META_DESACTUALIZADA"
    )
    ajena_meta = solicitud(meta=meta_central(codigo="M9"))
    assert (
        codigo(
            lambda: aplicar_modificacion(
                plan, ajena_meta, evaluar_solicitud(ajena_meta), D(V, 6, 1)
            )
        )
        == "META_DESACTUALIZADA"
    )
    for fecha in (D(V, 5, 19), D(V + 1, 1, 2)):
        assert (
            codigo(lambda f=fecha: aplicar_modificacion(plan, s, decision, f))  # type: ignore[misc]
            == "FECHA_APROBACION_INVALIDA"
        )
    # ELIMINAR con una solicitud desactualizada: el plan dice que la meta tiene seguimiento.
    borrar = solicitud(meta=plan.meta("M1"), eliminar=True)
    assert (
        codigo(lambda: aplicar_modificacion(plan, borrar, evaluar_solicitud(borrar), D(V, 6, 1)))
        == "META_CON_SEGUIMIENTO"
    )
    with pytest.raises(ErrorModificacion) as error:
        decision.motivo("FOR-01")
    assert error.value.codigo == "MOTIVO_DESCONOCIDO"


@pytest.mark.parametrize(
    ("argumentos", "campo"),
    [
        ({"plan": "plan"}, "plan"),
        ({"solicitud": "s"}, "solicitud"),
        ({"decision": "d"}, "decision"),
        ({"fecha_aprobacion": datetime.datetime(V, 6, 1, 8, 0)}, "fecha_aprobacion"),
        ({"revision_oap_aprobada": 1}, "revision_oap_aprobada"),
    ],
)
def test_aplicar_tipos(argumentos: dict[str, Any], campo: str) -> None:
    plan = plan_dos_metas()
    s = solicitud(meta=plan.meta("M1"), trimestres_reportados={1})
    datos: dict[str, Any] = {
        "plan": plan,
        "solicitud": s,
        "decision": evaluar_solicitud(s),
        "fecha_aprobacion": D(V, 6, 1),
    }
    datos.update(argumentos)
    with pytest.raises(TipoInvalido) as error:
        aplicar_modificacion(**datos)
    assert error.value.campo == campo


@given(
    st.sampled_from(["M1", "M2", "M3"]),
    st.frozensets(st.tuples(st.sampled_from(["M1", "M2", "M3"]), st.integers(1, 4))),
    st.booleans(),
    PROPUESTAS,
    st.dates(min_value=D(V, 1, 1), max_value=D(V, 12, 31)),
)
def test_propiedad_aplicar_no_cambia_otras_metas(
    codigo: str,
    reportes: frozenset[tuple[str, int]],
    eliminar: bool,
    propuesta: list[Any],
    fecha: datetime.date,
) -> None:
    plan = PlanDeGestion(
        vigencia=V,
        unidad="Proceso",
        nivel="central",
        metas=[meta_central(codigo=c) for c in ("M1", "M2", "M3")],
        reportes=[
            Reporte(codigo_meta=c, trimestre=Trimestre(V, n), ejecucion=1) for c, n in reportes
        ],
    )
    magnitud, trimestres, extra = propuesta
    nueva = None
    if not eliminar:
        nueva = reprogramar(plan.meta(codigo), magnitud, trimestres)
        if extra == "peso":
            nueva = attrs.evolve(nueva, peso=35)
    s = solicitud_desde_plan(
        plan,
        codigo,
        fecha=fecha,
        solicitante="lider_proceso",
        medio="memorando",
        destinatario="jefe_oap",
        justificacion="Ajuste",
        propuesta=nueva,
        eliminar=eliminar,
    )
    decision = evaluar_solicitud(s)
    nuevo = aplicar_modificacion(plan, s, decision, fecha, revision_oap_aprobada=True)
    otras = [m for m in plan.metas if m.codigo != codigo]
    assert [m for m in nuevo.metas if m.codigo != codigo] == otras
    assert nuevo.reportes == plan.reportes
    if decision.efecto is Efecto.ELIMINAR:
        assert codigo not in {m.codigo for m in nuevo.metas}
    else:
        assert nuevo.modificaciones_de(codigo)[-1].fecha_aprobacion == fecha
        assert len(nuevo.modificaciones) == len(plan.modificaciones) + 1


# --- RegistroModificacion.solo_aumento (MOD-07, INT-21) -----------------------------------------


def _argumentos() -> dict[str, Any]:
    return {
        "fecha": D(V, 4, 1),
        "solicitante": "lider_proceso",
        "medio": "memorando",
        "destinatario": "jefe_oap",
        "justificacion": "Ajuste",
    }


def test_aumento_aplicado_queda_marcado_solo_aumento() -> None:
    plan = plan_dos_metas()
    s = solicitud_desde_plan(
        plan, "M1", propuesta=reprogramar(plan.meta("M1"), 120, [25, 25, 35, 35]), **_argumentos()
    )
    registro = aplicar_modificacion(plan, s, evaluar_solicitud(s), D(V, 4, 5)).modificaciones[-1]
    assert (registro.efecto, registro.solo_aumento) == (Efecto.MODIFICAR, True)
    assert not registro.descripcion.startswith("Aumento de magnitud")
    # Una reprogramación sin aumento, o un aumento que cambia también el peso, no lo es.
    for propuesta in (
        reprogramar(plan.meta("M1"), 100, [25, 25, 20, 30]),
        attrs.evolve(reprogramar(plan.meta("M1"), 120, [25, 25, 35, 35]), peso=30),
    ):
        otra = solicitud_desde_plan(plan, "M1", propuesta=propuesta, **_argumentos())
        nuevo = aplicar_modificacion(plan, otra, evaluar_solicitud(otra), D(V, 4, 5))
        assert nuevo.modificaciones[-1].solo_aumento is False
    # Marcar una meta como eliminada tampoco es un aumento.
    borrar = solicitud_desde_plan(plan, "M1", eliminar=True, **_argumentos())
    marcado = aplicar_modificacion(plan, borrar, evaluar_solicitud(borrar), D(V, 4, 5))
    assert marcado.modificaciones[-1].solo_aumento is False


def test_modificaciones_previas_leen_solo_aumento_y_no_la_descripcion() -> None:
    libre = attrs.evolve(POLITICA_PLE_PIN_P005_V8, aumento_cuenta_como_modificacion=False)

    def previas(registros: list[RegistroModificacion], politica: Politica) -> int:
        plan = plan_dos_metas(modificaciones=registros)
        propuesta = attrs.evolve(plan.meta("M1"), peso=30)
        return solicitud_desde_plan(
            plan, "M1", propuesta=propuesta, politica=politica, **_argumentos()
        ).modificaciones_previas

    def registro(**cambios: Any) -> RegistroModificacion:
        datos: dict[str, Any] = {
            "codigo_meta": "M1",
            "fecha_solicitud": D(V, 2, 1),
            "fecha_aprobacion": D(V, 2, 10),
            "efecto": Efecto.MODIFICAR,
        }
        datos.update(cambios)
        return RegistroModificacion(**datos)

    aumento = registro(solo_aumento=True, descripcion="magnitud 100 → 120 (aumenta)")
    assert previas([aumento], POLITICA_PLE_PIN_P005_V8) == 1
    assert previas([aumento], libre) == 0
    # El texto ya no decide: una descripción que empieza como la marca antigua sí cuenta.
    texto = registro(descripcion="Aumento de magnitud (MOD-07): magnitud 100 → 120 (aumenta)")
    assert previas([texto], libre) == 1
    # Solo cuentan las de la vigencia del plan.
    vieja = registro(fecha_solicitud=D(V - 1, 2, 1), fecha_aprobacion=D(V - 1, 2, 10))
    assert previas([vieja, aumento], POLITICA_PLE_PIN_P005_V8) == 1
    assert previas([vieja, aumento, registro()], libre) == 1
