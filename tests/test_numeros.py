"""Pruebas de la conversión de números y de la presentación de porcentajes."""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sdg_metas import ErrorNumero, ErrorSdgMetas, TipoInvalido, a_decimal, porcentaje, redondear
from sdg_metas.numeros import (
    CIFRA_MAXIMA,
    CIFRA_MINIMA,
    a_decimal_opcional,
    texto_numero,
)


@pytest.mark.parametrize(
    ("entrada", "esperado"),
    [
        (3, Decimal("3")),
        ("12.50", Decimal("12.50")),
        (" 7 ", Decimal("7")),
        (Decimal("0.25"), Decimal("0.25")),
        (0.1, Decimal("0.1")),  # float entra por str(): 0.1 es exactamente una décima
        (2.5, Decimal("2.5")),
        ("1e2", Decimal("100")),
        ("-0", Decimal("0")),
    ],
)
def test_conversiones_validas(entrada: object, esperado: Decimal) -> None:
    assert a_decimal(entrada) == esperado


def test_float_suma_exacta() -> None:
    # 0.1 + 0.1 + 0.1 en float es 0.30000000000000004; por str() es exactamente 0.3.
    total = a_decimal(0.1) + a_decimal(0.1) + a_decimal(0.1)
    assert total == Decimal("0.3")
    assert str(total) == "0.3"


def test_negativo_permitido_si_se_pide() -> None:
    assert a_decimal("-4.5", negativo=True) == Decimal("-4.5")


@pytest.mark.parametrize(
    ("entrada", "codigo", "fragmento"),
    [
        ("abc", "NUMERO_INVALIDO", "'abc' no es un número"),
        ("", "NUMERO_INVALIDO", "no es un número"),
        ("NaN", "NUMERO_INVALIDO", "no es un número finito"),
        ("sNaN", "NUMERO_INVALIDO", "no es un número finito"),
        ("Infinity", "NUMERO_INVALIDO", "no es un número finito"),
        ("-Infinity", "NUMERO_INVALIDO", "no es un número finito"),
        (float("nan"), "NUMERO_INVALIDO", "no es un número finito"),
        (float("inf"), "NUMERO_INVALIDO", "no es un número finito"),
        (Decimal("NaN"), "NUMERO_INVALIDO", "no es un número finito"),
        ("1,5", "NUMERO_INVALIDO", "punto decimal: 1.5"),
        ("1.234,5", "NUMERO_INVALIDO", "sin separador de miles"),
        ("-1", "NUMERO_INVALIDO", "es negativo"),
        (-0.5, "NUMERO_INVALIDO", "es negativo"),
    ],
)
def test_rechazos(entrada: object, codigo: str, fragmento: str) -> None:
    with pytest.raises(ErrorNumero) as info:
        a_decimal(entrada, campo="magnitud")
    assert info.value.codigo == codigo
    assert info.value.campo == "magnitud"
    assert str(info.value).startswith("magnitud: ")
    assert fragmento in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("entrada", [True, False, None, [1], object(), b"1"])
def test_tipos_invalidos(entrada: object) -> None:
    with pytest.raises(TipoInvalido) as info:
        a_decimal(entrada, campo="peso")
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, ErrorSdgMetas)
    assert info.value.codigo == "TIPO_INVALIDO"
    assert "peso" in str(info.value)


def test_opcional() -> None:
    assert a_decimal_opcional(None) is None
    assert a_decimal_opcional("2") == Decimal(2)


@pytest.mark.parametrize(
    ("fraccion", "decimales", "esperado"),
    [
        (Decimal("0.756789"), 2, Decimal("75.68")),
        (Decimal("0.12345"), 2, Decimal("12.35")),  # ROUND_HALF_UP: ...345 -> ...35
        (Decimal("0.125"), 1, Decimal("12.5")),
        (Decimal("0.00005"), 2, Decimal("0.01")),  # 0.005 % -> 0.01 (mitad hacia arriba)
        (Decimal("-0.12345"), 2, Decimal("-12.35")),  # mitad alejándose de cero
        (Decimal("1"), 0, Decimal("100")),
        (Decimal("2") / Decimal("3"), 2, Decimal("66.67")),
    ],
)
def test_porcentaje(fraccion: Decimal, decimales: int, esperado: Decimal) -> None:
    resultado = porcentaje(fraccion, decimales)
    assert resultado == esperado
    assert resultado is not None
    assert resultado.as_tuple().exponent == -decimales


def test_porcentaje_none_y_nan() -> None:
    assert porcentaje(None) is None
    with pytest.raises(ErrorNumero):
        porcentaje(Decimal("NaN"))
    with pytest.raises(ErrorNumero):
        redondear(Decimal("1"), -1)
    with pytest.raises(ErrorNumero):
        redondear(Decimal("1"), True)


def test_no_depende_del_contexto_global() -> None:
    # Un cuaderno con prec=4 y redondeo hacia abajo no cambia los resultados.
    with decimal.localcontext() as ctx:
        ctx.prec = 4
        ctx.rounding = decimal.ROUND_DOWN
        assert porcentaje(Decimal("0.12345")) == Decimal("12.35")
        assert redondear(Decimal("123456.785")) == Decimal("123456.79")


def test_texto_numero() -> None:
    assert texto_numero(Decimal("4.2E+2")) == "420"
    assert texto_numero(Decimal("94.665")) == "94.67"
    assert texto_numero(Decimal("-0.001")) == "0"
    assert texto_numero(Decimal("2.50")) == "2.5"
    assert texto_numero(None) == "—"
    assert texto_numero(None, nulo="") == ""


@given(st.decimals(min_value=-CIFRA_MAXIMA, max_value=CIFRA_MAXIMA, places=6))
def test_texto_ida_y_vuelta(valor: Decimal) -> None:
    assert a_decimal(str(valor), negativo=True) == valor


@given(st.floats(min_value=0, max_value=1e15))
def test_float_por_str(valor: float) -> None:
    esperado = Decimal(str(valor))
    assume(esperado.is_zero() or esperado >= CIFRA_MINIMA)
    assert a_decimal(valor) == esperado


@given(
    st.builds(
        lambda signo, mantisa, exponente: Decimal(f"{signo}{mantisa}E{exponente}"),
        st.sampled_from(["", "-"]),
        st.integers(1, 999_999),
        st.integers(16, 999) | st.integers(-999, -27),
    )
)
def test_fuera_de_rango(valor: Decimal) -> None:
    """Una cifra fuera del rango documentado (0, o de 10^-20 a 10^15) se rechaza siempre, con su
    código, también como texto: nunca llega a un cálculo (issue 15)."""
    assert not CIFRA_MINIMA <= valor.copy_abs() <= CIFRA_MAXIMA
    for entrada in (valor, str(valor)):
        with pytest.raises(ErrorNumero) as error:
            a_decimal(entrada, "ejecucion", negativo=True)
        assert error.value.codigo == "NUMERO_FUERA_DE_RANGO"
        assert error.value.campo == "ejecucion"


@pytest.mark.parametrize(
    ("texto", "esperado"),
    [
        ("1000000000000000", Decimal(10) ** 15),  # el límite mismo: 10^15
        ("-1E+15", -(Decimal(10) ** 15)),
        ("0.00000000000000000001", Decimal("1E-20")),  # la cifra mínima: 10^-20
        ("0.000000000000000000000", Decimal(0)),  # un cero con muchos decimales sigue siendo 0
        ("0.33333333333333333333333333333333", Decimal("0.33333333333333333333333333333333")),
        (" +12.5 ", Decimal("12.5")),
        ("5.", Decimal(5)),
        (".5", Decimal("0.5")),
    ],
)
def test_gramatica_y_limites_aceptados(texto: str, esperado: Decimal) -> None:
    assert a_decimal(texto, negativo=True) == esperado


@pytest.mark.parametrize(
    ("texto", "codigo"),
    [
        ("1000000000000000.1", "NUMERO_FUERA_DE_RANGO"),
        ("0.000000000000000000009", "NUMERO_FUERA_DE_RANGO"),  # menos que 10^-20
        ("1e49", "NUMERO_FUERA_DE_RANGO"),
        ("1e999999999", "NUMERO_FUERA_DE_RANGO"),
        ("1_000", "NUMERO_INVALIDO"),  # los guiones bajos de Python no son un número
        ("١٢٣", "NUMERO_INVALIDO"),  # dígitos arábigo-índicos
        ("１２", "NUMERO_INVALIDO"),  # dígitos de ancho completo
        ("1 000", "NUMERO_INVALIDO"),
        ("0x10", "NUMERO_INVALIDO"),
        ("1e", "NUMERO_INVALIDO"),
        ("--1", "NUMERO_INVALIDO"),
    ],
)
def test_gramatica_y_limites_rechazados(texto: str, codigo: str) -> None:
    with pytest.raises(ErrorNumero) as error:
        a_decimal(texto, "magnitud", negativo=True)
    assert error.value.codigo == codigo
    assert error.value.campo == "magnitud"


def test_redondear_fuera_de_los_digitos_del_contexto() -> None:
    # 10^60 con 2 decimales necesita 63 dígitos: un error claro, nunca InvalidOperation.
    with pytest.raises(ErrorNumero) as error:
        porcentaje(Decimal("1E+58"))
    assert error.value.codigo == "NUMERO_FUERA_DE_RANGO"


@given(st.decimals(allow_nan=False, allow_infinity=False, places=8, min_value=-10, max_value=10))
def test_porcentaje_redondea_a_lo_mas_medio_centesimo(valor: Decimal) -> None:
    presentado = porcentaje(valor)
    assert presentado is not None
    assert abs(presentado - valor * 100) <= Decimal("0.005")
