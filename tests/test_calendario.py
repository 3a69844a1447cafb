"""Pruebas del calendario de reportes (Actividad 9, Nota 2; REP-06).

La tabla dorada se trabajó a mano con los calendarios oficiales de festivos de Colombia (Ley 51 de
1983, Ley 2578 de 2026): el día 15 siguiente a cada trimestre, su día de la semana y, si no es
hábil, el siguiente día hábil.
"""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
import threading
from importlib import metadata
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdg_metas import (
    POLITICA_PLE_PIN_P005_V8,
    Calendario,
    ErrorCalendario,
    Oportunidad,
    Politica,
    TipoInvalido,
    Trimestre,
    dia_habil_desde,
    dias_habiles_entre,
    es_dia_habil,
    fecha_limite_reporte,
    festivos,
    motivo_no_habil,
    oportunidad,
    siguiente_dia_habil,
)
from sdg_metas import calendario as modulo

D = datetime.date

# (trimestre, fecha límite, por qué) — trabajado a mano.
TABLA_DORADA = [
    # 2021: el 15 de enero de 2022 es sábado; lunes 17 (Reyes fue el 10).
    (Trimestre(2021, 1), D(2021, 4, 15), "jueves"),
    (Trimestre(2021, 2), D(2021, 7, 15), "jueves"),
    (Trimestre(2021, 3), D(2021, 10, 15), "viernes"),
    (Trimestre(2021, 4), D(2022, 1, 17), "15 sábado → lunes 17"),
    # 2022: Semana Santa (14 y 15 de abril) y Día de la Raza (lunes 17 de octubre).
    (Trimestre(2022, 1), D(2022, 4, 18), "15 Viernes Santo, 16-17 fin de semana"),
    (Trimestre(2022, 2), D(2022, 7, 15), "viernes"),
    (Trimestre(2022, 3), D(2022, 10, 18), "15 sábado, 16 domingo, 17 Día de la Raza"),
    (Trimestre(2022, 4), D(2023, 1, 16), "15 domingo → lunes 16"),
    # 2023
    (Trimestre(2023, 1), D(2023, 4, 17), "15 sábado → lunes 17"),
    (Trimestre(2023, 2), D(2023, 7, 17), "15 sábado → lunes 17"),
    (Trimestre(2023, 3), D(2023, 10, 17), "15 domingo, 16 Día de la Raza"),
    (Trimestre(2023, 4), D(2024, 1, 15), "lunes"),
    # 2025
    (Trimestre(2025, 1), D(2025, 4, 15), "martes (Semana Santa fue 17 y 18)"),
    (Trimestre(2025, 2), D(2025, 7, 15), "martes"),
    (Trimestre(2025, 3), D(2025, 10, 15), "miércoles"),
    (Trimestre(2025, 4), D(2026, 1, 15), "jueves"),
    # 2026 (año de la Ley 2578: Chiquinquirá el lunes 13 de julio)
    (Trimestre(2026, 1), D(2026, 4, 15), "miércoles"),
    (Trimestre(2026, 2), D(2026, 7, 15), "miércoles"),
    (Trimestre(2026, 3), D(2026, 10, 15), "jueves"),
    (Trimestre(2026, 4), D(2027, 1, 15), "viernes (Reyes fue el 11)"),
    # 2027: el 15 de enero de 2028 es sábado.
    (Trimestre(2027, 1), D(2027, 4, 15), "jueves"),
    (Trimestre(2027, 4), D(2028, 1, 17), "15 sábado → lunes 17"),
]


@pytest.mark.parametrize(("trimestre", "limite", "motivo"), TABLA_DORADA)
def test_tabla_dorada(trimestre: Trimestre, limite: D, motivo: str) -> None:
    assert fecha_limite_reporte(trimestre) == limite, motivo
    assert es_dia_habil(limite)


FESTIVOS_2026 = [
    D(2026, 1, 1), D(2026, 1, 12), D(2026, 3, 23), D(2026, 4, 2), D(2026, 4, 3),
    D(2026, 5, 1), D(2026, 5, 18), D(2026, 6, 8), D(2026, 6, 15), D(2026, 6, 29),
    D(2026, 7, 13), D(2026, 7, 20), D(2026, 8, 7), D(2026, 8, 17), D(2026, 10, 12),
    D(2026, 11, 2), D(2026, 11, 16), D(2026, 12, 8), D(2026, 12, 25),
]


def test_festivos_2026_completos() -> None:
    assert sorted(festivos(2026)) == FESTIVOS_2026


def test_ley_2578_de_2026_chiquinquira() -> None:
    # 9 de julio de 2026 es jueves: se traslada al lunes 13 (Ley 51 de 1983).
    assert not es_dia_habil(D(2026, 7, 13))
    assert "Chiquinquirá" in festivos(2026)[D(2026, 7, 13)]
    assert es_dia_habil(D(2026, 7, 9))
    # 2027: 9 de julio es viernes → lunes 12 de julio.
    assert not es_dia_habil(D(2027, 7, 12))
    # Antes de la ley no era festivo: el 9 de julio de 2025 (miércoles) es hábil.
    assert es_dia_habil(D(2025, 7, 9))
    assert all("Chiquinquirá" not in n for n in festivos(2025).values())
    # Un plazo de 13 días para el T2 de 2026 cae el lunes 13 de julio → martes 14.
    trece = attrs.evolve(POLITICA_PLE_PIN_P005_V8, dias_plazo_reporte=13)
    assert fecha_limite_reporte(Trimestre(2026, 2), trece) == D(2026, 7, 14)
    assert motivo_no_habil(D(2026, 7, 13)) == festivos(2026)[D(2026, 7, 13)]


def _version(texto: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", texto)[:3])


def test_cota_inferior_de_holidays_conoce_la_ley() -> None:
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text("utf-8")
    cota = re.search(r'"holidays>=([\d.]+)"', pyproject)
    assert cota is not None
    assert _version(cota.group(1)) >= (0, 99)  # la primera versión con la Ley 2578 de 2026
    assert _version(metadata.version("holidays")) >= _version(cota.group(1))


def test_dias_habiles_ejemplos() -> None:
    assert siguiente_dia_habil(D(2022, 4, 13)) == D(2022, 4, 18)  # Jueves y Viernes Santo
    assert siguiente_dia_habil(D(2025, 12, 5)) == D(2025, 12, 9)  # lunes 8: Inmaculada
    assert dia_habil_desde(D(2025, 12, 9)) == D(2025, 12, 9)
    assert dia_habil_desde(D(2025, 12, 6)) == D(2025, 12, 9)
    assert dias_habiles_entre(D(2025, 12, 1), D(2025, 12, 12)) == 8  # 2-5, 9-12
    assert dias_habiles_entre(D(2025, 12, 12), D(2025, 12, 1)) == -8
    assert dias_habiles_entre(D(2025, 12, 12), D(2025, 12, 12)) == 0
    assert dias_habiles_entre(D(2025, 12, 31), D(2026, 1, 13)) == 7  # 2, 5-9, 13
    assert motivo_no_habil(D(2025, 11, 16)) == "domingo"


def test_subclase_de_date_se_acepta() -> None:
    class Fecha(datetime.date):
        pass

    assert not es_dia_habil(Fecha(2026, 7, 13))
    assert siguiente_dia_habil(Fecha(2026, 7, 10)) == D(2026, 7, 14)


def test_oportunidad_golden() -> None:
    # 2026-T2 vence el miércoles 15 de julio; el lunes 20 es festivo (Independencia).
    op = oportunidad(Trimestre(2026, 2), D(2026, 7, 21))
    assert op == Oportunidad(
        trimestre=Trimestre(2026, 2),
        fecha_envio=D(2026, 7, 21),
        fecha_limite=D(2026, 7, 15),
        a_tiempo=False,
        dias_habiles_de_retraso=3,  # 16, 17 y 21
        anticipado=False,
    )
    a_tiempo = oportunidad(Trimestre(2022, 1), D(2022, 4, 18))
    assert a_tiempo.a_tiempo
    assert a_tiempo.dias_habiles_de_retraso == 0
    assert not a_tiempo.anticipado
    assert "a tiempo (PLE" in a_tiempo.explicar()
    cierre = oportunidad(Trimestre(2025, 1), D(2025, 3, 31))
    assert cierre.a_tiempo
    assert cierre.anticipado
    assert "antes de terminar" in cierre.explicar()
    sin_cierre = attrs.evolve(POLITICA_PLE_PIN_P005_V8, anticipado_incluye_cierre=False)
    assert not oportunidad(Trimestre(2025, 1), D(2025, 3, 31), sin_cierre).anticipado
    assert oportunidad(Trimestre(2025, 1), D(2025, 3, 30), sin_cierre).anticipado
    un_dia = oportunidad(Trimestre(2025, 1), D(2025, 4, 16))
    assert un_dia.dias_habiles_de_retraso == 1
    assert "1 día hábil de retraso" in un_dia.explicar()


def test_calendario_de_la_entidad() -> None:
    libre = Calendario(no_habiles={D(2025, 4, 15)})
    # El martes 15 de abril de 2025 no se trabaja; 16 miércoles es hábil.
    assert fecha_limite_reporte(Trimestre(2025, 1), calendario=libre) == D(2025, 4, 16)
    assert motivo_no_habil(D(2025, 4, 15), libre) == "día no hábil declarado por la entidad"
    sabado = Calendario(habiles=[D(2022, 10, 15)])
    assert fecha_limite_reporte(Trimestre(2022, 3), calendario=sabado) == D(2022, 10, 15)
    assert es_dia_habil(D(2022, 10, 15), sabado)
    assert Calendario() == Calendario(frozenset(), frozenset())


def test_import_no_carga_holidays() -> None:
    codigo = "import sys, sdg_metas; assert 'holidays' not in sys.modules; print('ok')"
    salida = subprocess.run(
        [sys.executable, "-c", codigo], capture_output=True, text=True, check=True
    )
    assert salida.stdout.strip() == "ok"


def test_cache_construida_una_vez_en_varios_hilos(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(modulo, "_conjuntos_por_año", {})
    monkeypatch.setattr(modulo, "_festivos_por_año", {})
    llamadas: list[int] = []
    original = modulo._construir

    def contar(año: int) -> None:
        llamadas.append(año)
        original(año)

    monkeypatch.setattr(modulo, "_construir", contar)
    resultados: list[bool] = []
    hilos = [
        threading.Thread(target=lambda: resultados.append(es_dia_habil(D(2024, 3, 28))))
        for _ in range(8)
    ]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()
    assert resultados == [False] * 8  # Jueves Santo de 2024
    assert llamadas == [2024]
    assert isinstance(modulo._conjuntos_por_año[2024], frozenset)


def test_cache_de_limites_acotada(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(modulo, "_limites", {})
    monkeypatch.setattr(modulo, "_MAX_LIMITES", 2)
    for n in (1, 2, 3):
        fecha_limite_reporte(Trimestre(2025, n))
    assert len(modulo._limites) == 1
    assert fecha_limite_reporte(Trimestre(2025, 3)) == D(2025, 10, 15)


def test_oportunidad_recordada_no_se_confunde(monkeypatch: pytest.MonkeyPatch) -> None:
    """La memoria de oportunidad (issue 12) distingue todo lo que cambia la decisión: el
    trimestre, la fecha, el plazo (Actividad 9, Nota 2), INT-10 y el calendario."""
    monkeypatch.setattr(modulo, "_oportunidades", {})
    t3 = Trimestre(2025, 3)
    # 2025-T3 cierra el 30 de septiembre; el plazo de 15 días vence el miércoles 15 de octubre.
    assert oportunidad(t3, D(2025, 10, 16)).dias_habiles_de_retraso == 1
    assert oportunidad(t3, D(2025, 10, 16)) is oportunidad(t3, D(2025, 10, 16))
    # con 20 días de plazo vence el lunes 20 de octubre: a tiempo
    veinte = attrs.evolve(POLITICA_PLE_PIN_P005_V8, dias_plazo_reporte=20)
    assert oportunidad(t3, D(2025, 10, 16), veinte).a_tiempo
    # el día del cierre es anticipado solo si INT-10 lo incluye
    assert oportunidad(t3, D(2025, 9, 30)).anticipado
    sin_cierre = attrs.evolve(POLITICA_PLE_PIN_P005_V8, anticipado_incluye_cierre=False)
    assert not oportunidad(t3, D(2025, 9, 30), sin_cierre).anticipado
    # el miércoles 15 declarado no hábil: el plazo pasa al jueves 16, y ese envío está a tiempo
    libre = Calendario(no_habiles=[D(2025, 10, 15)])
    assert oportunidad(t3, D(2025, 10, 16), calendario=libre).fecha_limite == D(2025, 10, 16)
    assert oportunidad(t3, D(2025, 10, 16), calendario=libre).a_tiempo
    assert oportunidad(t3, D(2025, 10, 16)).dias_habiles_de_retraso == 1
    # un calendario de otro tipo se rechaza aunque la clave ya esté recordada
    with pytest.raises(TipoInvalido):
        oportunidad(t3, D(2025, 10, 16), calendario="no")  # type: ignore[arg-type]


def test_oportunidad_solo_recuerda_tipos_exactos(monkeypatch: pytest.MonkeyPatch) -> None:
    """Con una subclase (de fecha, trimestre o política) la decisión es la misma, pero no se
    recuerda: la clave solo se arma con valores de los tipos exactos (issue 12)."""

    class Fecha(D):
        pass

    @attrs.frozen(slots=True)
    class OtroTrimestre(Trimestre):
        pass

    @attrs.frozen(slots=True)
    class OtraPolitica(Politica):
        pass

    monkeypatch.setattr(modulo, "_oportunidades", {})
    t1 = Trimestre(2025, 1)  # vence el martes 15 de abril de 2025
    assert oportunidad(t1, Fecha(2025, 4, 16)).dias_habiles_de_retraso == 1
    assert oportunidad(OtroTrimestre(2025, 1), D(2025, 4, 16)).dias_habiles_de_retraso == 1
    assert oportunidad(t1, D(2025, 4, 16), OtraPolitica()).dias_habiles_de_retraso == 1
    assert modulo._oportunidades == {}
    with pytest.raises(TipoInvalido):
        oportunidad(t1, D(2025, 4, 16), calendario=object())  # type: ignore[arg-type]
    assert modulo._oportunidades == {}
    libre = Calendario(no_habiles=[D(2025, 4, 15)])
    assert oportunidad(t1, D(2025, 4, 16), calendario=libre).a_tiempo
    assert oportunidad(t1, D(2025, 4, 16), calendario=libre) is oportunidad(
        t1, D(2025, 4, 16), calendario=libre)
    assert len(modulo._oportunidades) == 1
    assert ">a tiempo<" in oportunidad(t1, D(2025, 4, 16), calendario=libre)._repr_html_()


def test_memoria_de_oportunidad_acotada(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(modulo, "_oportunidades", {})
    monkeypatch.setattr(modulo, "_MAX_LIMITES", 2)
    for dia in (1, 2, 3):
        oportunidad(Trimestre(2025, 1), D(2025, 4, dia))
    assert len(modulo._oportunidades) == 1
    assert oportunidad(Trimestre(2025, 1), D(2025, 4, 16)).dias_habiles_de_retraso == 1


# --- Rechazos ------------------------------------------------------------------------------


@pytest.mark.parametrize("año", [1900, 2101])
def test_año_fuera_del_calendario(año: int) -> None:
    with pytest.raises(ErrorCalendario) as e:
        es_dia_habil(D(año, 3, 1) if año != 1900 else D(1900, 3, 1))
    assert e.value.codigo == "AÑO_FUERA_DE_CALENDARIO"
    assert str(año) in str(e.value)
    with pytest.raises(ErrorCalendario):
        festivos(año)


def test_año_fuera_del_calendario_en_un_plazo() -> None:
    with pytest.raises(ErrorCalendario, match="fuera del calendario"):
        fecha_limite_reporte(Trimestre(2100, 4))  # vence en enero de 2101


@pytest.mark.parametrize(
    ("llamada", "campo"),
    [
        (lambda: es_dia_habil("2025-01-01"), "fecha"),  # type: ignore[arg-type]
        (lambda: es_dia_habil(datetime.datetime(2025, 1, 1)), "fecha"),
        (lambda: siguiente_dia_habil(None), "fecha"),  # type: ignore[arg-type]
        (lambda: dia_habil_desde(20250101), "fecha"),  # type: ignore[arg-type]
        (lambda: dias_habiles_entre("2025-01-01", D(2025, 1, 2)), "desde"),  # type: ignore[arg-type]
        (lambda: dias_habiles_entre(D(2025, 1, 1), datetime.datetime(2025, 1, 2)), "hasta"),
        (lambda: es_dia_habil(D(2025, 1, 2), "festivos"), "calendario"),  # type: ignore[arg-type]
        (lambda: fecha_limite_reporte("2025-T1"), "trimestre"),  # type: ignore[arg-type]
        (lambda: fecha_limite_reporte(Trimestre(2025, 1), None), "politica"),  # type: ignore[arg-type]
        (lambda: fecha_limite_reporte(Trimestre(2025, 1), calendario=[]), "calendario"),  # type: ignore[arg-type]
        (lambda: oportunidad("2025-T1", D(2025, 4, 1)), "trimestre"),  # type: ignore[arg-type]
        (lambda: oportunidad(Trimestre(2025, 1), "2025-04-01"), "fecha_envio"),  # type: ignore[arg-type]
        (lambda: festivos(True), "año"),
        (lambda: festivos("2025"), "año"),  # type: ignore[arg-type]
        (lambda: Calendario(no_habiles="2025-01-02"), "no_habiles"),  # type: ignore[arg-type]
        (lambda: Calendario(habiles=[datetime.datetime(2025, 1, 2)]), "habiles"),
        (lambda: Calendario(habiles=5), "habiles"),  # type: ignore[arg-type]
    ],
)
def test_tipos_invalidos(llamada: object, campo: str) -> None:
    with pytest.raises(TipoInvalido) as e:
        llamada()  # type: ignore[operator]
    assert isinstance(e.value, TypeError)
    assert e.value.campo == campo
    assert campo in str(e.value)


def test_calendario_contradictorio() -> None:
    with pytest.raises(ErrorCalendario) as e:
        Calendario(no_habiles={D(2025, 1, 2)}, habiles={D(2025, 1, 2)})
    assert e.value.codigo == "CALENDARIO_CONTRADICTORIO"
    assert "2025-01-02" in str(e.value)


# --- Propiedades ---------------------------------------------------------------------------

fechas = st.dates(min_value=D(2000, 1, 1), max_value=D(2060, 12, 31))
trimestres = st.builds(Trimestre, st.integers(2000, 2060), st.integers(1, 4))
calendarios = st.builds(
    lambda no, si: Calendario(no_habiles=no - si, habiles=si),
    st.frozensets(st.dates(min_value=D(2000, 1, 1), max_value=D(2061, 2, 28)), max_size=5),
    st.frozensets(st.dates(min_value=D(2000, 1, 1), max_value=D(2061, 2, 28)), max_size=3),
)


@given(trimestres, st.integers(0, 40), st.none() | calendarios)
def test_plazo_habil_y_sin_habiles_intermedios(
    trimestre: Trimestre, dias: int, calendario: Calendario | None
) -> None:
    politica = attrs.evolve(POLITICA_PLE_PIN_P005_V8, dias_plazo_reporte=dias)
    limite = fecha_limite_reporte(trimestre, politica, calendario)
    dia = trimestre.fin + datetime.timedelta(days=dias)
    assert limite >= dia
    assert es_dia_habil(limite, calendario)
    d = dia
    while d < limite:
        assert not es_dia_habil(d, calendario)
        d += datetime.timedelta(days=1)
    assert limite - dia < datetime.timedelta(days=12)


@given(fechas, fechas, fechas)
def test_dias_habiles_entre_es_aditivo(a: D, b: D, c: D) -> None:
    assert dias_habiles_entre(a, c) == dias_habiles_entre(a, b) + dias_habiles_entre(b, c)
    assert dias_habiles_entre(a, b) == -dias_habiles_entre(b, a)


@given(fechas, st.none() | calendarios)
def test_siguiente_dia_habil(fecha: D, calendario: Calendario | None) -> None:
    siguiente = siguiente_dia_habil(fecha, calendario)
    assert siguiente > fecha
    assert es_dia_habil(siguiente, calendario)
    assert dias_habiles_entre(fecha, siguiente, calendario) == 1
    desde = dia_habil_desde(fecha, calendario)
    assert desde == (fecha if es_dia_habil(fecha, calendario) else siguiente)
    assert (motivo_no_habil(fecha, calendario) is None) == es_dia_habil(fecha, calendario)


@given(trimestres, st.dates(min_value=D(2000, 1, 1), max_value=D(2061, 1, 31)))
def test_oportunidad_coherente(trimestre: Trimestre, envio: D) -> None:
    op = oportunidad(trimestre, envio)
    assert op.a_tiempo == (envio <= op.fecha_limite)
    assert op.anticipado == (envio <= trimestre.fin)
    if op.a_tiempo:
        assert op.dias_habiles_de_retraso == 0
    else:
        assert op.dias_habiles_de_retraso == dias_habiles_entre(op.fecha_limite, envio) >= 0


# --- Forma cerrada de dias_habiles_entre (issue 12) y cachés que se pueden vaciar (issue 13) ---


def _habiles_dia_a_dia(desde: D, hasta: D, calendario: Calendario | None) -> int:
    """La definición, contada día por día: los días hábiles d con desde < d <= hasta."""
    signo = 1
    if hasta < desde:
        desde, hasta, signo = hasta, desde, -1
    cuenta, dia = 0, desde + datetime.timedelta(days=1)
    while dia <= hasta:
        cuenta += es_dia_habil(dia, calendario)
        dia += datetime.timedelta(days=1)
    return signo * cuenta


_fechas_2020_2030 = st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31))


@given(
    _fechas_2020_2030,
    _fechas_2020_2030,
    st.none()
    | st.builds(
        lambda libres, trabajados: Calendario(no_habiles=libres, habiles=trabajados - libres),
        st.frozensets(_fechas_2020_2030, max_size=6),
        st.frozensets(_fechas_2020_2030, max_size=6),
    ),
)
def test_forma_cerrada_igual_a_contar_dia_por_dia(
    a: D, b: D, calendario: Calendario | None
) -> None:
    assert dias_habiles_entre(a, b, calendario) == _habiles_dia_a_dia(a, b, calendario)


def test_forma_cerrada_ejemplos_a_mano() -> None:
    # Año 2025 completo, (2024-12-31, 2025-12-31]: empieza en miércoles y tiene 365 días = 52
    # semanas + 1 día, así que 52 x 5 + 1 = 261 días de lunes a viernes. Sus 17 festivos: solo
    # el 20 de julio cae en domingo, los otros 16 entre semana -> 261 - 16 = 245.
    assert dias_habiles_entre(D(2024, 12, 31), D(2025, 12, 31)) == 245
    # 2022 empieza en sábado: 52 x 5 = 260 días de semana (el día 365 es sábado). De sus 18
    # festivos caen en fin de semana el 1 de enero, 1 de mayo, 7 de agosto y 25 de diciembre:
    # 14 entre semana -> 246.
    assert dias_habiles_entre(D(2022, 1, 1), D(2022, 12, 31)) == 246
    # Semana Santa 2022: del miércoles 13 al lunes 18 de abril: jueves y viernes santos y el fin
    # de semana no cuentan; solo el lunes 18.
    assert dias_habiles_entre(D(2022, 4, 13), D(2022, 4, 18)) == 1
    # Un día que la entidad declara hábil (sábado 2025-11-15) y uno no hábil (martes 2025-11-18).
    entidad = Calendario(habiles={D(2025, 11, 15)}, no_habiles={D(2025, 11, 18)})
    assert dias_habiles_entre(D(2025, 11, 14), D(2025, 11, 19)) == 2  # 18 y 19 (17 es festivo)
    assert dias_habiles_entre(D(2025, 11, 14), D(2025, 11, 19), entidad) == 2  # 15 y 19
    assert dias_habiles_entre(D(2025, 11, 14), D(2025, 11, 15), entidad) == 1  # el sábado
    assert dias_habiles_entre(D(2025, 11, 19), D(2025, 11, 14), entidad) == -2


def test_vaciar_caches_da_los_mismos_resultados() -> None:
    def calcular() -> tuple[D, int]:
        return (
            fecha_limite_reporte(Trimestre(2022, 1)),
            dias_habiles_entre(D(2022, 1, 1), D(2022, 12, 31)),
        )

    antes = calcular()
    modulo.vaciar_caches()
    assert modulo._conjuntos_por_año == {}
    assert modulo._limites == {}
    assert modulo._oportunidades == {}
    despues = calcular()
    assert antes == despues == (D(2022, 4, 18), 246)


# --- Issue 13 (prueba de mutación): límites con su día, mensajes completos, calendario de la
# entidad en REP-06. Fechas y días de la semana leídos de un calendario, no de la salida del código.


def test_primer_año_de_holidays() -> None:
    """INT-11: el primer año que ``holidays`` conoce para Colombia se calcula; el anterior es un
    error que nombra el rango. El 1 de enero de 1901 fue martes (Año Nuevo) y el 2, miércoles."""
    from holidays.countries.colombia import Colombia

    inicio, fin = Colombia.start_year, Colombia.end_year
    assert inicio == 1901
    assert not es_dia_habil(D(1901, 1, 1))
    assert motivo_no_habil(D(1901, 1, 1)) == "Año Nuevo"
    assert es_dia_habil(D(1901, 1, 2))
    assert siguiente_dia_habil(D(1901, 1, 1)) == D(1901, 1, 2)
    assert festivos(fin)  # el último año también tiene sus festivos
    for año in (inicio - 1, fin + 1):
        with pytest.raises(ErrorCalendario) as error:
            festivos(año)
        assert str(error.value) == (
            f"año: {año} está fuera del calendario de festivos conocido ({inicio}-{fin}); "
            "no se calcula un plazo sin festivos"
        )
        assert (error.value.codigo, error.value.campo, error.value.valor) == (
            "AÑO_FUERA_DE_CALENDARIO",
            "año",
            año,
        )


def test_mensajes_de_tipo_y_de_calendario() -> None:
    with pytest.raises(TipoInvalido) as calendario:
        es_dia_habil(D(2025, 1, 2), "festivos")  # type: ignore[arg-type]
    assert str(calendario.value) == "calendario: 'festivos' debe ser un Calendario (o quedar vacío)"
    assert calendario.value.valor == "festivos"
    with pytest.raises(TipoInvalido) as fechas_texto:
        Calendario(no_habiles="2025-01-02")  # type: ignore[arg-type]
    assert str(fechas_texto.value) == (
        "no_habiles: '2025-01-02' debe ser un conjunto de fechas (datetime.date)"
    )
    assert fechas_texto.value.valor == "2025-01-02"
    with pytest.raises(TipoInvalido) as bytes_:
        Calendario(habiles=b"x")  # type: ignore[arg-type]
    assert bytes_.value.campo == "habiles"
    with pytest.raises(TipoInvalido) as politica:
        fecha_limite_reporte(Trimestre(2025, 1), None)  # type: ignore[arg-type]
    assert str(politica.value) == "politica: vacío debe ser una Politica"  # issue 14: nunca None
    with pytest.raises(TipoInvalido) as trimestre:
        oportunidad("2025-T1", D(2025, 4, 1))  # type: ignore[arg-type]
    assert str(trimestre.value) == (
        "trimestre: '2025-T1' debe ser un Trimestre (por ejemplo Trimestre(2025, 1))"
    )
    with pytest.raises(TipoInvalido) as hasta:
        dias_habiles_entre(D(2025, 1, 1), "2025-01-02")  # type: ignore[arg-type]
    assert hasta.value.campo == "hasta"
    with pytest.raises(TipoInvalido) as envio:
        oportunidad(Trimestre(2025, 1), datetime.datetime(2025, 4, 1, 8))
    assert envio.value.campo == "fecha_envio"


def test_calendario_contradictorio_nombra_la_primera_fecha() -> None:
    with pytest.raises(ErrorCalendario) as error:
        Calendario(
            no_habiles={D(2025, 3, 4), D(2025, 1, 2), D(2025, 5, 6)},
            habiles={D(2025, 5, 6), D(2025, 3, 4)},
        )
    assert str(error.value) == (
        "habiles: 2025-03-04 también está en no_habiles; una fecha no puede ser hábil y no hábil "
        "a la vez"
    )
    assert (error.value.campo, error.value.valor) == ("habiles", "2025-03-04")


def test_rep06_retraso_con_calendario_de_la_entidad() -> None:
    """REP-06 (Actividad 9, Nota 2): 2025-T1 vence el martes 15 de abril de 2025. Enviado el lunes
    21: cuentan el miércoles 16 y el lunes 21 (17 y 18 fueron Jueves y Viernes Santo, 19-20 fin
    de semana): 2 días hábiles. Si la entidad no trabajó el 16, queda 1."""
    sin_16 = Calendario(no_habiles={D(2025, 4, 16)})
    nacional = oportunidad(Trimestre(2025, 1), D(2025, 4, 21))
    entidad = oportunidad(Trimestre(2025, 1), D(2025, 4, 21), calendario=sin_16)
    assert (nacional.fecha_limite, nacional.dias_habiles_de_retraso) == (D(2025, 4, 15), 2)
    assert (entidad.fecha_limite, entidad.dias_habiles_de_retraso) == (D(2025, 4, 15), 1)
    assert entidad.explicar() == (
        "2025-T1: enviado el 2025-04-21, fecha límite 2025-04-15: extemporáneo, 1 día hábil de "
        "retraso (PLE-PIN-P005 v8, Actividad 9, Nota 2)"
    )
    assert nacional.explicar() == (
        "2025-T1: enviado el 2025-04-21, fecha límite 2025-04-15: extemporáneo, 2 días hábiles de "
        "retraso (PLE-PIN-P005 v8, Actividad 9, Nota 2)"
    )
    # La entidad trabajó el sábado 19: el envío de ese sábado lleva 2 días (16 y 19).
    sabado = Calendario(habiles={D(2025, 4, 19)})
    assert oportunidad(Trimestre(2025, 1), D(2025, 4, 19), calendario=sabado) == Oportunidad(
        trimestre=Trimestre(2025, 1),
        fecha_envio=D(2025, 4, 19),
        fecha_limite=D(2025, 4, 15),
        a_tiempo=False,
        dias_habiles_de_retraso=2,
        anticipado=False,
    )


def test_rep06_plazo_cacheado_distingue_politica_y_calendario() -> None:
    """Actividad 9, Nota 2: 2026-T2 vence el miércoles 15 de julio de 2026; con un plazo de 13
    días, el lunes 13 (Chiquinquirá) → martes 14; con el 15 no hábil para la entidad, jueves 16.
    Pedidos en este orden, la caché de plazos no puede devolver uno por otro."""
    trece = attrs.evolve(POLITICA_PLE_PIN_P005_V8, dias_plazo_reporte=13)
    sin_15 = Calendario(no_habiles={D(2026, 7, 15)})
    for _ in range(2):  # la segunda vuelta sale de la caché
        assert fecha_limite_reporte(Trimestre(2026, 2)) == D(2026, 7, 15)
        assert fecha_limite_reporte(Trimestre(2026, 2), trece) == D(2026, 7, 14)
        assert fecha_limite_reporte(Trimestre(2026, 2), calendario=sin_15) == D(2026, 7, 16)
        assert fecha_limite_reporte(Trimestre(2026, 3)) == D(2026, 10, 15)
        assert fecha_limite_reporte(Trimestre(2025, 2)) == D(2025, 7, 15)
    assert oportunidad(Trimestre(2026, 2), D(2026, 7, 15), trece).dias_habiles_de_retraso == 1


def test_oportunidad_el_dia_limite_y_el_siguiente() -> None:
    """Actividad 9, Nota 2: el 15 de abril de 2022 fue Viernes Santo, así que 2022-T1 vence el
    lunes 18; enviado el 18 está a tiempo, el martes 19 lleva 1 día hábil de retraso."""
    assert oportunidad(Trimestre(2022, 1), D(2022, 4, 18)).a_tiempo
    tarde = oportunidad(Trimestre(2022, 1), D(2022, 4, 19))
    assert (tarde.a_tiempo, tarde.dias_habiles_de_retraso) == (False, 1)
    # INT-10: enviado el día de cierre (31 de marzo) es anticipado; el 1 de abril, no.
    assert oportunidad(Trimestre(2022, 1), D(2022, 3, 31)).explicar() == (
        "2022-T1: enviado el 2022-03-31, fecha límite 2022-04-18: a tiempo, pero enviado antes de "
        "terminar el trimestre (PLE-PIN-P005 v8, Actividad 9, Nota 2)"
    )
    assert not oportunidad(Trimestre(2022, 1), D(2022, 4, 1)).anticipado


def test_motivo_no_habil_orden_de_las_razones() -> None:
    """Un festivo que la entidad también declara no hábil se explica por la entidad; un sábado
    festivo (1 de enero de 2022) por su festivo; un sábado cualquiera, «sábado»."""
    entidad = Calendario(no_habiles={D(2025, 12, 8)})  # lunes, Inmaculada Concepción
    assert motivo_no_habil(D(2025, 12, 8), entidad) == "día no hábil declarado por la entidad"
    assert motivo_no_habil(D(2025, 12, 8)) == festivos(2025)[D(2025, 12, 8)]
    assert motivo_no_habil(D(2022, 1, 1)) == festivos(2022)[D(2022, 1, 1)]
    assert motivo_no_habil(D(2022, 1, 8)) == "sábado"
    assert motivo_no_habil(D(2022, 1, 9)) == "domingo"
    trabajado = Calendario(habiles={D(2022, 1, 8)})
    assert motivo_no_habil(D(2022, 1, 8), trabajado) is None
    assert es_dia_habil(D(2022, 1, 8), trabajado)


def test_calendario_de_la_entidad_en_cada_funcion() -> None:
    """Semana Santa de 2025: jueves 17 y viernes 18 de abril; 19-20 fin de semana. La entidad no
    trabaja el miércoles 16 (``sin_16``) o el martes 15 (``sin_15``)."""
    sin_16 = Calendario(no_habiles={D(2025, 4, 16)})
    sin_15 = Calendario(no_habiles={D(2025, 4, 15)})
    assert siguiente_dia_habil(D(2025, 4, 15)) == D(2025, 4, 16)
    assert siguiente_dia_habil(D(2025, 4, 15), sin_16) == D(2025, 4, 21)
    # Desde el domingo 13: el lunes 14 es hábil; si la entidad tampoco trabaja el 14, el martes 15.
    assert dia_habil_desde(D(2025, 4, 13), Calendario(no_habiles={D(2025, 4, 14)})) == D(
        2025, 4, 15
    )
    assert dia_habil_desde(D(2025, 4, 13)) == D(2025, 4, 14)
    # (15, 21]: 16 y 21 en el nacional; sin el 16, solo el 21. Al revés, con signo.
    assert dias_habiles_entre(D(2025, 4, 21), D(2025, 4, 15)) == -2
    assert dias_habiles_entre(D(2025, 4, 21), D(2025, 4, 15), sin_16) == -1
    # El extremo izquierdo no cuenta aunque la entidad lo declare no hábil: (16, 21] = {21}.
    assert dias_habiles_entre(D(2025, 4, 16), D(2025, 4, 21), sin_16) == 1
    # El extremo derecho sí cuenta: (15, 16] = {16}, que la entidad no trabaja -> 0.
    assert dias_habiles_entre(D(2025, 4, 15), D(2025, 4, 16), sin_16) == 0
    # Dos días trabajados en un fin de semana (sábado 15 y domingo 16 de noviembre de 2025).
    finde = Calendario(habiles={D(2025, 11, 15), D(2025, 11, 16)})
    assert dias_habiles_entre(D(2025, 11, 14), D(2025, 11, 16), finde) == 2
    assert dias_habiles_entre(D(2025, 11, 14), D(2025, 11, 16)) == 0
    # REP-06: sin el 15, el plazo de 2025-T1 pasa al 16 y un envío del 16 está a tiempo.
    op = oportunidad(Trimestre(2025, 1), D(2025, 4, 16), calendario=sin_15)
    assert (op.fecha_limite, op.a_tiempo) == (D(2025, 4, 16), True)
    assert not oportunidad(Trimestre(2025, 1), D(2025, 4, 16)).a_tiempo


def test_extremos_del_calendario_de_holidays() -> None:
    """Contar días en el primer y el último año conocidos no consulta el año de fuera: del martes
    1 de enero de 1901 al viernes 4 hay 3 días hábiles (2, 3 y 4)."""
    from holidays.countries.colombia import Colombia

    assert dias_habiles_entre(D(1901, 1, 1), D(1901, 1, 4)) == 3
    fin = Colombia.end_year
    diciembre = (D(fin, 12, 1), D(fin, 12, 31))
    assert dias_habiles_entre(*diciembre) == _habiles_dia_a_dia(*diciembre, None)


def test_mensajes_de_festivos_y_motivo() -> None:
    with pytest.raises(TipoInvalido) as error:
        festivos(True)
    assert str(error.value) == "año: True debe ser un entero"
    with pytest.raises(TipoInvalido) as motivo:
        motivo_no_habil("2025-01-01")  # type: ignore[arg-type]
    assert motivo.value.campo == "fecha"
    assert str(motivo.value).startswith("fecha: '2025-01-01' debe ser una fecha")


def test_año_sin_festivos_en_holidays(monkeypatch: pytest.MonkeyPatch) -> None:
    """INT-11: si ``holidays`` no diera festivos para un año de su rango, el plazo no se calcula
    sobre una lista vacía (defensa que los datos actuales del paquete no activan)."""
    import holidays.countries.colombia as fuente

    class SinFestivos(dict):  # type: ignore[type-arg]
        start_year, end_year = 1901, 2100

        def __init__(self, **_opciones: object) -> None:
            super().__init__()

    modulo.vaciar_caches()
    monkeypatch.setattr(fuente, "Colombia", SinFestivos)
    try:
        with pytest.raises(ErrorCalendario) as error:
            festivos(2030)
        assert str(error.value) == "año: 2030 no tiene festivos en el paquete holidays"
        assert (error.value.codigo, error.value.campo, error.value.valor) == (
            "AÑO_FUERA_DE_CALENDARIO",
            "año",
            2030,
        )
    finally:
        monkeypatch.undo()
        modulo.vaciar_caches()
    assert len(festivos(2030)) > 0


def test_plazo_calculado_una_vez(monkeypatch: pytest.MonkeyPatch) -> None:
    """El plazo de un trimestre (con la misma política y el mismo calendario) se calcula una vez y
    se guarda: pedirlo de nuevo no vuelve a buscar el día hábil (issue 12)."""
    llamadas: list[D] = []
    original = modulo.dia_habil_desde

    def contar(fecha: D, calendario: Calendario | None = None) -> D:
        llamadas.append(fecha)
        return original(fecha, calendario)

    modulo.vaciar_caches()
    monkeypatch.setattr(modulo, "dia_habil_desde", contar)
    entidad = Calendario(no_habiles={D(2025, 4, 15)})
    for _ in range(3):
        assert fecha_limite_reporte(Trimestre(2025, 1)) == D(2025, 4, 15)
        assert fecha_limite_reporte(Trimestre(2025, 1), calendario=entidad) == D(2025, 4, 16)
    assert llamadas == [D(2025, 4, 15), D(2025, 4, 15)]


def test_siguiente_dia_habil_del_ultimo_dia_representable() -> None:
    """Issue 13: ``siguiente_dia_habil(date(9999, 12, 31))`` era un ``OverflowError``: no hay
    un día siguiente que Python pueda representar."""
    from sdg_metas import ErrorCalendario, siguiente_dia_habil

    ultimo = datetime.date(9999, 12, 31)
    with pytest.raises(ErrorCalendario) as error:
        siguiente_dia_habil(ultimo)
    assert error.value.codigo == "AÑO_FUERA_DE_CALENDARIO"
    assert (error.value.campo, error.value.valor) == ("fecha", ultimo)
    assert str(error.value) == (
        "fecha: 9999-12-31 es el último día que se puede representar; no tiene un día hábil "
        "siguiente"
    )
