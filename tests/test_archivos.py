"""Pruebas de ``sdg_metas.archivos``: JSON, CSV, Excel, límites y listados de problemas."""

from __future__ import annotations

import builtins
import csv
import datetime
import io
import json
import sys
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdg_metas.archivos import (
    COLUMNAS_CSV,
    COLUMNAS_OBLIGATORIAS_CSV,
    FORMATO_PLAN,
    ErrorCarga,
    Problema,
    cargar_csv,
    cargar_plan,
    cargar_xlsx,
    esquema_plan,
    guardar_plan,
    plan_a_csv,
    plan_a_dict,
    plan_a_json,
    plan_desde_dict,
)
from sdg_metas.ejemplos import plan_ejemplo
from sdg_metas.errores import ErrorArchivo
from sdg_metas.modelo import (
    Efecto,
    Indicador,
    Meta,
    Nivel,
    PlanDeGestion,
    Programacion,
    RegistroModificacion,
    Reporte,
    Trimestre,
)

CABECERA = "codigo;descripcion;tipo;magnitud;t1;t2;t3;t4;ejecucion_t1;ejecucion_t2;peso"


def plan_completo() -> PlanDeGestion:
    """El plan de ejemplo con todos los campos opcionales usados al menos una vez."""
    plan = plan_ejemplo()
    metas = list(plan.metas)
    metas[0] = attrs.evolve(
        metas[0],
        transversal=True,
        proceso_lider="Proceso Gestión Pública Territorial",
        dependencia_orientadora="Dirección de Tecnologías",
        eliminada_desde=Trimestre(2025, 4),
        nivel=Nivel.LOCAL,
    )
    metas[1] = attrs.evolve(metas[1], indicador=None, entregables=(), objetivo_estrategico=None)
    metas.append(
        Meta(
            codigo="M7",
            descripcion="Medir la satisfacción «ciudadana» — ñandú",
            programacion=Programacion("creciente", "4.2E+2", ["1.50", None, "0.000", "420"],
                                      linea_base="0"),
            peso="0.25",
        )
    )
    reportes = [
        *plan.reportes,
        Reporte(
            codigo_meta="M7",
            trimestre=Trimestre(2025, 1),
            numerador="45",
            denominador="50",
            avance_reportado="-0.125",
            ejecucion_acumulada_reportada="1.5",
            avance_acumulado_reportado="0.9",
            analisis_acumulado="Acumulado",
            causas_retraso="Paro de transporte",
        ),
    ]
    modificaciones = [
        RegistroModificacion(
            codigo_meta="M1",
            fecha_solicitud=datetime.date(2025, 9, 1),
            fecha_aprobacion=datetime.date(2025, 9, 20),
            efecto=Efecto.MARCAR_ELIMINADA,
            desde=Trimestre(2025, 4),
            revision_oap=True,
            descripcion="Cambio de competencias",
        ),
        RegistroModificacion(
            codigo_meta="M2",
            fecha_solicitud=datetime.date(2025, 3, 1),
            fecha_aprobacion=datetime.date(2025, 3, 5),
            efecto=Efecto.MODIFICAR,
        ),
    ]
    return attrs.evolve(plan, metas=metas, reportes=reportes, modificaciones=modificaciones)


def codigos(error: pytest.ExceptionInfo[ErrorCarga]) -> list[str]:
    return [p.ubicacion for p in error.value.problemas]


# --- JSON ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("fabrica", [plan_ejemplo, plan_completo])
def test_ida_y_vuelta_json_exacta(fabrica: Any, tmp_path: Path) -> None:
    plan = fabrica()
    ruta = guardar_plan(plan, tmp_path / "plan.json")
    assert cargar_plan(ruta) == plan
    assert cargar_plan(str(ruta)) == plan
    assert cargar_plan(ruta.read_text(encoding="utf-8")) == plan
    assert plan_desde_dict(plan_a_dict(plan)) == plan
    # Decimales como texto y fechas ISO: el texto se conserva tal cual.
    datos = json.loads(ruta.read_text(encoding="utf-8"))
    assert datos == plan_a_dict(plan)
    assert plan_a_dict(cargar_plan(ruta)) == datos


def test_json_campos_canonicos() -> None:
    datos = plan_a_dict(plan_completo())
    meta7 = datos["metas"][-1]
    assert meta7["programacion"] == {
        "tipo": "creciente",
        "magnitud": "4.2E+2",
        "trimestres": ["1.50", None, "0.000", "420"],
        "linea_base": "0",
    }
    assert datos["modificaciones"][0] == {
        "codigo_meta": "M1",
        "fecha_solicitud": "2025-09-01",
        "fecha_aprobacion": "2025-09-20",
        "efecto": "marcar_eliminada",
        "desde": "2025-T4",
        "revision_oap": True,
        "descripcion": "Cambio de competencias",
    }
    assert datos["reportes"][-1]["avance_reportado"] == "-0.125"
    assert plan_a_json(plan_completo()).endswith("}\n")
    assert "ñandú" in plan_a_json(plan_completo())


def test_json_minimo_con_numeros_json_y_campos_omitidos() -> None:
    texto = """
    {"formato": "sdg_metas/plan", "version": 1, "vigencia": 2025, "unidad": "Suba",
     "nivel": "Local",
     "metas": [{"codigo": "M1", "descripcion": "Atender", "peso": 100,
                "programacion": {"tipo": "SUMA", "magnitud": 10.50,
                                 "trimestres": [0.1, 0.2, null, 10.2]}}]}
    """
    plan = cargar_plan(texto)
    meta = plan.metas[0]
    assert meta.programacion.magnitud == Decimal("10.50")
    assert str(meta.programacion.magnitud) == "10.50"
    assert meta.programacion.trimestres[0] == Decimal("0.1")
    assert meta.unidad == ""
    assert meta.indicador is None
    assert meta.entregables == ()
    assert plan.nivel is Nivel.LOCAL
    assert plan.reportes == ()
    assert plan.modificaciones == ()


def test_json_con_bom_y_espacios() -> None:
    texto = "\ufeff  \n" + plan_a_json(plan_ejemplo())
    assert cargar_plan(texto) == plan_ejemplo()


def test_json_todos_los_problemas_a_la_vez(tmp_path: Path) -> None:
    datos = plan_a_dict(plan_ejemplo())
    datos["metas"][2]["programacion"]["magnitud"] = "abc"
    datos["metas"][0]["peso"] = True
    datos["metas"][1]["programacion"]["trimestres"] = [1, 2]
    datos["metas"][3]["extra"] = 1
    datos["metas"][4]["programacion"]["trimestres"][1] = "1,5"
    datos["metas"][5]["entregables"] = ["ok", 3]
    datos["reportes"][0]["trimestre"] = "2024-T1"
    datos["reportes"][1]["codigo_meta"] = "ZZ"
    datos["reportes"][2]["fecha_envio"] = "2025-02-30"
    datos["reportes"][3]["evidencias"] = "no es lista"
    del datos["unidad"]
    ruta = tmp_path / "malo.json"
    ruta.write_text(json.dumps(datos), encoding="utf-8")
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta)
    assert error.value.codigo == "ARCHIVO_INVALIDO"
    assert isinstance(error.value, ErrorArchivo)
    r = str(ruta)
    assert codigos(error) == [
        f"{r}, unidad",
        f"{r}, metas[0].peso",
        f"{r}, metas[1].programacion.trimestres",
        f"{r}, metas[2].programacion.magnitud",
        f"{r}, metas[3].extra",
        f"{r}, metas[4].programacion.trimestres[1]",
        f"{r}, metas[5].entregables[1]",
        f"{r}, reportes[2].fecha_envio",
        f"{r}, reportes[3].evidencias",
        f"{r}, reportes[0].trimestre",
        f"{r}, reportes[1].codigo_meta",
    ]
    problemas = {p.ubicacion.removeprefix(f"{r}, "): p for p in error.value.problemas}
    assert problemas["metas[2].programacion.magnitud"] == Problema(
        f"{r}, metas[2].programacion.magnitud", "magnitud", "'abc' no es un número"
    )
    assert "coma decimal" in problemas["metas[4].programacion.trimestres[1]"].mensaje
    assert problemas["unidad"].mensaje == "falta este campo obligatorio"
    assert str(error.value).startswith(f"{r}: 11 problemas\n  - {r}, unidad: falta")


def test_json_errores_de_tipo_en_cada_objeto() -> None:
    datos: dict[str, Any] = {
        "formato": FORMATO_PLAN,
        "version": 1,
        "vigencia": "2025",
        "unidad": 3,
        "nivel": 1,
        "metas": [
            "no es objeto",
            {"codigo": " ", "descripcion": 1, "peso": [1], "programacion": "x",
             "transversal": "si", "proceso_lider": 2, "indicador": {"numerador": 1},
             "eliminada_desde": 2025, "nivel": "regional", "entregables": {}},
            {"codigo": "M3", "descripcion": "d", "peso": "101",
             "programacion": {"tipo": 1, "magnitud": {}, "trimestres": "1234",
                              "linea_base": "-1"}},
            {"codigo": "M4", "descripcion": "d", "peso": "1", "indicador": "x",
             "programacion": {"tipo": "suma", "magnitud": "1", "trimestres": [1, 1, 1, 1]}},
            {"codigo": "M5", "descripcion": "d", "peso": "1",
             "programacion": {"tipo": "suma", "magnitud": "1", "trimestres": [1, 1, [1], 1]},
             "eliminada_desde": "2025-T9"},
            {"codigo": "M6", "descripcion": "sin programación", "peso": "1"},
        ],
        "reportes": [
            {"codigo_meta": "M4", "trimestre": "2025-T1", "fecha_envio": 20250410,
             "avance_reportado": [1], "ejecucion": "NaN"},
            {"codigo_meta": "M4", "trimestre": 1},
            {"trimestre": "2025-T2"},
            "x",
        ],
        "modificaciones": [
            {"codigo_meta": "M9", "fecha_solicitud": "2025-01-01",
             "fecha_aprobacion": "2025-01-02", "efecto": "Marcar eliminada"},
            {"codigo_meta": "M4", "fecha_solicitud": "1/1/2025",
             "fecha_aprobacion": "2025-01-02", "efecto": "borrar", "revision_oap": "si"},
            {"codigo_meta": "M4", "fecha_solicitud": "2025-01-01",
             "fecha_aprobacion": "2025-01-02", "efecto": 3},
            7,
        ],
    }
    with pytest.raises(ErrorCarga) as error:
        plan_desde_dict(datos, origen="p")
    ubicaciones = codigos(error)
    esperadas = [
        "p, vigencia", "p, unidad", "p, nivel",
        "p, metas[0]",
        "p, metas[1].codigo", "p, metas[1].descripcion", "p, metas[1].peso",
        "p, metas[1].nivel", "p, metas[1].transversal", "p, metas[1].proceso_lider",
        "p, metas[1].eliminada_desde", "p, metas[1].programacion",
        "p, metas[1].entregables", "p, metas[1].indicador.nombre",
        "p, metas[1].indicador.numerador",
        "p, metas[2].peso", "p, metas[2].programacion.tipo",
        "p, metas[2].programacion.magnitud", "p, metas[2].programacion.linea_base",
        "p, metas[2].programacion.trimestres",
        "p, metas[3].indicador",
        "p, metas[4].eliminada_desde", "p, metas[5].programacion",
        "p, metas[4].programacion.trimestres[2]",
        "p, reportes[0].ejecucion", "p, reportes[0].fecha_envio",
        "p, reportes[0].avance_reportado",
        "p, reportes[1].trimestre", "p, reportes[2].codigo_meta", "p, reportes[3]",
        "p, modificaciones[1].fecha_solicitud", "p, modificaciones[1].efecto",
        "p, modificaciones[1].revision_oap", "p, modificaciones[2].efecto",
        "p, modificaciones[3]",
        "p, modificaciones[0].codigo_meta",
    ]
    assert sorted(ubicaciones) == sorted(esperadas)
    mensajes = {p.ubicacion: p.mensaje for p in error.value.problemas}
    assert mensajes["p, metas[1].indicador.nombre"] == "falta este campo obligatorio"
    assert "AAAA-MM-DD" in mensajes["p, modificaciones[1].fecha_solicitud"]
    assert "marcar_eliminada" in mensajes["p, modificaciones[1].efecto"]
    assert "supera 100" in mensajes["p, metas[2].peso"]


def test_json_reportes_repetidos_y_codigos_ambiguos() -> None:
    datos = plan_a_dict(plan_ejemplo())
    datos["metas"][1]["codigo"] = "M1"
    datos["reportes"].append(dict(datos["reportes"][-1]))
    with pytest.raises(ErrorCarga) as error:
        plan_desde_dict(datos)
    mensajes = [p.mensaje for p in error.value.problemas]
    assert any("repetido en el plan y el reporte es ambiguo" in m for m in mensajes)
    assert any("ya tiene un reporte para 2025-T4" in m for m in mensajes)


def test_json_listas_que_no_son_listas() -> None:
    datos = plan_a_dict(plan_ejemplo())
    datos["metas"] = {"M1": 1}
    datos["reportes"] = None
    datos["modificaciones"] = "x"
    with pytest.raises(ErrorCarga) as error:
        plan_desde_dict(datos)
    assert codigos(error) == ["<datos>, metas", "<datos>, reportes", "<datos>, modificaciones"]


def test_json_sin_metas() -> None:
    datos = plan_a_dict(plan_ejemplo())
    del datos["metas"]
    with pytest.raises(ErrorCarga) as error:
        plan_desde_dict(datos)
    assert codigos(error) == ["<datos>, metas"]


@pytest.mark.parametrize(
    ("texto", "fragmento"),
    [
        ("{", "línea 1, columna 2: se esperaba el nombre de un campo"),
        ('{"a": 1,,}', "columna 9"),
        ('{"formato": NaN}', "NaN no es un número válido"),
        ('{"a":' * 100_000 + "1" + "}" * 100_000, "JSON no admitido"),
        ('{"a": "sin cerrar', "un texto sin cerrar"),
        ('{"a": 1} x', "sobra texto"),
        ('{"a" 1}', "faltan los dos puntos"),
        ('{"a": 1 "b": 2}', "falta una coma"),
        ('{"a": [1, 2 3]}', "falta una coma"),
        ('{"a": -}', "se esperaba un valor"),
        ('{"a": "\\x"}', "Invalid \\escape"),
    ],
)
def test_json_mal_formado(texto: str, fragmento: str) -> None:
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(texto)
    assert error.value.codigo == "JSON_INVALIDO"
    assert fragmento in error.value.problemas[0].mensaje


@pytest.mark.parametrize(
    ("datos", "codigo"),
    [
        ([1, 2], "FORMATO_DESCONOCIDO"),
        ({"formato": "otro"}, "FORMATO_DESCONOCIDO"),
        ({"formato": FORMATO_PLAN}, "VERSION_NO_SOPORTADA"),
        ({"formato": FORMATO_PLAN, "version": 2}, "VERSION_NO_SOPORTADA"),
        ({"formato": FORMATO_PLAN, "version": True}, "VERSION_NO_SOPORTADA"),
    ],
)
def test_formato_y_version(datos: Any, codigo: str) -> None:
    with pytest.raises(ErrorCarga) as error:
        plan_desde_dict(datos)
    assert error.value.codigo == codigo
    with pytest.raises(ErrorCarga) as error:
        cargar_plan("{" + json.dumps(datos)[1:] if isinstance(datos, dict) else "{}")
    assert error.value.codigo in ("FORMATO_DESCONOCIDO", "VERSION_NO_SOPORTADA")


def test_json_raiz_que_no_es_objeto(tmp_path: Path) -> None:
    ruta = tmp_path / "lista.json"
    ruta.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta)
    assert error.value.codigo == "FORMATO_DESCONOCIDO"


# --- Hypothesis: ida y vuelta de planes generados -------------------------------------------------

_textos = st.text(st.characters(codec="utf-8"), max_size=12)
_unidades = _textos.filter(str.strip)
_decimales = st.decimals(min_value=0, max_value=10**6, places=6)
_opcionales = st.none() | _decimales


@st.composite
def planes(draw: st.DrawFn) -> PlanDeGestion:
    vigencia = draw(st.integers(2000, 2100))
    n = draw(st.integers(1, 4))
    metas = []
    reportes = []
    for i in range(n):
        codigo = f"M{i}"
        metas.append(
            Meta(
                codigo=codigo,
                descripcion=draw(_textos),
                programacion=Programacion(
                    draw(st.sampled_from(["suma", "constante", "creciente", "decreciente"])),
                    draw(_decimales),
                    draw(st.lists(_opcionales, min_size=4, max_size=4)),
                    linea_base=draw(_opcionales),
                ),
                peso=draw(st.decimals(min_value=0, max_value=100, places=6)),
                unidad=draw(_textos),
                nivel=draw(st.sampled_from(list(Nivel))),
                transversal=draw(st.booleans()),
                proceso_lider=draw(st.none() | _textos),
                entregables=draw(st.lists(_textos, max_size=2)),
                indicador=draw(st.none() | st.builds(Indicador, _textos, _textos, _textos,
                                                        _textos)),
                eliminada_desde=draw(st.none() | st.builds(Trimestre, st.just(vigencia),
                                                          st.integers(1, 4))),
            )
        )
        for k in draw(st.sets(st.integers(1, 4))):
            reportes.append(
                Reporte(
                    codigo_meta=codigo,
                    trimestre=Trimestre(vigencia, k),
                    ejecucion=draw(_opcionales),
                    numerador=draw(_opcionales),
                    denominador=draw(_opcionales),
                    analisis=draw(_textos),
                    fecha_envio=draw(st.none() | st.dates()),
                    avance_reportado=draw(st.none() | st.decimals(min_value=-10**6,
                                                                  max_value=10**6, places=6)),
                )
            )
    return PlanDeGestion(vigencia=vigencia, unidad=draw(_unidades),
                         nivel=draw(st.sampled_from(list(Nivel))), metas=metas,
                         reportes=reportes)


@given(planes())
def test_ida_y_vuelta_json_generada(plan: PlanDeGestion) -> None:
    assert cargar_plan(plan_a_json(plan)) == plan
    assert plan_desde_dict(json.loads(plan_a_json(plan))) == plan


@given(planes(), st.sampled_from([".", ","]))
def test_ida_y_vuelta_csv_generada(plan: PlanDeGestion, decimal: str) -> None:
    vuelta = cargar_csv(plan_a_csv(plan, decimal=decimal), decimal=decimal)
    assert (vuelta.vigencia, vuelta.unidad, vuelta.nivel) == (plan.vigencia, plan.unidad,
                                                              plan.nivel)
    for original, leida in zip(plan.metas, vuelta.metas, strict=True):
        assert leida.programacion == original.programacion
        assert leida.peso == original.peso
        assert leida.eliminada_desde == original.eliminada_desde
        assert vuelta.ejecuciones(leida.codigo) == plan.ejecuciones(original.codigo)


# --- CSV ------------------------------------------------------------------------------------------


def test_ida_y_vuelta_csv_del_ejemplo(tmp_path: Path) -> None:
    plan = plan_ejemplo()
    ruta = guardar_plan(plan, tmp_path / "plan.csv")
    vuelta = cargar_plan(ruta)
    assert vuelta.metas == plan.metas
    assert (vuelta.vigencia, vuelta.unidad, vuelta.nivel) == (2025, plan.unidad, plan.nivel)
    for meta in plan.metas:
        assert vuelta.ejecuciones(meta.codigo) == plan.ejecuciones(meta.codigo)
    assert ruta.read_text(encoding="utf-8").splitlines()[0] == ",".join(COLUMNAS_CSV)


def test_csv_completo_con_bom_punto_y_coma_y_coma_decimal(tmp_path: Path) -> None:
    plan = plan_completo()
    ruta = guardar_plan(plan, tmp_path / "excel.csv", decimal=",", bom=True)
    crudo = ruta.read_bytes()
    assert crudo.startswith(b"\xef\xbb\xbf")
    assert b";4,2E+2;" in crudo
    vuelta = cargar_csv(ruta, decimal=",")
    assert vuelta.metas[:2] == plan.metas[:2]
    assert vuelta.metas[-1].programacion == plan.metas[-1].programacion
    # Lo calculado con numerador/denominador viaja como ejecución.
    assert vuelta.ejecuciones("M7") == plan.ejecuciones("M7")
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(ruta)
    assert error.value.codigo == "ARCHIVO_INVALIDO"
    assert all("decimal=','" in p.mensaje for p in error.value.problemas)


def test_csv_con_bom_y_coma() -> None:
    texto = (
        "\ufeffvigencia,unidad_plan,codigo,descripcion,tipo,magnitud,t1,t2,t3,t4,peso\n"
        "2025,Suba,M1,Atender,suma,10,1,2,3,4,100\n"
    )
    plan = cargar_csv(texto)
    assert plan.vigencia == 2025
    assert plan.unidad == "Suba"
    assert plan.metas[0].programacion.trimestres == tuple(Decimal(i) for i in (1, 2, 3, 4))


def test_csv_excel_en_espanol(tmp_path: Path) -> None:
    ruta = tmp_path / "exportado.csv"
    ruta.write_bytes(
        (
            "\ufeffCódigo;Descripción;Tipo;Magnitud;Línea base;T1;T2;T3;T4;Ejecución T1;Peso;"
            "Unidad;Transversal;Entregables;Vigencia;Unidad plan;Nivel plan;Extra\r\n"
            "M1;Aumentar al 80 %;Creciente;80;40;50,5;60;70;80;52,25;60;%;Sí;Acta | Informe;"
            "2025;Alcaldía Local de Suba;Local;\r\n"
            ";;;;;;;;;;;;;;;;;\r\n"
            "M2;Realizar 4 mesas;Constante;4;;4;4;4;4;;40;mesas;no;;2025;Alcaldía Local de "
            "Suba;local;\r\n"
        ).encode()
    )
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta, decimal=",")
    assert codigos(error) == [f"{ruta}, fila 1, columna 18"]
    plan = cargar_plan(ruta, decimal=",", ignorar_columnas=True)
    m1, m2 = plan.metas
    assert plan.nivel is Nivel.LOCAL
    assert m1.nivel is Nivel.LOCAL
    assert m1.programacion.trimestres[0] == Decimal("50.5")
    assert m1.programacion.linea_base == Decimal(40)
    assert m1.transversal
    assert not m2.transversal
    assert m1.entregables == ("Acta", "Informe")
    assert plan.ejecuciones("M1") == (Decimal("52.25"), None, None, None)
    assert plan.reportes_de("M2") == ()


def test_csv_sin_decimal_coma_dice_que_opcion_usar() -> None:
    texto = f"{CABECERA}\nM1;Atender;suma;10;2,5;2,5;2,5;2,5;;;100\n"
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(texto, vigencia=2025, unidad="Suba")
    assert codigos(error) == [f"<texto>, fila 2, columna t{k}" for k in range(1, 5)]
    assert error.value.problemas[0].mensaje == (
        "'2,5' usa coma decimal; si el archivo viene de Excel en español, cárguelo con "
        "decimal=','"
    )
    plan = cargar_csv(texto, vigencia=2025, unidad="Suba", decimal=",")
    assert plan.metas[0].programacion.trimestres[0] == Decimal("2.5")


def test_csv_decimal_coma_rechaza_punto() -> None:
    texto = f"{CABECERA}\nM1;Atender;suma;1.000;250;250;250;250;;;100\n"
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(texto, vigencia=2025, unidad="Suba", decimal=",")
    assert "sin separador de miles" in error.value.problemas[0].mensaje


def test_csv_tabulador_y_delimitador_explicito() -> None:
    texto = CABECERA.replace(";", "\t") + "\nM1\tAtender\tsuma\t10\t1\t2\t3\t4\t1\t\t100\n"
    assert cargar_csv(texto, vigencia=2025, unidad="Suba").metas[0].codigo == "M1"
    texto = CABECERA.replace(";", ",") + "\nM1,Atender,suma,10,1,2,3,4,1,,100\n"
    plan = cargar_csv(texto, vigencia=2025, unidad="Suba", delimitador=",", nivel="local")
    assert plan.nivel is Nivel.LOCAL


def test_csv_con_decimal_coma_y_cabecera_sin_delimitador_usa_punto_y_coma() -> None:
    texto = "codigo\nM1\n"
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(texto, decimal=",")
    assert "falta la columna obligatoria 'descripcion'" in str(error.value)


def test_csv_todos_los_problemas_con_fila_y_columna(tmp_path: Path) -> None:
    ruta = tmp_path / "roto.csv"
    ruta.write_text(
        "vigencia;unidad_plan;nivel_plan;codigo;descripcion;tipo;magnitud;t1;t2;t3;t4;"
        "ejecucion_t1;peso;nivel;transversal;eliminada_desde;linea_base\n"
        "2025;Suba;local;M1;A;lineal;diez;1;2;3;4;;101;central;quizá;2025-T9;-1\n"
        "2024;Usme;central;;B;suma;10;1;2;3;4;x;10;regional;no;;\n"
        "abc;Suba;planeta;M3;C;suma;10;1;2;3;4;;10;;;;\n"
        "2025;Suba;local;M4;D;suma;10;1;2;3;4;1;10;;;;\n"
        "2025;Suba;local;M4;E;suma;10;1;2;3;4;;10;;;;\n",
        encoding="utf-8",
    )
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(ruta)
    r = str(ruta)
    assert codigos(error) == [
        f"{r}, fila 2, columna tipo",
        f"{r}, fila 2, columna magnitud",
        f"{r}, fila 2, columna linea_base",
        f"{r}, fila 2, columna peso",
        f"{r}, fila 2, columna transversal",
        f"{r}, fila 2, columna eliminada_desde",
        f"{r}, fila 3, columna codigo",
        f"{r}, fila 3, columna ejecucion_t1",
        f"{r}, fila 3, columna nivel",
        f"{r}, fila 4, columna vigencia",
        f"{r}, fila 4, columna nivel_plan",
        f"{r}, fila 3, columna vigencia",
        f"{r}, fila 3, columna unidad_plan",
        f"{r}, fila 3, columna nivel_plan",
        f"{r}, fila 5, columna codigo",
    ]
    mensajes = [p.mensaje for p in error.value.problemas]
    assert mensajes[-4] == "2024 difiere de 2025 (un archivo es un solo plan)"
    assert mensajes[-1] == (
        "el código 'M4' está repetido (filas 5, 6) y sus ejecuciones son ambiguas"
    )
    assert "debe ser si o no" in mensajes[4]


def test_csv_parametros_contra_columnas() -> None:
    texto = (
        "vigencia;unidad_plan;nivel_plan;" + CABECERA + "\n"
        "2024;Usme;central;M1;A;suma;10;1;2;3;4;;;10\n"
        "2025;Suba;local;M2;A;suma;10;1;2;3;4;;;10\n"
    )
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(texto, vigencia=2025, unidad="Suba", nivel="local")
    assert [p.mensaje for p in error.value.problemas] == [
        "2024 no coincide con el parámetro 2025",
        "'Usme' no coincide con el parámetro 'Suba'",
        "'central' no coincide con el parámetro 'local'",
    ]


def test_csv_columnas_desconocidas_repetidas_y_faltantes() -> None:
    texto = "codigo;Código;descripcion;observaciones;;peso\nM1;M1;A;x;;10\n"
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(texto)
    mensajes = [str(p) for p in error.value.problemas]
    assert mensajes[0] == "<texto>, fila 1, columna 2: la columna 'codigo' está repetida"
    assert mensajes[1].startswith("<texto>, fila 1, columna 4: columna desconocida "
                                  "'observaciones'; columnas válidas: vigencia,")
    faltantes = [p.campo for p in error.value.problemas[2:]]
    assert faltantes == ["tipo", "magnitud", "t1", "t2", "t3", "t4", "vigencia", "unidad_plan"]
    assert "(o el parámetro vigencia=)" in mensajes[-2]


def test_csv_ignorar_columnas_y_filas_cortas() -> None:
    texto = f"{CABECERA};observaciones\nM1;A;suma;10;1;2;3;4;;;10;nota\nM2;B;suma;10;1;2;3;4\n"
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(texto, vigencia=2025, unidad="Suba", ignorar_columnas=True)
    assert codigos(error) == ["<texto>, fila 3, columna peso"]
    assert error.value.problemas[0].mensaje == "falta el número (la celda está vacía)"
    plan = cargar_csv(texto.rsplit("M2", 1)[0], vigencia=2025, unidad="Suba",
                      ignorar_columnas=True, max_metas=1, decimal=".", delimitador=";")
    assert [m.codigo for m in plan.metas] == ["M1"]


def test_csv_sin_filas_sin_vigencia_y_vacio() -> None:
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(CABECERA + "\n")
    assert [p.campo for p in error.value.problemas] == ["vigencia", "unidad_plan"]
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(CABECERA + "\n", vigencia=2025, unidad="Suba")
    assert [p.mensaje for p in error.value.problemas] == ["el archivo no tiene ninguna meta"]
    texto = "vigencia;unidad_plan;" + CABECERA + "\n;;M1;A;suma;10;1;2;3;4;;;10\n"
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(texto)
    assert [p.mensaje for p in error.value.problemas] == [
        "ninguna fila tiene vigencia; llene la columna o use el parámetro",
        "ninguna fila tiene unidad_plan; llene la columna o use el parámetro",
    ]
    with pytest.raises(ErrorCarga) as error:
        cargar_csv("\n;;\ncodigo;x\n")
    assert [p.ubicacion for p in error.value.problemas][:2] == [
        "<texto>, fila 3, columna 2", "<texto>, fila 3"]
    with pytest.raises(ErrorCarga) as error:
        cargar_csv("\n;;\n")
    assert error.value.problemas[0].mensaje.startswith("el archivo está vacío")


def test_csv_indicador_parcial() -> None:
    texto = (
        CABECERA + ";indicador_numerador;proceso_lider\n"
        "M1;A;suma;10;1;2;3;4;;;10;Solicitudes atendidas;Gestión\n"
    )
    meta = cargar_csv(texto, vigencia=2025, unidad="Suba").metas[0]
    assert meta.indicador == Indicador(nombre="", numerador="Solicitudes atendidas")
    assert meta.proceso_lider == "Gestión"


def test_csv_mal_formado() -> None:
    texto = f'{CABECERA}\nM1;"A"x;suma;10;1;2;3;4;;;10\n'
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(texto, vigencia=2025, unidad="Suba")
    assert error.value.codigo == "CSV_INVALIDO"
    assert "fila 2" in error.value.problemas[0].mensaje


def test_csv_codigos_repetidos_sin_ejecuciones_se_cargan() -> None:
    texto = f"{CABECERA}\nM1;A;suma;10;1;2;3;4;;;10\nM1;B;suma;10;1;2;3;4;;;10\n"
    plan = cargar_csv(texto, vigencia=2025, unidad="Suba")
    assert [m.codigo for m in plan.metas] == ["M1", "M1"]
    # Al escribirlo, las ejecuciones de un código repetido quedan vacías (serían ambiguas).
    filas = list(csv.reader(io.StringIO(plan_a_csv(plan))))
    assert filas[1][12:16] == ["", "", "", ""]


def test_csv_codificacion_invalida(tmp_path: Path) -> None:
    ruta = tmp_path / "latin1.csv"
    ruta.write_bytes(f"{CABECERA}\nM1;Atención;suma;10;1;2;3;4;;;10\n".encode("latin-1"))
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta, vigencia=2025, unidad="Suba")
    assert error.value.codigo == "CODIFICACION_INVALIDA"
    assert "UTF-8" in error.value.problemas[0].mensaje


# --- Excel ----------------------------------------------------------------------------------------


def _libro(ruta: Path, filas: list[list[Any]], hoja: str = "Plan") -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    libro = openpyxl.Workbook()
    primera = libro.active
    primera.title = "Portada"
    primera.append(["no es el plan"])
    pagina = libro.create_sheet(hoja)
    for fila in filas:
        pagina.append(fila)
    libro.move_sheet(hoja, offset=-1)
    libro.save(ruta)
    return ruta


def test_xlsx_lectura(tmp_path: Path) -> None:
    ruta = _libro(
        tmp_path / "plan.xlsx",
        [
            ["Vigencia", "Unidad plan", "Código", "Descripción", "Tipo", "Magnitud", "T1", "T2",
             "T3", "T4", "Ejecución T1", "Peso", "Transversal", "Unidad"],
            [2025, "Suba", 101, "Atender", "suma", 100, 25, 25.5, "24,5", None, 20, 50, True,
             "solicitudes"],
            [None] * 14,
            [2025.0, "Suba", "M2", "Mantener", "constante", 95, 95, 95, 95, 95, None, 50, False,
             "%"],
        ],
    )
    plan = cargar_plan(ruta, decimal=",")
    assert plan.vigencia == 2025
    m1, m2 = plan.metas
    assert m1.codigo == "101"
    assert m1.programacion.trimestres == (Decimal(25), Decimal("25.5"), Decimal("24.5"), None)
    assert m1.transversal
    assert not m2.transversal
    assert plan.ejecuciones("101")[0] == Decimal(20)
    assert cargar_xlsx(ruta, hoja="Plan", decimal=",") == plan
    with pytest.raises(ErrorCarga) as error:
        cargar_xlsx(ruta, hoja="Otra")
    assert error.value.codigo == "EXCEL_INVALIDO"
    assert "hojas: Plan, Portada" in error.value.problemas[0].mensaje
    with pytest.raises(ErrorCarga) as error:
        cargar_xlsx(ruta)
    assert codigos(error) == [f"{ruta}, fila 2, columna t3"]


def test_xlsx_invalido(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    ruta = tmp_path / "roto.xlsx"
    ruta.write_bytes(b"PK esto no es un zip")
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta)
    assert error.value.codigo == "EXCEL_INVALIDO"
    # Un zip válido que no es un libro de Excel.
    import zipfile

    with zipfile.ZipFile(ruta, "w") as z:
        z.writestr("hola.txt", "hola")
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta)
    assert error.value.codigo == "EXCEL_INVALIDO"


def test_xlsx_bomba_zip(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    ruta = _libro(tmp_path / "grande.xlsx", [["codigo"]] + [["x" * 30_000]] * 40)
    tamano = ruta.stat().st_size
    with pytest.raises(ErrorCarga) as error:
        cargar_xlsx(ruta, max_bytes=tamano)
    assert error.value.codigo == "ARCHIVO_DEMASIADO_GRANDE"
    assert "descomprimido" in error.value.problemas[0].mensaje


def test_error_carga_se_puede_serializar() -> None:
    import pickle

    with pytest.raises(ErrorCarga) as error:
        cargar_plan("{}")
    copia = pickle.loads(pickle.dumps(error.value))
    assert copia.problemas == error.value.problemas
    assert (copia.codigo, str(copia)) == (error.value.codigo, str(error.value))


def test_xlsx_sin_openpyxl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    importar = builtins.__import__

    def sin_openpyxl(nombre: str, *args: Any, **kwargs: Any) -> Any:
        if nombre == "openpyxl":
            raise ImportError("No module named 'openpyxl'")
        return importar(nombre, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "openpyxl", raising=False)
    monkeypatch.setattr(builtins, "__import__", sin_openpyxl)
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(tmp_path / "plan.xlsx")
    assert error.value.codigo == "EXCEL_NO_DISPONIBLE"
    assert "pip install 'sdg-metas[excel]'" in str(error.value)


# --- Límites, rutas y opciones --------------------------------------------------------------------


def test_limite_de_bytes_antes_de_leer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ruta = guardar_plan(plan_ejemplo(), tmp_path / "plan.json")
    tamano = ruta.stat().st_size

    def prohibido(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("no debía abrirse")

    monkeypatch.setattr(Path, "open", prohibido)
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta, max_bytes=tamano - 1)
    assert error.value.codigo == "ARCHIVO_DEMASIADO_GRANDE"
    assert f"ocupa {tamano} bytes y el máximo es {tamano - 1}" in str(error.value)


def test_limite_de_bytes_si_el_archivo_crece(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    ruta = guardar_plan(plan_ejemplo(), tmp_path / "plan.csv")
    real = Path.stat

    class Diminuto:
        st_size = 1

    def stat(self: Path, *args: Any, **kwargs: Any) -> Any:
        return Diminuto() if self == ruta else real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta, max_bytes=100)
    assert "ocupa 101 bytes" in str(error.value)


def test_limite_de_bytes_de_texto() -> None:
    texto = plan_a_json(plan_ejemplo())
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(texto, max_bytes=len(texto) - 1)
    assert error.value.codigo == "ARCHIVO_DEMASIADO_GRANDE"
    # Contados en bytes UTF-8, no en caracteres.
    texto = CABECERA + "\nM1;ñññ;suma;10;1;2;3;4;;;10\n"
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(texto, max_bytes=len(texto) + 1)
    assert error.value.codigo == "ARCHIVO_DEMASIADO_GRANDE"


def test_limite_de_metas() -> None:
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(plan_a_json(plan_ejemplo()), max_metas=5)
    assert error.value.codigo == "DEMASIADAS_METAS"
    assert "6 metas y el máximo es 5" in str(error.value)
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(plan_a_csv(plan_ejemplo()), max_metas=5)
    assert error.value.codigo == "DEMASIADAS_METAS"
    assert len(cargar_csv(plan_a_csv(plan_ejemplo()), max_metas=6).metas) == 6


@pytest.mark.parametrize("valor", [0, -1, True, 1.5, "10"])
def test_limites_invalidos(valor: Any) -> None:
    with pytest.raises(ErrorArchivo) as error:
        cargar_plan("{}", max_bytes=valor)
    assert error.value.codigo == "LIMITE_INVALIDO"
    with pytest.raises(ErrorArchivo):
        plan_desde_dict({}, max_metas=valor)


def test_rutas_inexistentes_ilegibles_y_extensiones(tmp_path: Path) -> None:
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(tmp_path / "no.json")
    assert error.value.codigo == "ARCHIVO_NO_ENCONTRADO"
    ruta = tmp_path / "no.json"
    assert str(error.value) == f"{ruta}: 1 problema\n  - {ruta}: el archivo no existe"
    carpeta = tmp_path / "carpeta.csv"
    carpeta.mkdir()
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(carpeta)
    assert error.value.codigo == "ARCHIVO_ILEGIBLE"
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(str(tmp_path / ("x" * 300 + ".json")))
    assert error.value.codigo == "ARCHIVO_ILEGIBLE"
    with pytest.raises(ErrorCarga) as error:
        cargar_plan("plan.txt")
    assert error.value.codigo == "EXTENSION_DESCONOCIDA"


def test_opciones_invalidas() -> None:
    casos: list[dict[str, Any]] = [
        {"decimal": ";"}, {"delimitador": "|"}, {"delimitador": ",", "decimal": ","},
    ]
    for opciones in casos:
        with pytest.raises(ErrorArchivo) as error:
            cargar_csv("a\n", **opciones)
        assert error.value.codigo == "OPCION_INVALIDA"
        with pytest.raises(ErrorArchivo):
            plan_a_csv(plan_ejemplo(), **opciones)
    with pytest.raises(ErrorArchivo) as error:
        cargar_xlsx("plan.xlsx", decimal="x")
    assert error.value.codigo == "OPCION_INVALIDA"


def test_guardar_errores(tmp_path: Path) -> None:
    with pytest.raises(ErrorArchivo) as error:
        guardar_plan(plan_ejemplo(), tmp_path / "plan.xlsx")
    assert error.value.codigo == "EXTENSION_DESCONOCIDA"
    with pytest.raises(ErrorArchivo) as error:
        guardar_plan(plan_ejemplo(), tmp_path / "no-existe" / "plan.json")
    assert error.value.codigo == "ESCRITURA_FALLIDA"
    raro = attrs.evolve(plan_ejemplo(), unidad="\ud800")
    with pytest.raises(ErrorArchivo) as error:
        guardar_plan(raro, tmp_path / "plan.json")
    assert error.value.codigo == "ESCRITURA_FALLIDA"
    assert not (tmp_path / "plan.json.tmp").exists()
    for funcion in (plan_a_dict, plan_a_json, plan_a_csv):
        with pytest.raises(ErrorArchivo) as error:
            funcion("plan")  # type: ignore[arg-type]
        assert error.value.codigo == "TIPO_INVALIDO"


def test_guardar_reemplaza_sin_dejar_temporales(tmp_path: Path) -> None:
    ruta = tmp_path / "Plan.JSON"
    ruta.write_text("viejo", encoding="utf-8")
    assert guardar_plan(plan_ejemplo(), str(ruta)) == ruta
    assert cargar_plan(ruta) == plan_ejemplo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Plan.JSON"]


# --- Esquema JSON ---------------------------------------------------------------------------------


def _comprobar(instancia: Any, esquema: dict[str, Any], raiz: dict[str, Any], ruta: str,
               errores: list[str]) -> None:
    """Verificación mínima de un esquema: $ref, anyOf, type, const, enum, required,
    properties y additionalProperties (sin dependencia de jsonschema)."""
    if "$ref" in esquema:
        nombre = esquema["$ref"].removeprefix("#/$defs/")
        _comprobar(instancia, raiz["$defs"][nombre], raiz, ruta, errores)
    if "anyOf" in esquema:
        parciales = []
        for opcion in esquema["anyOf"]:
            propios: list[str] = []
            _comprobar(instancia, opcion, raiz, ruta, propios)
            parciales.append(propios)
        if all(parciales):
            errores.append(f"{ruta}: ninguna opción de anyOf")
    tipos = esquema.get("type")
    if tipos is not None:
        tipos = [tipos] if isinstance(tipos, str) else tipos
        python: dict[str, Any] = {
            "string": str, "number": (int, float), "integer": int, "boolean": bool,
            "null": type(None), "array": list, "object": dict,
        }
        if not any(isinstance(instancia, python[t]) for t in tipos) or (
            isinstance(instancia, bool) and "boolean" not in tipos
        ):
            errores.append(f"{ruta}: tipo {type(instancia).__name__} no es {tipos}")
    if "const" in esquema and instancia != esquema["const"]:
        errores.append(f"{ruta}: {instancia!r} != {esquema['const']!r}")
    if "enum" in esquema and instancia not in esquema["enum"]:
        errores.append(f"{ruta}: {instancia!r} no está en {esquema['enum']}")
    if isinstance(instancia, dict):
        for clave in esquema.get("required", []):
            if clave not in instancia:
                errores.append(f"{ruta}: falta {clave}")
        propiedades = esquema.get("properties", {})
        for clave, valor in instancia.items():
            if clave in propiedades:
                _comprobar(valor, propiedades[clave], raiz, f"{ruta}.{clave}", errores)
            elif esquema.get("additionalProperties") is False:
                errores.append(f"{ruta}: sobra {clave}")
    if isinstance(instancia, list) and "items" in esquema:
        for i, valor in enumerate(instancia):
            _comprobar(valor, esquema["items"], raiz, f"{ruta}[{i}]", errores)


def test_esquema_viaja_en_el_paquete_y_describe_el_formato() -> None:
    recurso = resources.files("sdg_metas").joinpath("esquemas/plan.schema.json")
    assert recurso.is_file()
    esquema = esquema_plan()
    assert esquema == json.loads(recurso.read_text(encoding="utf-8"))
    assert esquema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for plan in (plan_ejemplo(), plan_completo()):
        datos = plan_a_dict(plan)
        assert set(esquema["required"]) <= set(datos)
        assert set(datos) == set(esquema["properties"])
        errores: list[str] = []
        _comprobar(datos, esquema, esquema, "$", errores)
        assert errores == []
    # Cada objeto del esquema nombra exactamente los campos que escribe plan_a_dict.
    datos = plan_a_dict(plan_completo())
    definiciones = esquema["$defs"]
    assert set(definiciones["meta"]["properties"]) == set(datos["metas"][0])
    assert set(definiciones["programacion"]["properties"]) == set(
        datos["metas"][0]["programacion"])
    assert set(definiciones["indicador"]["properties"]) == set(datos["metas"][0]["indicador"])
    assert set(definiciones["reporte"]["properties"]) == set(datos["reportes"][0])
    assert set(definiciones["modificacion"]["properties"]) == set(datos["modificaciones"][0])


def test_el_comprobador_del_esquema_detecta_errores() -> None:
    esquema = esquema_plan()
    datos = plan_a_dict(plan_ejemplo())
    datos["sobra"] = 1
    datos["version"] = 2
    datos["metas"][0]["transversal"] = "si"
    datos["metas"][0]["nivel"] = "regional"
    del datos["metas"][0]["peso"]
    datos["metas"][1]["indicador"] = 3
    datos["vigencia"] = True
    errores: list[str] = []
    _comprobar(datos, esquema, esquema, "$", errores)
    assert len(errores) == 7


def test_celdas_numericas_enteras_de_excel() -> None:
    from sdg_metas.archivos import _texto_celda

    assert (_texto_celda(2025.0), _texto_celda(2.5), _texto_celda(7), _texto_celda(None)) == (
        "2025", "2.5", "7", "")


def test_columnas_obligatorias_son_columnas() -> None:
    assert set(COLUMNAS_OBLIGATORIAS_CSV) <= set(COLUMNAS_CSV)
    assert len(set(COLUMNAS_CSV)) == len(COLUMNAS_CSV)


# --- Solicitudes de modificación ---------------------------------------------------------------


def _plan_local() -> PlanDeGestion:
    from sdg_metas import Indicador

    meta = Meta(codigo="L-03", descripcion="Realizar 40 operativos de control", peso=100,
                programacion=Programacion("suma", 40, [10, 10, 10, 10]), unidad="operativos",
                nivel="local", dependencia_orientadora="Dirección para la Gestión Policiva",
                entregables=["Actas de operativos"],
                indicador=Indicador("Operativos", "Operativos realizados",
                                    "Operativos programados"))
    reporte = Reporte(codigo_meta="L-03", trimestre=Trimestre(2025, 1), ejecucion=10,
                      analisis="Se hicieron los 10", evidencias=["actas.pdf"],
                      fecha_envio=datetime.date(2025, 4, 10))
    return PlanDeGestion(vigencia=2025, unidad="Alcaldía Local de Usme", nivel="local",
                         metas=[meta], reportes=[reporte])


SOLICITUD_LOCAL = {
    "formato": "sdg_metas/solicitud", "version": 1, "codigo_meta": "L-03",
    "fecha": "2025-04-15", "solicitante": "alcalde_local", "medio": "memorando",
    "destinatario": "jefe_oap",
    "justificacion": "El operativo de julio se traslada a octubre por la temporada de lluvias",
    "propuesta": {"codigo": "L-03", "descripcion": "Realizar 40 operativos de control",
                  "peso": "100", "unidad": "operativos", "nivel": "local",
                  "dependencia_orientadora": "Dirección para la Gestión Policiva",
                  "entregables": ["Actas de operativos"],
                  "indicador": {"nombre": "Operativos", "numerador": "Operativos realizados",
                                "denominador": "Operativos programados"},
                  "programacion": {"tipo": "suma", "magnitud": "40",
                                   "trimestres": ["10", "10", "5", "15"]}},
    "conceptos": [{"instancia": "direccion_gestion_policiva", "favorable": True,
                   "medio": "correo_electronico", "fecha": "2025-04-10"}],
}


def test_solicitud_ida_y_vuelta(tmp_path: Path) -> None:
    from sdg_metas.archivos import cargar_solicitud, solicitud_a_dict
    from sdg_metas.modificaciones import Elegibilidad, evaluar_solicitud

    plan = _plan_local()
    solicitud = cargar_solicitud(json.dumps(SOLICITUD_LOCAL), plan)
    assert solicitud.trimestres_reportados == frozenset({1})
    assert solicitud.modificaciones_previas == 0
    assert solicitud.propuesta is not None
    assert solicitud.propuesta.programacion.trimestres[2] == Decimal(5)
    # Cambia T3 y T4, sin corte ni reporte; la Dirección dio concepto favorable: elegible.
    assert evaluar_solicitud(solicitud).elegibilidad is Elegibilidad.ELEGIBLE
    ruta = tmp_path / "solicitud.json"
    ruta.write_text(json.dumps(solicitud_a_dict(solicitud)), encoding="utf-8")
    assert cargar_solicitud(ruta, plan) == solicitud
    assert solicitud_a_dict(solicitud)["conceptos"] == SOLICITUD_LOCAL["conceptos"]


def test_solicitud_con_todos_sus_problemas() -> None:
    from sdg_metas.archivos import ErrorCarga, cargar_solicitud

    mala = dict(SOLICITUD_LOCAL, codigo_meta="X-9", solicitante="concejal", fecha="15/04/2025",
                conceptos=[{"instancia": "direccion_gestion_policiva", "medio": "memorando",
                            "fecha": "2025-04-10"}], eliminar="si")
    with pytest.raises(ErrorCarga) as e:
        cargar_solicitud(json.dumps(mala), _plan_local())
    ubicaciones = sorted(p.ubicacion for p in e.value.problemas)
    assert ubicaciones == [
        "<texto>, codigo_meta", "<texto>, conceptos[0].favorable", "<texto>, eliminar",
        "<texto>, fecha", "<texto>, solicitante",
    ]
    assert e.value.codigo == "ARCHIVO_INVALIDO"


def test_solicitud_inconsistente_es_un_problema_del_archivo() -> None:
    from sdg_metas.archivos import ErrorCarga, cargar_solicitud

    with pytest.raises(ErrorCarga) as e:
        cargar_solicitud(json.dumps(dict(SOLICITUD_LOCAL, eliminar=True)), _plan_local())
    assert len(e.value.problemas) == 1
    assert "propuesta" in str(e.value)


@pytest.mark.parametrize(
    ("texto", "codigo"),
    [
        ('{"formato": "sdg_metas/plan", "version": 1}', "FORMATO_DESCONOCIDO"),
        ('{"formato": "sdg_metas/solicitud", "version": 2}', "VERSION_NO_SOPORTADA"),
        ('{"formato": "sdg_metas/solicitud", "version": 1,', "JSON_INVALIDO"),
        ("[1, 2]", "FORMATO_DESCONOCIDO"),
    ],
)
def test_solicitud_rechazos(texto: str, codigo: str, tmp_path: Path) -> None:
    from sdg_metas.archivos import ErrorCarga, cargar_solicitud

    ruta = tmp_path / "s.json"
    ruta.write_text(texto, encoding="utf-8")
    with pytest.raises(ErrorCarga) as e:
        cargar_solicitud(ruta, _plan_local())
    assert e.value.codigo == codigo


def test_solicitud_tipos_invalidos() -> None:
    from sdg_metas.archivos import cargar_solicitud, solicitud_a_dict

    with pytest.raises(ErrorArchivo) as e:
        cargar_solicitud(json.dumps(SOLICITUD_LOCAL), "plan.json")  # type: ignore[arg-type]
    assert e.value.codigo == "TIPO_INVALIDO"
    with pytest.raises(ErrorArchivo) as e:
        solicitud_a_dict({"codigo_meta": "L-03"})
    assert e.value.campo == "solicitud"
