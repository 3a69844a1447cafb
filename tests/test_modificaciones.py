"""Pruebas de la Política de operación 9 (modificación y eliminación de metas): MOD-01..MOD-12.

Cada caso de la tabla cita la viñeta de la Política 9 de PLE-PIN-P005 v8 de la que sale la regla
y prueba los dos resultados. Las decisiones de los casos realistas están trabajadas a mano: el
comentario de cada uno dice por qué se espera cada motivo.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sdg_metas.errores import ErrorModificacion, ErrorSdgMetas, TipoInvalido
from sdg_metas.modelo import (
    Indicador,
    Meta,
    PlanDeGestion,
    Programacion,
    RegistroModificacion,
    Reporte,
    Trimestre,
)
from sdg_metas.modificaciones import (
    REGLAS_MOD,
    Cambios,
    Causal,
    Concepto,
    Decision,
    Efecto,
    Elegibilidad,
    Instancia,
    Medio,
    Motivo,
    Rol,
    SolicitudModificacion,
    aplicar_modificacion,
    comparar_metas,
    evaluar_solicitud,
    solicitud_desde_plan,
)
from sdg_metas.politica import POLITICA_PLE_PIN_P005_V8, Politica
from sdg_metas.reglas import REGLAS
from sdg_metas.testing import solicitudes_modificacion as solicitudes_generadas

V = 2025
D = datetime.date
POLICIVA = "Dirección para la Gestión Policiva"


def meta_central(**cambios: Any) -> Meta:
    datos: dict[str, Any] = {
        "codigo": "M1",
        "descripcion": "Atender las solicitudes ciudadanas",
        "peso": 20,
        "programacion": Programacion("suma", 100, [25, 25, 25, 25]),
        "unidad": "solicitudes",
        "entregables": ["Informe trimestral"],
        "indicador": Indicador("Atención", "Solicitudes atendidas", "Solicitudes recibidas"),
    }
    datos.update(cambios)
    return Meta(**datos)


def meta_local(**cambios: Any) -> Meta:
    return meta_central(**{"nivel": "local", "dependencia_orientadora": POLICIVA, **cambios})


def meta_transversal(**cambios: Any) -> Meta:
    return meta_central(**{"transversal": True, "proceso_lider": "Gestión Corporativa", **cambios})


def reprogramar(meta: Meta, magnitud: int, trimestres: list[int | None]) -> Meta:
    return attrs.evolve(meta, programacion=Programacion("suma", magnitud, trimestres))


def solicitud(meta: Meta | None = None, **cambios: Any) -> SolicitudModificacion:
    """Una solicitud correcta por defecto: reprograma T3 y T4 el 20 de mayo."""
    meta = meta_central() if meta is None else meta
    local = isinstance(meta, Meta) and meta.nivel.name == "LOCAL"
    datos: dict[str, Any] = {
        "meta": meta,
        "fecha": D(V, 5, 20),
        "solicitante": Rol.ALCALDE_LOCAL if local else Rol.LIDER_PROCESO,
        "medio": Medio.MEMORANDO,
        "destinatario": Rol.JEFE_OAP,
        "justificacion": "Cambio en la demanda del servicio",
        "vigencia": V,
    }
    if "eliminar" not in cambios and "propuesta" not in cambios:
        datos["propuesta"] = reprogramar(meta, 100, [25, 25, 20, 30])
    datos.update(cambios)
    return SolicitudModificacion(**datos)


def concepto(instancia: Instancia, **cambios: Any) -> Concepto:
    datos: dict[str, Any] = {
        "instancia": instancia,
        "favorable": True,
        "medio": Medio.CORREO_ELECTRONICO,
        "fecha": D(V, 5, 10),
    }
    datos.update(cambios)
    return Concepto(**datos)


def cumple(s: SolicitudModificacion, regla: str, politica: Politica | None = None) -> bool | None:
    politica = POLITICA_PLE_PIN_P005_V8 if politica is None else politica
    return evaluar_solicitud(s, politica).motivo(regla).cumple


# --- Tabla: una fila por regla, con la cláusula citada y los dos resultados ---------------------

Fabrica = Callable[[], SolicitudModificacion]

TABLA: list[tuple[str, str, Fabrica, Fabrica]] = [
    (
        "MOD-01",
        "La solicitud debe ser presentada por el líder del proceso/Alcalde Local",
        lambda: solicitud(),
        lambda: solicitud(solicitante=Rol.ALCALDE_LOCAL),
    ),
    (
        "MOD-01",
        "La solicitud debe ser presentada por el líder del proceso/Alcalde Local",
        lambda: solicitud(meta_local(), conceptos=[concepto(Instancia.DIRECCION_GESTION_POLICIVA)]),
        lambda: solicitud(meta_local(), solicitante=Rol.LIDER_PROCESO),
    ),
    (
        "MOD-02",
        "a través de memorando o correo electrónico dirigido al Jefe de la OAP",
        lambda: solicitud(medio=Medio.CORREO_ELECTRONICO),
        lambda: solicitud(medio=Medio.OTRO),
    ),
    (
        "MOD-02",
        "a través de memorando o correo electrónico dirigido al Jefe de la OAP",
        lambda: solicitud(destinatario="Jefe OAP"),
        lambda: solicitud(destinatario=Rol.OTRO),
    ),
    (
        "MOD-03",
        "con la debida justificación técnica y/o legal",
        lambda: solicitud(justificacion="Decreto 123 de 2025"),
        lambda: solicitud(justificacion="   "),
    ),
    (
        "MOD-04",
        "Las solicitudes se pueden presentar máximo hasta el segundo trimestre de la vigencia",
        lambda: solicitud(fecha=D(V, 6, 30)),
        lambda: solicitud(fecha=D(V, 7, 1), propuesta=attrs.evolve(meta_central(), peso=25)),
    ),
    (
        "MOD-04",
        "Las solicitudes se pueden presentar máximo hasta el segundo trimestre de la vigencia",
        lambda: solicitud(fecha=D(V, 1, 1)),
        lambda: solicitud(fecha=D(V - 1, 12, 31)),
    ),
    (
        "MOD-05",
        "Se debe garantizar la coherencia entre los elementos que conforman la meta",
        lambda: solicitud(),
        lambda: solicitud(propuesta=reprogramar(meta_central(), 100, [25, 25, 25, 30])),
    ),
    (
        "MOD-06",
        "La meta podrá modificarse por una única vez en la vigencia",
        lambda: solicitud(modificaciones_previas=0),
        lambda: solicitud(modificaciones_previas=1),
    ),
    (
        "MOD-07",
        "La modificación de metas para aumentar su magnitud podrá realizarse en cualquier momento",
        lambda: solicitud(
            fecha=D(V, 11, 10),
            trimestres_reportados={1, 2, 3},
            propuesta=reprogramar(meta_central(), 120, [25, 25, 25, 45]),
        ),
        lambda: solicitud(
            fecha=D(V, 11, 10),
            trimestres_reportados={1, 2, 3},
            propuesta=reprogramar(meta_central(), 120, [45, 25, 25, 25]),
        ),
    ),
    (
        "MOD-08",
        "No se podrá realizar la modificación de periodos ya medidos",
        lambda: solicitud(trimestres_reportados={1}),
        lambda: solicitud(
            trimestres_reportados={1},
            propuesta=reprogramar(meta_central(), 100, [20, 30, 25, 25]),
        ),
    ),
    (
        "MOD-08",
        "para periodos en los que aún no ha finalizado el periodo de corte",
        lambda: solicitud(
            fecha=D(V, 6, 30), propuesta=reprogramar(meta_central(), 100, [25, 20, 30, 25])
        ),
        lambda: solicitud(
            fecha=D(V, 7, 1), propuesta=reprogramar(meta_central(), 100, [25, 20, 30, 25])
        ),
    ),
    (
        "MOD-09",
        "concepto previo favorable del líder del proceso que lidera la meta",
        lambda: solicitud(meta_transversal(), conceptos=[concepto(Instancia.LIDER_PROCESO_LIDER)]),
        lambda: solicitud(meta_transversal()),
    ),
    (
        "MOD-09",
        "a través de memorando o correo electrónico",
        lambda: solicitud(
            meta_transversal(),
            conceptos=[concepto(Instancia.LIDER_PROCESO_LIDER, medio=Medio.MEMORANDO)],
        ),
        lambda: solicitud(
            meta_transversal(), conceptos=[concepto(Instancia.LIDER_PROCESO_LIDER, medio="otro")]
        ),
    ),
    (
        "MOD-10",
        (
            "sujeta al concepto previo favorable de la Subsecretaría de Gestión Local, la "
            "Dirección para la Gestión Policiva o la Dirección para la Gestión del Desarrollo "
            "Local, según corresponda"
        ),
        lambda: solicitud(meta_local(), conceptos=[concepto(Instancia.DIRECCION_GESTION_POLICIVA)]),
        lambda: solicitud(
            meta_local(), conceptos=[concepto(Instancia.SUBSECRETARIA_GESTION_LOCAL)]
        ),
    ),
]


@pytest.mark.parametrize(("regla", "clausula", "bien", "mal"), TABLA)
def test_tabla_por_regla(regla: str, clausula: str, bien: Fabrica, mal: Fabrica) -> None:
    assert clausula  # la cláusula citada documenta el caso
    assert REGLAS[regla].fuente.startswith("PLE-PIN-P005 v8, Política de operación 9, viñeta")
    assert cumple(bien(), regla) is True
    decision = evaluar_solicitud(mal())
    assert decision.motivo(regla).cumple is False
    assert decision.elegibilidad is Elegibilidad.NO_ELEGIBLE
    assert regla in decision.incumplidas


@pytest.mark.parametrize(
    ("regla", "fabrica"),
    [
        ("MOD-05", lambda: solicitud(eliminar=True)),
        ("MOD-07", lambda: solicitud()),
        ("MOD-08", lambda: solicitud(propuesta=attrs.evolve(meta_central(), peso=30))),
        ("MOD-09", lambda: solicitud()),
        ("MOD-10", lambda: solicitud()),
        ("MOD-11", lambda: solicitud()),
        ("MOD-12", lambda: solicitud()),
    ],
)
def test_reglas_que_no_aplican(regla: str, fabrica: Fabrica) -> None:
    assert cumple(fabrica(), regla) is None


def test_mod_11_viñeta_8_eliminar_o_marcar() -> None:
    # «Las metas que cuenten con seguimiento no podrán ser eliminadas del plan de gestión, por
    # lo cual deben ser marcadas en el reporte como “Meta eliminada”» (viñeta 8).
    sin = evaluar_solicitud(solicitud(eliminar=True))
    con = evaluar_solicitud(solicitud(eliminar=True, trimestres_reportados={1}))
    assert (sin.efecto, sin.motivo("MOD-11").cumple) == (Efecto.ELIMINAR, True)
    assert (con.efecto, con.motivo("MOD-11").cumple) == (Efecto.MARCAR_ELIMINADA, True)
    assert "«Meta eliminada»" in con.motivo("MOD-11").mensaje
    assert "puede eliminarse" in sin.motivo("MOD-11").mensaje


def test_mod_12_viñeta_9_nunca_dice_aprobada() -> None:
    # «La Oficina Asesora de Planeación podrá aprobar o negar la solicitud» (viñeta 9).
    decision = evaluar_solicitud(solicitud())
    assert decision.motivo("MOD-12").cumple is None
    assert "OAP" in decision.motivo("MOD-12").mensaje
    assert "aprobad" not in decision.explicar().casefold()


def test_mod_06_causal_excepcional_va_a_revision_oap() -> None:
    # «Solo por cambios normativos o de fuerza mayor debidamente justificados, la OAP podrá
    # revisar el caso particular» (viñeta 3).
    s = solicitud(modificaciones_previas=1, causal_excepcional="fuerza mayor")
    decision = evaluar_solicitud(s)
    assert decision.elegibilidad is Elegibilidad.REQUIERE_REVISION_OAP
    motivo = decision.motivo("MOD-06")
    assert (motivo.cumple, motivo.revision_oap) == (False, True)
    assert "FUERZA_MAYOR" in motivo.mensaje
    # sin justificación, la causal no basta: no elegible (y MOD-03 también falla)
    sin = evaluar_solicitud(attrs.evolve(s, justificacion=""))
    assert sin.elegibilidad is Elegibilidad.NO_ELEGIBLE
    assert sin.incumplidas == ("MOD-03", "MOD-06")
    assert "sin justificación" in sin.motivo("MOD-06").mensaje
    assert not sin.motivo("MOD-06").revision_oap
    # revisión más otro incumplimiento: no elegible
    otra = evaluar_solicitud(attrs.evolve(s, medio=Medio.OTRO))
    assert otra.elegibilidad is Elegibilidad.NO_ELEGIBLE


# --- Casos realistas trabajados a mano ----------------------------------------------------------


def test_meta_local_con_y_sin_concepto_de_la_direccion() -> None:
    # Alcaldía Local pide el 15 de abril reprogramar T3 y T4 de una meta orientada por la
    # Dirección para la Gestión Policiva. T1 ya está reportado; T2 en curso no cambia.
    meta = meta_local()
    base = {
        "fecha": D(V, 4, 15),
        "trimestres_reportados": {1},
        "justificacion": "Reprogramación por el calendario de operativos",
    }
    sin = evaluar_solicitud(solicitud(meta, **base))
    # Sin concepto: solo MOD-10 falla; MOD-09 no aplica (no es transversal).
    assert sin.elegibilidad is Elegibilidad.NO_ELEGIBLE
    assert sin.incumplidas == ("MOD-10",)
    assert sin.motivo("MOD-10").mensaje == (
        "meta local: conceptos: falta el concepto previo favorable de la Dirección para la "
        "Gestión Policiva"
    )
    assert sin.motivo("MOD-09").cumple is None
    # Con el concepto favorable de la Dirección del 10 de abril (anterior a la solicitud).
    con = evaluar_solicitud(
        solicitud(
            meta,
            conceptos=[concepto(Instancia.DIRECCION_GESTION_POLICIVA, fecha=D(V, 4, 10))],
            **base,
        )
    )
    assert con.elegibilidad is Elegibilidad.ELEGIBLE
    assert con.efecto is Efecto.MODIFICAR
    assert [m.cumple for m in con.motivos] == [
        True,
        True,
        True,
        True,
        True,
        True,
        None,
        True,
        None,
        True,
        None,
        None,
    ]
    assert con.cambios.trimestres == frozenset({3, 4})
    # El concepto posterior a la solicitud o desfavorable no sirve.
    tarde = evaluar_solicitud(
        solicitud(
            meta,
            conceptos=[concepto(Instancia.DIRECCION_GESTION_POLICIVA, fecha=D(V, 4, 16))],
            **base,
        )
    )
    assert "posterior a la solicitud" in tarde.motivo("MOD-10").mensaje
    contra = evaluar_solicitud(
        solicitud(
            meta,
            conceptos=[concepto(Instancia.DIRECCION_GESTION_POLICIVA, favorable=False)],
            **base,
        )
    )
    assert "desfavorable" in contra.motivo("MOD-10").mensaje
    assert contra.motivo("MOD-10").cumple is False


def test_meta_local_sin_dependencia_reconocida() -> None:
    meta = meta_local(dependencia_orientadora="Secretaría de Hacienda")
    motivo = evaluar_solicitud(solicitud(meta)).motivo("MOD-10")
    assert motivo.cumple is False
    assert "Secretaría de Hacienda" in motivo.mensaje


def test_meta_transversal() -> None:
    # Meta transversal liderada por Gestión Corporativa; el líder de ese proceso dio concepto
    # favorable por memorando el 2 de mayo; la solicitud es del 20 de mayo.
    meta = meta_transversal()
    s = solicitud(
        meta,
        conceptos=[
            concepto(Instancia.LIDER_PROCESO_LIDER, medio=Medio.MEMORANDO, fecha=D(V, 5, 2))
        ],
    )
    decision = evaluar_solicitud(s)
    assert decision.elegibilidad is Elegibilidad.ELEGIBLE
    assert decision.motivo("MOD-09").mensaje == (
        "meta transversal: hay concepto previo favorable de el líder del proceso que lidera la "
        "meta (MEMORANDO, 2025-05-02)"
    )
    # Un concepto de otra instancia no cuenta.
    otra = solicitud(meta, conceptos=[concepto(Instancia.SUBSECRETARIA_GESTION_LOCAL)])
    assert cumple(otra, "MOD-09") is False


def test_aumento_en_noviembre() -> None:
    # 10 de noviembre: T1..T3 reportados, T4 en curso. La meta pasa de 100 a 120 y los 20 se
    # programan en T4. Fuera del plazo de MOD-04, pero exenta por MOD-07.
    s = solicitud(
        fecha=D(V, 11, 10),
        trimestres_reportados={1, 2, 3},
        propuesta=reprogramar(meta_central(), 120, [25, 25, 25, 45]),
    )
    decision = evaluar_solicitud(s)
    assert decision.elegibilidad is Elegibilidad.ELEGIBLE
    assert decision.cambios.solo_aumento
    assert decision.cambios.aumenta_magnitud
    assert not decision.cambios.disminuye_magnitud
    assert decision.motivo("MOD-04").cumple is True
    assert "exenta del plazo por MOD-07" in decision.motivo("MOD-04").mensaje
    assert decision.motivo("MOD-07").cumple is True
    assert decision.motivo("MOD-08").cumple is True
    # La misma solicitud sin aumento (reprogramar T4 bajando la magnitud) no es elegible.
    baja = attrs.evolve(s, propuesta=reprogramar(meta_central(), 90, [25, 25, 25, 15]))
    assert evaluar_solicitud(baja).incumplidas == ("MOD-04",)
    # Un aumento que además cambia la redacción no es «solo aumento»: en noviembre no está
    # exento del plazo (MOD-07 no se cumple); en mayo no necesita la exención (no aplica).
    con_redaccion = attrs.evolve(
        s, propuesta=attrs.evolve(s.propuesta, descripcion="Atender todas las solicitudes")
    )
    d = evaluar_solicitud(con_redaccion)
    assert d.motivo("MOD-07").cumple is False
    assert d.incumplidas == ("MOD-04", "MOD-07")
    assert "no está exenta del plazo" in d.motivo("MOD-07").mensaje
    en_mayo = evaluar_solicitud(
        attrs.evolve(con_redaccion, fecha=D(V, 5, 20), trimestres_reportados={1})
    )
    assert en_mayo.motivo("MOD-07").cumple is None
    assert en_mayo.elegibilidad is Elegibilidad.ELEGIBLE
    assert en_mayo.cambios.programacion
    # Por defecto el aumento cuenta como la única modificación (INT-21).
    segunda = attrs.evolve(s, modificaciones_previas=1)
    assert evaluar_solicitud(segunda).incumplidas == ("MOD-06",)
    libre = attrs.evolve(POLITICA_PLE_PIN_P005_V8, aumento_cuenta_como_modificacion=False)
    assert evaluar_solicitud(segunda, libre).elegibilidad is Elegibilidad.ELEGIBLE
    assert evaluar_solicitud(segunda, libre).motivo("MOD-06").cumple is None


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
    assert decision.elegibilidad is Elegibilidad.REQUIERE_REVISION_OAP
    nuevo = aplicar_modificacion(plan, s, decision, D(V, 3, 5), revision_oap_aprobada=True)
    assert [m.codigo for m in nuevo.metas] == ["M1"]
    assert nuevo.modificaciones == ()


# --- solicitud_desde_plan y aplicar_modificacion ------------------------------------------------


def plan_dos_metas(**cambios: Any) -> PlanDeGestion:
    datos: dict[str, Any] = {
        "vigencia": V,
        "unidad": "Proceso de prueba",
        "nivel": "central",
        "metas": [meta_central(), meta_central(codigo="M2", peso=80)],
        "reportes": [Reporte(codigo_meta="M1", trimestre=Trimestre(V, 1), ejecucion=25)],
    }
    datos.update(cambios)
    return PlanDeGestion(**datos)


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
    assert nuevo.modificaciones[-1].descripcion.startswith("Aumento de magnitud (MOD-07)")
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


# --- Rechazos al construir ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cambios", "codigo_error", "campo"),
    [
        (
            {"eliminar": True, "propuesta": meta_central(peso=30)},
            "ELIMINAR_CON_PROPUESTA",
            "propuesta",
        ),
        ({"propuesta": None}, "SIN_PROPUESTA", "propuesta"),
        ({"propuesta": meta_central(codigo="M2")}, "CODIGO_DISTINTO", "propuesta.codigo"),
        ({"propuesta": meta_central()}, "SIN_CAMBIOS", "propuesta"),
        (
            {"propuesta": meta_central(eliminada_desde=Trimestre(V, 2))},
            "PROPUESTA_ELIMINADA",
            "propuesta.eliminada_desde",
        ),
        (
            {"meta": meta_central(eliminada_desde=Trimestre(V, 2)), "eliminar": True},
            "META_ELIMINADA",
            "meta",
        ),
        (
            {"modificaciones_previas": -1},
            "MODIFICACIONES_PREVIAS_INVALIDAS",
            "modificaciones_previas",
        ),
        ({"trimestres_reportados": {5}}, "TRIMESTRE_INVALIDO", "trimestres_reportados"),
        ({"solicitante": "secretario"}, "ROL_DESCONOCIDO", "rol"),
        ({"medio": "fax"}, "MEDIO_DESCONOCIDO", "medio"),
        ({"causal_excepcional": "capricho"}, "CAUSAL_DESCONOCIDO", "causal_excepcional"),
    ],
)
def test_solicitudes_inconsistentes(cambios: dict[str, Any], codigo_error: str, campo: str) -> None:
    datos: dict[str, Any] = {
        "meta": meta_central(),
        "fecha": D(V, 5, 1),
        "solicitante": Rol.LIDER_PROCESO,
        "medio": Medio.MEMORANDO,
        "destinatario": Rol.JEFE_OAP,
        "justificacion": "x",
        "propuesta": meta_central(peso=30),
    }
    datos.update(cambios)
    with pytest.raises(ErrorModificacion) as error:
        SolicitudModificacion(**datos)
    assert error.value.codigo == codigo_error
    assert error.value.campo == campo
    assert campo.split(".")[0] in str(error.value) or campo in str(error.value)


@pytest.mark.parametrize(
    ("cambios", "campo"),
    [
        ({"meta": "M1"}, "meta"),
        ({"fecha": datetime.datetime(V, 5, 1, 10, 0)}, "fecha"),
        ({"fecha": "2025-05-01"}, "fecha"),
        ({"solicitante": 3}, "rol"),
        ({"justificacion": None}, "justificacion"),
        ({"propuesta": "M1"}, "propuesta"),
        ({"eliminar": "si"}, "eliminar"),
        ({"modificaciones_previas": True}, "modificaciones_previas"),
        ({"modificaciones_previas": 1.0}, "modificaciones_previas"),
        ({"trimestres_reportados": "12"}, "trimestres_reportados"),
        ({"trimestres_reportados": 1}, "trimestres_reportados"),
        ({"trimestres_reportados": {1.0}}, "trimestres_reportados"),
        ({"conceptos": "concepto"}, "conceptos"),
        ({"conceptos": [1]}, "conceptos[0]"),
        ({"causal_excepcional": 1}, "causal_excepcional"),
        ({"vigencia": "2025"}, "vigencia"),
    ],
)
def test_tipos_invalidos(cambios: dict[str, Any], campo: str) -> None:
    datos: dict[str, Any] = {"meta": meta_central(), "propuesta": meta_central(peso=30)}
    datos.update(cambios)
    with pytest.raises(TipoInvalido) as error:
        solicitud(**datos)
    assert error.value.campo == campo
    assert isinstance(error.value, TypeError)


def test_vigencia_fuera_de_rango() -> None:
    with pytest.raises(ErrorSdgMetas) as error:
        solicitud(vigencia=10)
    assert error.value.codigo == "VIGENCIA_INVALIDA"


@pytest.mark.parametrize(
    ("cambios", "campo"),
    [
        ({"favorable": "sí"}, "favorable"),
        ({"fecha": datetime.datetime(V, 5, 1, 9, 0)}, "fecha"),
        ({"instancia": 4}, "instancia"),
        ({"medio": None}, "medio"),
    ],
)
def test_concepto_tipos(cambios: dict[str, Any], campo: str) -> None:
    datos: dict[str, Any] = {
        "instancia": Instancia.LIDER_PROCESO_LIDER,
        "favorable": True,
        "medio": Medio.MEMORANDO,
        "fecha": D(V, 5, 1),
    }
    datos.update(cambios)
    with pytest.raises(TipoInvalido) as error:
        Concepto(**datos)
    assert error.value.campo == campo


def test_enumeraciones_desde_texto() -> None:
    assert Rol.desde_texto("Líder proceso") is Rol.LIDER_PROCESO
    assert Medio.desde_texto("CORREO_ELECTRONICO") is Medio.CORREO_ELECTRONICO
    assert Instancia.desde_texto("lider_proceso_lider") is Instancia.LIDER_PROCESO_LIDER
    assert Instancia.desde_texto(Instancia.DIRECCION_GESTION_POLICIVA).nombre == (
        "la Dirección para la Gestión Policiva"
    )
    assert Instancia.orientadora(None) is None
    with pytest.raises(ErrorModificacion) as error:
        Instancia.desde_texto("Secretaría de Hacienda")
    assert error.value.codigo == "INSTANCIA_DESCONOCIDO"
    c = Concepto("Subsecretaría de Gestión Local", False, "correo electrónico", D(V, 1, 2))
    assert (c.instancia, c.medio) == (
        Instancia.SUBSECRETARIA_GESTION_LOCAL,
        Medio.CORREO_ELECTRONICO,
    )
    assert solicitud(causal_excepcional="Cambio normativo").causal_excepcional is (
        Causal.CAMBIO_NORMATIVO
    )


def test_motivo_y_decision() -> None:
    motivo = Motivo("MOD-04", False, "fuera de plazo")
    assert motivo.fuente == REGLAS["MOD-04"].fuente
    assert motivo.enunciado == REGLAS["MOD-04"].enunciado
    with pytest.raises(ErrorSdgMetas) as error:
        Motivo("MOD-99", True, "x")
    assert error.value.codigo == "REGLA_DESCONOCIDA"
    for argumentos, campo in [
        (("MOD-01", "sí", "x"), "cumple"),
        ((1, True, "x"), "regla"),
        (("MOD-01", True, 3), "mensaje"),
    ]:
        with pytest.raises(TipoInvalido) as tipo:
            Motivo(*argumentos)
        assert tipo.value.campo == campo
    decision = Decision(Elegibilidad.ELEGIBLE, Efecto.MODIFICAR, Cambios(), (motivo,))
    assert decision.explicar().splitlines()[0] == "Solicitud sobre la meta (sin código): ELEGIBLE"
    with pytest.raises(TipoInvalido):
        evaluar_solicitud("solicitud")  # type: ignore[arg-type]
    with pytest.raises(TipoInvalido):
        evaluar_solicitud(solicitud(), politica="v8")  # type: ignore[arg-type]


def test_explicar() -> None:
    decision = evaluar_solicitud(solicitud(medio=Medio.OTRO, destinatario=Rol.OTRO))
    texto = decision.explicar()
    lineas = texto.splitlines()
    assert lineas[:3] == [
        "Solicitud sobre la meta M1: NO ELEGIBLE",
        "Efecto solicitado: MODIFICAR",
        "Cambios: programación de T3, T4",
    ]
    assert len(lineas) == 3 + 12
    assert lineas[4] == (
        "- MOD-02 (no cumple): medio: OTRO; debe ser MEMORANDO o CORREO_ELECTRONICO; "
        "destinatario: OTRO; debe dirigirse al Jefe de la OAP (JEFE_OAP) "
        "[PLE-PIN-P005 v8, Política de operación 9, viñeta 1]"
    )
    assert "(no aplica)" in texto


def test_comparar_metas() -> None:
    meta = meta_central()
    otra = attrs.evolve(
        meta,
        descripcion="Atender todas las solicitudes",
        programacion=Programacion("constante", 100, [100, 100, 100, 100], linea_base=5),
        indicador=Indicador("Otro"),
        entregables=["Acta"],
        unidad="%",
        objetivo_estrategico="OE2",
    )
    cambios = comparar_metas(meta, otra)
    assert (cambios.tipo, cambios.descripcion, cambios.indicador, cambios.entregables) == (
        True,
        True,
        True,
        True,
    )
    assert cambios.otros == ("unidad", "objetivo_estrategico", "linea_base")
    assert cambios.magnitud_anterior == cambios.magnitud_nueva == Decimal(100)
    assert not cambios.aumenta_magnitud
    assert not cambios.solo_aumento
    assert cambios.describir() == (
        "programación de T1, T2, T3, T4; tipo de programación; redacción; indicador; "
        "entregables; unidad; objetivo_estrategico; linea_base"
    )
    # Un trimestre que pasa de no programado (None) a 0 en SUMA no cambia lo programado pero sí
    # el valor: cuenta como cambio de ese trimestre.
    cero = reprogramar(meta, 100, [25, 25, 25, 25])
    assert comparar_metas(meta, cero).trimestres == frozenset()
    with pytest.raises(TipoInvalido):
        comparar_metas(meta, "M1")  # type: ignore[arg-type]


# --- Política: interpretaciones INT-20..INT-25 --------------------------------------------------


def test_politica_limite_y_trimestre_en_curso() -> None:
    marzo = attrs.evolve(POLITICA_PLE_PIN_P005_V8, limite_solicitud_modificacion=(3, 31))
    assert cumple(solicitud(fecha=D(V, 4, 1)), "MOD-04", marzo) is False
    assert cumple(solicitud(fecha=D(V, 3, 31)), "MOD-04", marzo) is True
    # El T3 está en curso el 20 de agosto: modificable por defecto, no con la alternativa.
    s = solicitud(fecha=D(V, 8, 20), propuesta=reprogramar(meta_central(), 100, [25, 25, 20, 30]))
    assert cumple(s, "MOD-08") is True
    futuros = attrs.evolve(POLITICA_PLE_PIN_P005_V8, trimestre_en_curso_modificable=False)
    motivo = evaluar_solicitud(s, futuros).motivo("MOD-08")
    assert motivo.cumple is False
    assert motivo.mensaje == (
        "trimestres: cambia la programación de periodos cerrados: T3: ya comenzó"
    )
    with pytest.raises(ErrorSdgMetas) as error:
        attrs.evolve(POLITICA_PLE_PIN_P005_V8, limite_solicitud_modificacion=(2, 30))
    assert error.value.codigo == "POLITICA_INVALIDA"


def test_politica_fechas_fuera_de_la_vigencia() -> None:
    # Antes de la vigencia: ningún trimestre ha cerrado, pero MOD-04 no se cumple.
    antes = solicitud(fecha=D(V - 1, 12, 1))
    decision = evaluar_solicitud(antes)
    assert decision.incumplidas == ("MOD-04",)
    assert (
        decision.motivo("MOD-04").mensaje
        == "fecha: 2024-12-01 no es de la vigencia 2025 de la meta"
    )
    # Después de la vigencia, todos los trimestres cerraron.
    despues = solicitud(fecha=D(V + 1, 1, 5))
    assert evaluar_solicitud(despues).incumplidas == ("MOD-04", "MOD-08")
    # Sin vigencia, la de la fecha.
    sin = solicitud(vigencia=None, fecha=D(2026, 2, 1))
    assert sin.anio == 2026
    assert cumple(sin, "MOD-04") is True


def test_politica_coherencia_y_conceptos() -> None:
    advertencia = solicitud(
        propuesta=attrs.evolve(meta_central(), descripcion="Informe de gestión")
    )
    motivo = evaluar_solicitud(advertencia).motivo("MOD-05")
    assert motivo.cumple is True
    assert "advertencias: FOR-06" in motivo.mensaje
    estricta = attrs.evolve(POLITICA_PLE_PIN_P005_V8, advertencias_bloquean_coherencia=True)
    assert cumple(advertencia, "MOD-05", estricta) is False
    # INT-25: eliminar una meta transversal o local también exige los conceptos.
    for meta, regla in ((meta_transversal(), "MOD-09"), (meta_local(), "MOD-10")):
        borrar = solicitud(meta, eliminar=True)
        assert cumple(borrar, regla) is False
        sin_conceptos = attrs.evolve(POLITICA_PLE_PIN_P005_V8, conceptos_en_eliminacion=False)
        assert cumple(borrar, regla, sin_conceptos) is None
    # INT-25: el medio del concepto local.
    por_otro = solicitud(
        meta_local(), conceptos=[concepto(Instancia.DIRECCION_GESTION_POLICIVA, medio="otro")]
    )
    assert cumple(por_otro, "MOD-10") is True
    formal = attrs.evolve(POLITICA_PLE_PIN_P005_V8, concepto_local_por_memorando_o_correo=True)
    assert cumple(por_otro, "MOD-10", formal) is False


def test_todos_los_motivos_en_orden_y_con_fuente() -> None:
    decision = evaluar_solicitud(solicitud())
    assert tuple(m.regla for m in decision.motivos) == REGLAS_MOD
    for motivo in decision.motivos:
        assert motivo.fuente == REGLAS[motivo.regla].fuente
        assert "viñeta" in motivo.fuente


# --- Propiedades (hypothesis) -------------------------------------------------------------------

FECHAS = st.dates(min_value=D(V - 1, 10, 1), max_value=D(V + 1, 2, 28))
PROPUESTAS = st.sampled_from(
    [
        [100, [25, 25, 25, 25], "peso"],
        [100, [25, 25, 20, 30], None],
        [120, [25, 25, 25, 45], None],
        [120, [45, 25, 25, 25], None],
        [90, [25, 25, 20, 20], None],
        [100, [10, 30, 30, 30], None],
        [130, [25, 25, 25, 25], None],
    ]
)


@st.composite
def solicitudes(draw: st.DrawFn, fechas: st.SearchStrategy[datetime.date] = FECHAS) -> Any:
    meta = draw(
        st.sampled_from(
            [
                meta_central(),
                meta_local(),
                meta_transversal(),
                meta_local(transversal=True, proceso_lider="Gestión Policiva"),
            ]
        )
    )
    eliminar = draw(st.booleans())
    propuesta = None
    if not eliminar:
        magnitud, trimestres, extra = draw(PROPUESTAS)
        propuesta = reprogramar(meta, magnitud, trimestres)
        if extra == "peso":
            propuesta = attrs.evolve(propuesta, peso=35)
    conceptos = draw(
        st.lists(
            st.builds(
                Concepto,
                instancia=st.sampled_from(list(Instancia)),
                favorable=st.booleans(),
                medio=st.sampled_from(list(Medio)),
                fecha=FECHAS,
            ),
            max_size=3,
        )
    )
    return SolicitudModificacion(
        meta=meta,
        fecha=draw(fechas),
        solicitante=draw(st.sampled_from(list(Rol))),
        medio=draw(st.sampled_from(list(Medio))),
        destinatario=draw(st.sampled_from([Rol.JEFE_OAP, Rol.JEFE_OAP, Rol.OTRO])),
        justificacion=draw(st.sampled_from(["", "  ", "Decreto 10 de 2025"])),
        propuesta=propuesta,
        eliminar=eliminar,
        modificaciones_previas=draw(st.integers(0, 2)),
        trimestres_reportados=draw(st.frozensets(st.integers(1, 4))),
        conceptos=conceptos,
        causal_excepcional=draw(st.sampled_from([None, *Causal])),
        vigencia=V,
    )


@given(solicitudes())
def test_propiedad_un_motivo_por_regla_y_elegible_sin_incumplimientos(
    s: SolicitudModificacion,
) -> None:
    decision = evaluar_solicitud(s)
    assert tuple(m.regla for m in decision.motivos) == REGLAS_MOD
    if decision.elegibilidad is Elegibilidad.ELEGIBLE:
        assert all(m.cumple is not False for m in decision.motivos)
    elif decision.elegibilidad is Elegibilidad.REQUIERE_REVISION_OAP:
        assert decision.incumplidas == ("MOD-06",)
    else:
        assert any(m.cumple is False and not m.revision_oap for m in decision.motivos)
    assert "aprobad" not in decision.explicar().casefold()


@given(
    solicitudes(fechas=st.dates(min_value=D(V, 1, 1), max_value=D(V + 1, 2, 28))),
    st.integers(0, 400),
)
def test_propiedad_una_fecha_posterior_no_vuelve_elegible_mod_04(
    s: SolicitudModificacion, dias: int
) -> None:
    # La propiedad vale para fechas desde el comienzo de la vigencia: una solicitud anterior a
    # la vigencia sí puede volverse elegible al presentarse dentro de ella.
    decision = evaluar_solicitud(s)
    assume(decision.motivo("MOD-04").cumple is False)
    tarde = attrs.evolve(s, fecha=s.fecha + datetime.timedelta(days=dias))
    nueva = evaluar_solicitud(tarde)
    assert nueva.motivo("MOD-04").cumple is False
    assert nueva.elegibilidad is Elegibilidad.NO_ELEGIBLE


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


@pytest.mark.parametrize(
    ("argumentos", "campo"),
    [
        (("ELEGIBLE", Efecto.MODIFICAR, Cambios(), ()), "elegibilidad"),
        ((Elegibilidad.ELEGIBLE, "modificar", Cambios(), ()), "efecto"),
        ((Elegibilidad.ELEGIBLE, Efecto.MODIFICAR, None, ()), "cambios"),
        ((Elegibilidad.ELEGIBLE, Efecto.MODIFICAR, Cambios(), 5), "motivos"),
        ((Elegibilidad.ELEGIBLE, Efecto.MODIFICAR, Cambios(), "MOD-01"), "motivos"),
        ((Elegibilidad.ELEGIBLE, Efecto.MODIFICAR, Cambios(), [1]), "motivos[0]"),
    ],
)
def test_decision_tipos(argumentos: tuple[Any, ...], campo: str) -> None:
    with pytest.raises(TipoInvalido) as error:
        Decision(*argumentos)
    assert error.value.campo == campo


# --- Con las estrategias de sdg_metas.testing ----------------------------------------------------


@given(solicitud=solicitudes_generadas(vigencia=2025))
def test_elegible_solo_si_ninguna_regla_se_incumple(solicitud: SolicitudModificacion) -> None:
    decision = evaluar_solicitud(solicitud)
    assert [m.regla for m in decision.motivos] == [f"MOD-{n:02d}" for n in range(1, 13)]
    if decision.elegibilidad is Elegibilidad.ELEGIBLE:
        assert all(m.cumple is not False for m in decision.motivos)
    assert "aprobada" not in decision.explicar()
