"""Datos y ayudas compartidos por las pruebas de ``sdg_metas.archivos``."""


from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import strategies as st

from sdg_metas.archivos import (
    ErrorCarga,
)
from sdg_metas.ejemplos import plan_ejemplo
from sdg_metas.modelo import (
    Efecto,
    Indicador,
    Meta,
    Nivel,
    PlanDeGestion,
    Programacion,
    RegistroModificacion,
    Reporte,
    Trimestre,
)

CABECERA = "codigo;descripcion;tipo;magnitud;t1;t2;t3;t4;ejecucion_t1;ejecucion_t2;peso"


def plan_completo() -> PlanDeGestion:
    """El plan de ejemplo con todos los campos opcionales usados al menos una vez."""
    plan = plan_ejemplo()
    metas = list(plan.metas)
    metas[0] = attrs.evolve(
        metas[0],
        transversal=True,
        proceso_lider="Proceso Gestión Pública Territorial",
        dependencia_orientadora="Dirección de Tecnologías",
        eliminada_desde=Trimestre(2025, 4),
        nivel=Nivel.CENTRAL,  # el de su plan (issue 11, punto 4)
    )
    metas[1] = attrs.evolve(metas[1], indicador=None, entregables=(), objetivo_estrategico=None)
    metas.append(
        Meta(
            codigo="M7",
            descripcion="Medir la satisfacción «ciudadana» — ñandú",
            programacion=Programacion("creciente", "4.2E+2", ["1.50", None, "0.000", "420"],
                                      linea_base="0"),
            peso="0.25",
        )
    )
    reportes = [
        *plan.reportes,
        Reporte(
            codigo_meta="M7",
            trimestre=Trimestre(2025, 1),
            numerador="45",
            denominador="50",
            avance_reportado="-0.125",
            ejecucion_acumulada_reportada="1.5",
            avance_acumulado_reportado="0.9",
            analisis_acumulado="Acumulado",
            causas_retraso="Paro de transporte",
        ),
    ]
    modificaciones = [
        RegistroModificacion(
            codigo_meta="M1",
            fecha_solicitud=datetime.date(2025, 9, 1),
            fecha_aprobacion=datetime.date(2025, 9, 20),
            efecto=Efecto.MARCAR_ELIMINADA,
            desde=Trimestre(2025, 4),
            revision_oap=True,
            descripcion="Cambio de competencias",
        ),
        RegistroModificacion(
            codigo_meta="M2",
            fecha_solicitud=datetime.date(2025, 3, 1),
            fecha_aprobacion=datetime.date(2025, 3, 5),
            efecto=Efecto.MODIFICAR,
        ),
    ]
    return attrs.evolve(plan, metas=metas, reportes=reportes, modificaciones=modificaciones)


def codigos(error: pytest.ExceptionInfo[ErrorCarga]) -> list[str]:
    return [p.ubicacion for p in error.value.problemas]

_textos = st.text(st.characters(codec="utf-8"), max_size=12)
_unidades = _textos.filter(str.strip)
_decimales = st.decimals(min_value=0, max_value=10**6, places=6)
_opcionales = st.none() | _decimales


@st.composite
def planes(draw: st.DrawFn) -> PlanDeGestion:
    vigencia = draw(st.integers(2000, 2100))
    nivel_plan = draw(st.sampled_from(list(Nivel)))
    n = draw(st.integers(1, 4))
    metas = []
    reportes = []
    for i in range(n):
        codigo = f"M{i}"
        metas.append(
            Meta(
                codigo=codigo,
                descripcion=draw(_textos),
                programacion=Programacion(
                    draw(st.sampled_from(["suma", "constante", "creciente", "decreciente"])),
                    draw(_decimales),
                    draw(st.lists(_opcionales, min_size=4, max_size=4)),
                    linea_base=draw(_opcionales),
                ),
                peso=draw(st.decimals(min_value=0, max_value=100, places=6)),
                unidad=draw(_textos),
                nivel=draw(st.sampled_from([None, nivel_plan])),
                transversal=draw(st.booleans()),
                proceso_lider=draw(st.none() | _textos),
                entregables=draw(st.lists(_textos, max_size=2)),
                indicador=draw(st.none() | st.builds(Indicador, _textos, _textos, _textos,
                                                        _textos)),
                eliminada_desde=draw(st.none() | st.builds(Trimestre, st.just(vigencia),
                                                          st.integers(1, 4))),
            )
        )
        for k in draw(st.sets(st.integers(1, 4))):
            reportes.append(
                Reporte(
                    codigo_meta=codigo,
                    trimestre=Trimestre(vigencia, k),
                    ejecucion=draw(_opcionales),
                    numerador=draw(_opcionales),
                    denominador=draw(_opcionales),
                    analisis=draw(_textos),
                    fecha_envio=draw(st.none() | st.dates()),
                    avance_reportado=draw(st.none() | st.decimals(min_value=-10**6,
                                                                  max_value=10**6, places=6)),
                )
            )
    return PlanDeGestion(vigencia=vigencia, unidad=draw(_unidades),
                         nivel=nivel_plan, metas=metas,
                         reportes=reportes)


def _libro(ruta: Path, filas: list[list[Any]], hoja: str = "Plan") -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    libro = openpyxl.Workbook()
    primera = libro.active
    primera.title = "Portada"
    primera.append(["no es el plan"])
    pagina = libro.create_sheet(hoja)
    for fila in filas:
        pagina.append(fila)
    libro.move_sheet(hoja, offset=-1)
    libro.save(ruta)
    return ruta


def _plan_local() -> PlanDeGestion:
    from sdg_metas import Indicador

    meta = Meta(codigo="L-03", descripcion="Realizar 40 operativos de control", peso=100,
                programacion=Programacion("suma", 40, [10, 10, 10, 10]), unidad="operativos",
                nivel="local", dependencia_orientadora="Dirección para la Gestión Policiva",
                entregables=["Actas de operativos"],
                indicador=Indicador("Operativos", "Operativos realizados",
                                    "Operativos programados"))
    reporte = Reporte(codigo_meta="L-03", trimestre=Trimestre(2025, 1), ejecucion=10,
                      analisis="Se hicieron los 10", evidencias=["actas.pdf"],
                      fecha_envio=datetime.date(2025, 4, 10))
    return PlanDeGestion(vigencia=2025, unidad="Alcaldía Local de Usme", nivel="local",
                         metas=[meta], reportes=[reporte])


SOLICITUD_LOCAL = {
    "formato": "sdg_metas/solicitud", "version": 1, "codigo_meta": "L-03",
    "fecha": "2025-04-15", "solicitante": "alcalde_local", "medio": "memorando",
    "destinatario": "jefe_oap",
    "justificacion": "El operativo de julio se traslada a octubre por la temporada de lluvias",
    "propuesta": {"codigo": "L-03", "descripcion": "Realizar 40 operativos de control",
                  "peso": "100", "unidad": "operativos", "nivel": "local",
                  "dependencia_orientadora": "Dirección para la Gestión Policiva",
                  "entregables": ["Actas de operativos"],
                  "indicador": {"nombre": "Operativos", "numerador": "Operativos realizados",
                                "denominador": "Operativos programados"},
                  "programacion": {"tipo": "suma", "magnitud": "40",
                                   "trimestres": ["10", "10", "5", "15"]}},
    "conceptos": [{"instancia": "direccion_gestion_policiva", "favorable": True,
                   "medio": "correo_electronico", "fecha": "2025-04-10"}],
}
