"""El plan en CSV y en Excel (``.xlsx``): la tabla de metas (:mod:`._filas`) y, si están, las
de reportes y modificaciones (:mod:`._registros`), armadas en :mod:`._libro`. Aquí solo está lo
propio de cada formato: partir el CSV en filas y encontrar sus archivos hermanos, abrir el libro
de Excel y sus hojas (con las fórmulas sin valor calculado).
"""

from __future__ import annotations

import csv
import io
import os
import re
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import attrs

from .._validacion import INSTALAR_EXCEL, exigir_entero, exigir_tipo, mostrar
from ..errores import ErrorArchivo
from ..modelo import Nivel, PlanDeGestion
from ._celdas import desescapar_xlsx, letra_columna
from ._encabezados import Tabla
from ._filas import COLUMNAS_CSV, leer_metas
from ._lectura import acotar_filas, leer_bytes, ruta_valida, texto_de, verificar_ancho_csv
from ._libro import (
    HOJAS,
    armar_plan,
    ejecuciones_por_codigo,
    fila_meta,
    libro_del_plan,
    tabla_a_csv,
    tablas_del_plan,
    verificar_tablas,
)
from ._plan_json import validar_plan
from ._problemas import (
    LIMITES,
    MAX_BYTES,
    MAX_METAS,
    Limites,
    Recolector,
    corto,
    error,
    nombre_visible,
    validar_limite,
)
from ._registros import Registros, leer_modificaciones, leer_reportes
from ._xlsx import abrir_xlsx


def opciones_csv(delimitador: str | None, decimal: str) -> None:
    """``OPCION_INVALIDA`` si ``decimal`` o ``delimitador`` no son de los admitidos."""
    if decimal not in (".", ","):
        raise ErrorArchivo(
            f"decimal: {mostrar(decimal)} debe ser '.' o ','", codigo="OPCION_INVALIDA",
            campo="decimal", valor=decimal,
        )
    if delimitador is not None and delimitador not in (",", ";", "\t"):
        raise ErrorArchivo(
            f"delimitador: {mostrar(delimitador)} debe ser ',', ';' o un tabulador",
            codigo="OPCION_INVALIDA", campo="delimitador", valor=delimitador,
        )
    if delimitador == decimal:
        raise ErrorArchivo(
            "delimitador: con decimal=',' el delimitador no puede ser ','; use ';'",
            codigo="OPCION_INVALIDA", campo="delimitador", valor=delimitador,
        )


# --- Escritura ----------------------------------------------------------------------------------


def plan_a_csv(plan: PlanDeGestion, *, delimitador: str | None = None, decimal: str = ".") -> str:
    """El plan como un solo texto CSV: una fila por meta, con las columnas :data:`COLUMNAS_CSV`.

    Esta tabla única solo guarda, de los reportes, la ejecución de cada trimestre (la dada o la
    calculada con numerador y denominador). Para guardarlo todo en CSV, use
    ``guardar_plan(plan, "plan.csv")``, que escribe además ``plan.reportes.csv`` y
    ``plan.modificaciones.csv``. El delimitador por defecto es ``,`` (``;`` con
    ``decimal=","``). Los textos que una hoja tomaría por fórmula se neutralizan
    (:func:`neutralizar_celda`).

    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> texto = plan_a_csv(plan_ejemplo(), decimal=",")
    >>> texto.splitlines()[0][:40]
    'vigencia;unidad_plan;nivel_plan;codigo;d'
    """
    validar_plan(plan)
    separador = _separador(delimitador, decimal)
    ejecuciones = ejecuciones_por_codigo(plan)
    filas = [fila_meta(plan, m, ejecuciones.get(m.codigo, (None,) * 4)) for m in plan.metas]
    return tabla_a_csv(COLUMNAS_CSV, filas, separador, decimal)


def _separador(delimitador: str | None, decimal: str) -> str:
    if delimitador is None:
        delimitador = ";" if decimal == "," else ","
    opciones_csv(delimitador, decimal)
    return delimitador


def hermanos_csv(ruta: Path) -> dict[str, Path]:
    """Los archivos de las tablas de reportes y modificaciones junto a ``ruta``
    (``plan.csv`` → ``plan.reportes.csv``, ``plan.modificaciones.csv``)."""
    return {h: ruta.with_name(f"{ruta.stem}.{h}{ruta.suffix}") for h in HOJAS[1:]}


def archivos_del_plan(
    plan: PlanDeGestion, destino: Path, *, delimitador: str | None = None, decimal: str = ".",
    bom: bool = False,
) -> dict[Path, bytes]:
    """Lo que ``guardar_plan`` escribe para una ruta ``.csv`` (las tres tablas) o ``.xlsx``
    (el libro): cada archivo con sus bytes."""
    validar_plan(plan)
    verificar_tablas(plan)
    if destino.suffix.casefold() == ".xlsx":
        return {destino: libro_del_plan(plan)}
    separador = _separador(delimitador, decimal)
    rutas = {"metas": destino, **hermanos_csv(destino)}
    codificacion = "utf-8-sig" if bom else "utf-8"
    return {
        rutas[nombre]: tabla_a_csv(columnas, filas, separador, decimal, nombre).encode(
            codificacion)
        for nombre, columnas, filas in tablas_del_plan(plan)
    }


# --- Lectura ------------------------------------------------------------------------------------


def _detectar_delimitador(texto: str, desde: int = 1) -> str:
    """El separador más frecuente en la fila de encabezados: la primera no vacía desde la línea
    ``desde`` (la de ``fila_encabezado``, si hay títulos encima)."""
    lineas = enumerate(io.StringIO(texto), 1)
    primera = next((linea for n, linea in lineas if n >= desde and linea.strip()), "")
    conteos = {d: primera.count(d) for d in (";", ",", "\t")}
    mejor = max(conteos, key=lambda d: conteos[d])
    return mejor if conteos[mejor] > 0 else ","


def _filas_csv(texto: str, delimitador: str, archivo: str) -> Iterator[tuple[int, list[str]]]:
    lector = csv.reader(io.StringIO(texto, newline=""), delimiter=delimitador, strict=True)
    numero = 0
    try:
        for fila in lector:
            numero += 1
            yield numero, fila
    except csv.Error as e:
        if "field limit" in str(e):
            raise error(archivo, "CELDA_DEMASIADO_LARGA",
                        f"la fila {numero + 1} tiene una celda de más de "
                        f"{csv.field_size_limit()} caracteres; no se leyó") from None
        raise error(archivo, "CSV_INVALIDO",
                    f"CSV mal formado cerca de la fila {numero + 1}: comillas o caracteres mal "
                    "puestos (o un carácter nulo)") from None


def cargar_csv(
    ruta_o_texto: str | os.PathLike[str],
    *,
    vigencia: int | None = None,
    unidad: str | None = None,
    nivel: str | Nivel | None = None,
    delimitador: str | None = None,
    decimal: str = ".",
    ignorar_columnas: bool = False,
    max_bytes: int = MAX_BYTES,
    max_metas: int = MAX_METAS,
    limites: Limites | None = None,
    fila_encabezado: int | None = None,
) -> PlanDeGestion:
    """Carga un plan de un CSV: una fila por meta (ver :data:`COLUMNAS_CSV`).

    Si ``ruta_o_texto`` es una ruta ``plan.csv`` y junto a ella están ``plan.reportes.csv`` o
    ``plan.modificaciones.csv`` (lo que escribe ``guardar_plan``), se leen también, con el mismo
    delimitador y ``decimal``: el plan completo (ver ``docs/formatos.md``).

    ``ruta_o_texto`` es una ruta, o el texto del CSV si es un ``str`` con algún salto de línea.
    El archivo va en UTF-8, con o sin BOM. ``delimitador`` es ``,``, ``;`` o tabulador; por
    defecto se deduce de la fila de encabezados. Con ``decimal=","`` los números se leen con
    coma decimal (``12,5``), como los escribe Excel en español; sin esa opción una coma decimal
    es un error que lo dice. ``vigencia``, ``unidad`` y ``nivel`` son los del plan cuando el
    archivo no trae las columnas ``vigencia``, ``unidad_plan`` y ``nivel_plan``.

    >>> texto = '''codigo;descripcion;tipo;magnitud;t1;t2;t3;t4;ejecucion_t1;peso
    ... M1;Atender 50 solicitudes;suma;50;12,5;12,5;12,5;12,5;10;100
    ... '''
    >>> plan = cargar_csv(texto, vigencia=2025, unidad="Alcaldía Local de Suba", decimal=",")
    >>> plan.metas[0].programacion.trimestres[0], plan.ejecuciones("M1")[0]
    (Decimal('12.5'), Decimal('10'))
    >>> cargar_csv(texto, vigencia=2025, unidad="Alcaldía Local de Suba")
    Traceback (most recent call last):
    ...
    sdg_metas.archivos.ErrorCarga: <texto>: 4 problemas
      - <texto>, fila 2, columna t1: '12,5' usa coma decimal; si el archivo viene de Excel en español, cárguelo con decimal=','
      ...
    """
    _opciones_de_tabla(max_bytes, max_metas, vigencia, unidad, fila_encabezado, limites)
    opciones_csv(delimitador, decimal)
    es_texto = isinstance(ruta_o_texto, str) and ("\n" in ruta_o_texto or "\r" in ruta_o_texto)
    nombre, texto = texto_de(ruta_o_texto, es_texto, max_bytes)
    tabla = Tabla(nombre, vigencia, unidad, nivel, decimal, max_metas)
    rec = Recolector(nombre)
    limites = limites or LIMITES
    separador, con_sep = _delimitador(nombre, texto, delimitador, decimal, fila_encabezado or 1)
    filas = _filas_acotadas(nombre, texto, separador, limites, con_sep)
    metas = leer_metas(rec, tabla, desde_encabezado(filas, fila_encabezado), ignorar_columnas)
    otras = _hermanos(None if es_texto else Path(ruta_o_texto), tabla, delimitador, max_bytes,
                      limites, ignorar_columnas)
    return armar_plan(nombre, rec, metas, otras["reportes"], otras["modificaciones"])


def _hermanos(
    ruta: Path | None, tabla: Tabla, delimitador: str | None, max_bytes: int, limites: Limites,
    ignorar_columnas: bool,
) -> dict[str, Registros | None]:
    """Las tablas de reportes y modificaciones de los CSV hermanos de ``ruta``, si están."""
    otras: dict[str, Registros | None] = dict.fromkeys(HOJAS[1:])
    for hoja, hermano in ({} if ruta is None else hermanos_csv(ruta)).items():
        if hermano.is_file():
            otro, texto = texto_de(hermano, False, max_bytes)
            separador, con_sep = _delimitador(otro, texto, delimitador, tabla.decimal)
            filas = _filas_acotadas(otro, texto, separador, limites, con_sep)
            otras[hoja] = _LECTORES[hoja](attrs.evolve(tabla, archivo=otro), filas,
                                          ignorar_columnas)
    return otras


def _filas_acotadas(
    nombre: str, texto: str, separador: str, limites: Limites, con_sep: bool = False
) -> Iterator[tuple[int, list[object]]]:
    """Las filas del CSV, comprobado su ancho antes de partirlo y acotada cada fila (issue 15);
    con ``con_sep``, sin la primera (la línea «sep=;»)."""
    verificar_ancho_csv(nombre, texto, separador, limites)
    filas = _filas_csv(texto, separador, nombre)
    if con_sep:
        filas = ((numero, celdas) for numero, celdas in filas if numero > 1)
    return acotar_filas(nombre, filas, limites)  # type: ignore[return-value]


_F = TypeVar("_F")


def desde_encabezado(
    filas: Iterator[tuple[int, _F]], fila_encabezado: int | None
) -> Iterator[tuple[int, _F]]:
    """Las filas desde ``fila_encabezado`` (1 = la primera; ``None``: la primera fila no vacía
    es la de los encabezados). Las de arriba (títulos de un formato como PLE-PIN-F017) se
    ignoran; las filas conservan su número, así las ubicaciones son las del archivo."""
    if fila_encabezado is None:
        return filas
    validar_limite(fila_encabezado, "fila_encabezado")
    return ((numero, celdas) for numero, celdas in filas if numero >= fila_encabezado)


def _delimitador(
    nombre: str, texto: str, delimitador: str | None, decimal: str, desde: int = 1
) -> tuple[str, bool]:
    """(el separador, ¿la primera línea es «sep=X»?). Excel escribe y respeta esa línea; la
    biblioteca también: manda sobre la detección, y contradecirla con la opción ``delimitador`` o
    con ``decimal`` es un error (leer con otro separador daría columnas cambiadas)."""
    sep = _linea_sep(texto)
    if sep is None:
        separador = delimitador or _detectar_delimitador(texto, desde)
        return (";" if separador == decimal else separador), False
    dice = f"la primera línea dice «sep={'tabulador' if sep == chr(9) else sep}»"
    if sep not in (",", ";", "\t"):
        raise error(nombre, "CSV_INVALIDO", f"{dice}: el delimitador debe ser ',', ';' o un "
                    "tabulador")
    if delimitador is not None and delimitador != sep:
        raise error(nombre, "CSV_INVALIDO", f"{dice} y se pidió delimitador="
                    f"{mostrar(delimitador)}; quite una de las dos")
    if sep == decimal:
        raise error(nombre, "CSV_INVALIDO", f"{dice} y los números se leen con decimal=','; "
                    "con coma decimal el delimitador es ';'")
    return sep, True


def _linea_sep(texto: str) -> str | None:
    """El carácter de una primera línea «sep=X» (sin importar mayúsculas), o ``None``."""
    primera = texto[:16].lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    return primera[4] if len(primera) == 5 and primera[:4].casefold() == "sep=" else None


_LECTORES = {"reportes": leer_reportes, "modificaciones": leer_modificaciones}


def _opciones_de_tabla(
    max_bytes: object, max_metas: object, vigencia: object, unidad: object,
    fila_encabezado: object, limites: object,
) -> None:
    """Los parámetros de un cargador de tablas, antes de leer (issue 13: una vigencia ``sNaN``
    o unos límites que no son :class:`Limites` no llegan a compararse con el archivo)."""
    validar_limite(max_bytes, "max_bytes")
    validar_limite(max_metas, "max_metas")
    if vigencia is not None:
        exigir_entero(vigencia, "vigencia", "un año (int) o quedar vacío")
    if unidad is not None:
        exigir_tipo(unidad, str, "unidad", "un texto (o quedar vacío)")
    if fila_encabezado is not None:
        validar_limite(fila_encabezado, "fila_encabezado")
    if limites is not None and not isinstance(limites, Limites):
        raise ErrorArchivo(f"limites: {mostrar(limites)} debe ser un Limites",
                           codigo="LIMITE_INVALIDO", campo="limites", valor=limites)


def _openpyxl(nombre: str) -> Any:
    try:
        import openpyxl
    except ImportError:
        raise error(nombre, "EXCEL_NO_DISPONIBLE",
                    f"leer archivos .xlsx requiere openpyxl; instálelo con {INSTALAR_EXCEL}"
                    ) from None
    return openpyxl


_FORMULA = re.compile(rb"<(?:\w+:)?f[ >]")


def tiene_formulas(datos: bytes) -> bool:
    """¿Alguna hoja del libro tiene una fórmula? (solo entonces se abre la vista de fórmulas)"""
    with zipfile.ZipFile(io.BytesIO(datos)) as archivo_zip:
        for info in archivo_zip.infolist():
            if info.filename.startswith("xl/worksheets/") and _FORMULA.search(
                archivo_zip.read(info)
            ):
                return True
    return False


def filas_de_hoja(
    rec: Recolector, libro: Any, formulas: Any, hoja: str
) -> Iterator[tuple[int, list[object]]]:
    """Las filas ``(número, celdas)`` de ``hoja``; cada fórmula sin valor calculado guardado
    se anota como problema con su celda."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        valores = libro[hoja].iter_rows(values_only=True)
        if formulas is None:
            yield from ((i, _textos(fila)) for i, fila in enumerate(valores, 1))
            return
        for i, (fila, crudas) in enumerate(
            zip(valores, formulas[hoja].iter_rows(values_only=True), strict=False), 1
        ):
            for j, (valor, cruda) in enumerate(zip(fila, crudas, strict=False)):
                if valor is None and isinstance(cruda, str) and cruda.startswith("="):
                    rec.anotar(f"hoja {hoja}, celda {letra_columna(j + 1)}{i}", None,
                               f"la fórmula {corto(cruda)} no tiene un valor calculado "
                               "guardado; abra el libro en Excel y guárdelo, o escriba el "
                               "valor")
            yield i, _textos(fila)


def _textos(fila: tuple[object, ...]) -> list[object]:
    return [desescapar_xlsx(c) if isinstance(c, str) else c for c in fila]


def cargar_xlsx(
    ruta: str | os.PathLike[str],
    *,
    hoja: str | None = None,
    vigencia: int | None = None,
    unidad: str | None = None,
    nivel: str | Nivel | None = None,
    decimal: str = ".",
    ignorar_columnas: bool = False,
    max_bytes: int = MAX_BYTES,
    max_metas: int = MAX_METAS,
    limites: Limites | None = None,
    fila_encabezado: int | None = None,
) -> PlanDeGestion:
    """Carga un plan de un libro de Excel (``.xlsx``).

    Necesita el extra ``excel`` (``pip install 'sdg-metas[excel]'``, openpyxl). Las metas se
    leen de la hoja ``hoja``; por defecto, de la hoja ``metas`` o, si no la hay, de la primera
    (con las columnas del CSV). Si el libro tiene hojas ``reportes`` y ``modificaciones``, se
    leen también (ver ``docs/formatos.md``). La primera fila no vacía de cada hoja son los
    encabezados. Las celdas numéricas y de fecha se toman tal cual; ``decimal`` solo aplica a
    números escritos como texto. Una fórmula sin valor calculado guardado es un error que
    nombra su celda.
    """
    _opciones_de_tabla(max_bytes, max_metas, vigencia, unidad, fila_encabezado, limites)
    opciones_csv(None, decimal)
    destino = ruta_valida(ruta)
    nombre = nombre_visible(destino)
    _openpyxl(nombre)
    datos = leer_bytes(destino, max_bytes)
    limites = limites or LIMITES
    libro = abrir_xlsx(nombre, datos, max_bytes, limites)
    formulas = (
        abrir_xlsx(nombre, datos, max_bytes, limites, formulas=True)
        if tiene_formulas(datos)
        else None
    )
    try:
        if hoja is not None and hoja not in libro.sheetnames:
            raise error(nombre, "EXCEL_INVALIDO",
                        f"el libro no tiene la hoja {mostrar(hoja)}; hojas: "
                        + ", ".join(libro.sheetnames), "hoja")
        primera = hoja or ("metas" if "metas" in libro.sheetnames else libro.sheetnames[0])
        tabla = Tabla(nombre, vigencia, unidad, nivel, decimal, max_metas, primera)
        rec = Recolector(nombre)
        filas = acotar_filas(nombre, filas_de_hoja(rec, libro, formulas, primera), limites)
        metas = leer_metas(rec, tabla, desde_encabezado(filas, fila_encabezado), ignorar_columnas)
        otras: dict[str, Registros | None] = dict.fromkeys(HOJAS[1:])
        for nombre_hoja in otras:
            if nombre_hoja in libro.sheetnames and nombre_hoja != primera:
                filas = acotar_filas(nombre, filas_de_hoja(rec, libro, formulas, nombre_hoja),
                                     limites)
                otras[nombre_hoja] = _LECTORES[nombre_hoja](
                    attrs.evolve(tabla, hoja=nombre_hoja), filas, ignorar_columnas)
        return armar_plan(nombre, rec, metas, otras["reportes"], otras["modificaciones"])
    finally:
        libro.close()
        if formulas is not None:
            formulas.close()
