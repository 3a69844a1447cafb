"""El catálogo de reglas: cada regla del procedimiento existe una sola vez, aquí.

Cada :class:`Regla` tiene un identificador estable (``FOR-01``, ``MOD-04`` …), un enunciado en
español y la cláusula de PLE-PIN-P005 v8 de donde sale. Los hallazgos (:class:`Hallazgo`) y los
motivos de una decisión apuntan a su regla por el identificador, de modo que el enunciado y la
fuente nunca se reescriben. ``docs/reglas.md`` lista exactamente este catálogo (una prueba lo
comprueba).

>>> from sdg_metas import REGLAS
>>> REGLAS["MOD-04"].fuente
'PLE-PIN-P005 v8, Política de operación 9, viñeta 1'
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from ._validacion import de_tipo, fijadores, mostrar
from .errores import ErrorSdgMetas, TipoInvalido
from .trimestre import Trimestre

__all__ = [
    "REGLAS",
    "Hallazgo",
    "Motivo",
    "Regla",
    "ResultadoRegla",
    "Severidad",
    "ids_de_familia",
    "registro",
    "regla",
]

_T = TypeVar("_T")

_P = "PLE-PIN-P005 v8"


@attrs.frozen(slots=True)
class Regla:
    """Una regla del procedimiento: identificador, enunciado y cláusula de origen."""

    id: str
    enunciado: str
    fuente: str


class Severidad(enum.Enum):
    """Gravedad de un hallazgo: un ``ERROR`` debe corregirse; una ``ADVERTENCIA`` se revisa."""

    ERROR = "error"
    ADVERTENCIA = "advertencia"


_CATALOGO = (
    # Formulación (actividad 4; políticas 2, 4 y 9)
    Regla(
        "FOR-01",
        "La magnitud es un número finito mayor que 0 (mayor o igual que 0 si la meta es "
        "decreciente), los valores trimestrales no son negativos y al menos un trimestre está "
        "programado.",
        f"{_P}, Actividad 4, viñeta 3 (consistencia del tipo de programación respecto a las "
        "magnitudes trimestrales y la magnitud global)",
    ),
    Regla(
        "FOR-02",
        "La programación trimestral es coherente con su tipo (suma, constante, creciente o "
        "decreciente) y con la magnitud total y la línea base.",
        f"{_P}, Actividad 4, viñetas 2 y 3; Política de operación 9, viñeta 2",
    ),
    Regla(
        "FOR-03",
        "Una meta expresada en porcentaje nunca supera 100.",
        f"{_P}, Actividad 4, viñeta 3 (consistencia de las magnitudes)",
    ),
    Regla(
        "FOR-04",
        "Los pesos de las metas de un plan, con las marcadas «Meta eliminada», suman "
        "exactamente 100 (INT-45, INT-48).",
        f"{_P}, Actividad 4 (análisis metodológico del plan); Control de cambios, versión 5 "
        "(ponderación y/o peso porcentual de las metas)",
    ),
    Regla(
        "FOR-05",
        "La meta pertenece a un objetivo estratégico del marco estratégico vigente.",
        f"{_P}, Política de operación 2; Actividad 4, viñeta 1",
    ),
    Regla(
        "FOR-06",
        "La redacción de la meta está presente y empieza por un verbo en infinitivo, tiene "
        "entregables y su indicador tiene nombre, numerador y denominador.",
        f"{_P}, Actividad 4, viñeta 4 (formulación de los indicadores); Política de operación 9, "
        "viñeta 2 (coherencia entre redacción, entregables y demás elementos)",
    ),
    Regla(
        "FOR-07",
        "Una meta transversal nombra el proceso que la lidera y una meta local nombra la "
        "dependencia que la orienta.",
        f"{_P}, Política de operación 4 (la dependencia que orienta una meta local); Política "
        "de operación 9, viñeta 6 (el proceso que lidera una meta transversal); Política de "
        "operación 8",
    ),
    Regla(
        "FOR-08",
        "Cada meta de un plan tiene un código propio: no hay dos metas con el mismo código.",
        f"{_P}, Actividad 4 (análisis metodológico y técnico de cada meta del plan)",
    ),
    # Reportes trimestrales (actividad 10; política 8; notas de la actividad 9)
    Regla(
        "REP-01",
        "La ejecución del trimestre está presente y no es negativa; si se dan numerador y "
        "denominador, el denominador es mayor que 0 y la ejecución es numerador/denominador "
        "(×100 en metas en porcentaje).",
        f"{_P}, Actividad 9 (el reporte debe contener la ejecución del trimestre); Política de "
        "operación 8 (numerador, denominador y resultado del indicador)",
    ),
    Regla(
        "REP-02",
        "El avance del trimestre, la ejecución acumulada y el avance acumulado reportados son "
        "iguales a los calculados (con la tolerancia de la política).",
        f"{_P}, Actividad 10 (coherencia de programado, ejecutado y avance, para el trimestre "
        "y el acumulado de la vigencia)",
    ),
    Regla(
        "REP-03",
        "El reporte trae el análisis del avance del trimestre y el análisis del resultado "
        "acumulado; si la meta va atrasada frente a lo programado, el reporte justifica las "
        "causas del retraso, en las causas o en un análisis que las nombre.",
        f"{_P}, Actividad 9, viñetas 3 y 7 y Nota 1",
    ),
    Regla(
        "REP-04",
        "El reporte trae evidencias para verificar el avance.",
        f"{_P}, Actividad 9, viñeta 4 y Nota 3",
    ),
    Regla(
        "REP-05",
        "Una ejecución reportada en un trimestre que no estaba programado se señala para "
        "revisión.",
        f"{_P}, Actividad 10 (coherencia entre lo programado y lo ejecutado)",
    ),
    Regla(
        "REP-06",
        "El reporte se envía dentro de los 15 días calendario siguientes al trimestre; si el "
        "día 15 no es hábil, el día hábil inmediatamente siguiente. Después es extemporáneo.",
        f"{_P}, Actividad 9, Nota 2; Política de operación 5",
    ),
    Regla(
        "REP-07",
        "El reporte contiene los siete elementos de la Actividad 9; de ellos, el % de avance "
        "del trimestre, la ejecución acumulada y el % de avance acumulado se pueden calcular: "
        "si faltan se señalan para que la OAP los complete (la ejecución, los análisis y las "
        "evidencias los exigen REP-01, REP-03 y REP-04).",
        f"{_P}, Actividad 9 (el reporte debe contener); Actividad 10 (el analista de la OAP "
        "podrá realizar las modificaciones técnicas; Nota: la OAP completará el reporte)",
    ),
    Regla(
        "REP-08",
        "En una meta local o transversal reportada por un área del nivel central, el reporte "
        "trae numerador, denominador, resultado del indicador y observaciones o análisis.",
        f"{_P}, Política de operación 8",
    ),
    # Modificación y eliminación de metas (política 9)
    Regla(
        "MOD-01",
        "La solicitud la presenta el líder del proceso (meta del nivel central) o el Alcalde "
        "Local (meta local).",
        f"{_P}, Política de operación 9, viñeta 1",
    ),
    Regla(
        "MOD-02",
        "La solicitud se presenta por memorando o correo electrónico dirigido al Jefe de la "
        "Oficina Asesora de Planeación.",
        f"{_P}, Política de operación 9, viñeta 1",
    ),
    Regla(
        "MOD-03",
        "La solicitud trae la debida justificación técnica y/o legal.",
        f"{_P}, Política de operación 9, viñeta 1",
    ),
    Regla(
        "MOD-04",
        "La solicitud se presenta, como máximo, hasta el segundo trimestre de la vigencia.",
        f"{_P}, Política de operación 9, viñeta 1",
    ),
    Regla(
        "MOD-05",
        "La meta propuesta es coherente entre sus elementos (redacción, magnitud, programación "
        "trimestral, tipo de programación, entregables…): cumple todas las reglas FOR.",
        f"{_P}, Política de operación 9, viñeta 2",
    ),
    Regla(
        "MOD-06",
        "La meta se modifica una única vez en la vigencia; solo por cambios normativos o de "
        "fuerza mayor debidamente justificados la OAP puede revisar el caso particular.",
        f"{_P}, Política de operación 9, viñeta 3",
    ),
    Regla(
        "MOD-07",
        "La modificación para aumentar la magnitud puede presentarse en cualquier momento de "
        "la vigencia.",
        f"{_P}, Política de operación 9, viñeta 4",
    ),
    Regla(
        "MOD-08",
        "La programación trimestral solo se modifica en periodos cuyo corte no ha finalizado; "
        "no se modifican periodos ya medidos.",
        f"{_P}, Política de operación 9, viñeta 5",
    ),
    Regla(
        "MOD-09",
        "Modificar una meta transversal requiere el concepto previo favorable del líder del "
        "proceso que lidera la meta, por memorando o correo electrónico.",
        f"{_P}, Política de operación 9, viñeta 6",
    ),
    Regla(
        "MOD-10",
        "Modificar una meta de un plan de alcaldía local requiere el concepto previo favorable "
        "de la Subsecretaría de Gestión Local, la Dirección para la Gestión Policiva o la "
        "Dirección para la Gestión del Desarrollo Local, según corresponda.",
        f"{_P}, Política de operación 9, viñeta 7",
    ),
    Regla(
        "MOD-11",
        "Una meta con seguimiento no se elimina: se marca como «Meta eliminada» y su resultado "
        "sale de la calificación del proceso; una meta sin seguimiento puede eliminarse.",
        f"{_P}, Política de operación 9, viñeta 8",
    ),
    Regla(
        "MOD-12",
        "La OAP aprueba o niega la solicitud: la biblioteca solo dice si es elegible y por qué.",
        f"{_P}, Política de operación 9, viñetas 9 y 10",
    ),
    # Consolidación (actividades 11 a 15; política 9)
    Regla(
        "CON-01",
        "La calificación de un plan en un trimestre es el promedio ponderado del cumplimiento "
        "de sus metas activas programadas a la fecha, cada uno acotado; las metas eliminadas "
        "salen de la calificación.",
        f"{_P}, Actividad 12; Política de operación 9, viñeta 8",
    ),
    Regla(
        "CON-02",
        "Los planes se ordenan por calificación en el ranking de gestión del periodo; los "
        "empates comparten posición.",
        f"{_P}, Actividad 12",
    ),
    Regla(
        "CON-03",
        "Un avance se clasifica en una banda de semáforo definida por la política.",
        f"{_P}, Actividad 13 (socializar los resultados); Actividad 15 (análisis de la "
        "información)",
    ),
    Regla(
        "CON-04",
        "Al final de la vigencia se consolidan los resultados de cada indicador para los "
        "informes CB-0404 y CB-1090 y para el informe de gestión institucional.",
        f"{_P}, Actividades 14 y 15",
    ),
    # Ciclo de vida del plan (actividades 1 a 9 y 13 a 16; políticas 1, 6, 7 y 9)
    Regla(
        "CIC-01",
        "Un plan pasa por formulación, revisión OAP, observaciones y ajustes, aprobación (caso "
        "HOLA), publicación, seguimiento y cierre; cada transición la toma un rol definido.",
        f"{_P}, Actividades 1 a 9 y 13 a 16; Políticas de operación 1, 6 y 7; Política de "
        "operación 9, viñetas 9 y 10",
    ),
    Regla(
        "CIC-02",
        "Un plan se publica solo después de ser aprobado por su líder de proceso o Alcalde "
        "Local y validado por la Oficina Asesora de Planeación.",
        f"{_P}, Política de operación 1; Actividad 8",
    ),
)

#: El catálogo, de solo lectura, por identificador.
REGLAS: Mapping[str, Regla] = MappingProxyType({r.id: r for r in _CATALOGO})


def regla(identificador: str) -> Regla:
    """La regla con ese identificador, o un error que lista los identificadores válidos."""
    if not isinstance(identificador, str):  # una lista no es una clave (issue 13)
        raise TipoInvalido(
            f"regla: {mostrar(identificador)} debe ser un texto", campo="regla", valor=identificador
        )
    try:
        return REGLAS[identificador]
    except KeyError:
        raise ErrorSdgMetas(
            f"regla: {mostrar(identificador)} no está en el catálogo; válidas: {', '.join(REGLAS)}",
            codigo="REGLA_DESCONOCIDA",
            campo="regla",
            valor=identificador,
        ) from None


def _validar_regla(_inst: object, _atributo: object, valor: Any) -> None:
    regla(valor)


_texto = de_tipo("un texto", str)
_texto_opcional = de_tipo("un texto", str, opcional=True)
_booleano = de_tipo("True o False", bool)


def _validar_cumple(_inst: object, _atributo: object, valor: Any) -> None:
    if valor is not None and not isinstance(valor, bool):
        raise TipoInvalido(
            f"cumple: {mostrar(valor)} debe ser True o False (o quedar vacío)", campo="cumple", valor=valor
        )


@attrs.frozen(slots=True)
class ResultadoRegla:
    """Lo que comparten un :class:`Hallazgo` y un :class:`Motivo`: la regla aplicada y, del
    catálogo, su cláusula de origen (``fuente``) y su ``enunciado``; nunca se reescriben."""

    regla: str = attrs.field(validator=_validar_regla)
    fuente: str = attrs.field(init=False)

    @fuente.default
    def _fuente(self) -> str:
        _validar_regla(self, None, self.regla)  # el valor por omisión corre antes que el validador
        return REGLAS[self.regla].fuente

    @property
    def enunciado(self) -> str:
        """El enunciado de la regla, del catálogo."""
        return REGLAS[self.regla].enunciado


@attrs.frozen(slots=True)
class Hallazgo(ResultadoRegla):
    """Un hallazgo de una verificación: qué regla, qué pasa, qué tan grave es y dónde.

    ``codigo_meta``, ``trimestre`` y ``campo`` dicen dónde está el problema (la meta, el
    trimestre del reporte y el campo), cuando la verificación lo sabe; así quien llama filtra
    los hallazgos sin leer los mensajes.

    >>> h = Hallazgo("FOR-03", "magnitud: 120 supera 100 en una meta en %", campo="magnitud")
    >>> h.fuente
    'PLE-PIN-P005 v8, Actividad 4, viñeta 3 (consistencia de las magnitudes)'
    >>> h.severidad, h.campo, h.trimestre
    (<Severidad.ERROR: 'error'>, 'magnitud', None)
    """

    mensaje: str = attrs.field(validator=_texto)
    severidad: Severidad = attrs.field(
        default=Severidad.ERROR, validator=de_tipo("una Severidad", Severidad)
    )
    codigo_meta: str | None = attrs.field(default=None, validator=_texto_opcional)
    trimestre: Trimestre | None = attrs.field(
        default=None, validator=de_tipo("un Trimestre", Trimestre, opcional=True)
    )
    campo: str | None = attrs.field(default=None, validator=_texto_opcional)

    @classmethod
    def _de_la_biblioteca(
        cls,
        regla: str,
        mensaje: str,
        severidad: Severidad,
        codigo_meta: str,
        trimestre: Trimestre | None,
        campo: str | None,
    ) -> Hallazgo:
        """Camino rápido interno (issue 12): un hallazgo que arma una verificación de la
        biblioteca con valores que ella misma produjo (una regla del catálogo escrita en el
        código, un mensaje formateado, un miembro de :class:`Severidad`, el código y el
        trimestre de un objeto del modelo ya validado). Da el mismo objeto que el constructor,
        sin volver a correr sus validadores; una regla desconocida sigue siendo un error."""
        hallazgo = object.__new__(cls)
        # los descriptores de las ranuras (``__slots__``) escriben sin pasar por el
        # ``__setattr__`` congelado ni buscar el nombre: la mitad del costo de object.__setattr__
        regla_, fuente_, mensaje_, severidad_, codigo_, trimestre_, campo_ = _PONEDORES
        regla_(hallazgo, regla)
        fuente_(hallazgo, REGLAS[regla].fuente)
        mensaje_(hallazgo, mensaje)
        severidad_(hallazgo, severidad)
        codigo_(hallazgo, codigo_meta)
        trimestre_(hallazgo, trimestre)
        campo_(hallazgo, campo)
        return hallazgo

    def _en_meta(self, codigo_meta: str) -> Hallazgo:
        """Camino rápido interno (issue 12): este hallazgo con el código de una meta ya
        validada; como ``attrs.evolve(h, codigo_meta=codigo_meta)``, sin volver a correr los
        validadores de los demás campos (ya los pasaron)."""
        return Hallazgo._de_la_biblioteca(
            self.regla, self.mensaje, self.severidad, codigo_meta, self.trimestre, self.campo
        )


#: Escritura directa de cada ranura de :class:`Hallazgo`, en el orden de sus campos.
_PONEDORES = fijadores(Hallazgo)


@attrs.frozen(slots=True)
class Motivo(ResultadoRegla):
    """El resultado de una regla ``MOD-*`` sobre una solicitud de modificación.

    ``cumple`` es ``True``, ``False`` o ``None`` (la regla no aplica). ``fuente`` se toma del
    catálogo :data:`~sdg_metas.REGLAS`. ``revision_oap`` marca el incumplimiento de MOD-06 que la
    OAP puede revisar (causal excepcional justificada).

    >>> Motivo("MOD-03", True, "justificación presente").fuente
    'PLE-PIN-P005 v8, Política de operación 9, viñeta 1'
    """

    cumple: bool | None = attrs.field(validator=_validar_cumple)
    mensaje: str = attrs.field(validator=_texto)
    revision_oap: bool = attrs.field(default=False, kw_only=True, validator=_booleano)


_C = TypeVar("_C")


def ids_de_familia(prefijo: str) -> tuple[str, ...]:
    """Los identificadores del catálogo con ese prefijo, en orden.

    >>> ids_de_familia("CIC")
    ('CIC-01', 'CIC-02')
    """
    return tuple(i for i in REGLAS if i.startswith(f"{prefijo}-"))


def registro(
    prefijo: str, verificaciones: Mapping[str, Callable[[_C], _T]]
) -> Mapping[str, Callable[[_C], _T]]:
    """El registro de una familia de reglas: identificador → verificación, de solo lectura.

    Exige que los identificadores sean exactamente los del catálogo con ese ``prefijo``, para que
    el código, ``docs/reglas.md`` y :data:`REGLAS` no se separen.

    >>> registro("CIC", {"CIC-01": len})
    Traceback (most recent call last):
    ...
    sdg_metas.errores.ErrorSdgMetas: registro CIC: faltan CIC-02; sobran ninguna
    """
    esperados = ids_de_familia(prefijo)
    faltan = [i for i in esperados if i not in verificaciones]
    sobran = [i for i in verificaciones if i not in esperados]
    if faltan or sobran:
        raise ErrorSdgMetas(
            f"registro {prefijo}: faltan {', '.join(faltan) or 'ninguna'}; "
            f"sobran {', '.join(sobran) or 'ninguna'}",
            codigo="REGISTRO_INCOMPLETO",
            campo="registro",
            valor=prefijo,
        )
    return MappingProxyType({i: verificaciones[i] for i in esperados})
