"""Pruebas de ``sdg_metas.archivos._rutas``: cargar y guardar según la extensión."""


from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from sdg_metas.archivos import (
    ErrorCarga,
    cargar_csv,
    cargar_plan,
    guardar_plan,
    plan_a_csv,
    plan_a_dict,
    plan_a_json,
)
from sdg_metas.ejemplos import plan_ejemplo
from sdg_metas.errores import ErrorArchivo


def test_limite_de_metas() -> None:
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(plan_a_json(plan_ejemplo()), max_metas=5)
    assert error.value.codigo == "DEMASIADAS_METAS"
    assert "6 metas y el máximo es 5" in str(error.value)
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(plan_a_csv(plan_ejemplo()), max_metas=5)
    assert error.value.codigo == "DEMASIADAS_METAS"
    assert len(cargar_csv(plan_a_csv(plan_ejemplo()), max_metas=6).metas) == 6


def test_rutas_inexistentes_ilegibles_y_extensiones(tmp_path: Path) -> None:
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(tmp_path / "no.json")
    assert error.value.codigo == "ARCHIVO_NO_ENCONTRADO"
    ruta = tmp_path / "no.json"
    assert str(error.value) == f"{ruta}: 1 problema\n  - {ruta}: el archivo no existe"
    carpeta = tmp_path / "carpeta.csv"
    carpeta.mkdir()
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(carpeta)
    # Issue 15 («solo se leen archivos regulares»): una carpeta es ARCHIVO_NO_REGULAR.
    assert error.value.codigo == "ARCHIVO_NO_REGULAR"
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(str(tmp_path / ("x" * 300 + ".json")))
    assert error.value.codigo == "ARCHIVO_ILEGIBLE"
    with pytest.raises(ErrorCarga) as error:
        cargar_plan("plan.txt")
    assert error.value.codigo == "EXTENSION_DESCONOCIDA"


def test_guardar_errores(tmp_path: Path) -> None:
    with pytest.raises(ErrorArchivo) as error:
        # Issue 14: guardar_plan ya escribe .xlsx; una extensión desconocida sigue fallando.
        guardar_plan(plan_ejemplo(), tmp_path / "plan.ods")
    assert error.value.codigo == "EXTENSION_DESCONOCIDA"
    with pytest.raises(ErrorArchivo) as error:
        guardar_plan(plan_ejemplo(), tmp_path / "no-existe" / "plan.json")
    assert error.value.codigo == "ESCRITURA_FALLIDA"
    raro = attrs.evolve(plan_ejemplo(), unidad="\ud800")
    with pytest.raises(ErrorArchivo) as error:
        guardar_plan(raro, tmp_path / "plan.json")
    assert error.value.codigo == "ESCRITURA_FALLIDA"
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    for funcion in (plan_a_dict, plan_a_json, plan_a_csv):
        with pytest.raises(ErrorArchivo) as error:
            funcion("plan")  # type: ignore[arg-type]
        assert error.value.codigo == "TIPO_INVALIDO"


def test_guardar_reemplaza_sin_dejar_temporales(tmp_path: Path) -> None:
    ruta = tmp_path / "Plan.JSON"
    ruta.write_text("viejo", encoding="utf-8")
    assert guardar_plan(plan_ejemplo(), str(ruta)) == ruta
    assert cargar_plan(ruta) == plan_ejemplo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Plan.JSON"]


@pytest.mark.parametrize("valor", [None, b"plan.json", 3, 2.5, ["plan.json"]])
def test_cargar_plan_con_algo_que_no_es_ruta(valor: object) -> None:
    """Issue 15, «Caller mistakes»: nunca un error de Python sin ``codigo``."""
    from sdg_metas.errores import TipoInvalido

    with pytest.raises(TipoInvalido) as error:
        cargar_plan(valor)  # type: ignore[arg-type]
    assert error.value.codigo == "TIPO_INVALIDO"
    assert "debe ser una ruta" in error.value.mensaje


@pytest.mark.parametrize("valor", ["plan\x00.json", "", Path("a\x00b.csv")])
def test_rutas_invalidas(valor: object) -> None:
    for funcion in (cargar_plan, cargar_csv):
        with pytest.raises(ErrorArchivo) as error:
            funcion(valor)  # type: ignore[operator]
        assert error.value.codigo == "RUTA_INVALIDA"
    with pytest.raises(ErrorArchivo) as error:
        guardar_plan(plan_ejemplo(), valor)  # type: ignore[arg-type]
    assert error.value.codigo == "RUTA_INVALIDA"


def test_entrada_estandar(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    class Entrada:
        buffer = io.BytesIO(plan_a_json(plan_ejemplo()).encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", Entrada)
    assert cargar_plan("-") == plan_ejemplo()
    Entrada.buffer = io.BytesIO(b"{" * 50)
    with pytest.raises(ErrorCarga) as error:
        cargar_plan("-", max_bytes=10)
    assert error.value.codigo == "ARCHIVO_DEMASIADO_GRANDE"


@pytest.mark.parametrize("entrada", ["ninguna", "cerrada"])
def test_entrada_estandar_cerrada(monkeypatch: pytest.MonkeyPatch, entrada: str) -> None:
    """Sin entrada estándar (``sys.stdin`` es ``None`` en un servicio) o con ella cerrada,
    ``cargar_plan("-")`` es un ``ErrorCarga`` que lo dice, no un ``AttributeError`` o un
    ``ValueError`` de Python."""
    import io
    import sys

    if entrada == "ninguna":
        monkeypatch.setattr(sys, "stdin", None)
    else:
        class Cerrada:
            buffer = io.BytesIO(b"{}")

        Cerrada.buffer.close()
        monkeypatch.setattr(sys, "stdin", Cerrada)
    with pytest.raises(ErrorCarga) as error:
        cargar_plan("-")
    assert error.value.codigo == "ENTRADA_CERRADA"
    assert [p.mensaje for p in error.value.problemas] == [
        "es la entrada estándar y está cerrada; dé la ruta del archivo"
    ]


def test_limites_como_parametro(tmp_path: Path) -> None:
    from sdg_metas.archivos import Limites

    texto = plan_a_json(plan_ejemplo())
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(texto, limites=Limites(max_profundidad=3))
    assert error.value.codigo == "JSON_DEMASIADO_ANIDADO"
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(texto, limites=Limites(max_metas=2))
    assert error.value.codigo == "DEMASIADAS_METAS"
    # El parámetro explícito gana sobre el de ``limites``.
    assert cargar_plan(texto, limites=Limites(max_metas=2), max_metas=6) == plan_ejemplo()
    ruta = guardar_plan(plan_ejemplo(), tmp_path / "plan.csv")
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta, limites=Limites(max_celda=5))
    assert error.value.codigo == "CELDA_DEMASIADO_LARGA"
    with pytest.raises(ErrorArchivo) as error:
        cargar_plan(texto, limites={"max_bytes": 3})  # type: ignore[arg-type]
    assert error.value.codigo == "LIMITE_INVALIDO"


def test_guardar_no_sigue_un_enlace_ni_usa_nombre_fijo(tmp_path: Path) -> None:
    """Issue 15, «Writing files»: antes se escribía en ``plan.json.tmp`` siguiendo un enlace
    plantado allí; ahora el temporal tiene nombre impredecible y exclusivo."""
    victima = tmp_path / "victima.txt"
    victima.write_text("intacto", encoding="utf-8")
    (tmp_path / "plan.json.tmp").symlink_to(victima)
    guardar_plan(plan_ejemplo(), tmp_path / "plan.json")
    assert victima.read_text(encoding="utf-8") == "intacto"
    assert cargar_plan(tmp_path / "plan.json") == plan_ejemplo()


def test_guardar_sobre_un_enlace_reemplaza_el_enlace(tmp_path: Path) -> None:
    """Decisión documentada: el destino enlace se reemplaza; su objetivo no se toca."""
    objetivo = tmp_path / "objetivo.json"
    objetivo.write_text("no tocar", encoding="utf-8")
    enlace = tmp_path / "plan.json"
    enlace.symlink_to(objetivo)
    guardar_plan(plan_ejemplo(), enlace)
    assert not enlace.is_symlink()
    assert objetivo.read_text(encoding="utf-8") == "no tocar"
    assert cargar_plan(enlace) == plan_ejemplo()


def test_guardar_sobre_una_carpeta_y_permisos(tmp_path: Path) -> None:
    import os
    import stat

    carpeta = tmp_path / "plan.json"
    carpeta.mkdir()
    with pytest.raises(ErrorArchivo) as error:
        guardar_plan(plan_ejemplo(), carpeta)
    assert error.value.codigo == "DESTINO_INVALIDO"
    assert "es una carpeta" in error.value.mensaje
    nuevo = guardar_plan(plan_ejemplo(), tmp_path / "nuevo.csv")
    assert stat.S_IMODE(nuevo.stat().st_mode) == 0o644
    os.chmod(nuevo, 0o600)
    guardar_plan(plan_ejemplo(), nuevo)
    assert stat.S_IMODE(nuevo.stat().st_mode) == 0o600
    # sin temporales olvidados; el CSV es la forma de tres tablas (issue 14)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "nuevo.csv", "nuevo.modificaciones.csv", "nuevo.reportes.csv", "plan.json"]


def test_guardar_en_carpeta_sin_permiso(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root escribe en cualquier carpeta")
    carpeta = tmp_path / "solo_lectura"
    carpeta.mkdir(mode=0o500)
    with pytest.raises(ErrorArchivo) as error:
        guardar_plan(plan_ejemplo(), carpeta / "plan.json")
    assert error.value.codigo == "ESCRITURA_FALLIDA"
    assert "sin permiso" in error.value.mensaje


def test_guardar_falla_al_reemplazar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    def falla(*_args: object) -> None:
        raise OSError(28, "sin espacio")

    monkeypatch.setattr(os, "replace", falla)
    with pytest.raises(ErrorArchivo) as error:
        guardar_plan(plan_ejemplo(), tmp_path / "plan.json")
    assert error.value.codigo == "ESCRITURA_FALLIDA"
    assert "error del sistema 28" in error.value.mensaje
    assert list(tmp_path.iterdir()) == []


def test_limite_de_bytes_enorme(tmp_path: Path) -> None:
    """Un ``max_bytes`` mayor que lo que admite ``read`` no es un ``OverflowError``."""
    ruta = guardar_plan(plan_ejemplo(), tmp_path / "plan.json")
    assert cargar_plan(ruta, max_bytes=10**30) == plan_ejemplo()


# --- issue 13: la API bajo argumentos hostiles ------------------------------------------------


def test_nombre_de_archivo_largo_no_infla_el_mensaje() -> None:
    """Antes el nombre (o un texto CSV tomado por nombre) salía entero, dos veces: un nombre de
    1 000 caracteres se muestra con los primeros 200 y su largo."""
    from sdg_metas.archivos import ErrorCarga, cargar_plan

    with pytest.raises(ErrorCarga) as error:
        cargar_plan("x" * 1000)
    nombre = "x" * 200 + "… (1000 caracteres)"
    assert error.value.codigo == "EXTENSION_DESCONOCIDA"
    assert str(error.value).split("\n")[0] == f"{nombre}: 1 problema"
    assert len(str(error.value)) < 600


def test_escribir_ejemplos_con_una_ruta_invalida() -> None:
    """Antes ``escribir_ejemplos("a\\x00b")`` era un ``ValueError`` de Python («embedded null
    byte») y ``escribir_ejemplos(3)`` un ``TypeError``."""
    from sdg_metas import TipoInvalido
    from sdg_metas.archivos import escribir_ejemplos

    with pytest.raises(ErrorArchivo) as nulo:
        escribir_ejemplos("a\x00b")
    assert nulo.value.codigo == "RUTA_INVALIDA"
    assert str(nulo.value) == (
        "directorio: 'a\\x00b' no es una ruta válida (contiene un carácter nulo)"
    )
    with pytest.raises(TipoInvalido) as tipo:
        escribir_ejemplos(3)  # type: ignore[arg-type]
    assert str(tipo.value) == "directorio: 3 debe ser una ruta (texto o Path) o un texto JSON"
