"""Pruebas de ``verificar_reporte`` y ``verificar_reportes_plan`` (REP-01..06; Actividad 10,
Notas 1 a 3 de la Actividad 9, Políticas 5 y 8).

Las cifras esperadas están calculadas a mano en el comentario de cada caso (sumas, razones y
días hábiles contados en el calendario de 2025).
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from comun_reportes import ENVIO, meta, reporte
from sdg_metas import (
    POLITICA_PLE_PIN_P005_V8,
    REGLAS,
    AvanceAcumulado,
    ErrorCalendario,
    ErrorModelo,
    ErrorSdgMetas,
    ErrorTrimestre,
    Hallazgo,
    Meta,
    Nivel,
    PlanDeGestion,
    Programacion,
    ReportadoPor,
    Reporte,
    RetrasoSegun,
    Severidad,
    TipoInvalido,
    Trimestre,
    verificar_reporte,
    verificar_reportes_plan,
)
from sdg_metas import reportes as modulo_reportes
from sdg_metas.ejemplos import plan_ejemplo

DOC_REGLAS = Path(__file__).resolve().parents[1] / "docs" / "reglas.md"
IDS_DOCUMENTADOS = frozenset(
    re.findall(r"^### ([A-Z]{3}-\d{2})$", DOC_REGLAS.read_text("utf-8"), re.M)
)



def verificar(*args: object, **kwargs: object) -> tuple[Hallazgo, ...]:
    """``verificar_reporte`` sin las advertencias REP-07 (cifras calculables que el reporte no
    trae, issue 11 punto 10): las pruebas de las demás reglas no reportan esas cifras; REP-07 se
    prueba aparte, con ``verificar_reporte``."""
    hallazgos = verificar_reporte(*args, **kwargs)  # type: ignore[arg-type]
    return tuple(h for h in hallazgos if h.regla != "REP-07")


def reglas(hallazgos: tuple[Hallazgo, ...]) -> list[str]:
    return [h.regla for h in hallazgos]


def unico(hallazgos: tuple[Hallazgo, ...], regla: str) -> Hallazgo:
    propios = [h for h in hallazgos if h.regla == regla]
    assert len(propios) == 1, hallazgos
    return propios[0]


# --- un reporte coherente --------------------------------------------------------------------


def test_reporte_coherente_sin_hallazgos() -> None:
    # T1: 30 de 30 → avance 1, EA 30, cumplimiento 30/30 = 1 (a mano)
    r = reporte(avance_reportado=1, ejecucion_acumulada_reportada=30, avance_acumulado_reportado=1)
    assert verificar(meta(), r) == ()


def test_todo_hallazgo_lleva_codigo_meta_y_trimestre() -> None:
    r = reporte(ejecucion=None, analisis="", evidencias=(), fecha_envio=None)
    hallazgos = verificar(meta(), r)
    assert reglas(hallazgos) == ["REP-01", "REP-03", "REP-04", "REP-06"]
    assert all(h.codigo_meta == "M1" for h in hallazgos)
    assert all(h.mensaje.startswith("2025-T1: ") for h in hallazgos)
    assert all(h.trimestre == Trimestre(2025, 1) for h in hallazgos)
    assert [h.campo for h in hallazgos] == ["ejecucion", "analisis", "evidencias", "fecha_envio"]


@pytest.mark.parametrize(
    ("r", "m", "campos"),
    [
        (reporte(numerador=3), meta(), ["denominador"]),
        (reporte(denominador=3), meta(), ["numerador"]),
        (reporte(numerador=3, denominador=0), meta(), ["denominador"]),
        (reporte(numerador=3, denominador=4), meta(), ["ejecucion"]),
        (
            reporte(avance_reportado=2, ejecucion_acumulada_reportada=31,
                    avance_acumulado_reportado=2),
            meta(),
            ["avance_reportado", "ejecucion_acumulada_reportada", "avance_acumulado_reportado"],
        ),
        (reporte(ejecucion=20, causas_retraso=""), meta(), ["causas_retraso"]),
        (reporte(ejecucion=5), meta(programacion=Programacion("suma", 90, [0, 30, 30, 30])),
         ["ejecucion"]),
        (reporte(fecha_envio=datetime.date(2025, 5, 30)), meta(), ["fecha_envio"]),
        (reporte(fecha_envio=datetime.date(2025, 3, 1)), meta(), ["fecha_envio"]),
        (
            reporte(avance_reportado=1, ejecucion_acumulada_reportada=3),
            meta(programacion=Programacion("decreciente", 10, [10, 10, 10, 10])),
            ["avance_reportado"],
        ),
    ],
)
def test_cada_hallazgo_dice_su_campo(r: Reporte, m: Meta, campos: list[str]) -> None:
    hallazgos = verificar(m, r)
    assert [h.campo for h in hallazgos] == campos
    assert all(h.trimestre == r.trimestre and h.codigo_meta == "M1" for h in hallazgos)
    # el campo es el que el mensaje nombra (también en la advertencia de la meta sin línea base)
    assert all(h.mensaje.startswith(f"2025-T1: {h.campo}: ") for h in hallazgos)


def test_registro_rep() -> None:
    # REP-07 y REP-08 son nuevas (issue 11, puntos 10 y 11)
    assert list(modulo_reportes.REGISTRO_REP) == [f"REP-0{i}" for i in range(1, 9)]
    contexto = modulo_reportes.ContextoReporte(
        meta(), reporte(evidencias=()), None, Decimal(30), POLITICA_PLE_PIN_P005_V8, None
    )
    assert modulo_reportes.REGISTRO_REP["REP-04"](contexto)[0].campo == "evidencias"
    assert modulo_reportes.REGISTRO_REP["REP-01"](contexto) == ()


# --- REP-01 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cambios", "mensaje"),
    [
        (
            {"ejecucion": None},
            "ejecucion: falta la ejecución del trimestre (ni ejecucion ni numerador/denominador)",
        ),
        (
            {"ejecucion": None, "numerador": 3},
            "denominador: se dio el numerador sin el denominador",
        ),
        ({"ejecucion": 30, "denominador": 4}, "numerador: se dio el denominador sin el numerador"),
        (
            {"ejecucion": None, "numerador": 3, "denominador": 0},
            "denominador: es 0; debe ser mayor que 0",
        ),
        # 29/1 = 29 ≠ 30 (a mano)
        (
            {"numerador": 29, "denominador": 1},
            "ejecucion: 30 no es numerador/denominador = 29/1 = 29",
        ),
    ],
)
def test_rep_01_errores(cambios: dict[str, object], mensaje: str) -> None:
    h = unico(verificar(meta(), reporte(**cambios)), "REP-01")
    assert h.severidad is Severidad.ERROR
    assert h.mensaje == "2025-T1: " + mensaje


@pytest.mark.parametrize(
    ("cambios", "hay_hallazgo"),
    [
        ({"ejecucion": None, "numerador": 60, "denominador": 2}, False),  # 60/2 = 30
        ({"ejecucion": 30, "numerador": 60, "denominador": 2}, False),
        ({"ejecucion": "30.01", "numerador": 60, "denominador": 2}, False),  # 0.01 ≤ tolerancia
        ({"ejecucion": "30.02", "numerador": 60, "denominador": 2}, True),  # 0.02 > 0.01
    ],
)
def test_rep_01_numerador_denominador(cambios: dict[str, object], hay_hallazgo: bool) -> None:
    hallazgos = verificar(meta(), reporte(**cambios))
    assert ("REP-01" in reglas(hallazgos)) is hay_hallazgo


def test_rep_01_meta_en_porcentaje_multiplica_por_100() -> None:
    m = meta(unidad="%", programacion=Programacion("constante", 95, [95] * 4))
    # 45/50 × 100 = 90 (a mano)
    assert "REP-01" not in reglas(verificar(m, reporte(ejecucion=90, numerador=45,
                                                               denominador=50)))
    h = unico(verificar(m, reporte(ejecucion=85, numerador=45, denominador=50)), "REP-01")
    assert h.mensaje == "2025-T1: ejecucion: 85 no es numerador/denominador = 45/50 × 100 = 90"
    # 2/3 × 100 = 66.666…: 66.67 difiere 0.0033 (vale), 66.68 difiere 0.0133 (no vale)
    assert "REP-01" not in reglas(
        verificar(m, reporte(ejecucion="66.67", numerador=2, denominador=3))
    )
    r = reporte(ejecucion="66.68", numerador=2, denominador=3)
    h = unico(verificar(m, r), "REP-01")
    assert h.mensaje.endswith("= 2/3 × 100 = 66.6667")


def test_rep_01_tolerancia_es_parametro() -> None:
    exacta = attrs.evolve(POLITICA_PLE_PIN_P005_V8, tolerancia_ejecucion_reporte=Decimal(0))
    r = reporte(ejecucion="30.01", numerador=60, denominador=2)
    assert "REP-01" in reglas(verificar(meta(), r, politica=exacta))


# --- REP-02 -----------------------------------------------------------------------------------

T1 = reporte(1, ejecucion=30)
# T2: ejecución 24 de 30 → avance del trimestre 24/30 = 0.8; EA = 30 + 24 = 54;
# cumplimiento 54/60 = 0.9; avance de la vigencia 54/120 = 0.45 (a mano).
CAUSAS = "Se suspendieron operativos por paro"


def t2(**cambios: object) -> Reporte:
    return reporte(2, ejecucion=24, causas_retraso=CAUSAS, **cambios)


def test_rep_02_cifras_correctas() -> None:
    r = t2(avance_reportado="0.8", ejecucion_acumulada_reportada=54,
           avance_acumulado_reportado="0.9")
    assert verificar(meta(), r, [T1]) == ()


@pytest.mark.parametrize(
    ("cambios", "mensaje"),
    [
        (
            {"avance_reportado": "0.75"},
            "avance_reportado: se reportó 75 % y el avance del trimestre calculado es 80 %",
        ),
        (
            {"ejecucion_acumulada_reportada": 24},
            "ejecucion_acumulada_reportada: se reportó 24 y la ejecución acumulada calculada es 54",
        ),
        (
            {"avance_acumulado_reportado": "0.45"},
            "avance_acumulado_reportado: se reportó 45 % y el cumplimiento calculado es 90 %",
        ),
        (
            {"avance_reportado": 80},
            (
                "avance_reportado: se reportó 8000 % y el avance del trimestre calculado es "
                "80 %; ¿se reportó en porcentaje? los avances se reportan como fracción "
                "(1 = 100 %)"
            ),
        ),
    ],
)
def test_rep_02_cifras_distintas(cambios: dict[str, object], mensaje: str) -> None:
    h = unico(verificar(meta(), t2(**cambios), [T1]), "REP-02")
    assert h.severidad is Severidad.ERROR
    assert h.mensaje == "2025-T2: " + mensaje


@pytest.mark.parametrize(
    ("cambios", "hay_hallazgo"),
    [
        ({"avance_reportado": "0.8001"}, False),  # diferencia 0.0001 = 0.01 puntos: vale
        ({"avance_reportado": "0.7999"}, False),
        ({"avance_reportado": "0.80011"}, True),  # 0.011 puntos
        ({"avance_acumulado_reportado": "0.9001"}, False),
        ({"avance_acumulado_reportado": "0.8998"}, True),  # 0.02 puntos
        ({"ejecucion_acumulada_reportada": "54.01"}, False),  # 0.01 unidades: vale
        ({"ejecucion_acumulada_reportada": "53.98"}, True),
    ],
)
def test_rep_02_tolerancias(cambios: dict[str, object], hay_hallazgo: bool) -> None:
    assert ("REP-02" in reglas(verificar(meta(), t2(**cambios), [T1]))) is hay_hallazgo


@pytest.mark.parametrize(
    ("reportado", "pista"),
    [
        # Avance del T2 calculado: 24/30 = 0.8 (80 %). Reportado «en porcentaje» sería 80; la
        # tolerancia de INT-41 (0.01 puntos) vale para ese número: 80 ± 0.01.
        ("80.01", True),  # justo en el límite superior
        ("79.99", True),  # justo en el límite inferior
        ("80.02", False),  # justo por encima: no parece un porcentaje
        ("79.98", False),
    ],
)
def test_rep_02_pista_de_porcentaje_en_su_tolerancia(reportado: str, pista: bool) -> None:
    """Actividad 9 (el % de avance se compara con el calculado; INT-41): la pista «¿se reportó
    en porcentaje?» aparece si el número reportado es el avance × 100 con la misma tolerancia
    (0.01 puntos porcentuales)."""
    h = unico(verificar(meta(), t2(avance_reportado=reportado), [T1]), "REP-02")
    assert ("¿se reportó en porcentaje?" in h.mensaje) is pista


def test_rep_02_avance_acumulado_frente_a_la_vigencia() -> None:
    vigencia = attrs.evolve(
        POLITICA_PLE_PIN_P005_V8, avance_acumulado_reporte=AvanceAcumulado.AVANCE_VIGENCIA
    )
    assert verificar(meta(), t2(avance_acumulado_reportado="0.45"), [T1], vigencia) == ()
    h = unico(verificar(meta(), t2(avance_acumulado_reportado="0.9"), [T1], vigencia),
              "REP-02")
    assert "el avance de la vigencia calculado es 45 %" in h.mensaje


def test_rep_02_sin_anteriores_la_acumulada_es_la_del_trimestre() -> None:
    # sin el T1, EA = 24 y el cumplimiento 24/60 = 0.4 (a mano)
    r = t2(ejecucion_acumulada_reportada=24, avance_acumulado_reportado="0.4")
    assert verificar(meta(), r) == ()


def test_rep_02_anteriores_posteriores_no_cuentan() -> None:
    t3 = reporte(3, ejecucion=100)
    r = t2(ejecucion_acumulada_reportada=54, avance_acumulado_reportado="0.9")
    assert verificar(meta(), r, [t3, T1]) == ()


def test_rep_02_cifra_reportada_que_no_aplica() -> None:
    m = meta(programacion=Programacion("suma", 90, [None, 30, 30, 30]))
    # T1 no programado: avance del trimestre no aplica; EA 0, PA 0 → cumplimiento no aplica
    r = reporte(ejecucion=0, avance_reportado=0, avance_acumulado_reportado=0,
                ejecucion_acumulada_reportada=0)
    hallazgos = verificar(m, r)
    assert reglas(hallazgos) == ["REP-02", "REP-02"]
    assert hallazgos[0].mensaje == (
        "2025-T1: avance_reportado: se reportó 0 %, pero el avance del trimestre no aplica "
        "(no hay programación o ejecución con qué calcularlo)"
    )
    assert hallazgos[1].mensaje.startswith("2025-T1: avance_acumulado_reportado:")


def test_rep_02_concuerda_en_femenino() -> None:
    """«la ejecución acumulada … calculada», «con qué calcularla»: sin ninguna ejecución (el
    reporte no la trae) la ejecución acumulada no aplica."""
    r = reporte(ejecucion=None, ejecucion_acumulada_reportada=10)
    (h,) = [h for h in verificar(meta(), r) if h.campo == "ejecucion_acumulada_reportada"]
    assert h.mensaje == (
        "2025-T1: ejecucion_acumulada_reportada: se reportó 10, pero la ejecución acumulada no "
        "aplica (no hay programación o ejecución con qué calcularla)"
    )


def test_rep_02_decreciente_sin_linea_base() -> None:
    m = meta(programacion=Programacion("decreciente", 200, [400, 350, 250, 200]))
    assert verificar(m, reporte(ejecucion=420)) == ()
    h = unico(verificar(m, reporte(ejecucion=420, avance_reportado="0.8")), "REP-02")
    assert h.severidad is Severidad.ADVERTENCIA
    assert "necesita línea base" in h.mensaje


def test_rep_02_tipos_acumulados() -> None:
    # CONSTANTE 95: T1 96, T2 93 → media 94.5; cumplimiento 94.5/95; avance T2 93/95 (a mano)
    constante = meta(unidad="%", programacion=Programacion("constante", 95, [95] * 4))
    r = reporte(2, ejecucion=93, ejecucion_acumulada_reportada="94.5", causas_retraso=CAUSAS,
                avance_reportado="0.9789", avance_acumulado_reportado="0.9947")
    assert verificar(constante, r, [reporte(1, ejecucion=96)]) == ()
    # CRECIENTE LB 40 → 80: T2 58 de 60 → (58−40)/(60−40) = 0.9 (a mano)
    creciente = meta(unidad="%", programacion=Programacion("creciente", 80, [50, 60, 70, 80], 40))
    r = reporte(2, ejecucion=58, ejecucion_acumulada_reportada=58, causas_retraso=CAUSAS,
                avance_reportado="0.9", avance_acumulado_reportado="0.9")
    assert verificar(creciente, r, [reporte(1, ejecucion=52)]) == ()


# --- REP-03 -----------------------------------------------------------------------------------


def test_rep_03_falta_el_analisis() -> None:
    h = unico(verificar(meta(), reporte(analisis="  ")), "REP-03")
    assert h.mensaje == "2025-T1: analisis: falta el análisis del avance del trimestre"
    assert h.severidad is Severidad.ERROR


def test_rep_03_meta_atrasada_sin_causas() -> None:
    # cumplimiento 54/60 = 0.9 < 1 (a mano)
    h = unico(verificar(meta(), reporte(2, ejecucion=24), [T1]), "REP-03")
    assert h.mensaje == (
        "2025-T2: causas_retraso: la meta va atrasada (cumplimiento 90 % de lo programado a la "
        "fecha) y el reporte no justifica las causas del retraso (Actividad 9, Nota 1)"
    )
    assert verificar(meta(), reporte(2, ejecucion=24, causas_retraso=CAUSAS), [T1]) == ()
    assert "REP-03" in reglas(
        verificar(meta(), reporte(2, ejecucion=24, causas_retraso="  "), [T1])
    )


def test_rep_03_al_dia_o_sin_cumplimiento_no_pide_causas() -> None:
    assert verificar(meta(), reporte(2, ejecucion=30), [T1]) == ()  # 60/60 = 1
    assert verificar(meta(), reporte(2, ejecucion=35), [T1]) == ()  # sobreejecución
    sin_programar = meta(programacion=Programacion("suma", 90, [None, 30, 30, 30]))
    assert verificar(sin_programar, reporte(ejecucion=0)) == ()  # 0/0: no aplica


def test_rep_03_causas_en_el_analisis() -> None:
    """Nota 1: «En el análisis del avance y el análisis del resultado se debe incluir … la
    justificación de las causas de los retrasos cuando estos se presenten» (issue 11, punto 9,
    que cambia REP-03: antes solo contaba ``causas_retraso``; INT-43, INT-46)."""
    # T2: cumplimiento 54/60 = 90 % (a mano); el análisis nombra la causa («se debe», «suspensión»)
    justifica = "El retraso se debe a la suspensión del contrato de operativos en mayo"
    assert verificar(meta(), reporte(2, ejecucion=24, analisis=justifica), [T1]) == ()
    assert verificar(meta(), reporte(2, ejecucion=24, analisis_acumulado=justifica), [T1]) == ()
    # un análisis que no nombra ninguna causa no justifica
    assert reglas(verificar(meta(), reporte(2, ejecucion=24), [T1])) == ["REP-03"]
    # con causas_retraso_en_analisis=False solo cuenta causas_retraso (la lectura anterior)
    estricta = attrs.evolve(POLITICA_PLE_PIN_P005_V8, causas_retraso_en_analisis=False)
    h = unico(verificar(meta(), reporte(2, ejecucion=24, analisis=justifica), [T1], estricta),
              "REP-03")
    assert h.campo == "causas_retraso"


@pytest.mark.parametrize("texto", [".", "-", " . ", "N/A", "n/a", "No aplica", "NINGUNO", "123"])
def test_rep_03_un_texto_sin_palabras_no_es_analisis_ni_causa(texto: str) -> None:
    """INT-46: «.», «-» o «N/A» no son un análisis (issue 11, punto 9); tampoco en
    ``causas_retraso``: antes ``causas_retraso="."`` pasaba."""
    hallazgos = verificar(meta(), reporte(2, ejecucion=24, causas_retraso=texto), [T1])
    assert [h.campo for h in hallazgos] == ["causas_retraso"]
    hallazgos = verificar(meta(), reporte(1, analisis=texto))
    assert [h.campo for h in hallazgos] == ["analisis"]
    assert hallazgos[0].mensaje == (
        f"2025-T1: analisis: {texto.strip()!r} no es un análisis del avance del trimestre (INT-46)"
    )


def test_rep_03_falta_el_analisis_del_resultado() -> None:
    """Actividad 9, viñeta 7: el reporte debe contener «El análisis del resultado (acumulado)»
    (issue 11, punto 10: ``analisis_acumulado`` es obligatorio)."""
    h = unico(verificar(meta(), reporte(analisis_acumulado="")), "REP-03")
    assert h.campo == "analisis_acumulado"
    assert h.mensaje == (
        "2025-T1: analisis_acumulado: falta el análisis del resultado acumulado (Actividad 9, "
        "viñeta 7)"
    )


def test_rep_03_vocabulario_palabras_completas_sin_tildes_ni_mayusculas() -> None:
    """INT-46: el vocabulario se busca como palabras completas, sin mayúsculas ni tildes."""
    assert modulo_reportes.nombra_causa("DEMORA en la contratación")
    assert modulo_reportes.nombra_causa("OBEDECE a la suspensión del contrato")
    assert modulo_reportes.nombra_causa("debido  a la lluvia")  # espacios repetidos
    assert not modulo_reportes.nombra_causa("Se realizaron las demoliciones previstas")
    assert not modulo_reportes.nombra_causa("Las causales de la demanda")  # «causa» dentro
    assert not modulo_reportes.nombra_causa("N/A")
    propia = attrs.evolve(POLITICA_PLE_PIN_P005_V8, vocabulario_causas={"Lluvias"})
    assert modulo_reportes.nombra_causa("Las LLUVIAS impidieron", propia)
    assert not modulo_reportes.nombra_causa("El retraso", propia)
    sin_na = attrs.evolve(POLITICA_PLE_PIN_P005_V8, textos_sin_analisis={"otro"})
    assert modulo_reportes.es_analisis("N/A", sin_na)


@pytest.mark.parametrize(
    ("segun", "trimestre", "acumulado"),
    [
        (RetrasoSegun.TRIMESTRE_O_ACUMULADO, True, True),
        (RetrasoSegun.ACUMULADO, False, True),
        (RetrasoSegun.TRIMESTRE, True, False),
    ],
)
def test_rep_03_retraso_segun(segun: RetrasoSegun, trimestre: bool, acumulado: bool) -> None:
    """INT-47: el retraso se juzga con el avance del trimestre, el cumplimiento acumulado o
    cualquiera de los dos (Nota 1 pide la justificación en los dos análisis)."""
    politica = attrs.evolve(POLITICA_PLE_PIN_P005_V8, retraso_segun=segun)
    # T2 = 40 tras T1 = 10 (SUMA 30/30/30/30): trimestre 40/30 ≥ 1, acumulado 50/60 < 1 (a mano)
    solo_acumulado = verificar(meta(), reporte(2, ejecucion=40), [reporte(1, ejecucion=10)],
                               politica)
    assert ("REP-03" in reglas(solo_acumulado)) is acumulado
    # T2 = 20 tras T1 = 50: trimestre 20/30 < 1, acumulado 70/60 ≥ 1 (a mano)
    solo_trimestre = verificar(meta(), reporte(2, ejecucion=20), [reporte(1, ejecucion=50)],
                               politica)
    assert ("REP-03" in reglas(solo_trimestre)) is trimestre
    if trimestre:
        assert unico(solo_trimestre, "REP-03").mensaje == (
            "2025-T2: causas_retraso: la meta va atrasada en el trimestre (avance del trimestre "
            "66.67 % de lo programado) y el reporte no justifica las causas del retraso "
            "(Actividad 9, Nota 1)"
        )


# --- REP-07: las cifras de la Actividad 9 ------------------------------------------------------


def test_rep_07_cifras_calculables_que_faltan() -> None:
    """Actividad 9: «El reporte debe contener: … El resultado de la medición del trimestre (% de
    avance) … La ejecución acumulada. El resultado de la medición acumulada (% de avance
    acumulado)»; Actividad 10, Nota: «La OAP completará el reporte» (issue 11, punto 10)."""
    # T2 = 24 tras T1 = 30: las tres cifras se pueden calcular (80 %, 54, 90 %, a mano)
    hallazgos = [h for h in verificar_reporte(meta(), t2(), [T1]) if h.regla == "REP-07"]
    assert [h.campo for h in hallazgos] == [
        "avance_reportado", "ejecucion_acumulada_reportada", "avance_acumulado_reportado"
    ]
    assert all(h.severidad is Severidad.ADVERTENCIA for h in hallazgos)
    assert hallazgos[1].mensaje == (
        "2025-T2: ejecucion_acumulada_reportada: el reporte no trae la ejecución acumulada "
        "(Actividad 9); la OAP la completa con la cifra calculada"
    )
    assert hallazgos[0].mensaje == (
        "2025-T2: avance_reportado: el reporte no trae el resultado de la medición del trimestre "
        "(% de avance) (Actividad 9); la OAP la completa con la cifra calculada"
    )
    assert hallazgos[2].mensaje == (
        "2025-T2: avance_acumulado_reportado: el reporte no trae el resultado de la medición "
        "acumulada (% de avance acumulado) (Actividad 9); la OAP la completa con la cifra "
        "calculada"
    )
    completo = t2(avance_reportado="0.8", ejecucion_acumulada_reportada=54,
                  avance_acumulado_reportado="0.9")
    assert "REP-07" not in reglas(verificar_reporte(meta(), completo, [T1]))


def test_rep_07_solo_las_cifras_que_se_pueden_calcular() -> None:
    """Un trimestre no programado no tiene % de avance del trimestre (no aplica): no falta."""
    m = meta(programacion=Programacion("suma", 90, [None, 30, 30, 30]))
    hallazgos = verificar_reporte(m, reporte(1, ejecucion=0))
    # T1 sin programar: avance del trimestre y cumplimiento no aplican; EA = 0 sí (a mano)
    assert [h.campo for h in hallazgos if h.regla == "REP-07"] == [
        "ejecucion_acumulada_reportada"
    ]
    decreciente = meta(programacion=Programacion("decreciente", 10, [40, 30, 20, 10]))
    assert "REP-07" not in reglas(verificar_reporte(decreciente, reporte(1, ejecucion=40)))


def test_rep_07_el_avance_acumulado_sigue_la_politica_int_42() -> None:
    """Actividad 9: el reporte contiene «El resultado de la medición acumulada (% de avance
    acumulado)»; INT-42 (``Politica.avance_acumulado_reporte``) dice con qué cifra se compara en
    REP-02, y REP-07 debe pedirlo con la misma lectura. Antes REP-07 miraba siempre el
    cumplimiento, aun con ``AVANCE_VIGENCIA``.

    A mano: SUMA de 90, T1 sin programar y 30 en T2..T4; el T1 reporta 6. El cumplimiento no
    aplica (PA = 0), pero el avance de la vigencia sí: 6 / 90 = 6.67 %. Con ``AVANCE_VIGENCIA``
    falta esa cifra (REP-07); con ``CUMPLIMIENTO`` (por defecto) no se puede calcular."""
    m = meta(programacion=Programacion("suma", 90, [None, 30, 30, 30]))
    r = reporte(1, ejecucion=6, ejecucion_acumulada_reportada=6)
    vigencia = attrs.evolve(
        POLITICA_PLE_PIN_P005_V8, avance_acumulado_reporte=AvanceAcumulado.AVANCE_VIGENCIA
    )
    assert [h.campo for h in verificar_reporte(m, r) if h.regla == "REP-07"] == []
    assert [h.campo for h in verificar_reporte(m, r, politica=vigencia) if h.regla == "REP-07"] == [
        "avance_acumulado_reportado"
    ]
    # con la cifra reportada (6/90 = 0.0667), REP-02 la compara con el avance de la vigencia
    completo = attrs.evolve(r, avance_acumulado_reportado="0.0667")
    assert [h.regla for h in verificar_reporte(m, completo, politica=vigencia)] == ["REP-05"]


def test_reportes_de_una_meta_eliminada_int_49() -> None:
    """Política 9, viñeta 8: las metas con seguimiento «deben ser marcadas en el reporte como
    “Meta eliminada” y no se tendrá en cuenta su resultado dentro de la calificación del
    proceso» (INT-49: su reporte no se verifica desde ``eliminada_desde``).

    A mano: 120 acciones, 30 por trimestre, marcada «Meta eliminada» desde el T3. Un reporte del
    T3 con 10 acciones, sin evidencias y enviado el 20 de octubre tendría REP-03 (cumplimiento
    (30 + 30 + 10) / 90 = 77.78 % sin causas), REP-04 y REP-06 (3 días hábiles tarde: 16, 17 y
    20 de octubre de 2025). Por defecto no tiene hallazgos; el T2 (la meta aún contaba, T2 < T3)
    se verifica igual: 24 de 30 es un retraso sin causas (REP-03)."""
    eliminada = meta(eliminada_desde=Trimestre(2025, 3))
    t3 = reporte(3, ejecucion=10, evidencias=(), fecha_envio=datetime.date(2025, 10, 20))
    anteriores = [reporte(1), reporte(2)]
    assert verificar(eliminada, t3, anteriores) == ()
    todas = attrs.evolve(POLITICA_PLE_PIN_P005_V8, verificar_reportes_de_eliminadas=True)
    assert reglas(verificar(eliminada, t3, anteriores, todas)) == ["REP-03", "REP-04", "REP-06"]
    assert reglas(verificar(meta(), t3, anteriores)) == ["REP-03", "REP-04", "REP-06"]
    assert reglas(verificar(eliminada, reporte(2, ejecucion=24), [reporte(1)])) == ["REP-03"]
    plan = PlanDeGestion(vigencia=2025, unidad="Proceso", nivel="central", metas=[eliminada],
                         reportes=[*anteriores, t3])
    assert verificar_reportes_plan(plan) == tuple(
        h for h in verificar_reportes_plan(plan, todas) if h.trimestre != Trimestre(2025, 3)
    )
    assert [h.regla for h in verificar_reportes_plan(plan) if h.regla != "REP-07"] == []
    assert {str(h.trimestre) for h in verificar_reportes_plan(plan, todas)
            if h.regla != "REP-07"} == {"2025-T3"}


# --- REP-08: Política 8 ------------------------------------------------------------------------


def _local(**cambios: object) -> Meta:
    base: dict[str, object] = {"nivel": Nivel.LOCAL, "dependencia_orientadora": "DGDL"}
    base.update(cambios)
    return meta(**base)


def test_rep_08_area_central_remite_los_cuatro_datos() -> None:
    """Política 8: «En las metas locales y las metas transversales cuyo responsable de reporte
    corresponde a un área del nivel central, esta deberá remitir … el numerador, denominador,
    resultado del indicador y las observaciones o análisis correspondiente» (issue 11, punto 11)."""
    area = ReportadoPor.AREA_CENTRAL
    completo = reporte(reportado_por=area, numerador=30, denominador=1, ejecucion=30)
    assert verificar(_local(), completo) == ()
    solo_ejecucion = reporte(reportado_por=area, analisis="N/A")
    hallazgos = [h for h in verificar(_local(), solo_ejecucion) if h.regla == "REP-08"]
    assert [h.campo for h in hallazgos] == ["numerador", "denominador", "analisis"]
    assert all(h.severidad is Severidad.ERROR for h in hallazgos)
    assert hallazgos[0].mensaje == (
        "2025-T1: numerador: el área del nivel central que reporta la meta local no remitió "
        "el numerador (Política de operación 8)"
    )
    transversal = meta(transversal=True, proceso_lider="Gestión Pública")
    sin_resultado = reporte(reportado_por=area, ejecucion=None, numerador=30, denominador=1)
    h = unico(verificar(transversal, sin_resultado), "REP-08")
    assert h.campo == "ejecucion"
    assert "meta transversal no remitió el resultado del indicador" in h.mensaje


def test_rep_08_solo_si_reporta_un_area_central_una_meta_local_o_transversal() -> None:
    """Política 8 no aplica cuando reporta la propia unidad, ni a una meta central no
    transversal."""
    assert "REP-08" not in reglas(verificar(_local(), reporte()))
    central = reporte(reportado_por=ReportadoPor.AREA_CENTRAL)
    assert "REP-08" not in reglas(verificar(meta(nivel=Nivel.CENTRAL), central))
    assert "REP-08" not in reglas(verificar(meta(), central))


# --- REP-04 -----------------------------------------------------------------------------------


@pytest.mark.parametrize("evidencias", [(), ("",), (" ", "\t")])
def test_rep_04_sin_evidencias(evidencias: tuple[str, ...]) -> None:
    h = unico(verificar(meta(), reporte(evidencias=evidencias)), "REP-04")
    assert h.mensaje == (
        "2025-T1: evidencias: el reporte no trae evidencias para verificar el avance"
    )
    assert h.severidad is Severidad.ERROR


def test_rep_04_con_una_evidencia_basta() -> None:
    assert verificar(meta(), reporte(evidencias=("", "acta.pdf"))) == ()


# --- REP-05 -----------------------------------------------------------------------------------


def test_rep_05_ejecucion_en_trimestre_no_programado() -> None:
    m = meta(programacion=Programacion("suma", 40, [None, 10, 15, 15]))
    h = unico(verificar(m, reporte(ejecucion=3)), "REP-05")
    assert h.severidad is Severidad.ADVERTENCIA
    assert h.mensaje == (
        "2025-T1: ejecucion: se reportó 3 en T1, que no estaba programado; revise la "
        "programación o el reporte"
    )
    # SUMA con 0 programado también es «no programado»
    m0 = meta(programacion=Programacion("suma", 40, [0, 10, 15, 15]))
    assert "REP-05" in reglas(verificar(m0, reporte(numerador=3, denominador=1,
                                                            ejecucion=None)))
    # una ejecución 0 en un trimestre no programado es coherente
    assert verificar(m, reporte(ejecucion=0)) == ()
    # en un trimestre programado no aplica
    assert "REP-05" not in reglas(verificar(m, reporte(2, ejecucion=10)))


def test_rep_05_constante() -> None:
    m = meta(programacion=Programacion("constante", 2, [2, 2, None, 2]))
    r = reporte(3, ejecucion=2, causas_retraso="")
    assert reglas(verificar(m, r, [reporte(1, ejecucion=2), reporte(2, ejecucion=2)])) == [
        "REP-05"
    ]


def test_rep_05_en_el_plan_usa_la_ejecucion_de_cada_trimestre() -> None:
    """REP-05 (Actividad 10) sobre un plan: cada reporte se verifica con la ejecución de su propio
    trimestre. SUMA 35 = 10 + 0 + 10 + 15: T2 (un 0 en SUMA) no está programado y reportó 5."""
    m = meta(programacion=Programacion("suma", 35, [10, 0, 10, 15]))
    reportes = [reporte(1, ejecucion=10), reporte(2, ejecucion=5), reporte(3, ejecucion=10),
                reporte(4, ejecucion=15)]
    plan = PlanDeGestion(vigencia=2025, unidad="Proceso X", nivel="central", metas=[m],
                         reportes=reportes)
    rep_05 = [h for h in verificar_reportes_plan(plan) if h.regla == "REP-05"]
    assert [h.mensaje for h in rep_05] == [
        ("2025-T2: ejecucion: se reportó 5 en T2, que no estaba programado; revise la "
         "programación o el reporte")
    ]
    assert rep_05 == [h for h in verificar_reporte(m, reportes[1], reportes[:1])
                      if h.regla == "REP-05"]


# --- REP-06 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("trimestre", "envio", "dias"),
    [
        # T2 2025 vence el martes 15 de julio; el 16 es 1 día hábil después
        (Trimestre(2025, 2), datetime.date(2025, 7, 16), 1),
        # 16, 17, 18 (mié–vie), 21, 22 (lun, mar); el 20 de julio es domingo → 5
        (Trimestre(2025, 2), datetime.date(2025, 7, 22), 5),
        # T3 2025 vence el miércoles 15 de octubre; 16, 17, 20 → 3
        (Trimestre(2025, 3), datetime.date(2025, 10, 20), 3),
    ],
)
def test_rep_06_extemporaneo(trimestre: Trimestre, envio: datetime.date, dias: int) -> None:
    r = reporte(trimestre.numero, ejecucion=30, fecha_envio=envio)
    h = unico(verificar(meta(), r, [reporte(n) for n in range(1, trimestre.numero)]),
              "REP-06")
    assert h.severidad is Severidad.ERROR
    unidad = "día hábil" if dias == 1 else "días hábiles"
    limite = ENVIO[trimestre.numero].isoformat()
    assert h.mensaje == (
        f"{trimestre}: fecha_envio: extemporáneo: se envió el {envio.isoformat()} y la fecha "
        f"límite era el {limite} ({dias} {unidad} de retraso)"
    )


def test_rep_06_a_tiempo_el_dia_limite_y_dia_habil_siguiente() -> None:
    assert verificar(meta(), reporte(1, fecha_envio=datetime.date(2025, 4, 15))) == ()
    # 15 de octubre de 2023 es domingo y el lunes 16 es festivo (Día de la Raza, trasladado):
    # el plazo es el martes 17 (Nota 2).
    m = meta()
    r = Reporte(codigo_meta="M1", trimestre=Trimestre(2023, 3), ejecucion=30, analisis="Bien",
                analisis_acumulado="Bien", evidencias=["a"],
                fecha_envio=datetime.date(2023, 10, 17))
    anteriores = [attrs.evolve(r, trimestre=Trimestre(2023, n)) for n in (1, 2)]
    assert verificar(m, r, anteriores) == ()
    tarde = attrs.evolve(r, fecha_envio=datetime.date(2023, 10, 18))
    assert "1 día hábil de retraso" in unico(verificar(m, tarde, anteriores),
                                              "REP-06").mensaje


def test_rep_06_anticipado() -> None:
    h = unico(verificar(meta(), reporte(1, fecha_envio=datetime.date(2025, 3, 20))),
              "REP-06")
    assert h.severidad is Severidad.ADVERTENCIA
    assert h.mensaje == (
        "2025-T1: fecha_envio: se envió el 2025-03-20, antes del cierre del trimestre "
        "(2025-03-31); revise la fecha o el reporte"
    )


def test_rep_06_sin_fecha_de_envio() -> None:
    h = unico(verificar(meta(), reporte(fecha_envio=None)), "REP-06")
    assert h.severidad is Severidad.ADVERTENCIA
    assert h.mensaje == (
        "2025-T1: fecha_envio: el reporte no tiene fecha de envío; no se puede verificar la "
        "oportunidad"
    )
    no_exigir = attrs.evolve(POLITICA_PLE_PIN_P005_V8, exigir_fecha_envio=False)
    assert verificar(meta(), reporte(fecha_envio=None), politica=no_exigir) == ()


def test_rep_06_plazo_es_parametro_de_politica() -> None:
    # con 10 días, el T1 2025 vence el jueves 10 de abril; el 11 (viernes) es 1 día tarde
    diez = attrs.evolve(POLITICA_PLE_PIN_P005_V8, dias_plazo_reporte=10)
    r = reporte(1, fecha_envio=datetime.date(2025, 4, 11))
    assert verificar(meta(), r) == ()
    assert "1 día hábil" in unico(verificar(meta(), r, politica=diez), "REP-06").mensaje


def _t2_2026(envio: datetime.date) -> tuple[Reporte, list[Reporte]]:
    """El reporte del 2026-T2 enviado en ``envio``, con el del T1 como anterior, enviado a
    tiempo también con 13 días: 31 de marzo + 13 = lunes 13 de abril de 2026 (hábil)."""
    r = reporte(2, trimestre=Trimestre(2026, 2), fecha_envio=envio)
    return r, [reporte(1, trimestre=Trimestre(2026, 1), fecha_envio=datetime.date(2026, 4, 13))]


def test_rep_06_politica_de_13_dias_y_festivo_de_chiquinquira() -> None:
    """Actividad 9, Nota 2 con ``dias_plazo_reporte=13``: el 2026-T2 termina el 30 de junio;
    30 de junio + 13 días = lunes 13 de julio de 2026, que es festivo (la Virgen de
    Chiquinquirá, 9 de julio, trasladada al lunes por la Ley 2578 de 2026): vence el martes 14.
    Con los 15 días de la política por defecto vence el miércoles 15 de julio (hábil)."""
    trece = attrs.evolve(POLITICA_PLE_PIN_P005_V8, dias_plazo_reporte=13)
    el_14, _ = _t2_2026(datetime.date(2026, 7, 14))
    el_15, anteriores = _t2_2026(datetime.date(2026, 7, 15))
    assert verificar(meta(), el_14, anteriores, trece) == ()
    h = unico(verificar(meta(), el_15, anteriores, trece), "REP-06")
    assert h.severidad is Severidad.ERROR
    assert h.mensaje == (
        "2026-T2: fecha_envio: extemporáneo: se envió el 2026-07-15 y la fecha límite era el "
        "2026-07-14 (1 día hábil de retraso)"
    )
    assert verificar(meta(), el_15, anteriores) == ()


def test_rep_06_con_el_calendario_de_la_entidad() -> None:
    """Actividad 9, Nota 2 con un ``Calendario`` de la entidad y ``dias_plazo_reporte=13``
    (2026-T2: el día 13 es el lunes 13 de julio, festivo de Chiquinquirá):

    - si la entidad no trabaja el martes 14 ni el jueves 16 de julio, vence el miércoles 15;
      enviado el viernes 17, el retraso es 1 día hábil (el 16 no cuenta);
    - si la entidad trabaja el festivo del 13, vence ese mismo lunes 13; enviado el martes 14
      es 1 día hábil tarde.
    """
    from sdg_metas.calendario import Calendario

    trece = attrs.evolve(POLITICA_PLE_PIN_P005_V8, dias_plazo_reporte=13)
    libres = Calendario(no_habiles={datetime.date(2026, 7, 14), datetime.date(2026, 7, 16)})
    el_15, anteriores = _t2_2026(datetime.date(2026, 7, 15))
    assert verificar(meta(), el_15, anteriores, trece, libres) == ()
    el_17, _ = _t2_2026(datetime.date(2026, 7, 17))
    h = unico(verificar(meta(), el_17, anteriores, trece, libres), "REP-06")
    esperado = (
        "2026-T2: fecha_envio: extemporáneo: se envió el 2026-07-17 y la fecha límite era el "
        "2026-07-15 (1 día hábil de retraso)"
    )
    assert h.mensaje == esperado
    trabaja_el_13 = Calendario(habiles={datetime.date(2026, 7, 13)})
    el_14, _ = _t2_2026(datetime.date(2026, 7, 14))
    h = unico(verificar(meta(), el_14, anteriores, trece, trabaja_el_13), "REP-06")
    assert "la fecha límite era el 2026-07-13 (1 día hábil de retraso)" in h.mensaje
    # En el plan: verificar_reportes_plan pasa la política y el calendario a cada reporte.
    plan = PlanDeGestion(vigencia=2026, unidad="Proceso", nivel="central", metas=[meta()],
                         reportes=[*anteriores, el_17])
    assert [h.mensaje for h in verificar_reportes_plan(plan, trece, libres)
            if h.regla == "REP-06"] == [esperado]


def test_rep_06_error_del_calendario_es_advertencia(monkeypatch: pytest.MonkeyPatch) -> None:
    def falla(*_args: object, **_kwargs: object) -> None:
        raise ErrorCalendario("fecha_envio: fuera del calendario conocido")

    monkeypatch.setattr(modulo_reportes, "oportunidad", falla)
    h = unico(verificar(meta(), reporte()), "REP-06")
    assert h.severidad is Severidad.ADVERTENCIA
    assert h.mensaje == (
        "2025-T1: fecha_envio: no se pudo verificar la oportunidad: fecha_envio: fuera del "
        "calendario conocido"
    )


# --- rechazos ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argumentos", "campo"),
    [
        (("M1", reporte()), "meta"),
        ((meta(), "2025-T1"), "reporte"),
        ((meta(), reporte(), "T1"), "anteriores"),
        ((meta(), reporte(), 5), "anteriores"),
        ((meta(), reporte(2), [T1, 3]), "anteriores[1]"),
        ((meta(), reporte(), (), "v8"), "politica"),
        ((meta(), reporte(), (), POLITICA_PLE_PIN_P005_V8, "festivos"), "calendario"),
    ],
)
def test_rechaza_tipos(argumentos: tuple[object, ...], campo: str) -> None:
    with pytest.raises(TipoInvalido) as info:
        verificar(*argumentos)  # type: ignore[arg-type]
    assert info.value.campo == campo
    assert isinstance(info.value, TypeError)
    assert str(info.value).startswith(campo + ":")


@pytest.mark.parametrize(
    ("r", "anteriores", "codigo", "campo"),
    [
        (reporte(codigo_meta="M2"), (), "REPORTE_DE_OTRA_META", "reporte.codigo_meta"),
        (reporte(2), [reporte(1, codigo_meta="M9")], "REPORTE_DE_OTRA_META",
         "anteriores[0].codigo_meta"),
        (reporte(2), [attrs.evolve(T1, trimestre=Trimestre(2024, 1))],
         "REPORTE_FUERA_DE_VIGENCIA", "anteriores[0].trimestre"),
        (reporte(2), [reporte(2)], "REPORTE_DUPLICADO", "anteriores[0]"),
        (reporte(3), [T1, reporte(1)], "REPORTE_DUPLICADO", "anteriores[1]"),
    ],
)
def test_argumentos_inconsistentes(
    r: Reporte, anteriores: list[Reporte], codigo: str, campo: str
) -> None:
    with pytest.raises(ErrorModelo) as info:
        verificar(meta(), r, anteriores)
    assert (info.value.codigo, info.value.campo) == (codigo, campo)


def test_reporte_sin_codigo_meta_se_acepta() -> None:
    assert verificar(meta(), reporte(codigo_meta="")) == ()


# --- verificar_reportes_plan ------------------------------------------------------------------


def test_plan_de_ejemplo() -> None:
    hallazgos = verificar_reportes_plan(plan_ejemplo())
    # T3 se envió el 20 de octubre (3 días hábiles tarde): una vez por meta con reporte en T3.
    tardios = [h.codigo_meta for h in hallazgos if h.regla == "REP-06"]
    assert tardios == ["M1", "M2", "M3", "M4", "M5", "M6"]
    # M5 (SUMA 10/15/15 desde T2): 4/10, 10/25, 18/40 → atrasada en T2, T3 y T4
    m5 = [h.mensaje[:7] for h in hallazgos if h.codigo_meta == "M5" and h.regla == "REP-03"]
    assert m5 == ["2025-T2", "2025-T3", "2025-T4"]
    # el orden es el de las metas y, en cada una, el de los trimestres
    orden = [(h.codigo_meta, h.mensaje[:7]) for h in hallazgos]
    assert orden == sorted(orden)
    assert {h.regla for h in hallazgos} == {"REP-03", "REP-06"}


def test_plan_de_ejemplo_errores_al_cuarto_trimestre() -> None:
    """Antes de la issue 11 el ejemplo tenía 17 ERROR (11 REP-03 y 6 REP-06). Punto 9: «The
    justification may be in `causas_retraso` or in either analysis» y INT-47 (el retraso del
    trimestre también cuenta): los análisis de los trimestres atrasados nombran su causa, salvo
    los de M5 (T2, T3 y T4, atrasada a propósito). Punto 10: los reportes traen los siete
    elementos (ningún REP-07 ni REP-03 por ``analisis_acumulado``)."""
    hallazgos = verificar_reportes_plan(plan_ejemplo())
    assert all(h.severidad is Severidad.ERROR for h in hallazgos)
    assert sorted((h.regla, h.codigo_meta, h.mensaje[:7]) for h in hallazgos) == [
        ("REP-03", "M5", "2025-T2"), ("REP-03", "M5", "2025-T3"), ("REP-03", "M5", "2025-T4"),
        *(("REP-06", f"M{i}", "2025-T3") for i in range(1, 7)),
    ]


def test_plan_hasta() -> None:
    plan = plan_ejemplo()
    hasta_2 = verificar_reportes_plan(plan, hasta=2)
    assert verificar_reportes_plan(plan, hasta=Trimestre(2025, 2)) == hasta_2
    assert all(h.mensaje[:7] in ("2025-T1", "2025-T2") for h in hasta_2)
    assert len(verificar_reportes_plan(plan, hasta=4)) == len(verificar_reportes_plan(plan))
    with pytest.raises(ErrorTrimestre):
        verificar_reportes_plan(plan, hasta=Trimestre(2024, 2))
    with pytest.raises(ErrorTrimestre):
        verificar_reportes_plan(plan, hasta=5)
    with pytest.raises(TipoInvalido):
        verificar_reportes_plan(plan, hasta="2")  # type: ignore[arg-type]


def test_plan_con_codigos_repetidos_sin_reportes() -> None:
    plan = PlanDeGestion(vigencia=2025, unidad="X", nivel="central", metas=[meta(), meta()])
    assert verificar_reportes_plan(plan) == ()


@pytest.mark.parametrize(
    ("argumentos", "campo"),
    [
        ((meta(),), "plan"),
        ((plan_ejemplo(), "v8"), "politica"),
        ((plan_ejemplo(), POLITICA_PLE_PIN_P005_V8, 3), "calendario"),
    ],
)
def test_plan_rechaza_tipos(argumentos: tuple[object, ...], campo: str) -> None:
    with pytest.raises(TipoInvalido) as info:
        verificar_reportes_plan(*argumentos)  # type: ignore[arg-type]
    assert info.value.campo == campo


@pytest.mark.parametrize(
    ("campo", "valor"),
    [
        ("tolerancia_reporte", Decimal("-0.01")),
        ("tolerancia_reporte", 0.01),
        ("tolerancia_ejecucion_reporte", Decimal("NaN")),
        ("avance_acumulado_reporte", "cumplimiento"),
        ("causas_retraso_en_analisis", 1),
        ("exigir_fecha_envio", None),
    ],
)
def test_politica_rechaza_valores(campo: str, valor: object) -> None:
    with pytest.raises(ErrorSdgMetas) as info:
        attrs.evolve(POLITICA_PLE_PIN_P005_V8, **{campo: valor})
    assert info.value.codigo == "POLITICA_INVALIDA"


# --- propiedades -------------------------------------------------------------------------------

programados = st.one_of(
    st.none(), st.just(Decimal(0)), st.decimals(min_value=1, max_value=500, places=2)
)


@st.composite
def metas_suma(draw: st.DrawFn) -> Meta:
    valores = draw(st.lists(programados, min_size=4, max_size=4))
    total = sum((v for v in valores if v is not None), Decimal(0))
    assume(total > 0)
    return meta(programacion=Programacion("suma", total, valores))


def _reportes_exactos(m: Meta, k: int) -> list[Reporte]:
    """Reportes T1..Tk que ejecutan exactamente lo programado, con las cifras calculadas a mano:
    avance del trimestre 1 (o no aplica si no estaba programado), EA = suma de lo programado,
    cumplimiento 1 (o no aplica si aún no hay nada programado)."""
    resultado = []
    acumulado = Decimal(0)
    for n in range(1, k + 1):
        valor = m.programacion.trimestres[n - 1] or Decimal(0)
        acumulado += valor
        resultado.append(
            reporte(
                n,
                ejecucion=valor,
                avance_reportado=1 if m.programacion.programado(n) else None,
                ejecucion_acumulada_reportada=acumulado,
                avance_acumulado_reportado=1 if acumulado > 0 else None,
            )
        )
    return resultado


@given(metas_suma(), st.integers(min_value=1, max_value=4))
def test_meta_suma_ejecutada_como_se_programo_no_tiene_hallazgos(m: Meta, k: int) -> None:
    reportes = _reportes_exactos(m, k)
    assert verificar(m, reportes[-1], reportes[:-1]) == ()


@given(
    metas_suma(),
    st.integers(min_value=1, max_value=4),
    st.decimals(min_value=Decimal("0.00011"), max_value=5, places=5),
    st.sampled_from(["avance_reportado", "avance_acumulado_reportado"]),
)
def test_una_cifra_fuera_de_tolerancia_es_rep_02(
    m: Meta, k: int, delta: Decimal, campo: str
) -> None:
    reportes = _reportes_exactos(m, k)
    ultimo = reportes[-1]
    assume(getattr(ultimo, campo) is not None)
    alterado = attrs.evolve(ultimo, **{campo: Decimal(1) + delta})
    hallazgos = verificar(m, alterado, reportes[:-1])
    assert reglas(hallazgos) == ["REP-02"]
    assert campo in hallazgos[0].mensaje


@given(metas_suma(), st.integers(min_value=1, max_value=4), st.booleans())
def test_ejecutar_menos_de_lo_programado_pide_causas(m: Meta, k: int, con_causas: bool) -> None:
    reportes = _reportes_exactos(m, k)
    valor = m.programacion.trimestres[k - 1]
    assume(m.programacion.programado(k) and valor is not None)
    menos = attrs.evolve(
        reportes[-1],
        ejecucion=valor / 2,
        avance_reportado=None,
        ejecucion_acumulada_reportada=None,
        avance_acumulado_reportado=None,
        causas_retraso=CAUSAS if con_causas else "",
    )
    hallazgos = verificar(m, menos, reportes[:-1])
    assert reglas(hallazgos) == ([] if con_causas else ["REP-03"])


reportes_cualquiera = st.builds(
    Reporte,
    trimestre=st.integers(min_value=1, max_value=4).map(lambda n: Trimestre(2025, n)),
    ejecucion=st.one_of(st.none(), st.decimals(min_value=0, max_value=300, places=2)),
    numerador=st.one_of(st.none(), st.integers(min_value=0, max_value=50)),
    denominador=st.one_of(st.none(), st.integers(min_value=0, max_value=50)),
    analisis=st.sampled_from(["", "  ", "Análisis"]),
    evidencias=st.lists(st.sampled_from(["", "a.pdf"]), max_size=2),
    fecha_envio=st.one_of(
        st.none(), st.dates(datetime.date(2025, 1, 1), datetime.date(2026, 3, 31))
    ),
    avance_reportado=st.one_of(st.none(), st.decimals(min_value=-1, max_value=2, places=3)),
    ejecucion_acumulada_reportada=st.one_of(
        st.none(), st.decimals(min_value=0, max_value=300, places=2)
    ),
    avance_acumulado_reportado=st.one_of(st.none(), st.decimals(min_value=-1, max_value=2,
                                                                places=3)),
    causas_retraso=st.sampled_from(["", "Causa"]),
)
metas_cualquiera = st.builds(
    Programacion,
    st.sampled_from(["suma", "constante", "creciente", "decreciente"]),
    st.decimals(min_value=0, max_value=300, places=1),
    st.lists(st.one_of(st.none(), st.decimals(min_value=0, max_value=300, places=1)),
             min_size=4, max_size=4),
    st.one_of(st.none(), st.decimals(min_value=0, max_value=600, places=1)),
).map(lambda p: meta(programacion=p, unidad="%" if p.magnitud <= 100 else "acciones"))


@given(metas_cualquiera, st.lists(reportes_cualquiera, max_size=4))
def test_todo_hallazgo_nombra_una_regla_rep_del_catalogo_y_del_documento(
    m: Meta, lista: list[Reporte]
) -> None:
    unicos = list({r.trimestre.numero: r for r in lista}.values())
    assume(unicos)
    plan = PlanDeGestion(
        vigencia=2025,
        unidad="X",
        nivel="central",
        metas=[m],
        reportes=[attrs.evolve(r, codigo_meta="M1") for r in unicos],
    )
    hallazgos = verificar_reportes_plan(plan)
    for h in hallazgos:
        assert h.regla in REGLAS
        assert h.regla in IDS_DOCUMENTADOS
        assert h.regla.startswith("REP-")
        assert h.codigo_meta == "M1"
        assert re.match(r"2025-T[1-4]: \w", h.mensaje)
    # REP-04 exactamente en los reportes sin evidencias
    sin_evidencias = sum(1 for r in unicos if not any(e.strip() for e in r.evidencias))
    assert reglas(hallazgos).count("REP-04") == sin_evidencias


texto_libre = st.text(alphabet=st.sampled_from("abcdeáéíóúñ .,-/ABCÉ0"), max_size=30)


@given(texto_libre)
def test_nombrar_una_causa_exige_ser_analisis_y_no_depende_de_mayusculas(texto: str) -> None:
    """INT-46: una causa solo se nombra en un análisis; mayúsculas y tildes no cambian nada."""
    if modulo_reportes.nombra_causa(texto):
        assert modulo_reportes.es_analisis(texto)
    assert modulo_reportes.es_analisis(texto.upper()) == modulo_reportes.es_analisis(texto)
    assert modulo_reportes.nombra_causa(f"{texto} debido a la lluvia") == (
        modulo_reportes.es_analisis(f"{texto} debido a la lluvia")
    )


@given(metas_cualquiera, reportes_cualquiera, texto_libre)
def test_causas_que_son_un_analisis_siempre_justifican(
    m: Meta, r: Reporte, causas: str
) -> None:
    """Nota 1 e INT-43/46: con causas que son un análisis, REP-03 nunca pide las causas."""
    r = attrs.evolve(r, codigo_meta="M1", causas_retraso=causas)
    campos = [h.campo for h in verificar_reporte(m, r) if h.regla == "REP-03"]
    if modulo_reportes.es_analisis(causas):
        assert "causas_retraso" not in campos


@pytest.mark.parametrize(
    ("argumentos", "campo"),
    [((None,), "texto"), ((3,), "texto"), (("Análisis", "v8"), "politica")],
)
def test_es_analisis_y_nombra_causa_rechazan_tipos(argumentos: tuple[object, ...],
                                                   campo: str) -> None:
    for funcion in (modulo_reportes.es_analisis, modulo_reportes.nombra_causa):
        with pytest.raises(TipoInvalido) as info:
            funcion(*argumentos)  # type: ignore[arg-type]
        assert info.value.campo == campo
