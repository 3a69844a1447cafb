"""Pruebas de ``Trimestre`` y de las vigencias (issue 13: cada límite, con su día).

El plan de gestión se sigue por trimestres de la vigencia (PLE-PIN-P005 v8, Actividad 9: «reporte
de seguimiento trimestral»): T1 enero-marzo, T2 abril-junio, T3 julio-septiembre, T4
octubre-diciembre. Las fechas esperadas se leyeron de un calendario, no de la salida del código.
"""

from __future__ import annotations

import datetime
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdg_metas import ErrorTrimestre, TipoInvalido, Trimestre
from sdg_metas.trimestre import VIGENCIA_MAXIMA, VIGENCIA_MINIMA, indice_trimestre


@pytest.mark.parametrize(
    ("numero", "inicio", "fin"),
    [
        (1, date(2024, 1, 1), date(2024, 3, 31)),
        (2, date(2024, 4, 1), date(2024, 6, 30)),
        (3, date(2024, 7, 1), date(2024, 9, 30)),
        (4, date(2024, 10, 1), date(2024, 12, 31)),
    ],
)
def test_inicio_y_fin_de_cada_trimestre(numero: int, inicio: date, fin: date) -> None:
    t = Trimestre(2024, numero)
    assert (t.inicio, t.fin) == (inicio, fin)
    assert t.contiene(inicio)
    assert t.contiene(fin)
    assert not t.contiene(inicio - datetime.timedelta(days=1))
    assert not t.contiene(fin + datetime.timedelta(days=1))
    assert Trimestre.de_fecha(inicio) == t
    assert Trimestre.de_fecha(fin) == t


def test_siguiente_y_anterior_cruzan_la_vigencia() -> None:
    assert Trimestre(2024, 4).siguiente() == Trimestre(2025, 1)
    assert Trimestre(2024, 2).siguiente() == Trimestre(2024, 3)
    assert Trimestre(2025, 1).anterior() == Trimestre(2024, 4)
    assert Trimestre(2025, 3).anterior() == Trimestre(2025, 2)


def test_orden_y_texto() -> None:
    assert Trimestre(2025, 4) < Trimestre(2026, 1)
    assert Trimestre(2025, 2) < Trimestre(2025, 3)
    assert str(Trimestre(2025, 2)) == "2025-T2"


@pytest.mark.parametrize("texto", ["2025-T2", "2025T2", "2025-t2", " 2025 - T 2 ", "2025t2"])
def test_desde_texto_formas_admitidas(texto: str) -> None:
    assert Trimestre.desde_texto(texto) == Trimestre(2025, 2)


@pytest.mark.parametrize(
    "texto", ["2025-T5", "2025-T0", "25-T2", "2025-Q2", "2025-T2x", "x2025-T2"]
)
def test_desde_texto_rechaza(texto: str) -> None:
    with pytest.raises(ErrorTrimestre) as error:
        Trimestre.desde_texto(texto)
    assert str(error.value) == (
        f"trimestre: {texto!r} no tiene la forma AAAA-Tn (por ejemplo 2025-T2), con n entre 1 y 4"
    )
    assert (error.value.codigo, error.value.campo, error.value.valor) == (
        "TRIMESTRE_INVALIDO",
        "trimestre",
        texto,
    )


def test_desde_texto_exige_texto() -> None:
    with pytest.raises(TipoInvalido) as error:
        Trimestre.desde_texto(20252)  # type: ignore[arg-type]
    assert str(error.value) == "trimestre: 20252 debe ser un texto como '2025-T2'"
    assert (error.value.campo, error.value.valor) == ("trimestre", 20252)


def test_vigencias_limite() -> None:
    """Las vigencias admitidas van de 1900 a 9998 (9998 para que su T4 tenga siguiente)."""
    assert (VIGENCIA_MINIMA, VIGENCIA_MAXIMA) == (1900, 9998)
    assert Trimestre(1900, 1).inicio == date(1900, 1, 1)
    assert Trimestre(9998, 4).fin == date(9998, 12, 31)
    for vigencia in (1899, 9999):
        with pytest.raises(ErrorTrimestre) as error:
            Trimestre(vigencia, 1)
        assert str(error.value) == (
            f"vigencia: {vigencia} está fuera del rango admitido (1900–9998)"
        )
        assert (error.value.codigo, error.value.campo, error.value.valor) == (
            "VIGENCIA_INVALIDA",
            "vigencia",
            vigencia,
        )


@pytest.mark.parametrize("numero", [0, 5, -1])
def test_numero_fuera_de_1_a_4(numero: int) -> None:
    with pytest.raises(ErrorTrimestre) as error:
        Trimestre(2025, numero)
    assert str(error.value) == f"numero: {numero} no es un trimestre; debe estar entre 1 y 4"
    assert (error.value.codigo, error.value.campo, error.value.valor) == (
        "TRIMESTRE_INVALIDO",
        "numero",
        numero,
    )


def test_tipos_de_vigencia_y_numero() -> None:
    with pytest.raises(TipoInvalido) as vigencia:
        Trimestre("2025", 1)  # type: ignore[arg-type]
    assert (vigencia.value.campo, vigencia.value.valor) == ("vigencia", "2025")
    with pytest.raises(TipoInvalido) as numero:
        Trimestre(2025, True)
    assert (numero.value.campo, numero.value.valor) == ("numero", True)


def test_fechas_exigen_date() -> None:
    momento = datetime.datetime(2025, 5, 1, 8, 0)
    with pytest.raises(TipoInvalido) as contiene:
        Trimestre(2025, 2).contiene(momento)
    assert contiene.value.campo == "fecha"
    with pytest.raises(TipoInvalido) as de_fecha:
        Trimestre.de_fecha(momento)
    assert de_fecha.value.campo == "fecha"


def test_indice_trimestre() -> None:
    assert [indice_trimestre(n) for n in (1, 2, 3, 4)] == [0, 1, 2, 3]
    assert indice_trimestre(Trimestre(2025, 3)) == 2
    for malo in (True, "1", 1.0):
        with pytest.raises(TipoInvalido) as tipo:
            indice_trimestre(malo)
        assert str(tipo.value) == (
            f"trimestre: {malo!r} debe ser un número de trimestre (1..4) o un Trimestre"
        )
        assert (tipo.value.campo, tipo.value.valor) == ("trimestre", malo)
    for fuera in (0, 5):
        with pytest.raises(ErrorTrimestre) as error:
            indice_trimestre(fuera)
        assert str(error.value) == f"trimestre: {fuera} no es un trimestre; debe estar entre 1 y 4"
        assert (error.value.campo, error.value.valor) == ("trimestre", fuera)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9998, 12, 31)))
def test_de_fecha_contiene_la_fecha(fecha: date) -> None:
    """Propiedad: el trimestre de una fecha la contiene, y el anterior y el siguiente no."""
    t = Trimestre.de_fecha(fecha)
    assert t.contiene(fecha)
    assert t.inicio <= fecha <= t.fin
    assert t.fin + datetime.timedelta(days=1) == (
        t.siguiente().inicio if t != Trimestre(9998, 4) else date(9999, 1, 1)
    )
    if t != Trimestre(1900, 1):
        assert not t.anterior().contiene(fecha)
        assert t.anterior().siguiente() == t
