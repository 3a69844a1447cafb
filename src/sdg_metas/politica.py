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

from ._validacion import mostrar, sin_tildes, tupla_acotada
from .errores import ErrorSdgMetas

__all__ = [
    "POLITICA_PLE_PIN_P005_V8",
    "AvanceAcumulado",
    "CalificacionAnual",
    "ModoConstante",
    "Politica",
    "RetrasoSegun",
    "SentidoAumento",
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


class SentidoAumento(enum.Enum):
    """Qué es «aumentar su magnitud» (Política 9, viñeta 4; ``INT-27``).

    - ``AMBICION``: una meta más ambiciosa: una magnitud mayor en SUMA, CONSTANTE y CRECIENTE;
      menor en DECRECIENTE (reducir el tiempo de respuesta de 10 a 8 días es aumentar la meta).
    - ``NUMERICO``: una magnitud numéricamente mayor, sea cual sea el tipo.
    """

    AMBICION = "ambicion"
    NUMERICO = "numerico"


class RetrasoSegun(enum.Enum):
    """Con qué cifra se juzga que una meta «presenta retraso» (Actividad 9, Nota 1; ``INT-47``).

    - ``TRIMESTRE_O_ACUMULADO``: el avance del trimestre o el cumplimiento acumulado por debajo
      de lo programado.
    - ``ACUMULADO``: solo el cumplimiento acumulado.
    - ``TRIMESTRE``: solo el avance del trimestre.
    """

    TRIMESTRE_O_ACUMULADO = "trimestre_o_acumulado"
    ACUMULADO = "acumulado"
    TRIMESTRE = "trimestre"


def _invalida(mensaje: str, campo: str, valor: object) -> ErrorSdgMetas:
    """El error de un campo de :class:`Politica` con un valor inadmisible."""
    return ErrorSdgMetas(mensaje, codigo="POLITICA_INVALIDA", campo=campo, valor=valor)


# --- Verificaciones de formulación y reportes: tipos y validadores -----------------


class AvanceAcumulado(enum.Enum):
    """Con qué cifra calculada se compara el «% de avance acumulado» de un reporte (``INT-42``).

    - ``CUMPLIMIENTO``: el avance frente a lo programado a la fecha
      (``Resultado.cumplimiento``).
    - ``AVANCE_VIGENCIA``: el avance frente a la magnitud de todo el año
      (``Resultado.avance_vigencia``).
    """

    CUMPLIMIENTO = "cumplimiento"
    AVANCE_VIGENCIA = "avance_vigencia"


def _tolerancia(_inst: object, atributo: attrs.Attribute[Decimal], valor: object) -> None:
    if not isinstance(valor, Decimal) or not valor.is_finite() or valor < 0:
        raise _invalida(
            f"{atributo.name}: {mostrar(valor)} debe ser un Decimal finito mayor o igual que 0 "
            "(por ejemplo 0.01)",
            atributo.name,
            valor,
        )


def _booleano(_inst: object, atributo: attrs.Attribute[bool], valor: object) -> None:
    if not isinstance(valor, bool):
        raise _invalida(
            f"{atributo.name}: {mostrar(valor)} debe ser True o False",
            atributo.name,
            valor,
        )


def _conjunto_normalizado(valor: object, campo: str) -> frozenset[str]:
    """Un conjunto de textos no vacíos en minúsculas y sin tildes (``INT-40``, ``INT-46``)."""
    if isinstance(valor, (str, bytes)) or not hasattr(valor, "__iter__"):
        raise _invalida(
            f"{campo}: {mostrar(valor)} debe ser un conjunto de textos (por ejemplo frozenset({{'hogar'}}))",
            campo,
            valor,
        )
    resultado = set()
    for texto in tupla_acotada(valor, campo, "un conjunto de textos"):  # no uno infinito
        if not isinstance(texto, str) or not texto.strip():
            raise _invalida(f"{campo}: {mostrar(texto)} debe ser un texto no vacío", campo, texto)
        resultado.add(sin_tildes(texto))
    return frozenset(resultado)


def _palabras(valor: object) -> frozenset[str]:
    return _conjunto_normalizado(valor, "palabras_no_infinitivo")


def _vocabulario(valor: object) -> frozenset[str]:
    return _conjunto_normalizado(valor, "vocabulario_causas")


def _sin_analisis(valor: object) -> frozenset[str]:
    return _conjunto_normalizado(valor, "textos_sin_analisis")


#: Expresiones con las que un análisis nombra la causa de un retraso (``INT-46``); se buscan en
#: minúsculas y sin tildes.
VOCABULARIO_CAUSAS = frozenset(
    {
        "retraso", "retrasos", "retrasado", "demora", "demoras", "debido a", "se debe",
        "obedece", "suspension", "suspendido", "causa", "causas", "a raiz de", "por falta de",
        "no se logro", "no se alcanzo", "atraso", "atrasos", "incumplimiento", "dificultad",
        "dificultades", "impidio", "limitacion", "limitaciones",
    }
)

#: Textos que no son un análisis aunque no estén vacíos (``INT-46``), en minúsculas y sin tildes.
TEXTOS_SIN_ANALISIS = frozenset(
    {"n/a", "na", "n.a.", "no aplica", "ninguno", "ninguna", "sin analisis", "x", "pendiente"}
)

#: Palabras que terminan en -ar, -er o -ir y no son verbos en infinitivo (``INT-40``).
PALABRAS_NO_INFINITIVO = frozenset(
    {
        "auxiliar", "bienestar", "celular", "cualquier", "ejemplar", "escolar", "familiar",
        "hogar", "lugar", "militar", "mujer", "particular", "popular", "preliminar", "primer",
        "similar", "taller", "tercer",
    }
)


# --- Consolidación: tipos de los campos de calificación -----------------------------


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
        raise _invalida(
            f"{atributo.name}: {mostrar(valor)} debe ser un entero mayor o igual que 0",
            atributo.name,
            valor,
        )


def _fraccion_politica(_inst: object, atributo: attrs.Attribute[Decimal], valor: object) -> None:
    if not isinstance(valor, Decimal) or not valor.is_finite():
        raise _invalida(
            f"{atributo.name}: {mostrar(valor)} debe ser un Decimal finito (por ejemplo 0.8)",
            atributo.name,
            valor,
        )


def _miembro_politica(_inst: object, atributo: attrs.Attribute[Any], valor: object) -> None:
    clase = type(atributo.default)
    if not isinstance(valor, clase):
        raise _invalida(
            f"{atributo.name}: {mostrar(valor)} debe ser un {clase.__name__}",
            atributo.name,
            valor,
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
            raise _invalida(
                f"{nombre_a}: {a} no puede ser mayor que {nombre_b} ({b})",
                nombre_a,
                a,
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

    # --- Cálculos ------------------------------------------------------------------
    modo_constante: ModoConstante = ModoConstante.MEDIA
    """``INT-01``: acumulación de una meta CONSTANTE; por defecto la media de lo reportado."""

    # --- Calendario de reportes (Actividad 9, Nota 2) ------------------------------------------------------
    dias_plazo_reporte: int = attrs.field(default=15, validator=_no_negativo)
    """Días calendario siguientes al trimestre para enviar el reporte (Actividad 9, Nota 2)."""
    anticipado_incluye_cierre: bool = attrs.field(default=True, validator=_booleano)
    """``INT-10``: un reporte enviado el último día del trimestre es ``anticipado`` (el plazo
    corre en los días *siguientes* al trimestre); con ``False`` solo lo es uno enviado antes."""

    # --- Modificaciones (Política 9) --------------------------------------------------------------
    limite_solicitud_modificacion: tuple[int, int] = attrs.field(default=(6, 30))
    """``INT-20``: último día (mes, día), incluido, de la vigencia en que se puede presentar una
    solicitud de modificación o eliminación (MOD-04): por defecto el 30 de junio, fin del T2."""
    aumento_cuenta_como_modificacion: bool = attrs.field(default=True, validator=_booleano)
    """``INT-21``: un aumento de magnitud (MOD-07) cuenta como la única modificación de la
    vigencia (MOD-06); con ``False`` el aumento no está limitado por MOD-06 ni se cuenta."""
    trimestre_en_curso_modificable: bool = attrs.field(default=True, validator=_booleano)
    """``INT-22``: la programación del trimestre en curso (que no ha terminado ni tiene reporte)
    se puede modificar (MOD-08); con ``False`` solo los trimestres futuros."""
    eliminada_desde_primer_trimestre_sin_seguimiento: bool = attrs.field(
        default=False, validator=_booleano
    )
    """``INT-23``: con ``False`` una meta con seguimiento queda «Meta eliminada» desde el trimestre
    en que se autoriza la eliminación (MOD-11); con ``True`` desde el primer trimestre sin
    reporte, si es anterior."""
    advertencias_bloquean_coherencia: bool = attrs.field(default=False, validator=_booleano)
    """``INT-24``: con ``False`` MOD-05 solo falla por hallazgos FOR de severidad ``ERROR``; las
    ``ADVERTENCIA`` se informan sin impedir la elegibilidad."""
    conceptos_en_eliminacion: bool = attrs.field(default=True, validator=_booleano)
    """``INT-25``: los conceptos previos de MOD-09 y MOD-10 también se exigen para eliminar."""
    concepto_local_por_memorando_o_correo: bool = attrs.field(default=False, validator=_booleano)
    """``INT-25``: con ``True`` el concepto de MOD-10 también debe llegar por memorando o correo
    electrónico (la viñeta 7 no fija el medio; la 6 sí, para MOD-09)."""
    aumento_admite_ajustes_coherentes: bool = attrs.field(default=True, validator=_booleano)
    """``INT-26``: un aumento de magnitud (MOD-07) sigue siendo «solo un aumento» aunque cambie la
    redacción, la programación de los trimestres abiertos y los entregables en lo que la
    coherencia con la nueva magnitud exige (viñeta 2); nunca si cambia el tipo, el indicador o
    la línea base. Con ``False``, solo la magnitud y la programación de trimestres abiertos."""
    sentido_aumento: SentidoAumento = attrs.field(
        default=SentidoAumento.AMBICION, validator=_miembro_politica
    )
    """``INT-27``: «aumentar su magnitud» es hacer la meta más ambiciosa (más alta en SUMA,
    CONSTANTE y CRECIENTE; más baja en DECRECIENTE)."""
    constante_conserva_trimestres_medidos: bool = attrs.field(default=True, validator=_booleano)
    """``INT-28``: al juzgar la coherencia (MOD-05, FOR-02) de una propuesta para una meta
    CONSTANTE, los trimestres ya medidos conservan su valor original y los abiertos llevan el
    nuevo nivel."""
    concepto_exige_emisor: bool = attrs.field(default=True, validator=_booleano)
    """``INT-29``: el concepto favorable de MOD-09 debe nombrar a quien lo emite
    (``Concepto.emisor``) y ser el ``proceso_lider`` de la meta; uno sin emisor no cumple."""
    eliminacion_cuenta_como_modificacion: bool = attrs.field(default=False, validator=_booleano)
    """``INT-30``: con ``False`` eliminar una meta no es «modificarla» (MOD-06, viñeta 3): una
    meta ya modificada una vez se puede eliminar, y una eliminación no gasta la única
    modificación."""
    solicitud_desde_vigencia_anterior: bool = attrs.field(default=True, validator=_booleano)
    """``INT-31``: una solicitud se puede presentar desde la aprobación del plan, que ocurre en la
    vigencia anterior («para la siguiente vigencia», Actividad 8); con ``False`` solo dentro de
    la vigencia de la meta."""

    @limite_solicitud_modificacion.validator
    def _validar_limite_modificacion(self, atributo: attrs.Attribute[Any], valor: object) -> None:
        valido = (
            isinstance(valor, tuple)
            and len(valor) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in valor)
        )
        if valido:
            assert isinstance(valor, tuple)
            try:
                datetime.date(2001, valor[0], valor[1])
            except ValueError:
                valido = False
        if not valido:
            raise _invalida(
                f"{atributo.name}: {mostrar(valor)} debe ser una tupla (mes, día) de una fecha válida "
                "de un año no bisiesto, por ejemplo (6, 30)",
                atributo.name,
                valor,
            )

    # --- Verificaciones de formulación y reportes ------------------------------------
    palabras_no_infinitivo: frozenset[str] = attrs.field(
        default=PALABRAS_NO_INFINITIVO, converter=_palabras
    )
    """``INT-40``: palabras que terminan en -ar/-er/-ir y no son verbos en infinitivo (FOR-06);
    se comparan en minúsculas y sin tildes."""
    tolerancia_reporte: Decimal = attrs.field(default=Decimal("0.01"), validator=_tolerancia)
    """``INT-41``: tolerancia de REP-02 para los avances reportados, en puntos porcentuales
    (``Decimal("0.01")`` es 0.0001 como fracción)."""
    tolerancia_ejecucion_reporte: Decimal = attrs.field(
        default=Decimal("0.01"), validator=_tolerancia
    )
    """``INT-41``: tolerancia de REP-01 y REP-02 para ejecuciones (la del trimestre frente a
    numerador/denominador y la acumulada), en la unidad de la meta."""
    avance_acumulado_reporte: AvanceAcumulado = attrs.field(
        default=AvanceAcumulado.CUMPLIMIENTO, validator=_miembro_politica
    )
    """``INT-42``: el «% de avance acumulado» reportado se compara con el cumplimiento (avance
    frente a lo programado a la fecha)."""
    causas_retraso_en_analisis: bool = attrs.field(default=True, validator=_booleano)
    """``INT-43``: con ``True`` las causas del retraso (REP-03) pueden estar en
    ``Reporte.causas_retraso`` o en cualquiera de los dos análisis, si nombra una causa
    (``INT-46``); con ``False`` solo cuenta ``Reporte.causas_retraso``."""
    pesos_incluyen_eliminadas: bool = attrs.field(default=True, validator=_booleano)
    """``INT-45``: FOR-04 suma los pesos del plan como se formuló, con las metas marcadas «Meta
    eliminada»; la calificación (CON-01) ya renormaliza sin ellas."""
    vocabulario_causas: frozenset[str] = attrs.field(
        default=VOCABULARIO_CAUSAS, converter=_vocabulario
    )
    """``INT-46``: expresiones con las que un análisis nombra la causa de un retraso (REP-03)."""
    textos_sin_analisis: frozenset[str] = attrs.field(
        default=TEXTOS_SIN_ANALISIS, converter=_sin_analisis
    )
    """``INT-46``: textos que no son un análisis aunque no estén vacíos (además de los que no
    tienen ninguna palabra, como ``"."`` o ``"-"``)."""
    retraso_segun: RetrasoSegun = attrs.field(
        default=RetrasoSegun.TRIMESTRE_O_ACUMULADO, validator=_miembro_politica
    )
    """``INT-47``: una meta presenta retraso (REP-03) cuando el avance del trimestre o el
    cumplimiento acumulado están por debajo de lo programado."""
    suma_pesos_plan: Decimal = attrs.field(default=Decimal(100), validator=_tolerancia)
    """``INT-48``: los pesos de las metas de un plan suman este valor (FOR-04); la v8 no fija
    pesos: la fuente es el control de cambios de la versión 5 («ponderación y/o peso porcentual
    de las metas»)."""
    exigir_fecha_envio: bool = attrs.field(default=True, validator=_booleano)
    """``INT-44``: un reporte sin ``fecha_envio`` es una ADVERTENCIA de REP-06 (no se puede
    verificar la oportunidad); con ``False`` no se señala."""

    verificar_reportes_de_eliminadas: bool = attrs.field(default=False, validator=_booleano)
    """``INT-49``: con ``False`` el reporte de un trimestre en que la meta ya está marcada «Meta
    eliminada» (``Meta.eliminada_desde`` o después) no se verifica con las reglas REP; con
    ``True`` se verifica como el de cualquier meta."""

    # --- Consolidación: calificación, semáforo ---------------------------------------
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
    calificacion_ponderada: bool = attrs.field(default=True, validator=_booleano)
    """``INT-57``: la calificación de un plan (CON-01) es el promedio de los cumplimientos
    ponderado por el peso de cada meta; con ``False``, el promedio simple."""


#: La política por defecto: PLE-PIN-P005 versión 8, vigente desde el 1 de marzo de 2023.
POLITICA_PLE_PIN_P005_V8 = Politica()
