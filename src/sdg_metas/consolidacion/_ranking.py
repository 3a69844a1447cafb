"""CON-02: el ranking de gestión del periodo."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from ..errores import ErrorModelo
from ..modelo import Nivel, PlanDeGestion, Trimestre
from ..numeros import porcentaje
from ..politica import POLITICA_PLE_PIN_P005_V8, Politica
from ._calificacion import (
    Calificacion,
    Semaforo,
    calificacion,
    semaforo,
    validar_planes,
    validar_politica,
)


@attrs.frozen(slots=True)
class PosicionRanking:
    """Un plan en el ranking de gestión (CON-02); ``posicion`` es ``None`` si no tiene
    calificación."""

    posicion: int | None
    unidad: str
    nivel: Nivel
    calificacion: Calificacion
    semaforo: Semaforo

    @property
    def valor(self) -> Decimal | None:
        """La calificación exacta (fracción)."""
        return self.calificacion.valor


def _vigencia_comun(planes: Sequence[PlanDeGestion]) -> None:
    vigencias = sorted({p.vigencia for p in planes})
    if len(vigencias) > 1:
        raise ErrorModelo(
            f"planes: el ranking compara planes de una misma vigencia y se recibieron "
            f"{', '.join(map(str, vigencias))}",
            codigo="VIGENCIAS_DISTINTAS",
            campo="planes",
            valor=vigencias,
        )


def ranking(
    planes: Iterable[PlanDeGestion],
    trimestre: int | Trimestre | str,
    politica: Politica = POLITICA_PLE_PIN_P005_V8,
) -> tuple[PosicionRanking, ...]:
    """El ranking de gestión del periodo (CON-02): clasificación olímpica 1, 2, 2, 4.

    Los planes se ordenan por calificación, de mayor a menor, comparada como porcentaje
    redondeado a ``politica.decimales_ranking`` decimales (``INT-53``); los empates comparten
    posición y se listan por nombre de unidad. Los planes sin calificación van al final, sin
    posición. Todos los planes deben ser de la misma vigencia.

    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> [(p.posicion, p.unidad, p.calificacion.porcentaje) for p in ranking([plan_ejemplo()], 2)]
    [(1, 'Proceso Inspección, Vigilancia y Control', Decimal('85.25'))]
    """
    lista = validar_planes(planes)
    validar_politica(politica)
    _vigencia_comun(lista)
    calificaciones = [calificacion(p, trimestre, politica) for p in lista]
    return _posiciones(lista, calificaciones, politica)


def _clave_ranking(valor: Decimal, politica: Politica) -> Decimal:
    if politica.decimales_ranking is None:
        return valor
    comparado = porcentaje(valor, politica.decimales_ranking)
    assert comparado is not None
    return comparado


def _posiciones(
    planes: Sequence[PlanDeGestion], calificaciones: Sequence[Calificacion], politica: Politica
) -> tuple[PosicionRanking, ...]:
    con_valor = []
    sin_valor = []
    for plan, c in zip(planes, calificaciones, strict=True):
        if c.valor is None:
            sin_valor.append((plan, c))
        else:
            con_valor.append((_clave_ranking(c.valor, politica), plan, c))
    # copy_negate es exacto y no consulta el contexto decimal (``-x`` redondearía en el de
    # quien llama: con prec=2, −85.25 y −85.10 serían ambos −85).
    con_valor.sort(key=lambda x: (x[0].copy_negate(), x[1].unidad, x[1].nivel.value))
    sin_valor.sort(key=lambda x: (x[0].unidad, x[0].nivel.value))
    resultado = []
    posicion = 0
    anterior: Decimal | None = None
    for i, (clave, plan, c) in enumerate(con_valor, 1):
        if clave != anterior:
            posicion, anterior = i, clave
        resultado.append(
            PosicionRanking(posicion, plan.unidad, plan.nivel, c, semaforo(c.valor, politica))
        )
    resultado.extend(
        PosicionRanking(None, plan.unidad, plan.nivel, c, Semaforo.SIN_DATO)
        for plan, c in sin_valor
    )
    return tuple(resultado)


