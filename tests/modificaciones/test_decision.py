"""`Motivo`, `Decision` y `comparar_metas`: la decisión de elegibilidad y lo que cambia."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest

from sdg_metas.errores import ErrorSdgMetas, TipoInvalido
from sdg_metas.modelo import (
    Indicador,
    Programacion,
)
from sdg_metas.modificaciones import (
    Cambios,
    Decision,
    Efecto,
    Elegibilidad,
    Medio,
    Motivo,
    Rol,
    comparar_metas,
    evaluar_solicitud,
)
from sdg_metas.reglas import REGLAS

from .ayudas import (
    meta_central,
    reprogramar,
    solicitud,
)


def test_motivo_y_decision() -> None:
    motivo = Motivo("MOD-04", False, "fuera de plazo")
    assert motivo.fuente == REGLAS["MOD-04"].fuente
    assert motivo.enunciado == REGLAS["MOD-04"].enunciado
    with pytest.raises(ErrorSdgMetas) as error:
        Motivo("MOD-99", True, "x")
    assert error.value.codigo == "REGLA_DESCONOCIDA"
    for argumentos, campo in [
        (("MOD-01", "sí", "x"), "cumple"),
        ((1, True, "x"), "regla"),
        (("MOD-01", True, 3), "mensaje"),
    ]:
        with pytest.raises(TipoInvalido) as tipo:
            Motivo(*argumentos)
        assert tipo.value.campo == campo
    decision = Decision(Elegibilidad.ELEGIBLE, Efecto.MODIFICAR, Cambios(), (motivo,))
    # issue 14: «messages never show … enum member names — the Spanish name of the thing».
    assert decision.explicar().splitlines()[0] == "Solicitud sobre la meta (sin código): elegible"
    with pytest.raises(TipoInvalido):
        evaluar_solicitud("solicitud")  # type: ignore[arg-type]
    with pytest.raises(TipoInvalido):
        evaluar_solicitud(solicitud(), politica="v8")  # type: ignore[arg-type]


def test_explicar() -> None:
    decision = evaluar_solicitud(solicitud(medio=Medio.OTRO, destinatario=Rol.OTRO))
    texto = decision.explicar()
    lineas = texto.splitlines()
    # issue 14: «messages never show `None`, Python reprs or enum member names — the Spanish
    # name of the thing»: elegibilidad, efecto, medio y roles en español.
    assert lineas[:3] == [
        "Solicitud sobre la meta M1: no elegible",
        "Efecto solicitado: modificar",
        "Cambios: programación de T3, T4",
    ]
    assert len(lineas) == 3 + 12
    assert lineas[4] == (
        "- MOD-02 (no cumple): medio: otro medio; debe ser memorando o correo electrónico; "
        "destinatario: otro; debe dirigirse al Jefe de la OAP "
        "[PLE-PIN-P005 v8, Política de operación 9, viñeta 1]"
    )
    assert "(no aplica)" in texto


def test_comparar_metas() -> None:
    meta = meta_central()
    otra = attrs.evolve(
        meta,
        descripcion="Atender todas las solicitudes",
        programacion=Programacion("constante", 100, [100, 100, 100, 100], linea_base=5),
        indicador=Indicador("Otro"),
        entregables=["Acta"],
        unidad="%",
        objetivo_estrategico="OE2",
    )
    cambios = comparar_metas(meta, otra)
    assert (cambios.tipo, cambios.descripcion, cambios.indicador, cambios.entregables) == (
        True,
        True,
        True,
        True,
    )
    assert cambios.otros == ("unidad", "objetivo_estrategico", "linea_base")
    assert cambios.magnitud_anterior == cambios.magnitud_nueva == Decimal(100)
    assert not cambios.aumenta_magnitud
    assert not cambios.solo_aumento
    assert cambios.describir() == (
        "programación de T1, T2, T3, T4; tipo de programación; redacción; indicador; "
        "entregables; unidad; objetivo_estrategico; linea_base"
    )
    # Un trimestre que pasa de no programado (None) a 0 en SUMA no cambia lo programado pero sí
    # el valor: cuenta como cambio de ese trimestre.
    cero = reprogramar(meta, 100, [25, 25, 25, 25])
    assert comparar_metas(meta, cero).trimestres == frozenset()
    with pytest.raises(TipoInvalido):
        comparar_metas(meta, "M1")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("argumentos", "campo"),
    [
        (("ELEGIBLE", Efecto.MODIFICAR, Cambios(), ()), "elegibilidad"),
        ((Elegibilidad.ELEGIBLE, "modificar", Cambios(), ()), "efecto"),
        ((Elegibilidad.ELEGIBLE, Efecto.MODIFICAR, None, ()), "cambios"),
        ((Elegibilidad.ELEGIBLE, Efecto.MODIFICAR, Cambios(), 5), "motivos"),
        ((Elegibilidad.ELEGIBLE, Efecto.MODIFICAR, Cambios(), "MOD-01"), "motivos"),
        ((Elegibilidad.ELEGIBLE, Efecto.MODIFICAR, Cambios(), [1]), "motivos[0]"),
    ],
)
def test_decision_tipos(argumentos: tuple[Any, ...], campo: str) -> None:
    with pytest.raises(TipoInvalido) as error:
        Decision(*argumentos)
    assert error.value.campo == campo
