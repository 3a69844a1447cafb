"""El catálogo de reglas y ``docs/reglas.md`` dicen exactamente lo mismo."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from sdg_metas import REGLAS, ErrorSdgMetas, Hallazgo, Severidad
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
