"""CON-04: las filas del cierre de la vigencia (consolidado anual e informe de gestión)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal, localcontext

from ..calculos import Resultado
from ..modelo import Meta, PlanDeGestion, Reporte, Trimestre
from ..numeros import CONTEXTO, porcentaje
from ..politica import POLITICA_PLE_PIN_P005_V8, CalificacionAnual, Politica
from ._calificacion import (
    CERO,
    Calificacion,
    Fila,
    calificar,
    resultados_de,
    semaforo,
    si_no,
    validar_planes,
    validar_politica,
    validar_vigencia,
)


def _analisis_del_resultado(reportes: Sequence[Reporte]) -> str | None:
    """El análisis del resultado acumulado del último reporte (o su análisis del avance)."""
    if not reportes:
        return None
    ultimo = reportes[-1]
    texto = ultimo.analisis_acumulado.strip() or ultimo.analisis.strip()
    return texto or None


def _de_la_vigencia(planes: object, vigencia: object) -> tuple[PlanDeGestion, ...]:
    lista = validar_planes(planes)
    anio = validar_vigencia(vigencia)
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
    validar_politica(politica)
    resultado_filas: list[Fila] = []
    for plan in _de_la_vigencia(planes, vigencia):
        resultados = resultados_de(plan, 4, politica)
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
                    "eliminada": si_no(_eliminada_en(meta, plan.vigencia)),
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
        return sum(valores, CERO) / len(valores)


def _trimestrales(
    plan: PlanDeGestion, politica: Politica
) -> tuple[list[Calificacion], Sequence[tuple[Resultado | None, str]]]:
    """Las calificaciones T1..T4 del plan y los resultados de sus metas al cuarto trimestre."""
    trimestrales = []
    for k in (1, 2, 3, 4):
        resultados = resultados_de(plan, k, politica)
        trimestrales.append(calificar(plan, Trimestre(plan.vigencia, k), politica, resultados))
    return trimestrales, resultados


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
    validar_politica(politica)
    resultado_filas: list[Fila] = []
    for plan in _de_la_vigencia(planes, vigencia):
        trimestrales, resultados = _trimestrales(plan, politica)
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

