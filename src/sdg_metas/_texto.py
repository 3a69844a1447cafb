"""Normalización de textos para comparar nombres escritos por personas (sin I/O, sin estado)."""

from __future__ import annotations

import unicodedata


def sin_tildes(texto: str) -> str:
    """Minúsculas, sin tildes y sin espacios en los extremos: ``" Línea "`` → ``"linea"``.

    >>> sin_tildes("  Dirección para la Gestión POLICIVA ")
    'direccion para la gestion policiva'
    """
    descompuesto = unicodedata.normalize("NFKD", texto.strip().casefold())
    return "".join(c for c in descompuesto if not unicodedata.combining(c))
