"""Archivos de solicitud de modificación (Política 9): JSON con
``"formato": "sdg_metas/solicitud"``, sobre una meta de un plan ya cargado.

Las clases de :mod:`sdg_metas.modificaciones` se importan al usarlas, para que importar
``sdg_metas.archivos`` no cargue las reglas de modificación.
"""

from __future__ import annotations

import os
from typing import Any

from .._validacion import mostrar
from ..errores import ErrorArchivo, ErrorSdgMetas
from ..modelo import PlanDeGestion
from ._esquemas import CAMPOS_CONCEPTO, CAMPOS_SOLICITUD
from ._lectura import leer_json, parece_json, texto_de, verificar_version
from ._plan_json import leer_meta, meta_a_dict, validar_plan
from ._problemas import MAX_BYTES, Recolector, corto, error, mensaje_de, validar_limite

#: Valor de la clave ``formato`` de un archivo de solicitud de modificación.
FORMATO_SOLICITUD = "sdg_metas/solicitud"
#: Versión del formato JSON de solicitud que esta biblioteca escribe (y la más alta que lee).
VERSION_SOLICITUD = 1


def solicitud_a_dict(solicitud: Any) -> dict[str, Any]:
    """Una :class:`~sdg_metas.modificaciones.SolicitudModificacion` en el formato JSON de
    solicitud (versión 1).

    Los hechos que salen del plan (``modificaciones_previas``, ``trimestres_reportados``,
    ``vigencia``) no se guardan: :func:`cargar_solicitud` los vuelve a tomar del plan.
    """
    from ..modificaciones import SolicitudModificacion

    if not isinstance(solicitud, SolicitudModificacion):
        raise ErrorArchivo(
            f"solicitud: {mostrar(solicitud)} debe ser una SolicitudModificacion",
            codigo="TIPO_INVALIDO", campo="solicitud", valor=solicitud,
        )
    causal = solicitud.causal_excepcional
    return {
        "formato": FORMATO_SOLICITUD,
        "version": VERSION_SOLICITUD,
        "codigo_meta": solicitud.meta.codigo,
        "fecha": solicitud.fecha.isoformat(),
        "solicitante": solicitud.solicitante.value,
        "medio": solicitud.medio.value,
        "destinatario": solicitud.destinatario.value,
        "justificacion": solicitud.justificacion,
        "propuesta": None if solicitud.propuesta is None else meta_a_dict(solicitud.propuesta),
        "eliminar": solicitud.eliminar,
        "conceptos": [_concepto_a_dict(c) for c in solicitud.conceptos],
        "causal_excepcional": None if causal is None else causal.value,
    }


def _concepto_a_dict(c: Any) -> dict[str, Any]:
    """Un concepto en el formato JSON; ``emisor`` solo si se conoce (INT-29)."""
    datos = {
        "instancia": c.instancia.value,
        "favorable": c.favorable,
        "medio": c.medio.value,
        "fecha": c.fecha.isoformat(),
    }
    if c.emisor is not None:
        datos["emisor"] = c.emisor
    return datos


def _verificar_cabecera(datos: object, archivo: str) -> dict[str, Any]:
    if not isinstance(datos, dict) or datos.get("formato") != FORMATO_SOLICITUD:
        formato = datos.get("formato") if isinstance(datos, dict) else datos
        raise error(archivo, "FORMATO_DESCONOCIDO",
                    f"formato: {corto(formato)} no es una solicitud de modificación; se "
                    f"esperaba \"formato\": \"{FORMATO_SOLICITUD}\"", "formato")
    verificar_version(archivo, datos.get("version"), VERSION_SOLICITUD, de=" de solicitud")
    return datos


def _leer_conceptos(rec: Recolector, datos: object) -> list[Any]:
    from ..modificaciones import Concepto

    conceptos = []
    for i, crudo_ in enumerate(rec.lista(datos, "conceptos", "conceptos") or []):
        campos = rec.objeto(crudo_, f"conceptos[{i}]", CAMPOS_CONCEPTO)
        if campos is not None:
            conceptos.append(Concepto(**campos))
    return conceptos


def leer_solicitud(datos: object, archivo: str, plan: PlanDeGestion) -> Any:
    """La solicitud de ``datos`` (el JSON ya interpretado), o :class:`ErrorCarga` con todo."""
    from ..modificaciones import solicitud_desde_plan

    datos = _verificar_cabecera(datos, archivo)
    rec = Recolector(archivo)
    campos = rec.objeto(datos, "", CAMPOS_SOLICITUD)
    propuesta = None
    if datos.get("propuesta") is not None:
        propuesta = leer_meta(rec, datos["propuesta"], "propuesta")
    conceptos = _leer_conceptos(rec, datos.get("conceptos", []))
    codigo = datos.get("codigo_meta")
    if isinstance(codigo, str) and codigo.strip() and all(m.codigo != codigo for m in plan.metas):
        rec.anotar("codigo_meta", "codigo_meta",
                   f"{mostrar(codigo)} no es una meta del plan {mostrar(plan.unidad)}")
    if rec.problemas or campos is None:
        raise rec.fallar()
    del campos["formato"], campos["version"]
    campos.update(propuesta=propuesta, conceptos=conceptos)
    try:
        return solicitud_desde_plan(plan, campos.pop("codigo_meta"), **campos)
    except ErrorSdgMetas as e:  # una solicitud inconsistente (eliminar y propuesta, …)
        rec.anotar(e.campo or "", e.campo, mensaje_de(e))
        raise rec.fallar() from None


def cargar_solicitud(
    ruta_o_texto: str | os.PathLike[str],
    plan: PlanDeGestion,
    *,
    max_bytes: int = MAX_BYTES,
) -> Any:
    """Carga una solicitud de modificación (JSON, ``"formato": "sdg_metas/solicitud"``) sobre una
    meta de ``plan``; los hechos de la solicitud (modificaciones previas, trimestres
    reportados, vigencia) se toman del plan (:func:`~sdg_metas.solicitud_desde_plan`).

    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> from sdg_metas import evaluar_solicitud
    >>> solicitud = cargar_solicitud('''{"formato": "sdg_metas/solicitud", "version": 1,
    ...     "codigo_meta": "M5", "fecha": "2025-05-20", "solicitante": "lider_proceso",
    ...     "medio": "memorando", "destinatario": "jefe_oap",
    ...     "justificacion": "La norma que daba origen a la meta fue derogada",
    ...     "eliminar": true}''', plan_ejemplo())
    >>> solicitud.meta.codigo, sorted(solicitud.trimestres_reportados)  # M5 empieza en T2
    ('M5', [2, 3, 4])
    >>> evaluar_solicitud(solicitud).efecto.name
    'MARCAR_ELIMINADA'
    """
    validar_limite(max_bytes, "max_bytes")
    validar_plan(plan)
    nombre, texto = texto_de(ruta_o_texto, parece_json(ruta_o_texto), max_bytes)
    return leer_solicitud(leer_json(nombre, texto), nombre, plan)
