"""Cada comando en cada formato (issue 14, «Results where people read them»): tabla, JSON
(validado contra ``esquemas/resultados.schema.json``), CSV (también para Excel en español) y
libro de Excel leído de vuelta con openpyxl."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from archivos.test_plan_json import _comprobar
from cli.comun import comandos, correr, escribir_ejemplos, esquema_resultados

openpyxl = pytest.importorskip("openpyxl")

COMANDOS = ("demo", "plazos", "evaluar", "validar", "modificacion", "consolidar", "ranking",
            "informe")
#: Código de salida de cada comando con los archivos de ejemplo: el plan de ejemplo tiene
#: hallazgos de severidad error (validar sale con 1).
CODIGO = {"validar": 1}
#: La tabla de cada comando en el JSON (y la primera hoja del libro).
TABLA = {"demo": "metas", "plazos": "plazos", "evaluar": "metas", "validar": "hallazgos",
         "modificacion": "motivos", "consolidar": "filas", "ranking": "ranking",
         "informe": "informe"}


@pytest.fixture(scope="module")
def argv(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    return comandos(escribir_ejemplos(tmp_path_factory.mktemp("ejemplos")))


@pytest.mark.parametrize("comando", COMANDOS)
def test_tabla(comando: str, argv: dict[str, list[str]]) -> None:
    codigo, texto = correr(*argv[comando])
    assert codigo == CODIGO.get(comando, 0)
    assert texto.strip()
    assert "None" not in texto
    assert "True" not in texto
    assert "False" not in texto
    assert "Decimal(" not in texto


@pytest.mark.parametrize("comando", COMANDOS)
def test_json_cumple_el_esquema(comando: str, argv: dict[str, list[str]]) -> None:
    codigo, texto = correr(*argv[comando], "--formato", "json")
    assert codigo == CODIGO.get(comando, 0)
    datos = json.loads(texto)
    assert datos["formato"] == "sdg_metas/resultados"
    assert datos["comando"] == comando
    assert datos[TABLA[comando]]
    esquema = esquema_resultados()
    errores: list[str] = []
    _comprobar(datos, esquema, esquema, "$", errores)
    assert errores == []
    # las cifras son exactas (texto de un Decimal), no redondeadas para presentar
    for fila in datos[TABLA[comando]]:
        for columna, valor in fila.items():
            if columna.endswith("_pct") and valor is not None:
                Decimal(valor)


def test_json_guarda_las_cifras_exactas(argv: dict[str, list[str]]) -> None:
    """M2 al T1: ejecutó 96 de 95 programados (docs/consolidacion.md): 96 / 95 = 101,0526… %.
    El JSON guarda sin perder un dígito lo que trae la fila; ``cumplimiento_pct`` ya viene de
    ``filas()`` redondeado a dos decimales (101.05), y así lo escribe (h19: la docstring decía
    «la razón exacta», que no es lo que se comprueba)."""
    datos = json.loads(correr(*argv["demo"], "--formato", "json")[1])
    m2 = next(f for f in datos["metas"] if f["codigo_meta"] == "M2" and f["trimestre"] == "2025-T1")
    assert m2["cumplimiento_pct"] == "101.05"
    assert m2["eliminada"] is False
    assert m2["cuenta"] is True


@pytest.mark.parametrize("comando", COMANDOS)
def test_csv(comando: str, argv: dict[str, list[str]]) -> None:
    codigo, texto = correr(*argv[comando], "--formato", "csv")
    assert codigo == CODIGO.get(comando, 0)
    assert not texto.startswith("\ufeff")
    filas = list(csv.DictReader(io.StringIO(texto)))
    assert filas
    for fila in filas:
        for valor in fila.values():
            assert valor not in ("True", "False", "None")
            assert not valor.startswith(("=", "+", "-", "@"))


@pytest.mark.parametrize("comando", COMANDOS)
def test_csv_para_excel_en_espanol(comando: str, argv: dict[str, list[str]],
                                   tmp_path: Path) -> None:
    """``--decimal ,``: separador ``;``, coma decimal y BOM UTF-8; se lee de vuelta."""
    destino = tmp_path / f"{comando}.csv"
    codigo, texto = correr(*argv[comando], "--formato", "csv", "--decimal", ",",
                           "--salida", str(destino))
    assert codigo == CODIGO.get(comando, 0)
    assert texto == ""
    crudo = destino.read_bytes()
    assert crudo.startswith(b"\xef\xbb\xbf")
    filas = list(csv.DictReader(io.StringIO(crudo.decode("utf-8-sig")), delimiter=";"))
    assert filas
    for fila in filas:
        for columna, valor in fila.items():
            if columna.endswith("_pct") and valor:
                assert "." not in valor
                Decimal(valor.replace(",", "."))


def test_csv_en_espanol_redondea_a_dos_decimales(argv: dict[str, list[str]]) -> None:
    """Informe: calificación al T3 de 85.68 % (docs/consolidacion.md) como «85,68»."""
    texto = correr(*argv["informe"], "--formato", "csv", "--decimal", ",")[1]
    filas = list(csv.DictReader(io.StringIO(texto.removeprefix("\ufeff")), delimiter=";"))
    assert filas[0]["calificacion_t3_pct"] == "85,68"
    assert filas[0]["unidad"] == "Proceso Inspección, Vigilancia y Control"


@pytest.mark.parametrize("comando", COMANDOS)
def test_xlsx(comando: str, argv: dict[str, list[str]], tmp_path: Path) -> None:
    destino = tmp_path / f"{comando}.xlsx"
    codigo, _texto = correr(*argv[comando], "--formato", "xlsx", "--salida", str(destino))
    assert codigo == CODIGO.get(comando, 0)
    libro = openpyxl.load_workbook(destino)
    hoja = libro[TABLA[comando]]
    assert libro.sheetnames[0] == TABLA[comando]
    assert hoja.freeze_panes == "A2"
    assert hoja.auto_filter.ref.startswith("A1:")
    encabezados = [c.value for c in hoja[1]]
    for j, nombre in enumerate(encabezados, 1):
        assert hoja.column_dimensions[openpyxl.utils.get_column_letter(j)].width >= len(nombre)
        for (celda,) in hoja.iter_rows(min_row=2, min_col=j, max_col=j):
            if nombre.endswith("_pct") and celda.value is not None:
                assert isinstance(celda.value, (int, float))
                assert celda.number_format == "0.00%"
            if nombre.startswith("semaforo") and celda.value:
                assert celda.fill.fgColor.rgb.endswith(("C6EFCE", "FFEB9C", "FFC7CE", "BDD7EE",
                                                        "D9D9D9"))
            assert not isinstance(celda.value, bool)


def test_xlsx_cifras_y_colores(argv: dict[str, list[str]], tmp_path: Path) -> None:
    """Evaluar al T2: M5 cumple 40 % (rojo), el plan 85.25 % (docs/consolidacion.md)."""
    destino = tmp_path / "evaluar.xlsx"
    correr(*argv["evaluar"], "--formato", "xlsx", "--salida", str(destino))
    libro = openpyxl.load_workbook(destino)
    hoja = libro["metas"]
    columnas = {c.value: c.column for c in hoja[1]}
    m5 = next(fila for fila in hoja.iter_rows(min_row=2) if fila[columnas["codigo_meta"] - 1].value
              == "M5")
    assert m5[columnas["cumplimiento_pct"] - 1].value == pytest.approx(0.40)
    assert m5[columnas["semaforo"] - 1].fill.fgColor.rgb.endswith("FFC7CE")
    assert m5[columnas["eliminada"] - 1].value == "no"
    resumen = {fila[0].value: fila[1].value for fila in libro["resumen"].iter_rows(min_row=2)}
    # El resumen, como la hoja metas, guarda el porcentaje como fracción con formato de
    # porcentaje (h19: antes 85.25 sin formato; Excel en español mostraba «85,25»).
    assert resumen["calificacion_pct"] == pytest.approx(0.8525)


def test_xlsx_sin_salida_o_sin_openpyxl(argv: dict[str, list[str]], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert correr(*argv["plazos"], "--formato", "xlsx") == (2, "")
    assert "--salida ARCHIVO" in capsys.readouterr().err
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    destino = tmp_path / "x.xlsx"
    assert correr(*argv["plazos"], "--formato", "xlsx", "--salida", str(destino))[0] == 2
    assert "pip install 'sdg-metas[excel]'" in capsys.readouterr().err
    assert not destino.exists()
