"""Issue 11 (fidelidad a las reglas), puntos 1 a 8: modificaciones y eliminaciones.

Cada prueba sale de un escenario del issue, con la cláusula de PLE-PIN-P005 v8 citada y los
valores esperados trabajados a mano en el comentario. Las lecturas elegidas son las
interpretaciones ``INT-26`` … ``INT-32`` y ``INT-45`` (``docs/interpretaciones.md``).
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from sdg_metas import verificar_plan
from sdg_metas.archivos import cargar_solicitud, solicitud_a_dict
from sdg_metas.modelo import (
    Indicador,
    Meta,
    Nivel,
    PlanDeGestion,
    Programacion,
    RegistroModificacion,
    Reporte,
    Trimestre,
)
from sdg_metas.modificaciones import (
    Efecto,
    Elegibilidad,
    Instancia,
    Rol,
    aplicar_modificacion,
    comparar_metas,
    evaluar_solicitud,
    solicitud_desde_plan,
)
from sdg_metas.politica import POLITICA_PLE_PIN_P005_V8, SentidoAumento

from .ayudas import EMISOR, POLICIVA, D, V, concepto, meta_central, meta_transversal, solicitud

POL = POLITICA_PLE_PIN_P005_V8
NOVIEMBRE = D(V, 11, 10)  # T1..T3 reportados, T4 en curso; fuera del plazo de MOD-04


# --- Punto 1: un aumento coherente sigue siendo un aumento (INT-26) ---------------------------


def _jornadas(magnitud: int, trimestres: list[int | None], redaccion: str) -> Meta:
    return meta_central(
        descripcion=redaccion,
        programacion=Programacion("suma", magnitud, trimestres),
        unidad="jornadas",
    )


def test_punto_1_aumento_con_redaccion_coherente_en_noviembre() -> None:
    # Viñeta 4: «La modificación de metas para aumentar su magnitud podrá realizarse en
    # cualquier momento de la vigencia»; viñeta 2: «Se debe garantizar la coherencia entre los
    # elementos que conforman la meta (redacción de la meta, magnitud total, programación
    # trimestral …)». «Realizar 100 jornadas» → «Realizar 120 jornadas», 25+25+25+45 = 120.
    meta = _jornadas(100, [25, 25, 25, 25], "Realizar 100 jornadas")
    coherente = _jornadas(120, [25, 25, 25, 45], "Realizar 120 jornadas")
    s = solicitud(meta, fecha=NOVIEMBRE, trimestres_reportados={1, 2, 3}, propuesta=coherente)
    d = evaluar_solicitud(s)
    assert d.elegibilidad is Elegibilidad.ELEGIBLE  # antes: NO_ELEGIBLE («también cambia»)
    assert d.motivo("MOD-07").cumple is True
    assert "exenta del plazo por MOD-07" in d.motivo("MOD-04").mensaje
    assert d.cambios.descripcion
    assert d.cambios.solo_aumento
    # La redacción desactualizada («100») también es un aumento (y sigue siéndolo).
    rancia = attrs.evolve(coherente, descripcion="Realizar 100 jornadas")
    assert evaluar_solicitud(attrs.evolve(s, propuesta=rancia)).elegibilidad is (
        Elegibilidad.ELEGIBLE
    )
    # Los entregables también se ajustan a la nueva magnitud.
    entregables = attrs.evolve(coherente, entregables=["Actas de 120 jornadas"])
    assert evaluar_solicitud(attrs.evolve(s, propuesta=entregables)).motivo("MOD-07").cumple
    # Con la alternativa (INT-26 = False) solo la magnitud y la programación.
    estricta = attrs.evolve(POL, aumento_admite_ajustes_coherentes=False)
    d = evaluar_solicitud(s, estricta)
    assert d.incumplidas == ("MOD-04", "MOD-07")
    assert "también cambia redacción" in d.motivo("MOD-07").mensaje


def test_punto_1_tipo_indicador_linea_base_o_peso_no_son_un_aumento() -> None:
    # INT-26: el tipo, el indicador y la línea base cambian qué se mide, no cuánto.
    meta = _jornadas(100, [25, 25, 25, 25], "Realizar 100 jornadas")
    coherente = _jornadas(120, [25, 25, 25, 45], "Realizar 120 jornadas")
    otros = {
        "indicador": attrs.evolve(coherente, indicador=Indicador("Otro", "a", "b")),
        "peso": attrs.evolve(coherente, peso=30),
        "línea base": attrs.evolve(
            coherente,
            programacion=Programacion("suma", 120, [25, 25, 25, 45], linea_base=10),
        ),
        "tipo de programación": attrs.evolve(
            coherente, programacion=Programacion("creciente", 120, [25, 50, 75, 120])
        ),
    }
    for nombre, propuesta in otros.items():
        cambios = comparar_metas(meta, propuesta)
        assert cambios.es_aumento()
        assert nombre in cambios.ajenos_al_aumento(), nombre
        assert not cambios.solo_aumento
        s = solicitud(meta, fecha=NOVIEMBRE, trimestres_reportados={1, 2, 3}, propuesta=propuesta)
        assert evaluar_solicitud(s).motivo("MOD-07").cumple is False, nombre


# --- Punto 2: aumentar es hacer la meta más ambiciosa (INT-27) ---------------------------------


def _tiempo(magnitud: int, cuarto: int) -> Meta:
    return meta_central(
        descripcion=f"Reducir el tiempo de respuesta a {magnitud} días",
        programacion=Programacion("decreciente", magnitud, [16, 14, 12, cuarto], linea_base=18),
        unidad="días",
    )


def test_punto_2_meta_decreciente_se_aumenta_bajando() -> None:
    # Viñeta 4: «aumentar su magnitud». Reducir el tiempo de respuesta a 10 días: pasar a 8 días
    # en noviembre la hace más exigente (es un aumento, exento del plazo); pasar a 12 la relaja
    # (no es un aumento: fuera del plazo de MOD-04). Antes del issue 11 era al revés.
    meta = _tiempo(10, 10)
    base: dict[str, Any] = {"fecha": NOVIEMBRE, "trimestres_reportados": {1, 2, 3}}
    exigente = solicitud(meta, propuesta=_tiempo(8, 8), **base)
    relajada = solicitud(meta, propuesta=_tiempo(12, 12), **base)
    d = evaluar_solicitud(exigente)
    assert d.elegibilidad is Elegibilidad.ELEGIBLE
    assert "meta decreciente más exigente" in d.motivo("MOD-07").mensaje
    assert d.cambios.describir().startswith(
        "magnitud 10 → 8 (disminuye: meta decreciente más exigente)"
    )
    d = evaluar_solicitud(relajada)
    assert d.incumplidas == ("MOD-04",)
    assert d.motivo("MOD-07").cumple is None
    # La lectura numérica (SentidoAumento.NUMERICO) sigue disponible.
    numerica = attrs.evolve(POL, sentido_aumento=SentidoAumento.NUMERICO)
    assert evaluar_solicitud(exigente, numerica).incumplidas == ("MOD-04",)
    assert evaluar_solicitud(relajada, numerica).elegibilidad is Elegibilidad.ELEGIBLE


# --- Punto 3: una meta CONSTANTE se sube después de un trimestre medido (INT-28) ----------------


def _cobertura(magnitud: int, trimestres: list[int | None]) -> Meta:
    return meta_central(
        descripcion="Mantener la cobertura del servicio",
        programacion=Programacion("constante", magnitud, trimestres),
        unidad="%",
    )


def test_punto_3_constante_de_90_a_95_despues_del_t1() -> None:
    # Viñeta 5: «No se podrá realizar la modificación de periodos ya medidos»; viñeta 2
    # (coherencia). 20 de mayo, T1 reportado: 90 % → 95 %; T1 queda en 90 (medido), T2..T4 en 95.
    meta = _cobertura(90, [90, 90, 90, 90])
    s = solicitud(meta, trimestres_reportados={1}, propuesta=_cobertura(95, [90, 95, 95, 95]))
    d = evaluar_solicitud(s)
    assert d.elegibilidad is Elegibilidad.ELEGIBLE
    assert "INT-28: los trimestres medidos conservan su valor original, T1 = 90" in (
        d.motivo("MOD-05").mensaje
    )
    assert d.motivo("MOD-08").cumple is True  # solo T2..T4 cambian
    # Con la alternativa, FOR-02 sobre los cuatro trimestres: T1 = 90 ≠ 95.
    todos = attrs.evolve(POL, constante_conserva_trimestres_medidos=False)
    assert evaluar_solicitud(s, todos).incumplidas == ("MOD-05",)
    # Subir también el T1 toca un periodo medido (MOD-08).
    tocar = attrs.evolve(s, propuesta=_cobertura(95, [95, 95, 95, 95]))
    assert evaluar_solicitud(tocar).incumplidas == ("MOD-08",)
    # Un trimestre abierto que no lleva el nuevo nivel sigue siendo incoherente.
    mal = attrs.evolve(s, propuesta=_cobertura(95, [90, 95, 90, 95]))
    assert "FOR-02" in evaluar_solicitud(mal).motivo("MOD-05").mensaje
    # En noviembre, T1..T3 medidos: solo T4 sube; es un aumento exento del plazo.
    tarde = solicitud(
        meta, fecha=NOVIEMBRE, trimestres_reportados={1, 2, 3},
        propuesta=_cobertura(95, [90, 90, 90, 95]),
    )
    assert evaluar_solicitud(tarde).elegibilidad is Elegibilidad.ELEGIBLE


# --- Punto 4: el nivel del plan decide (MOD-01, MOD-10) -----------------------------------------


def _plan_local() -> PlanDeGestion:
    meta = attrs.evolve(meta_central(dependencia_orientadora=POLICIVA), nivel=None)
    return PlanDeGestion(vigencia=V, unidad="Alcaldía Local de Usme", nivel="local", metas=[meta])


def test_punto_4_meta_de_un_plan_local_se_juzga_como_local() -> None:
    # Viñeta 1: «La solicitud debe ser presentada por el líder del proceso/Alcalde Local»;
    # viñeta 7: «Para el caso de los planes de gestión de las alcaldías locales, la
    # modificación estará además sujeta al concepto previo favorable de … la Dirección para la
    # Gestión Policiva …». La meta se cargó sin nivel: toma el del plan (local).
    plan = _plan_local()
    argumentos: dict[str, Any] = {
        "fecha": D(V, 5, 20),
        "medio": "memorando",
        "destinatario": "jefe_oap",
        "justificacion": "Cambio en la demanda",
        "propuesta": attrs.evolve(
            plan.metas[0], nivel=None,
            programacion=Programacion("suma", 100, [25, 25, 20, 30]),
        ),
    }
    s = solicitud_desde_plan(plan, "M1", solicitante="lider_proceso", **argumentos)
    assert s.meta.nivel is Nivel.LOCAL
    assert s.propuesta is not None
    assert s.propuesta.nivel is Nivel.LOCAL
    d = evaluar_solicitud(s)
    assert d.incumplidas == ("MOD-01", "MOD-10")  # antes: ELEGIBLE
    assert "nivel" not in d.cambios.otros
    bien = solicitud_desde_plan(
        plan, "M1", solicitante="alcalde_local",
        conceptos=[concepto(Instancia.DIRECCION_GESTION_POLICIVA)], **argumentos
    )
    assert evaluar_solicitud(bien).elegibilidad is Elegibilidad.ELEGIBLE


def test_punto_4_meta_suelta_sin_nivel_no_se_supone_central() -> None:
    # INT-32: una solicitud construida a mano sobre una meta sin nivel no dice si es local;
    # MOD-01 y MOD-10 no se pueden verificar y lo dicen (no se juzga como central).
    meta = attrs.evolve(meta_central(), nivel=None)
    d = evaluar_solicitud(solicitud(meta))
    for regla in ("MOD-01", "MOD-10"):
        assert d.motivo(regla).cumple is None
        assert "no dice su nivel" in d.motivo(regla).mensaje
        assert "solicitud_desde_plan" in d.motivo(regla).mensaje
    # Quien no es líder ni Alcalde Local no la presenta en ningún nivel.
    otro = evaluar_solicitud(solicitud(meta, solicitante=Rol.OTRO)).motivo("MOD-01")
    assert otro.cumple is False
    assert otro.mensaje == (
        "solicitante: otro; la solicitud la presenta el líder del proceso o el Alcalde Local"
    )


# --- Punto 5: el concepto lo emite el proceso líder (INT-29) ------------------------------------


def test_punto_5_emisor_del_concepto_transversal() -> None:
    # Viñeta 6: «contar con el concepto previo favorable del líder del proceso que lidera la
    # meta». La meta la lidera «Gestión Corporativa».
    meta = meta_transversal()
    lider = Instancia.LIDER_PROCESO_LIDER

    def motivo(**cambios: Any) -> Any:
        s = solicitud(meta, conceptos=[concepto(lider, **cambios)])
        return evaluar_solicitud(s).motivo("MOD-09")

    assert motivo(emisor="GESTIÓN CORPORATIVA ").cumple is True  # sin mayúsculas ni tildes
    ajeno = motivo(emisor="Gestión Jurídica")
    assert ajeno.cumple is False
    assert ajeno.mensaje == (
        "meta transversal: conceptos: el concepto del líder del proceso que lidera la meta lo "
        "emite 'Gestión Jurídica', no el proceso líder de la meta ('Gestión Corporativa')"
    )
    anonimo = motivo()
    assert anonimo.cumple is False
    assert "no dice quién lo emite (emisor)" in anonimo.mensaje
    sin_lider = solicitud(
        attrs.evolve(meta, proceso_lider=None), conceptos=[concepto(lider, emisor=EMISOR)]
    )
    assert "no dice su proceso líder" in evaluar_solicitud(sin_lider).motivo("MOD-09").mensaje
    # Alternativa: un concepto sin emisor se acepta.
    libre = attrs.evolve(POL, concepto_exige_emisor=False)
    s = solicitud(meta, conceptos=[concepto(lider)])
    assert evaluar_solicitud(s, libre).motivo("MOD-09").cumple is True


def test_punto_5_el_archivo_de_solicitud_lee_y_escribe_el_emisor() -> None:
    plan = PlanDeGestion(vigencia=V, unidad="Gestión", nivel="central", metas=[meta_transversal()])
    s = solicitud_desde_plan(
        plan, "M1", fecha=D(V, 5, 20), solicitante="lider_proceso", medio="memorando",
        destinatario="jefe_oap", justificacion="Cambio en la demanda",
        propuesta=attrs.evolve(
            plan.metas[0], programacion=Programacion("suma", 100, [25, 25, 20, 30])
        ),
        conceptos=[concepto(Instancia.LIDER_PROCESO_LIDER, emisor=EMISOR)],
    )
    datos = solicitud_a_dict(s)
    assert datos["conceptos"][0]["emisor"] == EMISOR
    leida = cargar_solicitud(json.dumps(datos), plan)
    assert leida == s
    assert evaluar_solicitud(leida).elegibilidad is Elegibilidad.ELEGIBLE
    del datos["conceptos"][0]["emisor"]
    assert cargar_solicitud(json.dumps(datos), plan).conceptos[0].emisor is None


# --- Punto 6: una eliminación aprobada deja un plan limpio (INT-45) -----------------------------


def test_punto_6_marcar_eliminada_no_deja_un_hallazgo_for_04() -> None:
    # Viñeta 8: las metas con seguimiento «deben ser marcadas en el reporte como “Meta
    # eliminada”». M1 (peso 20, reportada en T1) y M2 (peso 80): 20 + 80 = 100.
    plan = PlanDeGestion(
        vigencia=V, unidad="Proceso", nivel="central",
        metas=[meta_central(), meta_central(codigo="M2", peso=80)],
        reportes=[Reporte(codigo_meta="M1", trimestre=Trimestre(V, 1), ejecucion=25)],
    )
    s = solicitud_desde_plan(
        plan, "M1", fecha=D(V, 5, 2), solicitante="lider_proceso", medio="memorando",
        destinatario="jefe_oap", justificacion="La norma fue derogada", eliminar=True,
    )
    d = evaluar_solicitud(s)
    assert (d.elegibilidad, d.efecto) == (Elegibilidad.ELEGIBLE, Efecto.MARCAR_ELIMINADA)
    nuevo = aplicar_modificacion(plan, s, d, D(V, 5, 10))
    assert nuevo.meta("M1").eliminada_desde == Trimestre(V, 2)
    assert [h for h in verificar_plan(nuevo) if h.regla == "FOR-04"] == []
    # Con la alternativa (solo las activas), M2 suma 80.
    activas = attrs.evolve(POL, pesos_incluyen_eliminadas=False)
    (h,) = [h for h in verificar_plan(nuevo, politica=activas) if h.regla == "FOR-04"]
    assert "las metas activas suman 80" in h.mensaje


# --- Punto 7: eliminar y «una única vez» (INT-30) -----------------------------------------------


def test_punto_7_una_meta_modificada_se_puede_eliminar() -> None:
    # Encabezado: «solicitudes modificación y/o eliminación de metas»; viñeta 3: «La meta podrá
    # modificarse por una única vez en la vigencia». M1 ya se modificó el 10 de febrero.
    registro = RegistroModificacion(
        codigo_meta="M1", fecha_solicitud=D(V, 2, 1), fecha_aprobacion=D(V, 2, 10),
        efecto=Efecto.MODIFICAR,
    )
    plan = PlanDeGestion(
        vigencia=V, unidad="Proceso", nivel="central",
        metas=[meta_central(), meta_central(codigo="M2", peso=80)], modificaciones=[registro],
    )
    argumentos: dict[str, Any] = {
        "fecha": D(V, 4, 1), "solicitante": "lider_proceso", "medio": "memorando",
        "destinatario": "jefe_oap", "justificacion": "Ya no aplica",
    }
    borrar = solicitud_desde_plan(plan, "M1", eliminar=True, **argumentos)
    assert borrar.modificaciones_previas == 1
    d = evaluar_solicitud(borrar)
    assert d.elegibilidad is Elegibilidad.ELEGIBLE
    assert "INT-30" in d.motivo("MOD-06").mensaje
    cuenta = attrs.evolve(POL, eliminacion_cuenta_como_modificacion=True)
    assert evaluar_solicitud(borrar, cuenta).incumplidas == ("MOD-06",)
    # Un registro de eliminación no cuenta como la modificación de la vigencia (sí con la
    # alternativa); solicitud_desde_plan cuenta los registros del plan.
    marcada = attrs.evolve(registro, efecto=Efecto.MARCAR_ELIMINADA, desde=Trimestre(V, 1))
    otro = attrs.evolve(plan, modificaciones=[marcada])
    assert solicitud_desde_plan(otro, "M1", eliminar=True, **argumentos).modificaciones_previas == 0
    assert (
        solicitud_desde_plan(
            otro, "M1", eliminar=True, politica=cuenta, **argumentos
        ).modificaciones_previas
        == 1
    )


# --- Punto 8: desde cuándo se presenta una solicitud (INT-31) -----------------------------------


def test_punto_8_solicitud_de_diciembre_para_el_plan_siguiente() -> None:
    # Actividad 8: planes aprobados «para la siguiente vigencia»; viñeta 1: «máximo hasta el
    # segundo trimestre de la vigencia». 15 de diciembre de 2024 para el plan de 2025.
    s = solicitud(fecha=D(V - 1, 12, 15))
    d = evaluar_solicitud(s)
    assert d.elegibilidad is Elegibilidad.ELEGIBLE
    assert d.motivo("MOD-04").mensaje == (
        "presentada el 2024-12-15, en la vigencia anterior, sobre el plan de 2025 ya adoptado "
        "(INT-31); dentro del plazo (2025-06-30)"
    )
    assert d.motivo("MOD-08").cumple is True  # ningún trimestre de 2025 ha cerrado
    solo = attrs.evolve(POL, solicitud_desde_vigencia_anterior=False)
    assert evaluar_solicitud(s, solo).incumplidas == ("MOD-04",)
    assert evaluar_solicitud(attrs.evolve(s, fecha=D(V - 2, 12, 15))).incumplidas == ("MOD-04",)


# --- Propiedad: un aumento hacia más ambición nunca se niega solo por su fecha -------------------

_TIPOS_AUMENTO = {
    # tipo: (meta, propuesta más ambiciosa que solo cambia T4)
    "suma": (
        Programacion("suma", 100, [25, 25, 25, 25]),
        Programacion("suma", 120, [25, 25, 25, 45]),
    ),
    "creciente": (
        Programacion("creciente", 100, [25, 50, 75, 100]),
        Programacion("creciente", 120, [25, 50, 75, 120]),
    ),
    "decreciente": (
        Programacion("decreciente", 10, [16, 14, 12, 10], linea_base=18),
        Programacion("decreciente", 8, [16, 14, 12, 8], linea_base=18),
    ),
    "constante": (
        Programacion("constante", 90, [90, 90, 90, 90]),
        Programacion("constante", 95, [95, 95, 95, 95]),  # se ajusta a la fecha en la prueba
    ),
}


@given(
    fecha=st.dates(min_value=D(V, 1, 1), max_value=D(V, 12, 31)),
    tipo=st.sampled_from(sorted(_TIPOS_AUMENTO)),
    redaccion=st.booleans(),
)
def test_propiedad_un_aumento_ambicioso_no_se_niega_por_su_fecha(
    fecha: datetime.date, tipo: str, redaccion: bool
) -> None:
    antes, despues = _TIPOS_AUMENTO[tipo]
    reportados = {n for n in range(1, 4) if Trimestre(V, n).fin < fecha}
    if tipo == "constante":
        # INT-28: los trimestres medidos quedan en 90; los abiertos suben a 95.
        valores: list[int | None] = [90 if n in reportados else 95 for n in range(1, 5)]
        despues = Programacion("constante", 95, valores)
    meta = meta_central(programacion=antes, descripcion="Realizar la meta del proceso")
    propuesta = attrs.evolve(meta, programacion=despues)
    if redaccion:
        propuesta = attrs.evolve(propuesta, descripcion="Realizar la meta del proceso ajustada")
    s = solicitud(meta, fecha=fecha, trimestres_reportados=reportados, propuesta=propuesta)
    d = evaluar_solicitud(s)
    assert d.motivo("MOD-04").cumple is True
    assert d.motivo("MOD-08").cumple is True
    assert d.elegibilidad is Elegibilidad.ELEGIBLE
    if fecha > D(V, 6, 30):
        assert d.motivo("MOD-07").cumple is True
    assert isinstance(d.cambios.magnitud_nueva, Decimal)
