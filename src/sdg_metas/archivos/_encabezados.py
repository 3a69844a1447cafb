"""Lo común a toda tabla de un plan (metas, reportes, modificaciones; en CSV o en una hoja de
Excel): la fila de encabezados, la ubicación de cada celda y el recorrido de las filas, con los
problemas de forma (columna desconocida o repetida, fila más larga que sus encabezados)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs

from .._validacion import mostrar, sin_tildes
from ..modelo import Nivel
from ._celdas import letra_columna, restaurar_celda, sugerencia
from ._problemas import Invalido, Recolector, corto, error

_SI = frozenset({"si", "s", "true", "verdadero", "1", "x"})
_NO = frozenset({"no", "n", "false", "falso", "0", ""})

#: Una fila leída: su número (la fila 1 son los encabezados) y sus celdas por columna.
FilaLeida = tuple[int, dict[str, object]]


@attrs.frozen(slots=True)
class Tabla:
    """Lo que se sabe de una tabla antes de leer sus filas: archivo, hoja y parámetros."""

    archivo: str
    vigencia: int | None
    unidad: str | None
    nivel: str | Nivel | None
    decimal: str
    max_metas: int
    hoja: str | None = None


def vacia(valor: object) -> bool:
    """¿La celda está vacía (``None`` o solo espacios)?"""
    return valor is None or (isinstance(valor, str) and not valor.strip())


def texto_celda(valor: object) -> str:
    """El texto de una celda; un número entero de Excel (``2025.0``) se escribe sin decimales y
    un texto neutralizado (``'=x``) se lee como se escribió (ver :func:`restaurar_celda`)."""
    if valor is None:
        return ""
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    return restaurar_celda(valor) if isinstance(valor, str) else str(valor)


def booleano_celda(valor: object) -> bool:
    """Un sí o no de una celda: ``si``/``sí``/``s``/``x``/``1``/``true``/``verdadero`` o
    ``no``/``n``/``0``/``false``/``falso``/vacía; un booleano de Excel tal cual."""
    if isinstance(valor, bool):
        return valor
    clave = sin_tildes(texto_celda(valor))
    if clave in _SI:
        return True
    if clave in _NO:
        return False
    raise Invalido(f"{corto(valor)} debe ser si o no")


def lista_celda(valor: object) -> tuple[str, ...]:
    """Los elementos de una celda separados por ``|`` (``Acta | Informe``), sin espacios en los
    extremos; los vacíos se omiten."""
    return tuple(e.strip() for e in texto_celda(valor).split("|") if e.strip())


def nombre_columna(texto: str) -> str:
    """El nombre canónico de un encabezado: ``"Ejecución T1"`` → ``"ejecucion_t1"``."""
    return "_".join(sin_tildes(texto).replace("-", " ").split())


@attrs.frozen(slots=True)
class Ubicador:
    """Dónde está una celda: ``fila 3, columna magnitud`` en un CSV; ``hoja metas, celda G3,
    columna magnitud`` en un libro de Excel (con la letra de la columna)."""

    hoja: str | None
    indices: Mapping[str, int] = attrs.field(factory=dict)

    def __call__(self, numero: int, columna: str, indice: int | None = None) -> str:
        if self.hoja is None:
            return f"fila {numero}, columna {columna}"
        indice = self.indices.get(columna) if indice is None else indice
        if indice is None:
            return f"hoja {self.hoja}, fila {numero}, columna {columna}"
        return f"hoja {self.hoja}, celda {letra_columna(indice + 1)}{numero}, columna {columna}"

    def sin_columna(self, numero: int, indice: int) -> str:
        """Una celda que no tiene encabezado (la columna se dice por su posición)."""
        if self.hoja is None:
            return f"fila {numero}, columna {indice + 1}"
        return f"hoja {self.hoja}, celda {letra_columna(indice + 1)}{numero}"

    def fila(self, numero: int) -> str:
        """La fila entera."""
        return f"fila {numero}" if self.hoja is None else f"hoja {self.hoja}, fila {numero}"


def _indices(
    rec: Recolector, ubicar: Ubicador, numero: int, celdas: Sequence[object],
    columnas: Sequence[str], ignorar_columnas: bool,
) -> dict[str, int]:
    indices: dict[str, int] = {}
    for i, celda in enumerate(celdas):
        nombre = nombre_columna(texto_celda(celda))
        if not nombre or (nombre not in columnas and ignorar_columnas):
            continue
        if nombre not in columnas:
            rec.anotar(ubicar.sin_columna(numero, i), nombre,
                       f"columna desconocida {corto(texto_celda(celda))}"
                       + sugerencia(nombre, columnas)
                       + rec.una_vez("columnas válidas", "; columnas válidas: "
                                     + ", ".join(columnas)
                                     + " (o cargue con ignorar_columnas=True)"))
        elif nombre in indices:
            rec.anotar(ubicar.sin_columna(numero, i), nombre, f"la columna {mostrar(nombre)} está repetida")
        else:
            indices[nombre] = i
    return indices


def leer_encabezados(
    rec: Recolector, tabla: Tabla, numero: int, celdas: Sequence[object],
    columnas: Sequence[str], obligatorias: Mapping[str, str], ignorar_columnas: bool,
) -> Ubicador | None:
    """El :class:`Ubicador` con el índice de cada columna conocida, o ``None`` si los
    encabezados tienen problemas. ``obligatorias`` da cada columna que no puede faltar con un
    consejo para el mensaje (``""`` si no hay)."""
    antes = len(rec.problemas)
    indices = _indices(rec, Ubicador(tabla.hoja), numero, celdas, columnas, ignorar_columnas)
    ubicar = Ubicador(tabla.hoja, indices)
    for columna, consejo in obligatorias.items():
        if columna not in indices:
            rec.anotar(ubicar.fila(numero), columna,
                       f"falta la columna obligatoria {mostrar(columna)}{consejo}")
    return ubicar if len(rec.problemas) == antes else None


def _ancho(celdas: Sequence[object]) -> int:
    """Cuántas celdas tiene la fila hasta la última no vacía."""
    return max((i + 1 for i, c in enumerate(celdas) if not vacia(c)), default=0)


def recorrer(
    rec: Recolector, tabla: Tabla, filas: Iterable[tuple[int, Sequence[object]]],
    columnas: Sequence[str], obligatorias: Mapping[str, str], ignorar_columnas: bool,
    maximo: int,
) -> tuple[Ubicador, Iterator[FilaLeida]]:
    """Los encabezados de ``filas`` y un iterador de las filas de datos no vacías; una fila con
    más celdas que encabezados es un problema con su ubicación. Lanza :class:`ErrorCarga` si
    la tabla está vacía o sus encabezados tienen problemas."""
    iterador = (fila for fila in filas if not all(vacia(c) for c in fila[1]))
    primera = next(iterador, None)
    nombre = tabla.archivo if tabla.hoja is None else f"{tabla.archivo}, hoja {tabla.hoja}"
    if primera is None:
        raise error(nombre, "ARCHIVO_INVALIDO",
                    "el archivo está vacío; falta la fila de encabezados")
    ubicar = leer_encabezados(rec, tabla, primera[0], primera[1], columnas, obligatorias,
                              ignorar_columnas)
    if ubicar is None:
        raise rec.fallar()
    ancho = _ancho(primera[1])

    def datos() -> Iterator[FilaLeida]:
        for leidas, (numero, celdas) in enumerate(iterador):
            if leidas >= maximo:
                raise error(nombre, "DEMASIADAS_METAS",
                            f"la tabla tiene más de {maximo} filas (parámetro max_metas); no "
                            "se leyó", "metas")
            sobra = _ancho(celdas)
            if sobra > ancho:
                rec.anotar(ubicar.sin_columna(numero, sobra - 1), None,
                           f"la fila tiene {sobra} celdas y los encabezados solo {ancho}; "
                           "sobran valores sin columna")
            yield numero, {c: celdas[i] if i < len(celdas) else None
                           for c, i in ubicar.indices.items()}

    return ubicar, datos()
