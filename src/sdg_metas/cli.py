"""La línea de comandos ``sdg-metas`` (también ``python -m sdg_metas``): una capa delgada.

Subcomandos (``sdg-metas COMANDO --help`` explica cada uno):

- ``demo``: evalúa el plan de ejemplo incluido en cada trimestre y lo explica.
- ``plazos VIGENCIA``: las cuatro fechas límite de reporte del año y por qué se movió cada una.
- ``evaluar PLAN [--trimestre 2025-T2]``: cifras, semáforo y hallazgos por meta, y la
  calificación del plan.
- ``validar PLAN``: hallazgos de formulación y de reportes (sale con 1 si hay errores).
- ``modificacion SOLICITUD --plan PLAN``: la elegibilidad de una solicitud, motivo por motivo.
- ``consolidar PLANES... --vigencia 2025``: las filas del consolidado anual.

Todos aceptan ``--formato tabla|json|csv``. Códigos de salida: 0 bien; 1 ``validar`` encontró
hallazgos de severidad ERROR; 2 error de entrada (mensaje en español, sin traza).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from .errores import ErrorSdgMetas, ErrorTrimestre
from .numeros import texto_numero
from .trimestre import Trimestre

if TYPE_CHECKING:  # `plazos` no necesita el modelo: se importa con los archivos
    from .modelo import PlanDeGestion

__all__ = ["construir_parser", "main"]

Fila = Mapping[str, Any]
_FORMATOS = ("tabla", "json", "csv")


# --- Presentación ----------------------------------------------------------------------------


def _celda(valor: object) -> str:
    if valor is None:
        return "—"
    if isinstance(valor, bool):
        return "sí" if valor else "no"
    if isinstance(valor, Decimal):
        return texto_numero(valor)
    if isinstance(valor, datetime.date):
        return valor.isoformat()
    return str(valor)


def _json_valor(valor: object) -> object:
    if isinstance(valor, Decimal):
        return str(valor)
    if isinstance(valor, (datetime.date, Trimestre)):
        return str(valor)
    return valor


def _tabla(filas: Sequence[Fila], columnas: Sequence[str], salida: TextIO) -> None:
    celdas = [[_celda(f.get(c)) for c in columnas] for f in filas]
    anchos = [len(c) for c in columnas]
    for fila in celdas:
        anchos = [max(a, len(c)) for a, c in zip(anchos, fila, strict=True)]
    salida.write("  ".join(c.ljust(a) for c, a in zip(columnas, anchos, strict=True)).rstrip())
    salida.write("\n" + "  ".join("-" * a for a in anchos) + "\n")
    for fila in celdas:
        salida.write(
            "  ".join(c.ljust(a) for c, a in zip(fila, anchos, strict=True)).rstrip() + "\n"
        )


def _escribir(
    formato: str,
    filas: Sequence[Fila],
    salida: TextIO,
    *,
    columnas_tabla: Sequence[str] | None = None,
    extra_json: Mapping[str, object] | None = None,
    clave_json: str = "filas",
) -> None:
    """Escribe filas como tabla (columnas alineadas), JSON (un objeto) o CSV (todas las
    columnas, separadas por coma, punto decimal)."""
    if formato == "json":
        objeto: dict[str, object] = {
            k: _json_valor(v) for k, v in (extra_json or {}).items()
        }
        objeto[clave_json] = [{k: _json_valor(v) for k, v in f.items()} for f in filas]
        json.dump(objeto, salida, ensure_ascii=False, indent=2)
        salida.write("\n")
    elif formato == "csv":
        columnas = list(filas[0]) if filas else list(columnas_tabla or ())
        escritor = csv.writer(salida, lineterminator="\n")
        escritor.writerow(columnas)
        for f in filas:
            escritor.writerow(["" if f.get(c) is None else _json_valor(f.get(c)) for c in columnas])
    else:
        columnas = list(columnas_tabla) if columnas_tabla else (list(filas[0]) if filas else [])
        if filas:
            _tabla(filas, columnas, salida)
        else:
            salida.write("(sin filas)\n")


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


# --- Entradas --------------------------------------------------------------------------------


def _cargar(ruta: str, args: argparse.Namespace) -> PlanDeGestion:
    from .archivos import cargar_plan

    return cargar_plan(ruta, decimal=args.decimal, delimitador=args.delimitador)


def _trimestre(plan: PlanDeGestion, texto: str | None) -> Trimestre:
    if texto is None:
        return max((r.trimestre for r in plan.reportes), default=Trimestre(plan.vigencia, 1))
    trimestre = Trimestre.desde_texto(texto)
    if trimestre.vigencia != plan.vigencia:
        raise ErrorTrimestre(
            f"--trimestre: {texto} no es de la vigencia {plan.vigencia} del plan",
            campo="trimestre",
            valor=texto,
        )
    return trimestre


def _vigencia(texto: str) -> int:
    try:
        return int(texto)
    except ValueError:
        raise ErrorTrimestre(
            f"vigencia: {texto!r} debe ser un año, por ejemplo 2026",
            codigo="VIGENCIA_INVALIDA",
            campo="vigencia",
            valor=texto,
        ) from None


# --- Comandos --------------------------------------------------------------------------------


def _demo(args: argparse.Namespace, salida: TextIO) -> int:
    from .consolidacion import evaluar_plan, filas
    from .ejemplos import plan_ejemplo

    plan = plan_ejemplo()
    evaluaciones = [evaluar_plan(plan, n) for n in range(1, 5)]
    if args.formato != "tabla":
        todas = [f for ev in evaluaciones for f in filas(ev)]
        _escribir(args.formato, todas, salida, clave_json="metas")
        return 0
    salida.write(f"Plan de gestión de ejemplo: {plan.unidad}, vigencia {plan.vigencia}\n")
    salida.write("Procedimiento PLE-PIN-P005 v8; avances como porcentaje (ROUND_HALF_UP).\n")
    for ev in evaluaciones:
        salida.write(f"\nTrimestre {ev.trimestre}\n")
        _escribir("tabla", filas(ev), salida, columnas_tabla=_COLUMNAS_EVALUAR)
    salida.write(
        "\n«—» = no aplica (trimestre no programado, sin reporte o denominador 0).\n\n"
    )
    final = evaluaciones[-1]
    salida.write(final.calificacion.explicar() + f"\nSemáforo del plan: {final.semaforo.value}\n")
    errores = [h for h in final.hallazgos if h.severidad.name == "ERROR"]
    salida.write(f"\nHallazgos al {final.trimestre}: {len(final.hallazgos)} "
                 f"({len(errores)} de severidad ERROR); vea `sdg-metas validar`.\n")
    for h in final.hallazgos[:5]:
        salida.write(f"- {h.regla} {h.codigo_meta or ''}: {h.mensaje}\n")
    return 0


def _plazos(args: argparse.Namespace, salida: TextIO) -> int:
    from .calendario import fecha_limite_reporte, motivo_no_habil
    from .politica import POLITICA_PLE_PIN_P005_V8 as politica

    vigencia = _vigencia(args.vigencia)
    filas: list[dict[str, object]] = []
    for n in (1, 2, 3, 4):
        t = Trimestre(vigencia, n)
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
    if args.formato == "tabla":
        salida.write(f"Fechas límite de reporte {vigencia} (PLE-PIN-P005 v8, Actividad 9, "
                     "Nota 2)\n")
    _escribir(args.formato, filas, salida, extra_json={"vigencia": vigencia}, clave_json="plazos")
    return 0


_COLUMNAS_EVALUAR = (
    "codigo_meta", "tipo_programacion", "programado_acumulado", "ejecucion_acumulada",
    "avance_trimestre_pct", "cumplimiento_pct", "avance_vigencia_pct", "semaforo",
    "reglas_hallazgos",
)


def _evaluar(args: argparse.Namespace, salida: TextIO) -> int:
    from .consolidacion import evaluar_plan, filas

    plan = _cargar(args.plan, args)
    ev = evaluar_plan(plan, _trimestre(plan, args.trimestre))
    resultado = filas(ev)
    if args.formato == "tabla":
        salida.write(f"{plan.unidad}, {ev.trimestre}\n")
        _escribir("tabla", resultado, salida, columnas_tabla=_COLUMNAS_EVALUAR)
        salida.write("\n" + ev.calificacion.explicar() + f"\nSemáforo del plan: "
                     f"{ev.semaforo.value}\n")
        return 0
    _escribir(
        args.formato,
        resultado,
        salida,
        clave_json="metas",
        extra_json={
            "unidad": plan.unidad,
            "trimestre": ev.trimestre,
            "calificacion_pct": ev.calificacion.porcentaje,
            "semaforo": ev.semaforo.value,
        },
    )
    return 0


def _validar(args: argparse.Namespace, salida: TextIO) -> int:
    from .formulacion import verificar_plan
    from .reportes import verificar_reportes_plan

    plan = _cargar(args.plan, args)
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
    if args.formato == "tabla":
        salida.write(f"{plan.unidad}, vigencia {plan.vigencia}: {len(hallazgos)} hallazgos, "
                     f"{errores} de severidad error\n")
        if filas:
            _escribir("tabla", filas, salida,
                      columnas_tabla=("codigo_meta", "regla", "severidad", "mensaje"))
    else:
        _escribir(args.formato, filas, salida, clave_json="hallazgos",
                  columnas_tabla=("codigo_meta", "regla", "severidad", "mensaje", "fuente"),
                  extra_json={"unidad": plan.unidad, "vigencia": plan.vigencia,
                              "errores": errores})
    return 1 if errores else 0


def _modificacion(args: argparse.Namespace, salida: TextIO) -> int:
    from .archivos import cargar_solicitud
    from .modificaciones import evaluar_solicitud

    plan = _cargar(args.plan, args)
    solicitud = cargar_solicitud(args.solicitud, plan)
    decision = evaluar_solicitud(solicitud)
    filas = [
        {
            "regla": m.regla,
            "cumple": {True: "sí", False: "no", None: "no aplica"}[m.cumple],
            "mensaje": m.mensaje,
            "fuente": m.fuente,
        }
        for m in decision.motivos
    ]
    extra = {
        "codigo_meta": solicitud.meta.codigo,
        "elegibilidad": decision.elegibilidad.value,
        "efecto": decision.efecto.value,
    }
    if args.formato == "tabla":
        salida.write(f"Solicitud sobre la meta {solicitud.meta.codigo}: "
                     f"{decision.elegibilidad.value} (efecto: {decision.efecto.value})\n")
        _escribir("tabla", filas, salida, columnas_tabla=("regla", "cumple", "mensaje"))
        salida.write("La decisión es sobre la elegibilidad; la OAP decide (Política 9).\n")
    else:
        _escribir(args.formato, filas, salida, clave_json="motivos", extra_json=extra)
    return 0


_COLUMNAS_CONSOLIDAR = (
    "unidad", "codigo_meta", "tipo_programacion", "magnitud_anual", "programado_anual",
    "ejecucion_anual", "avance_anual_pct", "semaforo", "eliminada",
)


def _consolidar(args: argparse.Namespace, salida: TextIO) -> int:
    from .consolidacion import consolidado_anual

    vigencia = _vigencia(args.vigencia)
    progreso = _Progreso(len(args.planes))
    planes = []
    for i, ruta in enumerate(args.planes, start=1):
        progreso.paso(i, ruta)
        planes.append(_cargar(ruta, args))
    progreso.fin()
    filas = consolidado_anual(planes, vigencia)
    _escribir(args.formato, filas, salida, columnas_tabla=_COLUMNAS_CONSOLIDAR,
              clave_json="filas", extra_json={"vigencia": vigencia, "planes": len(planes)})
    return 0


# --- Analizador ------------------------------------------------------------------------------

_TRADUCCIONES = (
    ("the following arguments are required", "faltan los argumentos"),
    ("unrecognized arguments", "argumentos no reconocidos"),
    ("invalid choice", "opción inválida"),
    ("choose from", "elija entre"),
    ("expected one argument", "se esperaba un argumento"),
    ("argument ", "argumento "),
)


class _Parser(argparse.ArgumentParser):
    """``argparse`` con los textos propios en español."""

    def __init__(self, *args: Any, ayuda: bool = True, **kwargs: Any) -> None:
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumentos"
        self._optionals.title = "opciones"
        if ayuda:
            self.add_argument("-h", "--help", action="help", help="muestra esta ayuda y termina")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "uso:", 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage:", "uso:", 1)

    def error(self, message: str) -> NoReturn:
        for ingles, espanol in _TRADUCCIONES:
            message = message.replace(ingles, espanol)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def construir_parser() -> argparse.ArgumentParser:
    """El analizador de argumentos de ``sdg-metas``."""
    comun = _Parser(prog="sdg-metas")
    comun_opciones = _Parser(ayuda=False)
    comun_opciones._optionals.title = "salida"
    comun_opciones.add_argument(
        "--formato", choices=_FORMATOS, default="tabla",
        help="tabla (por defecto, para leer en la terminal), json o csv (para programas)",
    )
    archivos = _Parser(ayuda=False)
    archivos._optionals.title = "archivos CSV y Excel"
    archivos.add_argument("--decimal", choices=(".", ","), default=".",
                          help="separador decimal de los CSV/Excel (',' para Excel en español)")
    archivos.add_argument("--delimitador", choices=(",", ";"), default=None,
                          help="delimitador de los CSV (por defecto se detecta)")
    comun.description = (
        "Reglas del procedimiento PLE-PIN-P005 v8 «Formulación y seguimiento del Plan de "
        "Gestión» (Secretaría Distrital de Gobierno de Bogotá)."
    )
    comun.epilog = ("Códigos de salida: 0 bien; 1 `validar` encontró hallazgos de severidad "
                    "error; 2 error de entrada.")
    sub = comun.add_subparsers(dest="comando", metavar="COMANDO", title="comandos",
                               parser_class=_Parser)
    sub.required = True

    def comando(nombre: str, ayuda: str, funcion: Callable[[argparse.Namespace, TextIO], int],
                *, con_archivos: bool = True) -> argparse.ArgumentParser:
        padres = [comun_opciones, archivos] if con_archivos else [comun_opciones]
        p = sub.add_parser(nombre, help=ayuda, description=ayuda, parents=padres)
        p.set_defaults(funcion=funcion)
        return p

    comando("demo", "evalúa y explica el plan de ejemplo incluido", _demo, con_archivos=False)
    p = comando("plazos", "las fechas límite de reporte de un año y por qué se movieron", _plazos,
                con_archivos=False)
    p.add_argument("vigencia", metavar="VIGENCIA", help="el año, por ejemplo 2026")
    p = comando("evaluar", "evalúa un plan a un trimestre: cifras, semáforo, hallazgos y "
                "calificación", _evaluar)
    p.add_argument("plan", metavar="PLAN", help="archivo del plan (.json, .csv o .xlsx)")
    p.add_argument("--trimestre", metavar="AAAA-Tn",
                   help="por ejemplo 2025-T2 (por defecto el último reportado)")
    p = comando("validar", "hallazgos de formulación y de reportes de un plan", _validar)
    p.add_argument("plan", metavar="PLAN", help="archivo del plan (.json, .csv o .xlsx)")
    p = comando("modificacion", "elegibilidad de una solicitud de modificación (Política 9)",
                _modificacion)
    p.add_argument("solicitud", metavar="SOLICITUD", help="archivo JSON de la solicitud")
    p.add_argument("--plan", required=True, metavar="PLAN", help="archivo del plan de la meta")
    p = comando("consolidar", "filas del consolidado anual de varios planes (CON-04)",
                _consolidar)
    p.add_argument("planes", nargs="+", metavar="PLAN", help="archivos de los planes")
    p.add_argument("--vigencia", required=True, help="el año que se consolida")
    return comun


def _silenciar_stdout() -> None:
    import contextlib
    import os

    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def main(argv: Sequence[str] | None = None, salida: TextIO | None = None) -> int:
    """Punto de entrada; devuelve el código de salida (0 bien, 1 hallazgos de error en
    ``validar``, 2 error de entrada)."""
    parser = construir_parser()
    args = parser.parse_args(argv)
    destino = sys.stdout if salida is None else salida
    try:
        codigo: int = args.funcion(args, destino)
    except ErrorSdgMetas as error:
        sys.stderr.write(f"sdg-metas: error: {error}\n")
        for problema in getattr(error, "problemas", ()):
            sys.stderr.write(f"  - {problema}\n")
        return 2
    except BrokenPipeError:  # p. ej. `sdg-metas plazos 2026 | head -1`
        _silenciar_stdout()
        return 0
    except OSError as error:
        sys.stderr.write(f"sdg-metas: error: no se pudo leer o escribir: {error}\n")
        return 2
    return codigo
