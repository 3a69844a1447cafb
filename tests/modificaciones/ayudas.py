"""Ayudas comunes de las pruebas de la Política 9: metas, solicitudes y planes de ejemplo."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
from hypothesis import strategies as st

from sdg_metas.modelo import Indicador, Meta, Nivel, PlanDeGestion, Programacion, Reporte, Trimestre
from sdg_metas.modificaciones import (
    Concepto,
    Instancia,
    Medio,
    Rol,
    SolicitudModificacion,
    evaluar_solicitud,
)
from sdg_metas.politica import POLITICA_PLE_PIN_P005_V8, Politica

V = 2025
D = datetime.date
POLICIVA = "Dirección para la Gestión Policiva"


def meta_central(**cambios: Any) -> Meta:
    datos: dict[str, Any] = {
        "codigo": "M1",
        "descripcion": "Atender las solicitudes ciudadanas",
        # El nivel se da explícito: una meta suelta sin nivel no se juzga como central (INT-32).
        "nivel": "central",
        "peso": 20,
        "programacion": Programacion("suma", 100, [25, 25, 25, 25]),
        "unidad": "solicitudes",
        "entregables": ["Informe trimestral"],
        "indicador": Indicador("Atención", "Solicitudes atendidas", "Solicitudes recibidas"),
    }
    datos.update(cambios)
    return Meta(**datos)


def meta_local(**cambios: Any) -> Meta:
    return meta_central(**{"nivel": "local", "dependencia_orientadora": POLICIVA, **cambios})


def meta_transversal(**cambios: Any) -> Meta:
    return meta_central(**{"transversal": True, "proceso_lider": "Gestión Corporativa", **cambios})


#: El emisor de los conceptos de las metas transversales de las pruebas (INT-29).
EMISOR = "Gestión Corporativa"


def reprogramar(meta: Meta, magnitud: int, trimestres: list[int | None]) -> Meta:
    return attrs.evolve(meta, programacion=Programacion("suma", magnitud, trimestres))


def solicitud(meta: Meta | None = None, **cambios: Any) -> SolicitudModificacion:
    """Una solicitud correcta por defecto: reprograma T3 y T4 el 20 de mayo."""
    meta = meta_central() if meta is None else meta
    local = isinstance(meta, Meta) and meta.nivel is Nivel.LOCAL
    datos: dict[str, Any] = {
        "meta": meta,
        "fecha": D(V, 5, 20),
        "solicitante": Rol.ALCALDE_LOCAL if local else Rol.LIDER_PROCESO,
        "medio": Medio.MEMORANDO,
        "destinatario": Rol.JEFE_OAP,
        "justificacion": "Cambio en la demanda del servicio",
        "vigencia": V,
    }
    if "eliminar" not in cambios and "propuesta" not in cambios:
        datos["propuesta"] = reprogramar(meta, 100, [25, 25, 20, 30])
    datos.update(cambios)
    return SolicitudModificacion(**datos)


def concepto(instancia: Instancia, **cambios: Any) -> Concepto:
    datos: dict[str, Any] = {
        "instancia": instancia,
        "favorable": True,
        "medio": Medio.CORREO_ELECTRONICO,
        "fecha": D(V, 5, 10),
    }
    datos.update(cambios)
    return Concepto(**datos)


def cumple(s: SolicitudModificacion, regla: str, politica: Politica | None = None) -> bool | None:
    politica = POLITICA_PLE_PIN_P005_V8 if politica is None else politica
    return evaluar_solicitud(s, politica).motivo(regla).cumple


def plan_dos_metas(**cambios: Any) -> PlanDeGestion:
    datos: dict[str, Any] = {
        "vigencia": V,
        "unidad": "Proceso de prueba",
        "nivel": "central",
        "metas": [meta_central(), meta_central(codigo="M2", peso=80)],
        "reportes": [Reporte(codigo_meta="M1", trimestre=Trimestre(V, 1), ejecucion=25)],
    }
    datos.update(cambios)
    return PlanDeGestion(**datos)


PROPUESTAS = PROPUESTAS = st.sampled_from(
    [
        [100, [25, 25, 25, 25], "peso"],
        [100, [25, 25, 20, 30], None],
        [120, [25, 25, 25, 45], None],
        [120, [45, 25, 25, 25], None],
        [90, [25, 25, 20, 20], None],
        [100, [10, 30, 30, 30], None],
        [130, [25, 25, 25, 25], None],
    ]
)
