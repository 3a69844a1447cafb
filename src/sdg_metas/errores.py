"""Errores de ``sdg_metas``.

Todo error de la biblioteca deriva de :class:`ErrorSdgMetas` (un ``ValueError``), lleva un
``codigo`` estable (para que una aplicación decida qué hacer sin leer el texto) y un mensaje en
español que nombra el campo y el valor que lo causó. Los errores de tipo (un ``bool`` donde va un
número, un ``datetime`` donde va una fecha) son :class:`TipoInvalido`, que además es ``TypeError``.

>>> from sdg_metas import ErrorSdgMetas, a_decimal
>>> try:
...     a_decimal("1,5", campo="magnitud")
... except ErrorSdgMetas as e:
...     print(e.codigo)
...     print(e)
NUMERO_INVALIDO
magnitud: '1,5' usa coma decimal; escriba el número con punto decimal: 1.5
"""

from __future__ import annotations

__all__ = [
    "ErrorArchivo",
    "ErrorCalendario",
    "ErrorCiclo",
    "ErrorModelo",
    "ErrorModificacion",
    "ErrorNumero",
    "ErrorProgramacion",
    "ErrorSdgMetas",
    "ErrorTrimestre",
    "TipoInvalido",
]


class ErrorSdgMetas(ValueError):
    """Error de la biblioteca: ``codigo`` estable, mensaje en español, ``campo`` y ``valor``."""

    codigo_por_defecto = "ERROR_SDG_METAS"

    def __init__(
        self,
        mensaje: str,
        *,
        codigo: str | None = None,
        campo: str | None = None,
        valor: object = None,
    ) -> None:
        super().__init__(mensaje)
        self.mensaje = mensaje
        self.codigo = codigo or self.codigo_por_defecto
        self.campo = campo
        self.valor = valor


class TipoInvalido(ErrorSdgMetas, TypeError):
    """Un valor de un tipo que el campo no admite (también es ``TypeError``)."""

    codigo_por_defecto = "TIPO_INVALIDO"


class ErrorNumero(ErrorSdgMetas):
    """Un número inválido: texto no numérico, NaN, infinito, coma decimal, negativo…"""

    codigo_por_defecto = "NUMERO_INVALIDO"


class ErrorTrimestre(ErrorSdgMetas):
    """Un trimestre o una vigencia inválidos."""

    codigo_por_defecto = "TRIMESTRE_INVALIDO"


class ErrorProgramacion(ErrorSdgMetas):
    """Una programación que no se puede construir o evaluar."""

    codigo_por_defecto = "PROGRAMACION_INVALIDA"


class ErrorModelo(ErrorSdgMetas):
    """Un objeto del modelo (meta, reporte, plan) con datos inválidos."""

    codigo_por_defecto = "MODELO_INVALIDO"


class ErrorCalendario(ErrorSdgMetas):
    """Una fecha fuera del calendario conocido u otro problema del calendario de reportes."""

    codigo_por_defecto = "CALENDARIO_INVALIDO"


class ErrorModificacion(ErrorSdgMetas):
    """Una solicitud de modificación inconsistente o una aplicación no permitida."""

    codigo_por_defecto = "MODIFICACION_INVALIDA"


class ErrorCiclo(ErrorSdgMetas):
    """Una transición del ciclo de vida del plan que no está permitida."""

    codigo_por_defecto = "TRANSICION_INVALIDA"


class ErrorArchivo(ErrorSdgMetas):
    """Un archivo de plan o de solicitud que no se puede leer (con todos sus problemas)."""

    codigo_por_defecto = "ARCHIVO_INVALIDO"
