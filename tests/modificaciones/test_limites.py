"""Límites de la Política 9 probados en el día exacto (issue 13): cada prueba nombra la viñeta
y el día, y su resultado esperado sale del texto del procedimiento, no de la salida del código.

Política 9 (PLE-PIN-P005 v8), viñetas citadas:

- 1: «Las solicitudes se pueden presentar máximo hasta el segundo trimestre de la vigencia»
  (MOD-04; el 30 de junio es el último día del T2, ``INT-20``).
- 4: «La modificación de metas para aumentar su magnitud podrá realizarse en cualquier momento
  de la vigencia» (MOD-07).
- 5: «La modificación a la programación trimestral de las metas se realizará para periodos en
  los que aún no ha finalizado el periodo de corte» (MOD-08; ``INT-22``).
- 6: «… contar con el concepto previo favorable del líder del proceso que lidera la meta»
  (MOD-09).
- 8: «Las metas que cuenten con seguimiento no podrán ser eliminadas … deben ser marcadas …
  como “Meta eliminada”» (MOD-11; desde qué trimestre, ``INT-23``).
"""

from __future__ import annotations

import attrs

from sdg_metas.modelo import Trimestre
from sdg_metas.modificaciones import (
    Efecto,
    Elegibilidad,
    Instancia,
    Rol,
    aplicar_modificacion,
    evaluar_solicitud,
    solicitud_desde_plan,
)
from sdg_metas.politica import POLITICA_PLE_PIN_P005_V8

from .ayudas import (
    EMISOR,
    D,
    V,
    concepto,
    cumple,
    meta_central,
    meta_transversal,
    plan_dos_metas,
    reprogramar,
    solicitud,
)

JUN30, JUL1 = D(V, 6, 30), D(V, 7, 1)


def test_mod07_aumento_el_30_de_junio_y_el_1_de_julio() -> None:
    """Viñeta 4 frente a la viñeta 1. Magnitud 100 → 120, sumando 20 al T4 (trimestre
    abierto en ambas fechas): el 30 de junio (último día del T2) y el 1 de julio (primer día
    fuera del plazo) el aumento se admite (MOD-07 cumple y MOD-04 lo exime). La misma fecha
    con una reprogramación sin aumento (T3 25 → 20, T4 25 → 30, magnitud igual): el 30 de
    junio está dentro del plazo; el 1 de julio ya no."""
    meta = meta_central()
    aumento = reprogramar(meta, 120, [25, 25, 25, 45])
    sin_aumento = reprogramar(meta, 100, [25, 25, 20, 30])
    for dia in (JUN30, JUL1):
        s = solicitud(meta, fecha=dia, propuesta=aumento)
        assert cumple(s, "MOD-07") is True, dia
        assert cumple(s, "MOD-04") is True, dia
        assert evaluar_solicitud(s).elegibilidad is Elegibilidad.ELEGIBLE, dia
    en_plazo = solicitud(meta, fecha=JUN30, propuesta=sin_aumento)
    assert cumple(en_plazo, "MOD-07") is None  # no aumenta: la viñeta 4 no aplica
    assert cumple(en_plazo, "MOD-04") is True
    tarde = solicitud(meta, fecha=JUL1, propuesta=sin_aumento)
    assert cumple(tarde, "MOD-07") is None
    assert cumple(tarde, "MOD-04") is False
    assert evaluar_solicitud(tarde).elegibilidad is Elegibilidad.NO_ELEGIBLE


def test_mod07_aumento_que_no_es_solo_aumento_el_30_de_junio_y_el_1_de_julio() -> None:
    """Viñeta 4: un aumento (100 → 120) que además cambia el peso (20 → 30) no es «solo
    aumentar la magnitud» (``INT-26``). El 30 de junio no necesita la exención (está dentro
    del plazo de la viñeta 1): MOD-07 no aplica. El 1 de julio sí la necesitaría y no la
    tiene: MOD-07 falla y MOD-04 también."""
    meta = meta_central()
    propuesta = attrs.evolve(reprogramar(meta, 120, [25, 25, 25, 45]), peso=30)
    a_tiempo = solicitud(meta, fecha=JUN30, propuesta=propuesta)
    assert cumple(a_tiempo, "MOD-07") is None
    assert cumple(a_tiempo, "MOD-04") is True
    tarde = solicitud(meta, fecha=JUL1, propuesta=propuesta)
    assert cumple(tarde, "MOD-07") is False
    assert cumple(tarde, "MOD-04") is False


def test_mod08_primer_dia_del_t3() -> None:
    """Viñeta 5, el 1 de julio de 2025 (primer día del T3): el corte del T2 terminó el 30 de
    junio, así que el T2 ya no se reprograma; el T3 está en curso, su corte no ha terminado y
    se puede reprogramar (``INT-22`` por defecto). El 30 de junio el T2 aún no termina y se
    puede cambiar. (MOD-08 se mira sola: el 1 de julio MOD-04 rechaza por plazo.)"""
    meta = meta_central()
    cambia_t3 = reprogramar(meta, 100, [25, 25, 20, 30])  # T3 y T4
    cambia_t2 = reprogramar(meta, 100, [25, 20, 30, 25])  # T2 y T3
    assert cumple(solicitud(meta, fecha=JUL1, propuesta=cambia_t3), "MOD-08") is True
    assert cumple(solicitud(meta, fecha=JUL1, propuesta=cambia_t2), "MOD-08") is False
    assert cumple(solicitud(meta, fecha=JUN30, propuesta=cambia_t2), "MOD-08") is True
    assert cumple(solicitud(meta, fecha=JUN30, propuesta=cambia_t3), "MOD-08") is True
    # INT-22 alterno (solo trimestres futuros): el 1 de julio el T3 ya comenzó y no se cambia;
    # el 30 de junio el T3 aún no comienza.
    solo_futuros = attrs.evolve(POLITICA_PLE_PIN_P005_V8, trimestre_en_curso_modificable=False)
    assert cumple(solicitud(meta, fecha=JUL1, propuesta=cambia_t3), "MOD-08", solo_futuros) is False
    assert cumple(solicitud(meta, fecha=JUN30, propuesta=cambia_t3), "MOD-08", solo_futuros) is True
    # … y el 30 de junio el T2, en curso, ya no se cambia con esa política.
    en_curso = solicitud(meta, fecha=JUN30, propuesta=cambia_t2)
    assert cumple(en_curso, "MOD-08", solo_futuros) is False


def test_mod09_concepto_del_mismo_dia_es_previo_y_del_dia_siguiente_no() -> None:
    """Viñeta 6: el concepto favorable debe ser «previo». Solicitud del 20 de mayo de 2025:
    un concepto fechado el mismo 20 de mayo ya existía al presentar la solicitud (cumple); uno
    del 21 de mayo es posterior (no cumple)."""
    meta = meta_transversal()
    dia = D(V, 5, 20)
    mismo = solicitud(meta, fecha=dia, conceptos=[
        concepto(Instancia.LIDER_PROCESO_LIDER, emisor=EMISOR, fecha=dia)])
    assert cumple(mismo, "MOD-09") is True
    siguiente = solicitud(meta, fecha=dia, conceptos=[
        concepto(Instancia.LIDER_PROCESO_LIDER, emisor=EMISOR, fecha=D(V, 5, 21))])
    assert cumple(siguiente, "MOD-09") is False
    assert "posterior a la solicitud" in evaluar_solicitud(siguiente).motivo("MOD-09").mensaje


def test_mod11_eliminacion_aprobada_en_el_trimestre_del_ultimo_reporte() -> None:
    """Viñeta 8 (``INT-23`` alterno: «Meta eliminada» desde el primer trimestre sin reporte, si
    es anterior al de la aprobación). La meta M1 tiene reportes del T1 y del T2; la OAP aprueba
    la eliminación el 20 de junio de 2025, dentro del T2: el primer trimestre sin reporte es el
    T3, que no es anterior al T2, así que la meta queda eliminada desde el T2 (el de la
    aprobación). Con la aprobación el 5 de agosto (T3) queda desde el T3 con ambas políticas."""
    from sdg_metas.modelo import Reporte

    plan = plan_dos_metas(reportes=[
        Reporte(codigo_meta="M1", trimestre=Trimestre(V, 1), ejecucion=25),
        Reporte(codigo_meta="M1", trimestre=Trimestre(V, 2), ejecucion=25),
    ])
    s = solicitud_desde_plan(
        plan, "M1", fecha=D(V, 6, 10), solicitante=Rol.LIDER_PROCESO, medio="memorando",
        destinatario=Rol.JEFE_OAP, justificacion="Cambio normativo", eliminar=True,
    )
    d = evaluar_solicitud(s)
    assert (d.elegibilidad, d.efecto) == (Elegibilidad.ELEGIBLE, Efecto.MARCAR_ELIMINADA)
    alterna = attrs.evolve(
        POLITICA_PLE_PIN_P005_V8, eliminada_desde_primer_trimestre_sin_seguimiento=True
    )
    for politica in (alterna, POLITICA_PLE_PIN_P005_V8):
        nuevo = aplicar_modificacion(plan, s, d, D(V, 6, 20), politica=politica)
        assert nuevo.meta("M1").eliminada_desde == Trimestre(V, 2)
        agosto = aplicar_modificacion(plan, s, d, D(V, 8, 5), politica=politica)
        assert agosto.meta("M1").eliminada_desde == Trimestre(V, 3)
