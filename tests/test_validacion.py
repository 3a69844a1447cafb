"""Pruebas de las ayudas de validación compartidas (``_validacion``; issue 13).

Cada mensaje esperado se escribió a mano desde el contrato de la ayuda: ``"{campo}: {valor!r} debe
ser {descripcion}"``, con el campo y el valor recibidos en el error.
"""

from __future__ import annotations

import datetime
import enum

import attrs
import pytest

from sdg_metas._validacion import (
    INSTALAR_EXCEL,
    EnumTexto,
    de_tipo,
    enum_desde_texto,
    exigir_entero,
    exigir_fecha,
    exigir_tipo,
    falta_openpyxl,
    mostrar,
    nombre_de,
    sin_tildes,
    tupla_de,
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
        "fecha_envio: datetime.datetime(2025, 4, 15, 9, 30) debe ser una fecha (datetime.date), "
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
