"""Presentación (issue 14, «Notebooks»): las tablas HTML que muestra un cuaderno
(``_repr_html_``) y los valores simples para JSON (:mod:`sdg_metas.presentacion`).

Las cifras esperadas se trabajan a mano desde el plan de ejemplo (ver docs/cuaderno.md y
docs/consolidacion.md); los colores son los de ``COLORES_SEMAFORO`` para la banda que la regla
CON-03 da a cada cifra: «ROJO < 60 % ≤ AMARILLO < 80 % ≤ VERDE ≤ 100 % < SOBREEJECUCION».
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from html import escape
from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdg_metas import (
    REGLAS,
    Efecto,
    Hallazgo,
    Meta,
    Motivo,
    Nivel,
    PlanDeGestion,
    Politica,
    Programacion,
    Reporte,
    Semaforo,
    Severidad,
    TipoInvalido,
    Trimestre,
    calificacion,
    consolidado_anual,
    evaluar_plan,
    filas,
    oportunidad,
)
from sdg_metas.ejemplos import plan_ejemplo
from sdg_metas.modificaciones import Cambios, Decision, Elegibilidad
from sdg_metas.numeros import texto_numero
from sdg_metas.presentacion import (
    COLORES_SEMAFORO,
    CodificadorJSON,
    html_calificacion,
    valor_json,
)
from sdg_metas.testing import planes

HOSTIL = '<script>alert("x")</script> & "Alcaldía"'


class _Arbol(HTMLParser):
    """Comprueba que el HTML esté bien formado (cada etiqueta cerrada en orden) y recoge el
    texto, los ``title`` y los estilos."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pila: list[str] = []
        self.etiquetas: list[str] = []
        self.texto: list[str] = []
        self.titulos: list[str] = []
        self.estilos: list[str] = []

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        self.pila.append(tag)
        self.etiquetas.append(tag)
        for nombre, valor in attrs_:
            if nombre == "title":
                self.titulos.append(valor or "")
            if nombre == "style":
                self.estilos.append(valor or "")

    def handle_endtag(self, tag: str) -> None:
        assert self.pila, f"</{tag}> sin abrir"
        assert self.pila.pop() == tag, f"</{tag}> cierra otra etiqueta"

    def handle_data(self, data: str) -> None:
        self.texto.append(data)


def _leer(html: str) -> _Arbol:
    arbol = _Arbol()
    arbol.feed(html)
    arbol.close()
    assert arbol.pila == [], f"sin cerrar: {arbol.pila}"
    assert arbol.etiquetas[0] == "table"
    assert "script" not in arbol.etiquetas
    return arbol


def _titulo_de(regla: str) -> str:
    r = REGLAS[regla]
    return f"{r.enunciado} ({r.fuente})"


def _plan_hostil():  # type: ignore[no-untyped-def]
    plan = plan_ejemplo()
    primera = attrs.evolve(plan.metas[0], descripcion=HOSTIL)
    return attrs.evolve(plan, unidad=HOSTIL, metas=(primera, *plan.metas[1:]))


# --- EvaluacionPlan ---------------------------------------------------------------------------


def test_evaluacion_muestra_cifras_colores_y_reglas() -> None:
    """Al T2 (docs/cuaderno.md): M4 106.67 % es SOBREEJECUCION (> 100 %), M5 40.00 % es ROJO
    (< 60 %), la calificación 85.25 % es VERDE (CON-01, CON-03)."""
    ev = evaluar_plan(plan_ejemplo(), 2)
    html = ev._repr_html_()
    arbol = _leer(html)
    texto = "".join(arbol.texto)
    assert "85.25 %" in texto
    assert "106.67 %" in texto
    assert "40.00 %" in texto
    assert "sobreejecución" in texto  # el nombre en español, no el del enum
    assert "SOBREEJECUCION" not in html
    assert "Semaforo." not in html
    estilos = " ".join(arbol.estilos)
    for banda in ("rojo", "verde", "sobreejecucion"):
        assert COLORES_SEMAFORO[banda] in estilos
    assert _titulo_de("CON-01") in arbol.titulos
    assert _titulo_de("CON-03") in arbol.titulos
    for regla in {h.regla for h in ev.hallazgos}:
        assert regla in texto
        assert _titulo_de(regla) in arbol.titulos


def test_evaluacion_escapa_la_unidad_y_la_descripcion_hostiles() -> None:
    html = evaluar_plan(_plan_hostil(), 2)._repr_html_()
    arbol = _leer(html)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert HOSTIL in "".join(arbol.texto)  # la unidad, leída de vuelta tal cual
    assert HOSTIL in arbol.titulos  # la descripción de M1 en su title, sin romper el atributo


def test_evaluacion_con_hallazgos_del_plan() -> None:
    """FOR-04: los pesos de las metas activas suman exactamente 100; 30+15+20+15+20+10 = 110."""
    plan = plan_ejemplo()
    plan = attrs.evolve(plan, metas=(attrs.evolve(plan.metas[0], peso=30), *plan.metas[1:]))
    ev = evaluar_plan(plan, 1)
    assert [h.regla for h in ev.hallazgos_plan] == ["FOR-04"]
    arbol = _leer(ev._repr_html_())
    assert "plan" in arbol.texto
    assert _titulo_de("FOR-04") in arbol.titulos


# --- Calificacion -----------------------------------------------------------------------------


def test_calificacion_t1() -> None:
    """T1: pesos que cuentan 20+15+20+15+10 = 80 (M5 no programada);
    (20·1 + 15·1 + 20·1 + 15·0.8 + 10·1) / 80 = 77/80 = 96.25 %, VERDE."""
    html = calificacion(plan_ejemplo(), 1)._repr_html_()
    arbol = _leer(html)
    texto = "".join(arbol.texto)
    assert "96.25 %" in texto
    assert "no programada" in texto
    assert "80.00 %" in texto
    assert f"background-color:{COLORES_SEMAFORO['verde']}" in arbol.estilos  # la calificación
    # M4 al 80.00 %: «80 % ≤ VERDE», así que ninguna meta es amarilla ni roja en T1; M5 sin dato.
    estilos = " ".join(arbol.estilos)
    assert COLORES_SEMAFORO["amarillo"] not in estilos
    assert COLORES_SEMAFORO["rojo"] not in estilos
    assert COLORES_SEMAFORO["sin_dato"] in estilos
    assert _titulo_de("CON-01") in arbol.titulos


def test_calificacion_sin_metas_que_cuenten_y_regla_desconocida() -> None:
    cal = calificacion(plan_ejemplo(), 1)
    vacia = attrs.evolve(cal, valor=None, contribuciones=(), regla="<X>")
    arbol = _leer(html_calificacion(vacia))
    assert "—" in "".join(arbol.texto)
    assert "<X>" in "".join(arbol.texto)
    assert f"background-color:{COLORES_SEMAFORO['sin_dato']}" in arbol.estilos


# --- Decision ---------------------------------------------------------------------------------


def _decision(elegibilidad: Elegibilidad, *motivos: Motivo) -> Decision:
    cambios = Cambios(magnitud_anterior=Decimal(100), magnitud_nueva=Decimal(120),
                      trimestres=frozenset({3, 4}))
    return Decision(elegibilidad, Efecto.MODIFICAR, cambios, motivos, codigo_meta="<M1>")


def test_decision_no_elegible() -> None:
    d = _decision(
        Elegibilidad.NO_ELEGIBLE,
        Motivo("MOD-04", False, "presentada el 2025-07-10, después del fin del 2.º trimestre"),
        Motivo("MOD-03", True, "justificación <b>técnica</b>"),
        Motivo("MOD-09", None, "la meta no es transversal"),
    )
    html = d._repr_html_()
    arbol = _leer(html)
    texto = "".join(arbol.texto)
    assert "no elegible" in texto
    assert "NO_ELEGIBLE" not in html
    assert "magnitud 100 → 120 (aumenta); programación de T3, T4" in texto
    assert "<M1>" in texto
    assert "<b>" not in html
    assert "justificación <b>técnica</b>" in texto
    estilos = " ".join(arbol.estilos)
    assert all(COLORES_SEMAFORO[b] in estilos for b in ("rojo", "verde", "sin_dato"))
    for regla in ("MOD-03", "MOD-04", "MOD-09", "MOD-12"):
        assert _titulo_de(regla) in arbol.titulos
    assert texto.index("MOD-04") < texto.index("MOD-03")  # en el orden de la decisión


def test_decision_revision_oap_y_eliminacion() -> None:
    d = attrs.evolve(
        _decision(Elegibilidad.REQUIERE_REVISION_OAP,
                  Motivo("MOD-06", False, "segunda modificación del año", revision_oap=True)),
        efecto=Efecto.MARCAR_ELIMINADA,
    )
    arbol = _leer(d._repr_html_())
    texto = "".join(arbol.texto)
    assert "requiere revisión de la OAP" in texto
    assert "revisión OAP" in texto
    assert "marcar «Meta eliminada»" in texto
    assert COLORES_SEMAFORO["amarillo"] in " ".join(arbol.estilos)


# --- Oportunidad ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("envio", "estado", "banda"),
    [
        # Fecha límite del T3 de 2025: 15 de octubre (miércoles, hábil). Actividad 9, Nota 2.
        (datetime.date(2025, 10, 20), "extemporáneo (3 días hábiles)", "rojo"),  # 16, 17, 20
        (datetime.date(2025, 10, 16), "extemporáneo (1 día hábil)", "rojo"),
        (datetime.date(2025, 10, 15), "a tiempo", "verde"),
        (datetime.date(2025, 9, 15), "a tiempo, antes de terminar el trimestre", "amarillo"),
    ],
)
def test_oportunidad(envio: datetime.date, estado: str, banda: str) -> None:
    arbol = _leer(oportunidad(Trimestre(2025, 3), envio)._repr_html_())
    assert arbol.texto[-1] == estado
    assert "2025-10-15" in arbol.texto
    assert "2025-T3" in arbol.texto
    assert arbol.estilos[-1].endswith(f"background-color:{COLORES_SEMAFORO[banda]}")
    assert _titulo_de("REP-06") in arbol.titulos


# --- JSON -------------------------------------------------------------------------------------


def test_valor_json_de_cada_clase_de_valor() -> None:
    assert valor_json(None) is None
    assert valor_json(True) is True
    assert valor_json(7) == 7
    assert valor_json(0.5) == 0.5
    assert valor_json("sí") == "sí"
    assert valor_json(Decimal("94.8333333333333333333333333")) == "94.8333333333333333333333333"
    assert valor_json(Decimal("1.750")) == "1.750"  # exacto, con su exponente
    assert valor_json(datetime.date(2025, 4, 15)) == "2025-04-15"
    assert valor_json(datetime.datetime(2025, 4, 15, 8, 30)) == "2025-04-15T08:30:00"
    assert valor_json(Semaforo.SOBREEJECUCION) == "sobreejecucion"
    assert valor_json(Nivel.LOCAL) == "local"
    assert valor_json(Trimestre(2025, 2)) == "2025-T2"
    assert valor_json((1, [Decimal(2)])) == [1, ["2"]]
    assert valor_json(frozenset({3, 1, 2})) == [1, 2, 3]
    assert valor_json({"b", 1}) == [1, "b"]  # no comparables: por tipo y texto
    assert valor_json({Trimestre(2025, 1): 1, 2: Decimal("0.5")}) == {"2025-T1": 1, "2": "0.5"}
    assert valor_json(REGLAS)["MOD-04"]["fuente"] == REGLAS["MOD-04"].fuente


def test_valor_json_de_objetos_attrs() -> None:
    h = Hallazgo("REP-06", "extemporáneo", Severidad.ADVERTENCIA, "M1", Trimestre(2025, 3))
    assert valor_json(h) == {
        "regla": "REP-06",
        "fuente": REGLAS["REP-06"].fuente,  # del catálogo, nunca reescrita
        "mensaje": "extemporáneo",
        "severidad": "advertencia",
        "codigo_meta": "M1",
        "trimestre": "2025-T3",
        "campo": None,
    }
    d = _decision(Elegibilidad.ELEGIBLE, Motivo("MOD-03", True, "justificación técnica"))
    dato = json.loads(json.dumps(d, cls=CodificadorJSON))
    assert dato["elegibilidad"] == "elegible"
    assert dato["efecto"] == "modificar"
    assert dato["cambios"]["trimestres"] == [3, 4]
    assert dato["cambios"]["magnitud_nueva"] == "120"
    assert dato["motivos"][0]["cumple"] is True


def test_valor_json_rechaza_lo_que_no_es_de_la_biblioteca() -> None:
    with pytest.raises(TipoInvalido, match="un object no se puede escribir en JSON") as error:
        valor_json(object())
    assert error.value.codigo == "TIPO_INVALIDO"
    assert error.value.campo == "valor"
    with pytest.raises(TipoInvalido):
        json.dumps({"x": object()}, cls=CodificadorJSON)


def test_json_dumps_de_filas_es_exacto() -> None:
    """``json.dumps(filas(...))`` fallaba con ``Decimal`` (issue 14); con el codificador cada
    ``Decimal`` vuelve exacto con ``Decimal(texto)``."""
    originales = filas(evaluar_plan(plan_ejemplo(), 3)) + consolidado_anual([plan_ejemplo()], 2025)
    leidas = json.loads(json.dumps(originales, cls=CodificadorJSON))
    for original, leida in zip(originales, leidas, strict=True):
        assert set(original) == set(leida)
        for clave, valor in original.items():
            if isinstance(valor, Decimal):
                assert Decimal(leida[clave]) == valor
                assert leida[clave] == str(valor)
            else:
                assert leida[clave] == valor
    # M2 (CONSTANTE, M = 95) al T3: la media de lo reportado es 94.67; 94.67/95 = 99.65 %.
    assert leidas[1]["cumplimiento_pct"] == "99.65"


# --- propiedades ------------------------------------------------------------------------------

_TEXTOS = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
    lambda t: t.strip() == t and t != ""
)


@given(plan=planes(), k=st.integers(1, 4), unidad=_TEXTOS)
def test_el_html_de_cualquier_plan_esta_bien_formado(plan, k, unidad) -> None:  # type: ignore[no-untyped-def]
    """Para cualquier plan y cualquier nombre de unidad: HTML bien formado, sin etiquetas que no
    sean de la tabla, con la unidad leída de vuelta tal cual y cada meta con su semáforo."""
    ev = evaluar_plan(attrs.evolve(plan, unidad=unidad), k)
    arbol = _leer(ev._repr_html_())
    assert set(arbol.etiquetas) <= {"table", "caption", "thead", "tbody", "tr", "th", "td",
                                    "span", "abbr"}
    assert unidad in "".join(arbol.texto)
    celdas = arbol.texto
    for m in ev.metas:
        assert m.meta.codigo in celdas
    _leer(ev.calificacion._repr_html_())


@given(plan=planes(), k=st.integers(1, 4))
def test_valor_json_de_cualquier_plan_y_evaluacion(plan, k) -> None:  # type: ignore[no-untyped-def]
    """Todo el plan y su evaluación pasan por JSON; cada ``Decimal`` vuelve exacto."""
    ev = evaluar_plan(plan, k)
    dato = json.loads(json.dumps(valor_json(ev)))
    assert dato["trimestre"] == str(Trimestre(plan.vigencia, k))
    assert [Decimal(m["meta"]["peso"]) for m in dato["metas"]] == [m.peso for m in plan.metas]
    valor = ev.calificacion.valor
    assert dato["calificacion"]["valor"] == (None if valor is None else str(valor))


def test_html_de_otro_tipo_es_tipo_invalido() -> None:
    """Issue 13: ``html_decision(None)`` era un ``AttributeError`` de Python."""
    from sdg_metas import TipoInvalido
    from sdg_metas.presentacion import (
        html_calificacion,
        html_decision,
        html_evaluacion,
        html_oportunidad,
    )

    casos = [
        (html_decision, "decision: vacío debe ser una Decision"),
        (html_evaluacion, "evaluacion: vacío debe ser una EvaluacionPlan (use evaluar_plan)"),
        (html_calificacion, "calificacion: vacío debe ser una Calificacion"),
        (html_oportunidad, "oportunidad: vacío debe ser una Oportunidad"),
    ]
    for funcion, mensaje in casos:
        with pytest.raises(TipoInvalido) as error:
            funcion(None)
        assert str(error.value) == mensaje


# --- el HTML exacto de casos pequeños, armado a mano (mutación, fase 5) -------------------------
#
# Cada tabla es ``<table class="sdg-metas" style="border-collapse:collapse;font-size:90%">``, un
# ``<caption style="text-align:left">`` con el título, una fila de encabezados ``<th>`` y una
# fila ``<tr>`` por renglón; cada celda lleva el borde ``border:1px solid #bbb;padding:2px 6px``
# y, si tiene banda del semáforo (CON-03), ``;background-color:`` con su color. Un identificador
# de regla va en un ``<abbr>`` cuyo ``title`` es «enunciado (fuente)» del catálogo, escapado.

_BORDE = "border:1px solid #bbb;padding:2px 6px"


def _td(contenido: str, color: str | None = None, etiqueta: str = "td") -> str:
    fondo = "" if color is None else f";background-color:{color}"
    return f'<{etiqueta} style="{_BORDE}{fondo}">{contenido}</{etiqueta}>'


def _abbr(regla: str) -> str:
    return f'<abbr title="{escape(_titulo_de(regla), quote=True)}">{regla}</abbr>'


def _tabla_esperada(titulo: str, encabezados: tuple[str, ...], filas: list[str]) -> str:
    cabecera = "".join(_td(t, etiqueta="th") for t in encabezados)
    cuerpo = "".join(f"<tr>{f}</tr>" for f in filas)
    return (
        '<table class="sdg-metas" style="border-collapse:collapse;font-size:90%">'
        f'<caption style="text-align:left">{titulo}</caption>'
        f"<thead><tr>{cabecera}</tr></thead><tbody>{cuerpo}</tbody></table>"
    )


@pytest.mark.parametrize(
    ("envio", "estado", "banda"),
    [
        # Actividad 9, Nota 2: el T3 de 2025 vence el 15 de octubre; el 20 es el tercer día
        # hábil después (16, 17 y 20).
        (datetime.date(2025, 10, 20), "extemporáneo (3 días hábiles)", "rojo"),
        (datetime.date(2025, 10, 16), "extemporáneo (1 día hábil)", "rojo"),
        (datetime.date(2025, 10, 15), "a tiempo", "verde"),
        # INT-10: el 30 de septiembre, último día del trimestre, ya es anticipado
        (datetime.date(2025, 9, 30), "a tiempo, antes de terminar el trimestre", "amarillo"),
    ],
)
def test_html_oportunidad_exacto(envio: datetime.date, estado: str, banda: str) -> None:
    html = oportunidad(Trimestre(2025, 3), envio)._repr_html_()
    fila = (_td("2025-T3") + _td(envio.isoformat()) + _td("2025-10-15")
            + _td(estado, COLORES_SEMAFORO[banda]))
    assert html == _tabla_esperada(
        f"Oportunidad del reporte ({_abbr('REP-06')})",
        ("trimestre", "enviado", "fecha límite", "oportunidad"), [fila])


def test_html_decision_exacto() -> None:
    """Una decisión sin código de meta, para eliminar, con un motivo de cada clase: cumple
    (verde), no cumple (rojo), no aplica (sin dato) y la revisión de la OAP de MOD-06
    (amarillo, aunque no cumpla)."""
    motivos = (
        Motivo("MOD-03", True, "justificación presente"),
        Motivo("MOD-04", False, "después del 30 de junio"),
        Motivo("MOD-09", None, "no es transversal"),
        Motivo("MOD-06", False, "segunda modificación", revision_oap=True),
    )
    d = Decision(Elegibilidad.ELEGIBLE, Efecto.ELIMINAR, Cambios(), motivos)
    filas = [
        _td(_abbr("MOD-03")) + _td("cumple", COLORES_SEMAFORO["verde"])
        + _td("justificación presente"),
        _td(_abbr("MOD-04")) + _td("no cumple", COLORES_SEMAFORO["rojo"])
        + _td("después del 30 de junio"),
        _td(_abbr("MOD-09")) + _td("no aplica", COLORES_SEMAFORO["sin_dato"])
        + _td("no es transversal"),
        _td(_abbr("MOD-06")) + _td("revisión OAP", COLORES_SEMAFORO["amarillo"])
        + _td("segunda modificación"),
    ]
    titulo = (
        "Solicitud sobre la meta (sin código): "
        f'<span style="background-color:{COLORES_SEMAFORO["verde"]}">elegible</span> '
        f"({_abbr('MOD-12')}); efecto: eliminar la meta; cambios: ninguno"
    )
    assert d._repr_html_() == _tabla_esperada(titulo, ("regla", "estado", "mensaje"), filas)


def _plan_pequeno() -> PlanDeGestion:
    """Tres metas SUMA al T1 de 2025: A1 (60) ejecuta 20 de 25, A2 (30) 12 de 10 y A3 (20) no
    está programada en T1. Los pesos suman 110, así que FOR-04 es un hallazgo del plan."""
    def meta(codigo: str, magnitud: int, trimestres: list[int | None], peso: int) -> Meta:
        return Meta(codigo=codigo, descripcion=f"Meta {codigo} <b>",
                    programacion=Programacion("suma", magnitud, trimestres), peso=peso)

    return PlanDeGestion(
        vigencia=2025, unidad="Proceso <X> & Y", nivel="central",
        metas=(meta("A1", 100, [25, 25, 25, 25], 60), meta("A2", 40, [10, 10, 10, 10], 30),
               meta("A3", 30, [None, 10, 10, 10], 20)),
        reportes=(Reporte(codigo_meta="A1", trimestre=Trimestre(2025, 1), ejecucion=20),
                  Reporte(codigo_meta="A2", trimestre=Trimestre(2025, 1), ejecucion=12)),
    )  # type: ignore[arg-type]


def _reglas_de(hallazgos: object) -> str:
    ids = sorted({h.regla for h in hallazgos})  # type: ignore[attr-defined]
    return ", ".join(_abbr(i) for i in ids) or "—"


_VERDE, _SOBRE, _SIN = (COLORES_SEMAFORO[b] for b in ("verde", "sobreejecucion", "sin_dato"))
_AMARILLO = COLORES_SEMAFORO["amarillo"]


def test_html_evaluacion_exacto() -> None:
    """CON-01 al T1: cuentan A1 y A2 (A3 no está programada), pesos 60 + 30 = 90.
    A1: 20/25 = 80 % (VERDE: 80 % ≤ x ≤ 100 %), aporta 60/90 · 0.8 = 53.33 %.
    A2: 12/10 = 120 % (SOBREEJECUCION), acotado a 100 %, aporta 30/90 · 1 = 33.33 %.
    Calificación 0.5333… + 0.3333… = 86.67 %, VERDE (CON-03)."""
    ev = evaluar_plan(_plan_pequeno(), 1)
    a1, a2, a3 = ev.metas
    r3 = a3.resultado
    filas_ = [
        _td('<span title="Meta A1 &lt;b&gt;">A1</span>') + _td("suma") + _td("20") + _td("25")
        + _td("80.00 %") + _td("verde", _VERDE) + _td("medida") + _td("53.33 %")
        + _td(_reglas_de(a1.hallazgos)),
        _td('<span title="Meta A2 &lt;b&gt;">A2</span>') + _td("suma") + _td("12") + _td("10")
        + _td("120.00 %") + _td("sobreejecución", _SOBRE) + _td("medida") + _td("33.33 %")
        + _td(_reglas_de(a2.hallazgos)),
        _td('<span title="Meta A3 &lt;b&gt;">A3</span>') + _td("suma")
        + _td(texto_numero(r3.ejecucion_acumulada if r3 else None))
        + _td(texto_numero(r3.programado_acumulado if r3 else None))
        + _td("—") + _td("sin dato", _SIN) + _td("no programada") + _td("—")
        + _td(_reglas_de(a3.hallazgos)),
        _td("plan") + _td("") * 7 + _td(_abbr("FOR-04")),
    ]
    assert [h.regla for h in ev.hallazgos_plan] == ["FOR-04"]
    titulo = (
        "Proceso &lt;X&gt; &amp; Y — 2025-T1: calificación "
        f'<span style="background-color:{_VERDE}">86.67 %</span>, semáforo verde '
        f"({_abbr('CON-01')}, {_abbr('CON-03')})"
    )
    encabezados = ("meta", "tipo", "ejecutado", "programado", "cumplimiento", "semáforo",
                   "situación", "aporte", "hallazgos")
    assert ev._repr_html_() == _tabla_esperada(titulo, encabezados, filas_)


def test_html_calificacion_exacto_y_con_otra_politica() -> None:
    """La misma calificación (86.67 %): con la política del procedimiento es VERDE; con el verde
    desde 90 % (INT-54) la calificación y A1 (80 %) quedan AMARILLO."""
    cal = calificacion(_plan_pequeno(), 1)
    m1, m2, m3 = (c.motivo for c in cal.contribuciones)

    def esperado(verde: str, a1: str, nombre_a1: str) -> str:
        filas_ = [
            _td("A1") + _td("medida") + _td("sí") + _td("80.00 %") + _td(nombre_a1, a1)
            + _td("80.00 %") + _td("60") + _td("53.33 %") + _td(escape(m1)),
            _td("A2") + _td("medida") + _td("sí") + _td("120.00 %")
            + _td("sobreejecución", _SOBRE) + _td("100.00 %") + _td("30") + _td("33.33 %")
            + _td(escape(m2)),
            _td("A3") + _td("no programada") + _td("no") + _td("—") + _td("sin dato", _SIN)
            + _td("—") + _td("20") + _td("—") + _td(escape(m3)),
        ]
        titulo = (
            "Calificación de Proceso &lt;X&gt; &amp; Y en 2025-T1: "
            f'<span style="background-color:{verde}">86.67 %</span> '
            f"({_abbr('CON-01')}, {_abbr('CON-03')})"
        )
        encabezados = ("meta", "situación", "cuenta", "cumplimiento", "semáforo", "acotado",
                       "peso", "aporte", "motivo")
        return _tabla_esperada(titulo, encabezados, filas_)

    assert cal._repr_html_() == esperado(_VERDE, _VERDE, "verde")
    exigente = Politica(semaforo_verde_desde=Decimal("0.9"))
    assert html_calificacion(cal, exigente) == esperado(_AMARILLO, _AMARILLO, "amarillo")


def test_valor_json_de_claves_y_conjuntos_mezclados() -> None:
    """Las claves que no son texto se escriben como JSON (``2`` → ``"2"``, ``None`` →
    ``"null"``, ``True`` → ``"true"``, una tupla → ``"[1, 2]"``); un ``Decimal`` o un
    ``Trimestre`` como su texto. Un conjunto que no se puede ordenar se ordena por el nombre del
    tipo (``int`` antes que ``str``) y luego por su texto."""
    datos = {2: "a", None: "b", True: "c", (1, 2): "d", Decimal("0.50"): "e",
             Trimestre(2025, 4): "f", "g": "g"}
    assert valor_json(datos) == {"2": "a", "null": "b", "true": "c", "[1, 2]": "d",
                                 "0.50": "e", "2025-T4": "f", "g": "g"}
    letras = {"f", "d", "b", "e", "a", "c"}
    assert valor_json(letras | {3, 1}) == [1, 3, "a", "b", "c", "d", "e", "f"]


def test_valor_json_de_una_enumeracion_usa_el_valor_json_de_su_valor() -> None:
    import enum

    class Umbral(enum.Enum):
        BAJO = Decimal("0.60")
        FECHA = datetime.date(2025, 6, 30)

    assert valor_json([Umbral.BAJO, Umbral.FECHA]) == ["0.60", "2025-06-30"]


def test_valor_json_rechaza_con_mensaje_exacto() -> None:
    with pytest.raises(TipoInvalido) as error:
        valor_json([1, complex(1, 2)])
    assert (error.value.codigo, error.value.campo, error.value.valor) == (
        "TIPO_INVALIDO", "valor", "complex")
    assert str(error.value) == (
        "valor: un complex no se puede escribir en JSON (se esperan valores de sdg_metas: "
        "números, textos, fechas, trimestres, enumeraciones, objetos del modelo)"
    )


def test_el_codificador_escribe_valores_de_la_biblioteca() -> None:
    texto = json.dumps({"x": Decimal("1.10"), "t": Trimestre(2025, 1)}, cls=CodificadorJSON)
    assert texto == '{"x": "1.10", "t": "2025-T1"}'


def test_reglas_vacias_y_desconocidas() -> None:
    """Una calificación de una regla que no está en el catálogo la muestra escapada, sin
    ``title``; una meta sin hallazgos muestra «—»."""
    cal = attrs.evolve(calificacion(_plan_pequeno(), 1), regla="<X>", contribuciones=())
    html = html_calificacion(cal)
    assert f"86.67 %</span> (&lt;X&gt;, {_abbr('CON-03')})</caption>" in html


def test_html_evaluacion_sin_resultado_y_sin_hallazgos() -> None:
    """FOR-02: una meta DECRECIENTE sin línea base no tiene resultado (no se sabe desde dónde
    reduce): sus cifras se muestran «—» y su semáforo sin dato. Una meta sin hallazgos muestra
    «—» en la columna de hallazgos."""
    meta = Meta(codigo="D1", descripcion="Reducir a 200 los expedientes",
                programacion=Programacion("decreciente", 200, [400, 350, 250, 200]), peso=100)
    plan = PlanDeGestion(vigencia=2025, unidad="U", nivel="local", metas=(meta,))  # type: ignore[arg-type]
    ev = evaluar_plan(plan, 1)
    assert ev.metas[0].resultado is None
    inicio = (
        _td('<span title="Reducir a 200 los expedientes">D1</span>') + _td("decreciente")
        + _td("—") + _td("—") + _td("—") + _td("sin dato", _SIN)
    )
    assert f"<tbody><tr>{inicio}" in ev._repr_html_()
    limpia = attrs.evolve(ev, metas=(attrs.evolve(ev.metas[0], hallazgos=()),))
    assert limpia._repr_html_().endswith(_td("—") + "</tr></tbody></table>")


def test_valor_json_ordena_numeros_por_su_valor() -> None:
    """Un conjunto que se puede ordenar se ordena por su valor (9 < 10 < 100), no por su texto."""
    assert valor_json(frozenset({100, 9, 10})) == [9, 10, 100]
    assert valor_json({Decimal("10.5"), Decimal("9")}) == ["9", "10.5"]


def test_cero_negativo_sin_signo_en_html() -> None:
    """h19: M4 es decreciente (línea base 500, programado al T1 400). Con 500,004 ejecutado al
    T1 cumple (500 − 500,004) / (500 − 400) = −0,004 %, que a dos decimales (ROUND_HALF_UP) es
    0,00 %: la celda dice «0.00 %», no «-0.00 %»."""
    from sdg_metas import calificacion as calificar
    from sdg_metas import evaluar_plan as evaluar
    from sdg_metas.ejemplos import plan_ejemplo as ejemplo

    plan = ejemplo()
    reportes = [attrs.evolve(r, ejecucion=Decimal("500.004"))
                if (r.codigo_meta, r.trimestre.numero) == ("M4", 1) else r
                for r in plan.reportes]
    plan = attrs.evolve(plan, reportes=reportes)
    assert "-0.00" not in evaluar(plan, 1)._repr_html_()
    html = calificar(plan, 1)._repr_html_()
    assert ">-0.00 %</td>" not in html
    assert ">0.00 %</td>" in html
