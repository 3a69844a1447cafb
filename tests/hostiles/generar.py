"""El corpus de entradas hostiles (issue 15), generado: cada función escribe un archivo hostil en
una carpeta y el registro :data:`HOSTILES` dice qué ``codigo`` de error se espera al cargarlo.

No se guardan binarios en el repositorio: los archivos se construyen aquí (los ``.xlsx`` a mano,
con ``zipfile``, sin openpyxl). Se usa desde ``tests/hostiles/test_hostiles.py`` (con tamaños
pequeños, ``escala=1``) y desde ``bench/bench_hostiles.py`` (con los tamaños del informe del
ataque, ``escala`` grande). Para verlos: ``python tests/hostiles/generar.py CARPETA``.
"""

from __future__ import annotations

import json
import os
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from sdg_metas.archivos import plan_a_dict
from sdg_metas.ejemplos import plan_ejemplo

CABECERA_CSV = "vigencia;unidad_plan;codigo;descripcion;tipo;magnitud;t1;t2;t3;t4;peso"


class Hostil(NamedTuple):
    """Un archivo hostil: su nombre, el ``codigo`` esperado y la función que lo escribe."""

    nombre: str
    codigo: str
    crear: Callable[[Path, int], Path]


# --- .xlsx a mano -------------------------------------------------------------------------------

_TIPOS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_LIBRO = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="metas" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_LIBRO_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _celda(referencia: str, texto: str) -> str:
    return f'<c r="{referencia}" t="inlineStr"><is><t>{texto}</t></is></c>'


def _hoja(filas: str, dimension: str = "A1:B2", prologo: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prologo}<worksheet {_NS}>'
            f'<dimension ref="{dimension}"/><sheetData>{filas}</sheetData></worksheet>')


def _compartidos(textos: list[str]) -> str:
    cuerpo = "".join(f"<si><t>{t}</t></si>" for t in textos)
    return f'<?xml version="1.0" encoding="UTF-8"?><sst {_NS} count="{len(textos)}">{cuerpo}</sst>'


def libro(ruta: Path, hoja: str, compartidos: str | bytes | None = None,
          extra: int = 0) -> Path:
    """Un .xlsx mínimo escrito a mano (las partes que openpyxl necesita)."""
    with zipfile.ZipFile(ruta, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _TIPOS)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _LIBRO)
        z.writestr("xl/_rels/workbook.xml.rels", _LIBRO_RELS)
        z.writestr("xl/worksheets/sheet1.xml", hoja)
        z.writestr("xl/sharedStrings.xml", compartidos or _compartidos([]))
        for i in range(extra):
            z.writestr(f"xl/media/relleno{i}.bin", b"")
    return ruta


_ENCABEZADO_XLSX = '<row r="1">' + _celda("A1", "codigo") + "</row>"


def xlsx_dimension_gigante(carpeta: Path, escala: int) -> Path:
    """5 KB que declaran A1:XFD1048576: sin ``reset_dimensions`` eran ~13 minutos."""
    return libro(carpeta / "dimension.xlsx", _hoja(_ENCABEZADO_XLSX, "A1:XFD1048576"))


def xlsx_fila_lejana(carpeta: Path, escala: int) -> Path:
    """Una celda en la fila 2 000 000 (más que las de Excel)."""
    fila = '<row r="2000000">' + _celda("A2000000", "x") + "</row>"
    return libro(carpeta / "fila_lejana.xlsx", _hoja(_ENCABEZADO_XLSX + fila))


def xlsx_columna_lejana(carpeta: Path, escala: int) -> Path:
    """Una celda en la columna XFD (16 384): openpyxl rellenaría 16 383 celdas por fila."""
    return libro(carpeta / "columna_lejana.xlsx",
                 _hoja('<row r="1">' + _celda("XFD1", "codigo") + "</row>"))


def xlsx_textos_compartidos_enormes(carpeta: Path, escala: int) -> Path:
    """Textos compartidos que se descomprimen en ``escala`` × 110 MB (900 MB en el informe)."""
    ruta = carpeta / "compartidos.xlsx"
    hoja = _hoja('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')
    bloque = "<si><t>" + "x" * 30_000 + "</t></si>"
    with zipfile.ZipFile(ruta, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for nombre, texto in (("[Content_Types].xml", _TIPOS), ("_rels/.rels", _RELS),
                              ("xl/workbook.xml", _LIBRO),
                              ("xl/_rels/workbook.xml.rels", _LIBRO_RELS),
                              ("xl/worksheets/sheet1.xml", hoja)):
            z.writestr(nombre, texto)
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as parte:
            parte.write(f'<sst {_NS}>'.encode())
            for _ in range(escala * 110 * 1024 * 1024 // len(bloque)):
                parte.write(bloque.encode())
            parte.write(b"</sst>")
    return ruta


def xlsx_celdas_sin_referencia(carpeta: Path, escala: int) -> Path:
    """300 celdas ``<c>`` sin ``r`` en una fila: su columna se cuenta una a una (con expat)."""
    celdas = "".join('<c t="inlineStr"><is><t>x</t></is></c>' for _ in range(300))
    return libro(carpeta / "sin_referencia.xlsx", _hoja(f"<row>{celdas}</row>"))


def xlsx_con_prefijo(carpeta: Path, escala: int) -> Path:
    """Etiquetas con prefijo de espacio de nombres (``<x:row>``) y una fila lejana."""
    hoja = ('<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.'
            'openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
            '<x:row r="2000000"><x:c r="A2000000"><x:v>1</x:v></x:c></x:row>'
            "</x:sheetData></x:worksheet>")
    return libro(carpeta / "prefijo.xlsx", hoja)


def xlsx_texto_largo(carpeta: Path, escala: int) -> Path:
    """Un solo texto compartido de 40 000 caracteres (una celda de Excel admite 32 767)."""
    hoja = _hoja('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')
    return libro(carpeta / "texto_largo.xlsx", hoja, _compartidos(["y" * 40_000]))


def xlsx_muchas_partes(carpeta: Path, escala: int) -> Path:
    """Un zip con 5 000 partes vacías: su índice costaría memoria antes de leer nada."""
    return libro(carpeta / "partes.xlsx", _hoja(_ENCABEZADO_XLSX), extra=5_000)


def xlsx_entidades(carpeta: Path, escala: int) -> Path:
    """«Mil millones de risas»: entidades XML anidadas en una hoja."""
    prologo = ('<!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">'
               + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'
                         for i in range(8)) + "]>")
    return libro(carpeta / "entidades.xlsx",
                 _hoja('<row r="1">' + _celda("A1", "&i;") + "</row>", prologo=prologo))


_COLUMNAS = ("codigo", "descripcion", "tipo", "magnitud", "t1", "t2", "t3", "t4", "peso",
             "vigencia", "unidad_plan")
_VALORES = ("Meta", "suma", "10", "1", "2", "3", "4", "100", "2025", "Suba")


def _fila_danada(celda: str) -> str:
    letras = "ABCDEFGHIJK"
    encabezado = "".join(_celda(f"{letra}1", c) for letra, c in zip(letras, _COLUMNAS, strict=True))
    resto = "".join(_celda(f"{letra}2", v) for letra, v in zip(letras[1:], _VALORES, strict=True))
    return _hoja(f'<row r="1">{encabezado}</row><row r="2">{celda}{resto}</row>')


def xlsx_texto_compartido_inexistente(carpeta: Path, escala: int) -> Path:
    """Una celda que apunta al texto compartido 99 999 (openpyxl: ``IndexError``)."""
    return libro(carpeta / "indice.xlsx", _fila_danada('<c r="A2" t="s"><v>99999</v></c>'))


def xlsx_numero_ilegible(carpeta: Path, escala: int) -> Path:
    """Una celda numérica con ``abc`` (openpyxl: ``ValueError`` de ``int()``)."""
    return libro(carpeta / "numero.xlsx", _fila_danada('<c r="A2" t="n"><v>abc</v></c>'))


def xlsx_fecha_ilegible(carpeta: Path, escala: int) -> Path:
    """Una celda de fecha con ``99999-99-99`` (openpyxl: ``ValueError``)."""
    return libro(carpeta / "fecha.xlsx", _fila_danada('<c r="A2" t="d"><v>99999-99-99</v></c>'))


def xlsx_no_zip(carpeta: Path, escala: int) -> Path:
    """Un texto con extensión .xlsx."""
    ruta = carpeta / "falso.xlsx"
    ruta.write_text("codigo;descripcion\n", encoding="utf-8")
    return ruta


# --- CSV ----------------------------------------------------------------------------------------


def _csv(carpeta: Path, nombre: str, texto: str) -> Path:
    ruta = carpeta / nombre
    ruta.write_text(texto, encoding="utf-8")
    return ruta


def csv_columnas_desconocidas(carpeta: Path, escala: int) -> Path:
    """Una cabecera con 300 000 columnas desconocidas."""
    return _csv(carpeta, "columnas.csv",
                ";".join(f"x{i}" for i in range(300_000 * escala)) + "\n")


def csv_muchos_problemas(carpeta: Path, escala: int) -> Path:
    """20 000 filas, cada una con un número mal escrito: la lista de problemas se acota."""
    fila = "2025;Suba;M{};Meta;suma;diez;1;2;3;4;1\n"
    return _csv(carpeta, "problemas.csv",
                CABECERA_CSV + "\n" + "".join(fila.format(i) for i in range(20_000 * escala)))


def csv_celda_larga(carpeta: Path, escala: int) -> Path:
    """Una descripción de 40 000 caracteres."""
    return _csv(carpeta, "celda.csv",
                CABECERA_CSV + "\n2025;Suba;M1;" + "d" * 40_000 + ";suma;10;1;2;3;4;100\n")


def csv_celda_enorme(carpeta: Path, escala: int) -> Path:
    """Una celda de 200 000 caracteres (más que el límite del módulo ``csv``)."""
    return _csv(carpeta, "celda_enorme.csv",
                CABECERA_CSV + "\n2025;Suba;M1;" + "d" * 200_000 + ";suma;10;1;2;3;4;100\n")


def csv_vigencia_superindice(carpeta: Path, escala: int) -> Path:
    """``2025²``: ``str.isdigit`` dice que sí e ``int()`` lanzaba ``ValueError``."""
    return _csv(carpeta, "vigencia.csv",
                CABECERA_CSV + "\n2025²;Suba;M1;Meta;suma;10;1;2;3;4;100\n")


def csv_vigencia_arabiga(carpeta: Path, escala: int) -> Path:
    """``٢٠٢٥`` (dígitos árabes): ``int()`` lo leía como 2025 sin decir nada."""
    return _csv(carpeta, "vigencia_arabiga.csv",
                CABECERA_CSV + "\n٢٠٢٥;Suba;M1;Meta;suma;10;1;2;3;4;100\n")


def csv_numero_con_guion_bajo(carpeta: Path, escala: int) -> Path:
    """``1_000``: una comodidad de Python, no un número de la gramática del archivo."""
    return _csv(carpeta, "guion.csv",
                CABECERA_CSV + "\n2025;Suba;M1;Meta;suma;1_000;1;2;3;4;100\n")


def csv_nulo(carpeta: Path, escala: int) -> Path:
    """Un carácter nulo en un código y una magnitud mal escrita (el mensaje lo escapa)."""
    return _csv(carpeta, "nulo.csv",
                CABECERA_CSV + "\n2025;Suba;M\x001;Meta;suma;diez;1;2;3;4;100\n")


def csv_control_y_bidi(carpeta: Path, escala: int) -> Path:
    """Un código con marca de dirección (se escapa en el mensaje) y un peso inválido."""
    return _csv(carpeta, "bidi.csv",
                CABECERA_CSV + "\n2025;Suba;M\u202e1;Meta;suma;10;1;2;3;4;ciento\n")


def csv_escape_de_terminal(carpeta: Path, escala: int) -> Path:
    """Un encabezado con un escape de terminal (``ESC[2J`` borra la pantalla)."""
    return _csv(carpeta, "escape.csv",
                CABECERA_CSV + ";\x1b[2J\n2025;Suba;M1;Meta;suma;10;1;2;3;4;100;x\n")


def json_caracter_de_control(carpeta: Path, escala: int) -> Path:
    """Un campo desconocido cuyo nombre lleva ``\\u001b[2J`` (escape de terminal)."""
    return _json(carpeta, "control.json", '{"\\u001b[2J\\u202e": 1, ' + _plan_texto()[1:])


# --- JSON ---------------------------------------------------------------------------------------


def _json(carpeta: Path, nombre: str, texto: str | bytes) -> Path:
    ruta = carpeta / nombre
    if isinstance(texto, str):
        texto = texto.encode("utf-8", "surrogatepass")
    ruta.write_bytes(texto)
    return ruta


def _plan_texto() -> str:
    return json.dumps(plan_a_dict(plan_ejemplo()), ensure_ascii=False)


def json_clave_repetida(carpeta: Path, escala: int) -> Path:
    """``"vigencia"`` dos veces: antes ganaba la última sin decir nada."""
    return _json(carpeta, "repetida.json", '{"vigencia": 2024, ' + _plan_texto()[1:])


def json_anidado(carpeta: Path, escala: int) -> Path:
    """100 000 niveles de listas (el analizador de Python desborda su pila)."""
    return _json(carpeta, "anidado.json", '{"metas": ' + "[" * 100_000 + "]" * 100_000 + "}")


def json_entero_enorme(carpeta: Path, escala: int) -> Path:
    """Un entero de 5 000 dígitos (Python se niega con un mensaje en inglés)."""
    return _json(carpeta, "entero.json", '{"vigencia": ' + "9" * 5_000 + "}")


def json_escape_invalido(carpeta: Path, escala: int) -> Path:
    """``\\x41`` no es un escape de JSON."""
    return _json(carpeta, "escape.json", '{"unidad": "\\x41"}')


def json_utf8_invalido(carpeta: Path, escala: int) -> Path:
    """Bytes que no son UTF-8."""
    return _json(carpeta, "latin1.json", '{"unidad": "Alcaldía"}'.encode("latin-1"))


def json_sustituto_suelto(carpeta: Path, escala: int) -> Path:
    """``\\ud800``: un escape que no es ningún carácter (rompería al guardar o imprimir)."""
    return _json(carpeta, "sustituto.json", _plan_texto().replace('"unidad": "',
                                                                  '"unidad": "\\ud800', 1))


def json_nan(carpeta: Path, escala: int) -> Path:
    """``NaN`` no es JSON."""
    return _json(carpeta, "nan.json", '{"vigencia": NaN}')


def json_millones_de_reportes(carpeta: Path, escala: int) -> Path:
    """200 000 × ``escala`` reportes vacíos: millones de problemas sin límite."""
    datos = plan_a_dict(plan_ejemplo())
    cuerpo = json.dumps(datos, ensure_ascii=False)
    reportes = "[" + ",".join(["{}"] * (200_000 * escala)) + "]"
    return _json(carpeta, "reportes.json", cuerpo.replace('"reportes": [', '"reportes": '
                                                          + reportes[:-1] + ",", 1))


def json_cifra_fuera_de_rango(carpeta: Path, escala: int) -> Path:
    """Una ejecución de ``1e49``: fuera del rango de una cifra de plan."""
    datos = plan_a_dict(plan_ejemplo())
    datos["reportes"][0]["ejecucion"] = "1e49"
    return _json(carpeta, "cifra.json", json.dumps(datos))


def json_vacio(carpeta: Path, escala: int) -> Path:
    """Un archivo vacío."""
    return _json(carpeta, "vacio.json", b"")


# --- Archivos especiales ------------------------------------------------------------------------


def fifo(carpeta: Path, escala: int) -> Path:
    """Una FIFO llamada plan.json: abrirla para leer bloquea para siempre."""
    ruta = carpeta / "fifo" / "plan.json"
    ruta.parent.mkdir()
    os.mkfifo(ruta)
    return ruta


def carpeta_json(carpeta: Path, escala: int) -> Path:
    """Una carpeta llamada plan.json."""
    ruta = carpeta / "carpeta" / "plan.json"
    ruta.mkdir(parents=True)
    return ruta


def dispositivo(carpeta: Path, escala: int) -> Path:
    """Un enlace plan.json → /dev/zero: un archivo infinito."""
    ruta = carpeta / "cero" / "plan.json"
    ruta.parent.mkdir()
    ruta.symlink_to("/dev/zero")
    return ruta


def nombre_con_control(carpeta: Path, escala: int) -> Path:
    """Un nombre con escape de terminal y marca bidi (que no existe)."""
    return carpeta / "plan\x1b[2J\u202enosj.json"


HOSTILES: tuple[Hostil, ...] = (
    Hostil("xlsx_dimension_gigante", "ARCHIVO_INVALIDO", xlsx_dimension_gigante),
    Hostil("xlsx_fila_lejana", "DEMASIADAS_FILAS", xlsx_fila_lejana),
    Hostil("xlsx_columna_lejana", "DEMASIADAS_COLUMNAS", xlsx_columna_lejana),
    Hostil("xlsx_textos_compartidos_enormes", "ARCHIVO_DEMASIADO_GRANDE",
           xlsx_textos_compartidos_enormes),
    Hostil("xlsx_texto_largo", "CELDA_DEMASIADO_LARGA", xlsx_texto_largo),
    Hostil("xlsx_celdas_sin_referencia", "DEMASIADAS_COLUMNAS", xlsx_celdas_sin_referencia),
    Hostil("xlsx_con_prefijo", "DEMASIADAS_FILAS", xlsx_con_prefijo),
    Hostil("xlsx_muchas_partes", "ARCHIVO_DEMASIADO_GRANDE", xlsx_muchas_partes),
    Hostil("xlsx_entidades", "EXCEL_INVALIDO", xlsx_entidades),
    Hostil("xlsx_no_zip", "EXCEL_INVALIDO", xlsx_no_zip),
    Hostil("xlsx_texto_compartido_inexistente", "EXCEL_INVALIDO",
           xlsx_texto_compartido_inexistente),
    Hostil("xlsx_numero_ilegible", "EXCEL_INVALIDO", xlsx_numero_ilegible),
    Hostil("xlsx_fecha_ilegible", "EXCEL_INVALIDO", xlsx_fecha_ilegible),
    Hostil("csv_columnas_desconocidas", "DEMASIADAS_COLUMNAS", csv_columnas_desconocidas),
    Hostil("csv_muchos_problemas", "ARCHIVO_INVALIDO", csv_muchos_problemas),
    Hostil("csv_celda_larga", "CELDA_DEMASIADO_LARGA", csv_celda_larga),
    Hostil("csv_celda_enorme", "CELDA_DEMASIADO_LARGA", csv_celda_enorme),
    Hostil("csv_vigencia_superindice", "ARCHIVO_INVALIDO", csv_vigencia_superindice),
    Hostil("csv_vigencia_arabiga", "ARCHIVO_INVALIDO", csv_vigencia_arabiga),
    Hostil("csv_numero_con_guion_bajo", "ARCHIVO_INVALIDO", csv_numero_con_guion_bajo),
    Hostil("csv_nulo", "ARCHIVO_INVALIDO", csv_nulo),
    Hostil("csv_control_y_bidi", "ARCHIVO_INVALIDO", csv_control_y_bidi),
    Hostil("csv_escape_de_terminal", "ARCHIVO_INVALIDO", csv_escape_de_terminal),
    Hostil("json_caracter_de_control", "ARCHIVO_INVALIDO", json_caracter_de_control),
    Hostil("json_clave_repetida", "CLAVE_REPETIDA", json_clave_repetida),
    Hostil("json_anidado", "JSON_DEMASIADO_ANIDADO", json_anidado),
    Hostil("json_entero_enorme", "NUMERO_DEMASIADO_LARGO", json_entero_enorme),
    Hostil("json_escape_invalido", "JSON_INVALIDO", json_escape_invalido),
    Hostil("json_utf8_invalido", "CODIFICACION_INVALIDA", json_utf8_invalido),
    Hostil("json_sustituto_suelto", "CODIFICACION_INVALIDA", json_sustituto_suelto),
    Hostil("json_nan", "JSON_INVALIDO", json_nan),
    Hostil("json_millones_de_reportes", "ARCHIVO_INVALIDO", json_millones_de_reportes),
    Hostil("json_cifra_fuera_de_rango", "ARCHIVO_INVALIDO", json_cifra_fuera_de_rango),
    Hostil("json_vacio", "JSON_INVALIDO", json_vacio),
    Hostil("fifo", "ARCHIVO_NO_REGULAR", fifo),
    Hostil("carpeta_json", "ARCHIVO_NO_REGULAR", carpeta_json),
    Hostil("dispositivo", "ARCHIVO_NO_REGULAR", dispositivo),
    Hostil("nombre_con_control", "ARCHIVO_NO_ENCONTRADO", nombre_con_control),
)


def generar(carpeta: Path, escala: int = 1) -> dict[str, Path]:
    """Escribe todo el corpus en ``carpeta``; devuelve la ruta de cada hostil por su nombre."""
    carpeta.mkdir(parents=True, exist_ok=True)
    return {h.nombre: h.crear(carpeta, escala) for h in HOSTILES}


if __name__ == "__main__":  # pragma: no cover - uso a mano
    for nombre, ruta in generar(Path(sys.argv[1])).items():
        print(f"{nombre}: {ruta!r}")
