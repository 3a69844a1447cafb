"""Los mensajes de los motivos MOD y el contrato de los errores (issue 13).

El mensaje de un :class:`~sdg_metas.reglas.Motivo` es lo que la OAP lee para decidir (Política
9, viñeta 9), y el ``codigo``, el ``campo`` y el ``valor`` de un error son lo que una aplicación
usa sin leer el texto. Estas pruebas afirman los fragmentos que llevan significado (la viñeta o
la ``INT`` que se aplica, el campo y el valor, los trimestres y su razón), uno por cada camino de
cada regla, no el texto completo: un mensaje puede cambiar de redacción sin romperlas, pero no
perder lo que dice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest

from sdg_metas.errores import ErrorModificacion, ErrorSdgMetas, TipoInvalido
from sdg_metas.modelo import Efecto, Indicador, Trimestre
from sdg_metas.modificaciones import (
    Causal,
    ContextoSolicitud,
    Elegibilidad,
    Instancia,
    Rol,
    aplicar_modificacion,
    comparar_metas,
    evaluar_solicitud,
    solicitud_desde_plan,
)
from sdg_metas.politica import POLITICA_PLE_PIN_P005_V8

from .ayudas import (
    EMISOR,
    D,
    V,
    concepto,
    meta_central,
    meta_local,
    meta_transversal,
    plan_dos_metas,
    reprogramar,
    solicitud,
)

PEDIDO: dict[str, Any] = {
    "solicitante": Rol.LIDER_PROCESO,
    "medio": "memorando",
    "destinatario": Rol.JEFE_OAP,
    "justificacion": "Cambio normativo",
}


def mensaje(s: Any, regla: str, politica: Any = POLITICA_PLE_PIN_P005_V8) -> str:
    return evaluar_solicitud(s, politica).motivo(regla).mensaje


def error(tipo: type[ErrorSdgMetas], funcion: Callable[[], object]) -> ErrorSdgMetas:
    with pytest.raises(tipo) as capturado:
        funcion()
    return capturado.value


# --- Mensajes de los motivos, regla por regla ----------------------------------------------------


def test_mod01_y_mod10_meta_sin_nivel_dicen_como_dar_el_nivel() -> None:
    """Viñetas 1 y 7 (``INT-32``): sin nivel no se sabe si la meta es local; el mensaje nombra
    la interpretación y las dos salidas (tomar la solicitud del plan o dar ``Meta.nivel``)."""
    meta = meta_central(nivel=None)
    s = solicitud(meta, propuesta=reprogramar(meta, 100, [25, 25, 20, 30]))
    for regla in ("MOD-01", "MOD-10"):
        texto = mensaje(s, regla)
        assert "la meta M1 no dice su nivel" in texto
        assert "la solicitud no se tomó de su plan (INT-32)" in texto
        assert "solicitud_desde_plan o dé Meta.nivel" in texto


def test_mod03_con_justificacion() -> None:
    """Viñeta 1: «con la debida justificación técnica y/o legal»."""
    assert mensaje(solicitud(), "MOD-03").startswith("trae justificación técnica y/o legal")


def test_mod03_sin_justificacion_muestra_lo_recibido() -> None:
    """Viñeta 1: una justificación de solo espacios no justifica nada; el mensaje muestra lo
    que se recibió (tres espacios entre comillas), no «vacío»."""
    assert mensaje(solicitud(justificacion="   "), "MOD-03") == (
        "justificacion: '   '; falta la justificación técnica y/o legal"
    )


def test_mod04_mensajes_del_plazo() -> None:
    """Viñeta 1 (``INT-20``): una reprogramación el 1 de julio de 2025 está fuera del plazo, que
    por defecto es el fin del segundo trimestre (30 de junio); con el límite de la política en
    el 31 de marzo, una del 1 de abril se rechaza nombrando el límite de la política. Un aumento
    (viñeta 4) el 1 de julio está fuera del plazo pero exento."""
    tarde = mensaje(solicitud(fecha=D(V, 7, 1)), "MOD-04")
    assert "fecha: 2025-07-01" in tarde
    assert "(2025-06-30, fin del segundo trimestre)" in tarde
    marzo = attrs.evolve(POLITICA_PLE_PIN_P005_V8, limite_solicitud_modificacion=(3, 31))
    abril = mensaje(solicitud(fecha=D(V, 4, 1)), "MOD-04", marzo)
    assert "(2025-03-31, límite de la política, INT-20)" in abril
    assert "segundo trimestre" not in abril
    meta = meta_central()
    aumento = solicitud(meta, fecha=D(V, 7, 1), propuesta=reprogramar(meta, 120, [25, 25, 25, 45]))
    exento = mensaje(aumento, "MOD-04")
    assert "después del plazo (2025-06-30), pero solo aumenta la magnitud" in exento
    assert exento.endswith("exenta del plazo por MOD-07")


def test_mod04_solicitud_del_31_de_diciembre_de_la_vigencia_anterior() -> None:
    """``INT-31``: el plan de 2025 se aprueba en 2024 (Actividad 8, «para la siguiente
    vigencia»); una solicitud del 31 de diciembre de 2024 sobre él está en plazo (cumple,
    no «no aplica»)."""
    s = solicitud(fecha=D(V - 1, 12, 31))
    motivo = evaluar_solicitud(s).motivo("MOD-04")
    assert motivo.cumple is True
    assert "en la vigencia anterior" in motivo.mensaje
    assert "(INT-31)" in motivo.mensaje


def test_mod05_mensajes() -> None:
    """Viñeta 2 (``INT-24``): una eliminación no tiene propuesta que juzgar; una propuesta
    coherente lo dice sin nota de ``INT-28``; una sin entregables ni indicador tiene dos errores
    FOR-06, cada uno con su regla, separados."""
    eliminar = mensaje(solicitud(eliminar=True), "MOD-05")
    assert eliminar.startswith("solicitud de eliminación: no hay propuesta que verificar")
    coherente = mensaje(solicitud(), "MOD-05")
    assert coherente.endswith("(cumple las reglas FOR)")
    meta = meta_central()
    incompleta = attrs.evolve(
        reprogramar(meta, 100, [25, 25, 20, 30]), entregables=[], indicador=None
    )
    texto = mensaje(solicitud(meta, propuesta=incompleta), "MOD-05")
    assert texto.startswith("la propuesta no es coherente: ")
    detalle = texto.removeprefix("la propuesta no es coherente: ").split("; ")
    assert len(detalle) == 2
    assert detalle[0].startswith("FOR-06 entregables")
    assert detalle[1].startswith("FOR-06 indicador")


def test_mod05_juzga_con_la_politica_dada() -> None:
    """Viñeta 2 con ``INT-40``: si la política dice que «atender» no es un verbo en infinitivo,
    la propuesta «Atender las solicitudes ciudadanas» tiene la advertencia FOR-06, que MOD-05
    informa (sin negar la solicitud, ``INT-24``)."""
    politica = attrs.evolve(
        POLITICA_PLE_PIN_P005_V8,
        palabras_no_infinitivo=POLITICA_PLE_PIN_P005_V8.palabras_no_infinitivo | {"atender"},
    )
    motivo = evaluar_solicitud(solicitud(), politica).motivo("MOD-05")
    assert motivo.cumple is True
    assert "advertencias: FOR-06" in motivo.mensaje
    assert "advertencias" not in mensaje(solicitud(), "MOD-05")


def test_mod06_mensajes_de_cada_camino() -> None:
    """Viñeta 3: «La meta podrá modificarse por una única vez en la vigencia. Solo por cambios
    normativos o de fuerza mayor debidamente justificados, la OAP podrá revisar el caso»."""
    eliminar = mensaje(solicitud(eliminar=True), "MOD-06")
    assert eliminar.startswith("eliminación: por la política (INT-30) eliminar no es modificar")
    assert "la «única vez» de la viñeta 3 no la limita" in eliminar
    meta = meta_central()
    aumento = solicitud(meta, propuesta=reprogramar(meta, 120, [25, 25, 25, 45]))
    libre = attrs.evolve(POLITICA_PLE_PIN_P005_V8, aumento_cuenta_como_modificacion=False)
    texto = mensaje(aumento, "MOD-06", libre)
    assert "solo aumenta la magnitud" in texto
    assert "(INT-21) no cuenta como la única modificación de la vigencia" in texto
    assert mensaje(solicitud(), "MOD-06").startswith("es la primera modificación de la meta")
    segunda = mensaje(solicitud(modificaciones_previas=1), "MOD-06")
    assert "modificaciones_previas: 1" in segunda
    assert "solo se modifica una vez" in segunda
    con_causal = solicitud(modificaciones_previas=1, causal_excepcional=Causal.FUERZA_MAYOR)
    revision = evaluar_solicitud(con_causal).motivo("MOD-06")
    assert revision.revision_oap is True
    assert "invoca fuerza mayor con justificación" in revision.mensaje
    assert "la OAP puede revisar el caso particular" in revision.mensaje
    sin_justificar = mensaje(
        solicitud(modificaciones_previas=2, causal_excepcional="cambio_normativo",
                  justificacion="  "),
        "MOD-06",
    )
    assert "modificaciones_previas: 2" in sin_justificar
    assert "invoca cambio normativo pero sin justificación" in sin_justificar


def test_mod07_mensajes() -> None:
    """Viñeta 4: «para aumentar su magnitud podrá realizarse en cualquier momento»."""
    assert mensaje(solicitud(), "MOD-07").startswith("la solicitud no aumenta la magnitud")
    meta = meta_central()
    exento = mensaje(solicitud(meta, propuesta=reprogramar(meta, 120, [25, 25, 25, 45])), "MOD-07")
    assert "(100 → 120) y programa trimestres abiertos" in exento
    assert "puede presentarse en cualquier momento de la vigencia" in exento
    assert "decreciente" not in exento
    # 100 → 120 que también cambia el indicador y el peso, el 20 de mayo (en plazo)
    ajeno = attrs.evolve(
        reprogramar(meta, 120, [25, 25, 25, 45]),
        peso=30,
        indicador=Indicador("Otro", "Atendidas", "Recibidas"),
    )
    texto = mensaje(solicitud(meta, propuesta=ajeno), "MOD-07")
    assert "también cambia indicador, peso, que un aumento no cambia (INT-26)" in texto
    assert "dentro del plazo no necesita la exención" in texto


def test_mod07_y_mod08_dos_trimestres_cerrados_el_10_de_agosto() -> None:
    """Viñeta 5 (``INT-22``): el 10 de agosto de 2025 (T3) ya terminaron los cortes del T1 y
    del T2; el T1 además tiene seguimiento. Un aumento 100 → 120 que sube el T1 y el T2 (35 y
    35) cambia dos periodos cerrados: MOD-07 y MOD-08 nombran cada uno con su razón."""
    meta = meta_central()
    s = solicitud(
        meta, fecha=D(V, 8, 10), trimestres_reportados={1},
        propuesta=reprogramar(meta, 120, [35, 35, 25, 25]),
    )
    cerrados = (
        "T1: su corte ya terminó y ya tiene seguimiento (periodo medido); T2: su corte ya terminó"
    )
    assert f"trimestres cerrados ({cerrados})" in mensaje(s, "MOD-07")
    assert f"periodos cerrados: {cerrados}" in mensaje(s, "MOD-08")
    solo_futuros = attrs.evolve(POLITICA_PLE_PIN_P005_V8, trimestre_en_curso_modificable=False)
    assert "T2: ya comenzó" in mensaje(s, "MOD-08", solo_futuros)


def test_mod08_mensajes() -> None:
    """Viñeta 5: un cambio solo de peso no toca la programación; uno del T3 y el T4 el 20 de
    mayo los nombra, periodos sin corte ni medición."""
    assert mensaje(solicitud(propuesta=meta_central(peso=30)), "MOD-08").startswith(
        "no cambia la programación trimestral"
    )
    assert "cambia la programación de T3, T4, periodos aún sin corte" in mensaje(
        solicitud(), "MOD-08"
    )


def test_mod09_mensajes_de_los_conceptos() -> None:
    """Viñeta 6: el concepto previo favorable del líder del proceso que lidera la meta
    (``INT-29``: su emisor). Solicitud del 20 de mayo de 2025."""
    assert mensaje(solicitud(), "MOD-09").startswith("la meta no es transversal")
    meta = meta_transversal()
    sin_conceptos = attrs.evolve(POLITICA_PLE_PIN_P005_V8, conceptos_en_eliminacion=False)
    texto = mensaje(solicitud(meta, eliminar=True), "MOD-09", sin_conceptos)
    assert texto.startswith("eliminación: la política (INT-25) no exige el concepto")
    lider = Instancia.LIDER_PROCESO_LIDER
    # un concepto desfavorable y posterior (21 de mayo), y otro favorable sin emisor
    dos = solicitud(meta, conceptos=[
        concepto(lider, favorable=False, emisor=EMISOR, fecha=D(V, 5, 21)),
        concepto(lider),
    ])
    texto = mensaje(dos, "MOD-09")
    assert "es desfavorable y es del 2025-05-21, posterior a la solicitud; " in texto
    assert texto.endswith("; el concepto del líder del proceso que lidera la meta no dice quién lo "
                          "emite (emisor)")
    sin_lider = solicitud(
        meta_transversal(proceso_lider=None), conceptos=[concepto(lider, emisor=EMISOR)]
    )
    assert mensaje(sin_lider, "MOD-09").endswith(
        "la meta no dice su proceso líder (proceso_lider) para compararlo"
    )


def test_mod10_mensajes() -> None:
    """Viñeta 7: el concepto de «la Subsecretaría de Gestión Local, la Dirección para la
    Gestión Policiva o la Dirección para la Gestión del Desarrollo Local, según corresponda»."""
    assert mensaje(solicitud(), "MOD-10").startswith("la meta no es de un plan de alcaldía local")
    sin_conceptos = attrs.evolve(POLITICA_PLE_PIN_P005_V8, conceptos_en_eliminacion=False)
    texto = mensaje(solicitud(meta_local(), eliminar=True), "MOD-10", sin_conceptos)
    assert texto.startswith("eliminación: la política (INT-25) no exige el concepto")
    hacienda = meta_local(dependencia_orientadora="Secretaría de Hacienda")
    texto = mensaje(solicitud(hacienda), "MOD-10")
    assert "dependencia_orientadora: 'Secretaría de Hacienda'" in texto
    for nombre in (
        "Subsecretaría de Gestión Local",
        "Dirección para la Gestión Policiva",
        "Dirección para la Gestión del Desarrollo Local",
    ):
        assert nombre in texto
    assert "no se sabe qué concepto corresponde" in texto


def test_instancia_orientadora_desarrollo_local() -> None:
    """Viñeta 7: la Dirección para la Gestión del Desarrollo Local orienta sus metas locales."""
    for texto in ("Dirección para la Gestión del Desarrollo Local", "DESARROLLO LOCAL"):
        assert Instancia.orientadora(texto) is Instancia.DIRECCION_GESTION_DESARROLLO_LOCAL


def test_mod11_y_mod12_mensajes() -> None:
    """Viñeta 8 (eliminar o marcar «Meta eliminada») y viñeta 10 (versión por Caso HOLA)."""
    assert mensaje(solicitud(), "MOD-11").startswith("la solicitud no pide eliminar la meta")
    assert mensaje(solicitud(eliminar=True), "MOD-11").startswith(
        "la meta no tiene seguimiento: puede eliminarse del plan"
    )
    texto = mensaje(solicitud(eliminar=True, trimestres_reportados={2, 1}), "MOD-11")
    assert "la meta tiene seguimiento (T1, T2)" in texto
    assert "desde el trimestre en que la OAP la autorice" in texto
    assert "los trimestres anteriores no cambian" in texto
    doce = mensaje(solicitud(), "MOD-12")
    assert doce.startswith("esta decisión es solo de elegibilidad: la OAP autoriza o niega")
    assert "si la autoriza, el líder de proceso o alcalde local remite" in doce
    assert doce.endswith("la versión ajustada por Caso HOLA")


# --- Errores: código, campo, valor y mensaje ------------------------------------------------------


def test_errores_al_construir_la_solicitud() -> None:
    """Cada error nombra el campo y el valor que lo causó."""
    e = error(ErrorModificacion, lambda: solicitud(trimestres_reportados={5}))
    assert (e.campo, e.valor) == ("trimestres_reportados", 5)
    e = error(TipoInvalido, lambda: solicitud(trimestres_reportados={1.0}))
    assert "debe ser un número de trimestre (1..4)" in str(e)
    e = error(TipoInvalido, lambda: solicitud(trimestres_reportados="12"))
    assert (e.campo, e.valor) == ("trimestres_reportados", "12")
    assert "'12' debe ser un conjunto de números de trimestre (1..4)" in str(e)
    e = error(TipoInvalido, lambda: solicitud(conceptos=[1]))
    assert "debe ser un Concepto" in str(e)
    e = error(ErrorModificacion, lambda: solicitud(modificaciones_previas=-1))
    assert (e.campo, e.valor) == ("modificaciones_previas", -1)
    e = error(TipoInvalido, lambda: solicitud(vigencia="2025"))
    assert "debe ser un año (número entero), o quedar vacío" in str(e)
    eliminada = meta_central(eliminada_desde=Trimestre(V, 2))
    e = error(ErrorModificacion, lambda: solicitud(eliminada, eliminar=True))
    assert (e.codigo, e.valor) == ("META_ELIMINADA", "M1")
    assert str(e) == (
        "meta: la meta 'M1' ya está marcada como «Meta eliminada» desde 2025-T2; no se puede "
        "modificar ni eliminar de nuevo"
    )


def test_errores_de_propuesta() -> None:
    """La propuesta o la eliminación: el error lleva el código de la meta."""
    e = error(ErrorModificacion, lambda: solicitud(eliminar=True, propuesta=meta_central(peso=30)))
    assert (e.codigo, e.valor) == ("ELIMINAR_CON_PROPUESTA", "M1")
    assert "eliminar la meta 'M1'" in str(e)
    assert "a la vez trae una propuesta; use eliminar=True sin propuesta" in str(e)
    e = error(ErrorModificacion, lambda: solicitud(propuesta=None))
    assert e.codigo == "SIN_PROPUESTA"
    assert "ni pide eliminar la meta 'M1'" in str(e)
    e = error(ErrorModificacion, lambda: solicitud(propuesta=meta_central(codigo="M2")))
    assert (e.codigo, e.valor) == ("CODIGO_DISTINTO", "M2")
    assert str(e) == (
        "propuesta.codigo: 'M2' no es el código de la meta que se modifica ('M1')"
    )
    marcada = meta_central(peso=30, eliminada_desde=Trimestre(V, 2))
    e = error(ErrorModificacion, lambda: solicitud(propuesta=marcada))
    assert (e.codigo, e.valor) == ("PROPUESTA_ELIMINADA", "2025-T2")
    assert "para eliminar una meta use eliminar=True" in str(e)
    e = error(ErrorModificacion, lambda: solicitud(propuesta=meta_central()))
    assert (e.codigo, e.valor) == ("SIN_CAMBIOS", "M1")
    assert str(e) == "propuesta: la propuesta es igual a la meta 'M1'; no cambia nada"


def test_errores_de_tipo_de_las_funciones() -> None:
    """Los argumentos de otro tipo: el campo y lo que se esperaba."""
    meta = meta_central()
    e = error(TipoInvalido, lambda: comparar_metas("M1", meta))  # type: ignore[arg-type]
    assert (e.campo, e.valor) == ("meta", ("M1", meta))
    assert str(e).startswith("meta, propuesta: 'M1', ")
    assert str(e).endswith(" deben ser Meta")
    e = error(TipoInvalido, lambda: comparar_metas(meta, "M2"))  # type: ignore[arg-type]
    assert (e.campo, e.valor) == ("meta", (meta, "M2"))
    assert str(e).endswith(", 'M2' deben ser Meta")
    e = error(TipoInvalido, lambda: ContextoSolicitud.desde_solicitud("s"))  # type: ignore[arg-type]
    assert e.campo == "solicitud"
    assert "debe ser una SolicitudModificacion" in str(e)
    e = error(TipoInvalido, lambda: ContextoSolicitud.desde_solicitud(solicitud(), "p"))  # type: ignore[arg-type]
    assert e.campo == "politica"
    assert "debe ser una Politica" in str(e)
    e = error(TipoInvalido, lambda: solicitud_desde_plan("plan", "M1", fecha=D(V, 5, 2), **PEDIDO))  # type: ignore[arg-type]
    assert e.campo == "plan"
    assert "debe ser un PlanDeGestion" in str(e)
    d = evaluar_solicitud(solicitud())
    e = error(TipoInvalido, lambda: attrs.evolve(d, motivos=[1]))  # type: ignore[list-item]
    assert "debe ser un Motivo" in str(e)


@pytest.mark.parametrize(
    ("argumento", "esperado"),
    [
        ("plan", "debe ser un PlanDeGestion"),
        ("solicitud", "debe ser una SolicitudModificacion"),
        ("decision", "debe ser una Decision"),
        ("revision_oap_aprobada", "debe ser True o False"),
    ],
)
def test_aplicar_dice_que_se_esperaba(argumento: str, esperado: str) -> None:
    plan = plan_dos_metas()
    s = solicitud(plan.meta("M1"), trimestres_reportados={1})
    datos: dict[str, Any] = {
        "plan": plan, "solicitud": s, "decision": evaluar_solicitud(s),
        "fecha_aprobacion": D(V, 6, 1), argumento: "x",
    }
    e = error(TipoInvalido, lambda: aplicar_modificacion(**datos))
    assert e.campo == argumento
    assert esperado in str(e)


def test_motivo_de_una_regla_ajena() -> None:
    """Una decisión MOD solo tiene motivos MOD: pedir FOR-01 nombra la regla y las que hay."""
    d = evaluar_solicitud(solicitud())
    e = error(ErrorModificacion, lambda: d.motivo("FOR-01"))
    assert (e.codigo, e.campo, e.valor) == ("MOTIVO_DESCONOCIDO", "regla", "FOR-01")
    assert "'FOR-01' no tiene motivo" in str(e)
    assert "MOD-01, MOD-02, MOD-03" in str(e)


def test_errores_de_aplicar() -> None:
    """Viñeta 9: la OAP aprueba o niega; aplicar rechaza lo que no corresponde, nombrando el
    campo y el valor."""
    plan = plan_dos_metas()
    s = solicitud(plan.meta("M1"), trimestres_reportados={1})
    d = evaluar_solicitud(s)
    no = attrs.evolve(d, elegibilidad=Elegibilidad.NO_ELEGIBLE)
    e = error(ErrorModificacion, lambda: aplicar_modificacion(plan, s, no, D(V, 6, 1)))
    assert (e.codigo, e.campo, e.valor) == ("DECISION_NO_ELEGIBLE", "decision", "NO_ELEGIBLE")
    assert "«no elegible»" in str(e)
    assert "solo se aplica con revision_oap_aprobada=True (la OAP revisó" in str(e)
    # una decisión sin código de meta es de cualquier meta; su efecto sí debe coincidir
    sin_codigo = attrs.evolve(d, codigo_meta="")
    nuevo = aplicar_modificacion(plan, s, sin_codigo, D(V, 6, 1))
    assert nuevo.meta("M1") == s.propuesta
    ajena = attrs.evolve(sin_codigo, efecto=Efecto.ELIMINAR)
    e = error(ErrorModificacion, lambda: aplicar_modificacion(plan, s, ajena, D(V, 6, 1)))
    assert (e.codigo, e.campo, e.valor) == ("DECISION_AJENA", "decision", "ELIMINAR")
    assert "la decisión (?, " in str(e)
    assert "no corresponde a la solicitud (M1, " in str(e)
    e = error(ErrorModificacion, lambda: aplicar_modificacion(plan, s, d, D(V, 5, 19)))
    assert (e.codigo, e.campo, e.valor) == (
        "FECHA_APROBACION_INVALIDA", "fecha_aprobacion", D(V, 5, 19)
    )
    assert "2025-05-19 debe ser de la vigencia 2025" in str(e)
    assert "no anterior a la solicitud (2025-05-20)" in str(e)


def test_errores_de_la_meta_en_el_plan() -> None:
    """La meta de la solicitud debe ser la del plan, en la misma versión."""
    plan = plan_dos_metas()
    ajena = solicitud(meta_central(codigo="M9"))
    e = error(
        ErrorModificacion,
        lambda: aplicar_modificacion(plan, ajena, evaluar_solicitud(ajena), D(V, 6, 1)),
    )
    assert (e.codigo, e.campo, e.valor) == ("META_DESACTUALIZADA", "solicitud.meta", "M9")
    assert "'M9' no es una meta del plan" in str(e)
    vieja = solicitud(attrs.evolve(plan.meta("M1"), peso=21))
    e = error(
        ErrorModificacion,
        lambda: aplicar_modificacion(plan, vieja, evaluar_solicitud(vieja), D(V, 6, 1)),
    )
    assert (e.campo, e.valor) == ("solicitud.meta", "M1")
    assert "'M1' no coincide con la meta del plan" in str(e)
    # ELIMINAR con una solicitud que no vio el reporte del T1 que el plan sí tiene
    borrar = solicitud(plan.meta("M1"), eliminar=True)
    e = error(
        ErrorModificacion,
        lambda: aplicar_modificacion(plan, borrar, evaluar_solicitud(borrar), D(V, 6, 1)),
    )
    assert (e.codigo, e.campo, e.valor) == (
        "META_CON_SEGUIMIENTO", "solicitud.trimestres_reportados", [1]
    )
    assert "la meta 'M1' tiene seguimiento en el plan; no se elimina" in str(e)
    assert str(e).endswith("se marca como «Meta eliminada» (MOD-11)")


def test_decision_en_html_nombra_la_meta() -> None:
    """MOD-12: la decisión se muestra a la OAP; el HTML dice de qué meta es."""
    d = evaluar_solicitud(solicitud(meta_central(codigo="M7")))
    assert "M7" in d._repr_html_()

