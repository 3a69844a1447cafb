"""Lo que cambia una propuesta frente a la meta (:class:`Cambios`, :func:`comparar_metas`) y la
:class:`Decision` de elegibilidad, con un :class:`~sdg_metas.reglas.Motivo` por regla MOD.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from .._validacion import de_tipo, tupla_de
from ..errores import ErrorModificacion, TipoInvalido
from ..modelo import Efecto, Meta
from ..reglas import Motivo
from ._solicitud import Elegibilidad


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
        partes.extend(texto for campo, texto in _NOMBRES_CAMBIOS if getattr(self, campo))
        partes.extend(self.otros)
        return "; ".join(partes) if partes else "ninguno"


_NOMBRES_CAMBIOS = (
    ("tipo", "tipo de programación"),
    ("descripcion", "redacción"),
    ("indicador", "indicador"),
    ("entregables", "entregables"),
    ("peso", "peso"),
)

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

    >>> import attrs
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


# --- Decisión ------------------------------------------------------------------------------------

_ESTADO = {True: "cumple", False: "no cumple", None: "no aplica"}


def _motivos(valor: Iterable[Motivo]) -> tuple[Motivo, ...]:
    return tupla_de(valor, Motivo, "motivos", "un Motivo")


@attrs.frozen(slots=True)
class Decision:
    """La elegibilidad de una solicitud, su efecto, sus cambios y un motivo por regla MOD.

    La decisión es solo de elegibilidad: la OAP autoriza o niega (Política 9, viñeta 9).
    """

    elegibilidad: Elegibilidad = attrs.field(validator=de_tipo("un Elegibilidad", Elegibilidad))
    efecto: Efecto = attrs.field(validator=de_tipo("un Efecto", Efecto))
    cambios: Cambios = attrs.field(validator=de_tipo("un Cambios", Cambios))
    motivos: tuple[Motivo, ...] = attrs.field(converter=_motivos)
    codigo_meta: str = attrs.field(default="", kw_only=True, validator=de_tipo("un texto", str))

    def _repr_html_(self) -> str:
        from ..presentacion import html_decision

        return html_decision(self)

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
