"""Los archivos de ejemplo (``sdg-metas ejemplos DIR``): el plan de ejemplo en JSON, Excel y
CSV, y una solicitud de modificación sobre una de sus metas."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..ejemplos import plan_ejemplo
from ..errores import ErrorArchivo
from ._plan_json import meta_a_dict
from ._rutas import guardar_plan
from ._solicitud import FORMATO_SOLICITUD, VERSION_SOLICITUD
from ._tablas import hermanos_csv


def _solicitud() -> dict[str, Any]:
    """Una solicitud realista: redistribuir lo que falta de la meta M1 entre T3 y T4."""
    meta = next(m for m in plan_ejemplo().metas if m.codigo == "M1")
    propuesta = meta_a_dict(meta)
    propuesta["programacion"]["trimestres"] = ["30", "30", "35", "25"]
    return {
        "formato": FORMATO_SOLICITUD,
        "version": VERSION_SOLICITUD,
        "codigo_meta": "M1",
        "fecha": "2025-06-10",
        "solicitante": "lider_proceso",
        "medio": "memorando",
        "destinatario": "jefe_oap",
        "justificacion": "La temporada de lluvias de octubre y noviembre impide parte de las "
                         "visitas de campo del cuarto trimestre; se adelantan 5 acciones al "
                         "tercero sin cambiar la magnitud anual.",
        "propuesta": propuesta,
    }


def escribir_ejemplos(directorio: str | os.PathLike[str]) -> list[Path]:
    """Escribe en ``directorio`` el plan de ejemplo como ``plan.json``, ``plan.xlsx`` y
    ``plan.csv`` (con ``plan.reportes.csv`` y ``plan.modificaciones.csv``), y una solicitud de
    modificación ``solicitud.json`` sobre su meta M1; devuelve las rutas escritas. La carpeta
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
    >>> mismo, solicitud.meta.codigo
    (True, 'M1')
    """
    carpeta = Path(directorio)
    try:
        carpeta.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ErrorArchivo(f"{carpeta}: no se pudo crear la carpeta ({e})",
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
        raise ErrorArchivo(f"{solicitud}: no se pudo escribir el archivo ({e})",
                           codigo="ESCRITURA_FALLIDA", campo="ruta",
                           valor=str(solicitud)) from e
    return [*rutas, solicitud]
