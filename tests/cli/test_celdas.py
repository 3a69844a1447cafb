"""Cada valor en cada salida (``sdg_metas.cli._celdas``, ``_salida``, ``_xlsx``)."""

from __future__ import annotations

import datetime
import io
import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from cli.comun import correr
from sdg_metas import Trimestre
from sdg_metas.archivos import guardar_plan
from sdg_metas.cli import _celdas, _salida
from sdg_metas.consolidacion import Semaforo
from sdg_metas.ejemplos import plan_ejemplo


def test_presentar_y_json() -> None:
    """Issue 14: dos decimales ROUND_HALF_UP al presentar (2.675 → 2.68), exacto en JSON."""
    t = Trimestre(2025, 2)
    assert _celdas.presentar(Semaforo.VERDE) == "verde"
    assert _celdas.presentar(t) == "2025-T2"
    assert _celdas.texto_celda(Decimal("2.675"), ",") == "2,68"
    assert _celdas.texto_celda(datetime.date(2025, 4, 10)) == "2025-04-10"
    assert _celdas.texto_celda(7) == "7"
    assert _celdas.texto_terminal(False) == "no"
    assert _celdas.texto_terminal(datetime.date(2025, 4, 10)) == "2025-04-10"
    assert _celdas.valor_json("semaforo", Semaforo.ROJO) == "rojo"
    assert _celdas.valor_json("trimestre", t) == "2025-T2"
    assert _celdas.valor_json("x", Decimal("2.675")) == "2.675"
    assert _celdas.valor_json("eliminada", "sí") is True
    assert _celdas.valor_json("motivo", "no") == "no"


def test_tabla_sin_filas() -> None:
    salida = io.StringIO()
    _salida.escribir_tabla(_salida.Tabla("vacia", []), salida)
    assert salida.getvalue() == "(sin filas)\n"


def test_libro_sin_datos_ni_columnas() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from sdg_metas.cli._xlsx import a_xlsx

    libro = openpyxl.load_workbook(io.BytesIO(a_xlsx(_salida.Resultado("x", {}, (
        _salida.Tabla("vacia", []),)))))
    assert libro.sheetnames == ["vacia"]
    assert libro["vacia"].auto_filter.ref is None


def test_ranking_sin_redondeo_de_la_politica(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """INT-53 con ``decimales_ranking=None``: se compara la calificación exacta."""
    from sdg_metas import politica

    exacta = attrs.evolve(politica.POLITICA_PLE_PIN_P005_V8, decimales_ranking=None)
    monkeypatch.setattr(politica, "POLITICA_PLE_PIN_P005_V8", exacta)
    rutas = []
    for unidad in ("B", "A"):
        ruta = tmp_path / f"{unidad}.json"
        guardar_plan(attrs.evolve(plan_ejemplo(), unidad=unidad), ruta)
        rutas.append(str(ruta))
    datos = json.loads(correr("ranking", *rutas, "--trimestre", "2025-T2", "--formato",
                              "json")[1])
    assert [(f["posicion"], f["unidad"]) for f in datos["ranking"]] == [(1, "A"), (1, "B")]


def test_libro_recorta_a_la_vista_lo_que_no_cabe_en_una_celda() -> None:
    """openpyxl cortaría en silencio a 32 767 caracteres; la salida de Excel (para personas)
    corta con una nota que dice cuánto medía el texto (el CSV y el JSON lo traen entero)."""
    openpyxl = pytest.importorskip("openpyxl")
    from sdg_metas.cli._xlsx import a_xlsx

    largo = "=" + "m" * 39_999  # parece fórmula: se neutraliza y luego se recorta
    filas = [{"mensaje": largo}, {"mensaje": "corto"}, {"mensaje": "n" * 32_767}]
    libro = openpyxl.load_workbook(io.BytesIO(a_xlsx(_salida.Resultado("x", {}, (
        _salida.Tabla("hallazgos", filas),)))))
    hoja = libro["hallazgos"]
    recortado = hoja["A2"].value
    nota = "… [recortado: el texto tiene 40001 caracteres; el CSV y el JSON lo traen entero]"
    assert len(recortado) == 32_767
    assert recortado == "'=" + "m" * (32_767 - 2 - len(nota)) + nota
    assert hoja["A3"].value == "corto"
    assert hoja["A4"].value == "n" * 32_767  # cabe justo: entero


def test_libro_con_caracteres_de_control_y_cifras_largas(tmp_path: Path) -> None:
    """Antes: un carácter de control de un texto del plan (que un JSON puede traer) hacía que
    ``--formato xlsx`` terminara con una traza de openpyxl (IllegalCharacterError), y una cifra
    de 17 dígitos se escribía con 16 (``%.16g``) y se veía otra. Ahora el texto lleva sus
    caracteres de control como Excel (``_x0001_``) y la cifra va como texto exacto."""
    openpyxl = pytest.importorskip("openpyxl")
    from sdg_metas.cli._xlsx import a_xlsx

    filas = [{"unidad": "Proceso\x01 X\r\nY\ufffe", "cifra": Decimal("123456789012345.675"),
              "avance_pct": Decimal("12345678901234.5"), "otra": Decimal("94.825")}]
    libro = openpyxl.load_workbook(io.BytesIO(a_xlsx(_salida.Resultado("x", {}, (
        _salida.Tabla("t", filas),)))))
    hoja = libro["t"]
    assert hoja["A2"].value == "Proceso_x0001_ X_x000D_\nY_xFFFE_"
    assert hoja["B2"].value == "123456789012345.68"  # 17 cifras: texto, redondeado a 2
    assert hoja["C2"].value == "12345678901234.50 %"
    assert hoja["D2"].value == pytest.approx(94.83)  # 4 cifras: número, como siempre
    assert hoja["D2"].number_format == "#,##0.00"
    plan = attrs.evolve(plan_ejemplo(), unidad="Proceso\x01 de control")
    ruta = guardar_plan(plan, tmp_path / "plan.json")
    destino = tmp_path / "salida.xlsx"
    codigo, _ = correr("evaluar", str(ruta), "--trimestre", "2025-T2", "--formato", "xlsx",
                       "--salida", str(destino))
    assert codigo == 0
    valores = [c for f in openpyxl.load_workbook(destino)["resumen"].iter_rows(values_only=True)
               for c in f]
    assert "Proceso_x0001_ de control" in valores
