"""Pruebas de la conversión de números y de la presentación de porcentajes."""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sdg_metas import (
    ErrorNumero,
    ErrorSdgMetas,
    TipoInvalido,
    a_decimal,
    numeros,
    porcentaje,
    redondear,
)
from sdg_metas.numeros import (
    CIFRA_MAXIMA,
    CIFRA_MINIMA,
    a_decimal_opcional,
    cifra_valida,
    cifras_validas,
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


# --- Issue 13 (prueba de mutación): el mensaje, el código, el campo y el valor de cada error son
# parte del contrato. Cada mensaje esperado se escribió a mano a partir de la regla que anuncia.

_LISTA: list[int] = [1]


@pytest.mark.parametrize(
    ("entrada", "clase", "codigo", "mensaje"),
    [
        (True, TipoInvalido, "TIPO_INVALIDO", "peso: True es un booleano, no un número"),
        (None, TipoInvalido, "TIPO_INVALIDO", "peso: falta el número (se recibió None)"),
        (
            _LISTA,
            TipoInvalido,
            "TIPO_INVALIDO",
            (
                "peso: [1] es de tipo list; se espera un número (int, Decimal, float o texto con "
                "punto decimal)"
            ),
        ),
        (Decimal("NaN"), ErrorNumero, "NUMERO_INVALIDO",
         # issue 13 (API hostil): el valor como se escribe, no su repr Decimal('NaN')
         "peso: NaN no es un número finito"),
        ("-2", ErrorNumero, "NUMERO_INVALIDO",
         "peso: -2 es negativo; debe ser mayor o igual que 0"),
        (
            "2e15",
            ErrorNumero,
            "NUMERO_FUERA_DE_RANGO",
            (
                "peso: 2e15 está fuera del rango de una cifra de un plan (0, o entre 10^-20 "
                "y 10^15 en valor absoluto)"
            ),
        ),
        (
            "1.234,5",
            ErrorNumero,
            "NUMERO_INVALIDO",
            (
                "peso: '1.234,5' usa coma decimal; escriba el número con punto decimal y sin "
                "separador de miles"
            ),
        ),
        ("abc", ErrorNumero, "NUMERO_INVALIDO", "peso: 'abc' no es un número"),
        # "X" no es un signo: "Xinf" no es un infinito escrito con signo, es un texto cualquiera.
        ("Xinf", ErrorNumero, "NUMERO_INVALIDO", "peso: 'Xinf' no es un número"),
        ("-inf", ErrorNumero, "NUMERO_INVALIDO", "peso: '-inf' no es un número finito"),
        (
            "1e9999999999999999999",
            ErrorNumero,
            "NUMERO_FUERA_DE_RANGO",
            "peso: '1e9999999999999999999' está fuera del rango de una cifra de un plan",
        ),
    ],
)
def test_error_completo(entrada: object, clase: type, codigo: str, mensaje: str) -> None:
    """Cada rechazo lleva su clase, su código, el campo pedido, el valor original tal cual llegó y
    el mensaje exacto (que no muestra reprs de Python salvo el del valor recibido)."""
    with pytest.raises(clase) as error:
        a_decimal(entrada, "peso")
    assert str(error.value) == mensaje
    assert error.value.codigo == codigo
    assert error.value.campo == "peso"
    assert error.value.valor is entrada


def test_float_rechazado_conserva_el_float_original() -> None:
    """Un float se convierte por su texto, pero el error muestra y guarda el float recibido."""
    infinito = float("inf")
    with pytest.raises(ErrorNumero) as error:
        a_decimal(infinito, "peso")
    assert error.value.valor is infinito
    assert str(error.value).startswith("peso: ")
    assert "inf" in str(error.value)
    assert str(error.value).endswith(" no es un número finito")


def test_campo_por_defecto_es_valor() -> None:
    for funcion in (a_decimal, a_decimal_opcional):
        with pytest.raises(ErrorNumero) as error:
            funcion("-1")
        assert error.value.campo == "valor"
        assert str(error.value) == "valor: -1 es negativo; debe ser mayor o igual que 0"


def test_opcional_pasa_campo_y_negativo() -> None:
    """``a_decimal_opcional`` rechaza negativos por defecto y los admite si se pide."""
    with pytest.raises(ErrorNumero) as error:
        a_decimal_opcional("-1", "ejecucion")
    assert error.value.campo == "ejecucion"
    assert error.value.valor == "-1"
    assert a_decimal_opcional("-1", "ejecucion", negativo=True) == Decimal(-1)


def test_exponente_enorme_con_el_contexto_global_sin_trampas() -> None:
    """Aunque el contexto global no atrape operaciones inválidas (Decimal("1e…") daría NaN), la
    conversión usa su propio contexto y el error es el de rango."""
    with decimal.localcontext() as ctx:
        ctx.traps[decimal.InvalidOperation] = False
        with pytest.raises(ErrorNumero) as error:
            a_decimal("1e9999999999999999999", "meta")
    assert error.value.codigo == "NUMERO_FUERA_DE_RANGO"
    assert error.value.campo == "meta"
    assert error.value.valor == "1e9999999999999999999"


def test_redondear_en_el_limite_de_los_50_digitos() -> None:
    """1E+47 con 2 decimales ocupa 48 + 2 = 50 dígitos, justo los del contexto; 1E+48, 51."""
    assert redondear(Decimal("1E+47")) == Decimal(10) ** 47
    assert str(redondear(Decimal("1E+47"))) == "1" + "0" * 47 + ".00"
    with pytest.raises(ErrorNumero) as error:
        redondear(Decimal("1E+48"))
    assert error.value.codigo == "NUMERO_FUERA_DE_RANGO"
    assert error.value.campo == "valor"
    assert error.value.valor == Decimal("1E+48")
    assert str(error.value) == "valor: 1E+48 no se puede presentar con 2 decimales en 50 dígitos"
    # 1E+45 con 4 decimales: 46 + 4 = 50 (cabe); con 5 decimales, 51 (no cabe).
    assert redondear(Decimal("1E+45"), 4) == Decimal(10) ** 45
    with pytest.raises(ErrorNumero):
        redondear(Decimal("1E+45"), 5)


def test_redondear_errores_de_sus_argumentos() -> None:
    with pytest.raises(ErrorNumero) as error:
        redondear(Decimal(1), -1)
    assert str(error.value) == "decimales: -1 debe ser un entero mayor o igual que 0"
    assert (error.value.campo, error.value.valor) == ("decimales", -1)
    with pytest.raises(TipoInvalido) as tipo:
        redondear(None)  # type: ignore[arg-type]
    assert tipo.value.campo == "valor"
    with pytest.raises(ErrorNumero) as nan:
        porcentaje(Decimal("NaN"))
    assert nan.value.campo == "fraccion"
    # issue 13 (API hostil): NaN como se escribe, no su repr Decimal('NaN')
    assert str(nan.value) == "fraccion: NaN no es un número finito"


def test_texto_numero_decimales_y_numeros_pequenos() -> None:
    # 2.5 a 0 decimales: mitad hacia arriba -> 3; 0.0000001 a 8 decimales, sin notación científica.
    assert texto_numero(Decimal("2.5"), 0) == "3"
    assert texto_numero(Decimal("0.0000001"), 8) == "0.0000001"
    assert texto_numero(Decimal("1.2345"), 3) == "1.235"


# --- cifra_valida y cifras_validas (caminos rápidos internos, issue 12) --------------------------
# «Rango de una cifra» (docstring del módulo): 0, o un valor absoluto entre 10^-20 y 10^15. Cada
# caso es lo que a_decimal devolvería tal cual (True) o lo que rechazaría o cambiaría (False).

_LIMITES_CIFRA = [
    (Decimal("1e-20"), True),  # el menor valor distinto de 0
    (Decimal("1e-21"), False),  # menor que el mínimo
    (Decimal("9.99e-21"), False),
    (Decimal("1e15"), True),  # el mayor
    (Decimal("1000000000000000.0000000001"), False),  # apenas mayor que el máximo
    (Decimal(0), True),
    (Decimal("0E+3"), True),  # otro cero sin signo
    (Decimal("0.00"), True),
    (Decimal("-0"), False),  # a_decimal le quita el signo: no lo devolvería tal cual
    (Decimal("-0.00"), False),
    (Decimal("-1e-20"), False),
    (Decimal(-1), False),
    (Decimal("-1e15"), False),
    (Decimal("NaN"), False),
    (Decimal("sNaN"), False),
    (Decimal("Infinity"), False),
    (Decimal("-Infinity"), False),
    (Decimal("25.5"), True),
]


@pytest.mark.parametrize(("valor", "valida"), _LIMITES_CIFRA)
def test_cifra_valida_en_los_limites(valor: Decimal, valida: bool) -> None:
    assert cifra_valida(valor) is valida
    assert cifras_validas((valor,)) is valida
    assert cifras_validas((None, Decimal(1), valor, None)) is valida
    if valida:  # lo que a_decimal devuelve tal cual
        assert a_decimal(valor) is valor


def test_cifras_validas_solo_decimal_exacto_o_none() -> None:
    class OtroDecimal(Decimal):
        pass

    assert cifras_validas(()) is True
    assert cifras_validas((None, None, None, None)) is True
    assert cifras_validas((Decimal(1), Decimal(2), Decimal(3), Decimal(4))) is True
    # un int, un texto, un float, un bool o una subclase de Decimal no son «ya válidos»
    for otro in (1, "1", 1.0, True, OtroDecimal(1)):
        assert cifras_validas((Decimal(1), otro)) is False
    # el primer valor inválido basta, esté donde esté
    assert cifras_validas((Decimal(-1), Decimal(1))) is False
    assert cifras_validas((Decimal(1), None, None, Decimal("1e16"))) is False


# --- Cifras compartidas y caminos rápidos de a_decimal (issue 12) -------------------------------
# docs/escala.md: «a_decimal devuelve el mismo objeto para la misma cifra escrita igual (los
# enteros 0..1000 y hasta 4 096 textos cortos ya vistos)»; un texto se recuerda como ya aceptado
# solo si pasó todas las comprobaciones *con los argumentos por defecto* (sin negativo, con rango).


@pytest.fixture
def memorias_vacias(monkeypatch: pytest.MonkeyPatch) -> None:
    """Memorias de textos vacías y de a lo sumo 2 entradas, sin tocar las del resto de pruebas."""
    monkeypatch.setattr(numeros, "_INTERNADOS", {})
    monkeypatch.setattr(numeros, "_CIFRAS_VALIDAS", {})
    monkeypatch.setattr(numeros, "_MAXIMO_INTERNADOS", 2)


def test_enteros_compartidos_y_enteros_grandes() -> None:
    # 0..1000 son siempre el mismo objeto, por cualquier camino (también con negativo=True)
    for n in (0, 7, 1000):
        assert a_decimal(n) is a_decimal(n, negativo=True) is a_decimal(n, rango=False)
        assert a_decimal(n) == Decimal(n)
    # fuera de 0..1000: el valor exacto, por el camino de siempre
    assert a_decimal(1001) == Decimal(1001)
    assert a_decimal(1001, negativo=True) == Decimal(1001)
    assert a_decimal(5000, negativo=True) == Decimal(5000)
    assert a_decimal(-3, negativo=True) == Decimal(-3)


@pytest.mark.parametrize("signo", ["", "+"])  # con "+" no es simple: va por el camino completo
def test_textos_compartidos_hasta_24_caracteres(signo: str, memorias_vacias: None) -> None:
    corto = (signo + "1.00000000000000000000001")[:24]  # 24 caracteres
    largo = signo + "1.00000000000000000000001"[: 25 - len(signo)]  # 25
    assert len(corto) == 24
    assert len(largo) == 25
    # negativo=True no usa la memoria de textos aceptados: pasa por la de textos convertidos
    assert a_decimal(corto, negativo=True) is a_decimal(corto, negativo=True)
    assert a_decimal(largo, negativo=True) is not a_decimal(largo, negativo=True)
    assert a_decimal(largo, negativo=True) == Decimal(largo)
    assert list(numeros._INTERNADOS) == [corto]
    a_decimal(corto)
    a_decimal(largo)
    assert list(numeros._CIFRAS_VALIDAS) == [corto]


@pytest.mark.parametrize("signo", ["", "+"])
def test_memorias_de_textos_acotadas(signo: str, memorias_vacias: None) -> None:
    for texto in ("1", "2", "3", "4"):
        assert a_decimal(signo + texto) == Decimal(texto)
    assert list(numeros._INTERNADOS) == [signo + "1", signo + "2"]
    assert list(numeros._CIFRAS_VALIDAS) == [signo + "1", signo + "2"]


def test_vaciar_memorias_olvida_los_textos_y_no_cambia_las_cifras(memorias_vacias: None) -> None:
    primero = a_decimal("12.5")
    a_decimal("-3", negativo=True)
    assert list(numeros._CIFRAS_VALIDAS) == ["12.5"]
    assert set(numeros._INTERNADOS) == {"12.5", "-3"}
    numeros.vaciar_memorias()
    assert numeros._INTERNADOS == {} == numeros._CIFRAS_VALIDAS
    otra_vez = a_decimal("12.5")
    assert otra_vez == primero == Decimal("12.5")
    assert otra_vez is not primero  # convertida de nuevo, no recordada


def test_la_memoria_de_textos_cubre_un_año_de_distrito() -> None:
    # docs/escala.md, «Memorias del proceso»: 16 384 textos en cada memoria
    assert numeros._MAXIMO_INTERNADOS == 16_384


@pytest.mark.parametrize(
    ("texto", "esperado"),
    [
        ("0", Decimal(0)),
        ("0.00000000000000000001", Decimal("1e-20")),  # el mínimo distinto de 0, incluido
        ("1000000000000000", Decimal(10**15)),  # el máximo, incluido
        ("1000000000000000.1", None),  # fuera de rango: lo rechaza el camino completo
        ("0.000000000000000000009", None),
    ],
)
def test_simple_directo(texto: str, esperado: Decimal | None, memorias_vacias: None) -> None:
    """``_simple`` (interno) da la cifra en rango y ``None`` fuera de él."""
    assert numeros._simple(texto) == esperado


def test_un_texto_aceptado_con_otros_argumentos_no_se_recuerda(memorias_vacias: None) -> None:
    # aceptado con negativo=True (-5 ≥ 0 no se exige) o rango=False (10^16 > 10^15 no se exige):
    # con los argumentos por defecto debe rechazarse igual
    assert a_decimal("-5", negativo=True) == Decimal(-5)
    assert a_decimal("1e16", rango=False) == Decimal("1e16")
    assert numeros._CIFRAS_VALIDAS == {}
    with pytest.raises(ErrorNumero) as negativo:
        a_decimal("-5")
    assert negativo.value.codigo == "NUMERO_INVALIDO"
    with pytest.raises(ErrorNumero) as grande:
        a_decimal("1e16")
    assert grande.value.codigo == "NUMERO_FUERA_DE_RANGO"


def test_redondear_con_mas_de_nueve_decimales() -> None:
    # 2.00000000005 a 10 decimales, mitad hacia arriba: 2.0000000001
    assert str(redondear(Decimal("2.00000000005"), 10)) == "2.0000000001"
    # 0.123456789012345 a 12 decimales: 0.123456789012 (el 13.º dígito, 3, baja)
    assert str(redondear(Decimal("0.123456789012345"), 12)) == "0.123456789012"


def test_redondear_menos_cero_y_no_finitos() -> None:
    # -0 se presenta sin signo, como lo convierte a_decimal
    assert str(redondear(Decimal("-0"))) == "0.00"
    assert str(porcentaje(Decimal("-0"))) == "0.00"
    with pytest.raises(ErrorNumero, match="no es un número finito") as error:
        redondear(Decimal("NaN"))
    assert error.value.campo == "valor"


# --- Texto simple: solo dígitos y a lo sumo un punto (camino rápido, issue 12) ---------------


@given(st.from_regex(r"[0-9]{1,12}(\.[0-9]{0,11})?|\.[0-9]{1,12}", fullmatch=True))
def test_texto_simple_igual_al_camino_completo(texto: str) -> None:
    """Un texto de solo dígitos (como se escriben casi todas las cifras de una hoja) da el mismo
    Decimal, dígito por dígito, que el camino completo (con espacios alrededor, que el camino
    rápido no acepta y el completo quita)."""
    esperado = Decimal(texto)
    if not esperado.is_zero() and not CIFRA_MINIMA <= esperado <= CIFRA_MAXIMA:
        with pytest.raises(ErrorNumero) as rapido:
            a_decimal(texto, "ejecucion")
        with pytest.raises(ErrorNumero) as completo:
            a_decimal(f" {texto} ", "ejecucion")
        assert rapido.value.codigo == completo.value.codigo == "NUMERO_FUERA_DE_RANGO"
        return
    assert a_decimal(texto, "ejecucion").as_tuple() == esperado.as_tuple()
    assert a_decimal(f" {texto} ", "ejecucion").as_tuple() == esperado.as_tuple()


@pytest.mark.parametrize(
    ("texto", "esperado"),
    [
        ("12.50", Decimal("12.50")),  # los ceros del final se conservan
        ("5.", Decimal("5")),
        (".5", Decimal("0.5")),
        ("0.000", Decimal("0.000")),  # cero sin signo, fuera de la comprobación de rango
        ("1000000000000000", Decimal(10**15)),  # 10^15: el máximo de una cifra
        ("0.00000000000000000001", Decimal("1e-20")),  # 10^-20: el mínimo distinto de 0
    ],
)
def test_texto_simple_a_mano(texto: str, esperado: Decimal, memorias_vacias: None) -> None:
    numero = a_decimal(texto, "ejecucion")
    assert numero.as_tuple() == esperado.as_tuple()
    assert a_decimal(texto, "ejecucion") is numero  # la segunda vez, el recordado
    assert {texto: numero} == numeros._CIFRAS_VALIDAS
    assert {texto: numero} == numeros._INTERNADOS


@pytest.mark.parametrize(
    ("texto", "codigo"),
    [
        ("1000000000000001", "NUMERO_FUERA_DE_RANGO"),  # 10^15 + 1
        ("0.000000000000000000009", "NUMERO_FUERA_DE_RANGO"),  # 9 × 10^-21
        (".", "NUMERO_INVALIDO"),  # sin dígitos: no es simple ni cumple la gramática
        ("1" * 25, "NUMERO_FUERA_DE_RANGO"),  # largo: el camino completo
    ],
)
def test_texto_simple_rechazos(texto: str, codigo: str, memorias_vacias: None) -> None:
    with pytest.raises(ErrorNumero) as error:
        a_decimal(texto, "ejecucion")
    assert error.value.codigo == codigo
    assert error.value.campo == "ejecucion"
    assert error.value.valor == texto
    assert numeros._CIFRAS_VALIDAS == {}


def test_texto_simple_usa_el_internado(memorias_vacias: None) -> None:
    """Un texto ya convertido por otro camino (con ``negativo=True``) se comparte."""
    antes = a_decimal("7.25", negativo=True)
    assert a_decimal("7.25") is antes
    assert {"7.25": antes} == numeros._CIFRAS_VALIDAS


def test_cifras_hostiles_dan_un_error_corto() -> None:
    """Issue 13: un texto de un millón de dígitos no infla el mensaje (antes lo repetía entero)
    y ``porcentaje(1e999999)`` era un ``decimal.Overflow``. 10^999 999 × 100 no cabe en el
    contexto de 50 dígitos: NUMERO_FUERA_DE_RANGO."""
    with pytest.raises(ErrorNumero) as grande:
        a_decimal("9" * 1_000_000, "peso")
    assert grande.value.codigo == "NUMERO_FUERA_DE_RANGO"
    assert str(grande.value) == (
        "peso: '" + "9" * 120 + "'… (1000000 caracteres) está fuera del rango de una cifra de "
        "un plan (0, o entre 10^-20 y 10^15 en valor absoluto)"
    )
    with pytest.raises(ErrorNumero) as enorme:
        porcentaje(Decimal("1e999999"))
    assert enorme.value.codigo == "NUMERO_FUERA_DE_RANGO"
    assert str(enorme.value) == "fraccion: 1E+999999 está fuera del rango de un porcentaje"


# --- Mutantes que sobrevivieron a la ronda de entradas hostiles (issue 13) ----------------------


def test_cifra_negativa_de_hasta_120_caracteres_se_muestra_tal_cual() -> None:
    """Una cifra recibida como texto de a lo sumo ``MAX_MOSTRAR`` (120) caracteres se muestra
    tal cual, sin comillas; una de 121 ya se muestra recortada, entre comillas y con su largo.
    ``-000…001`` vale -1: es negativa (la cifra de un plan debe ser ≥ 0)."""
    justo = "-" + "0" * 118 + "1"  # 120 caracteres
    assert len(justo) == 120
    with pytest.raises(ErrorNumero) as error:
        a_decimal(justo, "ejecucion")
    assert str(error.value) == f"ejecucion: {justo} es negativo; debe ser mayor o igual que 0"
    largo = "-" + "0" * 119 + "1"  # 121 caracteres: se muestran los primeros 120
    with pytest.raises(ErrorNumero) as error:
        a_decimal(largo, "ejecucion")
    assert str(error.value) == (
        "ejecucion: '-" + "0" * 119 + "'… (121 caracteres) es negativo; debe ser mayor o igual "
        "que 0"
    )


def test_falta_el_numero_nombra_el_campo() -> None:
    with pytest.raises(TipoInvalido) as error:
        a_decimal(None, "peso")
    assert (error.value.campo, error.value.valor) == ("peso", None)
    assert str(error.value) == "peso: falta el número (se recibió None)"


def test_porcentaje_fuera_de_rango_lleva_campo_y_valor() -> None:
    """10^999 999 × 100 = 10^1 000 001 no cabe en el contexto (Emax 999 999): el error dice el
    campo (``fraccion``) y lleva la fracción recibida, la misma."""
    enorme = Decimal("1e999999")
    with pytest.raises(ErrorNumero) as error:
        porcentaje(enorme)
    assert error.value.codigo == "NUMERO_FUERA_DE_RANGO"
    assert error.value.campo == "fraccion"
    assert error.value.valor is enorme


def test_texto_aceptado_que_no_es_simple_se_recuerda_con_su_cifra(
    memorias_vacias: None,
) -> None:
    """Un texto con signo o exponente (no va por ``_simple``) aceptado con los argumentos por
    defecto se recuerda con su cifra: la segunda vez es el mismo objeto aunque la memoria de
    textos convertidos esté llena (docs/escala.md: la misma cifra escrita igual)."""
    a_decimal("-1", negativo=True)
    a_decimal("-2", negativo=True)  # _INTERNADOS lleno (2 entradas en esta prueba)
    primero = a_decimal("+7e1")
    assert primero == Decimal(70)
    assert {"+7e1": Decimal(70)} == numeros._CIFRAS_VALIDAS
    assert a_decimal("+7e1") is primero


@pytest.mark.parametrize(("valor", "decimales", "texto"), [
    ("-0.004", 2, "0.00"), ("-0.005", 2, "-0.01"), ("-0.4", 0, "0"), ("-0.5", 0, "-1"),
    ("-0", 2, "0.00"), ("0.004", 2, "0.00"),
])
def test_redondear_no_da_cero_negativo(valor: str, decimales: int, texto: str) -> None:
    """Para presentar, un número que redondea a cero es 0: «-0.00 %» en un motivo o un informe no
    dice nada que «0.00 %» no diga. ROUND_HALF_UP: −0,005 → −0,01 y −0,5 → −1 (lejos de cero)."""
    assert str(redondear(Decimal(valor), decimales)) == texto
    assert str(porcentaje(Decimal(valor) / 100, decimales)) == texto


@pytest.mark.parametrize(("valor", "decimales", "texto"), [
    ("100", 0, "100"), ("2500", 2, "2500"), ("94.60", 2, "94.6"), ("-0.004", 2, "0"),
])
def test_texto_numero_solo_quita_ceros_de_la_parte_decimal(valor: str, decimales: int,
                                                         texto: str) -> None:
    """«100» sin decimales no es «1»: los ceros sobrantes son los de después del punto."""
    assert texto_numero(Decimal(valor), decimales) == texto
