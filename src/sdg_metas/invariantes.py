"""Las invariantes de un plan de gestión: una sola función pura que devuelve todos los problemas.

:class:`~sdg_metas.PlanDeGestion` lanza el primero; los cargadores de archivos los informan todos,
cada uno en su lugar del archivo. Nada aquí construye objetos del modelo: solo los mira.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ._validacion import exigir_entero, exigir_tipo, mostrar, tupla_de
from .errores import ErrorModelo

if TYPE_CHECKING:
    from .modelo import Meta, Nivel, RegistroModificacion, Reporte

__all__ = ["problemas_del_plan"]


def problemas_del_plan(
    vigencia: int,
    metas: Sequence[Meta],
    reportes: Sequence[Reporte],
    modificaciones: Sequence[RegistroModificacion] = (),
    nivel: Nivel | None = None,
) -> tuple[ErrorModelo, ...]:
    """Todos los problemas que impiden construir un :class:`PlanDeGestion`, en orden.

    Es la única comprobación de las invariantes del plan: ``PlanDeGestion`` lanza el primero y
    los cargadores de archivos los informan todos, con su ubicación. Cada problema es un
    :class:`~sdg_metas.errores.ErrorModelo` cuyo ``campo`` dice dónde está
    (``reportes[3].codigo_meta`` …): un reporte de otra vigencia, de una meta que no está en el
    plan (o cuyo código está repetido), dos reportes de la misma meta y trimestre, una
    modificación de una meta que no está en el plan, o (con ``nivel``) una meta cuyo nivel
    contradice el del plan.

    >>> from sdg_metas import Reporte, Trimestre
    >>> [e.codigo for e in problemas_del_plan(2025, [], [Reporte(trimestre=Trimestre(2024, 4))])]
    ['REPORTE_FUERA_DE_VIGENCIA', 'REPORTE_SIN_META']
    """
    from .modelo import Meta, Nivel, RegistroModificacion, Reporte  # al usarse (issue 13)

    exigir_entero(vigencia, "vigencia", "un año (int)")
    if nivel is not None:
        exigir_tipo(nivel, Nivel, "nivel", "un Nivel (o quedar vacío)")
    return problemas_sin_validar(
        vigencia,
        tupla_de(metas, Meta, "metas", "una Meta"),
        tupla_de(reportes, Reporte, "reportes", "un Reporte"),
        tupla_de(modificaciones, RegistroModificacion, "modificaciones", "un RegistroModificacion"),
        nivel,
    )


def problemas_sin_validar(
    vigencia: int, metas: Sequence[Meta], reportes: Sequence[Reporte],
    modificaciones: Sequence[RegistroModificacion], nivel: Nivel | None,
) -> tuple[ErrorModelo, ...]:
    """:func:`problemas_del_plan` sobre argumentos ya validados (los de un ``PlanDeGestion``,
    cuyos conversores ya los comprobaron): no los comprueba otra vez."""
    conteo: dict[str, int] = {}
    for meta in metas:
        conteo[meta.codigo] = conteo.get(meta.codigo, 0) + 1
    problemas: list[ErrorModelo] = []
    for i, meta in enumerate(metas):
        if nivel is not None and meta.nivel is not None and meta.nivel is not nivel:
            problemas.append(
                ErrorModelo(
                    f"metas[{i}].nivel: la meta {mostrar(meta.codigo)} es del nivel "
                    f"{meta.nivel.value} y el plan del nivel {nivel.value}; una meta es del "
                    "nivel de su plan",
                    codigo="NIVEL_CONTRADICTORIO",
                    campo=f"metas[{i}].nivel",
                    valor=meta.nivel.value,
                )
            )
    vistos: set[tuple[str, int, int]] = set()  # (meta, vigencia, número): el trimestre entero
    for i, reporte in enumerate(reportes):
        trimestre = reporte.trimestre
        clave = (reporte.codigo_meta, trimestre.vigencia, trimestre.numero)
        if (
            trimestre.vigencia == vigencia
            and conteo.get(clave[0], 0) == 1
            and clave not in vistos
        ):  # sin problemas (el caso común): lo que _problemas_reporte anotaría (issue 12)
            vistos.add(clave)
            continue
        problemas.extend(_problemas_reporte(f"reportes[{i}]", reporte, vigencia, conteo, vistos))
    for i, registro in enumerate(modificaciones):
        if registro.codigo_meta not in conteo:
            problemas.append(
                ErrorModelo(
                    f"modificaciones[{i}].codigo_meta: {mostrar(registro.codigo_meta)} no es una meta "
                    "del plan",
                    codigo="MODIFICACION_SIN_META",
                    campo=f"modificaciones[{i}].codigo_meta",
                    valor=registro.codigo_meta,
                )
            )
    return tuple(problemas)


def _problemas_reporte(
    campo: str,
    reporte: Reporte,
    vigencia: int,
    conteo: dict[str, int],
    vistos: set[tuple[str, int, int]],
) -> list[ErrorModelo]:
    problemas: list[ErrorModelo] = []
    if reporte.trimestre.vigencia != vigencia:
        problemas.append(
            ErrorModelo(
                f"{campo}.trimestre: {reporte.trimestre} no es de la vigencia {vigencia} del plan",
                codigo="REPORTE_FUERA_DE_VIGENCIA",
                campo=f"{campo}.trimestre",
                valor=str(reporte.trimestre),
            )
        )
    if conteo.get(reporte.codigo_meta, 0) != 1:
        problema = (
            "no es una meta del plan"
            if reporte.codigo_meta not in conteo
            else "está repetido en el plan y el reporte es ambiguo"
        )
        problemas.append(
            ErrorModelo(
                f"{campo}.codigo_meta: {mostrar(reporte.codigo_meta)} {problema}",
                codigo="REPORTE_SIN_META",
                campo=f"{campo}.codigo_meta",
                valor=reporte.codigo_meta,
            )
        )
    clave = (reporte.codigo_meta, reporte.trimestre.vigencia, reporte.trimestre.numero)
    if clave in vistos:
        problemas.append(
            ErrorModelo(
                f"{campo}: la meta {mostrar(reporte.codigo_meta)} ya tiene un reporte para "
                f"{reporte.trimestre}",
                codigo="REPORTE_DUPLICADO",
                campo=campo,
                valor=str(reporte.trimestre),
            )
        )
    vistos.add(clave)
    return problemas
