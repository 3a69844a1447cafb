"""Pruebas del corpus de entradas hostiles (issue 15): cada archivo de ``generar.py`` se
rechaza con su ``codigo`` (nunca un error de Python) y, por la CLI, con salida 2, sin traza y con
un stderr acotado.

El issue: «every bad input gets a Spanish ``ErrorSdgMetas`` with a stable ``codigo`` (exit 2 on
the CLI, never a traceback), nothing is loaded by halves, and no input makes it hang or exhaust
memory».
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sdg_metas.archivos import ErrorCarga, cargar_plan

from .generar import HOSTILES, Hostil, generar

pytest.importorskip("openpyxl")

#: Un rechazo nunca debe tardar más que esto (el informe del ataque medía minutos).
SEGUNDOS = 20
#: stderr de la CLI: 100 problemas (dos veces, mientras la CLI repita la lista) caben de sobra.
MAX_STDERR = 64 * 1024


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return generar(tmp_path_factory.mktemp("hostiles"))


@pytest.mark.parametrize("hostil", HOSTILES, ids=[h.nombre for h in HOSTILES])
def test_rechazo_con_codigo(hostil: Hostil, corpus: dict[str, Path]) -> None:
    inicio = time.perf_counter()
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(corpus[hostil.nombre])
    assert time.perf_counter() - inicio < SEGUNDOS
    assert error.value.codigo == hostil.codigo, str(error.value)[:2000]
    texto = str(error.value)
    assert "\x1b" not in texto
    assert "\u202e" not in texto
    assert len(error.value.problemas) <= 100


@pytest.mark.parametrize("hostil", HOSTILES, ids=[h.nombre for h in HOSTILES])
def test_cli_sale_con_2(hostil: Hostil, corpus: dict[str, Path]) -> None:
    entorno = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    resultado = subprocess.run(
        [sys.executable, "-m", "sdg_metas", "validar", str(corpus[hostil.nombre])],
        capture_output=True, timeout=60, env=entorno, stdin=subprocess.DEVNULL, check=False,
    )
    stderr = resultado.stderr.decode("utf-8", "replace")
    assert resultado.returncode == 2, stderr[:2000]
    assert "Traceback" not in stderr
    assert len(resultado.stderr) < MAX_STDERR
    assert hostil.codigo in stderr or "error" in stderr
    assert "\x1b" not in stderr
    assert "\u202e" not in stderr


def test_lista_de_problemas_acotada(tmp_path: Path) -> None:
    """500 filas con un problema cada una: se informan 100 y se cuentan las demás."""
    from .generar import CABECERA_CSV

    ruta = tmp_path / "quinientos.csv"
    fila = "2025;Suba;M{};Meta;suma;diez;1;2;3;4;1\n"
    ruta.write_text(CABECERA_CSV + "\n" + "".join(fila.format(i) for i in range(500)),
                    encoding="utf-8")
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta)
    assert len(error.value.problemas) == 100
    assert (error.value.omitidos, error.value.detenido) == (400, False)
    assert str(error.value).startswith(f"{ruta}: 500 problemas\n")
    assert str(error.value).endswith("\n  … y 400 problemas más")


def test_lectura_detenida_con_demasiados_problemas(corpus: dict[str, Path]) -> None:
    """20 000 problemas: al contar 100 × max_problemas se deja de leer."""
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(corpus["csv_muchos_problemas"])
    assert (len(error.value.problemas), error.value.omitidos) == (100, 9_900)
    assert error.value.detenido
    assert str(error.value).startswith(
        f"{corpus['csv_muchos_problemas']}: más de 10000 problemas (se dejó de leer)")


def test_columnas_validas_dichas_una_vez(tmp_path: Path) -> None:
    ruta = tmp_path / "columnas.csv"
    ruta.write_text("codigo;x1;x2;x3\n", encoding="utf-8")
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta)
    texto = str(error.value)
    assert texto.count("columnas válidas: vigencia") == 1
    assert texto.count("columnas válidas: ver el primer problema") == 2


def test_vigencia_con_digitos_no_ascii_tiene_ubicacion(corpus: dict[str, Path]) -> None:
    for nombre in ("csv_vigencia_superindice", "csv_vigencia_arabiga"):
        with pytest.raises(ErrorCarga) as error:
            cargar_plan(corpus[nombre])
        assert error.value.problemas[0].ubicacion.endswith("fila 2, columna vigencia")


def test_clave_repetida_con_ubicacion(corpus: dict[str, Path]) -> None:
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(corpus["json_clave_repetida"])
    assert [p.mensaje for p in error.value.problemas] == [
        "la clave 'vigencia' está repetida en el objeto"
    ]
    assert error.value.problemas[0].ubicacion.endswith(", vigencia")


def test_fifo_no_bloquea(corpus: dict[str, Path]) -> None:
    inicio = time.perf_counter()
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(corpus["fifo"])
    assert time.perf_counter() - inicio < 2
    assert "tubería (FIFO)" in error.value.problemas[0].mensaje
