"""``docs/interpretaciones.md`` y el código nombran las mismas interpretaciones ``INT-nn``.

Issue 11: «``docs/interpretaciones.md`` names, for each INT: the text, the ambiguity, the default,
the reasoning, the alternatives, and a runnable example». Los ejemplos se ejecutan como doctest
con el resto de la documentación (``--doctest-glob=*.md``); aquí se comprueba que existen.
"""

from __future__ import annotations

import ast
import itertools
import re
from pathlib import Path

import attrs
import pytest

from sdg_metas import Politica

RAIZ = Path(__file__).resolve().parents[1]
DOC = (RAIZ / "docs" / "interpretaciones.md").read_text("utf-8")
POLITICA_PY = RAIZ / "src" / "sdg_metas" / "politica.py"

#: Las partes que toda entrada nombra, en negrita (issue 11).
PARTES = (
    "**Texto:**",
    "**Ambigüedad:**",
    "**Decisión por defecto:**",
    "**Razonamiento:**",
)


def _en_codigo() -> set[str]:
    return {
        m for ruta in (RAIZ / "src" / "sdg_metas").rglob("*.py")
        for m in re.findall(r"INT-\d{2}", ruta.read_text("utf-8"))
    }


def _secciones() -> dict[str, str]:
    """Cada sección ``## INT-nn — …`` de la documentación, por su identificador."""
    return {
        seccion[3:9]: seccion
        for seccion in re.split(r"(?m)^(?=## INT-)", DOC)[1:]
    }


SECCIONES = _secciones()


def _docstrings_de_campos() -> dict[str, str]:
    """El docstring (el literal que sigue a la asignación) de cada campo de ``Politica``."""
    arbol = ast.parse(POLITICA_PY.read_text("utf-8"))
    clase = next(
        n for n in arbol.body if isinstance(n, ast.ClassDef) and n.name == "Politica"
    )
    docstrings = {}
    for anterior, nodo in itertools.pairwise(clase.body):
        if (
            isinstance(anterior, ast.AnnAssign)
            and isinstance(anterior.target, ast.Name)
            and isinstance(nodo, ast.Expr)
            and isinstance(nodo.value, ast.Constant)
            and isinstance(nodo.value.value, str)
        ):
            docstrings[anterior.target.id] = nodo.value.value
    return docstrings


def _sentencias(seccion: str) -> list[str]:
    """Las sentencias de los ejemplos (``>>>`` con sus líneas ``...``), sin los prompts."""
    sentencias: list[str] = []
    for linea in seccion.splitlines():
        if linea.startswith(">>> "):
            sentencias.append(linea[4:])
        elif linea.startswith("...") and sentencias:
            sentencias[-1] += "\n" + linea[4:]
    return sentencias


def _derivados(seccion: str) -> set[str]:
    """Los campos que los ejemplos pasan a ``attrs.evolve(POLITICA_PLE_PIN_P005_V8, …)``."""
    campos = set()
    for sentencia in _sentencias(seccion):
        if "POLITICA_PLE_PIN_P005_V8," not in sentencia:
            continue
        for nodo in ast.walk(ast.parse(sentencia)):
            if (
                isinstance(nodo, ast.Call)
                and nodo.args
                and isinstance(nodo.args[0], ast.Name)
                and nodo.args[0].id == "POLITICA_PLE_PIN_P005_V8"
            ):
                campos |= {k.arg for k in nodo.keywords if k.arg is not None}
    return campos


def test_los_ejemplos_derivan_politicas() -> None:
    """La lectura de ``attrs.evolve`` en los ejemplos encuentra todos los campos derivados."""
    assert _derivados(SECCIONES["INT-54"]) == {"semaforo_amarillo_desde", "semaforo_verde_desde"}
    assert _derivados(SECCIONES["INT-51"]) == {"meta_sin_reporte"}


def test_cada_interpretacion_del_codigo_esta_documentada() -> None:
    documentadas = re.findall(r"^## (INT-\d{2}) — ", DOC, re.MULTILINE)
    assert documentadas == sorted(documentadas), "en orden de número"
    assert len(documentadas) == len(set(documentadas)), "sin repetidas"
    assert _en_codigo() == set(documentadas)


def test_cada_interpretacion_dice_su_decision() -> None:
    for seccion in re.split(r"(?m)^(?=## INT-)", DOC)[1:]:
        assert "Decisión" in seccion or "decisión" in seccion, seccion.splitlines()[0]


@pytest.mark.parametrize("int_id", sorted(SECCIONES))
def test_cada_interpretacion_tiene_todas_sus_partes(int_id: str) -> None:
    """Texto, ambigüedad, decisión por defecto, razonamiento y alternativa(s) (issue 11)."""
    seccion = SECCIONES[int_id]
    faltan = [parte for parte in PARTES if parte not in seccion]
    if not re.search(r"\*\*Alternativas?:\*\*", seccion):
        faltan.append("**Alternativa(s):**")
    assert not faltan, f"{int_id} no nombra {faltan}"


@pytest.mark.parametrize("int_id", sorted(SECCIONES))
def test_cada_interpretacion_tiene_un_ejemplo_ejecutable(int_id: str) -> None:
    """Un bloque ```python con ``>>>``, que el doctest de ``docs/*.md`` ejecuta (issue 11)."""
    bloques = re.findall(r"```python\n(.*?)```", SECCIONES[int_id], re.DOTALL)
    assert any(">>> " in b for b in bloques), f"{int_id} no tiene un ejemplo ejecutable"


@pytest.mark.parametrize("int_id", sorted(SECCIONES))
def test_los_campos_de_politica_que_nombra_existen(int_id: str) -> None:
    """Cada ``Politica.campo`` y cada ``campo=`` de ``attrs.evolve`` nombra un campo real."""
    campos = {f.name for f in attrs.fields(Politica)}
    seccion = SECCIONES[int_id]
    nombrados = set(re.findall(r"Politica\.([a-z_]+)", seccion)) | _derivados(seccion)
    desconocidos = nombrados - campos
    assert not desconocidos, f"{int_id} nombra campos que Politica no tiene: {desconocidos}"


def test_cada_campo_de_politica_con_int_tiene_su_entrada() -> None:
    """El INT que nombra el docstring de cada campo está documentado, y esa entrada nombra el
    campo (así un docstring con el INT equivocado no pasa)."""
    docstrings = _docstrings_de_campos()
    campos = {f.name for f in attrs.fields(Politica)}
    assert set(docstrings) <= campos
    problemas = []
    for campo, texto in docstrings.items():
        for int_id in re.findall(r"INT-\d{2}", texto):
            seccion = SECCIONES.get(int_id)
            if seccion is None:
                problemas.append(f"{campo}: {int_id} no está documentado")
            elif campo not in seccion:
                problemas.append(f"{campo}: la entrada {int_id} no nombra el campo")
    assert not problemas, problemas


def test_cada_campo_con_interpretacion_tiene_docstring_con_int() -> None:
    """Los campos que la documentación presenta como decisión por defecto nombran su INT."""
    docstrings = _docstrings_de_campos()
    for int_id, seccion in SECCIONES.items():
        decision = seccion.split("**Decisión por defecto:**", 1)[-1].split("- **", 1)[0]
        for campo in set(re.findall(r"Politica\.([a-z_]+)", decision)):
            assert int_id in docstrings.get(campo, ""), (
                f"Politica.{campo} es la decisión de {int_id} pero su docstring no lo nombra"
            )
