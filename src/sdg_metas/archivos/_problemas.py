"""Problemas de un archivo y límites de lectura: :class:`Problema`, :class:`ErrorCarga`, el
recolector de problemas de los cargadores y los tamaños máximos (parámetros con valor por
defecto, definidos solo aquí)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from ..errores import ErrorArchivo, ErrorSdgMetas

_T = TypeVar("_T")

#: Tamaño máximo por defecto de un archivo o texto de entrada: 50 MB.
MAX_BYTES = 50 * 1024 * 1024
#: Número máximo por defecto de metas en un plan.
MAX_METAS = 200_000
#: Un .xlsx descomprimido puede ocupar hasta este múltiplo de ``max_bytes``.
FACTOR_XLSX = 20

#: Cómo se lee un campo de un objeto: (conversor, obligatorio, valor por defecto).
Campo = tuple[Callable[[object], Any], bool, object]


@attrs.frozen(slots=True)
class Problema:
    """Un problema de un archivo: dónde está, en qué campo y qué pasa (en español).

    >>> p = Problema("plan.csv, fila 3, columna magnitud", "magnitud", "'abc' no es un número")
    >>> str(p)
    "plan.csv, fila 3, columna magnitud: 'abc' no es un número"
    """

    ubicacion: str
    campo: str | None
    mensaje: str

    def __str__(self) -> str:
        return f"{self.ubicacion}: {self.mensaje}"


class ErrorCarga(ErrorArchivo):
    """Un archivo de plan que no se puede cargar, con *todos* sus ``problemas`` a la vez.

    Es un :class:`~sdg_metas.errores.ErrorArchivo`; su ``codigo`` dice la clase de fallo
    (``ARCHIVO_INVALIDO`` cuando el contenido tiene problemas, ``JSON_INVALIDO``,
    ``ARCHIVO_DEMASIADO_GRANDE`` …) y ``problemas`` es una tupla de :class:`Problema`.
    """

    def __init__(
        self,
        archivo: str,
        problemas: Sequence[Problema],
        *,
        codigo: str | None = None,
    ) -> None:
        self.problemas: tuple[Problema, ...] = tuple(problemas)
        self.archivo = archivo
        n = len(self.problemas)
        cabecera = f"{archivo}: " + ("1 problema" if n == 1 else f"{n} problemas")
        mensaje = cabecera + "".join(f"\n  - {p}" for p in self.problemas)
        super().__init__(mensaje, codigo=codigo, campo=None, valor=archivo)

    def __reduce__(self) -> tuple[Any, ...]:
        return (self.__class__, (self.archivo, self.problemas), {"codigo": self.codigo})


# Se publica como sdg_metas.archivos.ErrorCarga (así aparece en los mensajes y en los doctests).
ErrorCarga.__module__ = "sdg_metas.archivos"


def error(archivo: str, codigo: str, mensaje: str, campo: str | None = None) -> ErrorCarga:
    """Un :class:`ErrorCarga` de un solo problema que no tiene ubicación más precisa."""
    return ErrorCarga(archivo, (Problema(archivo, campo, mensaje),), codigo=codigo)


def validar_limite(valor: object, nombre: str) -> int:
    """``valor`` si es un límite válido (entero mayor que 0); si no, ``LIMITE_INVALIDO``."""
    if isinstance(valor, bool) or not isinstance(valor, int) or valor < 1:
        raise ErrorArchivo(
            f"{nombre}: {valor!r} debe ser un entero mayor que 0",
            codigo="LIMITE_INVALIDO",
            campo=nombre,
            valor=valor,
        )
    return valor


class Invalido(Exception):
    """Un valor inválido (mensaje sin el nombre del campo)."""


def mensaje_de(e: ErrorSdgMetas) -> str:
    """El mensaje de un error del modelo sin el prefijo ``"campo: "`` (la ubicación lo dice)."""
    texto = e.mensaje
    if e.campo and texto.startswith(f"{e.campo}: "):
        return texto[len(e.campo) + 2:]
    return texto


def corto(valor: object) -> str:
    """``repr(valor)`` recortado a 60 caracteres para los mensajes."""
    texto = repr(valor)
    return texto if len(texto) <= 60 else texto[:57] + "..."


def ruta_de(base: str, campo: str) -> str:
    """La ruta JSON de ``campo`` dentro de ``base`` (``metas[2]`` + ``peso``)."""
    return f"{base}.{campo}" if base else campo


class Recolector:
    """Reúne los problemas de un archivo; cada lectura convierte un valor o anota su problema."""

    def __init__(self, archivo: str) -> None:
        self.archivo = archivo
        self.problemas: list[Problema] = []

    def anotar(self, ruta: str, campo: str | None, mensaje: str) -> None:
        """Anota un problema en ``ruta`` (relativa al archivo; vacía = el archivo entero)."""
        ubicacion = f"{self.archivo}, {ruta}" if ruta else self.archivo
        self.problemas.append(Problema(ubicacion, campo, mensaje))

    def anotar_error(self, ruta: str, campo: str | None, e: Invalido | ErrorSdgMetas) -> None:
        """Anota el problema que dice ``e`` (sin repetir el nombre del campo)."""
        self.anotar(ruta, campo, str(e) if isinstance(e, Invalido) else mensaje_de(e))

    def convertir(
        self, ruta: str, campo: str, funcion: Callable[[object], _T], valor: object
    ) -> tuple[bool, _T | None]:
        """``(True, funcion(valor))``, o ``(False, None)`` con el problema anotado en ``ruta``."""
        try:
            return True, funcion(valor)
        except (Invalido, ErrorSdgMetas) as e:
            self.anotar_error(ruta, campo, e)
        return False, None

    def objeto(
        self, datos: object, ruta: str, campos: Mapping[str, Campo]
    ) -> dict[str, Any] | None:
        """Lee un objeto JSON según ``campos``; ``None`` si tuvo algún problema."""
        if not isinstance(datos, dict):
            self.anotar(ruta, None, f"{corto(datos)} debe ser un objeto JSON ({{...}})")
            return None
        antes = len(self.problemas)
        for clave in datos:
            if clave not in campos:
                self.anotar(ruta_de(ruta, str(clave)), str(clave),
                            f"campo desconocido {str(clave)!r}; campos válidos: "
                            + ", ".join(campos))
        resultado: dict[str, Any] = {}
        for nombre, (funcion, obligatorio, defecto) in campos.items():
            if nombre not in datos:
                if obligatorio:
                    self.anotar(ruta_de(ruta, nombre), nombre, "falta este campo obligatorio")
                resultado[nombre] = defecto
                continue
            try:  # la ruta del campo solo se escribe si hay un problema
                resultado[nombre] = funcion(datos[nombre])
            except (Invalido, ErrorSdgMetas) as e:
                self.anotar_error(ruta_de(ruta, nombre), nombre, e)
        return resultado if len(self.problemas) == antes else None

    def lista(self, datos: object, ruta: str, campo: str) -> list[object] | None:
        """``datos`` si es una lista JSON; si no, ``None`` con el problema anotado."""
        if not isinstance(datos, list):
            self.anotar(ruta, campo, f"{corto(datos)} debe ser una lista JSON ([...])")
            return None
        return datos

    def textos(self, datos: object, ruta: str, campo: str) -> tuple[str, ...] | None:
        """Una lista JSON de textos como tupla; ``None`` si algo no es un texto."""
        elementos = self.lista(datos, ruta, campo)
        if elementos is None:
            return None
        antes = len(self.problemas)
        for i, elemento in enumerate(elementos):
            if not isinstance(elemento, str):
                self.anotar(f"{ruta}[{i}]", campo, f"{corto(elemento)} debe ser un texto")
        return tuple(map(str, elementos)) if len(self.problemas) == antes else None

    def fallar(self) -> ErrorCarga:
        """El :class:`ErrorCarga` (``ARCHIVO_INVALIDO``) con los problemas reunidos."""
        return ErrorCarga(self.archivo, self.problemas, codigo="ARCHIVO_INVALIDO")
