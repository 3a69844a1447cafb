"""Una línea de comandos que no sorprende (issue 14): opciones del cargador, ``--version``,
códigos de salida de ``modificacion``, cada problema una vez, ``demo`` completo, celdas
neutralizadas y escapadas."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli.comun import correr, escribir_ejemplos
from sdg_metas import RegistroModificacion, cli, solicitud_desde_plan
from sdg_metas.archivos import guardar_plan, solicitud_a_dict
from sdg_metas.cli import _celdas, _comandos, _entradas
from sdg_metas.ejemplos import plan_ejemplo
from sdg_metas.modificaciones import Efecto

CSV_SIN_PLAN = (
    "codigo;descripcion;tipo;magnitud;t1;t2;t3;t4;ejecucion_t1;peso;unidad;extra\n"
    "L1;Realizar 10 jornadas;suma;10;2,5;2,5;2,5;2,5;2,5;100;jornadas;x\n"
)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from sdg_metas import __version__

    with pytest.raises(SystemExit) as salida:
        cli.main(["--version"])
    assert salida.value.code == 0
    assert capsys.readouterr().out == f"sdg-metas {__version__}\n"


def test_opciones_del_cargador(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Los mensajes del cargador piden ``vigencia=``, ``decimal=','`` e ``ignorar_columnas``:
    la línea de comandos los da como ``--vigencia``, ``--decimal ,`` e ``--ignorar-columnas``."""
    ruta = tmp_path / "usme.csv"
    ruta.write_text(CSV_SIN_PLAN, encoding="utf-8")
    assert correr("evaluar", str(ruta), "--decimal", ",")[0] == 2
    assert "vigencia" in capsys.readouterr().err
    argv = ["evaluar", str(ruta), "--decimal", ",", "--vigencia", "2025", "--unidad",
            "Alcaldía Local de Usme", "--nivel", "local", "--formato", "json"]
    assert correr(*argv)[0] == 2
    assert "extra" in capsys.readouterr().err
    codigo, texto = correr(*argv, "--ignorar-columnas")
    assert codigo == 0
    datos = json.loads(texto)
    # 2,5 ejecutado de 2,5 programado al T1: 100 %
    assert (datos["unidad"], datos["trimestre"], datos["metas"][0]["cumplimiento_pct"]) == (
        "Alcaldía Local de Usme", "2025-T1", "100.00")


def test_opcion_que_el_cargador_no_admite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sdg_metas import archivos

    def cargar_plan(ruta: str, *, decimal: str = ".") -> None:
        raise AssertionError("no debe llamarse")

    monkeypatch.setattr(archivos, "cargar_plan", cargar_plan)
    assert correr("validar", "plan.csv", "--hoja", "metas")[0] == 2
    assert "--hoja: el cargador de planes de esta versión no admite esta opción" in (
        capsys.readouterr().err)


def test_hoja_y_fila_de_encabezado_llegan_al_cargador(monkeypatch: pytest.MonkeyPatch) -> None:
    recibidas: dict[str, object] = {}

    def cargar_plan(ruta: str, *, hoja: str | None = None, fila_encabezado: int | None = None,
                    decimal: str = ".") -> object:
        # La ruta llega como Path (h13a: un nombre que empieza por «{» es un archivo, no JSON).
        recibidas.update(ruta=os.fspath(ruta), hoja=hoja, fila_encabezado=fila_encabezado,
                         decimal=decimal)
        return plan_ejemplo()

    from sdg_metas import archivos

    monkeypatch.setattr(archivos, "cargar_plan", cargar_plan)
    codigo, _ = correr("evaluar", "plan.xlsx", "--hoja", "Metas 2025", "--fila-encabezado", "3")
    assert codigo == 0
    assert recibidas == {"ruta": "plan.xlsx", "hoja": "Metas 2025", "fila_encabezado": 3,
                         "decimal": "."}


def test_un_error_de_carga_se_escribe_una_vez(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 14: «Every load error is printed twice»."""
    ruta = tmp_path / "roto.json"
    ruta.write_text('{"formato": "sdg_metas/plan", "version": 2, "vigencia": 2025, '
                    '"unidad": "X", "nivel": "central", "metas": [{"codigo": "A"}]}',
                    encoding="utf-8")
    assert correr("validar", str(ruta))[0] == 2
    error = capsys.readouterr().err
    lineas = [linea for linea in error.splitlines() if linea.startswith("  - ")]
    assert lineas
    assert len(lineas) == len(set(lineas))
    assert "None" not in error


def test_modificacion_sale_con_3_si_requiere_revision_oap(tmp_path: Path) -> None:
    """Política 9, viñeta 3: una segunda modificación por cambio normativo la revisa la OAP;
    ``modificacion`` sale con 3 (documentado en ``--help``). Es una *modificación*: desde INT-30
    una eliminación no gasta la única modificación de la vigencia."""
    rutas = escribir_ejemplos(tmp_path)
    plan = attrs.evolve(plan_ejemplo(), modificaciones=[RegistroModificacion(
        codigo_meta="M5", fecha_solicitud=datetime.date(2025, 3, 1),
        fecha_aprobacion=datetime.date(2025, 3, 10), efecto=Efecto.MODIFICAR)])
    guardar_plan(plan, tmp_path / "modificado.json")
    meta = plan.meta("M5")
    segunda = solicitud_desde_plan(
        plan, "M5", fecha=datetime.date(2025, 5, 20), solicitante="lider_proceso",
        medio="memorando", destinatario="jefe_oap",
        justificacion="Un decreto cambió los entregables de la meta",
        propuesta=attrs.evolve(meta, entregables=(*meta.entregables, "Acta del decreto")),
        causal_excepcional="cambio_normativo",
    )
    (tmp_path / "segunda.json").write_text(json.dumps(solicitud_a_dict(segunda)), encoding="utf-8")
    codigo, texto = correr("modificacion", str(tmp_path / "segunda.json"), "--plan",
                           str(tmp_path / "modificado.json"), "--formato", "json")
    assert codigo == 3
    datos = json.loads(texto)
    assert (datos["elegibilidad"], datos["efecto"]) == ("requiere_revision_oap", "modificar")
    assert all(m["elegibilidad"] == "requiere_revision_oap" for m in datos["motivos"])
    assert correr("modificacion", str(rutas["solicitud"]), "--plan", str(rutas["plan"]))[0] == 0


def test_ayuda_documenta_los_codigos_de_salida(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["modificacion", "--help"])
    ayuda = " ".join(capsys.readouterr().out.split())
    assert "0 la solicitud es elegible; 1 no es elegible; 3 requiere revisión de la OAP" in ayuda


def test_demo_lista_todo_o_dice_cuantos_faltan(monkeypatch: pytest.MonkeyPatch) -> None:
    # El plan de ejemplo al T4 (issue 11, puntos 9 y 10): el T3 de las seis metas llegó tarde
    # (6 REP-06) y M5 no justifica su retraso en T2, T3 y T4 (3 REP-03): 9 hallazgos.
    texto = correr("demo")[1]
    assert "Hallazgos al 2025-T4: 9 (9 de severidad error)" in texto
    assert "más." not in texto
    assert texto.count("\n- REP-") == 9
    monkeypatch.setattr(_comandos, "MAX_HALLAZGOS_DEMO", 5)
    texto = correr("demo")[1]
    assert texto.count("\n- REP-") == 5
    assert "- y 4 más." in texto


def test_ejemplos_escribe_todas_las_formas(tmp_path: Path) -> None:
    """Issue 14: ``sdg-metas ejemplos DIR`` escribe el plan en JSON, Excel y la forma CSV (tres
    tablas) y una solicitud, para que cada comando del README corra tal cual."""
    codigo, texto = correr("ejemplos", str(tmp_path / "nuevo"))
    assert codigo == 0
    for nombre in ("plan.json", "plan.xlsx", "plan.csv", "plan.reportes.csv",
                   "plan.modificaciones.csv", "solicitud.json"):
        assert (tmp_path / "nuevo" / nombre).is_file(), nombre
    assert str(tmp_path / "nuevo" / "solicitud.json") in texto


def test_ejemplos_usa_escribir_ejemplos(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sdg_metas import archivos

    monkeypatch.setattr(archivos, "escribir_ejemplos",
                        lambda d: [d / "plan.json", d / "plan.xlsx"], raising=False)
    assert correr("ejemplos", str(tmp_path))[1].splitlines() == [
        str(tmp_path / "plan.json"), str(tmp_path / "plan.xlsx")]


def test_celdas_peligrosas_en_la_terminal_y_en_csv(tmp_path: Path) -> None:
    plan = attrs.evolve(plan_ejemplo(), unidad="@SUMA(A1)\x1b[2J\u202eroja")
    ruta = tmp_path / "plan.json"
    guardar_plan(plan, ruta)
    texto = correr("informe", str(ruta), "--vigencia", "2025")[1]
    assert "\x1b" not in texto
    assert "\u202e" not in texto
    assert "@SUMA(A1)\\x1b[2J\\u202eroja" in texto
    texto = correr("evaluar", str(ruta))[1]  # el título y la explicación nombran la unidad
    assert "\x1b" not in texto
    assert texto.startswith("@SUMA(A1)\\x1b[2J\\u202eroja, 2025-T4\n")
    csv = correr("informe", str(ruta), "--vigencia", "2025", "--formato", "csv")[1]
    assert "'@SUMA(A1)" in csv


@given(st.text())
def test_ninguna_celda_de_csv_empieza_como_formula(texto: str) -> None:
    """OWASP: una celda de texto no empieza por ``= + - @``, tabulador ni retorno de carro."""
    assert not _celdas.texto_celda(texto).startswith(("=", "+", "-", "@", "\t", "\r"))


@given(st.text())
def test_escapar_no_deja_controles_ni_bidi(texto: str) -> None:
    escapado = _celdas.escapar(texto)
    assert all(c.isprintable() or c == " " or ord(c) > 0x7F for c in escapado)
    assert not any(c in escapado for c in "\x1b\u202e\u2066\r\n\t")


def test_vigencia_invalida_no_muestra_repr() -> None:
    with pytest.raises(Exception, match="vigencia: «dos mil» debe ser un año"):
        _entradas.vigencia("dos mil")


def test_plazos_no_carga_lo_que_no_necesita() -> None:
    """Issue 10: ``sdg-metas plazos 2026`` debe quedar dentro de 1.5× de importar ``holidays`` y
    construir el año (``bench/bench_plazos.py`` lo mide); para eso no carga el modelo, los
    archivos ni las reglas. Se comprueba en un proceso nuevo, sin medir tiempos."""
    import subprocess
    import sys

    codigo = (
        "import io, sys\n"
        "from sdg_metas import cli\n"
        "cli.main(['plazos', '2026'], io.StringIO())\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('sdg_metas'))))\n"
    )
    salida = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True,
                            check=True, timeout=120).stdout.split()
    for pesado in ("sdg_metas.modelo", "sdg_metas.archivos", "sdg_metas.consolidacion",
                   "sdg_metas.reportes", "sdg_metas.modificaciones"):
        assert pesado not in salida
    assert "sdg_metas.calendario" in salida


def test_fila_encabezado_de_punta_a_punta(tmp_path: Path) -> None:
    """Issue 14: ``--fila-encabezado`` llega al cargador; un CSV con dos filas de título se lee
    desde la fila 3 (sin la opción, es un error de entrada: salida 2)."""
    ruta = tmp_path / "f017.csv"
    ruta.write_text(
        "SECRETARÍA DISTRITAL DE GOBIERNO\n"
        "PLE-PIN-F017 Formulación y seguimiento planes de gestión\n"
        "vigencia;unidad_plan;codigo;descripcion;tipo;magnitud;t1;t2;t3;t4;peso\n"
        "2025;Proceso de prueba;M1;Atender 40 solicitudes;suma;40;10;10;10;10;100\n",
        encoding="utf-8",
    )
    assert correr("evaluar", str(ruta))[0] == 2
    codigo, texto = correr("evaluar", str(ruta), "--fila-encabezado", "3", "--formato", "json")
    assert codigo == 0
    assert json.loads(texto)["unidad"] == "Proceso de prueba"
