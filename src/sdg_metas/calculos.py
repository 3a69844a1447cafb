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

from collections.abc import Mapping, Sequence
from decimal import Decimal, getcontext, localcontext, setcontext
from types import MappingProxyType

import attrs

from ._validacion import exigir_tipo, fijadores, mostrar
from .errores import ErrorProgramacion, TipoInvalido
from .modelo import (
    Numero,
    PlanDeGestion,
    Programacion,
    TipoProgramacion,
    Trimestre,
    memoria_del_plan,
)
from .numeros import CONTEXTO, a_decimal_opcional, cifras_validas
from .politica import POLITICA_PLE_PIN_P005_V8, ModoConstante, Politica
from .tipos import TIPOS
from .trimestre import indice_trimestre

__all__ = ["Resultado", "evaluar"]

_TUPLA_O_LISTA = (tuple, list)

#: Cuatro ejecuciones T1..T4 ya comprobadas (ver :func:`comprobar_ejecuciones`).
Ejecuciones = tuple[Decimal | None, ...]


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


# Un Resultado armado campo por campo (issue 12): Resultado no tiene validadores, conversores ni
# __attrs_post_init__, así que poner sus seis ranuras es lo mismo que su __init__, sin pasar seis
# veces por object.__setattr__. Si Resultado gana o pierde un campo, este desempaque falla al
# importar; tests/test_calculos.py compara con Resultado(...).
_nuevo = object.__new__
_h, _at, _ea, _pa, _cu, _av = fijadores(Resultado)


def _ejecuciones(valores: Sequence[Numero | None]) -> tuple[Decimal | None, ...]:
    if type(valores) in _TUPLA_O_LISTA and len(valores) == 4:
        # Camino rápido (issue 12): un Decimal ya válido (finito, ≥ 0, en el rango de una
        # cifra) o None se comprueba en línea; si hay cualquier otro valor, todos pasan por
        # a_decimal_opcional (que devuelve tal cual los que ya son válidos).
        tupla = tuple(valores)
        if cifras_validas(tupla):
            return tupla
        return tuple(
            a_decimal_opcional(v, f"ejecuciones[T{i}]") for i, v in enumerate(tupla, 1)
        )
    if isinstance(valores, (str, bytes)) or not isinstance(valores, Sequence):
        raise TipoInvalido(
            f"ejecuciones: {mostrar(valores)} debe ser una secuencia de cuatro valores (T1..T4)",
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
    valores = (
        ejecuciones  # camino rápido: cuatro Decimal válidos o None, tal cual (sin copiarlos)
        if type(ejecuciones) is tuple and len(ejecuciones) == 4 and cifras_validas(ejecuciones)
        else _ejecuciones(ejecuciones)
    )
    # Como ``localcontext(CONTEXTO)`` sin copiar el contexto en cada llamada (issue 12): la
    # aritmética se hace en CONTEXTO y el de quien llama se restituye siempre.
    anterior = getcontext()
    setcontext(CONTEXTO)
    try:
        return _resultados(programacion, valores, politica.modo_constante, k - 1, k)[0]
    finally:
        setcontext(anterior)


def comprobar_ejecuciones(ejecuciones: Sequence[Numero | None]) -> Ejecuciones:
    """Las cuatro ejecuciones como las comprueba :func:`evaluar` (uso interno, issue 12): quien
    las comprueba una vez las evalúa luego con :func:`evaluar_comprobadas` o
    :func:`evaluar_trimestres` sin volver a hacerlo (:func:`ejecuciones_del_plan`, una vez por
    plan)."""
    return _ejecuciones(ejecuciones)


def evaluar_comprobadas(
    programacion: Programacion,
    ejecuciones: tuple[Decimal | None, ...],
    k: int,
    politica: Politica,
) -> Resultado:
    """:func:`evaluar` para quien ya está dentro de :data:`~sdg_metas.numeros.CONTEXTO`, con
    ejecuciones que ya devolvió :func:`comprobar_ejecuciones` (camino rápido interno, issue 12):
    ``programacion`` y ``politica`` ya se validaron y ``k`` es un entero 1..4. Lo usa
    :func:`~sdg_metas.verificar_reporte`; un plan entero usa :func:`resultados_del_plan`."""
    return _resultados(programacion, ejecuciones, politica.modo_constante, k - 1, k)[0]


# --- El núcleo (issue 12) ---------------------------------------------------------------------
# Las fórmulas de la tabla de ``tipos`` en una sola pasada por los trimestres, para quien ya está
# en CONTEXTO. Dan las mismas cifras, dígito por dígito, que las funciones de ``TIPOS`` (mismo
# orden de las sumas, misma primera suma 0 + E1, la misma razón «no aplica» con denominador 0);
# tests/test_calculos.py lo prueba para los cuatro tipos y los tres modos. Cada función
# de tipo recorre T1..Tk y arma el Resultado de cada trimestre desde el índice ``desde``.

_CERO = Decimal(0)
_SUMA, _CONSTANTE = TipoProgramacion.SUMA, TipoProgramacion.CONSTANTE
_CRECIENTE = TipoProgramacion.CRECIENTE
_MEDIA, _ULTIMO = ModoConstante.MEDIA, ModoConstante.ULTIMO


def _armar(
    k: int, ea: Decimal | None, pa: Decimal | None, ek: Decimal | None, pk: Decimal | None,
    ea_lb: Decimal | None, pa_lb: Decimal | None, m_lb: Decimal,
) -> Resultado:
    """El :class:`Resultado` del trimestre ``k`` con sus tres razones: ``ek / pk`` (el
    trimestre), ``ea_lb / pa_lb`` (cumplimiento) y ``ea_lb / m_lb`` (vigencia); «no aplica»
    (``None``) si falta un término o el denominador es 0. En SUMA y CONSTANTE los términos son las
    cifras mismas; en CRECIENTE y DECRECIENTE, sus diferencias con la línea base."""
    r = _nuevo(Resultado)
    _h(r, k)
    _at(r, None if ek is None or pk is None or pk.is_zero() else ek / pk)
    _ea(r, ea)
    _pa(r, pa)
    _cu(r, None if ea_lb is None or pa_lb is None or pa_lb.is_zero() else ea_lb / pa_lb)
    _av(r, None if ea_lb is None or m_lb.is_zero() else ea_lb / m_lb)
    return r


def _suma(e: Ejecuciones, p: Programacion, desde: int, k: int) -> list[Resultado]:
    """SUMA: EA = E1 + … + Ek (lo reportado), PA = P1 + … + Pk (lo programado, sin los 0)."""
    salida = []
    ea: Decimal | None = None
    total = pa = _CERO
    valores, programados, m = p.trimestres, p.programados, p.magnitud
    for i in range(k):
        x, v = e[i], valores[i] if programados[i] else None
        if x is not None:
            ea = total = total + x
        if v is not None:
            pa = pa + v
        if i >= desde:
            salida.append(_armar(i + 1, ea, pa, x, v, ea, pa, m))
    return salida


def _constante(
    e: Ejecuciones, p: Programacion, modo: ModoConstante, desde: int, k: int
) -> list[Resultado]:
    """CONSTANTE: EA según ``modo`` sobre lo reportado en trimestres programados; PA = M desde
    el primer trimestre programado (en CONSTANTE un trimestre en 0 también está programado)."""
    salida = []
    ea = pa = ultimo = None
    suma_e = suma_p = _CERO
    n = 0
    valores, m = p.trimestres, p.magnitud
    for i in range(k):
        x, v = e[i], valores[i]
        if v is not None:
            pa = m
            suma_p = suma_p + v
            if x is not None:
                suma_e, n, ultimo = suma_e + x, n + 1, x
        if i >= desde:
            if n == 0:
                ea = None
            elif modo is _MEDIA:
                ea = suma_e / n
            elif modo is _ULTIMO:
                ea = ultimo
            else:
                ea = None if suma_p.is_zero() else m * suma_e / suma_p
            salida.append(_armar(i + 1, ea, pa, x, v, ea, pa, m))
    return salida


def _diferencias(
    ek: Decimal | None, pk: Decimal | None, ea: Decimal | None, pa: Decimal | None,
    lb: Decimal, creciente: bool,
) -> tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]:
    """``x − LB`` (CRECIENTE) o ``LB − x`` (DECRECIENTE) de cada valor; ``None`` se conserva."""
    if creciente:
        return (
            None if ek is None else ek - lb,
            None if pk is None else pk - lb,
            None if ea is None else ea - lb,
            None if pa is None else pa - lb,
        )
    return (
        None if ek is None else lb - ek,
        None if pk is None else lb - pk,
        None if ea is None else lb - ea,
        None if pa is None else lb - pa,
    )


def _ultimos(
    e: Ejecuciones, p: Programacion, desde: int, k: int, lb: Decimal, creciente: bool
) -> list[Resultado]:
    """CRECIENTE y DECRECIENTE: EA = la última ejecución reportada, PA = el último Pq
    programado; las razones, sobre las diferencias con la línea base."""
    salida = []
    ea = pa = None
    valores = p.trimestres
    m_lb = p.magnitud - lb if creciente else lb - p.magnitud
    for i in range(k):
        x, v = e[i], valores[i]
        if x is not None:
            ea = x
        if v is not None:
            pa = v
        if i >= desde:
            ek_lb, pk_lb, ea_lb, pa_lb = _diferencias(x, v, ea, pa, lb, creciente)
            salida.append(_armar(i + 1, ea, pa, ek_lb, pk_lb, ea_lb, pa_lb, m_lb))
    return salida


def _resultados(
    p: Programacion, e: Ejecuciones, modo: ModoConstante, desde: int, k: int
) -> list[Resultado]:
    """Los :class:`Resultado` de los trimestres ``desde + 1`` .. ``k``, en una pasada."""
    tipo = p.tipo
    if tipo is _SUMA:
        return _suma(e, p, desde, k)
    if tipo is _CONSTANTE:
        return _constante(e, p, modo, desde, k)
    lb = p.linea_base
    if lb is None:  # CRECIENTE: LB = 0; DECRECIENTE: LINEA_BASE_REQUERIDA
        lb = TIPOS[tipo].linea_base(None)
    return _ultimos(e, p, desde, k, lb, tipo is _CRECIENTE)


def evaluar_trimestres(
    programacion: Programacion, ejecuciones: Ejecuciones, politica: Politica
) -> tuple[Resultado, ...]:
    """Los cuatro :class:`Resultado` T1..T4 de una meta en una sola pasada por los trimestres
    (núcleo interno, issue 12). El contrato de :func:`evaluar_comprobadas`: quien llama ya está
    en :data:`~sdg_metas.numeros.CONTEXTO`, las ejecuciones salieron de
    :func:`comprobar_ejecuciones` y ``programacion`` y ``politica`` ya se validaron. Da lo mismo
    que ``evaluar_comprobadas(programacion, ejecuciones, k, politica)`` para k = 1..4.

    >>> from decimal import localcontext
    >>> from sdg_metas import POLITICA_PLE_PIN_P005_V8, Programacion
    >>> from sdg_metas.numeros import CONTEXTO, porcentaje
    >>> p = Programacion("suma", 100, [10, 20, 30, 40])
    >>> e = comprobar_ejecuciones([10, 15, None, 50])
    >>> with localcontext(CONTEXTO):
    ...     cuatro = evaluar_trimestres(p, e, POLITICA_PLE_PIN_P005_V8)
    >>> [porcentaje(r.cumplimiento) for r in cuatro]
    [Decimal('100.00'), Decimal('83.33'), Decimal('41.67'), Decimal('75.00')]
    """
    return tuple(_resultados(programacion, ejecuciones, politica.modo_constante, 0, 4))


# --- Los resultados de un plan (issue 12) -----------------------------------------------------

#: Los cuatro :class:`Resultado` T1..T4 de una meta y ``""``, o cuatro ``None`` y el mensaje del
#: error que impide calcularlos (una meta DECRECIENTE sin línea base, FOR-02).
Cuatro = tuple[tuple[Resultado | None, ...], str]
_SIN_RESULTADO = (None, None, None, None)


def ejecuciones_del_plan(plan: PlanDeGestion) -> Mapping[str, Ejecuciones]:
    """T1..T4 de cada código del plan (``plan.ejecuciones``), comprobadas una vez por plan
    (uso interno, issue 12) y recordadas en la memoria del plan."""
    memoria = memoria_del_plan(plan)
    recordado = memoria.get("ejecuciones")
    if recordado is None:
        codigos = dict.fromkeys(meta.codigo for meta in plan.metas)  # sin repetir, en orden
        recordado = memoria["ejecuciones"] = MappingProxyType(
            {c: comprobar_ejecuciones(plan.ejecuciones(c)) for c in codigos}
        )
    return recordado  # type: ignore[return-value]


def resultados_del_plan(plan: PlanDeGestion, politica: Politica) -> tuple[Cuatro, ...]:
    """Los resultados T1..T4 de cada meta del plan, por su posición (uso interno, issue 12).

    Cada meta se evalúa una vez, en una pasada por sus cuatro trimestres
    (:func:`evaluar_trimestres`), con las ejecuciones de su código; se recuerda por plan y
    ``politica.modo_constante`` (lo único de la política que usa :func:`evaluar`). La
    calificación, la evaluación del plan, el cierre anual y las reglas REP de un plan usan
    estos mismos resultados en vez de calcularlos cada uno."""
    memoria = memoria_del_plan(plan)
    clave = ("resultados", politica.modo_constante)
    recordado = memoria.get(clave)
    if recordado is None:
        ejecuciones = ejecuciones_del_plan(plan)
        with localcontext(CONTEXTO):
            recordado = memoria[clave] = tuple(
                _cuatro(meta.programacion, ejecuciones[meta.codigo], politica)
                for meta in plan.metas
            )
    return recordado  # type: ignore[return-value]


def _cuatro(programacion: Programacion, ejecuciones: Ejecuciones, politica: Politica) -> Cuatro:
    try:
        return evaluar_trimestres(programacion, ejecuciones, politica), ""
    except ErrorProgramacion as error:  # p. ej. una meta DECRECIENTE sin línea base (FOR-02)
        return _SIN_RESULTADO, f"{error} (FOR-02)"
