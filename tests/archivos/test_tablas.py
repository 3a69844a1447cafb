"""Pruebas de ``sdg_metas.archivos._tablas``: escribir y cargar CSV y Excel."""


from __future__ import annotations

import builtins
import csv
import io
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdg_metas.archivos import (
    COLUMNAS_METAS,
    ErrorCarga,
    cargar_csv,
    cargar_plan,
    cargar_xlsx,
    guardar_plan,
    plan_a_csv,
)
from sdg_metas.ejemplos import plan_ejemplo
from sdg_metas.errores import ErrorArchivo
from sdg_metas.modelo import (
    Nivel,
    PlanDeGestion,
)

from .comun import CABECERA, _libro, codigos, plan_completo, planes


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


def test_ida_y_vuelta_csv_del_ejemplo(tmp_path: Path) -> None:
    plan = plan_ejemplo()
    ruta = guardar_plan(plan, tmp_path / "plan.csv")
    # Issue 14: el CSV es la forma de tres tablas y lleva el plan entero.
    assert cargar_plan(ruta) == plan
    assert ruta.read_text(encoding="utf-8").splitlines()[0] == ",".join(COLUMNAS_METAS)
    # Sin las tablas hermanas, plan.csv solo tiene las metas (sin reportes).
    (tmp_path / "plan.reportes.csv").unlink()
    assert cargar_plan(ruta).metas == plan.metas
    assert cargar_plan(ruta).reportes == ()


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


def test_csv_con_linea_sep_de_excel(tmp_path: Path) -> None:
    """Excel escribe y respeta una primera línea «sep=;»: la biblioteca la lee como el
    delimitador y la salta, en los tres archivos del plan; las filas conservan su número."""
    plan = plan_completo()
    ruta = guardar_plan(plan, tmp_path / "plan.csv", decimal=",", bom=True)
    for archivo in (ruta, *(tmp_path / f"plan.{h}.csv" for h in ("reportes", "modificaciones"))):
        crudo = archivo.read_bytes()
        archivo.write_bytes(b"\xef\xbb\xbfsep=;\r\n" + crudo.removeprefix(b"\xef\xbb\xbf"))
    assert cargar_csv(ruta, decimal=",") == plan
    # «SEP=,» con coma decimal no; con punto, sí; y con tabulador.
    texto = CABECERA.replace(";", ",") + "\nM1,Atender,suma,10,1,2,3,4,1,,100\n"
    assert cargar_csv("SEP=,\n" + texto, vigencia=2025, unidad="Suba").metas[0].codigo == "M1"
    texto = CABECERA.replace(";", "\t") + "\nM1\tAtender\tsuma\t10\t1\t2\t3\t4\t1\t\t100\n"
    assert cargar_csv("sep=\t\n" + texto, vigencia=2025, unidad="Suba").metas[0].peso == 100
    # Una cifra mala en la primera meta está en la fila 3 del archivo (1: sep, 2: encabezados).
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(f"sep=;\n{CABECERA}\nM1;Atender;suma;diez;1;2;3;4;;;100\n", vigencia=2025,
                   unidad="Suba")
    assert error.value.problemas[0].ubicacion == "<texto>, fila 3, columna magnitud"


@pytest.mark.parametrize(("primera", "opciones", "mensaje"), [
    ("sep=,", {"decimal": ","}, ("la primera línea dice «sep=,» y los números se leen con "
     "decimal=','; con coma decimal el delimitador es ';'")),
    ("sep=|", {}, ("la primera línea dice «sep=|»: el delimitador debe ser ',', ';' o un "
     "tabulador")),
    ("sep=;", {"delimitador": ","}, ("la primera línea dice «sep=;» y se pidió delimitador=','; "
     "quite una de las dos")),
    ("sep=\t", {"delimitador": ";"}, ("la primera línea dice «sep=tabulador» y se pidió "
     "delimitador=';'; quite una de las dos")),
])
def test_csv_con_linea_sep_contradictoria(primera: str, opciones: dict[str, str],
                                          mensaje: str) -> None:
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(f"{primera}\n{CABECERA}\nM1;Atender;suma;10;1;2;3;4;;;100\n",
                   vigencia=2025, unidad="Suba", **opciones)  # type: ignore[arg-type]
    assert error.value.codigo == "CSV_INVALIDO"
    assert [p.mensaje for p in error.value.problemas] == [mensaje]


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
    # Issue 14: «Locations use Excel letters (`hoja reportes, celda F12`)».
    assert codigos(error) == [f"{ruta}, hoja Plan, celda I2, columna t3"]


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


# --- fila_encabezado: títulos encima de la tabla (issue 14) ----------------------------------

_TITULOS = [
    ["SECRETARÍA DISTRITAL DE GOBIERNO"],
    ["PLE-PIN-F017 Formulación y seguimiento planes de gestión nivel central"],
]
_ENCABEZADOS = ["vigencia", "unidad_plan", "codigo", "descripcion", "tipo", "magnitud",
                "t1", "t2", "t3", "t4", "peso"]
_META = [2025, "Proceso de prueba", "M1", "Atender 40 solicitudes", "suma", 40,
         10, 10, 10, 10, 100]


def test_fila_encabezado_en_csv() -> None:
    """Un formato con dos filas de título: la tabla empieza en la fila 3. Sin la opción, los
    títulos se toman por encabezados y el archivo no carga; con ``fila_encabezado=3`` sí, y
    las ubicaciones siguen siendo las filas del archivo."""
    texto = "\n".join(
        ";".join(str(c) for c in fila) for fila in [*_TITULOS, _ENCABEZADOS, _META]
    ) + "\n"
    with pytest.raises(ErrorCarga):
        cargar_csv(texto)
    plan = cargar_csv(texto, fila_encabezado=3)
    assert [m.codigo for m in plan.metas] == ["M1"]
    assert plan.metas[0].programacion.magnitud == Decimal(40)
    malo = texto.replace(";suma;", ";lineal;")
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(malo, fila_encabezado=3)
    assert "fila 4" in str(error.value)
    with pytest.raises(ErrorArchivo) as invalido:
        cargar_csv(texto, fila_encabezado=0)
    assert invalido.value.codigo == "LIMITE_INVALIDO"


def test_fila_encabezado_en_excel(tmp_path: Path) -> None:
    ruta = _libro(tmp_path / "f017.xlsx", [*_TITULOS, _ENCABEZADOS, _META])
    with pytest.raises(ErrorCarga):
        cargar_plan(ruta, hoja="Plan")
    plan = cargar_plan(ruta, hoja="Plan", fila_encabezado=3)
    assert (plan.unidad, [m.codigo for m in plan.metas]) == ("Proceso de prueba", ["M1"])


# --- issue 13: la API bajo argumentos hostiles ------------------------------------------------

_CSV_HOSTIL = (
    "vigencia;unidad_plan;codigo;descripcion;tipo;magnitud;t1;t2;t3;t4;peso\n"
    "2025;Suba;M1;Atender 40 solicitudes;suma;40;10;10;10;10;100\n"
)


def test_parametros_de_cargar_csv_se_validan_antes_de_leer() -> None:
    """Antes: ``vigencia=Decimal("sNaN")`` era un ``InvalidOperation`` al compararla con la
    columna, ``fila_encabezado="2"`` un ``TypeError`` y ``limites=True`` un ``AttributeError``;
    ``vigencia=object()`` daba un problema que mostraba ``<object object at 0x…>``."""
    from sdg_metas import ErrorSdgMetas
    from sdg_metas.archivos import cargar_csv

    casos: list[tuple[dict[str, Any], str, str]] = [
        ({"vigencia": Decimal("sNaN")}, "TIPO_INVALIDO",
         "vigencia: sNaN debe ser un año (int) o quedar vacío"),
        ({"vigencia": object()}, "TIPO_INVALIDO",
         "vigencia: un valor de tipo object debe ser un año (int) o quedar vacío"),
        ({"unidad": 3}, "TIPO_INVALIDO", "unidad: 3 debe ser un texto (o quedar vacío)"),
        ({"fila_encabezado": "2"}, "LIMITE_INVALIDO",
         "fila_encabezado: '2' debe ser un entero mayor que 0"),
        ({"limites": True}, "LIMITE_INVALIDO", "limites: True debe ser un Limites"),
    ]
    for opciones, codigo, mensaje in casos:
        with pytest.raises(ErrorSdgMetas) as error:
            cargar_csv(_CSV_HOSTIL, **opciones)
        assert (error.value.codigo, str(error.value)) == (codigo, mensaje)
    assert cargar_csv(_CSV_HOSTIL, vigencia=2025, fila_encabezado=1).vigencia == 2025


def test_celdas_exigen_un_texto() -> None:
    """Antes ``neutralizar_celda(None)`` era un ``AttributeError`` y ``restaurar_celda(3)``,
    ``escapar_xlsx(3)`` un ``TypeError``."""
    from sdg_metas import TipoInvalido
    from sdg_metas.archivos import escapar_xlsx, neutralizar_celda, restaurar_celda

    for funcion, valor, mostrado in ((neutralizar_celda, None, "vacío"),
                                     (restaurar_celda, 3, "3"), (escapar_xlsx, b"x", "b'x'")):
        with pytest.raises(TipoInvalido) as error:
            funcion(valor)
        assert str(error.value) == f"texto: {mostrado} debe ser un texto"
