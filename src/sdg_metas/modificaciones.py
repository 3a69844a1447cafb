"""Modificación y eliminación de metas (Política de operación 9): reglas ``MOD-*``.

Un líder de proceso o un Alcalde Local pide cambiar o eliminar una meta durante la vigencia.
:func:`evaluar_solicitud` dice si la solicitud es **elegible** y por qué: da un
:class:`Motivo` por cada regla ``MOD-01`` … ``MOD-12``, en orden y sin detenerse en el primer
problema, con la cláusula de la que sale. La Oficina Asesora de Planeación (OAP) sigue siendo
quien decide (Política 9, viñeta 9): la biblioteca nunca da una solicitud por concedida.

>>> import datetime
>>> from sdg_metas import Indicador, Meta, Programacion
>>> from sdg_metas.modificaciones import (Medio, Rol, SolicitudModificacion,
...                                       evaluar_solicitud)
>>> meta = Meta(codigo="M1", descripcion="Atender las solicitudes ciudadanas", peso=20,
...             programacion=Programacion("suma", 100, [25, 25, 25, 25]),
...             entregables=["Informe"], indicador=Indicador("Atención", "Atendidas", "Recibidas"))
>>> propuesta = attrs.evolve(meta,
...                          programacion=Programacion("suma", 120, [25, 25, 35, 35]))
>>> solicitud = SolicitudModificacion(
...     meta=meta, fecha=datetime.date(2025, 5, 20), solicitante=Rol.LIDER_PROCESO,
...     medio=Medio.MEMORANDO, destinatario=Rol.JEFE_OAP,
...     justificacion="Aumenta la demanda ciudadana", propuesta=propuesta,
...     trimestres_reportados={1}, vigencia=2025)
>>> decision = evaluar_solicitud(solicitud)
>>> decision.elegibilidad.name, decision.efecto.name
('ELEGIBLE', 'MODIFICAR')
>>> sorted(decision.cambios.trimestres), decision.cambios.aumenta_magnitud
([3, 4], True)
>>> [m.regla for m in decision.motivos if m.cumple is None]
['MOD-09', 'MOD-10', 'MOD-11', 'MOD-12']
>>> print(decision.motivo("MOD-07").mensaje)
solo aumenta la magnitud (100 → 120) y programa trimestres abiertos: puede presentarse en cualquier momento de la vigencia

:func:`solicitud_desde_plan` toma del plan los hechos que la solicitud necesita (modificaciones
previas de la meta, trimestres con seguimiento) y :func:`aplicar_modificacion` produce la
siguiente versión del plan cuando la OAP autoriza la solicitud.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from ._validacion import enum_desde_texto, exigir_fecha, exigir_tipo, sin_tildes
from .errores import ErrorModificacion, TipoInvalido
from .formulacion import verificar_meta
from .modelo import (
    Efecto,
    Meta,
    Nivel,
    PlanDeGestion,
    RegistroModificacion,
    Trimestre,
)
from .politica import POLITICA_PLE_PIN_P005_V8, Politica
from .reglas import Motivo, Severidad

__all__ = [
    "Cambios",
    "Causal",
    "Concepto",
    "Decision",
    "Efecto",
    "Elegibilidad",
    "Instancia",
    "Medio",
    "Motivo",
    "Rol",
    "SolicitudModificacion",
    "aplicar_modificacion",
    "comparar_metas",
    "evaluar_solicitud",
    "solicitud_desde_plan",
]

#: Las reglas que evalúa :func:`evaluar_solicitud`, en orden.
REGLAS_MOD = tuple(f"MOD-{n:02d}" for n in range(1, 13))


_E = TypeVar("_E", bound=enum.Enum)


def _miembro(clase: type[_E], texto: object, campo: str) -> _E:
    """El miembro de ``clase`` por su nombre o valor (``ErrorModificacion`` si no existe)."""
    return enum_desde_texto(clase, texto, campo, ErrorModificacion)


class Rol(enum.Enum):
    """Quién presenta o a quién se dirige una solicitud (Política 9, viñeta 1)."""

    LIDER_PROCESO = "lider_proceso"
    ALCALDE_LOCAL = "alcalde_local"
    JEFE_OAP = "jefe_oap"
    OTRO = "otro"

    @classmethod
    def desde_texto(cls, texto: str | Rol) -> Rol:
        """El rol por su nombre (``"alcalde local"``, ``"JEFE_OAP"`` …).

        >>> Rol.desde_texto("Alcalde local")
        <Rol.ALCALDE_LOCAL: 'alcalde_local'>
        """
        return _miembro(cls, texto, "rol")


class Medio(enum.Enum):
    """El medio por el que llega una solicitud o un concepto (Política 9, viñetas 1 y 6)."""

    MEMORANDO = "memorando"
    CORREO_ELECTRONICO = "correo_electronico"
    OTRO = "otro"

    @classmethod
    def desde_texto(cls, texto: str | Medio) -> Medio:
        """El medio por su nombre (``"memorando"``, ``"correo electrónico"`` …).

        >>> Medio.desde_texto("Correo electrónico")
        <Medio.CORREO_ELECTRONICO: 'correo_electronico'>
        """
        return _miembro(cls, texto, "medio")


_MEDIOS_FORMALES = frozenset({Medio.MEMORANDO, Medio.CORREO_ELECTRONICO})


class Causal(enum.Enum):
    """Causales por las que la OAP puede revisar una segunda modificación (Política 9, viñeta 3)."""

    CAMBIO_NORMATIVO = "cambio_normativo"
    FUERZA_MAYOR = "fuerza_mayor"


class Instancia(enum.Enum):
    """Quién emite un concepto previo (Política 9, viñetas 6 y 7)."""

    LIDER_PROCESO_LIDER = "lider_proceso_lider"
    SUBSECRETARIA_GESTION_LOCAL = "subsecretaria_gestion_local"
    DIRECCION_GESTION_POLICIVA = "direccion_gestion_policiva"
    DIRECCION_GESTION_DESARROLLO_LOCAL = "direccion_gestion_desarrollo_local"

    @property
    def nombre(self) -> str:
        """El nombre de la instancia para los mensajes."""
        return _NOMBRES_INSTANCIA[self]

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
    def desde_texto(cls, texto: str | Instancia) -> Instancia:
        """La instancia por su nombre de miembro o por el nombre de la dependencia.

        >>> Instancia.desde_texto("Subsecretaría de Gestión Local").name
        'SUBSECRETARIA_GESTION_LOCAL'
        >>> Instancia.desde_texto("Secretaría de Hacienda")
        Traceback (most recent call last):
        ...
        sdg_metas.errores.ErrorModificacion: instancia: 'Secretaría de Hacienda' no es un valor válido; valores válidos: LIDER_PROCESO_LIDER, SUBSECRETARIA_GESTION_LOCAL, DIRECCION_GESTION_POLICIVA, DIRECCION_GESTION_DESARROLLO_LOCAL
        """
        if isinstance(texto, str):
            orientadora = cls.orientadora(texto)
            if orientadora is not None:
                return orientadora
        return _miembro(cls, texto, "instancia")


_NOMBRES_INSTANCIA = {
    Instancia.LIDER_PROCESO_LIDER: "el líder del proceso que lidera la meta",
    Instancia.SUBSECRETARIA_GESTION_LOCAL: "la Subsecretaría de Gestión Local",
    Instancia.DIRECCION_GESTION_POLICIVA: "la Dirección para la Gestión Policiva",
    Instancia.DIRECCION_GESTION_DESARROLLO_LOCAL: (
        "la Dirección para la Gestión del Desarrollo Local"
    ),
}


class Elegibilidad(enum.Enum):
    """El resultado de :func:`evaluar_solicitud` (Política 9, viñeta 9: decide la OAP).

    - ``ELEGIBLE``: cumple todas las reglas que aplican; la OAP puede autorizarla o negarla.
    - ``NO_ELEGIBLE``: incumple al menos una regla.
    - ``REQUIERE_REVISION_OAP``: una segunda modificación por cambio normativo o fuerza mayor
      justificada (viñeta 3): la OAP revisa el caso particular.
    """

    ELEGIBLE = "elegible"
    NO_ELEGIBLE = "no_elegible"
    REQUIERE_REVISION_OAP = "requiere_revision_oap"


# --- validadores --------------------------------------------------------------------------------


def _bool(_inst: object, atributo: attrs.Attribute[bool], valor: object) -> None:
    if not isinstance(valor, bool):
        raise TipoInvalido(
            f"{atributo.name}: {valor!r} debe ser True o False", campo=atributo.name, valor=valor
        )


def _texto(_inst: object, atributo: attrs.Attribute[str], valor: object) -> None:
    if not isinstance(valor, str):
        raise TipoInvalido(
            f"{atributo.name}: {valor!r} debe ser un texto", campo=atributo.name, valor=valor
        )


def _meta(_inst: object, atributo: attrs.Attribute[Meta], valor: object) -> None:
    if not isinstance(valor, Meta):
        raise TipoInvalido(
            f"{atributo.name}: {valor!r} debe ser una Meta", campo=atributo.name, valor=valor
        )


def _fecha(_inst: object, atributo: attrs.Attribute[datetime.date], valor: object) -> None:
    exigir_fecha(valor, atributo.name)


def _meta_opcional(_inst: object, atributo: attrs.Attribute[Meta | None], valor: object) -> None:
    if valor is not None and not isinstance(valor, Meta):
        raise TipoInvalido(
            f"{atributo.name}: {valor!r} debe ser una Meta o None", campo=atributo.name, valor=valor
        )


def _rol(valor: str | Rol) -> Rol:
    return Rol.desde_texto(valor)


def _medio(valor: str | Medio) -> Medio:
    return Medio.desde_texto(valor)


def _instancia(valor: str | Instancia) -> Instancia:
    return Instancia.desde_texto(valor)


def _causal(valor: str | Causal | None) -> Causal | None:
    if valor is None:
        return None
    return _miembro(Causal, valor, "causal_excepcional")


def _reportados(valor: Iterable[int]) -> frozenset[int]:
    if isinstance(valor, (str, bytes)) or not isinstance(valor, Iterable):
        raise TipoInvalido(
            f"trimestres_reportados: {valor!r} debe ser un conjunto de números de trimestre (1..4)",
            campo="trimestres_reportados",
            valor=valor,
        )
    resultado = set()
    for numero in valor:
        if isinstance(numero, bool) or not isinstance(numero, int):
            raise TipoInvalido(
                f"trimestres_reportados: {numero!r} debe ser un número de trimestre (1..4)",
                campo="trimestres_reportados",
                valor=numero,
            )
        if not 1 <= numero <= 4:
            raise ErrorModificacion(
                f"trimestres_reportados: {numero} no es un trimestre; debe estar entre 1 y 4",
                codigo="TRIMESTRE_INVALIDO",
                campo="trimestres_reportados",
                valor=numero,
            )
        resultado.add(numero)
    return frozenset(resultado)


def _conceptos(valor: Iterable[Concepto]) -> tuple[Concepto, ...]:
    if isinstance(valor, (str, bytes)) or not isinstance(valor, Iterable):
        raise TipoInvalido(
            f"conceptos: {valor!r} debe ser una secuencia de Concepto",
            campo="conceptos",
            valor=valor,
        )
    resultado = tuple(valor)
    for i, concepto in enumerate(resultado):
        if not isinstance(concepto, Concepto):
            raise TipoInvalido(
                f"conceptos[{i}]: {concepto!r} debe ser un Concepto",
                campo=f"conceptos[{i}]",
                valor=concepto,
            )
    return resultado


def _previas(_inst: object, atributo: attrs.Attribute[int], valor: object) -> None:
    if isinstance(valor, bool) or not isinstance(valor, int):
        raise TipoInvalido(
            f"modificaciones_previas: {valor!r} debe ser un número entero",
            campo="modificaciones_previas",
            valor=valor,
        )
    if valor < 0:
        raise ErrorModificacion(
            f"modificaciones_previas: {valor} no puede ser negativo",
            codigo="MODIFICACIONES_PREVIAS_INVALIDAS",
            campo="modificaciones_previas",
            valor=valor,
        )


def _vigencia_opcional(_inst: object, atributo: attrs.Attribute[int | None], valor: object) -> None:
    if valor is None:
        return
    if isinstance(valor, bool) or not isinstance(valor, int):
        raise TipoInvalido(
            f"vigencia: {valor!r} debe ser un año (número entero) o None",
            campo="vigencia",
            valor=valor,
        )
    Trimestre(valor, 1)  # valida el rango de la vigencia


# --- Concepto y solicitud ------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Concepto:
    """Un concepto previo sobre la solicitud (Política 9, viñetas 6 y 7).

    >>> import datetime
    >>> c = Concepto("Dirección para la Gestión Policiva", True, "memorando",
    ...              datetime.date(2025, 3, 1))
    >>> c.instancia.name, c.medio.name
    ('DIRECCION_GESTION_POLICIVA', 'MEMORANDO')
    """

    instancia: Instancia = attrs.field(converter=_instancia)
    favorable: bool = attrs.field(validator=_bool)
    medio: Medio = attrs.field(converter=_medio)
    fecha: datetime.date = attrs.field(validator=_fecha)


@attrs.frozen(slots=True, kw_only=True)
class SolicitudModificacion:
    """Una solicitud de modificación o eliminación de una meta (Política 9).

    ``meta`` es la meta como está; ``propuesta`` la meta como quedaría (mismo ``codigo``) o,
    con ``eliminar=True``, ``None``. ``modificaciones_previas`` cuenta las modificaciones de la
    meta ya aplicadas en la vigencia y ``trimestres_reportados`` los trimestres con seguimiento
    (:func:`solicitud_desde_plan` los toma del plan). ``vigencia`` es el año del plan; si es
    ``None`` se toma el de ``fecha``.

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
    eliminar: bool = attrs.field(default=False, validator=_bool)
    modificaciones_previas: int = attrs.field(default=0, validator=_previas)
    trimestres_reportados: frozenset[int] = attrs.field(default=frozenset(), converter=_reportados)
    conceptos: tuple[Concepto, ...] = attrs.field(default=(), converter=_conceptos)
    causal_excepcional: Causal | None = attrs.field(default=None, converter=_causal)
    vigencia: int | None = attrs.field(default=None, validator=_vigencia_opcional)

    def __attrs_post_init__(self) -> None:
        codigo = self.meta.codigo
        if self.meta.eliminada_desde is not None:
            raise ErrorModificacion(
                f"meta: la meta {codigo!r} ya está marcada como «Meta eliminada» desde "
                f"{self.meta.eliminada_desde}; no se puede modificar ni eliminar de nuevo",
                codigo="META_ELIMINADA",
                campo="meta",
                valor=codigo,
            )
        if self.eliminar and self.propuesta is not None:
            raise ErrorModificacion(
                f"propuesta: la solicitud pide eliminar la meta {codigo!r} y a la vez trae una "
                "propuesta; use eliminar=True sin propuesta, o una propuesta sin eliminar",
                codigo="ELIMINAR_CON_PROPUESTA",
                campo="propuesta",
                valor=self.propuesta.codigo,
            )
        if not self.eliminar and self.propuesta is None:
            raise ErrorModificacion(
                f"propuesta: la solicitud no trae propuesta ni pide eliminar la meta {codigo!r}",
                codigo="SIN_PROPUESTA",
                campo="propuesta",
                valor=None,
            )
        if self.propuesta is None:
            return
        if self.propuesta.codigo != codigo:
            raise ErrorModificacion(
                f"propuesta.codigo: {self.propuesta.codigo!r} no es el código de la meta que se "
                f"modifica ({codigo!r})",
                codigo="CODIGO_DISTINTO",
                campo="propuesta.codigo",
                valor=self.propuesta.codigo,
            )
        if self.propuesta.eliminada_desde is not None:
            raise ErrorModificacion(
                f"propuesta.eliminada_desde: {self.propuesta.eliminada_desde}; para eliminar una "
                "meta use eliminar=True",
                codigo="PROPUESTA_ELIMINADA",
                campo="propuesta.eliminada_desde",
                valor=str(self.propuesta.eliminada_desde),
            )
        if self.propuesta == self.meta:
            raise ErrorModificacion(
                f"propuesta: la propuesta es igual a la meta {codigo!r}; no cambia nada",
                codigo="SIN_CAMBIOS",
                campo="propuesta",
                valor=codigo,
            )

    @property
    def anio(self) -> int:
        """La vigencia de la solicitud: ``vigencia`` o, si falta, el año de ``fecha``."""
        return self.fecha.year if self.vigencia is None else self.vigencia


# --- Cambios ------------------------------------------------------------------------------------


@attrs.frozen(slots=True, kw_only=True)
class Cambios:
    """Lo que cambia una propuesta frente a la meta (vacío si la solicitud es de eliminación).

    ``trimestres`` son los números de los trimestres cuya programación cambia (valor o si está
    programado); ``otros`` los nombres de los demás campos que cambian.
    """

    magnitud_anterior: Decimal | None = None
    magnitud_nueva: Decimal | None = None
    trimestres: frozenset[int] = frozenset()
    tipo: bool = False
    descripcion: bool = False
    indicador: bool = False
    entregables: bool = False
    peso: bool = False
    otros: tuple[str, ...] = ()

    @property
    def aumenta_magnitud(self) -> bool:
        """¿La propuesta aumenta la magnitud?"""
        return (
            self.magnitud_anterior is not None
            and self.magnitud_nueva is not None
            and self.magnitud_nueva > self.magnitud_anterior
        )

    @property
    def disminuye_magnitud(self) -> bool:
        """¿La propuesta disminuye la magnitud?"""
        return (
            self.magnitud_anterior is not None
            and self.magnitud_nueva is not None
            and self.magnitud_nueva < self.magnitud_anterior
        )

    @property
    def programacion(self) -> bool:
        """¿Cambia la programación trimestral?"""
        return bool(self.trimestres)

    @property
    def solo_aumento(self) -> bool:
        """¿Los únicos cambios son una magnitud mayor y la programación trimestral? (MOD-07)"""
        return self.aumenta_magnitud and not (
            self.tipo
            or self.descripcion
            or self.indicador
            or self.entregables
            or self.peso
            or self.otros
        )

    def describir(self) -> str:
        """Los cambios en una línea, en español.

        >>> Cambios(magnitud_anterior=Decimal(100), magnitud_nueva=Decimal(120),
        ...         trimestres=frozenset({4, 3})).describir()
        'magnitud 100 → 120 (aumenta); programación de T3, T4'
        >>> Cambios().describir()
        'ninguno'
        """
        partes = []
        if self.magnitud_anterior != self.magnitud_nueva:
            sentido = "aumenta" if self.aumenta_magnitud else "disminuye"
            partes.append(f"magnitud {self.magnitud_anterior} → {self.magnitud_nueva} ({sentido})")
        if self.trimestres:
            partes.append("programación de " + ", ".join(f"T{n}" for n in sorted(self.trimestres)))
        nombres = (
            ("tipo", "tipo de programación"),
            ("descripcion", "redacción"),
            ("indicador", "indicador"),
            ("entregables", "entregables"),
            ("peso", "peso"),
        )
        partes.extend(texto for campo, texto in nombres if getattr(self, campo))
        partes.extend(self.otros)
        return "; ".join(partes) if partes else "ninguno"


_OTROS_CAMPOS = (
    "unidad",
    "nivel",
    "transversal",
    "proceso_lider",
    "dependencia_orientadora",
    "objetivo_estrategico",
)


def comparar_metas(meta: Meta, propuesta: Meta) -> Cambios:
    """Lo que cambia ``propuesta`` frente a ``meta``.

    >>> from sdg_metas import Meta, Programacion
    >>> m = Meta(codigo="M1", descripcion="Atender 100 solicitudes", peso=20,
    ...          programacion=Programacion("suma", 100, [25, 25, 25, 25]))
    >>> p = attrs.evolve(m, peso=30, programacion=Programacion("suma", 90, [25, 25, 20, 20]))
    >>> c = comparar_metas(m, p)
    >>> c.disminuye_magnitud, sorted(c.trimestres), c.peso, c.describir()
    (True, [3, 4], True, 'magnitud 100 → 90 (disminuye); programación de T3, T4; peso')
    """
    if not isinstance(meta, Meta) or not isinstance(propuesta, Meta):
        raise TipoInvalido(
            f"meta, propuesta: {meta!r}, {propuesta!r} deben ser Meta",
            campo="meta",
            valor=(meta, propuesta),
        )
    antes, despues = meta.programacion, propuesta.programacion
    trimestres = frozenset(
        n
        for n in range(1, 5)
        if antes.valor(n) != despues.valor(n) or antes.programado(n) != despues.programado(n)
    )
    otros = [campo for campo in _OTROS_CAMPOS if getattr(meta, campo) != getattr(propuesta, campo)]
    if antes.linea_base != despues.linea_base:
        otros.append("linea_base")
    return Cambios(
        magnitud_anterior=antes.magnitud,
        magnitud_nueva=despues.magnitud,
        trimestres=trimestres,
        tipo=antes.tipo is not despues.tipo,
        descripcion=meta.descripcion != propuesta.descripcion,
        indicador=meta.indicador != propuesta.indicador,
        entregables=meta.entregables != propuesta.entregables,
        peso=meta.peso != propuesta.peso,
        otros=tuple(otros),
    )


# --- Motivo y decisión --------------------------------------------------------------------------


_ESTADO = {True: "cumple", False: "no cumple", None: "no aplica"}


def _es(clase: type) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Un validador: el valor debe ser una instancia de ``clase`` (si no, ``TipoInvalido``)."""

    def validar(_inst: object, atributo: attrs.Attribute[Any], valor: object) -> None:
        if not isinstance(valor, clase):
            raise TipoInvalido(
                f"{atributo.name}: {valor!r} debe ser un {clase.__name__}",
                campo=atributo.name,
                valor=valor,
            )

    return validar


def _motivos(valor: Iterable[Motivo]) -> tuple[Motivo, ...]:
    if isinstance(valor, (str, bytes)) or not isinstance(valor, Iterable):
        raise TipoInvalido(
            f"motivos: {valor!r} debe ser una secuencia de Motivo", campo="motivos", valor=valor
        )
    resultado = tuple(valor)
    for i, motivo in enumerate(resultado):
        if not isinstance(motivo, Motivo):
            raise TipoInvalido(
                f"motivos[{i}]: {motivo!r} debe ser un Motivo", campo=f"motivos[{i}]", valor=motivo
            )
    return resultado


@attrs.frozen(slots=True)
class Decision:
    """La elegibilidad de una solicitud, su efecto, sus cambios y un motivo por regla MOD.

    La decisión es solo de elegibilidad: la OAP autoriza o niega (Política 9, viñeta 9).
    """

    elegibilidad: Elegibilidad = attrs.field(validator=_es(Elegibilidad))
    efecto: Efecto = attrs.field(validator=_es(Efecto))
    cambios: Cambios = attrs.field(validator=_es(Cambios))
    motivos: tuple[Motivo, ...] = attrs.field(converter=_motivos)
    codigo_meta: str = attrs.field(default="", kw_only=True, validator=_texto)

    def motivo(self, identificador: str) -> Motivo:
        """El motivo de una regla (``"MOD-04"``)."""
        for motivo in self.motivos:
            if motivo.regla == identificador:
                return motivo
        raise ErrorModificacion(
            f"regla: {identificador!r} no tiene motivo en la decisión; reglas: "
            f"{', '.join(m.regla for m in self.motivos)}",
            codigo="MOTIVO_DESCONOCIDO",
            campo="regla",
            valor=identificador,
        )

    @property
    def incumplidas(self) -> tuple[str, ...]:
        """Los identificadores de las reglas con ``cumple=False``."""
        return tuple(m.regla for m in self.motivos if m.cumple is False)

    def explicar(self) -> str:
        """La decisión en texto, en español, con una línea por regla y su fuente."""
        lineas = [
            (
                f"Solicitud sobre la meta {self.codigo_meta or '(sin código)'}: "
                f"{self.elegibilidad.name.replace('_', ' ')}"
            ),
            f"Efecto solicitado: {self.efecto.name.replace('_', ' ')}",
            f"Cambios: {self.cambios.describir()}",
        ]
        lineas.extend(
            f"- {m.regla} ({_ESTADO[m.cumple]}): {m.mensaje} [{m.fuente}]" for m in self.motivos
        )
        return "\n".join(lineas)


# --- evaluación ---------------------------------------------------------------------------------


def _mod_01(s: SolicitudModificacion) -> Motivo:
    esperado = Rol.ALCALDE_LOCAL if s.meta.nivel is Nivel.LOCAL else Rol.LIDER_PROCESO
    nivel = "local" if s.meta.nivel is Nivel.LOCAL else "del nivel central"
    quien = "el Alcalde Local" if esperado is Rol.ALCALDE_LOCAL else "el líder del proceso"
    if s.solicitante is esperado:
        return Motivo("MOD-01", True, f"la presenta {quien}, como corresponde a una meta {nivel}")
    return Motivo(
        "MOD-01",
        False,
        f"solicitante: {s.solicitante.name}; una meta {nivel} la solicita {quien} "
        f"({esperado.name})",
    )


def _mod_02(s: SolicitudModificacion) -> Motivo:
    problemas = []
    if s.medio not in _MEDIOS_FORMALES:
        problemas.append(f"medio: {s.medio.name}; debe ser MEMORANDO o CORREO_ELECTRONICO")
    if s.destinatario is not Rol.JEFE_OAP:
        problemas.append(
            f"destinatario: {s.destinatario.name}; debe dirigirse al Jefe de la OAP (JEFE_OAP)"
        )
    if problemas:
        return Motivo("MOD-02", False, "; ".join(problemas))
    return Motivo("MOD-02", True, f"llega por {s.medio.name} dirigida al Jefe de la OAP")


def _mod_03(s: SolicitudModificacion) -> Motivo:
    if s.justificacion.strip():
        return Motivo("MOD-03", True, "trae justificación técnica y/o legal")
    return Motivo(
        "MOD-03",
        False,
        f"justificacion: {s.justificacion!r}; falta la justificación técnica y/o legal",
    )


def _limite(s: SolicitudModificacion, politica: Politica) -> datetime.date:
    mes, dia = politica.limite_solicitud_modificacion
    return datetime.date(s.anio, mes, dia)


def _fuera_de_vigencia(s: SolicitudModificacion) -> Motivo | None:
    if s.fecha.year != s.anio:
        return Motivo(
            "MOD-04",
            False,
            f"fecha: {s.fecha.isoformat()} no es de la vigencia {s.anio} de la meta",
        )
    return None


def _mod_04(s: SolicitudModificacion, politica: Politica, exenta: bool) -> Motivo:
    fuera = _fuera_de_vigencia(s)
    if fuera is not None:
        return fuera
    limite = _limite(s, politica)
    if s.fecha <= limite:
        return Motivo(
            "MOD-04",
            True,
            f"presentada el {s.fecha.isoformat()}, dentro del plazo ({limite.isoformat()})",
        )
    if exenta:
        return Motivo(
            "MOD-04",
            True,
            f"presentada el {s.fecha.isoformat()}, después del plazo ({limite.isoformat()}), "
            "pero solo aumenta la magnitud: exenta del plazo por MOD-07",
        )
    return Motivo(
        "MOD-04",
        False,
        f"fecha: {s.fecha.isoformat()} es posterior al plazo de la vigencia "
        f"({limite.isoformat()}, fin del segundo trimestre)",
    )


def _mod_05(s: SolicitudModificacion, politica: Politica) -> Motivo:
    if s.propuesta is None:
        return Motivo("MOD-05", None, "solicitud de eliminación: no hay propuesta que verificar")
    hallazgos = verificar_meta(s.propuesta, politica=politica)
    errores = [
        h
        for h in hallazgos
        if h.severidad is Severidad.ERROR or politica.advertencias_bloquean_coherencia
    ]
    avisos = [h for h in hallazgos if h not in errores]
    if errores:
        detalle = "; ".join(f"{h.regla} {h.mensaje}" for h in errores)
        return Motivo("MOD-05", False, f"la propuesta no es coherente: {detalle}")
    if avisos:
        detalle = "; ".join(f"{h.regla} {h.mensaje}" for h in avisos)
        return Motivo("MOD-05", True, f"la propuesta es coherente; advertencias: {detalle}")
    return Motivo("MOD-05", True, "la propuesta es coherente (cumple las reglas FOR)")


def _mod_06(s: SolicitudModificacion, politica: Politica, aumento: bool) -> Motivo:
    previas = s.modificaciones_previas
    if aumento and not politica.aumento_cuenta_como_modificacion:
        return Motivo(
            "MOD-06",
            None,
            "solo aumenta la magnitud; por la política (INT-21) no cuenta como la única "
            "modificación de la vigencia",
        )
    if previas == 0:
        return Motivo("MOD-06", True, "es la primera modificación de la meta en la vigencia")
    texto = (
        f"modificaciones_previas: {previas}; la meta ya se modificó en la vigencia y solo se "
        "modifica una vez"
    )
    if s.causal_excepcional is not None and s.justificacion.strip():
        return Motivo(
            "MOD-06",
            False,
            f"{texto}; invoca {s.causal_excepcional.name} con justificación: la OAP puede "
            "revisar el caso particular",
            revision_oap=True,
        )
    if s.causal_excepcional is not None:
        texto += f"; invoca {s.causal_excepcional.name} pero sin justificación"
    return Motivo("MOD-06", False, texto)


def _cerrado(s: SolicitudModificacion, numero: int, politica: Politica) -> bool:
    """¿El trimestre ya terminó (o está en curso, según la política) en la fecha de la solicitud?"""
    if s.fecha.year != s.anio:
        return s.fecha.year > s.anio
    trimestre = Trimestre(s.anio, numero)
    if politica.trimestre_en_curso_modificable:
        return s.fecha > trimestre.fin
    return s.fecha >= trimestre.inicio


def _trimestres_cerrados(
    s: SolicitudModificacion, cambios: Cambios, politica: Politica
) -> list[str]:
    problemas = []
    for numero in sorted(cambios.trimestres):
        razones = []
        if _cerrado(s, numero, politica):
            razones.append(
                "su corte ya terminó" if politica.trimestre_en_curso_modificable else "ya comenzó"
            )
        if numero in s.trimestres_reportados:
            razones.append("ya tiene seguimiento (periodo medido)")
        if razones:
            problemas.append(f"T{numero}: " + " y ".join(razones))
    return problemas


def _mod_07(
    s: SolicitudModificacion, cambios: Cambios, cerrados: list[str], politica: Politica
) -> Motivo:
    if s.propuesta is None or not cambios.aumenta_magnitud:
        return Motivo("MOD-07", None, "la solicitud no aumenta la magnitud")
    if cambios.solo_aumento and not cerrados:
        return Motivo(
            "MOD-07",
            True,
            f"solo aumenta la magnitud ({cambios.magnitud_anterior} → {cambios.magnitud_nueva}) "
            "y programa trimestres abiertos: puede presentarse en cualquier momento de la vigencia",
        )
    if cerrados:
        razon = f"cambia la programación de trimestres cerrados ({'; '.join(cerrados)})"
    else:
        razon = f"también cambia otros elementos ({cambios.describir()})"
    if s.fecha > _limite(s, politica):
        return Motivo(
            "MOD-07",
            False,
            f"aumenta la magnitud pero {razon}: no es solo un aumento y no está exenta del plazo",
        )
    return Motivo(
        "MOD-07",
        None,
        f"aumenta la magnitud pero {razon}: no es solo un aumento; dentro del plazo no necesita "
        "la exención",
    )


def _mod_08(cambios: Cambios, cerrados: list[str]) -> Motivo:
    if not cambios.trimestres:
        return Motivo("MOD-08", None, "no cambia la programación trimestral")
    trimestres = ", ".join(f"T{n}" for n in sorted(cambios.trimestres))
    if cerrados:
        return Motivo(
            "MOD-08",
            False,
            f"trimestres: cambia la programación de periodos cerrados: {'; '.join(cerrados)}",
        )
    return Motivo(
        "MOD-08",
        True,
        f"cambia la programación de {trimestres}, periodos aún sin corte ni medición",
    )


def _concepto(
    s: SolicitudModificacion, instancias: Iterable[Instancia], exigir_medio: bool
) -> tuple[bool, str]:
    """¿Hay un concepto previo favorable de alguna de ``instancias``? y el porqué."""
    buscadas = tuple(instancias)
    nombre = " o ".join(i.nombre for i in buscadas)
    candidatos = [c for c in s.conceptos if c.instancia in buscadas]
    if not candidatos:
        return False, f"conceptos: falta el concepto previo favorable de {nombre}"
    problemas = []
    for c in candidatos:
        fallas = []
        if not c.favorable:
            fallas.append("es desfavorable")
        if c.fecha > s.fecha:
            fallas.append(f"es del {c.fecha.isoformat()}, posterior a la solicitud")
        if exigir_medio and c.medio not in _MEDIOS_FORMALES:
            fallas.append(f"llegó por {c.medio.name}, no por memorando ni correo electrónico")
        if not fallas:
            return True, (
                f"hay concepto previo favorable de {c.instancia.nombre} "
                f"({c.medio.name}, {c.fecha.isoformat()})"
            )
        problemas.append(f"el concepto de {c.instancia.nombre} " + " y ".join(fallas))
    return False, "conceptos: " + "; ".join(problemas)


def _mod_09(s: SolicitudModificacion, politica: Politica) -> Motivo:
    if not s.meta.transversal:
        return Motivo("MOD-09", None, "la meta no es transversal")
    if s.eliminar and not politica.conceptos_en_eliminacion:
        return Motivo("MOD-09", None, "eliminación: la política (INT-25) no exige el concepto")
    cumple, texto = _concepto(s, (Instancia.LIDER_PROCESO_LIDER,), exigir_medio=True)
    return Motivo("MOD-09", cumple, f"meta transversal: {texto}")


def _mod_10(s: SolicitudModificacion, politica: Politica) -> Motivo:
    if s.meta.nivel is not Nivel.LOCAL:
        return Motivo("MOD-10", None, "la meta no es de un plan de alcaldía local")
    if s.eliminar and not politica.conceptos_en_eliminacion:
        return Motivo("MOD-10", None, "eliminación: la política (INT-25) no exige el concepto")
    instancia = Instancia.orientadora(s.meta.dependencia_orientadora)
    if instancia is None:
        return Motivo(
            "MOD-10",
            False,
            f"dependencia_orientadora: {s.meta.dependencia_orientadora!r} no es la Subsecretaría "
            "de Gestión Local, la Dirección para la Gestión Policiva ni la Dirección para la "
            "Gestión del Desarrollo Local; no se sabe qué concepto corresponde",
        )
    cumple, texto = _concepto(
        s, (instancia,), exigir_medio=politica.concepto_local_por_memorando_o_correo
    )
    return Motivo("MOD-10", cumple, f"meta local: {texto}")


def _efecto(s: SolicitudModificacion) -> Efecto:
    if not s.eliminar:
        return Efecto.MODIFICAR
    return Efecto.MARCAR_ELIMINADA if s.trimestres_reportados else Efecto.ELIMINAR


def _mod_11(s: SolicitudModificacion) -> Motivo:
    if not s.eliminar:
        return Motivo("MOD-11", None, "la solicitud no pide eliminar la meta")
    if s.trimestres_reportados:
        reportados = ", ".join(f"T{n}" for n in sorted(s.trimestres_reportados))
        return Motivo(
            "MOD-11",
            True,
            f"la meta tiene seguimiento ({reportados}): no se elimina, se marca como «Meta "
            "eliminada» y su resultado sale de la calificación del proceso desde el trimestre en "
            "que la OAP la autorice; los trimestres anteriores no cambian",
        )
    return Motivo("MOD-11", True, "la meta no tiene seguimiento: puede eliminarse del plan")


def _mod_12() -> Motivo:
    return Motivo(
        "MOD-12",
        None,
        "esta decisión es solo de elegibilidad: la OAP autoriza o niega la solicitud; si la "
        "autoriza, el líder de proceso o alcalde local remite la versión ajustada por Caso HOLA",
    )


def evaluar_solicitud(
    solicitud: SolicitudModificacion, politica: Politica = POLITICA_PLE_PIN_P005_V8
) -> Decision:
    """Evalúa una solicitud frente a MOD-01..MOD-12 (Política 9) y dice si es elegible.

    Da exactamente un :class:`Motivo` por regla, en orden, sin detenerse en la primera que
    falla. La elegibilidad es ``NO_ELEGIBLE`` si algún motivo no cumple (salvo el de MOD-06 que
    la OAP puede revisar), ``REQUIERE_REVISION_OAP`` si solo falla ese, y ``ELEGIBLE`` si
    ninguno falla.

    >>> import datetime
    >>> from sdg_metas import Meta, Programacion
    >>> m = Meta(codigo="M2", descripcion="Realizar 4 jornadas", peso=10,
    ...          programacion=Programacion("suma", 4, [1, 1, 1, 1]))
    >>> s = SolicitudModificacion(meta=m, fecha=datetime.date(2025, 8, 1), eliminar=True,
    ...                           solicitante=Rol.OTRO, medio=Medio.OTRO,
    ...                           destinatario=Rol.JEFE_OAP, justificacion=" ",
    ...                           trimestres_reportados={1, 2})
    >>> d = evaluar_solicitud(s)
    >>> d.elegibilidad.name, d.efecto.name, d.incumplidas
    ('NO_ELEGIBLE', 'MARCAR_ELIMINADA', ('MOD-01', 'MOD-02', 'MOD-03', 'MOD-04'))
    >>> print(d.motivo("MOD-04").mensaje)
    fecha: 2025-08-01 es posterior al plazo de la vigencia (2025-06-30, fin del segundo trimestre)
    """
    exigir_tipo(solicitud, SolicitudModificacion, "solicitud", "una SolicitudModificacion")
    exigir_tipo(politica, Politica, "politica", "una Politica")
    s = solicitud
    cambios = Cambios() if s.propuesta is None else comparar_metas(s.meta, s.propuesta)
    cerrados = _trimestres_cerrados(s, cambios, politica)
    mod_07 = _mod_07(s, cambios, cerrados, politica)
    motivos = (
        _mod_01(s),
        _mod_02(s),
        _mod_03(s),
        _mod_04(s, politica, exenta=mod_07.cumple is True),
        _mod_05(s, politica),
        _mod_06(s, politica, aumento=mod_07.cumple is True),
        mod_07,
        _mod_08(cambios, cerrados),
        _mod_09(s, politica),
        _mod_10(s, politica),
        _mod_11(s),
        _mod_12(),
    )
    if any(m.cumple is False and not m.revision_oap for m in motivos):
        elegibilidad = Elegibilidad.NO_ELEGIBLE
    elif any(m.revision_oap for m in motivos):
        elegibilidad = Elegibilidad.REQUIERE_REVISION_OAP
    else:
        elegibilidad = Elegibilidad.ELEGIBLE
    return Decision(elegibilidad, _efecto(s), cambios, motivos, codigo_meta=s.meta.codigo)


# --- desde el plan y aplicación -----------------------------------------------------------------

_MARCA_AUMENTO = "Aumento de magnitud (MOD-07)"


def _validar_plan(plan: object) -> None:
    exigir_tipo(plan, PlanDeGestion, "plan", "un PlanDeGestion")


def solicitud_desde_plan(
    plan: PlanDeGestion,
    codigo_meta: str,
    *,
    fecha: datetime.date,
    solicitante: Rol | str,
    medio: Medio | str,
    destinatario: Rol | str,
    justificacion: str,
    propuesta: Meta | None = None,
    eliminar: bool = False,
    conceptos: Iterable[Concepto] = (),
    causal_excepcional: Causal | str | None = None,
    politica: Politica = POLITICA_PLE_PIN_P005_V8,
) -> SolicitudModificacion:
    """Una solicitud sobre la meta ``codigo_meta`` del plan, con los hechos tomados del plan.

    ``modificaciones_previas`` cuenta las modificaciones ya aplicadas a la meta en la vigencia
    del plan (sin los aumentos de magnitud si la política dice que no cuentan, ``INT-21``);
    ``trimestres_reportados`` son los trimestres con reporte de la meta; ``vigencia`` es la del
    plan.

    >>> import datetime
    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> plan = plan_ejemplo()
    >>> codigo = plan.metas[0].codigo
    >>> s = solicitud_desde_plan(plan, codigo, fecha=datetime.date(plan.vigencia, 5, 2),
    ...                          solicitante="lider_proceso", medio="memorando",
    ...                          destinatario="jefe_oap", justificacion="Cambio normativo",
    ...                          eliminar=True)
    >>> s.modificaciones_previas, s.vigencia == plan.vigencia
    (0, True)
    """
    _validar_plan(plan)
    meta = plan.meta(codigo_meta)
    previas = [
        r
        for r in plan.modificaciones_de(codigo_meta)
        if r.fecha_aprobacion.year == plan.vigencia
        and (
            politica.aumento_cuenta_como_modificacion
            or not r.descripcion.startswith(_MARCA_AUMENTO)
        )
    ]
    return SolicitudModificacion(
        meta=meta,
        fecha=fecha,
        solicitante=solicitante,
        medio=medio,
        destinatario=destinatario,
        justificacion=justificacion,
        propuesta=propuesta,
        eliminar=eliminar,
        modificaciones_previas=len(previas),
        trimestres_reportados=plan.trimestres_reportados(codigo_meta),
        conceptos=tuple(conceptos),
        causal_excepcional=causal_excepcional,
        vigencia=plan.vigencia,
    )


def _desde(
    plan: PlanDeGestion, codigo: str, aprobacion: datetime.date, politica: Politica
) -> Trimestre:
    numero = Trimestre.de_fecha(aprobacion).numero
    reportados = plan.trimestres_reportados(codigo)
    if (
        politica.eliminada_desde_primer_trimestre_sin_seguimiento
        and reportados
        and max(reportados) < numero
    ):
        numero = max(reportados) + 1
    return Trimestre(plan.vigencia, numero)


def aplicar_modificacion(
    plan: PlanDeGestion,
    solicitud: SolicitudModificacion,
    decision: Decision,
    fecha_aprobacion: datetime.date,
    *,
    revision_oap_aprobada: bool = False,
    politica: Politica = POLITICA_PLE_PIN_P005_V8,
) -> PlanDeGestion:
    """La siguiente versión del plan, cuando la OAP autoriza la solicitud.

    - ``MODIFICAR``: la meta se reemplaza por la propuesta.
    - ``ELIMINAR`` (sin seguimiento): la meta sale del plan, con su historial.
    - ``MARCAR_ELIMINADA``: la meta queda «Meta eliminada» (``Meta.eliminada_desde``) desde el
      trimestre de ``fecha_aprobacion`` (``INT-23``); sus reportes no cambian.

    Salvo en ``ELIMINAR`` se agrega un :class:`~sdg_metas.RegistroModificacion`, que la siguiente
    solicitud sobre la meta cuenta. Las demás metas no cambian. Una decisión que no es
    ``ELEGIBLE`` se rechaza (``ErrorModificacion``) salvo con ``revision_oap_aprobada=True``: quien
    llama declara que la OAP revisó y autorizó el caso.

    >>> import datetime
    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> plan = plan_ejemplo()
    >>> codigo = plan.metas[0].codigo
    >>> s = solicitud_desde_plan(plan, codigo, fecha=datetime.date(plan.vigencia, 2, 2),
    ...                          solicitante="lider_proceso", medio="memorando",
    ...                          destinatario="jefe_oap", justificacion="Cambio normativo",
    ...                          eliminar=True)
    >>> d = evaluar_solicitud(s)
    >>> aplicar_modificacion(plan, s, attrs.evolve(d, elegibilidad=Elegibilidad.NO_ELEGIBLE),
    ...                      datetime.date(plan.vigencia, 2, 10))
    Traceback (most recent call last):
    ...
    sdg_metas.errores.ErrorModificacion: decision: la solicitud es NO_ELEGIBLE; solo se aplica con revision_oap_aprobada=True (la OAP revisó y autorizó el caso)
    """
    _validar_plan(plan)
    if not isinstance(solicitud, SolicitudModificacion):
        raise TipoInvalido(
            f"solicitud: {solicitud!r} debe ser una SolicitudModificacion",
            campo="solicitud",
            valor=solicitud,
        )
    if not isinstance(decision, Decision):
        raise TipoInvalido(
            f"decision: {decision!r} debe ser una Decision", campo="decision", valor=decision
        )
    exigir_fecha(fecha_aprobacion, "fecha_aprobacion")
    if not isinstance(revision_oap_aprobada, bool):
        raise TipoInvalido(
            f"revision_oap_aprobada: {revision_oap_aprobada!r} debe ser True o False",
            campo="revision_oap_aprobada",
            valor=revision_oap_aprobada,
        )
    codigo = solicitud.meta.codigo
    if decision.elegibilidad is not Elegibilidad.ELEGIBLE and not revision_oap_aprobada:
        raise ErrorModificacion(
            f"decision: la solicitud es {decision.elegibilidad.name}; solo se aplica con "
            "revision_oap_aprobada=True (la OAP revisó y autorizó el caso)",
            codigo="DECISION_NO_ELEGIBLE",
            campo="decision",
            valor=decision.elegibilidad.name,
        )
    if decision.efecto is not _efecto(solicitud) or decision.codigo_meta not in ("", codigo):
        raise ErrorModificacion(
            f"decision: la decisión ({decision.codigo_meta or '?'}, {decision.efecto.name}) no "
            f"corresponde a la solicitud ({codigo}, {_efecto(solicitud).name})",
            codigo="DECISION_AJENA",
            campo="decision",
            valor=decision.efecto.name,
        )
    indice = next((i for i, m in enumerate(plan.metas) if m.codigo == codigo), None)
    if indice is None or plan.metas[indice] != solicitud.meta:
        problema = (
            "no es una meta del plan"
            if indice is None
            else ("no coincide con la meta del plan (la solicitud se hizo sobre otra versión)")
        )
        raise ErrorModificacion(
            f"solicitud.meta: {codigo!r} {problema}",
            codigo="META_DESACTUALIZADA",
            campo="solicitud.meta",
            valor=codigo,
        )
    if fecha_aprobacion < solicitud.fecha or fecha_aprobacion.year != plan.vigencia:
        raise ErrorModificacion(
            f"fecha_aprobacion: {fecha_aprobacion.isoformat()} debe ser de la vigencia "
            f"{plan.vigencia} y no anterior a la solicitud ({solicitud.fecha.isoformat()})",
            codigo="FECHA_APROBACION_INVALIDA",
            campo="fecha_aprobacion",
            valor=fecha_aprobacion,
        )
    revision = revision_oap_aprobada and decision.elegibilidad is not Elegibilidad.ELEGIBLE
    metas = list(plan.metas)
    efecto = decision.efecto
    if efecto is Efecto.ELIMINAR:
        if plan.trimestres_reportados(codigo):
            raise ErrorModificacion(
                f"solicitud.trimestres_reportados: la meta {codigo!r} tiene seguimiento en el "
                "plan; no se elimina, se marca como «Meta eliminada» (MOD-11)",
                codigo="META_CON_SEGUIMIENTO",
                campo="solicitud.trimestres_reportados",
                valor=sorted(plan.trimestres_reportados(codigo)),
            )
        del metas[indice]
        return attrs.evolve(
            plan,
            metas=metas,
            modificaciones=[r for r in plan.modificaciones if r.codigo_meta != codigo],
        )
    desde: Trimestre | None = None
    if efecto is Efecto.MARCAR_ELIMINADA:
        desde = _desde(plan, codigo, fecha_aprobacion, politica)
        metas[indice] = attrs.evolve(solicitud.meta, eliminada_desde=desde)
        descripcion = f"Meta eliminada desde {desde}"
    else:
        assert solicitud.propuesta is not None
        metas[indice] = solicitud.propuesta
        descripcion = decision.cambios.describir()
        if decision.cambios.solo_aumento:
            descripcion = f"{_MARCA_AUMENTO}: {descripcion}"
    registro = RegistroModificacion(
        codigo_meta=codigo,
        fecha_solicitud=solicitud.fecha,
        fecha_aprobacion=fecha_aprobacion,
        efecto=efecto,
        desde=desde,
        revision_oap=revision,
        descripcion=descripcion,
    )
    return attrs.evolve(plan, metas=metas, modificaciones=(*plan.modificaciones, registro))
