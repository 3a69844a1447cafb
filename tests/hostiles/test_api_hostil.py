"""La API pública bajo argumentos hostiles (issue 13): cada invocable público de ``sdg_metas``
y de sus subpaquetes, con uno o dos argumentos cambiados por un valor hostil, devuelve un
resultado normal o lanza un ``ErrorSdgMetas`` (``TipoInvalido`` si es de tipo) bien formado.

Bien formado: un ``codigo`` de texto no vacío y un mensaje de a lo sumo 2 000 caracteres (por
renglón en un ``ErrorCarga``) que no muestra un ``repr`` de Python (``0x…``, ``Decimal(``,
``datetime.date(``, ``<Nivel…``). Nunca un ``InvalidOperation``, ``KeyError``,
``ZeroDivisionError``, ``AttributeError``, ``IndexError``, ``RecursionError``, ``TypeError`` o
``ValueError`` de Python o de una dependencia, y nunca una espera sin fin: un iterador infinito
se rechaza (``DEMASIADOS_ELEMENTOS``) o se acota.

Las estrategias de ``sdg_metas.testing`` siguen la convención de hypothesis: un argumento
inválido es un ``InvalidArgument`` (con un mensaje igual de bien formado).

Lo único que puede salir tal cual es la excepción que lanza el propio objeto hostil
(:class:`~tests.hostiles.api.Explota`: su ``__eq__``, su ``__iter__`` o el generador que falla a
mitad de camino); la biblioteca no la disfraza ni la traga.

El registro de llamadas y de valores hostiles está en ``api.py``; la primera prueba recorre,
para cada llamada, cada parámetro con cada valor hostil fijo; la segunda deja que hypothesis
combine dos parámetros y valores generados.
"""

from __future__ import annotations

import contextlib
import datetime
import math
import os
import signal
import tempfile
import traceback
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from sdg_metas import ErrorSdgMetas

from .api import ESCRIBEN, HOSTILES, LLAMADAS, Explota, Llamada, defecto_del_mensaje

#: Ninguna llamada hostil debe tardar más que esto (un iterador infinito leído sin fin, sí).
SEGUNDOS = 30


class Colgada(BaseException):
    """La llamada no terminó en :data:`SEGUNDOS`."""


def _alarma(*_a: object) -> None:
    raise Colgada


@contextlib.contextmanager
def _a_lo_sumo(segundos: int) -> Iterator[None]:
    anterior = signal.signal(signal.SIGALRM, _alarma)
    signal.alarm(segundos)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, anterior)


@pytest.fixture(scope="module")
def carpeta() -> Iterator[str]:
    """Una carpeta temporal donde escriben ``guardar_plan`` y ``escribir_ejemplos``."""
    with tempfile.TemporaryDirectory() as nombre:
        yield nombre


def falla(llamada: Llamada, argumentos: dict[str, Any], carpeta: str) -> str | None:
    """Qué salió mal al llamar ``llamada`` con ``argumentos``, o ``None`` si salió bien."""
    lugar = contextlib.chdir(carpeta) if llamada.nombre in ESCRIBEN else contextlib.nullcontext()
    try:
        with lugar, _a_lo_sumo(SEGUNDOS):
            llamada.funcion(**argumentos)
    except ErrorSdgMetas as error:
        return defecto_del_mensaje(error)
    except Explota:
        return None  # la excepción del propio objeto hostil, tal cual
    except InvalidArgument as error:  # el contrato de las estrategias de hypothesis
        if not llamada.nombre.startswith("testing."):
            return f"InvalidArgument fuera de sdg_metas.testing: {str(error)[:300]}"
        return defecto_del_mensaje(ErrorSdgMetas(str(error), codigo="INVALID_ARGUMENT"))
    except Colgada:
        return f"no terminó en {SEGUNDOS} s"
    except Exception as error:
        donde = traceback.extract_tb(error.__traceback__)[-1]
        return (f"{type(error).__name__}: {str(error)[:300]} "
                f"({os.path.basename(donde.filename)}:{donde.lineno})")
    return None


def _validos(llamada: Llamada) -> dict[str, Any]:
    return {nombre: fabrica() for nombre, fabrica in llamada.validos.items()}


@pytest.mark.parametrize("llamada", LLAMADAS, ids=[ll.nombre for ll in LLAMADAS])
def test_cada_parametro_con_cada_valor_hostil(llamada: Llamada, carpeta: str) -> None:
    assert falla(llamada, _validos(llamada), carpeta) is None, "la llamada válida falla"
    fallas = []
    for parametro in llamada.validos:
        for etiqueta, fabrica in HOSTILES:
            argumentos = {**_validos(llamada), parametro: fabrica()}
            problema = falla(llamada, argumentos, carpeta)
            if problema is not None:
                fallas.append(f"{parametro}={etiqueta}: {problema}")
    assert not fallas, f"{len(fallas)} fallas:\n" + "\n".join(fallas[:20])


def test_el_registro_cubre_la_api_publica() -> None:
    """Cada función pública de ``sdg_metas.__all__`` está en el registro (las clases también,
    salvo las de resultados y errores, que la biblioteca construye)."""
    import sdg_metas

    nombres = {ll.nombre for ll in LLAMADAS}
    funciones = {
        n for n in sdg_metas.__all__
        if callable(getattr(sdg_metas, n)) and not isinstance(getattr(sdg_metas, n), type)
    }
    assert funciones - nombres == set()


# --- hypothesis: valores generados y dos parámetros a la vez ---------------------------------

_GENERADOS: st.SearchStrategy[Callable[[], object]] = st.one_of(
    st.sampled_from(HOSTILES).map(lambda par: par[1]),
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
        st.binary(max_size=10), st.decimals(), st.dates(), st.datetimes(),
        st.fractions(), st.lists(st.integers() | st.text(max_size=5), max_size=5),
        st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
        st.sampled_from([math.nan, -0.0, Decimal("-0"), Decimal("sNaN"), Decimal("1e-30"),
                         datetime.date.min, datetime.date.max]),
    ).map(lambda valor: (lambda: valor)),
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                HealthCheck.function_scoped_fixture])
@given(datos=st.data())
def test_combinaciones_hostiles(datos: st.DataObject, carpeta: str) -> None:
    llamada = datos.draw(st.sampled_from(LLAMADAS), label="llamada")
    argumentos = _validos(llamada)
    if llamada.validos:
        cambiados = datos.draw(
            st.lists(st.sampled_from(sorted(llamada.validos)), min_size=1, max_size=2,
                     unique=True), label="parámetros")
        for parametro in cambiados:
            argumentos[parametro] = datos.draw(_GENERADOS, label=parametro)()
    problema = falla(llamada, argumentos, carpeta)
    assert problema is None, f"{llamada.nombre}: {problema}"
