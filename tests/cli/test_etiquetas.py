"""Códigos y nombres (``docs/formatos.md``, «Códigos y nombres»): las salidas para leer (la tabla
de la terminal, sus textos y el libro de Excel) nombran en español los códigos de semáforo,
situación, elegibilidad y efecto («sobreejecución», «sin dato», «marcar «Meta eliminada»»);
las salidas para programas (JSON y CSV) conservan el código.

Los valores esperados se calculan a mano con el plan de ejemplo (``docs/consolidacion.md``):
al 2025-T2 la meta M4 (decreciente, línea base 500, programado 350 y ejecutado 340) cumple
(500 − 340) / (500 − 350) = 160 / 150 = 106,67 %, más de 100 %: «sobreejecución» (CON-03).
La calificación del plan al T2 es 85,25 % (verde).
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from cli.comun import comandos, correr, escribir_ejemplos
from sdg_metas import PlanDeGestion
from sdg_metas.archivos import guardar_plan
from sdg_metas.ejemplos import plan_ejemplo

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture(scope="module")
def argv(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    return comandos(escribir_ejemplos(tmp_path_factory.mktemp("ejemplos")))


def _fila(texto: str, codigo: str) -> str:
    return next(linea for linea in texto.splitlines() if linea.startswith(codigo + " "))


def test_terminal_nombra_el_semaforo(argv: dict[str, list[str]]) -> None:
    """CON-03: «Mayor a 100 %: sobreejecución»; la terminal no muestra el código."""
    codigo, texto = correr(*argv["evaluar"])
    assert codigo == 0
    assert _fila(texto, "M4").split()[-1] == "sobreejecución"
    assert "sobreejecucion" not in texto
    codigo, texto = correr(*argv["consolidar"])
    assert "sobreejecución" in texto
    assert "sobreejecucion" not in texto


def test_json_y_csv_conservan_el_codigo(argv: dict[str, list[str]]) -> None:
    """Lo que leen los programas no cambia: ``"sobreejecucion"``, como ``Semaforo.value``."""
    datos = json.loads(correr(*argv["evaluar"], "--formato", "json")[1])
    m4 = next(f for f in datos["metas"] if f["codigo_meta"] == "M4")
    assert m4["semaforo"] == "sobreejecucion"
    for decimal in (".", ","):
        texto = correr(*argv["evaluar"], "--formato", "csv", "--decimal", decimal)[1]
        filas = list(csv.DictReader(io.StringIO(texto.lstrip("\ufeff")),
                                    delimiter=";" if decimal == "," else ","))
        assert next(f for f in filas if f["codigo_meta"] == "M4")["semaforo"] == "sobreejecucion"


def test_sin_dato_y_semaforo_del_plan(tmp_path: Path) -> None:
    """Un plan sin metas no tiene calificación (CON-01): su semáforo es «sin dato», en la
    tabla del ranking y en el texto de evaluar."""
    vacio = guardar_plan(PlanDeGestion(vigencia=2025, unidad="Proceso 0", nivel="central",
                                       metas=[]), tmp_path / "vacio.json")
    _, texto = correr("evaluar", str(vacio), "--trimestre", "2025-T2")
    assert texto.splitlines()[-1] == "Semáforo del plan: sin dato"
    _, texto = correr("ranking", str(vacio), "--trimestre", "2025-T2")
    assert "sin dato" in texto
    assert "sin_dato" not in texto
    _, texto = correr("informe", str(vacio), "--vigencia", "2025")
    assert "sin dato" in texto
    assert "sin_dato" not in texto


def test_modificacion_nombra_elegibilidad_y_efecto(argv: dict[str, list[str]]) -> None:
    """La solicitud de ejemplo pide eliminar M5, que ya tiene seguimiento: MOD-11 la marca
    «Meta eliminada» en vez de borrarla. JSON guarda los códigos."""
    codigo, texto = correr(*argv["modificacion"])
    assert codigo == 0
    assert texto.splitlines()[0] == (
        "Solicitud sobre la meta M5: elegible (efecto: marcar «Meta eliminada»)")
    datos = json.loads(correr(*argv["modificacion"], "--formato", "json")[1])
    assert (datos["elegibilidad"], datos["efecto"]) == ("elegible", "marcar_eliminada")


def test_xlsx_nombres_y_porcentajes_del_resumen(tmp_path: Path) -> None:
    """En el libro, M1 sin reportes al T2 (programada: cuenta 0, INT-51) se lee «sin dato» y
    «sin reporte»; M4 «sobreejecución» con su color. El resumen guarda la calificación como
    fracción con formato de porcentaje, igual que ``calificacion_plan_pct`` de la hoja metas:
    85,25 % es 0,8525 (antes 85,25 sin formato, que Excel en español mostraba «85,25»)."""
    plan = plan_ejemplo()
    plan = attrs.evolve(plan, reportes=[r for r in plan.reportes if r.codigo_meta != "M1"])
    ruta = guardar_plan(plan, tmp_path / "plan.json")
    destino = tmp_path / "evaluar.xlsx"
    codigo, _ = correr("evaluar", str(ruta), "--trimestre", "2025-T2", "--formato", "xlsx",
                       "--salida", str(destino))
    assert codigo == 0
    libro = openpyxl.load_workbook(destino)
    hoja = libro["metas"]
    columnas = {c.value: c.column - 1 for c in hoja[1]}
    filas = {f[columnas["codigo_meta"]].value: f for f in hoja.iter_rows(min_row=2)}
    m1, m4 = filas["M1"], filas["M4"]
    assert m1[columnas["semaforo"]].value == "sin dato"
    assert m1[columnas["situacion"]].value == "sin reporte"
    assert m1[columnas["semaforo"]].fill.fgColor.rgb.endswith("D9D9D9")
    assert m4[columnas["semaforo"]].value == "sobreejecución"
    assert m4[columnas["semaforo"]].fill.fgColor.rgb.endswith("BDD7EE")
    resumen = {f[0].value: f[1] for f in libro["resumen"].iter_rows(min_row=2)}
    plan_pct = m4[columnas["calificacion_plan_pct"]]
    assert resumen["calificacion_pct"].value == plan_pct.value
    assert resumen["calificacion_pct"].number_format == plan_pct.number_format == "0.00%"
    assert resumen["semaforo"].fill.fgColor.rgb == m4[columnas["semaforo_plan"]].fill.fgColor.rgb


def test_cero_negativo_redondeado_sin_signo(tmp_path: Path) -> None:
    """M4 es decreciente (línea base 500, programado al T1 400). Con una ejecución de 500,004
    al T1 cumple (500 − 500,004) / (500 − 400) = −0,00004 = −0,004 %, que redondeado a dos
    decimales (ROUND_HALF_UP) es 0,00: el CSV y el libro escriben 0,00, no «-0,00»."""
    plan = plan_ejemplo()
    reportes = [attrs.evolve(r, ejecucion=Decimal("500.004"))
                if (r.codigo_meta, r.trimestre.numero) == ("M4", 1) else r
                for r in plan.reportes]
    ruta = guardar_plan(attrs.evolve(plan, reportes=reportes), tmp_path / "plan.json")
    texto = correr("evaluar", str(ruta), "--trimestre", "2025-T1", "--formato", "csv",
                   "--decimal", ",")[1]
    filas = list(csv.DictReader(io.StringIO(texto.lstrip("\ufeff")), delimiter=";"))
    m4 = next(f for f in filas if f["codigo_meta"] == "M4")
    assert (m4["cumplimiento_pct"], m4["avance_trimestre_pct"]) == ("0,00", "0,00")
    destino = tmp_path / "evaluar.xlsx"
    correr("evaluar", str(ruta), "--trimestre", "2025-T1", "--formato", "xlsx", "--salida",
           str(destino))
    hoja = openpyxl.load_workbook(destino)["metas"]
    columnas = {c.value: c.column - 1 for c in hoja[1]}
    fila = next(f for f in hoja.iter_rows(min_row=2) if f[columnas["codigo_meta"]].value == "M4")
    assert str(fila[columnas["cumplimiento_pct"]].value) == "0"


def test_tabla_alinea_tildes_descompuestas() -> None:
    """Un texto con la tilde como carácter combinante (NFD, como escriben algunos sistemas:
    «Bogota» + U+0301) ocupa en la terminal lo mismo que «Bogotá»: 6 columnas, no 7. Las dos
    filas deben empezar la segunda columna en la misma posición (6 + 2 espacios = 8)."""
    from sdg_metas.cli._salida import Tabla, escribir_tabla

    salida = io.StringIO()
    escribir_tabla(Tabla("t", [{"unidad": "Bogot\u00e1", "n": 1},
                               {"unidad": "Bogota\u0301", "n": 2}]), salida)
    lineas = salida.getvalue().splitlines()
    assert lineas[0] == "unidad  n"
    assert lineas[1] == "------  -"
    assert lineas[2] == "Bogot\u00e1  1"
    assert lineas[3] == "Bogota\u0301  2"


@pytest.mark.parametrize("comando", [("evaluar", "--trimestre", "2025-T1"),
                                     ("consolidar", "--vigencia", "2025")])
def test_tabla_sin_filas_lleva_sus_columnas(comando: tuple[str, ...], tmp_path: Path) -> None:
    """h19: un plan sin metas da una tabla sin filas; su CSV (y la hoja del libro) trae la
    misma fila de encabezados que con filas, no una línea vacía: un programa que lee el CSV
    encuentra sus columnas."""
    ejemplo = guardar_plan(plan_ejemplo(), tmp_path / "ejemplo.json")
    vacio = guardar_plan(PlanDeGestion(vigencia=2025, unidad="Proceso 0", nivel="central",
                                       metas=[]), tmp_path / "vacio.json")
    nombre, *opciones = comando
    encabezados = correr(nombre, str(ejemplo), *opciones, "--formato", "csv")[1].splitlines()[0]
    sin_filas = correr(nombre, str(vacio), *opciones, "--formato", "csv")[1]
    assert sin_filas == encabezados + "\n"
    destino = tmp_path / "vacio.xlsx"
    correr(nombre, str(vacio), *opciones, "--formato", "xlsx", "--salida", str(destino))
    hoja = openpyxl.load_workbook(destino).worksheets[0]
    assert ",".join(c.value for c in hoja[1]) == encabezados
    assert hoja.max_row == 1


def test_columnas_declaradas_son_las_de_la_biblioteca() -> None:
    """Las columnas que la CLI declara para una tabla sin filas son, en orden, las de
    ``filas()`` y ``consolidado_anual()``: si la biblioteca agrega una, esta prueba lo dice."""
    from sdg_metas import consolidado_anual, evaluar_plan, filas
    from sdg_metas.cli._comandos import COLUMNAS_METAS
    from sdg_metas.cli._lotes import COLUMNAS_ANUALES

    assert tuple(filas(evaluar_plan(plan_ejemplo(), 2))[0]) == COLUMNAS_METAS
    assert tuple(consolidado_anual([plan_ejemplo()], 2025)[0]) == COLUMNAS_ANUALES
