"""Los resultados de la biblioteca en un ``pandas.DataFrame`` (cáscara; extra opcional
``pandas``: ``pip install 'sdg-metas[pandas]'``).

El núcleo de ``sdg_metas`` no depende de pandas: sus filas (:func:`~sdg_metas.filas`,
:func:`~sdg_metas.como_filas`, :func:`~sdg_metas.consolidado_anual`,
:func:`~sdg_metas.informe_gestion`) son diccionarios de valores simples con cifras ``Decimal``
(exactas, salvo los porcentajes ``*_pct``, que esas filas ya redondean a dos decimales). pandas guarda un ``Decimal`` como ``object`` y entonces ``DataFrame.plot()`` no encuentra
«datos numéricos». :func:`a_dataframe` hace la conversión, solo aquí y solo para presentar:

- ``numerico=True`` (para graficar y agregar): las cifras van a columnas ``float64`` (``NaN``
  donde la cifra «no aplica»);
- ``numerico=False`` (para auditar): las cifras siguen siendo ``Decimal`` exactos (columnas
  ``object``, ``None`` donde «no aplica»).

En los dos casos las columnas de semáforo (``semaforo``, ``semaforo_plan``, ``semaforo_anual`` …)
son categóricas ordenadas (rojo < amarillo < verde < sobreejecucion) y ``sin_dato`` es un valor
faltante.

>>> from sdg_metas import evaluar_plan, filas
>>> from sdg_metas.ejemplos import plan_ejemplo
>>> df = a_dataframe(filas(evaluar_plan(plan_ejemplo(), 1)))
>>> df["cumplimiento_pct"].dtype, df["semaforo"].dtype.ordered
(dtype('float64'), True)
>>> df.set_index("codigo_meta")["cumplimiento_pct"].to_dict()["M5"]  # no programada en T1
nan

Para JSON, :class:`CodificadorJSON` (de :mod:`sdg_metas.presentacion`, que no necesita pandas)
escribe los ``Decimal`` como texto exacto: ``json.dumps(filas(ev), cls=CodificadorJSON)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

try:
    import pandas as pd
except ImportError as error:
    raise ImportError(
        "sdg_metas.pandas necesita pandas, que no está instalado; instale el extra opcional "
        "«pandas»: pip install 'sdg-metas[pandas]'",
        name="pandas",
    ) from error

from .consolidacion import EvaluacionPlan, PosicionRanking, Semaforo, como_filas
from .errores import TipoInvalido
from .presentacion import CodificadorJSON, valor_json

__all__ = ["ORDEN_SEMAFORO", "CodificadorJSON", "a_dataframe", "valor_json"]

#: Las categorías ordenadas de una columna de semáforo (CON-03); ``sin_dato`` queda faltante.
ORDEN_SEMAFORO = (
    Semaforo.ROJO.value,
    Semaforo.AMARILLO.value,
    Semaforo.VERDE.value,
    Semaforo.SOBREEJECUCION.value,
)
_VALORES_SEMAFORO = frozenset(s.value for s in Semaforo)

#: Columnas de cifras de las filas de la biblioteca que no terminan en ``_pct``: son numéricas
#: aunque en una tabla todas sus celdas «no apliquen».
_CIFRAS = frozenset({
    "peso",
    "programado_acumulado",
    "ejecucion_acumulada",
    "linea_base",
    "magnitud_anual",
    "programado_anual",
    "ejecucion_anual",
})

Fila = Mapping[str, Any]


def _registros(filas: object) -> list[Fila]:
    """Las filas: diccionarios tal cual; evaluaciones y posiciones de ranking por
    :func:`~sdg_metas.como_filas`."""
    if isinstance(filas, EvaluacionPlan):
        return list(como_filas(filas))
    if isinstance(filas, (str, bytes, Mapping)) or not isinstance(filas, Iterable):
        raise TipoInvalido(
            f"filas: un {type(filas).__name__} no es una secuencia de filas; pase una lista de "
            "diccionarios (p. ej. filas(evaluar_plan(...))), una EvaluacionPlan o un ranking",
            campo="filas",
            valor=type(filas).__name__,
        )
    registros: list[Fila] = []
    for i, fila in enumerate(filas):
        if isinstance(fila, Mapping):
            registros.append(fila)
        elif isinstance(fila, EvaluacionPlan):
            registros.extend(como_filas(fila))
        elif isinstance(fila, PosicionRanking):
            registros.extend(como_filas([fila]))
        else:
            raise TipoInvalido(
                f"filas[{i}]: un {type(fila).__name__} no es una fila; se espera un diccionario, "
                "una EvaluacionPlan o una PosicionRanking",
                campo=f"filas[{i}]",
                valor=type(fila).__name__,
            )
    return registros


def _es_semaforo(nombre: str, valores: list[Any]) -> bool:
    presentes = {v for v in valores if v is not None}
    return nombre.startswith("semaforo") and presentes <= _VALORES_SEMAFORO


def _es_cifra(nombre: str, valores: list[Any]) -> bool:
    presentes = [v for v in valores if v is not None]
    if not all(isinstance(v, (Decimal, int)) and not isinstance(v, bool) for v in presentes):
        return False
    return (
        nombre.endswith("_pct")
        or nombre in _CIFRAS
        or any(isinstance(v, Decimal) for v in presentes)
    )


def a_dataframe(filas: Any, *, numerico: bool = True) -> pd.DataFrame:
    """Un ``DataFrame`` con las filas de la biblioteca, una columna por clave.

    ``filas`` es una lista de diccionarios (de :func:`~sdg_metas.filas`,
    :func:`~sdg_metas.consolidado_anual` …), una :class:`~sdg_metas.EvaluacionPlan` o una
    lista de evaluaciones o de posiciones de ranking (se aplanan con
    :func:`~sdg_metas.como_filas`).

    Con ``numerico=True`` las cifras (columnas ``*_pct``, ``peso``, acumulados, magnitudes y toda
    columna de ``Decimal``) son ``float64`` con ``NaN`` donde «no aplica»: es la única
    conversión a ``float`` de la biblioteca, y es para graficar. Con ``numerico=False`` siguen
    siendo los ``Decimal`` exactos (``object``). Las columnas de semáforo son categóricas
    ordenadas (:data:`ORDEN_SEMAFORO`); ``sin_dato`` es faltante. Una columna de enteros con
    faltantes (la ``posicion`` de un ranking con un plan sin calificación) es ``Int64``, con
    ``<NA>``: ``1``, no ``1.0``.

    >>> from decimal import Decimal
    >>> exacto = a_dataframe([{"avance_pct": Decimal("94.83"), "semaforo": "verde"},
    ...                       {"avance_pct": None, "semaforo": "sin_dato"}], numerico=False)
    >>> exacto["avance_pct"].tolist(), exacto["semaforo"].tolist()
    ([Decimal('94.83'), None], ['verde', nan])
    """
    registros = _registros(filas)
    df = pd.DataFrame.from_records(registros) if registros else pd.DataFrame()
    for nombre in df.columns:
        valores = [fila.get(nombre) for fila in registros]
        if _es_semaforo(nombre, valores):
            categorias = [None if v == Semaforo.SIN_DATO.value else v for v in valores]
            df[nombre] = pd.Categorical(categorias, categories=ORDEN_SEMAFORO, ordered=True)
        elif numerico and _es_cifra(nombre, valores):
            df[nombre] = pd.Series(
                [float("nan") if v is None else float(v) for v in valores],
                index=df.index,
                dtype="float64",
            )
        elif not numerico and any(isinstance(v, Decimal) for v in valores):
            df[nombre] = pd.Series(valores, index=df.index, dtype="object")
        elif _es_entero_con_faltantes(valores):
            # Una posición de ranking sin calificación: 1, 2, <NA> y no 1.0, 2.0, NaN.
            df[nombre] = pd.Series(valores, index=df.index, dtype="Int64")
    return df


def _es_entero_con_faltantes(valores: list[Any]) -> bool:
    presentes = [v for v in valores if v is not None]
    return (len(presentes) < len(valores) and bool(presentes)
            and all(isinstance(v, int) and not isinstance(v, bool) for v in presentes))
