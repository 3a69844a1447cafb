"""Pruebas de ``sdg_metas.archivos._solicitud``: archivos de solicitud de modificación."""


from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from sdg_metas.archivos import (
    ErrorCarga,
)
from sdg_metas.errores import ErrorArchivo

from .comun import SOLICITUD_LOCAL, _plan_local


def test_solicitud_ida_y_vuelta(tmp_path: Path) -> None:
    from sdg_metas.archivos import cargar_solicitud, solicitud_a_dict
    from sdg_metas.modificaciones import Elegibilidad, evaluar_solicitud

    plan = _plan_local()
    solicitud = cargar_solicitud(json.dumps(SOLICITUD_LOCAL), plan)
    assert solicitud.trimestres_reportados == frozenset({1})
    assert solicitud.modificaciones_previas == 0
    assert solicitud.propuesta is not None
    assert solicitud.propuesta.programacion.trimestres[2] == Decimal(5)
    # Cambia T3 y T4, sin corte ni reporte; la Dirección dio concepto favorable: elegible.
    assert evaluar_solicitud(solicitud).elegibilidad is Elegibilidad.ELEGIBLE
    ruta = tmp_path / "solicitud.json"
    ruta.write_text(json.dumps(solicitud_a_dict(solicitud)), encoding="utf-8")
    assert cargar_solicitud(ruta, plan) == solicitud
    assert solicitud_a_dict(solicitud)["conceptos"] == SOLICITUD_LOCAL["conceptos"]


def test_solicitud_con_todos_sus_problemas() -> None:
    from sdg_metas.archivos import cargar_solicitud

    mala = dict(SOLICITUD_LOCAL, codigo_meta="X-9", solicitante="concejal", fecha="15/04/2025",
                conceptos=[{"instancia": "direccion_gestion_policiva", "medio": "memorando",
                            "fecha": "2025-04-10"}], eliminar="si")
    with pytest.raises(ErrorCarga) as e:
        cargar_solicitud(json.dumps(mala), _plan_local())
    ubicaciones = sorted(p.ubicacion for p in e.value.problemas)
    assert ubicaciones == [
        "<texto>, codigo_meta", "<texto>, conceptos[0].favorable", "<texto>, eliminar",
        "<texto>, fecha", "<texto>, solicitante",
    ]
    assert e.value.codigo == "ARCHIVO_INVALIDO"


def test_solicitud_inconsistente_es_un_problema_del_archivo() -> None:
    from sdg_metas.archivos import cargar_solicitud

    with pytest.raises(ErrorCarga) as e:
        cargar_solicitud(json.dumps(dict(SOLICITUD_LOCAL, eliminar=True)), _plan_local())
    assert len(e.value.problemas) == 1
    assert "propuesta" in str(e.value)


@pytest.mark.parametrize(
    ("texto", "codigo"),
    [
        ('{"formato": "sdg_metas/plan", "version": 1}', "FORMATO_DESCONOCIDO"),
        ('{"formato": "sdg_metas/solicitud", "version": 2}', "VERSION_NO_SOPORTADA"),
        ('{"formato": "sdg_metas/solicitud", "version": 1,', "JSON_INVALIDO"),
        ("[1, 2]", "FORMATO_DESCONOCIDO"),
    ],
)
def test_solicitud_rechazos(texto: str, codigo: str, tmp_path: Path) -> None:
    from sdg_metas.archivos import cargar_solicitud

    ruta = tmp_path / "s.json"
    ruta.write_text(texto, encoding="utf-8")
    with pytest.raises(ErrorCarga) as e:
        cargar_solicitud(ruta, _plan_local())
    assert e.value.codigo == codigo


def test_solicitud_tipos_invalidos() -> None:
    from sdg_metas.archivos import cargar_solicitud, solicitud_a_dict

    with pytest.raises(ErrorArchivo) as e:
        cargar_solicitud(json.dumps(SOLICITUD_LOCAL), "plan.json")  # type: ignore[arg-type]
    assert e.value.codigo == "TIPO_INVALIDO"
    with pytest.raises(ErrorArchivo) as e:
        solicitud_a_dict({"codigo_meta": "L-03"})
    assert e.value.campo == "solicitud"


def test_solicitud_causal_excepcional() -> None:
    from sdg_metas.archivos import cargar_solicitud, solicitud_a_dict
    from sdg_metas.modificaciones import Causal

    plan = _plan_local()
    nula = cargar_solicitud(json.dumps(dict(SOLICITUD_LOCAL, causal_excepcional=None)), plan)
    assert nula.causal_excepcional is None
    fuerza = cargar_solicitud(
        json.dumps(dict(SOLICITUD_LOCAL, causal_excepcional="Fuerza mayor")), plan
    )
    assert fuerza.causal_excepcional is Causal.FUERZA_MAYOR
    assert solicitud_a_dict(fuerza)["causal_excepcional"] == "fuerza_mayor"
    with pytest.raises(ErrorCarga) as e:
        cargar_solicitud(json.dumps(dict(SOLICITUD_LOCAL, causal_excepcional="capricho")), plan)
    assert [str(p) for p in e.value.problemas] == [
        (
            "<texto>, causal_excepcional: 'capricho' no es un valor válido; valores válidos: "
            "cambio_normativo, fuerza_mayor"  # issue 14: valores en español, no nombres
        )
    ]
