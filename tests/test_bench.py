"""Los bancos de ``bench/`` siguen corriendo con la API de hoy (nadie los corre en la CI: tardan
minutos). Se importan todos y se ejercitan las piezas de ``bench_escala`` con datos mínimos."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("pandas")

BANCO = Path(__file__).resolve().parent.parent / "bench"


def _modulo(nombre: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(nombre, BANCO / f"{nombre}.py")
    assert spec is not None
    assert spec.loader is not None
    modulo = importlib.util.module_from_spec(spec)
    sys.modules[nombre] = modulo
    spec.loader.exec_module(modulo)
    return modulo


@pytest.mark.parametrize("nombre", sorted(p.stem for p in BANCO.glob("bench_*.py")))
def test_cada_banco_se_importa(nombre: str) -> None:
    assert callable(getattr(_modulo(nombre), "main", None))


def test_bench_escala_con_datos_minimos() -> None:
    b = _modulo("bench_escala")
    datos = b.generar(3)
    b.comprobar(datos)  # la referencia da las calificaciones de la biblioteca (si no, sale)
    rankings, filas = b.ano_biblioteca(datos)
    assert (len(rankings), filas) == (4, 90)
    assert b.ano_referencia(datos)[1] == 90
    assert len(b.ano_pandas(datos)[0]) == 4
    planes = b.construir(datos)
    assert len(b.piso_de_objetos(datos)()) == 3
    b.piso_salidas_ano(planes)()
    assert len(b.piso_salidas_evaluacion(planes, 30)()) == 12
    # Los reportes «completos» lo son de verdad: ningún hallazgo en ningún trimestre.
    completos = b.construir_completos(datos)
    hallazgos = [h for p in completos for k in (1, 2, 3, 4) for h in b.evaluar_plan(p, k).hallazgos]
    assert hallazgos == []
    assert sum(len(p.reportes) for p in completos) == sum(len(p.reportes) for p in planes)
