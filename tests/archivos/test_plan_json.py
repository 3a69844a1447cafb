"""Pruebas de ``sdg_metas.archivos._plan_json``: el formato JSON (versiones 1 y 2), sus
problemas y su esquema."""


from __future__ import annotations

import datetime
import json
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

from sdg_metas.archivos import (
    FORMATO_PLAN,
    VERSION_PLAN,
    ErrorCarga,
    Problema,
    cargar_plan,
    esquema_plan,
    guardar_plan,
    plan_a_dict,
    plan_a_json,
    plan_desde_dict,
)
from sdg_metas.ejemplos import plan_ejemplo
from sdg_metas.errores import ErrorArchivo
from sdg_metas.modelo import Efecto, Nivel, PlanDeGestion, RegistroModificacion

from .comun import codigos, plan_completo, planes


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
        "solo_aumento": False,
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


#: Un plan con un error de tipo en cada clase de objeto.
ERRORES_DE_TIPO: dict[str, Any] = {
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


def test_json_errores_de_tipo_en_cada_objeto() -> None:
    datos = ERRORES_DE_TIPO
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
    ("datos", "codigo"),
    [
        ([1, 2], "FORMATO_DESCONOCIDO"),
        ({"formato": "otro"}, "FORMATO_DESCONOCIDO"),
        ({"formato": FORMATO_PLAN}, "VERSION_NO_SOPORTADA"),
        ({"formato": FORMATO_PLAN, "version": 3}, "VERSION_NO_SOPORTADA"),
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


@given(planes())
def test_ida_y_vuelta_json_generada(plan: PlanDeGestion) -> None:
    assert cargar_plan(plan_a_json(plan)) == plan
    assert plan_desde_dict(json.loads(plan_a_json(plan))) == plan


_PYTHON: dict[str, Any] = {
    "string": str, "number": (int, float), "integer": int, "boolean": bool,
    "null": type(None), "array": list, "object": dict,
}


def _comprobar_anyof(instancia: Any, esquema: dict[str, Any], raiz: dict[str, Any], ruta: str,
                     errores: list[str]) -> None:
    parciales = []
    for opcion in esquema["anyOf"]:
        propios: list[str] = []
        _comprobar(instancia, opcion, raiz, ruta, propios)
        parciales.append(propios)
    if all(parciales):
        errores.append(f"{ruta}: ninguna opción de anyOf")


def _comprobar_tipo(instancia: Any, tipos: str | list[str], ruta: str,
                    errores: list[str]) -> None:
    tipos = [tipos] if isinstance(tipos, str) else tipos
    if not any(isinstance(instancia, _PYTHON[t]) for t in tipos) or (
        isinstance(instancia, bool) and "boolean" not in tipos
    ):
        errores.append(f"{ruta}: tipo {type(instancia).__name__} no es {tipos}")


def _comprobar_objeto(instancia: dict[str, Any], esquema: dict[str, Any], raiz: dict[str, Any],
                      ruta: str, errores: list[str]) -> None:
    for clave in esquema.get("required", []):
        if clave not in instancia:
            errores.append(f"{ruta}: falta {clave}")
    propiedades = esquema.get("properties", {})
    for clave, valor in instancia.items():
        if clave in propiedades:
            _comprobar(valor, propiedades[clave], raiz, f"{ruta}.{clave}", errores)
        elif esquema.get("additionalProperties") is False:
            errores.append(f"{ruta}: sobra {clave}")


def _comprobar(instancia: Any, esquema: dict[str, Any], raiz: dict[str, Any], ruta: str,
               errores: list[str]) -> None:
    """Verificación mínima de un esquema: $ref, anyOf, type, const, enum, required,
    properties y additionalProperties (sin dependencia de jsonschema)."""
    if "$ref" in esquema:
        nombre = esquema["$ref"].removeprefix("#/$defs/")
        _comprobar(instancia, raiz["$defs"][nombre], raiz, ruta, errores)
    if "anyOf" in esquema:
        _comprobar_anyof(instancia, esquema, raiz, ruta, errores)
    if esquema.get("type") is not None:
        _comprobar_tipo(instancia, esquema["type"], ruta, errores)
    if "const" in esquema and instancia != esquema["const"]:
        errores.append(f"{ruta}: {instancia!r} != {esquema['const']!r}")
    if "enum" in esquema and instancia not in esquema["enum"]:
        errores.append(f"{ruta}: {instancia!r} no está en {esquema['enum']}")
    if isinstance(instancia, dict):
        _comprobar_objeto(instancia, esquema, raiz, ruta, errores)
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
    datos["version"] = 3
    datos["metas"][0]["transversal"] = "si"
    datos["metas"][0]["nivel"] = "regional"
    del datos["metas"][0]["peso"]
    datos["metas"][1]["indicador"] = 3
    datos["vigencia"] = True
    errores: list[str] = []
    _comprobar(datos, esquema, esquema, "$", errores)
    assert len(errores) == 7


# --- Versión 2 (solo_aumento) y lectura de la versión 1 ------------------------------------------


def _con_aumento() -> PlanDeGestion:
    plan = plan_completo()
    aumento = RegistroModificacion(
        codigo_meta="M2",
        fecha_solicitud=datetime.date(2025, 5, 2),
        fecha_aprobacion=datetime.date(2025, 5, 9),
        efecto=Efecto.MODIFICAR,
        descripcion="Más solicitudes por atender",
        solo_aumento=True,
    )
    return attrs.evolve(plan, modificaciones=[*plan.modificaciones, aumento])


def test_version_2_ida_y_vuelta_con_solo_aumento() -> None:
    plan = _con_aumento()
    datos = plan_a_dict(plan)
    assert datos["version"] == VERSION_PLAN == 2
    assert [m["solo_aumento"] for m in datos["modificaciones"]] == [False, False, True]
    assert plan_desde_dict(datos) == plan
    assert cargar_plan(plan_a_json(plan)) == plan
    # En la versión 2 el campo se escribe siempre; si falta al leer, es False.
    del datos["modificaciones"][2]["solo_aumento"]
    assert plan_desde_dict(datos).modificaciones[2].solo_aumento is False


def test_version_1_deduce_solo_aumento_de_la_descripcion() -> None:
    datos = plan_a_dict(_con_aumento())
    datos["version"] = 1
    for registro in datos["modificaciones"]:
        del registro["solo_aumento"]
    datos["modificaciones"][2]["descripcion"] = "Aumento de magnitud (MOD-07): de 10 a 12"
    datos["modificaciones"][1]["descripcion"] = "Ajuste de trimestres. Aumento de magnitud (MOD-07)"
    plan = plan_desde_dict(datos)
    assert [m.solo_aumento for m in plan.modificaciones] == [False, False, True]
    # La descripción se conserva tal cual.
    assert plan.modificaciones[2].descripcion == "Aumento de magnitud (MOD-07): de 10 a 12"
    # Un archivo de versión 1 que ya trae el campo se lee con el valor escrito.
    datos["modificaciones"][0]["solo_aumento"] = True
    assert plan_desde_dict(datos).modificaciones[0].solo_aumento is True


def test_version_1_del_ejemplo_se_sigue_leyendo(tmp_path: Path) -> None:
    datos = plan_a_dict(plan_completo())
    datos["version"] = 1
    for registro in datos["modificaciones"]:
        del registro["solo_aumento"]
    ruta = tmp_path / "v1.json"
    ruta.write_text(json.dumps(datos), encoding="utf-8")
    assert cargar_plan(ruta) == plan_completo()
    errores: list[str] = []
    esquema = esquema_plan()
    _comprobar(datos, esquema, esquema, "$", errores)
    assert errores == []


def test_esquema_describe_las_dos_versiones() -> None:
    esquema = esquema_plan()
    assert esquema["properties"]["version"]["enum"] == [1, 2]
    assert esquema["if"] == {"properties": {"version": {"const": 2}}}
    assert esquema["then"]["properties"]["modificaciones"]["items"]["required"] == [
        "solo_aumento"
    ]
    assert esquema["$defs"]["modificacion"]["properties"]["solo_aumento"]["type"] == "boolean"


# --- Las invariantes del plan vienen del modelo, con su ubicación en el archivo -------------------


def test_invariantes_del_plan_con_ubicacion_del_archivo() -> None:
    datos = plan_a_dict(plan_ejemplo())
    # Un reporte ilegible antes de los demás no corre las posiciones de los siguientes.
    datos["reportes"].insert(0, {"codigo_meta": "M1"})
    datos["reportes"].append(dict(datos["reportes"][-1]))
    # Una meta con problemas sigue contando como meta del plan para las referencias.
    datos["metas"][0]["peso"] = "150"
    datos["modificaciones"] = [
        {"codigo_meta": "M9", "fecha_solicitud": "2025-01-01", "fecha_aprobacion": "2025-01-02",
         "efecto": "modificar"},
    ]
    with pytest.raises(ErrorCarga) as error:
        plan_desde_dict(datos)
    ultimo = len(datos["reportes"]) - 1
    assert codigos(error) == [
        "<datos>, metas[0].peso",
        "<datos>, reportes[0].trimestre",
        f"<datos>, reportes[{ultimo}]",
        "<datos>, modificaciones[0].codigo_meta",
    ]
    problemas = error.value.problemas
    assert problemas[0].mensaje == "150 supera 100; el peso de una meta es un porcentaje del plan"
    assert problemas[2].mensaje.startswith("la meta 'M6' ya tiene un reporte para 2025-T")
    assert problemas[3] == Problema("<datos>, modificaciones[0].codigo_meta", "codigo_meta",
                                    "'M9' no es una meta del plan")


def test_sin_vigencia_no_se_juzga_la_vigencia_de_los_reportes() -> None:
    datos = plan_a_dict(plan_ejemplo())
    datos["vigencia"] = "2025"
    with pytest.raises(ErrorCarga) as error:
        plan_desde_dict(datos)
    assert codigos(error) == ["<datos>, vigencia"]
