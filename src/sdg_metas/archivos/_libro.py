"""El plan en tres tablas —``metas``, ``reportes`` y ``modificaciones``—, que es a la vez el
libro de Excel (una hoja por tabla) y la forma CSV (``plan.csv`` con ``plan.reportes.csv`` y
``plan.modificaciones.csv`` al lado). Aquí se arma el plan con las tablas leídas (con las
invariantes del modelo, cada problema en su celda) y se escriben las tablas: celdas de texto
neutralizadas (:func:`~._celdas.neutralizar_celda`), números y fechas.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from .._validacion import falta_openpyxl
from ..errores import ErrorArchivo
from ..invariantes import problemas_del_plan
from ..modelo import Meta, PlanDeGestion, RegistroModificacion, Reporte, ejecucion_de
from ._celdas import escapar_xlsx, neutralizar_celda, texto_numero_celda
from ._encabezados import Ubicador
from ._filas import COLUMNAS_CSV, Metas
from ._problemas import MAX_CELDA, ErrorCarga, Recolector, corto
from ._registros import (
    COLUMNAS_FRACCION,
    COLUMNAS_MODIFICACIONES,
    COLUMNAS_REPORTES,
    Registros,
    Valor,
    fila_modificacion,
    fila_reporte,
    si_no,
    unir_lista,
)

#: Columnas de la tabla de metas de la forma completa: las del CSV de una tabla sin las
#: ejecuciones (que van, con todo el reporte, en la tabla de reportes).
COLUMNAS_METAS = tuple(c for c in COLUMNAS_CSV if not c.startswith("ejecucion_"))
#: Nombre de cada tabla (la hoja del libro; el sufijo del archivo CSV hermano).
HOJAS = ("metas", "reportes", "modificaciones")
_CAMPO = re.compile(r"^(metas|reportes|modificaciones)\[(\d+)\](?:\.(\w+))?")

#: Dónde anotar un problema de un elemento: su recolector y la ruta de un campo (o ``None``).
_Donde = tuple[Recolector, Callable[[str | None], str]]


# --- Armar el plan ------------------------------------------------------------------------------


def _donde(rec: Recolector, ubicar: Ubicador, numero: int,
           fija: str | None = None) -> _Donde:
    def ruta(campo: str | None) -> str:
        columna = fija or campo
        return ubicar(numero, columna) if columna else ubicar.fila(numero)

    return rec, ruta


def _reportes_de(
    rec: Recolector, metas: Metas, reportes: Registros | None
) -> tuple[list[Reporte], list[_Donde]]:
    if reportes is None:
        donde = [
            _donde(rec, metas.ubicar, fila.numero, f"ejecucion_t{k}")
            for fila in metas.filas for k, e in enumerate(fila.ejecuciones, 1) if e is not None
        ]
        return list(metas.reportes), donde
    for fila in metas.filas:
        for k, e in enumerate(fila.ejecuciones, 1):
            if e is not None:
                rec.anotar(metas.ubicar(fila.numero, f"ejecucion_t{k}"), f"ejecucion_t{k}",
                           "con una tabla de reportes las ejecuciones van en ella; deje esta "
                           "celda vacía")
    return _elementos(reportes)


def _elementos(tabla: Registros | None) -> tuple[list[Any], list[_Donde]]:
    if tabla is None:
        return [], []
    pares = [(objeto, _donde(tabla.rec, tabla.ubicar, numero))
             for numero, objeto in tabla.filas if objeto is not None]
    return [o for o, _ in pares], [d for _, d in pares]


def _anotar_invariantes(
    rec: Recolector, metas: Metas, reportes: Sequence[Reporte], donde_r: Sequence[_Donde],
    modificaciones: Sequence[RegistroModificacion], donde_m: Sequence[_Donde],
) -> None:
    donde = {
        "metas": [_donde(rec, metas.ubicar, f.numero) for f in metas.filas],
        "reportes": donde_r,
        "modificaciones": donde_m,
    }
    for problema in problemas_del_plan(metas.vigencia, metas.metas, reportes, modificaciones,
                                       metas.nivel):
        partes = _CAMPO.match(problema.campo or "")
        assert partes is not None, problema  # toda invariante nombra su elemento
        destino, ruta = donde[partes[1]][int(partes[2])]
        destino.anotar(ruta(partes[3]), partes[3],
                       problema.mensaje.removeprefix(f"{problema.campo}: "))


def armar_plan(
    archivo: str, rec: Recolector, metas: Metas | None, reportes: Registros | None,
    modificaciones: Registros | None,
) -> PlanDeGestion:
    """El plan de las tablas leídas, o :class:`ErrorCarga` con los problemas de todas."""
    recs = [rec, *(t.rec for t in (reportes, modificaciones) if t is not None)]
    if metas is not None:
        lista_r, donde_r = _reportes_de(rec, metas, reportes)
        lista_m, donde_m = _elementos(modificaciones)
        _anotar_invariantes(rec, metas, lista_r, donde_r, lista_m, donde_m)
    problemas = [p for r in recs for p in r.problemas]
    omitidos = sum(r.omitidos for r in recs)
    if problemas or omitidos or metas is None:
        tope = rec.max_problemas  # la lista se acota también al juntar las tres tablas
        omitidos += max(0, len(problemas) - tope)
        raise ErrorCarga(archivo, problemas[:tope], codigo="ARCHIVO_INVALIDO", omitidos=omitidos)
    return PlanDeGestion(vigencia=metas.vigencia, unidad=metas.unidad, nivel=metas.nivel,
                         metas=metas.metas, reportes=lista_r, modificaciones=lista_m)


# --- Escribir las tablas ------------------------------------------------------------------------


def fila_meta(plan: PlanDeGestion, meta: Meta,
              ejecuciones: Sequence[Decimal | None] | None) -> list[Valor]:
    """Las celdas de una meta: las de :data:`COLUMNAS_CSV` o, sin ``ejecuciones``, las de
    :data:`COLUMNAS_METAS`."""
    prog = meta.programacion
    ind = meta.indicador
    return [
        Decimal(plan.vigencia), plan.unidad, plan.nivel.value, meta.codigo, meta.descripcion,
        prog.tipo.value, prog.magnitud, prog.linea_base, *prog.trimestres,
        *(ejecuciones if ejecuciones is not None else ()),
        meta.peso, meta.unidad, None if meta.nivel is None else meta.nivel.value,
        si_no(meta.transversal), meta.proceso_lider, meta.dependencia_orientadora,
        meta.objetivo_estrategico, unir_lista(meta.entregables),
        None if ind is None else ind.nombre, None if ind is None else ind.numerador,
        None if ind is None else ind.denominador, None if ind is None else ind.unidad,
        None if meta.eliminada_desde is None else str(meta.eliminada_desde),
    ]


def ejecuciones_por_codigo(plan: PlanDeGestion) -> dict[str, Sequence[Decimal | None]]:
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


Tablas = list[tuple[str, Sequence[str], list[list[Valor]]]]


_COLUMNAS_INDICADOR = ("indicador", "indicador_numerador", "indicador_denominador",
                       "indicador_unidad")


def _no_representable(tabla: str, fila: int, columna: str, valor: object,
                      motivo: str) -> ErrorArchivo:
    return ErrorArchivo(
        f"{tabla}, fila {fila}, {columna}: {motivo}, y el plan leído de vuelta de un CSV o de un "
        "libro de Excel no sería el guardado. Guarde el plan en JSON, que lo guarda tal cual",
        codigo="VALOR_NO_REPRESENTABLE", campo=columna, valor=valor,
    )


def _verificar_lista(tabla: str, fila: int, columna: str, elementos: Sequence[str]) -> None:
    """Los elementos de una celda de lista se separan con ``|`` y se leen sin espacios en los
    extremos, omitiendo los vacíos: un elemento que no vuelve igual no se escribe."""
    for elemento in elementos:
        if "|" in elemento:
            motivo = f"el elemento {corto(elemento)} lleva «|», el separador de la lista"
        elif not elemento.strip():
            motivo = "la lista tiene un elemento vacío (o solo espacios)"
        elif elemento != elemento.strip():
            motivo = f"el elemento {corto(elemento)} tiene espacios al comienzo o al final"
        else:
            continue
        raise _no_representable(tabla, fila, columna, elemento, motivo)


def _verificar_meta(fila: int, meta: Meta) -> None:
    """Lo de una meta que una celda no devuelve igual: el indicador en blanco y los entregables.
    (Un texto opcional en blanco ya es ``None`` en la meta, como la celda vacía que se lee.)"""
    if meta.indicador is not None:
        ind = meta.indicador
        textos = (ind.nombre, ind.numerador, ind.denominador, ind.unidad)
        if not any(t.strip() for t in textos):
            raise _no_representable("metas", fila, "indicador", ind.nombre,
                                    "el indicador tiene sus cuatro textos en blanco y se "
                                    "leería «sin indicador»")
        for columna, texto in zip(_COLUMNAS_INDICADOR, textos, strict=True):
            if texto and not texto.strip():
                raise _no_representable("metas", fila, columna, texto,
                                        f"{corto(texto)} es solo espacios y se leería vacío")
    _verificar_lista("metas", fila, "entregables", meta.entregables)


def verificar_tablas(plan: PlanDeGestion) -> None:
    """``VALOR_NO_REPRESENTABLE`` si algún valor del plan no volvería igual de las tablas (CSV
    o Excel): se leería otra cosa sin aviso. El JSON lo guarda tal cual."""
    if not plan.unidad.strip():
        raise _no_representable("metas", 2, "unidad_plan", plan.unidad,
                                f"la unidad del plan {corto(plan.unidad)} está en blanco y la "
                                "tabla se leería sin unidad")
    for fila, meta in enumerate(plan.metas, 2):
        _verificar_meta(fila, meta)
    for fila, reporte in enumerate(plan.reportes, 2):
        _verificar_lista("reportes", fila, "evidencias", reporte.evidencias)


def tablas_del_plan(plan: PlanDeGestion) -> Tablas:
    """Las tres tablas del plan: (nombre, columnas, filas de celdas)."""
    return [
        ("metas", COLUMNAS_METAS, [fila_meta(plan, m, None) for m in plan.metas]),
        ("reportes", COLUMNAS_REPORTES, [fila_reporte(r) for r in plan.reportes]),
        ("modificaciones", COLUMNAS_MODIFICACIONES,
         [fila_modificacion(m) for m in plan.modificaciones]),
    ]


def celda_csv(valor: Valor, decimal: str) -> str:
    """El texto de una celda en un CSV: números con ``decimal``, fechas ISO, textos
    neutralizados."""
    if valor is None:
        return ""
    if isinstance(valor, Decimal):
        return str(valor).replace(".", ",") if decimal == "," else texto_numero_celda(valor)
    if isinstance(valor, datetime.date):
        return valor.isoformat()
    return neutralizar_celda(valor)


def tabla_a_csv(columnas: Sequence[str], filas: Sequence[Sequence[Valor]], delimitador: str,
                decimal: str, tabla: str | None = None) -> str:
    """Una tabla como texto CSV (fin de línea ``\\r\\n``, como Excel). Con ``tabla`` (su nombre),
    un texto que ``cargar_plan`` no volvería a leer (más de ``MAX_CELDA`` caracteres en la
    celda, el límite ``max_celda`` por defecto) es ``CELDA_DEMASIADO_LARGA``."""

    def textos() -> Iterator[list[str]]:
        for i, fila in enumerate(filas, 2):
            celdas = [celda_csv(v, decimal) for v in fila]
            if tabla is not None:
                for columna, celda in zip(columnas, celdas, strict=True):
                    _cabe(celda, columna, tabla, i, _LIMITE_CSV)
            yield celdas

    salida = io.StringIO()
    escritor = csv.writer(salida, delimiter=delimitador, lineterminator="\r\n")
    escritor.writerow(columnas)
    escritor.writerows(textos())
    return salida.getvalue()


#: Las cifras significativas que Excel guarda de un número (y que openpyxl escribe sin perder).
CIFRAS_EXCEL = 15
#: La primera fecha de Excel (sistema 1900); las anteriores no son fechas para Excel.
PRIMERA_FECHA_EXCEL = datetime.date(1900, 1, 1)


def _celda_xlsx(valor: Valor) -> object:
    """Un número es una celda numérica cuando Excel lo guarda sin cambiarle un dígito (ni la
    escala: ``12.50`` no es ``12.5``; a lo sumo :data:`CIFRAS_EXCEL` cifras: openpyxl escribe
    16 y Excel guarda 15); si no, va como texto con punto decimal (exacto). Una fecha anterior a
    1900 va como texto ``AAAA-MM-DD`` (Excel no la tiene: 1899-12-31 volvería como una hora)."""
    if isinstance(valor, Decimal):
        texto = str(valor)
        numero: int | float = int(valor) if valor == valor.to_integral_value() else float(valor)
        if (len(valor.as_tuple().digits) <= CIFRAS_EXCEL and abs(numero) < 2**53
                and str(Decimal(repr(numero))) == texto):
            return numero
        return texto_numero_celda(valor)
    if isinstance(valor, str):
        return escapar_xlsx(neutralizar_celda(valor))
    if isinstance(valor, datetime.date) and valor < PRIMERA_FECHA_EXCEL:
        return valor.isoformat()
    return valor


_LIMITE_EXCEL = f"una celda de Excel admite {MAX_CELDA}; Excel lo recortaría"
_LIMITE_CSV = (f"cargar_plan lee una celda de CSV de a lo sumo {MAX_CELDA} (parámetro "
               "max_celda); el archivo no se podría volver a cargar")


def _cabe(celda: object, columna: str, hoja: str, fila: int, limite: str) -> None:
    """``CELDA_DEMASIADO_LARGA`` si el texto (ya neutralizado y escapado) pasa de ``MAX_CELDA``
    caracteres: el JSON lo guarda entero."""
    if isinstance(celda, str) and len(celda) > MAX_CELDA:
        raise ErrorArchivo(
            f"{hoja}, fila {fila}, {columna}: el texto ocupa {len(celda)} caracteres en la "
            f"celda y {limite}. Guarde el plan en JSON, que lo guarda entero",
            codigo="CELDA_DEMASIADO_LARGA",
            campo=columna,
            valor=len(celda),
        )


def _caben(celdas: Sequence[object], columnas: Sequence[str], hoja: str, fila: int) -> None:
    """Cada texto cabe en una celda de Excel (``MAX_CELDA`` caracteres, ya neutralizado y
    escapado): openpyxl cortaría en silencio lo que sobra, y el plan leído de vuelta no sería el
    guardado. Si no cabe, ``CELDA_DEMASIADO_LARGA``: el JSON guarda el texto entero. Un
    sustituto suelto (``\\ud800``, que no es un carácter Unicode) es ``ESCRITURA_FALLIDA``,
    como en JSON y CSV: el libro no se podría leer."""
    for columna, celda in zip(columnas, celdas, strict=True):
        _cabe(celda, columna, hoja, fila, _LIMITE_EXCEL)
        if isinstance(celda, str):
            try:
                celda.encode("utf-8")
            except UnicodeEncodeError as e:
                sustituto = f"\\u{ord(celda[e.start]):04x}"
                raise ErrorArchivo(
                    f"{hoja}, fila {fila}, {columna}: el texto tiene un carácter que no existe "
                    f"en Unicode ({sustituto}, un sustituto suelto); no se puede escribir en "
                    "ningún formato",
                    codigo="ESCRITURA_FALLIDA", campo=columna, valor=sustituto,
                ) from None


def libro_del_plan(plan: PlanDeGestion) -> bytes:
    """El libro de Excel del plan (hojas ``metas``, ``reportes`` y ``modificaciones``)."""
    try:
        import openpyxl
        from openpyxl.styles import Font
    except ImportError:
        raise falta_openpyxl("escribir archivos .xlsx", campo="ruta", valor="openpyxl") from None
    libro = openpyxl.Workbook()
    libro.remove(libro.active)
    for nombre, columnas, filas in tablas_del_plan(plan):
        hoja = libro.create_sheet(nombre)
        hoja.append(list(columnas))
        for celda in hoja[1]:
            celda.font = Font(bold=True)
        for i, fila in enumerate(filas, 2):
            celdas = [_celda_xlsx(v) for v in fila]
            _caben(celdas, columnas, nombre, i)
            hoja.append(celdas)
        hoja.freeze_panes = "A2"
        for j, columna in enumerate(columnas, 1):
            letra = hoja.cell(row=1, column=j).column_letter
            hoja.column_dimensions[letra].width = max(12, min(40, len(columna) + 2))
            formato = "0.00%" if columna in COLUMNAS_FRACCION else "DD/MM/YYYY"
            for (celda,) in hoja.iter_rows(min_row=2, min_col=j, max_col=j):
                if isinstance(celda.value, datetime.date) or columna in COLUMNAS_FRACCION:
                    celda.number_format = formato
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()
