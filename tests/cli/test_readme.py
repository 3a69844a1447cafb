"""Los comandos de la sección «La línea de comandos» del README corren tal como están escritos
tras ``sdg-metas ejemplos .`` (issue 14: «The README's commands work as written»)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from cli.comun import correr
from sdg_metas import archivos

README = Path(__file__).resolve().parents[2] / "README.md"


def _comandos() -> list[str]:
    texto = README.read_text(encoding="utf-8")
    seccion = texto[texto.index("## La línea de comandos"):]
    bloque = re.search(r"```\n(.*?)```", seccion, re.DOTALL)
    assert bloque is not None
    return [linea.split("  #")[0].strip() for linea in bloque.group(1).splitlines()
            if linea.startswith("sdg-metas ")]


COMANDOS = _comandos()
#: Los que leen la forma Excel o CSV del plan, que escribe ``archivos.escribir_ejemplos``.
SIN_ESCRIBIR_EJEMPLOS = not hasattr(archivos, "escribir_ejemplos")


def test_el_readme_trae_los_comandos() -> None:
    assert COMANDOS[0] == "sdg-metas ejemplos ."
    nombres = {shlex.split(c)[1] for c in COMANDOS}
    assert nombres == {"ejemplos", "demo", "plazos", "evaluar", "validar", "modificacion",
                       "consolidar", "ranking", "informe"}


@pytest.mark.parametrize("comando", COMANDOS[1:])
def test_comando_del_readme(comando: str, tmp_path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    argv = shlex.split(comando)[1:]
    entradas = [a for i, a in enumerate(argv) if argv[i - 1] != "--salida"]
    if SIN_ESCRIBIR_EJEMPLOS and any(a.endswith((".xlsx", ".csv")) for a in entradas):
        pytest.skip("plan.xlsx y plan.csv los escribe archivos.escribir_ejemplos (en otra rama)")
    monkeypatch.chdir(tmp_path)
    assert correr("ejemplos", ".")[0] == 0
    codigo, _ = correr(*argv)
    # validar sale con 1: el plan de ejemplo tiene reportes con hallazgos de severidad error.
    assert codigo == (1 if argv[0] == "validar" else 0)
    if "--salida" in argv:
        assert (tmp_path / argv[argv.index("--salida") + 1]).stat().st_size > 0
