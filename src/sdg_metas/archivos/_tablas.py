"""El plan como tabla: CSV plano y hoja de Excel (``.xlsx``), una fila por meta con las
columnas :data:`~._filas.COLUMNAS_CSV`. Los dos formatos se leen con el mismo lector de filas
(:mod:`._filas`); aquí solo está lo propio de cada uno: escribir el CSV, partirlo en filas, abrir
el libro de Excel.
"""

from __future__ import annotations

import csv
import io
import os
import warnings
from collections.abc import Iterator, Sequence
from decimal import Decimal

from ..errores import ErrorArchivo
from ..modelo import Meta, Nivel, PlanDeGestion, ejecucion_de
from ._filas import COLUMNAS_CSV, Tabla, leer_tabla
from ._lectura import acotar_filas, leer_bytes, ruta_valida, texto_de, verificar_ancho_csv
from ._plan_json import validar_plan
from ._problemas import (
    LIMITES,
    MAX_BYTES,
    MAX_METAS,
    Limites,
    error,
    validar_limite,
    visible,
)
from ._xlsx import abrir_xlsx

_INSTALAR_EXCEL = "pip install 'sdg-metas[excel]'"


def opciones_csv(delimitador: str | None, decimal: str) -> None:
    """``OPCION_INVALIDA`` si ``decimal`` o ``delimitador`` no son de los admitidos."""
    if decimal not in (".", ","):
        raise ErrorArchivo(
            f"decimal: {decimal!r} debe ser '.' o ','", codigo="OPCION_INVALIDA",
            campo="decimal", valor=decimal,
        )
    if delimitador is not None and delimitador not in (",", ";", "\t"):
        raise ErrorArchivo(
            f"delimitador: {delimitador!r} debe ser ',', ';' o un tabulador",
            codigo="OPCION_INVALIDA", campo="delimitador", valor=delimitador,
        )
    if delimitador == decimal:
        raise ErrorArchivo(
            "delimitador: con decimal=',' el delimitador no puede ser ','; use ';'",
            codigo="OPCION_INVALIDA", campo="delimitador", valor=delimitador,
        )


# --- Escritura ----------------------------------------------------------------------------------


def _texto_csv(valor: Decimal | None, decimal: str) -> str:
    if valor is None:
        return ""
    texto = str(valor)
    return texto.replace(".", ",") if decimal == "," else texto


def _ejecuciones_por_codigo(plan: PlanDeGestion) -> dict[str, Sequence[Decimal | None]]:
    """Las ejecuciones T1..T4 de cada código que aparece una sola vez en el plan."""
    conteo: dict[str, int] = {}
    por_codigo: dict[str, Meta] = {}
    for meta in plan.metas:
        conteo[meta.codigo] = conteo.get(meta.codigo, 0) + 1
        por_codigo.setdefault(meta.codigo, meta)
    ejecuciones: dict[str, list[Decimal | None]] = {}
    for reporte in plan.reportes:
        lista = ejecuciones.setdefault(reporte.codigo_meta, [None] * 4)
        lista[reporte.trimestre.numero - 1] = ejecucion_de(reporte, por_codigo[reporte.codigo_meta])
    return {codigo: valores for codigo, valores in ejecuciones.items() if conteo[codigo] == 1}


def _fila_csv(
    plan: PlanDeGestion, meta: Meta, ejecuciones: Sequence[Decimal | None], decimal: str
) -> list[str]:
    prog = meta.programacion
    ind = meta.indicador
    return [
        str(plan.vigencia),
        plan.unidad,
        plan.nivel.value,
        meta.codigo,
        meta.descripcion,
        prog.tipo.value,
        _texto_csv(prog.magnitud, decimal),
        _texto_csv(prog.linea_base, decimal),
        *(_texto_csv(v, decimal) for v in prog.trimestres),
        *(_texto_csv(v, decimal) for v in ejecuciones),
        _texto_csv(meta.peso, decimal),
        meta.unidad,
        "" if meta.nivel is None else meta.nivel.value,
        "si" if meta.transversal else "no",
        meta.proceso_lider or "",
        meta.dependencia_orientadora or "",
        meta.objetivo_estrategico or "",
        " | ".join(meta.entregables),
        "" if ind is None else ind.nombre,
        "" if ind is None else ind.numerador,
        "" if ind is None else ind.denominador,
        "" if ind is None else ind.unidad,
        "" if meta.eliminada_desde is None else str(meta.eliminada_desde),
    ]


def plan_a_csv(plan: PlanDeGestion, *, delimitador: str | None = None, decimal: str = ".") -> str:
    """El plan como texto CSV: una fila por meta, con las columnas :data:`COLUMNAS_CSV`.

    El CSV solo guarda lo que sus columnas representan: de los reportes, la ejecución de cada
    trimestre (la dada o la calculada con numerador y denominador); ni los análisis, ni las
    evidencias, ni el historial de modificaciones. Para guardar todo, use JSON. El delimitador
    por defecto es ``,`` (``;`` con ``decimal=","``).

    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> texto = plan_a_csv(plan_ejemplo(), decimal=",")
    >>> texto.splitlines()[0][:40]
    'vigencia;unidad_plan;nivel_plan;codigo;d'
    """
    validar_plan(plan)
    if delimitador is None:
        delimitador = ";" if decimal == "," else ","
    opciones_csv(delimitador, decimal)
    salida = io.StringIO()
    escritor = csv.writer(salida, delimiter=delimitador, lineterminator="\r\n")
    escritor.writerow(COLUMNAS_CSV)
    ejecuciones = _ejecuciones_por_codigo(plan)
    for meta in plan.metas:
        escritor.writerow(
            _fila_csv(plan, meta, ejecuciones.get(meta.codigo, (None,) * 4), decimal)
        )
    return salida.getvalue()


# --- Lectura ------------------------------------------------------------------------------------


def _detectar_delimitador(texto: str) -> str:
    primera = next((linea for linea in io.StringIO(texto) if linea.strip()), "")
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
) -> PlanDeGestion:
    """Carga un plan de un CSV plano: una fila por meta (ver :data:`COLUMNAS_CSV`).

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
    validar_limite(max_bytes, "max_bytes")
    validar_limite(max_metas, "max_metas")
    opciones_csv(delimitador, decimal)
    es_texto = isinstance(ruta_o_texto, str) and ("\n" in ruta_o_texto or "\r" in ruta_o_texto)
    nombre, texto = texto_de(ruta_o_texto, es_texto, max_bytes)
    separador = delimitador or _detectar_delimitador(texto)
    if separador == decimal:
        separador = ";"
    tabla = Tabla(nombre, vigencia, unidad, nivel, decimal, max_metas)
    verificar_ancho_csv(nombre, texto, separador, limites or LIMITES)
    filas = acotar_filas(nombre, _filas_csv(texto, separador, nombre), limites or LIMITES)
    return leer_tabla(tabla, filas, ignorar_columnas)


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
) -> PlanDeGestion:
    """Carga un plan de una hoja de Excel (``.xlsx``) con las mismas columnas del CSV.

    Necesita el extra ``excel`` (``pip install 'sdg-metas[excel]'``, openpyxl). Se lee la hoja
    ``hoja`` o, por defecto, la primera; la primera fila no vacía son los encabezados. Las
    celdas numéricas se toman tal cual; ``decimal`` solo aplica a números escritos como texto.
    """
    validar_limite(max_bytes, "max_bytes")
    validar_limite(max_metas, "max_metas")
    opciones_csv(None, decimal)
    destino = ruta_valida(ruta)
    nombre = visible(str(destino))
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        raise error(nombre, "EXCEL_NO_DISPONIBLE",
                    f"leer archivos .xlsx requiere openpyxl; instálelo con {_INSTALAR_EXCEL}"
                    ) from None
    datos = leer_bytes(destino, max_bytes)
    limites = limites or LIMITES
    libro = abrir_xlsx(nombre, datos, max_bytes, limites)
    try:
        if hoja is not None and hoja not in libro.sheetnames:
            raise error(nombre, "EXCEL_INVALIDO",
                        f"el libro no tiene la hoja {hoja!r}; hojas: "
                        + ", ".join(libro.sheetnames), "hoja")
        pagina = libro[hoja] if hoja is not None else libro.worksheets[0]
        tabla = Tabla(nombre, vigencia, unidad, nivel, decimal, max_metas)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            filas = ((i, list(fila)) for i, fila in enumerate(pagina.iter_rows(values_only=True), 1))
            return leer_tabla(tabla, acotar_filas(nombre, filas, limites), ignorar_columnas)
    finally:
        libro.close()
