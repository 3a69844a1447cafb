"""El ciclo de vida de un plan de gestión (Actividades 1 a 9 y 13 a 16; Políticas 1, 6, 7 y 9):
reglas ``CIC-*``.

Un plan pasa por formulación, revisión de la OAP, observaciones y ajustes (las veces que haga
falta), validación de la OAP, aprobación del líder de proceso o Alcalde Local por caso HOLA,
publicación, seguimiento y cierre. :data:`TRANSICIONES` es la tabla: cada transición permitida
dice quién puede tomarla y de qué cláusula sale. :func:`transicion` aplica una acción o explica
por qué no se puede (``ErrorCiclo``, con las acciones permitidas desde ese estado).

CIC-02 está en la tabla: ``PUBLICAR`` solo sale de ``APROBADO``; a ``APROBADO`` se llega
desde ``VALIDADO_OAP`` (la OAP validó el plan) por la aprobación del líder o Alcalde Local
(caso HOLA); desde ``REMITIDO_APROBADO`` (el líder ajustó el plan según las observaciones y lo
remitió aprobado por caso HOLA, Actividad 7) cuando la OAP lo valida; o desde
``EN_SEGUIMIENTO`` cuando el líder remite por caso HOLA la versión de una modificación que la
OAP autorizó (Política 9, viñeta 10): esa acción exige la :class:`~sdg_metas.modificaciones.
Decision` autorizada (``decision=``). La tabla completa está en ``docs/ciclo.md``.

>>> from sdg_metas import AccionPlan, Actor, EstadoPlan, transicion
>>> e = transicion(EstadoPlan.FORMULACION, AccionPlan.ENVIAR_A_REVISION, Actor.LIDER_PROCESO)
>>> e = transicion(e, AccionPlan.VALIDAR, Actor.PROFESIONAL_OAP)
>>> e = transicion(e, AccionPlan.APROBAR, Actor.ALCALDE_LOCAL)
>>> e.name
'APROBADO'
>>> transicion(EstadoPlan.VALIDADO_OAP, AccionPlan.PUBLICAR, Actor.PROFESIONAL_OAP)
Traceback (most recent call last):
...
sdg_metas.errores.ErrorCiclo: accion: «publicar» no está permitida en el estado «validado por la OAP» (CIC-02: Un plan se publica solo después de ser aprobado por su líder de proceso o Alcalde Local y validado por la Oficina Asesora de Planeación.); acciones permitidas: aprobar (líder del proceso, Alcalde Local)
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from ._validacion import EnumTexto, mostrar
from .errores import ErrorCiclo, TipoInvalido
from .reglas import REGLAS

__all__ = [
    "TRANSICIONES",
    "AccionPlan",
    "Actor",
    "EstadoPlan",
    "Rol",
    "Transicion",
    "acciones_permitidas",
    "transicion",
]

_P = "PLE-PIN-P005 v8"


class EstadoPlan(
    EnumTexto,
    campo="estado",
    nombres={
        "FORMULACION": "formulación",
        "EN_REVISION_OAP": "en revisión de la OAP",
        "VALIDADO_OAP": "validado por la OAP",
    },
):
    """Los estados de un plan de gestión en su vigencia (CIC-01).

    ``VALIDADO_OAP`` (la OAP verificó el plan sin observaciones pendientes; espera la aprobación
    del líder por caso HOLA) y ``REMITIDO_APROBADO`` (el líder ajustó el plan y lo remitió
    aprobado por caso HOLA, Actividad 7; espera que la OAP valide los ajustes) separan las dos
    condiciones de CIC-02.
    """

    FORMULACION = "formulacion"
    EN_REVISION_OAP = "en_revision_oap"
    CON_OBSERVACIONES = "con_observaciones"
    VALIDADO_OAP = "validado_oap"
    REMITIDO_APROBADO = "remitido_aprobado"
    APROBADO = "aprobado"
    PUBLICADO = "publicado"
    EN_SEGUIMIENTO = "en_seguimiento"
    CERRADO = "cerrado"


class AccionPlan(
    EnumTexto,
    campo="accion",
    nombres={
        "ESTABLECER_METODOLOGIA": "establecer la metodología",
        "CONSULTAR_CIUDADANIA": "consultar a la ciudadanía",
        "ENVIAR_A_REVISION": "enviar a revisión",
        "REMITIR_MODIFICACION": "remitir la modificación",
    },
):
    """Las acciones que mueven (o mantienen) un plan en su ciclo de vida (CIC-01)."""

    ESTABLECER_METODOLOGIA = "establecer_metodologia"
    REALIZAR_MESA_DE_TRABAJO = "realizar_mesa_de_trabajo"
    CONSULTAR_CIUDADANIA = "consultar_ciudadania"
    ENVIAR_A_REVISION = "enviar_a_revision"
    ENVIAR_OBSERVACIONES = "enviar_observaciones"
    REMITIR_AJUSTES = "remitir_ajustes"
    VALIDAR = "validar"
    APROBAR = "aprobar"
    PUBLICAR = "publicar"
    INICIAR_SEGUIMIENTO = "iniciar_seguimiento"
    SOCIALIZAR_RESULTADOS = "socializar_resultados"
    REMITIR_MODIFICACION = "remitir_modificacion"
    CERRAR = "cerrar"


class Rol(
    EnumTexto,
    campo="rol",
    nombres={
        "LIDER_PROCESO": "líder del proceso",
        "ALCALDE_LOCAL": "Alcalde Local",
        "PROFESIONAL_OAP": "profesional de la OAP",
        "JEFE_OAP": "Jefe de la OAP",
        "OFICINA_COMUNICACIONES": "Oficina Asesora de Comunicaciones",
        "EQUIPO_PROCESO": "equipo del proceso",
    },
):
    """Quién toma una acción del ciclo de vida (los responsables de las actividades), quién
    presenta una solicitud de modificación y a quién se dirige (Política 9, viñeta 1).

    Un solo enum sirve al ciclo de vida y a las solicitudes; ``Actor`` es otro nombre de
    ``Rol``. ``OTRO`` no toma ninguna acción del ciclo de vida.

    ``desde_texto`` lo lee por su nombre o su valor, sin importar mayúsculas ni tildes
    (``"alcalde local"``, ``"JEFE_OAP"`` …; ``ErrorModelo`` ``ROL_DESCONOCIDO`` si no existe);
    ``nombre`` es como lo nombran los mensajes:

    >>> Rol.desde_texto("Alcalde local")
    <Rol.ALCALDE_LOCAL: 'alcalde_local'>
    >>> Rol.JEFE_OAP.nombre, Rol.LIDER_PROCESO.nombre
    ('Jefe de la OAP', 'líder del proceso')
    >>> Actor is Rol
    True
    """

    LIDER_PROCESO = "lider_proceso"
    ALCALDE_LOCAL = "alcalde_local"
    PROFESIONAL_OAP = "profesional_oap"
    JEFE_OAP = "jefe_oap"
    OFICINA_COMUNICACIONES = "oficina_comunicaciones"
    EQUIPO_PROCESO = "equipo_proceso"
    OTRO = "otro"


#: Otro nombre de :class:`Rol` (quien toma una acción del ciclo de vida).
Actor = Rol


@attrs.frozen(slots=True)
class Transicion:
    """Una transición permitida: de ``origen`` con ``accion`` a ``destino``; la toman los
    ``actores`` y sale de ``fuente`` (regla ``regla``)."""

    origen: EstadoPlan
    accion: AccionPlan
    destino: EstadoPlan
    actores: tuple[Rol, ...]
    fuente: str
    regla: str = "CIC-01"


_E, _A, _R = EstadoPlan, AccionPlan, Rol
_LIDERES = (_R.LIDER_PROCESO, _R.ALCALDE_LOCAL)
_OAP = (_R.PROFESIONAL_OAP, _R.JEFE_OAP)

_TABLA = (
    Transicion(_E.FORMULACION, _A.ESTABLECER_METODOLOGIA, _E.FORMULACION, _OAP,
               f"{_P}, Actividad 1"),
    Transicion(_E.FORMULACION, _A.REALIZAR_MESA_DE_TRABAJO, _E.FORMULACION,
               (*_OAP, *_LIDERES, _R.EQUIPO_PROCESO), f"{_P}, Actividad 2"),
    Transicion(_E.FORMULACION, _A.CONSULTAR_CIUDADANIA, _E.FORMULACION,
               (*_LIDERES, _R.EQUIPO_PROCESO), f"{_P}, Política de operación 7"),
    Transicion(_E.FORMULACION, _A.ENVIAR_A_REVISION, _E.EN_REVISION_OAP, _LIDERES,
               f"{_P}, Actividad 3 (formatos PLE-PIN-F017 / PLE-PIN-F018, correo electrónico)"),
    Transicion(_E.EN_REVISION_OAP, _A.ENVIAR_OBSERVACIONES, _E.CON_OBSERVACIONES, _OAP,
               f"{_P}, Actividades 4, 5 (sí) y 6"),
    Transicion(_E.CON_OBSERVACIONES, _A.REMITIR_AJUSTES, _E.EN_REVISION_OAP, _LIDERES,
               f"{_P}, Actividad 7 (ajustes según las observaciones de la OAP)"),
    Transicion(_E.CON_OBSERVACIONES, _A.APROBAR, _E.REMITIDO_APROBADO, _LIDERES,
               f"{_P}, Actividad 7 (realiza los ajustes y remite el plan aprobado por caso "
               "HOLA); Política de operación 6"),
    Transicion(_E.REMITIDO_APROBADO, _A.ENVIAR_OBSERVACIONES, _E.CON_OBSERVACIONES, _OAP,
               f"{_P}, Actividades 4, 5 (sí) y 6 (los ajustes no atienden las observaciones)"),
    Transicion(_E.REMITIDO_APROBADO, _A.VALIDAR, _E.APROBADO, _OAP,
               f"{_P}, Actividad 8 (la OAP consolida los planes aprobados); Política de "
               "operación 1", "CIC-02"),
    Transicion(_E.EN_REVISION_OAP, _A.VALIDAR, _E.VALIDADO_OAP, _OAP,
               f"{_P}, Actividades 4 y 5 (no requiere ajustes); Política de operación 1",
               "CIC-02"),
    Transicion(_E.VALIDADO_OAP, _A.APROBAR, _E.APROBADO, _LIDERES,
               f"{_P}, Actividad 7 (plan aprobado remitido por caso HOLA); Políticas de "
               "operación 1 y 6", "CIC-02"),
    Transicion(_E.APROBADO, _A.PUBLICAR, _E.PUBLICADO, (*_OAP, _R.OFICINA_COMUNICACIONES),
               f"{_P}, Actividad 8; Política de operación 1", "CIC-02"),
    Transicion(_E.PUBLICADO, _A.INICIAR_SEGUIMIENTO, _E.EN_SEGUIMIENTO,
               (*_LIDERES, _R.EQUIPO_PROCESO), f"{_P}, Actividad 9 (primer reporte trimestral)"),
    Transicion(_E.EN_SEGUIMIENTO, _A.SOCIALIZAR_RESULTADOS, _E.EN_SEGUIMIENTO, _OAP,
               f"{_P}, Actividad 13"),
    Transicion(_E.EN_SEGUIMIENTO, _A.REMITIR_MODIFICACION, _E.APROBADO, _LIDERES,
               f"{_P}, Política de operación 9, viñetas 9 y 10 (versión ajustada por caso HOLA, "
               "cuando la OAP autoriza la modificación); Política de operación 6", "CIC-02"),
    Transicion(_E.EN_SEGUIMIENTO, _A.CERRAR, _E.CERRADO, _OAP,
               f"{_P}, Actividades 14 a 16"),
)

#: La tabla de transiciones, de solo lectura, por (estado de origen, acción).
TRANSICIONES: Mapping[tuple[EstadoPlan, AccionPlan], Transicion] = MappingProxyType(
    {(t.origen, t.accion): t for t in _TABLA}
)


def acciones_permitidas(estado: EstadoPlan | str) -> tuple[Transicion, ...]:
    """Las transiciones que salen de ``estado``, en el orden de la tabla.

    >>> [t.accion.name for t in acciones_permitidas("en seguimiento")]
    ['SOCIALIZAR_RESULTADOS', 'REMITIR_MODIFICACION', 'CERRAR']
    >>> acciones_permitidas(EstadoPlan.CERRADO)
    ()
    """
    origen = EstadoPlan.desde_texto(estado)
    return tuple(t for t in _TABLA if t.origen is origen)


def _lista(transiciones: tuple[Transicion, ...]) -> str:
    if not transiciones:
        return "ninguna (estado final)"
    return "; ".join(
        f"{t.accion.nombre} ({', '.join(a.nombre for a in t.actores)})" for t in transiciones
    )


def transicion(
    estado: EstadoPlan | str,
    accion: AccionPlan | str,
    rol: Rol | str,
    *,
    decision: object = None,
    revision_oap_aprobada: bool = False,
) -> EstadoPlan:
    """El estado al que pasa el plan cuando ``rol`` toma ``accion`` en ``estado`` (CIC-01).

    Una acción que no sale de ese estado, o que ese rol no puede tomar, es un ``ErrorCiclo``
    (``codigo`` ``TRANSICION_INVALIDA`` o ``ROL_NO_AUTORIZADO``) que lista las acciones
    permitidas desde el estado y quién puede tomarlas.

    ``REMITIR_MODIFICACION`` (Política 9, viñetas 9 y 10: se remite la versión ajustada
    «cuando se autorice la modificación») exige ``decision``, la
    :class:`~sdg_metas.modificaciones.Decision` de la solicitud: ``ELEGIBLE``, o
    ``REQUIERE_REVISION_OAP`` con ``revision_oap_aprobada=True`` (la OAP revisó el caso y lo
    autorizó). Sin ella es ``ErrorCiclo`` ``MODIFICACION_SIN_DECISION``; con otra,
    ``MODIFICACION_NO_AUTORIZADA``. Las demás acciones no usan ``decision``.

    >>> transicion("en revision oap", "enviar_observaciones", "profesional_oap").name
    'CON_OBSERVACIONES'
    >>> transicion(EstadoPlan.APROBADO, AccionPlan.PUBLICAR, Actor.LIDER_PROCESO)
    Traceback (most recent call last):
    ...
    sdg_metas.errores.ErrorCiclo: rol: «líder del proceso» no puede tomar la acción «publicar» en el estado «aprobado» (CIC-02); la toman: profesional de la OAP, Jefe de la OAP, Oficina Asesora de Comunicaciones
    """
    origen = EstadoPlan.desde_texto(estado)
    if not isinstance(accion, (AccionPlan, str)):
        raise TipoInvalido(
            f"accion: {mostrar(accion)} no es un texto ni un AccionPlan", campo="accion", valor=accion
        )
    paso = AccionPlan.desde_texto(accion)
    actor = Rol.desde_texto(rol)
    permitida = _permitida(origen, paso)
    if actor not in permitida.actores:
        raise ErrorCiclo(
            f"rol: «{actor.nombre}» no puede tomar la acción «{paso.nombre}» en el estado "
            f"«{origen.nombre}» ({permitida.regla}); la toman: "
            f"{', '.join(a.nombre for a in permitida.actores)}",
            codigo="ROL_NO_AUTORIZADO",
            campo="rol",
            valor=actor.name,
        )
    if paso is AccionPlan.REMITIR_MODIFICACION:
        _exigir_autorizacion(decision, revision_oap_aprobada)
    return permitida.destino


def _exigir_autorizacion(decision: object, revision_oap_aprobada: object) -> None:
    """La modificación que se remite está autorizada (Política 9, viñetas 9 y 10)."""
    from .modificaciones import Decision, Elegibilidad

    if not isinstance(revision_oap_aprobada, bool):
        raise TipoInvalido(
            f"revision_oap_aprobada: {mostrar(revision_oap_aprobada)} debe ser True o False",
            campo="revision_oap_aprobada",
            valor=revision_oap_aprobada,
        )
    if decision is None:
        raise ErrorCiclo(
            "decision: «remitir la modificación» necesita la decisión de la solicitud de modificación "
            "(Política 9, viñeta 10: se remite la versión ajustada cuando se autoriza)",
            codigo="MODIFICACION_SIN_DECISION",
            campo="decision",
            valor=None,
        )
    if not isinstance(decision, Decision):
        raise TipoInvalido(
            f"decision: {mostrar(decision)} debe ser una Decision", campo="decision", valor=decision
        )
    elegibilidad = decision.elegibilidad
    revisada = elegibilidad is Elegibilidad.REQUIERE_REVISION_OAP and revision_oap_aprobada
    if elegibilidad is Elegibilidad.ELEGIBLE or revisada:
        return
    texto = elegibilidad.nombre
    pista = (
        "; la OAP revisa el caso: si lo autoriza, pase revision_oap_aprobada=True"
        if elegibilidad is Elegibilidad.REQUIERE_REVISION_OAP
        else ""
    )
    raise ErrorCiclo(
        f"decision: la solicitud sobre la meta {decision.codigo_meta or '(sin código)'} es "
        f"«{texto}»; solo se remite una modificación autorizada (Política 9, viñetas 9 y 10)"
        f"{pista}",
        codigo="MODIFICACION_NO_AUTORIZADA",
        campo="decision",
        valor=elegibilidad.value,
    )


def _permitida(origen: EstadoPlan, paso: AccionPlan) -> Transicion:
    """La transición de la tabla para ``paso`` desde ``origen``, o ``ErrorCiclo`` con las
    acciones permitidas desde ese estado."""
    permitida = TRANSICIONES.get((origen, paso))
    if permitida is not None:
        return permitida
    regla = "CIC-01"
    if paso is AccionPlan.PUBLICAR:
        regla = f"CIC-02: {REGLAS['CIC-02'].enunciado}"
    raise ErrorCiclo(
        f"accion: «{paso.nombre}» no está permitida en el estado «{origen.nombre}» ({regla}); "
        f"acciones permitidas: {_lista(acciones_permitidas(origen))}",
        codigo="TRANSICION_INVALIDA",
        campo="accion",
        valor=paso.name,
    )
