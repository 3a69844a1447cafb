"""Pruebas del modelo del dominio: construcción, validación y rechazos."""

from __future__ import annotations

import datetime
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdg_metas import (
    Efecto,
    ErrorModelo,
    ErrorNumero,
    ErrorProgramacion,
    ErrorTrimestre,
    Indicador,
    Meta,
    Nivel,
    PlanDeGestion,
    Programacion,
    RegistroModificacion,
    Reporte,
    TipoInvalido,
    TipoProgramacion,
    Trimestre,
    ejecucion_de,
    es_porcentual,
)
from sdg_metas.ejemplos import plan_ejemplo

D = Decimal
FECHA = datetime.date(2025, 4, 10)


# --- TipoProgramacion y Nivel -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("texto", "tipo"),
    [
        ("Creciente", TipoProgramacion.CRECIENTE),
        ("SUMA", TipoProgramacion.SUMA),
        ("  constante ", TipoProgramacion.CONSTANTE),
        ("Decreciénte", TipoProgramacion.DECRECIENTE),
        (TipoProgramacion.SUMA, TipoProgramacion.SUMA),
    ],
)
def test_tipo_desde_texto(texto: str, tipo: TipoProgramacion) -> None:
    assert TipoProgramacion.desde_texto(texto) is tipo


def test_tipo_desconocido_lista_los_validos() -> None:
    with pytest.raises(ErrorModelo) as info:
        TipoProgramacion.desde_texto("lineal")
    assert info.value.codigo == "TIPOPROGRAMACION_DESCONOCIDO"
    assert "suma, constante, creciente, decreciente" in str(info.value)
    with pytest.raises(TipoInvalido):
        TipoProgramacion.desde_texto(3)  # type: ignore[arg-type]


def test_nivel_desde_texto() -> None:
    assert Nivel.desde_texto("Local") is Nivel.LOCAL
    with pytest.raises(ErrorModelo, match="central, local"):
        Nivel.desde_texto("distrital")


# --- Trimestre --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("numero", "inicio", "fin"),
    [
        (1, datetime.date(2024, 1, 1), datetime.date(2024, 3, 31)),
        (2, datetime.date(2024, 4, 1), datetime.date(2024, 6, 30)),
        (3, datetime.date(2024, 7, 1), datetime.date(2024, 9, 30)),
        (4, datetime.date(2024, 10, 1), datetime.date(2024, 12, 31)),
    ],
)
def test_trimestre_fechas(numero: int, inicio: datetime.date, fin: datetime.date) -> None:
    t = Trimestre(2024, numero)
    assert (t.inicio, t.fin) == (inicio, fin)
    assert Trimestre.de_fecha(inicio) == t == Trimestre.de_fecha(fin)
    assert t.contiene(inicio)
    assert not t.contiene(fin + datetime.timedelta(days=1))


def test_trimestre_orden_y_vecinos() -> None:
    assert Trimestre(2025, 4) < Trimestre(2026, 1)
    assert Trimestre(2025, 4).siguiente() == Trimestre(2026, 1)
    assert Trimestre(2026, 1).anterior() == Trimestre(2025, 4)
    assert Trimestre(2025, 2).siguiente() == Trimestre(2025, 3)
    assert Trimestre(2025, 2).anterior() == Trimestre(2025, 1)
    assert sorted([Trimestre(2025, 3), Trimestre(2024, 4), Trimestre(2025, 1)]) == [
        Trimestre(2024, 4),
        Trimestre(2025, 1),
        Trimestre(2025, 3),
    ]


@pytest.mark.parametrize("texto", ["2025-T2", "2025T2", "2025-t2", " 2025 - T2 "])
def test_trimestre_desde_texto(texto: str) -> None:
    assert Trimestre.desde_texto(texto) == Trimestre(2025, 2)
    assert str(Trimestre.desde_texto(texto)) == "2025-T2"


@pytest.mark.parametrize("texto", ["2025-T5", "2025-Q2", "25-T1", "", "2025-T"])
def test_trimestre_texto_invalido(texto: str) -> None:
    with pytest.raises(ErrorTrimestre):
        Trimestre.desde_texto(texto)


@pytest.mark.parametrize(
    ("vigencia", "numero", "error"),
    [
        (2025, 0, ErrorTrimestre),
        (2025, 5, ErrorTrimestre),
        (2025, True, TipoInvalido),
        (2025, 2.0, TipoInvalido),
        (2025, "2", TipoInvalido),
        (True, 1, TipoInvalido),
        ("2025", 1, TipoInvalido),
        (1800, 1, ErrorTrimestre),
        (99999, 1, ErrorTrimestre),
    ],
)
def test_trimestre_rechazos(vigencia: object, numero: object, error: type) -> None:
    with pytest.raises(error):
        Trimestre(vigencia, numero)  # type: ignore[arg-type]


def test_trimestre_tipos_de_fecha() -> None:
    with pytest.raises(TipoInvalido, match="datetime"):
        Trimestre.de_fecha(datetime.datetime(2025, 1, 1))  # datetime es subclase de date
    with pytest.raises(TipoInvalido):
        Trimestre.de_fecha("2025-01-01")  # type: ignore[arg-type]
    with pytest.raises(TipoInvalido):
        Trimestre.desde_texto(20252)  # type: ignore[arg-type]


def test_trimestre_inmutable() -> None:
    t = Trimestre(2025, 1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        t.numero = 2  # type: ignore[misc]


@given(st.dates(min_value=datetime.date(1901, 1, 1), max_value=datetime.date(9998, 12, 31)))
def test_trimestre_de_fecha_contiene_la_fecha(fecha: datetime.date) -> None:
    t = Trimestre.de_fecha(fecha)
    assert t.inicio <= fecha <= t.fin
    assert Trimestre.desde_texto(str(t)) == t


@given(st.integers(1901, 9997), st.integers(1, 4))
def test_trimestre_siguiente_anterior(vigencia: int, numero: int) -> None:
    t = Trimestre(vigencia, numero)
    assert t.siguiente().anterior() == t
    assert t.siguiente().inicio == t.fin + datetime.timedelta(days=1)


# --- Programacion -----------------------------------------------------------------------------


def test_programacion_convierte_numeros() -> None:
    p = Programacion("Suma", "100", [10, "20", 30.5, None], linea_base=0.1)
    assert p.magnitud == D(100)
    assert p.trimestres == (D(10), D(20), D("30.5"), None)
    assert p.linea_base == D("0.1")
    assert p.valor(3) == D("30.5")
    assert p.programado(4) is False
    assert p.programado(Trimestre(2025, 1)) is True


def test_programacion_incoherente_se_puede_construir() -> None:
    # 10+10 != 100: se construye para poder diagnosticarla (verificar_programacion)
    Programacion("suma", 100, [10, 10, None, None])


@pytest.mark.parametrize(
    ("kwargs", "error", "fragmento"),
    [
        ({"trimestres": [1, 2, 3]}, ErrorProgramacion, "exactamente 4"),
        ({"trimestres": [1, 2, 3, 4, 5]}, ErrorProgramacion, "exactamente 4"),
        ({"trimestres": "1234"}, TipoInvalido, "trimestres"),
        ({"trimestres": 4}, TipoInvalido, "trimestres"),
        ({"trimestres": [1, -2, 3, 4]}, ErrorNumero, "trimestres[T2]: -2 es negativo"),
        ({"trimestres": [1, 2, "1,5", 4]}, ErrorNumero, "trimestres[T3]"),
        ({"magnitud": -1}, ErrorNumero, "magnitud: -1 es negativo"),
        ({"magnitud": "NaN"}, ErrorNumero, "magnitud"),
        ({"magnitud": None}, TipoInvalido, "magnitud"),
        ({"linea_base": -3}, ErrorNumero, "linea_base"),
        ({"tipo": "lineal"}, ErrorModelo, "tipo"),
    ],
)
def test_programacion_rechazos(kwargs: dict[str, object], error: type, fragmento: str) -> None:
    base: dict[str, object] = {"tipo": "suma", "magnitud": 10, "trimestres": [1, 2, 3, 4]}
    base.update(kwargs)
    with pytest.raises(error) as info:
        Programacion(**base)  # type: ignore[arg-type]
    assert fragmento in str(info.value)


def test_programacion_trimestre_fuera_de_rango() -> None:
    p = Programacion("suma", 10, [1, 2, 3, 4])
    with pytest.raises(ErrorTrimestre):
        p.valor(5)
    with pytest.raises(TipoInvalido):
        p.programado("1")  # type: ignore[arg-type]


# --- Meta, Indicador, Reporte -----------------------------------------------------------------


def _meta(**kwargs: object) -> Meta:
    base: dict[str, object] = {
        "codigo": "M1",
        "descripcion": "Atender 100 solicitudes",
        "programacion": Programacion("suma", 100, [25, 25, 25, 25]),
        "peso": 20,
    }
    base.update(kwargs)
    return Meta(**base)  # type: ignore[arg-type]


def test_meta_por_defecto() -> None:
    m = _meta(entregables="Informe", nivel="local")
    assert m.peso == D(20)
    assert m.nivel is Nivel.LOCAL
    assert m.entregables == ("Informe",)
    assert _meta(entregables="   ").entregables == ()
    assert not m.porcentual
    assert _meta(unidad="%").porcentual


def test_meta_activa() -> None:
    m = _meta(eliminada_desde=Trimestre(2025, 3))
    assert [m.activa_en(k) for k in range(1, 5)] == [True, True, False, False]
    assert m.activa_en(Trimestre(2025, 2))
    assert not m.activa_en(Trimestre(2025, 3))
    assert _meta().activa_en(4)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"codigo": ""}, ErrorModelo),
        ({"codigo": "  "}, ErrorModelo),
        ({"codigo": 1}, TipoInvalido),
        ({"descripcion": None}, TipoInvalido),
        ({"programacion": "suma"}, TipoInvalido),
        ({"peso": 101}, ErrorModelo),
        ({"peso": -1}, ErrorNumero),
        ({"peso": True}, TipoInvalido),
        ({"transversal": "si"}, TipoInvalido),
        ({"proceso_lider": 3}, TipoInvalido),
        ({"entregables": [1]}, TipoInvalido),
        ({"indicador": "x"}, TipoInvalido),
        ({"eliminada_desde": "2025-T1"}, TipoInvalido),
        ({"nivel": "regional"}, ErrorModelo),
    ],
)
def test_meta_rechazos(kwargs: dict[str, object], error: type) -> None:
    with pytest.raises(error):
        _meta(**kwargs)


def test_indicador() -> None:
    i = Indicador("Solicitudes atendidas", "atendidas", "recibidas", "%")
    assert i.formula == "(atendidas) / (recibidas)"
    with pytest.raises(TipoInvalido):
        Indicador(None)  # type: ignore[arg-type]


def test_reporte_y_ejecucion_de() -> None:
    t = Trimestre(2025, 1)
    pct = _meta(unidad="%", programacion=Programacion("constante", 100, [100] * 4))
    # 45/50 = 0.9 -> ×100 en una meta en % = 90
    assert ejecucion_de(Reporte(trimestre=t, numerador=45, denominador=50), pct) == D(90)
    # en una meta que no es %, la razón queda como está: 45/50 = 0.9
    assert ejecucion_de(Reporte(trimestre=t, numerador=45, denominador=50), _meta()) == D("0.9")
    assert ejecucion_de(Reporte(trimestre=t, ejecucion=7, numerador=1, denominador=2), pct) == 7
    assert ejecucion_de(Reporte(trimestre=t, numerador=1, denominador=0), pct) is None
    assert ejecucion_de(Reporte(trimestre=t), pct) is None
    r = Reporte(trimestre=t, avance_reportado="-0.5", evidencias=["a.pdf", "b.pdf"])
    assert r.avance_reportado == D("-0.5")
    assert r.evidencias == ("a.pdf", "b.pdf")


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"trimestre": "2025-T1"}, TipoInvalido),
        ({"ejecucion": -1}, ErrorNumero),
        ({"denominador": "x"}, ErrorNumero),
        ({"fecha_envio": datetime.datetime(2025, 4, 1, 8, 0)}, TipoInvalido),
        ({"fecha_envio": "2025-04-01"}, TipoInvalido),
        ({"ejecucion_acumulada_reportada": -2}, ErrorNumero),
        ({"analisis": None}, TipoInvalido),
    ],
)
def test_reporte_rechazos(kwargs: dict[str, object], error: type) -> None:
    base: dict[str, object] = {"trimestre": Trimestre(2025, 1)}
    base.update(kwargs)
    with pytest.raises(error):
        Reporte(**base)  # type: ignore[arg-type]


def test_es_porcentual() -> None:
    assert es_porcentual("%")
    assert es_porcentual("Porcentaje (%)")
    assert es_porcentual("por ciento")
    assert not es_porcentual(None)
    assert not es_porcentual("")
    assert not es_porcentual("acciones")


# --- PlanDeGestion ----------------------------------------------------------------------------


def test_plan_ejemplo_consultas() -> None:
    plan = plan_ejemplo()
    assert plan.meta("M5").programacion.tipo is TipoProgramacion.SUMA
    assert plan.ejecuciones("M5") == (None, D(4), D(6), D(8))
    assert plan.trimestres_reportados("M5") == frozenset({2, 3, 4})
    assert [r.trimestre.numero for r in plan.reportes_de("M1")] == [1, 2, 3, 4]
    assert plan.modificaciones_de("M1") == ()
    with pytest.raises(ErrorModelo) as info:
        plan.meta("X9")
    assert info.value.codigo == "META_DESCONOCIDA"


def _plan(
    metas: tuple[Meta, ...], reportes: tuple[Reporte, ...] = (), **kw: object
) -> PlanDeGestion:
    return PlanDeGestion(
        vigencia=2025, unidad="Proceso X", nivel="central", metas=metas, reportes=reportes, **kw
    )  # type: ignore[arg-type]


def test_plan_rechazos() -> None:
    m = _meta()
    with pytest.raises(ErrorModelo) as info:
        _plan((m,), (Reporte(trimestre=Trimestre(2024, 4), codigo_meta="M1"),))
    assert info.value.codigo == "REPORTE_FUERA_DE_VIGENCIA"
    with pytest.raises(ErrorModelo) as info:
        _plan((m,), (Reporte(trimestre=Trimestre(2025, 1), codigo_meta="M2"),))
    assert info.value.codigo == "REPORTE_SIN_META"
    with pytest.raises(ErrorModelo, match="repetido"):
        _plan((m, m), (Reporte(trimestre=Trimestre(2025, 1), codigo_meta="M1"),))
    r = Reporte(trimestre=Trimestre(2025, 1), codigo_meta="M1")
    with pytest.raises(ErrorModelo) as info:
        _plan((m,), (r, r))
    assert info.value.codigo == "REPORTE_DUPLICADO"
    with pytest.raises(TipoInvalido):
        _plan(("M1",))  # type: ignore[arg-type]
    with pytest.raises(TipoInvalido):
        _plan((m,), ("r",))  # type: ignore[arg-type]
    registro = RegistroModificacion(
        codigo_meta="M7",
        fecha_solicitud=FECHA,
        fecha_aprobacion=FECHA,
        efecto=Efecto.MODIFICAR,
    )
    with pytest.raises(ErrorModelo) as info:
        _plan((m,), modificaciones=(registro,))
    assert info.value.codigo == "MODIFICACION_SIN_META"
    with pytest.raises(TipoInvalido):
        _plan((m,), modificaciones=("x",))


def test_plan_con_codigos_repetidos_se_construye() -> None:
    # FOR-08 lo diagnostica; el plan se puede construir para poder verificarlo
    assert len(_plan((_meta(), _meta())).metas) == 2


def test_registro_modificacion_rechazos() -> None:
    with pytest.raises(TipoInvalido):
        RegistroModificacion(
            codigo_meta="M1",
            fecha_solicitud=FECHA,
            fecha_aprobacion=FECHA,
            efecto="modificar",  # type: ignore[arg-type]
        )
    with pytest.raises(TipoInvalido):
        RegistroModificacion(
            codigo_meta="M1",
            fecha_solicitud=datetime.datetime(2025, 1, 1),
            fecha_aprobacion=FECHA,
            efecto=Efecto.ELIMINAR,
        )


@pytest.mark.parametrize("campo", ["proceso_lider", "dependencia_orientadora",
                                   "objetivo_estrategico"])
def test_texto_opcional_en_blanco_es_sin_dato(campo: str) -> None:
    """Un texto opcional vacío o de solo espacios es ``None`` («sin dato», como una celda vacía
    de CSV o de Excel); uno con contenido queda tal cual, con sus espacios; lo que no es texto
    sigue siendo un error de tipo que nombra el campo."""
    for blanco in ("", " ", "\t\n "):
        assert getattr(_meta(**{campo: blanco}), campo) is None
    assert getattr(_meta(**{campo: " SGL "}), campo) == " SGL "
    assert getattr(_meta(**{campo: None}), campo) is None
    assert _meta(**{campo: ""}) == _meta()
    with pytest.raises(TipoInvalido) as error:
        _meta(**{campo: 5})
    assert error.value.campo == campo
    assert error.value.valor == 5


# --- issue 13: la API bajo argumentos hostiles ------------------------------------------------


def test_funciones_del_modelo_con_tipos_hostiles() -> None:
    """Antes: ``es_porcentual(3)`` y ``ejecucion_de("x", meta)`` eran ``AttributeError``,
    ``ejecuciones_de(meta, 3)`` un ``TypeError`` y ``Meta(entregables=None)`` otro."""
    from sdg_metas import TipoInvalido, ejecucion_de, es_porcentual
    from sdg_metas.ejemplos import plan_ejemplo
    from sdg_metas.modelo import ejecuciones_de

    meta = plan_ejemplo().metas[0]
    casos = [
        (lambda: es_porcentual(3), "unidad: 3 debe ser un texto (o quedar vacío)"),
        (lambda: ejecucion_de("x", meta), "reporte: 'x' debe ser un Reporte"),
        (lambda: ejecucion_de(plan_ejemplo().reportes[0], None), "meta: vacío debe ser una Meta"),
        (lambda: ejecuciones_de(meta, 3), "reportes: 3 debe ser una secuencia de Reporte"),
        (lambda: attrs.evolve(meta, entregables=None),
         "textos: vacío debe ser un texto o una colección de textos"),
    ]
    for llamar, mensaje in casos:
        with pytest.raises(TipoInvalido) as error:
            llamar()
        assert str(error.value) == mensaje
    assert es_porcentual(None) is False
    assert es_porcentual("") is False


def test_programacion_con_un_iterador_infinito() -> None:
    """Antes ``Programacion("suma", 4, itertools.count())`` leía sin fin hasta agotar la
    memoria; ahora se deja de leer a los 2 000 000 de valores."""
    import itertools

    from sdg_metas import ErrorSdgMetas

    with pytest.raises(ErrorSdgMetas) as error:
        Programacion("suma", 4, itertools.count())
    assert error.value.codigo == "DEMASIADOS_ELEMENTOS"
    assert str(error.value) == "trimestres: trae más de 2000000 elementos (¿un iterador infinito?)"


def test_problemas_del_plan_valida_sus_argumentos() -> None:
    """Antes ``problemas_del_plan(Decimal("sNaN"), …)`` era un ``InvalidOperation`` y
    ``problemas_del_plan(2025, [3], [])`` un ``AttributeError``."""
    from decimal import Decimal

    from sdg_metas import TipoInvalido, problemas_del_plan

    casos = [
        (lambda: problemas_del_plan(Decimal("sNaN"), [], []),
         "vigencia: sNaN debe ser un año (int)"),
        (lambda: problemas_del_plan(2025, [3], []), "metas[0]: 3 debe ser una Meta"),
        (lambda: problemas_del_plan(2025, [], [None]), "reportes[0]: vacío debe ser un Reporte"),
        (lambda: problemas_del_plan(2025, [], [], nivel="local"),
         "nivel: 'local' debe ser un Nivel (o quedar vacío)"),
    ]
    for llamar, mensaje in casos:
        with pytest.raises(TipoInvalido) as error:
            llamar()
        assert str(error.value) == mensaje
