"""Más límites de la Política 9 que la prueba de mutación encontró sin probar (issue 13).

Cada prueba nombra la viñeta de la Política 9 (PLE-PIN-P005 v8) o la ``INT`` que aplica y el
día; los resultados esperados salen del texto y de la interpretación, trabajados a mano.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from sdg_metas.modelo import Meta, Programacion
from sdg_metas.modificaciones import (
    Cambios,
    Rol,
    aplicar_modificacion,
    comparar_metas,
    evaluar_solicitud,
    solicitud_desde_plan,
)
from sdg_metas.politica import POLITICA_PLE_PIN_P005_V8, SentidoAumento

from .ayudas import D, V, meta_central, plan_dos_metas, solicitud


def constante(nivel: int, trimestres: list[int | None], unidad: str = "%") -> Meta:
    return meta_central(programacion=Programacion("constante", nivel, trimestres), unidad=unidad)


def test_comparar_metas_nivel_no_dado_no_es_un_cambio() -> None:
    """``INT-32``: una meta sin nivel toma el de su plan, así que pasar de «sin nivel» a
    «central» (o al revés) no cambia nada; pasar de central a local sí (viñeta 7: una meta
    local exige otro concepto)."""
    central, sin_nivel = meta_central(), meta_central(nivel=None)
    local = meta_central(nivel="local", peso=21)
    assert "nivel" not in comparar_metas(sin_nivel, central).otros
    assert "nivel" not in comparar_metas(central, sin_nivel).otros
    assert "nivel" in comparar_metas(central, local).otros
    assert "nivel" in comparar_metas(local, central).otros


def test_describir_meta_decreciente() -> None:
    """``INT-27``: en una meta DECRECIENTE subir la cota de 10 a 12 días la hace menos
    exigente; bajarla a 8, más. Sin cambios, «ninguno»."""
    relaja = Cambios(magnitud_anterior=Decimal(10), magnitud_nueva=Decimal(12), decreciente=True)
    assert "10 → 12 (aumenta: meta decreciente menos exigente)" in relaja.describir()
    exige = Cambios(magnitud_anterior=Decimal(10), magnitud_nueva=Decimal(8), decreciente=True)
    assert "10 → 8 (disminuye: meta decreciente más exigente)" in exige.describir()
    assert Cambios().describir() == "ninguno"


def test_un_campo_sin_nombre_en_espanol_se_nombra_por_si_mismo() -> None:
    """``INT-26``: un cambio de un campo que no tiene nombre en español se informa con el
    nombre del campo (nunca con ``None``)."""
    cambios = Cambios(
        magnitud_anterior=Decimal(100), magnitud_nueva=Decimal(120), otros=("codigo_bpin",)
    )
    assert cambios.ajenos_al_aumento() == ("codigo_bpin",)
    assert not cambios.es_solo_aumento()


def test_mod07_aumento_de_una_meta_decreciente_el_10_de_noviembre() -> None:
    """Viñeta 4 con ``INT-27``, 10 de noviembre de 2025 (T1 a T3 medidos): «reducir el tiempo
    de respuesta» de 10 a 8 días en el T4 (abierto) hace la meta más exigente: es un aumento,
    exento del plazo, y el mensaje lo dice."""
    def tiempo(dias: int) -> Meta:
        return meta_central(
            descripcion=f"Reducir el tiempo de respuesta a {dias} días", unidad="días",
            programacion=Programacion("decreciente", dias, [16, 14, 12, dias], linea_base=18),
        )

    s = solicitud(
        tiempo(10), propuesta=tiempo(8), fecha=D(V, 11, 10), trimestres_reportados={1, 2, 3}
    )
    motivo = evaluar_solicitud(s).motivo("MOD-07")
    assert motivo.cumple is True
    assert "(10 → 8, meta decreciente más exigente) y programa trimestres abiertos" in (
        motivo.mensaje
    )


def test_mod07_mensaje_decreciente_sigue_el_sentido_de_la_politica_int_27() -> None:
    """Viñeta 4 con ``INT-27`` (``SentidoAumento.NUMERICO``): subir «reducir el tiempo de
    respuesta» de 10 a 12 días es un aumento numérico, pero hace la meta MENOS exigente (12 días
    es peor que 10). Antes el mensaje decía «meta decreciente más exigente» para toda meta
    decreciente; ahora dice la exigencia que de verdad resulta."""
    def tiempo(dias: int) -> Meta:
        return meta_central(
            descripcion=f"Reducir el tiempo de respuesta a {dias} días", unidad="días",
            programacion=Programacion("decreciente", dias, [16, 14, 12, dias], linea_base=18),
        )

    numerica = attrs.evolve(POLITICA_PLE_PIN_P005_V8, sentido_aumento=SentidoAumento.NUMERICO)
    s = solicitud(
        tiempo(10), propuesta=tiempo(12), fecha=D(V, 11, 10), trimestres_reportados={1, 2, 3}
    )
    motivo = evaluar_solicitud(s, numerica).motivo("MOD-07")
    assert motivo.cumple is True
    assert "(10 → 12, meta decreciente menos exigente) y programa trimestres abiertos" in (
        motivo.mensaje
    )


def test_mod11_mensaje_sigue_la_politica_int_23() -> None:
    """Viñeta 8 con ``INT-23``: con ``eliminada_desde_primer_trimestre_sin_seguimiento=True``,
    ``aplicar_modificacion`` marca la meta desde el primer trimestre sin reporte; el motivo de
    MOD-11 debe decir eso y no la lectura por defecto («desde el trimestre en que la OAP la
    autorice; los trimestres anteriores no cambian»)."""
    antes = attrs.evolve(
        POLITICA_PLE_PIN_P005_V8, eliminada_desde_primer_trimestre_sin_seguimiento=True
    )
    s = solicitud(eliminar=True, trimestres_reportados={1})
    defecto = evaluar_solicitud(s).motivo("MOD-11").mensaje
    assert defecto.endswith(
        "desde el trimestre en que la OAP la autorice; los trimestres anteriores no cambian"
    )
    alternativa = evaluar_solicitud(s, antes).motivo("MOD-11").mensaje
    assert alternativa.endswith(
        "desde el primer trimestre sin reporte, si es anterior al de la autorización de la OAP "
        "(INT-23)"
    )


def test_int28_trimestre_abierto_de_una_constante_lleva_el_nuevo_nivel() -> None:
    """Viñeta 2 y ``INT-28``, 20 de mayo de 2025 con el T1 medido: subir una meta CONSTANTE de
    90 a 95 deja el T1 en 90 (medido), pero los trimestres abiertos deben llevar 95. Con el T4
    en 80, o dejado en su 90 original, la propuesta no es coherente (FOR-02); con 90, 95, 95,
    95 sí."""
    meta = constante(90, [90, 90, 90, 90])
    for t4 in (80, 90):
        s = solicitud(meta, trimestres_reportados={1}, propuesta=constante(95, [90, 95, 95, t4]))
        motivo = evaluar_solicitud(s).motivo("MOD-05")
        assert motivo.cumple is False, t4
        assert "FOR-02" in motivo.mensaje
    bien = solicitud(meta, trimestres_reportados={1}, propuesta=constante(95, [90, 95, 95, 95]))
    assert evaluar_solicitud(bien).motivo("MOD-05").cumple is True


def test_int28_trimestre_cerrado_sin_reporte_conserva_su_valor() -> None:
    """Viñeta 5 y ``INT-28``, 10 de agosto de 2025: el T2 ya terminó (su corte pasó) aunque no
    tenga reporte, y el T1 tiene reporte; los dos conservan su 90 al subir la meta a 95, y los
    abiertos (T3 y T4) llevan 95: es coherente, y el mensaje nombra los dos conservados."""
    meta = constante(90, [90, 90, 90, 90])
    s = solicitud(
        meta, fecha=D(V, 8, 10), trimestres_reportados={1},
        propuesta=constante(95, [90, 90, 95, 95]),
    )
    motivo = evaluar_solicitud(s).motivo("MOD-05")
    assert motivo.cumple is True
    assert "conservan su valor original, T1 = 90, T2 = 90;" in motivo.mensaje
    assert "FOR-02 se juzga sobre los trimestres abiertos" in motivo.mensaje


def test_int28_solo_si_la_meta_sigue_siendo_constante() -> None:
    """``INT-28`` trata una meta CONSTANTE que sigue constante. Una que pasa a SUMA 380 (90 +
    90 + 100 + 100 personas atendidas), con el T1 medido el 20 de mayo, se juzga tal como viene:
    coherente, sin la nota de los trimestres conservados."""
    meta = constante(90, [90, 90, 90, 90], unidad="personas")
    s = solicitud(
        meta, trimestres_reportados={1},
        propuesta=attrs.evolve(meta, programacion=Programacion("suma", 380, [90, 90, 100, 100])),
    )
    motivo = evaluar_solicitud(s).motivo("MOD-05")
    assert motivo.cumple is True
    assert "INT-28" not in motivo.mensaje


def test_solicitud_desde_plan_de_diciembre_lleva_la_vigencia_del_plan() -> None:
    """``INT-31``: el 15 de diciembre de 2024 se pide cambiar el plan 2025 ya aprobado. La
    solicitud tomada del plan es de la vigencia 2025 (no del año de la fecha), y está en
    plazo."""
    plan = plan_dos_metas(reportes=[])
    s = solicitud_desde_plan(
        plan, "M1", fecha=D(V - 1, 12, 15), solicitante=Rol.LIDER_PROCESO, medio="memorando",
        destinatario=Rol.JEFE_OAP, justificacion="Ajuste del cronograma",
        propuesta=attrs.evolve(plan.meta("M1"), peso=30),
    )
    assert (s.vigencia, s.anio) == (V, V)
    assert evaluar_solicitud(s).motivo("MOD-04").cumple is True


def test_revision_oap_solo_se_registra_si_la_decision_la_requeria() -> None:
    """Viñeta 3: la OAP revisa el caso particular de una segunda modificación. Una solicitud
    ELEGIBLE aplicada el 1 de junio con ``revision_oap_aprobada=True`` no fue un caso de
    revisión: el registro no la marca."""
    plan = plan_dos_metas()
    s = solicitud(plan.meta("M1"), trimestres_reportados={1})
    d = evaluar_solicitud(s)
    nuevo = aplicar_modificacion(plan, s, d, D(V, 6, 1), revision_oap_aprobada=True)
    assert nuevo.modificaciones[-1].revision_oap is False
