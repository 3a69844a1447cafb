"""Las reglas MOD-01..MOD-12 de la Política de operación 9 y `evaluar_solicitud`.

Cada caso de la tabla cita la viñeta de la Política 9 de PLE-PIN-P005 v8 de la que sale la regla
y prueba los dos resultados. Las decisiones de los casos realistas están trabajadas a mano: el
comentario de cada uno dice por qué se espera cada motivo.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sdg_metas.errores import ErrorSdgMetas, TipoInvalido
from sdg_metas.modelo import Indicador
from sdg_metas.modificaciones import (
    REGISTRO_MOD,
    Causal,
    Concepto,
    ContextoSolicitud,
    Efecto,
    Elegibilidad,
    Instancia,
    Medio,
    Motivo,
    Rol,
    SolicitudModificacion,
    evaluar_solicitud,
)
from sdg_metas.politica import POLITICA_PLE_PIN_P005_V8
from sdg_metas.reglas import REGLAS, ids_de_familia
from sdg_metas.testing import solicitudes_modificacion as solicitudes_generadas

from .ayudas import (
    EMISOR,
    PROPUESTAS,
    D,
    V,
    concepto,
    cumple,
    meta_central,
    meta_local,
    meta_transversal,
    reprogramar,
    solicitud,
)

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
        # INT-31: diciembre de la vigencia anterior está en plazo; dos años antes, no.
        lambda: solicitud(fecha=D(V - 2, 12, 31)),
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
        lambda: solicitud(
            meta_transversal(),
            conceptos=[concepto(Instancia.LIDER_PROCESO_LIDER, emisor=EMISOR)],
        ),
        lambda: solicitud(meta_transversal()),
    ),
    (
        "MOD-09",
        "a través de memorando o correo electrónico",
        lambda: solicitud(
            meta_transversal(),
            conceptos=[
                concepto(Instancia.LIDER_PROCESO_LIDER, medio=Medio.MEMORANDO, emisor=EMISOR)
            ],
        ),
        lambda: solicitud(
            meta_transversal(),
            conceptos=[concepto(Instancia.LIDER_PROCESO_LIDER, medio="otro", emisor=EMISOR)],
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


def test_mensajes_en_espanol_sin_nombres_de_miembros() -> None:
    """issue 14: «messages never show `None`, Python reprs or enum member names — the Spanish
    name of the thing». Viñeta 1: «La solicitud debe ser presentada por el líder del
    proceso/Alcalde Local … a través de memorando o correo electrónico dirigido al Jefe de la
    OAP»; viñeta 3: «Solo por cambios normativos o de fuerza mayor debidamente justificados»."""
    central = evaluar_solicitud(solicitud(solicitante=Rol.JEFE_OAP))
    assert central.motivo("MOD-01").mensaje == (
        "solicitante: Jefe de la OAP; una meta del nivel central la solicita el líder del proceso"
    )
    local = evaluar_solicitud(
        solicitud(
            meta_local(),
            solicitante=Rol.LIDER_PROCESO,
            conceptos=[concepto(Instancia.DIRECCION_GESTION_POLICIVA)],
        )
    )
    assert local.motivo("MOD-01").mensaje == (
        "solicitante: líder del proceso; una meta local la solicita el Alcalde Local"
    )
    correo = evaluar_solicitud(solicitud(medio=Medio.CORREO_ELECTRONICO))
    assert correo.motivo("MOD-02").mensaje == (
        "llega por correo electrónico dirigida al Jefe de la OAP"
    )
    mal = evaluar_solicitud(solicitud(medio="otro", destinatario=Rol.ALCALDE_LOCAL))
    assert mal.motivo("MOD-02").mensaje == (
        "medio: otro medio; debe ser memorando o correo electrónico; destinatario: Alcalde "
        "Local; debe dirigirse al Jefe de la OAP"
    )
    sin_justificar = evaluar_solicitud(
        solicitud(
            modificaciones_previas=1, causal_excepcional="cambio normativo", justificacion=" "
        )
    )
    assert sin_justificar.motivo("MOD-06").mensaje.endswith(
        "; invoca cambio normativo pero sin justificación"
    )
    formal = attrs.evolve(POLITICA_PLE_PIN_P005_V8, concepto_local_por_memorando_o_correo=True)
    por_otro = solicitud(
        meta_local(), conceptos=[concepto(Instancia.DIRECCION_GESTION_POLICIVA, medio="otro")]
    )
    assert evaluar_solicitud(por_otro, formal).motivo("MOD-10").mensaje.endswith(
        "el concepto de la Dirección para la Gestión Policiva llegó por otro medio, no por "
        "memorando ni correo electrónico"
    )


def test_mod_06_causal_excepcional_va_a_revision_oap() -> None:
    # «Solo por cambios normativos o de fuerza mayor debidamente justificados, la OAP podrá
    # revisar el caso particular» (viñeta 3).
    s = solicitud(modificaciones_previas=1, causal_excepcional="fuerza mayor")
    decision = evaluar_solicitud(s)
    assert decision.elegibilidad is Elegibilidad.REQUIERE_REVISION_OAP
    motivo = decision.motivo("MOD-06")
    assert (motivo.cumple, motivo.revision_oap) == (False, True)
    # issue 14: «… never … enum member names — the Spanish name of the thing».
    assert "invoca fuerza mayor con justificación" in motivo.mensaje
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
            concepto(
                Instancia.LIDER_PROCESO_LIDER,
                medio=Medio.MEMORANDO,
                fecha=D(V, 5, 2),
                emisor="gestion corporativa",  # INT-29: sin mayúsculas ni tildes, es el mismo
            )
        ],
    )
    decision = evaluar_solicitud(s)
    assert decision.elegibilidad is Elegibilidad.ELEGIBLE
    # issue 14: «… never … enum member names — the Spanish name of the thing».
    assert decision.motivo("MOD-09").mensaje == (
        "meta transversal: hay concepto previo favorable del líder del proceso que lidera la "
        "meta (memorando, 2025-05-02)"
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
    # Un aumento que además cambia el indicador no es «solo aumento» (INT-26): en noviembre no
    # está exento del plazo (MOD-07 no se cumple); en mayo no necesita la exención (no aplica).
    # (Antes del issue 11 este caso usaba un cambio de redacción, que ahora sí admite: ver
    # tests/modificaciones/test_fidelidad.py, punto 1.)
    assert s.propuesta is not None
    con_indicador = attrs.evolve(
        s, propuesta=attrs.evolve(s.propuesta, indicador=Indicador("Otro", "a", "b"))
    )
    d = evaluar_solicitud(con_indicador)
    assert d.motivo("MOD-07").cumple is False
    assert d.incumplidas == ("MOD-04", "MOD-07")
    assert "no está exenta del plazo" in d.motivo("MOD-07").mensaje
    assert "también cambia indicador, que un aumento no cambia (INT-26)" in (
        d.motivo("MOD-07").mensaje
    )
    en_mayo = evaluar_solicitud(
        attrs.evolve(con_indicador, fecha=D(V, 5, 20), trimestres_reportados={1})
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
    # Antes de la vigencia: ningún trimestre ha cerrado. Por defecto (INT-31, issue 11 punto 8)
    # diciembre de la vigencia anterior está en plazo; con la alternativa, MOD-04 no se cumple.
    antes = solicitud(fecha=D(V - 1, 12, 1))
    assert evaluar_solicitud(antes).elegibilidad is Elegibilidad.ELEGIBLE
    solo_vigencia = attrs.evolve(POLITICA_PLE_PIN_P005_V8, solicitud_desde_vigencia_anterior=False)
    decision = evaluar_solicitud(antes, solo_vigencia)
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
    assert tuple(m.regla for m in decision.motivos) == tuple(REGISTRO_MOD)
    for motivo in decision.motivos:
        assert motivo.fuente == REGLAS[motivo.regla].fuente
        assert "viñeta" in motivo.fuente


# --- Propiedades (hypothesis) -------------------------------------------------------------------

FECHAS = st.dates(min_value=D(V - 1, 10, 1), max_value=D(V + 1, 2, 28))


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
    assert tuple(m.regla for m in decision.motivos) == tuple(REGISTRO_MOD)
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


# --- Con las estrategias de sdg_metas.testing ----------------------------------------------------


@given(solicitud=solicitudes_generadas(vigencia=2025))
def test_elegible_solo_si_ninguna_regla_se_incumple(solicitud: SolicitudModificacion) -> None:
    decision = evaluar_solicitud(solicitud)
    assert [m.regla for m in decision.motivos] == [f"MOD-{n:02d}" for n in range(1, 13)]
    if decision.elegibilidad is Elegibilidad.ELEGIBLE:
        assert all(m.cumple is not False for m in decision.motivos)
    assert "aprobada" not in decision.explicar()


# --- El registro de las reglas MOD ---------------------------------------------------------------


def test_registro_mod_es_el_catalogo() -> None:
    assert tuple(REGISTRO_MOD) == ids_de_familia("MOD")
    assert tuple(REGISTRO_MOD) == tuple(i for i in REGLAS if i.startswith("MOD-"))
    with pytest.raises(TypeError):
        REGISTRO_MOD["MOD-13"] = REGISTRO_MOD["MOD-01"]  # type: ignore[index]


def test_cada_regla_recibe_el_contexto_y_da_su_motivo() -> None:
    s = solicitud(fecha=D(V, 11, 10), propuesta=reprogramar(meta_central(), 120, [25, 25, 25, 45]))
    contexto = ContextoSolicitud.desde_solicitud(s)
    assert contexto.aumento_exento
    assert contexto.cerrados == ()
    assert contexto.limite == D(V, 6, 30)
    decision = evaluar_solicitud(s)
    for identificador, verificar in REGISTRO_MOD.items():
        motivo = verificar(contexto)
        assert isinstance(motivo, Motivo)
        assert motivo == decision.motivo(identificador)
    with pytest.raises(TipoInvalido) as error:
        ContextoSolicitud.desde_solicitud(s, politica="v8")  # type: ignore[arg-type]
    assert error.value.campo == "politica"
    with pytest.raises(TipoInvalido):
        ContextoSolicitud(s, POLITICA_PLE_PIN_P005_V8, None)  # type: ignore[arg-type]
