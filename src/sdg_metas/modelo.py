"""El modelo del dominio: metas, programaciones, trimestres, reportes y planes de gestión.

Todas las clases son inmutables (``attrs``, ``frozen=True, slots=True``) y se validan al
construirse: un objeto del modelo nunca guarda un número inválido. La *coherencia* (por ejemplo,
que la programación trimestral de una meta SUMA sume la magnitud) no se exige al construir, para
poder diagnosticarla: de eso se encargan :func:`~sdg_metas.verificar_programacion` y las demás
verificaciones, que devuelven hallazgos.

>>> from sdg_metas import Programacion, TipoProgramacion, Trimestre
>>> p = Programacion("Suma", 100, [10, 20, "30", 40.0])
>>> p.tipo, p.magnitud, p.trimestres
(<TipoProgramacion.SUMA: 'suma'>, Decimal('100'), (Decimal('10'), Decimal('20'), Decimal('30'), Decimal('40.0')))
>>> str(Trimestre(2025, 4).siguiente())
'2026-T1'
"""

from __future__ import annotations

import datetime
import enum
import functools
from collections.abc import Iterable
from decimal import Decimal, localcontext
from typing import Any, cast

import attrs

from ._validacion import (
    EnumTexto,
    acelerar,
    copiador,
    de_tipo,
    exigir_tipo,
    mostrar,
    sin_tildes,
    textos,
    tupla_acotada,
    tupla_de,
    validar_fecha,
    validar_fecha_opcional,
)
from .errores import ErrorModelo, ErrorProgramacion
from .indice import IndicePlan
from .invariantes import problemas_del_plan, problemas_sin_validar
from .numeros import CONTEXTO, a_decimal
from .trimestre import Trimestre, indice_trimestre, validar_vigencia

__all__ = [
    "Efecto",
    "Indicador",
    "Meta",
    "Nivel",
    "Numero",
    "PlanDeGestion",
    "Programacion",
    "RegistroModificacion",
    "ReportadoPor",
    "Reporte",
    "TipoProgramacion",
    "Trimestre",
    "ejecucion_de",
    "ejecuciones_de",
    "es_porcentual",
    "memoria_del_plan",
    "problemas_del_plan",
]

#: Lo que la biblioteca acepta como número de entrada (los ``float`` entran por ``str``).
Numero = int | str | Decimal | float

_CIEN = Decimal(100)


class TipoProgramacion(EnumTexto, campo="tipo"):
    """Los cuatro tipos de programación de una meta (Política 9, viñeta 2).

    ``desde_texto`` lo lee de su nombre, sin importar mayúsculas ni tildes:

    >>> TipoProgramacion.desde_texto("Creciente")
    <TipoProgramacion.CRECIENTE: 'creciente'>
    >>> TipoProgramacion.desde_texto("lineal")
    Traceback (most recent call last):
    ...
    sdg_metas.errores.ErrorModelo: tipo: 'lineal' no es un valor válido; valores válidos: suma, constante, creciente, decreciente
    """

    SUMA = "suma"
    CONSTANTE = "constante"
    CRECIENTE = "creciente"
    DECRECIENTE = "decreciente"


class Nivel(EnumTexto, campo="nivel"):
    """Nivel del plan: un proceso del nivel central o una Alcaldía Local (``"central"``,
    ``"Local"`` …)."""

    CENTRAL = "central"
    LOCAL = "local"


class ReportadoPor(EnumTexto, campo="reportado_por", nombres={"AREA_CENTRAL": "área central"}):
    """Quién reporta el seguimiento de una meta (Política de operación 8).

    - ``UNIDAD``: el proceso o la Alcaldía Local dueña del plan.
    - ``AREA_CENTRAL``: un área del nivel central responsable del reporte de una meta local o
      transversal, que remite numerador, denominador, resultado y observaciones a la OAP.
    """

    UNIDAD = "unidad"
    AREA_CENTRAL = "area_central"


class Efecto(enum.Enum):
    """Efecto de una solicitud de modificación sobre la meta (Política 9, viñetas 3 a 8)."""

    MODIFICAR = "modificar"
    ELIMINAR = "eliminar"
    MARCAR_ELIMINADA = "marcar_eliminada"


# --- validadores y conversores (de las fábricas de _validacion) ------------------------------

_texto = de_tipo("un texto", str)
_texto_opcional = de_tipo("un texto", str, opcional=True)
_booleano = de_tipo("True o False", bool)


# Un miembro pasa tal cual; los textos ya reconocidos se recuerdan (a lo sumo 256).
_TIPOS_VISTOS: dict[str, TipoProgramacion] = {}


def _tipo(valor: str | TipoProgramacion) -> TipoProgramacion:
    if type(valor) is TipoProgramacion:
        return valor
    tipo = _TIPOS_VISTOS.get(valor) if type(valor) is str else None
    if tipo is None and len(_TIPOS_VISTOS) < 256 and type(valor) is str:
        tipo = _TIPOS_VISTOS[valor] = TipoProgramacion.desde_texto(valor)
    return tipo or TipoProgramacion.desde_texto(valor)


def _nivel(valor: str | Nivel) -> Nivel:
    return valor if type(valor) is Nivel else Nivel.desde_texto(valor)


def _reportado_por(valor: str | ReportadoPor) -> ReportadoPor:
    return valor if type(valor) is ReportadoPor else ReportadoPor.desde_texto(valor)


def _nivel_opcional(valor: str | Nivel | None) -> Nivel | None:
    return None if valor is None else Nivel.desde_texto(valor)


def _validar_codigo(_inst: object, atributo: attrs.Attribute[str], valor: object) -> None:
    if type(valor) is not str:
        _texto(_inst, atributo, valor)
    assert isinstance(valor, str)
    if not valor.strip():
        raise ErrorModelo(f"{atributo.name}: el código no puede estar vacío",
                          codigo="CODIGO_VACIO", campo=atributo.name, valor=valor)


# Conversores con nombre (mypy no admite otros); un campo ausente no llama a nadie (issue 12).
def _linea_base(valor: Numero | None) -> Decimal | None:
    return None if valor is None else a_decimal(valor, "linea_base")


def _ejecucion(valor: Numero | None) -> Decimal | None:
    return None if valor is None else a_decimal(valor, "ejecucion")


def _numerador(valor: Numero | None) -> Decimal | None:
    return None if valor is None else a_decimal(valor, "numerador")


def _denominador(valor: Numero | None) -> Decimal | None:
    return None if valor is None else a_decimal(valor, "denominador")


def _avance(valor: Numero | None) -> Decimal | None:
    return None if valor is None else a_decimal(valor, "avance_reportado", negativo=True)


def _ejecucion_acumulada(valor: Numero | None) -> Decimal | None:
    return None if valor is None else a_decimal(valor, "ejecucion_acumulada_reportada")


def _avance_acumulado(valor: Numero | None) -> Decimal | None:
    return None if valor is None else a_decimal(valor, "avance_acumulado_reportado", negativo=True)


def _magnitud(valor: Numero) -> Decimal:
    return a_decimal(valor, "magnitud")


@functools.cache
def _comportamientos() -> Any:
    from .tipos import TIPOS  # tipos importa modelo: se importa al usarlo, una vez (issue 12)

    return TIPOS


def _valores_trimestrales(valores: Iterable[Numero | None]) -> tuple[Decimal | None, ...]:
    lista = tupla_acotada(valores, "trimestres", "una secuencia de cuatro valores (T1..T4)")
    if len(lista) != 4:
        raise ErrorProgramacion(
            f"trimestres: se esperan exactamente 4 valores (T1..T4) y se recibieron {len(lista)}",
            codigo="TRIMESTRES_INVALIDOS",
            campo="trimestres",
            valor=valores,
        )
    t1, t2, t3, t4 = lista  # a_decimal_opcional de cada uno, en orden, sin ciclo (issue 12)
    return (None if t1 is None else a_decimal(t1, "trimestres[T1]"),
            None if t2 is None else a_decimal(t2, "trimestres[T2]"),
            None if t3 is None else a_decimal(t3, "trimestres[T3]"),
            None if t4 is None else a_decimal(t4, "trimestres[T4]"))


def es_porcentual(unidad: str | None) -> bool:
    """¿La unidad es un porcentaje? (``"%"``, ``"porcentaje"``, ``"Porcentaje (%)"`` …)

    >>> es_porcentual("%"), es_porcentual("Porcentaje"), es_porcentual("número")
    (True, True, False)
    """
    if unidad is None:
        return False
    normal = sin_tildes(exigir_tipo(unidad, str, "unidad", "un texto (o quedar vacío)"))
    return normal == "%" or normal.startswith("porcentaje") or normal == "por ciento"


_trimestre_opcional = de_tipo("un Trimestre", Trimestre, opcional=True)
_trimestre = de_tipo("un Trimestre (use Trimestre.desde_texto)", Trimestre)


# --- Programación -----------------------------------------------------------------------------

# Programacion, Meta y Reporte (una o más por meta) no admiten referencias débiles: 8 B menos
# por objeto (issue 12, memoria por meta). PlanDeGestion sí las admite.

@attrs.frozen(slots=True, weakref_slot=False)
class Programacion:
    """La programación de una meta: tipo, magnitud total, valores de T1..T4 y línea base.

    Cada valor trimestral es un número mayor o igual que 0, o ``None`` (no programado en ese
    trimestre). En una meta SUMA un trimestre programado en 0 también cuenta como no
    programado. La construcción valida los *valores*, no la coherencia (ver
    :func:`~sdg_metas.verificar_programacion`).

    >>> Programacion("constante", 100, [100, 100, None, 100]).programados
    (True, True, False, True)
    >>> Programacion("suma", 10, [0, 5, 5, None]).programados
    (False, True, True, False)
    >>> Programacion("suma", 10, [1, 2, 3])
    Traceback (most recent call last):
    ...
    sdg_metas.errores.ErrorProgramacion: trimestres: se esperan exactamente 4 valores (T1..T4) y se recibieron 3
    """

    tipo: TipoProgramacion = attrs.field(converter=_tipo)
    magnitud: Decimal = attrs.field(converter=_magnitud)
    trimestres: tuple[Decimal | None, ...] = attrs.field(converter=_valores_trimestrales)
    linea_base: Decimal | None = attrs.field(default=None, converter=_linea_base)
    programados: tuple[bool, ...] = attrs.field(init=False, repr=False, eq=False)

    @programados.default
    def _programados(self) -> tuple[bool, ...]:
        return cast("tuple[bool, ...]", _comportamientos()[self.tipo].programados(self.trimestres))

    def programado(self, numero: int) -> bool:
        """¿El trimestre ``numero`` (1..4) está programado?"""
        return self.programados[indice_trimestre(numero)]

    def valor(self, numero: int) -> Decimal | None:
        """Lo programado en el trimestre ``numero`` (1..4), o ``None``."""
        return self.trimestres[indice_trimestre(numero)]


_NADA = (type(None),)  # los conversores opcionales devuelven None tal cual (issue 12)
acelerar(Programacion, {"tipo": (TipoProgramacion,), "linea_base": _NADA})


# --- Indicador y Meta -------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Indicador:
    """La fórmula del indicador de una meta, en palabras (nombre, numerador, denominador)."""

    nombre: str = attrs.field(validator=_texto)
    numerador: str = attrs.field(default="", validator=_texto)
    denominador: str = attrs.field(default="", validator=_texto)
    unidad: str = attrs.field(default="", validator=_texto)

    @property
    def formula(self) -> str:
        """``numerador / denominador`` en palabras."""
        return f"({self.numerador}) / ({self.denominador})"


_programacion = de_tipo("una Programacion", Programacion, campo="programacion")


def _peso(valor: Numero) -> Decimal:
    peso = a_decimal(valor, "peso")
    if peso > _CIEN:
        raise ErrorModelo(
            f"peso: {valor} supera 100; el peso de una meta es un porcentaje del plan",
            codigo="PESO_INVALIDO",
            campo="peso",
            valor=valor,
        )
    return peso


_indicador_opcional = de_tipo("un Indicador", Indicador, opcional=True, campo="indicador")


def _sin_dato_si_blanco(valor: str | None) -> str | None:
    """Un texto opcional en blanco (vacío o solo espacios) es «sin dato», ``None``: lo mismo que
    una celda vacía de CSV o de Excel, así el plan es el mismo en todos los formatos. Otro
    valor pasa tal cual (el validador rechaza lo que no es texto)."""
    return None if type(valor) is str and not valor.strip() else valor


@attrs.frozen(slots=True, weakref_slot=False, kw_only=True)
class Meta:
    """Una meta del plan de gestión.

    ``peso`` es su porcentaje dentro del plan (0..100). ``eliminada_desde`` es el trimestre desde
    el cual la meta está marcada como «Meta eliminada» (Política 9, viñeta 8), o ``None``.
    ``nivel`` es el de su plan: una meta construida sin nivel (``None``, «no dado») toma el de
    :class:`PlanDeGestion` al entrar en él, y una meta cuyo nivel contradice el de su plan es un
    error (``NIVEL_CONTRADICTORIO``). ``proceso_lider``, ``dependencia_orientadora`` y
    ``objetivo_estrategico`` en blanco son ``None`` («sin dato», como una celda vacía).

    >>> from sdg_metas import Meta, Programacion
    >>> m = Meta(codigo="M1", descripcion="Atender 100 solicitudes",
    ...          programacion=Programacion("suma", 100, [25, 25, 25, 25]), peso=20)
    >>> m.activa_en(4), m.nivel is None
    (True, True)
    """

    codigo: str = attrs.field(validator=_validar_codigo)
    descripcion: str = attrs.field(validator=_texto)
    programacion: Programacion = attrs.field(validator=_programacion)
    peso: Decimal = attrs.field(converter=_peso)
    unidad: str = attrs.field(default="", validator=_texto)
    nivel: Nivel | None = attrs.field(default=None, converter=_nivel_opcional)
    transversal: bool = attrs.field(default=False, validator=_booleano)
    proceso_lider: str | None = attrs.field(
        default=None, converter=_sin_dato_si_blanco, validator=_texto_opcional
    )
    dependencia_orientadora: str | None = attrs.field(
        default=None, converter=_sin_dato_si_blanco, validator=_texto_opcional
    )
    entregables: tuple[str, ...] = attrs.field(default=(), converter=textos)
    indicador: Indicador | None = attrs.field(default=None, validator=_indicador_opcional)
    objetivo_estrategico: str | None = attrs.field(
        default=None, converter=_sin_dato_si_blanco, validator=_texto_opcional
    )
    eliminada_desde: Trimestre | None = attrs.field(default=None, validator=_trimestre_opcional)

    @property
    def porcentual(self) -> bool:
        """¿La meta se mide en porcentaje?"""
        return es_porcentual(self.unidad)

    def activa_en(self, trimestre: int | Trimestre) -> bool:
        """¿La meta cuenta en ese trimestre? (no lo está desde su ``eliminada_desde``)."""
        if self.eliminada_desde is None:
            return True
        numero = indice_trimestre(trimestre) + 1
        if isinstance(trimestre, Trimestre):
            return trimestre < self.eliminada_desde
        return numero < self.eliminada_desde.numero


acelerar(Meta, {"nivel": (*_NADA, Nivel), "proceso_lider": _NADA,
               "dependencia_orientadora": _NADA, "objetivo_estrategico": _NADA})


# --- Reporte ----------------------------------------------------------------------------------


@attrs.frozen(slots=True, weakref_slot=False, kw_only=True)
class Reporte:
    """El reporte de seguimiento de una meta en un trimestre (Actividad 9).

    La ejecución se da directamente o como ``numerador`` y ``denominador`` (Política 8). Los
    avances reportados son fracciones (1 = 100 %), como los de :class:`~sdg_metas.Resultado`.
    ``codigo_meta`` dice a qué meta del plan pertenece.

    >>> from datetime import date
    >>> r = Reporte(codigo_meta="M1", trimestre=Trimestre(2025, 1), ejecucion=20,
    ...             analisis="Se atendieron 20 solicitudes", evidencias=["acta.pdf"],
    ...             fecha_envio=date(2025, 4, 10))
    >>> r.ejecucion, r.evidencias
    (Decimal('20'), ('acta.pdf',))
    """

    trimestre: Trimestre = attrs.field(validator=_trimestre)
    ejecucion: Decimal | None = attrs.field(default=None, converter=_ejecucion)
    numerador: Decimal | None = attrs.field(default=None, converter=_numerador)
    denominador: Decimal | None = attrs.field(default=None, converter=_denominador)
    analisis: str = attrs.field(default="", validator=_texto)
    evidencias: tuple[str, ...] = attrs.field(default=(), converter=textos)
    fecha_envio: datetime.date | None = attrs.field(default=None, validator=validar_fecha_opcional)
    avance_reportado: Decimal | None = attrs.field(default=None, converter=_avance)
    ejecucion_acumulada_reportada: Decimal | None = attrs.field(
        default=None, converter=_ejecucion_acumulada
    )
    avance_acumulado_reportado: Decimal | None = attrs.field(
        default=None, converter=_avance_acumulado
    )
    analisis_acumulado: str = attrs.field(default="", validator=_texto)
    causas_retraso: str = attrs.field(default="", validator=_texto)
    codigo_meta: str = attrs.field(default="", validator=_texto)
    reportado_por: ReportadoPor = attrs.field(
        default=ReportadoPor.UNIDAD, converter=_reportado_por
    )


acelerar(Reporte, {
    **dict.fromkeys(("ejecucion", "numerador", "denominador", "avance_reportado",
                     "ejecucion_acumulada_reportada", "avance_acumulado_reportado"), _NADA),
    "reportado_por": (ReportadoPor,),
})


def ejecucion_de(reporte: Reporte, meta: Meta) -> Decimal | None:
    """La ejecución del reporte: la dada, o numerador/denominador (×100 si la meta es en %).

    ``None`` cuando no hay ejecución ni una razón calculable (denominador ausente o 0): REP-01 lo
    señala.

    >>> from sdg_metas import Meta, Programacion
    >>> m = Meta(codigo="M1", descripcion="Responder", unidad="%", peso=10,
    ...          programacion=Programacion("constante", 100, [100] * 4))
    >>> ejecucion_de(Reporte(trimestre=Trimestre(2025, 1), numerador=45, denominador=50), m)
    Decimal('90.0')
    """
    exigir_tipo(reporte, Reporte, "reporte", "un Reporte")
    exigir_tipo(meta, Meta, "meta", "una Meta")
    if reporte.ejecucion is not None:
        return reporte.ejecucion
    if reporte.numerador is None or reporte.denominador is None or reporte.denominador.is_zero():
        return None
    with localcontext(CONTEXTO):
        razon = reporte.numerador / reporte.denominador
        return razon * _CIEN if meta.porcentual else razon


def ejecuciones_de(meta: Meta, reportes: Iterable[Reporte]) -> tuple[Decimal | None, ...]:
    """T1..T4 de ``meta``: :func:`ejecucion_de` de cada reporte en su trimestre, ``None`` donde
    no hay reporte (o no trae ejecución)."""
    valores: list[Decimal | None] = [None, None, None, None]
    for reporte in tupla_de(reportes, Reporte, "reportes", "un Reporte"):
        valores[reporte.trimestre.numero - 1] = ejecucion_de(reporte, meta)
    return tuple(valores)


# --- Registro de modificaciones y Plan --------------------------------------------------------


_efecto = de_tipo("un Efecto", Efecto, campo="efecto")


@attrs.frozen(slots=True, kw_only=True)
class RegistroModificacion:
    """Una modificación o eliminación aplicada a una meta del plan (su historial).

    ``revision_oap`` indica que la OAP aprobó un caso que requería su revisión (Política 9,
    viñeta 3). ``solo_aumento`` indica que la modificación solo aumentó la magnitud de la meta
    (Política 9, viñeta 4, ``MOD-07``).
    """

    codigo_meta: str = attrs.field(validator=_validar_codigo)
    fecha_solicitud: datetime.date = attrs.field(validator=validar_fecha)
    fecha_aprobacion: datetime.date = attrs.field(validator=validar_fecha)
    efecto: Efecto = attrs.field(validator=_efecto)
    desde: Trimestre | None = attrs.field(default=None, validator=_trimestre_opcional)
    revision_oap: bool = attrs.field(default=False, validator=_booleano)
    descripcion: str = attrs.field(default="", validator=_texto)
    solo_aumento: bool = attrs.field(default=False, validator=_booleano)


# Una meta sin nivel toma el (ya validado) del plan: se copia sin validar otra vez (issue 12).
_con_nivel = copiador(Meta, "nivel")


def _metas(valor: Iterable[Meta]) -> tuple[Meta, ...]:
    return tupla_de(valor, Meta, "metas", "una Meta")


def _reportes(valor: Iterable[Reporte]) -> tuple[Reporte, ...]:
    return tupla_de(valor, Reporte, "reportes", "un Reporte")


def _modificaciones(valor: Iterable[RegistroModificacion]) -> tuple[RegistroModificacion, ...]:
    return tupla_de(valor, RegistroModificacion, "modificaciones", "un RegistroModificacion")


class _Recuerdos:
    """Lo que un plan calcula una sola vez y guarda, al primer uso (issue 12): su índice y su
    memoria. No son campos: no entran en la igualdad, el ``hash``, la representación, el JSON
    (``valor_json``) ni las copias (``pickle``, ``deepcopy``, ``attrs.evolve`` empiezan sin
    ellos)."""

    __slots__ = ("_indice", "_memoria")
    _indice: IndicePlan
    _memoria: dict[object, object]


@attrs.frozen(slots=True, kw_only=True)
class PlanDeGestion(_Recuerdos):
    """El plan de gestión de un proceso (nivel central) o de una Alcaldía Local, una vigencia.

    Cada reporte pertenece a una meta del plan (``codigo_meta``) y a un trimestre de la
    vigencia, y hay a lo sumo un reporte por meta y trimestre. Los códigos de meta repetidos no
    impiden construir el plan (son un hallazgo, ``FOR-08``), pero entonces los reportes de ese
    código son ambiguos y se rechazan.
    """

    vigencia: int = attrs.field(validator=validar_vigencia)
    unidad: str = attrs.field(validator=_texto)
    nivel: Nivel = attrs.field(converter=_nivel)
    metas: tuple[Meta, ...] = attrs.field(converter=_metas)
    reportes: tuple[Reporte, ...] = attrs.field(default=(), converter=_reportes)
    modificaciones: tuple[RegistroModificacion, ...] = attrs.field(
        default=(), converter=_modificaciones
    )

    def __attrs_post_init__(self) -> None:
        for problema in problemas_sin_validar(
            self.vigencia, self.metas, self.reportes, self.modificaciones, self.nivel
        ):
            raise problema
        if any(meta.nivel is None for meta in self.metas):
            # una meta sin nivel es del nivel de su plan (issue 11, punto 4)
            metas = tuple(
                _con_nivel(meta, self.nivel) if meta.nivel is None else meta
                for meta in self.metas
            )
            object.__setattr__(self, "metas", metas)

    def _posicion(self, codigo: str) -> tuple[IndicePlan, int | None]:
        try:
            indice = self._indice
        except AttributeError:  # una vez por plan, al primer uso; puro e idempotente
            indice = IndicePlan(self.metas, self.reportes)
            object.__setattr__(self, "_indice", indice)
        return indice, indice.posicion(codigo) if isinstance(codigo, str) else None

    def meta(self, codigo: str) -> Meta:
        """La meta con ese código (la primera, si estuviera repetido)."""
        posicion = self._posicion(codigo)[1]
        if posicion is not None:
            return self.metas[posicion]
        raise ErrorModelo(
            f"codigo: {mostrar(codigo)} no es una meta del plan {self.unidad} {self.vigencia}",
            codigo="META_DESCONOCIDA",
            campo="codigo",
            valor=codigo,
        )

    def reportes_de(self, codigo: str) -> tuple[Reporte, ...]:
        """Los reportes de una meta, ordenados por trimestre."""
        indice, posicion = self._posicion(codigo)
        return () if posicion is None else indice.reportes(posicion)

    def ejecuciones(self, codigo: str) -> tuple[Decimal | None, ...]:
        """Las cuatro ejecuciones (T1..T4) de una meta, ``None`` donde no hay reporte."""
        return ejecuciones_de(self.meta(codigo), self.reportes_de(codigo))

    def trimestres_reportados(self, codigo: str) -> frozenset[int]:
        """Los números de trimestre que tienen reporte de seguimiento para la meta."""
        return frozenset(r.trimestre.numero for r in self.reportes_de(codigo))

    def modificaciones_de(self, codigo: str) -> tuple[RegistroModificacion, ...]:
        """El historial de modificaciones aplicadas a una meta, en orden."""
        return tuple(r for r in self.modificaciones if r.codigo_meta == codigo)


def memoria_del_plan(plan: PlanDeGestion) -> dict[object, object]:
    """La memoria de resultados de ``plan`` (uso interno, issue 12), vacía al construir.

    Un plan es inmutable: lo que solo depende de él y de argumentos inmutables (política,
    calendario) se puede recordar. :func:`~sdg_metas.evaluar_plan` guarda ahí los hallazgos FOR
    y REP, que no dependen del trimestre evaluado. No entra en la igualdad ni en el ``hash``, y
    una copia (``pickle``, ``deepcopy``) la lleva vacía.
    """
    try:
        return plan._memoria
    except AttributeError:  # al primer uso: un plan que nadie evalúa no la paga
        memoria: dict[object, object] = {}
        object.__setattr__(plan, "_memoria", memoria)
        return memoria
