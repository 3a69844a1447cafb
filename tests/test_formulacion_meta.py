"""Pruebas de ``verificar_meta`` y ``verificar_plan`` (FOR-01..08; Actividad 4, Políticas 2, 4, 9).

Los valores esperados de cada ejemplo están calculados a mano (la suma de pesos, la primera
palabra de la redacción, los campos que faltan); lo dice el comentario de cada caso.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdg_metas import (
    POLITICA_PLE_PIN_P005_V8,
    REGLAS,
    ErrorModelo,
    ErrorSdgMetas,
    Indicador,
    Meta,
    Nivel,
    PlanDeGestion,
    Programacion,
    Severidad,
    TipoInvalido,
    Trimestre,
    verificar_meta,
    verificar_plan,
)
from sdg_metas.ejemplos import plan_ejemplo
from sdg_metas.formulacion import es_infinitivo, primera_palabra

DOC_REGLAS = Path(__file__).resolve().parents[1] / "docs" / "reglas.md"
IDS_DOCUMENTADOS = frozenset(
    re.findall(r"^### ([A-Z]{3}-\d{2})$", DOC_REGLAS.read_text("utf-8"), re.M)
)

INDICADOR = Indicador("Acciones realizadas", "Acciones realizadas", "Acciones programadas")


def meta(**cambios: object) -> Meta:
    """Una meta bien formulada (sin hallazgos) con los cambios pedidos."""
    base: dict[str, object] = {
        "codigo": "M1",
        "descripcion": "Realizar 120 acciones de inspección",
        "programacion": Programacion("suma", 120, [30, 30, 30, 30]),
        "peso": 100,
        "unidad": "acciones",
        "entregables": ("Informe trimestral",),
        "indicador": INDICADOR,
        "objetivo_estrategico": "OE1",
    }
    base.update(cambios)
    return Meta(**base)  # type: ignore[arg-type]


def reglas(hallazgos: tuple[object, ...]) -> list[str]:
    return [h.regla for h in hallazgos]  # type: ignore[attr-defined]


# --- verificar_meta ----------------------------------------------------------------------------


def test_meta_bien_formulada_sin_hallazgos() -> None:
    assert verificar_meta(meta()) == ()
    assert verificar_meta(meta(), objetivos_estrategicos=["OE1", "OE2"]) == ()


def test_for_01_a_03_vienen_de_la_programacion_con_codigo_meta() -> None:
    # 30+30+30+20 = 110 ≠ 120 → FOR-02; unidad % y magnitud 120 > 100 → FOR-03 (a mano).
    m = meta(programacion=Programacion("suma", 120, [30, 30, 30, 20]), unidad="%")
    hallazgos = verificar_meta(m)
    assert reglas(hallazgos) == ["FOR-02", "FOR-03"]
    assert all(h.codigo_meta == "M1" for h in hallazgos)
    assert all(h.severidad is Severidad.ERROR for h in hallazgos)
    assert "suma 110 y la magnitud es 120" in hallazgos[0].mensaje


@pytest.mark.parametrize(
    ("objetivo", "catalogo", "esperado"),
    [
        ("OE1", ["OE1"], []),
        ("  oe1 ", ["OE1"], []),  # sin importar mayúsculas ni espacios
        ("Fortalecer la gestión", ["fortalecer  la  GESTIÓN"], []),  # tildes y espacios dobles
        ("OE9", ["OE1", "OE2"], ["FOR-05"]),
        (None, ["OE1"], ["FOR-05"]),
        ("   ", ["OE1"], ["FOR-05"]),
        ("OE1", [], ["FOR-05"]),  # catálogo vacío: ningún objetivo pertenece
        ("OE1", ["  ", "OE1"], []),  # los textos vacíos del catálogo se ignoran
    ],
)
def test_for_05(objetivo: str | None, catalogo: object, esperado: list[str]) -> None:
    hallazgos = verificar_meta(meta(objetivo_estrategico=objetivo), catalogo)  # type: ignore[arg-type]
    assert reglas(hallazgos) == esperado
    assert all(h.severidad is Severidad.ERROR for h in hallazgos)


def test_for_05_catalogo_en_cualquier_iterable() -> None:
    # El generador se crea en cada corrida: como parámetro de parametrize se agotaba en la
    # primera y una segunda corrida en el mismo proceso (mutmut) fallaba.
    catalogo = ("OE1" for _ in range(1))
    assert verificar_meta(meta(objetivo_estrategico="OE1"), catalogo) == ()


def test_for_05_mensajes() -> None:
    (h,) = verificar_meta(meta(objetivo_estrategico="OE9"), ["OE1", "OE2"])
    assert h.mensaje == (
        "objetivo_estrategico: 'OE9' no es un objetivo estratégico del marco vigente (OE1, OE2)"
    )
    (h,) = verificar_meta(meta(objetivo_estrategico=None), ["OE1"])
    assert "no nombra el objetivo estratégico" in h.mensaje
    (h,) = verificar_meta(meta(), [])
    assert "el catálogo está vacío" in h.mensaje


def test_for_05_sin_catalogo_no_aplica() -> None:
    assert verificar_meta(meta(objetivo_estrategico=None)) == ()


@pytest.mark.parametrize(
    "descripcion",
    [
        "Realizar 120 acciones",
        "ejecutar operativos",
        "Mantener en 95 %",
        "Reducir a 200",
        "Atender solicitudes",
        "Reír",  # con tilde: -ir
        "«Consolidar» el informe",  # signos alrededor
        "Articularse con las alcaldías",  # -arse
        "Promover",
        "Construir",
    ],
)
def test_for_06_verbo_en_infinitivo(descripcion: str) -> None:
    assert verificar_meta(meta(descripcion=descripcion)) == ()


@pytest.mark.parametrize(
    ("descripcion", "razon"),
    [
        ("Informe de gestión", "'Informe' no termina en -ar, -er o -ir"),
        ("Realización de 4 informes", "'Realización' no termina en -ar, -er o -ir"),
        ("Hogar de paso operando", "'Hogar' no es un verbo"),  # excepción INT-40
        ("Mujeres atendidas", "'Mujeres' no termina en -ar, -er o -ir"),
        ("120 acciones", "'120' no es una palabra"),
        ("Taller-ar", "'Taller-ar' no es una palabra"),
    ],
)
def test_for_06_no_empieza_por_infinitivo_es_advertencia(descripcion: str, razon: str) -> None:
    (h,) = verificar_meta(meta(descripcion=descripcion))
    assert h.regla == "FOR-06"
    assert h.severidad is Severidad.ADVERTENCIA
    assert h.codigo_meta == "M1"
    assert h.mensaje == (
        f"descripcion: la redacción {descripcion!r} no empieza por un verbo en infinitivo "
        f"({razon})"
    )


def test_for_06_excepciones_son_parametro_de_politica() -> None:
    otra = attrs.evolve(POLITICA_PLE_PIN_P005_V8, palabras_no_infinitivo={"REALIZAR"})
    (h,) = verificar_meta(meta(), politica=otra)
    assert h.severidad is Severidad.ADVERTENCIA
    sin_excepciones = attrs.evolve(POLITICA_PLE_PIN_P005_V8, palabras_no_infinitivo=())
    assert verificar_meta(meta(descripcion="Hogar de paso"), politica=sin_excepciones) == ()


@pytest.mark.parametrize(
    ("cambios", "mensajes"),
    [
        ({"descripcion": "   "}, ["descripcion: falta la redacción de la meta"]),
        ({"entregables": ()}, ["entregables: la meta no tiene entregables"]),
        ({"entregables": ("  ",)}, ["entregables: la meta no tiene entregables"]),
        (
            {"indicador": None},
            ["indicador: la meta no tiene indicador (nombre, numerador y denominador)"],
        ),
        ({"indicador": Indicador("Acciones")}, ["indicador: le falta numerador, denominador"]),
        (
            {"indicador": Indicador(" ", "a", "")},
            ["indicador: le falta nombre, denominador"],
        ),
    ],
)
def test_for_06_errores(cambios: dict[str, object], mensajes: list[str]) -> None:
    hallazgos = verificar_meta(meta(**cambios))
    assert [h.mensaje for h in hallazgos] == mensajes
    assert all(h.regla == "FOR-06" and h.severidad is Severidad.ERROR for h in hallazgos)


def test_for_07_transversal_y_local() -> None:
    assert verificar_meta(meta(transversal=True, proceso_lider="Gestión del Talento")) == ()
    (h,) = verificar_meta(meta(transversal=True, proceso_lider=" "))
    assert (h.regla, h.severidad) == ("FOR-07", Severidad.ERROR)
    assert h.mensaje.startswith("proceso_lider: la meta es transversal")
    assert verificar_meta(meta(nivel="local", dependencia_orientadora="SGL")) == ()
    (h,) = verificar_meta(meta(nivel=Nivel.LOCAL))
    assert h.mensaje.startswith("dependencia_orientadora: la meta es local")
    # transversal y local, sin ninguno de los dos: dos hallazgos
    assert reglas(verificar_meta(meta(nivel="local", transversal=True))) == ["FOR-07", "FOR-07"]
    # una meta central no transversal no necesita ninguno
    assert verificar_meta(meta(proceso_lider=None, dependencia_orientadora=None)) == ()


def test_orden_de_los_hallazgos_de_una_meta() -> None:
    m = meta(
        programacion=Programacion("suma", 120, [30, 30, 30, 0]),
        descripcion="Informe",
        entregables=(),
        transversal=True,
        objetivo_estrategico="X",
    )
    assert reglas(verificar_meta(m, ["OE1"])) == [
        "FOR-02",
        "FOR-05",
        "FOR-06",
        "FOR-06",
        "FOR-07",
    ]


@pytest.mark.parametrize(
    ("argumentos", "campo"),
    [
        (("M1",), "meta"),
        ((meta(), "OE1"), "objetivos_estrategicos"),  # un texto no es un catálogo
        ((meta(), 7), "objetivos_estrategicos"),
        ((meta(), ["OE1", 2]), "objetivos_estrategicos[1]"),
    ],
)
def test_verificar_meta_rechaza_tipos(argumentos: tuple[object, ...], campo: str) -> None:
    with pytest.raises(TipoInvalido) as info:
        verificar_meta(*argumentos)  # type: ignore[arg-type]
    assert info.value.campo == campo
    assert isinstance(info.value, TypeError)
    assert str(info.value).startswith(campo + ":")


def test_politica_de_tipo_invalido() -> None:
    with pytest.raises(TipoInvalido, match="politica"):
        verificar_meta(meta(), politica="v8")  # type: ignore[arg-type]
    with pytest.raises(TipoInvalido, match="politica"):
        verificar_plan(plan_ejemplo(), politica=None)  # type: ignore[arg-type]


@pytest.mark.parametrize("valor", ["hogar", 3, ["hogar", 3]])
def test_politica_palabras_no_infinitivo_invalida(valor: object) -> None:
    with pytest.raises(ErrorSdgMetas) as info:
        attrs.evolve(POLITICA_PLE_PIN_P005_V8, palabras_no_infinitivo=valor)
    assert info.value.codigo == "POLITICA_INVALIDA"


def test_primera_palabra_y_es_infinitivo() -> None:
    assert primera_palabra("¿Realizar? algo") == "Realizar"
    assert primera_palabra("   ") == ""
    assert not es_infinitivo("")
    assert es_infinitivo("Deber")
    assert not es_infinitivo("Primer")


# --- verificar_plan ----------------------------------------------------------------------------


def plan(*metas: Meta, nivel: str = "central") -> PlanDeGestion:
    return PlanDeGestion(vigencia=2025, unidad="Proceso X", nivel=nivel, metas=metas)


def test_plan_de_ejemplo_sin_hallazgos() -> None:
    assert verificar_plan(plan_ejemplo()) == ()
    assert verificar_plan(plan_ejemplo(), ["OE1"]) == ()


def test_for_05_en_el_plan() -> None:
    # las seis metas del ejemplo nombran OE1, que no está en el catálogo → 6 hallazgos (a mano)
    hallazgos = verificar_plan(plan_ejemplo(), ["OE2"])
    assert [(h.regla, h.codigo_meta) for h in hallazgos] == [
        ("FOR-05", f"M{i}") for i in range(1, 7)
    ]


def test_for_04_pesos() -> None:
    # 60 + 30 = 90 ≠ 100 (a mano)
    hallazgos = verificar_plan(plan(meta(peso=60), meta(codigo="M2", peso=30)))
    (h,) = hallazgos
    assert (h.regla, h.codigo_meta, h.severidad) == ("FOR-04", None, Severidad.ERROR)
    assert h.mensaje == (
        "pesos: los pesos de las metas activas suman 90; deben sumar exactamente 100 "
        "(M1=60, M2=30)"
    )
    # decimales exactos: 33.34 + 33.33 + 33.33 = 100.00 (a mano)
    exactos = plan(
        meta(peso="33.34"), meta(codigo="M2", peso="33.33"), meta(codigo="M3", peso="33.33")
    )
    assert verificar_plan(exactos) == ()
    # 33.33 × 3 = 99.99 ≠ 100
    casi = plan(*(meta(codigo=f"M{i}", peso="33.33") for i in range(3)))
    assert reglas(verificar_plan(casi)) == ["FOR-04"]


@pytest.mark.parametrize(("n", "cola"), [(60, ""), (61, " y 1 meta más"), (63, " y 3 metas más")])
def test_for_04_mensaje_acotado_en_planes_grandes(n: int, cola: str) -> None:
    """El mensaje de FOR-04 detalla a lo sumo 60 pesos: en un plan de miles de metas no crece
    con el plan. Con n metas de peso 1 los pesos suman n ≠ 100 (a mano)."""
    hallazgos = verificar_plan(plan(*(meta(codigo=f"M{i}", peso=1) for i in range(1, n + 1))))
    (h,) = [h for h in hallazgos if h.regla == "FOR-04"]
    detalle = ", ".join(f"M{i}=1" for i in range(1, 61))
    assert h.mensaje == (
        f"pesos: los pesos de las metas activas suman {n}; deben sumar exactamente 100 "
        f"({detalle}{cola})"
    )


def test_for_04_metas_eliminadas_segun_int_45() -> None:
    # Issue 11, punto 6 (INT-45): Política 9, viñeta 8, las metas con seguimiento «deben ser
    # marcadas en el reporte como “Meta eliminada” y no se tendrá en cuenta su resultado dentro
    # de la calificación del proceso». Por defecto FOR-04 suma los pesos como se formuló el
    # plan, con las eliminadas (antes solo las activas: el caso de 50 + 30 + 20 era un hallazgo).
    eliminada = meta(codigo="M3", peso=20, eliminada_desde=Trimestre(2025, 3))
    # 50 + 30 + 20 (eliminada) = 100 (a mano): sin hallazgo
    assert verificar_plan(plan(meta(peso=50), meta(codigo="M2", peso=30), eliminada)) == ()
    # 70 + 30 + 20 = 120: hallazgo que nombra a la eliminada
    (h,) = verificar_plan(plan(meta(peso=70), meta(codigo="M2", peso=30), eliminada))
    assert h.mensaje == (
        "pesos: los pesos de las metas del plan (con las marcadas «Meta eliminada», INT-45) "
        "suman 120; deben sumar exactamente 100 (M1=70, M2=30, M3=20)"
    )
    # La alternativa: solo las activas (la lectura anterior).
    activas = attrs.evolve(POLITICA_PLE_PIN_P005_V8, pesos_incluyen_eliminadas=False)
    assert (
        verificar_plan(plan(meta(peso=70), meta(codigo="M2", peso=30), eliminada), politica=activas)
        == ()
    )
    hallazgos = verificar_plan(
        plan(meta(peso=50), meta(codigo="M2", peso=30), eliminada), politica=activas
    )
    assert reglas(hallazgos) == ["FOR-04"]
    assert "las metas activas suman 80" in hallazgos[0].mensaje


def test_for_04_suma_de_la_politica_int_48() -> None:
    # INT-48: la v8 no fija pesos; el control de cambios de la versión 5 habla de «ponderación
    # y/o peso porcentual de las metas». Pesos escritos como fracción: suman 1.
    fraccion = attrs.evolve(POLITICA_PLE_PIN_P005_V8, suma_pesos_plan=Decimal(1))
    pesos = plan(meta(peso="0.6"), meta(codigo="M2", peso="0.4"))
    assert verificar_plan(pesos, politica=fraccion) == ()
    (h,) = verificar_plan(pesos)
    assert h.mensaje == (
        "pesos: los pesos de las metas activas suman 1.0; deben sumar exactamente 100 "
        "(M1=0.6, M2=0.4)"
    )


def test_for_04_plan_sin_metas_activas() -> None:
    (h,) = verificar_plan(plan())
    assert h.mensaje == "pesos: el plan no tiene metas activas; sus pesos suman 0"
    # Una sola meta, eliminada, de peso 100: por defecto (INT-45) el plan pesa como se formuló;
    # solo con las activas no tiene metas (antes del issue 11, punto 6, era siempre un hallazgo).
    sola = plan(meta(peso=100, eliminada_desde=Trimestre(2025, 1)))
    assert verificar_plan(sola) == ()
    activas = attrs.evolve(POLITICA_PLE_PIN_P005_V8, pesos_incluyen_eliminadas=False)
    (h,) = verificar_plan(sola, politica=activas)
    assert h.mensaje == "pesos: el plan no tiene metas activas; sus pesos suman 0"


def test_for_08_codigos_repetidos() -> None:
    p = plan(meta(peso=40), meta(peso=30), meta(codigo="M2", peso=20), meta(peso=10))
    hallazgos = verificar_plan(p)
    (h,) = hallazgos  # 40+30+20+10 = 100: solo FOR-08 (a mano)
    assert (h.regla, h.codigo_meta) == ("FOR-08", "M1")
    assert h.mensaje == (
        "codigo: 'M1' está repetido 3 veces en el plan; cada meta necesita un código propio"
    )


def test_plan_local_exige_dependencia_orientadora_a_toda_meta() -> None:
    # la meta no dice su nivel: en el plan de una Alcaldía Local es local (issue 11, punto 4)
    hallazgos = verificar_plan(plan(meta(), nivel="local"))
    assert [(h.regla, h.codigo_meta) for h in hallazgos] == [("FOR-07", "M1")]
    assert verificar_plan(plan(meta(dependencia_orientadora="SGL"), nivel="local")) == ()
    # una meta LOCAL en un plan central ya no se puede construir: el nivel es el del plan
    with pytest.raises(ErrorModelo) as error:
        plan(meta(nivel="local"))
    assert error.value.codigo == "NIVEL_CONTRADICTORIO"


def test_orden_del_plan_metas_luego_for_04_y_for_08() -> None:
    p = plan(meta(descripcion="Informe", peso=50), meta(peso=10))
    assert reglas(verificar_plan(p)) == ["FOR-06", "FOR-04", "FOR-08"]


@pytest.mark.parametrize(
    ("argumentos", "campo"),
    [
        (("plan",), "plan"),
        ((meta(),), "plan"),
        ((plan_ejemplo(), "OE1"), "objetivos_estrategicos"),
        ((plan_ejemplo(), [None]), "objetivos_estrategicos[0]"),
    ],
)
def test_verificar_plan_rechaza_tipos(argumentos: tuple[object, ...], campo: str) -> None:
    with pytest.raises(TipoInvalido) as info:
        verificar_plan(*argumentos)  # type: ignore[arg-type]
    assert info.value.campo == campo


# --- propiedades -------------------------------------------------------------------------------

textos = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=25)
numeros = st.decimals(min_value=0, max_value=200, places=2, allow_nan=False, allow_infinity=False)
valores = st.one_of(st.none(), numeros)


@st.composite
def metas(draw: st.DrawFn, codigo: str | None = None) -> Meta:
    tipo = draw(st.sampled_from(["suma", "constante", "creciente", "decreciente"]))
    indicador = draw(
        st.one_of(st.none(), st.builds(Indicador, textos, textos, textos, textos))
    )
    return Meta(
        codigo=codigo or draw(st.sampled_from(["M1", "M2", "M3"])),
        descripcion=draw(st.one_of(textos, st.sampled_from(["Realizar x", "Hogar", "Reír"]))),
        programacion=Programacion(
            tipo, draw(numeros), draw(st.lists(valores, min_size=4, max_size=4)),
            draw(valores),
        ),
        peso=draw(st.decimals(min_value=0, max_value=100, places=1)),
        unidad=draw(st.sampled_from(["", "%", "acciones"])),
        nivel=draw(st.sampled_from([None, *Nivel])),
        transversal=draw(st.booleans()),
        proceso_lider=draw(st.one_of(st.none(), textos)),
        dependencia_orientadora=draw(st.one_of(st.none(), textos)),
        entregables=draw(st.lists(textos, max_size=2)),
        indicador=indicador,
        objetivo_estrategico=draw(st.one_of(st.none(), st.sampled_from(["OE1", "OE2", " "]))),
        eliminada_desde=draw(st.one_of(st.none(), st.just(Trimestre(2025, 3)))),
    )


catalogos = st.one_of(st.none(), st.lists(st.sampled_from(["OE1", "oe2", "OE3"]), max_size=3))


@given(st.lists(metas(), max_size=5), st.sampled_from(["central", "local"]), catalogos)
def test_todo_hallazgo_nombra_una_regla_del_catalogo_y_del_documento(
    lista: list[Meta], nivel: str, catalogo: list[str] | None
) -> None:
    # una meta es del nivel de su plan (issue 11, punto 4): las que traen nivel, el del plan
    lista = [m if m.nivel is None else attrs.evolve(m, nivel=Nivel(nivel)) for m in lista]
    p = plan(*lista, nivel=nivel)
    hallazgos = verificar_plan(p, catalogo)
    for h in hallazgos:
        assert h.regla in REGLAS
        assert h.regla in IDS_DOCUMENTADOS
        assert h.regla.startswith("FOR-")
        assert h.fuente == REGLAS[h.regla].fuente
        assert h.mensaje
        assert h.codigo_meta is None or h.codigo_meta in {m.codigo for m in lista}
    # los hallazgos de cada meta están en el plan (con el nivel del plan si es local)
    for m in lista:
        propios = verificar_meta(m, catalogo)
        if nivel == "central":
            assert set(propios) <= set(hallazgos)
    # FOR-04 aparece exactamente cuando los pesos no suman 100; por defecto (INT-45) con las
    # metas marcadas «Meta eliminada»
    pesos = sum((m.peso for m in lista), Decimal(0))
    assert ("FOR-04" in reglas(hallazgos)) == (pesos != 100)
    # FOR-08 una vez por código repetido
    codigos = [m.codigo for m in lista]
    repetidos = {c for c in codigos if codigos.count(c) > 1}
    assert sorted(h.codigo_meta for h in hallazgos if h.regla == "FOR-08") == sorted(repetidos)


@given(metas(codigo="M9"), catalogos)
def test_hallazgos_de_meta_llevan_su_codigo(m: Meta, catalogo: list[str] | None) -> None:
    hallazgos = verificar_meta(m, catalogo)
    assert all(h.codigo_meta == "M9" for h in hallazgos)
    assert all(h.regla in {"FOR-01", "FOR-02", "FOR-03", "FOR-05", "FOR-06", "FOR-07"}
               for h in hallazgos)
    if catalogo is None:
        assert "FOR-05" not in reglas(hallazgos)
    # la única advertencia posible es la heurística del verbo (INT-40)
    for h in hallazgos:
        if h.severidad is Severidad.ADVERTENCIA:
            assert h.regla == "FOR-06"
            assert "verbo en infinitivo" in h.mensaje


@given(st.permutations(plan_ejemplo().metas))
def test_reordenar_las_metas_no_cambia_los_hallazgos(orden: list[Meta]) -> None:
    base = plan_ejemplo()
    otra = attrs.evolve(base, metas=orden, reportes=())
    assert set(verificar_plan(otra, ["OE2"])) == set(verificar_plan(base, ["OE2"]))


# --- el registro FOR y los campos de los hallazgos --------------------------------------------


def test_registro_for_tiene_exactamente_las_reglas_for_del_catalogo() -> None:
    from sdg_metas.formulacion import REGISTRO_FOR
    from sdg_metas.reglas import ids_de_familia

    assert tuple(REGISTRO_FOR) == ids_de_familia("FOR")
    assert set(REGISTRO_FOR) == {i for i in REGLAS if i.startswith("FOR-")}
    with pytest.raises(TypeError):
        REGISTRO_FOR["FOR-01"] = len  # type: ignore[index]


def test_cada_regla_sin_lo_que_revisa_no_encuentra_nada() -> None:
    from sdg_metas.formulacion import REGISTRO_FOR, ContextoFormulacion

    vacio = ContextoFormulacion()
    assert all(f(vacio) == () for f in REGISTRO_FOR.values())
    # issue 14: los mensajes no muestran «None»
    with pytest.raises(
        TipoInvalido, match=r"programacion: 'x' debe ser una Programacion \(o quedar vacío\)"
    ):
        ContextoFormulacion(programacion="x")  # type: ignore[arg-type]


def test_hallazgos_for_de_una_meta_mala_llevan_campo_y_codigo() -> None:
    # Una meta que falla todas las reglas FOR de una meta, en un plan local con un código
    # repetido y pesos que no suman 100.
    mala = Meta(
        codigo="M9",
        descripcion="Informe",  # FOR-06: no es un verbo en infinitivo
        programacion=Programacion("suma", 120, [0, 0, 0, 200], linea_base=300),
        peso=30,
        unidad="%",  # FOR-03: magnitud, T4 y línea base pasan de 100
        transversal=True,  # FOR-07: sin proceso líder
        nivel="local",  # FOR-07: sin dependencia orientadora
        indicador=Indicador("Informes", "", ""),  # FOR-06: indicador incompleto
    )  # sin entregables (FOR-06), sin objetivo estratégico (FOR-05)
    vacia = Meta(codigo="M8", descripcion="", peso=0,
                 programacion=Programacion("constante", 0, [None] * 4))
    plan = PlanDeGestion(vigencia=2025, unidad="Alcaldía Local de Usme", nivel="local",
                         metas=[mala, vacia, attrs.evolve(mala, peso=10)])
    hallazgos = verificar_plan(plan, objetivos_estrategicos=["OE1"])
    campos = {(h.regla, h.campo) for h in hallazgos}
    assert campos == {
        ("FOR-01", "magnitud"),
        ("FOR-01", "trimestres"),
        ("FOR-02", "trimestres"),
        ("FOR-03", "magnitud"),
        ("FOR-04", "peso"),
        ("FOR-05", "objetivo_estrategico"),
        ("FOR-06", "descripcion"),
        ("FOR-06", "entregables"),
        ("FOR-06", "indicador"),
        ("FOR-07", "proceso_lider"),
        ("FOR-07", "dependencia_orientadora"),
        ("FOR-08", "codigo"),
    }
    for h in hallazgos:
        assert h.campo is not None
        assert (h.codigo_meta is None) == (h.regla == "FOR-04")
    # 30 + 0 + 10 = 40 ≠ 100
    assert [h.mensaje for h in hallazgos if h.regla == "FOR-04"] == [
        (
            "pesos: los pesos de las metas activas suman 40; deben sumar exactamente 100 "
            "(M9=30, M8=0, M9=10)"
        )
    ]


def test_campos_de_for_02_por_tipo() -> None:
    from sdg_metas import verificar_programacion

    def campos(p: Programacion) -> list[str | None]:
        return [h.campo for h in verificar_programacion(p) if h.regla == "FOR-02"]

    assert campos(Programacion("constante", 5, [5, 4, None, 5])) == ["trimestres"]
    assert campos(Programacion("creciente", 5, [1, 6, 4, 4], linea_base=9)) == [
        "trimestres", "trimestres", "magnitud"
    ]
    assert campos(Programacion("decreciente", 5, [9, 7, 5, 5])) == ["linea_base"]
    assert campos(Programacion("decreciente", 5, [9, 7, 5, 5], linea_base=5)) == ["linea_base"]
    assert [h.campo for h in verificar_programacion(Programacion("suma", 50, [10, 20, 150, 0]),
                                                      "%")] == ["trimestres", "trimestres"]


# --- issue 13: mensajes y ramas que la prueba de mutación encontró sin verificar ---------------


def test_for_05_mensajes_exactos() -> None:
    """FOR-05 (Actividad 4): el objetivo en blanco no «nombra» el objetivo; el catálogo se
    muestra con sus textos sin los espacios de los extremos."""
    (h,) = verificar_meta(meta(objetivo_estrategico="   "), ["OE1"])
    assert h.mensaje == (
        "objetivo_estrategico: la meta no nombra el objetivo estratégico al que aporta"
    )
    (h,) = verificar_meta(meta(objetivo_estrategico="OE9"), ["  OE1 ", "OE2", "oe1"])
    assert h.mensaje == (
        "objetivo_estrategico: 'OE9' no es un objetivo estratégico del marco vigente (OE1, OE2)"
    )
    (h,) = verificar_meta(meta(), [])
    assert h.mensaje == (
        "objetivo_estrategico: 'OE1' no es un objetivo estratégico del marco vigente (el "
        "catálogo está vacío)"
    )


def test_rechazos_de_tipo_mensajes_exactos() -> None:
    with pytest.raises(TipoInvalido) as info:
        verificar_meta("M1")  # type: ignore[arg-type]
    assert str(info.value) == "meta: 'M1' debe ser una Meta"
    with pytest.raises(TipoInvalido) as info:
        verificar_meta(meta(), politica="v8")  # type: ignore[arg-type]
    assert str(info.value) == "politica: 'v8' debe ser una Politica"
    assert info.value.campo == "politica"
    with pytest.raises(TipoInvalido) as info:
        verificar_plan("plan")  # type: ignore[arg-type]
    assert str(info.value) == "plan: 'plan' debe ser un PlanDeGestion"
    with pytest.raises(TipoInvalido) as info:
        verificar_meta(meta(), 5)  # type: ignore[arg-type]
    assert str(info.value) == (
        "objetivos_estrategicos: 5 debe ser una colección de códigos o nombres de objetivos "
        "estratégicos (por ejemplo ['OE1', 'OE2'])"
    )
    with pytest.raises(TipoInvalido) as info:
        verificar_meta(meta(), ["OE1", 2])
    assert str(info.value) == "objetivos_estrategicos[1]: 2 debe ser un texto"


def test_for_07_meta_sin_nivel_en_plan_local() -> None:
    """FOR-07 (Política 4): una meta que no dice su nivel, en un plan local, es local; sin
    dependencia orientadora, el hallazgo nombra la Política 4."""
    esperado = (
        "dependencia_orientadora: la meta es local y no nombra la dependencia que la orienta "
        "(Política 4)"
    )
    en_local = verificar_plan(plan(meta(), nivel="local"))
    assert [h.mensaje for h in en_local if h.regla == "FOR-07"] == [esperado]
    assert [h for h in verificar_plan(plan(meta())) if h.regla == "FOR-07"] == []
