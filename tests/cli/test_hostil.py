"""La línea de comandos bajo uso hostil (tarea h13a del issue 13): la entrada estándar cerrada o
una terminal, ``-`` dos veces, stdout y stderr cerrados, ``--salida`` a una carpeta, a una
carpeta que no existe, a un archivo de entrada o a un disco lleno, Ctrl-C a mitad de un lote,
valores con caracteres de control o bidi, valores enormes.

El estándar de la tarea: «bad input gets a clear Spanish error (…) and a documented exit code,
never a Python traceback, never a Python repr (…); only regular files are read; nothing hangs
or balloons; (…) a failed command leaves no partial output file». Cada mensaje esperado está
escrito a mano."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli.comun import correr, escribir_ejemplos
from sdg_metas import cli
from sdg_metas.archivos import guardar_plan
from sdg_metas.cli import _lotes, _terminal
from sdg_metas.ejemplos import plan_ejemplo

PLAN_EJEMPLO = "Proceso Inspección, Vigilancia y Control"


@pytest.fixture
def rutas(tmp_path: Path) -> dict[str, Path]:
    return escribir_ejemplos(tmp_path)


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


# --- la entrada estándar --------------------------------------------------------------------

def test_entrada_estandar_cerrada(monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    """``sdg-metas evaluar - <&-``: antes, AttributeError de Python (``sys.stdin`` es None)."""
    monkeypatch.setattr(sys, "stdin", None)
    assert correr("evaluar", "-") == (2, "")
    assert _error(capsys) == ("sdg-metas: error: plan: '-' es la entrada estándar y está "
                              "cerrada; dé la ruta del archivo\n")


def test_entrada_estandar_terminal(monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str], rutas: dict[str, Path]
                                   ) -> None:
    """``sdg-metas modificacion - --plan plan.json`` en una terminal: antes se quedaba esperando
    a que alguien escribiera el JSON."""
    monkeypatch.setattr(sys, "stdin", _Terminal())
    assert correr("modificacion", "-", "--plan", str(rutas["plan"])) == (2, "")
    assert _error(capsys) == (
        "sdg-metas: error: solicitud: '-' lee un JSON de la entrada estándar, que es una "
        "terminal; redirija el archivo (< plan.json) o dé su ruta\n")


def test_entrada_estandar_dos_veces(monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str],
                                    rutas: dict[str, Path]) -> None:
    """``consolidar - - <plan.json``: antes, el segundo ``-`` leía nada y el mensaje era «JSON
    mal formado en la línea 1, columna 1», que no dice qué pasó."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(rutas["plan"].read_bytes())))
    assert correr("consolidar", "-", str(rutas["otro"]), "-", "--vigencia", "2025") == (2, "")
    assert _error(capsys) == (
        "sdg-metas: error: '-' (la entrada estándar) se da 2 veces; se puede leer una sola vez: "
        "dé los demás archivos por su ruta\n")


def test_un_nombre_que_empieza_por_llave_es_un_archivo(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """``sdg-metas evaluar '{2025}.json'``: antes se tomaba por un texto JSON («JSON mal
    formado en la línea 1, columna 2»)."""
    guardar_plan(plan_ejemplo(), tmp_path / "{2025}.json")
    monkeypatch.chdir(tmp_path)
    codigo, texto = correr("evaluar", "{2025}.json")
    assert codigo == 0
    assert texto.startswith(f"{PLAN_EJEMPLO}, 2025-T4\n")


def test_entrada_estandar_como_plan(monkeypatch: pytest.MonkeyPatch,
                                    rutas: dict[str, Path]) -> None:
    """``-`` sigue leyendo el JSON de la entrada estándar cuando no es una terminal."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(rutas["plan"].read_bytes())))
    codigo, texto = correr("evaluar", "-")
    assert codigo == 0
    assert texto.startswith(f"{PLAN_EJEMPLO}, 2025-T4\n")


# --- stdout y stderr cerrados ---------------------------------------------------------------

def test_salida_estandar_cerrada(monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``sdg-metas plazos 2026 >&-``: antes, AttributeError de Python. Con ``--salida`` funciona."""
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdout", None)
    assert cli.main(["plazos", "2026"]) == 2
    assert _error(capsys) == ("sdg-metas: error: la salida estándar está cerrada; dé el archivo "
                              "con --salida ARCHIVO\n")
    destino = tmp_path / "plazos.csv"
    assert cli.main(["plazos", "2026", "--formato", "csv", "--salida", str(destino)]) == 0
    assert destino.read_text(encoding="utf-8").splitlines()[1] == (
        "2026-T1,2026-03-31,2026-04-15,2026-04-15,no,")


def test_error_con_stderr_cerrado(monkeypatch: pytest.MonkeyPatch,
                                  rutas: dict[str, Path]) -> None:
    """``sdg-metas evaluar nada.json 2>&-``: antes salía con 1 (AttributeError al escribir el
    error); ahora con 2, el código documentado, aunque no pueda decirlo. Un lote de dos planes
    (el progreso mira si stderr es una terminal) tampoco falla."""
    monkeypatch.setattr(sys, "stderr", None)
    assert correr("evaluar", str(rutas["plan"].with_name("nada.json"))) == (2, "")
    codigo, _ = correr("consolidar", str(rutas["plan"]), str(rutas["otro"]), "--vigencia", "2025")
    assert codigo == 0


@pytest.mark.skipif(sys.platform == "win32", reason="descriptores cerrados a la POSIX")
@pytest.mark.parametrize(("redireccion", "codigo", "error"), [
    ("<&-", 2, ("sdg-metas: error: plan: '-' es la entrada estándar y está cerrada; dé la ruta "
                "del archivo\n")),
    (">&-", 2, ("sdg-metas: error: la salida estándar está cerrada; dé el archivo con --salida "
                "ARCHIVO\n")),
    ("2>&-", 2, ""),
])
def test_como_usuario_con_descriptores_cerrados(redireccion: str, codigo: int, error: str) -> None:
    """Lo mismo en un proceso de verdad (``sdg-metas evaluar - <&-`` …): sin traza."""
    cerrar = {"<&-": 0, ">&-": 1, "2>&-": 2}[redireccion]
    argv = ["evaluar", "-"] if cerrar == 0 else ["evaluar", "nada.json"] if cerrar == 2 else [
        "plazos", "2026"]
    proceso = subprocess.run([sys.executable, "-m", "sdg_metas", *argv], capture_output=True,
                             text=True, check=False, preexec_fn=lambda: os.close(cerrar))
    assert (proceso.returncode, proceso.stderr) == (codigo, error)


# --- --salida ---------------------------------------------------------------------------------

def test_salida_a_una_carpeta(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Antes: «no se pudo leer o escribir: [Errno 21] Is a directory: '…'» (inglés y repr)."""
    assert correr("plazos", "2026", "--salida", str(tmp_path)) == (2, "")
    assert _error(capsys) == (f"sdg-metas: error: --salida: «{tmp_path}» es una carpeta; dé la "
                              "ruta de un archivo\n")


def test_salida_a_una_carpeta_que_no_existe(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    destino = tmp_path / "no" / "existe.csv"
    assert correr("plazos", "2026", "--salida", str(destino)) == (2, "")
    assert _error(capsys) == (f"sdg-metas: error: --salida: no se pudo escribir «{destino}»: la "
                              "carpeta no existe\n")
    assert not destino.parent.exists()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="sin /dev/full")
def test_salida_a_un_disco_lleno(capsys: pytest.CaptureFixture[str]) -> None:
    assert correr("plazos", "2026", "--salida", "/dev/full") == (2, "")
    assert _error(capsys) == ("sdg-metas: error: --salida: no se pudo escribir «/dev/full»: no "
                              "queda espacio en el disco\n")


def test_salida_a_un_dispositivo(tmp_path: Path) -> None:
    """Un destino que no es un archivo regular (``/dev/null``) se escribe, no se reemplaza."""
    assert correr("plazos", "2026", "--salida", os.devnull) == (0, "")
    assert not stat.S_ISREG(os.stat(os.devnull).st_mode)


def test_salida_igual_a_la_entrada(rutas: dict[str, Path],
                                   capsys: pytest.CaptureFixture[str]) -> None:
    """``sdg-metas evaluar plan.json --formato json --salida plan.json``: antes el plan se
    perdía (quedaba el resultado en su lugar). También por otro camino (``./``) o por un
    enlace, y las tablas de al lado de un ``plan.csv``."""
    plan = rutas["plan"]
    antes = plan.read_bytes()
    otra_forma = os.path.join(os.path.dirname(plan), ".", "plan.json")
    assert correr("evaluar", str(plan), "--formato", "json", "--salida", otra_forma) == (2, "")
    assert _error(capsys) == (f"sdg-metas: error: --salida: «{otra_forma}» es también el "
                              f"archivo de entrada {plan}; se perdería: dé otro archivo\n")
    assert plan.read_bytes() == antes
    reportes = plan.with_name("plan.reportes.csv")
    csv = str(plan.with_name("plan.csv"))
    assert correr("validar", csv, "--formato", "csv", "--salida", str(reportes)) == (2, "")
    assert _error(capsys) == (f"sdg-metas: error: --salida: «{reportes}» es también el "
                              f"archivo de entrada {reportes}; se perdería: dé otro archivo\n")


def test_salida_existente_se_reemplaza_entera(tmp_path: Path, rutas: dict[str, Path]) -> None:
    """Un archivo que ya existe se reemplaza (como ``>`` en la terminal), con sus permisos, y
    sin dejar temporales al lado."""
    destino = tmp_path / "plazos.csv"
    destino.write_text("viejo\n" * 1000, encoding="utf-8")
    destino.chmod(0o640)
    assert correr("plazos", "2026", "--formato", "csv", "--salida", str(destino)) == (0, "")
    lineas = destino.read_text(encoding="utf-8").splitlines()
    assert lineas[0] == "trimestre,fin_trimestre,dia_15,fecha_limite,movida,motivo"
    assert len(lineas) == 5
    if os.name == "posix":
        assert stat.S_IMODE(destino.stat().st_mode) == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_salida_guion_es_la_salida_estandar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """``--salida -`` es la salida estándar (antes creaba un archivo llamado «-»); ``--salida ''``
    (antes escribía en la salida estándar sin decirlo) es un error, y el libro de Excel no va a
    la salida estándar."""
    monkeypatch.chdir(tmp_path)
    codigo, texto = correr("plazos", "2026", "--formato", "csv", "--salida", "-")
    assert codigo == 0
    assert texto.splitlines()[1] == "2026-T1,2026-03-31,2026-04-15,2026-04-15,no,"
    assert not (tmp_path / "-").exists()
    assert correr("plazos", "2026", "--salida", "") == (2, "")
    assert _error(capsys) == ("sdg-metas: error: --salida: la ruta está vacía; dé un archivo (o "
                              "'-', la salida estándar)\n")
    assert correr("plazos", "2026", "--formato", "xlsx", "--salida", "-") == (2, "")
    assert _error(capsys) == ("sdg-metas: error: --formato xlsx: dé el archivo del libro con "
                              "--salida ARCHIVO (el libro no va a la salida estándar)\n")


# --- Ctrl-C ---------------------------------------------------------------------------------

@pytest.mark.parametrize("con_salida", [True, False])
def test_ctrl_c_a_mitad_del_lote(con_salida: bool, tmp_path: Path, rutas: dict[str, Path],
                                 monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Ctrl-C en el plan 2 de 3: antes, una traza de KeyboardInterrupt. Ahora sale con 130
    (128 + SIGINT), lo dice en una línea, y ni la salida estándar ni ``--salida`` (que ya
    existía) reciben nada."""
    destino = tmp_path / "consolidado.csv"
    destino.write_text("viejo\n", encoding="utf-8")
    cargar = _lotes.cargar
    llamadas: list[str] = []

    def interrumpido(ruta: str, *args: object) -> object:
        llamadas.append(ruta)
        if len(llamadas) == 2:
            raise KeyboardInterrupt
        return cargar(ruta, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(_lotes, "cargar", interrumpido)
    tercero = tmp_path / "tercero.json"
    guardar_plan(attrs.evolve(plan_ejemplo(), unidad="Tercera unidad"), tercero)
    salida = ["--salida", str(destino)] if con_salida else []
    assert correr("consolidar", str(rutas["plan"]), str(rutas["otro"]), str(tercero),
                  "--vigencia", "2025", "--formato", "csv", *salida) == (130, "")
    queda = "; --salida queda como estaba" if con_salida else ""
    assert _error(capsys) == f"sdg-metas: interrumpido (Ctrl-C){queda}\n"
    assert destino.read_text(encoding="utf-8") == "viejo\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# --- lo que se repite en los mensajes ---------------------------------------------------------

def test_opcion_desconocida_con_escape_se_escribe_escapada(
    capsys: pytest.CaptureFixture[str]
) -> None:
    """``sdg-metas plazos 2026 $'--x\\e[31m'``: antes el ESC llegaba crudo a la terminal."""
    with pytest.raises(SystemExit) as salida:
        cli.main(["plazos", "2026", "--x\x1b[31m"])
    assert salida.value.code == 2
    assert _error(capsys).splitlines()[-1] == (
        "sdg-metas: error: argumentos no reconocidos: --x\\x1b[31m")


@pytest.mark.parametrize(("valor", "visto"), [
    ("20\x1b[31m26", "20\\x1b[31m26"),
    ("2026\u202e", "2026\\u202e"),
    ("2_026", "2_026"),  # int() lo aceptaba como 2026
    ("1e3", "1e3"),
    ("２０２６", "２０２６"),  # cifras de ancho completo: int() las aceptaba
    ("9" * 5000, "9" * 40 + "… (5000 caracteres)"),
])
def test_vigencia_invalida(valor: str, visto: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert correr("plazos", valor) == (2, "")
    assert _error(capsys) == (f"sdg-metas: error: vigencia: «{visto}» debe ser un año, por "
                              "ejemplo 2026\n")


def test_ruta_con_escape_en_un_aviso_y_en_un_error(
    tmp_path: Path, rutas: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """El aviso de otra vigencia y el error del plan repetido nombran la ruta: escapada."""
    otra_vigencia = tmp_path / "v2024\u202e.json"
    guardar_plan(attrs.evolve(plan_ejemplo(), vigencia=2024, reportes=()), otra_vigencia)
    copia = tmp_path / "p\x1b[2J.json"
    copia.write_bytes(rutas["plan"].read_bytes())
    assert correr("consolidar", str(otra_vigencia), str(rutas["plan"]), str(copia),
                  "--vigencia", "2025") == (2, "")
    carpeta = str(tmp_path)
    assert _error(capsys) == (
        f"sdg-metas: aviso: {carpeta}/v2024\\u202e.json es de la vigencia 2024, no de 2025; no "
        "se incluye\n"
        f"sdg-metas: error: {rutas['plan']} y {carpeta}/p\\x1b[2J.json describen la misma "
        f"unidad ({PLAN_EJEMPLO}) y vigencia (2025); dé cada plan una sola vez\n")


def test_una_linea_enorme_se_acota(rutas: dict[str, Path],
                                   capsys: pytest.CaptureFixture[str]) -> None:
    """``--trimestre`` de 100 000 caracteres: el núcleo muestra el comienzo del valor y cuánto
    medía (``_validacion.mostrar``), así que la línea de stderr es corta; una línea de más de
    1 000 caracteres la cortaría además la CLI (``test_acotar_y_motivo_del_sistema``)."""
    assert correr("evaluar", str(rutas["plan"]), "--trimestre", "x" * 100_000) == (2, "")
    linea = _error(capsys)
    assert linea.startswith("sdg-metas: error: trimestre: 'xxxxxxxxxx")
    assert linea.endswith("'… (100000 caracteres) no tiene la forma AAAA-Tn (por ejemplo "
                          "2025-T2), con n entre 1 y 4\n")
    assert len(linea) < 300


def test_acotar_y_motivo_del_sistema() -> None:
    assert _terminal.acotar("x" * 1000) == "x" * 1000
    assert _terminal.acotar("é" * 1001) == (
        "é" * 1000 + "… [la línea sigue: 1001 caracteres en total]")
    assert _terminal.motivo_del_sistema(PermissionError(13, "Permission denied")) == (
        "no hay permiso")
    assert _terminal.motivo_del_sistema(OSError(9999, "raro")) == "error del sistema número 9999"
    assert _terminal.motivo_del_sistema(OSError("sin número")) == "error del sistema"


def test_error_del_sistema_inesperado_en_espanol(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Un ``OSError`` que no viene de escribir la salida (p. ej. al calcular) no muestra
    ``[Errno …]``."""
    from sdg_metas.cli import _comandos

    def falla(args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(_comandos, "demo", falla)  # el analizador se arma en cada main()
    assert correr("demo") == (2, "")
    assert _error(capsys) == "sdg-metas: error: no hay permiso\n"


# --- ejemplos DIR -----------------------------------------------------------------------------

def test_ejemplos_en_un_archivo_o_sin_ruta(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """``sdg-metas ejemplos plan.json``: antes «[Errno 17] File exists: …»; ``ejemplos ''``
    escribía en la carpeta actual sin decirlo."""
    archivo = tmp_path / "plan.json"
    archivo.write_text("{}", encoding="utf-8")
    assert correr("ejemplos", str(archivo)) == (2, "")
    assert _error(capsys) == (f"sdg-metas: error: DIR: no se pudo escribir en «{archivo}»: ya "
                              "existe y no es una carpeta\n")
    assert correr("ejemplos", "") == (2, "")
    assert _error(capsys) == ("sdg-metas: error: DIR: la ruta está vacía; dé un directorio (por "
                              "ejemplo .)\n")


# --- un lote grande con un archivo que no es regular en medio ---------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="sin FIFO")
def test_lote_con_una_fifo_en_medio_no_se_queda_esperando(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """60 planes con una FIFO en el lugar 30: el error la nombra sin abrirla (no se bloquea), y
    ni la salida estándar ni ``--salida`` reciben nada de los 29 anteriores."""
    base = plan_ejemplo()
    rutas = []
    for i in range(60):
        ruta = tmp_path / f"p{i:02d}.json"
        if i == 29:
            os.mkfifo(ruta)
        else:
            guardar_plan(attrs.evolve(base, unidad=f"Unidad {i}"), ruta)
        rutas.append(str(ruta))
    destino = tmp_path / "filas.csv"
    assert correr("consolidar", *rutas, "--vigencia", "2025", "--formato", "csv",
                  "--salida", str(destino)) == (2, "")
    assert _error(capsys) == (
        f"sdg-metas: error: {rutas[29]}: 1 problema\n  - {rutas[29]}: es una tubería (FIFO), "
        "no un archivo regular; solo se leen archivos regulares (o '-', la entrada estándar)\n")
    assert not destino.exists()


# --- nombres que no son UTF-8 y extensiones que no corresponden -------------------------------

@pytest.mark.skipif(sys.platform != "linux", reason="nombres de bytes arbitrarios (Linux)")
@pytest.mark.parametrize("formato", ["tabla", "json", "csv"])
def test_ejemplos_en_una_carpeta_de_nombre_no_utf8(formato: str, tmp_path: Path) -> None:
    """``sdg-metas ejemplos $'ej\\xff'``: antes, UnicodeEncodeError de Python (el nombre no es
    UTF-8 y la salida sí). Ahora se escribe ``ej\\xff`` (los bytes, visibles)."""
    carpeta = os.fsdecode(os.fsencode(str(tmp_path)) + b"/ej\xff")
    codigo, texto = correr("ejemplos", carpeta, "--formato", formato)
    assert codigo == 0
    visto = f"{tmp_path}/ej\\xff/plan.json"
    if formato == "json":
        assert json.loads(texto)["archivos"][0] == {"archivo": visto}
    else:
        assert visto in texto.splitlines()
    assert os.path.isfile(os.path.join(carpeta, "plan.json"))


@pytest.mark.parametrize(("formato", "archivo", "mensaje"), [
    ("xlsx", "evaluacion.csv", ("no termina en .xlsx y --formato xlsx escribe un libro de "
                                "Excel; dé un archivo .xlsx")),
    ("csv", "evaluacion.xlsx", ("termina en .xlsx y --formato csv no escribe un libro de Excel; "
                                "use --formato xlsx o dé otro archivo")),
    ("tabla", "evaluacion.XLSX", ("termina en .xlsx y --formato tabla no escribe un libro de "
                                  "Excel; use --formato xlsx o dé otro archivo")),
])
def test_salida_con_extension_que_no_corresponde(
    formato: str, archivo: str, mensaje: str, tmp_path: Path, rutas: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``sdg-metas evaluar plan.json --salida evaluacion.xlsx`` (sin ``--formato xlsx``):
    antes escribía la tabla de texto en un ``.xlsx`` que Excel dice dañado."""
    destino = tmp_path / archivo
    assert correr("evaluar", str(rutas["plan"]), "--formato", formato,
                  "--salida", str(destino)) == (2, "")
    assert _error(capsys) == f"sdg-metas: error: --salida: «{destino}» {mensaje}\n"
    assert not destino.exists()


# --- opciones -----------------------------------------------------------------------------

@pytest.mark.parametrize(("argv", "ultima"), [
    # Antes `--form json` era `--formato json` (abreviatura adivinada) y `--de ,` decía
    # «ambiguous option: --de could match --decimal, --delimitador» (en inglés).
    (["evaluar", "plan.json", "--form", "json"],
     "sdg-metas: error: argumentos no reconocidos: --form json"),
    (["evaluar", "plan.json", "--de", ","],
     "sdg-metas: error: argumentos no reconocidos: --de ,"),
    # Antes: «ignored explicit argumento 'si'».
    (["evaluar", "plan.json", "--ignorar-columnas=si"],
     "sdg-metas evaluar: error: argumento --ignorar-columnas: no admite un valor; se dio 'si'"),
])
def test_opciones_sin_abreviar_y_en_espanol(argv: list[str], ultima: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as salida:
        cli.main(argv)
    assert salida.value.code == 2
    assert _error(capsys).splitlines()[-1] == ultima


def test_opcion_repetida_vale_la_ultima(rutas: dict[str, Path]) -> None:
    """Como en casi todas las herramientas de línea de comandos (documentado en el README)."""
    codigo, texto = correr("evaluar", str(rutas["plan"]), "--formato", "tabla", "--formato",
                           "json")
    assert codigo == 0
    assert json.loads(texto)["comando"] == "evaluar"


# --- --salida que no es un archivo regular, o un enlace ---------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="sin FIFO")
def test_salida_a_una_fifo_sin_lector_no_espera(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """``--salida fifo`` sin nadie que la lea: antes se quedaba esperando para siempre."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert correr("plazos", "2026", "--salida", str(fifo)) == (2, "")
    assert _error(capsys) == (f"sdg-metas: error: --salida: no se pudo escribir «{fifo}»: es una "
                              "tubería (FIFO) que nadie está leyendo\n")


@pytest.mark.skipif(not os.path.isdir("/dev/fd"), reason="sin /dev/fd")
def test_salida_a_una_tuberia_abierta() -> None:
    """``--salida >(gzip > x.gz)`` (bash pasa ``/dev/fd/63``) se escribe en la tubería."""
    lectura, escritura = os.pipe()
    try:
        assert correr("plazos", "2026", "--formato", "csv", "--salida",
                      f"/dev/fd/{escritura}") == (0, "")
    finally:
        os.close(escritura)
    with os.fdopen(lectura, encoding="utf-8") as tuberia:
        lineas = tuberia.read().splitlines()
    assert lineas[1] == "2026-T1,2026-03-31,2026-04-15,2026-04-15,no,"


@pytest.mark.skipif(os.name != "posix", reason="enlaces simbólicos POSIX")
def test_salida_a_un_enlace_reemplaza_el_archivo_enlazado(tmp_path: Path) -> None:
    """El enlace sigue siendo un enlace; lo que se reemplaza es el archivo al que apunta (o el
    que nombra, si aún no existe)."""
    real, enlace = tmp_path / "real.csv", tmp_path / "enlace.csv"
    real.write_text("viejo\n", encoding="utf-8")
    enlace.symlink_to(real.name)
    colgado, nuevo = tmp_path / "colgado.csv", tmp_path / "nuevo.csv"
    colgado.symlink_to(nuevo.name)
    for destino, archivo in ((enlace, real), (colgado, nuevo)):
        assert correr("plazos", "2026", "--formato", "csv", "--salida", str(destino)) == (0, "")
        assert destino.is_symlink()
        assert archivo.read_text(encoding="utf-8").startswith("trimestre,fin_trimestre,")


# --- texto que no es UTF-8: en un valor, o en la terminal -----------------------------------

@pytest.mark.skipif(sys.platform != "linux", reason="argumentos de bytes arbitrarios (Linux)")
def test_valor_de_opcion_que_no_es_utf8(tmp_path: Path) -> None:
    """``--unidad $'U\\xff'`` (de un CSV sin unidad): antes, UnicodeEncodeError al escribir la
    tabla. Se prueba como usuario: el argumento llega con los bytes tal cual."""
    csv = tmp_path / "sin_plan.csv"
    csv.write_text("codigo,descripcion,tipo,magnitud,t1,t2,t3,t4,peso,unidad\n"
                   "M1,Hacer,suma,4,1,1,1,1,100,x\n", encoding="utf-8")
    argv = [b"evaluar", os.fsencode(csv), b"--vigencia", b"2025", b"--nivel", b"local",
            b"--unidad", b"U\xff"]
    proceso = subprocess.run([os.fsencode(sys.executable), b"-m", b"sdg_metas", *argv],
                             capture_output=True, check=False)
    assert proceso.returncode == 2
    assert proceso.stderr.decode("utf-8") == (
        "sdg-metas: error: unidad: «U\\xff» no es texto UTF-8 válido\n")


def test_terminal_que_no_es_utf8() -> None:
    """``PYTHONIOENCODING=ascii sdg-metas demo``: antes, UnicodeEncodeError. La tabla escribe
    ``\\xf3`` lo que la terminal no admite; el JSON sigue siendo UTF-8 (su formato)."""
    entorno = {**os.environ, "PYTHONIOENCODING": "ascii"}
    tabla = subprocess.run([sys.executable, "-m", "sdg_metas", "demo"], capture_output=True,
                           check=False, env=entorno)
    assert tabla.returncode == 0
    assert tabla.stdout.startswith(b"Plan de gesti\\xf3n de ejemplo: Proceso Inspecci\\xf3n,")
    json_ = subprocess.run([sys.executable, "-m", "sdg_metas", "demo", "--formato", "json"],
                           capture_output=True, check=False, env=entorno)
    assert json_.returncode == 0
    assert json.loads(json_.stdout.decode("utf-8"))["unidad"] == PLAN_EJEMPLO


# --- invariantes --------------------------------------------------------------------------

_PELIGROSOS = frozenset(
    [chr(c) for c in range(0x20) if c != 0x0A] + [chr(c) for c in range(0x7F, 0xA0)]
    + list("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
           "\u2028\u2029"))


@given(st.text(max_size=3000))
def test_avisar_nunca_escribe_un_caracter_de_control(texto: str) -> None:
    """Lo que llega a stderr no tiene caracteres de control (salvo el fin de línea) ni de
    dirección, y ninguna línea pasa de MAX_LINEA caracteres antes de escaparse."""
    stderr = io.StringIO()
    original, sys.stderr = sys.stderr, stderr
    try:
        _terminal.avisar(texto)
    finally:
        sys.stderr = original
    escrito = stderr.getvalue()
    assert not _PELIGROSOS & set(escrito)
    assert escrito.count("\n") == texto.count("\n")
    maximo = len("\\u202e") * _terminal.MAX_LINEA + len("… [la línea sigue: 3000 caracteres en "
                                                        "total]")
    assert all(len(linea) <= maximo for linea in escrito.split("\n"))


@given(st.text(max_size=20))
def test_vigencia_es_un_anio_o_un_error_que_lo_dice(texto: str) -> None:
    """Un año solo de cifras ASCII; cualquier otro texto, VIGENCIA_INVALIDA (nunca otro error)."""
    import re

    from sdg_metas.cli._entradas import vigencia
    from sdg_metas.errores import ErrorTrimestre

    if re.fullmatch(r"\s*-?[0-9]{1,9}\s*", texto, flags=re.ASCII):
        assert vigencia(texto) == int(texto)
        return
    with pytest.raises(ErrorTrimestre) as error:
        vigencia(texto)
    assert (error.value.codigo, error.value.campo) == ("VIGENCIA_INVALIDA", "vigencia")


@pytest.mark.skipif(not os.path.isdir("/dev/fd"), reason="sin /dev/fd")
def test_salida_a_una_tuberia_que_se_cierra(capsys: pytest.CaptureFixture[str]) -> None:
    """``--salida >(head -1)`` con una salida larga: quien lee cierra antes del final; el error
    lo dice en español (antes habría sido «error del sistema número 32»)."""
    lectura, escritura = os.pipe()
    os.close(lectura)
    try:
        assert correr("demo", "--salida", f"/dev/fd/{escritura}") == (2, "")
    finally:
        os.close(escritura)
    assert _error(capsys) == (f"sdg-metas: error: --salida: no se pudo escribir "
                              f"«/dev/fd/{escritura}»: quien leía la tubería la cerró antes del "
                              "final\n")


def test_valor_no_utf8_en_el_proceso(capsys: pytest.CaptureFixture[str]) -> None:
    """Lo mismo sin subproceso: Python guarda el byte 0xff de un argumento como «\\udcff»."""
    assert correr("evaluar", "plan.csv", "--unidad", "U\udcff") == (2, "")
    assert _error(capsys) == "sdg-metas: error: unidad: «U\\xff» no es texto UTF-8 válido\n"


@pytest.mark.parametrize(("formato", "bytes_"), [
    ("tabla", b"Inspecci\\xf3n"),
    ("json", "Inspección".encode()),
    ("csv", "Inspección".encode()),
])
def test_codificar_una_salida_ascii(formato: str, bytes_: bytes) -> None:
    crudo = io.BytesIO()
    salida = io.TextIOWrapper(crudo, encoding="ascii")
    cli._codificar(salida, formato)
    salida.write("Inspección")
    salida.flush()
    assert crudo.getvalue() == bytes_


def test_salida_existente_y_entradas_raras(tmp_path: Path, rutas: dict[str, Path],
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Con ``--salida`` a un archivo que existe: una entrada que no existe llega al cargador
    (que la nombra), ``-`` no se compara con nada, y un libro a ``/dev/null`` se escribe."""
    destino = tmp_path / "salida.csv"
    destino.write_text("viejo\n", encoding="utf-8")
    nada = tmp_path / "nada.json"
    assert correr("evaluar", str(nada), "--formato", "csv", "--salida", str(destino)) == (2, "")
    assert _error(capsys) == (f"sdg-metas: error: {nada}: 1 problema\n  - {nada}: el archivo no "
                              "existe\n")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(rutas["plan"].read_bytes())))
    assert correr("evaluar", "-", "--formato", "csv", "--salida", str(destino)) == (0, "")
    assert destino.read_text(encoding="utf-8").startswith("vigencia,trimestre,unidad,")
    assert correr("plazos", "2026", "--formato", "xlsx", "--salida", os.devnull) == (0, "")
