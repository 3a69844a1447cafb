"""CON-01 (calificación de un plan en un trimestre) y CON-03 (semáforo), con la validación de
argumentos que comparten las funciones de consolidación."""

from __future__ import annotations

import enum
import functools
from collections.abc import Sequence
from decimal import Decimal, localcontext

import attrs

from .._validacion import exigir_entero, exigir_tipo, fijadores, mostrar, tupla_de
from ..calculos import Resultado, resultados_del_plan
from ..errores import ErrorTrimestre, TipoInvalido
from ..modelo import Meta, PlanDeGestion, Trimestre
from ..numeros import CONTEXTO, porcentaje
from ..politica import POLITICA_PLE_PIN_P005_V8, Politica, TratamientoSinCumplimiento

Fila = dict[str, str | int | Decimal | None]

CERO = Decimal(0)
_UNO = Decimal(1)


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

    def _repr_html_(self) -> str:
        from ..presentacion import html_calificacion

        return html_calificacion(self)

    @property
    def porcentaje(self) -> Decimal | None:
        """El valor como porcentaje redondeado a dos decimales (ROUND_HALF_UP)."""
        return porcentaje(self.valor)

    @property
    def peso_total(self) -> Decimal:
        """La suma de los pesos de las metas que cuentan (sobre la que se renormaliza)."""
        with localcontext(CONTEXTO):
            return sum((c.peso for c in self.contribuciones if c.cuenta), CERO)

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
        cuentan = sum(1 for c in self.contribuciones if c.cuenta)
        for c in self.contribuciones:
            if c.cuenta and c.aporte is not None:
                peso = f"peso {_texto(c.peso)}/{total}"
                if c.peso_normalizado != _normalizado(c.peso, self.peso_total):
                    peso = f"peso 1/{cuentan} (promedio simple, INT-57)"
                lineas.append(
                    f"- {c.codigo_meta}: cuenta; cumplimiento {_pct(c.cumplimiento)}, acotado "
                    f"{_pct(c.cumplimiento_acotado)}, {peso} → aporta {_pct(c.aporte)}"
                )
            else:
                lineas.append(f"- {c.codigo_meta}: {'cuenta' if c.cuenta else 'no cuenta'}; "
                              f"{c.motivo}")
        return "\n".join(lineas)


def _normalizado(peso: Decimal, total: Decimal) -> Decimal | None:
    """``peso / total`` como lo calcula la calificación ponderada (``None`` si ``total`` es 0)."""
    with localcontext(CONTEXTO):
        return None if total.is_zero() else peso / total


def _pct(valor: Decimal | None) -> str:
    return "—" if valor is None else f"{porcentaje(valor)} %"


def _texto(valor: Decimal) -> str:
    texto = format(valor, "f")
    return texto.rstrip("0").rstrip(".") if "." in texto else texto


# --- validación de argumentos ----------------------------------------------------------------


def validar_plan(plan: object, campo: str = "plan") -> PlanDeGestion:
    return exigir_tipo(plan, PlanDeGestion, campo, "un PlanDeGestion")


def validar_politica(politica: object) -> Politica:
    return exigir_tipo(politica, Politica, "politica", "una Politica")


def trimestre_de(plan: PlanDeGestion, trimestre: object) -> Trimestre:
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
            f"trimestre: {mostrar(trimestre)} debe ser un número de trimestre (1..4), un Trimestre o "
            "un texto como '2025-T2'",
            campo="trimestre",
            valor=trimestre,
        )
    return Trimestre(plan.vigencia, trimestre)


def validar_planes(planes: object) -> tuple[PlanDeGestion, ...]:
    return tupla_de(planes, PlanDeGestion, "planes", "un PlanDeGestion")


def validar_vigencia(vigencia: object) -> int:
    return exigir_entero(vigencia, "vigencia", "un año (int)")


# --- CON-01: calificación --------------------------------------------------------------------


def _contribucion(
    meta: Meta,
    trimestre: Trimestre,
    resultado: Resultado | None,
    error: str,
    politica: Politica,
) -> Contribucion:
    k = trimestre.numero
    codigo, peso = meta.codigo, meta.peso
    if meta.eliminada_desde is not None and not meta.activa_en(trimestre):
        return _nueva(
            codigo, peso, Situacion.ELIMINADA, False,
            resultado.cumplimiento if resultado is not None else None, None,
            f"meta eliminada desde {meta.eliminada_desde}: su resultado no cuenta (MOD-11, "
            "CON-01)",
        )
    if True not in meta.programacion.programados[:k]:
        return _nueva(codigo, peso, Situacion.NO_PROGRAMADA, False, None, None,
                      f"ningún trimestre programado hasta T{k} (CON-01)")
    if resultado is not None and resultado.ejecucion_acumulada is None:
        cero = politica.meta_sin_reporte is TratamientoSinCumplimiento.CERO
        return _nueva(codigo, peso, Situacion.SIN_REPORTE, cero, None, CERO if cero else None,
                      _motivo_sin_reporte(k, cero))
    if resultado is None or resultado.cumplimiento is None:
        causa = error or "el cumplimiento no aplica (denominador 0)"
        if politica.meta_no_aplica is TratamientoSinCumplimiento.CERO:
            return _nueva(codigo, peso, Situacion.NO_APLICA, True, None, CERO,
                          f"{causa}: cuenta como 0 (INT-52, CON-01)")
        return _nueva(codigo, peso, Situacion.NO_APLICA, False, None, None,
                      f"{causa}: se excluye (INT-52, CON-01)")
    c = resultado.cumplimiento
    minimo, maximo = politica.cumplimiento_minimo, politica.cumplimiento_maximo
    acotado = minimo if c < minimo else maximo if c > maximo else c
    motivo = "cumplimiento a la fecha (CON-01)"
    if acotado is not c:
        limites = _limites(minimo, maximo)
        motivo = f"cumplimiento {porcentaje(c)} % acotado a {limites} (INT-50, CON-01)"
    return _nueva(codigo, peso, Situacion.MEDIDA, True, c, acotado, motivo)


@functools.lru_cache(maxsize=16)
def _motivo_sin_reporte(k: int, cero: bool) -> str:
    tratamiento = "cuenta como 0" if cero else "se excluye"
    return f"programada hasta T{k} y sin ejecución reportada: {tratamiento} (INT-51, CON-01)"


#: Escritura directa de cada ranura de :class:`Contribucion`, en el orden de sus campos.
_PONEDORES = fijadores(Contribucion)


def _nueva(
    codigo: str,
    peso: Decimal,
    situacion: Situacion,
    cuenta: bool,
    cumplimiento: Decimal | None,
    acotado: Decimal | None,
    motivo: str,
) -> Contribucion:
    """``Contribucion(codigo, peso, situacion, cuenta, cumplimiento, acotado, None, None,
    motivo)`` sin pasar por ``__init__`` (issue 12): la clase no tiene validadores ni
    conversores, así que el objeto es el mismo; las ranuras se escriben con sus descriptores,
    la mitad del costo de ``object.__setattr__``. ``peso_normalizado`` y ``aporte`` los completa
    :func:`_ponderar`."""
    nueva = object.__new__(Contribucion)
    (codigo_, peso_, situacion_, cuenta_, cumplimiento_, acotado_, normalizado_, aporte_,
     motivo_) = _PONEDORES
    codigo_(nueva, codigo)
    peso_(nueva, peso)
    situacion_(nueva, situacion)
    cuenta_(nueva, cuenta)
    cumplimiento_(nueva, cumplimiento)
    acotado_(nueva, acotado)
    normalizado_(nueva, None)
    aporte_(nueva, None)
    motivo_(nueva, motivo)
    return nueva


@functools.lru_cache(maxsize=16)
def _limites(minimo: Decimal, maximo: Decimal) -> str:
    """«[0.00 %, 100.00 %]»: los límites de la política, redondeados una vez (issue 12)."""
    return f"[{porcentaje(minimo)} %, {porcentaje(maximo)} %]"


def _ponderar(
    contribuciones: list[Contribucion], ponderada: bool = True
) -> tuple[Decimal | None, tuple[Contribucion, ...]]:
    """(Solo con contribuciones recién creadas por :func:`_contribucion`.) El promedio de los
    cumplimientos acotados de las metas que cuentan: ponderado por el peso o, con
    ``ponderada=False`` (``INT-57``), simple (cada meta pesa 1)."""
    contadas = [c for c in contribuciones if c.cuenta]
    # Orden canónico para que el resultado no dependa del orden de las metas en el plan.
    canonicas = sorted(
        [(c.codigo_meta, c.peso, c.cumplimiento_acotado or CERO) for c in contadas]
    )
    with localcontext(CONTEXTO):
        if ponderada:
            total = sum([peso for _, peso, _ in canonicas], CERO)
            numerador = sum([peso * acotado for _, peso, acotado in canonicas], CERO)
        else:
            total = Decimal(len(canonicas))
            numerador = sum([acotado for _, _, acotado in canonicas], CERO)
        if not contadas or total.is_zero():
            return None, tuple(contribuciones)
        valor = numerador / total
        # Camino rápido (issue 12): cada contribución la acaba de crear _contribucion para esta
        # calificación y nadie más la ve todavía; se completan sus dos cifras en su sitio en vez
        # de construir otra (attrs.evolve o una copia costarían una construcción por meta).
        normalizado_, aporte_ = _PONEDORES[6], _PONEDORES[7]
        for c in contadas:
            normalizado = c.peso / total if ponderada else _UNO / total
            normalizado_(c, normalizado)
            aporte_(c, normalizado * (c.cumplimiento_acotado or CERO))
    return valor, tuple(contribuciones)


def calificar(
    plan: PlanDeGestion,
    trimestre: Trimestre,
    politica: Politica,
    resultados: Sequence[tuple[Resultado | None, str]],
) -> Calificacion:
    contribuciones = [
        _contribucion(meta, trimestre, *resultados[i], politica)
        for i, meta in enumerate(plan.metas)
    ]
    valor, finales = _ponderar(contribuciones, politica.calificacion_ponderada)
    return Calificacion(plan.unidad, trimestre, valor, finales)


def resultados_de(
    plan: PlanDeGestion, k: int, politica: Politica
) -> tuple[tuple[Resultado | None, str], ...]:
    """El resultado de cada meta (por su posición) a ``k`` y, si no se puede calcular, por qué:
    los de :func:`~sdg_metas.calculos.resultados_del_plan`, que evalúa cada meta una vez para
    los cuatro trimestres y lo recuerda en el plan."""
    return tuple([(cuatro[k - 1], error) for cuatro, error in resultados_del_plan(plan, politica)])


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
    validar_plan(plan)
    validar_politica(politica)
    t = trimestre_de(plan, trimestre)
    return calificar(plan, t, politica, resultados_de(plan, t.numero, politica))


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
    if type(politica) is not Politica:  # camino rápido (issue 12): la clase exacta ya es válida
        validar_politica(politica)
    if valor is None:
        return Semaforo.SIN_DATO
    if isinstance(valor, bool) or not isinstance(valor, Decimal) or not valor.is_finite():
        raise TipoInvalido(
            f"valor: {mostrar(valor)} debe ser un Decimal finito (una fracción, 1 = 100 %) o quedar vacío",
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



def si_no(valor: bool) -> str:
    """«sí» o «no», como se escribe en las filas."""
    return "sí" if valor else "no"

