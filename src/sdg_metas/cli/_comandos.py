"""Los comandos de un solo plan: ``demo``, ``plazos``, ``evaluar``, ``validar``,
``modificacion`` y ``ejemplos``. Cada uno devuelve su código de salida y su
:class:`~._salida.Resultado`; escribirlo es cosa de :func:`sdg_metas.cli.main`."""

from __future__ import annotations

import argparse
import datetime
import io
from pathlib import Path

from ..errores import ErrorArchivo
from ..trimestre import Trimestre
from ._celdas import etiqueta, ruta_visible
from ._entradas import cargar, ruta_de_entrada, trimestre_del_plan, vigencia
from ._salida import Resultado, Tabla, escribir_tabla
from ._terminal import motivo_del_sistema

#: Hallazgos que ``demo`` lista antes de decir «y N más».
MAX_HALLAZGOS_DEMO = 10

COLUMNAS_EVALUAR = (
    "codigo_meta", "tipo_programacion", "programado_acumulado", "ejecucion_acumulada",
    "avance_trimestre_pct", "cumplimiento_pct", "avance_vigencia_pct", "semaforo",
    "reglas_hallazgos",
)
#: Las columnas de :func:`sdg_metas.filas` (una fila por meta), para la tabla sin filas de un
#: plan sin metas: su CSV y su hoja llevan los encabezados (``tests/cli`` las compara).
COLUMNAS_METAS = (
    "vigencia", "trimestre", "unidad", "nivel", "codigo_meta", "meta", "tipo_programacion",
    "unidad_medida", "peso", "eliminada", "programado_acumulado", "ejecucion_acumulada",
    "avance_trimestre_pct", "cumplimiento_pct", "avance_vigencia_pct", "semaforo", "situacion",
    "cuenta", "cumplimiento_acotado_pct", "peso_normalizado_pct", "aporte_pct", "motivo",
    "hallazgos", "reglas_hallazgos", "calificacion_plan_pct", "semaforo_plan",
)
COLUMNAS_HALLAZGOS = ("codigo_meta", "regla", "severidad", "mensaje", "fuente")

#: Código de salida de ``modificacion`` según la elegibilidad (Política 9).
SALIDA_MODIFICACION = {"elegible": 0, "no_elegible": 1, "requiere_revision_oap": 3}


def demo(args: argparse.Namespace) -> tuple[int, Resultado]:
    from ..consolidacion import evaluar_plan, filas
    from ..ejemplos import plan_ejemplo

    plan = plan_ejemplo()
    evaluaciones = [evaluar_plan(plan, n) for n in range(1, 5)]
    todas = [f for ev in evaluaciones for f in filas(ev)]
    final = evaluaciones[-1]
    texto = io.StringIO()
    texto.write(f"Plan de gestión de ejemplo: {plan.unidad}, vigencia {plan.vigencia}\n")
    texto.write("Procedimiento PLE-PIN-P005 v8; avances como porcentaje (ROUND_HALF_UP).\n")
    for ev in evaluaciones:
        texto.write(f"\nTrimestre {ev.trimestre}\n")
        escribir_tabla(Tabla("metas", filas(ev), columnas_terminal=COLUMNAS_EVALUAR), texto)
    texto.write("\n«—» = no aplica (trimestre no programado, sin reporte o denominador 0).\n\n")
    texto.write(final.calificacion.explicar()
                + f"\nSemáforo del plan: {etiqueta('semaforo', final.semaforo.value)}\n")
    hallazgos = final.hallazgos
    errores = sum(1 for h in hallazgos if h.severidad.name == "ERROR")
    texto.write(f"\nHallazgos al {final.trimestre}: {len(hallazgos)} ({errores} de severidad "
                "error); vea `sdg-metas validar`.\n")
    for h in hallazgos[:MAX_HALLAZGOS_DEMO]:
        texto.write(f"- {h.regla}{' ' + h.codigo_meta if h.codigo_meta else ''}: {h.mensaje}\n")
    if len(hallazgos) > MAX_HALLAZGOS_DEMO:
        texto.write(f"- y {len(hallazgos) - MAX_HALLAZGOS_DEMO} más.\n")
    resultado = Resultado("demo", {"unidad": plan.unidad, "vigencia": plan.vigencia},
                          (Tabla("metas", todas, COLUMNAS_METAS),), terminal=texto.getvalue())
    return 0, resultado


def plazos(args: argparse.Namespace) -> tuple[int, Resultado]:
    from ..calendario import fecha_limite_reporte, motivo_no_habil
    from ..politica import POLITICA_PLE_PIN_P005_V8 as politica

    anio = vigencia(args.vigencia)
    filas: list[dict[str, object]] = []
    for n in (1, 2, 3, 4):
        t = Trimestre(anio, n)
        dia = t.fin + datetime.timedelta(days=politica.dias_plazo_reporte)
        limite = fecha_limite_reporte(t, politica)
        motivos = []
        d = dia
        while d < limite:
            motivos.append(f"{d.isoformat()} {motivo_no_habil(d)}")
            d += datetime.timedelta(days=1)
        filas.append({
            "trimestre": str(t),
            "fin_trimestre": t.fin,
            "dia_15": dia,
            "fecha_limite": limite,
            "movida": bool(motivos),
            "motivo": "; ".join(motivos) or None,
        })
    antes = f"Fechas límite de reporte {anio} (PLE-PIN-P005 v8, Actividad 9, Nota 2)\n"
    return 0, Resultado("plazos", {"vigencia": anio}, (Tabla("plazos", filas),), antes=antes)


def evaluar(args: argparse.Namespace) -> tuple[int, Resultado]:
    from ..consolidacion import evaluar_plan, filas

    plan = cargar(args.plan, args)
    ev = evaluar_plan(plan, trimestre_del_plan(plan, args.trimestre))
    datos = {
        "unidad": plan.unidad,
        "vigencia": plan.vigencia,
        "trimestre": ev.trimestre,
        "calificacion_pct": ev.calificacion.porcentaje,
        "semaforo": ev.semaforo.value,
    }
    tabla = Tabla("metas", filas(ev), COLUMNAS_METAS, COLUMNAS_EVALUAR)
    return 0, Resultado(
        "evaluar", datos, (tabla,),
        antes=f"{plan.unidad}, {ev.trimestre}\n",
        despues=(f"\n{ev.calificacion.explicar()}\n"
                 f"Semáforo del plan: {etiqueta('semaforo', ev.semaforo.value)}\n"),
    )


def validar(args: argparse.Namespace) -> tuple[int, Resultado]:
    from ..formulacion import verificar_plan
    from ..reportes import verificar_reportes_plan

    plan = cargar(args.plan, args)
    hallazgos = (*verificar_plan(plan), *verificar_reportes_plan(plan))
    filas = [
        {
            "codigo_meta": h.codigo_meta,
            "regla": h.regla,
            "severidad": h.severidad.value,
            "mensaje": h.mensaje,
            "fuente": h.fuente,
        }
        for h in hallazgos
    ]
    errores = sum(1 for h in hallazgos if h.severidad.name == "ERROR")
    datos = {"unidad": plan.unidad, "vigencia": plan.vigencia, "hallazgos_total": len(filas),
             "errores": errores}
    tabla = Tabla("hallazgos", filas, COLUMNAS_HALLAZGOS, COLUMNAS_HALLAZGOS[:4])
    antes = (f"{plan.unidad}, vigencia {plan.vigencia}: {len(hallazgos)} hallazgos, "
             f"{errores} de severidad error\n")
    resultado = Resultado("validar", datos, (tabla,), antes=antes)
    if not filas:
        resultado = Resultado("validar", datos, (tabla,), terminal=antes)
    return (1 if errores else 0), resultado


def modificacion(args: argparse.Namespace) -> tuple[int, Resultado]:
    from ..archivos import cargar_solicitud
    from ..modificaciones import evaluar_solicitud

    plan = cargar(args.plan, args)
    solicitud = cargar_solicitud(ruta_de_entrada(args.solicitud, "solicitud"), plan)
    decision = evaluar_solicitud(solicitud)
    veredicto = {
        "codigo_meta": solicitud.meta.codigo,
        "elegibilidad": decision.elegibilidad.value,
        "efecto": decision.efecto.value,
    }
    filas = [
        {**veredicto, "regla": m.regla, "cumple": m.cumple, "mensaje": m.mensaje,
         "fuente": m.fuente}
        for m in decision.motivos
    ]
    tabla = Tabla("motivos", filas, columnas_terminal=("regla", "cumple", "mensaje"))
    antes = (f"Solicitud sobre la meta {solicitud.meta.codigo}: "
             f"{etiqueta('elegibilidad', decision.elegibilidad.value)} "
             f"(efecto: {etiqueta('efecto', decision.efecto.value)})\n")
    despues = ("«—» = la regla no aplica a esta solicitud.\n"
               "La decisión es sobre la elegibilidad; la OAP decide (Política 9).\n")
    resultado = Resultado("modificacion", veredicto, (tabla,), antes=antes, despues=despues)
    return SALIDA_MODIFICACION[decision.elegibilidad.value], resultado


def ejemplos(args: argparse.Namespace) -> tuple[int, Resultado]:
    from .. import archivos

    if not args.directorio:
        raise ErrorArchivo("DIR: la ruta está vacía; dé un directorio (por ejemplo .)",
                           codigo="RUTA_INVALIDA", campo="directorio", valor="")
    directorio = Path(args.directorio)
    try:
        directorio.mkdir(parents=True, exist_ok=True)
        escritos = [Path(r) for r in archivos.escribir_ejemplos(directorio)]
    except OSError as e:
        raise ErrorArchivo(f"DIR: no se pudo escribir en «{args.directorio}»: "
                           f"{motivo_del_sistema(e)}", codigo="DIRECTORIO_NO_ESCRIBIBLE",
                           campo="directorio", valor=args.directorio) from None
    nombres = [ruta_visible(r) for r in escritos]
    filas = [{"archivo": n} for n in nombres]
    return 0, Resultado("ejemplos", {"directorio": ruta_visible(directorio)},
                        (Tabla("archivos", filas),), terminal="".join(f"{n}\n" for n in nombres))
