"""Las invariantes de un plan (:func:`~sdg_metas.problemas_del_plan`): cada problema con su
código, su campo, su valor y su mensaje exactos, en orden (mutación, fase 5).

Los casos se arman a mano con lo que el procedimiento pide de un plan: un reporte por meta y
trimestre de la vigencia del plan (Actividad 9, Nota 2: se reporta cada trimestre), de una meta
formulada en él; una modificación (Política de operación 9) de una meta del plan; y una meta del
nivel de su plan (un proceso del nivel central o una Alcaldía Local). Los mensajes siguen la
regla de ``mostrar``: un texto entre comillas; un trimestre se escribe ``2025-T1``.
"""

from __future__ import annotations

import datetime

import pytest

from sdg_metas import (
    Efecto,
    ErrorModelo,
    Meta,
    Nivel,
    Programacion,
    RegistroModificacion,
    Reporte,
    TipoInvalido,
    Trimestre,
    problemas_del_plan,
)
from sdg_metas.invariantes import problemas_sin_validar

FECHA = datetime.date(2025, 3, 10)


def _meta(codigo: str, nivel: str | None = None) -> Meta:
    return Meta(
        codigo=codigo,
        descripcion="Atender 100 solicitudes",
        programacion=Programacion("suma", 100, [25, 25, 25, 25]),
        peso=50,
        nivel=nivel,
    )


def _reporte(codigo: str, vigencia: int, numero: int) -> Reporte:
    return Reporte(trimestre=Trimestre(vigencia, numero), codigo_meta=codigo)


def _registro(codigo: str) -> RegistroModificacion:
    return RegistroModificacion(
        codigo_meta=codigo, fecha_solicitud=FECHA, fecha_aprobacion=FECHA, efecto=Efecto.MODIFICAR
    )


def _resumen(problemas: tuple[ErrorModelo, ...]) -> list[tuple[str, str | None, object, str]]:
    assert all(type(p) is ErrorModelo for p in problemas)
    return [(p.codigo, p.campo, p.valor, str(p)) for p in problemas]


M1, M2 = _meta("M1"), _meta("M2")


def test_un_plan_sano_no_tiene_problemas() -> None:
    """Un reporte por meta y trimestre, todos de la vigencia, de metas únicas; modificaciones de
    metas del plan; metas sin nivel o del nivel del plan."""
    reportes = [_reporte("M1", 2025, 1), _reporte("M1", 2025, 2), _reporte("M2", 2025, 1),
                _reporte("M2", 2025, 2)]
    metas = [M1, _meta("M2", "central")]
    assert problemas_del_plan(2025, metas, reportes, [_registro("M2")], Nivel.CENTRAL) == ()
    assert problemas_del_plan(2025, metas, reportes) == ()
    assert problemas_del_plan(2025, [], []) == ()


def test_reporte_de_otra_vigencia() -> None:
    """Un reporte de 2024-T4 no es del plan de 2025 (y la meta sí está: un solo problema)."""
    problemas = problemas_del_plan(2025, [M1], [_reporte("M1", 2025, 1), _reporte("M1", 2024, 4)])
    assert _resumen(problemas) == [(
        "REPORTE_FUERA_DE_VIGENCIA", "reportes[1].trimestre", "2024-T4",
        "reportes[1].trimestre: 2024-T4 no es de la vigencia 2025 del plan",
    )]


def test_reporte_de_una_meta_que_no_esta() -> None:
    problemas = problemas_del_plan(2025, [M1], [_reporte("M9", 2025, 3)])
    assert _resumen(problemas) == [(
        "REPORTE_SIN_META", "reportes[0].codigo_meta", "M9",
        "reportes[0].codigo_meta: 'M9' no es una meta del plan",
    )]


def test_reporte_de_una_meta_repetida() -> None:
    """Dos metas con el mismo código (FOR-08 lo diagnostica): el reporte no sabe de cuál es."""
    problemas = problemas_del_plan(2025, [M1, M2, _meta("M1")], [_reporte("M1", 2025, 2)])
    assert _resumen(problemas) == [(
        "REPORTE_SIN_META", "reportes[0].codigo_meta", "M1",
        "reportes[0].codigo_meta: 'M1' está repetido en el plan y el reporte es ambiguo",
    )]


def test_reporte_duplicado() -> None:
    """Dos reportes de M2 para 2025-T3: el segundo es el duplicado."""
    reportes = [_reporte("M2", 2025, 3), _reporte("M1", 2025, 3), _reporte("M2", 2025, 3)]
    assert _resumen(problemas_del_plan(2025, [M1, M2], reportes)) == [(
        "REPORTE_DUPLICADO", "reportes[2]", "2025-T3",
        "reportes[2]: la meta 'M2' ya tiene un reporte para 2025-T3",
    )]


def test_reportes_repetidos_de_una_meta_que_no_esta() -> None:
    """Cada reporte de M9 es de una meta que no está; el segundo, además, repite el trimestre
    del primero (lo anotado por un reporte con problemas cuenta para los siguientes)."""
    reportes = [_reporte("M9", 2025, 1), _reporte("M9", 2025, 1)]
    assert [(p.codigo, p.campo) for p in problemas_del_plan(2025, [M1], reportes)] == [
        ("REPORTE_SIN_META", "reportes[0].codigo_meta"),
        ("REPORTE_SIN_META", "reportes[1].codigo_meta"),
        ("REPORTE_DUPLICADO", "reportes[1]"),
    ]


def test_un_reporte_con_todos_los_problemas_en_orden() -> None:
    """Dos reportes iguales de 2024-T4 de una meta repetida: el segundo tiene los tres
    problemas, en el orden vigencia, meta, duplicado."""
    reportes = [_reporte("M1", 2024, 4), _reporte("M1", 2024, 4)]
    problemas = problemas_del_plan(2025, [M1, _meta("M1")], reportes)
    assert [(p.codigo, p.campo) for p in problemas] == [
        ("REPORTE_FUERA_DE_VIGENCIA", "reportes[0].trimestre"),
        ("REPORTE_SIN_META", "reportes[0].codigo_meta"),
        ("REPORTE_FUERA_DE_VIGENCIA", "reportes[1].trimestre"),
        ("REPORTE_SIN_META", "reportes[1].codigo_meta"),
        ("REPORTE_DUPLICADO", "reportes[1]"),
    ]
    assert str(problemas[-1]) == "reportes[1]: la meta 'M1' ya tiene un reporte para 2024-T4"


def test_el_mismo_numero_de_trimestre_de_otra_vigencia_no_es_un_duplicado() -> None:
    """Error corregido (mutación, fase 5): la clave de los reportes vistos era (meta, número de
    trimestre), sin la vigencia, así que un reporte de 2024-T4 después de uno de 2025-T4 era
    también «ya tiene un reporte para 2024-T4», que es falso: tiene uno para 2025-T4. Un
    reporte de otra vigencia solo está fuera de la vigencia del plan."""
    reportes = [_reporte("M1", 2025, 4), _reporte("M1", 2024, 4)]
    assert _resumen(problemas_del_plan(2025, [M1], reportes)) == [(
        "REPORTE_FUERA_DE_VIGENCIA", "reportes[1].trimestre", "2024-T4",
        "reportes[1].trimestre: 2024-T4 no es de la vigencia 2025 del plan",
    )]
    al_reves = [_reporte("M1", 2024, 4), _reporte("M1", 2025, 4)]
    assert [p.codigo for p in problemas_del_plan(2025, [M1], al_reves)] == [
        "REPORTE_FUERA_DE_VIGENCIA"]


def test_meta_de_otro_nivel() -> None:
    """Un plan del nivel central con una meta marcada como local (la segunda)."""
    metas = [_meta("M1", "central"), _meta("M2", "local"), _meta("M3")]
    problemas = problemas_del_plan(2025, metas, [], nivel=Nivel.CENTRAL)
    assert _resumen(problemas) == [(
        "NIVEL_CONTRADICTORIO", "metas[1].nivel", "local",
        ("metas[1].nivel: la meta 'M2' es del nivel local y el plan del nivel central; una meta "
         "es del nivel de su plan"),
    )]
    assert problemas_del_plan(2025, metas, []) == ()  # sin nivel del plan no hay contradicción


def test_modificacion_de_una_meta_que_no_esta() -> None:
    problemas = problemas_del_plan(2025, [M1], [], [_registro("M1"), _registro("M7")])
    assert _resumen(problemas) == [(
        "MODIFICACION_SIN_META", "modificaciones[1].codigo_meta", "M7",
        "modificaciones[1].codigo_meta: 'M7' no es una meta del plan",
    )]


def test_todos_los_problemas_en_orden_de_metas_reportes_y_modificaciones() -> None:
    problemas = problemas_del_plan(
        2025, [_meta("M1", "local")], [_reporte("M5", 2025, 1)], [_registro("M6")], Nivel.CENTRAL
    )
    assert [p.codigo for p in problemas] == [
        "NIVEL_CONTRADICTORIO", "REPORTE_SIN_META", "MODIFICACION_SIN_META"]
    assert _resumen(problemas_sin_validar(
        2025, (_meta("M1", "local"),), (_reporte("M5", 2025, 1),), (_registro("M6"),),
        Nivel.CENTRAL,
    )) == _resumen(problemas)


@pytest.mark.parametrize(
    ("argumentos", "campo", "mensaje"),
    [
        ({"vigencia": "2025"}, "vigencia", "vigencia: '2025' debe ser un año (int)"),
        ({"vigencia": True}, "vigencia", "vigencia: True debe ser un año (int)"),
        ({"metas": [M1, "M2"]}, "metas[1]", "metas[1]: 'M2' debe ser una Meta"),
        ({"reportes": [M1]}, "reportes[0]",
         "reportes[0]: un valor de tipo Meta debe ser un Reporte"),
        ({"modificaciones": [None]}, "modificaciones[0]",
         "modificaciones[0]: vacío debe ser un RegistroModificacion"),
        ({"modificaciones": "M1"}, "modificaciones",
         "modificaciones: 'M1' debe ser una secuencia de RegistroModificacion"),
        ({"nivel": "central"}, "nivel", "nivel: 'central' debe ser un Nivel (o quedar vacío)"),
    ],
)
def test_argumentos_que_no_son_del_modelo(
    argumentos: dict[str, object], campo: str, mensaje: str
) -> None:
    """``problemas_del_plan`` es pública: valida lo que recibe antes de mirarlo."""
    llamada: dict[str, object] = {"vigencia": 2025, "metas": [M1], "reportes": []}
    llamada.update(argumentos)
    with pytest.raises(TipoInvalido) as error:
        problemas_del_plan(**llamada)  # type: ignore[arg-type]
    assert (error.value.campo, str(error.value)) == (campo, mensaje)
