"""Pruebas de ``sdg_metas.archivos._lectura``: bytes con límite, UTF-8, BOM, JSON mal
formado, bombas zip."""


from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sdg_metas.archivos import (
    ErrorCarga,
    cargar_csv,
    cargar_plan,
    cargar_xlsx,
    guardar_plan,
    plan_a_json,
    plan_desde_dict,
)
from sdg_metas.ejemplos import plan_ejemplo

from .comun import CABECERA, _libro


@pytest.mark.parametrize(
    ("texto", "fragmento"),
    [
        ("{", "línea 1, columna 2: se esperaba el nombre de un campo"),
        ('{"a": 1,,}', "columna 9"),
        ('{"formato": NaN}', "NaN no es un número válido"),
        ('{"a": "sin cerrar', "un texto sin cerrar"),
        ('{"a": 1} x', "sobra texto"),
        ('{"a" 1}', "faltan los dos puntos"),
        ('{"a": 1 "b": 2}', "falta una coma"),
        ('{"a": [1, 2 3]}', "falta una coma"),
        ('{"a": -}', "se esperaba un valor"),
        ('{"a": "\\x"}', "una secuencia de escape inválida"),
        ('{"a": "\\u12"}', "un escape \\u sin cuatro dígitos"),
        ('{"a": "x\ty"}', "un carácter de control dentro de un texto"),
    ],
)
def test_json_mal_formado(texto: str, fragmento: str) -> None:
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(texto)
    assert error.value.codigo == "JSON_INVALIDO"
    assert fragmento in error.value.problemas[0].mensaje


def test_json_demasiado_anidado() -> None:
    """Issue 15: el anidamiento profundo ya no es «JSON no admitido: maximum recursion depth…»
    (en inglés) sino ``JSON_DEMASIADO_ANIDADO`` en español, haya o no desbordado la pila."""
    for profundidad in (40, 100_000):
        texto = '{"a":' * profundidad + "1" + "}" * profundidad
        with pytest.raises(ErrorCarga) as error:
            cargar_plan(texto)
        assert error.value.codigo == "JSON_DEMASIADO_ANIDADO"
        assert "más de 32 niveles" in error.value.problemas[0].mensaje


def test_json_con_bom_y_espacios() -> None:
    texto = "\ufeff  \n" + plan_a_json(plan_ejemplo())
    assert cargar_plan(texto) == plan_ejemplo()


def test_csv_codificacion_invalida(tmp_path: Path) -> None:
    ruta = tmp_path / "latin1.csv"
    ruta.write_bytes(f"{CABECERA}\nM1;Atención;suma;10;1;2;3;4;;;10\n".encode("latin-1"))
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta, vigencia=2025, unidad="Suba")
    assert error.value.codigo == "CODIFICACION_INVALIDA"
    assert "UTF-8" in error.value.problemas[0].mensaje


def test_xlsx_bomba_zip(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    ruta = _libro(tmp_path / "grande.xlsx", [["codigo"]] + [["x" * 30_000]] * 40)
    tamano = ruta.stat().st_size
    with pytest.raises(ErrorCarga) as error:
        cargar_xlsx(ruta, max_bytes=tamano)
    assert error.value.codigo == "ARCHIVO_DEMASIADO_GRANDE"
    assert "descomprimido" in error.value.problemas[0].mensaje


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
    import os
    import stat as modulo_stat

    real = os.stat

    class Diminuto:
        st_size = 1
        st_mode = modulo_stat.S_IFREG | 0o644

    def stat(camino: Any, *args: Any, **kwargs: Any) -> Any:
        return Diminuto() if Path(camino) == ruta else real(camino, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
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


def test_mensajes_de_version_no_soportada() -> None:
    from sdg_metas.archivos import cargar_solicitud

    with pytest.raises(ErrorCarga) as error:
        plan_desde_dict({"formato": "sdg_metas/plan", "version": 3})
    assert str(error.value) == (
        "<datos>: 1 problema\n  - <datos>: version: 3 no es una versión soportada del formato; "
        "esta biblioteca lee las versiones 1 a 2 (actualice sdg-metas)"
    )
    with pytest.raises(ErrorCarga) as error:
        cargar_solicitud('{"formato": "sdg_metas/solicitud", "version": "1"}', plan_ejemplo())
    assert error.value.problemas[0].mensaje == (
        "version: '1' no es una versión soportada del formato de solicitud; esta biblioteca lee "
        "las versiones 1 a 1"
    )
