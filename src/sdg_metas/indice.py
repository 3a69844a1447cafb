"""El índice de un plan de gestión: código → meta y sus reportes por trimestre (uso interno).

:class:`~sdg_metas.PlanDeGestion` lo arma la primera vez que alguien lo consulta
(``meta``, ``reportes_de``, ``ejecuciones``, ``trimestres_reportados``) y lo guarda: un plan
que solo se construye y se guarda no lo paga (issue 12, memoria por meta). Es compacto: guarda
la posición de la primera meta de cada código y los reportes del plan ordenados por meta y
trimestre, con el límite de cada meta; si los reportes del plan ya venían en ese orden (como los
escriben los cargadores y la mayoría de quienes arman un plan), no guarda otra tupla.

Supone las invariantes del plan (:func:`~sdg_metas.problemas_del_plan`): cada reporte es de una
meta del plan cuyo código no está repetido, de la vigencia del plan, y hay a lo sumo uno por
meta y trimestre. Nada aquí construye objetos del modelo: solo los mira.

>>> from sdg_metas import ejemplos
>>> plan = ejemplos.plan_ejemplo()
>>> indice = IndicePlan(plan.metas, plan.reportes)
>>> indice.posicion("M2"), indice.posicion("X") is None
(1, True)
>>> [r.trimestre.numero for r in indice.reportes(4)]
[2, 3, 4]
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import accumulate
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .modelo import Meta, Reporte

__all__ = ["IndicePlan"]


class IndicePlan:
    """Código → posición de su primera meta; posición → sus reportes, ordenados por trimestre.

    Inmutable una vez armado; el plan lo guarda en un campo privado que no entra en su igualdad,
    su ``hash`` ni su representación.
    """

    __slots__ = ("_limites", "_ordenados", "_posicion")

    def __init__(self, metas: Sequence[Meta], reportes: tuple[Reporte, ...]) -> None:
        posicion: dict[str, int] = {}
        for i, meta in enumerate(metas):
            posicion.setdefault(meta.codigo, i)
        # todos son de la vigencia del plan: ordenar por número es ordenar por trimestre
        claves = [posicion[r.codigo_meta] * 4 + r.trimestre.numero for r in reportes]
        orden = sorted(range(len(reportes)), key=claves.__getitem__)
        if orden == list(range(len(reportes))):
            self._ordenados = reportes  # ya venían en orden: no se guarda otra tupla
        else:
            self._ordenados = tuple(reportes[k] for k in orden)
        cuantos = [0] * len(metas)
        for clave in claves:
            cuantos[(clave - 1) // 4] += 1
        self._limites = array("q", accumulate(cuantos, initial=0))
        self._posicion = posicion

    def posicion(self, codigo: str) -> int | None:
        """La posición en el plan de la primera meta con ese código, o ``None``."""
        return self._posicion.get(codigo)

    def reportes(self, posicion: int) -> tuple[Reporte, ...]:
        """Los reportes de la meta en esa posición, ordenados por trimestre."""
        return self._ordenados[self._limites[posicion] : self._limites[posicion + 1]]
