"""Ayudas de las pruebas de la línea de comandos."""

from __future__ import annotations

import io
import json
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from sdg_metas import cli
from sdg_metas.archivos import guardar_plan
from sdg_metas.ejemplos import plan_ejemplo


def correr(*argv: str) -> tuple[int, str]:
    salida = io.StringIO()
    codigo = cli.main(list(argv), salida)
    return codigo, salida.getvalue()


def esquema_resultados() -> dict[str, Any]:
    texto = resources.files("sdg_metas").joinpath("esquemas/resultados.schema.json")
    resultado: dict[str, Any] = json.loads(texto.read_text(encoding="utf-8"))
    return resultado


def escribir_ejemplos(directorio: Path) -> dict[str, Path]:
    """``sdg-metas ejemplos DIR`` y otro plan de otra unidad, para los comandos de varios."""
    assert correr("ejemplos", str(directorio))[0] == 0
    otro = directorio / "otro.json"
    guardar_plan(attrs.evolve(plan_ejemplo(), unidad="=Proceso de Gestión Jurídica"), otro)
    return {"plan": directorio / "plan.json", "solicitud": directorio / "solicitud.json",
            "otro": otro}


def comandos(rutas: dict[str, Path]) -> dict[str, list[str]]:
    """Cada comando de la línea de comandos, con argumentos que funcionan."""
    plan, otro = str(rutas["plan"]), str(rutas["otro"])
    return {
        "demo": ["demo"],
        "plazos": ["plazos", "2022"],
        "evaluar": ["evaluar", plan, "--trimestre", "2025-T2"],
        "validar": ["validar", plan],
        "modificacion": ["modificacion", str(rutas["solicitud"]), "--plan", plan],
        "consolidar": ["consolidar", plan, otro, "--vigencia", "2025"],
        "ranking": ["ranking", plan, otro, "--trimestre", "2025-T2"],
        "informe": ["informe", plan, otro, "--vigencia", "2025"],
    }
