"""Coherencia de la formulación (Actividad 4; Políticas 2, 4 y 9): reglas ``FOR-*``.

Las verificaciones no lanzan excepciones: devuelven una tupla de
:class:`~sdg_metas.Hallazgo`. Una tupla vacía significa coherente.

>>> from sdg_metas import Programacion, verificar_programacion
>>> verificar_programacion(Programacion("suma", 100, [25, 25, 25, 25]))
()
>>> for h in verificar_programacion(Programacion("suma", 100, [25, 25, 25, 20])):
...     print(h.regla, h.mensaje)
FOR-02 tipo suma: la programación trimestral suma 95 y la magnitud es 100; deben ser iguales

Cada hallazgo nombra el campo que falla (``campo``: ``"magnitud"``, ``"trimestres"``,
``"linea_base"``, ``"peso"``, ``"descripcion"``…; en FOR-03, el primero que supera 100). Las
reglas están en :data:`REGISTRO_FOR`.

:func:`verificar_meta` añade a FOR-01..03 las reglas de una meta (FOR-05, FOR-06, FOR-07) y
:func:`verificar_plan` las de un plan (FOR-04, FOR-08):

>>> from sdg_metas import Meta, verificar_meta
>>> m = Meta(codigo="M1", descripcion="Informe de gestión", peso=100,
...          programacion=Programacion("suma", 4, [1, 1, 1, 1]))
>>> for h in verificar_meta(m):
...     print(h.regla, h.severidad.name, h.mensaje)
FOR-06 ADVERTENCIA descripcion: la redacción 'Informe de gestión' no empieza por un verbo en infinitivo ('Informe' no termina en -ar, -er o -ir)
FOR-06 ERROR entregables: la meta no tiene entregables
FOR-06 ERROR indicador: la meta no tiene indicador (nombre, numerador y denominador)
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, localcontext

import attrs

from ._validacion import de_tipo, exigir_iterable, exigir_tipo, mostrar, sin_tildes, tupla_de
from .errores import TipoInvalido
from .modelo import (
    Meta,
    Nivel,
    PlanDeGestion,
    Programacion,
    es_porcentual,
)
from .numeros import CONTEXTO
from .politica import POLITICA_PLE_PIN_P005_V8, Politica
from .reglas import Hallazgo, Severidad, registro
from .tipos import TIPOS

__all__ = [
    "REGISTRO_FOR",
    "ContextoFormulacion",
    "verificar_meta",
    "verificar_plan",
    "verificar_programacion",
]

_CERO = Decimal(0)
_CIEN = Decimal(100)


class _Catalogo(dict[str, str]):
    """Un catálogo de objetivos ya normalizado: {clave comparable: texto original}."""


def _objetivos(valor: Iterable[str] | None) -> Mapping[str, str] | None:
    """El catálogo de objetivos estratégicos, normalizado una vez (o ``None``)."""
    if isinstance(valor, _Catalogo):
        return valor
    catalogo = _catalogo(valor)
    return None if catalogo is None else _Catalogo(catalogo)


@attrs.frozen(slots=True)
class ContextoFormulacion:
    """Lo que ven las reglas ``FOR-*`` de :data:`REGISTRO_FOR`: una sola firma para todas.

    Cada regla devuelve una tupla de :class:`~sdg_metas.Hallazgo` y no encuentra nada si le
    falta lo que revisa: FOR-01..03 miran ``programacion`` (FOR-03 solo si ``unidad`` es
    ``%``), FOR-05..07 la ``meta`` (FOR-05 solo con ``objetivos_estrategicos``; ``local`` pide
    la dependencia orientadora de FOR-07) y FOR-04 y FOR-08 el ``plan``. Los
    ``objetivos_estrategicos`` se dan como una colección de textos y se guardan normalizados,
    como {clave comparable: texto}.

    >>> from sdg_metas import Programacion
    >>> ctx = ContextoFormulacion(programacion=Programacion("suma", 0, [0, 0, 0, 0]))
    >>> [(h.regla, h.campo) for h in REGISTRO_FOR["FOR-01"](ctx)]
    [('FOR-01', 'magnitud'), ('FOR-01', 'trimestres')]
    >>> REGISTRO_FOR["FOR-04"](ctx)
    ()
    """

    programacion: Programacion | None = attrs.field(
        default=None, validator=de_tipo("una Programacion", Programacion, opcional=True)
    )
    unidad: str | None = attrs.field(
        default=None, validator=de_tipo("un texto", str, opcional=True)
    )
    meta: Meta | None = attrs.field(
        default=None, validator=de_tipo("una Meta", Meta, opcional=True)
    )
    plan: PlanDeGestion | None = attrs.field(
        default=None, validator=de_tipo("un PlanDeGestion", PlanDeGestion, opcional=True)
    )
    politica: Politica = attrs.field(
        default=POLITICA_PLE_PIN_P005_V8, validator=de_tipo("una Politica", Politica)
    )
    objetivos_estrategicos: Mapping[str, str] | None = attrs.field(
        default=None, converter=_objetivos
    )
    local: bool = attrs.field(default=False, validator=de_tipo("True o False", bool))


def _correr(contexto: ContextoFormulacion) -> tuple[Hallazgo, ...]:
    """Todas las reglas del registro, en el orden del catálogo, sobre un contexto."""
    with localcontext(CONTEXTO):
        return tuple(itertools.chain.from_iterable(f(contexto) for f in REGISTRO_FOR.values()))


def verificar_programacion(
    programacion: Programacion, unidad: str | None = None
) -> tuple[Hallazgo, ...]:
    """Verifica FOR-01, FOR-02 y FOR-03 sobre una programación; devuelve los hallazgos.

    ``unidad`` es la unidad de medida de la meta; con ``"%"`` se aplica FOR-03.

    >>> p = Programacion("decreciente", 10, [40, 30, 20, 10])
    >>> [h.regla for h in verificar_programacion(p)]
    ['FOR-02']
    >>> print(verificar_programacion(p)[0].mensaje)
    tipo decreciente: falta la línea base; una meta decreciente la necesita y debe ser mayor que la magnitud
    """
    if not isinstance(programacion, Programacion):
        raise TipoInvalido(
            f"programacion: {mostrar(programacion)} debe ser una Programacion",
            campo="programacion",
            valor=programacion,
        )
    return _correr(ContextoFormulacion(programacion=programacion, unidad=unidad))


def _for_01(ctx: ContextoFormulacion) -> tuple[Hallazgo, ...]:
    p = ctx.programacion
    if p is None:
        return ()
    tipo = TIPOS[p.tipo]
    hallazgos = []
    # una meta decreciente puede apuntar a 0 (la magnitud ya es >= 0 por construcción)
    if tipo.magnitud_positiva and p.magnitud <= _CERO:
        hallazgos.append(
            Hallazgo(
                "FOR-01",
                f"magnitud: {p.magnitud} debe ser mayor que 0 en una meta {p.tipo.nombre}",
                campo="magnitud",
            )
        )
    if not any(p.programados):
        detalle = "" if tipo.cero_programa else (
            " (en una meta suma un 0 no cuenta como programado)"
        )
        hallazgos.append(
            Hallazgo(
                "FOR-01", f"trimestres: ningún trimestre está programado{detalle}",
                campo="trimestres",
            )
        )
    return tuple(hallazgos)


def _for_02(ctx: ContextoFormulacion) -> tuple[Hallazgo, ...]:
    p = ctx.programacion
    if p is None:
        return ()
    valores = [
        (i, v)
        for i, (v, si) in enumerate(zip(p.trimestres, p.programados, strict=False), 1)
        if si and v is not None
    ]
    return TIPOS[p.tipo].coherencia(p.magnitud, valores, p.linea_base)


def _for_03(ctx: ContextoFormulacion) -> tuple[Hallazgo, ...]:
    p = ctx.programacion
    if p is None or not es_porcentual(ctx.unidad):
        return ()
    excesos: list[tuple[str, str]] = []
    if p.magnitud > _CIEN:
        excesos.append(("magnitud", f"magnitud={p.magnitud}"))
    excesos.extend(
        ("trimestres", f"T{i}={v}")
        for i, v in enumerate(p.trimestres, 1)
        if v is not None and v > _CIEN
    )
    if p.linea_base is not None and p.linea_base > _CIEN:
        excesos.append(("linea_base", f"linea_base={p.linea_base}"))
    if not excesos:
        return ()
    return (
        Hallazgo(
            "FOR-03",
            f"%: una meta en porcentaje no puede superar 100; supera "
            f"{', '.join(texto for _, texto in excesos)}",
            campo=excesos[0][0],
        ),
    )


# --- Una meta: FOR-01..03 (programación), FOR-05, FOR-06, FOR-07 ------------------------------

_TERMINACIONES_INFINITIVO = ("ar", "er", "ir", "arse", "erse", "irse")
#: Signos que pueden rodear la primera palabra de la redacción («"Realizar», ¿Ejecutar?).
_SIGNOS = "\"'«»“”‘’¿?¡!()[]{}.,;:-–—*"
_ESPACIOS = re.compile(r"\s+")


def verificar_meta(
    meta: Meta,
    objetivos_estrategicos: Iterable[str] | None = None,
    *,
    politica: Politica = POLITICA_PLE_PIN_P005_V8,
) -> tuple[Hallazgo, ...]:
    """Verifica la formulación de una meta (Actividad 4; Políticas 2, 4 y 9); devuelve hallazgos.

    - FOR-01, FOR-02, FOR-03: su programación (:func:`verificar_programacion` con
      ``meta.unidad``).
    - FOR-05 (solo si se da ``objetivos_estrategicos``, los códigos o nombres de los objetivos
      del marco estratégico vigente): la meta nombra un objetivo del catálogo. La comparación no
      distingue mayúsculas, tildes ni espacios repetidos.
    - FOR-06: la redacción (``descripcion``) está presente y su primera palabra es un verbo en
      infinitivo — termina en -ar, -er o -ir (o -arse, -erse, -irse), sin importar tildes, y no
      está en ``politica.palabras_no_infinitivo`` (``INT-40``); esto último es una heurística,
      por eso es una ``ADVERTENCIA``. Tiene entregables, y un indicador con nombre, numerador y
      denominador (``ERROR``).
    - FOR-07: una meta transversal nombra ``proceso_lider``; una meta local
      (``Nivel.LOCAL``) nombra ``dependencia_orientadora`` (Política 4).

    Todo hallazgo lleva ``codigo_meta``. Los textos vacíos o solo con espacios cuentan como
    ausentes.

    >>> from sdg_metas import Indicador, Meta, Programacion
    >>> m = Meta(codigo="M7", descripcion="Realizar 4 informes", peso=10, transversal=True,
    ...          programacion=Programacion("suma", 4, [1, 1, 1, 1]), entregables=["Informe"],
    ...          indicador=Indicador("Informes", "Informes realizados", "Informes programados"),
    ...          objetivo_estrategico="OE9")
    >>> for h in verificar_meta(m, objetivos_estrategicos=["OE1", "OE2"]):
    ...     print(h.regla, h.codigo_meta, h.mensaje)
    FOR-05 M7 objetivo_estrategico: 'OE9' no es un objetivo estratégico del marco vigente (OE1, OE2)
    FOR-07 M7 proceso_lider: la meta es transversal y no nombra el proceso que la lidera
    >>> verificar_meta("M7")
    Traceback (most recent call last):
    ...
    sdg_metas.errores.TipoInvalido: meta: 'M7' debe ser una Meta
    """
    _validar_meta(meta, "meta")
    _validar_politica(politica)
    objetivos = _objetivos(objetivos_estrategicos)
    return _verificar_meta(meta, objetivos, meta.nivel is Nivel.LOCAL, politica)


def _validar_meta(meta: object, campo: str) -> None:
    exigir_tipo(meta, Meta, campo, "una Meta")


def _validar_politica(politica: object) -> None:
    exigir_tipo(politica, Politica, "politica", "una Politica")


def _clave(texto: str) -> str:
    """Texto comparable: minúsculas, sin tildes, espacios simples."""
    return _ESPACIOS.sub(" ", sin_tildes(texto))


def _catalogo(objetivos: object) -> dict[str, str] | None:
    """El catálogo de objetivos como {clave normalizada: texto original}, o ``None``."""
    if objetivos is None:
        return None
    exigir_iterable(
        objetivos, "objetivos_estrategicos", "una colección de códigos o nombres de objetivos "
        "estratégicos (por ejemplo ['OE1', 'OE2'])",
    )
    catalogo: dict[str, str] = {}
    for objetivo in tupla_de(objetivos, str, "objetivos_estrategicos", "un texto"):
        if objetivo.strip():
            catalogo.setdefault(_clave(objetivo), objetivo.strip())
    return catalogo


def _verificar_meta(
    meta: Meta, objetivos: Mapping[str, str] | None, local: bool, politica: Politica
) -> tuple[Hallazgo, ...]:
    contexto = ContextoFormulacion(
        programacion=meta.programacion,
        unidad=meta.unidad,
        meta=meta,
        politica=politica,
        objetivos_estrategicos=objetivos,
        local=local,
    )
    return tuple(h._en_meta(meta.codigo) for h in _correr(contexto))


def _vacio(texto: str | None) -> bool:
    return texto is None or not texto.strip()


def _for_05(ctx: ContextoFormulacion) -> tuple[Hallazgo, ...]:
    meta, catalogo = ctx.meta, ctx.objetivos_estrategicos
    if meta is None or catalogo is None:
        return ()
    objetivo = meta.objetivo_estrategico
    if objetivo is None:  # en blanco también: la Meta lo guarda como None («sin dato»)
        mensaje = "objetivo_estrategico: la meta no nombra el objetivo estratégico al que aporta"
    elif _clave(objetivo) in catalogo:
        return ()
    else:
        vigentes = ", ".join(catalogo.values()) or "el catálogo está vacío"
        mensaje = (
            f"objetivo_estrategico: {mostrar(objetivo)} no es un objetivo estratégico del marco "
            f"vigente ({vigentes})"
        )
    return (Hallazgo("FOR-05", mensaje, campo="objetivo_estrategico"),)


def primera_palabra(texto: str) -> str:
    """La primera palabra de una redacción, sin los signos que la rodean.

    >>> primera_palabra('  «Realizar» 120 acciones'), primera_palabra("")
    ('Realizar', '')
    """
    partes = texto.split(maxsplit=1)
    return partes[0].strip(_SIGNOS) if partes else ""


def es_infinitivo(palabra: str, politica: Politica = POLITICA_PLE_PIN_P005_V8) -> bool:
    """¿La palabra parece un verbo en infinitivo? Heurística de FOR-06 (``INT-40``).

    Termina en -ar, -er o -ir (o -arse, -erse, -irse), sin importar mayúsculas ni tildes, solo
    tiene letras y no está en ``politica.palabras_no_infinitivo``.

    >>> es_infinitivo("Realizar"), es_infinitivo("REÍR"), es_infinitivo("Articularse")
    (True, True, True)
    >>> es_infinitivo("Informe"), es_infinitivo("Hogar"), es_infinitivo("100")
    (False, False, False)
    """
    normal = sin_tildes(palabra)
    return (
        normal.isalpha()
        and normal.endswith(_TERMINACIONES_INFINITIVO)
        and normal not in politica.palabras_no_infinitivo
    )


def _for_06(ctx: ContextoFormulacion) -> tuple[Hallazgo, ...]:
    meta = ctx.meta
    if meta is None:
        return ()
    return (*_redaccion(meta, ctx.politica), *_entregables_e_indicador(meta))


def _redaccion(meta: Meta, politica: Politica) -> tuple[Hallazgo, ...]:
    """FOR-06: la redacción está y empieza por un verbo en infinitivo."""
    hallazgos: list[Hallazgo] = []
    if _vacio(meta.descripcion):
        hallazgos.append(
            Hallazgo("FOR-06", "descripcion: falta la redacción de la meta", campo="descripcion")
        )
    else:
        palabra = primera_palabra(meta.descripcion)
        if not es_infinitivo(palabra, politica):
            normal = sin_tildes(palabra)
            if normal in politica.palabras_no_infinitivo:
                razon = f"{mostrar(palabra)} no es un verbo"
            elif normal.isalpha():
                razon = f"{mostrar(palabra)} no termina en -ar, -er o -ir"
            else:
                razon = f"{mostrar(palabra)} no es una palabra"
            hallazgos.append(
                Hallazgo(
                    "FOR-06",
                    f"descripcion: la redacción {mostrar(meta.descripcion.strip())} no empieza por un "
                    f"verbo en infinitivo ({razon})",
                    Severidad.ADVERTENCIA,
                    campo="descripcion",
                )
            )
    return tuple(hallazgos)


def _entregables_e_indicador(meta: Meta) -> tuple[Hallazgo, ...]:
    """FOR-06: la meta tiene entregables y un indicador completo."""
    hallazgos: list[Hallazgo] = []
    if not any(e.strip() for e in meta.entregables):
        hallazgos.append(
            Hallazgo("FOR-06", "entregables: la meta no tiene entregables", campo="entregables")
        )
    indicador = meta.indicador
    if indicador is None:
        hallazgos.append(
            Hallazgo(
                "FOR-06",
                "indicador: la meta no tiene indicador (nombre, numerador y denominador)",
                campo="indicador",
            )
        )
    else:
        faltan = [
            campo
            for campo, valor in (
                ("nombre", indicador.nombre),
                ("numerador", indicador.numerador),
                ("denominador", indicador.denominador),
            )
            if _vacio(valor)
        ]
        if faltan:
            hallazgos.append(
                Hallazgo("FOR-06", f"indicador: le falta {', '.join(faltan)}", campo="indicador")
            )
    return tuple(hallazgos)


def _for_07(ctx: ContextoFormulacion) -> tuple[Hallazgo, ...]:
    meta = ctx.meta
    if meta is None:
        return ()
    hallazgos = []
    if meta.transversal and _vacio(meta.proceso_lider):
        hallazgos.append(
            Hallazgo(
                "FOR-07",
                "proceso_lider: la meta es transversal y no nombra el proceso que la lidera",
                campo="proceso_lider",
            )
        )
    if ctx.local and _vacio(meta.dependencia_orientadora):
        hallazgos.append(
            Hallazgo(
                "FOR-07",
                "dependencia_orientadora: la meta es local y no nombra la dependencia que la "
                "orienta (Política 4)",
                campo="dependencia_orientadora",
            )
        )
    return tuple(hallazgos)


# --- Un plan: todas sus metas, FOR-04 y FOR-08 ------------------------------------------------


def verificar_plan(
    plan: PlanDeGestion,
    objetivos_estrategicos: Iterable[str] | None = None,
    *,
    politica: Politica = POLITICA_PLE_PIN_P005_V8,
) -> tuple[Hallazgo, ...]:
    """Verifica la formulación de un plan: cada meta (:func:`verificar_meta`), FOR-04 y FOR-08.

    - Los hallazgos de cada meta, en el orden del plan. En un plan de nivel ``LOCAL`` toda meta
      es local (FOR-07 pide su dependencia orientadora aunque la meta diga ``CENTRAL``).
    - FOR-04: los pesos de las metas suman exactamente ``politica.suma_pesos_plan`` (100,
      ``INT-48``), con las metas marcadas «Meta eliminada» (``INT-45``; con
      ``pesos_incluyen_eliminadas=False``, solo las activas); el hallazgo no tiene
      ``codigo_meta`` (es del plan).
    - FOR-08: un código repetido es un hallazgo con ese ``codigo_meta``.

    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> verificar_plan(plan_ejemplo())
    ()
    >>> import attrs
    >>> plan = plan_ejemplo()
    >>> m2 = attrs.evolve(plan.metas[1], codigo="M1")
    >>> otro = attrs.evolve(plan, metas=[*plan.metas[:1], m2, *plan.metas[2:]], reportes=())
    >>> for h in verificar_plan(otro):
    ...     print(h.regla, h.codigo_meta, h.mensaje)
    FOR-08 M1 codigo: 'M1' está repetido 2 veces en el plan; cada meta necesita un código propio
    """
    exigir_tipo(plan, PlanDeGestion, "plan", "un PlanDeGestion")
    _validar_politica(politica)
    objetivos = _objetivos(objetivos_estrategicos)
    local_plan = plan.nivel is Nivel.LOCAL
    hallazgos: list[Hallazgo] = []
    for meta in plan.metas:
        local = local_plan or meta.nivel is Nivel.LOCAL
        hallazgos.extend(_verificar_meta(meta, objetivos, local, politica))
    hallazgos.extend(_correr(ContextoFormulacion(plan=plan, politica=politica)))
    return tuple(hallazgos)


#: Cuántos pesos detalla el mensaje de FOR-04 (``código=peso``); de un plan más grande se listan
#: esos y se dice cuántas metas más suman (el mensaje de un plan de miles de metas no crece).
PESOS_EN_MENSAJE = 60


def _detalle_pesos(metas: Sequence[Meta]) -> str:
    detalle = ", ".join(f"{m.codigo}={m.peso}" for m in metas[:PESOS_EN_MENSAJE])
    resto = len(metas) - PESOS_EN_MENSAJE
    if resto > 0:
        detalle += f" y {resto} {'meta' if resto == 1 else 'metas'} más"
    return detalle


def _for_04(ctx: ContextoFormulacion) -> tuple[Hallazgo, ...]:
    plan, politica = ctx.plan, ctx.politica
    if plan is None:
        return ()
    suma = politica.suma_pesos_plan
    activas = [m for m in plan.metas if m.eliminada_desde is None]
    cuentan, cuales = activas, "las metas activas"
    if politica.pesos_incluyen_eliminadas and len(activas) < len(plan.metas):
        cuentan = list(plan.metas)
        cuales = "las metas del plan (con las marcadas «Meta eliminada», INT-45)"
    total = sum((m.peso for m in cuentan), _CERO)
    if total == suma:
        return ()
    if not cuentan:
        mensaje = "pesos: el plan no tiene metas activas; sus pesos suman 0"
    else:
        mensaje = (
            f"pesos: los pesos de {cuales} suman {total}; deben sumar exactamente {suma} "
            f"({_detalle_pesos(cuentan)})"
        )
    return (Hallazgo("FOR-04", mensaje, campo="peso"),)


def _for_08(ctx: ContextoFormulacion) -> tuple[Hallazgo, ...]:
    plan = ctx.plan
    if plan is None:
        return ()
    conteo: dict[str, int] = {}
    for meta in plan.metas:
        conteo[meta.codigo] = conteo.get(meta.codigo, 0) + 1
    return tuple(
        Hallazgo(
            "FOR-08",
            f"codigo: {mostrar(codigo)} está repetido {veces} veces en el plan; cada meta necesita un "
            "código propio",
            codigo_meta=codigo,
            campo="codigo",
        )
        for codigo, veces in conteo.items()
        if veces > 1
    )


#: Las reglas ``FOR-*``: identificador → verificación sobre un :class:`ContextoFormulacion`.
REGISTRO_FOR = registro(
    "FOR",
    {
        "FOR-01": _for_01,
        "FOR-02": _for_02,
        "FOR-03": _for_03,
        "FOR-04": _for_04,
        "FOR-05": _for_05,
        "FOR-06": _for_06,
        "FOR-07": _for_07,
        "FOR-08": _for_08,
    },
)
