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
- :func:`acelerar`: el ``__init__`` de una clase ``attrs`` con caminos rápidos (issue 12), que
  no llama a un validador con un valor de un tipo que siempre lo pasa (:func:`pasan`) ni a un
  conversor con un valor que devuelve tal cual; :func:`copiador`: copiar un objeto ya validado
  cambiando un campo por un valor ya validado, sin validar otra vez (``attrs.evolve`` lo haría);
  :func:`recordar_textos_cortos`: una memoria acotada por número de entradas y por largo del
  texto recordado.

Nada aquí tiene estado ni hace I/O (la memoria de :func:`recordar_textos_cortos` es de la
función decorada).

>>> sin_tildes("  Dirección para la Gestión POLICIVA ")
'direccion para la gestion policiva'
"""

from __future__ import annotations

import datetime
import decimal
import enum
import functools
import itertools
import linecache
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar

import attrs

from .errores import ErrorArchivo, ErrorModelo, ErrorSdgMetas, TipoInvalido

_T = TypeVar("_T")
_R = TypeVar("_R")
_E = TypeVar("_E", bound=enum.Enum)
_A = TypeVar("_A", bound=attrs.AttrsInstance)

#: La firma de un validador de ``attrs``: ``(instancia, atributo, valor)``.
Validador = Callable[[Any, Any, Any], None]

#: El comando que instala el extra ``excel`` (openpyxl), para los mensajes.
INSTALAR_EXCEL = "pip install 'sdg-metas[excel]'"


def recordar_textos_cortos(
    maximo: int, largo: int
) -> Callable[[Callable[..., _R]], Callable[..., _R]]:
    """Como ``functools.lru_cache(maxsize=maximo)``, pero solo recuerda las llamadas cuyo primer
    argumento, un texto, tiene a lo sumo ``largo`` caracteres; uno más largo se calcula cada vez.

    Una memoria de textos que llegan de archivos (un análisis puede tener 32 767 caracteres, el
    máximo de una celda) ocuparía ``maximo`` textos de ese largo aunque los planes ya no estén;
    así ocupa a lo sumo ``maximo × largo`` caracteres (issue 12, entradas hostiles).
    """

    def decorar(funcion: Callable[..., _R]) -> Callable[..., _R]:
        recordada = functools.lru_cache(maxsize=maximo)(funcion)

        @functools.wraps(funcion)
        def llamar(texto: str, *argumentos: Any) -> _R:
            if len(texto) <= largo:
                return recordada(texto, *argumentos)
            return funcion(texto, *argumentos)

        return llamar

    return decorar


def sin_tildes(texto: str) -> str:
    """Minúsculas, sin tildes y sin espacios en los extremos: ``" Línea "`` → ``"linea"``."""
    # str.strip y no texto.strip: una subclase de str puede cambiar sus métodos (issue 13)
    descompuesto = unicodedata.normalize("NFKD", str.strip(texto).casefold())
    return "".join(c for c in descompuesto if not unicodedata.combining(c))


#: Largo máximo de un valor mostrado en un mensaje (uno de 10 MB no infla el mensaje).
MAX_MOSTRAR = 120


def recortado(texto: str, maximo: int) -> str:
    """``texto`` si tiene a lo sumo ``maximo`` caracteres; si no, su comienzo y cuánto medía
    (un nombre de archivo o un valor de opción enorme no infla un mensaje).

    >>> recortado("Usme", 4), recortado("Kennedy", 4)
    ('Usme', 'Kenn… (7 caracteres)')
    """
    if len(texto) <= maximo:
        return texto
    return f"{texto[:maximo]}… ({len(texto)} caracteres)"
#: Marcas de un ``repr`` de Python que un mensaje no muestra (objetos, tipos, Decimal…).
_REPR_DE_PYTHON = ("0x", "<", "Decimal(", "datetime.", "Fraction(")


def _representar(valor: object) -> str | None:
    """El texto de ``valor`` para un mensaje, sin llamar a métodos que una subclase cambie; o
    ``None`` si no tiene uno legible (se nombra su tipo)."""
    if isinstance(valor, str):
        if len(valor) <= MAX_MOSTRAR:
            return str.__repr__(valor)
        return f"{str.__repr__(valor[:MAX_MOSTRAR])}… ({len(valor)} caracteres)"
    if isinstance(valor, bool):
        return "True" if valor else "False"
    if isinstance(valor, int):
        return int.__repr__(valor) if valor.bit_length() <= 400 else None
    if isinstance(valor, float):
        return float.__repr__(valor)
    if isinstance(valor, decimal.Decimal):
        return decimal.Decimal.__str__(valor)
    if isinstance(valor, datetime.datetime):
        return datetime.datetime.isoformat(valor, sep=" ")
    if isinstance(valor, datetime.date):
        return datetime.date.isoformat(valor)
    if isinstance(valor, datetime.time):
        return datetime.time.isoformat(valor)
    try:
        texto = repr(valor)
    except Exception:  # un objeto cuyo __repr__ falla: se nombra su tipo
        return None
    return None if any(marca in texto for marca in _REPR_DE_PYTHON) else texto


def mostrar(valor: object) -> str:
    """Un valor recibido, como lo nombra un mensaje: ``None`` es «vacío», una enumeración su
    valor, un número o una fecha como se escribe (``1.5``, ``2025-01-01``), un texto entre
    comillas; lo que no tiene una forma legible (un objeto, un ``repr`` que falla) por su tipo.
    Un texto largo se recorta a :data:`MAX_MOSTRAR` caracteres (y se dice su largo); lo demás
    se recorta a :data:`MAX_MOSTRAR` caracteres si su forma escrita pasa de 4 × MAX_MOSTRAR (el
    margen deja entero un texto ya recortado que se escribe con escapes, como ``\\x00``).

    >>> from decimal import Decimal
    >>> from sdg_metas.modelo import TipoProgramacion
    >>> mostrar(None), mostrar(TipoProgramacion.SUMA), mostrar("x"), mostrar(3)
    ('vacío', "'suma'", "'x'", '3')
    >>> mostrar(Decimal("NaN")), mostrar(datetime.date(2025, 1, 1)), mostrar(object())
    ('NaN', '2025-01-01', 'un valor de tipo object')
    >>> mostrar("x" * 1_000_000)[-26:]
    "xxx'… (1000000 caracteres)"
    """
    if valor is None:
        return "vacío"
    if isinstance(valor, enum.Enum):
        valor = valor.value
    texto = _representar(valor)
    if texto is None:
        nombre = type(valor).__name__[:MAX_MOSTRAR]
        return f"un valor de tipo {nombre}"
    if len(texto) > 4 * MAX_MOSTRAR:  # un texto recortado con escapes (\\x00) cabe
        return f"{texto[:MAX_MOSTRAR]}…"
    return texto


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


#: Lo más que la biblioteca lee de un iterable recibido (un plan de 200 000 metas tiene 800 000
#: reportes): un iterador infinito es un error, no una espera sin fin (issue 13).
MAX_ELEMENTOS = 2_000_000


def tupla_acotada(valor: object, campo: str, descripcion: str) -> tuple[Any, ...]:
    """``valor`` (un iterable que no es texto: :func:`exigir_iterable`) como ``tuple``, leyendo
    a lo sumo :data:`MAX_ELEMENTOS`; si trae más (un iterador infinito), :class:`ErrorModelo`
    con código ``DEMASIADOS_ELEMENTOS``.

    >>> import itertools
    >>> tupla_acotada(itertools.count(), "metas", "una colección de metas")
    Traceback (most recent call last):
    ...
    sdg_metas.errores.ErrorModelo: metas: trae más de 2000000 elementos (¿un iterador infinito?)
    """
    if type(valor) is tuple or type(valor) is list:  # camino rápido: finitos
        return tuple(valor)
    iterable = exigir_iterable(valor, campo, descripcion)
    resultado = tuple(itertools.islice(iterable, MAX_ELEMENTOS + 1))
    if len(resultado) > MAX_ELEMENTOS:
        raise ErrorModelo(
            f"{campo}: trae más de {MAX_ELEMENTOS} elementos (¿un iterador infinito?)",
            codigo="DEMASIADOS_ELEMENTOS", campo=campo, valor=None,
        )
    return resultado


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


def validar_fecha(_inst: object, atributo: Any, valor: Any) -> None:
    """Validador de ``attrs``: :func:`exigir_fecha` con el nombre del atributo."""
    exigir_fecha(valor, atributo.name)


def validar_fecha_opcional(_inst: object, atributo: Any, valor: Any) -> None:
    """Validador de ``attrs``: ``None`` o una fecha (:func:`exigir_fecha`)."""
    if valor is not None:
        exigir_fecha(valor, atributo.name)


def textos(valor: Iterable[str] | str) -> tuple[str, ...]:
    """Conversor de ``attrs``: una tupla de textos; un texto solo es una tupla de uno (o vacía
    si está en blanco).

    >>> textos("acta.pdf"), textos("  "), textos(["a", "b"])
    (('acta.pdf',), (), ('a', 'b'))
    """
    if isinstance(valor, str):
        valor = (valor,) if str.strip(valor) else ()
    resultado = tupla_acotada(valor, "textos", "un texto o una colección de textos")
    for i, item in enumerate(resultado):
        if not isinstance(item, str):
            raise TipoInvalido(f"[{i}]: {mostrar(item)} debe ser un texto", campo=f"[{i}]", valor=item)
    return resultado


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
        f"{campo}: {mostrar(texto)} no es un valor válido; valores válidos: {validos}",
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

    return pasan(validar, *exactos, *((type(None),) if opcional else ()))


def tupla_de(valor: object, clase: type[_T], campo: str, descripcion: str) -> tuple[_T, ...]:
    """``valor`` (un iterable que no es texto) como ``tuple``, con cada elemento de ``clase``;
    si no, :class:`TipoInvalido` que nombra el elemento (``"{campo}[i]: … debe ser
    {descripcion}"``). Para conversores de ``attrs`` de secuencias.

    >>> tupla_de([1, "2"], int, "valores", "un entero")
    Traceback (most recent call last):
    ...
    sdg_metas.errores.TipoInvalido: valores[1]: '2' debe ser un entero
    """
    resultado = tupla_acotada(valor, campo, f"una secuencia de {clase.__name__}")
    for i, item in enumerate(resultado):
        if not isinstance(item, clase):
            raise TipoInvalido(
                f"{campo}[{i}]: {mostrar(item)} debe ser {descripcion}",
                campo=f"{campo}[{i}]",
                valor=item,
            )
    return resultado


# --- caminos rápidos de la construcción (issue 12) ------------------------------------------

#: Validador → los tipos exactos con los que todo valor lo pasa (ver :func:`pasan`).
_PASAN: dict[Validador, frozenset[type]] = {}
#: El ``__init__`` que ``attrs`` generó para cada clase acelerada (las pruebas comparan ambos).
INIT_DE_ATTRS: dict[type, Callable[..., None]] = {}


def pasan(validador: Validador, *tipos: type) -> Validador:
    """Declara que todo valor cuyo tipo es *exactamente* uno de ``tipos`` pasa ``validador``
    (que entonces :func:`acelerar` no llama con él) y lo devuelve. :func:`de_tipo` lo declara
    para los suyos; quien lo declara para otro lo prueba."""
    _PASAN[validador] = frozenset(tipos)
    return validador


pasan(validar_fecha, datetime.date)  # exigir_fecha acepta una date exacta (no un datetime)
pasan(validar_fecha_opcional, datetime.date, type(None))


def _codigo_del_campo(
    i: int, campo: attrs.Attribute[Any], tal_cual: tuple[type, ...], espacio: dict[str, Any]
) -> tuple[str | None, list[str], list[str]]:
    """(parámetro, líneas que fijan el campo, líneas que lo validan) del campo ``i``."""
    por_omision: Any = campo.default
    espacio[f"_s{i}"] = _fijador(espacio["_clase"], campo.name)
    fabrica = isinstance(por_omision, attrs.Factory)  # type: ignore[arg-type]
    if (fabrica and campo.init) or (campo.validator is not None and not campo.init):
        raise TypeError(f"acelerar: {campo.name}: un campo que se inicia con fábrica o que se "
                        "valida sin iniciarse no está previsto")
    if fabrica:
        espacio[f"_f{i}"] = por_omision.factory
        llamada = f"_f{i}(self)" if por_omision.takes_self else f"_f{i}()"
        return None, [f"    _s{i}(self, {llamada})"], []
    espacio[f"_d{i}"] = por_omision
    if not campo.init:
        omitido = por_omision is attrs.NOTHING
        return None, [] if omitido else [f"    _s{i}(self, _d{i})"], []
    nombre = campo.alias
    parametro = nombre if por_omision is attrs.NOTHING else f"{nombre}=_d{i}"
    fijar = []
    if campo.converter is not None:
        espacio[f"_c{i}"], espacio[f"_t{i}"] = campo.converter, frozenset(tal_cual)
        rapido = f"{nombre} if type({nombre}) in _t{i} else " if tal_cual else ""
        fijar.append(f"    {nombre} = {rapido}_c{i}({nombre})")
    fijar.append(f"    _s{i}(self, {nombre})")
    if campo.validator is None:
        return parametro, fijar, []
    espacio[f"_v{i}"], espacio[f"_a{i}"] = campo.validator, campo
    espacio[f"_e{i}"] = _PASAN.get(campo.validator, frozenset())
    return parametro, fijar, [f"        if type({nombre}) not in _e{i}:",
                              f"            _v{i}(self, _a{i}, {nombre})"]


def _fijador(clase: type, nombre: str) -> Callable[[object, object], None]:
    """El ``__set__`` del descriptor del campo ``nombre`` (una clase con ``__slots__``): fija
    el campo aunque la clase sea congelada, como ``object.__setattr__`` y algo más rápido."""
    fijar: Callable[[object, object], None] = getattr(clase, nombre).__set__
    return fijar


def fijadores(clase: type) -> tuple[Callable[[Any, Any], None], ...]:
    """El ``__set__`` de cada campo de ``clase`` (``attrs``, con ``__slots__``), en el orden de
    sus campos: quien arma un objeto que no tiene nada que validar (issue 12) escribe sus ranuras
    sin pasar por ``__init__`` ni por el ``__setattr__`` congelado.

    >>> from sdg_metas.trimestre import Trimestre
    >>> vigencia, numero = fijadores(Trimestre)
    >>> t = object.__new__(Trimestre)
    >>> vigencia(t, 2025); numero(t, 2)
    >>> t
    Trimestre(vigencia=2025, numero=2)
    """
    return tuple(_fijador(clase, a.name) for a in attrs.fields(clase))


def _compilar(fuente: str, archivo: str, espacio: dict[str, Any], nombre: str) -> Any:
    """La función ``nombre`` de ``fuente``; como ``attrs``, el código se genera una vez por
    clase y se registra en ``linecache`` (las trazas muestran sus líneas)."""
    exec(compile(fuente, archivo, "exec"), espacio)
    linecache.cache[archivo] = (len(fuente), None, fuente.splitlines(True), archivo)
    return espacio[nombre]


def copiador(clase: type[_A], campo: str) -> Callable[[_A, Any], _A]:
    """``(objeto, valor)`` → una copia de ``objeto`` (un ``clase`` ya validado) con ``campo``
    igual a ``valor``, que ya debe ser válido: copia los campos sin llamar a ``__init__``, que los
    validaría otra vez (issue 12).

    >>> from sdg_metas.trimestre import Trimestre
    >>> copiador(Trimestre, "numero")(Trimestre(2025, 1), 3)
    Trimestre(vigencia=2025, numero=3)
    """
    nombres = [a.name for a in attrs.fields(clase)]
    fuente = "\n".join([
        "def copiar(objeto, valor):",
        "    copia = _nuevo(_clase)",
        *(f"    _s{i}(copia, {'valor' if n == campo else 'objeto.' + n})"
          for i, n in enumerate(nombres)),
        "    return copia",
        "",
    ])
    espacio = {"_nuevo": object.__new__, "_clase": clase}
    espacio.update((f"_s{i}", _fijador(clase, n)) for i, n in enumerate(nombres))
    archivo = f"<sdg_metas.copiador {clase.__module__}.{clase.__qualname__}.{campo}>"
    copiar: Callable[[_A, Any], _A] = _compilar(fuente, archivo, espacio, "copiar")
    return copiar


def acelerar(clase: type[_A], tal_cual: Mapping[str, tuple[type, ...]] | None = None) -> type[_A]:
    """Cambia el ``__init__`` que ``attrs`` generó para ``clase`` por uno equivalente con caminos
    rápidos (issue 12) y devuelve la clase.

    Hace lo mismo y en el mismo orden (los conversores al fijar cada campo, luego los
    validadores, salvo con ``attrs.validators.set_disabled(True)``, y ``__attrs_post_init__``),
    con la misma firma, salvo dos llamadas que se salta:

    - un validador declarado con :func:`pasan` no se llama con un valor de uno de sus tipos;
    - el conversor del campo ``nombre`` no se llama con un valor cuyo tipo es exactamente uno de
      ``tal_cual[nombre]``: quien lo pide garantiza que el conversor lo devuelve tal cual (y lo
      prueba).

    Los campos siguen teniendo sus conversores y validadores (los cargadores los usan).
    """
    if getattr(clase, "__attrs_pre_init__", None) is not None:
        raise TypeError(f"acelerar: {clase.__name__} tiene __attrs_pre_init__")
    espacio: dict[str, Any] = {"_clase": clase, "_apagados": attrs.validators.get_disabled}
    posicionales: list[str] = []
    nombrados: list[str] = []
    fijar: list[str] = []
    validar: list[str] = []
    for i, campo in enumerate(attrs.fields(clase)):
        parametro, lineas, validaciones = _codigo_del_campo(
            i, campo, (tal_cual or {}).get(campo.name, ()), espacio
        )
        if parametro is not None:
            (nombrados if campo.kw_only else posicionales).append(parametro)
        fijar += lineas
        validar += validaciones
    parametros = ", ".join(["self", *posicionales, *(["*", *nombrados] if nombrados else [])])
    cuerpo = fijar + (["    if not _apagados():", *validar] if validar else [])
    if getattr(clase, "__attrs_post_init__", None) is not None:
        cuerpo.append("    self.__attrs_post_init__()")
    fuente = "\n".join([f"def __init__({parametros}):", *cuerpo, ""])
    archivo = f"<sdg_metas.acelerar {clase.__module__}.{clase.__qualname__}.__init__>"
    nuevo = _compilar(fuente, archivo, espacio, "__init__")
    original = clase.__init__
    nuevo.__qualname__ = f"{clase.__qualname__}.__init__"
    nuevo.__module__ = clase.__module__
    nuevo.__annotations__ = dict(original.__annotations__)
    INIT_DE_ATTRS[clase] = original
    type.__setattr__(clase, "__init__", nuevo)
    return clase
