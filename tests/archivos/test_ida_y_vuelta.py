"""Ida y vuelta de un plan por JSON, CSV (las dos comas decimales) y Excel con valores hostiles.

La regla (issue 12, tarea h12c): «nunca una cifra equivocada en silencio»; un plan escrito por la
biblioteca y leído de vuelta por ella es el mismo plan, o la escritura (o la lectura) falla con un
error claro en español, con código estable, que nombra el campo y el valor. El procedimiento pide
que el reporte traiga «Evidencia para la verificación del avance» (PLE-PIN-P005 v8, Actividad 9):
una evidencia que vuelve partida en dos, o sin sus espacios, ya no es la que se reportó.

Cada ejemplo escrito a mano dice qué hace la biblioteca hoy y qué hacía antes (el defecto).
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdg_metas.archivos import ErrorCarga, cargar_plan, guardar_plan, plan_a_json
from sdg_metas.archivos._celdas import numero_celda, texto_numero_celda
from sdg_metas.errores import ErrorArchivo, ErrorNumero
from sdg_metas.modelo import Indicador, PlanDeGestion
from sdg_metas.numeros import CIFRA_MAXIMA, CIFRA_MINIMA
from sdg_metas.testing import planes

from .comun import plan_completo

openpyxl = pytest.importorskip("openpyxl")

FORMATOS = ("json", "csv.", "csv,", "xlsx")
#: Códigos de los errores de escritura que la ida y vuelta admite (todos ruidosos).
_SOLO_JSON = "VALOR_NO_REPRESENTABLE"
_NO_UNICODE = "ESCRITURA_FALLIDA"


def _ida_y_vuelta(plan: PlanDeGestion, carpeta: Path, formato: str) -> PlanDeGestion:
    if formato == "json":
        return cargar_plan(guardar_plan(plan, carpeta / "plan.json"))
    if formato == "xlsx":
        return cargar_plan(guardar_plan(plan, carpeta / "plan.xlsx"))
    decimal = formato[-1]
    return cargar_plan(guardar_plan(plan, carpeta / "plan.csv", decimal=decimal),
                       decimal=decimal)


# --- Textos y números hostiles ------------------------------------------------------------------

#: Piezas de texto que una hoja, el CSV, el XML o las listas podrían cambiar.
_PIEZAS = ["\r\n", "\r", "\n", "\t", "\x00", "\x01", "\x1b", "\x7f", "\x85", "\u2028", "\ufeff",
           "\ufffe", "\uffff", "\xa0", " ", "'", "''", "=", "+", "-", "@", "|", " | ", ";", ",",
           '"', "_x000D_", "_x005F_", "_x000d_", "_xFFFE_", "0012", "1e5", "2025-04-10",
           "10/04/2025", "TRUE", "50%", "-0", "1.000", "NaN", "ñandú", "\U0001f600", "\u202e",
           # largas: separadores tras un salto de línea, referencias de XML
           "\n" + "," * 300, "\r\n" + ";" * 300, "\t" * 300, "&" * 3000, "<>" * 1000]
_texto = st.lists(st.sampled_from(_PIEZAS) | st.text(max_size=3), max_size=5).map("".join)
#: Con un sustituto suelto de vez en cuando: no es Unicode y ningún formato lo escribe.
_texto_hostil = _texto | _texto.map(lambda t: t + "\ud800")
_lista = st.lists(_texto_hostil, max_size=3)

#: Cifras de todas las escalas y largos (``12.50``, ``1.500``, ``4.2E+2``, 28 cifras, los
#: extremos ``CIFRA_MINIMA`` y ``CIFRA_MAXIMA``, el cero con exponente).
_cifra = st.one_of(
    st.builds(lambda c, e: Decimal(c).scaleb(e), st.integers(0, 10**28), st.integers(-30, 3)),
    st.sampled_from([CIFRA_MINIMA, CIFRA_MAXIMA, Decimal("1.500"), Decimal("0.125"),
                     Decimal("12.50"), Decimal("4.2E+2"), Decimal("0E-30"), Decimal("0E+3"),
                     Decimal("0.30000000000000004"), Decimal("999999999999999.999")]),
).filter(lambda d: d.is_zero() or CIFRA_MINIMA <= d <= CIFRA_MAXIMA)
_con_signo = st.tuples(st.booleans(), _cifra).map(lambda p: -p[1] if p[0] else p[1])
_fecha = st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31))


@st.composite
def planes_hostiles(draw: st.DrawFn) -> PlanDeGestion:
    """Un plan de ``sdg_metas.testing`` con textos, listas, cifras y fechas hostiles en cada
    campo libre."""
    plan = draw(planes(min_metas=1, max_metas=3))
    metas = [
        attrs.evolve(
            m, descripcion=draw(_texto_hostil), unidad=draw(_texto_hostil),
            proceso_lider=draw(st.none() | _texto_hostil),
            dependencia_orientadora=draw(st.none() | _texto_hostil),
            objetivo_estrategico=draw(st.none() | _texto_hostil),
            entregables=draw(_lista),
            indicador=draw(st.none() | st.builds(Indicador, _texto_hostil, _texto_hostil,
                                                 _texto_hostil, _texto_hostil)),
            programacion=attrs.evolve(m.programacion, linea_base=draw(st.none() | _cifra)),
        )
        for m in plan.metas
    ]
    reportes = [
        attrs.evolve(
            r, analisis=draw(_texto_hostil), causas_retraso=draw(_texto_hostil),
            evidencias=draw(_lista), fecha_envio=draw(st.none() | _fecha),
            avance_reportado=draw(st.none() | _con_signo),
            ejecucion_acumulada_reportada=draw(st.none() | _cifra),
        )
        for r in plan.reportes
    ]
    return attrs.evolve(plan, unidad=draw(_texto_hostil), metas=metas, reportes=reportes)


def _textos(plan: PlanDeGestion) -> list[str]:
    textos = [plan.unidad]
    for m in plan.metas:
        ind = m.indicador
        textos += [m.descripcion, m.unidad, *m.entregables,
                   *(t for t in (m.proceso_lider, m.dependencia_orientadora,
                                 m.objetivo_estrategico) if t is not None),
                   *(() if ind is None else (ind.nombre, ind.numerador, ind.denominador,
                                             ind.unidad))]
    for r in plan.reportes:
        textos += [r.analisis, r.causas_retraso, *r.evidencias]
    return textos


def _en_blanco(texto: str) -> bool:
    return not texto.strip()


def _solo_json(plan: PlanDeGestion) -> bool:
    """¿Tiene el plan algo que una celda no devuelve igual? (calculado aparte del código)"""
    listas = [e for m in plan.metas for e in m.entregables]
    listas += [e for r in plan.reportes for e in r.evidencias]
    if any("|" in e or _en_blanco(e) or e != e.strip() for e in listas):
        return True
    for m in plan.metas:
        opcionales = (m.proceso_lider, m.dependencia_orientadora, m.objetivo_estrategico)
        if any(t is not None and _en_blanco(t) for t in opcionales):
            return True
        if m.indicador is not None:
            ind = m.indicador
            cuatro = (ind.nombre, ind.numerador, ind.denominador, ind.unidad)
            if all(_en_blanco(t) for t in cuatro) or any(t and _en_blanco(t) for t in cuatro):
                return True
    return _en_blanco(plan.unidad)


def _no_es_unicode(plan: PlanDeGestion) -> bool:
    return any("\ud800" in t for t in _textos(plan))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(planes_hostiles(), st.sampled_from(FORMATOS))
def test_ida_y_vuelta_hostil(tmp_path: Path, plan: PlanDeGestion, formato: str) -> None:
    """``cargar_plan(guardar_plan(plan, ruta)) == plan`` o un error ruidoso, y solo cuando debe:
    un sustituto suelto (``ESCRITURA_FALLIDA`` en todo formato) o, en CSV y Excel, un valor que
    una celda no devuelve igual (``VALOR_NO_REPRESENTABLE``)."""
    esperados = {_NO_UNICODE} if _no_es_unicode(plan) else set()
    if formato != "json" and _solo_json(plan):
        esperados.add(_SOLO_JSON)
    if esperados:
        with pytest.raises(ErrorArchivo) as error:
            _ida_y_vuelta(plan, tmp_path, formato)
        assert error.value.codigo in esperados, error.value
    else:
        assert _ida_y_vuelta(plan, tmp_path, formato) == plan


# --- Cifras -------------------------------------------------------------------------------------


def _con_linea_base(linea_base: Decimal) -> PlanDeGestion:
    plan = plan_completo()
    meta = plan.metas[0]
    programacion = attrs.evolve(meta.programacion, linea_base=linea_base)
    return attrs.evolve(plan, metas=(attrs.evolve(meta, programacion=programacion),
                                     *plan.metas[1:]))


def _celda(ruta: Path, hoja: str, referencia: str) -> object:
    libro = openpyxl.load_workbook(ruta)
    try:
        return libro[hoja][referencia].value
    finally:
        libro.close()


def test_diecisiete_cifras_en_excel_van_como_texto(tmp_path: Path) -> None:
    """Antes: 0.30000000000000004 se escribía como número; openpyxl escribe 16 cifras
    (``%.16g``) y el plan volvía con 0.3, sin aviso. Excel guarda 15 cifras: con más, texto."""
    cifra = Decimal("0.30000000000000004")  # 17 cifras significativas
    ruta = guardar_plan(_con_linea_base(cifra), tmp_path / "plan.xlsx")
    assert _celda(ruta, "metas", "H2") == "0.30000000000000004"  # H = linea_base
    assert cargar_plan(ruta).metas[0].programacion.linea_base == cifra
    # Con 15 cifras sigue siendo una celda numérica.
    ruta = guardar_plan(_con_linea_base(Decimal("0.123456789012345")), tmp_path / "plan.xlsx")
    assert _celda(ruta, "metas", "H2") == pytest.approx(0.123456789012345)


@pytest.mark.parametrize("formato", ["csv", "xlsx"])
def test_un_numero_que_parece_miles_no_se_lee_mil_veces_mayor(tmp_path: Path,
                                                              formato: str) -> None:
    """Antes: ``1.500`` (1,5 con tres decimales) se escribía ``1.500``; leído con
    ``decimal=","`` (Excel en español: puntos de miles) volvía 1500 sin aviso. Ahora se escribe
    ``1.500E+0`` —el mismo número con la misma escala—: con ``decimal="."`` vuelve exacto y con
    ``decimal=","`` es un error que lo dice."""
    plan = _con_linea_base(Decimal("1.500"))
    # Con «;» (con «,» el lector con decimal="," ni siquiera encuentra las columnas)
    ruta = guardar_plan(plan, tmp_path / f"plan.{formato}", delimitador=";")
    if formato == "csv":
        filas = list(csv.DictReader(io.StringIO(ruta.read_text(encoding="utf-8")),
                                    delimiter=";"))
        assert filas[0]["linea_base"] == "1.500E+0"
    else:
        assert _celda(ruta, "metas", "H2") == "1.500E+0"
    vuelta = cargar_plan(ruta)
    assert vuelta == plan
    assert str(vuelta.metas[0].programacion.linea_base) == "1.500"  # la escala se conserva
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta, decimal=",")
    assert any("'1.500E+0' tiene un punto que no separa miles" in p.mensaje
               for p in error.value.problemas)


def test_cero_punto_no_es_un_grupo_de_miles() -> None:
    """Antes: con ``decimal=","``, ``0.125`` se tomaba por «0 mil 125» y valía 125. Un grupo de
    miles no empieza por 0: es un error (``1.000`` y ``1.300,5`` siguen siendo miles)."""
    with pytest.raises(ErrorNumero, match=re.escape("'0.125' tiene un punto que no separa miles")):
        numero_celda("0.125", ",")
    with pytest.raises(ErrorNumero):
        numero_celda("-0.500", ",")
    assert numero_celda("1.000", ",") == Decimal("1000")
    assert numero_celda("1.300,5", ",") == Decimal("1300.5")
    assert numero_celda("12.345.678", ",") == Decimal("12345678")
    assert texto_numero_celda(Decimal("0.125")) == "0.125"  # ya no es ambiguo
    assert texto_numero_celda(Decimal("-1.000")) == "-1.000E+0"
    assert texto_numero_celda(Decimal("123.456")) == "123.456E+0"


# --- Fechas y caracteres ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fecha", [datetime.date(1899, 12, 31), datetime.date(1899, 12, 30), datetime.date(1, 1, 1)]
)
def test_fechas_anteriores_a_excel(tmp_path: Path, fecha: datetime.date) -> None:
    """Antes: 1899-12-31 se escribía como el número de serie 0, que openpyxl lee como la hora
    00:00; el libro no se podía cargar («datetime.time(0, 0) debe ser una fecha»). Excel no
    tiene fechas antes de 1900: van como texto AAAA-MM-DD."""
    plan = plan_completo()
    reporte = attrs.evolve(plan.reportes[0], fecha_envio=fecha)
    plan = attrs.evolve(plan, reportes=(reporte, *plan.reportes[1:]))
    ruta = guardar_plan(plan, tmp_path / "plan.xlsx")
    assert _celda(ruta, "reportes", "M2") == fecha.isoformat()  # M = fecha_envio
    assert cargar_plan(ruta) == plan


def test_no_caracteres_de_xml_en_excel(tmp_path: Path) -> None:
    """Antes: U+FFFE y U+FFFF (que XML no admite) se escribían tal cual y el libro guardado no
    se podía leer (EXCEL_INVALIDO). Ahora se escriben ``_xFFFE_``, como Excel."""
    plan = plan_completo()
    texto = "a\ufffeb\uffff _xFFFE_"
    reporte = attrs.evolve(plan.reportes[0], analisis=texto)
    plan = attrs.evolve(plan, reportes=(reporte, *plan.reportes[1:]))
    ruta = guardar_plan(plan, tmp_path / "plan.xlsx")
    with zipfile.ZipFile(ruta) as libro:
        hojas = "".join(libro.read(n).decode("utf-8") for n in libro.namelist()
                        if n.startswith("xl/worksheets/"))
    assert "a_xFFFE_b_xFFFF_ _x005F_xFFFE_" in hojas
    assert cargar_plan(ruta).reportes[0].analisis == texto


@pytest.mark.parametrize("formato", ["json", "csv", "xlsx"])
def test_un_sustituto_suelto_no_se_escribe_en_ningun_formato(tmp_path: Path,
                                                             formato: str) -> None:
    """Antes, en Excel: el libro se escribía y luego no se podía leer. Ahora es
    ``ESCRITURA_FALLIDA`` al guardar, como en JSON y CSV, y el archivo no se crea."""
    plan = plan_completo()
    reporte = attrs.evolve(plan.reportes[0], analisis="a\ud800b")
    plan = attrs.evolve(plan, reportes=(reporte, *plan.reportes[1:]))
    destino = tmp_path / f"plan.{formato}"
    with pytest.raises(ErrorArchivo) as error:
        guardar_plan(plan, destino)
    assert error.value.codigo == "ESCRITURA_FALLIDA"
    assert not destino.exists()
    if formato == "xlsx":
        assert str(error.value) == (
            "reportes, fila 2, analisis: el texto tiene un carácter que no existe en Unicode "
            "(\\ud800, un sustituto suelto); no se puede escribir en ningún formato"
        )
        assert error.value.campo == "analisis"


# --- Lo que una celda no devuelve igual -----------------------------------------------------


def _meta0(**cambios: object) -> PlanDeGestion:
    plan = plan_completo()
    return attrs.evolve(plan, metas=(attrs.evolve(plan.metas[0], **cambios), *plan.metas[1:]))


def _evidencias(*evidencias: str) -> PlanDeGestion:
    plan = plan_completo()
    reporte = attrs.evolve(plan.reportes[0], evidencias=evidencias)
    return attrs.evolve(plan, reportes=(reporte, *plan.reportes[1:]))


_FINAL = (", y el plan leído de vuelta de un CSV o de un libro de Excel no sería el guardado. "
          "Guarde el plan en JSON, que lo guarda tal cual")


@pytest.mark.parametrize(
    ("plan", "antes", "mensaje", "campo"),
    [
        (_evidencias("acta 1|2.pdf"), ("acta 1", "2.pdf"),
         ("reportes, fila 2, evidencias: el elemento 'acta 1|2.pdf' lleva «|», el separador "
         "de la lista"), "evidencias"),
        (_evidencias("informe.pdf "), ("informe.pdf",),
         ("reportes, fila 2, evidencias: el elemento 'informe.pdf ' tiene espacios al comienzo "
         "o al final"), "evidencias"),
        (_evidencias("a.pdf", ""), ("a.pdf",),
         "reportes, fila 2, evidencias: la lista tiene un elemento vacío (o solo espacios)",
         "evidencias"),
        (_meta0(entregables=("Acta | Informe",)), ("Acta", "Informe"),
         ("metas, fila 2, entregables: el elemento 'Acta | Informe' lleva «|», el separador de "
         "la lista"), "entregables"),
        (_meta0(indicador=Indicador("")), None,
         ("metas, fila 2, indicador: el indicador tiene sus cuatro textos en blanco y se "
         "leería «sin indicador»"), "indicador"),
        (_meta0(indicador=Indicador("Actas", numerador=" ")), "",
         "metas, fila 2, indicador_numerador: ' ' es solo espacios y se leería vacío",
         "indicador_numerador"),
        (attrs.evolve(plan_completo(), unidad=" "), "ARCHIVO_INVALIDO",
         ("metas, fila 2, unidad_plan: la unidad del plan ' ' está en blanco y la tabla se "
         "leería sin unidad"), "unidad_plan"),
    ],
    ids=["evidencia-con-barra", "evidencia-con-espacio", "evidencia-vacia",
         "entregable-con-barra",
         "indicador-en-blanco", "indicador-numerador-espacio", "unidad-en-blanco"],
)
@pytest.mark.parametrize("formato", ["csv", "xlsx"])
def test_lo_que_una_celda_no_devuelve_igual_no_se_escribe(
    tmp_path: Path, plan: PlanDeGestion, antes: object, mensaje: str, campo: str, formato: str
) -> None:
    """Antes, cada uno de estos planes se guardaba y volvía distinto sin aviso (``antes`` es lo
    que volvía: la evidencia partida en dos o sin su espacio, ``None`` en lugar de ``""``,
    ``""`` en lugar de ``" "``; la unidad en blanco no se podía cargar). Ahora el CSV y el libro
    no se escriben (``VALOR_NO_REPRESENTABLE``) y el JSON lo guarda tal cual."""
    destino = tmp_path / f"plan.{formato}"
    with pytest.raises(ErrorArchivo) as error:
        guardar_plan(plan, destino)
    assert error.value.codigo == "VALOR_NO_REPRESENTABLE"
    assert str(error.value) == mensaje + _FINAL
    assert error.value.campo == campo
    assert not destino.exists()
    assert not (tmp_path / "plan.reportes.csv").exists()
    assert cargar_plan(guardar_plan(plan, tmp_path / "plan.json")) == plan
    assert cargar_plan(plan_a_json(plan)) == plan


def test_los_escapes_de_excel_y_los_textos_que_parecen_otra_cosa_vuelven(tmp_path: Path) -> None:
    """Encontrado limpio (se deja como ejemplo): el literal ``_x000D_``, un ``\\r\\n``, un NUL,
    un código con espacios, ``"0012"``, ``"1e5"``, ``"2025-04-10"``, ``"TRUE"`` y los
    apóstrofos vuelven iguales de los tres formatos."""
    plan = plan_completo()
    textos = ["_x000D_", "_x005F_x000D_", "a\r\nb", "a\x00b", "0012", "1e5", "2025-04-10",
              "TRUE", "'", "''=1", " con espacios ", "-0"]
    meta = attrs.evolve(plan.metas[1], codigo=" M2 ", descripcion=textos[0],
                        unidad=textos[1], proceso_lider=textos[4])
    reportes = [attrs.evolve(r, codigo_meta=" M2 ") if r.codigo_meta == "M2" else r
                for r in plan.reportes]
    reportes[0] = attrs.evolve(reportes[0], analisis="".join(textos),
                               causas_retraso=textos[2], analisis_acumulado=textos[3],
                               evidencias=tuple(textos[4:10]))
    modificaciones = [attrs.evolve(m, codigo_meta=" M2 ") if m.codigo_meta == "M2" else m
                      for m in plan.modificaciones]
    plan = attrs.evolve(plan, metas=(plan.metas[0], meta, *plan.metas[2:]), reportes=reportes,
                        modificaciones=modificaciones)
    for formato in FORMATOS:
        assert _ida_y_vuelta(plan, tmp_path, formato) == plan, formato



def _con_analisis(texto: str) -> PlanDeGestion:
    plan = plan_completo()
    reporte = attrs.evolve(plan.reportes[0], analisis=texto)
    return attrs.evolve(plan, reportes=(reporte, *plan.reportes[1:]))


@pytest.mark.parametrize("texto", ["x" * 32_767, "=" + "x" * 32_765])  # 32 767 en la celda
def test_un_texto_que_cabe_en_una_celda_de_csv_vuelve_entero(tmp_path: Path, texto: str) -> None:
    vuelta = cargar_plan(guardar_plan(_con_analisis(texto), tmp_path / "plan.csv"))
    assert vuelta.reportes[0].analisis == texto


@pytest.mark.parametrize(("texto", "en_la_celda"),
                         [("x" * 40_000, 40_000), ("=" + "x" * 32_766, 32_768)])
def test_un_texto_que_el_csv_no_volveria_a_cargar_no_se_guarda(
    tmp_path: Path, texto: str, en_la_celda: int
) -> None:
    """Antes: el CSV se escribía con el texto entero, pero ``cargar_plan`` (límite ``max_celda``
    = 32 767 por defecto) no lo volvía a cargar (CELDA_DEMASIADO_LARGA al leer), y el error del
    libro de Excel aconsejaba justamente «Guarde el plan en JSON o CSV». Ahora el CSV no se
    escribe; el JSON lo guarda entero."""
    destino = tmp_path / "plan.csv"
    with pytest.raises(ErrorArchivo) as error:
        guardar_plan(_con_analisis(texto), destino)
    assert error.value.codigo == "CELDA_DEMASIADO_LARGA"
    assert error.value.campo == "analisis"
    assert str(error.value) == (
        f"reportes, fila 2, analisis: el texto ocupa {en_la_celda} caracteres en la celda y "
        "cargar_plan lee una celda de CSV de a lo sumo 32767 (parámetro max_celda); el archivo "
        "no se podría volver a cargar. Guarde el plan en JSON, que lo guarda entero"
    )
    assert not destino.exists()
    assert not (tmp_path / "plan.reportes.csv").exists()
    assert cargar_plan(guardar_plan(_con_analisis(texto), tmp_path / "plan.json")) == \
        _con_analisis(texto)


@pytest.mark.parametrize("texto", ["&" * 32_767, "<" * 32_767, "é&" * 16_383])
def test_un_texto_con_referencias_de_xml_que_cabe_se_vuelve_a_cargar(tmp_path: Path,
                                                                      texto: str) -> None:
    """Antes: el libro se escribía (el texto cabe: 32 767 caracteres o menos), pero al leerlo
    cada ``&`` contaba como los 5 caracteres de ``&amp;`` en el XML y el libro propio se
    rechazaba con CELDA_DEMASIADO_LARGA. Una referencia de XML es un carácter."""
    plan = _con_analisis(texto)
    assert cargar_plan(guardar_plan(plan, tmp_path / "plan.xlsx")) == plan


@pytest.mark.parametrize(("texto", "decimal"), [("Resumen:\n" + "," * 300, "."),
                                                ("Resumen:\r\n" + ";" * 300, ",")])
def test_un_salto_de_linea_y_muchos_separadores_en_un_texto(tmp_path: Path, texto: str,
                                                            decimal: str) -> None:
    """Antes: el CSV se escribía, pero al leerlo la revisión de ancho (que mira línea por línea
    antes de partir el CSV) no sabía que la línea seguía dentro de una celda entre comillas,
    contaba sus 300 separadores como columnas y rechazaba el archivo propio
    (DEMASIADAS_COLUMNAS, máximo 256)."""
    plan = _con_analisis(texto)
    ruta = guardar_plan(plan, tmp_path / "plan.csv", decimal=decimal)
    assert cargar_plan(ruta, decimal=decimal) == plan


def test_la_revision_de_ancho_sigue_viendo_lo_que_esta_fuera_de_las_comillas() -> None:
    """Una línea que empieza dentro de comillas, las cierra y sigue con 300 separadores fuera
    de ellas sigue siendo DEMASIADAS_COLUMNAS (issue 15: nada de filas de millones de celdas)."""
    from sdg_metas.archivos._lectura import verificar_ancho_csv

    verificar_ancho_csv("x.csv", 'a,"b\n' + "," * 300 + '"\n', ",")  # todo entre comillas
    with pytest.raises(ErrorCarga) as error:
        verificar_ancho_csv("x.csv", 'a,"b\nc",' + "," * 300 + "z\n", ",")
    assert error.value.codigo == "DEMASIADAS_COLUMNAS"
    assert "la línea 2 tiene 302 columnas y el máximo es 256" in str(error.value)


@pytest.mark.parametrize("campo", ["proceso_lider", "dependencia_orientadora",
                                   "objetivo_estrategico"])
@pytest.mark.parametrize("blanco", ["", "   ", "\t"])
@pytest.mark.parametrize("formato", ["json", "csv", "xlsx"])
def test_un_texto_opcional_en_blanco_es_sin_dato_en_todos_los_formatos(
    tmp_path: Path, campo: str, blanco: str, formato: str
) -> None:
    """Un texto opcional en blanco ya es ``None`` en la meta («sin dato», como la celda vacía
    que se lee): un plan que lo traía (de un JSON de otra aplicación, por ejemplo) se guarda en
    CSV y en Excel y vuelve igual."""
    plan = _meta0(**{campo: blanco})
    assert getattr(plan.metas[0], campo) is None
    assert cargar_plan(guardar_plan(plan, tmp_path / f"plan.{formato}")) == plan
