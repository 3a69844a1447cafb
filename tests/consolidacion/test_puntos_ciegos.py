"""Puntos ciegos de la consolidación que la prueba de mutación encontró (issue 13).

Cada prueba trabaja a mano un plan pequeño y nombra la cláusula: Actividad 12 (ranking de
gestión del periodo), Actividades 14 y 15 (consolidación anual e informe de gestión), Política
de operación «las metas marcadas como “Meta eliminada” no se tienen en cuenta en la calificación»
y las interpretaciones INT-50 a INT-57 (docs/interpretaciones.md). Se agrupan por punto ciego:

- la ``Politica`` y el ``Calendario`` que recibe una función llegan a todo lo que calcula
  (semáforos, calificación del ranking, hallazgos FOR y REP);
- lo recordado por plan no se mezcla entre trimestres, políticas ni calendarios;
- las cifras no dependen del contexto decimal de quien llama;
- las columnas de las filas que nadie leía (avances, trimestre, metas que cuentan, unidad de
  medida, metas sin resultado);
- los textos: ``explicar()``, los motivos de cada situación y los errores (``codigo``,
  ``campo``, ``valor`` y mensaje).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Context, Decimal, localcontext

import attrs
import pytest

from sdg_metas import (
    POLITICA_PLE_PIN_P005_V8,
    CalificacionAnual,
    ErrorModelo,
    ErrorTrimestre,
    Indicador,
    Meta,
    Nivel,
    PlanDeGestion,
    Programacion,
    Reporte,
    Semaforo,
    Situacion,
    TipoInvalido,
    TratamientoSinCumplimiento,
    Trimestre,
    calificacion,
    como_filas,
    consolidado_anual,
    evaluar_plan,
    filas,
    informe_gestion,
    ranking,
    semaforo,
)
from sdg_metas.calendario import Calendario
from sdg_metas.consolidacion import filas_de_planes

D = Decimal
POL = POLITICA_PLE_PIN_P005_V8
#: Bandas más exigentes (INT-54): rojo < 75 % ≤ amarillo < 90 % ≤ verde.
EXIGENTE = attrs.evolve(POL, semaforo_amarillo_desde=D("0.75"), semaforo_verde_desde=D("0.9"))


def _meta(codigo: str, tipo: str, magnitud: object, trimestres: list[object], peso: object,
          **extra: object) -> Meta:
    linea_base = extra.pop("linea_base", None)
    return Meta(codigo=codigo, descripcion=f"Realizar la meta {codigo}",
                programacion=Programacion(tipo, magnitud, trimestres, linea_base=linea_base),
                peso=peso, **extra)  # type: ignore[arg-type]


def _reporte(codigo: str, numero: int, ejecucion: object, **extra: object) -> Reporte:
    return Reporte(codigo_meta=codigo, trimestre=Trimestre(2025, numero), ejecucion=ejecucion,
                   **extra)  # type: ignore[arg-type]


def _plan(metas: list[Meta], reportes: list[Reporte], unidad: str = "Proceso X",
          nivel: str = "central", vigencia: int = 2025) -> PlanDeGestion:
    return PlanDeGestion(vigencia=vigencia, unidad=unidad, nivel=nivel, metas=metas,
                         reportes=reportes)


def _setenta(unidad: str = "Proceso X") -> PlanDeGestion:
    """A: SUMA 10 programada solo en T1, peso 100, T1 = 7: cumplimiento 7/10 = 70 % desde T1 y
    avance de la vigencia 7/10 = 70 % al T4."""
    return _plan([_meta("A", "suma", 10, [10, None, None, None], 100)], [_reporte("A", 1, 7)],
                 unidad)


# --- la política llega a todo (INT-54, INT-51, INT-53) -----------------------------------------


def test_las_bandas_de_la_politica_llegan_a_cada_semaforo() -> None:
    """CON-03 con bandas propias (INT-54): 70 % es AMARILLO con las bandas por defecto (60 % ≤
    70 % < 80 %) y ROJO con rojo < 75 %. Lo mismo en la meta y el plan de ``evaluar_plan``, en el
    ranking (Actividad 12) y en el consolidado anual y el informe de gestión (Actividades 14 y
    15: al T4 la meta lleva 7 de 10, 70 %; la calificación del T4 es 70 %)."""
    por_defecto, exigente = evaluar_plan(_setenta(), 1), evaluar_plan(_setenta(), 1, EXIGENTE)
    assert (por_defecto.metas[0].semaforo, por_defecto.semaforo) == (Semaforo.AMARILLO,) * 2
    assert (exigente.metas[0].semaforo, exigente.semaforo) == (Semaforo.ROJO,) * 2
    assert ranking([_setenta()], 1)[0].semaforo is Semaforo.AMARILLO
    assert ranking([_setenta()], 1, EXIGENTE)[0].semaforo is Semaforo.ROJO
    assert consolidado_anual([_setenta()], 2025)[0]["semaforo"] == "amarillo"
    assert consolidado_anual([_setenta()], 2025, EXIGENTE)[0]["semaforo"] == "rojo"
    assert informe_gestion([_setenta()], 2025)[0]["semaforo_anual"] == "amarillo"
    assert informe_gestion([_setenta()], 2025, EXIGENTE)[0]["semaforo_anual"] == "rojo"


def test_el_ranking_califica_con_la_politica_recibida() -> None:
    """Actividad 12 con INT-51 = EXCLUIR: A (peso 50) ejecuta 8 de 10 y B (peso 50) no reporta.
    Por defecto B cuenta 0: (50·0.8 + 50·0)/100 = 0.4; excluyéndola, 0.8."""
    plan = _plan([_meta("A", "suma", 10, [10, None, None, None], 50),
                  _meta("B", "suma", 10, [10, None, None, None], 50)], [_reporte("A", 1, 8)])
    excluir = attrs.evolve(POL, meta_sin_reporte=TratamientoSinCumplimiento.EXCLUIR)
    assert ranking([plan], 1)[0].valor == D("0.4")
    assert ranking([plan], 1, excluir)[0].valor == D("0.8")


def test_el_ranking_compara_con_los_decimales_de_la_politica() -> None:
    """INT-53 con ``decimales_ranking = 0``: 80.4 % y 79.6 % se publican ambos como 80 % y
    empatan (posición 1 los dos, por nombre de unidad); con 2 decimales no."""
    planes = [_plan([_meta("M", "suma", 100, [100, None, None, None], 100)],
                    [_reporte("M", 1, e)], u) for u, e in (("B", "80.4"), ("A", "79.6"))]
    enteros = attrs.evolve(POL, decimales_ranking=0)
    assert [(p.posicion, p.unidad) for p in ranking(planes, 1, enteros)] == [(1, "A"), (1, "B")]
    assert [(p.posicion, p.unidad) for p in ranking(planes, 1)] == [(1, "B"), (2, "A")]


def test_ranking_sin_calificacion_al_final_por_unidad() -> None:
    """Actividad 12: los planes sin calificación (nada programado al T1) van al final, sin
    posición, ordenados por unidad aunque lleguen en otro orden, cada uno con su nivel y su
    calificación vacía del trimestre."""
    vacio = [_meta("M", "suma", 10, [None, None, 10, None], 100)]
    planes = [_plan(vacio, [], "Proceso Z"), _plan(vacio, [], "Alcaldía Bosa", "local"),
              _setenta("Proceso Y")]
    r = ranking(planes, 1)
    assert [(p.posicion, p.unidad, p.nivel) for p in r] == [
        (1, "Proceso Y", Nivel.CENTRAL), (None, "Alcaldía Bosa", Nivel.LOCAL),
        (None, "Proceso Z", Nivel.CENTRAL)]
    assert [p.calificacion.trimestre for p in r] == [Trimestre(2025, 1)] * 3
    assert [p.calificacion.unidad for p in r] == ["Proceso Y", "Alcaldía Bosa", "Proceso Z"]
    assert r[1].calificacion.valor is None


# --- hallazgos: política, calendario y lo recordado por plan -----------------------------------


def _ochenta() -> PlanDeGestion:
    """Una meta de peso 80 (FOR-04: los pesos suman 80, no 100) con el reporte del 2025-T1
    enviado el miércoles 16 de abril de 2025, un día hábil después del límite del martes 15
    (Actividad 9: 15 días calendario después del cierre del trimestre)."""
    return _plan([_meta("A", "suma", 10, [10, None, None, None], 80)],
                 [_reporte("A", 1, 5, fecha_envio=date(2025, 4, 16))])


#: La entidad declara no hábil el martes 15 de abril de 2025: el límite pasa al miércoles 16.
LIBRE_15 = Calendario(no_habiles={date(2025, 4, 15)})
SUMA_80 = attrs.evolve(POL, suma_pesos_plan=D(80))


def _reglas(ev: object) -> set[str]:
    return {h.regla for h in ev.hallazgos}  # type: ignore[attr-defined]


def _objetivos(clase: object) -> Iterable[str] | None:
    """Los objetivos como llegan: nada, una lista o un generador (que no se puede recordar)."""
    if clase == "generador":
        return (o for o in ["Objetivo"])
    return clase  # type: ignore[return-value]


def test_hallazgos_del_plan_con_su_politica_y_su_calendario() -> None:
    """FOR-04 es un hallazgo del plan (no de una meta) y desaparece si la política pide que los
    pesos sumen 80 (INT-48); REP-06 (extemporáneo) desaparece con el calendario de la entidad.
    Vale con objetivos en lista (se recuerdan) y en un generador (se calculan cada vez)."""
    ev = evaluar_plan(_ochenta(), 1)
    assert [(h.regla, h.codigo_meta) for h in ev.hallazgos_plan] == [("FOR-04", None)]
    assert {"FOR-04", "REP-06"} <= _reglas(ev)
    for objetivos in (None, ["Objetivo"], "generador"):
        con_politica = evaluar_plan(_ochenta(), 1, SUMA_80,
                                    objetivos_estrategicos=_objetivos(objetivos))
        assert "FOR-04" not in _reglas(con_politica)
        assert con_politica.hallazgos_plan == ()
        con_calendario = evaluar_plan(_ochenta(), 1, calendario=LIBRE_15,
                                      objetivos_estrategicos=_objetivos(objetivos))
        assert "REP-06" not in _reglas(con_calendario)
        assert "FOR-04" in _reglas(con_calendario)


def test_filas_de_planes_usa_el_calendario() -> None:
    """``filas_de_planes`` pasa el calendario a la evaluación: sin él el reporte del T1 es
    extemporáneo (REP-06), con el de la entidad no."""
    assert "REP-06" in str(next(filas_de_planes([_ochenta()], 1))["reglas_hallazgos"])
    fila = next(filas_de_planes([_ochenta()], 1, POL, LIBRE_15))
    assert "REP-06" not in str(fila["reglas_hallazgos"])


def test_lo_recordado_no_se_mezcla_entre_trimestres_politicas_ni_calendarios() -> None:
    """El mismo objeto plan evaluado varias veces (issue 12 recuerda por plan): cada llamada da
    los hallazgos de sus propios argumentos, como un plan recién construido."""
    plan = _plan([_meta("A", "suma", 20, [10, 10, None, None], 80)],
                 [_reporte("A", 1, 5, fecha_envio=date(2025, 4, 16)),
                  _reporte("A", 2, 5, fecha_envio=date(2025, 7, 30))])
    t1 = evaluar_plan(plan, 1)
    assert {h.trimestre for h in t1.hallazgos if h.trimestre} == {Trimestre(2025, 1)}
    t2 = evaluar_plan(plan, 2)
    assert Trimestre(2025, 2) in {h.trimestre for h in t2.hallazgos}
    assert "FOR-04" not in _reglas(evaluar_plan(plan, 2, SUMA_80))
    assert "FOR-04" in _reglas(evaluar_plan(plan, 2))
    al_t1 = [h for h in evaluar_plan(plan, 1, calendario=LIBRE_15).hallazgos
             if h.regla == "REP-06"]
    assert al_t1 == []


def test_hallazgos_de_un_codigo_repetido_van_a_su_primera_meta() -> None:
    """FOR-08 (códigos repetidos): los hallazgos del código «A» se listan una vez, en la primera
    meta con ese código; la segunda no repite ninguno."""
    metas = [_meta("A", "suma", 10, [10, None, None, None], 50),
             _meta("A", "suma", 10, [10, None, None, None], 50)]
    ev = evaluar_plan(_plan(metas, []), 1)
    assert ev.metas[0].hallazgos
    assert all(h.codigo_meta == "A" for h in ev.metas[0].hallazgos)
    assert ev.metas[1].hallazgos == ()


# --- el contexto decimal de quien llama no cambia las cifras -----------------------------------


def _tercios() -> PlanDeGestion:
    """Tres metas de peso 1: A ejecuta 1 de 3 (1/3), B 2 de 3 (2/3), C 3 de 3 (1)."""
    metas = [_meta(c, "suma", 3, [3, None, None, None], 1) for c in "ABC"]
    return _plan(metas, [_reporte(c, 1, e) for c, e in zip("ABC", (1, 2, 3), strict=True)])


def test_las_cifras_no_dependen_del_contexto_de_quien_llama() -> None:
    """Las cuentas se hacen en el contexto de la biblioteca (50 cifras), no en el de quien
    llama: con precisión 3 afuera, el cumplimiento 1/3, la calificación (1/3 + 2/3 + 1)/3 = 2/3,
    el texto de ``explicar()`` (peso 1/3 sin «promedio simple») y la calificación anual
    promediada (INT-55) son los mismos que con el contexto por defecto."""
    esperado_ev = evaluar_plan(_tercios(), 1)
    esperado_texto = calificacion(_tercios(), 1).explicar()
    assert "peso 1/3 → aporta 11.11 %" in esperado_texto
    promedio = attrs.evolve(POL, calificacion_anual=CalificacionAnual.PROMEDIO_TRIMESTRES)
    anual = _plan([_meta("A", "suma", 3, [1, 1, 1, None], 100)],
                  [_reporte("A", 1, 1), _reporte("A", 2, 1)])
    # T1 1/1 = 1, T2 2/2 = 1, T3 2/3, T4 2/3 (sin T4 programado, PA = 3): (2 + 4/3)/4 = 5/6.
    with localcontext(Context(prec=3)):
        ev = evaluar_plan(_tercios(), 1)
        texto = calificacion(_tercios(), 1).explicar()
        fila = informe_gestion([anual], 2025, promedio)[0]
    assert ev.metas[0].resultado == esperado_ev.metas[0].resultado
    assert ev.calificacion.valor == esperado_ev.calificacion.valor
    assert texto == esperado_texto
    assert fila["calificacion_anual_pct"] == D("83.33")


# --- columnas que nadie leía -------------------------------------------------------------------


def test_filas_avances_y_trimestre() -> None:
    """``filas()`` al 2025-T2 de A (SUMA 100, 25 por trimestre; T1 = 20, T2 = 30): avance del
    trimestre 30/25 = 120 %, cumplimiento (20 + 30)/(25 + 25) = 100 %, avance de la vigencia
    50/100 = 50 %. Una meta DECRECIENTE sin línea base no tiene resultado: sus cifras son
    ``None`` y su semáforo ``sin_dato``."""
    metas = [_meta("A", "suma", 100, [25, 25, 25, 25], 80),
             _meta("X", "decreciente", 10, [40, 30, 20, 10], 20)]
    a, x = filas(evaluar_plan(_plan(metas, [_reporte("A", 1, 20), _reporte("A", 2, 30)]), 2))
    assert a["trimestre"] == "2025-T2"
    assert (a["avance_trimestre_pct"], a["cumplimiento_pct"], a["avance_vigencia_pct"]) == (
        D("120.00"), D("100.00"), D("50.00"))
    assert (x["programado_acumulado"], x["ejecucion_acumulada"], x["avance_trimestre_pct"],
            x["cumplimiento_pct"], x["avance_vigencia_pct"], x["semaforo"]) == (
        None, None, None, None, None, "sin_dato")


def test_filas_reglas_de_los_hallazgos_separadas_por_coma() -> None:
    """Una meta SUMA cuyos trimestres suman 95 y no 100 (FOR-02) y sin entregables ni
    indicador (FOR-06, dos veces): ``reglas_hallazgos`` lista cada regla una vez, en orden."""
    metas = [_meta("A", "suma", 100, [25, 25, 25, 20], 100)]
    (fila,) = filas(evaluar_plan(_plan(metas, []), 1))
    assert (fila["hallazgos"], fila["reglas_hallazgos"]) == (3, "FOR-02, FOR-06")


def test_fila_del_ranking() -> None:
    """La fila de un plan en el ranking (Actividad 12): de sus tres metas cuentan dos (la
    tercera no tiene nada programado al T1)."""
    metas = [_meta("A", "suma", 10, [10, None, None, None], 40),
             _meta("B", "suma", 10, [10, None, None, None], 40),
             _meta("C", "suma", 10, [None, 10, None, None], 20)]
    plan = _plan(metas, [_reporte("A", 1, 10), _reporte("B", 1, 5)], "Alcaldía Usme", "local")
    (fila,) = como_filas(ranking([plan], 1))
    # (40·1 + 40·0.5)/80 = 0.75
    assert fila == {"posicion": 1, "vigencia": 2025, "trimestre": "2025-T1",
                    "unidad": "Alcaldía Usme", "nivel": "local", "calificacion_pct": D("75.00"),
                    "semaforo": "amarillo", "metas_que_cuentan": 2}


def _anual() -> PlanDeGestion:
    """A: SUMA 100, 25 por trimestre, peso 50, sin unidad propia pero con indicador en
    «acciones»; reporta 25 en T1, T2 y T3 y nada en T4. X: DECRECIENTE 40 → 10 sin línea base
    (no se puede calcular, FOR-02), peso 50, reporta 35 en T1."""
    indicador = Indicador("Acciones realizadas", "acciones realizadas", "acciones programadas",
                          "acciones")
    metas = [_meta("A", "suma", 100, [25, 25, 25, 25], 50, indicador=indicador),
             _meta("X", "decreciente", 10, [40, 30, 20, 10], 50)]
    reportes = [_reporte("A", k, 25) for k in (1, 2, 3)] + [_reporte("X", 1, 35)]
    return _plan(metas, reportes)


def test_consolidado_anual_unidad_de_medida_y_meta_sin_resultado() -> None:
    """CB-0404 (Actividad 14): A toma la unidad de medida de su indicador; programado anual
    100, ejecutado 75, avance 75 %. X, sin resultado, deja vacías sus cifras; no está
    eliminada."""
    a, x = consolidado_anual([_anual()], 2025)
    assert a["unidad_medida"] == "acciones"
    assert (a["programado_anual"], a["ejecucion_anual"], a["avance_anual_pct"]) == (
        D(100), D(75), D("75.00"))
    assert x["unidad_medida"] == ""
    assert (x["programado_anual"], x["ejecucion_anual"], x["avance_anual_pct"], x["semaforo"]) == (
        None, None, None, "sin_dato")
    assert (a["eliminada"], a["eliminada_desde"], x["eliminada_desde"]) == ("no", None, None)


def test_informe_gestion_cada_trimestre_y_meta_sin_resultado() -> None:
    """Informe de gestión (Actividad 15): A cumple 100 % en T1, T2 y T3 (25 de 25 acumulado
    por trimestre) y 75 % al T4 (75 de 100); X no tiene cumplimiento y se excluye (INT-52).
    Calificaciones 100, 100, 100 y 75 %; la anual es la del T4 (INT-55), amarilla. A no llegó a
    la meta (75 % < 100 %, INT-56) y X no tiene dato."""
    (fila,) = informe_gestion([_anual()], 2025)
    assert [fila[f"calificacion_t{k}_pct"] for k in (1, 2, 3, 4)] == [
        D("100.00"), D("100.00"), D("100.00"), D("75.00")]
    assert (fila["calificacion_anual_pct"], fila["semaforo_anual"]) == (D("75.00"), "amarillo")
    assert (fila["metas_cumplidas"], fila["metas_no_cumplidas"], fila["metas_sin_dato"],
            fila["metas_eliminadas"]) == (0, 1, 1, 0)
    assert (fila["vigencia"], fila["unidad"], fila["nivel"]) == (2025, "Proceso X", "central")


# --- textos: explicar(), motivos y errores -----------------------------------------------------


def _mixto() -> PlanDeGestion:
    """T1 de: A (peso 20.50) ejecuta 15 de 10 → 150 %, acotado a 100 % (INT-50); B (peso 0.5)
    no reporta → cuenta 0 (INT-51); C (peso 1E+1, es decir 10) ejecuta 5 de 10 → 50 %; D (peso
    0) está eliminada desde el T1 y ejecutó 1 de 1."""
    metas = [_meta("A", "suma", 10, [10, None, None, None], "20.50"),
             _meta("B", "suma", 10, [10, None, None, None], "0.5"),
             _meta("C", "suma", 10, [10, None, None, None], "1E+1"),
             _meta("D", "suma", 4, [1, 1, 1, 1], 0, eliminada_desde=Trimestre(2025, 1))]
    return _plan(metas, [_reporte("A", 1, 15), _reporte("C", 1, 5), _reporte("D", 1, 1)])


def test_explicar_a_mano() -> None:
    """CON-01: pesos que cuentan 20.5 + 0.5 + 10 = 31; (20.5·1 + 0.5·0 + 10·0.5)/31 = 25.5/31
    = 0.82258… → 82.26 %. Aportes: 20.5/31 = 66.13 %, 0 y 10/31 · 0.5 = 16.13 %. La meta
    eliminada no cuenta (Política de operación: «no se tendrá en cuenta su resultado»)."""
    c = calificacion(_mixto(), 1)
    assert c.unidad == "Proceso X"
    assert c.explicar() == "\n".join([
        "Calificación de Proceso X en 2025-T1: 82.26 % (CON-01)",
        "- A: cuenta; cumplimiento 150.00 %, acotado 100.00 %, peso 20.5/31 → aporta 66.13 %",
        "- B: cuenta; cumplimiento —, acotado 0.00 %, peso 0.5/31 → aporta 0.00 %",
        "- C: cuenta; cumplimiento 50.00 %, acotado 50.00 %, peso 10/31 → aporta 16.13 %",
        "- D: no cuenta; meta eliminada desde 2025-T1: su resultado no cuenta (MOD-11, CON-01)",
    ])
    a, b, cc, d = c.contribuciones
    assert a.motivo == "cumplimiento 150.00 % acotado a [0.00 %, 100.00 %] (INT-50, CON-01)"
    assert b.motivo == (
        "programada hasta T1 y sin ejecución reportada: cuenta como 0 (INT-51, CON-01)")
    assert cc.motivo == "cumplimiento a la fecha (CON-01)"
    # La eliminada conserva su peso y su cumplimiento (1/1), aunque no cuente.
    assert (d.situacion, d.cuenta, d.peso, d.cumplimiento) == (Situacion.ELIMINADA, False, D(0),
                                                               D(1))


def test_explicar_metas_que_cuentan_con_peso_total_cero() -> None:
    """Z cuenta (programada y medida, 5 de 10) pero los pesos que cuentan suman 0: no hay
    promedio ponderado y la calificación queda vacía; la línea de Z da su motivo."""
    plan = _plan([_meta("Z", "suma", 10, [10, None, None, None], 0)], [_reporte("Z", 1, 5)])
    assert calificacion(plan, 1).explicar() == "\n".join([
        "Calificación de Proceso X en 2025-T1: sin calificación (CON-01)",
        "- Z: cuenta; cumplimiento a la fecha (CON-01)",
    ])


def test_motivos_de_sin_reporte_y_no_aplica_segun_la_politica() -> None:
    """INT-51 = EXCLUIR: B (sin reporte) no cuenta. INT-52: N (CRECIENTE, LB 50 y T1 programado
    en 50: (55 − 50)/(50 − 50) no aplica) se excluye por defecto y cuenta 0 con CERO. Una meta
    DECRECIENTE sin línea base eliminada no tiene cumplimiento."""
    excluir = attrs.evolve(POL, meta_sin_reporte=TratamientoSinCumplimiento.EXCLUIR)
    b = calificacion(_mixto(), 1, excluir).contribuciones[1]
    assert (b.situacion, b.cuenta, b.peso) == (Situacion.SIN_REPORTE, False, D("0.5"))
    assert b.motivo == (
        "programada hasta T1 y sin ejecución reportada: se excluye (INT-51, CON-01)")
    metas = [_meta("N", "creciente", 60, [50, 60, None, None], 10, linea_base=50),
             _meta("X", "decreciente", 10, [40, 30, 20, 10], 10,
                   eliminada_desde=Trimestre(2025, 1))]
    plan = _plan(metas, [_reporte("N", 1, 55), _reporte("X", 1, 35)])
    n, x = calificacion(plan, 1).contribuciones
    assert n.motivo == "el cumplimiento no aplica (denominador 0): se excluye (INT-52, CON-01)"
    assert (x.situacion, x.cumplimiento) == (Situacion.ELIMINADA, None)
    cero = attrs.evolve(POL, meta_no_aplica=TratamientoSinCumplimiento.CERO)
    n0 = calificacion(plan, 1, cero).contribuciones[0]
    assert (n0.situacion, n0.cuenta, n0.cumplimiento, n0.cumplimiento_acotado) == (
        Situacion.NO_APLICA, True, None, D(0))
    assert n0.motivo == (
        "el cumplimiento no aplica (denominador 0): cuenta como 0 (INT-52, CON-01)")


def test_cada_contribucion_lleva_codigo_peso_y_cuenta_de_su_meta() -> None:
    """CON-01, una meta por situación en T1 (con INT-51 y INT-52 en EXCLUIR, las dos por
    defecto o no): cada contribución lleva el código y el peso de su meta, ``cuenta`` es un
    booleano y la que no cuenta no tiene cumplimiento acotado.

    - P: SUMA programada desde T2: ningún trimestre programado hasta T1 (NO_PROGRAMADA);
    - S: programada en T1 y sin reporte (SIN_REPORTE, excluida);
    - N: CRECIENTE con LB 50 y T1 = 50: (55 − 50)/(50 − 50) no aplica (NO_APLICA, excluida)."""
    metas = [_meta("P", "suma", 10, [None, 10, None, None], 3),
             _meta("S", "suma", 10, [10, None, None, None], 4),
             _meta("N", "creciente", 60, [50, 60, None, None], 5, linea_base=50)]
    plan = _plan(metas, [_reporte("N", 1, 55)])
    excluir = attrs.evolve(POL, meta_sin_reporte=TratamientoSinCumplimiento.EXCLUIR)
    c = calificacion(plan, 1, excluir)
    assert [(x.codigo_meta, x.peso, x.situacion, x.cuenta, x.cumplimiento_acotado)
            for x in c.contribuciones] == [
        ("P", D(3), Situacion.NO_PROGRAMADA, False, None),
        ("S", D(4), Situacion.SIN_REPORTE, False, None),
        ("N", D(5), Situacion.NO_APLICA, False, None),
    ]
    assert all(type(x.cuenta) is bool for x in c.contribuciones)
    assert c.valor is None  # ninguna cuenta


@pytest.mark.parametrize(("ejecucion", "porcentaje"), [(0, D("0.00")), (10, D("100.00"))])
def test_cumplimiento_en_el_limite_no_se_acota(ejecucion: int, porcentaje: D) -> None:
    """INT-50: un cumplimiento igual a un límite (0 % o 100 %) no está fuera de
    ``[cumplimiento_minimo, cumplimiento_maximo]``: entra tal cual y su motivo no dice
    «acotado»."""
    plan = _plan([_meta("A", "suma", 10, [10, None, None, None], 1)], [_reporte("A", 1, ejecucion)])
    a = calificacion(plan, 1).contribuciones[0]
    assert a.motivo == "cumplimiento a la fecha (CON-01)"
    assert a.cumplimiento_acotado == a.cumplimiento == porcentaje / 100


def test_semaforo_valida_la_politica_que_no_es_exactamente_politica() -> None:
    """CON-03 con una política de otra clase: una subclase de ``Politica`` vale (sus bandas,
    INT-54); cualquier otra cosa es un error que nombra el valor recibido."""

    @attrs.frozen(slots=True)
    class OtraPolitica(type(POL)):  # type: ignore[misc]
        pass

    otra = OtraPolitica(semaforo_verde_desde=D("0.9"))
    assert semaforo(D("0.85"), otra) is Semaforo.AMARILLO
    with pytest.raises(TipoInvalido) as error:
        semaforo(D("0.85"), "v8")  # type: ignore[arg-type]
    assert (error.value.campo, error.value.valor) == ("politica", "v8")


def test_vista_html_del_plan_y_de_la_calificacion() -> None:
    """En un cuaderno, la calificación y la evaluación se muestran con la unidad del plan."""
    assert "Proceso X" in calificacion(_setenta(), 1)._repr_html_()
    assert "Proceso X" in evaluar_plan(_setenta(), 1)._repr_html_()


def _error(excepcion: type[Exception], funcion: object, *args: object,
           **kwargs: object) -> Exception:
    with pytest.raises(excepcion) as info:
        funcion(*args, **kwargs)  # type: ignore[operator]
    return info.value


_DEBE_SER_TRIMESTRE = (
    "debe ser un número de trimestre (1..4), un Trimestre o un texto como '2025-T2'")


def test_errores_de_tipo_nombran_campo_valor_y_lo_esperado() -> None:
    """Cada argumento inválido da un ``TipoInvalido`` con el campo, el valor recibido y, en el
    mensaje, lo que se esperaba."""
    plan = _setenta()
    casos: list[tuple[object, tuple[object, ...], dict[str, object], str, object, str]] = [
        (filas, (plan,), {}, "evaluacion", plan,
         "debe ser una EvaluacionPlan (use evaluar_plan)"),
        (filas, ("plan",), {}, "evaluacion", "plan",
         "evaluacion: 'plan' debe ser una EvaluacionPlan (use evaluar_plan)"),
        (como_filas, (5,), {}, "objetos", 5,
         ("objetos: 5 debe ser una EvaluacionPlan o una secuencia de EvaluacionPlan o de "
          "PosicionRanking")),
        (calificacion, ("plan", 1), {}, "plan", "plan", "plan: 'plan' debe ser un PlanDeGestion"),
        (calificacion, (plan, 1.5), {}, "trimestre", 1.5,
         f"trimestre: 1.5 {_DEBE_SER_TRIMESTRE}"),
        (calificacion, (plan, True), {}, "trimestre", True,
         f"trimestre: True {_DEBE_SER_TRIMESTRE}"),
        (calificacion, (plan, 1), {"politica": "v8"}, "politica", "v8",
         "politica: 'v8' debe ser una Politica"),
        (ranking, ([plan, "otro"], 1), {}, "planes[1]", "otro",
         "planes[1]: 'otro' debe ser un PlanDeGestion"),
        (consolidado_anual, ([plan], "2025"), {}, "vigencia", "2025",
         "vigencia: '2025' debe ser un año (int)"),
        (semaforo, (0.5,), {}, "valor", 0.5,
         "valor: 0.5 debe ser un Decimal finito (una fracción, 1 = 100 %) o quedar vacío"),
        (evaluar_plan, (plan, 1), {"calendario": "festivos"}, "calendario", "festivos",
         "calendario: 'festivos' debe ser un Calendario o None"),
    ]
    for funcion, args, kwargs, campo, valor, mensaje in casos:
        error = _error(TipoInvalido, funcion, *args, **kwargs)
        assert (error.campo, error.valor) == (campo, valor), funcion  # type: ignore[attr-defined]
        assert mensaje in str(error), (funcion, str(error))
    ev = evaluar_plan(plan, 1)
    otro = {"a": 1}
    error = _error(TipoInvalido, como_filas, [ev, otro])
    assert (error.campo, error.valor) == ("objetos[1]", otro)  # type: ignore[attr-defined]
    assert str(error) == "objetos[1]: {'a': 1} debe ser una EvaluacionPlan o una PosicionRanking"
    error = _error(TipoInvalido, list, filas_de_planes("planes", 1))
    assert (error.campo, error.valor) == ("planes", "planes")  # type: ignore[attr-defined]
    assert str(error) == "planes: 'planes' debe ser un iterable de PlanDeGestion"


def test_errores_de_vigencia_nombran_campo_y_valor() -> None:
    """El trimestre de otra vigencia y el ranking de planes de dos vigencias (la Actividad 12
    compara el periodo de una vigencia)."""
    error = _error(ErrorTrimestre, calificacion, _setenta(), Trimestre(2026, 1))
    assert (error.codigo, error.campo, error.valor) == (  # type: ignore[attr-defined]
        "TRIMESTRE_FUERA_DE_VIGENCIA", "trimestre", "2026-T1")
    assert str(error) == "trimestre: 2026-T1 no es de la vigencia 2025 del plan Proceso X"
    antiguo = _plan([_meta("A", "suma", 10, [10, None, None, None], 100)], [], "Proceso V",
                    vigencia=2024)
    error = _error(ErrorModelo, ranking, [_setenta(), antiguo], 1)
    assert (error.codigo, error.campo, error.valor) == (  # type: ignore[attr-defined]
        "VIGENCIAS_DISTINTAS", "planes", [2024, 2025])
    assert str(error) == (
        "planes: el ranking compara planes de una misma vigencia y se recibieron 2024, 2025")


def test_filas_de_algo_que_no_es_una_evaluacion_muestra_el_valor() -> None:
    """El mensaje muestra el valor recibido como se escribe (``mostrar``), no «vacío»."""
    with pytest.raises(TipoInvalido) as error:
        filas(5)  # type: ignore[arg-type]
    assert str(error.value) == "evaluacion: 5 debe ser una EvaluacionPlan (use evaluar_plan)"
    assert (error.value.campo, error.value.valor) == ("evaluacion", 5)
