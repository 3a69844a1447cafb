"""Estrategias de `hypothesis <https://hypothesis.readthedocs.io>`_ para el dominio de sdg_metas.

Al estilo de ``hypothesis.extra``: cada función devuelve una *estrategia* (con argumentos solo
por nombre) que genera objetos **válidos** del modelo — trimestres, programaciones, metas,
reportes y planes de gestión — listos para las pruebas basadas en propiedades de la propia
biblioteca o de los sistemas que la usan. Hay también variantes deliberadamente inválidas para
las pruebas negativas (:func:`numeros_invalidos`, :func:`textos_trimestre_invalidos`,
:func:`pesos_invalidos`, ``programaciones(coherentes=False)``, ``metas(coherentes=False)``,
``planes(pesos_completos=False)``) y solicitudes de modificación
(:func:`solicitudes_modificacion`) para probar la Política 9.

Necesita el extra ``testing``::

    pip install 'sdg-metas[testing]'

Al importarse registra las estrategias con ``st.register_type_strategy``, de modo que
``st.from_type(Meta)`` (o ``st.builds`` con anotaciones) también funciona.

Todos los números son ``Decimal`` construidos desde enteros (dos decimales), en magnitudes
razonables: hasta 10 000 en metas de cantidad y hasta 100 en metas en porcentaje.

>>> from hypothesis import given, settings
>>> from sdg_metas import verificar_programacion
>>> from sdg_metas.testing import programaciones
>>> @settings(max_examples=20)
... @given(programaciones(tipo="suma"))
... def sin_hallazgos(p):
...     assert verificar_programacion(p) == ()
>>> sin_hallazgos()
"""

from __future__ import annotations

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as error:
    raise ImportError(
        "sdg_metas.testing necesita hypothesis, que no está instalado; instale el extra: "
        "pip install 'sdg-metas[testing]'"
    ) from error

import datetime
import importlib
import itertools
from collections.abc import Iterable
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any

import attrs

from .errores import ErrorSdgMetas
from .modelo import (
    Indicador,
    Meta,
    Nivel,
    Numero,
    PlanDeGestion,
    Programacion,
    Reporte,
    TipoProgramacion,
    Trimestre,
    es_porcentual,
)
from .numeros import a_decimal
from .trimestre import VIGENCIA_MAXIMA, VIGENCIA_MINIMA

__all__ = [
    "decimales",
    "metas",
    "numeros_invalidos",
    "pesos_invalidos",
    "planes",
    "programaciones",
    "reportes",
    "solicitudes_modificacion",
    "textos_trimestre_invalidos",
    "trimestres",
]

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


def _tipo(tipo: TipoProgramacion | str | None) -> TipoProgramacion | None:
    if tipo is None:
        return None
    try:
        return TipoProgramacion.desde_texto(tipo)
    except ErrorSdgMetas as error:
        raise _argumento(str(error)) from error


def _nivel(nivel: Nivel | str | None) -> Nivel | None:
    if nivel is None:
        return None
    try:
        return Nivel.desde_texto(nivel)
    except ErrorSdgMetas as error:
        raise _argumento(str(error)) from error


def _bool(valor: object, nombre: str) -> bool:
    if not isinstance(valor, bool):
        raise _argumento(f"{nombre}={valor!r} debe ser True o False")
    return valor


def _entero(valor: object, nombre: str, minimo: int) -> int:
    if isinstance(valor, bool) or not isinstance(valor, int) or valor < minimo:
        raise _argumento(f"{nombre}={valor!r} debe ser un entero mayor o igual que {minimo}")
    return valor


def _vigencia(valor: object, nombre: str = "vigencia") -> int:
    if (
        isinstance(valor, bool)
        or not isinstance(valor, int)
        or not VIGENCIA_MINIMA <= valor <= VIGENCIA_MAXIMA
    ):
        raise _argumento(
            f"{nombre}={valor!r} debe ser un año entre {VIGENCIA_MINIMA} y {VIGENCIA_MAXIMA}"
        )
    return valor


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
    escala = Decimal(10) ** places
    bajo = int((minimo * escala).to_integral_value(rounding=ROUND_CEILING))
    alto = int((maximo * escala).to_integral_value(rounding=ROUND_FLOOR))
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
        lista = sorted({_vigencia(v, "vigencias") for v in vigencias})
        if not lista:
            raise _argumento("vigencias está vacío")
        anios = st.sampled_from(lista)
    if numeros is None:
        nums = [1, 2, 3, 4]
    else:
        dados = list(numeros)
        if not dados or any(isinstance(n, bool) or n not in (1, 2, 3, 4) for n in dados):
            raise _argumento(f"numeros={numeros!r} debe contener trimestres entre 1 y 4")
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


# --- programaciones ---------------------------------------------------------------------------


def _repartir(draw: st.DrawFn, total: int, partes: int) -> list[int]:
    """``total`` repartido en ``partes`` enteros mayores o iguales que 0."""
    cortes = sorted(
        draw(st.lists(st.integers(min_value=0, max_value=total), min_size=partes - 1,
                      max_size=partes - 1))
    )
    bordes = [0, *cortes, total]
    return [b - a for a, b in itertools.pairwise(bordes)]


def _mascara(draw: st.DrawFn) -> list[bool]:
    """Qué trimestres están programados (al menos uno); se reduce hacia «los cuatro»."""
    bits = 15 - draw(st.integers(min_value=0, max_value=14))
    return [bool(bits >> i & 1) for i in range(4)]


def _coherente(
    draw: st.DrawFn, tipo: TipoProgramacion, tope: int
) -> tuple[int, list[int | None], int | None, list[bool]]:
    """Magnitud, valores trimestrales y línea base (en centésimas) coherentes con FOR-01/02."""
    mascara = _mascara(draw)
    k = sum(mascara)
    valores: list[int]
    linea_base: int | None
    if tipo is TipoProgramacion.SUMA:
        magnitud = draw(st.integers(min_value=1, max_value=tope))
        valores = _repartir(draw, magnitud, k)
        linea_base = draw(st.none() | st.integers(min_value=0, max_value=tope))
    elif tipo is TipoProgramacion.CONSTANTE:
        magnitud = draw(st.integers(min_value=1, max_value=tope))
        valores = [magnitud] * k
        linea_base = draw(st.none() | st.integers(min_value=0, max_value=tope))
    elif tipo is TipoProgramacion.CRECIENTE:
        magnitud = draw(st.integers(min_value=1, max_value=tope))
        linea_base = draw(st.none() | st.integers(min_value=0, max_value=magnitud))
        piso = 0 if linea_base is None else linea_base
        intermedios = draw(
            st.lists(st.integers(min_value=piso, max_value=magnitud), min_size=k - 1,
                     max_size=k - 1)
        )
        valores = [*sorted(intermedios), magnitud]
    else:
        magnitud = draw(st.integers(min_value=0, max_value=tope - 1))
        linea_base = draw(st.integers(min_value=magnitud + 1, max_value=tope))
        intermedios = draw(
            st.lists(st.integers(min_value=magnitud, max_value=linea_base), min_size=k - 1,
                     max_size=k - 1)
        )
        valores = [*sorted(intermedios, reverse=True), magnitud]
    trimestrales: list[int | None] = []
    restantes = iter(valores)
    for programado in mascara:
        if programado:
            trimestrales.append(next(restantes))
        elif tipo is TipoProgramacion.SUMA and draw(st.booleans()):
            trimestrales.append(0)  # en SUMA un 0 tampoco cuenta como programado
        else:
            trimestrales.append(None)
    return magnitud, trimestrales, linea_base, mascara


#: Los defectos que ``programaciones(coherentes=False)`` introduce, por tipo. Cada uno produce,
#: por construcción, al menos un hallazgo FOR-01 o FOR-02 (con o sin unidad porcentual).
_DEFECTOS = {
    TipoProgramacion.SUMA: ("sin_programar", "ceros", "suma_distinta"),
    TipoProgramacion.CONSTANTE: ("sin_programar", "valor_distinto", "magnitud_cero"),
    TipoProgramacion.CRECIENTE: (
        "sin_programar",
        "primero_mayor",
        "linea_base_mayor",
        "magnitud_cero",
    ),
    TipoProgramacion.DECRECIENTE: (
        "sin_programar",
        "sin_linea_base",
        "linea_base_no_mayor",
        "ultimo_distinto",
    ),
}


def _incoherente(
    draw: st.DrawFn, tipo: TipoProgramacion, tope: int
) -> tuple[int, list[int | None], int | None]:
    magnitud, valores, linea_base, mascara = _coherente(draw, tipo, tope)
    indices = [i for i, si in enumerate(mascara) if si]
    delta = draw(st.integers(min_value=1, max_value=tope))
    defecto = draw(st.sampled_from(_DEFECTOS[tipo]))
    if defecto == "sin_programar":
        valores = [None] * 4
    elif defecto == "ceros":
        valores = [0 if v is not None else None for v in valores]
    elif defecto == "suma_distinta":
        magnitud = magnitud + delta if draw(st.booleans()) or delta > magnitud else (
            magnitud - delta
        )
    elif defecto == "valor_distinto":
        i = draw(st.sampled_from(indices))
        valores[i] = magnitud + delta if delta > magnitud or draw(st.booleans()) else (
            magnitud - delta
        )
    elif defecto == "magnitud_cero":
        magnitud = 0
        valores = [None if v is None else 0 for v in valores]
        linea_base = None
    elif defecto == "primero_mayor":
        valores[indices[0]] = magnitud + delta
    elif defecto == "linea_base_mayor":
        linea_base = magnitud + delta
    elif defecto == "sin_linea_base":
        linea_base = None
    elif defecto == "linea_base_no_mayor":
        linea_base = draw(st.integers(min_value=0, max_value=magnitud))
    else:  # "ultimo_distinto"
        valores[indices[-1]] = magnitud + delta
    return magnitud, valores, linea_base


@st.composite
def _programacion(
    draw: st.DrawFn, tipo: TipoProgramacion | None, coherente: bool, porcentual: bool
) -> Programacion:
    elegido = tipo if tipo is not None else draw(st.sampled_from(TipoProgramacion))
    tope = _TOPE_PORCENTUAL if porcentual else _TOPE
    if coherente:
        magnitud, valores, linea_base, _ = _coherente(draw, elegido, tope)
    else:
        magnitud, valores, linea_base = _incoherente(draw, elegido, tope)
    return Programacion(
        elegido,
        _dec(magnitud),
        [None if v is None else _dec(v) for v in valores],
        linea_base=None if linea_base is None else _dec(linea_base),
    )


def programaciones(
    *,
    tipo: TipoProgramacion | str | None = None,
    coherentes: bool = True,
    porcentual: bool = False,
) -> st.SearchStrategy[Programacion]:
    """Programaciones de meta de ``tipo`` (cualquiera si es ``None``).

    Con ``coherentes=True`` (por defecto) :func:`~sdg_metas.verificar_programacion` no les
    encuentra nada: en SUMA los trimestres suman la magnitud; en CONSTANTE cada trimestre
    programado es la magnitud; en CRECIENTE los valores no disminuyen, el último es la magnitud
    y la línea base (si la hay) no la supera; en DECRECIENTE no aumentan, el último es la
    magnitud y la línea base es mayor que ella. Con ``coherentes=False`` cada programación trae
    a propósito un defecto de FOR-01 o FOR-02 (ningún trimestre programado, una suma distinta de
    la magnitud, un valor fuera de orden, la línea base ausente o del lado equivocado…), para
    las pruebas negativas.

    Con ``porcentual=True`` magnitud, valores y línea base de las coherentes no pasan de 100
    (FOR-03 de una meta en ``%``).

    >>> from hypothesis import find
    >>> from sdg_metas import verificar_programacion
    >>> p = find(programaciones(tipo="decreciente"), lambda p: True)
    >>> p.tipo.name, p.magnitud < p.linea_base, verificar_programacion(p)
    ('DECRECIENTE', True, ())
    """
    return _programacion(
        _tipo(tipo), _bool(coherentes, "coherentes"), _bool(porcentual, "porcentual")
    )


# --- metas ------------------------------------------------------------------------------------


@st.composite
def _meta(
    draw: st.DrawFn,
    codigo: str | None,
    tipo: TipoProgramacion | None,
    coherente: bool,
    nivel: Nivel | None,
    peso: Decimal | None,
) -> Meta:
    unidad = draw(st.sampled_from(_UNIDADES_META))
    nivel_meta = nivel if nivel is not None else draw(st.sampled_from(Nivel))
    transversal = draw(st.booleans())
    proceso = st.sampled_from(_PROCESOS)
    indicador = Indicador(
        f"Porcentaje de {draw(st.sampled_from(_OBJETOS))}",
        "Cantidad ejecutada",
        "Cantidad programada",
        unidad,
    )
    return Meta(
        codigo=codigo if codigo is not None else draw(st.integers(1, 999).map("M{}".format)),
        descripcion=f"{draw(st.sampled_from(_VERBOS))} {draw(st.sampled_from(_OBJETOS))}",
        programacion=draw(_programacion(tipo, coherente, es_porcentual(unidad))),
        peso=peso if peso is not None else _dec(draw(st.integers(0, _PESO_TOTAL))),
        unidad=unidad,
        nivel=nivel_meta,
        transversal=transversal,
        proceso_lider=draw(proceso) if transversal else draw(st.none() | proceso),
        dependencia_orientadora=(
            draw(st.sampled_from(_DEPENDENCIAS)) if nivel_meta is Nivel.LOCAL else None
        ),
        entregables=draw(
            st.lists(st.sampled_from(_ENTREGABLES), min_size=1, max_size=3, unique=True)
        ),
        indicador=indicador,
        objetivo_estrategico=draw(st.none() | st.sampled_from(_OBJETIVOS)),
    )


def _peso(peso: Numero | None) -> Decimal | None:
    if peso is None:
        return None
    try:
        valor = a_decimal(peso, "peso")
    except ErrorSdgMetas as error:
        raise _argumento(str(error)) from error
    if valor > 100:
        raise _argumento(f"peso={peso!r} supera 100")
    return valor


def metas(
    *,
    codigo: str | None = None,
    tipo: TipoProgramacion | str | None = None,
    coherentes: bool = True,
    nivel: Nivel | str | None = None,
    peso: Numero | None = None,
) -> st.SearchStrategy[Meta]:
    """Metas completas: redacción con verbo en infinitivo, entregables, indicador, peso…

    ``codigo``, ``tipo``, ``nivel`` y ``peso`` fijan esos campos; si son ``None`` se generan.
    Con ``coherentes=True`` :func:`~sdg_metas.verificar_meta` no les encuentra nada (una meta
    transversal nombra su proceso líder y una local su dependencia orientadora; una meta en
    ``%`` no pasa de 100). Con ``coherentes=False`` la programación trae un defecto (ver
    :func:`programaciones`).

    >>> from hypothesis import find
    >>> m = find(metas(codigo="M7", nivel="local"), lambda m: True)
    >>> m.codigo, m.nivel.name, m.dependencia_orientadora is not None
    ('M7', 'LOCAL', True)
    """
    if codigo is not None and (not isinstance(codigo, str) or not codigo.strip()):
        raise _argumento(f"codigo={codigo!r} debe ser un texto no vacío")
    return _meta(
        codigo, _tipo(tipo), _bool(coherentes, "coherentes"), _nivel(nivel), _peso(peso)
    )


# --- reportes ---------------------------------------------------------------------------------


@st.composite
def _reporte(draw: st.DrawFn, meta: Meta | None, trimestre: Trimestre | None) -> Reporte:
    m = meta if meta is not None else draw(_meta(None, None, True, None, None))
    t = trimestre if trimestre is not None else draw(trimestres())
    programado = m.programacion.programado(t.numero)
    numerador: int | None = None
    denominador: int | None = None
    ejecucion: Decimal | None = None
    if not programado:
        ejecucion = Decimal(0)  # una ejecución > 0 sin programación sería REP-05
    elif m.porcentual and draw(st.booleans()):
        denominador = draw(st.integers(min_value=1, max_value=1000))
        numerador = draw(st.integers(min_value=0, max_value=denominador))
    else:
        tope = _TOPE_PORCENTUAL if m.porcentual else _TOPE
        ejecucion = _dec(draw(st.integers(min_value=0, max_value=tope)))
    return Reporte(
        codigo_meta=m.codigo,
        trimestre=t,
        ejecucion=ejecucion,
        numerador=numerador,
        denominador=denominador,
        analisis=draw(st.sampled_from(_ANALISIS)),
        evidencias=draw(
            st.lists(st.sampled_from(_EVIDENCIAS), min_size=1, max_size=3, unique=True)
        ),
        fecha_envio=t.fin + datetime.timedelta(days=draw(st.integers(min_value=1, max_value=5))),
        causas_retraso=draw(st.sampled_from(_CAUSAS)),
    )


def reportes(
    *, meta: Meta | None = None, trimestre: Trimestre | None = None
) -> st.SearchStrategy[Reporte]:
    """Reportes de seguimiento válidos de ``meta`` en ``trimestre`` (generados si son ``None``).

    Cada reporte trae ejecución (directa, o numerador y denominador en metas en ``%``), análisis,
    causas del retraso, evidencias y una fecha de envío entre 1 y 5 días después del cierre del
    trimestre. En un trimestre no programado la ejecución es 0. No trae cifras de avance
    reportadas (``avance_reportado`` y las acumuladas son ``None``).

    >>> from hypothesis import find
    >>> from sdg_metas import Meta, Programacion, Trimestre, ejecucion_de
    >>> meta = Meta(codigo="M1", descripcion="Atender solicitudes", peso=100,
    ...             programacion=Programacion("suma", 10, [5, 5, None, None]))
    >>> r = find(reportes(meta=meta, trimestre=Trimestre(2025, 4)), lambda r: True)
    >>> r.codigo_meta, str(r.trimestre), ejecucion_de(r, meta), r.fecha_envio
    ('M1', '2025-T4', Decimal('0'), datetime.date(2026, 1, 1))
    """
    if meta is not None and not isinstance(meta, Meta):
        raise _argumento(f"meta={meta!r} debe ser una Meta o None")
    if trimestre is not None and not isinstance(trimestre, Trimestre):
        raise _argumento(f"trimestre={trimestre!r} debe ser un Trimestre o None")
    return _reporte(meta, trimestre)


# --- planes -----------------------------------------------------------------------------------


def _incompletos(pesos: list[int]) -> list[int]:
    """Los pesos (en centésimas) corregidos para que, a propósito, nunca sumen 100."""
    if sum(pesos) == _PESO_TOTAL:
        pesos = [pesos[0] - 1 if pesos[0] > 0 else 1, *pesos[1:]]
    return pesos


@st.composite
def _plan(
    draw: st.DrawFn,
    vigencia: int | None,
    min_metas: int,
    max_metas: int,
    con_reportes: bool,
    pesos_completos: bool,
    nivel: Nivel | None,
    coherentes: bool,
) -> PlanDeGestion:
    anio = vigencia if vigencia is not None else draw(
        st.integers(min_value=VIGENCIA_MINIMA, max_value=VIGENCIA_MAXIMA)
    )
    nivel_plan = nivel if nivel is not None else draw(st.sampled_from(Nivel))
    n = draw(st.integers(min_value=min_metas, max_value=max_metas))
    if pesos_completos:
        pesos = _repartir(draw, _PESO_TOTAL, n)
    else:
        pesos = _incompletos(
            draw(
                st.lists(
                    st.integers(min_value=0, max_value=_PESO_TOTAL), min_size=n, max_size=n
                )
            )
        )
    lista = [
        draw(_meta(f"M{i}", None, coherentes, nivel_plan, _dec(peso)))
        for i, peso in enumerate(pesos, 1)
    ]
    informes: list[Reporte] = []
    if con_reportes:
        for meta in lista:
            hasta = draw(st.integers(min_value=0, max_value=4))
            informes.extend(
                draw(_reporte(meta, Trimestre(anio, k))) for k in range(1, hasta + 1)
            )
    if nivel_plan is Nivel.LOCAL:
        unidad = f"Alcaldía Local de {draw(st.sampled_from(_LOCALIDADES))}"
    else:
        unidad = draw(st.sampled_from(_PROCESOS))
    return PlanDeGestion(
        vigencia=anio, unidad=unidad, nivel=nivel_plan, metas=lista, reportes=informes
    )


def planes(
    *,
    vigencia: int | None = None,
    min_metas: int = 1,
    max_metas: int = 6,
    con_reportes: bool = True,
    pesos_completos: bool = True,
    nivel: Nivel | str | None = None,
    coherentes: bool = True,
) -> st.SearchStrategy[PlanDeGestion]:
    """Planes de gestión de una vigencia con entre ``min_metas`` y ``max_metas`` metas.

    Las metas tienen códigos distintos (``M1``, ``M2``…) y el nivel del plan. Con
    ``pesos_completos=True`` sus pesos suman exactamente 100 (FOR-04); con ``False`` nunca
    suman 100. Con ``con_reportes=True`` cada meta trae reportes válidos (:func:`reportes`)
    de los trimestres 1 a *k* de la vigencia, con *k* entre 0 y 4. Con ``coherentes=True`` y
    pesos completos, :func:`~sdg_metas.verificar_plan` no les encuentra nada.

    >>> from hypothesis import find
    >>> plan = find(planes(vigencia=2025, min_metas=3), lambda p: True)
    >>> len(plan.metas), sum(m.peso for m in plan.metas), plan.vigencia
    (3, Decimal('100.00'), 2025)
    """
    anio = None if vigencia is None else _vigencia(vigencia)
    pesos_completos = _bool(pesos_completos, "pesos_completos")
    minimo = _entero(min_metas, "min_metas", 1 if pesos_completos else 0)
    maximo = _entero(max_metas, "max_metas", minimo)
    return _plan(
        anio,
        minimo,
        maximo,
        _bool(con_reportes, "con_reportes"),
        pesos_completos,
        _nivel(nivel),
        _bool(coherentes, "coherentes"),
    )


# --- solicitudes de modificación --------------------------------------------------------------


#: La instancia que da el concepto previo de una meta local, según su dependencia orientadora.
_INSTANCIAS = {
    "Subsecretaría de Gestión Local": "SUBSECRETARIA_GESTION_LOCAL",
    "Dirección para la Gestión Policiva": "DIRECCION_GESTION_POLICIVA",
    "Dirección para la Gestión del Desarrollo Local": "DIRECCION_GESTION_DESARROLLO_LOCAL",
}
_JUSTIFICACIONES = (
    "Cambio en la normativa que rige la meta.",
    "Recorte presupuestal aprobado por el Concejo.",
    "La demanda ciudadana supera lo previsto.",
)


def _casi_siempre(correcto: Any, todos: Any) -> st.SearchStrategy[Any]:
    """El valor ``correcto`` la mitad de las veces; si no, cualquiera de ``todos``."""
    return st.one_of(st.just(correcto), st.sampled_from(todos))


def _aumento(
    draw: st.DrawFn, p: Programacion, abiertos: list[int], porcentual: bool
) -> Programacion | None:
    """``p`` con más magnitud, programada solo en trimestres abiertos; ``None`` si no se puede.

    En SUMA el aumento se suma a un trimestre abierto; en CRECIENTE un trimestre abierto, no
    anterior al último programado, pasa a ser la nueva magnitud. Los demás tipos no tienen un
    aumento que deje intactos los trimestres cerrados.
    """
    tope = Decimal(100) if porcentual else _dec(_TOPE)
    if tope - p.magnitud < Decimal("0.01") or not abiertos:
        return None
    tipo = p.tipo
    if tipo is TipoProgramacion.CRECIENTE:
        ultimo = max(i for i, si in enumerate(p.programados, 1) if si)
        abiertos = [n for n in abiertos if n >= ultimo]
    if tipo not in (TipoProgramacion.SUMA, TipoProgramacion.CRECIENTE) or not abiertos:
        return None
    numero = draw(st.sampled_from(abiertos))
    delta = draw(decimales(min_value="0.01", max_value=tope - p.magnitud))
    valores = list(p.trimestres)
    if tipo is TipoProgramacion.SUMA:
        valores[numero - 1] = (valores[numero - 1] or Decimal(0)) + delta
    else:
        valores[numero - 1] = p.magnitud + delta
    return attrs.evolve(p, magnitud=p.magnitud + delta, trimestres=valores)


@st.composite
def _solicitud(
    draw: st.DrawFn, meta: Meta | None, vigencia: int | None, eliminar: bool | None
) -> Any:
    mod: Any = importlib.import_module("sdg_metas.modificaciones")
    m = meta if meta is not None else draw(_meta(None, None, True, None, None))
    anio = vigencia if vigencia is not None else draw(st.integers(min_value=2000, max_value=2100))
    inicio = datetime.date(anio, 1, 1)
    fecha = draw(st.dates(min_value=inicio, max_value=datetime.date(anio, 12, 31)))
    en_curso = Trimestre.de_fecha(fecha).numero
    # los trimestres ya terminados pueden tener seguimiento (T1..Tk); los demás, no
    reportados = frozenset(range(1, draw(st.integers(min_value=0, max_value=en_curso - 1)) + 1))
    borrar = eliminar if eliminar is not None else draw(st.booleans())
    propuesta = None
    if not borrar:
        porcentual = es_porcentual(m.unidad)
        abiertos = [n for n in range(en_curso + 1, 5) if n not in reportados]
        nueva = None
        if draw(st.booleans()):
            nueva = _aumento(draw, m.programacion, abiertos, porcentual)
        if nueva is None:
            otra = _programacion(m.programacion.tipo, True, porcentual)
            # una propuesta igual a la meta no cambia nada (y no se puede construir)
            nueva = draw(otra.filter(lambda p: p != m.programacion))
        propuesta = attrs.evolve(m, programacion=nueva)
    formales = [mod.Medio["MEMORANDO"], mod.Medio["CORREO_ELECTRONICO"]]
    medios = st.sampled_from(formales) | st.sampled_from(mod.Medio)
    requeridas = []
    if m.transversal:
        requeridas.append("LIDER_PROCESO_LIDER")
    if m.nivel is Nivel.LOCAL and m.dependencia_orientadora in _INSTANCIAS:
        requeridas.append(_INSTANCIAS[m.dependencia_orientadora])
    instancias = [
        mod.Instancia[nombre] for nombre in requeridas if draw(st.just(True) | st.booleans())
    ]
    instancias += draw(st.lists(st.sampled_from(mod.Instancia), max_size=1))
    conceptos = tuple(
        mod.Concepto(
            instancia=instancia,
            favorable=draw(st.just(True) | st.booleans()),
            medio=draw(medios),
            fecha=draw(st.dates(min_value=inicio, max_value=fecha) | st.dates(min_value=inicio)),
        )
        for instancia in instancias
    )
    solicitante = "ALCALDE_LOCAL" if m.nivel is Nivel.LOCAL else "LIDER_PROCESO"
    return mod.SolicitudModificacion(
        meta=m,
        fecha=fecha,
        solicitante=draw(_casi_siempre(mod.Rol[solicitante], mod.Rol)),
        medio=draw(medios),
        destinatario=draw(_casi_siempre(mod.Rol["JEFE_OAP"], mod.Rol)),
        justificacion=draw(st.sampled_from([*_JUSTIFICACIONES, ""])),
        propuesta=propuesta,
        eliminar=borrar,
        modificaciones_previas=draw(st.just(0) | st.integers(min_value=0, max_value=2)),
        trimestres_reportados=reportados,
        conceptos=conceptos,
        causal_excepcional=draw(st.none() | st.sampled_from(mod.Causal)),
    )


def solicitudes_modificacion(
    *, meta: Meta | None = None, vigencia: int | None = None, eliminar: bool | None = None
) -> st.SearchStrategy[Any]:
    """Solicitudes de modificación o eliminación de una meta (Política 9), bien formadas.

    Genera ``SolicitudModificacion`` de :mod:`sdg_metas.modificaciones` (que se importa al
    generar, no al importar este módulo): la meta (``meta``, o una generada), una fecha de la
    ``vigencia`` (2000–2100 si es ``None``), quién la pide y a quién, por qué medio, la
    justificación, los conceptos previos, la causal excepcional y los hechos del año
    (modificaciones previas; trimestres reportados, siempre T1..Tk ya terminados en la fecha).

    Con ``eliminar=True`` piden eliminar la meta; con ``False`` proponen la misma meta con otra
    programación coherente del mismo tipo (a veces solo un aumento de magnitud programado en
    trimestres abiertos, el caso de MOD-07); con ``None``, cualquiera de las dos. Nunca son
    inconsistentes (``eliminar`` con ``propuesta``, una propuesta de otro código o igual a la
    meta). Cada requisito de la Política 9 (quién la presenta, medio, destinatario,
    justificación, conceptos previos…) se cumple más o menos la mitad de las veces o más, así
    que salen solicitudes elegibles y no elegibles: sirven para probar que
    ``evaluar_solicitud`` siempre da una decisión explicada.
    """
    if meta is not None and not isinstance(meta, Meta):
        raise _argumento(f"meta={meta!r} debe ser una Meta o None")
    if meta is not None and meta.eliminada_desde is not None:
        raise _argumento(
            f"meta: la meta {meta.codigo!r} ya está eliminada desde {meta.eliminada_desde}; "
            "no admite solicitudes"
        )
    anio = None if vigencia is None else _vigencia(vigencia)
    borrar = None if eliminar is None else _bool(eliminar, "eliminar")
    return _solicitud(meta, anio, borrar)


# --- registro de tipos ------------------------------------------------------------------------

st.register_type_strategy(Trimestre, trimestres())
st.register_type_strategy(Programacion, programaciones())
st.register_type_strategy(Meta, metas())
st.register_type_strategy(Reporte, reportes())
st.register_type_strategy(PlanDeGestion, planes())
