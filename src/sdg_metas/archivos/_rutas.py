"""Cargar y guardar un plan según la ruta: la extensión (o un texto que empieza por ``{``)
decide el formato; los límites se validan una vez, aquí, antes de leer nada."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errores import ErrorArchivo
from ..modelo import Nivel, PlanDeGestion
from ._lectura import leer_json, parece_json, texto_de
from ._plan_json import leer_plan, plan_a_json
from ._problemas import MAX_BYTES, MAX_METAS, error, validar_limite
from ._tablas import archivos_del_plan, cargar_csv, cargar_xlsx


def plan_desde_dict(
    datos: Mapping[str, Any], *, origen: str = "<datos>", max_metas: int = MAX_METAS
) -> PlanDeGestion:
    """El plan a partir de un diccionario del formato JSON (el inverso de :func:`plan_a_dict`).

    Los números pueden venir como texto (``"12.5"``), enteros o ``Decimal``; los campos
    opcionales pueden faltar. Se leen las versiones 1 y 2 del formato. Si algo está mal se
    lanza :class:`ErrorCarga` con todos los problemas (``origen`` encabeza cada ubicación).

    >>> plan_desde_dict({"formato": "sdg_metas/plan", "version": 1, "vigencia": 2025,
    ...                  "unidad": "Alcaldía Local de Suba", "nivel": "local",
    ...                  "metas": [{"codigo": "M1", "descripcion": "Atender", "peso": "120",
    ...                             "programacion": {"tipo": "lineal", "magnitud": "100",
    ...                                              "trimestres": [25, 25, 25, 25]}}]})
    Traceback (most recent call last):
    ...
    sdg_metas.archivos.ErrorCarga: <datos>: 2 problemas
      - <datos>, metas[0].peso: 120 supera 100; el peso de una meta es un porcentaje del plan
      - <datos>, metas[0].programacion.tipo: 'lineal' no es un valor válido; valores válidos: suma, constante, creciente, decreciente
    """
    validar_limite(max_metas, "max_metas")
    return leer_plan(datos, origen, max_metas)


def _cargar_json(ruta_o_texto: str | os.PathLike[str], es_texto: bool, max_bytes: int,
                 max_metas: int) -> PlanDeGestion:
    nombre, texto = texto_de(ruta_o_texto, es_texto, max_bytes)
    return leer_plan(leer_json(nombre, texto), nombre, max_metas)


def cargar_plan(
    ruta_o_texto: str | os.PathLike[str],
    *,
    max_bytes: int = MAX_BYTES,
    max_metas: int = MAX_METAS,
    vigencia: int | None = None,
    unidad: str | None = None,
    nivel: str | Nivel | None = None,
    delimitador: str | None = None,
    decimal: str = ".",
    hoja: str | None = None,
    ignorar_columnas: bool = False,
) -> PlanDeGestion:
    """Carga un plan de una ruta (``.json``, ``.csv`` o ``.xlsx``) o de un texto JSON.

    Un ``str`` que empieza por ``{`` (tras espacios) es un texto JSON; cualquier otro ``str`` o
    ``Path`` es una ruta, y su extensión decide el formato. ``vigencia``, ``unidad``, ``nivel``,
    ``delimitador``, ``decimal``, ``hoja`` e ``ignorar_columnas`` se pasan a :func:`cargar_csv`
    y :func:`cargar_xlsx` (el JSON no los usa). Si algo está mal se lanza :class:`ErrorCarga`
    con todos los problemas.

    >>> cargar_plan('{"formato": "sdg_metas/plan", "version": 1')
    Traceback (most recent call last):
    ...
    sdg_metas.archivos.ErrorCarga: <texto>: 1 problema
      - <texto>: JSON mal formado en la línea 1, columna 43: falta una coma
    """
    validar_limite(max_bytes, "max_bytes")
    validar_limite(max_metas, "max_metas")
    if parece_json(ruta_o_texto):
        return _cargar_json(ruta_o_texto, True, max_bytes, max_metas)
    ruta = Path(ruta_o_texto)
    sufijo = ruta.suffix.casefold()
    opciones: dict[str, Any] = {
        "vigencia": vigencia, "unidad": unidad, "nivel": nivel, "decimal": decimal,
        "max_bytes": max_bytes, "max_metas": max_metas, "ignorar_columnas": ignorar_columnas,
    }
    if sufijo == ".json":
        return _cargar_json(ruta, False, max_bytes, max_metas)
    if sufijo == ".csv":
        return cargar_csv(ruta, delimitador=delimitador, **opciones)
    if sufijo == ".xlsx":
        return cargar_xlsx(ruta, hoja=hoja, **opciones)
    raise error(str(ruta), "EXTENSION_DESCONOCIDA",
                f"la extensión {ruta.suffix!r} no es .json, .csv ni .xlsx")


def guardar_plan(
    plan: PlanDeGestion,
    ruta: str | os.PathLike[str],
    *,
    delimitador: str | None = None,
    decimal: str = ".",
    bom: bool = False,
) -> Path:
    """Guarda el plan en ``ruta``: JSON (``.json``), las tres tablas en CSV (``.csv``) o el libro
    de Excel (``.xlsx``, extra ``excel``).

    ``plan.csv`` lleva las metas, y ``plan.reportes.csv`` y ``plan.modificaciones.csv`` se
    escriben a su lado (siempre, aunque estén vacías); ``plan.xlsx`` tiene las hojas ``metas``,
    ``reportes`` y ``modificaciones`` (ver ``docs/formatos.md``). Los archivos de texto van en
    UTF-8 (con BOM si ``bom=True``, útil para que Excel reconozca la codificación de un CSV).
    Cada archivo se escribe a través de un archivo temporal, de modo que nunca queda escrito a
    medias. ``delimitador`` y ``decimal`` solo aplican al CSV (ver :func:`plan_a_csv`).
    Devuelve la ruta escrita.
    """
    destino = Path(ruta)
    sufijo = destino.suffix.casefold()
    if sufijo not in (".json", ".csv", ".xlsx"):
        raise ErrorArchivo(
            f"{destino}: la extensión {destino.suffix!r} no es .json, .csv ni .xlsx",
            codigo="EXTENSION_DESCONOCIDA", campo="ruta", valor=str(destino),
        )
    try:
        if sufijo == ".json":
            archivos = {destino: plan_a_json(plan).encode("utf-8-sig" if bom else "utf-8")}
        else:
            archivos = archivos_del_plan(plan, destino, delimitador=delimitador,
                                         decimal=decimal, bom=bom)
    except UnicodeEncodeError as e:
        raise ErrorArchivo(
            f"{destino}: no se pudo escribir el archivo ({e})",
            codigo="ESCRITURA_FALLIDA", campo="ruta", valor=str(destino),
        ) from e
    for archivo, datos in archivos.items():
        _escribir(archivo, datos)
    return destino


def _escribir(destino: Path, datos: bytes) -> None:
    temporal = destino.with_name(destino.name + ".tmp")
    try:
        temporal.write_bytes(datos)
        os.replace(temporal, destino)
    except OSError as e:
        temporal.unlink(missing_ok=True)
        raise ErrorArchivo(
            f"{destino}: no se pudo escribir el archivo ({e})",
            codigo="ESCRITURA_FALLIDA", campo="ruta", valor=str(destino),
        ) from e
