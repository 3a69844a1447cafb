"""Los cuatro tipos de programación como datos (Actividad 4 y 9; Política 9, viñeta 2).

Un :class:`ComportamientoTipo` por cada :class:`~sdg_metas.TipoProgramacion` guarda la fila de
la tabla de DESIGN.md: qué trimestres cuentan como programados, cómo se acumulan la ejecución
(EA) y lo programado (PA), la fórmula del avance y la coherencia de FOR-02. Las funciones de la
tabla son pequeñas y puras, reciben valores simples (``Decimal`` y tuplas) y una razón con
denominador 0 es ``None`` ("no aplica"), nunca una excepción.

>>> from decimal import Decimal as D
>>> from sdg_metas import ModoConstante, TipoProgramacion
>>> from sdg_metas.tipos import TIPOS, comportamiento
>>> suma = comportamiento(TipoProgramacion.SUMA)
>>> suma.formula, suma.programados((D(0), D(5), None, D(5)))
('EA / PA', (False, True, False, True))
>>> suma.ejecutado((D(10), None, D(5)), (D(10), D(10), D(10)), D(30), ModoConstante.MEDIA)
Decimal('15')
>>> creciente = TIPOS[TipoProgramacion.CRECIENTE]
>>> creciente.avance(D(30), D(60), creciente.linea_base(D(10)))
Decimal('0.4')
>>> comportamiento("decreciente").avance(D(5), D(5), D(5)) is None
True
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType

import attrs

from .errores import ErrorProgramacion
from .modelo import TipoProgramacion
from .politica import ModoConstante
from .reglas import Hallazgo

__all__ = ["TIPOS", "ComportamientoTipo", "comportamiento"]

_CERO = Decimal(0)

#: Un valor trimestral con su número de trimestre (1..4).
Programado = tuple[int, Decimal]


def razon(numerador: Decimal, denominador: Decimal) -> Decimal | None:
    """``numerador / denominador``, o ``None`` ("no aplica") si el denominador es 0.

    >>> razon(Decimal(1), Decimal(4)), razon(Decimal(1), Decimal(0))
    (Decimal('0.25'), None)
    """
    if denominador.is_zero():
        return None
    return numerador / denominador


def _reportadas(ejecuciones: Sequence[Decimal | None]) -> list[Decimal]:
    return [e for e in ejecuciones if e is not None]


def _ultimo(valores: Sequence[Decimal | None]) -> Decimal | None:
    for v in reversed(valores):
        if v is not None:
            return v
    return None


# --- Ejecutado a la fecha (EA) ----------------------------------------------------------------
# Cada función recibe las ejecuciones E1..Ek, lo programado P1..Pk (None si el trimestre no está
# programado), la magnitud y el modo de la política para CONSTANTE.


def _ea_suma(
    ejecuciones: Sequence[Decimal | None],
    programado: Sequence[Decimal | None],
    magnitud: Decimal,
    modo: ModoConstante,
) -> Decimal | None:
    total, hay = _CERO, False  # un ciclo en vez de una lista y sum (issue 12); mismo orden
    for e in ejecuciones:
        if e is not None:
            total += e
            hay = True
    return total if hay else None


def _ea_constante(
    ejecuciones: Sequence[Decimal | None],
    programado: Sequence[Decimal | None],
    magnitud: Decimal,
    modo: ModoConstante,
) -> Decimal | None:
    pares = [(e, v) for e, v in zip(ejecuciones, programado, strict=False) if v is not None]
    reportadas = _reportadas([e for e, _ in pares])
    if not reportadas:
        return None
    if modo is ModoConstante.MEDIA:
        return sum(reportadas, _CERO) / len(reportadas)
    if modo is ModoConstante.ULTIMO:
        return reportadas[-1]
    return razon(magnitud * sum(reportadas, _CERO), sum((v for _, v in pares), _CERO))


def _ea_ultimo(
    ejecuciones: Sequence[Decimal | None],
    programado: Sequence[Decimal | None],
    magnitud: Decimal,
    modo: ModoConstante,
) -> Decimal | None:
    return _ultimo(ejecuciones)


# --- Programado a la fecha (PA) ---------------------------------------------------------------


def _pa_suma(programado: Sequence[Decimal | None], magnitud: Decimal) -> Decimal | None:
    total = _CERO
    for v in programado:
        if v is not None:
            total += v
    return total


def _pa_magnitud(programado: Sequence[Decimal | None], magnitud: Decimal) -> Decimal | None:
    return magnitud if any(v is not None for v in programado) else None


def _pa_ultimo(programado: Sequence[Decimal | None], magnitud: Decimal) -> Decimal | None:
    return _ultimo(programado)


# --- Fórmula del avance y línea base ----------------------------------------------------------


def _avance_razon(ejecutado: Decimal, objetivo: Decimal, linea_base: Decimal) -> Decimal | None:
    return razon(ejecutado, objetivo)


def _avance_creciente(
    ejecutado: Decimal, objetivo: Decimal, linea_base: Decimal
) -> Decimal | None:
    return razon(ejecutado - linea_base, objetivo - linea_base)


def _avance_decreciente(
    ejecutado: Decimal, objetivo: Decimal, linea_base: Decimal
) -> Decimal | None:
    return razon(linea_base - ejecutado, linea_base - objetivo)


def _lb_cero(base: Decimal | None) -> Decimal:
    return _CERO if base is None else base


def _lb_requerida(base: Decimal | None) -> Decimal:
    if base is None:
        raise ErrorProgramacion(
            "linea_base: una meta decreciente necesita línea base para calcular su avance "
            "(LB − E) / (LB − P)",
            codigo="LINEA_BASE_REQUERIDA",
            campo="linea_base",
            valor=None,
        )
    return base


# --- Coherencia de la formulación (FOR-02) ----------------------------------------------------
# Cada función recibe la magnitud, los trimestres programados [(número, valor)] y la línea base.


def _for02(mensaje: str, campo: str) -> Hallazgo:
    return Hallazgo("FOR-02", mensaje, campo=campo)


def _coherencia_suma(
    magnitud: Decimal, valores: Sequence[Programado], linea_base: Decimal | None
) -> tuple[Hallazgo, ...]:
    total = sum((v for _, v in valores), _CERO)
    if total == magnitud:
        return ()
    return (
        _for02(
            f"tipo suma: la programación trimestral suma {total} y la magnitud es {magnitud}; "
            "deben ser iguales",
            "trimestres",
        ),
    )


def _coherencia_constante(
    magnitud: Decimal, valores: Sequence[Programado], linea_base: Decimal | None
) -> tuple[Hallazgo, ...]:
    distintos = [f"T{i}={v}" for i, v in valores if v != magnitud]
    if not distintos:
        return ()
    return (
        _for02(
            f"tipo constante: cada trimestre programado debe ser igual a la magnitud {magnitud}; "
            f"difieren {', '.join(distintos)}",
            "trimestres",
        ),
    )


def _monotonia(
    nombre: str, sentido: str, fuera_de_orden: Callable[[Decimal, Decimal], bool],
    magnitud: Decimal, valores: Sequence[Programado],
) -> list[Hallazgo]:
    """El orden de los trimestres y el último igual a la magnitud (CRECIENTE, DECRECIENTE)."""
    hallazgos = [
        _for02(f"{nombre}: la programación {sentido} de T{i_a}={a} a T{i_b}={b}", "trimestres")
        for (i_a, a), (i_b, b) in itertools.pairwise(valores)
        if fuera_de_orden(a, b)
    ]
    if valores and valores[-1][1] != magnitud:
        i, ultimo = valores[-1]
        hallazgos.append(
            _for02(
                f"{nombre}: el último trimestre programado (T{i}={ultimo}) debe ser igual a "
                f"la magnitud {magnitud}",
                "trimestres",
            )
        )
    return hallazgos


def _lado_de_la_base(
    nombre: str, creciente: bool, valores: Sequence[Programado], linea_base: Decimal
) -> list[Hallazgo]:
    """Los trimestres programados del lado equivocado de la línea base (CRECIENTE: por debajo;
    DECRECIENTE: por encima). La fórmula del avance divide por ``PA − LB`` (o ``LB − PA``): con
    un Pq así, esa diferencia cambia de signo y ejecutar mejor daría un avance menor. Solo se
    mira cuando la magnitud ya está del lado correcto (si no, ese es el hallazgo)."""
    fuera = [f"T{i}={v}" for i, v in valores if (v < linea_base if creciente else v > linea_base)]
    if not fuera:
        return []
    lado, donde = ("menor", "por debajo") if creciente else ("mayor", "por encima")
    es = f"es {lado}" if len(fuera) == 1 else f"son {lado}es"
    return [
        _for02(
            f"{nombre}: {', '.join(fuera)} {es} que la línea base {linea_base}; ningún trimestre "
            f"programado puede quedar {donde} de la línea base (el avance cambiaría de signo)",
            "trimestres",
        )
    ]


def _coherencia_creciente(
    magnitud: Decimal, valores: Sequence[Programado], linea_base: Decimal | None
) -> tuple[Hallazgo, ...]:
    hallazgos = _monotonia("tipo creciente", "disminuye", lambda a, b: b < a, magnitud, valores)
    if linea_base is not None and magnitud < linea_base:
        hallazgos.append(
            _for02(
                f"tipo creciente: la magnitud {magnitud} es menor que la línea base {linea_base}",
                "magnitud",
            )
        )
    elif linea_base is not None:
        hallazgos.extend(_lado_de_la_base("tipo creciente", True, valores, linea_base))
    return tuple(hallazgos)


def _coherencia_decreciente(
    magnitud: Decimal, valores: Sequence[Programado], linea_base: Decimal | None
) -> tuple[Hallazgo, ...]:
    hallazgos = _monotonia("tipo decreciente", "aumenta", lambda a, b: b > a, magnitud, valores)
    if linea_base is None:
        hallazgos.append(
            _for02(
                "tipo decreciente: falta la línea base; una meta decreciente la necesita y debe ser "
                "mayor que la magnitud",
                "linea_base",
            )
        )
    elif linea_base <= magnitud:
        hallazgos.append(
            _for02(
                f"tipo decreciente: la línea base {linea_base} debe ser mayor que la magnitud "
                f"{magnitud}",
                "linea_base",
            )
        )
    else:
        hallazgos.extend(_lado_de_la_base("tipo decreciente", False, valores, linea_base))
    return tuple(hallazgos)


# --- La tabla ---------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class ComportamientoTipo:
    """La fila de la tabla de un tipo de programación.

    - ``cero_programa``: ¿un trimestre programado en 0 cuenta como programado? (no en SUMA).
    - ``magnitud_positiva``: ¿FOR-01 exige magnitud mayor que 0? (no en DECRECIENTE, que puede
      apuntar a 0).
    - ``ejecutado(E1..Ek, P1..Pk, M, modo)``: la ejecución a la fecha (EA), o ``None``.
    - ``programado_a_la_fecha(P1..Pk, M)``: lo programado a la fecha (PA), o ``None``.
    - ``avance(E, objetivo, LB)``: la fórmula del avance; ``None`` si el denominador es 0.
    - ``linea_base(LB)``: la línea base que usa la fórmula (puede lanzar
      :class:`~sdg_metas.ErrorProgramacion` si el tipo la exige).
    - ``coherencia(M, [(q, Pq)], LB)``: los hallazgos FOR-02 de una formulación.
    - ``ejecutado_texto``, ``programado_texto``, ``formula``, ``coherencia_texto``: la fila en
      palabras.

    En ``P1..Pk`` un trimestre no programado es ``None``.
    """

    tipo: TipoProgramacion
    cero_programa: bool
    magnitud_positiva: bool
    ejecutado: Callable[
        [Sequence[Decimal | None], Sequence[Decimal | None], Decimal, ModoConstante],
        Decimal | None,
    ]
    programado_a_la_fecha: Callable[[Sequence[Decimal | None], Decimal], Decimal | None]
    avance: Callable[[Decimal, Decimal, Decimal], Decimal | None]
    linea_base: Callable[[Decimal | None], Decimal]
    coherencia: Callable[
        [Decimal, Sequence[Programado], Decimal | None], tuple[Hallazgo, ...]
    ]
    ejecutado_texto: str
    programado_texto: str
    formula: str
    coherencia_texto: str

    def programados(self, trimestres: Sequence[Decimal | None]) -> tuple[bool, ...]:
        """Qué trimestres cuentan como programados.

        >>> comportamiento("constante").programados((Decimal(0), None, Decimal(1), None))
        (True, False, True, False)
        """
        mascara = tuple(
            v is not None and (self.cero_programa or not v.is_zero()) for v in trimestres
        )
        return _MASCARAS.setdefault(mascara, mascara)  # a lo sumo 16: se comparten (issue 12)


_MASCARAS: dict[tuple[bool, ...], tuple[bool, ...]] = {}
_ULTIMA = "última ejecución reportada"
_ULTIMO_P = "último Pq programado ≤ k"

TIPOS: Mapping[TipoProgramacion, ComportamientoTipo] = MappingProxyType(
    {
        TipoProgramacion.SUMA: ComportamientoTipo(
            tipo=TipoProgramacion.SUMA,
            cero_programa=False,
            magnitud_positiva=True,
            ejecutado=_ea_suma,
            programado_a_la_fecha=_pa_suma,
            avance=_avance_razon,
            linea_base=_lb_cero,
            coherencia=_coherencia_suma,
            ejecutado_texto="E1 + … + Ek",
            programado_texto="P1 + … + Pk",
            formula="EA / PA",
            coherencia_texto="P1 + P2 + P3 + P4 = M",
        ),
        TipoProgramacion.CONSTANTE: ComportamientoTipo(
            tipo=TipoProgramacion.CONSTANTE,
            cero_programa=True,
            magnitud_positiva=True,
            ejecutado=_ea_constante,
            programado_a_la_fecha=_pa_magnitud,
            avance=_avance_razon,
            linea_base=_lb_cero,
            coherencia=_coherencia_constante,
            ejecutado_texto=(
                "media de lo reportado en trimestres programados (Politica.modo_constante)"
            ),
            programado_texto="M",
            formula="EA / M",
            coherencia_texto="cada Pq programado = M",
        ),
        TipoProgramacion.CRECIENTE: ComportamientoTipo(
            tipo=TipoProgramacion.CRECIENTE,
            cero_programa=True,
            magnitud_positiva=True,
            ejecutado=_ea_ultimo,
            programado_a_la_fecha=_pa_ultimo,
            avance=_avance_creciente,
            linea_base=_lb_cero,
            coherencia=_coherencia_creciente,
            ejecutado_texto=_ULTIMA,
            programado_texto=_ULTIMO_P,
            formula="(EA − LB) / (PA − LB)",
            coherencia_texto="no decrece, último Pq programado = M, M ≥ LB y Pq ≥ LB (si hay LB)",
        ),
        TipoProgramacion.DECRECIENTE: ComportamientoTipo(
            tipo=TipoProgramacion.DECRECIENTE,
            cero_programa=True,
            magnitud_positiva=False,
            ejecutado=_ea_ultimo,
            programado_a_la_fecha=_pa_ultimo,
            avance=_avance_decreciente,
            linea_base=_lb_requerida,
            coherencia=_coherencia_decreciente,
            ejecutado_texto=_ULTIMA,
            programado_texto=_ULTIMO_P,
            formula="(LB − EA) / (LB − PA)",
            coherencia_texto="no crece, último Pq programado = M, LB obligatoria, LB > M y Pq ≤ LB",
        ),
    }
)
"""El comportamiento de cada tipo de programación, de solo lectura."""


def comportamiento(tipo: TipoProgramacion | str) -> ComportamientoTipo:
    """El :class:`ComportamientoTipo` de ``tipo`` (el enum o su nombre en texto).

    >>> comportamiento("Decreciente").formula
    '(LB − EA) / (LB − PA)'
    """
    return TIPOS[TipoProgramacion.desde_texto(tipo)]
