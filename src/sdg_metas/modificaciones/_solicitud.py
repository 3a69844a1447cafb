"""La solicitud de modificación o eliminación de una meta (Política 9, viñeta 1) y sus
enumeraciones: :class:`Medio`, :class:`Causal`, :class:`Instancia`, :class:`Elegibilidad`, y
:class:`Concepto` (los conceptos previos de las viñetas 6 y 7). El rol de quien presenta la
solicitud es :class:`~sdg_metas.ciclo.Rol`, el mismo del ciclo de vida del plan.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

import attrs

from .._validacion import (
    EnumTexto,
    de_tipo,
    enum_desde_texto,
    exigir_entero,
    exigir_fecha,
    mostrar,
    sin_tildes,
    tupla_de,
)
from ..ciclo import Rol
from ..errores import ErrorModificacion, TipoInvalido
from ..modelo import Efecto, Meta
from ..trimestre import validar_vigencia


class Medio(
    EnumTexto,
    campo="medio",
    error=ErrorModificacion,
    nombres={"CORREO_ELECTRONICO": "correo electrónico", "OTRO": "otro medio"},
):
    """El medio por el que llega una solicitud o un concepto (Política 9, viñetas 1 y 6).

    ``desde_texto`` lo lee por su nombre (``"memorando"``, ``"correo electrónico"`` …):

    >>> Medio.desde_texto("Correo electrónico")
    <Medio.CORREO_ELECTRONICO: 'correo_electronico'>
    >>> Medio.CORREO_ELECTRONICO.nombre
    'correo electrónico'
    """

    MEMORANDO = "memorando"
    CORREO_ELECTRONICO = "correo_electronico"
    OTRO = "otro"


#: Los medios formales de la viñeta 1: memorando o correo electrónico.
MEDIOS_FORMALES = frozenset({Medio.MEMORANDO, Medio.CORREO_ELECTRONICO})


class Causal(EnumTexto, campo="causal_excepcional", error=ErrorModificacion):
    """Causales por las que la OAP puede revisar una segunda modificación (Política 9, viñeta 3)."""

    CAMBIO_NORMATIVO = "cambio_normativo"
    FUERZA_MAYOR = "fuerza_mayor"


class Instancia(
    EnumTexto,
    campo="instancia",
    error=ErrorModificacion,
    nombres={
        "LIDER_PROCESO_LIDER": "el líder del proceso que lidera la meta",
        "SUBSECRETARIA_GESTION_LOCAL": "la Subsecretaría de Gestión Local",
        "DIRECCION_GESTION_POLICIVA": "la Dirección para la Gestión Policiva",
        "DIRECCION_GESTION_DESARROLLO_LOCAL": "la Dirección para la Gestión del Desarrollo Local",
    },
):
    """Quién emite un concepto previo (Política 9, viñetas 6 y 7). Su ``nombre`` (para los
    mensajes) lleva el artículo:

    >>> Instancia.SUBSECRETARIA_GESTION_LOCAL.nombre
    'la Subsecretaría de Gestión Local'
    """

    LIDER_PROCESO_LIDER = "lider_proceso_lider"
    SUBSECRETARIA_GESTION_LOCAL = "subsecretaria_gestion_local"
    DIRECCION_GESTION_POLICIVA = "direccion_gestion_policiva"
    DIRECCION_GESTION_DESARROLLO_LOCAL = "direccion_gestion_desarrollo_local"

    @classmethod
    def orientadora(cls, dependencia: str | None) -> Instancia | None:
        """La instancia que orienta una meta local según su ``dependencia_orientadora``.

        Reconoce el nombre de la dependencia sin importar mayúsculas ni tildes; ``None`` si no
        la reconoce.

        >>> Instancia.orientadora("Dirección para la Gestión Policiva").name
        'DIRECCION_GESTION_POLICIVA'
        >>> Instancia.orientadora("Subsecretaría de Gestión Local").name
        'SUBSECRETARIA_GESTION_LOCAL'
        >>> Instancia.orientadora("Dirección para la Gestión del Desarrollo Local").name
        'DIRECCION_GESTION_DESARROLLO_LOCAL'
        >>> Instancia.orientadora("Secretaría de Hacienda") is None
        True
        """
        if dependencia is None:
            return None
        clave = sin_tildes(dependencia)
        if "policiva" in clave:
            return cls.DIRECCION_GESTION_POLICIVA
        if "desarrollo local" in clave:
            return cls.DIRECCION_GESTION_DESARROLLO_LOCAL
        if "gestion local" in clave:
            return cls.SUBSECRETARIA_GESTION_LOCAL
        return None

    @classmethod
    def desde_texto(cls, texto: object) -> Instancia:
        """La instancia por su nombre de miembro o por el nombre de la dependencia.

        >>> Instancia.desde_texto("Subsecretaría de Gestión Local").name
        'SUBSECRETARIA_GESTION_LOCAL'
        >>> Instancia.desde_texto("Secretaría de Hacienda")
        Traceback (most recent call last):
        ...
        sdg_metas.errores.ErrorModificacion: instancia: 'Secretaría de Hacienda' no es un valor válido; valores válidos: lider_proceso_lider, subsecretaria_gestion_local, direccion_gestion_policiva, direccion_gestion_desarrollo_local
        """
        if isinstance(texto, str):
            orientadora = cls.orientadora(texto)
            if orientadora is not None:
                return orientadora
        return super().desde_texto(texto)


class Elegibilidad(
    EnumTexto,
    campo="elegibilidad",
    error=ErrorModificacion,
    nombres={"REQUIERE_REVISION_OAP": "requiere revisión de la OAP"},
):
    """El resultado de :func:`~sdg_metas.modificaciones.evaluar_solicitud` (Política 9,
    viñeta 9: decide la OAP).

    - ``ELEGIBLE``: cumple todas las reglas que aplican; la OAP puede autorizarla o negarla.
    - ``NO_ELEGIBLE``: incumple al menos una regla.
    - ``REQUIERE_REVISION_OAP``: una segunda modificación por cambio normativo o fuerza mayor
      justificada (viñeta 3): la OAP revisa el caso particular.
    """

    ELEGIBLE = "elegible"
    NO_ELEGIBLE = "no_elegible"
    REQUIERE_REVISION_OAP = "requiere_revision_oap"


# --- validadores y conversores -------------------------------------------------------------------

_booleano = de_tipo("True o False", bool)
_texto = de_tipo("un texto", str)
_texto_opcional = de_tipo("un texto", str, opcional=True)
_meta = de_tipo("una Meta", Meta)
_meta_opcional = de_tipo("una Meta", Meta, opcional=True)


def _fecha(_inst: object, atributo: attrs.Attribute[datetime.date], valor: object) -> None:
    exigir_fecha(valor, atributo.name)


def _rol(valor: str | Rol) -> Rol:
    return enum_desde_texto(Rol, valor, "rol", ErrorModificacion)


def _medio(valor: str | Medio) -> Medio:
    return Medio.desde_texto(valor)


def _instancia(valor: str | Instancia) -> Instancia:
    return Instancia.desde_texto(valor)


def _causal(valor: str | Causal | None) -> Causal | None:
    if valor is None:
        return None
    return Causal.desde_texto(valor)


def _trimestre_reportado(numero: object) -> int:
    exigir_entero(numero, "trimestres_reportados", "un número de trimestre (1..4)")
    assert isinstance(numero, int)
    if not 1 <= numero <= 4:
        raise ErrorModificacion(
            f"trimestres_reportados: {numero} no es un trimestre; debe estar entre 1 y 4",
            codigo="TRIMESTRE_INVALIDO",
            campo="trimestres_reportados",
            valor=numero,
        )
    return numero


def _reportados(valor: Iterable[int]) -> frozenset[int]:
    if isinstance(valor, (str, bytes)) or not isinstance(valor, Iterable):
        raise TipoInvalido(
            f"trimestres_reportados: {mostrar(valor)} debe ser un conjunto de números de trimestre (1..4)",
            campo="trimestres_reportados",
            valor=valor,
        )
    return frozenset(_trimestre_reportado(numero) for numero in valor)


def _conceptos(valor: Iterable[Concepto]) -> tuple[Concepto, ...]:
    return tupla_de(valor, Concepto, "conceptos", "un Concepto")


def _previas(_inst: object, _atributo: attrs.Attribute[int], valor: object) -> None:
    exigir_entero(valor, "modificaciones_previas")
    assert isinstance(valor, int)
    if valor < 0:
        raise ErrorModificacion(
            f"modificaciones_previas: {valor} no puede ser negativo",
            codigo="MODIFICACIONES_PREVIAS_INVALIDAS",
            campo="modificaciones_previas",
            valor=valor,
        )


def _vigencia_opcional(inst: object, atributo: attrs.Attribute[Any], valor: object) -> None:
    if valor is not None:
        exigir_entero(valor, atributo.name, "un año (número entero), o quedar vacío")
        validar_vigencia(inst, atributo, valor)


# --- Concepto y solicitud ------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Concepto:
    """Un concepto previo sobre la solicitud (Política 9, viñetas 6 y 7).

    ``emisor`` nombra a quien lo emite (para una meta transversal, el proceso que la lidera:
    MOD-09, ``INT-29``); ``None`` si no se sabe.

    >>> import datetime
    >>> c = Concepto("Dirección para la Gestión Policiva", True, "memorando",
    ...              datetime.date(2025, 3, 1))
    >>> c.instancia.name, c.medio.name, c.emisor
    ('DIRECCION_GESTION_POLICIVA', 'MEMORANDO', None)
    >>> Concepto("lider_proceso_lider", True, "memorando", datetime.date(2025, 3, 1),
    ...          emisor="Gestión Corporativa").emisor
    'Gestión Corporativa'
    """

    instancia: Instancia = attrs.field(converter=_instancia)
    favorable: bool = attrs.field(validator=_booleano)
    medio: Medio = attrs.field(converter=_medio)
    fecha: datetime.date = attrs.field(validator=_fecha)
    emisor: str | None = attrs.field(default=None, kw_only=True, validator=_texto_opcional)


@attrs.frozen(slots=True, kw_only=True)
class SolicitudModificacion:
    """Una solicitud de modificación o eliminación de una meta (Política 9).

    ``meta`` es la meta como está; ``propuesta`` la meta como quedaría (mismo ``codigo``) o,
    con ``eliminar=True``, ``None``. ``modificaciones_previas`` cuenta las modificaciones de la
    meta ya aplicadas en la vigencia y ``trimestres_reportados`` los trimestres con seguimiento
    (:func:`~sdg_metas.modificaciones.solicitud_desde_plan` los toma del plan). ``vigencia`` es
    el año del plan; si es ``None`` se toma el de ``fecha``.

    Una solicitud inconsistente no se construye (``ErrorModificacion``):

    >>> import datetime
    >>> from sdg_metas import Meta, Programacion
    >>> m = Meta(codigo="M1", descripcion="Atender 100 solicitudes", peso=20,
    ...          programacion=Programacion("suma", 100, [25, 25, 25, 25]))
    >>> SolicitudModificacion(meta=m, fecha=datetime.date(2025, 3, 1), solicitante="lider_proceso",
    ...                       medio="memorando", destinatario="jefe_oap", justificacion="x")
    Traceback (most recent call last):
    ...
    sdg_metas.errores.ErrorModificacion: propuesta: la solicitud no trae propuesta ni pide eliminar la meta 'M1'
    """

    meta: Meta = attrs.field(validator=_meta)
    fecha: datetime.date = attrs.field(validator=_fecha)
    solicitante: Rol = attrs.field(converter=_rol)
    medio: Medio = attrs.field(converter=_medio)
    destinatario: Rol = attrs.field(converter=_rol)
    justificacion: str = attrs.field(validator=_texto)
    propuesta: Meta | None = attrs.field(default=None, validator=_meta_opcional)
    eliminar: bool = attrs.field(default=False, validator=_booleano)
    modificaciones_previas: int = attrs.field(default=0, validator=_previas)
    trimestres_reportados: frozenset[int] = attrs.field(default=frozenset(), converter=_reportados)
    conceptos: tuple[Concepto, ...] = attrs.field(default=(), converter=_conceptos)
    causal_excepcional: Causal | None = attrs.field(default=None, converter=_causal)
    vigencia: int | None = attrs.field(default=None, validator=_vigencia_opcional)

    def __attrs_post_init__(self) -> None:
        _exigir_meta_vigente(self.meta)
        _exigir_propuesta_o_eliminar(self)
        if self.propuesta is not None:
            _exigir_propuesta_valida(self.meta, self.propuesta)

    @property
    def anio(self) -> int:
        """La vigencia de la solicitud: ``vigencia`` o, si falta, el año de ``fecha``."""
        return self.fecha.year if self.vigencia is None else self.vigencia


def _exigir_meta_vigente(meta: Meta) -> None:
    if meta.eliminada_desde is not None:
        raise ErrorModificacion(
            f"meta: la meta {mostrar(meta.codigo)} ya está marcada como «Meta eliminada» desde "
            f"{meta.eliminada_desde}; no se puede modificar ni eliminar de nuevo",
            codigo="META_ELIMINADA",
            campo="meta",
            valor=meta.codigo,
        )


def _exigir_propuesta_o_eliminar(s: SolicitudModificacion) -> None:
    codigo = s.meta.codigo
    if s.eliminar and s.propuesta is not None:
        raise ErrorModificacion(
            f"propuesta: la solicitud pide eliminar la meta {mostrar(codigo)} y a la vez trae una "
            "propuesta; use eliminar=True sin propuesta, o una propuesta sin eliminar",
            codigo="ELIMINAR_CON_PROPUESTA",
            campo="propuesta",
            valor=s.propuesta.codigo,
        )
    if not s.eliminar and s.propuesta is None:
        raise ErrorModificacion(
            f"propuesta: la solicitud no trae propuesta ni pide eliminar la meta {mostrar(codigo)}",
            codigo="SIN_PROPUESTA",
            campo="propuesta",
            valor=None,
        )


def _exigir_propuesta_valida(meta: Meta, propuesta: Meta) -> None:
    codigo = meta.codigo
    if propuesta.codigo != codigo:
        raise ErrorModificacion(
            f"propuesta.codigo: {mostrar(propuesta.codigo)} no es el código de la meta que se "
            f"modifica ({mostrar(codigo)})",
            codigo="CODIGO_DISTINTO",
            campo="propuesta.codigo",
            valor=propuesta.codigo,
        )
    if propuesta.eliminada_desde is not None:
        raise ErrorModificacion(
            f"propuesta.eliminada_desde: {propuesta.eliminada_desde}; para eliminar una "
            "meta use eliminar=True",
            codigo="PROPUESTA_ELIMINADA",
            campo="propuesta.eliminada_desde",
            valor=str(propuesta.eliminada_desde),
        )
    if propuesta == meta:
        raise ErrorModificacion(
            f"propuesta: la propuesta es igual a la meta {mostrar(codigo)}; no cambia nada",
            codigo="SIN_CAMBIOS",
            campo="propuesta",
            valor=codigo,
        )


def efecto_pedido(s: SolicitudModificacion) -> Efecto:
    """El efecto que pide la solicitud: modificar, eliminar o, si la meta tiene seguimiento,
    marcarla como «Meta eliminada» (MOD-11)."""
    if not s.eliminar:
        return Efecto.MODIFICAR
    return Efecto.MARCAR_ELIMINADA if s.trimestres_reportados else Efecto.ELIMINAR
