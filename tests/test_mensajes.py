"""Los mensajes nombran las cosas en español (issue 14).

issue 14: «messages never show `None`, Python reprs or enum member names — the Spanish name of
the thing». Las enumeraciones de la biblioteca dicen su nombre en español en un solo lugar
(``EnumTexto.nombre``); los mensajes lo usan, y un valor que puede faltar se dice «(o quedar
vacío)», nunca «o None».
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sdg_metas.ciclo
import sdg_metas.modelo
import sdg_metas.modificaciones
from sdg_metas import AccionPlan, EstadoPlan, Rol, transicion
from sdg_metas._validacion import EnumTexto, nombre_de
from sdg_metas.calendario import es_dia_habil
from sdg_metas.consolidacion import semaforo
from sdg_metas.ejemplos import plan_ejemplo
from sdg_metas.errores import (
    ErrorCiclo,
    ErrorModelo,
    ErrorModificacion,
    ErrorSdgMetas,
    TipoInvalido,
)
from sdg_metas.modelo import Efecto
from sdg_metas.modificaciones import (
    Causal,
    Elegibilidad,
    Instancia,
    Medio,
    SolicitudModificacion,
    evaluar_solicitud,
)
from sdg_metas.reglas import Motivo
from sdg_metas.reportes import verificar_reportes_plan
from sdg_metas.testing import solicitudes_modificacion

#: Un nombre de miembro de enumeración (``CORREO_ELECTRONICO``, ``JEFE_OAP``) o un repr.
_MIEMBRO = re.compile(r"\b[A-Z]+(?:_[A-Z]+)+\b|<\w+\.\w+: ")

ENUMS: list[type[EnumTexto]] = [
    sdg_metas.ciclo.EstadoPlan,
    sdg_metas.ciclo.AccionPlan,
    sdg_metas.ciclo.Rol,
    sdg_metas.modelo.TipoProgramacion,
    sdg_metas.modelo.Nivel,
    sdg_metas.modelo.ReportadoPor,
    sdg_metas.modificaciones.Medio,
    sdg_metas.modificaciones.Causal,
    sdg_metas.modificaciones.Instancia,
    sdg_metas.modificaciones.Elegibilidad,
]


def test_nombres_en_espanol_escritos_a_mano() -> None:
    # Los nombres del procedimiento: «dirigido al Jefe de la OAP», «líder del proceso/Alcalde
    # Local», «a través de memorando o correo electrónico» (Política 9, viñeta 1).
    esperados = {
        Rol.JEFE_OAP: "Jefe de la OAP",
        Rol.ALCALDE_LOCAL: "Alcalde Local",
        Rol.LIDER_PROCESO: "líder del proceso",
        Rol.PROFESIONAL_OAP: "profesional de la OAP",
        Rol.OFICINA_COMUNICACIONES: "Oficina Asesora de Comunicaciones",
        Rol.OTRO: "otro",
        Medio.CORREO_ELECTRONICO: "correo electrónico",
        Medio.MEMORANDO: "memorando",
        Medio.OTRO: "otro medio",
        Causal.FUERZA_MAYOR: "fuerza mayor",
        Causal.CAMBIO_NORMATIVO: "cambio normativo",
        Elegibilidad.NO_ELEGIBLE: "no elegible",
        Elegibilidad.REQUIERE_REVISION_OAP: "requiere revisión de la OAP",
        EstadoPlan.FORMULACION: "formulación",
        EstadoPlan.EN_REVISION_OAP: "en revisión de la OAP",
        EstadoPlan.VALIDADO_OAP: "validado por la OAP",
        EstadoPlan.EN_SEGUIMIENTO: "en seguimiento",
        AccionPlan.ENVIAR_A_REVISION: "enviar a revisión",
        AccionPlan.REMITIR_MODIFICACION: "remitir la modificación",
        Instancia.SUBSECRETARIA_GESTION_LOCAL: "la Subsecretaría de Gestión Local",
        Instancia.LIDER_PROCESO_LIDER: "el líder del proceso que lidera la meta",
    }
    for miembro, nombre in esperados.items():
        assert miembro.nombre == nombre
        assert nombre_de(miembro) == nombre
    # Una enumeración que no es EnumTexto: su valor con espacios.
    assert nombre_de(Efecto.MARCAR_ELIMINADA) == "marcar eliminada"


@pytest.mark.parametrize("clase", ENUMS, ids=lambda c: c.__name__)
def test_cada_miembro_tiene_nombre_legible(clase: type[EnumTexto]) -> None:
    assert issubclass(clase, EnumTexto)
    claves = set(clase._nombres_texto)
    assert claves <= {m.name for m in clase}, f"nombres de miembros que no existen: {claves}"
    for miembro in clase:
        assert miembro.nombre.strip() == miembro.nombre != ""
        assert "_" not in miembro.nombre
        assert not _MIEMBRO.search(miembro.nombre)
        # desde_texto sigue leyendo el nombre y el valor del miembro.
        assert clase.desde_texto(miembro.name) is miembro
        assert clase.desde_texto(miembro.value) is miembro
        assert clase.desde_texto(miembro) is miembro


@pytest.mark.parametrize(
    ("clase", "error", "codigo", "campo"),
    [
        (EstadoPlan, ErrorModelo, "ESTADOPLAN_DESCONOCIDO", "estado"),
        (AccionPlan, ErrorModelo, "ACCIONPLAN_DESCONOCIDO", "accion"),
        (Rol, ErrorModelo, "ROL_DESCONOCIDO", "rol"),
        (Medio, ErrorModificacion, "MEDIO_DESCONOCIDO", "medio"),
        (Causal, ErrorModificacion, "CAUSAL_DESCONOCIDO", "causal_excepcional"),
        (Instancia, ErrorModificacion, "INSTANCIA_DESCONOCIDO", "instancia"),
        (Elegibilidad, ErrorModificacion, "ELEGIBILIDAD_DESCONOCIDO", "elegibilidad"),
    ],
)
def test_desde_texto_conserva_error_y_codigo(
    clase: type[EnumTexto], error: type[ErrorSdgMetas], codigo: str, campo: str
) -> None:
    with pytest.raises(error) as info:
        clase.desde_texto("no existe")
    assert type(info.value) is error
    assert (info.value.codigo, info.value.campo) == (codigo, campo)
    with pytest.raises(TipoInvalido):
        clase.desde_texto(3)


def test_solicitud_lee_la_causal_y_la_instancia_como_antes() -> None:
    assert Causal.desde_texto("Fuerza mayor") is Causal.FUERZA_MAYOR
    assert Instancia.desde_texto("Dirección para la Gestión Policiva") is (
        Instancia.DIRECCION_GESTION_POLICIVA
    )


def test_valores_que_pueden_faltar_no_dicen_none() -> None:
    with pytest.raises(TipoInvalido) as cumple:
        Motivo("MOD-01", "sí", "x")  # type: ignore[arg-type]
    assert str(cumple.value) == "cumple: 'sí' debe ser True o False (o quedar vacío)"
    with pytest.raises(TipoInvalido) as calendario:
        es_dia_habil(datetime.date(2025, 1, 2), 3)  # type: ignore[arg-type]
    assert str(calendario.value) == "calendario: 3 debe ser un Calendario (o quedar vacío)"
    with pytest.raises(TipoInvalido) as plan:
        verificar_reportes_plan(plan_ejemplo(), calendario="festivos")  # type: ignore[arg-type]
    assert str(plan.value) == (
        "calendario: 'festivos' debe ser un Calendario (o quedar vacío)"
    )
    with pytest.raises(TipoInvalido) as valor:
        semaforo(Decimal("NaN"))
    assert str(valor.value) == (
        # issue 13 (API hostil): NaN como se escribe, no su repr Decimal('NaN')
        "valor: NaN debe ser un Decimal finito (una fracción, 1 = 100 %) o quedar vacío"
    )
    for mensaje in (str(cumple.value), str(calendario.value), str(plan.value), str(valor.value)):
        assert "None" not in mensaje


def test_ciclo_no_muestra_reprs_de_otras_enumeraciones() -> None:
    with pytest.raises(TipoInvalido) as info:
        transicion(EstadoPlan.FORMULACION, Rol.JEFE_OAP, Rol.JEFE_OAP)  # type: ignore[arg-type]
    assert str(info.value) == "accion: 'jefe_oap' no es un texto ni un AccionPlan"


@given(
    st.sampled_from(list(EstadoPlan)),
    st.sampled_from(list(AccionPlan)),
    st.sampled_from(list(Rol)),
)
def test_propiedad_los_errores_del_ciclo_hablan_en_espanol(
    estado: EstadoPlan, accion: AccionPlan, rol: Rol
) -> None:
    try:
        transicion(estado, accion, rol)
    except ErrorCiclo as error:
        mensaje = str(error)
        assert not _MIEMBRO.search(mensaje), mensaje
        assert "None" not in mensaje


@given(solicitudes_modificacion())
def test_propiedad_la_decision_se_explica_en_espanol(solicitud: SolicitudModificacion) -> None:
    texto = evaluar_solicitud(solicitud).explicar()
    assert not _MIEMBRO.search(texto), texto
    assert "None" not in texto


def test_los_hallazgos_nombran_el_tipo_de_programacion_en_minusculas() -> None:
    """Los tipos se escriben como en el procedimiento («tipo de programación (creciente,
    constante, suma, decreciente)», Actividad 4), no como los miembros de ``TipoProgramacion``
    (``DECRECIENTE``): FOR-02 de cada tipo, el error de evaluar una decreciente sin línea base y la
    advertencia REP-02 que lo cita."""
    from sdg_metas import Programacion, evaluar, verificar_programacion

    casos = [
        Programacion("suma", 10, [1, 2, 3, 3]),
        Programacion("constante", 10, [10, 9, 10, 10]),
        Programacion("creciente", 10, [5, 4, 8, 9], linea_base=20),
        Programacion("decreciente", 10, [40, 45, 20, 11]),
    ]
    mensajes = [h.mensaje for p in casos for h in verificar_programacion(p)]
    assert {m.split(":")[0] for m in mensajes} == {
        "tipo suma", "tipo constante", "tipo creciente", "tipo decreciente"}
    with pytest.raises(ErrorSdgMetas) as error:
        evaluar(casos[3], [None] * 4, 1)
    textos = [*mensajes, str(error.value)]
    assert not [t for t in textos if re.search(r"\b(SUMA|CONSTANTE|CRECIENTE|DECRECIENTE)\b", t)]
