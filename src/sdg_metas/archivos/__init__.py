"""Archivos de plan: JSON versionado, CSV plano y Excel (``.xlsx``); archivos de solicitud.

Es una capa delgada de entrada y salida alrededor del núcleo (que no lee ni escribe archivos).
El formato JSON (``{"formato": "sdg_metas/plan", "version": 2, ...}``) guarda el plan completo
—metas, programación, indicador, reportes e historial de modificaciones— y la ida y vuelta es
exacta: los números viajan como texto (``"12.50"``) y las fechas en ISO (``"2025-04-10"``). El
libro de Excel (hojas ``metas``, ``reportes`` y ``modificaciones``) y la forma CSV
(``plan.csv`` con ``plan.reportes.csv`` y ``plan.modificaciones.csv`` al lado) son las mismas
tres tablas y llevan lo mismo que el JSON; un CSV de una sola tabla (una fila por meta, con las
ejecuciones T1..T4) se sigue leyendo. Toda celda de texto escrita en CSV o Excel pasa por
:func:`neutralizar_celda` (inyección CSV) y se lee con :func:`restaurar_celda`. El formato se
describe en ``docs/formatos.md`` y en el esquema JSON que viaja con el paquete
(``sdg_metas/esquemas/plan.schema.json``).

Un archivo con errores no se carga a medias: se reúnen *todos* sus problemas, cada uno con su
ubicación (archivo, fila y columna, o ruta JSON como ``metas[2].programacion.magnitud``), y se
lanza un único :class:`ErrorCarga` (un :class:`~sdg_metas.errores.ErrorArchivo`) con la tupla
``problemas``. Los límites (bytes, metas, columnas, filas, largo de celda, problemas
informados, anidamiento JSON …) son parámetros con valor por defecto (:class:`Limites`); una
entrada más grande se rechaza antes de interpretarla. No se usa ``eval`` ni ``pickle``.

El paquete se parte por asunto: ``_problemas`` (problemas, :class:`ErrorCarga` y límites),
``_lectura`` (bytes con límite, UTF-8, JSON), ``_campos`` (conversores de campos),
``_plan_json`` (el formato JSON y su esquema), ``_celdas`` (celdas de hoja de cálculo:
neutralizar, números, porcentajes y fechas de Excel en español, sugerencias),
``_encabezados`` (encabezados, ubicaciones y filas de toda tabla), ``_filas`` (la tabla de
metas), ``_registros`` (las tablas de reportes y modificaciones), ``_libro`` (armar el plan de
las tres tablas y escribirlas), ``_tablas`` (CSV y Excel), ``_solicitud`` (archivos de
solicitud), ``_ejemplos`` (los archivos de ejemplo) y ``_rutas`` (cargar y guardar según la
extensión).

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

from ._celdas import escapar_xlsx, neutralizar_celda, restaurar_celda
from ._ejemplos import escribir_ejemplos
from ._filas import COLUMNAS_CSV, COLUMNAS_OBLIGATORIAS_CSV
from ._libro import CIFRAS_EXCEL, COLUMNAS_METAS
from ._plan_json import FORMATO_PLAN, VERSION_PLAN, esquema_plan, plan_a_dict, plan_a_json
from ._problemas import MAX_BYTES, MAX_CELDA, MAX_METAS, ErrorCarga, Limites, Problema
from ._registros import COLUMNAS_MODIFICACIONES, COLUMNAS_REPORTES
from ._rutas import cargar_plan, guardar_plan, plan_desde_dict
from ._solicitud import FORMATO_SOLICITUD, VERSION_SOLICITUD, cargar_solicitud, solicitud_a_dict
from ._tablas import cargar_csv, cargar_xlsx, hermanos_csv, plan_a_csv

__all__ = [
    "CIFRAS_EXCEL",
    "COLUMNAS_CSV",
    "COLUMNAS_METAS",
    "COLUMNAS_MODIFICACIONES",
    "COLUMNAS_OBLIGATORIAS_CSV",
    "COLUMNAS_REPORTES",
    "FORMATO_PLAN",
    "FORMATO_SOLICITUD",
    "MAX_BYTES",
    "MAX_CELDA",
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
    "escapar_xlsx",
    "escribir_ejemplos",
    "esquema_plan",
    "guardar_plan",
    "hermanos_csv",
    "neutralizar_celda",
    "plan_a_csv",
    "plan_a_dict",
    "plan_a_json",
    "plan_desde_dict",
    "restaurar_celda",
    "solicitud_a_dict",
]
