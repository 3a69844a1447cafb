"""La solicitud de modificación, sus conceptos y sus enumeraciones (Política 9, viñeta 1)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from sdg_metas import ciclo
from sdg_metas.ciclo import Actor
from sdg_metas.errores import ErrorModificacion, ErrorSdgMetas, TipoInvalido
from sdg_metas.modelo import (
    Trimestre,
)
from sdg_metas.modificaciones import (
    Causal,
    Concepto,
    Instancia,
    Medio,
    Rol,
    SolicitudModificacion,
    evaluar_solicitud,
)

from .ayudas import (
    D,
    V,
    meta_central,
    solicitud,
)

# --- Rechazos al construir ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cambios", "codigo_error", "campo"),
    [
        (
            {"eliminar": True, "propuesta": meta_central(peso=30)},
            "ELIMINAR_CON_PROPUESTA",
            "propuesta",
        ),
        ({"propuesta": None}, "SIN_PROPUESTA", "propuesta"),
        ({"propuesta": meta_central(codigo="M2")}, "CODIGO_DISTINTO", "propuesta.codigo"),
        ({"propuesta": meta_central()}, "SIN_CAMBIOS", "propuesta"),
        (
            {"propuesta": meta_central(eliminada_desde=Trimestre(V, 2))},
            "PROPUESTA_ELIMINADA",
            "propuesta.eliminada_desde",
        ),
        (
            {"meta": meta_central(eliminada_desde=Trimestre(V, 2)), "eliminar": True},
            "META_ELIMINADA",
            "meta",
        ),
        (
            {"modificaciones_previas": -1},
            "MODIFICACIONES_PREVIAS_INVALIDAS",
            "modificaciones_previas",
        ),
        ({"trimestres_reportados": {5}}, "TRIMESTRE_INVALIDO", "trimestres_reportados"),
        ({"solicitante": "secretario"}, "ROL_DESCONOCIDO", "rol"),
        ({"medio": "fax"}, "MEDIO_DESCONOCIDO", "medio"),
        ({"causal_excepcional": "capricho"}, "CAUSAL_DESCONOCIDO", "causal_excepcional"),
    ],
)
def test_solicitudes_inconsistentes(cambios: dict[str, Any], codigo_error: str, campo: str) -> None:
    datos: dict[str, Any] = {
        "meta": meta_central(),
        "fecha": D(V, 5, 1),
        "solicitante": Rol.LIDER_PROCESO,
        "medio": Medio.MEMORANDO,
        "destinatario": Rol.JEFE_OAP,
        "justificacion": "x",
        "propuesta": meta_central(peso=30),
    }
    datos.update(cambios)
    with pytest.raises(ErrorModificacion) as error:
        SolicitudModificacion(**datos)
    assert error.value.codigo == codigo_error
    assert error.value.campo == campo
    assert campo.split(".")[0] in str(error.value) or campo in str(error.value)


@pytest.mark.parametrize(
    ("cambios", "campo"),
    [
        ({"meta": "M1"}, "meta"),
        ({"fecha": datetime.datetime(V, 5, 1, 10, 0)}, "fecha"),
        ({"fecha": "2025-05-01"}, "fecha"),
        ({"solicitante": 3}, "rol"),
        ({"justificacion": None}, "justificacion"),
        ({"propuesta": "M1"}, "propuesta"),
        ({"eliminar": "si"}, "eliminar"),
        ({"modificaciones_previas": True}, "modificaciones_previas"),
        ({"modificaciones_previas": 1.0}, "modificaciones_previas"),
        ({"trimestres_reportados": "12"}, "trimestres_reportados"),
        ({"trimestres_reportados": 1}, "trimestres_reportados"),
        ({"trimestres_reportados": {1.0}}, "trimestres_reportados"),
        ({"conceptos": "concepto"}, "conceptos"),
        ({"conceptos": [1]}, "conceptos[0]"),
        ({"causal_excepcional": 1}, "causal_excepcional"),
        ({"vigencia": "2025"}, "vigencia"),
    ],
)
def test_tipos_invalidos(cambios: dict[str, Any], campo: str) -> None:
    datos: dict[str, Any] = {"meta": meta_central(), "propuesta": meta_central(peso=30)}
    datos.update(cambios)
    with pytest.raises(TipoInvalido) as error:
        solicitud(**datos)
    assert error.value.campo == campo
    assert isinstance(error.value, TypeError)


def test_vigencia_fuera_de_rango() -> None:
    with pytest.raises(ErrorSdgMetas) as error:
        solicitud(vigencia=10)
    assert error.value.codigo == "VIGENCIA_INVALIDA"


@pytest.mark.parametrize(
    ("cambios", "campo"),
    [
        ({"favorable": "sí"}, "favorable"),
        ({"fecha": datetime.datetime(V, 5, 1, 9, 0)}, "fecha"),
        ({"instancia": 4}, "instancia"),
        ({"medio": None}, "medio"),
    ],
)
def test_concepto_tipos(cambios: dict[str, Any], campo: str) -> None:
    datos: dict[str, Any] = {
        "instancia": Instancia.LIDER_PROCESO_LIDER,
        "favorable": True,
        "medio": Medio.MEMORANDO,
        "fecha": D(V, 5, 1),
    }
    datos.update(cambios)
    with pytest.raises(TipoInvalido) as error:
        Concepto(**datos)
    assert error.value.campo == campo


def test_enumeraciones_desde_texto() -> None:
    assert Rol.desde_texto("Líder proceso") is Rol.LIDER_PROCESO
    assert Medio.desde_texto("CORREO_ELECTRONICO") is Medio.CORREO_ELECTRONICO
    assert Instancia.desde_texto("lider_proceso_lider") is Instancia.LIDER_PROCESO_LIDER
    assert Instancia.desde_texto(Instancia.DIRECCION_GESTION_POLICIVA).nombre == (
        "la Dirección para la Gestión Policiva"
    )
    assert Instancia.orientadora(None) is None
    with pytest.raises(ErrorModificacion) as error:
        Instancia.desde_texto("Secretaría de Hacienda")
    assert error.value.codigo == "INSTANCIA_DESCONOCIDO"
    c = Concepto("Subsecretaría de Gestión Local", False, "correo electrónico", D(V, 1, 2))
    assert (c.instancia, c.medio) == (
        Instancia.SUBSECRETARIA_GESTION_LOCAL,
        Medio.CORREO_ELECTRONICO,
    )
    assert solicitud(causal_excepcional="Cambio normativo").causal_excepcional is (
        Causal.CAMBIO_NORMATIVO
    )


def test_un_solo_rol_para_el_ciclo_y_las_solicitudes() -> None:
    assert Rol is Actor
    assert Rol is ciclo.Rol
    assert Rol.desde_texto("Líder proceso") is Actor.LIDER_PROCESO
    assert Rol.desde_texto("profesional OAP") is Rol.PROFESIONAL_OAP
    assert Rol.desde_texto(Rol.OTRO) is Rol.OTRO
    # Cualquier rol presenta una solicitud; MOD-01 dice si es el que corresponde.
    s = solicitud(solicitante=Actor.PROFESIONAL_OAP)
    assert s.solicitante is Rol.PROFESIONAL_OAP
    assert evaluar_solicitud(s).incumplidas == ("MOD-01",)
    with pytest.raises(ErrorSdgMetas) as error:
        Rol.desde_texto("secretario")
    assert (error.value.codigo, error.value.campo) == ("ROL_DESCONOCIDO", "rol")
