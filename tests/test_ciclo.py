"""El ciclo de vida del plan: la tabla de transiciones (CIC-01) y la publicación (CIC-02)."""

from __future__ import annotations

import enum
import itertools
import re
from collections import deque

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdg_metas import (
    REGLAS,
    TRANSICIONES,
    AccionPlan,
    Actor,
    ErrorCiclo,
    ErrorModelo,
    EstadoPlan,
    Rol,
    TipoInvalido,
    Transicion,
    acciones_permitidas,
    transicion,
)

E, A, R = EstadoPlan, AccionPlan, Actor


@pytest.mark.parametrize("entrada", list(TRANSICIONES.values()), ids=lambda t: t.accion.name)
def test_cada_transicion_de_la_tabla(entrada: Transicion) -> None:
    assert entrada.regla in REGLAS
    assert entrada.regla.startswith("CIC-")
    assert entrada.fuente.startswith("PLE-PIN-P005 v8, ")
    assert entrada.actores
    for actor in Actor:
        if actor in entrada.actores:
            assert transicion(entrada.origen, entrada.accion, actor) is entrada.destino
        else:
            with pytest.raises(ErrorCiclo) as info:
                transicion(entrada.origen, entrada.accion, actor)
            assert info.value.codigo == "ROL_NO_AUTORIZADO"
            assert info.value.campo == "rol"
            assert info.value.valor == actor.name
            for permitido in entrada.actores:
                assert permitido.name in str(info.value)


def test_transiciones_fuera_de_la_tabla() -> None:
    for estado, accion in itertools.product(EstadoPlan, AccionPlan):
        if (estado, accion) in TRANSICIONES:
            continue
        with pytest.raises(ErrorCiclo) as info:
            transicion(estado, accion, Actor.JEFE_OAP)
        error = info.value
        assert error.codigo == "TRANSICION_INVALIDA"
        assert (error.campo, error.valor) == ("accion", accion.name)
        mensaje = str(error)
        permitidas = acciones_permitidas(estado)
        for t in permitidas:
            assert t.accion.name in mensaje
        if not permitidas:
            assert "ninguna (estado final)" in mensaje
        assert ("CIC-02" in mensaje) == (accion is AccionPlan.PUBLICAR)


def test_tabla_exacta() -> None:
    # (origen, acción) → destino; quien la toma, en el orden de la tabla.
    lideres = (R.LIDER_PROCESO, R.ALCALDE_LOCAL)
    oap = (R.PROFESIONAL_OAP, R.JEFE_OAP)
    esperado = {
        (E.FORMULACION, A.ESTABLECER_METODOLOGIA): (E.FORMULACION, oap),
        (E.FORMULACION, A.REALIZAR_MESA_DE_TRABAJO): (
            E.FORMULACION, (*oap, *lideres, R.EQUIPO_PROCESO)),
        (E.FORMULACION, A.CONSULTAR_CIUDADANIA): (E.FORMULACION, (*lideres, R.EQUIPO_PROCESO)),
        (E.FORMULACION, A.ENVIAR_A_REVISION): (E.EN_REVISION_OAP, lideres),
        (E.EN_REVISION_OAP, A.ENVIAR_OBSERVACIONES): (E.CON_OBSERVACIONES, oap),
        (E.CON_OBSERVACIONES, A.REMITIR_AJUSTES): (E.EN_REVISION_OAP, lideres),
        (E.EN_REVISION_OAP, A.VALIDAR): (E.VALIDADO_OAP, oap),
        (E.VALIDADO_OAP, A.APROBAR): (E.APROBADO, lideres),
        (E.APROBADO, A.PUBLICAR): (E.PUBLICADO, (*oap, R.OFICINA_COMUNICACIONES)),
        (E.PUBLICADO, A.INICIAR_SEGUIMIENTO): (E.EN_SEGUIMIENTO, (*lideres, R.EQUIPO_PROCESO)),
        (E.EN_SEGUIMIENTO, A.SOCIALIZAR_RESULTADOS): (E.EN_SEGUIMIENTO, oap),
        (E.EN_SEGUIMIENTO, A.REMITIR_MODIFICACION): (E.APROBADO, lideres),
        (E.EN_SEGUIMIENTO, A.CERRAR): (E.CERRADO, oap),
    }
    assert {k: (t.destino, t.actores) for k, t in TRANSICIONES.items()} == esperado
    with pytest.raises(TypeError):
        TRANSICIONES[(E.CERRADO, A.CERRAR)] = TRANSICIONES[(E.EN_SEGUIMIENTO, A.CERRAR)]  # type: ignore[index]


def test_fuentes_citan_actividades_y_politicas() -> None:
    fuentes = " ".join(t.fuente for t in TRANSICIONES.values())
    for cita in ("Actividad 1", "Actividad 2", "Actividad 3", "Actividades 4", "5 (sí) y 6",
                 "Actividad 7", "Actividad 8", "Actividad 13", "Política de operación 1",
                 "Política de operación 6", "Política de operación 7"):
        assert cita in fuentes, cita


def test_recorrido_completo_con_observaciones() -> None:
    pasos = [
        (A.ESTABLECER_METODOLOGIA, R.PROFESIONAL_OAP, E.FORMULACION),
        (A.REALIZAR_MESA_DE_TRABAJO, R.EQUIPO_PROCESO, E.FORMULACION),
        (A.ENVIAR_A_REVISION, R.LIDER_PROCESO, E.EN_REVISION_OAP),
        (A.ENVIAR_OBSERVACIONES, R.PROFESIONAL_OAP, E.CON_OBSERVACIONES),
        (A.REMITIR_AJUSTES, R.LIDER_PROCESO, E.EN_REVISION_OAP),
        (A.ENVIAR_OBSERVACIONES, R.JEFE_OAP, E.CON_OBSERVACIONES),
        (A.REMITIR_AJUSTES, R.LIDER_PROCESO, E.EN_REVISION_OAP),
        (A.VALIDAR, R.PROFESIONAL_OAP, E.VALIDADO_OAP),
        (A.APROBAR, R.LIDER_PROCESO, E.APROBADO),
        (A.PUBLICAR, R.OFICINA_COMUNICACIONES, E.PUBLICADO),
        (A.INICIAR_SEGUIMIENTO, R.EQUIPO_PROCESO, E.EN_SEGUIMIENTO),
        (A.SOCIALIZAR_RESULTADOS, R.JEFE_OAP, E.EN_SEGUIMIENTO),
        (A.REMITIR_MODIFICACION, R.ALCALDE_LOCAL, E.APROBADO),
        (A.PUBLICAR, R.PROFESIONAL_OAP, E.PUBLICADO),
        (A.INICIAR_SEGUIMIENTO, R.LIDER_PROCESO, E.EN_SEGUIMIENTO),
        (A.CERRAR, R.JEFE_OAP, E.CERRADO),
    ]
    estado = E.FORMULACION
    for accion, actor, destino in pasos:
        estado = transicion(estado, accion, actor)
        assert estado is destino
    assert acciones_permitidas(estado) == ()


def _alcanzables(sin: set[AccionPlan]) -> set[EstadoPlan]:
    vistos = {E.FORMULACION}
    pendientes = deque(vistos)
    while pendientes:
        estado = pendientes.popleft()
        for t in acciones_permitidas(estado):
            if t.accion not in sin and t.destino not in vistos:
                vistos.add(t.destino)
                pendientes.append(t.destino)
    return vistos


def test_cic02_publicar_exige_validacion_oap_y_aprobacion_del_lider() -> None:
    # Todo estado es alcanzable desde la formulación…
    assert _alcanzables(set()) == set(EstadoPlan)
    # …pero sin la validación de la OAP o sin la aprobación del líder (caso HOLA) no se llega a
    # APROBADO ni a PUBLICADO.
    for falta in (A.VALIDAR, A.APROBAR):
        alcanzables = _alcanzables({falta})
        assert E.APROBADO not in alcanzables
        assert E.PUBLICADO not in alcanzables
    # PUBLICAR solo sale de APROBADO, y a APROBADO solo se llega con APROBAR o
    # REMITIR_MODIFICACION, que toman solo el líder o el Alcalde Local.
    assert [t.origen for t in TRANSICIONES.values() if t.accion is A.PUBLICAR] == [E.APROBADO]
    hacia_aprobado = [t for t in TRANSICIONES.values() if t.destino is E.APROBADO]
    assert {t.accion for t in hacia_aprobado} == {A.APROBAR, A.REMITIR_MODIFICACION}
    for t in hacia_aprobado:
        assert set(t.actores) == {R.LIDER_PROCESO, R.ALCALDE_LOCAL}
        assert t.regla == "CIC-02"
    with pytest.raises(ErrorCiclo, match="CIC-02"):
        transicion(E.EN_REVISION_OAP, A.PUBLICAR, R.JEFE_OAP)
    with pytest.raises(ErrorCiclo) as info:
        transicion(E.EN_REVISION_OAP, A.APROBAR, R.LIDER_PROCESO)
    assert "VALIDAR" in str(info.value)
    assert "ENVIAR_OBSERVACIONES" in str(info.value)


@given(st.lists(st.tuples(st.sampled_from(list(AccionPlan)), st.sampled_from(list(Actor))),
                max_size=30))
def test_propiedad_toda_publicacion_sigue_a_validacion_y_aprobacion(
    pasos: list[tuple[AccionPlan, Actor]]
) -> None:
    estado = E.FORMULACION
    historial: list[AccionPlan] = []
    for accion, actor in pasos:
        try:
            estado = transicion(estado, accion, actor)
        except ErrorCiclo:
            continue
        historial.append(accion)
        if accion is A.PUBLICAR:
            previas = historial[:-1]
            assert A.VALIDAR in previas
            assert previas.index(A.VALIDAR) < len(previas) - previas[::-1].index(A.APROBAR) - 1


def test_textos_y_el_rol_de_las_solicitudes() -> None:
    # Un solo enum de roles: el de las solicitudes de modificación es el del ciclo de vida.
    assert Rol is Actor
    assert transicion("Formulación", "enviar a revision", Rol.LIDER_PROCESO) is E.EN_REVISION_OAP
    assert transicion("en_revision_oap", A.VALIDAR, "Jefe OAP") is E.VALIDADO_OAP
    with pytest.raises(ErrorCiclo) as info_otro:
        transicion(E.FORMULACION, A.ENVIAR_A_REVISION, Rol.OTRO)
    assert (info_otro.value.codigo, info_otro.value.campo) == ("ROL_NO_AUTORIZADO", "rol")
    with pytest.raises(ErrorModelo) as info:
        transicion(E.FORMULACION, A.ENVIAR_A_REVISION, "secretario")
    assert (info.value.codigo, info.value.campo) == ("ROL_DESCONOCIDO", "rol")

    # Un miembro de otro enum ya no se traduce por su nombre: no es un texto ni un Rol.
    class Ajeno(enum.Enum):
        LIDER_PROCESO = "lider"

    with pytest.raises(TipoInvalido) as info_ajeno:
        transicion(E.FORMULACION, A.ENVIAR_A_REVISION, Ajeno.LIDER_PROCESO)  # type: ignore[arg-type]
    assert info_ajeno.value.campo == "rol"
    with pytest.raises(ErrorModelo) as info_e:
        transicion("borrador", A.VALIDAR, R.JEFE_OAP)
    assert info_e.value.campo == "estado"
    assert info_e.value.codigo == "ESTADOPLAN_DESCONOCIDO"
    with pytest.raises(ErrorModelo):
        transicion(E.FORMULACION, "firmar", R.JEFE_OAP)
    with pytest.raises(TipoInvalido):
        transicion(E.FORMULACION, 3, R.JEFE_OAP)  # type: ignore[arg-type]
    with pytest.raises(TipoInvalido):
        transicion(E.FORMULACION, A.ENVIAR_A_REVISION, 7)  # type: ignore[arg-type]
    with pytest.raises(TipoInvalido):
        transicion(None, A.ENVIAR_A_REVISION, R.JEFE_OAP)  # type: ignore[arg-type]


def test_mensajes_nombran_reglas_del_catalogo() -> None:
    with pytest.raises(ErrorCiclo) as info:
        transicion(E.CERRADO, A.PUBLICAR, R.JEFE_OAP)
    for cita in re.findall(r"CIC-\d{2}", str(info.value)):
        assert cita in REGLAS
