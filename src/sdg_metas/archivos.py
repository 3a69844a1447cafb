"""Archivos de plan: JSON versionado, CSV plano y Excel (``.xlsx``).

Es una capa delgada de entrada y salida alrededor del núcleo (que no lee ni escribe archivos).
El formato JSON (``{"formato": "sdg_metas/plan", "version": 1, ...}``) guarda el plan completo
—metas, programación, indicador, reportes e historial de modificaciones— y la ida y vuelta es
exacta: los números viajan como texto (``"12.50"``) y las fechas en ISO (``"2025-04-10"``). El
CSV (y la hoja de Excel, con las mismas columnas) tiene una fila por meta, como lo exporta un
analista desde una hoja de cálculo. El formato se describe en ``docs/formatos.md`` y en el
esquema JSON que viaja con el paquete (``sdg_metas/esquemas/plan.schema.json``).

Un archivo con errores no se carga a medias: se reúnen *todos* sus problemas, cada uno con su
ubicación (archivo, fila y columna, o ruta JSON como ``metas[2].programacion.magnitud``), y se
lanza un único :class:`ErrorCarga` (un :class:`~sdg_metas.errores.ErrorArchivo`) con la tupla
``problemas``. Los tamaños máximos (bytes y metas por plan) son parámetros; una entrada más
grande se rechaza antes de interpretarla. No se usa ``eval`` ni ``pickle``.

>>> from sdg_metas.ejemplos import plan_ejemplo
>>> plan = plan_ejemplo()
>>> datos = plan_a_dict(plan)
>>> datos["formato"], datos["version"], datos["metas"][0]["programacion"]["magnitud"]
('sdg_metas/plan', 1, '120')
>>> plan_desde_dict(datos) == plan
True
>>> cargar_plan(plan_a_json(plan)) == plan
True
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import re
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import attrs

from ._validacion import sin_tildes
from .errores import ErrorArchivo, ErrorNumero, ErrorSdgMetas
from .modelo import (
    Efecto,
    Indicador,
    Meta,
    Nivel,
    PlanDeGestion,
    Programacion,
    RegistroModificacion,
    Reporte,
    TipoProgramacion,
    Trimestre,
    ejecucion_de,
)
from .numeros import a_decimal

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

#: Valor de la clave ``formato`` de un archivo de plan.
FORMATO_PLAN = "sdg_metas/plan"
#: Versión del formato JSON de plan que esta biblioteca escribe (y la más alta que lee).
VERSION_PLAN = 1
#: Tamaño máximo por defecto de un archivo o texto de entrada: 50 MB.
MAX_BYTES = 50 * 1024 * 1024
#: Número máximo por defecto de metas en un plan.
MAX_METAS = 200_000

#: Columnas del CSV (y de la hoja de Excel), en el orden en que se escriben.
COLUMNAS_CSV = (
    "vigencia",
    "unidad_plan",
    "nivel_plan",
    "codigo",
    "descripcion",
    "tipo",
    "magnitud",
    "linea_base",
    "t1",
    "t2",
    "t3",
    "t4",
    "ejecucion_t1",
    "ejecucion_t2",
    "ejecucion_t3",
    "ejecucion_t4",
    "peso",
    "unidad",
    "nivel",
    "transversal",
    "proceso_lider",
    "dependencia_orientadora",
    "objetivo_estrategico",
    "entregables",
    "indicador",
    "indicador_numerador",
    "indicador_denominador",
    "indicador_unidad",
    "eliminada_desde",
)
#: Columnas que todo CSV debe tener (``vigencia`` y ``unidad_plan`` pueden darse como parámetros).
COLUMNAS_OBLIGATORIAS_CSV = ("codigo", "descripcion", "tipo", "magnitud", "t1", "t2", "t3", "t4",
                             "peso")

_T = TypeVar("_T")
_INSTALAR_EXCEL = "pip install 'sdg-metas[excel]'"
#: Un .xlsx descomprimido puede ocupar hasta este múltiplo de ``max_bytes``.
_FACTOR_XLSX = 20
_PATRON_FECHA = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SI = frozenset({"si", "s", "true", "verdadero", "1", "x"})
_NO = frozenset({"no", "n", "false", "falso", "0", ""})


@attrs.frozen(slots=True)
class Problema:
    """Un problema de un archivo: dónde está, en qué campo y qué pasa (en español).

    >>> p = Problema("plan.csv, fila 3, columna magnitud", "magnitud", "'abc' no es un número")
    >>> str(p)
    "plan.csv, fila 3, columna magnitud: 'abc' no es un número"
    """

    ubicacion: str
    campo: str | None
    mensaje: str

    def __str__(self) -> str:
        return f"{self.ubicacion}: {self.mensaje}"


class ErrorCarga(ErrorArchivo):
    """Un archivo de plan que no se puede cargar, con *todos* sus ``problemas`` a la vez.

    Es un :class:`~sdg_metas.errores.ErrorArchivo`; su ``codigo`` dice la clase de fallo
    (``ARCHIVO_INVALIDO`` cuando el contenido tiene problemas, ``JSON_INVALIDO``,
    ``ARCHIVO_DEMASIADO_GRANDE`` …) y ``problemas`` es una tupla de :class:`Problema`.
    """

    def __init__(
        self,
        archivo: str,
        problemas: Sequence[Problema],
        *,
        codigo: str | None = None,
    ) -> None:
        self.problemas: tuple[Problema, ...] = tuple(problemas)
        self.archivo = archivo
        n = len(self.problemas)
        cabecera = f"{archivo}: " + ("1 problema" if n == 1 else f"{n} problemas")
        mensaje = cabecera + "".join(f"\n  - {p}" for p in self.problemas)
        super().__init__(mensaje, codigo=codigo, campo=None, valor=archivo)

    def __reduce__(self) -> tuple[Any, ...]:
        return (self.__class__, (self.archivo, self.problemas), {"codigo": self.codigo})


def _error(archivo: str, codigo: str, mensaje: str, campo: str | None = None) -> ErrorCarga:
    return ErrorCarga(archivo, (Problema(archivo, campo, mensaje),), codigo=codigo)


def _normalizar(texto: str) -> str:
    return re.sub(r"[\s\-]+", "_", sin_tildes(texto))


def _validar_limite(valor: object, nombre: str) -> int:
    if isinstance(valor, bool) or not isinstance(valor, int) or valor < 1:
        raise ErrorArchivo(
            f"{nombre}: {valor!r} debe ser un entero mayor que 0",
            codigo="LIMITE_INVALIDO",
            campo=nombre,
            valor=valor,
        )
    return valor


# --- Plan → dict / JSON / CSV ------------------------------------------------------------------


def _num(valor: Decimal | None) -> str | None:
    return None if valor is None else str(valor)


def _trim(valor: Trimestre | None) -> str | None:
    return None if valor is None else str(valor)


def _fecha(valor: datetime.date | None) -> str | None:
    return None if valor is None else valor.isoformat()


def _meta_a_dict(meta: Meta) -> dict[str, Any]:
    prog = meta.programacion
    indicador = meta.indicador
    return {
        "codigo": meta.codigo,
        "descripcion": meta.descripcion,
        "programacion": {
            "tipo": prog.tipo.value,
            "magnitud": str(prog.magnitud),
            "trimestres": [_num(v) for v in prog.trimestres],
            "linea_base": _num(prog.linea_base),
        },
        "peso": str(meta.peso),
        "unidad": meta.unidad,
        "nivel": meta.nivel.value,
        "transversal": meta.transversal,
        "proceso_lider": meta.proceso_lider,
        "dependencia_orientadora": meta.dependencia_orientadora,
        "entregables": list(meta.entregables),
        "indicador": None
        if indicador is None
        else {
            "nombre": indicador.nombre,
            "numerador": indicador.numerador,
            "denominador": indicador.denominador,
            "unidad": indicador.unidad,
        },
        "objetivo_estrategico": meta.objetivo_estrategico,
        "eliminada_desde": _trim(meta.eliminada_desde),
    }


def _reporte_a_dict(r: Reporte) -> dict[str, Any]:
    return {
        "codigo_meta": r.codigo_meta,
        "trimestre": str(r.trimestre),
        "ejecucion": _num(r.ejecucion),
        "numerador": _num(r.numerador),
        "denominador": _num(r.denominador),
        "analisis": r.analisis,
        "evidencias": list(r.evidencias),
        "fecha_envio": _fecha(r.fecha_envio),
        "avance_reportado": _num(r.avance_reportado),
        "ejecucion_acumulada_reportada": _num(r.ejecucion_acumulada_reportada),
        "avance_acumulado_reportado": _num(r.avance_acumulado_reportado),
        "analisis_acumulado": r.analisis_acumulado,
        "causas_retraso": r.causas_retraso,
    }


def _modificacion_a_dict(m: RegistroModificacion) -> dict[str, Any]:
    return {
        "codigo_meta": m.codigo_meta,
        "fecha_solicitud": m.fecha_solicitud.isoformat(),
        "fecha_aprobacion": m.fecha_aprobacion.isoformat(),
        "efecto": m.efecto.value,
        "desde": _trim(m.desde),
        "revision_oap": m.revision_oap,
        "descripcion": m.descripcion,
    }


def _validar_plan(plan: object) -> PlanDeGestion:
    if not isinstance(plan, PlanDeGestion):
        raise ErrorArchivo(
            f"plan: {plan!r} debe ser un PlanDeGestion", codigo="TIPO_INVALIDO", campo="plan",
            valor=plan,
        )
    return plan


def plan_a_dict(plan: PlanDeGestion) -> dict[str, Any]:
    """El plan como diccionario del formato JSON versión 1 (solo ``str``, ``int``, ``bool``,
    ``None``, listas y diccionarios; los números como texto, las fechas en ISO).

    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> d = plan_a_dict(plan_ejemplo())
    >>> sorted(d)
    ['formato', 'metas', 'modificaciones', 'nivel', 'reportes', 'unidad', 'version', 'vigencia']
    >>> d["reportes"][0]["trimestre"], d["reportes"][0]["fecha_envio"]
    ('2025-T1', '2025-04-10')
    """
    _validar_plan(plan)
    return {
        "formato": FORMATO_PLAN,
        "version": VERSION_PLAN,
        "vigencia": plan.vigencia,
        "unidad": plan.unidad,
        "nivel": plan.nivel.value,
        "metas": [_meta_a_dict(m) for m in plan.metas],
        "reportes": [_reporte_a_dict(r) for r in plan.reportes],
        "modificaciones": [_modificacion_a_dict(m) for m in plan.modificaciones],
    }


def plan_a_json(plan: PlanDeGestion) -> str:
    """El plan como texto JSON (UTF-8 legible, sangría de 2 espacios, termina en salto de línea)."""
    return json.dumps(plan_a_dict(plan), ensure_ascii=False, indent=2) + "\n"


def _texto_csv(valor: Decimal | None, decimal: str) -> str:
    if valor is None:
        return ""
    texto = str(valor)
    return texto.replace(".", ",") if decimal == "," else texto


def _opciones_csv(delimitador: str | None, decimal: str) -> None:
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
    _validar_plan(plan)
    if delimitador is None:
        delimitador = ";" if decimal == "," else ","
    _opciones_csv(delimitador, decimal)
    salida = io.StringIO()
    escritor = csv.writer(salida, delimiter=delimitador, lineterminator="\r\n")
    escritor.writerow(COLUMNAS_CSV)
    conteo: dict[str, int] = {}
    por_codigo: dict[str, Meta] = {}
    for meta in plan.metas:
        conteo[meta.codigo] = conteo.get(meta.codigo, 0) + 1
        por_codigo.setdefault(meta.codigo, meta)
    ejecuciones_de: dict[str, list[Decimal | None]] = {}
    for reporte in plan.reportes:
        lista = ejecuciones_de.setdefault(reporte.codigo_meta, [None] * 4)
        lista[reporte.trimestre.numero - 1] = ejecucion_de(reporte, por_codigo[reporte.codigo_meta])
    for meta in plan.metas:
        prog = meta.programacion
        ejecuciones: Sequence[Decimal | None] = (
            ejecuciones_de.get(meta.codigo, (None,) * 4) if conteo[meta.codigo] == 1
            else (None,) * 4
        )
        ind = meta.indicador
        escritor.writerow(
            [
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
                meta.nivel.value,
                "si" if meta.transversal else "no",
                meta.proceso_lider or "",
                meta.dependencia_orientadora or "",
                meta.objetivo_estrategico or "",
                " | ".join(meta.entregables),
                "" if ind is None else ind.nombre,
                "" if ind is None else ind.numerador,
                "" if ind is None else ind.denominador,
                "" if ind is None else ind.unidad,
                _trim(meta.eliminada_desde) or "",
            ]
        )
    return salida.getvalue()


def guardar_plan(
    plan: PlanDeGestion,
    ruta: str | os.PathLike[str],
    *,
    delimitador: str | None = None,
    decimal: str = ".",
    bom: bool = False,
) -> Path:
    """Guarda el plan en ``ruta``: JSON si termina en ``.json``, CSV si termina en ``.csv``.

    El archivo se escribe en UTF-8 (con BOM si ``bom=True``, útil para que Excel reconozca la
    codificación de un CSV) a través de un archivo temporal, de modo que nunca queda escrito a
    medias. ``delimitador`` y ``decimal`` solo aplican al CSV (ver :func:`plan_a_csv`).
    Devuelve la ruta escrita.
    """
    destino = Path(ruta)
    sufijo = destino.suffix.casefold()
    if sufijo == ".json":
        texto = plan_a_json(plan)
    elif sufijo == ".csv":
        texto = plan_a_csv(plan, delimitador=delimitador, decimal=decimal)
    else:
        raise ErrorArchivo(
            f"{destino}: la extensión {destino.suffix!r} no es .json ni .csv",
            codigo="EXTENSION_DESCONOCIDA", campo="ruta", valor=str(destino),
        )
    temporal = destino.with_name(destino.name + ".tmp")
    try:
        datos = texto.encode("utf-8-sig" if bom else "utf-8")
        temporal.write_bytes(datos)
        os.replace(temporal, destino)
    except (OSError, UnicodeEncodeError) as e:
        temporal.unlink(missing_ok=True)
        raise ErrorArchivo(
            f"{destino}: no se pudo escribir el archivo ({e})",
            codigo="ESCRITURA_FALLIDA", campo="ruta", valor=str(destino),
        ) from e
    return destino


# --- Conversores de campos (cada uno lanza ErrorSdgMetas o _Invalido) -------------------------


class _Invalido(Exception):
    """Un valor inválido (mensaje sin el nombre del campo)."""


def _mensaje(e: ErrorSdgMetas) -> str:
    texto = e.mensaje
    if e.campo and texto.startswith(f"{e.campo}: "):
        return texto[len(e.campo) + 2:]
    return texto


def _c_texto(valor: object) -> str:
    if not isinstance(valor, str):
        raise _Invalido(f"{_repr(valor)} debe ser un texto")
    return valor


def _c_texto_opcional(valor: object) -> str | None:
    return None if valor is None else _c_texto(valor)


def _c_codigo(valor: object) -> str:
    texto = _c_texto(valor)
    if not texto.strip():
        raise _Invalido("el código no puede estar vacío")
    return texto


def _c_bool(valor: object) -> bool:
    if not isinstance(valor, bool):
        raise _Invalido(f"{_repr(valor)} debe ser true o false")
    return valor


def _c_numero(valor: object) -> Decimal:
    if isinstance(valor, (list, dict)):
        raise _Invalido(f"{_repr(valor)} debe ser un número (como texto, por ejemplo \"12.5\")")
    return a_decimal(valor, "valor")


def _c_numero_opcional(valor: object) -> Decimal | None:
    return None if valor is None else _c_numero(valor)


def _c_numero_signo_opcional(valor: object) -> Decimal | None:
    if valor is None:
        return None
    if isinstance(valor, (list, dict)):
        raise _Invalido(f"{_repr(valor)} debe ser un número (como texto, por ejemplo \"0.5\")")
    return a_decimal(valor, "valor", negativo=True)


def _c_peso(valor: object) -> Decimal:
    peso = _c_numero(valor)
    if peso > 100:
        raise _Invalido(f"{peso} supera 100; el peso de una meta es un porcentaje del plan")
    return peso


def _c_tipo(valor: object) -> TipoProgramacion:
    if not isinstance(valor, str):
        raise _Invalido(f"{_repr(valor)} debe ser un texto (suma, constante, creciente o "
                        "decreciente)")
    return TipoProgramacion.desde_texto(valor)


def _c_nivel(valor: object) -> Nivel:
    if not isinstance(valor, str):
        raise _Invalido(f"{_repr(valor)} debe ser un texto (central o local)")
    return Nivel.desde_texto(valor)


def _c_efecto(valor: object) -> Efecto:
    if isinstance(valor, str):
        clave = _normalizar(valor)
        for efecto in Efecto:
            if clave == efecto.value:
                return efecto
    validos = ", ".join(e.value for e in Efecto)
    raise _Invalido(f"{_repr(valor)} no es un efecto válido; valores válidos: {validos}")


def _c_trimestre(valor: object) -> Trimestre:
    if not isinstance(valor, str):
        raise _Invalido(f"{_repr(valor)} debe ser un texto como \"2025-T2\"")
    return Trimestre.desde_texto(valor)


def _c_trimestre_opcional(valor: object) -> Trimestre | None:
    return None if valor is None else _c_trimestre(valor)


def _c_fecha(valor: object) -> datetime.date:
    if not isinstance(valor, str) or not _PATRON_FECHA.match(valor):
        raise _Invalido(f"{_repr(valor)} debe ser una fecha AAAA-MM-DD (por ejemplo "
                        "\"2025-04-10\")")
    try:
        return datetime.date.fromisoformat(valor)
    except ValueError:
        raise _Invalido(f"{_repr(valor)} no es una fecha del calendario") from None


def _c_fecha_opcional(valor: object) -> datetime.date | None:
    return None if valor is None else _c_fecha(valor)


def _c_vigencia(valor: object) -> int:
    if isinstance(valor, bool) or not isinstance(valor, int):
        raise _Invalido(f"{_repr(valor)} debe ser un año (número entero, por ejemplo 2025)")
    Trimestre(valor, 1)
    return valor


def _repr(valor: object) -> str:
    texto = repr(valor)
    return texto if len(texto) <= 60 else texto[:57] + "..."


# --- Lectura del formato JSON -------------------------------------------------------------------


class _Lector:
    """Reúne los problemas de un archivo; ``leer`` convierte un campo o anota el problema."""

    def __init__(self, archivo: str) -> None:
        self.archivo = archivo
        self.problemas: list[Problema] = []

    def anotar(self, ruta: str, campo: str | None, mensaje: str) -> None:
        ubicacion = f"{self.archivo}, {ruta}" if ruta else self.archivo
        self.problemas.append(Problema(ubicacion, campo, mensaje))

    def convertir(
        self, ruta: str, campo: str, funcion: Callable[[object], _T], valor: object
    ) -> tuple[bool, _T | None]:
        try:
            return True, funcion(valor)
        except _Invalido as e:
            self.anotar(ruta, campo, str(e))
        except ErrorSdgMetas as e:
            self.anotar(ruta, campo, _mensaje(e))
        return False, None

    def objeto(
        self,
        datos: object,
        ruta: str,
        campos: Mapping[str, tuple[Callable[[object], Any], bool, object]],
    ) -> dict[str, Any] | None:
        """Lee un objeto JSON según ``campos`` (conversor, obligatorio, valor por defecto)."""
        if not isinstance(datos, dict):
            self.anotar(ruta, None, f"{_repr(datos)} debe ser un objeto JSON ({{...}})")
            return None
        bien = True
        for clave in datos:
            if clave not in campos:
                bien = False
                self.anotar(_ruta(ruta, str(clave)), str(clave),
                            f"campo desconocido {str(clave)!r}; campos válidos: "
                            + ", ".join(campos))
        resultado: dict[str, Any] = {}
        for nombre, (funcion, obligatorio, defecto) in campos.items():
            if nombre not in datos:
                if obligatorio:
                    bien = False
                    self.anotar(_ruta(ruta, nombre), nombre, "falta este campo obligatorio")
                else:
                    resultado[nombre] = defecto
                continue
            valor = datos[nombre]
            try:
                resultado[nombre] = funcion(valor)
            except _Invalido as e:
                bien = False
                self.anotar(_ruta(ruta, nombre), nombre, str(e))
            except ErrorSdgMetas as e:
                bien = False
                self.anotar(_ruta(ruta, nombre), nombre, _mensaje(e))
        return resultado if bien else None

    def lista(self, datos: object, ruta: str, campo: str) -> list[object] | None:
        if not isinstance(datos, list):
            self.anotar(ruta, campo, f"{_repr(datos)} debe ser una lista JSON ([...])")
            return None
        return datos

    def textos(self, datos: object, ruta: str, campo: str) -> tuple[str, ...] | None:
        elementos = self.lista(datos, ruta, campo)
        if elementos is None:
            return None
        textos = []
        for i, elemento in enumerate(elementos):
            if isinstance(elemento, str):
                textos.append(elemento)
            else:
                self.anotar(f"{ruta}[{i}]", campo, f"{_repr(elemento)} debe ser un texto")
        return tuple(textos) if len(textos) == len(elementos) else None

    def construir(self, ruta: str, fabrica: Callable[[], _T]) -> _T | None:
        try:
            return fabrica()
        except ErrorSdgMetas as e:  # pragma: no cover - red de seguridad: cada campo ya se validó
            self.anotar(_ruta(ruta, e.campo) if e.campo else ruta, e.campo, _mensaje(e))
            return None


def _ruta(base: str, campo: str) -> str:
    return f"{base}.{campo}" if base else campo


def _lista_cruda(valor: object) -> object:
    return valor


_CAMPOS_PLAN: dict[str, tuple[Callable[[object], Any], bool, object]] = {
    "formato": (_c_texto, True, None),
    "version": (_lista_cruda, True, None),
    "vigencia": (_c_vigencia, True, None),
    "unidad": (_c_texto, True, None),
    "nivel": (_c_nivel, True, None),
    "metas": (_lista_cruda, True, None),
    "reportes": (_lista_cruda, False, []),
    "modificaciones": (_lista_cruda, False, []),
}

_CAMPOS_META: dict[str, tuple[Callable[[object], Any], bool, object]] = {
    "codigo": (_c_codigo, True, None),
    "descripcion": (_c_texto, True, None),
    "programacion": (_lista_cruda, True, None),
    "peso": (_c_peso, True, None),
    "unidad": (_c_texto, False, ""),
    "nivel": (_c_nivel, False, Nivel.CENTRAL),
    "transversal": (_c_bool, False, False),
    "proceso_lider": (_c_texto_opcional, False, None),
    "dependencia_orientadora": (_c_texto_opcional, False, None),
    "entregables": (_lista_cruda, False, []),
    "indicador": (_lista_cruda, False, None),
    "objetivo_estrategico": (_c_texto_opcional, False, None),
    "eliminada_desde": (_c_trimestre_opcional, False, None),
}

_CAMPOS_PROGRAMACION: dict[str, tuple[Callable[[object], Any], bool, object]] = {
    "tipo": (_c_tipo, True, None),
    "magnitud": (_c_numero, True, None),
    "trimestres": (_lista_cruda, True, None),
    "linea_base": (_c_numero_opcional, False, None),
}

_CAMPOS_INDICADOR: dict[str, tuple[Callable[[object], Any], bool, object]] = {
    "nombre": (_c_texto, True, None),
    "numerador": (_c_texto, False, ""),
    "denominador": (_c_texto, False, ""),
    "unidad": (_c_texto, False, ""),
}

_CAMPOS_REPORTE: dict[str, tuple[Callable[[object], Any], bool, object]] = {
    "codigo_meta": (_c_codigo, True, None),
    "trimestre": (_c_trimestre, True, None),
    "ejecucion": (_c_numero_opcional, False, None),
    "numerador": (_c_numero_opcional, False, None),
    "denominador": (_c_numero_opcional, False, None),
    "analisis": (_c_texto, False, ""),
    "evidencias": (_lista_cruda, False, []),
    "fecha_envio": (_c_fecha_opcional, False, None),
    "avance_reportado": (_c_numero_signo_opcional, False, None),
    "ejecucion_acumulada_reportada": (_c_numero_opcional, False, None),
    "avance_acumulado_reportado": (_c_numero_signo_opcional, False, None),
    "analisis_acumulado": (_c_texto, False, ""),
    "causas_retraso": (_c_texto, False, ""),
}

_CAMPOS_MODIFICACION: dict[str, tuple[Callable[[object], Any], bool, object]] = {
    "codigo_meta": (_c_codigo, True, None),
    "fecha_solicitud": (_c_fecha, True, None),
    "fecha_aprobacion": (_c_fecha, True, None),
    "efecto": (_c_efecto, True, None),
    "desde": (_c_trimestre_opcional, False, None),
    "revision_oap": (_c_bool, False, False),
    "descripcion": (_c_texto, False, ""),
}


def _leer_programacion(lector: _Lector, datos: object, ruta: str) -> Programacion | None:
    campos = lector.objeto(datos, ruta, _CAMPOS_PROGRAMACION)
    trimestres: list[Decimal | None] | None = None
    if isinstance(datos, dict) and "trimestres" in datos:
        sub = _ruta(ruta, "trimestres")
        crudos = lector.lista(datos["trimestres"], sub, "trimestres")
        if crudos is not None:
            if len(crudos) != 4:
                lector.anotar(sub, "trimestres", "se esperan exactamente 4 valores (T1..T4) y "
                              f"se recibieron {len(crudos)}")
            else:
                valores = [
                    lector.convertir(f"{sub}[{i}]", "trimestres", _c_numero_opcional, v)
                    for i, v in enumerate(crudos)
                ]
                if all(ok for ok, _ in valores):
                    trimestres = [v for _, v in valores]
    if campos is None or trimestres is None:
        return None
    valores_finales = trimestres
    return lector.construir(
        ruta,
        lambda: Programacion(
            campos["tipo"], campos["magnitud"], valores_finales, linea_base=campos["linea_base"]
        ),
    )


def _leer_indicador(lector: _Lector, datos: object, ruta: str) -> tuple[bool, Indicador | None]:
    if datos is None:
        return True, None
    campos = lector.objeto(datos, ruta, _CAMPOS_INDICADOR)
    if campos is None:
        return False, None
    indicador = lector.construir(ruta, lambda: Indicador(**campos))
    return indicador is not None, indicador


def _leer_meta(lector: _Lector, datos: object, ruta: str) -> Meta | None:
    campos = lector.objeto(datos, ruta, _CAMPOS_META)
    if not isinstance(datos, dict):
        return None
    bien = campos is not None
    programacion = None
    if "programacion" in datos:
        programacion = _leer_programacion(lector, datos["programacion"],
                                          _ruta(ruta, "programacion"))
        bien = bien and programacion is not None
    entregables = lector.textos(datos.get("entregables", []), _ruta(ruta, "entregables"),
                                "entregables")
    ok_indicador, indicador = _leer_indicador(lector, datos.get("indicador"),
                                              _ruta(ruta, "indicador"))
    if not (bien and ok_indicador and entregables is not None):
        return None
    assert campos is not None
    campos.update(programacion=programacion, entregables=entregables, indicador=indicador)
    return lector.construir(ruta, lambda: Meta(**campos))


def _leer_reporte(lector: _Lector, datos: object, ruta: str) -> Reporte | None:
    campos = lector.objeto(datos, ruta, _CAMPOS_REPORTE)
    if not isinstance(datos, dict):
        return None
    evidencias = lector.textos(datos.get("evidencias", []), _ruta(ruta, "evidencias"),
                               "evidencias")
    if campos is None or evidencias is None:
        return None
    campos["evidencias"] = evidencias
    return lector.construir(ruta, lambda: Reporte(**campos))


def _leer_modificacion(
    lector: _Lector, datos: object, ruta: str
) -> RegistroModificacion | None:
    campos = lector.objeto(datos, ruta, _CAMPOS_MODIFICACION)
    if campos is None:
        return None
    return lector.construir(ruta, lambda: RegistroModificacion(**campos))


def _leer_elementos(
    lector: _Lector,
    datos: object,
    nombre: str,
    funcion: Callable[[_Lector, object, str], _T | None],
) -> list[_T | None] | None:
    """Cada elemento leído (``None`` donde tuvo problemas), o ``None`` si no es una lista."""
    elementos = lector.lista(datos, nombre, nombre)
    if elementos is None:
        return None
    return [funcion(lector, e, f"{nombre}[{i}]") for i, e in enumerate(elementos)]


def _verificar_referencias(
    lector: _Lector,
    vigencia: int | None,
    codigos: Sequence[str] | None,
    reportes: Sequence[Reporte | None],
    modificaciones: Sequence[RegistroModificacion | None],
) -> None:
    """Las reglas del plan que cruzan objetos (como ``PlanDeGestion``), todas a la vez.

    Se verifican los reportes y registros que se pudieron leer, frente a los códigos de meta
    escritos en el archivo (aunque la meta tenga otros problemas).
    """
    conteo: dict[str, int] = {}
    for codigo in codigos or ():
        conteo[codigo] = conteo.get(codigo, 0) + 1
    vistos: set[tuple[str, int]] = set()
    for i, r in enumerate(reportes):
        if r is None:
            continue
        if vigencia is not None and r.trimestre.vigencia != vigencia:
            lector.anotar(f"reportes[{i}].trimestre", "trimestre",
                          f"{r.trimestre} no es de la vigencia {vigencia} del plan")
        if codigos is not None and conteo.get(r.codigo_meta, 0) != 1:
            problema = "no es una meta del plan" if r.codigo_meta not in conteo else (
                "está repetido en el plan y el reporte es ambiguo"
            )
            lector.anotar(f"reportes[{i}].codigo_meta", "codigo_meta",
                          f"{r.codigo_meta!r} {problema}")
        clave = (r.codigo_meta, r.trimestre.numero)
        if clave in vistos:
            lector.anotar(f"reportes[{i}].trimestre", "trimestre",
                          f"la meta {r.codigo_meta!r} ya tiene un reporte para {r.trimestre}")
        vistos.add(clave)
    for i, m in enumerate(modificaciones):
        if m is not None and codigos is not None and m.codigo_meta not in conteo:
            lector.anotar(f"modificaciones[{i}].codigo_meta", "codigo_meta",
                          f"{m.codigo_meta!r} no es una meta del plan")


def _sin_nulos(valores: list[_T | None] | None) -> list[_T] | None:
    if valores is None or any(v is None for v in valores):
        return None
    return [v for v in valores if v is not None]


def _plan_desde_dict(datos: object, archivo: str, max_metas: int) -> PlanDeGestion:
    lector = _Lector(archivo)
    if not isinstance(datos, dict):
        raise _error(archivo, "FORMATO_DESCONOCIDO",
                     f"se esperaba un objeto JSON con \"formato\": \"{FORMATO_PLAN}\"")
    formato = datos.get("formato")
    if formato != FORMATO_PLAN:
        raise _error(archivo, "FORMATO_DESCONOCIDO",
                     f"formato: {_repr(formato)} no es un archivo de plan; se esperaba "
                     f"\"formato\": \"{FORMATO_PLAN}\"", "formato")
    version = datos.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or not (
        1 <= version <= VERSION_PLAN
    ):
        raise _error(archivo, "VERSION_NO_SOPORTADA",
                     f"version: {_repr(version)} no es una versión soportada del formato; esta "
                     f"biblioteca lee las versiones 1 a {VERSION_PLAN} (actualice sdg-metas)",
                     "version")
    crudas = datos.get("metas")
    if isinstance(crudas, list) and len(crudas) > max_metas:
        raise _error(archivo, "DEMASIADAS_METAS",
                     f"el plan tiene {len(crudas)} metas y el máximo es {max_metas} "
                     "(parámetro max_metas)", "metas")
    campos = lector.objeto(datos, "", _CAMPOS_PLAN)
    metas = _leer_elementos(lector, crudas, "metas", _leer_meta) if "metas" in datos else None
    reportes = _leer_elementos(lector, datos.get("reportes", []), "reportes", _leer_reporte)
    modificaciones = _leer_elementos(
        lector, datos.get("modificaciones", []), "modificaciones", _leer_modificacion
    )
    try:
        vigencia: int | None = _c_vigencia(datos.get("vigencia"))
    except (_Invalido, ErrorSdgMetas):
        vigencia = None
    codigos = [
        m["codigo"] for m in crudas if isinstance(m, dict) and isinstance(m.get("codigo"), str)
    ] if isinstance(crudas, list) else None
    _verificar_referencias(lector, vigencia, codigos, reportes or [], modificaciones or [])
    metas_ok = _sin_nulos(metas)
    reportes_ok = _sin_nulos(reportes)
    modificaciones_ok = _sin_nulos(modificaciones)
    if (
        lector.problemas
        or campos is None
        or metas_ok is None
        or reportes_ok is None
        or modificaciones_ok is None
    ):
        raise ErrorCarga(archivo, lector.problemas, codigo="ARCHIVO_INVALIDO")
    plan = lector.construir(
        "",
        lambda: PlanDeGestion(
            vigencia=campos["vigencia"],
            unidad=campos["unidad"],
            nivel=campos["nivel"],
            metas=metas_ok,
            reportes=reportes_ok,
            modificaciones=modificaciones_ok,
        ),
    )
    if plan is None:  # pragma: no cover - _verificar_referencias ya cubre las reglas del plan
        raise ErrorCarga(archivo, lector.problemas, codigo="ARCHIVO_INVALIDO")
    return plan


def plan_desde_dict(
    datos: Mapping[str, Any], *, origen: str = "<datos>", max_metas: int = MAX_METAS
) -> PlanDeGestion:
    """El plan a partir de un diccionario del formato JSON (el inverso de :func:`plan_a_dict`).

    Los números pueden venir como texto (``"12.5"``), enteros o ``Decimal``; los campos
    opcionales pueden faltar. Si algo está mal se lanza :class:`ErrorCarga` con todos los
    problemas (``origen`` encabeza cada ubicación).

    >>> plan_desde_dict({"formato": "sdg_metas/plan", "version": 1, "vigencia": 2025,
    ...                  "unidad": "Alcaldía Local de Suba", "nivel": "local",
    ...                  "metas": [{"codigo": "M1", "descripcion": "Atender", "peso": "120",
    ...                             "programacion": {"tipo": "lineal", "magnitud": "100",
    ...                                              "trimestres": [25, 25, 25, 25]}}]})
    Traceback (most recent call last):
    ...
    sdg_metas.archivos.ErrorCarga: <datos>: 2 problemas
      - <datos>, metas[0].peso: 120 supera 100; el peso de una meta es un porcentaje del plan
      - <datos>, metas[0].programacion.tipo: 'lineal' no es un valor válido; valores válidos: SUMA, CONSTANTE, CRECIENTE, DECRECIENTE
    """
    _validar_limite(max_metas, "max_metas")
    return _plan_desde_dict(datos, origen, max_metas)


# --- Entrada: rutas, textos y límites ----------------------------------------------------------


def _leer_bytes(ruta: Path, max_bytes: int) -> bytes:
    nombre = str(ruta)
    try:
        tamano = ruta.stat().st_size
    except FileNotFoundError:
        raise _error(nombre, "ARCHIVO_NO_ENCONTRADO", "el archivo no existe") from None
    except OSError as e:
        raise _error(nombre, "ARCHIVO_ILEGIBLE", f"no se pudo leer el archivo ({e})") from None
    _verificar_tamano(nombre, tamano, max_bytes)
    try:
        with ruta.open("rb") as f:
            datos = f.read(max_bytes + 1)
    except OSError as e:
        raise _error(nombre, "ARCHIVO_ILEGIBLE", f"no se pudo leer el archivo ({e})") from None
    _verificar_tamano(nombre, len(datos), max_bytes)
    return datos


def _verificar_tamano(nombre: str, tamano: int, max_bytes: int) -> None:
    if tamano > max_bytes:
        raise _error(nombre, "ARCHIVO_DEMASIADO_GRANDE",
                     f"ocupa {tamano} bytes y el máximo es {max_bytes} (parámetro max_bytes); "
                     "no se leyó")


def _decodificar(nombre: str, datos: bytes) -> str:
    try:
        return datos.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise _error(nombre, "CODIFICACION_INVALIDA",
                     f"no está en UTF-8 (byte {e.start}); guárdelo como «CSV UTF-8» o JSON "
                     "UTF-8") from None


def _texto_de(
    ruta_o_texto: str | os.PathLike[str], es_texto: bool, max_bytes: int
) -> tuple[str, str]:
    """(nombre para los mensajes, texto), con el límite de tamaño verificado antes de leer."""
    if es_texto:
        texto = str(ruta_o_texto)
        if len(texto) > max_bytes:
            _verificar_tamano("<texto>", len(texto), max_bytes)
        _verificar_tamano("<texto>", len(texto.encode("utf-8", "surrogatepass")), max_bytes)
        return "<texto>", texto.removeprefix("\ufeff")
    ruta = Path(ruta_o_texto)
    return str(ruta), _decodificar(str(ruta), _leer_bytes(ruta, max_bytes))


def _cargar_json(ruta_o_texto: str | os.PathLike[str], es_texto: bool, max_bytes: int,
                 max_metas: int) -> PlanDeGestion:
    nombre, texto = _texto_de(ruta_o_texto, es_texto, max_bytes)
    return _plan_desde_dict(_json(nombre, texto), nombre, max_metas)


def _json(nombre: str, texto: str) -> object:
    """El JSON de ``texto``, con los números decimales como ``Decimal`` (nunca ``float``)."""
    try:
        return json.loads(texto, parse_float=Decimal, parse_constant=_constante_json)
    except json.JSONDecodeError as e:
        raise _error(nombre, "JSON_INVALIDO",
                     f"JSON mal formado en la línea {e.lineno}, columna {e.colno}: "
                     f"{_traducir_json(e.msg)}") from None
    except (ValueError, RecursionError) as e:
        raise _error(nombre, "JSON_INVALIDO", f"JSON no admitido: {e}") from None


def _constante_json(nombre: str) -> object:
    raise ValueError(f"{nombre} no es un número válido")


_MENSAJES_JSON = {
    "Expecting value": "se esperaba un valor",
    "Expecting property name enclosed in double quotes": (
        "se esperaba el nombre de un campo entre comillas dobles"
    ),
    "Expecting ',' delimiter": "falta una coma",
    "Expecting ':' delimiter": "faltan los dos puntos",
    "Extra data": "sobra texto después del JSON",
    "Unterminated string starting at": "un texto sin cerrar",
}


def _traducir_json(mensaje: str) -> str:
    return _MENSAJES_JSON.get(mensaje, mensaje)


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
    ``delimitador``, ``decimal``, ``hoja`` e ``ignorar_columnas`` se pasan a :func:`cargar_csv` y :func:`cargar_xlsx`
    (el JSON no los usa). Si algo está mal se lanza :class:`ErrorCarga` con todos los problemas.

    >>> cargar_plan('{"formato": "sdg_metas/plan", "version": 1')
    Traceback (most recent call last):
    ...
    sdg_metas.archivos.ErrorCarga: <texto>: 1 problema
      - <texto>: JSON mal formado en la línea 1, columna 43: falta una coma
    """
    _validar_limite(max_bytes, "max_bytes")
    _validar_limite(max_metas, "max_metas")
    if isinstance(ruta_o_texto, str) and ruta_o_texto.lstrip("\ufeff \t\r\n").startswith("{"):
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
    raise _error(str(ruta), "EXTENSION_DESCONOCIDA",
                 f"la extensión {ruta.suffix!r} no es .json, .csv ni .xlsx")


# --- CSV y Excel ----------------------------------------------------------------------------------


def _detectar_delimitador(texto: str) -> str:
    primera = next((linea for linea in io.StringIO(texto) if linea.strip()), "")
    conteos = {d: primera.count(d) for d in (";", ",", "\t")}
    mejor = max(conteos, key=lambda d: conteos[d])
    return mejor if conteos[mejor] > 0 else ","


def _c_decimal_celda(valor: object, decimal: str, negativo: bool = False) -> Decimal:
    if isinstance(valor, (int, float, Decimal)) and not isinstance(valor, bool):
        return a_decimal(valor, "valor", negativo=negativo)
    texto = str(valor).strip()
    if decimal == ",":
        if "." in texto:
            raise ErrorNumero(
                f"{texto!r} tiene punto; con decimal=',' escriba el número con coma decimal y "
                "sin separador de miles"
            )
        texto = texto.replace(",", ".")
    elif "," in texto:
        raise ErrorNumero(
            f"{texto!r} usa coma decimal; si el archivo viene de Excel en español, cárguelo "
            "con decimal=','"
        )
    return a_decimal(texto, "valor", negativo=negativo)


def _c_transversal(valor: object) -> bool:
    if isinstance(valor, bool):
        return valor
    clave = _normalizar(_texto_celda(valor))
    if clave in _SI:
        return True
    if clave in _NO:
        return False
    raise _Invalido(f"{_repr(valor)} debe ser si o no")


def _c_vigencia_celda(valor: object) -> int:
    texto = _texto_celda(valor).strip()
    return _c_vigencia(int(texto) if texto.isdigit() else texto)


def _vacia(valor: object) -> bool:
    return valor is None or (isinstance(valor, str) and not valor.strip())


def _texto_celda(valor: object) -> str:
    if valor is None:
        return ""
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    return valor if isinstance(valor, str) else str(valor)


#: (número de fila, campos de la meta si la fila es válida, ejecuciones T1..T4)
_Fila = tuple[int, dict[str, Any] | None, tuple[Decimal | None, ...]]


class _LectorFilas:
    """Convierte las filas (listas de celdas) de un CSV o una hoja en un plan."""

    def __init__(
        self,
        archivo: str,
        *,
        vigencia: int | None,
        unidad: str | None,
        nivel: str | Nivel | None,
        decimal: str,
        max_metas: int,
    ) -> None:
        self.lector = _Lector(archivo)
        self.archivo = archivo
        self.vigencia = vigencia
        self.unidad = unidad
        self.nivel = nivel
        self.decimal = decimal
        self.max_metas = max_metas

    def anotar(self, fila: int, columna: str, mensaje: str) -> None:
        self.lector.problemas.append(
            Problema(f"{self.archivo}, fila {fila}, columna {columna}", columna, mensaje)
        )

    def celda(
        self, fila: int, valores: Mapping[str, object], columna: str,
        funcion: Callable[[object], _T],
    ) -> tuple[bool, _T | None]:
        try:
            return True, funcion(valores.get(columna))
        except _Invalido as e:
            self.anotar(fila, columna, str(e))
        except ErrorSdgMetas as e:
            self.anotar(fila, columna, _mensaje(e))
        return False, None

    def numero(self, valor: object) -> Decimal:
        if _vacia(valor):
            raise _Invalido("falta el número (la celda está vacía)")
        return _c_decimal_celda(valor, self.decimal)

    def numero_opcional(self, valor: object) -> Decimal | None:
        return None if _vacia(valor) else _c_decimal_celda(valor, self.decimal)

    def peso(self, valor: object) -> Decimal:
        peso = self.numero(valor)
        if peso > 100:
            raise _Invalido(f"{peso} supera 100; el peso de una meta es un porcentaje del plan")
        return peso

    def cabecera(
        self, fila: int, celdas: Sequence[object], ignorar_columnas: bool
    ) -> dict[str, int] | None:
        indices: dict[str, int] = {}
        bien = True
        for i, celda in enumerate(celdas):
            nombre = _normalizar(_texto_celda(celda))
            if not nombre:
                continue
            if nombre not in COLUMNAS_CSV:
                if not ignorar_columnas:
                    bien = False
                    self.lector.problemas.append(Problema(
                        f"{self.archivo}, fila {fila}, columna {i + 1}", nombre,
                        f"columna desconocida {_texto_celda(celda)!r}; columnas válidas: "
                        + ", ".join(COLUMNAS_CSV) + " (o cargue con ignorar_columnas=True)",
                    ))
                continue
            if nombre in indices:
                bien = False
                self.lector.problemas.append(Problema(
                    f"{self.archivo}, fila {fila}, columna {i + 1}", nombre,
                    f"la columna {nombre!r} está repetida",
                ))
                continue
            indices[nombre] = i
        faltan = [c for c in COLUMNAS_OBLIGATORIAS_CSV if c not in indices]
        if self.vigencia is None and "vigencia" not in indices:
            faltan.append("vigencia")
        if self.unidad is None and "unidad_plan" not in indices:
            faltan.append("unidad_plan")
        for columna in faltan:
            bien = False
            detalle = " (o el parámetro vigencia=)" if columna == "vigencia" else (
                " (o el parámetro unidad=)" if columna == "unidad_plan" else "")
            self.lector.problemas.append(Problema(
                f"{self.archivo}, fila {fila}", columna,
                f"falta la columna obligatoria {columna!r}{detalle}",
            ))
        return indices if bien else None

    def plan(self, filas: Iterable[tuple[int, Sequence[object]]],
             ignorar_columnas: bool) -> PlanDeGestion:
        iterador = iter(filas)
        primera = next(iterador, None)
        while primera is not None and all(_vacia(c) for c in primera[1]):
            primera = next(iterador, None)
        if primera is None:
            raise _error(self.archivo, "ARCHIVO_INVALIDO",
                         "el archivo está vacío; falta la fila de encabezados")
        indices = self.cabecera(primera[0], primera[1], ignorar_columnas)
        if indices is None:
            raise ErrorCarga(self.archivo, self.lector.problemas, codigo="ARCHIVO_INVALIDO")
        metas: list[_Fila] = []
        vigencias: dict[int, int] = {}
        unidades: dict[str, int] = {}
        niveles: dict[Nivel, int] = {}
        for numero, celdas in iterador:
            if all(_vacia(c) for c in celdas):
                continue
            if len(metas) >= self.max_metas:
                raise _error(self.archivo, "DEMASIADAS_METAS",
                             f"el archivo tiene más de {self.max_metas} metas (parámetro "
                             "max_metas); no se leyó", "metas")
            valores = {c: celdas[i] if i < len(celdas) else None for c, i in indices.items()}
            metas.append(self.fila(numero, valores, vigencias, unidades, niveles))
        return self.armar(metas, vigencias, unidades, niveles)

    def fila(
        self,
        numero: int,
        valores: Mapping[str, object],
        vigencias: dict[int, int],
        unidades: dict[str, int],
        niveles: dict[Nivel, int],
    ) -> _Fila:
        bien = True

        def leer(columna: str, funcion: Callable[[object], Any]) -> Any:
            nonlocal bien
            ok, valor = self.celda(numero, valores, columna, funcion)
            bien = bien and ok
            return valor

        if not _vacia(valores.get("vigencia")):
            v = leer("vigencia", _c_vigencia_celda)
            if v is not None:
                vigencias.setdefault(v, numero)
        if not _vacia(valores.get("unidad_plan")):
            unidades.setdefault(_texto_celda(valores["unidad_plan"]), numero)
        if not _vacia(valores.get("nivel_plan")):
            n = leer("nivel_plan", lambda x: _c_nivel(_texto_celda(x)))
            if n is not None:
                niveles.setdefault(n, numero)
        codigo = leer("codigo", lambda x: _c_codigo(_texto_celda(x)))
        descripcion = _texto_celda(valores.get("descripcion"))
        tipo = leer("tipo", lambda x: _c_tipo(_texto_celda(x)))
        magnitud = leer("magnitud", self.numero)
        linea_base = leer("linea_base", self.numero_opcional)
        trimestres = [leer(f"t{k}", self.numero_opcional) for k in range(1, 5)]
        ejecuciones = tuple(leer(f"ejecucion_t{k}", self.numero_opcional) for k in range(1, 5))
        peso = leer("peso", self.peso)
        nivel_meta = None
        if not _vacia(valores.get("nivel")):
            nivel_meta = leer("nivel", lambda x: _c_nivel(_texto_celda(x)))
        transversal = leer("transversal", _c_transversal)
        eliminada = None
        if not _vacia(valores.get("eliminada_desde")):
            eliminada = leer("eliminada_desde", lambda x: _c_trimestre(_texto_celda(x).strip()))
        if not bien:
            return numero, None, ejecuciones

        def opcional(columna: str) -> str | None:
            valor = valores.get(columna)
            return None if _vacia(valor) else _texto_celda(valor)

        entregables = tuple(
            e.strip() for e in _texto_celda(valores.get("entregables")).split("|") if e.strip()
        )
        nombre_indicador = opcional("indicador")
        indicador = None
        if nombre_indicador is not None or any(
            opcional(c) is not None
            for c in ("indicador_numerador", "indicador_denominador", "indicador_unidad")
        ):
            indicador = Indicador(
                nombre=nombre_indicador or "",
                numerador=opcional("indicador_numerador") or "",
                denominador=opcional("indicador_denominador") or "",
                unidad=opcional("indicador_unidad") or "",
            )
        campos: dict[str, Any] = {
            "codigo": codigo,
            "descripcion": descripcion,
            "peso": peso,
            "unidad": _texto_celda(valores.get("unidad")),
            "transversal": transversal,
            "proceso_lider": opcional("proceso_lider"),
            "dependencia_orientadora": opcional("dependencia_orientadora"),
            "objetivo_estrategico": opcional("objetivo_estrategico"),
            "entregables": entregables,
            "indicador": indicador,
            "eliminada_desde": eliminada,
            "nivel": nivel_meta,
        }
        try:
            campos["programacion"] = Programacion(tipo, magnitud, trimestres,
                                                  linea_base=linea_base)
        except ErrorSdgMetas as e:  # pragma: no cover - cada valor ya se validó
            self.anotar(numero, e.campo or "programacion", _mensaje(e))
            return numero, None, ejecuciones
        return numero, campos, ejecuciones

    def armar(
        self,
        filas: Sequence[_Fila],
        vigencias: Mapping[int, int],
        unidades: Mapping[str, int],
        niveles: Mapping[Nivel, int],
    ) -> PlanDeGestion:
        vigencia = self._unico("vigencia", self.vigencia, vigencias)
        unidad = self._unico("unidad_plan", self.unidad, unidades)
        nivel_param = None
        if self.nivel is not None:
            nivel_param = Nivel.desde_texto(self.nivel)
        nivel = self._unico("nivel_plan", nivel_param, niveles) or Nivel.CENTRAL
        if not filas:
            self.lector.problemas.append(Problema(self.archivo, "metas",
                                                  "el archivo no tiene ninguna meta"))
        conteo: dict[str, list[int]] = {}
        for numero, pendiente, _ in filas:
            if pendiente is not None:
                codigo = pendiente["codigo"]
                conteo.setdefault(codigo, []).append(numero)
        for numero, pendiente, ejecuciones in filas:
            if pendiente is None:
                continue
            codigo = pendiente["codigo"]
            filas_codigo = conteo[codigo]
            if len(filas_codigo) > 1 and any(e is not None for e in ejecuciones):
                self.anotar(numero, "codigo",
                            f"el código {codigo!r} está repetido (filas "
                            f"{', '.join(map(str, filas_codigo))}) y sus ejecuciones son "
                            "ambiguas")
        if self.lector.problemas or vigencia is None or unidad is None:
            raise ErrorCarga(self.archivo, self.lector.problemas, codigo="ARCHIVO_INVALIDO")
        metas = []
        reportes = []
        for _numero, pendiente, ejecuciones in filas:
            assert pendiente is not None
            campos = dict(pendiente)
            if campos["nivel"] is None:
                campos["nivel"] = nivel
            meta = Meta(**campos)
            metas.append(meta)
            for k, ejecucion in enumerate(ejecuciones, 1):
                if ejecucion is not None:
                    reportes.append(Reporte(codigo_meta=meta.codigo,
                                            trimestre=Trimestre(vigencia, k),
                                            ejecucion=ejecucion))
        return PlanDeGestion(vigencia=vigencia, unidad=unidad, nivel=nivel, metas=metas,
                             reportes=reportes)

    def _unico(self, columna: str, parametro: _T | None, vistos: Mapping[_T, int]) -> _T | None:
        if parametro is not None:
            for valor, fila in vistos.items():
                if valor != parametro:
                    self.anotar(fila, columna,
                                f"{_valor_texto(valor)} no coincide con el parámetro "
                                f"{_valor_texto(parametro)}")
            return parametro
        if len(vistos) > 1:
            (primero, _), *resto = vistos.items()
            for valor, fila in resto:
                self.anotar(fila, columna,
                            f"{_valor_texto(valor)} difiere de {_valor_texto(primero)} (un "
                            "archivo es un solo plan)")
            return None
        if not vistos:
            if columna != "nivel_plan":
                self.lector.problemas.append(Problema(
                    self.archivo, columna,
                    f"ninguna fila tiene {columna}; llene la columna o use el parámetro",
                ))
            return None
        return next(iter(vistos))


def _valor_texto(valor: object) -> str:
    if isinstance(valor, Nivel):
        return repr(valor.value)
    return repr(valor)


def _filas_csv(texto: str, delimitador: str, archivo: str) -> Iterator[tuple[int, list[str]]]:
    lector = csv.reader(io.StringIO(texto, newline=""), delimiter=delimitador, strict=True)
    numero = 0
    try:
        for fila in lector:
            numero += 1
            yield numero, fila
    except csv.Error as e:
        raise _error(f"{archivo}", "CSV_INVALIDO",
                     f"CSV mal formado cerca de la fila {numero + 1}: {e}") from None


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
    _validar_limite(max_bytes, "max_bytes")
    _validar_limite(max_metas, "max_metas")
    _opciones_csv(delimitador, decimal)
    es_texto = isinstance(ruta_o_texto, str) and ("\n" in ruta_o_texto or "\r" in ruta_o_texto)
    nombre, texto = _texto_de(ruta_o_texto, es_texto, max_bytes)
    separador = delimitador or _detectar_delimitador(texto)
    if separador == decimal:
        separador = ";"
    filas = _LectorFilas(nombre, vigencia=vigencia, unidad=unidad, nivel=nivel, decimal=decimal,
                         max_metas=max_metas)
    return filas.plan(_filas_csv(texto, separador, nombre), ignorar_columnas)


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
) -> PlanDeGestion:
    """Carga un plan de una hoja de Excel (``.xlsx``) con las mismas columnas del CSV.

    Necesita el extra ``excel`` (``pip install 'sdg-metas[excel]'``, openpyxl). Se lee la hoja
    ``hoja`` o, por defecto, la primera; la primera fila no vacía son los encabezados. Las celdas numéricas se
    toman tal cual; ``decimal`` solo aplica a números escritos como texto.
    """
    _validar_limite(max_bytes, "max_bytes")
    _validar_limite(max_metas, "max_metas")
    _opciones_csv(None, decimal)
    destino = Path(ruta)
    nombre = str(destino)
    try:
        import openpyxl
    except ImportError:
        raise _error(nombre, "EXCEL_NO_DISPONIBLE",
                     "leer archivos .xlsx requiere openpyxl; instálelo con "
                     f"{_INSTALAR_EXCEL}") from None
    datos = _leer_bytes(destino, max_bytes)
    _verificar_zip(nombre, datos, max_bytes)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            libro = openpyxl.load_workbook(io.BytesIO(datos), read_only=True, data_only=True)
    except Exception as e:  # openpyxl lanza errores de zip, XML y KeyError según el daño
        raise _error(nombre, "EXCEL_INVALIDO",
                     f"no es un libro de Excel .xlsx válido ({type(e).__name__})") from None
    try:
        if hoja is not None and hoja not in libro.sheetnames:
            raise _error(nombre, "EXCEL_INVALIDO",
                         f"el libro no tiene la hoja {hoja!r}; hojas: "
                         + ", ".join(libro.sheetnames), "hoja")
        pagina = libro[hoja] if hoja is not None else libro.worksheets[0]
        filas = _LectorFilas(nombre, vigencia=vigencia, unidad=unidad, nivel=nivel,
                             decimal=decimal, max_metas=max_metas)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            iterador = (
                (i, list(fila))
                for i, fila in enumerate(pagina.iter_rows(values_only=True), 1)
            )
            return filas.plan(iterador, ignorar_columnas)
    finally:
        libro.close()


def _verificar_zip(nombre: str, datos: bytes, max_bytes: int) -> None:
    """Rechaza un .xlsx cuyo contenido descomprimido pasa de ``_FACTOR_XLSX`` × ``max_bytes``
    (defensa contra «bombas zip»), antes de entregarlo a openpyxl."""
    try:
        with zipfile.ZipFile(io.BytesIO(datos)) as archivo_zip:
            total = sum(info.file_size for info in archivo_zip.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _error(nombre, "EXCEL_INVALIDO",
                     "no es un libro de Excel .xlsx válido (no es un archivo zip)") from None
    limite = _FACTOR_XLSX * max_bytes
    if total > limite:
        raise _error(nombre, "ARCHIVO_DEMASIADO_GRANDE",
                     f"su contenido descomprimido ocupa {total} bytes y el máximo es {limite} "
                     f"({_FACTOR_XLSX} × max_bytes); no se leyó")


def esquema_plan() -> dict[str, Any]:
    """El esquema JSON (draft 2020-12) del formato de plan que viaja con el paquete.

    >>> esquema_plan()["properties"]["formato"]["const"]
    'sdg_metas/plan'
    """
    from importlib import resources

    texto = resources.files("sdg_metas").joinpath("esquemas/plan.schema.json").read_text(
        encoding="utf-8"
    )
    resultado: dict[str, Any] = json.loads(texto)
    return resultado


# --- Solicitudes de modificación (Política 9) ---------------------------------------------------

#: Valor de la clave ``formato`` de un archivo de solicitud de modificación.
FORMATO_SOLICITUD = "sdg_metas/solicitud"
#: Versión del formato JSON de solicitud que esta biblioteca escribe (y la más alta que lee).
VERSION_SOLICITUD = 1


def _c_rol(valor: object) -> Any:
    from .modificaciones import Rol

    return Rol.desde_texto(_c_texto(valor))


def _c_medio(valor: object) -> Any:
    from .modificaciones import Medio

    return Medio.desde_texto(_c_texto(valor))


def _c_instancia(valor: object) -> Any:
    from .modificaciones import Instancia

    return Instancia.desde_texto(_c_texto(valor))


def _c_causal(valor: object) -> Any:
    from .modificaciones import Causal, _miembro

    return None if valor is None else _miembro(Causal, _c_texto(valor), "causal_excepcional")


def _c_bool_estricto(valor: object) -> bool:
    if not isinstance(valor, bool):
        raise _Invalido(f"{_repr(valor)} debe ser true o false")
    return valor


_CAMPOS_SOLICITUD: dict[str, tuple[Callable[[object], Any], bool, object]] = {
    "formato": (_c_texto, True, None),
    "version": (_lista_cruda, True, None),
    "codigo_meta": (_c_codigo, True, None),
    "fecha": (_c_fecha, True, None),
    "solicitante": (_c_rol, True, None),
    "medio": (_c_medio, True, None),
    "destinatario": (_c_rol, True, None),
    "justificacion": (_c_texto, False, ""),
    "propuesta": (_lista_cruda, False, None),
    "eliminar": (_c_bool_estricto, False, False),
    "conceptos": (_lista_cruda, False, []),
    "causal_excepcional": (_c_causal, False, None),
}

_CAMPOS_CONCEPTO: dict[str, tuple[Callable[[object], Any], bool, object]] = {
    "instancia": (_c_instancia, True, None),
    "favorable": (_c_bool_estricto, True, None),
    "medio": (_c_medio, True, None),
    "fecha": (_c_fecha, True, None),
}


def solicitud_a_dict(solicitud: Any) -> dict[str, Any]:
    """Una :class:`~sdg_metas.modificaciones.SolicitudModificacion` en el formato JSON de
    solicitud (versión 1).

    Los hechos que salen del plan (``modificaciones_previas``, ``trimestres_reportados``,
    ``vigencia``) no se guardan: :func:`cargar_solicitud` los vuelve a tomar del plan.
    """
    from .modificaciones import SolicitudModificacion

    if not isinstance(solicitud, SolicitudModificacion):
        raise ErrorArchivo(
            f"solicitud: {solicitud!r} debe ser una SolicitudModificacion",
            codigo="TIPO_INVALIDO", campo="solicitud", valor=solicitud,
        )
    return {
        "formato": FORMATO_SOLICITUD,
        "version": VERSION_SOLICITUD,
        "codigo_meta": solicitud.meta.codigo,
        "fecha": solicitud.fecha.isoformat(),
        "solicitante": solicitud.solicitante.value,
        "medio": solicitud.medio.value,
        "destinatario": solicitud.destinatario.value,
        "justificacion": solicitud.justificacion,
        "propuesta": None if solicitud.propuesta is None else _meta_a_dict(solicitud.propuesta),
        "eliminar": solicitud.eliminar,
        "conceptos": [
            {
                "instancia": c.instancia.value,
                "favorable": c.favorable,
                "medio": c.medio.value,
                "fecha": c.fecha.isoformat(),
            }
            for c in solicitud.conceptos
        ],
        "causal_excepcional": (
            None if solicitud.causal_excepcional is None else solicitud.causal_excepcional.value
        ),
    }


def _solicitud_desde_dict(datos: object, archivo: str, plan: PlanDeGestion) -> Any:
    from .modificaciones import Concepto, solicitud_desde_plan

    if not isinstance(datos, dict) or datos.get("formato") != FORMATO_SOLICITUD:
        formato = datos.get("formato") if isinstance(datos, dict) else datos
        raise _error(archivo, "FORMATO_DESCONOCIDO",
                     f"formato: {_repr(formato)} no es una solicitud de modificación; se "
                     f"esperaba \"formato\": \"{FORMATO_SOLICITUD}\"", "formato")
    version = datos.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or not (
        1 <= version <= VERSION_SOLICITUD
    ):
        raise _error(archivo, "VERSION_NO_SOPORTADA",
                     f"version: {_repr(version)} no es una versión soportada del formato de "
                     f"solicitud; esta biblioteca lee las versiones 1 a {VERSION_SOLICITUD}",
                     "version")
    lector = _Lector(archivo)
    campos = lector.objeto(datos, "", _CAMPOS_SOLICITUD)
    propuesta = None
    if datos.get("propuesta") is not None:
        propuesta = _leer_meta(lector, datos["propuesta"], "propuesta")
    conceptos: list[Any] = []
    crudos = lector.lista(datos.get("conceptos", []), "conceptos", "conceptos")
    for i, crudo in enumerate(crudos or []):
        concepto = lector.objeto(crudo, f"conceptos[{i}]", _CAMPOS_CONCEPTO)
        if concepto is not None:
            conceptos.append(Concepto(**concepto))
    codigo = datos.get("codigo_meta")
    if isinstance(codigo, str) and codigo.strip() and all(m.codigo != codigo for m in plan.metas):
        lector.anotar("codigo_meta", "codigo_meta",
                      f"{codigo!r} no es una meta del plan {plan.unidad!r}")
    if lector.problemas or campos is None:
        raise ErrorCarga(archivo, lector.problemas, codigo="ARCHIVO_INVALIDO")
    try:
        return solicitud_desde_plan(
            plan,
            campos["codigo_meta"],
            fecha=campos["fecha"],
            solicitante=campos["solicitante"],
            medio=campos["medio"],
            destinatario=campos["destinatario"],
            justificacion=campos["justificacion"],
            propuesta=propuesta,
            eliminar=campos["eliminar"],
            conceptos=conceptos,
            causal_excepcional=campos["causal_excepcional"],
        )
    except ErrorSdgMetas as e:  # una solicitud inconsistente (eliminar y propuesta, …)
        lector.anotar(e.campo or "", e.campo, _mensaje(e))
        raise ErrorCarga(archivo, lector.problemas, codigo="ARCHIVO_INVALIDO") from None


def cargar_solicitud(
    ruta_o_texto: str | os.PathLike[str],
    plan: PlanDeGestion,
    *,
    max_bytes: int = MAX_BYTES,
) -> Any:
    """Carga una solicitud de modificación (JSON, ``"formato": "sdg_metas/solicitud"``) sobre una
    meta de ``plan``; los hechos de la solicitud (modificaciones previas, trimestres
    reportados, vigencia) se toman del plan (:func:`~sdg_metas.solicitud_desde_plan`).

    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> from sdg_metas import evaluar_solicitud
    >>> solicitud = cargar_solicitud('''{"formato": "sdg_metas/solicitud", "version": 1,
    ...     "codigo_meta": "M5", "fecha": "2025-05-20", "solicitante": "lider_proceso",
    ...     "medio": "memorando", "destinatario": "jefe_oap",
    ...     "justificacion": "La norma que daba origen a la meta fue derogada",
    ...     "eliminar": true}''', plan_ejemplo())
    >>> solicitud.meta.codigo, sorted(solicitud.trimestres_reportados)  # M5 empieza en T2
    ('M5', [2, 3, 4])
    >>> evaluar_solicitud(solicitud).efecto.name
    'MARCAR_ELIMINADA'
    """
    _validar_limite(max_bytes, "max_bytes")
    if not isinstance(plan, PlanDeGestion):
        raise ErrorArchivo(f"plan: {plan!r} debe ser un PlanDeGestion",
                           codigo="TIPO_INVALIDO", campo="plan", valor=plan)
    es_texto = isinstance(ruta_o_texto, str) and ruta_o_texto.lstrip(
        "\ufeff \t\r\n").startswith("{")
    nombre, texto = _texto_de(ruta_o_texto, es_texto, max_bytes)
    return _solicitud_desde_dict(_json(nombre, texto), nombre, plan)
