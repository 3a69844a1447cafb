"""Calificación, ranking, semáforo, evaluación del plan y consolidación anual (CON-01..04)."""

from __future__ import annotations

import csv
import datetime
import io
import re
from decimal import Decimal, localcontext
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdg_metas import (
    POLITICA_PLE_PIN_P005_V8,
    REGLAS,
    CalificacionAnual,
    ErrorModelo,
    ErrorSdgMetas,
    ErrorTrimestre,
    EvaluacionPlan,
    Indicador,
    Meta,
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
from sdg_metas.ejemplos import plan_ejemplo
from sdg_metas.numeros import CONTEXTO
from sdg_metas.testing import planes as planes_generados

D = Decimal
POL = POLITICA_PLE_PIN_P005_V8


def _meta(codigo: str, tipo: str, magnitud: object, trimestres: list[object], peso: object,
          **extra: object) -> Meta:
    linea_base = extra.pop("linea_base", None)
    return Meta(
        codigo=codigo,
        descripcion=f"Realizar la meta {codigo}",
        programacion=Programacion(tipo, magnitud, trimestres, linea_base=linea_base),
        peso=peso,
        **extra,  # type: ignore[arg-type]
    )


def _reporte(codigo: str, numero: int, ejecucion: object, vigencia: int = 2025,
             **extra: object) -> Reporte:
    return Reporte(codigo_meta=codigo, trimestre=Trimestre(vigencia, numero), ejecucion=ejecucion,
                   **extra)  # type: ignore[arg-type]


def _plan(metas: list[Meta], reportes: list[Reporte], unidad: str = "Proceso X",
          vigencia: int = 2025, nivel: str = "central") -> PlanDeGestion:
    return PlanDeGestion(vigencia=vigencia, unidad=unidad, nivel=nivel, metas=metas,
                         reportes=reportes)


def plan_a_mano() -> PlanDeGestion:
    """A: SUMA 100, 25 por trimestre, peso 40; T1 = 20, T2 = 30.
    B: CONSTANTE 90, peso 30; T1 = 81 (T2 sin reporte).
    C: SUMA 10 programada solo en T2, peso 20, sin reportes.
    D: SUMA 4, peso 10, T1 = 1; eliminada desde 2025-T2.
    """
    metas = [
        _meta("A", "suma", 100, [25, 25, 25, 25], 40),
        _meta("B", "constante", 90, [90, 90, 90, 90], 30),
        _meta("C", "suma", 10, [None, 10, None, None], 20),
        _meta("D", "suma", 4, [1, 1, 1, 1], 10, eliminada_desde=Trimestre(2025, 2)),
    ]
    reportes = [_reporte("A", 1, 20), _reporte("A", 2, 30), _reporte("B", 1, 81),
                _reporte("D", 1, 1)]
    return _plan(metas, reportes)


# --- CON-01: calificación a mano ---------------------------------------------------------------


def test_calificacion_t1_a_mano() -> None:
    # T1: A = 20/25 = 0.8; B = 81/90 = 0.9; C no programada; D = 1/1 = 1 (aún activa).
    # Pesos que cuentan: 40 + 30 + 10 = 80; 40·0.8 + 30·0.9 + 10·1 = 32 + 27 + 10 = 69.
    # 69 / 80 = 0.8625.
    c = calificacion(plan_a_mano(), 1)
    assert c.valor == D("0.8625")
    assert c.porcentaje == D("86.25")
    assert c.peso_total == D(80)
    assert [x.situacion for x in c.contribuciones] == [
        Situacion.MEDIDA, Situacion.MEDIDA, Situacion.NO_PROGRAMADA, Situacion.MEDIDA]
    a = c.contribuciones[0]
    assert (a.peso_normalizado, a.aporte) == (D("0.5"), D("0.4"))  # 40/80; 0.5 · 0.8


def test_calificacion_t2_con_meta_eliminada_y_meta_sin_reporte() -> None:
    # T2: A = (20+30)/(25+25) = 1; B = media(81)/90 = 0.9; C programada y sin reporte → 0
    # (INT-51); D eliminada desde T2 → fuera. Pesos: 40 + 30 + 20 = 90.
    # 40·1 + 30·0.9 + 20·0 = 67; 67/90 = 0.74444… → 74.44 %.
    c = calificacion(plan_a_mano(), Trimestre(2025, 2))
    assert c.porcentaje == D("74.44")
    assert c.valor == CONTEXTO.divide(D(67), D(90))
    a, b, sin_reporte, eliminada = c.contribuciones
    assert (a.cumplimiento, b.cumplimiento) == (D(1), D("0.9"))
    assert sin_reporte.situacion is Situacion.SIN_REPORTE
    assert sin_reporte.cuenta
    assert sin_reporte.cumplimiento is None
    assert sin_reporte.cumplimiento_acotado == 0
    assert "INT-51" in sin_reporte.motivo
    assert eliminada.situacion is Situacion.ELIMINADA
    assert not eliminada.cuenta
    assert eliminada.aporte is None
    assert "MOD-11" in eliminada.motivo
    assert semaforo(c.valor) is Semaforo.AMARILLO
    texto = c.explicar()
    assert "74.44 %" in texto
    assert "- D: no cuenta; meta eliminada desde 2025-T2" in texto


def test_sin_reporte_excluida_por_politica() -> None:
    # Con INT-51 = EXCLUIR, C sale: pesos 40 + 30 = 70; 67/70 = 0.957142… → 95.71 %.
    pol = attrs.evolve(POL, meta_sin_reporte=TratamientoSinCumplimiento.EXCLUIR)
    c = calificacion(plan_a_mano(), "2025-T2", pol)
    assert c.porcentaje == D("95.71")
    assert not c.contribuciones[2].cuenta


def test_sobreejecucion_acotada_y_avance_negativo() -> None:
    # S: SUMA 10, E1 = 15 → 1.5, acotado a 1. R: CRECIENTE LB 50 → 60, E1 = 40:
    # (40−50)/(60−50) = −1, acotado a 0. Pesos 50 y 50: (50·1 + 50·0)/100 = 0.5.
    metas = [_meta("S", "suma", 10, [10, None, None, None], 50),
             _meta("R", "creciente", 60, [60, None, None, None], 50, linea_base=50)]
    c = calificacion(_plan(metas, [_reporte("S", 1, 15), _reporte("R", 1, 40)]), 1)
    assert c.valor == D("0.5")
    s, r = c.contribuciones
    assert (s.cumplimiento, s.cumplimiento_acotado) == (D("1.5"), D(1))
    assert (r.cumplimiento, r.cumplimiento_acotado) == (D(-1), D(0))
    assert "INT-50" in s.motivo
    # Con cota superior 1.2 la sobreejecución sí cuenta hasta 120 %: (50·1.2 + 0)/100 = 0.6.
    pol = attrs.evolve(POL, cumplimiento_maximo=D("1.2"))
    assert calificacion(_plan(metas, [_reporte("S", 1, 15), _reporte("R", 1, 40)]), 1,
                        pol).valor == D("0.6")


def test_no_aplica_excluida_o_cero() -> None:
    # N: CRECIENTE LB 50, T1 programado en 50: (55−50)/(50−50) no aplica → se excluye (INT-52).
    # Solo cuenta A (SUMA 10, E1 = 5 → 0.5): calificación 0.5. Con INT-52 = CERO:
    # (10·0.5 + 10·0)/20 = 0.25.
    metas = [_meta("N", "creciente", 60, [50, 60, None, None], 10, linea_base=50),
             _meta("A", "suma", 10, [10, None, None, None], 10)]
    plan = _plan(metas, [_reporte("N", 1, 55), _reporte("A", 1, 5)])
    c = calificacion(plan, 1)
    assert c.valor == D("0.5")
    assert c.contribuciones[0].situacion is Situacion.NO_APLICA
    assert "INT-52" in c.contribuciones[0].motivo
    pol = attrs.evolve(POL, meta_no_aplica=TratamientoSinCumplimiento.CERO)
    assert calificacion(plan, 1, pol).valor == D("0.25")


def test_decreciente_sin_linea_base_no_aplica() -> None:
    metas = [_meta("X", "decreciente", 10, [40, 30, 20, 10], 50),
             _meta("A", "suma", 10, [10, None, None, None], 50)]
    plan = _plan(metas, [_reporte("X", 1, 35), _reporte("A", 1, 10)])
    c = calificacion(plan, 1)
    assert c.valor == D(1)  # solo cuenta A: 10/10
    assert c.contribuciones[0].situacion is Situacion.NO_APLICA
    assert "FOR-02" in c.contribuciones[0].motivo
    ev = evaluar_plan(plan, 1)
    assert ev.metas[0].resultado is None
    assert ev.metas[0].semaforo is Semaforo.SIN_DATO
    assert filas(ev)[0]["cumplimiento_pct"] is None


def test_sin_metas_que_cuenten_es_none() -> None:
    plan = _plan([_meta("C", "suma", 10, [None, None, 10, None], 100)], [])
    c = calificacion(plan, 2)
    assert c.valor is None
    assert c.porcentaje is None
    assert "sin calificación" in c.explicar()
    # Metas que cuentan pero pesan 0 en total: no hay promedio ponderado.
    plan0 = _plan([_meta("Z", "suma", 10, [10, None, None, None], 0)], [_reporte("Z", 1, 5)])
    assert calificacion(plan0, 1).valor is None


def test_calificacion_rechazos() -> None:
    plan = plan_a_mano()
    with pytest.raises(TipoInvalido) as info:
        calificacion("plan", 1)  # type: ignore[arg-type]
    assert info.value.campo == "plan"
    with pytest.raises(TipoInvalido):
        calificacion(plan, True)  # type: ignore[arg-type]
    with pytest.raises(TipoInvalido):
        calificacion(plan, 1.0)  # type: ignore[arg-type]
    with pytest.raises(ErrorTrimestre) as info_t:
        calificacion(plan, 5)
    assert info_t.value.codigo == "TRIMESTRE_INVALIDO"
    with pytest.raises(ErrorTrimestre) as info_v:
        calificacion(plan, Trimestre(2026, 1))
    assert info_v.value.codigo == "TRIMESTRE_FUERA_DE_VIGENCIA"
    assert "2026-T1" in str(info_v.value)
    assert "2025" in str(info_v.value)
    with pytest.raises(ErrorTrimestre):
        calificacion(plan, "2025-T9")
    with pytest.raises(TipoInvalido) as info_p:
        calificacion(plan, 1, politica="v8")  # type: ignore[arg-type]
    assert info_p.value.campo == "politica"


def test_motivos_nombran_reglas_del_catalogo() -> None:
    for k in (1, 2, 3, 4):
        for c in calificacion(plan_a_mano(), k).contribuciones:
            citadas = re.findall(r"[A-Z]{3}-\d{2}", c.motivo)
            assert citadas, c
            for cita in citadas:
                assert cita in REGLAS or cita.startswith("INT-"), cita


# --- CON-03: semáforo --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("valor", "esperado"),
    [
        ("-0.5", Semaforo.ROJO),
        ("0", Semaforo.ROJO),
        ("0.5999", Semaforo.ROJO),
        ("0.6", Semaforo.AMARILLO),
        ("0.7999", Semaforo.AMARILLO),
        ("0.8", Semaforo.VERDE),
        ("1", Semaforo.VERDE),
        ("1.0001", Semaforo.SOBREEJECUCION),
    ],
)
def test_semaforo_bandas(valor: str, esperado: Semaforo) -> None:
    assert semaforo(D(valor)) is esperado


def test_semaforo_politica_y_rechazos() -> None:
    assert semaforo(None) is Semaforo.SIN_DATO
    exigente = attrs.evolve(POL, semaforo_amarillo_desde=D("0.7"), semaforo_verde_desde=D("0.9"))
    assert semaforo(D("0.85"), exigente) is Semaforo.AMARILLO
    for malo in (0.5, True, "0.5", D("NaN")):
        with pytest.raises(TipoInvalido):
            semaforo(malo)  # type: ignore[arg-type]
    with pytest.raises(TipoInvalido):
        semaforo(D(1), politica=None)  # type: ignore[arg-type]


def test_politica_de_consolidacion_invalida() -> None:
    casos: list[dict[str, object]] = [
        {"semaforo_verde_desde": D("1.1")},
        {"semaforo_amarillo_desde": D("0.9")},
        {"cumplimiento_minimo": D(2)},
        {"cumplimiento_maximo": 1},
        {"semaforo_verde_hasta": D("Infinity")},
        {"meta_sin_reporte": "cero"},
        {"calificacion_anual": None},
        {"decimales_ranking": -1},
        {"decimales_ranking": True},
    ]
    for cambio in casos:
        with pytest.raises(ErrorSdgMetas) as info:
            attrs.evolve(POL, **cambio)
        assert info.value.codigo == "POLITICA_INVALIDA", cambio
        assert info.value.campo in {*cambio, "semaforo_amarillo_desde", "semaforo_verde_desde",
                                    "cumplimiento_minimo"}
    assert attrs.evolve(POL, decimales_ranking=None).decimales_ranking is None


# --- CON-02: ranking ---------------------------------------------------------------------------


def _plan_con_calificacion(unidad: str, ejecucion: object | None) -> PlanDeGestion:
    """Un plan con una meta SUMA 100 programada en T1: su calificación es ejecucion/100."""
    reportes = [] if ejecucion is None else [_reporte("M", 1, ejecucion)]
    return _plan([_meta("M", "suma", 100, [100, None, None, None], 100)], reportes, unidad)


def test_ranking_con_empates_y_sin_calificacion() -> None:
    planes = [
        _plan_con_calificacion("Proceso X", 70),          # 0.70
        _plan([_meta("M", "suma", 10, [None, None, 10, None], 100)], [], "Alcaldía Kennedy"),
        _plan_con_calificacion("Alcaldía Suba", 80),      # 0.80
        _plan_con_calificacion("Alcaldía Usme", 90),      # 0.90
        _plan_con_calificacion("Alcaldía Bosa", 80),      # 0.80
    ]
    r = ranking(planes, 1)
    assert [(p.posicion, p.unidad) for p in r] == [
        (1, "Alcaldía Usme"),
        (2, "Alcaldía Bosa"),   # empate: comparten la posición 2, por nombre de unidad
        (2, "Alcaldía Suba"),
        (4, "Proceso X"),       # clasificación olímpica: 1, 2, 2, 4
        (None, "Alcaldía Kennedy"),
    ]
    assert r[0].valor == D("0.9")
    assert r[0].semaforo is Semaforo.VERDE
    assert r[4].semaforo is Semaforo.SIN_DATO
    assert ranking([], 1) == ()
    # El orden de entrada no cambia el ranking.
    assert ranking(list(reversed(planes)), 1) == r


def test_ranking_compara_el_porcentaje_publicado() -> None:
    # 80.001 % y 80.004 % se publican como 80.00 %: empatan (INT-53). Con comparación exacta no.
    planes = [_plan_con_calificacion("B", "80.001"), _plan_con_calificacion("A", "80.004")]
    assert [(p.posicion, p.unidad) for p in ranking(planes, 1)] == [(1, "A"), (1, "B")]
    exacta = attrs.evolve(POL, decimales_ranking=None)
    assert [(p.posicion, p.unidad) for p in ranking(planes, 1, exacta)] == [(1, "A"), (2, "B")]


def test_ranking_rechazos() -> None:
    with pytest.raises(TipoInvalido):
        ranking(plan_a_mano(), 1)  # type: ignore[arg-type]
    with pytest.raises(TipoInvalido) as info:
        ranking([plan_a_mano(), "otro"], 1)  # type: ignore[list-item]
    assert info.value.campo == "planes[1]"
    otro_anio = _plan_con_calificacion("Y", 50)
    otro_anio = attrs.evolve(otro_anio, vigencia=2024, reportes=())
    with pytest.raises(ErrorModelo) as info_v:
        ranking([plan_a_mano(), otro_anio], 1)
    assert info_v.value.codigo == "VIGENCIAS_DISTINTAS"
    with pytest.raises(TipoInvalido):
        ranking([plan_a_mano()], 1, politica=object())  # type: ignore[arg-type]


# --- evaluar_plan y filas ----------------------------------------------------------------------


def test_evaluar_plan_a_mano() -> None:
    ev = evaluar_plan(plan_a_mano(), 2)
    assert isinstance(ev, EvaluacionPlan)
    assert ev.trimestre == Trimestre(2025, 2)
    assert ev.calificacion == calificacion(plan_a_mano(), 2)
    assert ev.semaforo is Semaforo.AMARILLO
    # A: 50/50 = 1 → VERDE; B: 0.9 → VERDE; C sin reporte → SIN_DATO; D: eliminada, 1/2 → ROJO.
    assert [m.semaforo for m in ev.metas] == [
        Semaforo.VERDE, Semaforo.VERDE, Semaforo.SIN_DATO, Semaforo.ROJO]
    assert [m.contribucion.codigo_meta for m in ev.metas] == ["A", "B", "C", "D"]


def test_evaluar_plan_recoge_hallazgos_por_meta() -> None:
    metas = [_meta("A", "suma", 100, [25, 25, 25, 20], 60),  # FOR-02: suma 95
             _meta("B", "suma", 10, [10, None, None, None], 40)]
    ev = evaluar_plan(_plan(metas, []), 1)
    # Además de FOR-02, las dos metas de prueba no tienen entregables ni indicador (FOR-06).
    assert [h.regla for h in ev.metas[0].hallazgos] == ["FOR-02", "FOR-06", "FOR-06"]
    assert all(h.codigo_meta == "A" for h in ev.metas[0].hallazgos)
    assert [h.regla for h in ev.metas[1].hallazgos] == ["FOR-06", "FOR-06"]
    assert {h.regla for h in ev.hallazgos} >= {"FOR-02"}
    fila = filas(ev)[0]
    assert fila["hallazgos"] == len(ev.metas[0].hallazgos)
    assert "FOR-02" in str(fila["reglas_hallazgos"])


def test_filas_valores_simples_y_columnas_estables() -> None:
    ev = evaluar_plan(plan_a_mano(), 2)
    resultado = filas(ev)
    assert len(resultado) == 4
    columnas = list(resultado[0])
    for fila in resultado:
        assert list(fila) == columnas
        for valor in fila.values():
            assert valor is None or isinstance(valor, (str, int, Decimal, datetime.date))
            assert not isinstance(valor, (bool, float))
    a = resultado[0]
    assert (a["cumplimiento_pct"], a["aporte_pct"], a["peso_normalizado_pct"]) == (
        D("100.00"), D("44.44"), D("44.44"))  # 40/90 = 44.44 %; aporte 0.4444 · 1
    assert resultado[3]["eliminada"] == "sí"
    assert resultado[3]["cuenta"] == "no"
    assert resultado[2]["situacion"] == "sin_reporte"
    assert a["calificacion_plan_pct"] == D("74.44")
    assert como_filas(ev) == resultado
    assert como_filas([ev, ev]) == resultado + resultado


def test_filas_con_pandas() -> None:
    pd = pytest.importorskip("pandas")
    marco = pd.DataFrame(filas(evaluar_plan(plan_ejemplo(), 4)))
    assert marco.shape[0] == 6
    assert list(marco["codigo_meta"]) == ["M1", "M2", "M3", "M4", "M5", "M6"]
    marco_r = pd.DataFrame(como_filas(ranking([plan_ejemplo(), plan_a_mano()], 2)))
    assert list(marco_r["posicion"]) == [1, 2]
    assert pd.DataFrame(consolidado_anual([plan_ejemplo()], 2025)).shape == (6, 23)
    assert pd.DataFrame(informe_gestion([plan_ejemplo()], 2025)).shape[0] == 1


def test_filas_rechazos() -> None:
    with pytest.raises(TipoInvalido):
        filas(plan_a_mano())  # type: ignore[arg-type]
    with pytest.raises(TipoInvalido):
        como_filas("filas")  # type: ignore[arg-type]
    with pytest.raises(TipoInvalido):
        como_filas(5)  # type: ignore[arg-type]
    with pytest.raises(TipoInvalido) as info:
        como_filas([evaluar_plan(plan_a_mano(), 1), {"a": 1}])  # type: ignore[list-item]
    assert info.value.campo == "objetos[1]"
    with pytest.raises(TipoInvalido):
        evaluar_plan(plan_a_mano(), 1, politica=1)  # type: ignore[arg-type]
    with pytest.raises(TipoInvalido):
        evaluar_plan(None, 1)  # type: ignore[arg-type]


# --- CON-04: consolidado anual e informe de gestión --------------------------------------------


def plan_anual() -> PlanDeGestion:
    metas = [
        _meta("A", "suma", 100, [25, 25, 25, 25], 50, unidad="acciones",
              indicador=Indicador("Acciones realizadas", "acciones realizadas",
                                  "acciones programadas", "acciones"),
              proceso_lider="Gestión Policiva", transversal=True),
        _meta("B", "constante", 90, [90, 90, 90, 90], 30, unidad="%"),
        _meta("C", "suma", 4, [1, 1, 1, 1], 20, eliminada_desde=Trimestre(2025, 3)),
        _meta("E", "suma", 8, [None, None, None, 8], 0),
    ]
    reportes = [
        _reporte("A", 1, 25), _reporte("A", 2, 25), _reporte("A", 3, 25),
        _reporte("A", 4, 30, analisis="T4", analisis_acumulado="Se superó la meta anual"),
        _reporte("B", 1, 90), _reporte("B", 2, 72, analisis="Atraso por paro"),
        _reporte("C", 1, 1), _reporte("C", 2, 1, analisis="  "),
    ]
    return _plan(metas, reportes, unidad="Alcaldía Local de Usme", nivel="local")


def test_consolidado_anual_a_mano() -> None:
    otras = _plan_con_calificacion("Otra vigencia", 50)
    otras = attrs.evolve(otras, vigencia=2024, reportes=())
    resultado = consolidado_anual([plan_anual(), otras], 2025)
    assert [f["codigo_meta"] for f in resultado] == ["A", "B", "C", "E"]
    a, b, c, e = resultado
    # A: 25+25+25+30 = 105 de 100 → 105 %.
    assert (a["magnitud_anual"], a["ejecucion_anual"], a["avance_anual_pct"]) == (
        D(100), D(105), D("105.00"))
    assert a["semaforo"] == "sobreejecucion"
    assert a["indicador"] == "Acciones realizadas"
    assert a["formula"] == "(acciones realizadas) / (acciones programadas)"
    assert a["analisis_resultado"] == "Se superó la meta anual"
    assert (a["nivel"], a["proceso_o_localidad"], a["proceso_lider"]) == (
        "local", "Alcaldía Local de Usme", "Gestión Policiva")
    # B: media(90, 72) = 81 de 90 → 90 %; el análisis es el del último reporte (T2).
    assert (b["ejecucion_anual"], b["avance_anual_pct"]) == (D(81), D("90.00"))
    assert b["analisis_resultado"] == "Atraso por paro"
    assert b["indicador"] is None
    assert b["unidad_medida"] == "%"
    # C: eliminada; 2 de 4 → 50 %; su último análisis está en blanco → None.
    assert (c["eliminada"], c["eliminada_desde"], c["avance_anual_pct"]) == (
        "sí", "2025-T3", D("50.00"))
    assert c["analisis_resultado"] is None
    # E: sin reportes.
    assert (e["ejecucion_anual"], e["avance_anual_pct"], e["reportes"]) == (None, None, 0)
    assert e["analisis_resultado"] is None
    assert e["semaforo"] == "sin_dato"


def test_informe_gestion_a_mano() -> None:
    (fila,) = informe_gestion([plan_anual()], 2025)
    # T1: A 25/25 = 1 (50), B 90/90 = 1 (30), C 1/1 = 1 (20) → 1.
    # T2: A 1, B media(90,72)/90 = 0.9, C 2/2 = 1 → (50 + 27 + 20)/100 = 0.97.
    # T3: C eliminada; A 75/75 = 1, B 0.9 → (50 + 27)/80 = 0.9625.
    # T4: A 105/100 → 1; B 0.9; E (peso 0) sin reporte → 0 · 0 → (50 + 27 + 0)/80 = 0.9625.
    assert [fila[f"calificacion_t{k}_pct"] for k in (1, 2, 3, 4)] == [
        D("100.00"), D("97.00"), D("96.25"), D("96.25")]
    assert fila["calificacion_anual_pct"] == D("96.25")  # INT-55: la del T4
    assert fila["semaforo_anual"] == "verde"
    # A 105 % ≥ 100 % cumplida; B 90 % no; C eliminada; E sin dato.
    assert (fila["metas_cumplidas"], fila["metas_no_cumplidas"], fila["metas_sin_dato"],
            fila["metas_eliminadas"], fila["metas"]) == (1, 1, 1, 1, 4)
    promedio = attrs.evolve(POL, calificacion_anual=CalificacionAnual.PROMEDIO_TRIMESTRES)
    (fila_p,) = informe_gestion([plan_anual()], 2025, promedio)
    # (1 + 0.97 + 0.9625 + 0.9625) / 4 = 3.895 / 4 = 0.97375 → 97.38 %.
    assert fila_p["calificacion_anual_pct"] == D("97.38")


def test_informe_gestion_sin_calificaciones() -> None:
    plan = _plan([_meta("C", "suma", 10, [None, None, None, None], 100)], [])
    promedio = attrs.evolve(POL, calificacion_anual=CalificacionAnual.PROMEDIO_TRIMESTRES)
    (fila,) = informe_gestion([plan], 2025, promedio)
    assert fila["calificacion_anual_pct"] is None
    assert fila["semaforo_anual"] == "sin_dato"


def test_consolidacion_anual_rechazos() -> None:
    with pytest.raises(TipoInvalido):
        consolidado_anual([plan_anual()], "2025")  # type: ignore[arg-type]
    with pytest.raises(TipoInvalido):
        informe_gestion([plan_anual()], True)  # type: ignore[arg-type]
    with pytest.raises(TipoInvalido):
        informe_gestion([plan_anual()], 2025, politica=None)  # type: ignore[arg-type]
    with pytest.raises(TipoInvalido):
        consolidado_anual(None, 2025)  # type: ignore[arg-type]
    with pytest.raises(TipoInvalido):
        consolidado_anual([plan_anual()], 2025, politica="x")  # type: ignore[arg-type]


def test_filas_se_escriben_a_csv() -> None:
    salida = io.StringIO()
    resultado = consolidado_anual([plan_anual()], 2025)
    escritor = csv.DictWriter(salida, fieldnames=list(resultado[0]))
    escritor.writeheader()
    escritor.writerows(resultado)
    leidas = list(csv.DictReader(io.StringIO(salida.getvalue())))
    assert leidas[0]["avance_anual_pct"] == "105.00"


# --- propiedades (hypothesis) ------------------------------------------------------------------

_EJECUCION = st.one_of(st.none(), st.integers(0, 150))


@st.composite
def metas_monotonas(draw: st.DrawFn, codigo: str) -> tuple[Meta, list[int | None]]:
    """Una meta SUMA, CONSTANTE o CRECIENTE coherente, con lo programado sobre la línea base
    (así más ejecución nunca es menos avance), y sus ejecuciones T1..T4."""
    tipo = draw(st.sampled_from(["suma", "constante", "creciente"]))
    peso = draw(st.integers(0, 100))
    if tipo == "suma":
        valores: list[int | None] = draw(st.lists(st.one_of(st.none(), st.integers(0, 50)),
                                                  min_size=4, max_size=4))
        magnitud = sum(v for v in valores if v) or 1
        meta = _meta(codigo, tipo, magnitud, valores, peso)  # type: ignore[arg-type]
    elif tipo == "constante":
        magnitud = draw(st.integers(1, 100))
        mascara = draw(st.lists(st.booleans(), min_size=4, max_size=4))
        meta = _meta(codigo, tipo, magnitud, [magnitud if m else None for m in mascara], peso)
    else:
        lb = draw(st.one_of(st.none(), st.integers(0, 10)))
        base = lb or 0
        crudos = sorted(draw(st.lists(st.integers(base + 1, 100), min_size=4, max_size=4)))
        mascara = draw(st.lists(st.booleans(), min_size=4, max_size=4))
        valores = [v if m else None for v, m in zip(crudos, mascara, strict=True)]
        magnitud = next((v for v in reversed(valores) if v is not None), base + 1)
        meta = _meta(codigo, tipo, magnitud, valores, peso, linea_base=lb)  # type: ignore[arg-type]
    ejecuciones = draw(st.lists(_EJECUCION, min_size=4, max_size=4))
    return meta, ejecuciones


@st.composite
def planes(draw: st.DrawFn) -> PlanDeGestion:
    n = draw(st.integers(1, 5))
    metas = []
    reportes = []
    for i in range(n):
        meta, ejecuciones = draw(metas_monotonas(f"M{i}"))
        if draw(st.booleans()) and draw(st.booleans()):
            meta = attrs.evolve(meta, eliminada_desde=Trimestre(2025, draw(st.integers(1, 4))))
        metas.append(meta)
        reportes.extend(_reporte(meta.codigo, k, e) for k, e in enumerate(ejecuciones, 1)
                        if e is not None)
    return _plan(metas, reportes)


@given(planes(), st.integers(1, 4))
def test_propiedad_calificacion_entre_0_y_1(plan: PlanDeGestion, k: int) -> None:
    c = calificacion(plan, k)
    assert c.valor is None or D(0) <= c.valor <= D(1)
    for x in c.contribuciones:
        assert x.cuenta == (x.peso_normalizado is not None) or c.valor is None


@given(planes(), st.integers(1, 4), st.randoms(use_true_random=False))
def test_propiedad_no_depende_del_orden_de_las_metas(
    plan: PlanDeGestion, k: int, azar: object
) -> None:
    metas = list(plan.metas)
    azar.shuffle(metas)  # type: ignore[attr-defined]
    reordenado = attrs.evolve(plan, metas=tuple(metas), reportes=tuple(reversed(plan.reportes)))
    assert calificacion(reordenado, k).valor == calificacion(plan, k).valor


@given(planes(), st.integers(1, 4), st.data())
def test_propiedad_mas_ejecucion_no_baja_la_calificacion(
    plan: PlanDeGestion, k: int, data: st.DataObject
) -> None:
    if not plan.reportes:
        return
    i = data.draw(st.integers(0, len(plan.reportes) - 1))
    aumento = data.draw(st.integers(1, 100))
    reportes = list(plan.reportes)
    original = reportes[i]
    assert original.ejecucion is not None
    reportes[i] = attrs.evolve(original, ejecucion=original.ejecucion + aumento)
    mejor = attrs.evolve(plan, reportes=tuple(reportes))
    antes, despues = calificacion(plan, k).valor, calificacion(mejor, k).valor
    assert (antes is None) == (despues is None)
    if antes is not None and despues is not None:
        assert despues >= antes


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-2, max_value=3))
def test_propiedad_semaforo_monotono(valor: Decimal) -> None:
    orden = [Semaforo.ROJO, Semaforo.AMARILLO, Semaforo.VERDE, Semaforo.SOBREEJECUCION]
    assert orden.index(semaforo(valor)) <= orden.index(semaforo(valor + D("0.05")))


def test_documentacion_existe() -> None:
    doc = Path(__file__).resolve().parents[2] / "docs" / "consolidacion.md"
    assert "CON-01" in doc.read_text(encoding="utf-8")


# --- Con las estrategias de sdg_metas.testing (la biblioteca usa lo que ofrece) ----------------


@given(plan=planes_generados(vigencia=2025), trimestre=st.integers(1, 4))
def test_calificacion_acotada_y_explicada_en_planes_generados(
    plan: PlanDeGestion, trimestre: int
) -> None:
    ev = evaluar_plan(plan, trimestre)
    valor = ev.calificacion.valor
    assert valor is None or Decimal(0) <= valor <= Decimal(1)
    aportes = [c.aporte for c in ev.calificacion.contribuciones if c.cuenta and c.aporte]
    if valor is not None:  # la suma de los aportes es la calificación (a 50 cifras)
        with localcontext(CONTEXTO):
            assert abs(sum(aportes, Decimal(0)) - valor) < Decimal("1e-45")
    assert len(ev.metas) == len(plan.metas)


def test_registro_con_lleva_cada_regla_a_su_funcion_publica() -> None:
    from sdg_metas import consolidacion

    assert dict(consolidacion.REGISTRO_CON) == {
        "CON-01": consolidacion.calificacion,
        "CON-02": consolidacion.ranking,
        "CON-03": consolidacion.semaforo,
        "CON-04": consolidacion.consolidado_anual,
    }


def test_promedio_ponderado_o_simple_int_57() -> None:
    # INT-57: la v8 no dice cómo se agregan los cumplimientos; el control de cambios de la
    # versión 5 habla de «ponderación y/o peso porcentual de las metas». A mano, en T1:
    # P1 (peso 80) ejecuta 10 de 10 → 100 %; P2 (peso 20) ejecuta 5 de 10 → 50 %.
    plan = _plan(
        [
            _meta("P1", "suma", 40, [10, 10, 10, 10], 80),
            _meta("P2", "suma", 40, [10, 10, 10, 10], 20),
        ],
        [_reporte("P1", 1, 10), _reporte("P2", 1, 5)],
    )
    # ponderado: (80 × 1 + 20 × 0.5) / 100 = 0.9
    assert calificacion(plan, 1).valor == D("0.9")
    # simple: (1 + 0.5) / 2 = 0.75
    simple = attrs.evolve(POL, calificacion_ponderada=False)
    c = calificacion(plan, 1, simple)
    assert c.valor == D("0.75")
    assert [x.peso_normalizado for x in c.contribuciones] == [D("0.5"), D("0.5")]
    assert "peso 1/2 (promedio simple, INT-57) → aporta 50.00 %" in c.explicar()
    assert "peso 80/100 → aporta 80.00 %" in calificacion(plan, 1).explicar()
