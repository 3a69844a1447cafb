"""La línea de comandos ``sdg-metas`` (también ``python -m sdg_metas``): una capa delgada.

Subcomandos (``sdg-metas COMANDO --help`` explica cada uno):

- ``demo``: evalúa el plan de ejemplo incluido en cada trimestre y lo explica.
- ``plazos VIGENCIA``: las cuatro fechas límite de reporte del año y por qué se movió cada una.
- ``evaluar PLAN [--trimestre 2025-T2]``: cifras, semáforo y hallazgos por meta, y la
  calificación del plan.
- ``validar PLAN``: hallazgos de formulación y de reportes (sale con 1 si hay errores).
- ``modificacion SOLICITUD --plan PLAN``: la elegibilidad de una solicitud, motivo por motivo
  (sale con 0 elegible, 1 no elegible, 3 requiere revisión de la OAP).
- ``consolidar PLANES... --vigencia 2025``: las filas del consolidado anual (CON-04).
- ``ranking PLANES... --trimestre 2025-T2``: el ranking de gestión (CON-02).
- ``informe PLANES... --vigencia 2025``: el informe de gestión, una fila por plan (CON-04).
- ``ejemplos DIR``: escribe el plan y la solicitud de ejemplo para probar los demás.

Todos aceptan ``--formato tabla|json|csv|xlsx`` (``xlsx`` requiere ``--salida ARCHIVO``) y
``--decimal ,`` (CSV para Excel en español). Los que leen planes aceptan las opciones del
cargador: ``--vigencia``, ``--unidad``, ``--nivel``, ``--hoja``, ``--fila-encabezado``,
``--ignorar-columnas`` y ``--delimitador``. Códigos de salida: 0 bien; 1 ``validar`` encontró
hallazgos de severidad error, o la solicitud de ``modificacion`` no es elegible; 3 la solicitud
requiere revisión de la OAP; 2 error de entrada o de salida (mensaje en español, sin traza);
130 interrumpido con Ctrl-C (:data:`SALIDA_INTERRUMPIDA`).

Bajo uso hostil (issue 13): ``-`` es la entrada estándar (una vez; ni cerrada ni una terminal);
``--salida -`` es la salida estándar; ``--salida ARCHIVO`` se escribe entero o no se escribe
(:mod:`._terminal`) y nunca es un archivo que se lee; stdout o stderr cerrados no producen una
traza; los mensajes van escapados y acotados (:func:`._terminal.avisar`).

El paquete se parte en ``_parser`` (argumentos), ``_entradas`` (cargar planes),
``_comandos`` (comandos de un plan), ``_lotes`` (comandos de varios planes, en flujo),
``_salida`` (resultados, tabla, JSON y CSV), ``_xlsx`` (Excel), ``_celdas`` (cada valor) y
``_terminal`` (stderr y el archivo de ``--salida``).

>>> import io
>>> salida = io.StringIO()
>>> main(["plazos", "2026", "--formato", "csv"], salida)
0
>>> print(salida.getvalue().splitlines()[1])
2026-T1,2026-03-31,2026-04-15,2026-04-15,no,
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from typing import IO, TextIO, cast

from ..errores import ErrorArchivo, ErrorSdgMetas
from ._entradas import verificar_entradas
from ._parser import construir_parser
from ._salida import EN_MEMORIA_HASTA, Resultado, escribir
from ._terminal import avisar, escribir_archivo, motivo_del_sistema, verificar_salida

__all__ = ["construir_parser", "main"]

#: Código de salida tras Ctrl-C (128 + SIGINT, la convención de las terminales).
SALIDA_INTERRUMPIDA = 130

#: Lo que un mensaje del cargador pide como parámetro de la biblioteca → la opción de la línea
#: de comandos que lo da (``--decimal ,`` y no ``decimal=','``).
_PARAMETROS_A_OPCIONES = (
    ("decimal=','", "--decimal ,"),
    ("ignorar_columnas=True", "--ignorar-columnas"),
    ("se pidió delimitador=", "se pidió --delimitador "),
    ("(o el parámetro vigencia=)", "(o la opción --vigencia)"),
    ("(o el parámetro unidad=)", "(o la opción --unidad)"),
)


def _mensaje_de_error(error: ErrorSdgMetas) -> str:
    """El mensaje de ``error`` para quien usa la línea de comandos: los parámetros del cargador
    que el mensaje pide, como las opciones que los dan (:data:`_PARAMETROS_A_OPCIONES`).

    >>> from sdg_metas.errores import ErrorArchivo
    >>> _mensaje_de_error(ErrorArchivo("'12,5' usa coma decimal; cárguelo con decimal=','"))
    "'12,5' usa coma decimal; cárguelo con --decimal ,"
    """
    texto = str(error)
    for parametro, opcion in _PARAMETROS_A_OPCIONES:
        texto = texto.replace(parametro, opcion)
    return texto


def _silenciar_stdout() -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _texto(resultado: Resultado, args: argparse.Namespace, archivo: IO[bytes]) -> None:
    texto = io.TextIOWrapper(archivo, encoding="utf-8", newline="")
    escribir(resultado, args.formato, texto, args.decimal)
    texto.flush()
    texto.detach()


def _a_archivo(resultado: Resultado, args: argparse.Namespace) -> None:
    """``--salida``: entero o nada (:func:`._terminal.escribir_archivo`)."""
    libro = b""
    if args.formato == "xlsx":
        from ._xlsx import a_xlsx

        libro = a_xlsx(resultado)

    def escritor(archivo: IO[bytes]) -> None:
        if args.formato == "xlsx":
            archivo.write(libro)
        else:
            _texto(resultado, args, archivo)

    try:
        escribir_archivo(args.salida, escritor)
    except OSError as e:
        raise ErrorArchivo(f"--salida: no se pudo escribir «{args.salida}»: "
                           f"{motivo_del_sistema(e)}", codigo="SALIDA_NO_ESCRIBIBLE",
                           campo="salida", valor=args.salida) from None


def _codificar(salida: TextIO, formato: str) -> None:
    """Una salida estándar que no es UTF-8 (``LC_ALL=C``, ``PYTHONIOENCODING=ascii``): el JSON
    y el CSV son UTF-8 siempre (lo dicen sus formatos); la tabla usa la codificación de la
    terminal y escribe ``\\xf3`` lo que no cabe en ella (antes: UnicodeEncodeError)."""
    if not isinstance(salida, io.TextIOWrapper) or codecs.lookup(salida.encoding).name == "utf-8":
        return
    if formato == "tabla":
        salida.reconfigure(errors="backslashreplace")
    else:
        salida.reconfigure(encoding="utf-8")


def _escribir(resultado: Resultado, args: argparse.Namespace, salida: TextIO) -> None:
    """Escribe el resultado en ``salida`` o en ``--salida``. Primero en un archivo temporal (en
    memoria hasta :data:`._salida.EN_MEMORIA_HASTA` bytes): un error a mitad de camino (un plan
    ilegible en el archivo 2 000 de un ``consolidar``) no deja una salida a medias."""
    if args.salida:
        _a_archivo(resultado, args)
        return
    with tempfile.SpooledTemporaryFile(
        EN_MEMORIA_HASTA, "w+", encoding="utf-8", newline=""
    ) as cola:
        escribir(resultado, args.formato, cast("TextIO", cola), args.decimal)
        cola.seek(0)
        try:
            _codificar(salida, args.formato)
            shutil.copyfileobj(cola, salida)
            salida.flush()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise ErrorArchivo(f"no se pudo escribir en la salida estándar: "
                               f"{motivo_del_sistema(e)}", codigo="SALIDA_NO_ESCRIBIBLE",
                               campo="salida", valor="-") from None


def _correr(args: argparse.Namespace, destino: TextIO | None) -> int:
    verificar_entradas(args)
    verificar_salida(args, destino)
    codigo, resultado = args.funcion(args)
    _escribir(resultado, args, cast("TextIO", destino))
    return int(codigo)


def main(argv: Sequence[str] | None = None, salida: TextIO | None = None) -> int:
    """Punto de entrada; devuelve el código de salida (ver el módulo)."""
    parser = construir_parser()
    args = parser.parse_args(argv)
    try:
        return _correr(args, sys.stdout if salida is None else salida)
    except ErrorSdgMetas as error:
        # El mensaje ya trae la lista de problemas (ErrorCarga): se escribe una sola vez.
        avisar(f"sdg-metas: error: {_mensaje_de_error(error)}\n")
        return 2
    except BrokenPipeError:  # p. ej. `sdg-metas plazos 2026 | head -1`
        _silenciar_stdout()
        return 0
    except OSError as error:
        avisar(f"sdg-metas: error: {motivo_del_sistema(error)}\n")
        return 2
    except KeyboardInterrupt:
        queda = "; --salida queda como estaba" if getattr(args, "salida", None) else ""
        avisar(f"sdg-metas: interrumpido (Ctrl-C){queda}\n")
        return SALIDA_INTERRUMPIDA
