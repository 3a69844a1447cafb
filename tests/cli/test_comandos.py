"""Pruebas de la línea de comandos ``sdg-metas``, de punta a punta.

Se llama a :func:`sdg_metas.cli.main` con un ``StringIO`` (para la cobertura) y, como lo haría un
usuario, a ``python -m sdg_metas`` en un subproceso. Las cifras esperadas son las trabajadas a
mano en ``docs/consolidacion.md`` y ``docs/calendario.md``.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from sdg_metas import PlanDeGestion, cli
from sdg_metas.archivos import guardar_plan
from sdg_metas.ejemplos import plan_ejemplo


def correr(*argv: str) -> tuple[int, str]:
    salida = io.StringIO()
    codigo = cli.main(list(argv), salida)
    return codigo, salida.getvalue()


def usuario(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sdg_metas", *argv], capture_output=True, text=True, check=False
    )


@pytest.fixture
def plan_json(tmp_path: Path) -> Path:
    ruta = tmp_path / "plan.json"
    guardar_plan(plan_ejemplo(), ruta)
    return ruta


@pytest.fixture
def plan_limpio(tmp_path: Path) -> Path:
    meta = attrs.evolve(plan_ejemplo().metas[0], peso=100)
    plan = PlanDeGestion(vigencia=2025, unidad="Proceso limpio", nivel="central", metas=[meta])
    ruta = tmp_path / "limpio.json"
    guardar_plan(plan, ruta)
    return ruta


# --- demo ----------------------------------------------------------------------------------


def test_demo_tabla() -> None:
    codigo, texto = correr("demo")
    assert codigo == 0
    assert "Plan de gestión de ejemplo: Proceso Inspección, Vigilancia y Control" in texto
    assert "Trimestre 2025-T4" in texto
    # Calificación al T4 trabajada a mano en docs/consolidacion.md.
    assert "Calificación de Proceso Inspección, Vigilancia y Control en 2025-T4: 87.75 %" in texto
    assert "Semáforo del plan: verde" in texto


def test_demo_json_y_csv() -> None:
    codigo, texto = correr("demo", "--formato", "json")
    assert codigo == 0
    datos = json.loads(texto)
    assert len(datos["metas"]) == 24  # 6 metas × 4 trimestres
    assert datos["metas"][-1]["calificacion_plan_pct"] == "87.75"
    codigo, texto = correr("demo", "--formato", "csv")
    filas = list(csv.DictReader(io.StringIO(texto)))
    assert len(filas) == 24
    assert filas[0]["codigo_meta"] == "M1"


# --- plazos --------------------------------------------------------------------------------


def test_plazos_2022_explica_los_movidos() -> None:
    codigo, texto = correr("plazos", "2022")
    assert codigo == 0
    linea_t1 = next(linea for linea in texto.splitlines() if linea.startswith("2022-T1"))
    assert "2022-04-18" in linea_t1
    assert "2022-04-15 Viernes Santo" in linea_t1
    linea_t2 = next(linea for linea in texto.splitlines() if linea.startswith("2022-T2"))
    assert linea_t2.split()[3] == "2022-07-15"


def test_plazos_json_y_csv() -> None:
    datos = json.loads(correr("plazos", "2026", "--formato", "json")[1])
    assert datos["vigencia"] == 2026
    assert [p["fecha_limite"] for p in datos["plazos"]] == [
        "2026-04-15", "2026-07-15", "2026-10-15", "2027-01-15"
    ]
    assert all(p["motivo"] is None and p["movida"] is False for p in datos["plazos"])
    filas = list(csv.DictReader(io.StringIO(correr("plazos", "2023", "--formato", "csv")[1])))
    assert filas[2]["fecha_limite"] == "2023-10-17"
    assert filas[2]["motivo"].endswith("2023-10-16 Día de la Raza (observado)")


def test_plazos_usa_los_dias_de_la_politica(monkeypatch: pytest.MonkeyPatch) -> None:
    from sdg_metas import politica

    diez = attrs.evolve(politica.POLITICA_PLE_PIN_P005_V8, dias_plazo_reporte=10)
    monkeypatch.setattr(politica, "POLITICA_PLE_PIN_P005_V8", diez)
    datos = json.loads(correr("plazos", "2026", "--formato", "json")[1])
    # T1 2026 termina el 31 de marzo: 10 días después es el viernes 10 de abril, hábil
    assert datos["plazos"][0]["dia_15"] == "2026-04-10"
    assert datos["plazos"][0]["fecha_limite"] == "2026-04-10"


@pytest.mark.parametrize(
    ("argv", "mensaje"),
    [
        (("plazos", "dos mil"), "vigencia: «dos mil» debe ser un año"),
        (("plazos", "2200"), "fuera del calendario de festivos"),
    ],
)
def test_plazos_entrada_invalida(
    argv: tuple[str, ...], mensaje: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert correr(*argv)[0] == 2
    assert mensaje in capsys.readouterr().err


# --- evaluar, validar, consolidar ----------------------------------------------------------


def test_evaluar_al_trimestre(plan_json: Path) -> None:
    codigo, texto = correr("evaluar", str(plan_json), "--trimestre", "2025-T2")
    assert codigo == 0
    assert "85.25 %" in texto  # docs/consolidacion.md
    assert "M5" in texto
    datos = json.loads(correr("evaluar", str(plan_json), "--formato", "json")[1])
    assert datos["trimestre"] == "2025-T4"  # por defecto, el último reportado
    assert datos["calificacion_pct"] == "87.75"
    assert datos["semaforo"] == "verde"
    assert [m["codigo_meta"] for m in datos["metas"]] == ["M1", "M2", "M3", "M4", "M5", "M6"]


def test_evaluar_sin_reportes_toma_el_t1(plan_limpio: Path) -> None:
    datos = json.loads(correr("evaluar", str(plan_limpio), "--formato", "json")[1])
    assert datos["trimestre"] == "2025-T1"


def test_evaluar_trimestre_de_otra_vigencia(
    plan_json: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert correr("evaluar", str(plan_json), "--trimestre", "2024-T1")[0] == 2
    assert "--trimestre: 2024-T1 no es de la vigencia 2025" in capsys.readouterr().err


def test_validar_sale_con_1_si_hay_errores(plan_json: Path, plan_limpio: Path) -> None:
    codigo, texto = correr("validar", str(plan_json))
    assert codigo == 1
    assert "REP-06" in texto  # el T3 se envió el 2025-10-20, límite 2025-10-15
    datos = json.loads(correr("validar", str(plan_json), "--formato", "json")[1])
    assert datos["errores"] > 0
    assert all(h["fuente"].startswith("PLE-PIN-P005 v8") for h in datos["hallazgos"])
    codigo, texto = correr("validar", str(plan_limpio))
    assert codigo == 0
    assert "0 hallazgos" in texto
    codigo, texto = correr("validar", str(plan_limpio), "--formato", "csv")
    assert texto.splitlines() == ["codigo_meta,regla,severidad,mensaje,fuente"]


def test_consolidar(plan_json: Path, plan_limpio: Path) -> None:
    codigo, texto = correr("consolidar", str(plan_json), str(plan_limpio), "--vigencia", "2025",
                           "--formato", "csv")
    assert codigo == 0
    filas = list(csv.DictReader(io.StringIO(texto)))
    assert len(filas) == 7
    assert filas[0]["avance_anual_pct"] == "100.00"
    codigo, texto = correr("consolidar", str(plan_json), "--vigencia", "2025")
    assert "M6" in texto


def test_consolidar_sin_planes_de_la_vigencia(
    plan_json: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 14: «consolidar --vigencia 2024 on a 2025 plan prints "(sin filas)" and exits 0»;
    ahora es un error de entrada (código 2) que lo dice."""
    assert correr("consolidar", str(plan_json), "--vigencia", "2024") == (2, "")
    error = capsys.readouterr().err
    assert "es de la vigencia 2025, no de 2024" in error
    assert "ninguno de los 1 archivos es un plan de la vigencia 2024" in error


def test_progreso_en_stderr_si_es_terminal(
    plan_json: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    otro = plan_json.with_name("otro.json")
    guardar_plan(attrs.evolve(plan_ejemplo(), unidad="Otra unidad"), otro)
    correr("consolidar", str(plan_json), str(otro), "--vigencia", "2025")
    assert "[2/2]" in capsys.readouterr().err


# --- CSV de Excel en español y archivos rotos ------------------------------------------------

CSV_EXCEL = (
    "\ufeffvigencia;unidad_plan;nivel_plan;codigo;descripcion;tipo;magnitud;t1;t2;t3;t4;"
    "ejecucion_t1;ejecucion_t2;peso;unidad\n"
    "2025;Alcaldía Local de Usme;local;L1;Realizar 10 jornadas;suma;10;2,5;2,5;2,5;2,5;"
    "2,5;1,5;100;jornadas\n"
)


def test_csv_de_excel_en_espanol(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ruta = tmp_path / "usme.csv"
    ruta.write_bytes(CSV_EXCEL.encode("utf-8"))
    # 2,5 + 1,5 = 4 de 5 programados al T2: cumplimiento 80 %.
    datos = json.loads(
        correr("evaluar", str(ruta), "--decimal", ",", "--trimestre", "2025-T2",
               "--formato", "json")[1]
    )
    assert datos["metas"][0]["cumplimiento_pct"] == "80.00"
    assert correr("evaluar", str(ruta))[0] == 2
    assert "decimal" in capsys.readouterr().err


def test_archivo_roto_lista_todos_los_problemas(tmp_path: Path) -> None:
    ruta = tmp_path / "roto.json"
    ruta.write_text(
        json.dumps({
            "formato": "sdg_metas/plan", "version": 1, "vigencia": 2025, "unidad": "X",
            "nivel": "central",
            "metas": [{"codigo": "A", "descripcion": "Hacer", "peso": "1,5",
                       "programacion": {"tipo": "suma", "magnitud": "abc",
                                        "trimestres": ["1", "1", "1", "1"]}}],
        }),
        encoding="utf-8",
    )
    proceso = usuario("validar", str(ruta))
    assert proceso.returncode == 2
    assert "Traceback" not in proceso.stderr
    assert "sdg-metas: error:" in proceso.stderr
    assert "metas[0].peso" in proceso.stderr
    assert "metas[0].programacion.magnitud" in proceso.stderr


def test_archivo_inexistente(tmp_path: Path) -> None:
    proceso = usuario("evaluar", str(tmp_path / "no_existe.json"))
    assert proceso.returncode == 2
    assert "Traceback" not in proceso.stderr
    assert "no_existe.json" in proceso.stderr


def test_como_usuario_demo_y_ayuda() -> None:
    proceso = usuario("demo")
    assert proceso.returncode == 0
    assert "87.75 %" in proceso.stdout
    ayuda = usuario("--help")
    assert ayuda.returncode == 0
    assert ayuda.stdout.startswith("uso: sdg-metas")
    assert "muestra esta ayuda y termina" in ayuda.stdout
    sin_comando = usuario()
    assert sin_comando.returncode == 2
    assert "faltan los argumentos: COMANDO" in sin_comando.stderr
    malo = usuario("plazos", "2026", "--formato", "xml")
    assert malo.returncode == 2
    assert "opción inválida" in malo.stderr


def test_tuberia_cerrada(monkeypatch: pytest.MonkeyPatch) -> None:
    class Cerrada(io.StringIO):
        def write(self, texto: str) -> int:
            raise BrokenPipeError

    silenciado: list[bool] = []
    monkeypatch.setattr(cli, "_silenciar_stdout", lambda: silenciado.append(True))
    assert cli.main(["plazos", "2026"], Cerrada()) == 0
    assert silenciado == [True]


def test_error_de_escritura(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Llena(io.StringIO):
        def write(self, texto: str) -> int:
            raise OSError(28, "No queda espacio en el dispositivo")

    """Issue 13 (h13a): el mensaje decía «no se pudo leer o escribir: [Errno 28] …» (un repr de
    Python, sin decir dónde); ahora nombra la salida estándar y el motivo en español."""
    assert cli.main(["plazos", "2026"], Llena()) == 2
    assert capsys.readouterr().err == ("sdg-metas: error: no se pudo escribir en la salida "
                                       "estándar: no queda espacio en el disco\n")


def test_ayuda_y_errores_de_argparse_en_espanol(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as salida:
        cli.main(["plazos", "--help"])
    assert salida.value.code == 0
    texto = capsys.readouterr().out
    assert texto.startswith("uso: sdg-metas plazos")
    assert "argumentos:" in texto
    with pytest.raises(SystemExit) as salida:
        cli.main(["evaluar"])
    assert salida.value.code == 2
    error = capsys.readouterr().err
    assert error.startswith("uso: sdg-metas evaluar")
    assert "faltan los argumentos: PLAN" in error


def test_modulo_principal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import runpy

    monkeypatch.setattr(sys, "argv", ["sdg_metas", "plazos", "2025"])
    with pytest.raises(SystemExit) as salida:
        runpy.run_module("sdg_metas", run_name="__main__")
    assert salida.value.code == 0
    assert "2026-01-15" in capsys.readouterr().out


def test_silenciar_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    llamadas: list[tuple[int, int]] = []
    monkeypatch.setattr(os, "dup2", lambda a, b: llamadas.append((a, b)))
    monkeypatch.setattr(sys, "stdout", type("Salida", (), {"fileno": lambda self: 99})())
    cli._silenciar_stdout()
    assert [b for _, b in llamadas] == [99]


def test_modificacion(tmp_path: Path) -> None:
    from archivos.comun import SOLICITUD_LOCAL, _plan_local

    plan = tmp_path / "usme.json"
    guardar_plan(_plan_local(), plan)
    sin_concepto = dict(SOLICITUD_LOCAL, conceptos=[])
    ruta = tmp_path / "solicitud.json"
    ruta.write_text(json.dumps(sin_concepto), encoding="utf-8")
    codigo, texto = correr("modificacion", str(ruta), "--plan", str(plan))
    assert codigo == 1  # issue 14: no elegible sale con 1 (antes 0)
    # h19: la terminal nombra elegibilidad y efecto en español (el JSON y el CSV, el código)
    assert texto.startswith(
        "Solicitud sobre la meta L-03: no elegible (efecto: modificar la meta)")
    linea = next(linea for linea in texto.splitlines() if linea.startswith("MOD-10"))
    assert "no " in linea
    assert "Dirección para la Gestión Policiva" in linea
    assert "aprobada" not in texto
    datos = json.loads(
        correr("modificacion", str(ruta), "--plan", str(plan), "--formato", "json")[1]
    )
    assert datos["elegibilidad"] == "no_elegible"
    assert [m["regla"] for m in datos["motivos"]] == [f"MOD-{i:02d}" for i in range(1, 13)]
    # issue 14: booleanos true/false en JSON (null = la regla no aplica)
    assert {m["cumple"] for m in datos["motivos"]} == {True, False, None}
    ruta.write_text(json.dumps(SOLICITUD_LOCAL), encoding="utf-8")
    proceso = usuario("modificacion", str(ruta), "--plan", str(plan), "--formato", "csv")
    assert proceso.returncode == 0
    # issue 14: el CSV lleva el veredicto, el efecto y cada motivo
    lineas = proceso.stdout.splitlines()
    assert lineas[0] == "codigo_meta,elegibilidad,efecto,regla,cumple,mensaje,fuente"
    assert all(linea.startswith("L-03,elegible,modificar,MOD-") for linea in lineas[1:])


def _plan_cumplidor() -> PlanDeGestion:
    """El plan de ejemplo sin sus dos defectos deliberados: el T3 se envía el 2025-10-10 (antes
    del límite del 15 de octubre, Actividad 9, Nota 2) y M5 justifica su retraso (Nota 1)."""
    import datetime

    plan = plan_ejemplo()
    reportes = []
    for r in plan.reportes:
        cambios: dict[str, object] = {}
        if r.trimestre.numero == 3:
            cambios["fecha_envio"] = datetime.date(2025, 10, 10)
        if r.codigo_meta == "M5":
            cambios["causas_retraso"] = "El contrato de apoyo estuvo suspendido dos meses."
        reportes.append(attrs.evolve(r, **cambios))
    return attrs.evolve(plan, reportes=reportes)


@pytest.mark.parametrize("extension", [".json", ".xlsx", ".csv"])
def test_un_plan_cumplidor_valida_con_0_en_cada_formato(tmp_path: Path, extension: str) -> None:
    """Issue 14: un plan con reportes completos (los siete elementos de la Actividad 9, a
    tiempo y con sus retrasos justificados) guardado en Excel o en CSV valida con salida 0, como
    en JSON: las hojas llevan análisis, evidencias y fecha de envío de cada reporte."""
    ruta = guardar_plan(_plan_cumplidor(), tmp_path / f"plan{extension}")
    codigo, texto = correr("validar", str(ruta), "--formato", "json")
    datos = json.loads(texto)
    assert datos["errores"] == 0, datos["hallazgos"]
    assert codigo == 0
