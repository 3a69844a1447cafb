"""Consolidación (Actividades 12 a 15; Política 9, viñeta 8): reglas ``CON-*``.

- :func:`calificacion` (CON-01): la calificación de un plan en un trimestre, con la contribución
  de cada meta para que se explique sola.
- :func:`ranking` (CON-02): el ranking de gestión del periodo; los empates comparten posición.
  :func:`posiciones_ranking` da el mismo orden a partir de calificaciones ya calculadas.
- :func:`semaforo` (CON-03): la banda de semáforo de un avance.
- :func:`evaluar_plan`: cada meta con su :class:`~sdg_metas.Resultado`, su semáforo y sus
  hallazgos, y la calificación; :func:`filas` / :func:`como_filas` dan filas de valores simples
  y :func:`filas_de_planes`, las de muchos planes a demanda (ver ``docs/escala.md``).
- :func:`consolidado_anual` e :func:`informe_gestion` (CON-04): las filas del cierre de la vigencia.

Todas son funciones puras; las filas son diccionarios de ``str``, ``int``, ``Decimal``, ``date`` o
``None`` con nombres de columna estables en español.

>>> from sdg_metas import calificacion, porcentaje, semaforo
>>> from sdg_metas.ejemplos import plan_ejemplo
>>> c = calificacion(plan_ejemplo(), 2)
>>> porcentaje(c.valor), semaforo(c.valor).name
(Decimal('85.25'), 'VERDE')

Módulos privados del paquete: ``_calificacion`` (CON-01, CON-03 y la validación de argumentos),
``_ranking`` (CON-02), ``_evaluacion`` (evaluación de un plan y sus filas) y ``_anual`` (CON-04).

:data:`REGISTRO_CON` lleva cada regla ``CON-*`` a la función pública que la aplica. A diferencia
de ``REGISTRO_FOR`` o ``REGISTRO_REP``, esas funciones no comparten una firma (la calificación
recibe un plan y un trimestre, el ranking varios planes, el semáforo un valor y el consolidado
una vigencia): el registro ata el código al catálogo, pero no es un protocolo común.

>>> sorted(REGISTRO_CON)
['CON-01', 'CON-02', 'CON-03', 'CON-04']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .. import reglas
from ._anual import consolidado_anual, informe_gestion
from ._calificacion import (
    Calificacion,
    Contribucion,
    Fila,
    Semaforo,
    Situacion,
    calificacion,
    semaforo,
)
from ._evaluacion import (
    EvaluacionMeta,
    EvaluacionPlan,
    como_filas,
    evaluar_plan,
    filas,
    filas_de_planes,
)
from ._ranking import PosicionRanking, posiciones_ranking, ranking

__all__ = [
    "REGISTRO_CON",
    "Calificacion",
    "Contribucion",
    "EvaluacionMeta",
    "EvaluacionPlan",
    "Fila",
    "PosicionRanking",
    "Semaforo",
    "Situacion",
    "calificacion",
    "como_filas",
    "consolidado_anual",
    "evaluar_plan",
    "filas",
    "filas_de_planes",
    "informe_gestion",
    "posiciones_ranking",
    "ranking",
    "semaforo",
]

_FUNCIONES: dict[str, Callable[..., object]] = {
    "CON-01": calificacion,
    "CON-02": ranking,
    "CON-03": semaforo,
    "CON-04": consolidado_anual,  # también informe_gestion
}

#: Regla ``CON-*`` → la función pública que la aplica (sin firma común; ver arriba).
REGISTRO_CON: Mapping[str, Callable[..., object]] = reglas.registro("CON", _FUNCIONES)
