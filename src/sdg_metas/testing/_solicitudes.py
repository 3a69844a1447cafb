"""Solicitudes de modificación o eliminación de una meta (``solicitudes_modificacion``)."""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from .._validacion import mostrar
from ..modelo import Meta, Nivel, Programacion, TipoProgramacion, Trimestre, es_porcentual
from ._comun import _TOPE, _argumento, _bool, _dec, _vigencia, decimales
from ._metas import _meta
from ._programaciones import _programacion

# --- solicitudes de modificación --------------------------------------------------------------


#: La instancia que da el concepto previo de una meta local, según su dependencia orientadora.
_INSTANCIAS = {
    "Subsecretaría de Gestión Local": "SUBSECRETARIA_GESTION_LOCAL",
    "Dirección para la Gestión Policiva": "DIRECCION_GESTION_POLICIVA",
    "Dirección para la Gestión del Desarrollo Local": "DIRECCION_GESTION_DESARROLLO_LOCAL",
}
_JUSTIFICACIONES = (
    "Cambio en la normativa que rige la meta.",
    "Recorte presupuestal aprobado por el Concejo.",
    "La demanda ciudadana supera lo previsto.",
)


def _casi_siempre(correcto: Any, todos: Any) -> st.SearchStrategy[Any]:
    """El valor ``correcto`` la mitad de las veces; si no, cualquiera de ``todos``."""
    return st.one_of(st.just(correcto), st.sampled_from(todos))


def _ninguno(p: Programacion, abiertos: list[int]) -> list[int]:
    return []


def _abiertos_todos(p: Programacion, abiertos: list[int]) -> list[int]:
    return abiertos


def _abiertos_desde_el_ultimo(p: Programacion, abiertos: list[int]) -> list[int]:
    ultimo = max(i for i, si in enumerate(p.programados, 1) if si)
    return [n for n in abiertos if n >= ultimo]


def _sumar(p: Programacion, actual: Decimal | None, delta: Decimal) -> Decimal:
    return (actual or Decimal(0)) + delta


def _nueva_magnitud(p: Programacion, actual: Decimal | None, delta: Decimal) -> Decimal:
    return p.magnitud + delta


#: Por tipo: en qué trimestres abiertos cabe un aumento de magnitud y qué valor toma el elegido.
#: En SUMA el aumento se suma a un trimestre abierto; en CRECIENTE un trimestre abierto, no
#: anterior al último programado, pasa a ser la nueva magnitud. Los demás tipos no tienen un
#: aumento que deje intactos los trimestres cerrados (ningún trimestre es elegible).
_AUMENTOS: dict[
    TipoProgramacion,
    tuple[
        Callable[[Programacion, list[int]], list[int]],
        Callable[[Programacion, Decimal | None, Decimal], Decimal],
    ],
] = {
    TipoProgramacion.SUMA: (_abiertos_todos, _sumar),
    TipoProgramacion.CONSTANTE: (_ninguno, _nueva_magnitud),
    TipoProgramacion.CRECIENTE: (_abiertos_desde_el_ultimo, _nueva_magnitud),
    TipoProgramacion.DECRECIENTE: (_ninguno, _nueva_magnitud),
}


def _aumento(
    draw: st.DrawFn, p: Programacion, abiertos: list[int], porcentual: bool
) -> Programacion | None:
    """``p`` con más magnitud, programada solo en trimestres abiertos; ``None`` si no se puede
    (ver :data:`_AUMENTOS`)."""
    tope = Decimal(100) if porcentual else _dec(_TOPE)
    if tope - p.magnitud < Decimal("0.01") or not abiertos:
        return None
    elegibles, nuevo_valor = _AUMENTOS[p.tipo]
    abiertos = elegibles(p, abiertos)
    if not abiertos:
        return None
    numero = draw(st.sampled_from(abiertos))
    delta = draw(decimales(min_value="0.01", max_value=tope - p.magnitud))
    valores = list(p.trimestres)
    valores[numero - 1] = nuevo_valor(p, valores[numero - 1], delta)
    return attrs.evolve(p, magnitud=p.magnitud + delta, trimestres=valores)


@st.composite
def _solicitud(
    draw: st.DrawFn, meta: Meta | None, vigencia: int | None, eliminar: bool | None
) -> Any:
    mod: Any = importlib.import_module("sdg_metas.modificaciones")
    m = meta if meta is not None else draw(_meta(None, None, True, None, None))
    anio = vigencia if vigencia is not None else draw(st.integers(min_value=2000, max_value=2100))
    inicio = datetime.date(anio, 1, 1)
    fecha = draw(st.dates(min_value=inicio, max_value=datetime.date(anio, 12, 31)))
    en_curso = Trimestre.de_fecha(fecha).numero
    # los trimestres ya terminados pueden tener seguimiento (T1..Tk); los demás, no
    reportados = frozenset(range(1, draw(st.integers(min_value=0, max_value=en_curso - 1)) + 1))
    borrar = eliminar if eliminar is not None else draw(st.booleans())
    propuesta = None
    if not borrar:
        porcentual = es_porcentual(m.unidad)
        abiertos = [n for n in range(en_curso + 1, 5) if n not in reportados]
        nueva = None
        if draw(st.booleans()):
            nueva = _aumento(draw, m.programacion, abiertos, porcentual)
        if nueva is None:
            otra = _programacion(m.programacion.tipo, True, porcentual)
            # una propuesta igual a la meta no cambia nada (y no se puede construir)
            nueva = draw(otra.filter(lambda p: p != m.programacion))
        propuesta = attrs.evolve(m, programacion=nueva)
    formales = [mod.Medio["MEMORANDO"], mod.Medio["CORREO_ELECTRONICO"]]
    medios = st.sampled_from(formales) | st.sampled_from(mod.Medio)
    requeridas = []
    if m.transversal:
        requeridas.append("LIDER_PROCESO_LIDER")
    if m.nivel is Nivel.LOCAL and m.dependencia_orientadora in _INSTANCIAS:
        requeridas.append(_INSTANCIAS[m.dependencia_orientadora])
    instancias = [
        mod.Instancia[nombre] for nombre in requeridas if draw(st.just(True) | st.booleans())
    ]
    instancias += draw(st.lists(st.sampled_from(mod.Instancia), max_size=1))
    conceptos = tuple(
        mod.Concepto(
            instancia=instancia,
            favorable=draw(st.just(True) | st.booleans()),
            medio=draw(medios),
            fecha=draw(st.dates(min_value=inicio, max_value=fecha) | st.dates(min_value=inicio)),
        )
        for instancia in instancias
    )
    solicitante = "ALCALDE_LOCAL" if m.nivel is Nivel.LOCAL else "LIDER_PROCESO"
    return mod.SolicitudModificacion(
        meta=m,
        fecha=fecha,
        solicitante=draw(_casi_siempre(mod.Rol[solicitante], mod.Rol)),
        medio=draw(medios),
        destinatario=draw(_casi_siempre(mod.Rol["JEFE_OAP"], mod.Rol)),
        justificacion=draw(st.sampled_from([*_JUSTIFICACIONES, ""])),
        propuesta=propuesta,
        eliminar=borrar,
        modificaciones_previas=draw(st.just(0) | st.integers(min_value=0, max_value=2)),
        trimestres_reportados=reportados,
        conceptos=conceptos,
        causal_excepcional=draw(st.none() | st.sampled_from(mod.Causal)),
    )


def solicitudes_modificacion(
    *, meta: Meta | None = None, vigencia: int | None = None, eliminar: bool | None = None
) -> st.SearchStrategy[Any]:
    """Solicitudes de modificación o eliminación de una meta (Política 9), bien formadas.

    Genera ``SolicitudModificacion`` de :mod:`sdg_metas.modificaciones` (que se importa al
    generar, no al importar este módulo): la meta (``meta``, o una generada), una fecha de la
    ``vigencia`` (2000–2100 si es ``None``), quién la pide y a quién, por qué medio, la
    justificación, los conceptos previos, la causal excepcional y los hechos del año
    (modificaciones previas; trimestres reportados, siempre T1..Tk ya terminados en la fecha).

    Con ``eliminar=True`` piden eliminar la meta; con ``False`` proponen la misma meta con otra
    programación coherente del mismo tipo (a veces solo un aumento de magnitud programado en
    trimestres abiertos, el caso de MOD-07); con ``None``, cualquiera de las dos. Nunca son
    inconsistentes (``eliminar`` con ``propuesta``, una propuesta de otro código o igual a la
    meta). Cada requisito de la Política 9 (quién la presenta, medio, destinatario,
    justificación, conceptos previos…) se cumple más o menos la mitad de las veces o más, así
    que salen solicitudes elegibles y no elegibles: sirven para probar que
    ``evaluar_solicitud`` siempre da una decisión explicada.
    """
    if meta is not None and not isinstance(meta, Meta):
        raise _argumento(f"meta={mostrar(meta)} debe ser una Meta o None")
    if meta is not None and meta.eliminada_desde is not None:
        raise _argumento(
            f"meta: la meta {mostrar(meta.codigo)} ya está eliminada desde {meta.eliminada_desde}; "
            "no admite solicitudes"
        )
    anio = None if vigencia is None else _vigencia(vigencia)
    borrar = None if eliminar is None else _bool(eliminar, "eliminar")
    return _solicitud(meta, anio, borrar)
