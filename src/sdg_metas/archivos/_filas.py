"""El lector de filas que comparten el CSV y la hoja de Excel: una fila de encabezados y una
fila por meta (ver :data:`COLUMNAS_CSV`). Cada fila es una lista de celdas (textos del CSV, o
números, textos y ``None`` de openpyxl); cada celda se lee con la función de su columna
(:data:`_CELDAS`) y cada problema queda anotado con su fila y su columna.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, TypeVar, cast

import attrs

from .._validacion import sin_tildes
from ..errores import ErrorNumero, ErrorSdgMetas
from ..modelo import Indicador, Meta, Nivel, PlanDeGestion, Programacion, Reporte, Trimestre
from ..numeros import a_decimal
from ._campos import c_codigo, c_nivel, c_tipo, c_trimestre, c_vigencia, regla_del_modelo
from ._problemas import Invalido, Recolector, corto, error

_T = TypeVar("_T")

#: Columnas del CSV (y de la hoja de Excel), en el orden en que se escriben.
COLUMNAS_CSV = (
    "vigencia",
    "unidad_plan",
    "nivel_plan",
    "codigo",
    "descripcion",
    "tipo",
    "magnitud",
    "linea_base",
    "t1",
    "t2",
    "t3",
    "t4",
    "ejecucion_t1",
    "ejecucion_t2",
    "ejecucion_t3",
    "ejecucion_t4",
    "peso",
    "unidad",
    "nivel",
    "transversal",
    "proceso_lider",
    "dependencia_orientadora",
    "objetivo_estrategico",
    "entregables",
    "indicador",
    "indicador_numerador",
    "indicador_denominador",
    "indicador_unidad",
    "eliminada_desde",
)
#: Columnas que todo CSV debe tener (``vigencia`` y ``unidad_plan`` pueden darse como parámetros).
COLUMNAS_OBLIGATORIAS_CSV = ("codigo", "descripcion", "tipo", "magnitud", "t1", "t2", "t3", "t4",
                             "peso")
_COLUMNAS_INDICADOR = ("indicador_numerador", "indicador_denominador", "indicador_unidad")
_SI = frozenset({"si", "s", "true", "verdadero", "1", "x"})
_NO = frozenset({"no", "n", "false", "falso", "0", ""})


# --- Celdas -------------------------------------------------------------------------------------


def vacia(valor: object) -> bool:
    """¿La celda está vacía (``None`` o solo espacios)?"""
    return valor is None or (isinstance(valor, str) and not valor.strip())


def texto_celda(valor: object) -> str:
    """El texto de una celda; un número entero de Excel (``2025.0``) se escribe sin decimales."""
    if valor is None:
        return ""
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    return valor if isinstance(valor, str) else str(valor)


def nombre_columna(texto: str) -> str:
    """El nombre canónico de un encabezado: ``"Ejecución T1"`` → ``"ejecucion_t1"``."""
    return "_".join(sin_tildes(texto).replace("-", " ").split())


def decimal_celda(valor: object, decimal: str) -> Decimal:
    """El número de una celda: tal cual si ya es número; si es texto, con ``decimal``."""
    if isinstance(valor, (int, float, Decimal)) and not isinstance(valor, bool):
        return a_decimal(valor, "valor")
    texto = str(valor).strip()
    if decimal == ",":
        if "." in texto:
            raise ErrorNumero(
                f"{texto!r} tiene punto; con decimal=',' escriba el número con coma decimal y "
                "sin separador de miles"
            )
        texto = texto.replace(",", ".")
    elif "," in texto:
        raise ErrorNumero(
            f"{texto!r} usa coma decimal; si el archivo viene de Excel en español, cárguelo "
            "con decimal=','"
        )
    return a_decimal(texto, "valor")


_Lectura = Callable[[object, str], Any]


def _numero(valor: object, decimal: str) -> Decimal:
    if vacia(valor):
        raise Invalido("falta el número (la celda está vacía)")
    return decimal_celda(valor, decimal)


def _numero_opcional(valor: object, decimal: str) -> Decimal | None:
    return None if vacia(valor) else decimal_celda(valor, decimal)


def _peso(valor: object, decimal: str) -> Decimal:
    return cast(Decimal, regla_del_modelo(Meta, "peso", _numero(valor, decimal)))


def _transversal(valor: object, _decimal: str) -> bool:
    if isinstance(valor, bool):
        return valor
    clave = sin_tildes(texto_celda(valor))
    if clave in _SI:
        return True
    if clave in _NO:
        return False
    raise Invalido(f"{corto(valor)} debe ser si o no")


def _vigencia(valor: object) -> int:
    texto = texto_celda(valor).strip()
    # Solo dígitos ASCII: «2025²» o «٢٠٢٥» son texto (y su problema), no un año (issue 15).
    return c_vigencia(int(texto) if texto.isascii() and texto.isdigit() else texto)


def _de_texto(funcion: Callable[[str], _T]) -> Callable[[object, str], _T]:
    """La lectura de una celda de texto con ``funcion`` (que recibe el texto sin espacios)."""
    return lambda valor, _decimal: funcion(texto_celda(valor).strip())


def _si_hay(funcion: Callable[[object, str], _T]) -> Callable[[object, str], _T | None]:
    """La lectura de una celda opcional: vacía es ``None``."""
    return lambda valor, decimal: None if vacia(valor) else funcion(valor, decimal)


#: Cada columna que se convierte, en el orden en que se informan sus problemas.
_CELDAS: tuple[tuple[str, _Lectura], ...] = (
    ("vigencia", _si_hay(lambda v, _d: _vigencia(v))),
    ("nivel_plan", _si_hay(_de_texto(c_nivel))),
    ("codigo", lambda v, _d: c_codigo(texto_celda(v))),
    ("tipo", _de_texto(c_tipo)),
    ("magnitud", _numero),
    ("linea_base", _numero_opcional),
    *((f"t{k}", _numero_opcional) for k in range(1, 5)),
    *((f"ejecucion_t{k}", _numero_opcional) for k in range(1, 5)),
    ("peso", _peso),
    ("nivel", _si_hay(_de_texto(c_nivel))),
    ("transversal", _transversal),
    ("eliminada_desde", _si_hay(_de_texto(c_trimestre))),
)


# --- Filas ------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Tabla:
    """Lo que se sabe del plan antes de leer las filas: nombre del archivo y parámetros."""

    archivo: str
    vigencia: int | None
    unidad: str | None
    nivel: str | Nivel | None
    decimal: str
    max_metas: int


@attrs.frozen(slots=True)
class Fila:
    """Una fila leída: sus datos del plan, los campos de su meta (``None`` si tuvo problemas) y
    las ejecuciones T1..T4."""

    numero: int
    vigencia: int | None
    unidad: str | None
    nivel: Nivel | None
    meta: dict[str, Any] | None
    ejecuciones: tuple[Decimal | None, ...]


def _ubicacion(numero: int, columna: str) -> str:
    return f"fila {numero}, columna {columna}"


def _leer_celdas(
    rec: Recolector, numero: int, valores: Mapping[str, object], decimal: str
) -> tuple[dict[str, Any], bool]:
    leidas: dict[str, Any] = {}
    antes = len(rec.problemas)
    for columna, lectura in _CELDAS:
        try:
            leidas[columna] = lectura(valores.get(columna), decimal)
        except (Invalido, ErrorSdgMetas) as e:
            leidas[columna] = None
            rec.anotar_error(_ubicacion(numero, columna), columna, e)
    return leidas, len(rec.problemas) == antes


def _texto_opcional(valores: Mapping[str, object], columna: str) -> str | None:
    valor = valores.get(columna)
    return None if vacia(valor) else texto_celda(valor)


def _indicador(valores: Mapping[str, object]) -> Indicador | None:
    textos = [_texto_opcional(valores, c) for c in ("indicador", *_COLUMNAS_INDICADOR)]
    if all(t is None for t in textos):
        return None
    nombre, numerador, denominador, unidad = (t or "" for t in textos)
    return Indicador(nombre=nombre, numerador=numerador, denominador=denominador, unidad=unidad)


def _campos_meta(leidas: Mapping[str, Any], valores: Mapping[str, object]) -> dict[str, Any]:
    entregables = tuple(
        e.strip() for e in texto_celda(valores.get("entregables")).split("|") if e.strip()
    )
    return {
        "codigo": leidas["codigo"],
        "descripcion": texto_celda(valores.get("descripcion")),
        "programacion": Programacion(leidas["tipo"], leidas["magnitud"],
                                     [leidas[f"t{k}"] for k in range(1, 5)],
                                     linea_base=leidas["linea_base"]),
        "peso": leidas["peso"],
        "unidad": texto_celda(valores.get("unidad")),
        "transversal": leidas["transversal"],
        "proceso_lider": _texto_opcional(valores, "proceso_lider"),
        "dependencia_orientadora": _texto_opcional(valores, "dependencia_orientadora"),
        "objetivo_estrategico": _texto_opcional(valores, "objetivo_estrategico"),
        "entregables": entregables,
        "indicador": _indicador(valores),
        "eliminada_desde": leidas["eliminada_desde"],
        "nivel": leidas["nivel"],
    }


def leer_fila(
    rec: Recolector, numero: int, valores: Mapping[str, object], decimal: str
) -> Fila:
    """Lee una fila (sus celdas por nombre de columna) y anota sus problemas."""
    leidas, bien = _leer_celdas(rec, numero, valores, decimal)
    return Fila(
        numero=numero,
        vigencia=leidas["vigencia"],
        unidad=_texto_opcional(valores, "unidad_plan"),
        nivel=leidas["nivel_plan"],
        meta=_campos_meta(leidas, valores) if bien else None,
        ejecuciones=tuple(leidas[f"ejecucion_t{k}"] for k in range(1, 5)),
    )


# --- Encabezados ------------------------------------------------------------------------------


def _indices(
    rec: Recolector, numero: int, celdas: Sequence[object], ignorar_columnas: bool
) -> dict[str, int]:
    indices: dict[str, int] = {}
    for i, celda in enumerate(celdas):
        nombre = nombre_columna(texto_celda(celda))
        if not nombre or (nombre not in COLUMNAS_CSV and ignorar_columnas):
            continue
        if nombre not in COLUMNAS_CSV:
            rec.anotar(_ubicacion(numero, str(i + 1)), nombre,
                       f"columna desconocida {corto(texto_celda(celda))}"
                       + rec.una_vez("columnas válidas", "; columnas válidas: "
                                     + ", ".join(COLUMNAS_CSV)
                                     + " (o cargue con ignorar_columnas=True)"))
        elif nombre in indices:
            rec.anotar(_ubicacion(numero, str(i + 1)), nombre,
                       f"la columna {nombre!r} está repetida")
        else:
            indices[nombre] = i
    return indices


def leer_cabecera(
    rec: Recolector, tabla: Tabla, numero: int, celdas: Sequence[object], ignorar_columnas: bool
) -> dict[str, int] | None:
    """El índice de cada columna conocida, o ``None`` si la cabecera tiene problemas."""
    antes = len(rec.problemas)
    indices = _indices(rec, numero, celdas, ignorar_columnas)
    faltan = [c for c in COLUMNAS_OBLIGATORIAS_CSV if c not in indices]
    parametros = {"vigencia": tabla.vigencia, "unidad_plan": tabla.unidad}
    faltan.extend(c for c, p in parametros.items() if p is None and c not in indices)
    detalles = {"vigencia": " (o el parámetro vigencia=)", "unidad_plan": " (o el parámetro "
                "unidad=)"}
    for columna in faltan:
        rec.anotar(f"fila {numero}", columna,
                   f"falta la columna obligatoria {columna!r}{detalles.get(columna, '')}")
    return indices if len(rec.problemas) == antes else None


# --- El plan ----------------------------------------------------------------------------------


def _texto_valor(valor: object) -> str:
    return repr(valor.value) if isinstance(valor, Nivel) else repr(valor)


def _unico(
    rec: Recolector, columna: str, parametro: _T | None, vistos: Mapping[_T, int]
) -> _T | None:
    """El valor del plan en ``columna``: el parámetro, o el único valor que tienen las filas."""
    if parametro is not None:
        for valor, fila in vistos.items():
            if valor != parametro:
                rec.anotar(_ubicacion(fila, columna), columna,
                           f"{_texto_valor(valor)} no coincide con el parámetro "
                           f"{_texto_valor(parametro)}")
        return parametro
    if len(vistos) > 1:
        (primero, _), *resto = vistos.items()
        for valor, fila in resto:
            rec.anotar(_ubicacion(fila, columna), columna,
                       f"{_texto_valor(valor)} difiere de {_texto_valor(primero)} (un archivo "
                       "es un solo plan)")
        return None
    if not vistos and columna != "nivel_plan":
        rec.anotar("", columna,
                   f"ninguna fila tiene {columna}; llene la columna o use el parámetro")
    return next(iter(vistos), None)


def _primeras(filas: Sequence[Fila], atributo: str) -> dict[Any, int]:
    """Cada valor distinto de ``atributo`` en las filas, con la primera fila que lo tiene."""
    vistos: dict[Any, int] = {}
    for fila in filas:
        valor = getattr(fila, atributo)
        if valor is not None:
            vistos.setdefault(valor, fila.numero)
    return vistos


def _anotar_codigos_ambiguos(rec: Recolector, filas: Sequence[Fila]) -> None:
    conteo: dict[str, list[int]] = {}
    for fila in filas:
        if fila.meta is not None:
            conteo.setdefault(fila.meta["codigo"], []).append(fila.numero)
    for fila in filas:
        if fila.meta is None:
            continue
        codigo = fila.meta["codigo"]
        if len(conteo[codigo]) > 1 and any(e is not None for e in fila.ejecuciones):
            rec.anotar(_ubicacion(fila.numero, "codigo"), "codigo",
                       f"el código {codigo!r} está repetido (filas "
                       f"{', '.join(map(str, conteo[codigo]))}) y sus ejecuciones son ambiguas")


def armar_plan(rec: Recolector, tabla: Tabla, filas: Sequence[Fila]) -> PlanDeGestion:
    """El plan de las filas leídas, o :class:`ErrorCarga` con todos los problemas."""
    vigencia = _unico(rec, "vigencia", tabla.vigencia, _primeras(filas, "vigencia"))
    unidad = _unico(rec, "unidad_plan", tabla.unidad, _primeras(filas, "unidad"))
    parametro = None if tabla.nivel is None else Nivel.desde_texto(tabla.nivel)
    nivel = _unico(rec, "nivel_plan", parametro, _primeras(filas, "nivel")) or Nivel.CENTRAL
    if not filas:
        rec.anotar("", "metas", "el archivo no tiene ninguna meta")
    _anotar_codigos_ambiguos(rec, filas)
    if rec.problemas or vigencia is None or unidad is None:
        raise rec.fallar()
    metas: list[Meta] = []
    reportes: list[Reporte] = []
    for fila in filas:
        assert fila.meta is not None
        meta = Meta(**{**fila.meta, "nivel": fila.meta["nivel"] or nivel})
        metas.append(meta)
        reportes.extend(
            Reporte(codigo_meta=meta.codigo, trimestre=Trimestre(vigencia, k), ejecucion=e)
            for k, e in enumerate(fila.ejecuciones, 1)
            if e is not None
        )
    return PlanDeGestion(vigencia=vigencia, unidad=unidad, nivel=nivel, metas=metas,
                         reportes=reportes)


def leer_tabla(
    tabla: Tabla, filas: Iterable[tuple[int, Sequence[object]]], ignorar_columnas: bool
) -> PlanDeGestion:
    """El plan de las filas ``(número, celdas)`` de un CSV o de una hoja."""
    rec = Recolector(tabla.archivo)
    iterador = (fila for fila in filas if not all(vacia(c) for c in fila[1]))
    primera = next(iterador, None)
    if primera is None:
        raise error(tabla.archivo, "ARCHIVO_INVALIDO",
                    "el archivo está vacío; falta la fila de encabezados")
    indices = leer_cabecera(rec, tabla, primera[0], primera[1], ignorar_columnas)
    if indices is None:
        raise rec.fallar()
    leidas: list[Fila] = []
    for numero, celdas in iterador:
        if len(leidas) >= tabla.max_metas:
            raise error(tabla.archivo, "DEMASIADAS_METAS",
                        f"el archivo tiene más de {tabla.max_metas} metas (parámetro "
                        "max_metas); no se leyó", "metas")
        valores = {c: celdas[i] if i < len(celdas) else None for c, i in indices.items()}
        leidas.append(leer_fila(rec, numero, valores, tabla.decimal))
    return armar_plan(rec, tabla, leidas)
