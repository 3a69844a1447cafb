"""Lo común de las estrategias: constantes, validación de argumentos, números y trimestres."""

from __future__ import annotations

import datetime
import decimal
import itertools
from collections.abc import Iterable
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .._validacion import EnumTexto, mostrar, tupla_acotada
from ..errores import ErrorSdgMetas
from ..modelo import Nivel, Numero, TipoProgramacion, Trimestre
from ..numeros import a_decimal
from ..trimestre import VIGENCIA_MAXIMA, VIGENCIA_MINIMA

_ET = TypeVar("_ET", bound=EnumTexto)

#: Decimales de los números generados (centésimas).
_DECIMALES = 2
#: Tope, en centésimas, de magnitudes y valores de una meta de cantidad (10 000).
_TOPE = 1_000_000
#: Tope, en centésimas, de una meta en porcentaje (100).
_TOPE_PORCENTUAL = 10_000
#: 100 % de peso, en centésimas.
_PESO_TOTAL = 10_000

_VERBOS = (
    "Realizar",
    "Atender",
    "Ejecutar",
    "Implementar",
    "Reducir",
    "Aumentar",
    "Mantener",
    "Formular",
    "Publicar",
    "Capacitar",
)
_OBJETOS = (
    "acciones de inspección, vigilancia y control",
    "solicitudes ciudadanas",
    "informes de gestión",
    "el tiempo de respuesta de los derechos de petición",
    "jornadas de participación ciudadana",
    "el plan de mejoramiento",
)
_UNIDADES_META = ("", "acciones", "informes", "solicitudes", "personas", "%", "Porcentaje")
_ENTREGABLES = ("Actas", "Informe trimestral", "Listados de asistencia", "Base de datos", "Oficio")
_PROCESOS = (
    "Planeación Institucional",
    "Gestión Corporativa",
    "Inspección, Vigilancia y Control",
    "Comunicación Estratégica",
)
_DEPENDENCIAS = (
    "Subsecretaría de Gestión Local",
    "Dirección para la Gestión Policiva",
    "Dirección para la Gestión del Desarrollo Local",
)
_LOCALIDADES = ("Usaquén", "Chapinero", "Santa Fe", "San Cristóbal", "Usme", "Tunjuelito")
_OBJETIVOS = ("OE1", "OE2", "OE3", "OE4", "OE5")
_ANALISIS = (
    "Se ejecutaron las actividades programadas del trimestre.",
    "La ejecución se ajusta a lo programado.",
    "Se avanzó según el cronograma aprobado.",
)
_CAUSAS = (
    "Demoras en la contratación del personal.",
    "La demanda ciudadana fue menor que la prevista.",
    "No aplica: la meta no presenta retraso.",
)
_EVIDENCIAS = ("actas.pdf", "informe.pdf", "listado.xlsx", "fotos.zip", "radicado.pdf")


def _dec(centesimas: int) -> Decimal:
    """Un ``Decimal`` exacto con dos decimales a partir de un entero de centésimas."""
    return Decimal(f"{centesimas}E-{_DECIMALES}")


def _argumento(mensaje: str) -> InvalidArgument:
    return InvalidArgument(f"sdg_metas.testing: {mensaje}")


def _coleccion(valor: object, nombre: str) -> tuple[Any, ...]:
    """``valor`` como tupla si es una colección finita; si no, ``InvalidArgument``."""
    try:
        return tupla_acotada(valor, nombre, "una colección")
    except ErrorSdgMetas as error:
        raise _argumento(str(error)) from error


def _opcion(clase: type[_ET], valor: _ET | str | None) -> _ET | None:
    """El miembro de ``clase`` que nombra ``valor`` (``None`` si no se fijó); si no existe,
    ``InvalidArgument`` con el mensaje de ``desde_texto``."""
    if valor is None:
        return None
    try:
        return clase.desde_texto(valor)
    except ErrorSdgMetas as error:
        raise _argumento(str(error)) from error


def _tipo(tipo: TipoProgramacion | str | None) -> TipoProgramacion | None:
    return _opcion(TipoProgramacion, tipo)


def _nivel(nivel: Nivel | str | None) -> Nivel | None:
    return _opcion(Nivel, nivel)


def _bool(valor: object, nombre: str) -> bool:
    if not isinstance(valor, bool):
        raise _argumento(f"{nombre}={mostrar(valor)} debe ser True o False")
    return valor


def _entero(valor: object, nombre: str, minimo: int) -> int:
    if isinstance(valor, bool) or not isinstance(valor, int) or valor < minimo:
        raise _argumento(f"{nombre}={mostrar(valor)} debe ser un entero mayor o igual que {minimo}")
    return valor


def _vigencia(valor: object, nombre: str = "vigencia") -> int:
    if (
        isinstance(valor, bool)
        or not isinstance(valor, int)
        or not VIGENCIA_MINIMA <= valor <= VIGENCIA_MAXIMA
    ):
        raise _argumento(
            f"{nombre}={mostrar(valor)} debe ser un año entre {VIGENCIA_MINIMA} y {VIGENCIA_MAXIMA}"
        )
    return valor



def _repartir(draw: st.DrawFn, total: int, partes: int) -> list[int]:
    """``total`` repartido en ``partes`` enteros mayores o iguales que 0."""
    cortes = sorted(
        draw(st.lists(st.integers(min_value=0, max_value=total), min_size=partes - 1,
                      max_size=partes - 1))
    )
    bordes = [0, *cortes, total]
    return [b - a for a, b in itertools.pairwise(bordes)]


# --- números ----------------------------------------------------------------------------------


def decimales(
    *, min_value: Numero = 0, max_value: Numero = 10_000, places: int = _DECIMALES
) -> st.SearchStrategy[Decimal]:
    """``Decimal`` exactos entre ``min_value`` y ``max_value`` con ``places`` decimales.

    Se construyen desde enteros (nunca desde ``float``), así que reducen (*shrink*) hacia el
    mínimo y no arrastran errores de representación binaria.

    >>> from hypothesis import find
    >>> find(decimales(min_value="0.5", max_value=3), lambda d: d > 1)
    Decimal('1.01')
    """
    places = _entero(places, "places", 0)
    try:
        minimo = a_decimal(min_value, "min_value", negativo=True, rango=False)
        maximo = a_decimal(max_value, "max_value", negativo=True, rango=False)
    except ErrorSdgMetas as error:
        raise _argumento(str(error)) from error
    try:  # 1e999999 o places=10**400 no caben en un Decimal (issue 13)
        escala = Decimal(10) ** places
        bajo = int((minimo * escala).to_integral_value(rounding=ROUND_CEILING))
        alto = int((maximo * escala).to_integral_value(rounding=ROUND_FLOOR))
    except decimal.DecimalException:
        raise _argumento(f"min_value, max_value y places={places} no caben en un Decimal") from None
    if bajo > alto:
        raise _argumento(
            f"no hay números con {places} decimales entre min_value={minimo} y "
            f"max_value={maximo}"
        )
    # por texto, exacto sea cual sea la precisión del contexto decimal
    return st.integers(min_value=bajo, max_value=alto).map(lambda n: Decimal(f"{n}E-{places}"))


def numeros_invalidos(*, negativos: bool = True) -> st.SearchStrategy[object]:
    """Valores que :func:`~sdg_metas.a_decimal` rechaza: para las pruebas negativas.

    Booleanos, NaN e infinitos (``float``, ``Decimal`` y texto), textos con coma decimal
    (``"1,5"``, como los escribe una hoja de cálculo en español), textos que no son números
    (``"abc"``) y objetos de otros tipos (listas, bytes, complejos…). Con ``negativos=True``
    (por defecto) también números negativos, que ``a_decimal`` rechaza salvo con
    ``negativo=True``. ``None`` no está: es el «dato ausente» de :func:`a_decimal_opcional`.

    >>> from hypothesis import given
    >>> from sdg_metas import ErrorSdgMetas, a_decimal
    >>> @given(numeros_invalidos())
    ... def rechazados(valor):
    ...     try:
    ...         a_decimal(valor)
    ...     except ErrorSdgMetas:
    ...         return
    ...     raise AssertionError(valor)
    >>> rechazados()
    """
    negativos = _bool(negativos, "negativos")
    opciones: list[st.SearchStrategy[object]] = [
        st.booleans(),
        st.sampled_from(
            [
                float("nan"),
                float("inf"),
                float("-inf"),
                Decimal("NaN"),
                Decimal("sNaN"),
                Decimal("Infinity"),
                Decimal("-Infinity"),
                "NaN",
                "inf",
                "-Infinity",
            ]
        ),
        st.builds(
            "{},{:02d}".format,
            st.integers(min_value=0, max_value=10**6),
            st.integers(min_value=0, max_value=99),
        ),
        st.builds(
            "{}.{:03d},{}".format,
            st.integers(min_value=1, max_value=999),
            st.integers(min_value=0, max_value=999),
            st.integers(min_value=0, max_value=9),
        ),
        st.sampled_from(["", " ", "abc", "uno", "1.2.3", "12%", "$100", "1e", "--1", "1 000"]),
        st.text(alphabet="abcdfghjklmopqrtuvwxyzñáéíóú", min_size=1, max_size=8),
        st.lists(st.integers(), max_size=3),
        st.sampled_from([b"1", complex(1, 1), (1,), frozenset({1}), datetime.date(2025, 1, 1)]),
    ]
    if negativos:
        opciones.append(st.integers(max_value=-1))
        opciones.append(decimales(min_value=-10_000, max_value="-0.01"))
        opciones.append(st.integers(min_value=1, max_value=10**6).map(lambda n: f"-{n}"))
    return st.one_of(opciones)


def pesos_invalidos() -> st.SearchStrategy[object]:
    """Pesos que :class:`~sdg_metas.Meta` rechaza: números inválidos o mayores que 100.

    >>> from hypothesis import find
    >>> find(pesos_invalidos(), lambda p: isinstance(p, Decimal) and p.is_finite() and p > 0)
    Decimal('100.01')
    """
    return st.one_of(decimales(min_value="100.01", max_value=100_000), numeros_invalidos())


# --- trimestres -------------------------------------------------------------------------------


def trimestres(
    *, vigencias: int | Iterable[int] | None = None, numeros: Iterable[int] | None = None
) -> st.SearchStrategy[Trimestre]:
    """Trimestres válidos.

    ``vigencias`` es un año, una colección de años (por ejemplo ``range(2024, 2027)``) o
    ``None`` para todo el rango admitido (1900–9998). ``numeros`` limita los trimestres (1..4).

    >>> from hypothesis import find
    >>> find(trimestres(vigencias=2025, numeros=[2, 3]), lambda t: True)
    Trimestre(vigencia=2025, numero=2)
    """
    if vigencias is None:
        anios: st.SearchStrategy[int] = st.integers(
            min_value=VIGENCIA_MINIMA, max_value=VIGENCIA_MAXIMA
        )
    elif isinstance(vigencias, int):
        anios = st.just(_vigencia(vigencias, "vigencias"))
    else:
        lista = sorted({_vigencia(v, "vigencias") for v in _coleccion(vigencias, "vigencias")})
        if not lista:
            raise _argumento("vigencias está vacío")
        anios = st.sampled_from(lista)
    if numeros is None:
        nums = [1, 2, 3, 4]
    else:
        dados = list(_coleccion(numeros, "numeros"))
        if not dados or any(isinstance(n, bool) or n not in (1, 2, 3, 4) for n in dados):
            raise _argumento(f"numeros={mostrar(numeros)} debe contener trimestres entre 1 y 4")
        nums = sorted(set(dados))
    return st.builds(Trimestre, anios, st.sampled_from(nums))


def textos_trimestre_invalidos() -> st.SearchStrategy[str]:
    """Textos que :meth:`Trimestre.desde_texto <sdg_metas.Trimestre.desde_texto>` rechaza.

    >>> from hypothesis import given
    >>> from sdg_metas import ErrorSdgMetas
    >>> @given(textos_trimestre_invalidos())
    ... def rechazados(texto):
    ...     try:
    ...         Trimestre.desde_texto(texto)
    ...     except ErrorSdgMetas:
    ...         return
    ...     raise AssertionError(texto)
    >>> rechazados()
    """
    anio = st.integers(min_value=VIGENCIA_MINIMA, max_value=VIGENCIA_MAXIMA)
    return st.one_of(
        st.builds("{}-T{}".format, anio, st.sampled_from([0, 5, 6, 9])),
        st.builds("T{}-{}".format, st.integers(min_value=1, max_value=4), anio),
        st.builds("{}-Q{}".format, anio, st.integers(min_value=1, max_value=4)),
        st.builds("{:04d}-T{}".format, st.integers(min_value=0, max_value=VIGENCIA_MINIMA - 1),
                  st.integers(min_value=1, max_value=4)),
        st.builds("{}-T{}".format, st.integers(min_value=10, max_value=999),
                  st.integers(min_value=1, max_value=4)),
        st.sampled_from(["", "2025", "2025-T", "2025/2", "primer trimestre", "2025-T1-T2"]),
    )
