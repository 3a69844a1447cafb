"""Las estrategias de ``sdg_metas.testing`` generan lo que prometen (y la biblioteca las usa)."""

from __future__ import annotations

import datetime
import importlib
import subprocess
import sys
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from sdg_metas import (
    ErrorSdgMetas,
    Meta,
    Nivel,
    PlanDeGestion,
    Programacion,
    Reporte,
    SolicitudModificacion,
    TipoProgramacion,
    Trimestre,
    a_decimal,
    ejecucion_de,
    evaluar,
    verificar_meta,
    verificar_plan,
    verificar_programacion,
    verificar_reportes_plan,
)
from sdg_metas.testing import (
    decimales,
    metas,
    numeros_invalidos,
    pesos_invalidos,
    planes,
    programaciones,
    reportes,
    solicitudes_modificacion,
    textos_trimestre_invalidos,
    trimestres,
)
from sdg_metas.testing._metas import _incompletos

TIPOS = list(TipoProgramacion)
#: Argumentos de tipo equivocado (``Any`` para que mypy deje pasarlos).
NO: Any = "no"
UNO: Any = 1
NADA: Any = None


# --- importar sin hypothesis ------------------------------------------------------------------


def test_sin_hypothesis_el_error_dice_que_extra_instalar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.delitem(sys.modules, "sdg_metas.testing")
    with pytest.raises(ImportError, match=r"pip install 'sdg-metas\[testing\]'") as info:
        importlib.import_module("sdg_metas.testing")
    assert "hypothesis" in str(info.value)
    assert isinstance(info.value.__cause__, ImportError)


def test_sin_hypothesis_en_un_proceso_nuevo() -> None:
    codigo = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "try:\n"
        "    import sdg_metas.testing\n"
        "except ImportError as e:\n"
        "    print(e)\n"
    )
    salida = subprocess.run(
        [sys.executable, "-c", codigo], capture_output=True, text=True, check=True
    ).stdout
    assert "instale el extra: pip install 'sdg-metas[testing]'" in salida


# --- programaciones ---------------------------------------------------------------------------


@pytest.mark.parametrize("tipo", TIPOS)
@given(data=st.data())
def test_programaciones_coherentes_sin_hallazgos(
    tipo: TipoProgramacion, data: st.DataObject
) -> None:
    p = data.draw(programaciones(tipo=tipo))
    assert p.tipo is tipo
    assert verificar_programacion(p) == ()
    assert any(p.programados)


@given(programaciones(porcentual=True))
def test_programaciones_porcentuales_cumplen_for_03(p: Programacion) -> None:
    assert verificar_programacion(p, "%") == ()
    assert p.magnitud <= 100
    assert all(v is None or v <= 100 for v in p.trimestres)


@pytest.mark.parametrize("tipo", [*TIPOS, None])
@given(data=st.data())
def test_programaciones_incoherentes_tienen_hallazgos(
    tipo: TipoProgramacion | None, data: st.DataObject
) -> None:
    p = data.draw(programaciones(tipo=tipo, coherentes=False, porcentual=data.draw(st.booleans())))
    for unidad in (None, "%"):
        hallazgos = verificar_programacion(p, unidad)
        assert hallazgos
        assert {h.regla for h in hallazgos} <= {"FOR-01", "FOR-02", "FOR-03"}


def test_programaciones_aceptan_el_tipo_como_texto() -> None:
    @given(programaciones(tipo="Creciente"))
    def prueba(p: Programacion) -> None:
        assert p.tipo is TipoProgramacion.CRECIENTE

    prueba()


# --- metas ------------------------------------------------------------------------------------


@given(metas())
def test_metas_coherentes_sin_hallazgos(m: Meta) -> None:
    assert verificar_meta(m) == ()


@given(metas(coherentes=False))
def test_metas_incoherentes_tienen_hallazgos(m: Meta) -> None:
    assert any(h.regla in ("FOR-01", "FOR-02") for h in verificar_meta(m))


@given(metas(codigo="M-9", tipo="decreciente", nivel="local", peso="12.5"))
def test_metas_respetan_los_campos_fijados(m: Meta) -> None:
    assert (m.codigo, m.programacion.tipo, m.nivel, m.peso) == (
        "M-9",
        TipoProgramacion.DECRECIENTE,
        Nivel.LOCAL,
        Decimal("12.5"),
    )
    assert m.dependencia_orientadora


# --- reportes ---------------------------------------------------------------------------------


@given(reportes())
def test_reportes_validos(r: Reporte) -> None:
    assert r.codigo_meta
    assert r.analisis.strip()
    assert r.evidencias
    assert r.causas_retraso.strip()
    assert r.fecha_envio is not None
    assert r.fecha_envio > r.trimestre.fin
    assert r.ejecucion is not None or (r.denominador is not None and r.denominador > 0)


@given(data=st.data())
def test_reportes_de_una_meta(data: st.DataObject) -> None:
    meta = data.draw(metas())
    trimestre = data.draw(trimestres(vigencias=range(2020, 2031)))
    r = data.draw(reportes(meta=meta, trimestre=trimestre))
    assert (r.codigo_meta, r.trimestre) == (meta.codigo, trimestre)
    ejecucion = ejecucion_de(r, meta)
    assert ejecucion is not None
    if not meta.programacion.programado(trimestre.numero):
        assert ejecucion == 0
    if meta.porcentual:
        assert ejecucion <= 100


@settings(max_examples=30)
@given(data=st.data())
def test_reportes_pasan_la_verificacion(data: st.DataObject) -> None:
    plan = data.draw(planes(vigencia=data.draw(st.integers(2020, 2030))))
    assert verificar_reportes_plan(plan) == ()


# --- planes -----------------------------------------------------------------------------------


@given(planes())
def test_planes_coherentes(plan: PlanDeGestion) -> None:
    assert sum(m.peso for m in plan.metas) == 100
    assert 1 <= len(plan.metas) <= 6
    assert len({m.codigo for m in plan.metas}) == len(plan.metas)
    assert all(m.nivel is plan.nivel for m in plan.metas)
    assert verificar_plan(plan) == ()
    for meta in plan.metas:
        numeros = sorted(plan.trimestres_reportados(meta.codigo))
        assert numeros == list(range(1, len(numeros) + 1))  # T1..Tk, sin huecos


@given(planes(vigencia=2025, min_metas=0, max_metas=3, pesos_completos=False, con_reportes=False))
def test_planes_con_pesos_incompletos(plan: PlanDeGestion) -> None:
    assert plan.vigencia == 2025
    assert plan.reportes == ()
    assert sum((m.peso for m in plan.metas), Decimal(0)) != 100
    assert "FOR-04" in {h.regla for h in verificar_plan(plan)}


@given(planes(min_metas=2, max_metas=2, nivel=Nivel.CENTRAL, coherentes=False))
def test_planes_incoherentes(plan: PlanDeGestion) -> None:
    assert len(plan.metas) == 2
    assert plan.nivel is Nivel.CENTRAL
    reglas = [h.regla for h in verificar_plan(plan)]
    assert reglas.count("FOR-01") + reglas.count("FOR-02") >= 2


@settings(max_examples=30)
@given(planes(pesos_completos=False, min_metas=3, max_metas=3))
def test_planes_pesos_incompletos_nunca_suman_100(plan: PlanDeGestion) -> None:
    assert sum(m.peso for m in plan.metas) != 100


def test_pesos_incompletos_que_sumarian_100_se_corrigen() -> None:
    assert _incompletos([10_000]) == [9_999]
    assert _incompletos([0, 10_000]) == [1, 10_000]
    assert _incompletos([5_000, 4_000]) == [5_000, 4_000]


# --- invariantes de la biblioteca con las estrategias (dogfooding) ----------------------------


@given(programaciones(tipo="suma"), st.integers(1, 4))
def test_suma_ejecutada_como_programada_cumple_1(p: Programacion, hasta: int) -> None:
    pares = zip(p.trimestres, p.programados, strict=True)
    ejecuciones = [v if si else Decimal(0) for v, si in pares]
    r = evaluar(p, ejecuciones, hasta)
    assert r.ejecucion_acumulada == r.programado_acumulado
    assert r.cumplimiento in (None, Decimal(1))
    assert evaluar(p, ejecuciones, 4).avance_vigencia == 1


@given(programaciones(tipo="suma"), st.lists(st.none() | decimales(), min_size=4, max_size=4))
def test_ejecucion_acumulada_suma_es_la_suma_de_lo_reportado(
    p: Programacion, ejecuciones: list[Decimal | None]
) -> None:
    anterior = Decimal(0)
    for hasta in range(1, 5):
        ea = evaluar(p, ejecuciones, hasta).ejecucion_acumulada
        esperado = [e for e in ejecuciones[:hasta] if e is not None]
        assert ea == (sum(esperado, Decimal(0)) if esperado else None)
        if ea is not None:
            assert ea >= anterior
            anterior = ea


@given(planes(vigencia=2025))
def test_evaluar_no_falla_en_un_plan_coherente(plan: PlanDeGestion) -> None:
    for meta in plan.metas:
        for hasta in range(1, 5):
            evaluar(meta.programacion, plan.ejecuciones(meta.codigo), hasta)


# --- registro de tipos ------------------------------------------------------------------------


@pytest.mark.parametrize("clase", [Trimestre, Programacion, Meta, Reporte, PlanDeGestion])
def test_from_type(clase: type) -> None:
    @settings(max_examples=10)
    @given(st.from_type(clase))
    def prueba(valor: object) -> None:
        assert isinstance(valor, clase)

    prueba()


@given(st.builds(lambda m, t: (m, t), st.from_type(Meta), st.from_type(Trimestre)))
def test_from_type_da_objetos_validos(par: tuple[Meta, Trimestre]) -> None:
    meta, _ = par
    assert verificar_programacion(meta.programacion, meta.unidad) == ()


# --- números y trimestres ---------------------------------------------------------------------


@given(decimales(min_value="0.5", max_value=30, places=3))
def test_decimales_en_rango(d: Decimal) -> None:
    assert Decimal("0.5") <= d <= 30
    assert d.as_tuple().exponent == -3


@given(decimales(min_value=-5, max_value=5, places=0))
def test_decimales_enteros_y_negativos(d: Decimal) -> None:
    assert -5 <= d <= 5
    assert d == d.to_integral_value()


@given(decimales(min_value=10**40, max_value=10**40 + 1, places=5))
def test_decimales_exactos_mas_alla_de_la_precision_del_contexto(d: Decimal) -> None:
    assert 10**40 <= d <= 10**40 + 1
    assert d.as_tuple().exponent == -5


@given(numeros_invalidos())
def test_numeros_invalidos_rechazados(valor: object) -> None:
    with pytest.raises(ErrorSdgMetas):
        a_decimal(valor)


@given(numeros_invalidos(negativos=False))
def test_numeros_invalidos_sin_negativos_rechazados_aun_con_negativo(valor: object) -> None:
    with pytest.raises(ErrorSdgMetas):
        a_decimal(valor, negativo=True)


@given(pesos_invalidos(), programaciones())
def test_pesos_invalidos_rechazados(peso: Any, p: Programacion) -> None:
    with pytest.raises(ErrorSdgMetas):
        Meta(codigo="M1", descripcion="Realizar", programacion=p, peso=peso)


@given(textos_trimestre_invalidos())
def test_textos_trimestre_invalidos_rechazados(texto: str) -> None:
    with pytest.raises(ErrorSdgMetas):
        Trimestre.desde_texto(texto)


@given(trimestres())
def test_trimestres_en_todo_el_rango(t: Trimestre) -> None:
    assert Trimestre.desde_texto(str(t)) == t


@given(trimestres(vigencias=[2026, 2024, 2024], numeros=[4]))
def test_trimestres_limitados(t: Trimestre) -> None:
    assert t.vigencia in (2024, 2026)
    assert t.numero == 4


@given(trimestres(vigencias=2025))
def test_trimestres_de_una_vigencia(t: Trimestre) -> None:
    assert t.vigencia == 2025


def _meta_fija(tipo: str, magnitud: Any, valores: list[Any], **campos: Any) -> Meta:
    """La meta M5 con esa programación (línea base 0, o la magnitud + 10 si es decreciente)."""
    base = {"creciente": 0, "decreciente": magnitud + 10 if tipo == "decreciente" else 0}.get(tipo)
    return Meta(
        codigo="M5",
        descripcion="Realizar visitas",
        peso=10,
        programacion=Programacion(tipo, magnitud, valores, linea_base=base),
        entregables=["Actas"],
        **campos,
    )


# --- argumentos inválidos: InvalidArgument al construir la estrategia -------------------------


@pytest.mark.parametrize(
    "construir",
    [
        lambda: decimales(min_value=5, max_value=1),
        lambda: decimales(min_value="0.001", max_value="0.009", places=2),
        lambda: decimales(places=-1),
        lambda: decimales(min_value="abc"),
        lambda: numeros_invalidos(negativos=NO),
        lambda: trimestres(vigencias=1800),
        lambda: trimestres(vigencias=True),
        lambda: trimestres(vigencias=[]),
        lambda: trimestres(numeros=[]),
        lambda: trimestres(numeros=[5]),
        lambda: trimestres(numeros=[True]),
        lambda: trimestres(numeros=[1, NO]),
        lambda: programaciones(tipo="lineal"),
        lambda: programaciones(coherentes=UNO),
        lambda: programaciones(porcentual=NADA),
        lambda: metas(codigo=""),
        lambda: metas(codigo=UNO),
        lambda: metas(nivel="regional"),
        lambda: metas(peso=101),
        lambda: metas(peso="1,5"),
        lambda: reportes(meta=NO),
        lambda: reportes(trimestre=NO),
        lambda: planes(vigencia=10_000),
        lambda: planes(min_metas=0),
        lambda: planes(min_metas=3, max_metas=2),
        lambda: planes(con_reportes=NO),
        lambda: planes(pesos_completos=NADA),
        lambda: solicitudes_modificacion(meta=NO),
        lambda: solicitudes_modificacion(vigencia=1),
        lambda: solicitudes_modificacion(
            meta=_meta_fija("suma", 8, [2, 2, 2, 2], eliminada_desde=Trimestre(2025, 2))
        ),
        lambda: solicitudes_modificacion(eliminar=NO),
    ],
)
def test_argumentos_invalidos(construir: Any) -> None:
    with pytest.raises(InvalidArgument, match=r"^sdg_metas\.testing: "):
        construir()


# --- solicitudes de modificación --------------------------------------------------------------


def _revisar_solicitud(s: Any, vigencia: int | None = None) -> None:
    if vigencia is not None:
        assert s.fecha.year == vigencia
    if s.eliminar:
        assert s.propuesta is None
    else:
        assert s.propuesta is not None
        assert s.propuesta.codigo == s.meta.codigo
        assert s.propuesta.programacion.tipo is s.meta.programacion.tipo
        assert verificar_programacion(s.propuesta.programacion, s.propuesta.unidad) == ()
    assert all(datetime.date(s.fecha.year, 1, 1) <= c.fecha for c in s.conceptos)
    # solo trimestres ya terminados en la fecha de la solicitud, T1..Tk
    k = len(s.trimestres_reportados)
    assert s.trimestres_reportados == frozenset(range(1, k + 1))
    assert k == 0 or Trimestre(s.fecha.year, k).fin < s.fecha
    assert 0 <= s.modificaciones_previas <= 2


def test_solicitudes_validas() -> None:
    @given(st.data())
    def prueba(data: st.DataObject) -> None:
        s = data.draw(solicitudes_modificacion())
        assert isinstance(s, SolicitudModificacion)
        _revisar_solicitud(s)

    prueba()


def test_solicitudes_con_meta_vigencia_y_eliminar() -> None:
    meta = Meta(
        codigo="M3",
        descripcion="Realizar jornadas",
        peso=10,
        programacion=Programacion("suma", 8, [2, 2, 2, 2]),
    )

    @given(st.data())
    def prueba(data: st.DataObject) -> None:
        eliminar = data.draw(st.booleans())
        s = data.draw(solicitudes_modificacion(meta=meta, vigencia=2025, eliminar=eliminar))
        assert s.meta is meta
        assert s.eliminar is eliminar
        _revisar_solicitud(s, 2025)

    prueba()


@pytest.mark.parametrize(
    ("meta", "puede_aumentar"),
    [
        (_meta_fija("suma", 8, [2, 2, 2, 2]), True),
        (_meta_fija("suma", 100, [25, 25, 25, 25], unidad="%"), False),  # ya en el tope
        (_meta_fija("suma", "99.995", [25, 25, 25, "24.995"], unidad="%"), False),  # casi
        (_meta_fija("creciente", 40, [10, 20, 30, 40]), True),
        (_meta_fija("creciente", 20, [10, 20, None, None]), False),  # el último ya pasó
        (_meta_fija("constante", 5, [5, 5, 5, 5]), False),
        (_meta_fija("decreciente", 5, [12, 9, 7, 5]), False),
    ],
    ids=[
        "suma",
        "suma-tope",
        "suma-casi-tope",
        "creciente",
        "creciente-cerrada",
        "constante",
        "decreciente",
    ],
)
def test_solicitudes_de_aumento(meta: Meta, puede_aumentar: bool) -> None:
    estrategia = solicitudes_modificacion(meta=meta, vigencia=2025, eliminar=False)

    def solo_aumento(s: Any) -> bool:
        antes, despues = s.meta.programacion, s.propuesta.programacion
        en_curso = Trimestre.de_fecha(s.fecha).numero
        return despues.magnitud > antes.magnitud and all(
            a == b for a, b in zip(antes.trimestres[:en_curso], despues.trimestres, strict=False)
        )

    aumentos = []

    @settings(max_examples=40)
    @given(estrategia)
    def prueba(s: Any) -> None:
        _revisar_solicitud(s, 2025)
        if solo_aumento(s):
            aumentos.append(s)

    prueba()
    if puede_aumentar:  # (sin aumento posible, otra programación puede aumentar por azar)
        assert aumentos


def test_solicitudes_y_su_decision() -> None:
    modulo = importlib.import_module("sdg_metas.modificaciones")

    @settings(max_examples=200)
    @given(solicitudes_modificacion(vigencia=2025))
    def prueba(s: Any) -> None:
        assert isinstance(s, modulo.SolicitudModificacion)
        _revisar_solicitud(s, 2025)
        decision = modulo.evaluar_solicitud(s)
        assert [m.regla for m in decision.motivos] == [f"MOD-{n:02d}" for n in range(1, 13)]

    prueba()
    # salen solicitudes elegibles y no elegibles, y aumentos que MOD-07 exime del plazo. Se
    # buscan con find (hasta 2 000 ejemplos) y no contando lo que salió en las 200 de arriba: con
    # semillas al azar (el perfil de CI no fija la semilla), a veces ninguna era ELEGIBLE.
    busqueda = settings(
        max_examples=2000, database=None, deadline=None, phases=[Phase.generate]
    )
    estrategia = solicitudes_modificacion(vigencia=2025)
    for elegibilidad in ("ELEGIBLE", "NO_ELEGIBLE"):
        hallada = find(
            estrategia,
            lambda s, e=elegibilidad: modulo.evaluar_solicitud(s).elegibilidad.name == e,
            settings=busqueda,
        )
        assert modulo.evaluar_solicitud(hallada).elegibilidad.name == elegibilidad
    exenta = find(
        estrategia, lambda s: modulo.evaluar_solicitud(s).motivo("MOD-07").cumple, settings=busqueda
    )
    assert modulo.evaluar_solicitud(exenta).motivo("MOD-07").cumple


def test_estrategias_con_argumentos_hostiles() -> None:
    """Issue 13: ``trimestres(numeros=itertools.count())`` agotaba la memoria,
    ``trimestres(numeros=Decimal(1))`` era un ``TypeError`` y ``decimales(places=10**400)`` un
    ``decimal.Overflow``: ahora, como toda opción inválida, ``InvalidArgument``."""
    import itertools

    from hypothesis.errors import InvalidArgument

    from sdg_metas.testing import decimales, trimestres

    with pytest.raises(InvalidArgument, match="trae más de 2000000 elementos"):
        trimestres(numeros=itertools.count())
    with pytest.raises(InvalidArgument, match="numeros: 1 debe ser una colección"):
        trimestres(numeros=Decimal(1))
    with pytest.raises(InvalidArgument, match="no caben en un Decimal"):
        decimales(places=10**400)
    with pytest.raises(InvalidArgument, match="no caben en un Decimal"):
        decimales(max_value=Decimal("1e999999"))
