"""Conversión exacta de números y presentación de porcentajes.

Todo número que entra a la biblioteca pasa por :func:`a_decimal`: ``int``, ``Decimal``, texto con
punto decimal y ``float`` a través de ``str(valor)`` (así ``0.1`` es exactamente
``Decimal("0.1")``). Los cálculos se hacen en un contexto decimal propio (:data:`CONTEXTO`), de
modo que el resultado no depende del contexto global de quien llama.

**Rango de una cifra.** Una cifra de un plan (magnitud, valor trimestral, peso, ejecución,
numerador, denominador, cifras reportadas) es 0 o tiene un valor absoluto entre
:data:`CIFRA_MINIMA` (10⁻²⁰) y :data:`CIFRA_MAXIMA` (10¹⁵). Ningún plan real se acerca a esos
límites, y dentro de ellos toda razón de la biblioteca es menor que 10³⁶, así que todo cálculo y
todo redondeo cabe con holgura en los 50 dígitos de :data:`CONTEXTO`: nunca escapa un
``decimal.InvalidOperation``. Lo que está fuera es un
:class:`~sdg_metas.ErrorNumero` con código ``NUMERO_FUERA_DE_RANGO``.

**Gramática del texto.** Un número escrito como texto es: espacios opcionales, signo opcional
(``+`` o ``-``), dígitos ASCII con a lo sumo un punto decimal, un exponente opcional
(``e``/``E``, signo opcional y dígitos) y espacios opcionales. Nada más: ni guiones bajos
(``1_000``), ni dígitos de otros alfabetos, ni ``Infinity``/``NaN``, ni coma decimal (ésta tiene
su propio mensaje).

>>> from sdg_metas import a_decimal, porcentaje
>>> a_decimal(0.1) + a_decimal(0.1) + a_decimal(0.1)
Decimal('0.3')
>>> porcentaje(a_decimal("0.756789"))
Decimal('75.68')
>>> porcentaje(a_decimal("0.12345"))
Decimal('12.35')
>>> porcentaje(None) is None
True
"""

from __future__ import annotations

import decimal
import re
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from typing import TypeGuard

from ._validacion import MAX_MOSTRAR, mostrar
from .errores import ErrorNumero, TipoInvalido

__all__ = [
    "CIFRA_MAXIMA",
    "CIFRA_MINIMA",
    "CONTEXTO",
    "a_decimal",
    "a_decimal_opcional",
    "porcentaje",
    "redondear",
    "texto_numero",
]

#: Contexto de todos los cálculos: 50 dígitos, y cualquier operación inválida, división por cero
#: o desbordamiento es una excepción (que la biblioteca nunca deja escapar: antes la evita).
CONTEXTO = Context(
    prec=50,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999999,
    Emax=999999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)

_CIEN = Decimal(100)

#: El mayor valor absoluto de una cifra de un plan.
CIFRA_MAXIMA = Decimal(10**15)  # literales exactos: no dependen del contexto al importar
#: El menor valor absoluto de una cifra de un plan distinta de 0.
CIFRA_MINIMA = Decimal((0, (1,), -20))

_ESPECIALES = frozenset({"nan", "snan", "inf", "infinity"})
_GRAMATICA = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)


def a_decimal(
    valor: object, campo: str = "valor", *, negativo: bool = False, rango: bool = True
) -> Decimal:
    """Convierte ``valor`` en un ``Decimal`` finito, o explica por qué no.

    ``campo`` nombra el dato en el mensaje de error. Con ``negativo=False`` (por defecto) un
    valor menor que cero es un error. Con ``rango=True`` (por defecto) el valor debe estar en el
    rango de una cifra de un plan (ver el módulo); ``rango=False`` es para números que no son
    cifras de un plan (los límites de una estrategia de pruebas, por ejemplo). Un texto siempre
    debe seguir la gramática de los números.

    >>> a_decimal("12.50", campo="magnitud")
    Decimal('12.50')
    >>> a_decimal(3)
    Decimal('3')
    >>> a_decimal("-1", campo="ejecucion")
    Traceback (most recent call last):
    ...
    sdg_metas.errores.ErrorNumero: ejecucion: -1 es negativo; debe ser mayor o igual que 0
    >>> a_decimal(True, campo="peso")
    Traceback (most recent call last):
    ...
    sdg_metas.errores.TipoInvalido: peso: True es un booleano, no un número
    >>> a_decimal("1e49", campo="ejecucion")
    Traceback (most recent call last):
    ...
    sdg_metas.errores.ErrorNumero: ejecucion: 1e49 está fuera del rango de una cifra de un plan (0, o entre 10^-20 y 10^15 en valor absoluto)
    """
    ya = _ya_valida(valor) if not negativo and rango else None
    if ya is not None:
        return ya
    numero = _finito(valor, campo)
    if not negativo and numero.is_signed() and numero != 0:
        raise ErrorNumero(
            f"{campo}: {_cifra(valor)} es negativo; debe ser mayor o igual que 0",
            campo=campo,
            valor=valor,
        )
    if rango and not numero.is_zero() and not CIFRA_MINIMA <= numero.copy_abs() <= CIFRA_MAXIMA:
        raise ErrorNumero(
            f"{campo}: {_cifra(valor)} está fuera del rango de una cifra de un plan (0, o entre 10^-20 y "
            "10^15 en valor absoluto)",
            codigo="NUMERO_FUERA_DE_RANGO",
            campo=campo,
            valor=valor,
        )
    if (
        not negativo and rango and type(valor) is str and len(valor) <= 24
        and len(_CIFRAS_VALIDAS) < _MAXIMO_INTERNADOS
    ):
        _CIFRAS_VALIDAS[valor] = numero
    return numero


def _ya_valida(valor: object) -> Decimal | None:
    """Caminos rápidos de :func:`a_decimal` sin ``negativo`` y con ``rango`` (issue 12): un
    texto que ya pasó todas sus comprobaciones con esos argumentos, un entero 0..1000 o un
    Decimal que ya es una cifra válida dan el mismo Decimal que el camino completo."""
    if type(valor) is str:
        recordado = _CIFRAS_VALIDAS.get(valor)
        if recordado is None and len(valor) <= 24 and _SIMPLE.fullmatch(valor) is not None:
            return _simple(valor)
        return recordado
    if type(valor) is int and 0 <= valor <= 1000:
        return _ENTEROS[valor]
    if type(valor) is Decimal and cifra_valida(valor):
        return valor
    return None


#: Un texto de solo dígitos con a lo sumo un punto decimal: sin signo, exponente ni espacios.
_SIMPLE = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+", re.ASCII)


def _simple(texto: str) -> Decimal | None:
    """Camino rápido de :func:`a_decimal` (issue 12) para un texto corto de :data:`_SIMPLE`
    (como se escriben casi todas las cifras de una hoja): cumple la gramática, no tiene signo
    (no es negativo ni ``-0``) y ``Decimal(texto)`` es exacto y no consulta el contexto; solo
    falta el rango. Fuera de rango da ``None`` y el camino completo da el error."""
    numero = _INTERNADOS.get(texto)
    if numero is None:
        numero = Decimal(texto)
    if not numero.is_zero() and not CIFRA_MINIMA <= numero <= CIFRA_MAXIMA:
        return None
    if len(_INTERNADOS) < _MAXIMO_INTERNADOS:
        _INTERNADOS.setdefault(texto, numero)
    if len(_CIFRAS_VALIDAS) < _MAXIMO_INTERNADOS:
        _CIFRAS_VALIDAS[texto] = numero
    return numero


def cifra_valida(v: Decimal) -> bool:
    """Uso interno (issue 12): ¿``v`` es lo que :func:`a_decimal` devolvería tal cual (finito, ≥ 0
    sin ser ``-0``, en el rango de una cifra)? Un finito entre los dos límites ya es positivo; el
    único otro caso válido es el cero sin signo."""
    return v.is_finite() and (
        CIFRA_MINIMA <= v <= CIFRA_MAXIMA or (v.is_zero() and not v.is_signed())
    )


def cifras_validas(valores: tuple[object, ...]) -> TypeGuard[tuple[Decimal | None, ...]]:
    """Uso interno (issue 12): ¿cada valor es ``None`` o un ``Decimal`` (el tipo exacto) que
    :func:`a_decimal` devolvería tal cual? Lo mismo que :func:`cifra_valida` valor por valor, en
    una sola llamada.

    >>> cifras_validas((Decimal(1), None, Decimal("0.5"), Decimal(0)))
    True
    >>> cifras_validas((Decimal(1), 2, None, None)), cifras_validas((Decimal("-0"),))
    (False, False)
    """
    for v in valores:
        if v is not None and not (
            type(v) is Decimal
            and v.is_finite()
            and (CIFRA_MINIMA <= v <= CIFRA_MAXIMA or (v.is_zero() and not v.is_signed()))
        ):
            return False
    return True


def _cifra(valor: object) -> str:
    """Una cifra recibida en un mensaje: un texto corto tal cual (sin comillas), lo demás con
    :func:`~sdg_metas._validacion.mostrar` (un texto de 1 MB no infla el mensaje)."""
    return valor if type(valor) is str and len(valor) <= MAX_MOSTRAR else mostrar(valor)


def _finito(valor: object, campo: str) -> Decimal:
    """``valor`` como ``Decimal`` finito, sin signo en el cero (sin comprobar el rango)."""
    if isinstance(valor, bool):
        raise TipoInvalido(
            f"{campo}: {mostrar(valor)} es un booleano, no un número", campo=campo, valor=valor
        )
    if isinstance(valor, Decimal):
        numero = valor
    elif isinstance(valor, int):
        numero = _ENTEROS[valor] if 0 <= valor < len(_ENTEROS) else Decimal(valor)
    elif isinstance(valor, float):
        numero = _internado(str(valor), campo, valor)
    elif isinstance(valor, str):
        numero = _internado(valor, campo, valor)
    elif valor is None:
        raise TipoInvalido(f"{campo}: falta el número (se recibió None)", campo=campo, valor=valor)
    else:
        raise TipoInvalido(
            f"{campo}: {mostrar(valor)} es de tipo {type(valor).__name__}; se espera un número "
            "(int, Decimal, float o texto con punto decimal)",
            campo=campo,
            valor=valor,
        )
    if not numero.is_finite():
        raise ErrorNumero(
            f"{campo}: {mostrar(valor)} no es un número finito", campo=campo, valor=valor
        )
    if numero.is_zero() and numero.is_signed():
        numero = numero.copy_abs()
    return numero


# Las cifras repetidas de los planes (magnitudes, pesos, valores trimestrales «25», «100» …) se
# comparten: un Decimal es inmutable, así que la misma cifra escrita igual es el mismo objeto
# (issue 12, memoria por meta). A lo sumo _MAXIMO_INTERNADOS textos cortos (de hasta 24
# caracteres) en cada una de las dos memorias; los enteros 0..1000. 16 384 cubre las cifras
# distintas de un año de un distrito escritas con dos decimales (un plan de 100 000 metas del
# banco tiene unas 31 000) y, llena, ocupa a lo sumo unos 4 MiB (docs/escala.md, «Memorias del
# proceso»). No se vacía sola: vaciar_memorias() la olvida.
_ENTEROS = tuple(Decimal(i) for i in range(1001))
_INTERNADOS: dict[str, Decimal] = {}
_MAXIMO_INTERNADOS = 16_384
#: Los textos que ya pasaron a_decimal completo (sin negativo, con rango): el mismo texto da el
#: mismo Decimal y pasa las mismas comprobaciones (solo se recuerda lo que tuvo éxito).
_CIFRAS_VALIDAS: dict[str, Decimal] = {}


def vaciar_memorias() -> None:
    """Uso interno (issue 12): olvida los textos ya convertidos y ya aceptados por
    :func:`a_decimal` (las cifras se vuelven a convertir al pedirlas; los resultados no cambian).
    Sirve para medir en frío la memoria de un plan (``bench/bench_escala.py``)."""
    _INTERNADOS.clear()
    _CIFRAS_VALIDAS.clear()


def _internado(texto: str, campo: str, original: object) -> Decimal:
    numero = _INTERNADOS.get(texto)
    if numero is None:
        numero = _desde_texto(texto, campo, original)
        if len(_INTERNADOS) < _MAXIMO_INTERNADOS and len(texto) <= 24:
            _INTERNADOS[texto] = numero
    return numero


def a_decimal_opcional(
    valor: object, campo: str = "valor", *, negativo: bool = False
) -> Decimal | None:
    """Como :func:`a_decimal`, pero ``None`` se conserva como ``None`` (dato ausente)."""
    if valor is None:
        return None
    return a_decimal(valor, campo, negativo=negativo)


def _desde_texto(texto: str, campo: str, original: object) -> Decimal:
    limpio = texto.strip()
    if "," in limpio:
        sugerido = limpio.replace(",", ".") if limpio.count(",") == 1 and "." not in limpio else ""
        raise ErrorNumero(
            f"{campo}: {mostrar(texto)} usa coma decimal; escriba el número con punto decimal"
            + (f": {sugerido}" if sugerido else " y sin separador de miles"),
            campo=campo,
            valor=original,
        )
    if _GRAMATICA.fullmatch(limpio) is None:
        especial = limpio.lstrip("+-").casefold() in _ESPECIALES
        raise ErrorNumero(
            f"{campo}: {mostrar(texto)} no es un número" + (" finito" if especial else ""),
            campo=campo,
            valor=original,
        )
    with localcontext(CONTEXTO):
        try:
            return Decimal(limpio)
        except decimal.DecimalException:  # un exponente fuera de todo contexto: 1e999999999
            raise ErrorNumero(
                f"{campo}: {mostrar(texto)} está fuera del rango de una cifra de un plan",
                codigo="NUMERO_FUERA_DE_RANGO",
                campo=campo,
                valor=original,
            ) from None


def redondear(valor: Decimal, decimales: int = 2) -> Decimal:
    """Redondea para presentar, ROUND_HALF_UP (como la función REDONDEAR de la hoja de cálculo).
    Un número que redondea a cero es ``0`` sin signo.

    >>> redondear(Decimal("2.675")), redondear(Decimal("-0.004"))
    (Decimal('2.68'), Decimal('0.00'))
    """
    if isinstance(decimales, bool) or not isinstance(decimales, int) or decimales < 0:
        raise ErrorNumero(
            f"decimales: {mostrar(decimales)} debe ser un entero mayor o igual que 0",
            campo="decimales",
            valor=decimales,
        )
    numero = valor if _ya_finito(valor) else _finito(valor, "valor")
    if numero.adjusted() + decimales + 1 > CONTEXTO.prec:
        raise ErrorNumero(
            f"valor: {mostrar(numero)} no se puede presentar con {decimales} decimales en "
            f"{CONTEXTO.prec} dígitos",
            codigo="NUMERO_FUERA_DE_RANGO",
            campo="valor",
            valor=numero,
        )
    # El contexto se pasa a la operación: ni se copia uno por llamada ni se usa el de quien llama.
    redondeado = numero.quantize(_exponente(decimales), rounding=ROUND_HALF_UP, context=CONTEXTO)
    # −0,004 redondea a «-0.00»: para quien lee es 0 (el signo de un cero no dice nada).
    return redondeado.copy_abs() if redondeado.is_zero() else redondeado


def _ya_finito(valor: object) -> bool:
    """¿``valor`` es un ``Decimal`` que :func:`_finito` devolvería tal cual? (camino rápido)."""
    return (
        type(valor) is Decimal
        and valor.is_finite()
        and not (valor.is_signed() and valor.is_zero())
    )


_EXPONENTES = tuple(Decimal((0, (1,), -d)) for d in range(10))


def _exponente(decimales: int) -> Decimal:
    if decimales < len(_EXPONENTES):
        return _EXPONENTES[decimales]
    return Decimal((0, (1,), -decimales))


def porcentaje(fraccion: Decimal | None, decimales: int = 2) -> Decimal | None:
    """Presenta una fracción (1 = 100 %) como porcentaje redondeado ROUND_HALF_UP.

    ``None`` ("no aplica") se conserva; NaN y los infinitos son un error.

    >>> porcentaje(Decimal("1"))
    Decimal('100.00')
    >>> porcentaje(Decimal("-0.5"), decimales=0)
    Decimal('-50')
    """
    if fraccion is None:
        return None
    numero = fraccion if _ya_finito(fraccion) else _finito(fraccion, "fraccion")
    try:
        centesimas = CONTEXTO.multiply(numero, _CIEN)
    except decimal.DecimalException:  # 1e999999: fuera de todo contexto (issue 13)
        raise ErrorNumero(
            f"fraccion: {mostrar(fraccion)} está fuera del rango de un porcentaje",
            codigo="NUMERO_FUERA_DE_RANGO", campo="fraccion", valor=fraccion,
        ) from None
    return redondear(centesimas, decimales)


def texto_numero(valor: Decimal | None, decimales: int = 2, *, nulo: str = "—") -> str:
    """Presenta un número en texto: redondeado ROUND_HALF_UP, sin ceros sobrantes ni exponente.

    >>> texto_numero(Decimal("4.2E+2")), texto_numero(Decimal("94.6666")), texto_numero(None)
    ('420', '94.67', '—')
    """
    if valor is None:
        return nulo
    texto = format(redondear(valor, decimales), "f")  # redondear no da cero negativo
    return texto.rstrip("0").rstrip(".") if "." in texto else texto
