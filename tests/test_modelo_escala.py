"""Escala del modelo (issue 12, tarea h12a): el índice del plan armado al primer uso y los
caminos rápidos de la construcción, que deben dar exactamente lo mismo que los lentos."""

from __future__ import annotations

import copy
import datetime
import inspect
import pickle
import weakref
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sdg_metas import (
    Indicador,
    Meta,
    Nivel,
    PlanDeGestion,
    Programacion,
    ReportadoPor,
    Reporte,
    TipoProgramacion,
    Trimestre,
    evaluar_plan,
)
from sdg_metas._validacion import INIT_DE_ATTRS, copiador
from sdg_metas.ejemplos import plan_ejemplo
from sdg_metas.indice import IndicePlan
from sdg_metas.invariantes import _problemas_reporte, problemas_del_plan
from sdg_metas.modelo import ejecucion_de, ejecuciones_de, memoria_del_plan
from sdg_metas.presentacion import valor_json
from sdg_metas.testing import planes

D = Decimal


# --- el índice del plan, al primer uso -----------------------------------------------------


def _a_mano(plan: PlanDeGestion, codigo: str) -> tuple[Reporte, ...]:
    """Lo que ``reportes_de`` debe dar, recorriendo todos los reportes (el camino ingenuo)."""
    propios = [r for r in plan.reportes if r.codigo_meta == codigo]
    return tuple(sorted(propios, key=lambda r: r.trimestre))


def _consultas(plan: PlanDeGestion, codigos: list[str]) -> list[object]:
    salida: list[object] = []
    for codigo in codigos:
        salida.append(plan.reportes_de(codigo))
        salida.append(plan.trimestres_reportados(codigo))
        if any(m.codigo == codigo for m in plan.metas):
            salida.append(plan.meta(codigo))
            salida.append(plan.ejecuciones(codigo))
    return salida


@settings(max_examples=40, deadline=None)
@given(planes(vigencia=2025, min_metas=1, max_metas=6, coherentes=False), st.randoms())
def test_el_indice_da_lo_que_el_recorrido_ingenuo(plan: PlanDeGestion, azar: object) -> None:
    """Con los reportes en cualquier orden y consultando en cualquier orden (``meta``,
    ``reportes_de``, ``ejecuciones``, ``trimestres_reportados``), el índice da lo mismo que
    recorrer todos los reportes del plan."""
    reportes = list(plan.reportes)
    azar.shuffle(reportes)  # type: ignore[attr-defined]
    revuelto = attrs.evolve(plan, reportes=reportes)
    codigos = [m.codigo for m in plan.metas] + ["NO-EXISTE"]
    azar.shuffle(codigos)  # type: ignore[attr-defined]
    for p in (plan, revuelto):
        assert not hasattr(p, "_indice")  # nadie lo ha consultado todavía
        for codigo in codigos:
            esperados = _a_mano(p, codigo)
            assert p.reportes_de(codigo) == esperados
            assert p.trimestres_reportados(codigo) == {r.trimestre.numero for r in esperados}
            meta = next((m for m in p.metas if m.codigo == codigo), None)
            if meta is not None:
                assert p.meta(codigo) is meta
                assert p.ejecuciones(codigo) == ejecuciones_de(meta, esperados)
        assert isinstance(p._indice, IndicePlan)
    assert _consultas(revuelto, codigos) == _consultas(plan, codigos)


def test_un_plan_recien_construido_no_arma_el_indice() -> None:
    plan = plan_ejemplo()
    assert not hasattr(plan, "_indice")
    assert plan.meta("M5").codigo == "M5"
    indice = plan._indice
    assert isinstance(indice, IndicePlan)
    plan.reportes_de("M1")
    plan.ejecuciones("M2")
    assert plan._indice is indice  # se arma una sola vez


def test_el_indice_no_cambia_igualdad_hash_copias_ni_evolve() -> None:
    """Igualdad, ``hash``, ``repr``, ``pickle``, ``deepcopy`` y ``attrs.evolve`` no dependen de
    si el índice está armado."""
    sin, con = plan_ejemplo(), plan_ejemplo()
    con.reportes_de("M1")
    assert sin == con
    assert hash(sin) == hash(con)
    assert repr(sin) == repr(con)
    for plan in (sin, con):
        for copia in (pickle.loads(pickle.dumps(plan)), copy.deepcopy(plan), copy.copy(plan)):
            assert copia == plan
            assert [copia.reportes_de(m.codigo) for m in plan.metas] == [
                plan.reportes_de(m.codigo) for m in plan.metas
            ]
            assert copia.ejecuciones("M5") == (None, D(4), D(6), D(8))
        otro = attrs.evolve(plan, reportes=plan.reportes[:4])
        assert not hasattr(otro, "_indice")
        assert otro.reportes_de("M2") == ()
        assert len(otro.reportes_de("M1")) == 4


def test_reportes_en_orden_no_se_copian() -> None:
    """Si los reportes ya vienen por meta y trimestre (como los del plan de ejemplo), el índice
    devuelve tramos de la misma tupla del plan: los mismos objetos, sin otra tupla guardada."""
    plan = plan_ejemplo()
    assert plan.reportes_de("M5") == plan.reportes[16:19]
    assert all(a is b for a, b in zip(plan.reportes_de("M5"), plan.reportes[16:19], strict=True))
    indice = IndicePlan(plan.metas, plan.reportes)
    assert indice._ordenados is plan.reportes
    revuelto = IndicePlan(plan.metas, plan.reportes[::-1])
    assert revuelto._ordenados == plan.reportes
    assert [revuelto.reportes(i) for i in range(6)] == [indice.reportes(i) for i in range(6)]


def test_codigos_repetidos_el_indice_da_la_primera_meta() -> None:
    """Un código repetido (FOR-08) no impide el plan; ``meta`` da la primera y, como sus
    reportes serían ambiguos, no tiene ninguno."""
    programacion = Programacion("suma", 10, [5, 5, None, None])
    m1 = Meta(codigo="M1", descripcion="Atender", programacion=programacion, peso=50)
    m1b = Meta(codigo="M1", descripcion="Otra", programacion=programacion, peso=50)
    m2 = Meta(codigo="M2", descripcion="Responder", programacion=programacion, peso=0)
    reporte = Reporte(codigo_meta="M2", trimestre=Trimestre(2025, 2), ejecucion=5)
    plan = PlanDeGestion(vigencia=2025, unidad="U", nivel="central", metas=[m1, m1b, m2],
                         reportes=[reporte])
    assert plan.meta("M1").descripcion == "Atender"
    assert plan.reportes_de("M1") == ()
    assert plan.reportes_de("M2") == (reporte,)
    assert plan.ejecuciones("M2") == (None, D(5), None, None)
    assert ejecucion_de(reporte, m2) == D(5)


# --- memoria: sin referencias débiles en los objetos que hay por meta ----------------------


def test_los_objetos_por_meta_no_admiten_referencias_debiles() -> None:
    """Decisión de h12a (issue 12, «memoria ≤ 1 KiB por meta»): ``Programacion``, ``Meta`` y
    ``Reporte`` no guardan el puntero de referencias débiles (8 B por objeto); el plan sí, y
    los lotes de la línea de comandos lo usan para comprobar que sueltan cada plan."""
    plan = plan_ejemplo()
    for objeto in (plan.metas[0].programacion, plan.metas[0], plan.reportes[0]):
        with pytest.raises(TypeError):
            weakref.ref(objeto)
    assert weakref.ref(plan)() is plan


# --- caminos rápidos de la construcción: el __init__ acelerado frente al de attrs ------------


class _Texto(str):
    """Un texto que no es exactamente ``str``: va por el camino lento."""


FECHA = datetime.date(2025, 4, 10)
TEXTOS = ["", "Se atendieron 20 solicitudes", "  ", _Texto("M1"), None, 3, b"x"]
NUMEROS = [None, 0, 5, "12.5", "25", Decimal("3.10"), Decimal("-1"), "-0", "abc", "1,5", True,
           1.5, Decimal("NaN"), "1e49", [1], _Texto("7")]
TRIMESTRES_ = [Trimestre(2025, 1), Trimestre(2025, 4), "2025-T1", None, 3]


def _uno(valores: list[object]) -> st.SearchStrategy[object]:
    return st.sampled_from(valores)


def _argumentos(obligatorios: dict[str, list[object]], opcionales: dict[str, list[object]]
                ) -> st.SearchStrategy[dict[str, object]]:
    return st.fixed_dictionaries(
        {k: _uno(v) for k, v in obligatorios.items()},
        optional={k: _uno(v) for k, v in opcionales.items()},
    )


PROGRAMACION = Programacion("suma", 10, [5, 5, None, None])

ARGUMENTOS = {
    Reporte: _argumentos(
        {"trimestre": TRIMESTRES_},
        {
            **dict.fromkeys(("ejecucion", "numerador", "denominador", "avance_reportado",
                             "ejecucion_acumulada_reportada", "avance_acumulado_reportado"),
                            NUMEROS),
            **dict.fromkeys(("analisis", "analisis_acumulado", "causas_retraso", "codigo_meta"),
                            TEXTOS),
            "evidencias": [(), ("acta.pdf",), "acta.pdf", " ", ["a", 3], 5, None],
            "fecha_envio": [None, FECHA, datetime.datetime(2025, 4, 10, 8), "2025-04-10"],
            "reportado_por": [ReportadoPor.UNIDAD, ReportadoPor.AREA_CENTRAL, "área central",
                              "otro", None, 3],
        },
    ),
    Meta: _argumentos(
        {
            "codigo": ["M1", "  ", "", _Texto("M2"), 3, None],
            "descripcion": TEXTOS,
            "programacion": [PROGRAMACION, "suma", None],
            "peso": [*NUMEROS, "101", 100],
        },
        {
            "unidad": ["", "%", None, 3],
            "nivel": [None, Nivel.CENTRAL, Nivel.LOCAL, "Local", "otro", 3],
            "transversal": [False, True, 1, "si", None],
            **dict.fromkeys(("proceso_lider", "dependencia_orientadora", "objetivo_estrategico"),
                            TEXTOS),
            "entregables": [(), ("Informe",), "Informe", ["a", None], 3],
            "indicador": [None, Indicador("Solicitudes"), "Solicitudes"],
            "eliminada_desde": TRIMESTRES_,
        },
    ),
    Programacion: _argumentos(
        {
            "tipo": ["suma", "Creciente", TipoProgramacion.CONSTANTE, "lineal", 3, None],
            "magnitud": NUMEROS,
            "trimestres": [[1, 2, 3, 4], (None, "5", 0, Decimal(1)), [1, 2, 3], "1234", None,
                           [1, -1, 2, 3], [1, 2, 3, "x"], iter([1, 2, 3, 4]), [0, 0, 0, 0]],
        },
        {"linea_base": NUMEROS},
    ),
}


def _resultado(construir: object) -> tuple[object, ...]:
    """Lo que da construir: el objeto (su repr y él mismo) o el error (clase, mensaje, código,
    campo y valor)."""
    try:
        objeto = construir()  # type: ignore[operator]
    except Exception as error:
        return (type(error), str(error), getattr(error, "codigo", None),
                getattr(error, "campo", None), repr(getattr(error, "valor", None)))
    return (type(objeto), repr(objeto), objeto)


def _con_attrs(clase: type, argumentos: dict[str, object]) -> object:
    objeto = object.__new__(clase)
    INIT_DE_ATTRS[clase](objeto, **argumentos)
    return objeto


def _copia(argumentos: dict[str, object]) -> dict[str, object]:
    """Los mismos argumentos, con un iterador nuevo donde hubiera uno (se consume)."""
    return {k: iter([1, 2, 3, 4]) if type(v).__name__ == "list_iterator" else v
            for k, v in argumentos.items()}


@pytest.mark.parametrize("clase", [Reporte, Meta, Programacion], ids=lambda c: c.__name__)
@settings(max_examples=300, deadline=None)
@given(datos=st.data())
def test_el_init_acelerado_da_lo_mismo_que_el_de_attrs(clase: type, datos: st.DataObject) -> None:
    """Con valores válidos e inválidos en cualquier campo, el ``__init__`` acelerado da el mismo
    objeto o el mismo error (clase, mensaje, ``codigo``, ``campo`` y ``valor``) que el que
    ``attrs`` generó, con las mismas validaciones en el mismo orden."""
    argumentos = datos.draw(ARGUMENTOS[clase])
    rapido = _resultado(lambda: clase(**_copia(argumentos)))
    lento = _resultado(lambda: _con_attrs(clase, _copia(argumentos)))
    assert rapido[:2] == lento[:2]
    assert rapido[2:] == lento[2:]


def test_la_firma_es_la_de_attrs() -> None:
    for clase in (Reporte, Meta, Programacion):
        assert inspect.signature(clase.__init__).parameters.keys() == inspect.signature(
            INIT_DE_ATTRS[clase]).parameters.keys()
        assert [p.default for p in inspect.signature(clase.__init__).parameters.values()] == [
            p.default for p in inspect.signature(INIT_DE_ATTRS[clase]).parameters.values()]
        assert clase.__init__.__annotations__ == INIT_DE_ATTRS[clase].__annotations__
        assert clase.__init__.__qualname__ == INIT_DE_ATTRS[clase].__qualname__


@pytest.mark.parametrize(
    ("clase", "posicionales", "nombrados"),
    [(Reporte, (1,), {}), (Reporte, (), {"foo": 1}), (Reporte, (), {}), (Programacion, (), {}),
     (Programacion, (1, 2, 3, 4, 5), {}), (Meta, (), {"codigo": "M1"})],
)
def test_argumentos_de_mas_o_de_menos_el_mismo_error(
    clase: type, posicionales: tuple[object, ...], nombrados: dict[str, object]
) -> None:
    mensajes = []
    for iniciar in (clase.__init__, INIT_DE_ATTRS[clase]):
        with pytest.raises(TypeError) as error:
            iniciar(object.__new__(clase), *posicionales, **nombrados)
        mensajes.append(str(error.value))
    assert mensajes[0] == mensajes[1]


def test_con_los_validadores_apagados_tampoco_valida() -> None:
    """Como el ``__init__`` de attrs, respeta ``attrs.validators.set_disabled`` (los
    conversores sí corren)."""
    with attrs.validators.disabled():
        reporte = Reporte(trimestre="2025-T1", ejecucion="5", analisis=3)
        assert _resultado(lambda: _con_attrs(Reporte, {"trimestre": "2025-T1", "ejecucion": "5",
                                                      "analisis": 3}))[1] == repr(reporte)
    assert reporte.ejecucion == D(5)
    assert reporte.analisis == 3


EJEMPLOS_POR_TIPO: dict[type, list[object]] = {
    type(None): [None],
    str: ["", " ", "M1", "Se atendieron"],
    bool: [True, False],
    datetime.date: [FECHA],
    Trimestre: [Trimestre(2025, 1), Trimestre(2030, 4)],
    Programacion: [PROGRAMACION],
    Indicador: [Indicador("Solicitudes")],
    **{e: list(e) for e in (Nivel, ReportadoPor, TipoProgramacion)},
}


@pytest.mark.parametrize("clase", [Reporte, Meta, Programacion], ids=lambda c: c.__name__)
def test_lo_que_el_camino_rapido_salta_es_lo_que_daria_el_lento(clase: type) -> None:
    """Cada conversor que el ``__init__`` acelerado no llama con un tipo devuelve tal cual todo
    valor de ese tipo, y cada validador que no llama con un tipo lo acepta (así saltarlos no
    cambia nada)."""
    espacio = clase.__init__.__globals__
    saltados = 0
    for i, campo in enumerate(attrs.fields(clase)):
        for tipo in espacio.get(f"_t{i}", ()):
            for valor in EJEMPLOS_POR_TIPO[tipo]:
                assert campo.converter(valor) is valor, (campo.name, valor)
                saltados += 1
        for tipo in espacio.get(f"_e{i}", ()):
            for valor in EJEMPLOS_POR_TIPO[tipo]:
                campo.validator(None, campo, valor)
                saltados += 1
    assert saltados > 0


@settings(max_examples=100, deadline=None)
@given(planes(vigencia=2025, min_metas=1, max_metas=4, coherentes=False))
def test_copiador_da_lo_que_evolve(plan: PlanDeGestion) -> None:
    """Copiar una meta ya validada con otro nivel (ya validado) da lo mismo que
    ``attrs.evolve``, que valida todo otra vez."""
    copiar = copiador(Meta, "nivel")
    for meta in plan.metas:
        for nivel in (None, *Nivel):
            copia, evolucionada = copiar(meta, nivel), attrs.evolve(meta, nivel=nivel)
            assert copia == evolucionada
            assert repr(copia) == repr(evolucionada)
            assert copia is not meta


# --- invariantes: el caso sin problemas no arma textos ---------------------------------------


def _problemas_a_mano(vigencia: int, metas: list[Meta], reportes: list[Reporte]) -> list[str]:
    """Las invariantes de los reportes, pasando cada uno por ``_problemas_reporte`` (el camino
    lento, sin el atajo del caso común)."""
    conteo: dict[str, int] = {}
    for meta in metas:
        conteo[meta.codigo] = conteo.get(meta.codigo, 0) + 1
    vistos: set[tuple[str, int]] = set()
    return [
        repr((e.codigo, e.campo, e.valor, str(e)))
        for i, r in enumerate(reportes)
        for e in _problemas_reporte(f"reportes[{i}]", r, vigencia, conteo, vistos)
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["M1", "M2", "M3", "X"]), st.sampled_from([2024, 2025]),
                          st.integers(1, 4)), max_size=12))
def test_invariantes_el_atajo_da_lo_mismo(claves: list[tuple[str, int, int]]) -> None:
    """Reportes de otra vigencia, de metas que no están o cuyo código está repetido (M3) y
    repetidos: los mismos problemas, en el mismo orden, con o sin el atajo del caso común."""
    metas = [Meta(codigo=c, descripcion="Atender", programacion=PROGRAMACION, peso=10)
             for c in ("M1", "M2", "M3", "M3")]
    reportes = [Reporte(codigo_meta=c, trimestre=Trimestre(v, n)) for c, v, n in claves]
    obtenidos = [repr((e.codigo, e.campo, e.valor, str(e)))
                 for e in problemas_del_plan(2025, metas, reportes)]
    assert obtenidos == _problemas_a_mano(2025, metas, reportes)


def test_indice_y_memoria_no_son_campos_del_plan() -> None:
    """El índice y la memoria no son campos: ni el JSON ni ``attrs.fields`` ni una copia los
    llevan (antes ``valor_json`` de un plan repetía el plan entero bajo ``_indice``)."""
    plan = plan_ejemplo()
    evaluar_plan(plan, 2)
    assert memoria_del_plan(plan)
    assert isinstance(plan._indice, IndicePlan)
    campos = ["vigencia", "unidad", "nivel", "metas", "reportes", "modificaciones"]
    assert [c.name for c in attrs.fields(PlanDeGestion)] == campos
    assert list(valor_json(plan)) == campos
    for copia in (pickle.loads(pickle.dumps(plan)), copy.deepcopy(plan), attrs.evolve(plan)):
        assert not hasattr(copia, "_indice")
        assert memoria_del_plan(copia) == {}
        assert copia == plan
