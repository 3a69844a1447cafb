"""El paquete: API pública completa e importación perezosa de los submódulos."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import sdg_metas

INIT = Path(sdg_metas.__file__)


def test_cada_nombre_publico_se_resuelve_en_su_modulo() -> None:
    for nombre in sdg_metas.__all__:
        valor = getattr(sdg_metas, nombre)
        if nombre != "__version__":
            modulo = importlib.import_module(f"sdg_metas.{sdg_metas._MODULO_DE[nombre]}")
            assert valor is getattr(modulo, nombre), nombre
    assert set(sdg_metas.__all__) <= set(dir(sdg_metas))


def test_los_nombres_para_mypy_son_los_mismos() -> None:
    """El bloque ``if TYPE_CHECKING`` (lo que ven mypy y los editores) y ``_NOMBRES`` (lo que se
    importa en ejecución) dicen lo mismo."""
    arbol = ast.parse(INIT.read_text("utf-8"))
    bloque = next(
        n for n in arbol.body
        if isinstance(n, ast.If) and isinstance(n.test, ast.Name)
        and n.test.id == "TYPE_CHECKING" and any(isinstance(i, ast.ImportFrom) and i.level == 1
                                                 for i in n.body)
    )
    vistos = {
        (i.module, a.name) for i in bloque.body if isinstance(i, ast.ImportFrom) for a in i.names
    }
    assert vistos == {(m, n) for m, ns in sdg_metas._NOMBRES.items() for n in ns}
    assert sorted(sdg_metas.__all__) == sorted([*sdg_metas._MODULO_DE, "__version__"])


def test_nombre_desconocido() -> None:
    with pytest.raises(AttributeError, match="no_existe"):
        sdg_metas.no_existe  # type: ignore[attr-defined]  # noqa: B018


def test_import_sdg_metas_no_carga_los_submodulos() -> None:
    codigo = (
        "import sys, sdg_metas; "
        "print(sorted(m for m in sys.modules if m.startswith(('sdg_metas.', 'attr', 'holidays'))))"
    )
    salida = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True,
                            check=True)
    assert salida.stdout.strip() == "[]"
