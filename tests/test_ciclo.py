"""El ciclo de vida del plan: la tabla de transiciones (CIC-01) y la publicación (CIC-02)."""

from __future__ import annotations

import datetime
import enum
import itertools
import re
from collections import deque
from typing import Any

import attrs
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
    Indicador,
    Meta,
    Programacion,
    Rol,
    TipoInvalido,
    Transicion,
    acciones_permitidas,
    transicion,
)
from sdg_metas.modificaciones import (
    Decision,
    Elegibilidad,
    SolicitudModificacion,
    evaluar_solicitud,
)

E, A, R = EstadoPlan, AccionPlan, Actor


def _decision(elegibilidad: str = "elegible") -> Decision:
    """La decisión de una solicitud elegible (reprogramar T3 y T4 el 20 de mayo), o con otra
    elegibilidad."""
    meta = Meta(codigo="M1", descripcion="Realizar 100 jornadas", peso=20, nivel="central",
                programacion=Programacion("suma", 100, [25, 25, 25, 25]),
                entregables=["Actas"], indicador=Indicador("Jornadas", "Realizadas", "100"))
    s = SolicitudModificacion(
        meta=meta, fecha=datetime.date(2025, 5, 20), solicitante="lider_proceso",
        medio="memorando", destinatario="jefe_oap", justificacion="Cambio en la demanda",
        propuesta=attrs.evolve(meta, programacion=Programacion("suma", 100, [25, 25, 20, 30])),
    )
    d = evaluar_solicitud(s)
    assert d.elegibilidad is Elegibilidad.ELEGIBLE
    return attrs.evolve(d, elegibilidad=Elegibilidad(elegibilidad))


def _extra(accion: AccionPlan) -> dict[str, Any]:
    return {"decision": _decision()} if accion is A.REMITIR_MODIFICACION else {}


@pytest.mark.parametrize("entrada", list(TRANSICIONES.values()), ids=lambda t: t.accion.name)
def test_cada_transicion_de_la_tabla(entrada: Transicion) -> None:
    assert entrada.regla in REGLAS
    assert entrada.regla.startswith("CIC-")
    assert entrada.fuente.startswith("PLE-PIN-P005 v8, ")
    assert entrada.actores
    extra = _extra(entrada.accion)
    for actor in Actor:
        if actor in entrada.actores:
            assert transicion(entrada.origen, entrada.accion, actor, **extra) is entrada.destino
        else:
            with pytest.raises(ErrorCiclo) as info:
                transicion(entrada.origen, entrada.accion, actor, **extra)
            assert info.value.codigo == "ROL_NO_AUTORIZADO"
            assert info.value.campo == "rol"
            assert info.value.valor == actor.name
            # issue 14: «messages never show `None`, Python reprs or enum member names — the
            # Spanish name of the thing»: el mensaje nombra los roles en español.
            mensaje = str(info.value)
            assert f"rol: «{actor.nombre}» no puede tomar la acción «{entrada.accion.nombre}»" in (
                mensaje
            )
            for permitido in entrada.actores:
                assert permitido.nombre in mensaje
                assert permitido.name not in mensaje


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
        # issue 14: «… never … enum member names — the Spanish name of the thing».
        assert f"accion: «{accion.nombre}» no está permitida en el estado «{estado.nombre}»" in (
            mensaje
        )
        for t in permitidas:
            assert t.accion.nombre in mensaje
            assert t.accion.name not in mensaje
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
        (E.CON_OBSERVACIONES, A.APROBAR): (E.REMITIDO_APROBADO, lideres),
        (E.REMITIDO_APROBADO, A.ENVIAR_OBSERVACIONES): (E.CON_OBSERVACIONES, oap),
        (E.REMITIDO_APROBADO, A.VALIDAR): (E.APROBADO, oap),
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
        estado = transicion(estado, accion, actor, **_extra(accion))
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
    # PUBLICAR solo sale de APROBADO. A APROBADO se llega con APROBAR (del líder o Alcalde
    # Local, tras VALIDAR), con VALIDAR (de la OAP, tras el APROBAR de la Actividad 7 desde
    # CON_OBSERVACIONES; issue 11, punto 12) o con REMITIR_MODIFICACION (del líder, con una
    # decisión autorizada; punto 13).
    assert [t.origen for t in TRANSICIONES.values() if t.accion is A.PUBLICAR] == [E.APROBADO]
    hacia_aprobado = {
        (t.origen, t.accion): set(t.actores)
        for t in TRANSICIONES.values()
        if t.destino is E.APROBADO
    }
    assert hacia_aprobado == {
        (E.VALIDADO_OAP, A.APROBAR): {R.LIDER_PROCESO, R.ALCALDE_LOCAL},
        (E.REMITIDO_APROBADO, A.VALIDAR): {R.PROFESIONAL_OAP, R.JEFE_OAP},
        (E.EN_SEGUIMIENTO, A.REMITIR_MODIFICACION): {R.LIDER_PROCESO, R.ALCALDE_LOCAL},
    }
    assert all(
        t.regla == "CIC-02" for t in TRANSICIONES.values() if t.destino is E.APROBADO
    )
    # A VALIDADO_OAP y a REMITIDO_APROBADO solo se llega con VALIDAR y APROBAR, respectivamente.
    assert {t.accion for t in TRANSICIONES.values() if t.destino is E.VALIDADO_OAP} == {A.VALIDAR}
    assert {t.accion for t in TRANSICIONES.values() if t.destino is E.REMITIDO_APROBADO} == {
        A.APROBAR
    }
    with pytest.raises(ErrorCiclo, match="CIC-02"):
        transicion(E.EN_REVISION_OAP, A.PUBLICAR, R.JEFE_OAP)
    with pytest.raises(ErrorCiclo) as info:
        transicion(E.EN_REVISION_OAP, A.APROBAR, R.LIDER_PROCESO)
    # issue 14: «… never … enum member names — the Spanish name of the thing».
    assert "validar (profesional de la OAP, Jefe de la OAP)" in str(info.value)
    assert "enviar observaciones (profesional de la OAP, Jefe de la OAP)" in str(info.value)


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
            # CIC-02 (Política 1): después de las últimas observaciones de la OAP, el plan fue
            # validado por la OAP y aprobado por el líder, en cualquier orden (Actividad 7).
            previas = historial[:-1]
            ultima = max(
                (i for i, a in enumerate(previas) if a is A.ENVIAR_OBSERVACIONES), default=-1
            )
            despues = previas[ultima + 1:]
            assert A.VALIDAR in despues
            assert A.APROBAR in despues


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


# --- Issue 11, punto 12: Actividad 7 ----------------------------------------------------------


def test_actividad_7_el_lider_remite_el_plan_ajustado_y_aprobado() -> None:
    # Actividad 7: «Realiza los ajustes de acuerdo con las observaciones realizadas por la OAP,
    # y remite a la OAP el plan de gestión aprobado para la vigencia, a través de caso HOLA».
    # Antes del issue 11 APROBAR desde CON_OBSERVACIONES se negaba y había que volver a
    # revisión. Ahora el líder remite el plan aprobado y la OAP lo valida (Política 1: «una vez
    # los mismos están validados y aprobados por el respectivo líder de proceso/Alcalde Local y
    # la Oficina Asesora de Planeación»).
    estado = transicion(E.FORMULACION, A.ENVIAR_A_REVISION, R.ALCALDE_LOCAL)
    estado = transicion(estado, A.ENVIAR_OBSERVACIONES, R.PROFESIONAL_OAP)
    estado = transicion(estado, A.APROBAR, R.ALCALDE_LOCAL)
    assert estado is E.REMITIDO_APROBADO
    # Publicar exige todavía la validación de la OAP (Actividad 8, CIC-02).
    with pytest.raises(ErrorCiclo) as info:
        transicion(estado, A.PUBLICAR, R.OFICINA_COMUNICACIONES)
    assert info.value.codigo == "TRANSICION_INVALIDA"
    assert "CIC-02" in str(info.value)
    # El líder no se valida a sí mismo.
    with pytest.raises(ErrorCiclo) as info:
        transicion(estado, A.VALIDAR, R.ALCALDE_LOCAL)
    assert info.value.codigo == "ROL_NO_AUTORIZADO"
    # Si los ajustes no atienden las observaciones, la OAP las envía de nuevo.
    assert transicion(estado, A.ENVIAR_OBSERVACIONES, R.JEFE_OAP) is E.CON_OBSERVACIONES
    estado = transicion(estado, A.VALIDAR, R.PROFESIONAL_OAP)
    assert estado is E.APROBADO
    assert transicion(estado, A.PUBLICAR, R.OFICINA_COMUNICACIONES) is E.PUBLICADO
    # El ciclo de dos vueltas sigue disponible.
    assert transicion(E.CON_OBSERVACIONES, A.REMITIR_AJUSTES, R.LIDER_PROCESO) is (
        E.EN_REVISION_OAP
    )


# --- Issue 11, punto 13: REMITIR_MODIFICACION con una decisión autorizada -----------------------


def test_remitir_modificacion_exige_una_decision_autorizada() -> None:
    # Política 9, viñeta 9: «La Oficina Asesora de Planeación podrá aprobar o negar la
    # solicitud»; viñeta 10: «Cuando se autorice la modificación del plan de gestión, el líder
    # de proceso o alcalde local … debe remitir a la OAP la versión ajustada a través de Caso
    # Hola».
    seguir = (E.EN_SEGUIMIENTO, A.REMITIR_MODIFICACION, R.LIDER_PROCESO)
    assert transicion(*seguir, decision=_decision()) is E.APROBADO
    with pytest.raises(ErrorCiclo) as info:
        transicion(*seguir)
    assert (info.value.codigo, info.value.campo) == ("MODIFICACION_SIN_DECISION", "decision")
    with pytest.raises(ErrorCiclo) as info:
        transicion(*seguir, decision=_decision("no_elegible"))
    assert (info.value.codigo, info.value.valor) == ("MODIFICACION_NO_AUTORIZADA", "no_elegible")
    assert str(info.value) == (
        "decision: la solicitud sobre la meta M1 es «no elegible»; solo se remite una "
        "modificación autorizada (Política 9, viñetas 9 y 10)"
    )
    # Un caso que la OAP revisa (viñeta 3) se remite solo si la OAP lo autorizó.
    revisar = _decision("requiere_revision_oap")
    with pytest.raises(ErrorCiclo) as info:
        transicion(*seguir, decision=revisar)
    assert info.value.codigo == "MODIFICACION_NO_AUTORIZADA"
    assert "revision_oap_aprobada=True" in str(info.value)
    assert transicion(*seguir, decision=revisar, revision_oap_aprobada=True) is E.APROBADO
    # Un caso no elegible no se vuelve remisible con la revisión.
    with pytest.raises(ErrorCiclo):
        transicion(*seguir, decision=_decision("no_elegible"), revision_oap_aprobada=True)
    with pytest.raises(TipoInvalido) as tipo:
        transicion(*seguir, decision="elegible")
    assert tipo.value.campo == "decision"
    with pytest.raises(TipoInvalido) as tipo:
        transicion(*seguir, decision=revisar, revision_oap_aprobada="sí")  # type: ignore[arg-type]
    assert tipo.value.campo == "revision_oap_aprobada"
    # Las demás acciones no usan la decisión.
    assert transicion(E.EN_SEGUIMIENTO, A.CERRAR, R.JEFE_OAP) is E.CERRADO


def test_docs_ciclo_tiene_la_tabla_de_transiciones() -> None:
    # docs/ciclo.md documenta la máquina de estados como tabla: la misma de TRANSICIONES.
    from pathlib import Path

    texto = (Path(__file__).resolve().parents[1] / "docs" / "ciclo.md").read_text("utf-8")
    filas = set()
    for linea in texto.splitlines():
        celdas = [c.strip() for c in linea.strip().strip("|").split("|")]
        if len(celdas) == 6 and celdas[1] in AccionPlan.__members__:
            filas.add((E[celdas[0]], A[celdas[1]], E[celdas[2]], celdas[4]))
    assert filas == {(t.origen, t.accion, t.destino, t.regla) for t in TRANSICIONES.values()}
    estados = {linea.split("|")[1].strip(" `") for linea in texto.splitlines()
               if linea.startswith("| `")}
    assert estados == {e.name for e in EstadoPlan}


def _tabla_de_docs() -> list[tuple[E, A, E, str]]:
    """Las filas de la tabla de transiciones de ``docs/ciclo.md``: origen, acción, destino y
    la columna «la toman» tal como la escribió el documento (no la tabla del código)."""
    from pathlib import Path

    texto = (Path(__file__).resolve().parents[1] / "docs" / "ciclo.md").read_text("utf-8")
    filas = []
    for linea in texto.splitlines():
        celdas = [c.strip() for c in linea.strip().strip("|").split("|")]
        if len(celdas) == 6 and celdas[1] in AccionPlan.__members__:
            filas.append((E[celdas[0]], A[celdas[1]], E[celdas[2]], celdas[3]))
    return filas


def _un_actor_de_docs(toman: str) -> Rol:
    """Un rol que la columna «la toman» de docs/ciclo.md nombra (el primero que aparezca)."""
    primero = toman.split(",")[0].split(" (")[0]
    return {"OAP": R.PROFESIONAL_OAP, "líder/Alcalde": R.ALCALDE_LOCAL}[primero]


def test_cic01_cada_fila_de_docs_ciclo_se_recorre_con_transicion() -> None:
    """CIC-01 (Actividades 1 a 16; tabla de docs/ciclo.md): cada fila del documento, tomada por
    un rol que esa fila nombra, lleva del origen al destino que el documento escribe; y desde
    cada estado, una acción que el documento no lista para él se rechaza (TRANSICION_INVALIDA).
    """
    filas = _tabla_de_docs()
    assert len(filas) == len(TRANSICIONES) == 16
    for origen, accion, destino, toman in filas:
        actor = _un_actor_de_docs(toman)
        assert transicion(origen, accion, actor, **_extra(accion)) is destino, (origen, accion)
    # Una prohibida por estado, elegida a mano de lo que la tabla de docs NO tiene:
    prohibidas = {
        E.FORMULACION: A.PUBLICAR,  # CIC-02: no se publica sin validar y aprobar
        E.EN_REVISION_OAP: A.APROBAR,  # el líder aprueba después de la validación de la OAP
        E.CON_OBSERVACIONES: A.VALIDAR,  # la OAP espera los ajustes (Actividad 7)
        E.VALIDADO_OAP: A.PUBLICAR,  # falta la aprobación del líder (CIC-02)
        E.REMITIDO_APROBADO: A.PUBLICAR,  # falta que la OAP valide los ajustes (CIC-02)
        E.APROBADO: A.INICIAR_SEGUIMIENTO,  # primero se publica (Actividad 8)
        E.PUBLICADO: A.CERRAR,  # se cierra desde el seguimiento (Actividades 14 a 16)
        E.EN_SEGUIMIENTO: A.ENVIAR_A_REVISION,  # la formulación terminó
        E.CERRADO: A.SOCIALIZAR_RESULTADOS,  # estado final: ninguna acción
    }
    assert set(prohibidas) == set(EstadoPlan)
    en_docs = {(o, a) for o, a, _, _ in filas}
    for estado, accion in prohibidas.items():
        assert (estado, accion) not in en_docs
        with pytest.raises(ErrorCiclo) as info:
            transicion(estado, accion, R.JEFE_OAP)
        assert info.value.codigo == "TRANSICION_INVALIDA"
        assert (info.value.campo, info.value.valor) == ("accion", accion.name)


def test_mensajes_exactos_de_transiciones_rechazadas() -> None:
    """Los mensajes, ``campo`` y ``valor`` de cada rechazo son parte del contrato (issue 13):
    se comparan enteros, escritos a mano desde la tabla de docs/ciclo.md (CIC-01)."""
    # Un estado final no tiene acciones (Actividades 14 a 16: la vigencia terminó).
    with pytest.raises(ErrorCiclo) as info:
        transicion(E.CERRADO, A.CERRAR, R.JEFE_OAP)
    assert str(info.value) == (
        "accion: «cerrar» no está permitida en el estado «cerrado» (CIC-01); acciones "
        "permitidas: ninguna (estado final)"
    )
    # Desde el seguimiento salen tres acciones, separadas por «; » y con quién las toma.
    with pytest.raises(ErrorCiclo) as info:
        transicion(E.EN_SEGUIMIENTO, A.VALIDAR, R.JEFE_OAP)
    assert str(info.value) == (
        "accion: «validar» no está permitida en el estado «en seguimiento» (CIC-01); acciones "
        "permitidas: socializar resultados (profesional de la OAP, Jefe de la OAP); remitir la "
        "modificación (líder del proceso, Alcalde Local); cerrar (profesional de la OAP, Jefe de "
        "la OAP)"
    )
    # Un rol que no toma la acción: la lista de quienes la toman, separada por «, ».
    with pytest.raises(ErrorCiclo) as info:
        transicion(E.VALIDADO_OAP, A.APROBAR, R.JEFE_OAP)
    assert str(info.value) == (
        "rol: «Jefe de la OAP» no puede tomar la acción «aprobar» en el estado «validado por la "
        "OAP» (CIC-02); la toman: líder del proceso, Alcalde Local"
    )
    # Una acción que no es texto ni AccionPlan.
    with pytest.raises(TipoInvalido) as tipo:
        transicion(E.FORMULACION, 5, R.JEFE_OAP)  # type: ignore[arg-type]
    assert str(tipo.value) == "accion: 5 no es un texto ni un AccionPlan"
    assert (tipo.value.campo, tipo.value.valor) == ("accion", 5)


def test_mensajes_exactos_de_remitir_modificacion() -> None:
    """Política 9, viñetas 9 y 10: los rechazos de «remitir la modificación», enteros."""
    seguir = (E.EN_SEGUIMIENTO, A.REMITIR_MODIFICACION, R.ALCALDE_LOCAL)
    with pytest.raises(ErrorCiclo) as info:
        transicion(*seguir)
    assert str(info.value) == (
        "decision: «remitir la modificación» necesita la decisión de la solicitud de "
        "modificación (Política 9, viñeta 10: se remite la versión ajustada cuando se autoriza)"
    )
    assert info.value.valor is None
    with pytest.raises(TipoInvalido) as tipo:
        transicion(*seguir, decision=_decision(), revision_oap_aprobada="sí")  # type: ignore[arg-type]
    assert str(tipo.value) == "revision_oap_aprobada: 'sí' debe ser True o False"
    assert (tipo.value.campo, tipo.value.valor) == ("revision_oap_aprobada", "sí")
    with pytest.raises(TipoInvalido) as tipo:
        transicion(*seguir, decision="elegible")
    assert str(tipo.value) == "decision: 'elegible' debe ser una Decision"
    assert (tipo.value.campo, tipo.value.valor) == ("decision", "elegible")
    # Una decisión sin código de meta que la OAP aún no autorizó (viñeta 3).
    sin_codigo = attrs.evolve(_decision("requiere_revision_oap"), codigo_meta="")
    with pytest.raises(ErrorCiclo) as info:
        transicion(*seguir, decision=sin_codigo)
    assert str(info.value) == (
        "decision: la solicitud sobre la meta (sin código) es «requiere revisión de la OAP»; "
        "solo se remite una modificación autorizada (Política 9, viñetas 9 y 10); la OAP revisa "
        "el caso: si lo autoriza, pase revision_oap_aprobada=True"
    )
    assert (info.value.campo, info.value.valor) == ("decision", "requiere_revision_oap")
