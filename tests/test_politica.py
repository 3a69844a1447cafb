"""Pruebas de la validación de :class:`~sdg_metas.Politica` bajo argumentos hostiles (issue 13).

Las interpretaciones (``INT-nn``) de cada campo se prueban en ``test_interpretaciones.py``; aquí
solo lo que un campo recibe cuando no es lo que espera.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from sdg_metas import ErrorSdgMetas, Politica
from sdg_metas.politica import AvanceAcumulado, RetrasoSegun, SentidoAumento


def test_un_conjunto_de_textos_infinito_no_cuelga() -> None:
    """Antes ``Politica(palabras_no_infinitivo=itertools.repeat("x"))`` no terminaba nunca
    (el conjunto no crece, así que ni siquiera agotaba la memoria)."""
    with pytest.raises(ErrorSdgMetas) as error:
        Politica(palabras_no_infinitivo=itertools.repeat("hogar"))
    assert error.value.codigo == "DEMASIADOS_ELEMENTOS"
    assert str(error.value) == (
        "palabras_no_infinitivo: trae más de 2000000 elementos (¿un iterador infinito?)"
    )


def test_una_tolerancia_invalida_no_muestra_un_repr() -> None:
    """El ejemplo del mensaje ya no es código de Python (``Decimal('0.01')``)."""
    with pytest.raises(ErrorSdgMetas) as error:
        Politica(tolerancia_reporte=Decimal("-1"))
    assert str(error.value) == (
        "tolerancia_reporte: -1 debe ser un Decimal finito mayor o igual que 0 (por ejemplo 0.01)"
    )
    with pytest.raises(ErrorSdgMetas) as banda:
        Politica(semaforo_verde_desde=Decimal("NaN"))
    assert "(por ejemplo 0.8)" in str(banda.value)
    assert "Decimal(" not in str(banda.value)


# --- Cada validador de Politica: código, campo, valor y mensaje exactos (mutación, fase 5) -----
#
# Los mensajes se arman a mano con la regla de ``mostrar`` (un número como se escribe, un texto
# entre comillas, una enumeración por su valor, un objeto sin forma legible por su tipo).


def _rechazo(**campos: object) -> ErrorSdgMetas:
    with pytest.raises(ErrorSdgMetas) as error:
        Politica(**campos)  # type: ignore[arg-type]
    return error.value


def _politica_invalida(error: ErrorSdgMetas, campo: str, valor: object, mensaje: str) -> None:
    assert (error.codigo, error.campo, str(error)) == ("POLITICA_INVALIDA", campo, mensaje)
    assert error.valor is valor  # el mismo objeto recibido (un NaN no es igual a sí mismo)


_TOLERANCIA = "debe ser un Decimal finito mayor o igual que 0 (por ejemplo 0.01)"


@pytest.mark.parametrize(
    ("campo", "valor", "mostrado"),
    [
        ("tolerancia_reporte", Decimal("-0.001"), "-0.001"),
        ("tolerancia_ejecucion_reporte", Decimal("Infinity"), "Infinity"),
        ("suma_pesos_plan", 100, "100"),
        ("tolerancia_reporte", 0.01, "0.01"),
    ],
)
def test_tolerancia_invalida(campo: str, valor: object, mostrado: str) -> None:
    """INT-41 e INT-48: una tolerancia o la suma de los pesos es un Decimal finito ≥ 0; un
    negativo, un infinito o un número que no es Decimal se rechazan, cada uno por sí solo."""
    mensaje = f"{campo}: {mostrado} {_TOLERANCIA}"
    _politica_invalida(_rechazo(**{campo: valor}), campo, valor, mensaje)


def test_tolerancia_cero_es_valida() -> None:
    """INT-41: tolerancia 0 exige igualdad exacta; el límite (0) es admisible."""
    politica = Politica(tolerancia_reporte=Decimal(0), tolerancia_ejecucion_reporte=Decimal(0),
                        suma_pesos_plan=Decimal("0.5"))
    assert (politica.tolerancia_reporte, politica.suma_pesos_plan) == (0, Decimal("0.5"))


@pytest.mark.parametrize(
    ("campo", "valor", "mostrado"),
    [("exigir_fecha_envio", 1, "1"), ("calificacion_ponderada", None, "vacío"),
     ("anticipado_incluye_cierre", "no", "'no'")],
)
def test_booleano_invalido(campo: str, valor: object, mostrado: str) -> None:
    """INT-10, INT-44, INT-57: un interruptor es True o False; ni 1 ni un texto ni vacío."""
    _politica_invalida(
        _rechazo(**{campo: valor}), campo, valor, f"{campo}: {mostrado} debe ser True o False"
    )


def test_booleanos_admiten_true_y_false() -> None:
    politica = Politica(exigir_fecha_envio=False, calificacion_ponderada=False)
    assert (politica.exigir_fecha_envio, politica.calificacion_ponderada) == (False, False)


_CONJUNTO = "debe ser un conjunto de textos (por ejemplo frozenset({'hogar'}))"


@pytest.mark.parametrize(
    ("campo", "valor", "mostrado"),
    [
        ("palabras_no_infinitivo", "hogar", "'hogar'"),
        ("vocabulario_causas", 5, "5"),
        ("textos_sin_analisis", None, "vacío"),
    ],
)
def test_conjunto_de_textos_que_no_es_un_conjunto(campo: str, valor: object, mostrado: str) -> None:
    """INT-40 e INT-46: un texto suelto no es un conjunto de textos (sería un conjunto de
    letras), ni un número, ni vacío."""
    _politica_invalida(_rechazo(**{campo: valor}), campo, valor, f"{campo}: {mostrado} {_CONJUNTO}")


def test_conjunto_de_bytes_no_es_un_conjunto() -> None:
    error = _rechazo(vocabulario_causas=b"demora")
    _politica_invalida(error, "vocabulario_causas", b"demora",
                       f"vocabulario_causas: b'demora' {_CONJUNTO}")


def test_conjunto_con_iter_anulado() -> None:
    """Una clase con ``__iter__ = None`` declara que no es iterable aunque tenga el atributo:
    el error es el de un iterable inadmisible, con la descripción de Politica."""
    from sdg_metas import TipoInvalido

    class NoIterable:
        __iter__ = None

    valor = NoIterable()
    with pytest.raises(TipoInvalido) as error:
        Politica(textos_sin_analisis=valor)  # type: ignore[arg-type]
    assert (error.value.campo, error.value.valor) == ("textos_sin_analisis", valor)
    assert str(error.value) == (
        "textos_sin_analisis: un valor de tipo NoIterable debe ser un conjunto de textos"
    )


@pytest.mark.parametrize(
    ("campo", "elementos", "malo", "mostrado"),
    [
        ("palabras_no_infinitivo", ["hogar", 3], 3, "3"),
        ("vocabulario_causas", ("demora", "   "), "   ", "'   '"),
        ("textos_sin_analisis", ["", "n/a"], "", "''"),
        ("palabras_no_infinitivo", [None], None, "vacío"),
    ],
)
def test_elemento_que_no_es_un_texto_no_vacio(
    campo: str, elementos: object, malo: object, mostrado: str
) -> None:
    """INT-40 e INT-46: cada elemento es un texto con algo más que espacios."""
    mensaje = f"{campo}: {mostrado} debe ser un texto no vacío"
    _politica_invalida(_rechazo(**{campo: elementos}), campo, malo, mensaje)


def test_conjuntos_en_minusculas_y_sin_tildes() -> None:
    """INT-40 e INT-46: se comparan en minúsculas, sin tildes y sin espacios en los extremos;
    cualquier iterable finito de textos sirve y el resultado es un frozenset."""
    politica = Politica(
        palabras_no_infinitivo=["  Hogar ", "TALLER", "hogar"],
        vocabulario_causas=iter(("Suspensión", "DEMORA")),
        textos_sin_analisis=("No Aplica",),
    )
    assert politica.palabras_no_infinitivo == frozenset({"hogar", "taller"})
    assert politica.vocabulario_causas == frozenset({"suspension", "demora"})
    assert politica.textos_sin_analisis == frozenset({"no aplica"})
    assert type(politica.palabras_no_infinitivo) is frozenset


_ENTERO = "debe ser un entero mayor o igual que 0"


@pytest.mark.parametrize(
    ("campo", "valor", "mostrado"),
    [
        ("dias_plazo_reporte", -1, "-1"),
        ("dias_plazo_reporte", True, "True"),
        ("dias_plazo_reporte", 15.0, "15.0"),
        ("decimales_ranking", -1, "-1"),
        ("decimales_ranking", Decimal(2), "2"),
    ],
)
def test_entero_no_negativo_invalido(campo: str, valor: object, mostrado: str) -> None:
    """Actividad 9, Nota 2 («15 días calendario») e INT-53: días y decimales son enteros ≥ 0; un
    booleano no es un entero aquí."""
    _politica_invalida(_rechazo(**{campo: valor}), campo, valor, f"{campo}: {mostrado} {_ENTERO}")


def test_entero_cero_y_decimales_vacios_son_validos() -> None:
    """El límite 0 es admisible; ``decimales_ranking=None`` compara el valor exacto (INT-53)."""
    politica = Politica(dias_plazo_reporte=0, decimales_ranking=None)
    assert (politica.dias_plazo_reporte, politica.decimales_ranking) == (0, None)
    assert Politica(decimales_ranking=0).decimales_ranking == 0


_FRACCION = "debe ser un Decimal finito (por ejemplo 0.8)"


@pytest.mark.parametrize(
    ("campo", "valor", "mostrado"),
    [
        ("cumplimiento_minimo", 0.5, "0.5"),
        ("cumplimiento_maximo", Decimal("Infinity"), "Infinity"),
        ("meta_cumplida_desde", 1, "1"),
        ("semaforo_verde_hasta", Decimal("NaN"), "NaN"),
    ],
)
def test_fraccion_invalida(campo: str, valor: object, mostrado: str) -> None:
    """INT-50, INT-54, INT-56: cotas y bandas son Decimal finitos."""
    _politica_invalida(_rechazo(**{campo: valor}), campo, valor, f"{campo}: {mostrado} {_FRACCION}")


def test_fraccion_negativa_es_valida() -> None:
    """INT-50: una cota inferior negativa es finita y admisible (no es una tolerancia)."""
    assert Politica(cumplimiento_minimo=Decimal("-0.5")).cumplimiento_minimo == Decimal("-0.5")


@pytest.mark.parametrize(
    ("campo", "valor", "mostrado", "clase"),
    [
        ("sentido_aumento", "ambicion", "'ambicion'", "SentidoAumento"),
        ("retraso_segun", AvanceAcumulado.CUMPLIMIENTO, "'cumplimiento'", "RetrasoSegun"),
        ("avance_acumulado_reporte", None, "vacío", "AvanceAcumulado"),
        ("meta_sin_reporte", "cero", "'cero'", "TratamientoSinCumplimiento"),
        ("calificacion_anual", 4, "4", "CalificacionAnual"),
    ],
)
def test_miembro_de_otra_clase(campo: str, valor: object, mostrado: str, clase: str) -> None:
    """INT-27, 42, 47, 51, 55: cada elección es un miembro de su enumeración (el mensaje nombra
    la clase, no el texto de su valor)."""
    _politica_invalida(
        _rechazo(**{campo: valor}), campo, valor, f"{campo}: {mostrado} debe ser un {clase}"
    )


def test_miembros_validos() -> None:
    politica = Politica(sentido_aumento=SentidoAumento.NUMERICO,
                        retraso_segun=RetrasoSegun.ACUMULADO)
    assert (politica.sentido_aumento, politica.retraso_segun) == (
        SentidoAumento.NUMERICO, RetrasoSegun.ACUMULADO)


@pytest.mark.parametrize(
    ("campo", "valor", "mensaje"),
    [
        ("cumplimiento_minimo", Decimal("1.5"),
         "cumplimiento_minimo: 1.5 no puede ser mayor que cumplimiento_maximo (1)"),
        ("semaforo_amarillo_desde", Decimal("0.9"),
         "semaforo_amarillo_desde: 0.9 no puede ser mayor que semaforo_verde_desde (0.8)"),
        ("semaforo_verde_desde", Decimal("1.2"),
         "semaforo_verde_desde: 1.2 no puede ser mayor que semaforo_verde_hasta (1)"),
    ],
)
def test_orden_de_cotas_y_bandas(campo: str, valor: Decimal, mensaje: str) -> None:
    """INT-50 e INT-54: mínimo ≤ máximo y amarillo ≤ verde desde ≤ verde hasta (con las demás
    cotas por defecto: máximo 1, verde desde 0.8, verde hasta 1)."""
    _politica_invalida(_rechazo(**{campo: valor}), campo, valor, mensaje)


def test_cotas_y_bandas_iguales_son_validas() -> None:
    """INT-54: bandas de ancho 0 son admisibles (el orden es ≤, no <)."""
    politica = Politica(
        cumplimiento_minimo=Decimal(1), semaforo_amarillo_desde=Decimal("0.8"),
        semaforo_verde_desde=Decimal(1),
    )
    assert (politica.cumplimiento_minimo, politica.semaforo_verde_desde) == (1, 1)


_LIMITE = ("debe ser una tupla (mes, día) de una fecha válida de un año no bisiesto, "
           "por ejemplo (6, 30)")


@pytest.mark.parametrize(
    ("valor", "mostrado"),
    [
        ((2, 29), "(2, 29)"),
        ((6, 31), "(6, 31)"),
        ((13, 1), "(13, 1)"),
        ([6, 30], "[6, 30]"),
        ((6,), "(6,)"),
        ((6, 30, 1), "(6, 30, 1)"),
        ((True, 30), "(True, 30)"),
        ((6, True), "(6, True)"),
        ((6.0, 30), "(6.0, 30)"),
        ((6, "30"), "(6, '30')"),
        (None, "vacío"),
    ],
)
def test_limite_de_modificacion_invalido(valor: object, mostrado: str) -> None:
    """INT-20: el límite de MOD-04 es (mes, día) de una fecha de cualquier año; el 29 de
    febrero no existe todos los años, así que no se admite."""
    campo = "limite_solicitud_modificacion"
    _politica_invalida(_rechazo(**{campo: valor}), campo, valor, f"{campo}: {mostrado} {_LIMITE}")


@pytest.mark.parametrize("valor", [(1, 1), (12, 31), (2, 28), (6, 30)])
def test_limite_de_modificacion_valido(valor: tuple[int, int]) -> None:
    assert Politica(limite_solicitud_modificacion=valor).limite_solicitud_modificacion == valor
