"""Los parámetros del procedimiento: un objeto :class:`Politica` inmutable.

Los números y las elecciones del procedimiento (los 15 días, el límite del segundo trimestre,
una modificación por vigencia, las bandas del semáforo, cómo acumula una meta constante …) viven
aquí y no como constantes escondidas. :data:`POLITICA_PLE_PIN_P005_V8` es la política por defecto;
quien llama puede derivar otra con ``attrs.evolve``. Una versión posterior del procedimiento es
una nueva ``Politica``, no una edición del código anterior.

Donde el texto es ambiguo, el valor por defecto es una interpretación documentada en
``docs/interpretaciones.md`` (``INT-nn``); el docstring de cada campo la nombra.

>>> import attrs
>>> from sdg_metas import POLITICA_PLE_PIN_P005_V8, ModoConstante
>>> POLITICA_PLE_PIN_P005_V8.modo_constante
<ModoConstante.MEDIA: 'media'>
>>> otra = attrs.evolve(POLITICA_PLE_PIN_P005_V8, modo_constante=ModoConstante.ULTIMO)
>>> otra.modo_constante.name
'ULTIMO'
"""

from __future__ import annotations

import datetime
import enum

import attrs

from .errores import ErrorSdgMetas

__all__ = ["POLITICA_PLE_PIN_P005_V8", "ModoConstante", "Politica"]


class ModoConstante(enum.Enum):
    """Cómo se acumula la ejecución de una meta CONSTANTE (``INT-01``).

    - ``MEDIA``: promedio de las ejecuciones reportadas en trimestres programados.
    - ``ULTIMO``: la última ejecución reportada en un trimestre programado.
    - ``RAZON_DE_SUMAS``: magnitud × (suma de ejecuciones reportadas en trimestres programados)
      / (suma de lo programado en todos los trimestres programados a la fecha); un trimestre
      programado sin reporte cuenta como 0.
    """

    MEDIA = "media"
    ULTIMO = "ultimo"
    RAZON_DE_SUMAS = "razon_de_sumas"


def _no_negativo(_inst: object, atributo: attrs.Attribute[int], valor: int) -> None:
    if isinstance(valor, bool) or not isinstance(valor, int) or valor < 0:
        raise ErrorSdgMetas(
            f"{atributo.name}: {valor!r} debe ser un entero mayor o igual que 0",
            codigo="POLITICA_INVALIDA",
            campo=atributo.name,
            valor=valor,
        )


@attrs.frozen(slots=True, kw_only=True)
class Politica:
    """Parámetros de una versión del procedimiento PLE-PIN-P005.

    Cada campo documenta su fuente (cláusula) o la interpretación ``INT-nn`` que lo fija.
    """

    #: Nombre de la versión del procedimiento que esta política representa.
    nombre: str = "PLE-PIN-P005 v8"
    #: Fecha desde la que rige la versión (Vigencia desde: 01 de marzo de 2023).
    vigente_desde: datetime.date = datetime.date(2023, 3, 1)

    # --- Cálculos (issue 3) ------------------------------------------------------------------
    modo_constante: ModoConstante = ModoConstante.MEDIA
    """``INT-01``: acumulación de una meta CONSTANTE; por defecto la media de lo reportado."""

    # --- Calendario de reportes (issue 4) ------------------------------------------------------
    dias_plazo_reporte: int = attrs.field(default=15, validator=_no_negativo)
    """Días calendario siguientes al trimestre para enviar el reporte (Actividad 9, Nota 2)."""

    # --- Modificaciones (issue 5) --------------------------------------------------------------

    # --- Verificaciones de formulación y reportes (issue 6) ------------------------------------

    # --- Consolidación: calificación, semáforo (issue 6) ---------------------------------------


#: La política por defecto: PLE-PIN-P005 versión 8, vigente desde el 1 de marzo de 2023.
POLITICA_PLE_PIN_P005_V8 = Politica()
