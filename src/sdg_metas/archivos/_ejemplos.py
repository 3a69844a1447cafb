"""Los archivos de ejemplo (``sdg-metas ejemplos DIR``): el plan de ejemplo en JSON, Excel y
CSV, y una solicitud de modificación sobre una de sus metas."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..ejemplos import plan_ejemplo
from ..errores import ErrorArchivo
from ._lectura import ruta_valida
from ._problemas import nombre_visible
from ._rutas import guardar_plan
from ._solicitud import FORMATO_SOLICITUD, VERSION_SOLICITUD
from ._tablas import hermanos_csv


def _solicitud() -> dict[str, Any]:
    """Una solicitud elegible sobre el plan de ejemplo: eliminar la meta M5, que ya tiene
    seguimiento (queda «Meta eliminada», Política 9, viñeta 8). Una reprogramación no sería
    elegible: el plan de ejemplo ya tiene medidos los cuatro trimestres (MOD-08)."""
    return {
        "formato": FORMATO_SOLICITUD,
        "version": VERSION_SOLICITUD,
        "codigo_meta": "M5",
        "fecha": "2025-05-20",
        "solicitante": "lider_proceso",
        "medio": "memorando",
        "destinatario": "jefe_oap",
        "justificacion": "La norma que daba origen a la meta fue derogada",
        "eliminar": True,
    }


def escribir_ejemplos(directorio: str | os.PathLike[str]) -> list[Path]:
    """Escribe en ``directorio`` el plan de ejemplo como ``plan.json``, ``plan.xlsx`` y
    ``plan.csv`` (con ``plan.reportes.csv`` y ``plan.modificaciones.csv``), y una solicitud de
    eliminación ``solicitud.json`` sobre su meta M5; devuelve las rutas escritas. La carpeta
    se crea si no existe. ``plan.xlsx`` necesita el extra ``excel``.

    >>> import tempfile
    >>> from sdg_metas.archivos import cargar_plan, cargar_solicitud
    >>> with tempfile.TemporaryDirectory() as carpeta:
    ...     rutas = escribir_ejemplos(carpeta)
    ...     plan = cargar_plan(rutas[0])
    ...     mismo = all(cargar_plan(r) == plan for r in rutas[1:3])
    ...     solicitud = cargar_solicitud(rutas[-1], plan)
    >>> [r.name for r in rutas]
    ['plan.json', 'plan.xlsx', 'plan.csv', 'plan.reportes.csv', 'plan.modificaciones.csv', 'solicitud.json']
    >>> mismo, solicitud.meta.codigo, solicitud.eliminar
    (True, 'M5', True)
    """
    carpeta = ruta_valida(directorio, "directorio")  # un tipo inválido o un NUL (issue 13)
    try:
        carpeta.mkdir(parents=True, exist_ok=True)
    except OSError as e:  # el nombre, acotado, una vez (e lo repetiría entero)
        raise ErrorArchivo(f"{nombre_visible(carpeta)}: no se pudo crear la carpeta "
                           f"({e.strerror or 'error del sistema'})",
                           codigo="ESCRITURA_FALLIDA", campo="directorio",
                           valor=str(carpeta)) from e
    plan = plan_ejemplo()
    rutas = [guardar_plan(plan, carpeta / "plan.json"), guardar_plan(plan, carpeta / "plan.xlsx")]
    csv = guardar_plan(plan, carpeta / "plan.csv")
    rutas += [csv, *hermanos_csv(csv).values()]
    solicitud = carpeta / "solicitud.json"
    texto = json.dumps(_solicitud(), ensure_ascii=False, indent=2) + "\n"
    try:
        solicitud.write_text(texto, encoding="utf-8")
    except OSError as e:
        raise ErrorArchivo(f"{nombre_visible(solicitud)}: no se pudo escribir el archivo "
                           f"({e.strerror or 'error del sistema'})",
                           codigo="ESCRITURA_FALLIDA", campo="ruta",
                           valor=str(solicitud)) from e
    return [*rutas, solicitud]
