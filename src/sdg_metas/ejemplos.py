"""El plan de ejemplo incluido: un proceso del nivel central, vigencia 2025, seis metas.

Cubre los cuatro tipos de programación, una meta con línea base (creciente), una decreciente y
una meta atrasada frente a su programación (``M5``). Lo usan ``python -m sdg_metas demo``, la
documentación y las pruebas.

>>> from sdg_metas.ejemplos import plan_ejemplo
>>> plan = plan_ejemplo()
>>> [m.codigo for m in plan.metas]
['M1', 'M2', 'M3', 'M4', 'M5', 'M6']
>>> sum(m.peso for m in plan.metas)
Decimal('100')
"""

from __future__ import annotations

import datetime

from .modelo import Indicador, Meta, Nivel, PlanDeGestion, Programacion, Reporte, Trimestre

__all__ = ["plan_ejemplo"]

_VIGENCIA = 2025

# (código, redacción, tipo, magnitud, T1..T4, línea base, unidad, peso, ejecuciones T1..T4)
_METAS = (
    ("M1", "Realizar 120 acciones de inspección, vigilancia y control", "suma", "120",
     ("30", "30", "30", "30"), None, "acciones", "20", ("30", "28", "35", "27")),
    ("M2", "Mantener en 95 % la respuesta oportuna a los requerimientos ciudadanos",
     "constante", "95", ("95", "95", "95", "95"), None, "%", "15", ("96", "93", "95", "97")),
    ("M3", "Aumentar al 80 % los expedientes digitalizados", "creciente", "80",
     ("50", "60", "70", "80"), "40", "%", "20", ("52", "58", "71", "80")),
    ("M4", "Reducir a 200 los expedientes represados", "decreciente", "200",
     ("400", "350", "250", "200"), "500", "expedientes", "15", ("420", "340", "260", "190")),
    ("M5", "Ejecutar 40 operativos de control al espacio público", "suma", "40",
     (None, "10", "15", "15"), None, "operativos", "20", (None, "4", "6", "8")),
    ("M6", "Realizar 2 mesas de trabajo con las alcaldías locales cada trimestre",
     "constante", "2", ("2", "2", "2", "2"), None, "mesas", "10", ("2", "2", "1", "2")),
)

# Fecha de envío de cada trimestre (el T3 de 2025 se envió tarde: el plazo era el 15 de octubre).
_ENVIOS = (
    datetime.date(2025, 4, 10),
    datetime.date(2025, 7, 15),
    datetime.date(2025, 10, 20),
    datetime.date(2026, 1, 14),
)


def plan_ejemplo() -> PlanDeGestion:
    """El plan de ejemplo, con sus reportes de los cuatro trimestres de 2025."""
    metas = []
    reportes = []
    for codigo, redaccion, tipo, magnitud, trimestres, lb, unidad, peso, ejecuciones in _METAS:
        metas.append(
            Meta(
                codigo=codigo,
                descripcion=redaccion,
                programacion=Programacion(tipo, magnitud, trimestres, linea_base=lb),
                peso=peso,
                unidad=unidad,
                nivel=Nivel.CENTRAL,
                entregables=(f"Informe trimestral de {unidad}",),
                indicador=Indicador(
                    nombre=f"{unidad.capitalize()} logrados",
                    numerador=f"{unidad} ejecutados en el periodo",
                    denominador=f"{unidad} programados en el periodo",
                    unidad=unidad,
                ),
                objetivo_estrategico="OE1",
            )
        )
        for numero, (ejecucion, envio) in enumerate(zip(ejecuciones, _ENVIOS, strict=False), 1):
            if ejecucion is None:
                continue
            reportes.append(
                Reporte(
                    codigo_meta=codigo,
                    trimestre=Trimestre(_VIGENCIA, numero),
                    ejecucion=ejecucion,
                    analisis=f"Avance del trimestre {numero} de la meta {codigo}.",
                    evidencias=(f"evidencias/{codigo}-T{numero}.pdf",),
                    fecha_envio=envio,
                )
            )
    return PlanDeGestion(
        vigencia=_VIGENCIA,
        unidad="Proceso Inspección, Vigilancia y Control",
        nivel=Nivel.CENTRAL,
        metas=tuple(metas),
        reportes=tuple(reportes),
    )
