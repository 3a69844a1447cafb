"""La API pública bajo argumentos hostiles (issue 13): el registro de llamadas válidas y de
valores hostiles que usa ``test_api_hostil.py``.

Cada :class:`Llamada` nombra un invocable público y un valor válido para cada parámetro (una
fábrica, porque algunos valores se consumen: generadores, iteradores). La prueba cambia uno o
dos parámetros por valores hostiles y exige un resultado normal o un ``ErrorSdgMetas`` bien
formado (ver :func:`comprobar`).
"""

from __future__ import annotations

import datetime
import enum
import itertools
import math
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any, NamedTuple

import attrs

import sdg_metas
from sdg_metas import (
    POLITICA_PLE_PIN_P005_V8,
    ErrorSdgMetas,
    Trimestre,
    archivos,
    calculos,
    calendario,
    ciclo,
    consolidacion,
    formulacion,
    modelo,
    modificaciones,
    numeros,
    presentacion,
    reglas,
    reportes,
    tipos,
    trimestre,
)
from sdg_metas.ejemplos import plan_ejemplo

#: Largo máximo de un mensaje de error (uno sobre un argumento de 10 MB debe seguir siendo corto).
MAX_MENSAJE = 2_000


class Llamada(NamedTuple):
    """Un invocable público y una fábrica de un valor válido por parámetro (por nombre)."""

    nombre: str
    funcion: Callable[..., Any]
    validos: dict[str, Callable[[], Any]]


# --- valores hostiles ------------------------------------------------------------------------


class Explota(Exception):
    """Lo que lanzan los objetos hostiles: nunca debe salir de la biblioteca sin envolver…
    salvo que la biblioteca no tenga cómo saberlo (ver :func:`comprobar`)."""


def _explotar(*_a: object, **_k: object) -> Any:
    raise Explota("método hostil")


class Malo:
    """Un objeto cuyos métodos especiales lanzan."""

    __eq__ = _explotar  # type: ignore[assignment]
    __hash__ = _explotar  # type: ignore[assignment]
    __str__ = _explotar  # type: ignore[assignment]
    __repr__ = _explotar  # type: ignore[assignment]
    __len__ = _explotar
    __iter__ = _explotar
    __bool__ = _explotar
    __format__ = _explotar  # type: ignore[assignment]
    __lt__ = _explotar
    __index__ = _explotar
    __int__ = _explotar
    __float__ = _explotar
    __fspath__ = _explotar


class TextoRaro(str):
    """Un ``str`` cuyos métodos cambian: ``strip`` devuelve otra cosa, ``__eq__`` lanza."""

    def strip(self, *_a: object) -> Any:  # type: ignore[override]
        return 3

    __eq__ = _explotar  # type: ignore[assignment]
    __hash__ = _explotar  # type: ignore[assignment]


class EnteroRaro(int):
    """Un ``int`` cuyo ``__repr__``, ``__eq__`` y ``__hash__`` lanzan."""

    __repr__ = _explotar  # type: ignore[assignment]
    __eq__ = _explotar  # type: ignore[assignment]
    __hash__ = _explotar  # type: ignore[assignment]


class DecimalRaro(Decimal):
    """Un ``Decimal`` que se compara mal."""

    __repr__ = _explotar  # type: ignore[assignment]
    __lt__ = _explotar  # type: ignore[assignment]
    __eq__ = _explotar  # type: ignore[assignment]
    __hash__ = _explotar  # type: ignore[assignment]


class FechaRara(datetime.date):
    """Una ``date`` con ``__repr__`` y ``__add__`` que lanzan."""

    __repr__ = _explotar  # type: ignore[assignment]
    __add__ = _explotar  # type: ignore[assignment]


class Nivelito(enum.Enum):
    """Una enumeración ajena (su nombre no debe salir en un mensaje)."""

    LOCAL = "local"


def _generador_que_falla() -> Iterator[int]:
    yield 1
    raise Explota("generador hostil")


def _infinito() -> Iterator[Any]:
    return itertools.count()


def _infinito_de_textos() -> Iterator[str]:
    return itertools.repeat("OE1")


#: (etiqueta, fábrica) de cada valor hostil.
HOSTILES: tuple[tuple[str, Callable[[], object]], ...] = (
    ("None", lambda: None),
    ("True", lambda: True),
    ("False", lambda: False),
    ("nan", lambda: math.nan),
    ("inf", lambda: math.inf),
    ("-inf", lambda: -math.inf),
    ("-0.0", lambda: -0.0),
    ("1.5", lambda: 1.5),
    ("entero enorme", lambda: 10**400),
    ("entero negativo enorme", lambda: -(10**400)),
    ("-1", lambda: -1),
    ("0", lambda: 0),
    ("5", lambda: 5),
    ("texto", lambda: "abc"),
    ("texto vacío", lambda: ""),
    ("texto número", lambda: "1,5"),
    ("texto fecha", lambda: "2025-01-01"),
    ("bytes", lambda: b"1"),
    ("lista", lambda: [1, "a"]),
    ("lista vacía", lambda: []),
    ("dict", lambda: {"a": 1}),
    ("object", object),
    ("Malo", Malo),
    ("TextoRaro", lambda: TextoRaro("local")),
    ("EnteroRaro", lambda: EnteroRaro(2025)),
    ("DecimalRaro", lambda: DecimalRaro("1.5")),
    ("FechaRara", lambda: FechaRara(2025, 4, 10)),
    ("Nivelito", lambda: Nivelito.LOCAL),
    ("generador que falla", _generador_que_falla),
    ("infinito", _infinito),
    ("infinito de textos", _infinito_de_textos),
    ("Decimal sNaN", lambda: Decimal("sNaN")),
    ("Decimal NaN", lambda: Decimal("NaN")),
    ("Decimal inf", lambda: Decimal("Infinity")),
    ("Decimal -0", lambda: Decimal("-0")),
    ("Decimal 1e-30", lambda: Decimal("1e-30")),
    ("Decimal 1e20", lambda: Decimal("1e20")),
    ("Decimal 1e999999", lambda: Decimal("1e999999")),
    ("Decimal 1.5", lambda: Decimal("1.5")),
    ("Fraction", lambda: Fraction(1, 3)),
    ("complex", lambda: 1j),
    ("fecha año 1", lambda: datetime.date(1, 1, 1)),
    ("fecha año 9999", lambda: datetime.date(9999, 12, 31)),
    ("datetime", lambda: datetime.datetime(2025, 4, 10, 8, 0)),
    ("time", lambda: datetime.time(0, 0)),
    ("timedelta", lambda: datetime.timedelta(days=1)),
    ("NUL", lambda: "a\x00b"),
    ("bidi", lambda: "\u202eM1\u202c"),
    ("escape", lambda: "\x1b[31mrojo"),
    ("1 MB", lambda: "x" * 1_000_000),
    ("1 MB de dígitos", lambda: "9" * 1_000_000),
    ("tupla de 1 MB", lambda: ("x" * 1_000_000,)),
    ("trimestre", lambda: Trimestre(2025, 1)),
    ("politica", lambda: POLITICA_PLE_PIN_P005_V8),
    ("plan", plan_ejemplo),
    ("tipo", lambda: int),
)

# --- lo que nunca debe mostrar un mensaje ----------------------------------------------------

#: Las enumeraciones de la biblioteca (su nombre de clase tras ``<`` delata un ``repr``).
_ENUMS = sorted(
    {
        nombre
        for nombre in sdg_metas.__all__
        if isinstance(getattr(sdg_metas, nombre), type)
        and issubclass(getattr(sdg_metas, nombre), enum.Enum)
    }
    | {"Nivelito"}
)
_PROHIBIDO = re.compile(
    r"0x[0-9a-f]{6,}|Decimal\(|datetime\.\w+\(|Fraction\(|<(?:" + "|".join(_ENUMS) + r")\b"
    r"|\b(?:TextoRaro|EnteroRaro|DecimalRaro|FechaRara|Malo)\("
)


def defecto_del_mensaje(error: ErrorSdgMetas) -> str | None:
    """Qué le falta a un error de la biblioteca para estar bien formado, o ``None``.

    Un ``ErrorCarga`` (los problemas de un archivo, a lo sumo ``Limites.max_problemas``) se mide
    renglón por renglón: cada problema es un mensaje."""
    if not isinstance(error.codigo, str) or not error.codigo:
        return f"codigo vacío: {error.codigo!r}"
    texto = str(error)
    renglones = texto.split("\n") if getattr(error, "problemas", None) else [texto]
    for renglon in renglones:
        if len(renglon) > MAX_MENSAJE:
            return f"mensaje de {len(renglon)} caracteres: {renglon[:300]!r}…"
    hallado = _PROHIBIDO.search(texto)
    if hallado:
        return f"el mensaje muestra {hallado.group()!r}: {texto[:500]!r}"
    return None


# --- llamadas válidas --------------------------------------------------------------------------

_PLAN = plan_ejemplo()
_META = _PLAN.metas[0]
_REPORTE = _PLAN.reportes[0]
_T1 = Trimestre(2025, 1)
_FECHA = datetime.date(2025, 4, 10)
_PROPUESTA = attrs.evolve(
    _META, programacion=modelo.Programacion("suma", 140, (30, 30, 40, 40))
)
_SOLICITUD = modificaciones.solicitud_desde_plan(
    _PLAN, "M1", fecha=datetime.date(2025, 5, 5), solicitante="lider_proceso", medio="memorando",
    destinatario="profesional_oap", justificacion="Cambio de alcance por decisión de la dirección.",
    propuesta=_PROPUESTA,
)
_DECISION = modificaciones.evaluar_solicitud(_SOLICITUD)
_EVALUACION = consolidacion.evaluar_plan(_PLAN, 1)
_CALIFICACION = consolidacion.calificacion(_PLAN, 1)
_OPORTUNIDAD = calendario.oportunidad(_T1, _FECHA)
_TEXTO_CSV = archivos.plan_a_csv(_PLAN)
_TEXTO_JSON = archivos.plan_a_json(_PLAN)
_DICT = archivos.plan_a_dict(_PLAN)


def _v(valor: object) -> Callable[[], object]:
    return lambda: valor


_POL = {"politica": _v(POLITICA_PLE_PIN_P005_V8)}
_PROG = {"tipo": _v("suma"), "magnitud": _v(Decimal(100)), "trimestres": _v((25, 25, 25, 25)),
         "linea_base": _v(None)}
_META_ARGS = {
    "codigo": _v("M9"), "descripcion": _v("Realizar 100 visitas"), "programacion":
    _v(_META.programacion), "peso": _v(Decimal(10)), "unidad": _v("visitas"), "nivel":
    _v("local"), "transversal": _v(False), "proceso_lider": _v(None), "dependencia_orientadora":
    _v(None), "entregables": _v(("acta",)), "indicador": _v(None), "objetivo_estrategico":
    _v("OE1"), "eliminada_desde": _v(None),
}
_REPORTE_ARGS = {
    "trimestre": _v(_T1), "ejecucion": _v(Decimal(30)), "numerador": _v(None),
    "denominador": _v(None), "analisis": _v("Se hizo lo previsto."), "evidencias": _v(("a.pdf",)),
    "fecha_envio": _v(_FECHA), "avance_reportado": _v(None),
    "ejecucion_acumulada_reportada": _v(None), "avance_acumulado_reportado": _v(None),
    "analisis_acumulado": _v(""), "causas_retraso": _v(""), "codigo_meta": _v("M1"),
    "reportado_por": _v("unidad"),
}
_PLANES = {"planes": _v((_PLAN,))}
_CAL = {"calendario": _v(None)}
_SOLICITUD_ARGS = {
    "plan": _v(_PLAN), "codigo_meta": _v("M1"), "fecha": _v(datetime.date(2025, 5, 5)),
    "solicitante": _v("lider_proceso"), "medio": _v("memorando"),
    "destinatario": _v("profesional_oap"),
    "justificacion": _v("Cambio de alcance."), "propuesta": _v(_PROPUESTA), "eliminar": _v(False),
    "conceptos": _v(()), "causal_excepcional": _v(None), **_POL,
}

LLAMADAS: tuple[Llamada, ...] = (
    # numeros
    Llamada("a_decimal", numeros.a_decimal, {"valor": _v("1.5"), "campo": _v("magnitud"),
                                             "negativo": _v(False), "rango": _v(True)}),
    Llamada("a_decimal_opcional", numeros.a_decimal_opcional,
            {"valor": _v("1.5"), "campo": _v("magnitud"), "negativo": _v(False)}),
    Llamada("porcentaje", numeros.porcentaje, {"fraccion": _v(Decimal("0.5")),
                                               "decimales": _v(2)}),
    Llamada("redondear", numeros.redondear, {"valor": _v(Decimal("0.125")), "decimales": _v(2)}),
    Llamada("texto_numero", numeros.texto_numero,
            {"valor": _v(Decimal("0.5")), "decimales": _v(2), "nulo": _v("—")}),
    # trimestre
    Llamada("Trimestre", Trimestre, {"vigencia": _v(2025), "numero": _v(1)}),
    Llamada("Trimestre.desde_texto", Trimestre.desde_texto, {"texto": _v("2025-T1")}),
    Llamada("Trimestre.de_fecha", Trimestre.de_fecha, {"fecha": _v(_FECHA)}),
    Llamada("Trimestre.contiene", _T1.contiene, {"fecha": _v(_FECHA)}),
    Llamada("indice_trimestre", trimestre.indice_trimestre, {"numero": _v(1)}),
    # modelo
    Llamada("Programacion", modelo.Programacion, _PROG),
    Llamada("Programacion.programado", _META.programacion.programado, {"numero": _v(2)}),
    Llamada("Programacion.valor", _META.programacion.valor, {"numero": _v(2)}),
    Llamada("Indicador", modelo.Indicador, {"nombre": _v("Visitas"), "numerador": _v("n"),
                                            "denominador": _v("d"), "unidad": _v("visitas")}),
    Llamada("Meta", modelo.Meta, _META_ARGS),
    Llamada("Meta.activa_en", _META.activa_en, {"trimestre": _v(_T1)}),
    Llamada("Reporte", modelo.Reporte, _REPORTE_ARGS),
    Llamada("RegistroModificacion", modelo.RegistroModificacion, {
        "codigo_meta": _v("M1"), "fecha_solicitud": _v(datetime.date(2025, 5, 5)),
        "fecha_aprobacion": _v(datetime.date(2025, 5, 9)), "efecto": _v(modelo.Efecto.MODIFICAR),
        "desde": _v(None), "revision_oap": _v(False), "descripcion": _v("x"),
        "solo_aumento": _v(False)}),
    Llamada("PlanDeGestion", modelo.PlanDeGestion, {
        "vigencia": _v(2025), "unidad": _v("Suba"), "nivel": _v("local"),
        "metas": _v(_PLAN.metas), "reportes": _v(_PLAN.reportes), "modificaciones": _v(())}),
    Llamada("PlanDeGestion.meta", _PLAN.meta, {"codigo": _v("M1")}),
    Llamada("PlanDeGestion.reportes_de", _PLAN.reportes_de, {"codigo": _v("M1")}),
    Llamada("PlanDeGestion.ejecuciones", _PLAN.ejecuciones, {"codigo": _v("M1")}),
    Llamada("PlanDeGestion.trimestres_reportados", _PLAN.trimestres_reportados,
            {"codigo": _v("M1")}),
    Llamada("PlanDeGestion.modificaciones_de", _PLAN.modificaciones_de, {"codigo": _v("M1")}),
    Llamada("ejecucion_de", modelo.ejecucion_de, {"reporte": _v(_REPORTE), "meta": _v(_META)}),
    Llamada("ejecuciones_de", modelo.ejecuciones_de,
            {"meta": _v(_META), "reportes": _v(_PLAN.reportes)}),
    Llamada("es_porcentual", modelo.es_porcentual, {"unidad": _v("%")}),
    Llamada("problemas_del_plan", sdg_metas.problemas_del_plan, {
        "vigencia": _v(2025), "metas": _v(_PLAN.metas), "reportes": _v(_PLAN.reportes),
        "modificaciones": _v(()), "nivel": _v(None)}),
    # tipos y cálculos
    Llamada("comportamiento", tipos.comportamiento, {"tipo": _v("suma")}),
    Llamada("evaluar", calculos.evaluar, {"programacion": _v(_META.programacion),
                                          "ejecuciones": _v((30, 20)), "hasta": _v(2), **_POL}),
    # calendario
    Llamada("festivos", calendario.festivos, {"año": _v(2025)}),
    Llamada("Calendario", calendario.Calendario,
            {"no_habiles": _v({datetime.date(2025, 4, 14)}),
             "habiles": _v({datetime.date(2025, 4, 12)})}),
    Llamada("es_dia_habil", calendario.es_dia_habil, {"fecha": _v(_FECHA), **_CAL}),
    Llamada("motivo_no_habil", calendario.motivo_no_habil, {"fecha": _v(_FECHA), **_CAL}),
    Llamada("siguiente_dia_habil", calendario.siguiente_dia_habil,
            {"fecha": _v(_FECHA), **_CAL}),
    Llamada("dia_habil_desde", calendario.dia_habil_desde, {"fecha": _v(_FECHA), **_CAL}),
    Llamada("dias_habiles_entre", calendario.dias_habiles_entre,
            {"desde": _v(_FECHA), "hasta": _v(datetime.date(2025, 6, 30)), **_CAL}),
    Llamada("fecha_limite_reporte", calendario.fecha_limite_reporte,
            {"trimestre": _v(_T1), **_POL, **_CAL}),
    Llamada("oportunidad", calendario.oportunidad,
            {"trimestre": _v(_T1), "fecha_envio": _v(_FECHA), **_POL, **_CAL}),
    # formulación y reportes
    Llamada("verificar_programacion", formulacion.verificar_programacion,
            {"programacion": _v(_META.programacion), "unidad": _v("acciones")}),
    Llamada("verificar_meta", formulacion.verificar_meta,
            {"meta": _v(_META), "objetivos_estrategicos": _v(("OE1",)), **_POL}),
    Llamada("verificar_plan", formulacion.verificar_plan,
            {"plan": _v(_PLAN), "objetivos_estrategicos": _v(("OE1",)), **_POL}),
    Llamada("verificar_reporte", reportes.verificar_reporte,
            {"meta": _v(_META), "reporte": _v(_REPORTE), "anteriores": _v(()), **_POL}),
    Llamada("verificar_reportes_plan", reportes.verificar_reportes_plan,
            {"plan": _v(_PLAN), **_POL}),
    Llamada("es_analisis", reportes.es_analisis, {"texto": _v("Se hizo."), **_POL}),
    Llamada("nombra_causa", reportes.nombra_causa, {"texto": _v("por falta de"), **_POL}),
    # consolidación
    Llamada("evaluar_plan", consolidacion.evaluar_plan,
            {"plan": _v(_PLAN), "trimestre": _v(1), **_POL, **_CAL}),
    Llamada("calificacion", consolidacion.calificacion,
            {"plan": _v(_PLAN), "trimestre": _v(1), **_POL}),
    Llamada("ranking", consolidacion.ranking, {**_PLANES, "trimestre": _v(1), **_POL}),
    Llamada("semaforo", consolidacion.semaforo, {"valor": _v(Decimal("0.7")), **_POL}),
    Llamada("consolidado_anual", consolidacion.consolidado_anual,
            {**_PLANES, "vigencia": _v(2025), **_POL}),
    Llamada("informe_gestion", consolidacion.informe_gestion,
            {**_PLANES, "vigencia": _v(2025), **_POL}),
    Llamada("filas", consolidacion.filas, {"evaluacion": _v(_EVALUACION)}),
    Llamada("como_filas", consolidacion.como_filas, {"objetos": _v(_EVALUACION)}),
    Llamada("filas_de_planes", lambda **k: list(consolidacion.filas_de_planes(**k)),
            {**_PLANES, "trimestre": _v(1), **_POL, **_CAL}),
    Llamada("posiciones_ranking", consolidacion.posiciones_ranking, {
        "calificadas": _v((("Suba", modelo.Nivel.LOCAL, Decimal("0.5")),)), **_POL}),
    Llamada("Calificacion.explicar", _CALIFICACION.explicar, {}),
    # modificaciones
    Llamada("solicitud_desde_plan", modificaciones.solicitud_desde_plan, _SOLICITUD_ARGS),
    Llamada("SolicitudModificacion", modificaciones.SolicitudModificacion, {
        "meta": _v(_META), "fecha": _v(datetime.date(2025, 5, 5)),
        "solicitante": _v("lider_proceso"), "medio": _v("memorando"),
    "destinatario": _v("profesional_oap"),
        "justificacion": _v("Cambio."), "propuesta": _v(_PROPUESTA), "eliminar": _v(False),
        "modificaciones_previas": _v(0), "trimestres_reportados": _v({1}), "conceptos": _v(()),
        "causal_excepcional": _v(None), "vigencia": _v(2025)}),
    Llamada("Concepto", modificaciones.Concepto, {
        "instancia": _v("lider_proceso_lider"), "favorable": _v(True), "medio": _v("memorando"),
        "fecha": _v(datetime.date(2025, 5, 6)), "emisor": _v("Ana")}),
    Llamada("evaluar_solicitud", modificaciones.evaluar_solicitud,
            {"solicitud": _v(_SOLICITUD), **_POL}),
    Llamada("aplicar_modificacion", modificaciones.aplicar_modificacion, {
        "plan": _v(_PLAN), "solicitud": _v(_SOLICITUD), "decision": _v(_DECISION),
        "fecha_aprobacion": _v(datetime.date(2025, 5, 9)), "revision_oap_aprobada": _v(False),
        **_POL}),
    Llamada("comparar_metas", modificaciones.comparar_metas,
            {"meta": _v(_META), "propuesta": _v(_PLAN.metas[1])}),
    Llamada("Decision.motivo", _DECISION.motivo, {"identificador": _v("MOD-01")}),
    # ciclo y reglas
    Llamada("transicion", ciclo.transicion, {
        "estado": _v("formulacion"), "accion": _v("enviar_a_revision"),
        "rol": _v("profesional_oap"),
        "decision": _v(None), "revision_oap_aprobada": _v(False)}),
    Llamada("acciones_permitidas", ciclo.acciones_permitidas, {"estado": _v("formulacion")}),
    Llamada("regla", reglas.regla, {"identificador": _v("FOR-01")}),
    Llamada("ids_de_familia", reglas.ids_de_familia, {"prefijo": _v("FOR")}),
    Llamada("Hallazgo", reglas.Hallazgo, {"regla": _v("FOR-01"), "mensaje": _v("m")}),
    Llamada("Motivo", reglas.Motivo, {"regla": _v("MOD-01"), "cumple": _v(True),
                                      "mensaje": _v("m")}),
    # presentación
    Llamada("valor_json", presentacion.valor_json, {"valor": _v(Decimal("1.5"))}),
    Llamada("html_calificacion", presentacion.html_calificacion,
            {"calificacion": _v(_CALIFICACION), **_POL}),
    Llamada("html_decision", presentacion.html_decision, {"decision": _v(_DECISION)}),
    Llamada("html_evaluacion", presentacion.html_evaluacion, {"evaluacion": _v(_EVALUACION)}),
    Llamada("html_oportunidad", presentacion.html_oportunidad,
            {"oportunidad": _v(_OPORTUNIDAD)}),
    # archivos (sin escribir: guardar_plan y escribir_ejemplos van en una carpeta temporal)
    Llamada("cargar_plan", archivos.cargar_plan, {
        "ruta_o_texto": _v(_TEXTO_CSV), "max_bytes": _v(10**6), "max_metas": _v(100),
        "vigencia": _v(None), "unidad": _v(None), "nivel": _v(None), "delimitador": _v(None),
        "decimal": _v("."), "ignorar_columnas": _v(False), "limites": _v(None),
        "fila_encabezado": _v(None)}),
    Llamada("cargar_csv", archivos.cargar_csv, {
        "ruta_o_texto": _v(_TEXTO_CSV), "vigencia": _v(None), "unidad": _v(None),
        "nivel": _v(None), "delimitador": _v(None), "decimal": _v("."),
        "ignorar_columnas": _v(False), "max_bytes": _v(10**6), "max_metas": _v(100),
        "limites": _v(None), "fila_encabezado": _v(None)}),
    Llamada("cargar_plan json", archivos.cargar_plan, {"ruta_o_texto": _v(_TEXTO_JSON)}),
    Llamada("cargar_solicitud", archivos.cargar_solicitud,
            {"ruta_o_texto": _v("{}"), "plan": _v(_PLAN), "max_bytes": _v(10**6)}),
    Llamada("plan_desde_dict", archivos.plan_desde_dict,
            {"datos": _v(_DICT), "origen": _v("<datos>"), "max_metas": _v(100)}),
    Llamada("plan_a_dict", archivos.plan_a_dict, {"plan": _v(_PLAN)}),
    Llamada("plan_a_json", archivos.plan_a_json, {"plan": _v(_PLAN)}),
    Llamada("plan_a_csv", archivos.plan_a_csv,
            {"plan": _v(_PLAN), "delimitador": _v(None), "decimal": _v(".")}),
    Llamada("solicitud_a_dict", archivos.solicitud_a_dict, {"solicitud": _v(_SOLICITUD)}),
    Llamada("neutralizar_celda", archivos.neutralizar_celda, {"texto": _v("=1+1")}),
    Llamada("restaurar_celda", archivos.restaurar_celda, {"texto": _v("'=1+1")}),
    Llamada("escapar_xlsx", archivos.escapar_xlsx, {"texto": _v("a_x000D_b")}),
    Llamada("Limites", archivos.Limites, {"max_bytes": _v(10**6), "max_metas": _v(100)}),
    Llamada("guardar_plan", archivos.guardar_plan, {
        "plan": _v(_PLAN), "ruta": _v("plan.csv"), "delimitador": _v(None), "decimal": _v("."),
        "bom": _v(False)}),
    Llamada("escribir_ejemplos", archivos.escribir_ejemplos, {"directorio": _v("ejemplos")}),
)

#: Las llamadas que escriben archivos (se corren dentro de una carpeta temporal).
ESCRIBEN = frozenset({"guardar_plan", "escribir_ejemplos"})

#: ``desde_texto`` de cada enumeración pública.
LLAMADAS += tuple(
    Llamada(f"{nombre}.desde_texto", clase.desde_texto,
            {"texto": _v(next(iter(clase)).value)})
    for nombre in _ENUMS
    if hasattr(clase := getattr(sdg_metas, nombre, None), "desde_texto")
)


def _evaluar_cifras(tipo: str, magnitud: object, t1: object, t2: object, e1: object,
                    e2: object, hasta: object, linea_base: object) -> object:
    """``evaluar`` con cada cifra por separado: la programación y las ejecuciones hostiles."""
    programacion = modelo.Programacion(tipo, magnitud, (t1, t2, t2, t2), linea_base)
    return calculos.evaluar(programacion, (e1, e2, None, None), hasta)


_CIFRAS = {"magnitud": _v(Decimal(40)), "t1": _v(Decimal(10)), "t2": _v(Decimal(10)),
           "e1": _v(Decimal(5)), "e2": _v("7.5"), "hasta": _v(2), "linea_base": _v(None)}
_CIFRAS_CRECIENTE = {**_CIFRAS, "magnitud": _v(40), "t1": _v(10), "t2": _v(40),
                     "linea_base": _v(5)}

LLAMADAS += (
    Llamada("evaluar suma (cifras)", _evaluar_cifras, {"tipo": _v("suma"), **_CIFRAS}),
    Llamada("evaluar constante (cifras)", _evaluar_cifras,
            {"tipo": _v("constante"), **_CIFRAS, "magnitud": _v(10)}),
    Llamada("evaluar creciente (cifras)", _evaluar_cifras,
            {"tipo": _v("creciente"), **_CIFRAS_CRECIENTE}),
    Llamada("evaluar decreciente (cifras)", _evaluar_cifras, {
        "tipo": _v("decreciente"), **_CIFRAS, "magnitud": _v(5), "t1": _v(30), "t2": _v(5),
        "linea_base": _v(40)}),
    Llamada("Politica", sdg_metas.Politica, {
        a.name: _v(getattr(POLITICA_PLE_PIN_P005_V8, a.name))
        for a in attrs.fields(sdg_metas.Politica)
    }),
    Llamada("Limites (todos)", archivos.Limites, {
        a.name: _v(getattr(archivos.Limites(), a.name)) for a in attrs.fields(archivos.Limites)
    }),
    Llamada("Trimestre.siguiente", lambda vigencia, numero: Trimestre(vigencia, numero).siguiente(),
            {"vigencia": _v(2025), "numero": _v(4)}),
    Llamada("Trimestre.anterior", lambda vigencia, numero: Trimestre(vigencia, numero).anterior(),
            {"vigencia": _v(2025), "numero": _v(1)}),
    Llamada("Cambios.describir", lambda meta, propuesta: modificaciones.comparar_metas(
        meta, propuesta).describir(), {"meta": _v(_META), "propuesta": _v(_PROPUESTA)}),
)

try:  # el extra pandas
    from sdg_metas.pandas import a_dataframe
except ImportError:  # pragma: no cover - sin el extra
    pass
else:
    LLAMADAS += (Llamada("a_dataframe", a_dataframe,
                         {"filas": _v(consolidacion.filas(_EVALUACION)), "numerico": _v(True)}),)

from sdg_metas import testing  # noqa: E402 - el extra testing (hypothesis ya está)

#: Las estrategias públicas de ``sdg_metas.testing``: un argumento hostil se rechaza al pedirla.
LLAMADAS += (
    Llamada("testing.metas", testing.metas, {
        "codigo": _v("M1"), "tipo": _v("suma"), "coherentes": _v(True), "nivel": _v("local"),
        "peso": _v(10)}),
    Llamada("testing.planes", testing.planes, {
        "vigencia": _v(2025), "min_metas": _v(1), "max_metas": _v(3), "con_reportes": _v(True),
        "nivel": _v("local")}),
    Llamada("testing.trimestres", testing.trimestres, {"vigencias": _v(2025),
                                                       "numeros": _v((1, 2))}),
    Llamada("testing.decimales", testing.decimales,
            {"min_value": _v(0), "max_value": _v(10), "places": _v(2)}),
    Llamada("testing.programaciones", testing.programaciones,
            {"tipo": _v("suma"), "coherentes": _v(True), "porcentual": _v(False)}),
    Llamada("testing.reportes", testing.reportes, {"meta": _v(_META), "trimestre": _v(_T1)}),
    Llamada("testing.solicitudes_modificacion", testing.solicitudes_modificacion,
            {"meta": _v(_META), "vigencia": _v(2025), "eliminar": _v(None)}),
)
