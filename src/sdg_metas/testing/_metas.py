"""Metas, reportes y planes de gestión (``metas``, ``reportes``, ``planes``)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import attrs
from hypothesis import strategies as st

from .._validacion import mostrar
from ..calculos import evaluar
from ..errores import ErrorProgramacion, ErrorSdgMetas
from ..modelo import (
    Indicador,
    Meta,
    Nivel,
    Numero,
    PlanDeGestion,
    Reporte,
    TipoProgramacion,
    Trimestre,
    ejecucion_de,
    es_porcentual,
)
from ..numeros import a_decimal
from ..trimestre import VIGENCIA_MAXIMA, VIGENCIA_MINIMA
from ._comun import (
    _ANALISIS,
    _CAUSAS,
    _DEPENDENCIAS,
    _ENTREGABLES,
    _EVIDENCIAS,
    _LOCALIDADES,
    _OBJETIVOS,
    _OBJETOS,
    _PESO_TOTAL,
    _PROCESOS,
    _TOPE,
    _TOPE_PORCENTUAL,
    _UNIDADES_META,
    _VERBOS,
    _argumento,
    _bool,
    _dec,
    _entero,
    _nivel,
    _repartir,
    _tipo,
    _vigencia,
    trimestres,
)
from ._programaciones import _programacion

# --- metas ------------------------------------------------------------------------------------


@st.composite
def _meta(
    draw: st.DrawFn,
    codigo: str | None,
    tipo: TipoProgramacion | None,
    coherente: bool,
    nivel: Nivel | None,
    peso: Decimal | None,
) -> Meta:
    unidad = draw(st.sampled_from(_UNIDADES_META))
    nivel_meta = nivel if nivel is not None else draw(st.sampled_from(Nivel))
    transversal = draw(st.booleans())
    proceso = st.sampled_from(_PROCESOS)
    indicador = Indicador(
        f"Porcentaje de {draw(st.sampled_from(_OBJETOS))}",
        "Cantidad ejecutada",
        "Cantidad programada",
        unidad,
    )
    return Meta(
        codigo=codigo if codigo is not None else draw(st.integers(1, 999).map("M{}".format)),
        descripcion=f"{draw(st.sampled_from(_VERBOS))} {draw(st.sampled_from(_OBJETOS))}",
        programacion=draw(_programacion(tipo, coherente, es_porcentual(unidad))),
        peso=peso if peso is not None else _dec(draw(st.integers(0, _PESO_TOTAL))),
        unidad=unidad,
        nivel=nivel_meta,
        transversal=transversal,
        proceso_lider=draw(proceso) if transversal else draw(st.none() | proceso),
        dependencia_orientadora=(
            draw(st.sampled_from(_DEPENDENCIAS)) if nivel_meta is Nivel.LOCAL else None
        ),
        entregables=draw(
            st.lists(st.sampled_from(_ENTREGABLES), min_size=1, max_size=3, unique=True)
        ),
        indicador=indicador,
        objetivo_estrategico=draw(st.none() | st.sampled_from(_OBJETIVOS)),
    )


def _peso(peso: Numero | None) -> Decimal | None:
    if peso is None:
        return None
    try:
        valor = a_decimal(peso, "peso")
    except ErrorSdgMetas as error:
        raise _argumento(str(error)) from error
    if valor > 100:
        raise _argumento(f"peso={mostrar(peso)} supera 100")
    return valor


def metas(
    *,
    codigo: str | None = None,
    tipo: TipoProgramacion | str | None = None,
    coherentes: bool = True,
    nivel: Nivel | str | None = None,
    peso: Numero | None = None,
) -> st.SearchStrategy[Meta]:
    """Metas completas: redacción con verbo en infinitivo, entregables, indicador, peso…

    ``codigo``, ``tipo``, ``nivel`` y ``peso`` fijan esos campos; si son ``None`` se generan.
    Con ``coherentes=True`` :func:`~sdg_metas.verificar_meta` no les encuentra nada (una meta
    transversal nombra su proceso líder y una local su dependencia orientadora; una meta en
    ``%`` no pasa de 100). Con ``coherentes=False`` la programación trae un defecto (ver
    :func:`programaciones`).

    >>> from hypothesis import find
    >>> m = find(metas(codigo="M7", nivel="local"), lambda m: True)
    >>> m.codigo, m.nivel.name, m.dependencia_orientadora is not None
    ('M7', 'LOCAL', True)
    """
    if codigo is not None and (not isinstance(codigo, str) or not codigo.strip()):
        raise _argumento(f"codigo={mostrar(codigo)} debe ser un texto no vacío")
    return _meta(
        codigo, _tipo(tipo), _bool(coherentes, "coherentes"), _nivel(nivel), _peso(peso)
    )


# --- reportes ---------------------------------------------------------------------------------


@st.composite
def _reporte(draw: st.DrawFn, meta: Meta | None, trimestre: Trimestre | None) -> Reporte:
    m = meta if meta is not None else draw(_meta(None, None, True, None, None))
    t = trimestre if trimestre is not None else draw(trimestres())
    programado = m.programacion.programado(t.numero)
    numerador: int | None = None
    denominador: int | None = None
    ejecucion: Decimal | None = None
    if not programado:
        ejecucion = Decimal(0)  # una ejecución > 0 sin programación sería REP-05
    elif m.porcentual and draw(st.booleans()):
        denominador = draw(st.integers(min_value=1, max_value=1000))
        numerador = draw(st.integers(min_value=0, max_value=denominador))
    else:
        tope = _TOPE_PORCENTUAL if m.porcentual else _TOPE
        ejecucion = _dec(draw(st.integers(min_value=0, max_value=tope)))
    return Reporte(
        codigo_meta=m.codigo,
        trimestre=t,
        ejecucion=ejecucion,
        numerador=numerador,
        denominador=denominador,
        analisis=draw(st.sampled_from(_ANALISIS)),
        analisis_acumulado=draw(st.sampled_from(_ANALISIS)),
        evidencias=draw(
            st.lists(st.sampled_from(_EVIDENCIAS), min_size=1, max_size=3, unique=True)
        ),
        fecha_envio=t.fin + datetime.timedelta(days=draw(st.integers(min_value=1, max_value=5))),
        causas_retraso=draw(st.sampled_from(_CAUSAS)),
    )


def reportes(
    *, meta: Meta | None = None, trimestre: Trimestre | None = None
) -> st.SearchStrategy[Reporte]:
    """Reportes de seguimiento válidos de ``meta`` en ``trimestre`` (generados si son ``None``).

    Cada reporte trae ejecución (directa, o numerador y denominador en metas en ``%``), análisis,
    los dos análisis (del avance y del resultado acumulado), causas del retraso, evidencias y una
    fecha de envío entre 1 y 5 días después del cierre del trimestre. En un trimestre no
    programado la ejecución es 0. No trae cifras de avance reportadas (``avance_reportado`` y
    las acumuladas son ``None``: dependen de los otros reportes); los de :func:`planes` sí.

    >>> from hypothesis import find
    >>> from sdg_metas import Meta, Programacion, Trimestre, ejecucion_de
    >>> meta = Meta(codigo="M1", descripcion="Atender solicitudes", peso=100,
    ...             programacion=Programacion("suma", 10, [5, 5, None, None]))
    >>> r = find(reportes(meta=meta, trimestre=Trimestre(2025, 4)), lambda r: True)
    >>> r.codigo_meta, str(r.trimestre), ejecucion_de(r, meta), r.fecha_envio
    ('M1', '2025-T4', Decimal('0'), datetime.date(2026, 1, 1))
    """
    if meta is not None and not isinstance(meta, Meta):
        raise _argumento(f"meta={mostrar(meta)} debe ser una Meta o None")
    if trimestre is not None and not isinstance(trimestre, Trimestre):
        raise _argumento(f"trimestre={mostrar(trimestre)} debe ser un Trimestre o None")
    return _reporte(meta, trimestre)


# --- planes -----------------------------------------------------------------------------------


def _incompletos(pesos: list[int]) -> list[int]:
    """Los pesos (en centésimas) corregidos para que, a propósito, nunca sumen 100."""
    if sum(pesos) == _PESO_TOTAL:
        pesos = [pesos[0] - 1 if pesos[0] > 0 else 1, *pesos[1:]]
    return pesos


def _con_cifras(meta: Meta, informes: list[Reporte]) -> list[Reporte]:
    """Los reportes de los trimestres 1..k de una meta con las cifras de la Actividad 9 que
    se pueden calcular (REP-07): el avance del trimestre, la ejecución y el avance acumulados."""
    ejecuciones = [ejecucion_de(r, meta) for r in informes] + [None] * (4 - len(informes))
    completos = []
    for k, r in enumerate(informes, 1):
        try:
            e = evaluar(meta.programacion, ejecuciones, k)
        except ErrorProgramacion:  # una programación incoherente a propósito
            return informes
        completos.append(
            attrs.evolve(
                r,
                avance_reportado=e.avance_trimestre,
                ejecucion_acumulada_reportada=e.ejecucion_acumulada,
                avance_acumulado_reportado=e.cumplimiento,
            )
        )
    return completos


@st.composite
def _plan(
    draw: st.DrawFn,
    vigencia: int | None,
    min_metas: int,
    max_metas: int,
    con_reportes: bool,
    pesos_completos: bool,
    nivel: Nivel | None,
    coherentes: bool,
) -> PlanDeGestion:
    anio = vigencia if vigencia is not None else draw(
        st.integers(min_value=VIGENCIA_MINIMA, max_value=VIGENCIA_MAXIMA)
    )
    nivel_plan = nivel if nivel is not None else draw(st.sampled_from(Nivel))
    n = draw(st.integers(min_value=min_metas, max_value=max_metas))
    if pesos_completos:
        pesos = _repartir(draw, _PESO_TOTAL, n)
    else:
        pesos = _incompletos(
            draw(
                st.lists(
                    st.integers(min_value=0, max_value=_PESO_TOTAL), min_size=n, max_size=n
                )
            )
        )
    lista = [
        draw(_meta(f"M{i}", None, coherentes, nivel_plan, _dec(peso)))
        for i, peso in enumerate(pesos, 1)
    ]
    informes: list[Reporte] = []
    if con_reportes:
        for meta in lista:
            hasta = draw(st.integers(min_value=0, max_value=4))
            informes.extend(
                _con_cifras(
                    meta, [draw(_reporte(meta, Trimestre(anio, k))) for k in range(1, hasta + 1)]
                )
            )
    if nivel_plan is Nivel.LOCAL:
        unidad = f"Alcaldía Local de {draw(st.sampled_from(_LOCALIDADES))}"
    else:
        unidad = draw(st.sampled_from(_PROCESOS))
    return PlanDeGestion(
        vigencia=anio, unidad=unidad, nivel=nivel_plan, metas=lista, reportes=informes
    )


def planes(
    *,
    vigencia: int | None = None,
    min_metas: int = 1,
    max_metas: int = 6,
    con_reportes: bool = True,
    pesos_completos: bool = True,
    nivel: Nivel | str | None = None,
    coherentes: bool = True,
) -> st.SearchStrategy[PlanDeGestion]:
    """Planes de gestión de una vigencia con entre ``min_metas`` y ``max_metas`` metas.

    Las metas tienen códigos distintos (``M1``, ``M2``…) y el nivel del plan. Con
    ``pesos_completos=True`` sus pesos suman exactamente 100 (FOR-04); con ``False`` nunca
    suman 100. Con ``con_reportes=True`` cada meta trae reportes válidos (:func:`reportes`)
    de los trimestres 1 a *k* de la vigencia, con *k* entre 0 y 4. Con ``coherentes=True`` y
    pesos completos, :func:`~sdg_metas.verificar_plan` no les encuentra nada.

    >>> from hypothesis import find
    >>> plan = find(planes(vigencia=2025, min_metas=3), lambda p: True)
    >>> len(plan.metas), sum(m.peso for m in plan.metas), plan.vigencia
    (3, Decimal('100.00'), 2025)
    """
    anio = None if vigencia is None else _vigencia(vigencia)
    pesos_completos = _bool(pesos_completos, "pesos_completos")
    minimo = _entero(min_metas, "min_metas", 1 if pesos_completos else 0)
    maximo = _entero(max_metas, "max_metas", minimo)
    return _plan(
        anio,
        minimo,
        maximo,
        _bool(con_reportes, "con_reportes"),
        pesos_completos,
        _nivel(nivel),
        _bool(coherentes, "coherentes"),
    )
