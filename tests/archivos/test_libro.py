"""Pruebas del plan en tres tablas (issue 14, «A spreadsheet plan that carries everything the
JSON carries»): el libro de Excel y la forma CSV llevan todo lo que lleva el JSON."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdg_metas import verificar_plan, verificar_reportes_plan
from sdg_metas.archivos import (
    COLUMNAS_MODIFICACIONES,
    COLUMNAS_REPORTES,
    ErrorCarga,
    cargar_csv,
    cargar_plan,
    guardar_plan,
    neutralizar_celda,
    plan_a_json,
    restaurar_celda,
)
from sdg_metas.ejemplos import plan_ejemplo
from sdg_metas.modelo import (
    Efecto,
    PlanDeGestion,
    RegistroModificacion,
    ReportadoPor,
    Trimestre,
)
from sdg_metas.testing import planes

from .comun import _libro, plan_completo

openpyxl = pytest.importorskip("openpyxl")

#: Textos que una hoja tomaría por fórmula, y textos con apóstrofo (issue 14, OWASP).
PELIGROSOS = ["=SUMA(A1:A9)", "+57 300 000", "-menos", "@usuario", "\tcon tabulador",
              "\rcon retorno", "'comilla", "''dos", "'", "'=ya escapado", "normal"]
_peligrosos = st.sampled_from(PELIGROSOS)


@st.composite
def planes_completos(draw: st.DrawFn) -> PlanDeGestion:
    """Un plan de ``sdg_metas.testing`` con reportes de ambos responsables, modificaciones y
    textos peligrosos en los campos de texto libre."""
    plan = draw(planes(min_metas=1, max_metas=4))
    metas = [attrs.evolve(m, descripcion=draw(_peligrosos) + m.descripcion) for m in plan.metas]
    reportes = [
        attrs.evolve(r, reportado_por=draw(st.sampled_from(ReportadoPor)),
                     analisis=draw(_peligrosos), causas_retraso=draw(_peligrosos),
                     avance_reportado=draw(st.none() | st.decimals(-2, 2, places=4)))
        for r in plan.reportes
    ]
    modificaciones = [
        RegistroModificacion(
            codigo_meta=draw(st.sampled_from([m.codigo for m in metas])),
            fecha_solicitud=draw(st.dates(datetime.date(2000, 1, 1), datetime.date(2099, 1, 1))),
            fecha_aprobacion=draw(st.dates(datetime.date(2000, 1, 1),
                                           datetime.date(2099, 1, 1))),
            efecto=draw(st.sampled_from(Efecto)),
            desde=draw(st.none() | st.builds(Trimestre, st.just(plan.vigencia),
                                             st.integers(1, 4))),
            revision_oap=draw(st.booleans()),
            descripcion=draw(_peligrosos),
            solo_aumento=draw(st.booleans()),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    return attrs.evolve(plan, metas=metas, reportes=reportes, modificaciones=modificaciones)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(planes_completos(), st.sampled_from([".", ","]))
def test_ida_y_vuelta_json_xlsx_csv(tmp_path: Path, plan: PlanDeGestion, decimal: str) -> None:
    """JSON ↔ XLSX ↔ CSV: el mismo plan, campo por campo (issue 14)."""
    desde_json = cargar_plan(plan_a_json(plan))
    assert desde_json == plan
    libro = guardar_plan(desde_json, tmp_path / "plan.xlsx")
    desde_xlsx = cargar_plan(libro)
    assert desde_xlsx == plan
    csv = guardar_plan(desde_xlsx, tmp_path / "plan.csv", decimal=decimal, bom=True)
    desde_csv = cargar_plan(csv, decimal=decimal)
    assert desde_csv == plan
    assert cargar_plan(plan_a_json(desde_csv)) == plan


def test_plan_completo_y_mismos_hallazgos(tmp_path: Path) -> None:
    """Un plan guardado en Excel o CSV se valida igual que desde JSON (issue 14: «A compliant
    plan saved to XLSX or CSV validates with exit 0»)."""
    for plan in (plan_ejemplo(), plan_completo()):
        for nombre in ("plan.xlsx", "plan.csv"):
            vuelta = cargar_plan(guardar_plan(plan, tmp_path / nombre))
            assert vuelta == plan
            assert verificar_plan(vuelta) == verificar_plan(plan)
            assert verificar_reportes_plan(vuelta) == verificar_reportes_plan(plan)


def test_hojas_y_columnas_del_libro(tmp_path: Path) -> None:
    ruta = guardar_plan(plan_completo(), tmp_path / "plan.xlsx")
    libro = openpyxl.load_workbook(ruta)
    assert libro.sheetnames == ["metas", "reportes", "modificaciones"]
    reportes = list(libro["reportes"].values)
    assert reportes[0] == COLUMNAS_REPORTES
    assert next(iter(libro["modificaciones"].values)) == COLUMNAS_MODIFICACIONES
    # M1, T1 del ejemplo: ejecución 30 (número), enviado el 10/04/2025 (fecha), por la unidad.
    fila = dict(zip(COLUMNAS_REPORTES, reportes[1], strict=True))
    assert fila["ejecucion"] == 30
    assert fila["fecha_envio"] == datetime.datetime(2025, 4, 10)
    assert fila["reportado_por"] == "unidad"
    m7 = dict(zip(COLUMNAS_REPORTES, reportes[-1], strict=True))
    assert m7["avance_reportado"] == -0.125
    assert libro["reportes"].freeze_panes == "A2"


def test_forma_csv_escribe_tres_archivos(tmp_path: Path) -> None:
    guardar_plan(plan_completo(), tmp_path / "plan.csv", decimal=",")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "plan.csv", "plan.modificaciones.csv", "plan.reportes.csv"]
    reportes = (tmp_path / "plan.reportes.csv").read_text(encoding="utf-8").splitlines()
    assert reportes[0] == ";".join(COLUMNAS_REPORTES)
    # M7, T1: numerador 45, denominador 50, avance -0,125 (coma decimal), reportado por la unidad.
    assert reportes[-1].startswith("M7;2025-T1;;45;50;-0,125;1,5;0,9;;Acumulado;Paro")
    assert reportes[-1].endswith(";unidad")


@pytest.mark.parametrize("texto", [*PELIGROSOS, "", "a'b", "= espacio"])
def test_neutralizar_y_restaurar(texto: str) -> None:
    escrito = neutralizar_celda(texto)
    assert not escrito.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert restaurar_celda(escrito) == texto


def test_celdas_peligrosas_en_disco(tmp_path: Path) -> None:
    plan = plan_ejemplo()
    plan = attrs.evolve(plan, metas=[attrs.evolve(plan.metas[0], descripcion="=1+1"),
                                     *plan.metas[1:]])
    csv = guardar_plan(plan, tmp_path / "plan.csv")
    assert ",'=1+1," in csv.read_text(encoding="utf-8")
    libro = openpyxl.load_workbook(guardar_plan(plan, tmp_path / "plan.xlsx"))
    assert libro["metas"]["E2"].value == "'=1+1"
    assert libro["metas"]["E2"].data_type == "s"
    assert cargar_plan(csv) == plan == cargar_plan(tmp_path / "plan.xlsx")


def _reportes_a_mano(tmp_path: Path, filas: list[list[object]],
                     cabecera: list[str] | None = None) -> Path:
    """Un libro hecho a mano, como en Excel en español: hoja metas y hoja reportes."""
    libro = openpyxl.Workbook()
    metas = libro.active
    metas.title = "metas"
    metas.append(["vigencia", "unidad_plan", "codigo", "descripcion", "tipo", "magnitud", "t1",
                  "t2", "t3", "t4", "peso", "unidad"])
    metas.append([2025, "Alcaldía Local de Suba", "M1", "Responder a tiempo", "constante",
                  "95,5 %", "95,5%", 95.5, "95,5", "95,5", 100, "%"])
    hoja = libro.create_sheet("reportes")
    hoja.append(cabecera or ["codigo_meta", "trimestre", "ejecucion", "avance_reportado",
                             "fecha_envio", "reportado_por"])
    for fila in filas:
        hoja.append(fila)
    ruta = tmp_path / "suba.xlsx"
    libro.save(ruta)
    return ruta


def test_celdas_de_excel_en_espanol(tmp_path: Path) -> None:
    """Issue 14: «decimal comma with thousands dots (`1.300,5`), percentages written `96,5 %`
    or `96,5%` in % fields; Excel numeric cells read as numbers; dates as Spanish Excel writes
    them (`10/04/2025`, day first)»."""
    ruta = _reportes_a_mano(tmp_path, [
        ["M1", "2025-T1", "1.300,5", "96,5 %", "10/04/2025", "Área central"],
        ["M1", "2025-T2", 96.25, 0.965, datetime.datetime(2025, 7, 3), None],
    ])
    plan = cargar_plan(ruta, decimal=",")
    assert plan.metas[0].programacion.magnitud == Decimal("95.5")
    assert plan.metas[0].programacion.trimestres == (Decimal("95.5"),) * 4
    t1, t2 = plan.reportes
    # 96,5 % de avance es la fracción 0,965; 1.300,5 es mil trescientos coma cinco.
    assert (t1.ejecucion, t1.avance_reportado) == (Decimal("1300.5"), Decimal("0.965"))
    assert t1.fecha_envio == datetime.date(2025, 4, 10)  # 10 de abril, no 4 de octubre
    assert t1.reportado_por is ReportadoPor.AREA_CENTRAL
    assert (t2.ejecucion, t2.avance_reportado) == (Decimal("96.25"), Decimal("0.965"))
    assert t2.fecha_envio == datetime.date(2025, 7, 3)
    assert t2.reportado_por is ReportadoPor.UNIDAD


def test_problemas_con_celda_y_sugerencias(tmp_path: Path) -> None:
    ruta = _reportes_a_mano(tmp_path, [
        ["M1", "2025-T1", "1.30,5", "noventa", "31/02/2025", "unidda"],
        ["M9", "2025-T2", 10, None, "04-10-2025", None, "sobra"],
    ])
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta, decimal=",")
    problemas = [(p.ubicacion.removeprefix(f"{ruta}, "), p.mensaje) for p in error.value.problemas]
    ubicaciones = [u for u, _ in problemas]
    assert ubicaciones == [
        "hoja reportes, celda C2, columna ejecucion",
        "hoja reportes, celda D2, columna avance_reportado",
        "hoja reportes, celda E2, columna fecha_envio",
        "hoja reportes, celda F2, columna reportado_por",
        "hoja reportes, celda G3",
        "hoja reportes, celda E3, columna fecha_envio",
    ]
    assert "¿quiso decir 'unidad'?" in problemas[3][1]
    assert "no es una fecha del calendario" in problemas[2][1]
    assert "sobran valores" in problemas[4][1]


def test_encabezado_desconocido_sugiere(tmp_path: Path) -> None:
    ruta = _reportes_a_mano(tmp_path, [], ["codigo_meta", "trimestre", "ejecucon"])
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta)
    (problema,) = error.value.problemas
    assert problema.ubicacion == f"{ruta}, hoja reportes, celda C1"
    assert "¿quiso decir 'ejecucion'?" in problema.mensaje


def test_referencias_e_invariantes_en_su_celda(tmp_path: Path) -> None:
    ruta = _reportes_a_mano(tmp_path, [
        ["M1", "2025-T1", 95, None, None, None],
        ["M2", "2024-T2", 95, None, None, None],
        ["M1", "2025-T1", 96, None, None, None],
    ])
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta, decimal=",")
    ubicaciones = [p.ubicacion.removeprefix(f"{ruta}, ") for p in error.value.problemas]
    assert ubicaciones == [
        "hoja reportes, celda B3, columna trimestre",
        "hoja reportes, celda A3, columna codigo_meta",
        "hoja reportes, fila 4",  # el mismo trimestre de la misma meta, otra vez
    ]


def test_formula_sin_valor_calculado(tmp_path: Path) -> None:
    ruta = _reportes_a_mano(tmp_path, [["M1", "2025-T1", "=95+1", None, None, None]])
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta, decimal=",")
    assert error.value.problemas[0].ubicacion == f"{ruta}, hoja reportes, celda C2"
    assert "'=95+1' no tiene un valor calculado" in error.value.problemas[0].mensaje


def test_ejecuciones_duplicadas_con_tabla_de_reportes(tmp_path: Path) -> None:
    plan = plan_ejemplo()
    guardar_plan(plan, tmp_path / "plan.csv")
    (tmp_path / "plan.csv").write_text(
        "codigo,descripcion,tipo,magnitud,t1,t2,t3,t4,ejecucion_t1,peso,vigencia,unidad_plan\n"
        "M1,A,suma,120,30,30,30,30,30,100,2025,Suba\n", encoding="utf-8")
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(tmp_path / "plan.csv")
    primera = error.value.problemas[0].ubicacion
    assert primera == f"{tmp_path / 'plan.csv'}, fila 2, columna ejecucion_t1"
    # Las demás metas del plan de ejemplo no están: sus reportes no tienen meta.
    assert any("plan.reportes.csv, fila 6, columna codigo_meta" in p.ubicacion
               for p in error.value.problemas)


def test_fila_mas_larga_que_la_cabecera_en_csv() -> None:
    texto = "codigo;descripcion;tipo;magnitud;t1;t2;t3;t4;peso\nM1;A;suma;4;1;1;1;1;100;x\n"
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(texto, vigencia=2025, unidad="Suba")
    assert [p.ubicacion for p in error.value.problemas] == ["<texto>, fila 2, columna 10"]


def test_json_reportado_por() -> None:
    plan = plan_ejemplo()
    central = attrs.evolve(plan, reportes=[attrs.evolve(plan.reportes[0],
                                                        reportado_por="area_central"),
                                           *plan.reportes[1:]])
    texto = plan_a_json(central)
    assert '"reportado_por": "area_central"' in texto
    assert cargar_plan(texto) == central
    # Ausente (archivos anteriores): la unidad.
    sin = texto.replace('"reportado_por": "area_central"', '"causas_retraso": ""', 1)
    assert '"reportado_por"' in sin
    viejo = plan_a_json(plan).replace(',\n      "reportado_por": "unidad"', "")
    assert '"reportado_por"' not in viejo
    assert cargar_plan(viejo) == plan
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(texto.replace('"area_central"', '"area centarl"'))
    assert "¿quiso decir 'area_central'?" in error.value.problemas[0].mensaje


def test_guardar_xlsx_sin_openpyxl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins
    import sys
    from typing import Any

    original = builtins.__import__

    def sin_openpyxl(nombre: str, *args: Any, **kwargs: Any) -> Any:
        if nombre.startswith("openpyxl"):
            raise ImportError("No module named 'openpyxl'")
        return original(nombre, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "openpyxl", raising=False)
    monkeypatch.setattr(builtins, "__import__", sin_openpyxl)
    from sdg_metas.errores import ErrorArchivo

    with pytest.raises(ErrorArchivo) as error:
        guardar_plan(plan_ejemplo(), tmp_path / "plan.xlsx")
    assert error.value.codigo == "EXCEL_NO_DISPONIBLE"
    assert "sdg-metas[excel]" in str(error.value)
    assert not list(tmp_path.iterdir())


def test_libro_antiguo_de_una_hoja_sigue_cargando(tmp_path: Path) -> None:
    ruta = _libro(tmp_path / "viejo.xlsx", [
        ["vigencia", "unidad_plan", "codigo", "descripcion", "tipo", "magnitud", "t1", "t2",
         "t3", "t4", "ejecucion_t1", "peso"],
        [2025, "Suba", "M1", "Atender", "suma", 4, 1, 1, 1, 1, 1, 100],
    ])
    plan = cargar_plan(ruta)
    assert plan.ejecuciones("M1") == (Decimal(1), None, None, None)


def test_modificaciones_a_mano(tmp_path: Path) -> None:
    libro = openpyxl.Workbook()
    metas = libro.active
    metas.title = "metas"
    metas.append(["vigencia", "unidad_plan", "codigo", "descripcion", "tipo", "magnitud", "t1",
                  "t2", "t3", "t4", "peso"])
    metas.append([2025, "Suba", "M1", "Atender", "suma", 4, 1, 1, 1, 1, 100])
    hoja = libro.create_sheet("modificaciones")
    hoja.append(list(COLUMNAS_MODIFICACIONES))
    hoja.append(["M1", "02/05/2025", datetime.datetime(2025, 5, 9), "Modificar", "2025-T3", "sí",
                 "'+ operativos", "no"])
    hoja.append(["M1", None, datetime.datetime(2025, 5, 9, 10, 30), "modificr", None, None,
                 None, "tal vez"])
    ruta = tmp_path / "mod.xlsx"
    libro.save(ruta)
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta)
    problemas = [(p.ubicacion.removeprefix(f"{ruta}, hoja modificaciones, "), p.mensaje)
                 for p in error.value.problemas]
    assert [u for u, _ in problemas] == [
        "celda B3, columna fecha_solicitud", "celda C3, columna fecha_aprobacion",
        "celda D3, columna efecto", "celda H3, columna solo_aumento"]
    assert "tiene hora" in problemas[1][1]
    assert "¿quiso decir 'modificar'?" in problemas[2][1]
    hoja.delete_rows(3)
    libro.save(ruta)
    (registro,) = cargar_plan(ruta).modificaciones
    assert registro == RegistroModificacion(
        codigo_meta="M1", fecha_solicitud=datetime.date(2025, 5, 2),
        fecha_aprobacion=datetime.date(2025, 5, 9), efecto=Efecto.MODIFICAR,
        desde=Trimestre(2025, 3), revision_oap=True, descripcion="+ operativos")


def test_fechas_y_ubicador() -> None:
    from sdg_metas.archivos._celdas import fecha_celda
    from sdg_metas.archivos._encabezados import Ubicador

    with pytest.raises(Exception, match="DD/MM/AAAA"):
        fecha_celda("10-04-2025")
    with pytest.raises(Exception, match="no es una fecha del calendario"):
        fecha_celda("2025-02-31")
    assert fecha_celda(datetime.date(2025, 4, 10)) == datetime.date(2025, 4, 10)
    assert Ubicador("metas", {"peso": 2})(5, "peso") == "hoja metas, celda C5, columna peso"
    assert Ubicador("metas")(5, "peso") == "hoja metas, fila 5, columna peso"


def test_json_reportado_por_no_texto() -> None:
    texto = plan_a_json(plan_ejemplo()).replace('"reportado_por": "unidad"',
                                                '"reportado_por": 1', 1)
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(texto)
    assert error.value.problemas[0].ubicacion == "<texto>, reportes[0].reportado_por"


def test_escribir_ejemplos_en_un_archivo(tmp_path: Path) -> None:
    from sdg_metas.archivos import escribir_ejemplos
    from sdg_metas.errores import ErrorArchivo

    (tmp_path / "archivo").write_text("x", encoding="utf-8")
    with pytest.raises(ErrorArchivo) as error:
        escribir_ejemplos(tmp_path / "archivo")
    assert error.value.codigo == "ESCRITURA_FALLIDA"
    (tmp_path / "d" / "solicitud.json").mkdir(parents=True)
    with pytest.raises(ErrorArchivo) as error:
        escribir_ejemplos(tmp_path / "d")
    assert error.value.codigo == "ESCRITURA_FALLIDA"


def _con_analisis(texto: str) -> PlanDeGestion:
    plan = plan_ejemplo()
    primero = attrs.evolve(plan.reportes[0], analisis=texto)
    return attrs.evolve(plan, reportes=(primero, *plan.reportes[1:]))


@pytest.mark.parametrize(
    "texto",
    ["x" * 32_767, "=" + "x" * 32_765, "a\rb" + "x" * 32_758],  # caben: 32 767 en la celda
)
def test_un_texto_que_cabe_en_la_celda_vuelve_entero(tmp_path: Path, texto: str) -> None:
    # «=…» lleva un apóstrofo (32 767 en la celda); «\r» se escribe _x000D_ (7 caracteres)
    vuelta = cargar_plan(guardar_plan(_con_analisis(texto), tmp_path / "plan.xlsx"))
    assert vuelta.reportes[0].analisis == texto


@pytest.mark.parametrize(
    ("texto", "en_la_celda"),
    [
        ("x" * 40_000, 40_000),
        ("=" + "x" * 32_766, 32_768),  # 32 767 caracteres y el apóstrofo que lo neutraliza
        ("a\rb" + "x" * 32_761, 32_770),  # \r ocupa 7: _x000D_
    ],
)
def test_un_texto_que_excel_recortaria_no_se_guarda(
    tmp_path: Path, texto: str, en_la_celda: int
) -> None:
    """openpyxl cortaría el texto a 32 767 caracteres sin avisar y el plan leído de vuelta no
    sería el guardado: el libro no se escribe y el error dice dónde y qué hacer."""
    from sdg_metas.errores import ErrorArchivo

    destino = tmp_path / "plan.xlsx"
    with pytest.raises(ErrorArchivo) as error:
        guardar_plan(_con_analisis(texto), destino)
    assert error.value.codigo == "CELDA_DEMASIADO_LARGA"
    assert error.value.campo == "analisis"
    assert error.value.valor == en_la_celda
    assert str(error.value) == (
        f"reportes, fila 2, analisis: el texto ocupa {en_la_celda} caracteres en la celda y una "
        "celda de Excel admite 32767; Excel lo recortaría. Guarde el plan en JSON, que lo guarda "
        "entero"  # antes: «en JSON o CSV»; el CSV tampoco se vuelve a cargar (tarea h12c)
    )
    assert not destino.exists()
    # JSON lo guarda entero
    assert cargar_plan(guardar_plan(_con_analisis(texto), tmp_path / "plan.json")).reportes[
        0
    ].analisis == texto


@pytest.mark.parametrize("decimal", [".", ","])
def test_vigencia_es_un_numero_en_el_libro(tmp_path: Path, decimal: str) -> None:
    """h19: la columna ``vigencia`` de la hoja metas es la celda numérica 2025 (antes el texto
    «2025», que Excel en español marca como «número almacenado como texto»); el CSV sigue
    escribiendo ``2025`` y el plan vuelve igual de las dos formas."""
    plan = plan_ejemplo()
    ruta = guardar_plan(plan, tmp_path / "plan.xlsx")
    metas = openpyxl.load_workbook(ruta)["metas"]
    columnas = [c.value for c in metas[1]]
    celda = metas.cell(row=2, column=columnas.index("vigencia") + 1)
    assert (celda.value, celda.data_type) == (2025, "n")
    assert cargar_plan(ruta) == plan
    csv_ = guardar_plan(plan, tmp_path / "plan.csv", decimal=decimal)
    fila = csv_.read_text(encoding="utf-8").lstrip("\ufeff").splitlines()[1]
    assert fila.startswith("2025" + ("," if decimal == "." else ";"))
    assert cargar_plan(csv_, decimal=decimal) == plan
