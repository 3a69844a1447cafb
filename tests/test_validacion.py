"""Pruebas de las ayudas de validación compartidas (``_validacion``; issue 13).

Cada mensaje esperado se escribió a mano desde el contrato de la ayuda: ``"{campo}: {valor!r} debe
ser {descripcion}"``, con el campo y el valor recibidos en el error.
"""

from __future__ import annotations

import datetime
import enum
import inspect
import linecache

import attrs
import pytest

from sdg_metas._validacion import (
    _PASAN,
    INIT_DE_ATTRS,
    INSTALAR_EXCEL,
    EnumTexto,
    acelerar,
    copiador,
    de_tipo,
    enum_desde_texto,
    exigir_entero,
    exigir_fecha,
    exigir_tipo,
    falta_openpyxl,
    fijadores,
    mostrar,
    nombre_de,
    pasan,
    recordar_textos_cortos,
    recortado,
    sin_tildes,
    textos,
    tupla_de,
    validar_fecha,
    validar_fecha_opcional,
)
from sdg_metas.errores import (
    ErrorArchivo,
    ErrorCiclo,
    ErrorModelo,
    ErrorSdgMetas,
    ErrorTrimestre,
    TipoInvalido,
)


class Color(enum.Enum):
    ROJO_OSCURO = "rojo-oscuro"  # el valor no es el nombre con espacios
    AZUL = "1"


def test_sin_tildes() -> None:
    assert sin_tildes("  Línea BASE ") == "linea base"
    assert sin_tildes("Ñandú") == "nandu"
    assert sin_tildes("ﬁn") == "fin"  # NFKD: la ligadura se descompone


def test_exigir_tipo() -> None:
    assert exigir_tipo(3, int, "n", "un entero") == 3
    with pytest.raises(TipoInvalido) as error:
        exigir_tipo("3", int, "n", "un entero")
    assert str(error.value) == "n: '3' debe ser un entero"
    assert (error.value.campo, error.value.valor) == ("n", "3")


def test_exigir_entero() -> None:
    assert exigir_entero(0, "n") == 0
    for malo in (True, 1.0, "1", None):
        with pytest.raises(TipoInvalido) as error:
            exigir_entero(malo, "vigencia")
        # issue 14: los mensajes dicen «vacío», nunca None
        mostrado = "vacío" if malo is None else repr(malo)
        assert str(error.value) == f"vigencia: {mostrado} debe ser un número entero"
        assert (error.value.campo, error.value.valor) == ("vigencia", malo)
    with pytest.raises(TipoInvalido) as descrito:
        exigir_entero("x", "año", "un entero")
    assert str(descrito.value) == "año: 'x' debe ser un entero"


def test_exigir_fecha() -> None:
    hoy = datetime.date(2025, 4, 15)
    assert exigir_fecha(hoy, "fecha") is hoy
    momento = datetime.datetime(2025, 4, 15, 9, 30)
    with pytest.raises(TipoInvalido) as error:
        exigir_fecha(momento, "fecha_envio")
    assert str(error.value) == (
        # issue 13 (API hostil): el mensaje muestra el valor como se escribe, no su repr
        "fecha_envio: 2025-04-15 09:30:00 debe ser una fecha (datetime.date), "
        "no datetime"
    )
    assert (error.value.campo, error.value.valor) == ("fecha_envio", momento)
    with pytest.raises(TipoInvalido) as texto:
        exigir_fecha("2025-04-15", "fecha")
    assert str(texto.value).endswith("no str")


@pytest.mark.parametrize(
    "texto",
    ["ROJO_OSCURO", "rojo oscuro", " Rojo Oscuro ", "rojo_oscuro", "rójo óscuro", "rojo-oscuro"],
)
def test_enum_por_nombre_o_valor(texto: str) -> None:
    assert enum_desde_texto(Color, texto, "color") is Color.ROJO_OSCURO


def test_enum_miembro_y_valor_numerico() -> None:
    assert enum_desde_texto(Color, Color.AZUL, "color") is Color.AZUL
    assert enum_desde_texto(Color, "1", "color") is Color.AZUL
    assert enum_desde_texto(Color, "azul", "color") is Color.AZUL


def test_enum_desconocido() -> None:
    with pytest.raises(ErrorModelo) as error:
        enum_desde_texto(Color, "verde", "color")
    assert str(error.value) == (
        # issue 14: los valores válidos se dicen por su valor, no por el nombre del miembro
        "color: 'verde' no es un valor válido; valores válidos: rojo-oscuro, 1"
    )
    assert (error.value.codigo, error.value.campo, error.value.valor) == (
        "COLOR_DESCONOCIDO",
        "color",
        "verde",
    )
    with pytest.raises(ErrorTrimestre) as propio:
        enum_desde_texto(Color, "verde", "color", ErrorTrimestre)
    assert propio.value.codigo == "COLOR_DESCONOCIDO"


def test_enum_no_texto() -> None:
    with pytest.raises(TipoInvalido) as error:
        enum_desde_texto(Color, 1, "color")
    assert str(error.value) == "color: 1 no es un texto ni un Color"
    assert (error.value.campo, error.value.valor) == ("color", 1)


@attrs.frozen
class _Caja:
    n: object = attrs.field(validator=de_tipo("un entero", int))
    opcional: object = attrs.field(default=None, validator=de_tipo("un texto", str, opcional=True))
    logico: object = attrs.field(default=True, validator=de_tipo("un booleano", bool))
    nombrado: object = attrs.field(default=1, validator=de_tipo("un entero", int, campo="otro"))


def test_de_tipo() -> None:
    assert _Caja(3, "a", False, 2).n == 3
    assert _Caja(3).opcional is None
    with pytest.raises(TipoInvalido) as booleano:
        _Caja(True)
    assert str(booleano.value) == "n: True debe ser un entero"
    assert (booleano.value.campo, booleano.value.valor) == ("n", True)
    with pytest.raises(TipoInvalido) as opcional:
        _Caja(1, 5)
    assert str(opcional.value) == "opcional: 5 debe ser un texto (o quedar vacío)"
    with pytest.raises(TipoInvalido) as nombrado:
        _Caja(1, None, True, "x")
    assert str(nombrado.value) == "otro: 'x' debe ser un entero"
    assert nombrado.value.campo == "otro"
    with pytest.raises(TipoInvalido) as nulo:
        _Caja(None)
    assert str(nulo.value) == "n: vacío debe ser un entero"


def test_de_tipo_acepta_subclases_y_rechaza_bool_tambien_por_el_camino_rapido() -> None:
    """El camino rápido (tipo exacto, issue 12) no cambia lo aceptado: una subclase de ``int``
    que no es ``bool`` pasa por ``isinstance``; ``bool``, subclase de ``int``, sigue rechazado."""

    class Entero(int):
        pass

    assert _Caja(Entero(4)).n == 4
    assert _Caja(3, "a", Entero(1) == 1).logico is True
    with pytest.raises(TipoInvalido, match="n: False debe ser un entero"):
        _Caja(False)


def test_tupla_de() -> None:
    assert tupla_de([1, 2], int, "valores", "un entero") == (1, 2)
    assert tupla_de(iter([]), int, "valores", "un entero") == ()
    with pytest.raises(TipoInvalido) as elemento:
        tupla_de([1, "2"], int, "valores", "un entero")
    assert str(elemento.value) == "valores[1]: '2' debe ser un entero"
    assert (elemento.value.campo, elemento.value.valor) == ("valores[1]", "2")
    for malo in ("12", b"12", 12):
        with pytest.raises(TipoInvalido) as error:
            tupla_de(malo, int, "valores", "un entero")
        assert str(error.value) == f"valores: {malo!r} debe ser una secuencia de int"
        assert (error.value.campo, error.value.valor) == ("valores", malo)
        assert isinstance(error.value, ErrorSdgMetas)


def test_exigir_fecha_vacia_no_dice_el_tipo() -> None:
    """«vacío» ya dice qué pasa: sin «, no NoneType» al final."""
    with pytest.raises(TipoInvalido) as vacia:
        exigir_fecha(None, "fecha_envio")
    assert str(vacia.value) == "fecha_envio: vacío debe ser una fecha (datetime.date)"


def test_mostrar_una_enumeracion_por_su_valor() -> None:
    assert mostrar(Color.ROJO_OSCURO) == "'rojo-oscuro'"
    assert (mostrar(None), mostrar("x"), mostrar(3)) == ("vacío", "'x'", "3")


def test_falta_openpyxl() -> None:
    error = falta_openpyxl("leer un .xlsx", "ruta", "plan.xlsx")
    assert isinstance(error, ErrorArchivo)
    assert str(error) == f"leer un .xlsx requiere openpyxl; instálelo con {INSTALAR_EXCEL}"
    assert (error.codigo, error.campo, error.valor) == ("EXCEL_NO_DISPONIBLE", "ruta", "plan.xlsx")


class _Via(EnumTexto, campo="via", error=ErrorCiclo, nombres={"AREA_CENTRAL": "área central"}):
    AREA_CENTRAL = "area_central"
    EN_SITIO = "en_sitio"


class _Sin(EnumTexto):
    UNO_DOS = "uno_dos"


def test_enum_texto_nombre_campo_y_error_de_la_subclase() -> None:
    assert (_Via.AREA_CENTRAL.nombre, _Via.EN_SITIO.nombre) == ("área central", "en sitio")
    assert _Via.desde_texto(" En Sitio ") is _Via.EN_SITIO
    assert _Via.desde_texto(_Via.AREA_CENTRAL) is _Via.AREA_CENTRAL
    with pytest.raises(ErrorCiclo) as error:
        _Via.desde_texto("aérea")
    assert (error.value.codigo, error.value.campo, error.value.valor) == (
        "_VIA_DESCONOCIDO", "via", "aérea")
    assert str(error.value) == (
        "via: 'aérea' no es un valor válido; valores válidos: area_central, en_sitio")


def test_enum_texto_por_omision_campo_valor_y_error_modelo() -> None:
    assert _Sin.UNO_DOS.nombre == "uno dos"
    with pytest.raises(ErrorModelo) as error:
        _Sin.desde_texto("tres")
    assert type(error.value) is ErrorModelo
    assert error.value.campo == "valor"
    assert str(error.value).startswith("valor: 'tres' no es un valor válido")


def test_nombre_de() -> None:
    """Un EnumTexto por su ``nombre``; cualquier otra enumeración, su valor con espacios."""

    class Otra(enum.Enum):
        MARCAR_ELIMINADA = "marcar_eliminada"

    assert nombre_de(_Via.AREA_CENTRAL) == "área central"
    assert nombre_de(Otra.MARCAR_ELIMINADA) == "marcar eliminada"
    assert nombre_de(Color.ROJO_OSCURO) == "rojo-oscuro"


# --- caminos rápidos de la construcción (issue 12) ------------------------------------------


def test_textos_y_fechas() -> None:
    assert textos("acta.pdf") == ("acta.pdf",)
    assert textos(" ") == ()
    entrada = ("a", "b")
    assert textos(entrada) is entrada
    assert textos(["a"]) == ("a",)
    with pytest.raises(TipoInvalido, match=r"^\[1\]: 3 debe ser un texto$") as error:
        textos(["a", 3])  # type: ignore[list-item]
    assert (error.value.campo, error.value.valor) == ("[1]", 3)
    campo = attrs.fields(_ConFecha).fecha
    validar_fecha(None, campo, datetime.date(2025, 1, 1))
    validar_fecha_opcional(None, campo, None)
    validar_fecha_opcional(None, campo, datetime.date(2025, 1, 1))
    for validar in (validar_fecha, validar_fecha_opcional):
        with pytest.raises(TipoInvalido, match=r"^fecha: "):
            validar(None, campo, datetime.datetime(2025, 1, 1))
    with pytest.raises(TipoInvalido, match=r"^fecha: vacío"):
        validar_fecha(None, campo, None)


@attrs.frozen(slots=True)
class _ConFecha:
    fecha: datetime.date


def _grabadora(nombre: str, llamadas: list[tuple[str, object]], error: bool = False) -> object:
    """Un conversor o validador que anota con qué se lo llamó (y rechaza 'malo')."""

    def grabar(*argumentos: object) -> object:
        valor = argumentos[-1]
        llamadas.append((nombre, valor))
        if valor == "malo":
            raise TipoInvalido(f"{nombre}: malo", campo=nombre, valor=valor)
        return f"{valor}!" if error and isinstance(valor, str) else valor  # None tal cual

    return grabar


def _clase_grabada(llamadas: list[tuple[str, object]]) -> type:
    convertir = _grabadora("conv", llamadas, error=True)
    validar = pasan(_grabadora("val", llamadas), int)  # type: ignore[arg-type]
    validar_siempre = _grabadora("siempre", llamadas)

    @attrs.frozen(slots=True)
    class Grabada:
        a: object = attrs.field(converter=convertir)  # type: ignore[misc]
        b: object = attrs.field(validator=validar)  # type: ignore[arg-type]
        c: object = attrs.field(default=7, validator=validar_siempre, kw_only=True)  # type: ignore[arg-type]
        d: object = attrs.field(default="x", converter=convertir, kw_only=True)  # type: ignore[misc]
        e: int = attrs.field(init=False, default=4)
        f: list[int] = attrs.field(init=False, factory=list)
        g: int = attrs.field(init=False, default=attrs.Factory(lambda s: s.e * 2, takes_self=True))
        h: int = attrs.field(init=False)

        def __attrs_post_init__(self) -> None:
            llamadas.append(("post", self.a))

    return Grabada


def test_acelerar_hace_lo_mismo_que_attrs_salvo_las_llamadas_que_salta() -> None:
    """Conversores al fijar cada campo y en orden, validadores después y en orden, luego
    ``__attrs_post_init__``; un validador declarado con ``pasan`` no se llama con un ``int`` y el
    conversor no se llama con un valor de ``tal_cual``."""
    lento: list[tuple[str, object]] = []
    Lenta = _clase_grabada(lento)
    esperado = Lenta("uno", 5, c=8, d=None)
    rapido: list[tuple[str, object]] = []
    Rapida = acelerar(_clase_grabada(rapido), {"d": (type(None), float)})
    assert INIT_DE_ATTRS[Rapida] is not Rapida.__init__
    obtenido = Rapida("uno", 5, c=8, d=None)
    assert lento == [("conv", "uno"), ("conv", None), ("val", 5), ("siempre", 8), ("post", "uno!")]
    assert rapido == [("conv", "uno"), ("siempre", 8), ("post", "uno!")]
    assert repr(obtenido) == repr(esperado)
    assert (obtenido.a, obtenido.b, obtenido.c, obtenido.d) == ("uno!", 5, 8, None)
    assert (obtenido.e, obtenido.f, obtenido.g) == (4, [], 8)
    with pytest.raises(AttributeError):
        obtenido.h  # noqa: B018 - sin valor, como con attrs
    rapido.clear()
    obtenido = Rapida("dos", "cinco", d=1.5)
    assert rapido == [("conv", "dos"), ("val", "cinco"), ("siempre", 7), ("post", "dos!")]
    assert obtenido.d == 1.5
    rapido.clear()
    assert Rapida("tres", 1).d == "x!"  # sin d: el valor por omisión pasa por el conversor
    assert rapido[:2] == [("conv", "tres"), ("conv", "x")]
    with pytest.raises(TipoInvalido, match="val: malo"):
        Rapida("cuatro", "malo")
    with pytest.raises(TipoInvalido, match="siempre: malo"):
        Rapida("cuatro", 1, c="malo")
    with pytest.raises(TipoInvalido, match="conv: malo"):
        Rapida("malo", 1)
    rapido.clear()
    with attrs.validators.disabled():
        Rapida("cinco", "malo", c="malo")
    assert rapido == [("conv", "cinco"), ("conv", "x"), ("post", "cinco!")]


def test_acelerar_conserva_firma_nombre_y_fuente() -> None:
    Rapida = _clase_grabada([])
    original = Rapida.__init__
    assert acelerar(Rapida) is Rapida
    assert Rapida.__init__ is not original
    assert INIT_DE_ATTRS[Rapida] is original
    assert Rapida.__init__.__qualname__ == original.__qualname__
    assert Rapida.__init__.__module__ == original.__module__
    assert Rapida.__init__.__annotations__ == original.__annotations__
    assert str(inspect.signature(Rapida)) == (
        "(a: 'object', b: 'object', *, c: 'object' = 7, d: 'object' = 'x') -> None")
    fuente = "".join(linecache.getlines(Rapida.__init__.__code__.co_filename))
    assert fuente.startswith("def __init__(self, a, b, *, c=_d2, d=_d3):\n")
    assert "    a = _c0(a)\n" in fuente  # sin tal_cual, el conversor se llama siempre


def test_acelerar_sin_validadores_ni_nombrados() -> None:
    @attrs.frozen(slots=True)
    class Simple:
        a: int
        b: int = 2

    acelerar(Simple)
    assert repr(Simple(1)) == "Simple(a=1, b=2)"
    assert "_apagados" not in "".join(linecache.getlines(Simple.__init__.__code__.co_filename))
    assert str(inspect.signature(Simple)) == "(a: 'int', b: 'int' = 2) -> None"


def test_acelerar_rechaza_lo_que_no_sabe_hacer() -> None:
    @attrs.frozen(slots=True)
    class ConFabrica:
        x: list[int] = attrs.field(factory=list)

    @attrs.frozen(slots=True)
    class SinIniciarValidado:
        x: int = attrs.field(init=False, default=0, validator=attrs.validators.instance_of(int))

    @attrs.frozen(slots=True)
    class ConPre:
        x: int

        def __attrs_pre_init__(self) -> None:
            pass

    mensajes = {
        ConFabrica: "acelerar: x: un campo que se inicia con fábrica o que se valida sin "
        "iniciarse no está previsto",
        SinIniciarValidado: "acelerar: x: un campo que se inicia con fábrica o que se valida "
        "sin iniciarse no está previsto",
        ConPre: "acelerar: ConPre tiene __attrs_pre_init__",
    }
    for clase, mensaje in mensajes.items():
        with pytest.raises(TypeError) as error:
            acelerar(clase)
        assert str(error.value) == mensaje
        assert clase not in INIT_DE_ATTRS


def test_de_tipo_declara_lo_que_pasa_sin_llamarlo() -> None:
    assert _PASAN[de_tipo("un texto", str)] == {str}
    assert _PASAN[de_tipo("un texto", str, int, opcional=True)] == {str, int, type(None)}
    assert _PASAN[validar_fecha] == {datetime.date}
    assert _PASAN[validar_fecha_opcional] == {datetime.date, type(None)}


def test_copiador_copia_sin_iniciar() -> None:
    @attrs.frozen(slots=True)
    class Par:
        a: int = attrs.field(validator=attrs.validators.instance_of(int))
        b: int = attrs.field(validator=attrs.validators.instance_of(int))
        c: int = attrs.field(init=False, default=9)

    original = Par(1, 2)
    copiar = copiador(Par, "b")
    copia = copiar(original, "no se valida")
    assert (copia.a, copia.b, copia.c) == (1, "no se valida", 9)
    assert copia is not original
    assert type(copia) is Par
    assert original == Par(1, 2)
    assert copiador(Par, "a")(original, 5) == Par(5, 2)
    fuente = "".join(linecache.getlines(copiar.__code__.co_filename))
    assert "def copiar(objeto, valor):" in fuente


def test_fijadores_escriben_cada_ranura_en_el_orden_de_los_campos() -> None:
    """Issue 12: armar un objeto sin ``__init__`` con los fijadores de sus campos da el mismo
    objeto que el constructor (campo por campo, en orden)."""

    @attrs.frozen(slots=True)
    class Tres:
        a: int
        b: str
        c: tuple[int, ...]

    fa, fb, fc = fijadores(Tres)
    armado = object.__new__(Tres)
    fa(armado, 1)
    fb(armado, "dos")
    fc(armado, (3,))
    assert armado == Tres(1, "dos", (3,))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        armado.a = 5  # type: ignore[misc]


def test_recordar_textos_cortos_recuerda_hasta_el_largo_y_el_maximo() -> None:
    llamadas: list[tuple[str, int]] = []

    @recordar_textos_cortos(2, 3)
    def largo_mas(texto: str, n: int) -> int:
        """Cuenta sus llamadas."""
        llamadas.append((texto, n))
        return len(texto) + n

    assert largo_mas.__doc__ == "Cuenta sus llamadas."
    assert largo_mas.__wrapped__ is not None  # type: ignore[attr-defined]
    # a lo sumo 3 caracteres: se recuerda (por texto y demás argumentos)
    assert largo_mas("abc", 1) == largo_mas("abc", 1) == 4
    assert largo_mas("abc", 2) == 5
    assert llamadas == [("abc", 1), ("abc", 2)]
    # 4 caracteres: se calcula cada vez
    assert largo_mas("abcd", 1) == largo_mas("abcd", 1) == 5
    assert llamadas[2:] == [("abcd", 1), ("abcd", 1)]
    # a lo sumo 2 entradas: ("abc", 1) fue la menos usada y se olvidó al entrar ("x", 0)
    del llamadas[:]
    assert largo_mas("x", 0) == 1
    assert largo_mas("abc", 2) == 5
    assert largo_mas("abc", 1) == 4
    assert llamadas == [("x", 0), ("abc", 1)]


# --- issue 13: la API bajo argumentos hostiles ------------------------------------------------


class _ReprQueFalla:
    def __repr__(self) -> str:
        raise RuntimeError("repr hostil")


class _TextoRaro(str):
    def strip(self, *_a: object) -> str:  # type: ignore[override]
        return "otro"


def test_mostrar_nunca_un_repr_de_python() -> None:
    """Issue 13: «messages never show a Python repr of an object (``<object at 0x..>``,
    ``Decimal('1.5')``, ``datetime.date(2025, 1, 1)``)» y «never balloon»."""
    from decimal import Decimal

    assert mostrar(Decimal("NaN")) == "NaN"
    assert mostrar(Decimal("1.5")) == "1.5"
    assert mostrar(datetime.date(2025, 1, 1)) == "2025-01-01"
    assert mostrar(datetime.datetime(2025, 4, 15, 9, 30)) == "2025-04-15 09:30:00"
    assert mostrar(datetime.time(0, 0)) == "00:00:00"
    assert mostrar(object()) == "un valor de tipo object"
    assert mostrar(_ReprQueFalla()) == "un valor de tipo _ReprQueFalla"
    assert mostrar([Decimal("1")]) == "un valor de tipo list"  # su repr diría Decimal('1')
    assert mostrar(10**400) == "un valor de tipo int"  # 401 dígitos
    assert mostrar(12) == "12"
    assert mostrar([1, "a"]) == "[1, 'a']"
    # un texto de 1 000 caracteres: los primeros 120 entre comillas y su largo
    assert mostrar("x" * 1000) == "'" + "x" * 120 + "'… (1000 caracteres)"


def test_tupla_acotada_rechaza_un_iterador_infinito() -> None:
    import itertools

    from sdg_metas._validacion import MAX_ELEMENTOS, tupla_acotada

    assert tupla_acotada(iter([1, 2]), "x", "una colección") == (1, 2)
    assert tupla_acotada([1], "x", "una colección") == (1,)
    with pytest.raises(ErrorSdgMetas) as error:
        tupla_acotada(itertools.count(), "metas", "una colección de metas")
    assert error.value.codigo == "DEMASIADOS_ELEMENTOS"
    assert str(error.value) == "metas: trae más de 2000000 elementos (¿un iterador infinito?)"
    assert MAX_ELEMENTOS == 2_000_000
    with pytest.raises(TipoInvalido):
        tupla_acotada(3, "metas", "una colección de metas")


def test_textos_no_iterable_es_tipo_invalido() -> None:
    """Antes ``textos(None)`` era un ``TypeError`` de Python («'NoneType' object is not
    iterable»)."""
    with pytest.raises(TipoInvalido) as error:
        textos(None)  # type: ignore[arg-type]
    assert str(error.value) == "textos: vacío debe ser un texto o una colección de textos"


def test_sin_tildes_no_usa_los_metodos_de_una_subclase() -> None:
    """Un ``str`` cuyo ``strip`` devuelve otra cosa: se usa ``str.strip``."""
    assert sin_tildes(_TextoRaro("  Línea ")) == "linea"


# --- Mutantes que sobrevivieron a la ronda de entradas hostiles (issue 13) ----------------------


def test_mostrar_en_los_limites_del_largo() -> None:
    """``MAX_MOSTRAR`` = 120: un texto de 120 caracteres se muestra entero; uno de 121, sus 120
    primeros y su largo. Un entero de hasta 400 bits (2^399 tiene 400) se escribe; uno de 401
    bits se nombra por su tipo. Lo que, ya escrito, pasa de 4 × 120 = 480 caracteres (un texto
    con escapes) se corta en 120 y «…»; 480 justos se muestran enteros."""
    assert mostrar("a" * 120) == "'" + "a" * 120 + "'"
    assert mostrar("a" * 121) == "'" + "a" * 120 + "'… (121 caracteres)"
    assert (2**399).bit_length() == 400
    assert mostrar(2**399) == str(2**399)
    assert mostrar(-(2**399)) == "-" + str(2**399)
    assert mostrar(2**400) == "un valor de tipo int"
    # 119 × «\x00» (4 caracteres cada uno) + «\t» (2) + 2 comillas = 480: entero
    assert mostrar("\x00" * 119 + "\t") == "'" + "\\x00" * 119 + "\\t'"
    # 120 × «\x00» + 2 comillas = 482 > 480: los primeros 120 caracteres y «…»
    assert mostrar("\x00" * 120) == "'" + "\\x00" * 29 + "\\x0…"


def test_tupla_acotada_en_el_limite() -> None:
    """Issue 13: se leen a lo sumo ``MAX_ELEMENTOS + 1`` elementos (uno más para saber que
    sobra); ``MAX_ELEMENTOS`` justos se aceptan. Una lista o una tupla ya están en memoria (son
    finitas): se aceptan enteras, sin ese límite. El error nombra el campo."""
    from sdg_metas._validacion import MAX_ELEMENTOS, tupla_acotada

    justos = tupla_acotada(iter([0] * MAX_ELEMENTOS), "metas", "una colección de metas")
    assert len(justos) == MAX_ELEMENTOS
    lista = [0] * (MAX_ELEMENTOS + 1)
    assert len(tupla_acotada(lista, "metas", "una colección de metas")) == MAX_ELEMENTOS + 1
    iterador = iter([0] * (MAX_ELEMENTOS + 5))
    with pytest.raises(ErrorModelo) as error:
        tupla_acotada(iterador, "reportes", "una colección de reportes")
    assert (error.value.codigo, error.value.campo, error.value.valor) == (
        "DEMASIADOS_ELEMENTOS", "reportes", None
    )
    assert sum(1 for _ in iterador) == 4  # leyó MAX_ELEMENTOS + 1 de MAX_ELEMENTOS + 5


def test_recortado_en_el_limite() -> None:
    # hasta el máximo, tal cual; uno más, el comienzo y el largo
    assert recortado("abcd", 4) == "abcd"
    assert recortado("abcde", 4) == "abcd… (5 caracteres)"
    assert recortado("", 0) == ""
