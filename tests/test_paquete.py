"""El paquete: API pública completa, una sola lista de nombres e importación perezosa."""

from __future__ import annotations

import ast
import importlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import sdg_metas

INIT = Path(sdg_metas.__file__)


def _bloque_type_checking() -> ast.If:
    arbol = ast.parse(INIT.read_text("utf-8"))
    return next(
        n for n in arbol.body
        if isinstance(n, ast.If) and isinstance(n.test, ast.Name) and n.test.id == "TYPE_CHECKING"
    )


def test_cada_nombre_publico_se_resuelve_en_su_modulo() -> None:
    assert sdg_metas.__all__[0] == "__version__"
    for nombre in sdg_metas.__all__[1:]:
        valor = getattr(sdg_metas, nombre)
        modulo = importlib.import_module(f"sdg_metas.{sdg_metas._MODULO_DE[nombre]}")
        assert valor is getattr(modulo, nombre), nombre
        assert nombre in modulo.__all__, nombre  # es público también en su módulo
    assert set(sdg_metas.__all__) <= set(dir(sdg_metas))


def test_una_sola_lista_la_que_lee_mypy() -> None:
    """Cada nombre público aparece una vez en ``__init__.py``: en una importación
    ``from .modulo import nombre as nombre`` del bloque ``if TYPE_CHECKING`` (lo que ven mypy y
    los editores), y eso mismo es lo que ``__getattr__`` usa en ejecución."""
    bloque = _bloque_type_checking()
    reexportados = [
        (nodo.module, alias.name)
        for nodo in bloque.body
        if isinstance(nodo, ast.ImportFrom) and nodo.level == 1
        for alias in nodo.names
    ]
    for nodo in bloque.body:
        if isinstance(nodo, ast.ImportFrom) and nodo.level == 1:
            # reexportación explícita, un nombre por línea (la que lee __getattr__)
            assert [(a.name, a.asname) for a in nodo.names] == [(nodo.names[0].name,) * 2]
            assert nodo.lineno == nodo.end_lineno
    assert len(reexportados) == len({n for _, n in reexportados})  # ningún nombre dos veces
    assert {n: m for m, n in reexportados} == sdg_metas._leer_la_lista()
    assert sdg_metas.__all__ == ["__version__", *sorted(n for _, n in reexportados)]
    texto = INIT.read_text("utf-8")
    for _, nombre in reexportados:  # y en ninguna otra lista del archivo
        assert f'"{nombre}"' not in texto, nombre


def test_nombres_de_la_base_del_issue_10() -> None:
    from sdg_metas import modelo, modificaciones, reglas

    assert sdg_metas.Motivo is reglas.Motivo is modificaciones.Motivo
    assert sdg_metas.ResultadoRegla is reglas.ResultadoRegla
    assert sdg_metas.problemas_del_plan is modelo.problemas_del_plan


def test_nombre_desconocido() -> None:
    with pytest.raises(AttributeError, match="no_existe"):
        sdg_metas.no_existe  # type: ignore[attr-defined]  # noqa: B018


def test_un_nombre_no_publico_de_un_submodulo_no_esta_en_el_paquete() -> None:
    from sdg_metas import numeros

    assert numeros.texto_numero
    with pytest.raises(AttributeError, match="texto_numero"):
        sdg_metas.texto_numero  # type: ignore[attr-defined]  # noqa: B018


def test_import_sdg_metas_no_carga_los_submodulos() -> None:
    codigo = (
        "import sys, sdg_metas; "
        "print(sorted(m for m in sys.modules if m.startswith(('sdg_metas.', 'attr', 'holidays',"
        " 'ast', 'tokenize'))))"
    )
    salida = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True,
                            check=True)
    assert salida.stdout.strip() == "[]"


def test_usar_un_nombre_importa_solo_su_modulo() -> None:
    codigo = (
        "import sys, sdg_metas; sdg_metas.ErrorModelo; from sdg_metas import *; "
        "print(sorted(m for m in sys.modules if m.startswith(('sdg_metas.', 'ast', 'tokenize'))))"
    )
    codigo_uno = codigo.split("; from")[0] + "; print(sorted(m for m in sys.modules if "
    codigo_uno += "m.startswith(('sdg_metas.', 'ast', 'tokenize'))))"
    salida = subprocess.run([sys.executable, "-c", codigo_uno], capture_output=True, text=True,
                            check=True)
    assert salida.stdout.strip() == "['sdg_metas.errores']"
    todos = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True,
                           check=True)
    assert "'sdg_metas.consolidacion'" in todos.stdout  # import * trae toda la API


@pytest.mark.skipif(shutil.which("mypy") is None, reason="mypy no está instalado")
def test_mypy_ve_cada_nombre_y_rechaza_los_mal_escritos(tmp_path: Path) -> None:
    prueba = tmp_path / "uso.py"
    prueba.write_text(
        "import sdg_metas\n"
        "from sdg_metas import Meta, ResultadoRegla, problemas_del_plan\n"
        "reveal_type(sdg_metas.calificacion)\n"
        "sdg_metas.Mta\n"
        "sdg_metas.texto_numero\n",
        "utf-8",
    )
    salida = subprocess.run(
        ["mypy", "--strict", "--no-error-summary", "--cache-dir", str(tmp_path / "cache"),
         str(prueba)],
        capture_output=True, text=True, check=False,
    ).stdout
    assert "uso.py:3: note: Revealed type is \"def (plan: sdg_metas.modelo.PlanDeGestion" in salida
    assert 'uso.py:4: error: Module has no attribute "Mta"' in salida
    assert 'uso.py:5: error: Module has no attribute "texto_numero"' in salida
    assert salida.count("error:") == 2, salida
