"""Del plan a la solicitud (:func:`solicitud_desde_plan`) y de la decisión autorizada a la
siguiente versión del plan (:func:`aplicar_modificacion`): unas guardas y, según el
:class:`~sdg_metas.modelo.Efecto`, modificar, eliminar o marcar «Meta eliminada».
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable

import attrs

from .._validacion import exigir_fecha, exigir_tipo, mostrar, nombre_de
from ..ciclo import Rol
from ..errores import ErrorModificacion
from ..modelo import Efecto, Meta, PlanDeGestion, RegistroModificacion, Trimestre
from ..politica import POLITICA_PLE_PIN_P005_V8, Politica
from ._decision import Decision
from ._solicitud import Causal, Concepto, Elegibilidad, Medio, SolicitudModificacion, efecto_pedido


def _cuenta(registro: RegistroModificacion, politica: Politica) -> bool:
    """¿El registro cuenta como la única modificación de la vigencia (MOD-06)? Un aumento,
    según ``INT-21``; una eliminación (marcar «Meta eliminada»), según ``INT-30``."""
    if registro.efecto is not Efecto.MODIFICAR:
        return politica.eliminacion_cuenta_como_modificacion
    return politica.aumento_cuenta_como_modificacion or not registro.solo_aumento


def _modificaciones_previas(plan: PlanDeGestion, codigo_meta: str, politica: Politica) -> int:
    """Las modificaciones de la meta aplicadas en la vigencia del plan que cuentan para MOD-06
    (``INT-21``, ``INT-30``)."""
    return sum(
        1
        for r in plan.modificaciones_de(codigo_meta)
        if r.fecha_aprobacion.year == plan.vigencia and _cuenta(r, politica)
    )


def solicitud_desde_plan(
    plan: PlanDeGestion,
    codigo_meta: str,
    *,
    fecha: datetime.date,
    solicitante: Rol | str,
    medio: Medio | str,
    destinatario: Rol | str,
    justificacion: str,
    propuesta: Meta | None = None,
    eliminar: bool = False,
    conceptos: Iterable[Concepto] = (),
    causal_excepcional: Causal | str | None = None,
    politica: Politica = POLITICA_PLE_PIN_P005_V8,
) -> SolicitudModificacion:
    """Una solicitud sobre la meta ``codigo_meta`` del plan, con los hechos tomados del plan.

    ``modificaciones_previas`` cuenta las modificaciones ya aplicadas a la meta en la vigencia
    del plan (sin las que solo aumentaron la magnitud, ``RegistroModificacion.solo_aumento``, si
    la política dice que no cuentan, ``INT-21``, ni las eliminaciones, ``INT-30``);
    ``trimestres_reportados`` son los trimestres con reporte de la meta; ``vigencia`` es la del
    plan. La meta es la del plan, con el nivel del plan (MOD-01 y MOD-10 juzgan una meta de un
    plan local como local); una propuesta sin nivel toma también el del plan.

    >>> import datetime
    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> plan = plan_ejemplo()
    >>> codigo = plan.metas[0].codigo
    >>> s = solicitud_desde_plan(plan, codigo, fecha=datetime.date(plan.vigencia, 5, 2),
    ...                          solicitante="lider_proceso", medio="memorando",
    ...                          destinatario="jefe_oap", justificacion="Cambio normativo",
    ...                          eliminar=True)
    >>> s.modificaciones_previas, s.vigencia == plan.vigencia
    (0, True)
    """
    exigir_tipo(plan, PlanDeGestion, "plan", "un PlanDeGestion")
    if isinstance(propuesta, Meta) and propuesta.nivel is None:
        propuesta = attrs.evolve(propuesta, nivel=plan.nivel)
    return SolicitudModificacion(
        meta=plan.meta(codigo_meta),
        fecha=fecha,
        solicitante=solicitante,
        medio=medio,
        destinatario=destinatario,
        justificacion=justificacion,
        propuesta=propuesta,
        eliminar=eliminar,
        modificaciones_previas=_modificaciones_previas(plan, codigo_meta, politica),
        trimestres_reportados=plan.trimestres_reportados(codigo_meta),
        conceptos=conceptos,  # el conversor la valida (y acota un iterador infinito)
        causal_excepcional=causal_excepcional,
        vigencia=plan.vigencia,
    )


# --- aplicar: guardas ----------------------------------------------------------------------------


@attrs.frozen(slots=True)
class _Aplicacion:
    """Una solicitud autorizada, ya verificada frente al plan: ``indice`` es la posición de la
    meta en ``plan.metas`` y ``revision`` dice si la OAP aprobó un caso que requería revisión."""

    plan: PlanDeGestion
    solicitud: SolicitudModificacion
    decision: Decision
    fecha_aprobacion: datetime.date
    indice: int
    revision: bool
    politica: Politica


def _exigir_tipos(
    plan: object, solicitud: object, decision: object, fecha: object, revision: object
) -> None:
    exigir_tipo(plan, PlanDeGestion, "plan", "un PlanDeGestion")
    exigir_tipo(solicitud, SolicitudModificacion, "solicitud", "una SolicitudModificacion")
    exigir_tipo(decision, Decision, "decision", "una Decision")
    exigir_fecha(fecha, "fecha_aprobacion")
    exigir_tipo(revision, bool, "revision_oap_aprobada", "True o False")


def _exigir_decision(solicitud: SolicitudModificacion, decision: Decision, revision: bool) -> None:
    """La decisión es ``ELEGIBLE`` (o la OAP revisó el caso) y es la de esta solicitud."""
    if decision.elegibilidad is not Elegibilidad.ELEGIBLE and not revision:
        raise ErrorModificacion(
            f"decision: la solicitud es «{decision.elegibilidad.nombre}»; solo se aplica con "
            "revision_oap_aprobada=True (la OAP revisó y autorizó el caso)",
            codigo="DECISION_NO_ELEGIBLE",
            campo="decision",
            valor=decision.elegibilidad.name,
        )
    codigo, efecto = solicitud.meta.codigo, efecto_pedido(solicitud)
    if decision.efecto is not efecto or decision.codigo_meta not in ("", codigo):
        raise ErrorModificacion(
            f"decision: la decisión ({decision.codigo_meta or '?'}, {nombre_de(decision.efecto)}) "
            f"no corresponde a la solicitud ({codigo}, {nombre_de(efecto)})",
            codigo="DECISION_AJENA",
            campo="decision",
            valor=decision.efecto.name,
        )


def _indice_de_meta(plan: PlanDeGestion, solicitud: SolicitudModificacion) -> int:
    """La posición de la meta de la solicitud en el plan, si el plan tiene esa misma versión."""
    codigo = solicitud.meta.codigo
    indice = next((i for i, m in enumerate(plan.metas) if m.codigo == codigo), None)
    if indice is not None and plan.metas[indice] == solicitud.meta:
        return indice
    problema = (
        "no es una meta del plan"
        if indice is None
        else "no coincide con la meta del plan (la solicitud se hizo sobre otra versión)"
    )
    raise ErrorModificacion(
        f"solicitud.meta: {mostrar(codigo)} {problema}",
        codigo="META_DESACTUALIZADA",
        campo="solicitud.meta",
        valor=codigo,
    )


def _exigir_fecha_aprobacion(
    plan: PlanDeGestion, solicitud: SolicitudModificacion, fecha: datetime.date
) -> None:
    if fecha < solicitud.fecha or fecha.year != plan.vigencia:
        raise ErrorModificacion(
            f"fecha_aprobacion: {fecha.isoformat()} debe ser de la vigencia "
            f"{plan.vigencia} y no anterior a la solicitud ({solicitud.fecha.isoformat()})",
            codigo="FECHA_APROBACION_INVALIDA",
            campo="fecha_aprobacion",
            valor=fecha,
        )


# --- aplicar: un paso por efecto -----------------------------------------------------------------


def _con_registro(
    a: _Aplicacion,
    meta: Meta,
    *,
    desde: Trimestre | None,
    descripcion: str,
    solo_aumento: bool = False,
) -> PlanDeGestion:
    """El plan con ``meta`` en lugar de la de la solicitud y el registro de la modificación."""
    metas = list(a.plan.metas)
    metas[a.indice] = meta
    registro = RegistroModificacion(
        codigo_meta=meta.codigo,
        fecha_solicitud=a.solicitud.fecha,
        fecha_aprobacion=a.fecha_aprobacion,
        efecto=a.decision.efecto,
        desde=desde,
        revision_oap=a.revision,
        descripcion=descripcion,
        solo_aumento=solo_aumento,
    )
    return attrs.evolve(a.plan, metas=metas, modificaciones=(*a.plan.modificaciones, registro))


def _modificar(a: _Aplicacion) -> PlanDeGestion:
    """``MODIFICAR``: la meta se reemplaza por la propuesta."""
    propuesta = a.solicitud.propuesta
    assert propuesta is not None  # la solicitud de MODIFICAR siempre trae propuesta
    cambios = a.decision.cambios
    return _con_registro(
        a,
        propuesta,
        desde=None,
        descripcion=cambios.describir(),
        solo_aumento=cambios.es_solo_aumento(a.politica),
    )


def _eliminar(a: _Aplicacion) -> PlanDeGestion:
    """``ELIMINAR``: la meta sin seguimiento sale del plan, con su historial (MOD-11)."""
    plan, codigo = a.plan, a.solicitud.meta.codigo
    reportados = plan.trimestres_reportados(codigo)
    if reportados:
        raise ErrorModificacion(
            f"solicitud.trimestres_reportados: la meta {mostrar(codigo)} tiene seguimiento en el "
            "plan; no se elimina, se marca como «Meta eliminada» (MOD-11)",
            codigo="META_CON_SEGUIMIENTO",
            campo="solicitud.trimestres_reportados",
            valor=sorted(reportados),
        )
    return attrs.evolve(
        plan,
        metas=[m for i, m in enumerate(plan.metas) if i != a.indice],
        modificaciones=[r for r in plan.modificaciones if r.codigo_meta != codigo],
    )


def _desde(a: _Aplicacion) -> Trimestre:
    """El trimestre desde el que la meta queda «Meta eliminada» (``INT-23``)."""
    numero = Trimestre.de_fecha(a.fecha_aprobacion).numero
    reportados = a.plan.trimestres_reportados(a.solicitud.meta.codigo)
    if (
        a.politica.eliminada_desde_primer_trimestre_sin_seguimiento
        and reportados
        and max(reportados) < numero
    ):
        numero = max(reportados) + 1
    return Trimestre(a.plan.vigencia, numero)


def _marcar_eliminada(a: _Aplicacion) -> PlanDeGestion:
    """``MARCAR_ELIMINADA``: la meta con seguimiento queda «Meta eliminada» (MOD-11)."""
    desde = _desde(a)
    meta = attrs.evolve(a.solicitud.meta, eliminada_desde=desde)
    return _con_registro(a, meta, desde=desde, descripcion=f"Meta eliminada desde {desde}")


_APLICAR: dict[Efecto, Callable[[_Aplicacion], PlanDeGestion]] = {
    Efecto.MODIFICAR: _modificar,
    Efecto.ELIMINAR: _eliminar,
    Efecto.MARCAR_ELIMINADA: _marcar_eliminada,
}


def aplicar_modificacion(
    plan: PlanDeGestion,
    solicitud: SolicitudModificacion,
    decision: Decision,
    fecha_aprobacion: datetime.date,
    *,
    revision_oap_aprobada: bool = False,
    politica: Politica = POLITICA_PLE_PIN_P005_V8,
) -> PlanDeGestion:
    """La siguiente versión del plan, cuando la OAP autoriza la solicitud.

    - ``MODIFICAR``: la meta se reemplaza por la propuesta.
    - ``ELIMINAR`` (sin seguimiento): la meta sale del plan, con su historial.
    - ``MARCAR_ELIMINADA``: la meta queda «Meta eliminada» (``Meta.eliminada_desde``) desde el
      trimestre de ``fecha_aprobacion`` (``INT-23``); sus reportes no cambian.

    Salvo en ``ELIMINAR`` se agrega un :class:`~sdg_metas.RegistroModificacion`, que la siguiente
    solicitud sobre la meta cuenta; su ``solo_aumento`` dice si la modificación solo aumentó la
    magnitud (``MOD-07``, ``INT-21``). Las demás metas no cambian. Una decisión que no es
    ``ELEGIBLE`` se rechaza (``ErrorModificacion``) salvo con ``revision_oap_aprobada=True``: quien
    llama declara que la OAP revisó y autorizó el caso.

    >>> import datetime
    >>> import attrs
    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> from sdg_metas.modificaciones import evaluar_solicitud
    >>> plan = plan_ejemplo()
    >>> pedido = {"solicitante": "lider_proceso", "medio": "memorando", "destinatario": "jefe_oap"}
    >>> s = solicitud_desde_plan(plan, "M1", fecha=datetime.date(2025, 2, 2), eliminar=True,
    ...                          justificacion="Cambio normativo", **pedido)
    >>> d = evaluar_solicitud(s)
    >>> nuevo = aplicar_modificacion(plan, s, d, datetime.date(2025, 2, 10))
    >>> d.efecto is Efecto.MARCAR_ELIMINADA, str(nuevo.metas[0].eliminada_desde)
    (True, '2025-T1')
    >>> nuevo.modificaciones[-1].descripcion
    'Meta eliminada desde 2025-T1'
    >>> aplicar_modificacion(plan, s, attrs.evolve(d, elegibilidad=Elegibilidad.NO_ELEGIBLE),
    ...                      datetime.date(2025, 2, 10))
    Traceback (most recent call last):
    ...
    sdg_metas.errores.ErrorModificacion: decision: la solicitud es «no elegible»; solo se aplica con revision_oap_aprobada=True (la OAP revisó y autorizó el caso)
    """
    _exigir_tipos(plan, solicitud, decision, fecha_aprobacion, revision_oap_aprobada)
    _exigir_decision(solicitud, decision, revision_oap_aprobada)
    indice = _indice_de_meta(plan, solicitud)
    _exigir_fecha_aprobacion(plan, solicitud, fecha_aprobacion)
    revision = revision_oap_aprobada and decision.elegibilidad is not Elegibilidad.ELEGIBLE
    aplicacion = _Aplicacion(
        plan, solicitud, decision, fecha_aprobacion, indice, revision, politica
    )
    return _APLICAR[decision.efecto](aplicacion)
