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
except ImportError as error:
    raise ImportError(
        "sdg_metas.testing necesita hypothesis, que no está instalado; instale el extra: "
        "pip install 'sdg-metas[testing]'"
    ) from error

from ..modelo import Meta, PlanDeGestion, Programacion, Reporte, Trimestre
from ._comun import (
    decimales,
    numeros_invalidos,
    pesos_invalidos,
    textos_trimestre_invalidos,
    trimestres,
)
from ._metas import metas, planes, reportes
from ._programaciones import programaciones
from ._solicitudes import solicitudes_modificacion

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

# --- registro de tipos ------------------------------------------------------------------------

st.register_type_strategy(Trimestre, trimestres())
st.register_type_strategy(Programacion, programaciones())
st.register_type_strategy(Meta, metas())
st.register_type_strategy(Reporte, reportes())
st.register_type_strategy(PlanDeGestion, planes())
