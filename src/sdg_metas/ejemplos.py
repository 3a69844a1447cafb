"""El plan de ejemplo incluido: un proceso del nivel central, vigencia 2025, seis metas.

Cubre los cuatro tipos de programación, una meta con línea base (creciente), una decreciente y
una meta atrasada frente a su programación (``M5``). Cada reporte trae los siete elementos de la
Actividad 9 (las cifras, calculadas y redondeadas como las reporta una unidad, y los dos
análisis); los análisis de los trimestres con retraso nombran su causa (Nota 1), salvo los de
``M5``, que no la justifican (REP-03), y el tercer trimestre se envió tarde (REP-06). Lo usan
``python -m sdg_metas demo``, la documentación y las pruebas.

>>> from sdg_metas.ejemplos import plan_ejemplo
>>> plan = plan_ejemplo()
>>> [m.codigo for m in plan.metas]
['M1', 'M2', 'M3', 'M4', 'M5', 'M6']
>>> sum(m.peso for m in plan.metas)
Decimal('100')
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from .calculos import evaluar
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


# La causa de cada retraso (Actividad 9, Nota 1), en el análisis del trimestre y del resultado.
# M5 va atrasada en T2, T3 y T4 y sus análisis no dan la causa: REP-03 lo señala.
_CAUSAS = {
    ("M1", 2): "El retraso se debe a la suspensión del contrato de transporte durante abril.",
    ("M1", 4): "La demora obedece al cierre de vías por las obras de diciembre.",
    ("M2", 2): "El retraso se debe al aumento de requerimientos por la temporada de lluvias.",
    ("M2", 3): "El acumulado sigue por debajo debido a la demora del segundo trimestre.",
    ("M3", 2): "El retraso se debe a la falta de escáneres, que llegaron en junio.",
    ("M4", 1): "La demora obedece a la llegada de expedientes de la vigencia anterior.",
    ("M4", 3): "El retraso se debe a la suspensión de términos en agosto.",
    ("M6", 3): "Una mesa se aplazó debido a la emergencia invernal.",
    ("M6", 4): "El acumulado refleja el retraso del tercer trimestre, debido a la emergencia.",
}


def _cifra(valor: Decimal | None, decimales: str) -> Decimal | None:
    """Una cifra reportada: la calculada, redondeada como la escribe la unidad."""
    return None if valor is None else valor.quantize(Decimal(decimales), ROUND_HALF_UP)


def _reportes(meta: Meta, ejecuciones: tuple[str | None, ...]) -> list[Reporte]:
    """Los reportes de una meta, con las cifras y los análisis de la Actividad 9."""
    reportes = []
    for numero, (ejecucion, envio) in enumerate(zip(ejecuciones, _ENVIOS, strict=False), 1):
        if ejecucion is None:
            continue
        r = evaluar(meta.programacion, ejecuciones, numero)
        causa = _CAUSAS.get((meta.codigo, numero))
        reportes.append(
            Reporte(
                codigo_meta=meta.codigo,
                trimestre=Trimestre(_VIGENCIA, numero),
                ejecucion=ejecucion,
                analisis=f"Avance del trimestre {numero} de la meta {meta.codigo}."
                + (f" {causa}" if causa else ""),
                analisis_acumulado=f"Resultado acumulado de la meta {meta.codigo} a "
                f"{_VIGENCIA}-T{numero} frente a lo programado a la fecha."
                + (f" {causa}" if causa else ""),
                evidencias=(f"evidencias/{meta.codigo}-T{numero}.pdf",),
                fecha_envio=envio,
                avance_reportado=_cifra(r.avance_trimestre, "0.0001"),
                ejecucion_acumulada_reportada=_cifra(r.ejecucion_acumulada, "0.01"),
                avance_acumulado_reportado=_cifra(r.cumplimiento, "0.0001"),
            )
        )
    return reportes


def plan_ejemplo() -> PlanDeGestion:
    """El plan de ejemplo, con sus reportes de los cuatro trimestres de 2025."""
    metas: list[Meta] = []
    reportes: list[Reporte] = []
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
        reportes.extend(_reportes(metas[-1], ejecuciones))
    return PlanDeGestion(
        vigencia=_VIGENCIA,
        unidad="Proceso Inspección, Vigilancia y Control",
        nivel=Nivel.CENTRAL,
        metas=tuple(metas),
        reportes=tuple(reportes),
    )
