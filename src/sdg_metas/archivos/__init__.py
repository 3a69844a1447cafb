"""Archivos de plan: JSON versionado, CSV plano y Excel (``.xlsx``); archivos de solicitud.

Es una capa delgada de entrada y salida alrededor del núcleo (que no lee ni escribe archivos).
El formato JSON (``{"formato": "sdg_metas/plan", "version": 2, ...}``) guarda el plan completo
—metas, programación, indicador, reportes e historial de modificaciones— y la ida y vuelta es
exacta: los números viajan como texto (``"12.50"``) y las fechas en ISO (``"2025-04-10"``). El
CSV (y la hoja de Excel, con las mismas columnas) tiene una fila por meta, como lo exporta un
analista desde una hoja de cálculo. El formato se describe en ``docs/formatos.md`` y en el
esquema JSON que viaja con el paquete (``sdg_metas/esquemas/plan.schema.json``).

Un archivo con errores no se carga a medias: se reúnen *todos* sus problemas, cada uno con su
ubicación (archivo, fila y columna, o ruta JSON como ``metas[2].programacion.magnitud``), y se
lanza un único :class:`ErrorCarga` (un :class:`~sdg_metas.errores.ErrorArchivo`) con la tupla
``problemas``. Los límites (bytes, metas, columnas, filas, largo de celda, problemas
informados, anidamiento JSON …) son parámetros con valor por defecto (:class:`Limites`); una
entrada más grande se rechaza antes de interpretarla. No se usa ``eval`` ni ``pickle``.

El paquete se parte por asunto: ``_problemas`` (problemas, :class:`ErrorCarga` y límites),
``_lectura`` (bytes con límite, UTF-8, JSON), ``_campos`` (conversores de campos),
``_plan_json`` (el formato JSON y su esquema), ``_filas`` (el lector de filas que comparten CSV
y Excel), ``_tablas`` (CSV y Excel), ``_solicitud`` (archivos de solicitud) y ``_rutas``
(cargar y guardar según la extensión).

>>> from sdg_metas.ejemplos import plan_ejemplo
>>> plan = plan_ejemplo()
>>> datos = plan_a_dict(plan)
>>> datos["formato"], datos["version"], datos["metas"][0]["programacion"]["magnitud"]
('sdg_metas/plan', 2, '120')
>>> plan_desde_dict(datos) == plan
True
>>> cargar_plan(plan_a_json(plan)) == plan
True
"""

from __future__ import annotations

from ._filas import COLUMNAS_CSV, COLUMNAS_OBLIGATORIAS_CSV
from ._plan_json import FORMATO_PLAN, VERSION_PLAN, esquema_plan, plan_a_dict, plan_a_json
from ._problemas import MAX_BYTES, MAX_METAS, ErrorCarga, Limites, Problema
from ._rutas import cargar_plan, guardar_plan, plan_desde_dict
from ._solicitud import FORMATO_SOLICITUD, VERSION_SOLICITUD, cargar_solicitud, solicitud_a_dict
from ._tablas import cargar_csv, cargar_xlsx, plan_a_csv

__all__ = [
    "COLUMNAS_CSV",
    "COLUMNAS_OBLIGATORIAS_CSV",
    "FORMATO_PLAN",
    "FORMATO_SOLICITUD",
    "MAX_BYTES",
    "MAX_METAS",
    "VERSION_PLAN",
    "VERSION_SOLICITUD",
    "ErrorCarga",
    "Limites",
    "Problema",
    "cargar_csv",
    "cargar_plan",
    "cargar_solicitud",
    "cargar_xlsx",
    "esquema_plan",
    "guardar_plan",
    "plan_a_csv",
    "plan_a_dict",
    "plan_a_json",
    "plan_desde_dict",
    "solicitud_a_dict",
]
