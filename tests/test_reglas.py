"""El catálogo de reglas y ``docs/reglas.md`` dicen exactamente lo mismo."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from sdg_metas import REGLAS, ErrorSdgMetas, Hallazgo, Severidad, Trimestre
from sdg_metas.reglas import regla

DOC = Path(__file__).resolve().parents[1] / "docs" / "reglas.md"
PATRON = re.compile(
    r"^### (?P<id>[A-Z]{3}-\d{2})\n\n"
    r"- \*\*Enunciado:\*\* (?P<enunciado>.+)\n"
    r"- \*\*Fuente:\*\* (?P<fuente>.+)\n"
    r"- \*\*Código:\*\* (?P<codigo>.+)$",
    re.MULTILINE,
)


def _documentadas() -> dict[str, dict[str, str]]:
    return {m["id"]: m.groupdict() for m in PATRON.finditer(DOC.read_text(encoding="utf-8"))}


def test_ninguna_falta_ninguna_sobra() -> None:
    assert list(_documentadas()) == list(REGLAS)


def test_mismo_texto() -> None:
    for identificador, doc in _documentadas().items():
        assert doc["enunciado"] == REGLAS[identificador].enunciado, identificador
        assert doc["fuente"] == REGLAS[identificador].fuente, identificador


def test_el_codigo_documentado_existe() -> None:
    for identificador, doc in _documentadas().items():
        for ruta in re.findall(r"`(sdg_metas\.[\w.]+)`", doc["codigo"]):
            modulo, _, nombre = ruta.rpartition(".")
            assert hasattr(importlib.import_module(modulo), nombre), (identificador, ruta)


def test_identificadores_estables() -> None:
    for identificador, r in REGLAS.items():
        assert re.fullmatch(r"(FOR|REP|MOD|CON|CIC)-\d{2}", identificador)
        assert r.id == identificador
        assert r.fuente.startswith("PLE-PIN-P005 v8, ")
    assert {f"MOD-{i:02d}" for i in range(1, 13)} <= set(REGLAS)


def test_regla_desconocida() -> None:
    with pytest.raises(ErrorSdgMetas) as info:
        regla("XYZ-99")
    assert info.value.codigo == "REGLA_DESCONOCIDA"
    with pytest.raises(ErrorSdgMetas):
        Hallazgo("FOR-99", "no existe")


def test_hallazgo_toma_fuente_y_enunciado_del_catalogo() -> None:
    h = Hallazgo("REP-06", "extemporáneo", Severidad.ADVERTENCIA, codigo_meta="M1")
    assert h.fuente == REGLAS["REP-06"].fuente
    assert h.enunciado == REGLAS["REP-06"].enunciado
    assert h.codigo_meta == "M1"


def test_catalogo_de_solo_lectura() -> None:
    with pytest.raises(TypeError):
        REGLAS["FOR-01"] = REGLAS["FOR-02"]  # type: ignore[index]


@pytest.mark.parametrize(
    "hallazgo",
    [
        Hallazgo("FOR-06", "entregables: la meta no tiene entregables", campo="entregables"),
        Hallazgo("REP-07", "2025-T1: avance_reportado: falta", Severidad.ADVERTENCIA,
                 "M1", None, "avance_reportado"),
        # con trimestre: el camino rápido lo copia (REP-06 del 2025-T3, enviado tarde)
        Hallazgo("REP-06", "2025-T3: extemporáneo", Severidad.ADVERTENCIA, "M1",
                 Trimestre(2025, 3), "fecha_envio"),
    ],
)
def test_el_camino_rapido_en_meta_da_lo_mismo_que_evolve(hallazgo: Hallazgo) -> None:
    """Issue 12: ``_en_meta`` (interno, lo usa ``verificar_plan`` por cada hallazgo de una
    meta) es ``attrs.evolve(h, codigo_meta=...)`` sin volver a validar."""
    import attrs

    rapido = hallazgo._en_meta("M7")
    assert rapido == attrs.evolve(hallazgo, codigo_meta="M7")
    assert (rapido.fuente, rapido.campo, rapido.trimestre) == (
        hallazgo.fuente, hallazgo.campo, hallazgo.trimestre)


def test_regla_con_una_lista_es_tipo_invalido() -> None:
    """Issue 13: ``regla([])`` era un ``TypeError`` de Python («unhashable type: 'list'»)."""
    from sdg_metas import TipoInvalido
    from sdg_metas.reglas import regla

    with pytest.raises(TipoInvalido) as error:
        regla([])  # type: ignore[arg-type]
    assert str(error.value) == "regla: [] debe ser un texto"


# --- regla, Motivo, ids_de_familia y registro: código, campo, valor y mensaje exactos ---------
# (mutación, fase 5). La lista de identificadores válidos se lee de docs/reglas.md, no del código.


def test_regla_desconocida_lista_las_validas_del_documento() -> None:
    validas = ", ".join(_documentadas())
    with pytest.raises(ErrorSdgMetas) as info:
        regla("XYZ-99")
    error = info.value
    assert (error.codigo, error.campo, error.valor) == ("REGLA_DESCONOCIDA", "regla", "XYZ-99")
    assert str(error) == f"regla: 'XYZ-99' no está en el catálogo; válidas: {validas}"
    assert error.__cause__ is None  # sin el KeyError de Python
    assert error.__suppress_context__
    assert regla("MOD-04") is REGLAS["MOD-04"]


def test_regla_con_un_no_texto_nombra_campo_y_valor() -> None:
    from sdg_metas import TipoInvalido

    valor: list[str] = []
    with pytest.raises(TipoInvalido) as error:
        regla(valor)  # type: ignore[arg-type]
    assert (error.value.codigo, error.value.campo) == ("TIPO_INVALIDO", "regla")
    assert error.value.valor is valor


def test_hallazgo_y_motivo_con_regla_desconocida() -> None:
    """El valor por omisión de ``fuente`` corre antes que el validador de ``regla``: el error es
    el del catálogo, no un KeyError de Python."""
    from sdg_metas import Motivo

    for construir in (lambda: Hallazgo("FOR-99", "no existe"),
                      lambda: Motivo("MOD-13", True, "no existe")):
        with pytest.raises(ErrorSdgMetas) as info:
            construir()
        assert (info.value.codigo, info.value.campo) == ("REGLA_DESCONOCIDA", "regla")
    assert str(info.value).startswith("regla: 'MOD-13' no está en el catálogo; válidas: FOR-01, ")


@pytest.mark.parametrize(("cumple", "mostrado"), [(1, "1"), ("sí", "'sí'"), (0, "0")])
def test_motivo_cumple_invalido(cumple: object, mostrado: str) -> None:
    """``cumple`` es True, False o None (la regla no aplica); 1 o 0 no son booleanos."""
    from sdg_metas import Motivo, TipoInvalido

    with pytest.raises(TipoInvalido) as error:
        Motivo("MOD-03", cumple, "justificación presente")  # type: ignore[arg-type]
    assert (error.value.codigo, error.value.campo) == ("TIPO_INVALIDO", "cumple")
    assert error.value.valor is cumple
    assert str(error.value) == f"cumple: {mostrado} debe ser True o False (o quedar vacío)"


@pytest.mark.parametrize("cumple", [True, False, None])
def test_motivo_cumple_valido(cumple: bool | None) -> None:
    """Un motivo toma la fuente y el enunciado de su regla del catálogo (Política 9, viñeta 1
    para MOD-03)."""
    from sdg_metas import Motivo

    motivo = Motivo("MOD-03", cumple, "justificación presente")
    assert motivo.cumple is cumple
    assert motivo.fuente == "PLE-PIN-P005 v8, Política de operación 9, viñeta 1"
    assert motivo.enunciado == _documentadas()["MOD-03"]["enunciado"]
    assert motivo.revision_oap is False


def test_ids_de_familia() -> None:
    """Las familias del catálogo, en orden; un prefijo es la familia entera, no el comienzo."""
    from sdg_metas.reglas import ids_de_familia

    assert ids_de_familia("CIC") == ("CIC-01", "CIC-02")
    assert ids_de_familia("MOD") == tuple(f"MOD-{i:02d}" for i in range(1, 13))
    assert ids_de_familia("CI") == ()
    assert ids_de_familia("") == ()


def _uno(_: object) -> int:
    return 1


def _dos(_: object) -> int:
    return 2


@pytest.mark.parametrize(
    ("verificaciones", "mensaje"),
    [
        ({"CIC-01": _uno, "CIC-09": _dos}, "registro CIC: faltan CIC-02; sobran CIC-09"),
        ({"CIC-01": _uno, "CIC-02": _dos, "CIC-03": _uno},
         "registro CIC: faltan ninguna; sobran CIC-03"),
        ({}, "registro CIC: faltan CIC-01, CIC-02; sobran ninguna"),
        ({"MOD-01": _uno, "FOR-01": _dos},
         "registro CIC: faltan CIC-01, CIC-02; sobran MOD-01, FOR-01"),
    ],
)
def test_registro_incompleto(verificaciones: dict[str, object], mensaje: str) -> None:
    """Un registro de familia tiene exactamente los identificadores del catálogo con su prefijo
    (CIC-01 y CIC-02 en docs/reglas.md)."""
    from sdg_metas.reglas import registro

    with pytest.raises(ErrorSdgMetas) as info:
        registro("CIC", verificaciones)  # type: ignore[arg-type]
    error = info.value
    assert (error.codigo, error.campo, error.valor, str(error)) == (
        "REGISTRO_INCOMPLETO", "registro", "CIC", mensaje)


def test_registro_completo_en_el_orden_del_catalogo_y_de_solo_lectura() -> None:
    from sdg_metas.reglas import registro

    hecho = registro("CIC", {"CIC-02": _dos, "CIC-01": _uno})
    assert list(hecho.items()) == [("CIC-01", _uno), ("CIC-02", _dos)]
    with pytest.raises(TypeError):
        hecho["CIC-01"] = _dos  # type: ignore[index]
