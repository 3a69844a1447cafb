"""Mide la biblioteca a escala de distrito frente a una referencia en Python puro y a pandas
(issue 12), en un solo proceso y sobre los mismos datos generados.

Datos: planes de 30 metas de los cuatro tipos (SUMA, CONSTANTE, CRECIENTE, DECRECIENTE), con
~10 % de reportes faltantes, una vigencia. Se mide:

1. El año completo del distrito para 10 000 y 100 000 metas: construir los planes, calificar y
   ordenar los cuatro trimestres (``ranking``, que evalúa cada meta) y las filas del cierre
   (``consolidado_anual``). Referencia: el mismo cálculo en Python puro con ``Decimal`` (una
   pasada por meta para los cuatro trimestres, un solo contexto decimal, sin capas de
   validación). pandas: el mismo cálculo vectorizado con ``float``. Meta: ≤ 2,5× la referencia.
   Junto a ella, el **piso del contrato**: armar sin validar ni calcular objetos ``attrs`` con
   los campos de los tipos de ``DESIGN.md`` que el año recibe y entrega (ninguna implementación
   que los entregue cuesta menos).
2. ``evaluar_plan`` ×4 (cifras, semáforos, hallazgos FOR y REP y calificación) sobre las mismas
   metas, con los reportes del banco (sin análisis acumulado ni cifras: varios hallazgos por
   reporte) y con los mismos reportes completos (casi ninguno), cada uno con el piso de sus
   salidas. Meta: ≤ 4× la referencia del año completo.
3. El costo por meta de UN plan de 400 a 40 000 metas (``consolidado_anual`` y ``evaluar_plan``).
   Meta: plano (≤ 1,5× de crecimiento).
4. ``evaluar`` frente a una evaluación ingenua por llamada de la misma meta. Meta: ≤ 1,0×.
5. La memoria por meta de los planes construidos (``tracemalloc``) frente a un DataFrame.
   Meta: ≤ 1 KiB por meta.

La referencia comprueba que sus calificaciones coinciden con las de la biblioteca (si no, el
banco se detiene: comparar contra un cálculo distinto no mediría nada).

Uso: ``python bench/bench_escala.py`` (varios minutos) o ``python bench/bench_escala.py
--rapido`` (solo 10 000 metas y un plan de hasta 4 000 metas).
"""

from __future__ import annotations

import datetime
import decimal
import gc
import random
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal

import attrs
import numpy as np
import pandas as pd

from sdg_metas import (
    Calificacion,
    Contribucion,
    EvaluacionMeta,
    EvaluacionPlan,
    Hallazgo,
    Indicador,
    Meta,
    PlanDeGestion,
    PosicionRanking,
    Programacion,
    Reporte,
    Resultado,
    Trimestre,
    consolidado_anual,
    evaluar,
    evaluar_plan,
    numeros,
    ranking,
)

VIGENCIA = 2025
METAS_POR_PLAN = 30
TRIMESTRES = [Trimestre(VIGENCIA, k) for k in (1, 2, 3, 4)]
TIPOS = ("suma", "constante", "creciente", "decreciente")
PESOS = ["4"] * 10 + ["3"] * 20  # suman 100
ENVIOS = [datetime.date(2025, 4, 10), datetime.date(2025, 7, 10), datetime.date(2025, 10, 10),
          datetime.date(2026, 1, 15)]

# Una meta generada: (codigo, tipo, magnitud, P1..P4, linea_base, peso, E1..E4); texto o None.
MetaCruda = tuple[str, str, str, tuple[str | None, ...], str | None, str, tuple[str | None, ...]]


# --- datos ------------------------------------------------------------------------------------


def _cifra(azar: random.Random, base: float) -> str:
    return f"{max(0.0, base * azar.uniform(0.5, 1.3)):.2f}"


def _meta(azar: random.Random, i: int, peso: str) -> MetaCruda:
    tipo = TIPOS[i % 4]
    lb: str | None = None
    if tipo == "suma":
        p = [azar.randint(0, 40) for _ in range(4)]
        p[3] += 1
        magnitud = sum(p)
    elif tipo == "constante":
        magnitud = azar.randint(50, 100)
        p = [magnitud] * 4
    elif tipo == "creciente":
        base = azar.randint(0, 20)
        p = sorted(base + azar.randint(1, 80) for _ in range(4))
        magnitud, lb = p[3], str(base)
    else:
        base = azar.randint(300, 500)
        p = sorted((azar.randint(50, 290) for _ in range(4)), reverse=True)
        magnitud, lb = p[3], str(base)
    ejecuciones = tuple(
        None if azar.random() < 0.1 else _cifra(azar, float(v)) for v in p
    )
    return (f"M{i + 1}", tipo, str(magnitud), tuple(map(str, p)), lb, peso, ejecuciones)


def generar(n_planes: int, metas_por_plan: int = METAS_POR_PLAN, semilla: int = 12) -> list[
    tuple[str, list[MetaCruda]]
]:
    azar = random.Random(semilla)
    pesos = PESOS if metas_por_plan == METAS_POR_PLAN else ["1"] * metas_por_plan
    return [
        (f"Unidad {j:05d}", [_meta(azar, i, pesos[i]) for i in range(metas_por_plan)])
        for j in range(n_planes)
    ]


def construir(datos: Sequence[tuple[str, list[MetaCruda]]]) -> list[PlanDeGestion]:
    planes = []
    for unidad, metas in datos:
        objetos, reportes = [], []
        for codigo, tipo, magnitud, p, lb, peso, ejecuciones in metas:
            objetos.append(
                Meta(codigo=codigo, descripcion=f"Realizar la meta {codigo}", peso=peso,
                     programacion=Programacion(tipo, magnitud, p, linea_base=lb))
            )
            for k, e in enumerate(ejecuciones, 1):
                if e is not None:
                    reportes.append(
                        Reporte(codigo_meta=codigo, trimestre=TRIMESTRES[k - 1], ejecucion=e,
                                analisis="Avance del trimestre", evidencias=("acta.pdf",),
                                fecha_envio=ENVIOS[k - 1])
                    )
        planes.append(PlanDeGestion(vigencia=VIGENCIA, unidad=unidad, nivel="central",
                                    metas=objetos, reportes=reportes))
    return planes


_INDICADOR = Indicador("Porcentaje de avance", "actividades realizadas", "actividades programadas")
_ANALISIS = "Avance según lo programado; hubo demoras en la contratación del personal"
_ACUMULADO = "El resultado acumulado avanza conforme a lo programado en la vigencia"


def _cifras_reportadas(programacion: Programacion, ejecuciones: Sequence[Decimal | None],
                       k: int) -> dict[str, Decimal | None]:
    """Las tres cifras que la Actividad 9 pide en el reporte, como las reportaría un equipo
    cuidadoso: avances como fracción a cuatro decimales y la ejecución acumulada a dos (dentro de
    la tolerancia de REP-02, INT-41)."""
    r = evaluar(programacion, ejecuciones, k)

    def a(x: Decimal | None, paso: str) -> Decimal | None:
        return None if x is None else x.quantize(Decimal(paso), ROUND_HALF_UP)

    return {"avance_reportado": a(r.avance_trimestre, "0.0001"),
            "ejecucion_acumulada_reportada": a(r.ejecucion_acumulada, "0.01"),
            "avance_acumulado_reportado": a(r.cumplimiento, "0.0001")}


def construir_completos(datos: Sequence[tuple[str, list[MetaCruda]]]) -> list[PlanDeGestion]:
    """Los mismos planes, formulados y reportados como pide el procedimiento: cada meta con
    entregables e indicador (FOR-06) y cada reporte con su análisis, el análisis acumulado, las
    causas de un retraso (Actividad 9, Nota 1) y las tres cifras de la Actividad 9. Sobre estos
    datos ``evaluar_plan`` verifica todo y casi no encuentra nada: mide el costo de las
    verificaciones sin el de armar hallazgos. (Las cifras reportadas se calculan con la
    biblioteca al generar los datos, fuera de toda medición.)"""
    planes = []
    for unidad, metas in datos:
        objetos, reportes = [], []
        for codigo, tipo, magnitud, p, lb, peso, ejecuciones in metas:
            programacion = Programacion(tipo, magnitud, p, linea_base=lb)
            objetos.append(Meta(codigo=codigo, descripcion=f"Realizar la meta {codigo}", peso=peso,
                                programacion=programacion, entregables=("Informe trimestral",),
                                indicador=_INDICADOR))
            cifras = [None if e is None else Decimal(e) for e in ejecuciones]
            for k, e in enumerate(ejecuciones, 1):
                if e is not None:
                    reportes.append(
                        Reporte(codigo_meta=codigo, trimestre=TRIMESTRES[k - 1], ejecucion=e,
                                analisis=_ANALISIS, analisis_acumulado=_ACUMULADO,
                                evidencias=("acta.pdf",), fecha_envio=ENVIOS[k - 1],
                                **_cifras_reportadas(programacion, cifras, k))
                    )
        planes.append(PlanDeGestion(vigencia=VIGENCIA, unidad=unidad, nivel="central",
                                    metas=objetos, reportes=reportes))
    return planes


def ano_biblioteca(datos: Sequence[tuple[str, list[MetaCruda]]]) -> tuple[object, ...]:
    planes = construir(datos)
    rankings = [ranking(planes, k) for k in (1, 2, 3, 4)]
    anual = consolidado_anual(planes, VIGENCIA)
    return [[(p.unidad, p.valor) for p in r] for r in rankings], len(anual)


# --- referencia en Python puro -----------------------------------------------------------------

_CERO, _UNO, _CIEN = Decimal(0), Decimal(1), Decimal(100)
_CENTESIMA = Decimal("0.01")


def _cuatro(tipo: str, m: Decimal, p: list[Decimal | None], lb: Decimal,
            e: list[Decimal | None]) -> list[tuple[Decimal | None, Decimal | None, Decimal | None,
                                                   bool]]:
    """(EA, cumplimiento, avance de la vigencia, ¿programada a la fecha?) de T1..T4."""
    salida = []
    suma_e = suma_p = _CERO
    n_e = 0
    ea: Decimal | None = None
    pa: Decimal | None = None
    programada = False
    for q in range(4):
        pq, eq = p[q], e[q]
        if pq is not None:
            programada = True
        if tipo == "suma":
            if eq is not None:
                suma_e += eq
                ea = suma_e
            if pq is not None:
                suma_p += pq
            pa = suma_p
        elif tipo == "constante":
            if eq is not None and pq is not None:
                suma_e += eq
                n_e += 1
                ea = suma_e / n_e
            pa = m if programada else None
        else:
            if eq is not None:
                ea = eq
            if pq is not None:
                pa = pq
        if ea is None or pa is None:
            salida.append((ea, None, None, programada))
            continue
        if tipo == "decreciente":
            dp, dm, de = lb - pa, lb - m, lb - ea
        else:
            dp, dm, de = pa - lb, m - lb, ea - lb
        salida.append((ea, de / dp if dp else None, de / dm if dm else None, programada))
    return salida


def ano_referencia(datos: Sequence[tuple[str, list[MetaCruda]]]) -> tuple[object, ...]:
    """Calificación de cada plan T1..T4, ranking por trimestre y filas del cierre."""
    with decimal.localcontext(decimal.Context(prec=50)):
        calificaciones: list[list[tuple[str, Decimal | None]]] = [[], [], [], []]
        anual = []
        for unidad, metas in datos:
            num = [_CERO] * 4
            den = [_CERO] * 4
            for codigo, tipo, magnitud, p, lb, peso, ejecuciones in metas:
                m = Decimal(magnitud)
                w = Decimal(peso)
                pd_ = [None if v is None or (tipo == "suma" and v == "0") else Decimal(v)
                       for v in p]
                ed = [None if v is None else Decimal(v) for v in ejecuciones]
                cuatro = _cuatro(tipo, m, pd_, _CERO if lb is None else Decimal(lb), ed)
                for q, (ea, cumple, _, programada) in enumerate(cuatro):
                    if not programada or (ea is not None and cumple is None):
                        continue
                    acotado = _CERO if ea is None else min(max(cumple, _CERO), _UNO)
                    num[q] += w * acotado
                    den[q] += w
                ea4, _, vigencia, _ = cuatro[3]
                pct = None if vigencia is None else (vigencia * _CIEN).quantize(
                    _CENTESIMA, ROUND_HALF_UP)
                anual.append((unidad, codigo, ea4, pct))
            for q in range(4):
                calificaciones[q].append((unidad, num[q] / den[q] if den[q] else None))
        rankings = []
        for q in range(4):
            con = [(c, u) for u, c in calificaciones[q] if c is not None]
            con.sort(key=lambda x: (-(x[0] * _CIEN).quantize(_CENTESIMA, ROUND_HALF_UP), x[1]))
            sin = sorted(u for u, c in calificaciones[q] if c is None)
            rankings.append([(u, c) for c, u in con] + [(u, None) for u in sin])
    return rankings, len(anual)


# --- pandas ------------------------------------------------------------------------------------


def marco(datos: Sequence[tuple[str, list[MetaCruda]]]) -> pd.DataFrame:
    filas = []
    for unidad, metas in datos:
        for codigo, tipo, magnitud, p, lb, peso, e in metas:
            filas.append((unidad, codigo, tipo, float(magnitud), *(float(v) for v in p),
                          0.0 if lb is None else float(lb), float(peso),
                          *(np.nan if v is None else float(v) for v in e)))
    columnas = ["unidad", "codigo", "tipo", "magnitud", "p1", "p2", "p3", "p4", "lb", "peso",
                "e1", "e2", "e3", "e4"]
    df = pd.DataFrame(filas, columns=columnas)
    df["tipo"] = df["tipo"].astype("category")
    return df


def ano_pandas(datos: Sequence[tuple[str, list[MetaCruda]]]) -> tuple[object, ...]:
    df = marco(datos)
    tipo = df["tipo"].to_numpy()
    p = df[["p1", "p2", "p3", "p4"]].to_numpy()
    p = np.where((tipo == "suma")[:, None] & (p == 0), np.nan, p)
    e = df[["e1", "e2", "e3", "e4"]].to_numpy()
    m, lb, w = df["magnitud"].to_numpy(), df["lb"].to_numpy(), df["peso"].to_numpy()
    rankings = []
    suma, cons = tipo == "suma", tipo == "constante"
    dec = tipo == "decreciente"
    for k in range(1, 5):
        pk, ek = p[:, :k], e[:, :k]
        programada = ~np.isnan(pk).all(axis=1)
        ea_suma = np.where(np.isnan(ek).all(axis=1), np.nan, np.nansum(ek, axis=1))
        con_prog = np.where(np.isnan(pk), np.nan, ek)
        with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # media de una fila sin datos
            ea_cons = np.nanmean(con_prog, axis=1)
        ult_e = pd.DataFrame(ek).ffill(axis=1).to_numpy()[:, -1]
        ult_p = pd.DataFrame(pk).ffill(axis=1).to_numpy()[:, -1]
        ea = np.where(suma, ea_suma, np.where(cons, ea_cons, ult_e))
        pa = np.where(suma, np.nansum(pk, axis=1), np.where(cons, m, ult_p))
        base = np.where(suma | cons, 0.0, lb)
        with np.errstate(invalid="ignore", divide="ignore"):
            cumple = np.where(dec, (base - ea) / (base - pa), (ea - base) / (pa - base))
        cuenta = programada & ~(~np.isnan(ea) & ~np.isfinite(cumple))
        acotado = np.where(np.isnan(ea), 0.0, np.clip(cumple, 0, 1))
        df["_num"], df["_den"] = np.where(cuenta, w * acotado, 0.0), np.where(cuenta, w, 0.0)
        g = df.groupby("unidad", sort=False)[["_num", "_den"]].sum()
        cal = (g["_num"] / g["_den"]).round(4)
        rankings.append(cal.sort_values(ascending=False, kind="stable"))
    with np.errstate(invalid="ignore", divide="ignore"):
        vig = np.where(dec, (lb - ea) / (lb - m), (ea - base) / (m - base))
    anual = df.assign(avance_anual_pct=np.round(vig * 100, 2))
    return rankings, len(anual)


# --- mediciones --------------------------------------------------------------------------------


def medir(funcion: Callable[[], object], repeticiones: int = 1, sin_gc: bool = False) -> float:
    """El mejor tiempo de ``repeticiones``; con ``sin_gc``, sin el recolector de ciclos durante
    la medición (como ``timeit``: para llamadas cortas, donde una recolección que cae en una
    de las dos funciones comparadas pesaría más que la llamada)."""
    mejor = float("inf")
    for _ in range(repeticiones):
        gc.collect()
        if sin_gc:
            gc.disable()
        try:
            inicio = time.perf_counter()
            funcion()
            mejor = min(mejor, time.perf_counter() - inicio)
        finally:
            gc.enable()
    return mejor


def alternando(
    funciones: Sequence[Callable[[], object]], rondas: int, sin_gc: bool = False
) -> list[float]:
    """El mejor tiempo de cada función, midiéndolas por turnos ``rondas`` veces: en una máquina
    compartida la velocidad cambia de un minuto a otro, y turnarse reparte ese ruido entre
    todas (una razón entre dos mediciones separadas en el tiempo no mediría nada)."""
    mejores = [float("inf")] * len(funciones)
    for _ in range(rondas):
        for i, funcion in enumerate(funciones):
            mejores[i] = min(mejores[i], medir(funcion, sin_gc=sin_gc))
    return mejores


def _redondeado(rankings: object) -> object:
    return [
        [(u, None if c is None else c.quantize(Decimal("1e-20"))) for u, c in r]
        for r in rankings  # type: ignore[attr-defined]
    ]


def comprobar(datos: Sequence[tuple[str, list[MetaCruda]]]) -> None:
    nuestro, n1 = ano_biblioteca(datos)
    referencia, n2 = ano_referencia(datos)
    # La biblioteca suma en orden canónico (por código) y la referencia en el del plan: a 50
    # dígitos difieren en la última cifra; se comparan a 20 decimales.
    if _redondeado(nuestro) != _redondeado(referencia) or n1 != n2:
        sys.exit("la referencia no coincide con la biblioteca: el banco no mediría lo mismo")


def calentar() -> None:
    """Lo que se paga una vez por proceso y no por meta (importar y armar los festivos, llenar
    las memorias de textos y plazos) se paga antes de medir."""
    for plan in construir(generar(2, semilla=3)):
        for k in (1, 2, 3, 4):
            evaluar_plan(plan, k)


# --- el piso de un diseño con objetos ------------------------------------------------------------


def _clase_desnuda(nombre: str, n_campos: int) -> type:
    campos = {f"c{i}": attrs.field() for i in range(n_campos)}
    return attrs.make_class(nombre, campos, frozen=True, slots=True)


def piso_de_objetos(datos: Sequence[tuple[str, list[MetaCruda]]]) -> Callable[[], object]:
    """Armar, sin validar ni convertir nada, objetos ``attrs`` congelados con tantos campos
    como ``Meta``, ``Programacion``, ``Reporte`` y ``PlanDeGestion`` (y un ``Decimal`` por
    cifra): lo mínimo que cuesta tener el año en objetos, sin calcular nada."""
    clases = {c: _clase_desnuda(c.__name__, len(attrs.fields(c)))
              for c in (Meta, Programacion, Reporte, PlanDeGestion)}
    m_, p_, r_, pl_ = (clases[c] for c in (Meta, Programacion, Reporte, PlanDeGestion))
    nm, np_, nr, npl = (len(attrs.fields(c)) - 1 for c in (Meta, Programacion, Reporte,
                                                            PlanDeGestion))

    def armar() -> object:
        planes = []
        for unidad, metas in datos:
            objetos, reportes = [], []
            for codigo, _tipo, magnitud, p, _lb, peso, ejecuciones in metas:
                prog = p_(Decimal(magnitud), tuple(Decimal(v) for v in p), *([None] * (np_ - 1)))
                objetos.append(m_(codigo, Decimal(peso), prog, *([None] * (nm - 2))))
                for k, e in enumerate(ejecuciones):
                    if e is not None:
                        reportes.append(r_(codigo, TRIMESTRES[k], Decimal(e), *([None] * (nr - 2))))
            planes.append(pl_(unidad, tuple(objetos), tuple(reportes), *([None] * (npl - 2))))
        return planes

    return armar


def _desnuda(clase: type) -> type:
    return _clase_desnuda(clase.__name__, len(attrs.fields(clase)))


#: Una fila del cierre (CON-04) tiene 23 columnas.
_COLUMNAS_CIERRE = tuple(f"c{i}" for i in range(23))


def piso_salidas_ano(planes: Sequence[PlanDeGestion]) -> Callable[[], object]:
    """Armar, sin validar ni calcular nada, lo que el año entrega según ``DESIGN.md``: por
    trimestre, una ``Contribucion`` por meta (la explicación de la calificación, CON-01) y una
    ``Calificacion`` y una ``PosicionRanking`` por plan; y una fila del cierre por meta (CON-04).
    Sumado a :func:`piso_de_objetos`, es lo mínimo que cuesta el año con ese contrato."""
    c_, ca_, pr_ = (_desnuda(c) for c in (Contribucion, Calificacion, PosicionRanking))

    def armar() -> object:
        rankings = []
        for k in range(4):
            posiciones = []
            for plan in planes:
                contribuciones = tuple(
                    c_(m.codigo, m.peso, None, True, None, None, None, None, "cumplimiento")
                    for m in plan.metas
                )
                posiciones.append(pr_(None, plan.unidad, None,
                                      ca_(plan.unidad, k, None, contribuciones, None), None))
            rankings.append(posiciones)
        filas = [dict(zip(_COLUMNAS_CIERRE, (plan.unidad, m.codigo) * 12, strict=False))
                 for plan in planes for m in plan.metas]
        return rankings, filas

    return armar


def piso_salidas_evaluacion(planes: Sequence[PlanDeGestion],
                            hallazgos: int) -> Callable[[], object]:
    """Lo mismo para ``evaluar_plan`` ×4: por plan y trimestre una ``EvaluacionPlan`` y su
    ``Calificacion``; por meta y trimestre una ``EvaluacionMeta`` con su ``Resultado`` y su
    ``Contribucion``; y ``hallazgos`` objetos ``Hallazgo`` con un mensaje formateado (tantos
    como encontró la biblioteca en esos datos; los de cada reporte se cuentan una vez, como los
    arma ella)."""
    ep_, em_, r_, c_, ca_, h_ = (_desnuda(c) for c in (
        EvaluacionPlan, EvaluacionMeta, Resultado, Contribucion, Calificacion, Hallazgo))
    por_plan = hallazgos // max(1, len(planes))

    def armar() -> object:
        salida = []
        for plan in planes:
            propios = tuple(h_("REP-03", None, f"2025-T{i % 4 + 1}: analisis: falta el análisis",
                               None, None, None, None) for i in range(por_plan))
            for k in range(4):
                metas = tuple(
                    em_(m, r_(k, None, None, None, None, None), None,
                        c_(m.codigo, m.peso, None, True, None, None, None, None, "cumplimiento"),
                        ())
                    for m in plan.metas
                )
                salida.append(ep_(plan, k, metas, ca_(plan.unidad, k, None, (), None), None,
                                  propios))
        return salida

    return armar


def ano_completo(n_metas: int, repeticiones: int) -> float:
    datos = generar(n_metas // METAS_POR_PLAN)
    comprobar(generar(40, semilla=7))
    construidos = construir(datos)
    ref, nuestro, panda, construccion, piso_in, piso_out = alternando(
        [lambda: ano_referencia(datos), lambda: ano_biblioteca(datos), lambda: ano_pandas(datos),
         lambda: construir(datos), piso_de_objetos(datos), piso_salidas_ano(construidos)],
        repeticiones,
    )
    del construidos
    print(f"año completo, {n_metas:>7,} metas: biblioteca {nuestro:7.2f} s  referencia "
          f"{ref:6.2f} s  pandas {panda:6.2f} s  razón {nuestro / ref:5.2f}× (meta ≤ 2,5×)"
          f"  vs pandas {nuestro / panda:5.1f}×")
    print(f"  de ello, construir los planes: {construccion:7.2f} s ({construccion / ref:4.2f}×); "
          f"calcular: {nuestro - construccion:7.2f} s ({(nuestro - construccion) / ref:4.2f}×)")
    print(f"  piso del contrato (objetos attrs con los campos de DESIGN.md, sin validar ni "
          f"calcular): entrada {piso_in / ref:4.2f}× + salida {piso_out / ref:4.2f}× = "
          f"{(piso_in + piso_out) / ref:4.2f}× la referencia")
    evaluacion_plan(datos, ref, n_metas, repeticiones)
    return ref


def evaluacion_plan(datos: Sequence[tuple[str, list[MetaCruda]]], ref: float, n_metas: int,
                    repeticiones: int) -> None:
    """``evaluar_plan`` ×4 sobre los datos del banco (reportes con un análisis que no lo es y
    sin las cifras de la Actividad 9: varios hallazgos por reporte) y sobre los mismos planes
    reportados como pide el procedimiento (casi sin hallazgos), cada uno con el piso de sus
    salidas. Cada ronda evalúa planes recién construidos (la memoria del plan haría gratis la
    segunda medición) y se turna con la referencia."""
    mejores: dict[str, float] = {}
    cuentas: dict[str, float] = {}
    for _ in range(repeticiones):
        for nombre, armar in (("datos del banco", construir),
                              ("reportes completos", construir_completos)):
            planes = armar(datos)
            evaluaciones: list[EvaluacionPlan] = []
            t = medir(lambda p=planes, e=evaluaciones: e.extend(
                evaluar_plan(x, k) for x in p for k in (1, 2, 3, 4)))
            hallazgos = sum(len(h.hallazgos) for h in evaluaciones[3::4])
            cuentas[nombre] = hallazgos / sum(len(p.reportes) for p in planes)
            piso = medir(piso_salidas_evaluacion(planes, hallazgos))
            mejores[nombre] = min(mejores.get(nombre, float("inf")), t)
            mejores["piso " + nombre] = min(mejores.get("piso " + nombre, float("inf")), piso)
            del planes, evaluaciones
        ref = min(ref, medir(lambda: ano_referencia(datos)))
    for nombre in ("datos del banco", "reportes completos"):
        print(f"evaluar_plan ×4, {n_metas:>7,} metas, {nombre} ({cuentas[nombre]:.1f} hallazgos "
              f"por reporte): {mejores[nombre]:7.2f} s  razón {mejores[nombre] / ref:5.2f}× la "
              f"referencia del año (meta ≤ 4×); piso de sus salidas "
              f"{mejores['piso ' + nombre] / ref:4.2f}×")


def un_plan(tamanos: Sequence[int], rondas: int = 3) -> None:
    """Cada ronda mide cada tamaño sobre un plan recién generado y construido (la memoria del
    plan haría gratis la segunda medición del mismo plan), sin otros datos vivos; se toma el
    mejor de las rondas. Se mide con el recolector de ciclos de CPython (lo que ve quien llama)
    y sin él (el algoritmo): cada recolección completa recorre todos los objetos vivos, y un
    plan de 40 000 metas con sus hallazgos y resultados son ~1,5 millones."""
    for sin_gc in (False, True):
        mejores = dict.fromkeys(tamanos, float("inf"))
        for _ in range(rondas):
            for n in tamanos:
                plan = construir(generar(1, n, semilla=n))[0]
                t = medir(lambda p=plan: (consolidado_anual([p], VIGENCIA), evaluar_plan(p, 4)),
                          sin_gc=sin_gc)
                mejores[n] = min(mejores[n], t / n)
                del plan
        como = "sin el recolector de ciclos" if sin_gc else "con el recolector de ciclos"
        print(f"un plan (consolidado_anual + evaluar_plan), {como}: " + ", ".join(
            f"{n:,} metas {mejores[n] * 1e6:.0f} µs/meta" for n in tamanos))
        print(f"  crecimiento del costo por meta {tamanos[0]:,} → {tamanos[-1]:,}: "
              f"{mejores[tamanos[-1]] / mejores[tamanos[0]]:5.2f}× (meta ≤ 1,5×)")


def _ingenua(p: Sequence[Decimal | None], m: Decimal, e: Sequence[Decimal | None],
             k: int) -> tuple[Decimal | None, ...]:
    """SUMA, evaluada como lo haría quien la escribe a mano, en su propio contexto."""
    with decimal.localcontext(decimal.Context(prec=50)):
        ej = [x for x in e[:k] if x is not None]
        ea = sum(ej, _CERO) if ej else None
        pa = sum((x for x in p[:k] if x), _CERO)
        pk, ek = p[k - 1], e[k - 1]
        return (
            ek / pk if ek is not None and pk else None,
            ea, pa,
            ea / pa if ea is not None and pa else None,
            ea / m if ea is not None and m else None,
        )


def por_llamada() -> None:
    p = Programacion("suma", "100", ["10", "20", "30", "40"])
    e = (Decimal(10), Decimal(15), None, Decimal(25))
    n = 20000
    m, pt = p.magnitud, p.trimestres
    nuestro, ingenua = (t / n for t in alternando(
        [lambda: [evaluar(p, e, 3) for _ in range(n)], lambda: [_ingenua(pt, m, e, 3) for _ in range(n)]],
        9,
        sin_gc=True,
    ))
    print(f"evaluar por llamada: {nuestro * 1e6:6.2f} µs  ingenua {ingenua * 1e6:6.2f} µs  razón "
          f"{nuestro / ingenua:5.2f}× (meta ≤ 1,0×)")


def memoria(n_metas: int) -> None:
    """En frío: las memorias de cifras de ``numeros`` se vacían antes de medir, así que cuentan
    los ``Decimal`` que la construcción convierte y lo que crecen esas memorias (si no, los
    años medidos antes con los mismos datos dejarían las cifras ya convertidas y fuera de la
    cuenta)."""
    datos = generar(n_metas // METAS_POR_PLAN)
    numeros.vaciar_memorias()
    gc.collect()
    tracemalloc.start()
    planes = construir(datos)
    ocupado, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del planes
    df = marco(datos)
    print(f"memoria de {n_metas:,} metas con sus reportes: {ocupado / n_metas:6.0f} B/meta "
          f"({ocupado / 2**20:6.1f} MiB; meta ≤ 1024 B/meta)  DataFrame "
          f"{df.memory_usage(deep=True).sum() / n_metas:5.0f} B/meta; "
          f"{len(numeros._CIFRAS_VALIDAS):,} textos de cifras recordados")


def main() -> None:
    rapido = "--rapido" in sys.argv
    calentar()
    tamanos = (10_000,) if rapido else (10_000, 100_000)
    for n in tamanos:
        ano_completo(n, 1 if n > 10_000 else 3)
    un_plan((400, 4_000) if rapido else (400, 4_000, 40_000))
    por_llamada()
    memoria(tamanos[-1])


if __name__ == "__main__":
    main()
