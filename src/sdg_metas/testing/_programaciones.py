"""Programaciones coherentes e incoherentes de cada tipo (``programaciones``)."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st

from ..modelo import Programacion, TipoProgramacion
from ..tipos import TIPOS
from ._comun import _TOPE, _TOPE_PORCENTUAL, _bool, _dec, _repartir, _tipo


def _mascara(draw: st.DrawFn) -> list[bool]:
    """Qué trimestres están programados (al menos uno); se reduce hacia «los cuatro»."""
    bits = 15 - draw(st.integers(min_value=0, max_value=14))
    return [bool(bits >> i & 1) for i in range(4)]


#: Magnitud, valores de los ``k`` trimestres programados y línea base (en centésimas).
_Cifras = tuple[int, list[int], int | None]


def _coherente_suma(draw: st.DrawFn, k: int, tope: int) -> _Cifras:
    magnitud = draw(st.integers(min_value=1, max_value=tope))
    valores = _repartir(draw, magnitud, k)
    return magnitud, valores, draw(st.none() | st.integers(min_value=0, max_value=tope))


def _coherente_constante(draw: st.DrawFn, k: int, tope: int) -> _Cifras:
    magnitud = draw(st.integers(min_value=1, max_value=tope))
    return magnitud, [magnitud] * k, draw(st.none() | st.integers(min_value=0, max_value=tope))


def _coherente_creciente(draw: st.DrawFn, k: int, tope: int) -> _Cifras:
    magnitud = draw(st.integers(min_value=1, max_value=tope))
    linea_base = draw(st.none() | st.integers(min_value=0, max_value=magnitud))
    piso = 0 if linea_base is None else linea_base
    intermedios = draw(
        st.lists(st.integers(min_value=piso, max_value=magnitud), min_size=k - 1, max_size=k - 1)
    )
    return magnitud, [*sorted(intermedios), magnitud], linea_base


def _coherente_decreciente(draw: st.DrawFn, k: int, tope: int) -> _Cifras:
    magnitud = draw(st.integers(min_value=0, max_value=tope - 1))
    linea_base = draw(st.integers(min_value=magnitud + 1, max_value=tope))
    intermedios = draw(
        st.lists(
            st.integers(min_value=magnitud, max_value=linea_base), min_size=k - 1, max_size=k - 1
        )
    )
    return magnitud, [*sorted(intermedios, reverse=True), magnitud], linea_base


#: Cómo generar una programación coherente (FOR-01/02) de cada tipo; la coherencia es la de
#: :data:`sdg_metas.tipos.TIPOS`.
_COHERENTES: dict[TipoProgramacion, Callable[[st.DrawFn, int, int], _Cifras]] = {
    TipoProgramacion.SUMA: _coherente_suma,
    TipoProgramacion.CONSTANTE: _coherente_constante,
    TipoProgramacion.CRECIENTE: _coherente_creciente,
    TipoProgramacion.DECRECIENTE: _coherente_decreciente,
}


def _coherente(
    draw: st.DrawFn, tipo: TipoProgramacion, tope: int
) -> tuple[int, list[int | None], int | None, list[bool]]:
    """Magnitud, valores trimestrales y línea base (en centésimas) coherentes con FOR-01/02."""
    mascara = _mascara(draw)
    magnitud, valores, linea_base = _COHERENTES[tipo](draw, sum(mascara), tope)
    cero_programa = TIPOS[tipo].cero_programa
    trimestrales: list[int | None] = []
    restantes = iter(valores)
    for programado in mascara:
        if programado:
            trimestrales.append(next(restantes))
        elif not cero_programa and draw(st.booleans()):
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
