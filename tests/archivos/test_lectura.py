"""Pruebas de ``sdg_metas.archivos._lectura``: bytes con límite, UTF-8, BOM, JSON mal
formado, bombas zip."""


from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sdg_metas.archivos import (
    ErrorCarga,
    cargar_csv,
    cargar_plan,
    cargar_xlsx,
    guardar_plan,
    plan_a_json,
    plan_desde_dict,
)
from sdg_metas.ejemplos import plan_ejemplo

from .comun import CABECERA, _libro


@pytest.mark.parametrize(
    ("texto", "fragmento"),
    [
        ("{", "línea 1, columna 2: se esperaba el nombre de un campo"),
        ('{"a": 1,,}', "columna 9"),
        ('{"formato": NaN}', "NaN no es un número válido"),
        ('{"a": "sin cerrar', "un texto sin cerrar"),
        ('{"a": 1} x', "sobra texto"),
        ('{"a" 1}', "faltan los dos puntos"),
        ('{"a": 1 "b": 2}', "falta una coma"),
        ('{"a": [1, 2 3]}', "falta una coma"),
        ('{"a": -}', "se esperaba un valor"),
        ('{"a": "\\x"}', "una secuencia de escape inválida"),
        ('{"a": "\\u12"}', "un escape \\u sin cuatro dígitos"),
        ('{"a": "x\ty"}', "un carácter de control dentro de un texto"),
    ],
)
def test_json_mal_formado(texto: str, fragmento: str) -> None:
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(texto)
    assert error.value.codigo == "JSON_INVALIDO"
    assert fragmento in error.value.problemas[0].mensaje


def test_json_demasiado_anidado() -> None:
    """Issue 15: el anidamiento profundo ya no es «JSON no admitido: maximum recursion depth…»
    (en inglés) sino ``JSON_DEMASIADO_ANIDADO`` en español, haya o no desbordado la pila."""
    for profundidad in (40, 100_000):
        texto = '{"a":' * profundidad + "1" + "}" * profundidad
        with pytest.raises(ErrorCarga) as error:
            cargar_plan(texto)
        assert error.value.codigo == "JSON_DEMASIADO_ANIDADO"
        assert "más de 32 niveles" in error.value.problemas[0].mensaje


def test_json_con_bom_y_espacios() -> None:
    texto = "\ufeff  \n" + plan_a_json(plan_ejemplo())
    assert cargar_plan(texto) == plan_ejemplo()


def test_csv_codificacion_invalida(tmp_path: Path) -> None:
    ruta = tmp_path / "latin1.csv"
    ruta.write_bytes(f"{CABECERA}\nM1;Atención;suma;10;1;2;3;4;;;10\n".encode("latin-1"))
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta, vigencia=2025, unidad="Suba")
    assert error.value.codigo == "CODIFICACION_INVALIDA"
    # «Atención» en Latin-1: la ó es 0xF3, en la línea 2; la línea 1 es CABECERA más su salto y
    # «M1;Atenci» son 9 bytes más.
    byte = len(CABECERA) + 1 + len("M1;Atenci")
    assert [p.mensaje for p in error.value.problemas] == [
        (f"no está en UTF-8: en la línea 2 (byte {byte}) hay un 0xF3, que en Windows-1252 (el «CSV "
        "(delimitado por comas)» de Excel) es «ó»; guárdelo como «CSV UTF-8» o JSON UTF-8")
    ]


@pytest.mark.parametrize(("crudo", "mensaje"), [
    # 0x81 no es ningún carácter en Windows-1252: solo se dice dónde («codigo» 0–5, salto 6,
    # «M» 7, 0x81 8).
    (b"codigo\nM\x81\n", "no está en UTF-8: en la línea 2 (byte 8) hay un 0x81"),
    # con BOM, el byte se cuenta después de la marca; 0x80 es el euro en Windows-1252.
    (b"\xef\xbb\xbfcodigo;\x80\n", ("no está en UTF-8: en la línea 1 (byte 7) hay un 0x80, que en "
     "Windows-1252 (el «CSV (delimitado por comas)» de Excel) es «€»")),
])
def test_codificacion_invalida_dice_donde(tmp_path: Path, crudo: bytes, mensaje: str) -> None:
    ruta = tmp_path / "plan.csv"
    ruta.write_bytes(crudo)
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta, vigencia=2025, unidad="Suba")
    assert [p.mensaje for p in error.value.problemas] == [
        f"{mensaje}; guárdelo como «CSV UTF-8» o JSON UTF-8"
    ]


@pytest.mark.parametrize("codificacion", ["utf-16", "utf-16-le", "utf-16-be"])
def test_csv_en_utf_16_se_nombra(tmp_path: Path, codificacion: str) -> None:
    """Excel guarda «Texto Unicode» en UTF-16 con su marca (FF FE); sin marca, el primer byte nulo
    delata la codificación igual que cualquier otra que no sea UTF-8."""
    ruta = tmp_path / "unicode.csv"
    texto = f"{CABECERA}\nM1;Atención;suma;10;1;2;3;4;;;10\n"
    marca = "\ufeff" if codificacion != "utf-16" else ""
    ruta.write_bytes((marca + texto).encode(codificacion))
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta, vigencia=2025, unidad="Suba")
    assert error.value.codigo == "CODIFICACION_INVALIDA"
    (problema,) = error.value.problemas
    assert problema.mensaje == (
        "está en UTF-16 («Texto Unicode» de Excel), no en UTF-8; guárdelo como «CSV UTF-8» "
        "o JSON UTF-8"
    )


@pytest.mark.parametrize(("nombre", "contenido", "byte"), [
    # «codigo» en UTF-16-LE sin marca: c, 0x00, o, 0x00 … el primer nulo es el byte 1.
    ("plan.csv", "codigo;descripcion\n".encode("utf-16-le"), 1),
    # en UTF-16-BE el nulo va primero: byte 0.
    ("plan.csv", "codigo;descripcion\n".encode("utf-16-be"), 0),
    ("plan.json", '{"formato": "sdg_metas/plan"}'.encode("utf-16-le"), 1),
])
def test_utf_16_sin_marca(tmp_path: Path, nombre: str, contenido: bytes, byte: int) -> None:
    """UTF-16 sin marca: antes se leía como UTF-8 y daba veinte «columnas desconocidas» llenas
    de caracteres nulos."""
    ruta = tmp_path / nombre
    ruta.write_bytes(contenido)
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta, vigencia=2025, unidad="Suba")
    assert error.value.codigo == "CODIFICACION_INVALIDA"
    assert [p.mensaje for p in error.value.problemas] == [
        (f"empieza con un byte nulo (byte {byte}): parece UTF-16 sin marca, no UTF-8; "
         "guárdelo como «CSV UTF-8» o JSON UTF-8")
    ]


@pytest.mark.parametrize("contenido", [b"", b"  \n\t", b"\xef\xbb\xbf\n"])
def test_json_vacio(tmp_path: Path, contenido: bytes) -> None:
    ruta = tmp_path / "plan.json"
    ruta.write_bytes(contenido)
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta)
    assert error.value.codigo == "JSON_INVALIDO"
    assert [p.mensaje for p in error.value.problemas] == ["está vacío: no hay JSON que leer"]


def test_xlsx_bomba_zip(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    ruta = _libro(tmp_path / "grande.xlsx", [["codigo"]] + [["x" * 30_000]] * 40)
    tamano = ruta.stat().st_size
    with pytest.raises(ErrorCarga) as error:
        cargar_xlsx(ruta, max_bytes=tamano)
    assert error.value.codigo == "ARCHIVO_DEMASIADO_GRANDE"
    assert "descomprimido" in error.value.problemas[0].mensaje


def test_limite_de_bytes_antes_de_leer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ruta = guardar_plan(plan_ejemplo(), tmp_path / "plan.json")
    tamano = ruta.stat().st_size

    def prohibido(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("no debía abrirse")

    monkeypatch.setattr(Path, "open", prohibido)
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta, max_bytes=tamano - 1)
    assert error.value.codigo == "ARCHIVO_DEMASIADO_GRANDE"
    assert f"ocupa {tamano} bytes y el máximo es {tamano - 1}" in str(error.value)


def test_limite_de_bytes_si_el_archivo_crece(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    ruta = guardar_plan(plan_ejemplo(), tmp_path / "plan.csv")
    import os
    import stat as modulo_stat

    real = os.stat

    class Diminuto:
        st_size = 1
        st_mode = modulo_stat.S_IFREG | 0o644

    def stat(camino: Any, *args: Any, **kwargs: Any) -> Any:
        return Diminuto() if Path(camino) == ruta else real(camino, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta, max_bytes=100)
    assert "ocupa 101 bytes" in str(error.value)


def test_limite_de_bytes_de_texto() -> None:
    texto = plan_a_json(plan_ejemplo())
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(texto, max_bytes=len(texto) - 1)
    assert error.value.codigo == "ARCHIVO_DEMASIADO_GRANDE"
    # Contados en bytes UTF-8, no en caracteres.
    texto = CABECERA + "\nM1;ñññ;suma;10;1;2;3;4;;;10\n"
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(texto, max_bytes=len(texto) + 1)
    assert error.value.codigo == "ARCHIVO_DEMASIADO_GRANDE"


def test_mensajes_de_version_no_soportada() -> None:
    from sdg_metas.archivos import cargar_solicitud

    with pytest.raises(ErrorCarga) as error:
        plan_desde_dict({"formato": "sdg_metas/plan", "version": 3})
    assert str(error.value) == (
        "<datos>: 1 problema\n  - <datos>: version: 3 no es una versión soportada del formato; "
        "esta biblioteca lee las versiones 1 a 2 (actualice sdg-metas)"
    )
    with pytest.raises(ErrorCarga) as error:
        cargar_solicitud('{"formato": "sdg_metas/solicitud", "version": "1"}', plan_ejemplo())
    assert error.value.problemas[0].mensaje == (
        "version: '1' no es una versión soportada del formato de solicitud; esta biblioteca lee "
        "las versiones 1 a 1"
    )


# --- Issue 15: entradas hostiles (lo que el corpus de tests/hostiles no alcanza) ---------------


def test_archivos_especiales(tmp_path: Path) -> None:
    import os
    import socket

    casos = {"una carpeta": tmp_path / "d.json", "una tubería (FIFO)": tmp_path / "f.json",
             "un dispositivo": Path("/dev/null"), "un socket": tmp_path / "s.json"}
    casos["una carpeta"].mkdir()
    os.mkfifo(casos["una tubería (FIFO)"])
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(casos["un socket"]))
        for clase, ruta in casos.items():
            with pytest.raises(ErrorCarga) as error:
                cargar_plan(ruta) if ruta.suffix else cargar_csv(ruta)
            assert error.value.codigo == "ARCHIVO_NO_REGULAR"
            assert f"es {clase}, no un archivo regular" in error.value.problemas[0].mensaje


def test_nombres_y_textos_escapados_en_los_mensajes(tmp_path: Path) -> None:
    from sdg_metas.archivos._problemas import visible

    assert visible("normal.json") == "normal.json"
    assert visible("a\u202eb\x1bc\u200fd") == "a\\u202eb\\x1bc\\u200fd"
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(tmp_path / "x\x1b[2J.json")
    assert "\\x1b[2J.json" in str(error.value)
    assert "\x1b" not in str(error.value)


def test_json_duplicados_numeros_y_sustitutos() -> None:
    texto = ('{"formato": "sdg_metas/plan", "formato": "x", "version": 2, "vigencia": '
             + "1" * 41 + ', "unidad": "\\udc00", "\\ud800": 1, "nivel": 1.'
             + "0" * 50 + "}")
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(texto)
    assert error.value.codigo == "CLAVE_REPETIDA"
    mensajes = [(p.ubicacion, p.mensaje) for p in error.value.problemas]
    assert mensajes == [
        ("<texto>, formato", "la clave 'formato' está repetida en el objeto"),
        ("<texto>", "una clave tiene un escape \\uD800–\\uDFFF suelto, que no es un carácter"),
        ("<texto>, vigencia", ("el número 11111111111111111111… tiene demasiados dígitos "
                              "(parámetro max_digitos)")),
        ("<texto>, unidad", ("el texto tiene un escape \\uD800–\\uDFFF suelto, que no es un "
                            "carácter")),
        ("<texto>, nivel", ("el número 1.000000000000000000… tiene demasiados dígitos "
                           "(parámetro max_digitos)")),
    ]


def test_json_con_muchos_problemas_se_detiene() -> None:
    from sdg_metas.archivos import Limites

    texto = "{" + ", ".join(['"a": 1'] * 30) + "}"
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(texto, limites=Limites(max_problemas=1))
    assert error.value.codigo == "CLAVE_REPETIDA"
    texto = "[" + ", ".join(["1" * 50] * 300) + "]"
    with pytest.raises(ErrorCarga) as error:
        cargar_plan("{" + f'"a": {texto}' + "}", limites=Limites(max_problemas=2))
    assert error.value.codigo == "NUMERO_DEMASIADO_LARGO"
    assert error.value.detenido
    assert "más de 200 problemas (se dejó de leer)" in str(error.value)


def test_texto_con_sustituto_y_unicode() -> None:
    with pytest.raises(ErrorCarga) as error:
        cargar_plan('{"unidad": "\ud800"}')
    assert error.value.codigo == "CODIFICACION_INVALIDA"


def _zip(ruta: Path, partes: dict[str, bytes]) -> Path:
    import zipfile

    with zipfile.ZipFile(ruta, "w") as z:
        for nombre, datos in partes.items():
            z.writestr(nombre, datos)
    return ruta


def test_xlsx_danados(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("openpyxl")
    import struct
    import zipfile

    casos = {
        "cola.xlsx": b"basura" + b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, 1, 1, 46, 0, 0),
        "xml.xlsx": _zip(tmp_path / "a", {"xl/worksheets/sheet1.xml": b"<a><c>1</c><b></a>"}
                         ).read_bytes(),
        "sin_libro.xlsx": _zip(tmp_path / "b", {"x.xml": b"<a/>"}).read_bytes(),
    }
    esperados = {"cola.xlsx": "el zip está dañado", "xml.xlsx": "XML mal formado en la línea 1",
                 "sin_libro.xlsx": "le falta una parte del libro"}
    for nombre, datos in casos.items():
        (tmp_path / nombre).write_bytes(datos)
        with pytest.raises(ErrorCarga) as error:
            cargar_plan(tmp_path / nombre)
        assert error.value.codigo == "EXCEL_INVALIDO"
        assert esperados[nombre] in error.value.problemas[0].mensaje
    # Una parte que se descomprime en más de lo que declara su cabecera.
    real = zipfile.ZipFile.infolist

    def mentirosa(self: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
        infos = real(self)
        for info in infos:
            info.file_size = min(info.file_size, 3)
        return infos

    monkeypatch.setattr(zipfile.ZipFile, "infolist", mentirosa)
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(tmp_path / "sin_libro.xlsx")
    assert "el zip está dañado" in error.value.problemas[0].mensaje


def test_xlsx_dimension_falsa_no_cuesta(tmp_path: Path) -> None:
    """Un libro que declara A1:XFD1048576 con un plan válido se carga (rápido y bien)."""
    pytest.importorskip("openpyxl")
    import time
    import zipfile

    ruta = tmp_path / "plan.xlsx"
    _libro(ruta, [["codigo", "descripcion", "tipo", "magnitud", "t1", "t2", "t3", "t4", "peso",
                   "vigencia", "unidad_plan"],
                  ["M1", "Meta", "suma", 10, 1, 2, 3, 4, 100, 2025, "Suba"]])
    with zipfile.ZipFile(ruta) as z:
        partes = {i.filename: z.read(i) for i in z.infolist()}
    nombre = next(n for n in partes if n.startswith("xl/worksheets/"))
    import re

    partes[nombre] = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>',
                            partes[nombre])
    _zip(ruta, partes)
    inicio = time.perf_counter()
    plan = cargar_plan(ruta)
    assert time.perf_counter() - inicio < 5
    assert [m.codigo for m in plan.metas] == ["M1"]


def test_ancho_del_csv_antes_de_partirlo() -> None:
    from sdg_metas.archivos import Limites

    limites = Limites(max_columnas=4)
    cabecera = "codigo;descripcion;tipo;magnitud"
    # Los separadores entre comillas y los del final no cuentan.
    texto = cabecera + '\nM1;"a;b;c;d;e";suma;10;;;\n'
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(texto, limites=limites, vigencia=2025, unidad="Suba")
    assert error.value.codigo == "ARCHIVO_INVALIDO"
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(cabecera + ";t1\n", limites=limites)
    assert error.value.codigo == "DEMASIADAS_COLUMNAS"
    assert "la línea 1 tiene 5 columnas y el máximo es 4" in str(error.value)


def test_anidamiento_de_listas_y_raices_que_no_son_objetos() -> None:
    from sdg_metas.archivos._json import leer_json

    assert leer_json("x", "5") == 5
    assert leer_json("x", '[[1, [2, {"a": [3]}]], {"b": 1}]') == [[1, [2, {"a": [3]}]], {"b": 1}]
    for texto in ("[" * 40 + "]" * 40, '{"a": ' + "[" * 40 + "]" * 40 + "}"):
        with pytest.raises(ErrorCarga) as error:
            leer_json("x", texto)
        assert error.value.codigo == "JSON_DEMASIADO_ANIDADO"


def test_ruta_sin_permiso_y_carrera(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import stat

    ruta = guardar_plan(plan_ejemplo(), tmp_path / "plan.json")
    real_fstat = os.fstat

    class Fifo:
        st_mode = stat.S_IFIFO | 0o644

    monkeypatch.setattr(os, "fstat", lambda fd: Fifo())
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta)
    assert error.value.codigo == "ARCHIVO_NO_REGULAR"
    monkeypatch.setattr(os, "fstat", real_fstat)

    def sin_permiso(*_args: object, **_kwargs: object) -> object:
        raise PermissionError(13, "denegado")

    monkeypatch.setattr(os, "stat", sin_permiso)
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta)
    assert error.value.codigo == "ARCHIVO_ILEGIBLE"
    assert error.value.problemas[0].mensaje == "no hay permiso para leer el archivo"


def test_acotar_filas_y_verificar_zip() -> None:
    from sdg_metas.archivos import Limites
    from sdg_metas.archivos._lectura import acotar_filas, verificar_zip
    from sdg_metas.archivos._xlsx import _indice_columna

    limites = Limites(max_columnas=2)
    filas = [(1, ["a", "b", None, ""]), (2, ["a", "b", "c"])]
    iterador = acotar_filas("x", filas, limites)
    assert next(iterador) == (1, ["a", "b"])
    with pytest.raises(ErrorCarga) as error:
        next(iterador)
    assert error.value.codigo == "DEMASIADAS_COLUMNAS"
    with pytest.raises(ErrorCarga) as error:
        verificar_zip("x", b"no es zip", 100)
    assert error.value.codigo == "EXCEL_INVALIDO"
    assert (_indice_columna("AB"), _indice_columna("XFD"), _indice_columna("")) == (28, 16384, 0)


def test_guardar_sin_permiso(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def sin_permiso(*_args: object, **_kwargs: object) -> object:
        raise PermissionError(13, "denegado")

    monkeypatch.setattr(tempfile, "mkstemp", sin_permiso)
    from sdg_metas.errores import ErrorArchivo

    with pytest.raises(ErrorArchivo) as error:
        guardar_plan(plan_ejemplo(), tmp_path / "plan.json")
    assert error.value.codigo == "ESCRITURA_FALLIDA"
    assert "sin permiso de escritura" in error.value.mensaje


def test_json_con_demasiados_objetos_y_pares_sustitutos_validos() -> None:
    from sdg_metas.archivos import Limites
    from sdg_metas.archivos._json import leer_json

    with pytest.raises(ErrorCarga) as error:
        leer_json("x", '{"a": [{}, {}, {}]}', Limites(max_objetos=3))
    assert error.value.codigo == "JSON_DEMASIADO_GRANDE"
    assert "el JSON tiene 4 llaves «{» y el máximo de objetos es 3" in str(error.value)
    # Un par sustituto bien formado es un carácter (😀), no un problema.
    assert leer_json("x", '{"a": "\\ud83d\\ude00"}') == {"a": "😀"}


def test_recorrido_rapido_de_una_parte() -> None:
    from sdg_metas.archivos import Limites
    from sdg_metas.archivos._xlsx import _Rapido, _Rechazo

    limites = Limites(max_celda=10, max_filas=5)
    rapido = _Rapido("p", limites)
    rapido.bloque(b"<si><t>" + ("é" * 10).encode() + b"</t></si>")  # 20 bytes, 10 letras
    assert rapido.final()
    with pytest.raises(_Rechazo, match="un texto de más de 10 caracteres"):
        _Rapido("p", limites).bloque(b"<t>" + b"x" * 400)
    with pytest.raises(_Rechazo, match="un texto de más de 10 caracteres"):
        _Rapido("p", limites).bloque(b"<t>" + b"x" * 11 + b"</t>")
    with pytest.raises(_Rechazo, match="la hoja llega a la fila 1000000000"):
        _Rapido("p", limites).bloque(b'<row r="12345678901"></row>')
    sin_r = _Rapido("p", limites)
    sin_r.bloque(b"<row><c><v>1</v></c></row>" * 3)
    assert not sin_r.final()


def test_recorrido_exacto_con_celdas_sin_referencia(tmp_path: Path) -> None:
    """Una parte con ``<c>`` sin ``r`` se recorre otra vez con expat, celda por celda."""
    from sdg_metas.archivos import Limites
    from sdg_metas.archivos._xlsx import inspeccionar_xlsx

    def hoja(filas: str) -> bytes:
        ruta = _zip(tmp_path / "h.xlsx", {"xl/worksheets/sheet1.xml": (
            f"<worksheet><sheetData>{filas}</sheetData></worksheet>").encode(),
            "xl/sharedStrings.xml": b"<sst><si><t>abc</t></si></sst>"})
        return ruta.read_bytes()

    limites = Limites(max_celda=5, max_filas=3, max_columnas=3)
    inspeccionar_xlsx("x", hoja('<row r="1"><c r="A1"><v>1</v></c><c><v>2</v></c></row><row>'
                                "<c><is><t>abcde</t></is></c></row>"), limites)
    casos = {
        "DEMASIADAS_FILAS": "<row><c>1</c></row>" * 4,
        "CELDA_DEMASIADO_LARGA": "<row><c><is><t>abcdef</t></is></c></row>",
        "DEMASIADAS_COLUMNAS": '<row><c r="B1"/><c/><c/></row>',
        "EXCEL_INVALIDO": '<row><c/></row><!DOCTYPE x [<!ENTITY a "b">]>',
    }
    for codigo, filas in casos.items():
        with pytest.raises(ErrorCarga) as error:
            inspeccionar_xlsx("x", hoja(filas), limites)
        assert error.value.codigo == codigo
