"""CON-02: el ranking de gestión del periodo."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from .._validacion import exigir_iterable, exigir_tipo, mostrar
from ..errores import ErrorModelo, TipoInvalido
from ..modelo import Nivel, PlanDeGestion, Trimestre
from ..numeros import a_decimal, porcentaje
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


def posiciones_ranking(
    calificadas: Iterable[tuple[str, Nivel, Decimal | None]],
    politica: Politica = POLITICA_PLE_PIN_P005_V8,
) -> tuple[tuple[int | None, int], ...]:
    """Las posiciones del ranking (CON-02) de calificaciones ya calculadas, una por plan.

    Recibe ``(unidad, nivel, valor)`` de cada plan (``valor`` es la fracción exacta de
    :attr:`Calificacion.valor`, o ``None``) y devuelve, en el orden del ranking, ``(posicion,
    i)``: la posición olímpica (1, 2, 2, 4) y el índice ``i`` del plan en la entrada. Es el
    mismo orden que :func:`ranking`, para quien califica los planes de a uno y no los tiene
    todos en memoria (``sdg-metas ranking`` con miles de archivos, ``docs/escala.md``): guarda
    solo la unidad, el nivel y el valor de cada uno.

    >>> from decimal import Decimal
    >>> posiciones_ranking([("Usme", "local", Decimal("0.8")), ("Bosa", "local", None),
    ...                     ("Suba", "local", Decimal("0.9")), ("Kennedy", "local", Decimal("0.8"))])
    ((1, 2), (2, 3), (2, 0), (None, 1))
    """
    exigir_iterable(calificadas, "calificadas", "una secuencia de (unidad, nivel, valor)")
    validar_politica(politica)
    con_valor = []
    sin_valor = []
    for i, item in enumerate(calificadas):
        unidad, nivel, valor = _calificada(item, i)
        if valor is None:
            sin_valor.append((unidad, nivel, i))
        else:
            clave = _clave_ranking(valor, politica)
            # copy_negate es exacto y no consulta el contexto decimal (``-x`` redondearía en el
            # de quien llama: con prec=2, −85.25 y −85.10 serían ambos −85).
            con_valor.append((clave.copy_negate(), unidad, nivel, i))
    con_valor.sort()
    sin_valor.sort()
    resultado: list[tuple[int | None, int]] = []
    posicion = 0
    anterior: Decimal | None = None
    for orden, (clave, _unidad, _nivel, i) in enumerate(con_valor, 1):
        if clave != anterior:
            posicion, anterior = orden, clave
        resultado.append((posicion, i))
    resultado.extend((None, i) for _unidad, _nivel, i in sin_valor)
    return tuple(resultado)


def _calificada(item: object, i: int) -> tuple[str, str, Decimal | None]:
    """Un ``(unidad, nivel, valor)`` de :func:`posiciones_ranking`, comprobado."""
    campo = f"calificadas[{i}]"
    if not isinstance(item, tuple) or len(item) != 3:
        raise TipoInvalido(
            f"{campo}: {mostrar(item)} debe ser un trío (unidad, nivel, valor)",
            campo=campo, valor=item,
        )
    unidad, nivel, valor = item
    exigir_tipo(unidad, str, f"{campo}.unidad", "un texto")
    nivel_texto = Nivel.desde_texto(nivel).value
    if valor is None:
        return unidad, nivel_texto, None
    return unidad, nivel_texto, a_decimal(valor, f"{campo}.valor", negativo=True, rango=False)


def _posiciones(
    planes: Sequence[PlanDeGestion], calificaciones: Sequence[Calificacion], politica: Politica
) -> tuple[PosicionRanking, ...]:
    orden = posiciones_ranking(
        ((p.unidad, p.nivel, c.valor) for p, c in zip(planes, calificaciones, strict=True)),
        politica,
    )
    resultado = []
    for posicion, i in orden:
        plan, c = planes[i], calificaciones[i]
        banda = Semaforo.SIN_DATO if posicion is None else semaforo(c.valor, politica)
        resultado.append(PosicionRanking(posicion, plan.unidad, plan.nivel, c, banda))
    return tuple(resultado)
