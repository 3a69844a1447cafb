"""Los comandos de varios planes: ``consolidar``, ``ranking`` e ``informe`` (issue 12: en
flujo).

Se carga un plan a la vez, se reduce a sus filas (o a su calificación) y se suelta antes de
cargar el siguiente, de modo que la memoria no crece con el número de archivos. Los planes de
otra vigencia se omiten con un aviso en stderr; ninguno de la vigencia pedida, o dos archivos
de la misma unidad y vigencia, es un error de entrada (código 2) que lo dice.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, TypeVar

from .._validacion import sin_tildes
from ..errores import ErrorArchivo
from ..trimestre import Trimestre
from ._entradas import cargar, vigencia
from ._salida import Resultado, Tabla

if TYPE_CHECKING:
    from ..consolidacion import Calificacion, PosicionRanking
    from ..modelo import Nivel, PlanDeGestion
    from ..politica import Politica

_T = TypeVar("_T")

COLUMNAS_CONSOLIDAR = (
    "unidad", "codigo_meta", "tipo_programacion", "magnitud_anual", "programado_anual",
    "ejecucion_anual", "avance_anual_pct", "semaforo", "eliminada",
)
COLUMNAS_INFORME = (
    "unidad", "metas", "calificacion_t1_pct", "calificacion_t2_pct", "calificacion_t3_pct",
    "calificacion_t4_pct", "calificacion_anual_pct", "semaforo_anual", "metas_cumplidas",
    "metas_no_cumplidas",
)


class _Progreso:
    """Progreso en stderr, solo cuando stderr es una terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.activo = total > 1 and sys.stderr.isatty()

    def paso(self, i: int, texto: str) -> None:
        if self.activo:
            sys.stderr.write(f"\r[{i}/{self.total}] {texto[:60]:<60}")
            sys.stderr.flush()

    def fin(self) -> None:
        if self.activo:
            sys.stderr.write("\n")


def reducir_planes(
    rutas: list[str], args: argparse.Namespace, anio: int,
    reducir: Callable[[PlanDeGestion], _T],
) -> list[_T]:
    """``reducir(plan)`` de cada plan de la vigencia ``anio``: se carga uno, se reduce y se suelta
    antes de cargar el siguiente."""
    vistos: dict[tuple[str, str], str] = {}
    reducidos: list[_T] = []
    progreso = _Progreso(len(rutas))
    for i, ruta in enumerate(rutas, start=1):
        progreso.paso(i, ruta)
        plan = cargar(ruta, args, anio)
        if plan.vigencia != anio:
            sys.stderr.write(f"sdg-metas: aviso: {ruta} es de la vigencia {plan.vigencia}, no "
                             f"de {anio}; no se incluye\n")
            continue
        clave = (" ".join(sin_tildes(plan.unidad).split()), plan.nivel.value)
        if clave in vistos:
            progreso.fin()
            raise ErrorArchivo(
                f"{vistos[clave]} y {ruta} describen la misma unidad ({plan.unidad}) y "
                f"vigencia ({anio}); dé cada plan una sola vez",
                codigo="PLAN_REPETIDO", campo="planes", valor=ruta,
            )
        vistos[clave] = ruta
        reducidos.append(reducir(plan))
        del plan
    progreso.fin()
    if not vistos:
        raise ErrorArchivo(
            f"ninguno de los {len(rutas)} archivos es un plan de la vigencia {anio}",
            codigo="SIN_PLANES_DE_LA_VIGENCIA", campo="vigencia", valor=anio,
        )
    return reducidos


def consolidar(args: argparse.Namespace) -> tuple[int, Resultado]:
    from ..consolidacion import consolidado_anual

    anio = vigencia(args.vigencia)
    por_plan = reducir_planes(args.planes, args, anio, lambda p: consolidado_anual([p], anio))
    filas = [f for filas_plan in por_plan for f in filas_plan]
    planes = len(por_plan)
    tabla = Tabla("filas", filas, columnas_terminal=COLUMNAS_CONSOLIDAR)
    return 0, Resultado("consolidar", {"vigencia": anio, "planes": planes}, (tabla,))


def informe(args: argparse.Namespace) -> tuple[int, Resultado]:
    from ..consolidacion import informe_gestion

    anio = vigencia(args.vigencia)
    filas = [f for filas_plan in reducir_planes(
        args.planes, args, anio, lambda p: informe_gestion([p], anio)) for f in filas_plan]
    tabla = Tabla("informe", filas, columnas_terminal=COLUMNAS_INFORME)
    return 0, Resultado("informe", {"vigencia": anio, "planes": len(filas)}, (tabla,),
                        antes=f"Informe de gestión {anio} (CON-04, Actividad 15)\n")


def _clave(valor: Decimal, politica: Politica) -> Decimal:
    from ..numeros import porcentaje

    if politica.decimales_ranking is None:
        return valor
    return porcentaje(valor, politica.decimales_ranking) or valor


def posiciones(
    calificadas: list[tuple[str, Nivel, Calificacion]], politica: Politica
) -> list[PosicionRanking]:
    """El ranking olímpico (1, 2, 2, 4) de CON-02 sobre calificaciones ya calculadas, con el
    mismo orden que :func:`sdg_metas.ranking` (que necesitaría todos los planes a la vez)."""
    from ..consolidacion import PosicionRanking, Semaforo, semaforo

    con_valor = sorted(
        ((_clave(c.valor, politica), u, n, c) for u, n, c in calificadas if c.valor is not None),
        key=lambda x: (-x[0], x[1], x[2].value),
    )
    resultado = []
    posicion, anterior = 0, None
    for i, (clave, unidad, nivel, c) in enumerate(con_valor, 1):
        if clave != anterior:
            posicion, anterior = i, clave
        resultado.append(PosicionRanking(posicion, unidad, nivel, c, semaforo(c.valor, politica)))
    sin_valor = sorted(((u, n, c) for u, n, c in calificadas if c.valor is None),
                       key=lambda x: (x[0], x[1].value))
    resultado.extend(PosicionRanking(None, u, n, c, Semaforo.SIN_DATO) for u, n, c in sin_valor)
    return resultado


def ranking(args: argparse.Namespace) -> tuple[int, Resultado]:
    from ..consolidacion import calificacion, como_filas
    from ..politica import POLITICA_PLE_PIN_P005_V8 as politica

    trimestre = Trimestre.desde_texto(args.trimestre)
    calificadas = reducir_planes(
        args.planes, args, trimestre.vigencia,
        lambda p: (p.unidad, p.nivel, calificacion(p, trimestre, politica)))
    filas = como_filas(posiciones(calificadas, politica))
    datos = {"vigencia": trimestre.vigencia, "trimestre": trimestre, "planes": len(filas)}
    return 0, Resultado("ranking", datos, (Tabla("ranking", filas),),
                        antes=f"Ranking de gestión {trimestre} (CON-02)\n")
