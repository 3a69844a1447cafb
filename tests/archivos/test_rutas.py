"""Pruebas de ``sdg_metas.archivos._rutas``: cargar y guardar según la extensión."""


from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from sdg_metas.archivos import (
    ErrorCarga,
    cargar_csv,
    cargar_plan,
    guardar_plan,
    plan_a_csv,
    plan_a_dict,
    plan_a_json,
)
from sdg_metas.ejemplos import plan_ejemplo
from sdg_metas.errores import ErrorArchivo


def test_limite_de_metas() -> None:
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(plan_a_json(plan_ejemplo()), max_metas=5)
    assert error.value.codigo == "DEMASIADAS_METAS"
    assert "6 metas y el máximo es 5" in str(error.value)
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(plan_a_csv(plan_ejemplo()), max_metas=5)
    assert error.value.codigo == "DEMASIADAS_METAS"
    assert len(cargar_csv(plan_a_csv(plan_ejemplo()), max_metas=6).metas) == 6


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
    # Issue 15 («solo se leen archivos regulares»): una carpeta es ARCHIVO_NO_REGULAR.
    assert error.value.codigo == "ARCHIVO_NO_REGULAR"
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(str(tmp_path / ("x" * 300 + ".json")))
    assert error.value.codigo == "ARCHIVO_ILEGIBLE"
    with pytest.raises(ErrorCarga) as error:
        cargar_plan("plan.txt")
    assert error.value.codigo == "EXTENSION_DESCONOCIDA"


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
    assert sorted(p.name for p in tmp_path.iterdir()) == []
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
