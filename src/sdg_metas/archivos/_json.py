"""Leer JSON sin confiar en él: números como ``Decimal`` (nunca ``float``) y con dígitos
acotados, objetos contados antes de interpretarlos, anidamiento acotado mientras se interpreta,
claves repetidas y sustitutos sueltos informados con su ruta, y mensajes en español.

El anidamiento se mide de abajo arriba en el ``object_pairs_hook`` (cada objeto sabe el suyo) y
no con un recorrido recursivo; el analizador de Python desborda su pila hacia los mil niveles y
eso también se informa como ``JSON_DEMASIADO_ANIDADO``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from ._problemas import LIMITES, ErrorCarga, Limites, Recolector, corto, error, ruta_de

_MENSAJES_JSON = {
    "Expecting value": "se esperaba un valor",
    "Expecting property name enclosed in double quotes": (
        "se esperaba el nombre de un campo entre comillas dobles"
    ),
    "Expecting ',' delimiter": "falta una coma",
    "Expecting ':' delimiter": "faltan los dos puntos",
    "Extra data": "sobra texto después del JSON",
    "Unterminated string starting at": "un texto sin cerrar",
    "Invalid \\escape": "una secuencia de escape inválida (tras '\\' solo van \" \\ / b f n r t u)",
    "Invalid \\uXXXX escape": "un escape \\u sin cuatro dígitos hexadecimales",
    "Invalid control character at": (
        "un carácter de control dentro de un texto (escríbalo como \\n, \\t o \\u00XX)"
    ),
}

#: Un escape de sustituto: solo entonces (o si hubo claves repetidas o números largos) se
#: recorre el JSON leído para ubicar el problema.
_SOSPECHOSO = re.compile(r"\\u[dD][89a-fA-F]")


class _Hondo(Exception):
    """El JSON anida más de lo admitido (se lanza mientras se interpreta)."""


class _NumeroLargo(str):
    """Un número JSON con más dígitos de los admitidos (se informa con su ruta)."""

    __slots__ = ()


class _Lector:
    """Los ganchos de ``json.loads``: anotan el anidamiento de cada objeto con más de un nivel
    y las claves repetidas (por ``id``: los objetos viven hasta el final de la lectura)."""

    def __init__(self, limites: Limites) -> None:
        self.limites = limites
        self.profundidades: dict[int, int] = {}
        self.repetidas: dict[int, tuple[str, ...]] = {}
        self.numeros_largos = False

    def nivel(self, valor: object) -> int:
        """El anidamiento de un valor ya leído (sin recursión; cada lista se mira una vez, desde
        el objeto que la contiene)."""
        if valor.__class__ is dict:
            return self.profundidades.get(id(valor), 1)
        if valor.__class__ is not list:
            return 0
        maximo = 1
        pendientes: list[tuple[list[object], int]] = [(valor, 1)]
        while pendientes:
            lista, nivel = pendientes.pop()
            maximo = max(maximo, nivel)
            for elemento in lista:
                if elemento.__class__ is dict:
                    maximo = max(maximo, nivel + self.profundidades.get(id(elemento), 1))
                elif elemento.__class__ is list:
                    pendientes.append((elemento, nivel + 1))
        return maximo

    def objeto(self, pares: list[tuple[str, Any]]) -> dict[str, Any]:
        resultado = dict(pares)
        profundidad = 1
        for _, valor in pares:
            if valor.__class__ is dict or valor.__class__ is list:
                profundidad = max(profundidad, 1 + self.nivel(valor))
        if profundidad > 1:
            if profundidad > self.limites.max_profundidad:
                raise _Hondo
            self.profundidades[id(resultado)] = profundidad
        if len(resultado) != len(pares):
            conteo: dict[str, int] = {}
            for clave, _ in pares:
                conteo[clave] = conteo.get(clave, 0) + 1
            self.repetidas[id(resultado)] = tuple(c for c, n in conteo.items() if n > 1)
        return resultado

    def numero(self, entero: bool) -> Any:
        maximo = self.limites.max_digitos

        def convertir(texto: str) -> object:
            digitos = sum(c.isdigit() for c in texto) if len(texto) <= maximo + 8 else len(texto)
            if digitos > maximo:
                self.numeros_largos = True
                return _NumeroLargo(texto[:20])
            return int(texto) if entero else Decimal(texto)
        return convertir


def _constante_json(nombre: str) -> object:
    raise ValueError(f"{nombre} no es un número válido")


def leer_json(nombre: str, texto: str, limites: Limites = LIMITES) -> object:
    """El JSON de ``texto``, con los números decimales como ``Decimal`` (nunca ``float``).

    Antes de interpretarlo se cuentan sus llaves ``{`` (``JSON_DEMASIADO_GRANDE`` si pasan de
    ``max_objetos``); mientras, se mide su anidamiento (``JSON_DEMASIADO_ANIDADO``). Después se
    rechazan (``ErrorCarga`` con la ruta JSON de cada problema): una clave repetida en un objeto
    (``CLAVE_REPETIDA``), un número con más de ``max_digitos`` dígitos
    (``NUMERO_DEMASIADO_LARGO``) y un texto con un carácter suelto que no existe en Unicode
    (``CODIFICACION_INVALIDA``).

    >>> leer_json("<texto>", '{"a": 1, "b": {"a": 2, "a": 3}}')
    Traceback (most recent call last):
    ...
    sdg_metas.archivos.ErrorCarga: <texto>: 1 problema
      - <texto>, b.a: la clave 'a' está repetida en el objeto
    """
    # Cota rápida (sin crear nada): cada objeto tiene su «{», y los textos pueden tener más.
    if (objetos := texto.count("{")) > limites.max_objetos:
        raise error(nombre, "JSON_DEMASIADO_GRANDE",
                    f"el JSON tiene {objetos} llaves «{{» y el máximo de objetos es "
                    f"{limites.max_objetos} (parámetro max_objetos); no se leyó")
    if not texto.strip():
        raise error(nombre, "JSON_INVALIDO", "está vacío: no hay JSON que leer")
    lector = _Lector(limites)
    try:
        datos = json.loads(texto, parse_float=lector.numero(False), parse_int=lector.numero(True),
                           parse_constant=_constante_json, object_pairs_hook=lector.objeto)
        if lector.nivel(datos) > limites.max_profundidad:
            raise _Hondo
    except json.JSONDecodeError as e:
        raise error(nombre, "JSON_INVALIDO",
                    f"JSON mal formado en la línea {e.lineno}, columna {e.colno}: "
                    f"{_MENSAJES_JSON.get(e.msg, 'no es JSON válido')}") from None
    except (RecursionError, _Hondo):
        raise error(nombre, "JSON_DEMASIADO_ANIDADO",
                    f"el JSON anida más de {limites.max_profundidad} niveles (parámetro "
                    "max_profundidad); no se leyó") from None
    except ValueError as e:
        raise error(nombre, "JSON_INVALIDO", f"JSON no admitido: {e}") from None
    if lector.repetidas or lector.numeros_largos or _SOSPECHOSO.search(texto):
        _revisar(nombre, datos, lector)
    return datos


def _revisar(nombre: str, datos: object, lector: _Lector) -> None:
    """Recorre el JSON leído (sin recursión) y anota cada clave repetida, número largo y texto
    con sustitutos sueltos, con su ruta; el primer código decide el de :class:`ErrorCarga`."""
    rec = Recolector(nombre, lector.limites.max_problemas)
    codigos: list[str] = []
    pendientes: list[tuple[object, str]] = [(datos, "")]
    try:
        while pendientes:
            valor, ruta = pendientes.pop()
            for codigo, donde, mensaje in _problemas_de(valor, ruta, lector):
                codigos.append(codigo)
                rec.anotar(donde, None, mensaje)
            if isinstance(valor, dict):
                pendientes.extend((v, ruta_de(ruta, c)) for c, v in reversed(valor.items()))
            elif isinstance(valor, list):
                pendientes.extend((v, f"{ruta}[{i}]") for i, v in reversed(list(enumerate(valor))))
        if codigos:
            raise rec.fallar()
    except ErrorCarga as fallo:
        fallo.codigo = codigos[0]
        raise


def _sustituto(texto: str) -> bool:
    """¿Tiene ``texto`` un sustituto suelto (``\\ud800``), que no es un carácter?"""
    return not texto.isascii() and any("\ud800" <= c <= "\udfff" for c in texto)


def _problemas_de(valor: object, ruta: str, lector: _Lector) -> Iterator[tuple[str, str, str]]:
    """(código, ruta, mensaje) de cada problema de ``valor`` mismo (no de lo que contiene)."""
    if isinstance(valor, _NumeroLargo):
        yield ("NUMERO_DEMASIADO_LARGO", ruta,
               f"el número {valor}… tiene demasiados dígitos (parámetro max_digitos)")
    elif isinstance(valor, str) and _sustituto(valor):
        yield ("CODIFICACION_INVALIDA", ruta,
               "el texto tiene un escape \\uD800–\\uDFFF suelto, que no es un carácter")
    elif isinstance(valor, dict):
        for clave in lector.repetidas.get(id(valor), ()):
            yield ("CLAVE_REPETIDA", ruta_de(ruta, clave),
                   f"la clave {corto(clave)} está repetida en el objeto")
        for clave in valor:
            if _sustituto(clave):
                yield ("CODIFICACION_INVALIDA", ruta,
                       "una clave tiene un escape \\uD800–\\uDFFF suelto, que no es un carácter")


