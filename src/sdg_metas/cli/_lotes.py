"""Los comandos de varios planes: ``consolidar``, ``ranking`` e ``informe`` (issue 12: en
flujo).

Se carga un plan a la vez (:class:`Lote`), se reduce a sus filas y se suelta antes de cargar el
siguiente. ``consolidar`` e ``informe`` no guardan las filas: la salida las escribe a medida que
salen (:mod:`._salida`), así que la memoria no crece con el número de archivos; ``ranking``
guarda una fila por plan (para ordenarlas hay que tenerlas todas). Los planes de
otra vigencia se omiten con un aviso en stderr; ninguno de la vigencia pedida, o dos archivos
de la misma unidad y vigencia, es un error de entrada (código 2) que lo dice.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, TypeVar

from .._validacion import sin_tildes
from ..errores import ErrorArchivo
from ..trimestre import Trimestre
from ._celdas import escapar
from ._entradas import cargar, vigencia
from ._salida import Resultado, Tabla
from ._terminal import avisar

if TYPE_CHECKING:
    from ..consolidacion import Fila
    from ..modelo import Nivel, PlanDeGestion

_T = TypeVar("_T")

#: Las columnas de :func:`sdg_metas.consolidado_anual`, para la tabla sin filas (planes sin
#: metas): su CSV y su hoja llevan los encabezados (``tests/cli`` las compara).
COLUMNAS_ANUALES = (
    "vigencia", "unidad", "nivel", "proceso_o_localidad", "proceso_lider",
    "dependencia_orientadora", "codigo_meta", "meta", "objetivo_estrategico", "indicador",
    "formula", "unidad_medida", "tipo_programacion", "linea_base", "magnitud_anual",
    "programado_anual", "ejecucion_anual", "avance_anual_pct", "semaforo", "analisis_resultado",
    "reportes", "eliminada", "eliminada_desde",
)
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
        self.activo = total > 1 and sys.stderr is not None and sys.stderr.isatty()

    def paso(self, i: int, texto: str) -> None:
        if self.activo:
            sys.stderr.write(f"\r[{i}/{self.total}] {escapar(texto)[:60]:<60}")
            sys.stderr.flush()

    def fin(self) -> None:
        if self.activo:
            sys.stderr.write("\n")


class Lote:
    """Los planes de la vigencia ``anio`` de ``rutas``, de a uno (un iterable de una sola pasada).

    Cada plan se carga al pedirlo y se suelta al pedir el siguiente; los de otra vigencia se
    omiten con un aviso. ``planes`` cuenta los que se dieron. Al final, ninguno de la vigencia
    es un error (``SIN_PLANES_DE_LA_VIGENCIA``); dos archivos de la misma unidad y vigencia,
    también (``PLAN_REPETIDO``)."""

    def __init__(self, rutas: list[str], args: argparse.Namespace, anio: int) -> None:
        self.rutas, self.args, self.anio = rutas, args, anio
        self.planes = 0

    def __iter__(self) -> Iterator[PlanDeGestion]:
        vistos: dict[tuple[str, str], str] = {}
        progreso = _Progreso(len(self.rutas))
        try:
            for i, ruta in enumerate(self.rutas, start=1):
                progreso.paso(i, ruta)
                plan = cargar(ruta, self.args, self.anio, "planes")
                if plan.vigencia != self.anio:
                    avisar(f"sdg-metas: aviso: {ruta} es de la vigencia {plan.vigencia}, no de "
                           f"{self.anio}; no se incluye\n")
                    del plan  # que no siga vivo mientras se carga el siguiente
                    continue
                _no_repetido(vistos, plan, ruta)
                self.planes += 1
                yield plan
                del plan
        finally:
            progreso.fin()
        if not vistos:
            raise ErrorArchivo(
                f"ninguno de los {len(self.rutas)} archivos es un plan de la vigencia {self.anio}",
                codigo="SIN_PLANES_DE_LA_VIGENCIA", campo="vigencia", valor=self.anio,
            )

    def reducir(self, reducir: Callable[[PlanDeGestion], list[_T]]) -> Iterator[_T]:
        """Lo que da ``reducir`` de cada plan, en orden; el plan se suelta antes de cargar el
        siguiente (un ``for`` lo dejaría vivo hasta la siguiente asignación)."""
        planes = iter(self)
        while (plan := next(planes, None)) is not None:
            reducido = reducir(plan)
            del plan
            yield from reducido


def _no_repetido(vistos: dict[tuple[str, str], str], plan: PlanDeGestion, ruta: str) -> None:
    clave = (" ".join(sin_tildes(plan.unidad).split()), plan.nivel.value)
    if clave in vistos:
        raise ErrorArchivo(
            f"{vistos[clave]} y {ruta} describen la misma unidad ({plan.unidad}) y "
            f"vigencia ({plan.vigencia}); dé cada plan una sola vez",
            codigo="PLAN_REPETIDO", campo="planes", valor=ruta,
        )
    vistos[clave] = ruta


def _filas_en_flujo(
    args: argparse.Namespace, comando: str, tabla: str, columnas: tuple[str, ...],
    por_plan: Callable[[list[PlanDeGestion], int], list[Fila]], antes: str = "",
    todas: tuple[str, ...] = (),
) -> Resultado:
    """Las filas de ``por_plan([plan], vigencia)`` de cada plan, escritas a medida que salen; el
    número de planes leídos va al final."""
    anio = vigencia(args.vigencia)
    lote = Lote(args.planes, args, anio)
    filas = lote.reducir(lambda plan: por_plan([plan], anio))
    return Resultado(comando, {"vigencia": anio}, (Tabla(tabla, filas, todas, columnas),),
                     antes=antes.format(anio=anio), al_final=lambda: {"planes": lote.planes})


def consolidar(args: argparse.Namespace) -> tuple[int, Resultado]:
    from ..consolidacion import consolidado_anual

    return 0, _filas_en_flujo(args, "consolidar", "filas", COLUMNAS_CONSOLIDAR, consolidado_anual,
                              todas=COLUMNAS_ANUALES)


def informe(args: argparse.Namespace) -> tuple[int, Resultado]:
    from ..consolidacion import informe_gestion

    return 0, _filas_en_flujo(args, "informe", "informe", COLUMNAS_INFORME, informe_gestion,
                              antes="Informe de gestión {anio} (CON-04, Actividad 15)\n")


def ranking(args: argparse.Namespace) -> tuple[int, Resultado]:
    """El ranking de miles de archivos: de cada plan se guarda su fila del ranking y su valor
    exacto (no el plan ni las contribuciones de sus metas); el orden es el de
    :func:`sdg_metas.consolidacion.posiciones_ranking`, el mismo de :func:`sdg_metas.ranking`."""
    from ..consolidacion import como_filas, posiciones_ranking
    from ..consolidacion import ranking as ranking_de
    from ..politica import POLITICA_PLE_PIN_P005_V8 as politica

    trimestre = Trimestre.desde_texto(args.trimestre)
    calificadas: list[tuple[str, Nivel, Decimal | None]] = []
    filas_por_plan: list[dict[str, object]] = []

    def reducir(plan: PlanDeGestion) -> list[tuple[str, Nivel, Decimal | None, Fila]]:
        (posicion,) = ranking_de([plan], trimestre, politica)
        return [(plan.unidad, plan.nivel, posicion.valor, como_filas([posicion])[0])]

    for unidad, nivel, valor, fila in Lote(args.planes, args, trimestre.vigencia).reducir(reducir):
        calificadas.append((unidad, nivel, valor))
        filas_por_plan.append(dict(fila))
    filas = []
    for lugar, i in posiciones_ranking(calificadas, politica):
        filas_por_plan[i]["posicion"] = lugar
        filas.append(filas_por_plan[i])
    datos = {"vigencia": trimestre.vigencia, "trimestre": trimestre, "planes": len(filas)}
    return 0, Resultado("ranking", datos, (Tabla("ranking", filas),),
                        antes=f"Ranking de gestión {trimestre} (CON-02)\n")
