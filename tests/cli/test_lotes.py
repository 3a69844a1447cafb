"""``consolidar``, ``ranking`` e ``informe`` sobre varios archivos (issue 14, «A CLI that never
surprises»; issue 12: en flujo)."""

from __future__ import annotations

import gc
import json
import weakref
from pathlib import Path

import attrs
import pytest

from cli.comun import correr
from sdg_metas import PlanDeGestion, ranking
from sdg_metas.archivos import guardar_plan
from sdg_metas.cli import _lotes
from sdg_metas.consolidacion import como_filas
from sdg_metas.ejemplos import plan_ejemplo


def _guardar(plan: PlanDeGestion, ruta: Path) -> str:
    guardar_plan(plan, ruta)
    return str(ruta)


@pytest.fixture
def planes(tmp_path: Path) -> list[str]:
    """Cinco planes de la vigencia 2025, de unidades distintas, con calificaciones distintas
    (las ejecuciones de cada uno escaladas)."""
    base = plan_ejemplo()
    rutas = []
    for i, factor in enumerate(("1", "0.5", "1", "0.8", "0"), 1):
        reportes = [attrs.evolve(r, ejecucion=r.ejecucion * type(r.ejecucion)(factor))
                    if r.ejecucion is not None else r for r in base.reportes]
        plan = attrs.evolve(base, unidad=f"Proceso {i}", reportes=reportes)
        rutas.append(_guardar(plan, tmp_path / f"p{i}.json"))
    return rutas


@pytest.mark.parametrize("comando", [("consolidar", "--vigencia", "2025"),
                                     ("ranking", "--trimestre", "2025-T3"),
                                     ("informe", "--vigencia", "2025")])
def test_mismo_plan_dos_veces_es_error_que_nombra_ambos(
    comando: tuple[str, ...], planes: list[str], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 14: «the same plan given twice is counted twice»; ahora es un error (código 2)
    que nombra los dos archivos, también si la unidad se escribe con otras tildes."""
    copia = attrs.evolve(plan_ejemplo(), unidad="Proceso 3")
    otra = _guardar(copia, tmp_path / "copia.json")
    nombre, opcion, valor = comando
    assert correr(nombre, *planes, otra, opcion, valor) == (2, "")
    error = capsys.readouterr().err
    assert f"{planes[2]} y {otra} describen la misma unidad (Proceso 3)" in error


@pytest.mark.parametrize("comando", [("consolidar", "--vigencia", "2024"),
                                     ("ranking", "--trimestre", "2024-T3"),
                                     ("informe", "--vigencia", "2024")])
def test_ningun_plan_de_la_vigencia(comando: tuple[str, ...], planes: list[str],
                                    capsys: pytest.CaptureFixture[str]) -> None:
    nombre, opcion, valor = comando
    assert correr(nombre, *planes, opcion, valor) == (2, "")
    error = capsys.readouterr().err
    assert "ninguno de los 5 archivos es un plan de la vigencia 2024" in error
    assert error.count("no se incluye") == 5


def test_los_de_otra_vigencia_se_omiten_con_aviso(
    planes: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    viejo = attrs.evolve(plan_ejemplo(), unidad="Otro")
    ruta = tmp_path / "viejo.json"
    datos = json.loads(Path(_guardar(viejo, ruta)).read_text(encoding="utf-8"))
    datos.update(vigencia=2024, reportes=[], modificaciones=[])
    ruta.write_text(json.dumps(datos), encoding="utf-8")
    codigo, texto = correr("informe", *planes, str(ruta), "--vigencia", "2025",
                           "--formato", "json")
    assert codigo == 0
    assert json.loads(texto)["planes"] == 5
    assert f"{ruta} es de la vigencia 2024, no de 2025; no se incluye" in capsys.readouterr().err


def test_ranking_igual_al_de_la_biblioteca(planes: list[str]) -> None:
    """El ranking en flujo da las mismas filas que ``sdg_metas.ranking`` con todos los planes
    en memoria (CON-02: olímpico, empates por unidad; «Proceso 1» y «Proceso 3» empatan)."""
    from sdg_metas.archivos import cargar_plan

    esperado = como_filas(ranking([cargar_plan(r) for r in planes], 3))
    datos = json.loads(correr("ranking", *planes, "--trimestre", "2025-T3", "--formato",
                              "json")[1])
    assert [f["posicion"] for f in datos["ranking"]] == [1, 1, 3, 4, 5]
    assert [f["unidad"] for f in datos["ranking"]] == [f["unidad"] for f in esperado]
    assert [f["calificacion_pct"] for f in datos["ranking"]] == [
        str(f["calificacion_pct"]) for f in esperado
    ]


def test_ranking_sin_calificacion_va_al_final(tmp_path: Path, planes: list[str]) -> None:
    sin_reportes = PlanDeGestion(vigencia=2025, unidad="Proceso 0", nivel="central", metas=[])
    ruta = _guardar(sin_reportes, tmp_path / "sin.json")
    datos = json.loads(correr("ranking", ruta, *planes, "--trimestre", "2025-T3", "--formato",
                              "json")[1])
    ultimo = datos["ranking"][-1]
    assert (ultimo["unidad"], ultimo["posicion"], ultimo["semaforo"]) == (
        "Proceso 0", None, "sin_dato")


@pytest.mark.parametrize("comando", [("consolidar", "--vigencia", "2025"),
                                     ("ranking", "--trimestre", "2025-T3"),
                                     ("informe", "--vigencia", "2025")])
def test_en_flujo_un_plan_a_la_vez(comando: tuple[str, ...], planes: list[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 12: al cargar cada plan, ninguno de los anteriores sigue vivo."""
    vivos: list[weakref.ref[PlanDeGestion]] = []
    cargar = _lotes.cargar

    def vigilado(*args: object, **kwargs: object) -> PlanDeGestion:
        gc.collect()
        assert [r for r in vivos if r() is not None] == []
        plan = cargar(*args, **kwargs)  # type: ignore[arg-type]
        vivos.append(weakref.ref(plan))
        return plan

    monkeypatch.setattr(_lotes, "cargar", vigilado)
    nombre, opcion, valor = comando
    assert correr(nombre, *planes, opcion, valor)[0] == 0
    assert len(vivos) == 5


def test_un_error_a_mitad_de_camino_no_deja_salida_a_medias(
    planes: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12: las filas se escriben a medida que salen, pero primero en un temporal; si el
    último archivo es ilegible, ni la salida estándar ni ``--salida`` reciben nada."""
    roto = tmp_path / "roto.json"
    roto.write_text("{", encoding="utf-8")
    destino = tmp_path / "consolidado.csv"
    assert correr("consolidar", *planes, str(roto), "--vigencia", "2025", "--formato", "csv",
                  "--salida", str(destino)) == (2, "")
    assert not destino.exists()
    assert correr("consolidar", *planes, str(roto), "--vigencia", "2025") == (2, "")
    assert "roto.json" in capsys.readouterr().err


def test_consolidar_en_json_cuenta_los_planes_al_final(planes: list[str]) -> None:
    """El número de planes se conoce después de recorrerlos: en JSON va tras las filas (el orden
    de las claves de un objeto JSON no importa) y cuenta los cinco planes; hay una fila por
    meta de cada uno (plan_ejemplo tiene 6 metas)."""
    codigo, texto = correr("consolidar", *planes, "--vigencia", "2025", "--formato", "json")
    datos = json.loads(texto)
    assert (codigo, datos["planes"], datos["vigencia"], len(datos["filas"])) == (0, 5, 2025, 30)
    assert list(datos)[-1] == "planes"
    assert {f["unidad"] for f in datos["filas"]} == {f"Proceso {i}" for i in range(1, 6)}


def test_informe_en_flujo_da_lo_mismo_que_la_biblioteca(planes: list[str]) -> None:
    """Una fila por plan, en el orden de los archivos, la misma que ``informe_gestion``."""
    from sdg_metas.archivos import cargar_plan
    from sdg_metas.consolidacion import informe_gestion

    datos = json.loads(correr("informe", *planes, "--vigencia", "2025", "--formato", "json")[1])
    esperado = informe_gestion([cargar_plan(r) for r in planes], 2025)
    assert [f["unidad"] for f in datos["informe"]] == [f["unidad"] for f in esperado]
    assert [f["metas"] for f in datos["informe"]] == [f["metas"] for f in esperado]
    assert datos["planes"] == 5
