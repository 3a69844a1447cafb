"""Límites y contratos de ``verificar_reporte`` y ``verificar_reportes_plan`` que la prueba de
mutación (issue 13) encontró sin vigilar: los mensajes, campos y valores de los errores de quien
llama, la precisión de las cuentas frente al contexto decimal de quien llama, los decimales con
que se muestran los porcentajes y la política que se pasa a cada regla.

Las cifras esperadas están calculadas a mano en el comentario de cada caso, con el procedimiento
PLE-PIN-P005 v8 (Actividades 9 y 10, Política 8) y las interpretaciones que cita cada prueba.
"""

from __future__ import annotations

import datetime
import sys
import uuid
from decimal import Context, localcontext

import attrs
import pytest

from comun_reportes import meta, reporte
from sdg_metas import (
    POLITICA_PLE_PIN_P005_V8,
    ErrorModelo,
    ErrorTrimestre,
    Hallazgo,
    PlanDeGestion,
    Programacion,
    Reporte,
    TipoInvalido,
    Trimestre,
    verificar_reporte,
    verificar_reportes_plan,
)
from sdg_metas import reportes as modulo_reportes
from sdg_metas.calendario import Calendario
from sdg_metas.ejemplos import plan_ejemplo


def de_la_regla(hallazgos: tuple[Hallazgo, ...], regla: str) -> list[Hallazgo]:
    return [h for h in hallazgos if h.regla == regla]


def unico(hallazgos: tuple[Hallazgo, ...], regla: str) -> Hallazgo:
    propios = de_la_regla(hallazgos, regla)
    assert len(propios) == 1, hallazgos
    return propios[0]


# --- errores de quien llama: el mensaje nombra el campo, el valor y lo que se esperaba -----------


@pytest.mark.parametrize(
    ("argumentos", "mensaje"),
    [
        (("M1", reporte()), "meta: 'M1' debe ser una Meta"),
        ((meta(), "2025-T1"), "reporte: '2025-T1' debe ser un Reporte"),
        ((meta(), reporte(), (), "v8"), "politica: 'v8' debe ser una Politica"),
        (
            (meta(), reporte(), (), POLITICA_PLE_PIN_P005_V8, "festivos"),
            "calendario: 'festivos' debe ser un Calendario (o quedar vacío)",
        ),
        ((meta(), reporte(2), [reporte(1), 3]), "anteriores[1]: 3 debe ser un Reporte"),
    ],
)
def test_verificar_reporte_tipo_invalido_dice_que_esperaba(
    argumentos: tuple[object, ...], mensaje: str
) -> None:
    """Un argumento de otro tipo es ``TipoInvalido`` con un mensaje en español que nombra el
    campo, el valor recibido y lo que se esperaba (el contrato de errores del diseño)."""
    with pytest.raises(TipoInvalido) as info:
        verificar_reporte(*argumentos)  # type: ignore[arg-type]
    assert str(info.value) == mensaje


@pytest.mark.parametrize(
    ("argumentos", "mensaje"),
    [
        (("plan",), "plan: 'plan' debe ser un PlanDeGestion"),
        ((plan_ejemplo(), "v8"), "politica: 'v8' debe ser una Politica"),
        (
            (plan_ejemplo(), POLITICA_PLE_PIN_P005_V8, 3),
            "calendario: 3 debe ser un Calendario (o quedar vacío)",
        ),
    ],
)
def test_verificar_reportes_plan_tipo_invalido_dice_que_esperaba(
    argumentos: tuple[object, ...], mensaje: str
) -> None:
    with pytest.raises(TipoInvalido) as info:
        verificar_reportes_plan(*argumentos)  # type: ignore[arg-type]
    assert str(info.value) == mensaje


@pytest.mark.parametrize("funcion", [modulo_reportes.es_analisis, modulo_reportes.nombra_causa])
def test_es_analisis_y_nombra_causa_tipo_invalido_dice_que_esperaba(funcion: object) -> None:
    with pytest.raises(TipoInvalido) as info:
        funcion(None)  # type: ignore[operator]
    assert str(info.value) == "texto: vacío debe ser un texto"
    with pytest.raises(TipoInvalido) as info:
        funcion("Análisis", "v8")  # type: ignore[operator]
    assert str(info.value) == "politica: 'v8' debe ser una Politica"


@pytest.mark.parametrize(
    ("r", "anteriores", "mensaje", "valor"),
    [
        (reporte(codigo_meta="M2"), (),
         "reporte.codigo_meta: 'M2' no es la meta verificada 'M1'", "M2"),
        (reporte(2), [reporte(1, codigo_meta="M9")],
         "anteriores[0].codigo_meta: 'M9' no es la meta verificada 'M1'", "M9"),
        (reporte(2), [reporte(1, trimestre=Trimestre(2024, 1))],
         "anteriores[0].trimestre: 2024-T1 no es de la vigencia 2025 del reporte", "2024-T1"),
        (reporte(3), [reporte(1), reporte(1)],
         "anteriores[1]: ya hay un reporte de la meta 'M1' para 2025-T1", "2025-T1"),
        (reporte(2), [reporte(2)],
         "anteriores[0]: ya hay un reporte de la meta 'M1' para 2025-T2", "2025-T2"),
    ],
)
def test_argumentos_inconsistentes_mensaje_y_valor(
    r: Reporte, anteriores: list[Reporte], mensaje: str, valor: str
) -> None:
    """Un reporte de otra meta, un anterior de otra vigencia o dos reportes del mismo trimestre
    son ``ErrorModelo`` (un error de quien llama): el mensaje dice cuál y ``valor`` es el código
    o el trimestre que sobra, como texto."""
    with pytest.raises(ErrorModelo) as info:
        verificar_reporte(meta(), r, anteriores)
    assert str(info.value) == mensaje
    assert info.value.valor == valor


def test_plan_hasta_de_otra_vigencia_dice_campo_y_valor() -> None:
    with pytest.raises(ErrorTrimestre) as info:
        verificar_reportes_plan(plan_ejemplo(), hasta=Trimestre(2024, 2))
    assert str(info.value) == "hasta: 2024-T2 no es de la vigencia 2025 del plan"
    assert (info.value.campo, info.value.valor) == ("hasta", "2024-T2")


# --- las cuentas no dependen del contexto decimal de quien llama ---------------------------------


def test_rep_01_en_el_limite_no_depende_del_contexto_de_quien_llama() -> None:
    """Actividad 10 (P.C.: «coherencia … programado, ejecutado») e INT-41 (tolerancia 0.01 en
    la ejecución). Meta en %: 2/3 × 100 = 66.666…; reportar 66.6767 difiere 0.010033… > 0.01,
    así que es REP-01, aunque quien llama trabaje con 6 dígitos (donde 2/3 × 100 sería 66.6667 y
    la diferencia 0.0100 justo cabría en la tolerancia)."""
    m = meta(unidad="%", programacion=Programacion("constante", 95, [95] * 4))
    r = reporte(ejecucion="66.6767", numerador=2, denominador=3)
    plan = PlanDeGestion(vigencia=2025, unidad="X", nivel="central", metas=[m], reportes=[r])
    esperado = "2025-T1: ejecucion: 66.6767 no es numerador/denominador = 2/3 × 100 = 66.6667"
    with localcontext(Context(prec=6)):
        assert unico(verificar_reporte(m, r), "REP-01").mensaje == esperado
        assert unico(verificar_reportes_plan(plan), "REP-01").mensaje == esperado


# --- cómo se muestran los porcentajes ---------------------------------------------------------


def test_rep_02_y_rep_03_muestran_los_porcentajes_redondeados() -> None:
    """Actividad 9 (el % de avance del trimestre y el acumulado) y Nota 1 (la justificación del
    retraso). SUMA 30/30/30/30 con T1 = 20: avance del trimestre y cumplimiento 20/30 = 66.666…
    %. REP-02 lo muestra con 4 decimales (66.6667 %, ROUND_HALF_UP) y REP-03 con 2 (66.67 %)."""
    hallazgos = verificar_reporte(meta(), reporte(ejecucion=20, avance_reportado="0.5"))
    assert unico(hallazgos, "REP-02").mensaje == (
        "2025-T1: avance_reportado: se reportó 50 % y el avance del trimestre calculado es "
        "66.6667 %"
    )
    assert unico(hallazgos, "REP-03").mensaje == (
        "2025-T1: causas_retraso: la meta va atrasada (cumplimiento 66.67 % de lo programado a "
        "la fecha) y el reporte no justifica las causas del retraso (Actividad 9, Nota 1)"
    )


# --- REP-02: campos de las cifras que no se comparan -------------------------------------------


def test_rep_02_sin_linea_base_mensaje_y_primer_campo_reportado() -> None:
    """FOR-02: una meta DECRECIENTE necesita línea base; sin ella no hay cifras calculadas y lo
    reportado no se compara (una ADVERTENCIA que nombra la primera cifra reportada)."""
    m = meta(programacion=Programacion("decreciente", 200, [400, 350, 250, 200]))
    r = reporte(ejecucion=420, ejecucion_acumulada_reportada=420, avance_acumulado_reportado=1)
    h = unico(verificar_reporte(m, r), "REP-02")
    assert h.campo == "ejecucion_acumulada_reportada"
    assert h.mensaje == (
        "2025-T1: ejecucion_acumulada_reportada: no se pueden calcular las cifras de la meta (una "
        "meta decreciente necesita línea base, FOR-02); las cifras reportadas no se comparan"
    )


def test_rep_02_cifra_que_no_aplica_nombra_su_campo() -> None:
    """Actividad 9: un trimestre sin programación no tiene % de avance del trimestre; en T1 sin
    programar, EA = 0 y PA = 0, así que tampoco hay cumplimiento (0/0 no aplica, a mano)."""
    m = meta(programacion=Programacion("suma", 90, [None, 30, 30, 30]))
    r = reporte(ejecucion=0, avance_reportado=0, avance_acumulado_reportado=0)
    hallazgos = de_la_regla(verificar_reporte(m, r), "REP-02")
    assert [h.campo for h in hallazgos] == ["avance_reportado", "avance_acumulado_reportado"]


# --- REP-03: la política llega a la búsqueda de causas ------------------------------------------


def test_rep_03_causas_en_el_analisis_con_el_vocabulario_de_la_politica() -> None:
    """Actividad 9, Nota 1 («la justificación de las causas de los retrasos») con INT-43/INT-46:
    el análisis justifica si nombra una causa del vocabulario **de la política dada**. T1 = 20
    de 30: cumplimiento 66.67 % < 100 %, atrasada (a mano)."""
    propia = attrs.evolve(POLITICA_PLE_PIN_P005_V8, vocabulario_causas={"lluvias"})
    lluvias = reporte(ejecucion=20, analisis="Las lluvias de marzo frenaron los operativos")
    assert de_la_regla(verificar_reporte(meta(), lluvias, politica=propia), "REP-03") == []
    assert [h.campo for h in de_la_regla(verificar_reporte(meta(), lluvias), "REP-03")] == [
        "causas_retraso"
    ]
    se_debe = reporte(ejecucion=20, analisis="El retraso se debe a la suspensión del contrato")
    assert de_la_regla(verificar_reporte(meta(), se_debe), "REP-03") == []
    h = unico(verificar_reporte(meta(), se_debe, politica=propia), "REP-03")
    assert h.campo == "causas_retraso"


# --- REP-06: el error del calendario es del campo fecha_envio -----------------------------------


def test_rep_06_fecha_fuera_del_calendario_de_festivos_es_advertencia_de_fecha_envio() -> None:
    """Actividad 9, Nota 2: los días hábiles de retraso se cuentan con los festivos; si la fecha
    de envío cae en un año sin calendario de festivos conocido, no se puede verificar la
    oportunidad: ``ADVERTENCIA`` sobre ``fecha_envio``."""
    from holidays.countries import Colombia  # el último año que conoce el paquete

    lejana = datetime.date(Colombia.end_year + 1, 1, 5)
    h = unico(verificar_reporte(meta(), reporte(fecha_envio=lejana)), "REP-06")
    assert h.campo == "fecha_envio"
    assert h.severidad.name == "ADVERTENCIA"
    assert h.mensaje.startswith("2025-T1: fecha_envio: no se pudo verificar la oportunidad: año: ")


# --- verificar_reportes_plan ------------------------------------------------------------------


def test_plan_un_codigo_repetido_no_detiene_las_metas_siguientes() -> None:
    """FOR-08: un código repetido no tiene reportes (el modelo los rechaza), pero las metas que
    vienen después sí se verifican: M2 sin ejecución es REP-01 (Actividad 9: «La ejecución del
    trimestre»)."""
    m2 = meta(codigo="M2", peso=0)
    plan = PlanDeGestion(vigencia=2025, unidad="X", nivel="central",
                         metas=[meta(), meta(), m2],
                         reportes=[reporte(codigo_meta="M2", ejecucion=None)])
    hallazgos = verificar_reportes_plan(plan)
    assert [(h.regla, h.codigo_meta, h.campo) for h in de_la_regla(hallazgos, "REP-01")] == [
        ("REP-01", "M2", "ejecucion")
    ]


def test_plan_con_calendario_de_la_entidad() -> None:
    """Actividad 9, Nota 2 con un ``Calendario`` de la entidad: si la entidad no trabaja el
    martes 15 de julio de 2025, el plazo del 2025-T2 pasa al miércoles 16 y un reporte de ese
    día llega a tiempo; sin ese calendario es 1 día hábil tarde."""
    libre = Calendario(no_habiles={datetime.date(2025, 7, 15)})
    t2 = reporte(2, fecha_envio=datetime.date(2025, 7, 16))
    plan = PlanDeGestion(vigencia=2025, unidad="X", nivel="central", metas=[meta()],
                         reportes=[reporte(1), t2])
    assert de_la_regla(verificar_reportes_plan(plan, calendario=libre), "REP-06") == []
    assert de_la_regla(verificar_reporte(meta(), t2, [reporte(1)], calendario=libre),
                       "REP-06") == []
    h = unico(verificar_reportes_plan(plan), "REP-06")
    assert h.mensaje.endswith("la fecha límite era el 2025-07-15 (1 día hábil de retraso)")


# --- límites de REP-05 y REP-06 con el día y la cláusula -----------------------------------------


@pytest.mark.parametrize(
    ("envio", "dias"),
    [
        (datetime.date(2026, 1, 15), 0),  # jueves 15 de enero de 2026: el día 15, hábil
        (datetime.date(2026, 1, 16), 1),  # viernes 16: 1 día hábil tarde
        (datetime.date(2026, 1, 19), 2),  # lunes 19 (el 17 y el 18 son sábado y domingo): 2
    ],
)
def test_rep_06_t4_vence_en_la_vigencia_siguiente(envio: datetime.date, dias: int) -> None:
    """Actividad 9, Nota 2: «dentro de los primeros quince (15) días calendario siguientes al
    trimestre que se reporta». El 2025-T4 termina el 31 de diciembre; el día 15 siguiente es el
    jueves 15 de enero de 2026, hábil: ese día está a tiempo y después cuentan los días
    hábiles."""
    r = reporte(4, fecha_envio=envio)
    hallazgos = de_la_regla(verificar_reporte(meta(), r, [reporte(n) for n in (1, 2, 3)]),
                            "REP-06")
    if dias == 0:
        assert hallazgos == []
    else:
        unidad = "día hábil" if dias == 1 else "días hábiles"
        esperado = (
            f"2025-T4: fecha_envio: extemporáneo: se envió el {envio.isoformat()} y la fecha "
            f"límite era el 2026-01-15 ({dias} {unidad} de retraso)"
        )
        assert [h.mensaje for h in hallazgos] == [esperado]


def test_rep_06_el_ultimo_dia_del_trimestre_es_anticipado_y_el_siguiente_no() -> None:
    """Actividad 9, Nota 2 («días calendario siguientes al trimestre») con INT-10: el lunes 31
    de marzo de 2025, último día del T1, todavía es antes del plazo (ADVERTENCIA); el martes 1
    de abril ya está dentro del plazo y no hay hallazgo. Con ``anticipado_incluye_cierre=False``
    el 31 de marzo tampoco es anticipado."""
    h = unico(verificar_reporte(meta(), reporte(fecha_envio=datetime.date(2025, 3, 31))),
              "REP-06")
    assert h.severidad.name == "ADVERTENCIA"
    assert h.mensaje == (
        "2025-T1: fecha_envio: se envió el 2025-03-31, el mismo día del cierre del trimestre "
        "(2025-03-31); revise la fecha o el reporte"
    )
    abril = reporte(fecha_envio=datetime.date(2025, 4, 1))
    assert de_la_regla(verificar_reporte(meta(), abril), "REP-06") == []
    sin_cierre = attrs.evolve(POLITICA_PLE_PIN_P005_V8, anticipado_incluye_cierre=False)
    cierre = reporte(fecha_envio=datetime.date(2025, 3, 31))
    assert de_la_regla(verificar_reporte(meta(), cierre, politica=sin_cierre), "REP-06") == []


@pytest.mark.parametrize(("ejecucion", "advierte"), [("0", False), ("0.01", True)])
def test_rep_05_cero_o_algo_en_un_trimestre_no_programado(ejecucion: str, advierte: bool) -> None:
    """REP-05 (Actividad 10, P.C.: coherencia entre «programado, ejecutado»): en el T1 sin
    programar de SUMA —/10/15/15, 0 es coherente; la menor ejecución mayor que 0 ya se señala."""
    m = meta(programacion=Programacion("suma", 40, [None, 10, 15, 15]))
    hallazgos = de_la_regla(verificar_reporte(m, reporte(ejecucion=ejecucion)), "REP-05")
    assert [h.campo for h in hallazgos] == (["ejecucion"] if advierte else [])


@pytest.mark.parametrize("funcion", [modulo_reportes.es_analisis, modulo_reportes.nombra_causa])
def test_un_analisis_largo_no_queda_en_la_memoria(funcion: object) -> None:
    """Un texto de hasta 1 000 caracteres se recuerda (la memoria guarda una referencia a él); uno
    más largo (una celda admite 32 767) no: la memoria de REP-03 no retiene textos enormes de
    planes que ya no están (issue 12, entradas hostiles)."""
    assert callable(funcion)
    # textos que ninguna llamada anterior recordó (la prueba puede correr dos veces en un proceso)
    unico = uuid.uuid4().hex  # 32 caracteres
    corto = "".join(["Se hizo la visita ", "de control ", unico, "x" * 939])  # 1 000
    largo = "".join(["Se hizo la visita ", "de control ", unico, "x" * 940])  # 1 001
    assert (len(corto), len(largo)) == (1000, 1001)
    antes_corto, antes_largo = sys.getrefcount(corto), sys.getrefcount(largo)
    assert funcion(corto) == funcion(largo)
    assert sys.getrefcount(corto) > antes_corto
    assert sys.getrefcount(largo) == antes_largo
