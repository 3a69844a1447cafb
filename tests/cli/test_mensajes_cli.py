"""h19: un mensaje del cargador que pide un parámetro de la biblioteca (``decimal=','``,
``ignorar_columnas=True``, ``vigencia=``) lo pide, en la línea de comandos, con la opción que lo
da (``--decimal ,``, ``--ignorar-columnas``, ``--vigencia``). La biblioteca no cambia."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.comun import correr
from sdg_metas.archivos import ErrorCarga, cargar_plan


def _error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert correr(*argv)[0] == 2
    return capsys.readouterr().err


def test_coma_decimal_pide_la_opcion(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ruta = tmp_path / "c.csv"
    ruta.write_text("codigo;descripcion;tipo;magnitud;t1;t2;t3;t4;peso\n"
                    "M1;Atender;suma;10,5;1;2;3;4,5;100\n", encoding="utf-8")
    err = _error(capsys, "evaluar", str(ruta), "--vigencia", "2025", "--unidad", "Suba")
    assert ("fila 2, columna magnitud: '10,5' usa coma decimal; si el archivo viene de Excel en "
            "español, cárguelo con --decimal ,\n") in err
    assert "decimal=" not in err
    with pytest.raises(ErrorCarga, match="cárguelo con decimal=','"):
        cargar_plan(ruta, vigencia=2025, unidad="Suba")


def test_columnas_y_datos_del_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ruta = tmp_path / "d.csv"
    ruta.write_text("codigo;descripcion;tipo;magnitud;t1;t2;t3;t4;peso;extra\n"
                    "M1;Atender;suma;10;1;2;3;4;100;x\n", encoding="utf-8")
    err = _error(capsys, "evaluar", str(ruta))
    assert "eliminada_desde (o cargue con --ignorar-columnas)\n" in err
    assert "falta la columna obligatoria 'vigencia' (o la opción --vigencia)\n" in err
    assert "falta la columna obligatoria 'unidad_plan' (o la opción --unidad)\n" in err
    assert "=" not in err


def test_sep_contra_delimitador(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ruta = tmp_path / "e.csv"
    ruta.write_text("sep=,\ncodigo,descripcion\n", encoding="utf-8")
    err = _error(capsys, "evaluar", str(ruta), "--delimitador", ";", "--vigencia", "2025",
                 "--unidad", "Suba")
    assert "la primera línea dice «sep=,» y se pidió --delimitador ';'; quite una de las dos" in err
    ruta.write_text("sep=,\ncodigo,descripcion\n", encoding="utf-8")
    err = _error(capsys, "evaluar", str(ruta), "--decimal", ",", "--vigencia", "2025",
                 "--unidad", "Suba")
    assert "y los números se leen con --decimal ,; con coma decimal el delimitador es ';'" in err


def test_trimestre_de_otra_vigencia_como_la_biblioteca(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """El mismo mensaje que ``evaluar_plan(plan, "2024-T2")`` (que nombra el plan), con la
    opción ``--trimestre`` en lugar del parámetro."""
    from sdg_metas import evaluar_plan
    from sdg_metas.archivos import guardar_plan
    from sdg_metas.ejemplos import plan_ejemplo
    from sdg_metas.errores import ErrorTrimestre

    plan = plan_ejemplo()
    ruta = guardar_plan(plan, tmp_path / "plan.json")
    with pytest.raises(ErrorTrimestre) as info:
        evaluar_plan(plan, "2024-T2")
    err = _error(capsys, "evaluar", str(ruta), "--trimestre", "2024-T2")
    assert err == f"sdg-metas: error: --{info.value}\n"
    assert err == ("sdg-metas: error: --trimestre: 2024-T2 no es de la vigencia 2025 del plan "
                   "Proceso Inspección, Vigilancia y Control\n")
