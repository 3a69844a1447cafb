"""Problemas de un archivo y límites de lectura: :class:`Problema`, :class:`ErrorCarga`, el
recolector de problemas de los cargadores y los límites (:class:`Limites`: cada uno un parámetro
con su valor por defecto, definido solo aquí y listado en ``docs/formatos.md``, «Límites»)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from .._validacion import mostrar, recortado
from ..errores import ErrorArchivo, ErrorSdgMetas

_T = TypeVar("_T")

#: Tamaño máximo por defecto de un archivo o texto de entrada: 50 MB.
MAX_BYTES = 50 * 1024 * 1024
#: Número máximo por defecto de metas en un plan.
MAX_METAS = 200_000
#: Columnas máximas de una fila de CSV o de una hoja (Excel 2003 tenía 256).
MAX_COLUMNAS = 256
#: Filas máximas de una hoja de Excel (las de Excel: 1 048 576).
MAX_FILAS = 1_048_576
#: Caracteres máximos de una celda o de un texto (los de una celda de Excel: 32 767).
MAX_CELDA = 32_767
#: Problemas que se informan de un archivo; de los demás solo se dice cuántos son.
MAX_PROBLEMAS = 100
#: Se deja de leer un archivo al contar este múltiplo de ``max_problemas`` problemas.
FACTOR_PARADA = 100
#: Anidamiento máximo de un JSON (un plan necesita 4 niveles).
MAX_PROFUNDIDAD = 32
#: Objetos máximos de un JSON (un plan de ``MAX_METAS`` metas con todos sus reportes usa ~1,4
#: millones).
MAX_OBJETOS = 2_000_000
#: Dígitos máximos de un número entero escrito en un JSON.
MAX_DIGITOS = 40
#: Bytes descomprimidos máximos de las partes XML de un ``.xlsx`` (hojas, textos compartidos …).
MAX_XML_XLSX = 100 * 1024 * 1024
#: Entradas máximas del zip de un ``.xlsx``.
MAX_ENTRADAS_XLSX = 1_000
#: El XML de un ``.xlsx`` tampoco puede descomprimirse en más de este múltiplo de ``max_bytes``.
FACTOR_XLSX = 20

#: Cómo se lee un campo de un objeto: (conversor, obligatorio, valor por defecto).
Campo = tuple[Callable[[object], Any], bool, object]


#: Largo máximo de un nombre de archivo en un mensaje.
_MAX_NOMBRE = 200


def nombre_visible(ruta: object) -> str:
    """El nombre de un archivo para los mensajes: :func:`visible` y, si pasa de 200 caracteres,
    recortado con su largo (un nombre de 1 MB no infla cada mensaje; issue 13).

    >>> nombre_visible("x" * 300)[-25:]
    'xxxxxxx… (300 caracteres)'
    """
    return visible(recortado(str(ruta), _MAX_NOMBRE))


def visible(texto: str) -> str:
    """``texto`` con los caracteres de control y de dirección (bidi) escritos como ``\\u…``,
    para que un nombre de archivo hostil no altere la terminal ni el orden de lo que se lee.

    >>> visible("plan\\u202egpj.json"), visible("a\\x1b[31m")
    ('plan\\\\u202egpj.json', 'a\\\\x1b[31m')
    """
    if texto.isprintable():
        return texto
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in texto)


def _limite(instancia: object, atributo: attrs.Attribute[int], valor: object) -> None:
    validar_limite(valor, atributo.name)


@attrs.frozen(slots=True)
class Limites:
    """Los límites de lectura de un archivo; cada campo tiene su valor por defecto.

    Un archivo que pasa de un límite se rechaza con un :class:`ErrorCarga` (código
    ``ARCHIVO_DEMASIADO_GRANDE``, ``DEMASIADAS_METAS``, ``DEMASIADAS_COLUMNAS``,
    ``CELDA_DEMASIADO_LARGA``, ``DEMASIADAS_FILAS``, ``JSON_DEMASIADO_ANIDADO`` …) antes de leer
    lo que sobra; solo ``max_problemas`` no rechaza: acota la lista de problemas.

    >>> Limites().max_celda, Limites(max_problemas=10).max_problemas
    (32767, 10)
    >>> Limites(max_columnas=0)
    Traceback (most recent call last):
    ...
    sdg_metas.errores.ErrorArchivo: max_columnas: 0 debe ser un entero mayor que 0
    """

    #: Tamaño máximo del archivo o del texto (bytes UTF-8).
    max_bytes: int = attrs.field(default=MAX_BYTES, validator=_limite)
    #: Metas máximas de un plan.
    max_metas: int = attrs.field(default=MAX_METAS, validator=_limite)
    #: Columnas máximas de una fila (CSV u hoja).
    max_columnas: int = attrs.field(default=MAX_COLUMNAS, validator=_limite)
    #: Filas máximas de una hoja de Excel.
    max_filas: int = attrs.field(default=MAX_FILAS, validator=_limite)
    #: Caracteres máximos de una celda (CSV u hoja).
    max_celda: int = attrs.field(default=MAX_CELDA, validator=_limite)
    #: Problemas que se informan (los demás se cuentan: «y N problemas más»).
    max_problemas: int = attrs.field(default=MAX_PROBLEMAS, validator=_limite)
    #: Anidamiento máximo de un JSON.
    max_profundidad: int = attrs.field(default=MAX_PROFUNDIDAD, validator=_limite)
    #: Objetos (``{...}``) máximos de un JSON.
    max_objetos: int = attrs.field(default=MAX_OBJETOS, validator=_limite)
    #: Dígitos máximos de un número JSON.
    max_digitos: int = attrs.field(default=MAX_DIGITOS, validator=_limite)
    #: Bytes descomprimidos máximos de las partes XML de un ``.xlsx``.
    max_xml_xlsx: int = attrs.field(default=MAX_XML_XLSX, validator=_limite)
    #: Entradas máximas del zip de un ``.xlsx``.
    max_entradas_xlsx: int = attrs.field(default=MAX_ENTRADAS_XLSX, validator=_limite)


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
        # Lo que viene del archivo (nombres, claves, textos) nunca llega crudo a una terminal.
        return visible(f"{self.ubicacion}: {self.mensaje}")


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
        omitidos: int = 0,
        detenido: bool = False,
    ) -> None:
        self.problemas: tuple[Problema, ...] = tuple(problemas)
        self.archivo = archivo
        #: Problemas que no se reunieron por pasar de ``max_problemas`` (solo se cuentan).
        self.omitidos = omitidos
        #: ¿Se dejó de leer el archivo por tener demasiados problemas?
        self.detenido = detenido
        n = len(self.problemas) + omitidos
        cabecera = f"{archivo}: " + ("1 problema" if n == 1 else f"{n} problemas")
        if detenido:
            cabecera = f"{archivo}: más de {n} problemas (se dejó de leer)"
        mensaje = visible(cabecera) + "".join(f"\n  - {p}" for p in self.problemas)
        if omitidos:
            mensaje += f"\n  … y {omitidos} " + ("problema más" if omitidos == 1
                                                  else "problemas más")
        super().__init__(mensaje, codigo=codigo, campo=None, valor=archivo)

    def __reduce__(self) -> tuple[Any, ...]:
        return (self.__class__, (self.archivo, self.problemas),
                {"codigo": self.codigo, "omitidos": self.omitidos, "detenido": self.detenido})


# Se publica como sdg_metas.archivos.ErrorCarga (así aparece en los mensajes y en los doctests).
ErrorCarga.__module__ = "sdg_metas.archivos"


def error(archivo: str, codigo: str, mensaje: str, campo: str | None = None) -> ErrorCarga:
    """Un :class:`ErrorCarga` de un solo problema que no tiene ubicación más precisa."""
    return ErrorCarga(archivo, (Problema(archivo, campo, mensaje),), codigo=codigo)


def validar_limite(valor: object, nombre: str) -> int:
    """``valor`` si es un límite válido (entero mayor que 0); si no, ``LIMITE_INVALIDO``."""
    if isinstance(valor, bool) or not isinstance(valor, int) or valor < 1:
        raise ErrorArchivo(
            f"{nombre}: {corto(valor)} debe ser un entero mayor que 0",
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
    """``valor`` como lo muestra un mensaje (:func:`~sdg_metas._validacion.mostrar`: nunca un
    ``repr`` de Python como ``Decimal('1')``), recortado a 60 caracteres."""
    texto = mostrar(valor)
    return texto if len(texto) <= 60 else texto[:57] + "..."


def ruta_de(base: str, campo: str) -> str:
    """La ruta JSON de ``campo`` dentro de ``base`` (``metas[2]`` + ``peso``)."""
    return f"{base}.{campo}" if base else campo


_FALTA = object()  # un campo que el objeto no trae (distinto de null)


class Recolector:
    """Reúne los problemas de un archivo; cada lectura convierte un valor o anota su problema.

    Guarda a lo sumo ``max_problemas``; de los demás solo cuenta cuántos son (``omitidos``), de
    modo que un archivo con millones de problemas no llena la memoria. Al contar
    ``FACTOR_PARADA`` × ``max_problemas`` deja de leer: lanza ya el :class:`ErrorCarga`
    (``detenido``), para que un archivo de millones de elementos vacíos no tarde minutos.
    """

    def __init__(self, archivo: str, max_problemas: int = MAX_PROBLEMAS) -> None:
        self.archivo = archivo
        self.max_problemas = max_problemas
        self.problemas: list[Problema] = _Problemas()
        self._listas_dichas: set[str] = set()

    def anotar(self, ruta: str, campo: str | None, mensaje: str) -> None:
        """Anota un problema en ``ruta`` (relativa al archivo; vacía = el archivo entero)."""
        if len(self.problemas) >= self.max_problemas:
            self.problemas.omitidos += 1  # type: ignore[attr-defined]
            if len(self.problemas) >= FACTOR_PARADA * self.max_problemas:
                raise self.fallar(detenido=True)
            return
        ubicacion = f"{self.archivo}, {visible(ruta)}" if ruta else self.archivo
        self.problemas.append(Problema(ubicacion, campo, mensaje))

    def una_vez(self, clave: str, texto: str) -> str:
        """``texto`` la primera vez que se pide con ``clave``; después, una referencia a él
        (la lista de campos o columnas válidas se dice una sola vez por archivo)."""
        if clave in self._listas_dichas:
            return f"; {clave}: ver el primer problema"
        self._listas_dichas.add(clave)
        return texto

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
        if not datos.keys() <= campos.keys():  # en el orden del archivo, solo si hay alguno
            for clave in datos:
                if clave not in campos:
                    self.anotar(ruta_de(ruta, str(clave)), str(clave),
                                f"campo desconocido {corto(str(clave))}"
                                + self.una_vez(f"campos válidos de {_clase(campos)}",
                                               "; campos válidos: " + ", ".join(campos)))
        resultado: dict[str, Any] = {}
        for nombre, (funcion, obligatorio, defecto) in campos.items():
            valor = datos.get(nombre, _FALTA)
            if valor is _FALTA:
                if obligatorio:
                    self.anotar(ruta_de(ruta, nombre), nombre, "falta este campo obligatorio")
                resultado[nombre] = defecto
                continue
            try:  # la ruta del campo solo se escribe si hay un problema
                resultado[nombre] = funcion(valor)
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

    def fallar(self, detenido: bool = False) -> ErrorCarga:
        """El :class:`ErrorCarga` (``ARCHIVO_INVALIDO``) con los problemas reunidos."""
        return ErrorCarga(self.archivo, list(iter(self.problemas)), codigo="ARCHIVO_INVALIDO",
                          omitidos=self.omitidos, detenido=detenido)

    @property
    def omitidos(self) -> int:
        """Los problemas contados pero no guardados (más allá de ``max_problemas``)."""
        return int(getattr(self.problemas, "omitidos", 0))


class _Problemas(list[Problema]):
    """Los problemas guardados; ``len`` cuenta también los omitidos, así «¿hubo problemas
    nuevos?» (``len`` antes y después de leer algo) sigue siendo cierto pasado el límite."""

    omitidos = 0

    def __len__(self) -> int:
        return super().__len__() + self.omitidos


def _clase(campos: Mapping[str, Campo]) -> str:
    """Un nombre estable para el conjunto de campos (los tres primeros)."""
    return ", ".join(list(campos)[:3])


#: Los límites por defecto.
LIMITES = Limites()
