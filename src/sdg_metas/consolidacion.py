"""Consolidación (Actividades 12 a 15; Política 9, viñeta 8): reglas ``CON-*``.

- :func:`calificacion` (CON-01): la calificación de un plan en un trimestre, con la contribución
  de cada meta para que se explique sola.
- :func:`ranking` (CON-02): el ranking de gestión del periodo; los empates comparten posición.
- :func:`semaforo` (CON-03): la banda de semáforo de un avance.
- :func:`evaluar_plan`: cada meta con su :class:`~sdg_metas.Resultado`, su semáforo y sus
  hallazgos, y la calificación; :func:`filas` / :func:`como_filas` dan filas de valores simples.
- :func:`consolidado_anual` e :func:`informe_gestion` (CON-04): las filas del cierre de la vigencia.

Todas son funciones puras; las filas son diccionarios de ``str``, ``int``, ``Decimal``, ``date`` o
``None`` con nombres de columna estables en español.

>>> from sdg_metas import calificacion, porcentaje, semaforo
>>> from sdg_metas.ejemplos import plan_ejemplo
>>> c = calificacion(plan_ejemplo(), 2)
>>> porcentaje(c.valor), semaforo(c.valor).name
(Decimal('85.25'), 'VERDE')
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, localcontext

import attrs

from ._validacion import exigir_tipo
from .calculos import Resultado, evaluar
from .calendario import Calendario
from .errores import ErrorModelo, ErrorProgramacion, ErrorTrimestre, TipoInvalido
from .formulacion import verificar_plan
from .modelo import Meta, Nivel, PlanDeGestion, Reporte, Trimestre, ejecucion_de
from .numeros import CONTEXTO, porcentaje
from .politica import (
    POLITICA_PLE_PIN_P005_V8,
    CalificacionAnual,
    Politica,
    TratamientoSinCumplimiento,
)
from .reglas import Hallazgo
from .reportes import verificar_reportes_plan

__all__ = [
    "Calificacion",
    "Contribucion",
    "EvaluacionMeta",
    "EvaluacionPlan",
    "PosicionRanking",
    "Semaforo",
    "Situacion",
    "calificacion",
    "como_filas",
    "consolidado_anual",
    "evaluar_plan",
    "filas",
    "informe_gestion",
    "ranking",
    "semaforo",
]

#: Una fila: nombre de columna → valor simple (lo que ``pandas.DataFrame(filas)`` toma tal cual).
Fila = dict[str, str | int | Decimal | None]

_CERO = Decimal(0)
_SI, _NO = "sí", "no"


class Semaforo(enum.Enum):
    """Bandas del semáforo (CON-03; límites en ``Politica``, ``INT-54``)."""

    ROJO = "rojo"
    AMARILLO = "amarillo"
    VERDE = "verde"
    SOBREEJECUCION = "sobreejecucion"
    SIN_DATO = "sin_dato"


class Situacion(enum.Enum):
    """La situación de una meta en la calificación de un trimestre (CON-01).

    - ``MEDIDA``: programada a la fecha y con cumplimiento calculado; cuenta.
    - ``SIN_REPORTE``: programada a la fecha sin ejecución reportada (``INT-51``).
    - ``NO_APLICA``: con reporte, pero el cumplimiento no se puede calcular (``INT-52``).
    - ``NO_PROGRAMADA``: ningún trimestre programado hasta el evaluado; no cuenta.
    - ``ELIMINADA``: marcada «Meta eliminada» desde ese trimestre o antes; no cuenta.
    """

    MEDIDA = "medida"
    SIN_REPORTE = "sin_reporte"
    NO_APLICA = "no_aplica"
    NO_PROGRAMADA = "no_programada"
    ELIMINADA = "eliminada"


@attrs.frozen(slots=True)
class Contribucion:
    """Lo que una meta aporta a la calificación de su plan en un trimestre (CON-01).

    ``cumplimiento`` es el de :func:`~sdg_metas.evaluar` (sin acotar); ``cumplimiento_acotado``
    el que entra a la calificación (acotado, o 0 por ``INT-51``/``INT-52``);
    ``peso_normalizado`` es ``peso / Σ pesos de las metas que cuentan`` y ``aporte`` el producto
    de ambos. Las metas que no cuentan tienen ``None`` en esas tres cifras.
    """

    codigo_meta: str
    peso: Decimal
    situacion: Situacion
    cuenta: bool
    cumplimiento: Decimal | None
    cumplimiento_acotado: Decimal | None
    peso_normalizado: Decimal | None
    aporte: Decimal | None
    motivo: str


@attrs.frozen(slots=True)
class Calificacion:
    """La calificación de un plan en un trimestre (CON-01) y cómo se obtuvo.

    ``valor`` es una fracción (1 = 100 %) o ``None`` cuando ninguna meta cuenta (o las que
    cuentan pesan 0 en total).
    """

    unidad: str
    trimestre: Trimestre
    valor: Decimal | None
    contribuciones: tuple[Contribucion, ...]
    regla: str = "CON-01"

    @property
    def porcentaje(self) -> Decimal | None:
        """El valor como porcentaje redondeado a dos decimales (ROUND_HALF_UP)."""
        return porcentaje(self.valor)

    @property
    def peso_total(self) -> Decimal:
        """La suma de los pesos de las metas que cuentan (sobre la que se renormaliza)."""
        with localcontext(CONTEXTO):
            return sum((c.peso for c in self.contribuciones if c.cuenta), _CERO)

    def explicar(self) -> str:
        """La calificación en palabras, una línea por meta.

        >>> from sdg_metas import calificacion
        >>> from sdg_metas.ejemplos import plan_ejemplo
        >>> print(calificacion(plan_ejemplo(), 1).explicar())
        Calificación de Proceso Inspección, Vigilancia y Control en 2025-T1: 96.25 % (CON-01)
        - M1: cuenta; cumplimiento 100.00 %, acotado 100.00 %, peso 20/80 → aporta 25.00 %
        - M2: cuenta; cumplimiento 101.05 %, acotado 100.00 %, peso 15/80 → aporta 18.75 %
        - M3: cuenta; cumplimiento 120.00 %, acotado 100.00 %, peso 20/80 → aporta 25.00 %
        - M4: cuenta; cumplimiento 80.00 %, acotado 80.00 %, peso 15/80 → aporta 15.00 %
        - M5: no cuenta; ningún trimestre programado hasta T1 (CON-01)
        - M6: cuenta; cumplimiento 100.00 %, acotado 100.00 %, peso 10/80 → aporta 12.50 %
        """
        valor = "sin calificación" if self.valor is None else f"{self.porcentaje} %"
        lineas = [
            f"Calificación de {self.unidad} en {self.trimestre}: {valor} ({self.regla})"
        ]
        total = _texto(self.peso_total)
        for c in self.contribuciones:
            if c.cuenta and c.aporte is not None:
                lineas.append(
                    f"- {c.codigo_meta}: cuenta; cumplimiento {_pct(c.cumplimiento)}, acotado "
                    f"{_pct(c.cumplimiento_acotado)}, peso {_texto(c.peso)}/{total} → aporta "
                    f"{_pct(c.aporte)}"
                )
            else:
                lineas.append(f"- {c.codigo_meta}: {'cuenta' if c.cuenta else 'no cuenta'}; "
                              f"{c.motivo}")
        return "\n".join(lineas)


def _pct(valor: Decimal | None) -> str:
    return "—" if valor is None else f"{porcentaje(valor)} %"


def _texto(valor: Decimal) -> str:
    texto = format(valor, "f")
    return texto.rstrip("0").rstrip(".") if "." in texto else texto


# --- validación de argumentos ----------------------------------------------------------------


def _validar_plan(plan: object, campo: str = "plan") -> PlanDeGestion:
    return exigir_tipo(plan, PlanDeGestion, campo, "un PlanDeGestion")


def _validar_politica(politica: object) -> Politica:
    return exigir_tipo(politica, Politica, "politica", "una Politica")


def _trimestre_de(plan: PlanDeGestion, trimestre: object) -> Trimestre:
    """El trimestre evaluado: un número 1..4 de la vigencia del plan, un Trimestre o un texto."""
    if isinstance(trimestre, str):
        trimestre = Trimestre.desde_texto(trimestre)
    if isinstance(trimestre, Trimestre):
        if trimestre.vigencia != plan.vigencia:
            raise ErrorTrimestre(
                f"trimestre: {trimestre} no es de la vigencia {plan.vigencia} del plan "
                f"{plan.unidad}",
                codigo="TRIMESTRE_FUERA_DE_VIGENCIA",
                campo="trimestre",
                valor=str(trimestre),
            )
        return trimestre
    if isinstance(trimestre, bool) or not isinstance(trimestre, int):
        raise TipoInvalido(
            f"trimestre: {trimestre!r} debe ser un número de trimestre (1..4), un Trimestre o "
            "un texto como '2025-T2'",
            campo="trimestre",
            valor=trimestre,
        )
    return Trimestre(plan.vigencia, trimestre)


def _planes(planes: object) -> tuple[PlanDeGestion, ...]:
    if isinstance(planes, PlanDeGestion) or not isinstance(planes, Iterable):
        raise TipoInvalido(
            f"planes: {planes!r} debe ser una secuencia de PlanDeGestion",
            campo="planes",
            valor=planes,
        )
    resultado = tuple(planes)
    for i, plan in enumerate(resultado):
        _validar_plan(plan, f"planes[{i}]")
    return resultado


def _validar_vigencia(vigencia: object) -> int:
    if isinstance(vigencia, bool) or not isinstance(vigencia, int):
        raise TipoInvalido(
            f"vigencia: {vigencia!r} debe ser un año (int)", campo="vigencia", valor=vigencia
        )
    return vigencia


# --- CON-01: calificación --------------------------------------------------------------------


def _ejecuciones_por_meta(plan: PlanDeGestion) -> dict[str, list[Decimal | None]]:
    """T1..T4 de cada código, en una sola pasada por los reportes (como ``plan.ejecuciones``)."""
    metas: dict[str, Meta] = {}
    for meta in plan.metas:
        metas.setdefault(meta.codigo, meta)
    valores: dict[str, list[Decimal | None]] = {c: [None, None, None, None] for c in metas}
    for reporte in plan.reportes:
        valores[reporte.codigo_meta][reporte.trimestre.numero - 1] = ejecucion_de(
            reporte, metas[reporte.codigo_meta]
        )
    return valores


def _resultado(
    meta: Meta, ejecuciones: Sequence[Decimal | None], k: int, politica: Politica
) -> tuple[Resultado | None, str]:
    try:
        return evaluar(meta.programacion, ejecuciones, k, politica), ""
    except ErrorProgramacion as error:  # p. ej. una meta DECRECIENTE sin línea base (FOR-02)
        return None, f"{error} (FOR-02)"


def _contribucion(
    meta: Meta,
    trimestre: Trimestre,
    resultado: Resultado | None,
    error: str,
    politica: Politica,
) -> Contribucion:
    k = trimestre.numero
    codigo, peso = meta.codigo, meta.peso

    def no_cuenta(situacion: Situacion, motivo: str, c: Decimal | None = None) -> Contribucion:
        return Contribucion(codigo, peso, situacion, False, c, None, None, None, motivo)

    def cuenta(situacion: Situacion, c: Decimal | None, acotado: Decimal, motivo: str) -> (
        Contribucion
    ):
        return Contribucion(codigo, peso, situacion, True, c, acotado, None, None, motivo)

    if not meta.activa_en(trimestre):
        return no_cuenta(
            Situacion.ELIMINADA,
            f"meta eliminada desde {meta.eliminada_desde}: su resultado no cuenta (MOD-11, "
            "CON-01)",
            resultado.cumplimiento if resultado is not None else None,
        )
    if not any(meta.programacion.programados[:k]):
        return no_cuenta(
            Situacion.NO_PROGRAMADA, f"ningún trimestre programado hasta T{k} (CON-01)"
        )
    if resultado is not None and resultado.ejecucion_acumulada is None:
        if politica.meta_sin_reporte is TratamientoSinCumplimiento.CERO:
            return cuenta(
                Situacion.SIN_REPORTE,
                None,
                _CERO,
                f"programada hasta T{k} y sin ejecución reportada: cuenta como 0 (INT-51, "
                "CON-01)",
            )
        return no_cuenta(
            Situacion.SIN_REPORTE,
            f"programada hasta T{k} y sin ejecución reportada: se excluye (INT-51, CON-01)",
        )
    if resultado is None or resultado.cumplimiento is None:
        causa = error or "el cumplimiento no aplica (denominador 0)"
        if politica.meta_no_aplica is TratamientoSinCumplimiento.CERO:
            return cuenta(
                Situacion.NO_APLICA, None, _CERO, f"{causa}: cuenta como 0 (INT-52, CON-01)"
            )
        return no_cuenta(Situacion.NO_APLICA, f"{causa}: se excluye (INT-52, CON-01)")
    c = resultado.cumplimiento
    acotado = min(max(c, politica.cumplimiento_minimo), politica.cumplimiento_maximo)
    motivo = "cumplimiento a la fecha (CON-01)"
    if acotado != c:
        motivo = (
            f"cumplimiento {porcentaje(c)} % acotado a [{porcentaje(politica.cumplimiento_minimo)}"
            f" %, {porcentaje(politica.cumplimiento_maximo)} %] (INT-50, CON-01)"
        )
    return cuenta(Situacion.MEDIDA, c, acotado, motivo)


def _normalizar(
    contribuciones: list[Contribucion],
) -> tuple[Decimal | None, tuple[Contribucion, ...]]:
    contadas = [c for c in contribuciones if c.cuenta]
    with localcontext(CONTEXTO):
        # Orden canónico para que el resultado no dependa del orden de las metas en el plan.
        canonicas = sorted(contadas, key=lambda c: (c.codigo_meta, c.peso, c.cumplimiento_acotado))
        total = sum((c.peso for c in canonicas), _CERO)
        if not contadas or total.is_zero():
            return None, tuple(contribuciones)
        numerador = sum((c.peso * (c.cumplimiento_acotado or _CERO) for c in canonicas), _CERO)
        valor = numerador / total
        finales = []
        for c in contribuciones:
            if c.cuenta:
                normalizado = c.peso / total
                c = attrs.evolve(
                    c,
                    peso_normalizado=normalizado,
                    aporte=normalizado * (c.cumplimiento_acotado or _CERO),
                )
            finales.append(c)
    return valor, tuple(finales)


def _calificar(
    plan: PlanDeGestion,
    trimestre: Trimestre,
    politica: Politica,
    resultados: Mapping[int, tuple[Resultado | None, str]],
) -> Calificacion:
    contribuciones = [
        _contribucion(meta, trimestre, *resultados[i], politica)
        for i, meta in enumerate(plan.metas)
    ]
    valor, finales = _normalizar(contribuciones)
    return Calificacion(plan.unidad, trimestre, valor, finales)


def _resultados(
    plan: PlanDeGestion, k: int, politica: Politica
) -> dict[int, tuple[Resultado | None, str]]:
    ejecuciones = _ejecuciones_por_meta(plan)
    return {
        i: _resultado(meta, ejecuciones[meta.codigo], k, politica)
        for i, meta in enumerate(plan.metas)
    }


def calificacion(
    plan: PlanDeGestion,
    trimestre: int | Trimestre | str,
    politica: Politica = POLITICA_PLE_PIN_P005_V8,
) -> Calificacion:
    """La calificación del plan en el trimestre (CON-01), con la contribución de cada meta.

    Es el promedio ponderado por ``peso`` del cumplimiento a la fecha de las metas que cuentan,
    cada uno acotado a ``[politica.cumplimiento_minimo, politica.cumplimiento_maximo]``
    (``INT-50``), con los pesos renormalizados sobre las metas que cuentan. Una meta cuenta en
    el trimestre ``k`` cuando no está eliminada (``eliminada_desde`` posterior a ``k``) y tiene
    algún trimestre programado ``≤ k`` (la misma noción de programado que
    :func:`~sdg_metas.evaluar`: en una meta SUMA un 0 no es programado). Si no tiene ejecución
    reportada cuenta como 0 (``INT-51``); si su cumplimiento no aplica (denominador 0) se excluye
    (``INT-52``). ``valor`` es ``None`` cuando ninguna meta cuenta.

    ``trimestre`` es un número 1..4 de la vigencia del plan, un :class:`~sdg_metas.Trimestre`
    de esa vigencia o un texto ``"2025-T2"``.

    >>> from sdg_metas import Trimestre
    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> calificacion(plan_ejemplo(), 4).porcentaje
    Decimal('87.75')
    >>> calificacion(plan_ejemplo(), Trimestre(2024, 4))
    Traceback (most recent call last):
    ...
    sdg_metas.errores.ErrorTrimestre: trimestre: 2024-T4 no es de la vigencia 2025 del plan Proceso Inspección, Vigilancia y Control
    """
    _validar_plan(plan)
    _validar_politica(politica)
    t = _trimestre_de(plan, trimestre)
    return _calificar(plan, t, politica, _resultados(plan, t.numero, politica))


# --- CON-03: semáforo ------------------------------------------------------------------------


def semaforo(
    valor: Decimal | None, politica: Politica = POLITICA_PLE_PIN_P005_V8
) -> Semaforo:
    """La banda de semáforo de un avance o una calificación (CON-03; bandas ``INT-54``).

    Por defecto: ``ROJO`` < 60 % ≤ ``AMARILLO`` < 80 % ≤ ``VERDE`` ≤ 100 % < ``SOBREEJECUCION``;
    ``None`` («no aplica») es ``SIN_DATO``.

    >>> from decimal import Decimal
    >>> [semaforo(Decimal(v)).name for v in ("0.59", "0.6", "0.8", "1", "1.01")]
    ['ROJO', 'AMARILLO', 'VERDE', 'VERDE', 'SOBREEJECUCION']
    >>> semaforo(None).name
    'SIN_DATO'
    """
    _validar_politica(politica)
    if valor is None:
        return Semaforo.SIN_DATO
    if isinstance(valor, bool) or not isinstance(valor, Decimal) or not valor.is_finite():
        raise TipoInvalido(
            f"valor: {valor!r} debe ser un Decimal finito (una fracción, 1 = 100 %) o None",
            campo="valor",
            valor=valor,
        )
    if valor > politica.semaforo_verde_hasta:
        return Semaforo.SOBREEJECUCION
    if valor >= politica.semaforo_verde_desde:
        return Semaforo.VERDE
    if valor >= politica.semaforo_amarillo_desde:
        return Semaforo.AMARILLO
    return Semaforo.ROJO


# --- CON-02: ranking -------------------------------------------------------------------------


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
    lista = _planes(planes)
    _validar_politica(politica)
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
    con_valor.sort(key=lambda x: (-x[0], x[1].unidad, x[1].nivel.value))
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


# --- evaluación de un plan -------------------------------------------------------------------


@attrs.frozen(slots=True)
class EvaluacionMeta:
    """Una meta evaluada a un trimestre: cifras, semáforo de su cumplimiento, contribución a la
    calificación y hallazgos (de formulación y de sus reportes hasta ese trimestre).

    ``resultado`` es ``None`` cuando no se puede calcular (una meta DECRECIENTE sin línea base).
    """

    meta: Meta
    resultado: Resultado | None
    semaforo: Semaforo
    contribucion: Contribucion
    hallazgos: tuple[Hallazgo, ...]


@attrs.frozen(slots=True)
class EvaluacionPlan:
    """Un plan evaluado a un trimestre: sus metas, su calificación (CON-01) y su semáforo.

    ``hallazgos_plan`` son los hallazgos del plan que no son de una meta (por ejemplo FOR-04).
    """

    plan: PlanDeGestion
    trimestre: Trimestre
    metas: tuple[EvaluacionMeta, ...]
    calificacion: Calificacion
    semaforo: Semaforo
    hallazgos_plan: tuple[Hallazgo, ...]

    @property
    def hallazgos(self) -> tuple[Hallazgo, ...]:
        """Todos los hallazgos: los del plan y los de cada meta."""
        return self.hallazgos_plan + tuple(h for m in self.metas for h in m.hallazgos)


def _hallazgos(
    plan: PlanDeGestion,
    trimestre: Trimestre,
    politica: Politica,
    calendario: Calendario | None,
    objetivos_estrategicos: Iterable[str] | None,
) -> tuple[Hallazgo, ...]:
    """Hallazgos de formulación (FOR-*, :func:`~sdg_metas.verificar_plan`) y de los reportes
    hasta el trimestre (REP-*, :func:`~sdg_metas.verificar_reportes_plan`)."""
    return (
        *verificar_plan(plan, objetivos_estrategicos, politica=politica),
        *verificar_reportes_plan(plan, politica, calendario, trimestre),
    )


def evaluar_plan(
    plan: PlanDeGestion,
    trimestre: int | Trimestre | str,
    politica: Politica = POLITICA_PLE_PIN_P005_V8,
    calendario: Calendario | None = None,
    objetivos_estrategicos: Iterable[str] | None = None,
) -> EvaluacionPlan:
    """Evalúa el plan al trimestre: cada meta con su resultado, semáforo y hallazgos, y la
    calificación del plan (CON-01) con su semáforo (CON-03).

    El semáforo de una meta es el de su ``cumplimiento`` sin acotar (así la sobreejecución se
    ve); el del plan, el de su calificación. Los hallazgos son los de formulación y los de los
    reportes de los trimestres hasta el evaluado (``calendario`` y ``objetivos_estrategicos`` se
    pasan a esas verificaciones).

    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> ev = evaluar_plan(plan_ejemplo(), 2)
    >>> [(m.meta.codigo, m.semaforo.name) for m in ev.metas]
    [('M1', 'VERDE'), ('M2', 'VERDE'), ('M3', 'VERDE'), ('M4', 'SOBREEJECUCION'), ('M5', 'ROJO'), ('M6', 'VERDE')]
    >>> ev.calificacion.porcentaje, ev.semaforo.name
    (Decimal('85.25'), 'VERDE')
    """
    _validar_plan(plan)
    _validar_politica(politica)
    t = _trimestre_de(plan, trimestre)
    resultados = _resultados(plan, t.numero, politica)
    cal = _calificar(plan, t, politica, resultados)
    hallazgos = _hallazgos(plan, t, politica, calendario, objetivos_estrategicos)
    por_meta: dict[str, list[Hallazgo]] = {}
    del_plan: list[Hallazgo] = []
    for h in hallazgos:
        if h.codigo_meta is None:
            del_plan.append(h)
        else:
            por_meta.setdefault(h.codigo_meta, []).append(h)
    metas = []
    vistos: set[str] = set()
    for i, meta in enumerate(plan.metas):
        resultado = resultados[i][0]
        cumplimiento = resultado.cumplimiento if resultado is not None else None
        # Con códigos repetidos (FOR-08) los hallazgos del código van a su primera meta.
        propios = () if meta.codigo in vistos else tuple(por_meta.get(meta.codigo, ()))
        vistos.add(meta.codigo)
        metas.append(
            EvaluacionMeta(
                meta, resultado, semaforo(cumplimiento, politica), cal.contribuciones[i], propios
            )
        )
    return EvaluacionPlan(
        plan, t, tuple(metas), cal, semaforo(cal.valor, politica), tuple(del_plan)
    )


def _si_no(valor: bool) -> str:
    return _SI if valor else _NO


def filas(evaluacion: EvaluacionPlan) -> list[Fila]:
    """Una fila por meta de un plan evaluado, con nombres de columna estables.

    Los avances son porcentajes redondeados a dos decimales (ROUND_HALF_UP); ``None`` es «no
    aplica». Las columnas ``calificacion_plan_pct`` y ``semaforo_plan`` repiten los datos del plan.

    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> fila = filas(evaluar_plan(plan_ejemplo(), 2))[4]
    >>> fila["codigo_meta"], fila["cumplimiento_pct"], fila["semaforo"], fila["situacion"]
    ('M5', Decimal('40.00'), 'rojo', 'medida')
    >>> list(fila)
    ['vigencia', 'trimestre', 'unidad', 'nivel', 'codigo_meta', 'meta', 'tipo_programacion', 'unidad_medida', 'peso', 'eliminada', 'programado_acumulado', 'ejecucion_acumulada', 'avance_trimestre_pct', 'cumplimiento_pct', 'avance_vigencia_pct', 'semaforo', 'situacion', 'cuenta', 'cumplimiento_acotado_pct', 'peso_normalizado_pct', 'aporte_pct', 'motivo', 'hallazgos', 'reglas_hallazgos', 'calificacion_plan_pct', 'semaforo_plan']
    """
    if not isinstance(evaluacion, EvaluacionPlan):
        raise TipoInvalido(
            f"evaluacion: {evaluacion!r} debe ser una EvaluacionPlan (use evaluar_plan)",
            campo="evaluacion",
            valor=evaluacion,
        )
    plan = evaluacion.plan
    resultado_filas: list[Fila] = []
    for m in evaluacion.metas:
        r = m.resultado
        c = m.contribucion
        resultado_filas.append(
            {
                "vigencia": plan.vigencia,
                "trimestre": str(evaluacion.trimestre),
                "unidad": plan.unidad,
                "nivel": plan.nivel.value,
                "codigo_meta": m.meta.codigo,
                "meta": m.meta.descripcion,
                "tipo_programacion": m.meta.programacion.tipo.value,
                "unidad_medida": m.meta.unidad,
                "peso": m.meta.peso,
                "eliminada": _si_no(not m.meta.activa_en(evaluacion.trimestre)),
                "programado_acumulado": r.programado_acumulado if r else None,
                "ejecucion_acumulada": r.ejecucion_acumulada if r else None,
                "avance_trimestre_pct": porcentaje(r.avance_trimestre) if r else None,
                "cumplimiento_pct": porcentaje(r.cumplimiento) if r else None,
                "avance_vigencia_pct": porcentaje(r.avance_vigencia) if r else None,
                "semaforo": m.semaforo.value,
                "situacion": c.situacion.value,
                "cuenta": _si_no(c.cuenta),
                "cumplimiento_acotado_pct": porcentaje(c.cumplimiento_acotado),
                "peso_normalizado_pct": porcentaje(c.peso_normalizado),
                "aporte_pct": porcentaje(c.aporte),
                "motivo": c.motivo,
                "hallazgos": len(m.hallazgos),
                "reglas_hallazgos": ", ".join(sorted({h.regla for h in m.hallazgos})),
                "calificacion_plan_pct": evaluacion.calificacion.porcentaje,
                "semaforo_plan": evaluacion.semaforo.value,
            }
        )
    return resultado_filas


def _fila_ranking(p: PosicionRanking) -> Fila:
    return {
        "posicion": p.posicion,
        "vigencia": p.calificacion.trimestre.vigencia,
        "trimestre": str(p.calificacion.trimestre),
        "unidad": p.unidad,
        "nivel": p.nivel.value,
        "calificacion_pct": p.calificacion.porcentaje,
        "semaforo": p.semaforo.value,
        "metas_que_cuentan": sum(1 for c in p.calificacion.contribuciones if c.cuenta),
    }


def como_filas(
    objetos: EvaluacionPlan | Iterable[EvaluacionPlan] | Iterable[PosicionRanking],
) -> list[Fila]:
    """Filas de valores simples para una evaluación, varias evaluaciones o un ranking.

    Una :class:`EvaluacionPlan` da una fila por meta (:func:`filas`); un ranking, una fila por
    plan (``posicion``, ``vigencia``, ``trimestre``, ``unidad``, ``nivel``,
    ``calificacion_pct``, ``semaforo``, ``metas_que_cuentan``).

    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> como_filas(ranking([plan_ejemplo()], 4))
    [{'posicion': 1, 'vigencia': 2025, 'trimestre': '2025-T4', 'unidad': 'Proceso Inspección, Vigilancia y Control', 'nivel': 'central', 'calificacion_pct': Decimal('87.75'), 'semaforo': 'verde', 'metas_que_cuentan': 6}]
    """
    if isinstance(objetos, EvaluacionPlan):
        return filas(objetos)
    if isinstance(objetos, (str, bytes)) or not isinstance(objetos, Iterable):
        raise TipoInvalido(
            f"objetos: {objetos!r} debe ser una EvaluacionPlan o una secuencia de "
            "EvaluacionPlan o de PosicionRanking",
            campo="objetos",
            valor=objetos,
        )
    resultado: list[Fila] = []
    for i, objeto in enumerate(objetos):
        if isinstance(objeto, EvaluacionPlan):
            resultado.extend(filas(objeto))
        elif isinstance(objeto, PosicionRanking):
            resultado.append(_fila_ranking(objeto))
        else:
            raise TipoInvalido(
                f"objetos[{i}]: {objeto!r} debe ser una EvaluacionPlan o una PosicionRanking",
                campo=f"objetos[{i}]",
                valor=objeto,
            )
    return resultado


# --- CON-04: consolidación de la vigencia ----------------------------------------------------


def _analisis_del_resultado(reportes: Sequence[Reporte]) -> str | None:
    """El análisis del resultado acumulado del último reporte (o su análisis del avance)."""
    if not reportes:
        return None
    ultimo = reportes[-1]
    texto = ultimo.analisis_acumulado.strip() or ultimo.analisis.strip()
    return texto or None


def _de_la_vigencia(planes: object, vigencia: object) -> tuple[PlanDeGestion, ...]:
    lista = _planes(planes)
    anio = _validar_vigencia(vigencia)
    return tuple(p for p in lista if p.vigencia == anio)


def _eliminada_en(meta: Meta, vigencia: int) -> bool:
    return meta.eliminada_desde is not None and meta.eliminada_desde.vigencia <= vigencia


def consolidado_anual(
    planes: Iterable[PlanDeGestion],
    vigencia: int,
    politica: Politica = POLITICA_PLE_PIN_P005_V8,
) -> list[Fila]:
    """Una fila por meta e indicador de los planes de la vigencia, para el CB-0404 (CON-04).

    Las cifras son las del cuarto trimestre: ``ejecucion_anual`` (EA), ``programado_anual``
    (PA) y ``avance_anual_pct`` (avance de la vigencia frente a la magnitud, en %).
    ``analisis_resultado`` es el análisis acumulado del último reporte (o su análisis del avance,
    si aquel falta). Los planes de otras vigencias se ignoran.

    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> fila = consolidado_anual([plan_ejemplo()], 2025)[0]
    >>> fila["codigo_meta"], fila["magnitud_anual"], fila["ejecucion_anual"], fila["avance_anual_pct"]
    ('M1', Decimal('120'), Decimal('120'), Decimal('100.00'))
    >>> list(fila)
    ['vigencia', 'unidad', 'nivel', 'proceso_o_localidad', 'proceso_lider', 'dependencia_orientadora', 'codigo_meta', 'meta', 'objetivo_estrategico', 'indicador', 'formula', 'unidad_medida', 'tipo_programacion', 'linea_base', 'magnitud_anual', 'programado_anual', 'ejecucion_anual', 'avance_anual_pct', 'semaforo', 'analisis_resultado', 'reportes', 'eliminada', 'eliminada_desde']
    """
    _validar_politica(politica)
    resultado_filas: list[Fila] = []
    for plan in _de_la_vigencia(planes, vigencia):
        resultados = _resultados(plan, 4, politica)
        for i, meta in enumerate(plan.metas):
            r = resultados[i][0]
            indicador = meta.indicador
            reportes = plan.reportes_de(meta.codigo)
            resultado_filas.append(
                {
                    "vigencia": plan.vigencia,
                    "unidad": plan.unidad,
                    "nivel": plan.nivel.value,
                    "proceso_o_localidad": plan.unidad,
                    "proceso_lider": meta.proceso_lider,
                    "dependencia_orientadora": meta.dependencia_orientadora,
                    "codigo_meta": meta.codigo,
                    "meta": meta.descripcion,
                    "objetivo_estrategico": meta.objetivo_estrategico,
                    "indicador": indicador.nombre if indicador else None,
                    "formula": indicador.formula if indicador else None,
                    "unidad_medida": meta.unidad or (indicador.unidad if indicador else ""),
                    "tipo_programacion": meta.programacion.tipo.value,
                    "linea_base": meta.programacion.linea_base,
                    "magnitud_anual": meta.programacion.magnitud,
                    "programado_anual": r.programado_acumulado if r else None,
                    "ejecucion_anual": r.ejecucion_acumulada if r else None,
                    "avance_anual_pct": porcentaje(r.avance_vigencia) if r else None,
                    "semaforo": semaforo(r.avance_vigencia if r else None, politica).value,
                    "analisis_resultado": _analisis_del_resultado(reportes),
                    "reportes": len(reportes),
                    "eliminada": _si_no(_eliminada_en(meta, plan.vigencia)),
                    "eliminada_desde": str(meta.eliminada_desde) if meta.eliminada_desde else None,
                }
            )
    return resultado_filas


def _calificacion_anual(
    trimestrales: Sequence[Calificacion], politica: Politica
) -> Decimal | None:
    if politica.calificacion_anual is CalificacionAnual.CUARTO_TRIMESTRE:
        return trimestrales[3].valor
    valores = [c.valor for c in trimestrales if c.valor is not None]
    if not valores:
        return None
    with localcontext(CONTEXTO):
        return sum(valores, _CERO) / len(valores)


def informe_gestion(
    planes: Iterable[PlanDeGestion],
    vigencia: int,
    politica: Politica = POLITICA_PLE_PIN_P005_V8,
) -> list[Fila]:
    """Una fila por plan de la vigencia para el informe de gestión (CON-04; Actividad 15).

    Trae la calificación de cada trimestre y la de la vigencia (``INT-55``: la del cuarto
    trimestre), su semáforo, y cuántas metas se cumplieron (avance de la vigencia ≥
    ``politica.meta_cumplida_desde``, ``INT-56``), cuántas no, cuántas no tienen dato (sin
    avance calculable) y cuántas están eliminadas (estas no se cuentan en las anteriores).

    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> fila = informe_gestion([plan_ejemplo()], 2025)[0]
    >>> [fila[c] for c in ("calificacion_t1_pct", "calificacion_t4_pct", "calificacion_anual_pct")]
    [Decimal('96.25'), Decimal('87.75'), Decimal('87.75')]
    >>> fila["metas_cumplidas"], fila["metas_no_cumplidas"], fila["metas_eliminadas"]
    (4, 2, 0)
    """
    _validar_politica(politica)
    resultado_filas: list[Fila] = []
    for plan in _de_la_vigencia(planes, vigencia):
        ejecuciones = _ejecuciones_por_meta(plan)
        trimestrales = []
        for k in (1, 2, 3, 4):
            resultados = {
                i: _resultado(meta, ejecuciones[meta.codigo], k, politica)
                for i, meta in enumerate(plan.metas)
            }
            trimestrales.append(_calificar(plan, Trimestre(plan.vigencia, k), politica, resultados))
        cumplidas = no_cumplidas = sin_dato = eliminadas = 0
        for i, meta in enumerate(plan.metas):
            if _eliminada_en(meta, plan.vigencia):
                eliminadas += 1
                continue
            r = resultados[i][0]  # los del cuarto trimestre
            avance = r.avance_vigencia if r is not None else None
            if avance is None:
                sin_dato += 1
            elif avance >= politica.meta_cumplida_desde:
                cumplidas += 1
            else:
                no_cumplidas += 1
        anual = _calificacion_anual(trimestrales, politica)
        fila: Fila = {"vigencia": plan.vigencia, "unidad": plan.unidad, "nivel": plan.nivel.value,
                      "metas": len(plan.metas)}
        for k, c in enumerate(trimestrales, 1):
            fila[f"calificacion_t{k}_pct"] = c.porcentaje
        fila.update(
            {
                "calificacion_anual_pct": porcentaje(anual),
                "semaforo_anual": semaforo(anual, politica).value,
                "metas_cumplidas": cumplidas,
                "metas_no_cumplidas": no_cumplidas,
                "metas_sin_dato": sin_dato,
                "metas_eliminadas": eliminadas,
            }
        )
        resultado_filas.append(fila)
    return resultado_filas
