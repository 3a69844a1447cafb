"""El plan en JSON: el formato versionado (``{"formato": "sdg_metas/plan", "version": 2, ...}``),
su lectura con todos los problemas a la vez y el esquema JSON que viaja con el paquete.

La versión 2 guarda ``solo_aumento`` en cada registro de modificación. La versión 1 todavía se
lee: allí ese campo no existe y se deduce de la descripción (``True`` si empieza por
:data:`PREFIJO_AUMENTO_V1`).
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import partial
from typing import Any, TypeVar

from .._validacion import mostrar
from ..errores import ErrorArchivo, ErrorSdgMetas
from ..modelo import (
    Indicador,
    Meta,
    PlanDeGestion,
    Programacion,
    RegistroModificacion,
    Reporte,
    Trimestre,
    problemas_del_plan,
)
from ._campos import c_numero_opcional, c_vigencia
from ._esquemas import (
    CAMPOS_INDICADOR,
    CAMPOS_META,
    CAMPOS_MODIFICACION,
    CAMPOS_PLAN,
    CAMPOS_PROGRAMACION,
    CAMPOS_REPORTE,
)
from ._lectura import verificar_version
from ._problemas import Invalido, Recolector, corto, error, ruta_de

_T = TypeVar("_T")

#: Valor de la clave ``formato`` de un archivo de plan.
FORMATO_PLAN = "sdg_metas/plan"
#: Versión del formato JSON de plan que esta biblioteca escribe (y la más alta que lee).
VERSION_PLAN = 2
#: En la versión 1, una modificación que solo aumentó la magnitud tenía esta descripción.
PREFIJO_AUMENTO_V1 = "Aumento de magnitud (MOD-07)"

# --- Plan → dict --------------------------------------------------------------------------------


def _num(valor: Decimal | None) -> str | None:
    return None if valor is None else str(valor)


def _trim(valor: Trimestre | None) -> str | None:
    return None if valor is None else str(valor)


def _fecha(valor: datetime.date | None) -> str | None:
    return None if valor is None else valor.isoformat()


def _indicador_a_dict(indicador: Indicador | None) -> dict[str, Any] | None:
    if indicador is None:
        return None
    return {
        "nombre": indicador.nombre,
        "numerador": indicador.numerador,
        "denominador": indicador.denominador,
        "unidad": indicador.unidad,
    }


def meta_a_dict(meta: Meta) -> dict[str, Any]:
    """Una meta como objeto del formato JSON (también la ``propuesta`` de una solicitud)."""
    prog = meta.programacion
    return {
        "codigo": meta.codigo,
        "descripcion": meta.descripcion,
        "programacion": {
            "tipo": prog.tipo.value,
            "magnitud": str(prog.magnitud),
            "trimestres": [_num(v) for v in prog.trimestres],
            "linea_base": _num(prog.linea_base),
        },
        "peso": str(meta.peso),
        "unidad": meta.unidad,
        "nivel": None if meta.nivel is None else meta.nivel.value,
        "transversal": meta.transversal,
        "proceso_lider": meta.proceso_lider,
        "dependencia_orientadora": meta.dependencia_orientadora,
        "entregables": list(meta.entregables),
        "indicador": _indicador_a_dict(meta.indicador),
        "objetivo_estrategico": meta.objetivo_estrategico,
        "eliminada_desde": _trim(meta.eliminada_desde),
    }


def _reporte_a_dict(r: Reporte) -> dict[str, Any]:
    return {
        "codigo_meta": r.codigo_meta,
        "trimestre": str(r.trimestre),
        "ejecucion": _num(r.ejecucion),
        "numerador": _num(r.numerador),
        "denominador": _num(r.denominador),
        "analisis": r.analisis,
        "evidencias": list(r.evidencias),
        "fecha_envio": _fecha(r.fecha_envio),
        "avance_reportado": _num(r.avance_reportado),
        "ejecucion_acumulada_reportada": _num(r.ejecucion_acumulada_reportada),
        "avance_acumulado_reportado": _num(r.avance_acumulado_reportado),
        "analisis_acumulado": r.analisis_acumulado,
        "causas_retraso": r.causas_retraso,
        "reportado_por": r.reportado_por.value,
    }


def _modificacion_a_dict(m: RegistroModificacion) -> dict[str, Any]:
    return {
        "codigo_meta": m.codigo_meta,
        "fecha_solicitud": m.fecha_solicitud.isoformat(),
        "fecha_aprobacion": m.fecha_aprobacion.isoformat(),
        "efecto": m.efecto.value,
        "desde": _trim(m.desde),
        "revision_oap": m.revision_oap,
        "descripcion": m.descripcion,
        "solo_aumento": m.solo_aumento,
    }


def validar_plan(plan: object) -> PlanDeGestion:
    """``plan`` si es un :class:`PlanDeGestion`; si no, ``TIPO_INVALIDO``."""
    if not isinstance(plan, PlanDeGestion):
        raise ErrorArchivo(
            f"plan: {mostrar(plan)} debe ser un PlanDeGestion", codigo="TIPO_INVALIDO", campo="plan",
            valor=plan,
        )
    return plan


def plan_a_dict(plan: PlanDeGestion) -> dict[str, Any]:
    """El plan como diccionario del formato JSON versión 2 (solo ``str``, ``int``, ``bool``,
    ``None``, listas y diccionarios; los números como texto, las fechas en ISO).

    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> d = plan_a_dict(plan_ejemplo())
    >>> sorted(d)
    ['formato', 'metas', 'modificaciones', 'nivel', 'reportes', 'unidad', 'version', 'vigencia']
    >>> d["reportes"][0]["trimestre"], d["reportes"][0]["fecha_envio"]
    ('2025-T1', '2025-04-10')
    """
    validar_plan(plan)
    return {
        "formato": FORMATO_PLAN,
        "version": VERSION_PLAN,
        "vigencia": plan.vigencia,
        "unidad": plan.unidad,
        "nivel": plan.nivel.value,
        "metas": [meta_a_dict(m) for m in plan.metas],
        "reportes": [_reporte_a_dict(r) for r in plan.reportes],
        "modificaciones": [_modificacion_a_dict(m) for m in plan.modificaciones],
    }


def plan_a_json(plan: PlanDeGestion) -> str:
    """El plan como texto JSON (UTF-8 legible, sangría de 2 espacios, termina en salto de línea)."""
    return json.dumps(plan_a_dict(plan), ensure_ascii=False, indent=2) + "\n"


# --- Lectura de cada objeto ---------------------------------------------------------------------


def _leer_trimestres(rec: Recolector, crudos: object, ruta: str) -> list[Decimal | None] | None:
    lista = rec.lista(crudos, ruta, "trimestres")
    if lista is None:
        return None
    if len(lista) != 4:
        rec.anotar(ruta, "trimestres", "se esperan exactamente 4 valores (T1..T4) y se "
                   f"recibieron {len(lista)}")
        return None
    valores = [
        rec.convertir(f"{ruta}[{i}]", "trimestres", c_numero_opcional, v)
        for i, v in enumerate(lista)
    ]
    return [v for _, v in valores] if all(ok for ok, _ in valores) else None


def _leer_programacion(rec: Recolector, datos: object, ruta: str) -> Programacion | None:
    campos = rec.objeto(datos, ruta, CAMPOS_PROGRAMACION)
    trimestres = None
    if isinstance(datos, dict) and "trimestres" in datos:
        trimestres = _leer_trimestres(rec, datos["trimestres"], ruta_de(ruta, "trimestres"))
    if campos is None or trimestres is None:
        return None
    return Programacion(campos["tipo"], campos["magnitud"], trimestres,
                        linea_base=campos["linea_base"])


def _leer_indicador(rec: Recolector, datos: object, ruta: str) -> tuple[bool, Indicador | None]:
    if datos is None:
        return True, None
    campos = rec.objeto(datos, ruta, CAMPOS_INDICADOR)
    return (False, None) if campos is None else (True, Indicador(**campos))


def leer_meta(rec: Recolector, datos: object, ruta: str) -> Meta | None:
    """La meta de ``datos`` (un objeto JSON), o ``None`` con sus problemas anotados."""
    campos = rec.objeto(datos, ruta, CAMPOS_META)
    if not isinstance(datos, dict):
        return None
    programacion = None
    if "programacion" in datos:
        programacion = _leer_programacion(rec, datos["programacion"],
                                          ruta_de(ruta, "programacion"))
    entregables = rec.textos(datos.get("entregables", []), ruta_de(ruta, "entregables"),
                             "entregables")
    ok_indicador, indicador = _leer_indicador(rec, datos.get("indicador"),
                                              ruta_de(ruta, "indicador"))
    if campos is None or programacion is None or entregables is None or not ok_indicador:
        return None
    campos.update(programacion=programacion, entregables=entregables, indicador=indicador)
    return Meta(**campos)


def _leer_reporte(rec: Recolector, datos: object, ruta: str) -> Reporte | None:
    campos = rec.objeto(datos, ruta, CAMPOS_REPORTE)
    if not isinstance(datos, dict):
        return None
    evidencias = rec.textos(datos.get("evidencias", []), ruta_de(ruta, "evidencias"),
                            "evidencias")
    if campos is None or evidencias is None:
        return None
    campos["evidencias"] = evidencias
    return Reporte(**campos)


def _leer_modificacion(
    version: int, rec: Recolector, datos: object, ruta: str
) -> RegistroModificacion | None:
    campos = rec.objeto(datos, ruta, CAMPOS_MODIFICACION)
    if campos is None:
        return None
    if campos["solo_aumento"] is None:
        campos["solo_aumento"] = version == 1 and campos["descripcion"].startswith(
            PREFIJO_AUMENTO_V1
        )
    return RegistroModificacion(**campos)


def _leer_elementos(
    rec: Recolector,
    datos: object,
    nombre: str,
    funcion: Callable[[Recolector, object, str], _T | None],
) -> list[_T | None] | None:
    """Cada elemento leído (``None`` donde tuvo problemas), o ``None`` si no es una lista."""
    elementos = rec.lista(datos, nombre, nombre)
    if elementos is None:
        return None
    return [funcion(rec, e, f"{nombre}[{i}]") for i, e in enumerate(elementos)]


# --- Las invariantes del plan: las del modelo, con su ubicación en el archivo -------------------

_PROGRAMACION_TESTIGO = Programacion("suma", 0, [None] * 4)
#: Problemas que no se pueden juzgar cuando falta la vigencia o la lista de metas del archivo.
_SIN_VIGENCIA = frozenset({"REPORTE_FUERA_DE_VIGENCIA"})
_SIN_METAS = frozenset({"REPORTE_SIN_META", "MODIFICACION_SIN_META"})
_INDICE = re.compile(r"^(reportes|modificaciones)\[(\d+)\]")


def _metas_para_referencias(metas: Sequence[Meta | None], crudas: list[object]) -> list[Meta]:
    """Las metas leídas y, en lugar de las que tuvieron problemas, una meta testigo con el
    código escrito en el archivo: las referencias se juzgan contra los códigos del archivo."""
    resultado = []
    for meta, cruda in zip(metas, crudas, strict=True):
        codigo = cruda.get("codigo") if isinstance(cruda, dict) else None
        if meta is not None:
            resultado.append(meta)
        elif isinstance(codigo, str) and codigo.strip():
            resultado.append(Meta(codigo=codigo, descripcion="",
                                  programacion=_PROGRAMACION_TESTIGO, peso=0))
    return resultado


def _anotar_invariantes(
    rec: Recolector,
    vigencia: int | None,
    metas: list[Meta] | None,
    reportes: Sequence[Reporte | None],
    modificaciones: Sequence[RegistroModificacion | None],
) -> None:
    """Anota los problemas de :func:`~sdg_metas.modelo.problemas_del_plan` entre los reportes y
    registros que se pudieron leer, con la ruta que tienen en el archivo."""
    leidos = {
        "reportes": [i for i, r in enumerate(reportes) if r is not None],
        "modificaciones": [i for i, m in enumerate(modificaciones) if m is not None],
    }
    omitir = (_SIN_VIGENCIA if vigencia is None else frozenset()) | (
        _SIN_METAS if metas is None else frozenset()
    )
    for problema in problemas_del_plan(
        vigencia or 0,
        metas or [],
        [r for r in reportes if r is not None],
        [m for m in modificaciones if m is not None],
    ):
        if problema.codigo in omitir or problema.campo is None:
            continue
        ruta = _INDICE.sub(
            lambda m: f"{m[1]}[{leidos[m[1]][int(m[2])]}]", problema.campo
        )
        campo = ruta.rsplit(".", 1)[1] if "." in ruta else None
        rec.anotar(ruta, campo, problema.mensaje.removeprefix(f"{problema.campo}: "))


# --- dict → Plan --------------------------------------------------------------------------------


def _verificar_cabecera(
    datos: object, archivo: str, max_metas: int
) -> tuple[dict[str, Any], int]:
    """El objeto raíz y su versión, tras comprobar ``formato``, ``version`` y el número de
    metas (lo que impide leer el resto)."""
    if not isinstance(datos, dict):
        raise error(archivo, "FORMATO_DESCONOCIDO",
                    f"se esperaba un objeto JSON con \"formato\": \"{FORMATO_PLAN}\"")
    formato = datos.get("formato")
    if formato != FORMATO_PLAN:
        raise error(archivo, "FORMATO_DESCONOCIDO",
                    f"formato: {corto(formato)} no es un archivo de plan; se esperaba "
                    f"\"formato\": \"{FORMATO_PLAN}\"", "formato")
    version = verificar_version(archivo, datos.get("version"), VERSION_PLAN,
                                consejo=" (actualice sdg-metas)")
    crudas = datos.get("metas")
    if isinstance(crudas, list) and len(crudas) > max_metas:
        raise error(archivo, "DEMASIADAS_METAS",
                    f"el plan tiene {len(crudas)} metas y el máximo es {max_metas} "
                    "(parámetro max_metas)", "metas")
    return datos, version


def _sin_nulos(valores: list[_T | None] | None) -> list[_T] | None:
    if valores is None or any(v is None for v in valores):
        return None
    return [v for v in valores if v is not None]


def _vigencia_o_nada(valor: object) -> int | None:
    try:
        return c_vigencia(valor)
    except (Invalido, ErrorSdgMetas):
        return None


def leer_plan(datos: object, archivo: str, max_metas: int) -> PlanDeGestion:
    """El plan de ``datos`` (el JSON ya interpretado), o :class:`ErrorCarga` con todo."""
    raiz, version = _verificar_cabecera(datos, archivo, max_metas)
    rec = Recolector(archivo)
    campos = rec.objeto(raiz, "", CAMPOS_PLAN)
    crudas = raiz.get("metas")
    metas = _leer_elementos(rec, crudas, "metas", leer_meta) if "metas" in raiz else None
    reportes = _leer_elementos(rec, raiz.get("reportes", []), "reportes", _leer_reporte)
    modificaciones = _leer_elementos(rec, raiz.get("modificaciones", []), "modificaciones",
                                     partial(_leer_modificacion, version))
    referencias = None
    if metas is not None and isinstance(crudas, list):
        referencias = _metas_para_referencias(metas, crudas)
    _anotar_invariantes(rec, _vigencia_o_nada(raiz.get("vigencia")), referencias,
                        reportes or [], modificaciones or [])
    metas_ok, reportes_ok = _sin_nulos(metas), _sin_nulos(reportes)
    modificaciones_ok = _sin_nulos(modificaciones)
    if rec.problemas or campos is None or metas_ok is None or reportes_ok is None or (
        modificaciones_ok is None
    ):
        raise rec.fallar()
    return PlanDeGestion(vigencia=campos["vigencia"], unidad=campos["unidad"],
                         nivel=campos["nivel"], metas=metas_ok, reportes=reportes_ok,
                         modificaciones=modificaciones_ok)


def esquema_plan() -> dict[str, Any]:
    """El esquema JSON (draft 2020-12) del formato de plan que viaja con el paquete; describe
    las versiones 1 y 2.

    >>> esquema_plan()["properties"]["formato"]["const"]
    'sdg_metas/plan'
    """
    from importlib import resources

    texto = resources.files("sdg_metas").joinpath("esquemas/plan.schema.json").read_text(
        encoding="utf-8"
    )
    resultado: dict[str, Any] = json.loads(texto)
    return resultado
