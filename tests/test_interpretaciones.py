"""``docs/interpretaciones.md`` y el código nombran las mismas interpretaciones ``INT-nn``."""

from __future__ import annotations

import re
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]
DOC = (RAIZ / "docs" / "interpretaciones.md").read_text("utf-8")


def _en_codigo() -> set[str]:
    return {
        m for ruta in (RAIZ / "src" / "sdg_metas").rglob("*.py")
        for m in re.findall(r"INT-\d{2}", ruta.read_text("utf-8"))
    }


def test_cada_interpretacion_del_codigo_esta_documentada() -> None:
    documentadas = re.findall(r"^## (INT-\d{2}) — ", DOC, re.MULTILINE)
    assert documentadas == sorted(documentadas), "en orden de número"
    assert len(documentadas) == len(set(documentadas)), "sin repetidas"
    assert _en_codigo() == set(documentadas)


def test_cada_interpretacion_dice_su_decision() -> None:
    for seccion in re.split(r"(?m)^(?=## INT-)", DOC)[1:]:
        assert "Decisión" in seccion or "decisión" in seccion, seccion.splitlines()[0]
