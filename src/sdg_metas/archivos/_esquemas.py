"""Qué campos tiene cada objeto de los formatos JSON (plan y solicitud de modificación).

Cada tabla va de la clave del objeto a ``(conversor, obligatorio, valor si falta)``
(:data:`~._problemas.Campo`); :meth:`~._problemas.Recolector.objeto` la recorre. Son datos, uno
por objeto del formato (ver ``docs/formatos.md``): viven juntos para leerse como el esquema.

Las clases de :mod:`sdg_metas.modificaciones` se importan al usarlas, para que importar
``sdg_metas.archivos`` no cargue las reglas de modificación.
"""

from __future__ import annotations

from typing import Any

from .._validacion import enum_desde_texto
from ..errores import ErrorModificacion
from ..modelo import ReportadoPor
from ._campos import (
    c_bool,
    c_codigo,
    c_efecto,
    c_fecha,
    c_fecha_opcional,
    c_nivel,
    c_numero,
    c_numero_opcional,
    c_numero_signo_opcional,
    c_peso,
    c_reportado_por,
    c_texto,
    c_texto_opcional,
    c_tipo,
    c_trimestre,
    c_trimestre_opcional,
    c_vigencia,
    crudo,
)
from ._problemas import Campo

#: Las claves con que empieza todo archivo JSON de la biblioteca.
_CABECERA: dict[str, Campo] = {
    "formato": (c_texto, True, None),
    "version": (crudo, True, None),
}

# --- Plan ---------------------------------------------------------------------------------------

CAMPOS_PLAN: dict[str, Campo] = {
    **_CABECERA,
    "vigencia": (c_vigencia, True, None),
    "unidad": (c_texto, True, None),
    "nivel": (c_nivel, True, None),
    "metas": (crudo, True, None),
    "reportes": (crudo, False, []),
    "modificaciones": (crudo, False, []),
}

CAMPOS_META: dict[str, Campo] = {
    "codigo": (c_codigo, True, None),
    "descripcion": (c_texto, True, None),
    "programacion": (crudo, True, None),
    "peso": (c_peso, True, None),
    "unidad": (c_texto, False, ""),
    "nivel": (c_nivel, False, None),
    "transversal": (c_bool, False, False),
    "proceso_lider": (c_texto_opcional, False, None),
    "dependencia_orientadora": (c_texto_opcional, False, None),
    "entregables": (crudo, False, []),
    "indicador": (crudo, False, None),
    "objetivo_estrategico": (c_texto_opcional, False, None),
    "eliminada_desde": (c_trimestre_opcional, False, None),
}

CAMPOS_PROGRAMACION: dict[str, Campo] = {
    "tipo": (c_tipo, True, None),
    "magnitud": (c_numero, True, None),
    "trimestres": (crudo, True, None),
    "linea_base": (c_numero_opcional, False, None),
}

CAMPOS_INDICADOR: dict[str, Campo] = {
    "nombre": (c_texto, True, None),
    "numerador": (c_texto, False, ""),
    "denominador": (c_texto, False, ""),
    "unidad": (c_texto, False, ""),
}

CAMPOS_REPORTE: dict[str, Campo] = {
    "codigo_meta": (c_codigo, True, None),
    "trimestre": (c_trimestre, True, None),
    "ejecucion": (c_numero_opcional, False, None),
    "numerador": (c_numero_opcional, False, None),
    "denominador": (c_numero_opcional, False, None),
    "analisis": (c_texto, False, ""),
    "evidencias": (crudo, False, []),
    "fecha_envio": (c_fecha_opcional, False, None),
    "avance_reportado": (c_numero_signo_opcional, False, None),
    "ejecucion_acumulada_reportada": (c_numero_opcional, False, None),
    "avance_acumulado_reportado": (c_numero_signo_opcional, False, None),
    "analisis_acumulado": (c_texto, False, ""),
    "causas_retraso": (c_texto, False, ""),
    # Política 8: quién reporta; si falta (archivos anteriores), la unidad dueña del plan.
    "reportado_por": (c_reportado_por, False, ReportadoPor.UNIDAD),
}

CAMPOS_MODIFICACION: dict[str, Campo] = {
    "codigo_meta": (c_codigo, True, None),
    "fecha_solicitud": (c_fecha, True, None),
    "fecha_aprobacion": (c_fecha, True, None),
    "efecto": (c_efecto, True, None),
    "desde": (c_trimestre_opcional, False, None),
    "revision_oap": (c_bool, False, False),
    "descripcion": (c_texto, False, ""),
    # Falta en la versión 1: se deduce de la descripción (ver ``_plan_json._leer_modificacion``).
    "solo_aumento": (c_bool, False, None),
}

# --- Solicitud de modificación ------------------------------------------------------------------


def _c_rol(valor: object) -> Any:
    from ..modificaciones import Rol

    return Rol.desde_texto(c_texto(valor))


def _c_medio(valor: object) -> Any:
    from ..modificaciones import Medio

    return Medio.desde_texto(c_texto(valor))


def _c_instancia(valor: object) -> Any:
    from ..modificaciones import Instancia

    return Instancia.desde_texto(c_texto(valor))


def _c_causal(valor: object) -> Any:
    from ..modificaciones import Causal

    if valor is None:
        return None
    return enum_desde_texto(Causal, c_texto(valor), "causal_excepcional", ErrorModificacion)


CAMPOS_SOLICITUD: dict[str, Campo] = {
    **_CABECERA,
    "codigo_meta": (c_codigo, True, None),
    "fecha": (c_fecha, True, None),
    "solicitante": (_c_rol, True, None),
    "medio": (_c_medio, True, None),
    "destinatario": (_c_rol, True, None),
    "justificacion": (c_texto, False, ""),
    "propuesta": (crudo, False, None),
    "eliminar": (c_bool, False, False),
    "conceptos": (crudo, False, []),
    "causal_excepcional": (_c_causal, False, None),
}

CAMPOS_CONCEPTO: dict[str, Campo] = {
    "instancia": (_c_instancia, True, None),
    "favorable": (c_bool, True, None),
    "medio": (_c_medio, True, None),
    "fecha": (c_fecha, True, None),
    "emisor": (c_texto_opcional, False, None),
}
