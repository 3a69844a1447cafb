"""Cargar y guardar un plan según la ruta: la extensión (o un texto que empieza por ``{``)
decide el formato; los límites se validan una vez, aquí, antes de leer nada."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from .._validacion import mostrar
from ..errores import ErrorArchivo
from ..modelo import Nivel, PlanDeGestion
from ._lectura import ENTRADA_ESTANDAR, leer_json, parece_json, ruta_valida, texto_de
from ._plan_json import leer_plan, plan_a_json
from ._problemas import (
    LIMITES,
    MAX_BYTES,
    MAX_METAS,
    Limites,
    error,
    nombre_visible,
    validar_limite,
)
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


def _cargar_json(ruta_o_texto: str | os.PathLike[str], es_texto: bool,
                 limites: Limites) -> PlanDeGestion:
    nombre, texto = texto_de(ruta_o_texto, es_texto, limites.max_bytes)
    return leer_plan(leer_json(nombre, texto, limites), nombre, limites.max_metas)


def limites_efectivos(limites: object, max_bytes: int, max_metas: int) -> Limites:
    """``limites`` (o los de por defecto) con ``max_bytes`` y ``max_metas`` cuando se dieron
    (distintos de su valor por defecto): el parámetro explícito gana."""
    validar_limite(max_bytes, "max_bytes")
    validar_limite(max_metas, "max_metas")
    if limites is None:
        limites = LIMITES
    if not isinstance(limites, Limites):
        raise ErrorArchivo(f"limites: {mostrar(limites)} debe ser un Limites", codigo="LIMITE_INVALIDO",
                           campo="limites", valor=limites)
    return attrs.evolve(
        limites,
        max_bytes=limites.max_bytes if max_bytes == MAX_BYTES else max_bytes,
        max_metas=limites.max_metas if max_metas == MAX_METAS else max_metas,
    )


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
    limites: Limites | None = None,
    fila_encabezado: int | None = None,
) -> PlanDeGestion:
    """Carga un plan de una ruta (``.json``, ``.csv`` o ``.xlsx``) o de un texto JSON.

    Un ``str`` que empieza por ``{`` (tras espacios) es un texto JSON; ``"-"`` es un JSON que
    se lee de la entrada estándar; cualquier otro ``str`` o ``Path`` es una ruta a un archivo
    regular (una carpeta, una FIFO o un dispositivo se rechazan sin abrirlos), y su extensión
    decide el formato. ``vigencia``, ``unidad``, ``nivel``, ``delimitador``, ``decimal``,
    ``hoja``, ``ignorar_columnas`` y ``fila_encabezado`` (la fila de los encabezados de la tabla
    de metas, cuando arriba hay títulos) se pasan a :func:`cargar_csv` y :func:`cargar_xlsx` (el
    JSON no los usa). ``limites`` (:class:`Limites`) acota todo lo demás; ``max_bytes`` y
    ``max_metas``, si se dan, ganan sobre los suyos. Si algo está mal se lanza
    :class:`ErrorCarga` con todos los problemas; otra cosa que no sea una ruta o un texto es
    ``TipoInvalido``.

    >>> cargar_plan(None)
    Traceback (most recent call last):
    ...
    sdg_metas.errores.TipoInvalido: ruta: vacío debe ser una ruta (texto o Path) o un texto JSON

    >>> cargar_plan('{"formato": "sdg_metas/plan", "version": 1')
    Traceback (most recent call last):
    ...
    sdg_metas.archivos.ErrorCarga: <texto>: 1 problema
      - <texto>: JSON mal formado en la línea 1, columna 43: falta una coma
    """
    efectivos = limites_efectivos(limites, max_bytes, max_metas)
    if parece_json(ruta_o_texto):
        return _cargar_json(ruta_o_texto, True, efectivos)
    ruta = ruta_valida(ruta_o_texto)
    sufijo = ruta.suffix.casefold()
    opciones: dict[str, Any] = {
        "vigencia": vigencia, "unidad": unidad, "nivel": nivel, "decimal": decimal,
        "max_bytes": efectivos.max_bytes, "max_metas": efectivos.max_metas,
        "ignorar_columnas": ignorar_columnas, "limites": efectivos,
        "fila_encabezado": fila_encabezado,
    }
    if sufijo == ".json" or str(ruta) == ENTRADA_ESTANDAR:
        return _cargar_json(ruta, False, efectivos)
    if sufijo == ".csv":
        return cargar_csv(ruta, delimitador=delimitador, **opciones)
    if sufijo == ".xlsx":
        return cargar_xlsx(ruta, hoja=hoja, **opciones)
    raise error(nombre_visible(ruta), "EXTENSION_DESCONOCIDA",
                f"la extensión {mostrar(ruta.suffix)} no es .json, .csv ni .xlsx")


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
    Cada archivo se escribe de forma atómica: primero en un archivo temporal creado de forma
    segura (``tempfile.mkstemp``: nombre impredecible, creado en exclusiva, sin seguir enlaces)
    en la misma carpeta, y luego ``os.replace`` lo pone en su lugar; nunca queda escrito a
    medias. Si el destino es un enlace simbólico, se reemplaza *el enlace* por el archivo (el
    archivo al que apuntaba no se toca); si es una carpeta u otro archivo especial, es
    ``DESTINO_INVALIDO``. Un archivo que ya existía conserva sus permisos; uno nuevo queda con
    ``0644``. ``delimitador`` y ``decimal`` solo aplican al CSV (ver :func:`plan_a_csv`).
    Devuelve la ruta escrita.

    Lo que se escribe se vuelve a cargar igual, o no se escribe: en CSV y Excel, un valor que
    una celda no devuelve igual (un elemento de una lista con ``|`` o con espacios en los
    extremos, un texto opcional en blanco) es ``VALOR_NO_REPRESENTABLE`` y un texto que no cabe
    en una celda, ``CELDA_DEMASIADO_LARGA``; un texto con un sustituto suelto (que no es
    Unicode) es ``ESCRITURA_FALLIDA`` en todo formato. El JSON guarda todo lo demás tal cual.
    """
    destino = ruta_valida(ruta)
    sufijo = destino.suffix.casefold()
    if sufijo not in (".json", ".csv", ".xlsx"):
        raise ErrorArchivo(
            f"{nombre_visible(destino)}: la extensión {mostrar(destino.suffix)} no es .json, .csv ni .xlsx",
            codigo="EXTENSION_DESCONOCIDA", campo="ruta", valor=str(destino),
        )
    try:
        if sufijo == ".json":
            archivos = {destino: plan_a_json(plan).encode("utf-8-sig" if bom else "utf-8")}
        else:
            archivos = archivos_del_plan(plan, destino, delimitador=delimitador,
                                         decimal=decimal, bom=bom)
    except UnicodeEncodeError as e:
        raise _fallo_escritura(destino, f"el plan tiene un carácter que no existe en Unicode "
                               f"(posición {e.start})") from None
    for archivo, datos in archivos.items():
        escribir_atomico(archivo, datos)
    return destino


def _fallo_escritura(destino: Path, motivo: str, codigo: str = "ESCRITURA_FALLIDA") -> ErrorArchivo:
    return ErrorArchivo(f"{nombre_visible(destino)}: no se pudo escribir el archivo ({motivo})",
                        codigo=codigo, campo="ruta", valor=str(destino))


def _modo_destino(destino: Path) -> int:
    """Los permisos que tendrá el archivo: los del que existía, o ``0644``."""
    try:
        info = os.lstat(destino)
    except FileNotFoundError:
        return 0o644
    if stat.S_ISLNK(info.st_mode):
        return 0o644
    if not stat.S_ISREG(info.st_mode):
        clase = "una carpeta" if stat.S_ISDIR(info.st_mode) else "un archivo especial"
        raise _fallo_escritura(destino, f"es {clase}", "DESTINO_INVALIDO")
    return stat.S_IMODE(info.st_mode)


def escribir_atomico(destino: Path, datos: bytes) -> None:
    """Escribe ``datos`` en ``destino`` a través de un temporal seguro en la misma carpeta."""
    try:
        modo = _modo_destino(destino)
        descriptor, temporal = tempfile.mkstemp(
            dir=destino.parent, prefix=f".{destino.name[:40]}.", suffix=".tmp"
        )
    except OSError as e:
        raise _fallo_escritura(destino, _motivo(e)) from None
    try:
        with os.fdopen(descriptor, "wb") as f:
            f.write(datos)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temporal, modo)
        os.replace(temporal, destino)
    except OSError as e:
        Path(temporal).unlink(missing_ok=True)
        raise _fallo_escritura(destino, _motivo(e)) from None


def _motivo(e: OSError) -> str:
    if isinstance(e, FileNotFoundError):
        return "la carpeta no existe"
    if isinstance(e, PermissionError):
        return "sin permiso de escritura"
    return f"error del sistema {e.errno}"
