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
from decimal import Decimal
from typing import Any

import attrs

from .errores import ErrorSdgMetas

__all__ = [
    "POLITICA_PLE_PIN_P005_V8",
    "CalificacionAnual",
    "ModoConstante",
    "Politica",
    "TratamientoSinCumplimiento",
]


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


# --- Consolidación (issue 6): tipos de los campos de calificación -----------------------------


class TratamientoSinCumplimiento(enum.Enum):
    """Qué hace la calificación (CON-01) con una meta programada a la fecha sin cumplimiento.

    - ``CERO``: la meta cuenta, con cumplimiento 0 y su peso.
    - ``EXCLUIR``: la meta no cuenta; los pesos se renormalizan sin ella.
    """

    CERO = "cero"
    EXCLUIR = "excluir"


class CalificacionAnual(enum.Enum):
    """Cómo se obtiene la calificación de la vigencia de un plan (``INT-55``).

    - ``CUARTO_TRIMESTRE``: la calificación al cuarto trimestre (acumulada frente a todo el año).
    - ``PROMEDIO_TRIMESTRES``: el promedio de las calificaciones trimestrales que existen.
    """

    CUARTO_TRIMESTRE = "cuarto_trimestre"
    PROMEDIO_TRIMESTRES = "promedio_trimestres"


def _no_negativo(_inst: object, atributo: attrs.Attribute[int], valor: int) -> None:
    if isinstance(valor, bool) or not isinstance(valor, int) or valor < 0:
        raise ErrorSdgMetas(
            f"{atributo.name}: {valor!r} debe ser un entero mayor o igual que 0",
            codigo="POLITICA_INVALIDA",
            campo=atributo.name,
            valor=valor,
        )


def _fraccion_politica(_inst: object, atributo: attrs.Attribute[Decimal], valor: object) -> None:
    if not isinstance(valor, Decimal) or not valor.is_finite():
        raise ErrorSdgMetas(
            f"{atributo.name}: {valor!r} debe ser un Decimal finito (por ejemplo Decimal('0.8'))",
            codigo="POLITICA_INVALIDA",
            campo=atributo.name,
            valor=valor,
        )


def _miembro_politica(_inst: object, atributo: attrs.Attribute[Any], valor: object) -> None:
    clase = type(atributo.default)
    if not isinstance(valor, clase):
        raise ErrorSdgMetas(
            f"{atributo.name}: {valor!r} debe ser un {clase.__name__}",
            codigo="POLITICA_INVALIDA",
            campo=atributo.name,
            valor=valor,
        )


def _decimales_opcional(_inst: object, atributo: attrs.Attribute[Any], valor: Any) -> None:
    if valor is not None:
        _no_negativo(_inst, atributo, valor)


def _orden_consolidacion(inst: Politica, _atributo: object, _valor: object) -> None:
    pares = (
        ("cumplimiento_minimo", inst.cumplimiento_minimo, "cumplimiento_maximo",
         inst.cumplimiento_maximo),
        ("semaforo_amarillo_desde", inst.semaforo_amarillo_desde, "semaforo_verde_desde",
         inst.semaforo_verde_desde),
        ("semaforo_verde_desde", inst.semaforo_verde_desde, "semaforo_verde_hasta",
         inst.semaforo_verde_hasta),
    )
    for nombre_a, a, nombre_b, b in pares:
        if a > b:
            raise ErrorSdgMetas(
                f"{nombre_a}: {a} no puede ser mayor que {nombre_b} ({b})",
                codigo="POLITICA_INVALIDA",
                campo=nombre_a,
                valor=a,
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
    cumplimiento_minimo: Decimal = attrs.field(default=Decimal(0), validator=_fraccion_politica)
    """``INT-50``: cota inferior del cumplimiento de cada meta en la calificación (CON-01)."""
    cumplimiento_maximo: Decimal = attrs.field(default=Decimal(1), validator=_fraccion_politica)
    """``INT-50``: cota superior del cumplimiento de cada meta en la calificación (CON-01): la
    sobreejecución de una meta no compensa el atraso de otra."""
    meta_sin_reporte: TratamientoSinCumplimiento = attrs.field(
        default=TratamientoSinCumplimiento.CERO, validator=_miembro_politica
    )
    """``INT-51``: una meta programada a la fecha sin ejecución reportada cuenta como 0."""
    meta_no_aplica: TratamientoSinCumplimiento = attrs.field(
        default=TratamientoSinCumplimiento.EXCLUIR, validator=_miembro_politica
    )
    """``INT-52``: una meta con reporte cuyo cumplimiento no aplica (denominador 0) no cuenta."""
    decimales_ranking: int | None = attrs.field(default=2, validator=_decimales_opcional)
    """``INT-53``: el ranking (CON-02) compara las calificaciones como porcentaje redondeado a
    estos decimales (ROUND_HALF_UP), como se publican; ``None`` compara el valor exacto."""
    semaforo_amarillo_desde: Decimal = attrs.field(
        default=Decimal("0.6"), validator=_fraccion_politica
    )
    """``INT-54``: desde este valor (incluido) el semáforo es AMARILLO; por debajo, ROJO."""
    semaforo_verde_desde: Decimal = attrs.field(
        default=Decimal("0.8"), validator=_fraccion_politica
    )
    """``INT-54``: desde este valor (incluido) el semáforo es VERDE."""
    semaforo_verde_hasta: Decimal = attrs.field(
        default=Decimal(1), validator=[_fraccion_politica, _orden_consolidacion]
    )
    """``INT-54``: hasta este valor (incluido) el semáforo es VERDE; por encima, SOBREEJECUCION."""
    calificacion_anual: CalificacionAnual = attrs.field(
        default=CalificacionAnual.CUARTO_TRIMESTRE, validator=_miembro_politica
    )
    """``INT-55``: la calificación de la vigencia es la del cuarto trimestre."""
    meta_cumplida_desde: Decimal = attrs.field(default=Decimal(1), validator=_fraccion_politica)
    """``INT-56``: una meta está cumplida en la vigencia cuando su avance de la vigencia llega a
    este valor (1 = 100 % de la magnitud)."""


#: La política por defecto: PLE-PIN-P005 versión 8, vigente desde el 1 de marzo de 2023.
POLITICA_PLE_PIN_P005_V8 = Politica()
