"""Coherencia de la formulación (Actividad 4; Políticas 2, 4 y 9): reglas ``FOR-*``.

Las verificaciones no lanzan excepciones: devuelven una tupla de
:class:`~sdg_metas.Hallazgo`. Una tupla vacía significa coherente.

>>> from sdg_metas import Programacion, verificar_programacion
>>> verificar_programacion(Programacion("suma", 100, [25, 25, 25, 25]))
()
>>> for h in verificar_programacion(Programacion("suma", 100, [25, 25, 25, 20])):
...     print(h.regla, h.mensaje)
FOR-02 SUMA: la programación trimestral suma 95 y la magnitud es 100; deben ser iguales
"""

from __future__ import annotations

import itertools
from decimal import Decimal, localcontext

from .errores import TipoInvalido
from .modelo import Programacion, TipoProgramacion, es_porcentual
from .numeros import CONTEXTO
from .reglas import Hallazgo

__all__ = ["verificar_programacion"]

_CERO = Decimal(0)
_CIEN = Decimal(100)


def verificar_programacion(
    programacion: Programacion, unidad: str | None = None
) -> tuple[Hallazgo, ...]:
    """Verifica FOR-01, FOR-02 y FOR-03 sobre una programación; devuelve los hallazgos.

    ``unidad`` es la unidad de medida de la meta; con ``"%"`` se aplica FOR-03.

    >>> p = Programacion("decreciente", 10, [40, 30, 20, 10])
    >>> [h.regla for h in verificar_programacion(p)]
    ['FOR-02']
    >>> print(verificar_programacion(p)[0].mensaje)
    DECRECIENTE: falta la línea base; una meta decreciente la necesita y debe ser mayor que la magnitud
    """
    if not isinstance(programacion, Programacion):
        raise TipoInvalido(
            f"programacion: {programacion!r} debe ser una Programacion",
            campo="programacion",
            valor=programacion,
        )
    with localcontext(CONTEXTO):
        hallazgos = [*_for_01(programacion), *_for_02(programacion)]
        if es_porcentual(unidad):
            hallazgos.extend(_for_03(programacion))
    return tuple(hallazgos)


def _for_01(p: Programacion) -> list[Hallazgo]:
    hallazgos = []
    if p.tipo is TipoProgramacion.DECRECIENTE:
        pass  # la magnitud ya es >= 0 por construcción: una meta decreciente puede apuntar a 0
    elif p.magnitud <= _CERO:
        hallazgos.append(
            Hallazgo(
                "FOR-01",
                f"magnitud: {p.magnitud} debe ser mayor que 0 en una meta {p.tipo.name}",
            )
        )
    if not any(p.programados):
        detalle = " (en una meta SUMA un 0 no cuenta como programado)" if (
            p.tipo is TipoProgramacion.SUMA
        ) else ""
        hallazgos.append(
            Hallazgo("FOR-01", f"trimestres: ningún trimestre está programado{detalle}")
        )
    return hallazgos


def _programados(p: Programacion) -> list[tuple[int, Decimal]]:
    return [
        (i, v)
        for i, (v, si) in enumerate(zip(p.trimestres, p.programados, strict=False), 1)
        if si and v is not None
    ]


def _for_02(p: Programacion) -> list[Hallazgo]:
    valores = _programados(p)
    tipo = p.tipo
    hallazgos: list[Hallazgo] = []
    if tipo is TipoProgramacion.SUMA:
        total = sum((v for _, v in valores), _CERO)
        if total != p.magnitud:
            hallazgos.append(
                Hallazgo(
                    "FOR-02",
                    f"SUMA: la programación trimestral suma {total} y la magnitud es "
                    f"{p.magnitud}; deben ser iguales",
                )
            )
        return hallazgos
    if tipo is TipoProgramacion.CONSTANTE:
        distintos = [f"T{i}={v}" for i, v in valores if v != p.magnitud]
        if distintos:
            hallazgos.append(
                Hallazgo(
                    "FOR-02",
                    f"CONSTANTE: cada trimestre programado debe ser igual a la magnitud "
                    f"{p.magnitud}; difieren {', '.join(distintos)}",
                )
            )
        return hallazgos
    creciente = tipo is TipoProgramacion.CRECIENTE
    for (i_a, a), (i_b, b) in itertools.pairwise(valores):
        if (creciente and b < a) or (not creciente and b > a):
            sentido = "disminuye" if creciente else "aumenta"
            hallazgos.append(
                Hallazgo(
                    "FOR-02",
                    f"{tipo.name}: la programación {sentido} de T{i_a}={a} a T{i_b}={b}",
                )
            )
    if valores and valores[-1][1] != p.magnitud:
        i, ultimo = valores[-1]
        hallazgos.append(
            Hallazgo(
                "FOR-02",
                f"{tipo.name}: el último trimestre programado (T{i}={ultimo}) debe ser igual a "
                f"la magnitud {p.magnitud}",
            )
        )
    lb = p.linea_base
    if creciente:
        if lb is not None and p.magnitud < lb:
            hallazgos.append(
                Hallazgo(
                    "FOR-02",
                    f"CRECIENTE: la magnitud {p.magnitud} es menor que la línea base {lb}",
                )
            )
    elif lb is None:
        hallazgos.append(
            Hallazgo(
                "FOR-02",
                "DECRECIENTE: falta la línea base; una meta decreciente la necesita y debe ser "
                "mayor que la magnitud",
            )
        )
    elif lb <= p.magnitud:
        hallazgos.append(
            Hallazgo(
                "FOR-02",
                f"DECRECIENTE: la línea base {lb} debe ser mayor que la magnitud {p.magnitud}",
            )
        )
    return hallazgos


def _for_03(p: Programacion) -> list[Hallazgo]:
    excesos = []
    if p.magnitud > _CIEN:
        excesos.append(f"magnitud={p.magnitud}")
    excesos.extend(
        f"T{i}={v}" for i, v in enumerate(p.trimestres, 1) if v is not None and v > _CIEN
    )
    if p.linea_base is not None and p.linea_base > _CIEN:
        excesos.append(f"linea_base={p.linea_base}")
    if not excesos:
        return []
    return [
        Hallazgo(
            "FOR-03",
            f"%: una meta en porcentaje no puede superar 100; supera {', '.join(excesos)}",
        )
    ]
