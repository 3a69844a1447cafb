"""Lo que la línea de comandos dice en stderr y dónde escribe su salida, bajo uso hostil.

- :func:`avisar`: avisos y errores en stderr con los caracteres de control y bidi escapados
  (un nombre de archivo o un valor de opción con ``\\x1b[2J`` no altera la terminal), cada línea
  acotada a :data:`MAX_LINEA` caracteres (un valor de 100 000 caracteres no inunda la pantalla);
  si stderr está cerrado, no se escribe nada (el código de salida sigue diciendo qué pasó).
- :func:`motivo_del_sistema`: un ``OSError`` en español, sin ``[Errno 28]`` ni reprs.
- :func:`verificar_salida`: ``--salida`` se mira antes de leer nada (ver la función).
- :func:`escribir_archivo`: ``--salida`` se escribe en un archivo temporal de la misma carpeta
  que reemplaza al destino solo al final (``os.replace``): un error a mitad de camino (disco
  lleno, Ctrl-C) deja el destino como estaba, nunca a medias.

>>> motivo_del_sistema(OSError(28, "No space left on device"))
'no queda espacio en el disco'
>>> acotar("x" * 1_005)[-45:]
'x… [la línea sigue: 1005 caracteres en total]'
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TextIO

from ..errores import ErrorArchivo
from ._celdas import escapar
from ._entradas import entradas

#: Caracteres de una línea de un aviso o error antes de recortarla.
MAX_LINEA = 1_000

#: Cada error del sistema, en español (los que no existen en esta plataforma se omiten).
_MOTIVOS = {
    getattr(errno, nombre): motivo for nombre, motivo in (
        ("ENOENT", "la carpeta no existe"),
        ("EACCES", "no hay permiso"),
        ("EPERM", "no hay permiso"),
        ("ENOSPC", "no queda espacio en el disco"),
        ("EDQUOT", "se acabó la cuota de disco"),
        ("EROFS", "el sistema de archivos es de solo lectura"),
        ("EISDIR", "es una carpeta"),
        ("ENOTDIR", "una parte de la ruta no es una carpeta"),
        ("EEXIST", "ya existe y no es una carpeta"),
        ("ENAMETOOLONG", "el nombre es demasiado largo"),
        ("EFBIG", "el archivo sería demasiado grande"),
        ("EIO", "error de entrada/salida del dispositivo"),
        ("ENXIO", "es una tubería (FIFO) que nadie está leyendo"),
        ("EPIPE", "quien leía la tubería la cerró antes del final"),
    ) if hasattr(errno, nombre)
}


def acotar(linea: str) -> str:
    """``linea`` si tiene hasta :data:`MAX_LINEA` caracteres; si no, su comienzo y cuánto medía."""
    if len(linea) <= MAX_LINEA:
        return linea
    return f"{linea[:MAX_LINEA]}… [la línea sigue: {len(linea)} caracteres en total]"


def avisar(texto: str) -> None:
    """Escribe ``texto`` en stderr, escapado y acotado línea por línea; nada si está cerrado."""
    lineas = "\n".join(escapar(acotar(linea)) for linea in texto.split("\n"))
    with contextlib.suppress(AttributeError, OSError, ValueError):
        sys.stderr.write(lineas)
        sys.stderr.flush()


def motivo_del_sistema(error: OSError) -> str:
    """Por qué falló una operación del sistema, en español (el número si no se conoce)."""
    if error.errno in _MOTIVOS:
        return _MOTIVOS[error.errno]
    return f"error del sistema número {error.errno}" if error.errno else "error del sistema"


def _temporal(destino: str) -> tuple[str, int]:
    """Un archivo nuevo, junto a ``destino``, con los permisos del destino si ya existe."""
    carpeta, nombre = os.path.split(destino)
    ruta = os.path.join(carpeta, f".{nombre}.{os.urandom(4).hex()}.tmp")
    descriptor = os.open(ruta, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                         0o666)
    with contextlib.suppress(OSError):
        os.chmod(ruta, stat.S_IMODE(os.stat(destino).st_mode))
    return ruta, descriptor


def _abrir_especial(destino: str, modo: int) -> int:
    """Abre para escribir un destino que no es un archivo regular. Una tubería (FIFO) sin nadie
    que la lea no se espera: ``O_NONBLOCK`` hace que ``open`` falle en vez de bloquearse
    (``ENXIO``); abierta, se escribe bloqueando como siempre."""
    if not stat.S_ISFIFO(modo):
        return os.open(destino, os.O_WRONLY)
    descriptor = os.open(destino, os.O_WRONLY | os.O_NONBLOCK)
    os.set_blocking(descriptor, True)
    return descriptor


def escribir_archivo(ruta: str, escribir: Callable[[IO[bytes]], None]) -> None:
    """Llama ``escribir`` con el archivo abierto (binario) y deja el resultado en ``ruta``.

    Un archivo regular (o uno que no existe) se reemplaza al final, entero; un destino que no
    es un archivo regular (``/dev/null``, ``/dev/stdout``, una tubería que alguien lee) se
    escribe directamente.
    """
    try:
        modo = os.stat(ruta).st_mode  # sigue los enlaces: /dev/stdout, /dev/fd/63 …
    except FileNotFoundError:
        modo = stat.S_IFREG
    if not stat.S_ISREG(modo):
        with os.fdopen(_abrir_especial(ruta, modo), "wb") as archivo:
            escribir(archivo)
        return
    destino = os.path.realpath(ruta)  # un enlace a un archivo: se reemplaza el archivo
    temporal, descriptor = _temporal(destino)
    try:
        with os.fdopen(descriptor, "wb") as archivo:
            escribir(archivo)
        os.replace(temporal, destino)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporal)
        raise


def _leidos(args: argparse.Namespace) -> Iterator[str]:
    """Los archivos que el comando lee, con las tablas de al lado de cada ``.csv`` (como las
    nombra ``archivos.hermanos_csv``, que es quien las lee)."""
    from ..archivos import hermanos_csv  # al usarla: `sdg-metas plazos` no carga `archivos`

    for ruta in entradas(args):
        if ruta == "-":
            continue
        yield ruta
        camino = Path(ruta)
        if camino.suffix.casefold() == ".csv":
            yield from (str(hermano) for hermano in hermanos_csv(camino).values())


def _misma(ruta: str, otra: str) -> bool:
    try:
        return os.path.samefile(ruta, otra)
    except (OSError, ValueError):
        return False


def _verificar_extension(salida: str, formato: str) -> None:
    """Un libro de Excel va a un ``.xlsx`` y solo un libro: Excel no abre un CSV llamado
    ``.xlsx`` (dice que el archivo está dañado). Un destino que existe y no es un archivo
    regular (``/dev/null``) no se mira."""
    es_libro = Path(salida).suffix.casefold() == ".xlsx"
    if es_libro == (formato == "xlsx"):
        return
    with contextlib.suppress(OSError):
        if not stat.S_ISREG(os.stat(salida).st_mode):
            return
    if formato == "xlsx":
        mensaje = (f"--salida: «{salida}» no termina en .xlsx y --formato xlsx escribe un libro "
                   "de Excel; dé un archivo .xlsx")
    else:
        mensaje = (f"--salida: «{salida}» termina en .xlsx y --formato {formato} no escribe un "
                   "libro de Excel; use --formato xlsx o dé otro archivo")
    raise ErrorArchivo(mensaje, codigo="SALIDA_EXTENSION", campo="salida", valor=salida)


def verificar_salida(args: argparse.Namespace, destino: TextIO | None) -> None:
    """``--salida`` antes de leer nada: ``-`` es la salida estándar; vacía, una carpeta o uno de
    los archivos que se leen (también ``plan.reportes.csv`` y ``plan.modificaciones.csv`` de un
    ``plan.csv``: se perderían) es un error; un archivo que existe se reemplaza."""
    if args.salida == "-":
        args.salida = None
    salida = args.salida
    if salida == "":
        raise ErrorArchivo("--salida: la ruta está vacía; dé un archivo (o '-', la salida "
                           "estándar)", codigo="RUTA_INVALIDA", campo="salida", valor="")
    if salida is None and args.formato == "xlsx":
        raise ErrorArchivo("--formato xlsx: dé el archivo del libro con --salida ARCHIVO (el "
                           "libro no va a la salida estándar)", codigo="SALIDA_REQUERIDA",
                           campo="salida", valor="-")
    if salida is None and destino is None:
        raise ErrorArchivo("la salida estándar está cerrada; dé el archivo con --salida ARCHIVO",
                           codigo="SALIDA_CERRADA", campo="salida", valor="-")
    if salida is None:
        return
    _verificar_extension(salida, args.formato)
    if not os.path.exists(salida):
        return
    if os.path.isdir(salida):
        raise ErrorArchivo(f"--salida: «{salida}» es una carpeta; dé la ruta de un archivo",
                           codigo="SALIDA_ES_CARPETA", campo="salida", valor=salida)
    for ruta in _leidos(args):
        if _misma(ruta, salida):
            raise ErrorArchivo(f"--salida: «{salida}» es también el archivo de entrada {ruta}; "
                               "se perdería: dé otro archivo", codigo="SALIDA_ES_ENTRADA",
                               campo="salida", valor=salida)
