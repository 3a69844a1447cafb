"""Los cálculos de avance de los cuatro tipos de programación (Actividad 9; Política 9, viñeta 2).

Con ``P1..P4`` lo programado, ``M`` la magnitud, ``E1..Ek`` las ejecuciones reportadas hasta el
trimestre ``k`` y ``LB`` la línea base:

============  ==========================================  ===========================  =========================
tipo          ejecutado a la fecha (EA)                   programado a la fecha (PA)   fórmula del avance
============  ==========================================  ===========================  =========================
SUMA          E1 + … + Ek                                 P1 + … + Pk                  EA / PA
CONSTANTE     media de lo reportado en trimestres          M                            EA / M
              programados (``Politica.modo_constante``)
CRECIENTE     última ejecución reportada                  último Pq programado ≤ k     (EA − LB) / (PA − LB)
DECRECIENTE   última ejecución reportada                  último Pq programado ≤ k     (LB − EA) / (LB − PA)
============  ==========================================  ===========================  =========================

Una razón cuyo denominador es 0 es ``None`` ("no aplica"). Los resultados no se acotan aquí: una
meta que fue en sentido contrario tiene un avance negativo y una sobreejecución es mayor que 1.

>>> from sdg_metas import Programacion, evaluar, porcentaje
>>> r = evaluar(Programacion("suma", 100, [10, 20, 30, 40]), [10, 15, None, None], hasta=2)
>>> r.ejecucion_acumulada, r.programado_acumulado, r.cumplimiento
(Decimal('25'), Decimal('30'), Decimal('0.83333333333333333333333333333333333333333333333333'))
>>> porcentaje(r.cumplimiento), porcentaje(r.avance_trimestre), porcentaje(r.avance_vigencia)
(Decimal('83.33'), Decimal('75.00'), Decimal('25.00'))
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, getcontext, setcontext
from typing import cast

import attrs

from ._validacion import exigir_tipo
from .errores import ErrorProgramacion, TipoInvalido
from .modelo import Numero, Programacion, Trimestre
from .numeros import CONTEXTO, a_decimal_opcional, cifra_valida
from .politica import POLITICA_PLE_PIN_P005_V8, ModoConstante, Politica
from .tipos import TIPOS
from .trimestre import indice_trimestre

__all__ = ["Resultado", "evaluar"]

_TUPLA_O_LISTA = (tuple, list)


@attrs.frozen(slots=True)
class Resultado:
    """Las cifras de una meta a un trimestre, como fracciones (1 = 100 %) o ``None``.

    - ``avance_trimestre``: el trimestre ``hasta`` frente a su propia programación.
    - ``ejecucion_acumulada`` (EA) y ``programado_acumulado`` (PA), en la unidad de la meta.
    - ``cumplimiento``: avance frente a lo programado a la fecha.
    - ``avance_vigencia``: avance frente a la magnitud de todo el año.
    """

    hasta: int
    avance_trimestre: Decimal | None
    ejecucion_acumulada: Decimal | None
    programado_acumulado: Decimal | None
    cumplimiento: Decimal | None
    avance_vigencia: Decimal | None


def _ejecuciones(valores: Sequence[Numero | None]) -> tuple[Decimal | None, ...]:
    if type(valores) in _TUPLA_O_LISTA and len(valores) == 4:
        # Camino rápido (issue 12): un Decimal ya válido (finito, ≥ 0, en el rango de una
        # cifra) o None se comprueba en línea; si hay cualquier otro valor, todos pasan por
        # a_decimal_opcional (que devuelve tal cual los que ya son válidos).
        tupla = tuple(valores)
        for v in tupla:
            if v is not None and not (type(v) is Decimal and cifra_valida(v)):
                break
        else:
            return cast("tuple[Decimal | None, ...]", tupla)
        return tuple(
            a_decimal_opcional(v, f"ejecuciones[T{i}]") for i, v in enumerate(tupla, 1)
        )
    if isinstance(valores, (str, bytes)) or not isinstance(valores, Sequence):
        raise TipoInvalido(
            f"ejecuciones: {valores!r} debe ser una secuencia de cuatro valores (T1..T4)",
            campo="ejecuciones",
            valor=valores,
        )
    if len(valores) != 4:
        raise ErrorProgramacion(
            f"ejecuciones: se esperan exactamente 4 valores (T1..T4) y se recibieron "
            f"{len(valores)}",
            codigo="EJECUCIONES_INVALIDAS",
            campo="ejecuciones",
            valor=valores,
        )
    return tuple(a_decimal_opcional(v, f"ejecuciones[T{i}]") for i, v in enumerate(valores, 1))


def evaluar(
    programacion: Programacion,
    ejecuciones: Sequence[Numero | None],
    hasta: int | Trimestre,
    politica: Politica = POLITICA_PLE_PIN_P005_V8,
) -> Resultado:
    """Evalúa una meta al trimestre ``hasta`` (1..4, o un :class:`~sdg_metas.Trimestre`).

    ``ejecuciones`` son exactamente cuatro valores (T1..T4): un número mayor o igual que 0, o
    ``None`` si no se reportó. Solo cuentan los trimestres 1..``hasta``.

    >>> from sdg_metas import Programacion
    >>> p = Programacion("creciente", 80, [20, 40, 60, 80], linea_base=10)
    >>> r = evaluar(p, [25, 40, None, None], hasta=2)
    >>> r.cumplimiento, r.avance_vigencia
    (Decimal('1'), Decimal('0.42857142857142857142857142857142857142857142857143'))
    >>> evaluar(p, [1, 2, 3, 4], hasta=5)
    Traceback (most recent call last):
    ...
    sdg_metas.errores.ErrorTrimestre: trimestre: 5 no es un trimestre; debe estar entre 1 y 4
    """
    if type(programacion) is not Programacion:
        exigir_tipo(programacion, Programacion, "programacion", "una Programacion")
    if type(politica) is not Politica:
        exigir_tipo(politica, Politica, "politica", "una Politica")
    k = hasta if type(hasta) is int and 1 <= hasta <= 4 else indice_trimestre(hasta) + 1
    valores = _ejecuciones(ejecuciones)
    # Como ``localcontext(CONTEXTO)`` sin copiar el contexto en cada llamada (issue 12): la
    # aritmética se hace en CONTEXTO y el de quien llama se restituye siempre.
    anterior = getcontext()
    setcontext(CONTEXTO)
    try:
        return _evaluar(programacion, valores, k, politica.modo_constante)
    finally:
        setcontext(anterior)


def comprobar_ejecuciones(ejecuciones: Sequence[Numero | None]) -> tuple[Decimal | None, ...]:
    """Las cuatro ejecuciones como las comprueba :func:`evaluar` (uso interno, issue 12): la
    consolidación las comprueba una vez por plan y luego evalúa cada trimestre con
    :func:`evaluar_comprobadas`."""
    return _ejecuciones(ejecuciones)


def evaluar_comprobadas(
    programacion: Programacion,
    ejecuciones: tuple[Decimal | None, ...],
    k: int,
    politica: Politica,
) -> Resultado:
    """:func:`evaluar` para quien ya está dentro de :data:`~sdg_metas.numeros.CONTEXTO`, con
    ejecuciones que ya devolvió :func:`comprobar_ejecuciones` (camino rápido interno, issue 12):
    ``programacion`` y ``politica`` ya se validaron y ``k`` es un entero 1..4 (la consolidación
    y los REP de un plan entran en ``CONTEXTO`` una vez por llamada pública, no una vez por
    meta, y comprueban las ejecuciones de cada meta una sola vez)."""
    return _evaluar(programacion, ejecuciones, k, politica.modo_constante)


def _evaluar(
    p: Programacion, ejecuciones: tuple[Decimal | None, ...], k: int, modo: ModoConstante
) -> Resultado:
    tipo = TIPOS[p.tipo]
    lb = tipo.linea_base(p.linea_base)
    programado = (
        p.trimestres
        if all(p.programados)
        else tuple(v if si else None for v, si in zip(p.trimestres, p.programados, strict=False))
    )
    hasta_k = programado[:k]
    ea = tipo.ejecutado(ejecuciones[:k], hasta_k, p.magnitud, modo)
    pa = tipo.programado_a_la_fecha(hasta_k, p.magnitud)
    avance = tipo.avance
    ek, pk = ejecuciones[k - 1], programado[k - 1]
    return Resultado(
        k,
        None if ek is None or pk is None else avance(ek, pk, lb),
        ea,
        pa,
        None if ea is None or pa is None else avance(ea, pa, lb),
        None if ea is None else avance(ea, p.magnitud, lb),
    )
