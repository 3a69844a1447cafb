"""Lo que la prueba de mutación de ``modelo`` encontró sin prueba (docs/mutacion.md).

Cada error del modelo es parte de su contrato: su ``codigo``, el ``campo`` y el mensaje que
nombra el campo y el valor recibido. Aquí se comprueban exactos, trabajados a mano desde el
código de cada validador y conversor (los textos de ``a_decimal``, ``de_tipo``, ``tupla_de`` y
``tupla_acotada`` están en sus docstrings), junto con la memoria de los tipos de programación y
el nivel que una meta toma de su plan.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

from sdg_metas import (
    Efecto,
    ErrorModelo,
    ErrorNumero,
    ErrorProgramacion,
    ErrorSdgMetas,
    Nivel,
    PlanDeGestion,
    Programacion,
    RegistroModificacion,
    ReportadoPor,
    Reporte,
    TipoInvalido,
    TipoProgramacion,
    Trimestre,
    ejecucion_de,
    modelo,
)
from sdg_metas.modelo import ejecuciones_de
from test_modelo import _meta  # la meta base de las pruebas del modelo

D = Decimal
T1 = Trimestre(2025, 1)
FECHA = datetime.date(2025, 4, 10)


def _plan(**kwargs: object) -> PlanDeGestion:
    base: dict[str, object] = {
        "vigencia": 2025, "unidad": "Proceso X", "nivel": "central", "metas": (_meta(),),
    }
    base.update(kwargs)
    return PlanDeGestion(**base)  # type: ignore[arg-type]


def _error(llamar: Any, clase: type[ErrorSdgMetas] = ErrorSdgMetas) -> ErrorSdgMetas:
    with pytest.raises(clase) as info:
        llamar()
    return info.value


def _exacto(error: ErrorSdgMetas, mensaje: str, codigo: str, campo: str, valor: object) -> None:
    assert (str(error), error.codigo, error.campo) == (mensaje, codigo, campo)
    assert error.valor == valor
    assert type(error.valor) is type(valor)


NEGATIVO = "es negativo; debe ser mayor o igual que 0"


# --- código de una meta o de un registro ------------------------------------------------------


def test_codigo_vacio_nombra_el_campo_y_el_valor() -> None:
    """Un código en blanco no identifica la meta: ``CODIGO_VACIO`` en el campo que lo trae."""
    _exacto(_error(lambda: _meta(codigo="  "), ErrorModelo),
            "codigo: el código no puede estar vacío", "CODIGO_VACIO", "codigo", "  ")
    registro = _error(lambda: RegistroModificacion(
        codigo_meta="", fecha_solicitud=FECHA, fecha_aprobacion=FECHA, efecto=Efecto.MODIFICAR,
    ), ErrorModelo)
    _exacto(registro, "codigo_meta: el código no puede estar vacío", "CODIGO_VACIO",
            "codigo_meta", "")


def test_codigo_que_no_es_texto_muestra_el_valor() -> None:
    _exacto(_error(lambda: _meta(codigo=7), TipoInvalido),
            "codigo: 7 debe ser un texto", "TIPO_INVALIDO", "codigo", 7)


# --- los conversores numéricos nombran su campo -----------------------------------------------


@pytest.mark.parametrize(
    "campo", ["ejecucion", "numerador", "denominador", "ejecucion_acumulada_reportada"]
)
def test_cifras_del_reporte_que_no_admiten_negativos(campo: str) -> None:
    error = _error(lambda: Reporte(trimestre=T1, **{campo: -1}), ErrorNumero)  # type: ignore[arg-type]
    _exacto(error, f"{campo}: -1 {NEGATIVO}", "NUMERO_INVALIDO", campo, -1)


@pytest.mark.parametrize("campo", ["avance_reportado", "avance_acumulado_reportado"])
def test_avances_admiten_negativos_y_nombran_su_campo(campo: str) -> None:
    """Los avances son fracciones que pueden ser negativas (una meta decreciente que empeora)."""
    assert getattr(Reporte(trimestre=T1, **{campo: "-0.25"}), campo) == D("-0.25")  # type: ignore[arg-type]
    error = _error(lambda: Reporte(trimestre=T1, **{campo: "x"}), ErrorNumero)  # type: ignore[arg-type]
    _exacto(error, f"{campo}: 'x' no es un número", "NUMERO_INVALIDO", campo, "x")


def test_linea_base_y_peso_nombran_su_campo() -> None:
    error = _error(lambda: Programacion("suma", 10, [1, 2, 3, 4], linea_base="x"), ErrorNumero)
    _exacto(error, "linea_base: 'x' no es un número", "NUMERO_INVALIDO", "linea_base", "x")
    _exacto(_error(lambda: _meta(peso="-1"), ErrorNumero),
            f"peso: -1 {NEGATIVO}", "NUMERO_INVALIDO", "peso", "-1")


def test_peso_sobre_100() -> None:
    """El peso es el porcentaje de la meta en el plan: 100 cabe, 100.5 no."""
    assert _meta(peso="100").peso == D(100)
    _exacto(_error(lambda: _meta(peso="100.5"), ErrorModelo),
            "peso: 100.5 supera 100; el peso de una meta es un porcentaje del plan",
            "PESO_INVALIDO", "peso", "100.5")


# --- los cuatro valores trimestrales ----------------------------------------------------------


def test_trimestres_que_no_son_una_secuencia() -> None:
    _exacto(_error(lambda: Programacion("suma", 10, 4), TipoInvalido),  # type: ignore[arg-type]
            "trimestres: 4 debe ser una secuencia de cuatro valores (T1..T4)",
            "TIPO_INVALIDO", "trimestres", 4)


def test_trimestres_que_no_son_cuatro() -> None:
    valores = [1, 2, 3]
    error = _error(lambda: Programacion("suma", 10, valores), ErrorProgramacion)
    _exacto(error, "trimestres: se esperan exactamente 4 valores (T1..T4) y se recibieron 3",
            "TRIMESTRES_INVALIDOS", "trimestres", valores)
    assert error.valor is valores


def test_cada_trimestre_nombra_su_posicion() -> None:
    assert Programacion("suma", 10, [1, 2, 3, "4.5"]).trimestres == (D(1), D(2), D(3), D("4.5"))
    casos = {
        "T1": (["x", 2, 3, 4], "'x' no es un número", "x"),
        "T3": ([1, 2, -1, 4], f"-1 {NEGATIVO}", -1),
        "T4": ([1, 2, 3, "x"], "'x' no es un número", "x"),
    }
    for posicion, (valores, texto, valor) in casos.items():
        error = _error(lambda v=valores: Programacion("suma", 10, v), ErrorNumero)
        campo = f"trimestres[{posicion}]"
        _exacto(error, f"{campo}: {texto}", "NUMERO_INVALIDO", campo, valor)


# --- tipo, nivel y quién reporta, desde texto ---------------------------------------------------


def test_la_memoria_de_tipos_recuerda_cada_texto_una_vez(monkeypatch: pytest.MonkeyPatch) -> None:
    """Política 9, viñeta 2: «tipo de programación (creciente, constante, suma, decreciente)».
    Un texto de tipo ya reconocido no se vuelve a leer: la memoria lo guarda con su miembro."""
    vistos: dict[str, TipoProgramacion] = {}
    monkeypatch.setattr(modelo, "_TIPOS_VISTOS", vistos)
    leidos: list[object] = []
    original = TipoProgramacion.desde_texto

    def contar(texto: object) -> TipoProgramacion:
        leidos.append(texto)
        return original(texto)

    monkeypatch.setattr(TipoProgramacion, "desde_texto", contar)
    for _ in range(3):
        assert Programacion("Suma", 10, [1, 2, 3, 4]).tipo is TipoProgramacion.SUMA
    assert leidos == ["Suma"]
    assert vistos == {"Suma": TipoProgramacion.SUMA}


def test_la_memoria_de_tipos_no_pasa_de_256(monkeypatch: pytest.MonkeyPatch) -> None:
    """300 textos distintos del mismo tipo (``"suma"`` con 0..299 espacios delante): la memoria
    guarda los 256 primeros y los demás se leen cada vez, con el mismo resultado."""
    vistos: dict[str, TipoProgramacion] = {}
    monkeypatch.setattr(modelo, "_TIPOS_VISTOS", vistos)
    for k in range(300):
        assert Programacion(" " * k + "suma", 10, [1, 2, 3, 4]).tipo is TipoProgramacion.SUMA
    assert len(vistos) == 256
    assert " " * 255 + "suma" in vistos
    assert " " * 256 + "suma" not in vistos


def test_tipo_que_no_es_texto() -> None:
    """Una lista no se busca en la memoria (no se puede): es un ``TipoInvalido`` del campo."""
    error = _error(lambda: Programacion(["suma"], 10, [1, 2, 3, 4]), TipoInvalido)  # type: ignore[arg-type]
    assert (error.codigo, error.campo, error.valor) == ("TIPO_INVALIDO", "tipo", ["suma"])


def test_nivel_del_plan_desde_texto() -> None:
    assert _plan(nivel="Central").nivel is Nivel.CENTRAL
    assert _plan(nivel=Nivel.LOCAL, metas=()).nivel is Nivel.LOCAL
    _exacto(_error(lambda: _plan(nivel="regional"), ErrorModelo),
            "nivel: 'regional' no es un valor válido; valores válidos: central, local",
            "NIVEL_DESCONOCIDO", "nivel", "regional")


def test_reportado_por_desde_texto() -> None:
    """Política de operación 8: «En las metas locales y las metas transversales cuyo
    responsable de reporte corresponde a un área del nivel central, esta deberá remitir la
    información a la Oficina Asesora de Planeación». «Área central» es ese responsable."""
    r = Reporte(trimestre=T1, reportado_por="Área central")  # type: ignore[arg-type]
    assert r.reportado_por is ReportadoPor.AREA_CENTRAL
    assert Reporte(trimestre=T1, reportado_por="unidad").reportado_por is ReportadoPor.UNIDAD  # type: ignore[arg-type]


# --- ejecución de un reporte --------------------------------------------------------------------


def test_ejecucion_sin_numerador_o_sin_denominador_es_none() -> None:
    """Política de operación 8: el área remite «el numerador, denominador, resultado del
    indicador»; sin numerador o sin denominador no hay razón que calcular (REP-01 lo señala)."""
    meta = _meta()
    assert ejecucion_de(Reporte(trimestre=T1, denominador=5), meta) is None
    assert ejecucion_de(Reporte(trimestre=T1, numerador=3), meta) is None


def test_ejecucion_se_divide_con_50_cifras() -> None:
    """1/3 en el contexto de la biblioteca (``numeros.CONTEXTO``, 50 cifras significativas), no
    en el del llamador: 0, seguido de cincuenta 3."""
    r = Reporte(trimestre=T1, numerador=1, denominador=3)
    assert ejecucion_de(r, _meta()) == D("0." + "3" * 50)


def test_ejecuciones_de_rechaza_lo_que_no_es_reporte() -> None:
    _exacto(_error(lambda: ejecuciones_de(_meta(), [3]), TipoInvalido),
            "reportes[0]: 3 debe ser un Reporte", "TIPO_INVALIDO", "reportes[0]", 3)


# --- el plan ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("campo", "valor", "mensaje"),
    [
        ("metas", ("M1",), "metas[0]: 'M1' debe ser una Meta"),
        ("reportes", ("r",), "reportes[0]: 'r' debe ser un Reporte"),
        ("modificaciones", ("x",), "modificaciones[0]: 'x' debe ser un RegistroModificacion"),
    ],
)
def test_colecciones_del_plan_con_elementos_ajenos(campo: str, valor: object, mensaje: str) -> None:
    _exacto(_error(lambda: _plan(**{campo: valor}), TipoInvalido),
            mensaje, "TIPO_INVALIDO", f"{campo}[0]", valor[0])  # type: ignore[index]


def test_una_meta_sin_nivel_toma_el_de_su_plan() -> None:
    """Issue 11, punto 4: una meta sin nivel es del nivel de su plan; una que ya lo trae queda
    tal cual (el mismo objeto), y una que contradice al plan es un error."""
    sin_nivel = _meta(codigo="M1")
    con_nivel = _meta(codigo="M2", nivel="local")
    plan = _plan(nivel="local", metas=(sin_nivel, con_nivel))
    assert [m.nivel for m in plan.metas] == [Nivel.LOCAL, Nivel.LOCAL]
    assert plan.metas[1] is con_nivel
    solo_sin_nivel = _plan(nivel="central", metas=(sin_nivel, _meta(codigo="M3")))
    assert [m.nivel for m in solo_sin_nivel.metas] == [Nivel.CENTRAL, Nivel.CENTRAL]
    error = _error(lambda: _plan(nivel="central", metas=(con_nivel,)), ErrorModelo)
    _exacto(error, "metas[0].nivel: la meta 'M2' es del nivel local y el plan del nivel "
            "central; una meta es del nivel de su plan", "NIVEL_CONTRADICTORIO",
            "metas[0].nivel", "local")


def test_meta_desconocida() -> None:
    plan = _plan()
    _exacto(_error(lambda: plan.meta("X9"), ErrorModelo),
            "codigo: 'X9' no es una meta del plan Proceso X 2025", "META_DESCONOCIDA",
            "codigo", "X9")


def test_consultas_con_un_codigo_que_no_es_texto() -> None:
    """Una lista no se busca en el índice (no se puede): no es el código de ninguna meta."""
    plan = _plan()
    assert plan.reportes_de(["M1"]) == ()  # type: ignore[arg-type]
    error = _error(lambda: plan.meta(["M1"]), ErrorModelo)  # type: ignore[arg-type]
    assert (error.codigo, error.campo, error.valor) == ("META_DESCONOCIDA", "codigo", ["M1"])


def test_modificaciones_de_una_meta() -> None:
    def registro(codigo: str) -> RegistroModificacion:
        return RegistroModificacion(codigo_meta=codigo, fecha_solicitud=FECHA,
                                    fecha_aprobacion=FECHA, efecto=Efecto.MODIFICAR)

    r1, r2 = registro("M1"), registro("M2")
    plan = _plan(metas=(_meta(codigo="M1"), _meta(codigo="M2")), modificaciones=(r1, r2))
    assert plan.modificaciones_de("M1") == (r1,)
    assert plan.modificaciones_de("M2") == (r2,)
