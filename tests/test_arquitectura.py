"""La arquitectura como prueba (``docs/arquitectura.md``): capas, nombres privados, presupuestos
de tamaño y registros de reglas.

Todo se lee del código fuente con ``ast`` (sin importar los módulos, salvo para los registros):

- (a) un módulo del núcleo no importa la «cáscara» (``archivos``, ``cli``, ``pandas``,
  ``testing``), ni siquiera dentro de una función;
- (b) ningún módulo importa un nombre privado (``_x``) de otro, salvo de ``_validacion``; un
  subpaquete (p. ej. ``consolidacion/``) sí importa sus propios submódulos privados;
- (c) ningún módulo de ``src/`` pasa de 600 líneas ni ninguna función de 60;
- (d) las claves de cada registro de reglas son exactamente los identificadores del catálogo con
  su prefijo.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from sdg_metas import reglas

RAIZ = Path(__file__).resolve().parents[1] / "src" / "sdg_metas"
PAQUETE = "sdg_metas"

#: La cáscara: lee y escribe archivos, habla con la terminal o trae dependencias opcionales.
#: Todo lo demás es núcleo (puro, sin E/S), incluido ``ejemplos`` (solo construye un plan).
CASCARA = frozenset({"archivos", "cli", "__main__", "pandas", "testing"})
#: Lo que el núcleo no importa: los módulos de la cáscara del paquete y ``pandas`` mismo.
PROHIBIDOS_EN_EL_NUCLEO = ("archivos", "cli", "pandas", "testing")
#: El único módulo privado que todos pueden importar.
PRIVADO_COMPARTIDO = f"{PAQUETE}._validacion"

MAX_LINEAS_MODULO = 600
MAX_LINEAS_FUNCION = 60
#: Los excesos conocidos al escribir esta prueba, que otras ramas del issue 10 están corrigiendo.
#: Quien integre las ramas vacía estas listas: desde entonces, ningún exceso se tolera.
MODULOS_TOLERADOS: frozenset[str] = frozenset()
FUNCIONES_TOLERADAS: frozenset[str] = frozenset()
#: Importaciones privadas conocidas (módulo importador → lo importado), en corrección en la rama
#: de ``archivos``; quien integre vacía este conjunto.
PRIVADAS_TOLERADAS: frozenset[tuple[str, str]] = frozenset()


def _modulos() -> list[tuple[str, Path]]:
    """(nombre con puntos, ruta) de cada módulo del paquete."""
    resultado = []
    for ruta in sorted(RAIZ.rglob("*.py")):
        partes = list(ruta.relative_to(RAIZ).with_suffix("").parts)
        if partes[-1] == "__init__":
            partes.pop()
        resultado.append((".".join([PAQUETE, *partes]), ruta))
    return resultado


MODULOS = _modulos()


def _es_paquete(ruta: Path) -> bool:
    return ruta.name == "__init__.py"


def _paquete_de(nombre: str, ruta: Path) -> str:
    return nombre if _es_paquete(ruta) else nombre.rpartition(".")[0]


def _absoluto(nombre: str, ruta: Path, nodo: ast.ImportFrom) -> str:
    """El módulo de un ``from X import …``, absoluto."""
    if not nodo.level:
        return nodo.module or ""
    base = _paquete_de(nombre, ruta).split(".")
    base = base[: len(base) - (nodo.level - 1)]
    return ".".join([*base, nodo.module] if nodo.module else base)


def _importaciones(
    nombre: str, ruta: Path, texto: str | None = None
) -> Iterator[tuple[str, str | None, int]]:
    """(módulo importado, nombre importado o None, línea) de cada importación del módulo,
    también las de dentro de funciones y de bloques ``if TYPE_CHECKING``."""
    arbol = ast.parse(ruta.read_text("utf-8") if texto is None else texto)
    for nodo in ast.walk(arbol):
        if isinstance(nodo, ast.Import):
            for alias in nodo.names:
                yield alias.name, None, nodo.lineno
        elif isinstance(nodo, ast.ImportFrom):
            modulo = _absoluto(nombre, ruta, nodo)
            for alias in nodo.names:
                yield modulo, alias.name, nodo.lineno


def _es_nucleo(nombre: str) -> bool:
    partes = nombre.split(".")
    return len(partes) == 1 or partes[1] not in CASCARA


def _es_privado(parte: str) -> bool:
    return parte.startswith("_") and not (parte.startswith("__") and parte.endswith("__"))


# --- (a) capas ------------------------------------------------------------------------------


def _prohibido(modulo: str, importado: str | None) -> bool:
    destino = f"{modulo}.{importado}" if importado else modulo
    if destino.split(".")[0] == "pandas":
        return True
    partes = destino.split(".")
    return partes[0] == PAQUETE and len(partes) > 1 and partes[1] in PROHIBIDOS_EN_EL_NUCLEO


def test_el_nucleo_no_importa_la_cascara() -> None:
    nucleo = [(n, r) for n, r in MODULOS if _es_nucleo(n)]
    assert {n for n, _ in nucleo} >= {f"{PAQUETE}.modelo", f"{PAQUETE}.ejemplos"}
    violaciones = [
        f"{ruta.relative_to(RAIZ)}:{linea} importa {modulo}{'.' + nombre if nombre else ''}"
        for n, ruta in nucleo
        for modulo, nombre, linea in _importaciones(n, ruta)
        if _prohibido(modulo, nombre)
    ]
    assert violaciones == []


def test_la_regla_de_capas_detecta_una_importacion_de_la_cascara() -> None:
    assert _prohibido(f"{PAQUETE}.archivos", "cargar_plan")
    assert _prohibido(PAQUETE, "testing")  # from . import testing
    assert _prohibido("pandas", None)
    assert not _prohibido(f"{PAQUETE}.modelo", "Meta")
    assert not _es_nucleo(f"{PAQUETE}.archivos._limites")
    assert _es_nucleo(f"{PAQUETE}.consolidacion._ranking")


# --- (b) nombres privados -------------------------------------------------------------------


def _privado_permitido(importador: str, ruta: Path, privado: str) -> bool:
    """``privado`` (un módulo o nombre privado, con puntos) se importa si está en
    ``_validacion`` o si pertenece al subpaquete del importador (la raíz ``sdg_metas`` no cuenta
    como subpaquete: sus módulos privados, salvo ``_validacion``, no se comparten)."""
    if privado == PRIVADO_COMPARTIDO or privado.startswith(f"{PRIVADO_COMPARTIDO}."):
        return True
    dueño = privado.rpartition(".")[0]
    propio = _paquete_de(importador, ruta)
    return dueño != PAQUETE and (propio == dueño or propio.startswith(f"{dueño}."))


def _violaciones_privadas(importador: str, ruta: Path, texto: str | None = None) -> Iterator[str]:
    for modulo, nombre, linea in _importaciones(importador, ruta, texto):
        partes = modulo.split(".")
        if partes[0] != PAQUETE:
            continue
        if nombre is not None and nombre != "*":
            partes.append(nombre)
        # el primer componente privado: hasta él, lo que se importa es privado de su dueño
        primero = next((i for i, p in enumerate(partes) if i and _es_privado(p)), None)
        if primero is None:
            continue
        privado = ".".join(partes[: primero + 1])
        tolerada = (ruta.relative_to(RAIZ).as_posix(), ".".join(partes)) in PRIVADAS_TOLERADAS
        if not _privado_permitido(importador, ruta, privado) and not tolerada:
            yield f"{ruta.relative_to(RAIZ)}:{linea} importa {'.'.join(partes)}"


def test_ningun_modulo_importa_nombres_privados_ajenos() -> None:
    violaciones = [v for n, r in MODULOS for v in _violaciones_privadas(n, r)]
    assert violaciones == []


def test_ningun_modulo_usa_atributos_privados_de_otro_modulo_del_paquete() -> None:
    """``from . import modelo`` y luego ``modelo._x`` también es usar un privado ajeno."""
    violaciones = []
    for nombre, ruta in MODULOS:
        arbol = ast.parse(ruta.read_text("utf-8"))
        modulos_locales = {
            alias.asname or alias.name
            for nodo in ast.walk(arbol)
            if isinstance(nodo, ast.ImportFrom)
            and _absoluto(nombre, ruta, nodo).split(".")[0] == PAQUETE
            and (nodo.module is None or (nodo.level == 0 and nodo.module == PAQUETE))
            for alias in nodo.names
        }
        for nodo in ast.walk(arbol):
            if (
                isinstance(nodo, ast.Attribute)
                and isinstance(nodo.value, ast.Name)
                and nodo.value.id in modulos_locales
                and _es_privado(nodo.attr)
                and nodo.value.id != "_validacion"
            ):
                violaciones.append(f"{ruta.relative_to(RAIZ)}:{nodo.lineno} usa "
                                   f"{nodo.value.id}.{nodo.attr}")
    assert violaciones == []


def _violan(importador: str, codigo: str, es_paquete: bool = False) -> list[str]:
    partes = importador.split(".")[1:]
    ruta = RAIZ.joinpath(*partes, "__init__.py") if es_paquete else RAIZ.joinpath(
        *partes[:-1], f"{partes[-1]}.py"
    )
    return list(_violaciones_privadas(importador, ruta, codigo))


@pytest.mark.parametrize(
    ("importador", "codigo", "es_paquete", "viola"),
    [
        ("sdg_metas.reportes", "from .modelo import _indice_trimestre", False, True),
        ("sdg_metas.reportes", "from ._validacion import exigir_tipo, _privada", False, False),
        ("sdg_metas.reportes", "from . import _validacion", False, False),
        ("sdg_metas.reportes", "from .consolidacion._ranking import ranking", False, True),
        ("sdg_metas.reportes", "import sdg_metas._otro", False, True),
        ("sdg_metas.consolidacion._anual", "from ._calificacion import calificar", False, False),
        ("sdg_metas.consolidacion", "from ._anual import consolidado_anual", True, False),
        ("sdg_metas.consolidacion._anual", "from ..modificaciones import _miembro", False, True),
        ("sdg_metas.consolidacion._anual", "from .._otro import x", False, True),
        ("sdg_metas.cli", "from .archivos._limites import MAX_BYTES", False, True),
        ("sdg_metas.cli", "from .archivos import _limites", False, True),
        ("sdg_metas.archivos.json", "from ._limites import MAX_BYTES", False, False),
        ("sdg_metas.archivos.tablas._filas", "from .._limites import MAX_BYTES", False, False),
        ("sdg_metas.archivos.json", "from ..modelo import Meta, _texto", False, True),
    ],
)
def test_la_regla_de_privados(importador: str, codigo: str, es_paquete: bool, viola: bool) -> None:
    assert bool(_violan(importador, codigo, es_paquete)) is viola


# --- (c) presupuestos de tamaño -------------------------------------------------------------


def _funciones(arbol: ast.AST, prefijo: str = "") -> Iterator[tuple[str, int]]:
    """(nombre calificado, líneas) de cada función, también métodos y funciones anidadas."""
    for nodo in ast.iter_child_nodes(arbol):
        if isinstance(nodo, (ast.FunctionDef, ast.AsyncFunctionDef)):
            assert nodo.end_lineno is not None
            yield f"{prefijo}{nodo.name}", nodo.end_lineno - nodo.lineno + 1
            yield from _funciones(nodo, f"{prefijo}{nodo.name}.")
        elif isinstance(nodo, ast.ClassDef):
            yield from _funciones(nodo, f"{prefijo}{nodo.name}.")
        else:
            yield from _funciones(nodo, prefijo)


def test_ningun_modulo_pasa_de_600_lineas() -> None:
    excesos = {
        ruta.relative_to(RAIZ).as_posix(): len(ruta.read_text("utf-8").splitlines())
        for _, ruta in MODULOS
    }
    excesos = {r: n for r, n in excesos.items() if n > MAX_LINEAS_MODULO}
    assert set(excesos) <= MODULOS_TOLERADOS, excesos


def test_ninguna_funcion_pasa_de_60_lineas() -> None:
    excesos = {
        f"{ruta.relative_to(RAIZ).as_posix()}::{funcion}": lineas
        for _, ruta in MODULOS
        for funcion, lineas in _funciones(ast.parse(ruta.read_text("utf-8")))
        if lineas > MAX_LINEAS_FUNCION
    }
    assert set(excesos) <= FUNCIONES_TOLERADAS, excesos


# --- (d) registros de reglas ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("modulo", "registro", "prefijo"),
    [
        ("formulacion", "REGISTRO_FOR", "FOR"),
        ("reportes", "REGISTRO_REP", "REP"),
        ("modificaciones", "REGISTRO_MOD", "MOD"),
        ("consolidacion", "REGISTRO_CON", "CON"),
    ],
)
def test_cada_registro_tiene_exactamente_las_reglas_de_su_familia(
    modulo: str, registro: str, prefijo: str
) -> None:
    valor = getattr(importlib.import_module(f"{PAQUETE}.{modulo}"), registro, None)
    if valor is None and prefijo in ("FOR", "MOD"):  # llegan con las ramas del issue 10
        pytest.skip(f"{modulo}.{registro} aún no existe en esta rama")
    assert valor is not None
    assert tuple(valor) == reglas.ids_de_familia(prefijo)
    assert all(callable(f) for f in valor.values())
