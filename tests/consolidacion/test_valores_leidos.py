"""Valores de la consolidación que antes ninguna prueba leía (issue 13): ``evaluar_plan`` a un
trimestre temprano no mira reportes posteriores, las columnas de ``filas()`` y los conteos de
``informe_gestion``. Los esperados se calculan a mano en cada prueba."""

from __future__ import annotations

from decimal import Decimal

from sdg_metas import (
    Meta,
    PlanDeGestion,
    Programacion,
    Reporte,
    Trimestre,
    evaluar_plan,
    filas,
    informe_gestion,
)

D = Decimal


def _meta(codigo: str, magnitud: int, trimestres: list[int | None], peso: int,
          **extra: object) -> Meta:
    return Meta(codigo=codigo, descripcion=f"Realizar la meta {codigo}",
                programacion=Programacion("suma", magnitud, trimestres), peso=peso,
                **extra)  # type: ignore[arg-type]


def _reporte(codigo: str, numero: int, ejecucion: int) -> Reporte:
    return Reporte(codigo_meta=codigo, trimestre=Trimestre(2025, numero), ejecucion=ejecucion)


def _plan(metas: list[Meta], reportes: list[Reporte]) -> PlanDeGestion:
    return PlanDeGestion(vigencia=2025, unidad="Proceso X", nivel="central", metas=metas,
                         reportes=reportes)


def _dos_metas(con_t3: bool) -> PlanDeGestion:
    """A: SUMA 100, 25 por trimestre, peso 60; T1 = 20, T2 = 30 (y, si ``con_t3``, T3 = 100).
    S: SUMA 10 solo en T1, peso 40; T1 = 15 (sobreejecutada)."""
    metas = [_meta("A", 100, [25, 25, 25, 25], 60), _meta("S", 10, [10, None, None, None], 40)]
    reportes = [_reporte("A", 1, 20), _reporte("A", 2, 30), _reporte("S", 1, 15)]
    if con_t3:
        reportes.append(_reporte("A", 3, 100))
    return _plan(metas, reportes)


def test_evaluar_plan_al_t2_no_mira_el_reporte_del_t3() -> None:
    """CON-01 al 2025-T2: A = (20 + 30) / (25 + 25) = 1 aunque el plan ya traiga el T3 (100);
    S = 15/10 = 1.5, acotada a 1 (INT-50). Calificación (60·1 + 40·1)/100 = 1. Los hallazgos
    son los de los reportes del T1 y del T2 (Actividad 9), ninguno del T3."""
    con, sin = evaluar_plan(_dos_metas(True), 2), evaluar_plan(_dos_metas(False), 2)
    a = con.metas[0]
    assert a.resultado is not None
    assert (a.resultado.ejecucion_acumulada, a.resultado.cumplimiento) == (D(50), D(1))
    assert con.calificacion.valor == D(1)
    assert a.hallazgos == sin.metas[0].hallazgos
    trimestres = {h.trimestre for h in a.hallazgos if h.trimestre is not None}
    assert trimestres == {Trimestre(2025, 1), Trimestre(2025, 2)}
    # Al T3 sí cuenta: A = 150/75 = 2 y aparecen hallazgos del reporte del T3.
    al_t3 = evaluar_plan(_dos_metas(True), 3)
    assert al_t3.metas[0].resultado is not None
    assert al_t3.metas[0].resultado.cumplimiento == D(2)
    assert Trimestre(2025, 3) in {h.trimestre for h in al_t3.metas[0].hallazgos}


def test_filas_programado_cuenta_y_cumplimiento_acotado() -> None:
    """``filas()`` al 2025-T1 de ``_dos_metas``: A programó 25 y ejecutó 20 → 80 %, cuenta,
    acotado 80 %; S programó 10 y ejecutó 15 → 150 %, acotado a 100 % (INT-50). Una meta
    eliminada desde el T1 (E) no cuenta y no tiene cumplimiento acotado."""
    plan = _dos_metas(False)
    plan = _plan([*plan.metas, _meta("E", 4, [1, 1, 1, 1], 0, eliminada_desde=Trimestre(2025, 1))],
                 list(plan.reportes))
    a, s, e = filas(evaluar_plan(plan, 1))
    assert (a["programado_acumulado"], a["ejecucion_acumulada"]) == (D(25), D(20))
    assert (a["cumplimiento_pct"], a["cumplimiento_acotado_pct"], a["cuenta"]) == (
        D("80.00"), D("80.00"), "sí")
    assert (s["programado_acumulado"], s["ejecucion_acumulada"]) == (D(10), D(15))
    assert (s["cumplimiento_pct"], s["cumplimiento_acotado_pct"], s["cuenta"]) == (
        D("150.00"), D("100.00"), "sí")
    assert (e["eliminada"], e["cuenta"], e["cumplimiento_acotado_pct"]) == ("sí", "no", None)
    assert e["programado_acumulado"] == D(1)


def test_informe_gestion_cuenta_de_a_dos() -> None:
    """CON-04 (Actividad 15): dos metas cumplidas (4 de 4 → 100 % ≥ 100 %, INT-56), dos no
    cumplidas (1 de 4 → 25 %), dos sin dato (sin reportes) y dos eliminadas desde el T3: cada
    conteo es 2 (un conteo que se reinicia en vez de sumar daría 1)."""
    metas = [
        _meta("A", 4, [1, 1, 1, 1], 20), _meta("B", 4, [1, 1, 1, 1], 20),
        _meta("C", 4, [1, 1, 1, 1], 15), _meta("D", 4, [1, 1, 1, 1], 15),
        _meta("E", 4, [1, 1, 1, 1], 10), _meta("F", 4, [1, 1, 1, 1], 10),
        _meta("G", 4, [1, 1, 1, 1], 5, eliminada_desde=Trimestre(2025, 3)),
        _meta("H", 4, [1, 1, 1, 1], 5, eliminada_desde=Trimestre(2025, 3)),
    ]
    reportes = [_reporte(c, n, 1) for c in "AB" for n in (1, 2, 3, 4)]
    reportes += [_reporte(c, 1, 1) for c in "CDGH"] + [_reporte(c, 2, 1) for c in "GH"]
    (fila,) = informe_gestion([_plan(metas, reportes)], 2025)
    assert (fila["metas_cumplidas"], fila["metas_no_cumplidas"], fila["metas_sin_dato"],
            fila["metas_eliminadas"], fila["metas"]) == (2, 2, 2, 2, 8)
