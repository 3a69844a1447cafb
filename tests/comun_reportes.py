"""Una meta y un reporte de ejemplo para las pruebas de ``reportes`` (REP-*): una meta SUMA de 120
acciones, 30 por trimestre, y un reporte completo y a tiempo de cada trimestre de 2025."""

from __future__ import annotations

import datetime

from sdg_metas import Meta, Programacion, Reporte, Trimestre

# Fechas límite de 2025 (Nota 2): 15 de abril (martes), 15 de julio (martes), 15 de octubre
# (miércoles) y 15 de enero de 2026 (jueves): todas hábiles.
ENVIO = {1: datetime.date(2025, 4, 10), 2: datetime.date(2025, 7, 15),
         3: datetime.date(2025, 10, 15), 4: datetime.date(2026, 1, 15)}


def meta(**cambios: object) -> Meta:
    base: dict[str, object] = {
        "codigo": "M1",
        "descripcion": "Realizar 120 acciones",
        "programacion": Programacion("suma", 120, [30, 30, 30, 30]),
        "peso": 100,
        "unidad": "acciones",
    }
    base.update(cambios)
    return Meta(**base)  # type: ignore[arg-type]


def reporte(numero: int = 1, **cambios: object) -> Reporte:
    base: dict[str, object] = {
        "codigo_meta": "M1",
        "trimestre": Trimestre(2025, numero),
        "ejecucion": 30,
        "analisis": "Se realizaron las acciones programadas",
        "analisis_acumulado": "La meta avanza según lo programado en la vigencia",
        "evidencias": ("actas.pdf",),
        "fecha_envio": ENVIO[numero],
    }
    base.update(cambios)
    return Reporte(**base)  # type: ignore[arg-type]
