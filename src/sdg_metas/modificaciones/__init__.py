"""Modificación y eliminación de metas (Política de operación 9): reglas ``MOD-*``.

Un líder de proceso o un Alcalde Local pide cambiar o eliminar una meta durante la vigencia.
:func:`evaluar_solicitud` dice si la solicitud es **elegible** y por qué: da un
:class:`Motivo` por cada regla ``MOD-01`` … ``MOD-12``, en orden y sin detenerse en el primer
problema, con la cláusula de la que sale. La Oficina Asesora de Planeación (OAP) sigue siendo
quien decide (Política 9, viñeta 9): la biblioteca nunca da una solicitud por concedida.

>>> import datetime
>>> import attrs
>>> from sdg_metas import Indicador, Meta, Programacion
>>> from sdg_metas.modificaciones import (Medio, Rol, SolicitudModificacion,
...                                       evaluar_solicitud)
>>> meta = Meta(codigo="M1", descripcion="Atender las solicitudes ciudadanas", peso=20,
...             nivel="central", programacion=Programacion("suma", 100, [25, 25, 25, 25]),
...             entregables=["Informe"], indicador=Indicador("Atención", "Atendidas", "Recibidas"))
>>> propuesta = attrs.evolve(meta,
...                          programacion=Programacion("suma", 120, [25, 25, 35, 35]))
>>> solicitud = SolicitudModificacion(
...     meta=meta, fecha=datetime.date(2025, 5, 20), solicitante=Rol.LIDER_PROCESO,
...     medio=Medio.MEMORANDO, destinatario=Rol.JEFE_OAP,
...     justificacion="Aumenta la demanda ciudadana", propuesta=propuesta,
...     trimestres_reportados={1}, vigencia=2025)
>>> decision = evaluar_solicitud(solicitud)
>>> decision.elegibilidad.name, decision.efecto.name
('ELEGIBLE', 'MODIFICAR')
>>> sorted(decision.cambios.trimestres), decision.cambios.aumenta_magnitud
([3, 4], True)
>>> [m.regla for m in decision.motivos if m.cumple is None]
['MOD-09', 'MOD-10', 'MOD-11', 'MOD-12']
>>> print(decision.motivo("MOD-07").mensaje)
solo aumenta la magnitud (100 → 120) y programa trimestres abiertos: puede presentarse en cualquier momento de la vigencia

:func:`solicitud_desde_plan` toma del plan los hechos que la solicitud necesita (modificaciones
previas de la meta, trimestres con seguimiento) y :func:`aplicar_modificacion` produce la
siguiente versión del plan cuando la OAP autoriza la solicitud.

El paquete se parte por asunto: ``_solicitud`` (la solicitud, sus enumeraciones y los
conceptos), ``_decision`` (:class:`Cambios` y :class:`Decision`), ``_reglas`` (las reglas
``MOD-*``, :data:`REGISTRO_MOD` y :func:`evaluar_solicitud`) y ``_aplicar`` (del plan a la
solicitud y de la decisión al plan). El rol (:class:`Rol`) es el mismo del ciclo de vida
(:class:`sdg_metas.ciclo.Actor`).
"""

from __future__ import annotations

from ..ciclo import Rol
from ..modelo import Efecto
from ..reglas import Motivo
from ._aplicar import aplicar_modificacion, solicitud_desde_plan
from ._decision import Cambios, Decision, comparar_metas
from ._reglas import REGISTRO_MOD, ContextoSolicitud, evaluar_solicitud
from ._solicitud import (
    Causal,
    Concepto,
    Elegibilidad,
    Instancia,
    Medio,
    SolicitudModificacion,
)

__all__ = [
    "REGISTRO_MOD",
    "Cambios",
    "Causal",
    "Concepto",
    "ContextoSolicitud",
    "Decision",
    "Efecto",
    "Elegibilidad",
    "Instancia",
    "Medio",
    "Motivo",
    "Rol",
    "SolicitudModificacion",
    "aplicar_modificacion",
    "comparar_metas",
    "evaluar_solicitud",
    "solicitud_desde_plan",
]
