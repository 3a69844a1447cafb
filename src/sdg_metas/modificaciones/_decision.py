"""Lo que cambia una propuesta frente a la meta (:class:`Cambios`, :func:`comparar_metas`) y la
:class:`Decision` de elegibilidad, con un :class:`~sdg_metas.reglas.Motivo` por regla MOD.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from .._validacion import de_tipo, mostrar, nombre_de, tupla_de
from ..errores import ErrorModificacion, TipoInvalido
from ..modelo import Efecto, Meta, TipoProgramacion
from ..politica import POLITICA_PLE_PIN_P005_V8, Politica, SentidoAumento
from ..reglas import Motivo
from ._solicitud import Elegibilidad


@attrs.frozen(slots=True, kw_only=True)
class Cambios:
    """Lo que cambia una propuesta frente a la meta (vacío si la solicitud es de eliminación).

    ``trimestres`` son los números de los trimestres cuya programación cambia (valor o si está
    programado); ``otros`` los nombres de los demás campos que cambian (``"linea_base"``,
    ``"unidad"`` …). ``decreciente`` dice si la meta, antes del cambio, es DECRECIENTE: en ella
    una magnitud menor es una meta más exigente (``INT-27``).
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
    decreciente: bool = False

    @property
    def aumenta_magnitud(self) -> bool:
        """¿La propuesta da una magnitud numéricamente mayor?"""
        return (
            self.magnitud_anterior is not None
            and self.magnitud_nueva is not None
            and self.magnitud_nueva > self.magnitud_anterior
        )

    @property
    def disminuye_magnitud(self) -> bool:
        """¿La propuesta da una magnitud numéricamente menor?"""
        return (
            self.magnitud_anterior is not None
            and self.magnitud_nueva is not None
            and self.magnitud_nueva < self.magnitud_anterior
        )

    @property
    def programacion(self) -> bool:
        """¿Cambia la programación trimestral?"""
        return bool(self.trimestres)

    def es_aumento(self, politica: Politica = POLITICA_PLE_PIN_P005_V8) -> bool:
        """¿La propuesta «aumenta su magnitud» (Política 9, viñeta 4) según ``INT-27``?

        Con ``SentidoAumento.AMBICION`` (por defecto) es un aumento una meta más exigente: una
        magnitud mayor, o menor si la meta es DECRECIENTE; con ``NUMERICO``, una mayor.

        >>> c = Cambios(magnitud_anterior=Decimal(10), magnitud_nueva=Decimal(8), decreciente=True)
        >>> c.es_aumento(), c.aumenta_magnitud
        (True, False)
        """
        if politica.sentido_aumento is SentidoAumento.AMBICION and self.decreciente:
            return self.disminuye_magnitud
        return self.aumenta_magnitud

    def ajenos_al_aumento(self, politica: Politica = POLITICA_PLE_PIN_P005_V8) -> tuple[str, ...]:
        """Los cambios que impiden que la propuesta sea «solo un aumento» (``INT-26``).

        Un aumento puede cambiar, además de la magnitud, la programación trimestral y, con
        ``Politica.aumento_admite_ajustes_coherentes`` (por defecto), la redacción y los
        entregables; nunca el tipo de programación, el indicador, la línea base, el peso ni los
        demás campos.
        """
        admitidos = {"descripcion", "entregables"}
        if not politica.aumento_admite_ajustes_coherentes:
            admitidos = set()
        ajenos = [
            texto
            for campo, texto in _NOMBRES_CAMBIOS
            if getattr(self, campo) and campo not in admitidos
        ]
        ajenos.extend(_NOMBRE_OTRO.get(campo, campo) for campo in self.otros)
        return tuple(ajenos)

    def es_solo_aumento(self, politica: Politica = POLITICA_PLE_PIN_P005_V8) -> bool:
        """¿La propuesta aumenta la magnitud (``INT-27``) y sus demás cambios son los que un
        aumento admite (``INT-26``)? (MOD-07; los trimestres cerrados los juzga MOD-08.)"""
        return self.es_aumento(politica) and not self.ajenos_al_aumento(politica)

    @property
    def solo_aumento(self) -> bool:
        """:meth:`es_solo_aumento` con la política por defecto (``INT-26``, ``INT-27``)."""
        return self.es_solo_aumento()

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
            if self.decreciente:
                exigencia = "menos" if self.aumenta_magnitud else "más"
                sentido += f": meta decreciente {exigencia} exigente"
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

#: Los demás campos de una meta que :func:`comparar_metas` compara, con su nombre en español.
_OTROS_CAMPOS = {
    "unidad": "unidad",
    "nivel": "nivel",
    "transversal": "transversalidad",
    "proceso_lider": "proceso líder",
    "dependencia_orientadora": "dependencia orientadora",
    "objetivo_estrategico": "objetivo estratégico",
}
_NOMBRE_OTRO = {**_OTROS_CAMPOS, "linea_base": "línea base"}


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
            f"meta, propuesta: {mostrar(meta)}, {mostrar(propuesta)} deben ser Meta",
            campo="meta",
            valor=(meta, propuesta),
        )
    antes, despues = meta.programacion, propuesta.programacion
    trimestres = frozenset(
        n
        for n in range(1, 5)
        if antes.valor(n) != despues.valor(n) or antes.programado(n) != despues.programado(n)
    )
    otros = [campo for campo in _OTROS_CAMPOS if _cambia(meta, propuesta, campo)]
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
        decreciente=antes.tipo is TipoProgramacion.DECRECIENTE,
    )


def _cambia(meta: Meta, propuesta: Meta, campo: str) -> bool:
    """¿Cambia ``campo``? Un nivel no dado (``None``) en uno de los dos no es un cambio: la meta
    toma el de su plan."""
    antes, despues = getattr(meta, campo), getattr(propuesta, campo)
    if campo == "nivel" and (antes is None or despues is None):
        return False
    return bool(antes != despues)


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
            f"regla: {mostrar(identificador)} no tiene motivo en la decisión; reglas: "
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
                f"{self.elegibilidad.nombre}"
            ),
            f"Efecto solicitado: {nombre_de(self.efecto)}",
            f"Cambios: {self.cambios.describir()}",
        ]
        lineas.extend(
            f"- {m.regla} ({_ESTADO[m.cumple]}): {m.mensaje} [{m.fuente}]" for m in self.motivos
        )
        return "\n".join(lineas)
