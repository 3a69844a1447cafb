"""Ayudas privadas compartidas: el único módulo privado que los demás importan.

Aquí viven, una sola vez, las piezas con las que cada módulo valida lo que recibe:

- :func:`sin_tildes`: normalización de textos escritos por personas;
- :func:`exigir_tipo`, :func:`exigir_entero`, :func:`exigir_fecha`, :func:`exigir_iterable`:
  comprobaciones de tipo de un argumento, que lanzan :class:`~sdg_metas.errores.TipoInvalido`;
- :func:`falta_openpyxl`: el error de quien necesita el extra ``excel`` y no lo tiene;
- :func:`enum_desde_texto`: un miembro de una enumeración a partir de su nombre o su valor;
- :class:`EnumTexto`: la base de las enumeraciones de la biblioteca, con ``desde_texto`` y su
  nombre en español para los mensajes (``nombre``; :func:`nombre_de` para cualquier enumeración);
- fábricas de validadores y conversores de ``attrs`` (en el espíritu de
  ``attrs.validators.instance_of`` / ``optional`` / ``deep_iterable``): :func:`de_tipo`, y
  :func:`tupla_de` para los conversores de secuencias. (Los conversores que cambian el tipo de un campo son funciones con nombre en
  cada módulo, porque el complemento de ``attrs`` de mypy solo admite esas.)

Nada aquí tiene estado ni hace I/O.

>>> sin_tildes("  Dirección para la Gestión POLICIVA ")
'direccion para la gestion policiva'
"""

from __future__ import annotations

import datetime
import enum
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar

from .errores import ErrorArchivo, ErrorModelo, ErrorSdgMetas, TipoInvalido

_T = TypeVar("_T")
_E = TypeVar("_E", bound=enum.Enum)

#: La firma de un validador de ``attrs``: ``(instancia, atributo, valor)``.
Validador = Callable[[Any, Any, Any], None]

#: El comando que instala el extra ``excel`` (openpyxl), para los mensajes.
INSTALAR_EXCEL = "pip install 'sdg-metas[excel]'"


def sin_tildes(texto: str) -> str:
    """Minúsculas, sin tildes y sin espacios en los extremos: ``" Línea "`` → ``"linea"``."""
    descompuesto = unicodedata.normalize("NFKD", texto.strip().casefold())
    return "".join(c for c in descompuesto if not unicodedata.combining(c))


def mostrar(valor: object) -> str:
    """Un valor recibido, como lo nombra un mensaje: ``None`` es «vacío», una enumeración su
    valor en español, lo demás su representación (los textos entre comillas).

    >>> from sdg_metas.modelo import TipoProgramacion
    >>> mostrar(None), mostrar(TipoProgramacion.SUMA), mostrar("x"), mostrar(3)
    ('vacío', "'suma'", "'x'", '3')
    """
    if valor is None:
        return "vacío"
    if isinstance(valor, enum.Enum):
        return repr(valor.value)
    return repr(valor)


def exigir_tipo(valor: object, clase: type[_T], campo: str, descripcion: str) -> _T:
    """``valor`` si es de ``clase``; si no, :class:`TipoInvalido` con el mensaje
    ``"{campo}: {valor!r} debe ser {descripcion}"``.

    >>> exigir_tipo("2025", int, "vigencia", "un entero")
    Traceback (most recent call last):
    ...
    sdg_metas.errores.TipoInvalido: vigencia: '2025' debe ser un entero
    """
    if not isinstance(valor, clase):
        raise TipoInvalido(
            f"{campo}: {mostrar(valor)} debe ser {descripcion}", campo=campo, valor=valor
        )
    return valor


def exigir_entero(valor: object, campo: str, descripcion: str = "un número entero") -> int:
    """``valor`` si es un ``int`` que no es ``bool``; si no, :class:`TipoInvalido`.

    >>> exigir_entero(True, "vigencia")
    Traceback (most recent call last):
    ...
    sdg_metas.errores.TipoInvalido: vigencia: True debe ser un número entero
    """
    if isinstance(valor, bool) or not isinstance(valor, int):
        raise TipoInvalido(
            f"{campo}: {mostrar(valor)} debe ser {descripcion}", campo=campo, valor=valor
        )
    return valor


def exigir_iterable(valor: object, campo: str, descripcion: str) -> Iterable[Any]:
    """``valor`` si es un iterable que no es texto (``str`` o ``bytes``); si no,
    :class:`TipoInvalido` con el mensaje ``"{campo}: {valor} debe ser {descripcion}"``.

    >>> exigir_iterable("OE1", "objetivos", "una colección de códigos")
    Traceback (most recent call last):
    ...
    sdg_metas.errores.TipoInvalido: objetivos: 'OE1' debe ser una colección de códigos
    """
    if isinstance(valor, (str, bytes)) or not isinstance(valor, Iterable):
        raise TipoInvalido(
            f"{campo}: {mostrar(valor)} debe ser {descripcion}", campo=campo, valor=valor
        )
    return valor


def falta_openpyxl(uso: str, campo: str, valor: str) -> ErrorArchivo:
    """El error ``EXCEL_NO_DISPONIBLE`` de quien necesita openpyxl para ``uso`` y no lo tiene;
    lo lanza quien intentó importarlo (``raise falta_openpyxl(...) from None``).

    >>> str(falta_openpyxl("--formato xlsx", "formato", "xlsx"))
    "--formato xlsx requiere openpyxl; instálelo con pip install 'sdg-metas[excel]'"
    """
    return ErrorArchivo(
        f"{uso} requiere openpyxl; instálelo con {INSTALAR_EXCEL}",
        codigo="EXCEL_NO_DISPONIBLE", campo=campo, valor=valor,
    )


def exigir_fecha(valor: object, campo: str) -> datetime.date:
    """``valor`` si es una ``date`` (no un ``datetime``); si no, :class:`TipoInvalido`.

    >>> exigir_fecha(None, "fecha_envio")
    Traceback (most recent call last):
    ...
    sdg_metas.errores.TipoInvalido: fecha_envio: vacío debe ser una fecha (datetime.date)
    """
    if isinstance(valor, datetime.datetime) or not isinstance(valor, datetime.date):
        tipo = "" if valor is None else f", no {type(valor).__name__}"
        raise TipoInvalido(
            f"{campo}: {mostrar(valor)} debe ser una fecha (datetime.date){tipo}",
            campo=campo,
            valor=valor,
        )
    return valor


def enum_desde_texto(
    clase: type[_E],
    texto: object,
    campo: str,
    error: type[ErrorSdgMetas] = ErrorModelo,
) -> _E:
    """El miembro de ``clase`` por su nombre o su valor, sin importar mayúsculas ni tildes; si no
    existe, ``error`` con código ``<CLASE>_DESCONOCIDO`` y los valores válidos (en español, como
    se escriben en los archivos).

    >>> from sdg_metas.modelo import TipoProgramacion
    >>> enum_desde_texto(TipoProgramacion, "lineal", "tipo")
    Traceback (most recent call last):
    ...
    sdg_metas.errores.ErrorModelo: tipo: 'lineal' no es un valor válido; valores válidos: suma, constante, creciente, decreciente
    """
    if isinstance(texto, clase):
        return texto
    if not isinstance(texto, str):
        raise TipoInvalido(
            f"{campo}: {mostrar(texto)} no es un texto ni un {clase.__name__}",
            campo=campo,
            valor=texto,
        )
    clave = sin_tildes(texto).replace(" ", "_")
    for miembro in clase:
        if clave in (miembro.name.casefold(), str(miembro.value)):
            return miembro
    validos = ", ".join(str(m.value) for m in clase)
    raise error(
        f"{campo}: {texto!r} no es un valor válido; valores válidos: {validos}",
        codigo=f"{clase.__name__.upper()}_DESCONOCIDO",
        campo=campo,
        valor=texto,
    )


_ET = TypeVar("_ET", bound="EnumTexto")


class EnumTexto(enum.Enum):
    """Base de las enumeraciones que se leen desde texto (``desde_texto``) y que los mensajes
    nombran en español (``nombre``).

    Cada subclase dice el nombre del campo para los mensajes, si no es ``ErrorModelo`` la clase
    de error, y los nombres en español que no sean su valor con espacios (tildes, nombres
    propios): ``class Medio(EnumTexto, campo="medio", error=ErrorModificacion,
    nombres={"CORREO_ELECTRONICO": "correo electrónico"}): ...``.

    >>> class Via(EnumTexto, campo="via", nombres={"AREA_CENTRAL": "área central"}):
    ...     AREA_CENTRAL = "area_central"
    ...     EN_SITIO = "en_sitio"
    >>> Via.AREA_CENTRAL.nombre, Via.EN_SITIO.nombre, Via.desde_texto("En sitio").nombre
    ('área central', 'en sitio', 'en sitio')
    """

    _campo_texto: ClassVar[str]
    _error_texto: ClassVar[type[ErrorSdgMetas]]
    _nombres_texto: ClassVar[Mapping[str, str]]

    def __init_subclass__(
        cls,
        campo: str = "valor",
        error: type[ErrorSdgMetas] = ErrorModelo,
        nombres: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init_subclass__(**kwargs)
        cls._campo_texto = campo
        cls._error_texto = error
        cls._nombres_texto = MappingProxyType(dict(nombres or {}))

    @classmethod
    def desde_texto(cls: type[_ET], texto: object) -> _ET:
        """El miembro por su nombre o su valor, sin importar mayúsculas, tildes ni espacios."""
        return enum_desde_texto(cls, texto, cls._campo_texto, cls._error_texto)

    @property
    def nombre(self) -> str:
        """El nombre en español del miembro, para los mensajes: el de ``nombres`` o, si no
        está, su valor con espacios (``"en_seguimiento"`` → ``"en seguimiento"``)."""
        return self._nombres_texto.get(self.name) or str(self.value).replace("_", " ")


def nombre_de(miembro: enum.Enum) -> str:
    """El nombre en español de un miembro de cualquier enumeración, para los mensajes: su
    ``nombre`` si es un :class:`EnumTexto`; si no, su valor con espacios.

    >>> from sdg_metas.modelo import Efecto
    >>> nombre_de(Efecto.MARCAR_ELIMINADA)
    'marcar eliminada'
    """
    if isinstance(miembro, EnumTexto):
        return miembro.nombre
    return str(miembro.value).replace("_", " ")


def de_tipo(
    descripcion: str, *clases: type, opcional: bool = False, campo: str | None = None
) -> Validador:
    """Un validador de ``attrs`` que exige una instancia de ``clases`` (o ``None`` si
    ``opcional``); el mensaje nombra el campo (``campo`` o el nombre del atributo) y el valor.

    Un ``bool`` no pasa por ``int``: ``de_tipo("un entero", int)`` lo rechaza.

    >>> de_tipo("un texto", str, opcional=True, campo="proceso_lider")(None, None, 3)
    Traceback (most recent call last):
    ...
    sdg_metas.errores.TipoInvalido: proceso_lider: 3 debe ser un texto (o quedar vacío)
    """
    sufijo = " (o quedar vacío)" if opcional else ""
    exactos = frozenset(clases)  # camino rápido: un valor de exactamente una de las clases

    def validar(_inst: object, atributo: Any, valor: object) -> None:
        if type(valor) in exactos or (valor is None and opcional):
            return
        if isinstance(valor, clases) and not (isinstance(valor, bool) and bool not in clases):
            return
        nombre = campo or atributo.name
        raise TipoInvalido(
            f"{nombre}: {mostrar(valor)} debe ser {descripcion}{sufijo}", campo=nombre,
            valor=valor,
        )

    return validar


def tupla_de(valor: object, clase: type[_T], campo: str, descripcion: str) -> tuple[_T, ...]:
    """``valor`` (un iterable que no es texto) como ``tuple``, con cada elemento de ``clase``;
    si no, :class:`TipoInvalido` que nombra el elemento (``"{campo}[i]: … debe ser
    {descripcion}"``). Para conversores de ``attrs`` de secuencias.

    >>> tupla_de([1, "2"], int, "valores", "un entero")
    Traceback (most recent call last):
    ...
    sdg_metas.errores.TipoInvalido: valores[1]: '2' debe ser un entero
    """
    resultado = tuple(exigir_iterable(valor, campo, f"una secuencia de {clase.__name__}"))
    for i, item in enumerate(resultado):
        if not isinstance(item, clase):
            raise TipoInvalido(
                f"{campo}[{i}]: {mostrar(item)} debe ser {descripcion}",
                campo=f"{campo}[{i}]",
                valor=item,
            )
    return resultado
