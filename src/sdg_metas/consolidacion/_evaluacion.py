"""La evaluación de un plan a un trimestre (cifras, semáforo, hallazgos y calificación) y sus
filas de valores simples."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import cast

import attrs

from .._validacion import exigir_iterable, exigir_tipo, mostrar
from ..calculos import Resultado
from ..calendario import Calendario
from ..errores import TipoInvalido
from ..formulacion import verificar_plan
from ..modelo import Meta, PlanDeGestion, Trimestre, memoria_del_plan
from ..numeros import porcentaje
from ..politica import POLITICA_PLE_PIN_P005_V8, Politica
from ..reglas import Hallazgo
from ..reportes import verificar_reportes_plan
from ._calificacion import (
    Calificacion,
    Contribucion,
    Fila,
    Semaforo,
    calificar,
    resultados_de,
    semaforo,
    si_no,
    trimestre_de,
    validar_plan,
    validar_politica,
)
from ._ranking import PosicionRanking


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

    def _repr_html_(self) -> str:
        from ..presentacion import html_evaluacion

        return html_evaluacion(self)

    @property
    def hallazgos(self) -> tuple[Hallazgo, ...]:
        """Todos los hallazgos: los del plan y los de cada meta."""
        return self.hallazgos_plan + tuple(h for m in self.metas for h in m.hallazgos)


#: Los hallazgos REP de una meta de sus reportes hasta T1, T2, T3 y T4.
_PorTrimestre = tuple[
    tuple[Hallazgo, ...], tuple[Hallazgo, ...], tuple[Hallazgo, ...], tuple[Hallazgo, ...]
]
#: Los hallazgos de un plan, agrupados: los del plan y, por código de meta, sus hallazgos FOR y
#: sus hallazgos REP hasta cada trimestre.
_Agrupados = tuple[tuple[Hallazgo, ...], dict[str, tuple[tuple[Hallazgo, ...], _PorTrimestre]]]


def _hallazgos(
    plan: PlanDeGestion,
    politica: Politica,
    calendario: Calendario | None,
    objetivos_estrategicos: Iterable[str] | None,
) -> _Agrupados:
    """Hallazgos de formulación (FOR-*, :func:`~sdg_metas.verificar_plan`) y de todos los
    reportes (REP-*, :func:`~sdg_metas.verificar_reportes_plan`), agrupados por meta.

    Ninguno depende del trimestre evaluado (los de un reporte solo miran los reportes
    anteriores, y cada hallazgo REP lleva el trimestre de su reporte): se calculan y se agrupan
    una vez por plan, política, calendario y objetivos, y se recuerdan en
    :func:`~sdg_metas.modelo.memoria_del_plan` (issue 12); cada trimestre toma de cada meta los
    de sus reportes hasta él. Con argumentos que no se pueden recordar (objetivos que no son una
    secuencia de textos) se calculan cada vez.
    """
    if calendario is not None:
        exigir_tipo(calendario, Calendario, "calendario", "un Calendario o None")
    recordable, objetivos = _clave_de_objetivos(objetivos_estrategicos)
    if not recordable:
        return _agrupar(
            verificar_plan(plan, objetivos_estrategicos, politica=politica),
            verificar_reportes_plan(plan, politica, calendario),
        )
    memoria = memoria_del_plan(plan)
    clave = ("hallazgos", politica, objetivos, calendario)
    recordados = memoria.get(clave)
    if recordados is None:
        recordados = memoria[clave] = _agrupar(
            verificar_plan(plan, objetivos, politica=politica),
            verificar_reportes_plan(plan, politica, calendario),
        )
    return cast("_Agrupados", recordados)


def _agrupar(formulacion: tuple[Hallazgo, ...], de_reportes: tuple[Hallazgo, ...]) -> _Agrupados:
    del_plan = tuple(h for h in formulacion if h.codigo_meta is None)
    for_meta: dict[str, list[Hallazgo]] = {}
    for h in formulacion:
        if h.codigo_meta is not None:
            for_meta.setdefault(h.codigo_meta, []).append(h)
    rep_meta: dict[str, list[Hallazgo]] = {}
    for h in de_reportes:  # en el orden de verificar_reportes_plan: por meta y trimestre
        rep_meta.setdefault(cast("str", h.codigo_meta), []).append(h)
    por_codigo: dict[str, tuple[tuple[Hallazgo, ...], _PorTrimestre]] = {}
    for codigo in for_meta.keys() | rep_meta.keys():
        propios = rep_meta.get(codigo, [])
        hasta = tuple(tuple(h for h in propios if _hasta(h, k)) for k in (1, 2, 3, 4))
        por_codigo[codigo] = (tuple(for_meta.get(codigo, ())), cast("_PorTrimestre", hasta))
    return del_plan, por_codigo


def _hasta(hallazgo: Hallazgo, k: int) -> bool:
    return hallazgo.trimestre is None or hallazgo.trimestre.numero <= k


def _clave_de_objetivos(objetivos: object) -> tuple[bool, tuple[str, ...] | None]:
    """(¿se puede recordar?, los objetivos como parte de la clave de la memoria).

    La política y el calendario siempre se pueden recordar: sus validadores solo admiten
    campos inmutables.
    """
    if objetivos is None:
        return True, None
    if isinstance(objetivos, (tuple, list)) and all(isinstance(o, str) for o in objetivos):
        return True, tuple(objetivos)
    return False, None


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
    validar_plan(plan)
    validar_politica(politica)
    t = trimestre_de(plan, trimestre)
    resultados = resultados_de(plan, t.numero, politica)
    cal = calificar(plan, t, politica, resultados)
    del_plan, por_codigo = _hallazgos(plan, politica, calendario, objetivos_estrategicos)
    corte = t.numero - 1
    metas = []
    vistos: set[str] = set()
    for i, meta in enumerate(plan.metas):
        resultado = resultados[i][0]
        cumplimiento = resultado.cumplimiento if resultado is not None else None
        # Con códigos repetidos (FOR-08) los hallazgos del código van a su primera meta.
        propios: tuple[Hallazgo, ...] = ()
        grupo = None if meta.codigo in vistos else por_codigo.get(meta.codigo)
        if grupo is not None:
            formulacion, hasta = grupo
            propios = formulacion + hasta[corte]
        vistos.add(meta.codigo)
        metas.append(
            EvaluacionMeta(
                meta, resultado, semaforo(cumplimiento, politica), cal.contribuciones[i], propios
            )
        )
    return EvaluacionPlan(plan, t, tuple(metas), cal, semaforo(cal.valor, politica), del_plan)


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
            f"evaluacion: {mostrar(evaluacion)} debe ser una EvaluacionPlan (use evaluar_plan)",
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
                "eliminada": si_no(not m.meta.activa_en(evaluacion.trimestre)),
                "programado_acumulado": r.programado_acumulado if r else None,
                "ejecucion_acumulada": r.ejecucion_acumulada if r else None,
                "avance_trimestre_pct": porcentaje(r.avance_trimestre) if r else None,
                "cumplimiento_pct": porcentaje(r.cumplimiento) if r else None,
                "avance_vigencia_pct": porcentaje(r.avance_vigencia) if r else None,
                "semaforo": m.semaforo.value,
                "situacion": c.situacion.value,
                "cuenta": si_no(c.cuenta),
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


def filas_de_planes(
    planes: Iterable[PlanDeGestion],
    trimestre: int | str,
    politica: Politica = POLITICA_PLE_PIN_P005_V8,
    calendario: Calendario | None = None,
) -> Iterator[Fila]:
    """Las filas (:func:`filas`) de cada plan evaluado al trimestre, una tras otra y a demanda.

    Es la función que se reparte sobre particiones (ver ``docs/escala.md``): recibe cualquier
    iterable de planes (una lista, un generador que los lee de disco, la partición de un motor
    distribuido) y no guarda más que un plan a la vez. ``trimestre`` es un número 1..4 (de la
    vigencia de cada plan) o un texto ``"2025-T2"``.

    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> filas_ = list(filas_de_planes([plan_ejemplo(), plan_ejemplo()], 2))
    >>> len(filas_), filas_[0]["calificacion_plan_pct"]
    (12, Decimal('85.25'))
    """
    if isinstance(planes, (str, bytes)) or not isinstance(planes, Iterable):
        raise TipoInvalido(
            f"planes: {mostrar(planes)} debe ser un iterable de PlanDeGestion",
            campo="planes",
            valor=planes,
        )
    for plan in planes:
        yield from filas(evaluar_plan(plan, trimestre, politica, calendario))


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
    >>> from sdg_metas import ranking
    >>> como_filas(ranking([plan_ejemplo()], 4))
    [{'posicion': 1, 'vigencia': 2025, 'trimestre': '2025-T4', 'unidad': 'Proceso Inspección, Vigilancia y Control', 'nivel': 'central', 'calificacion_pct': Decimal('87.75'), 'semaforo': 'verde', 'metas_que_cuentan': 6}]
    """
    if isinstance(objetos, EvaluacionPlan):
        return filas(objetos)
    exigir_iterable(
        objetos, "objetos", "una EvaluacionPlan o una secuencia de EvaluacionPlan o de PosicionRanking"
    )
    resultado: list[Fila] = []
    for i, objeto in enumerate(objetos):
        if isinstance(objeto, EvaluacionPlan):
            resultado.extend(filas(objeto))
        elif isinstance(objeto, PosicionRanking):
            resultado.append(_fila_ranking(objeto))
        else:
            raise TipoInvalido(
                f"objetos[{i}]: {mostrar(objeto)} debe ser una EvaluacionPlan o una PosicionRanking",
                campo=f"objetos[{i}]",
                valor=objeto,
            )
    return resultado


