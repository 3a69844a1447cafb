"""sdg_metas: las reglas del procedimiento PLE-PIN-P005 v8 como funciones puras.

"Formulación y seguimiento del Plan de Gestión", Secretaría Distrital de Gobierno de Bogotá.
Los nombres de ``__all__`` son la API pública: un contrato con las aplicaciones que la importan.

Cada nombre público se escribe donde se define y una sola vez aquí: en la lista de importaciones
``from .modulo import nombre as nombre`` del bloque ``if TYPE_CHECKING``. Los verificadores de
tipos (mypy) leen esa lista como reexportaciones explícitas, así que ven cada nombre con su tipo y
un nombre mal escrito (``sdg_metas.Mta``) es un error de tipos. En ejecución el bloque no corre:
``__getattr__`` (PEP 562) lee la misma lista del código fuente la primera vez que se pide un nombre
(como ``lazy_loader.attach_stub`` de scientific-python lee un ``.pyi``) e importa solo el submódulo
que lo define. Así ``import sdg_metas`` es casi gratis y ``sdg-metas plazos`` no carga lo que no
necesita.
"""

from __future__ import annotations

TYPE_CHECKING = False  # sin importar typing: import sdg_metas debe ser barato
if TYPE_CHECKING:  # la lista única de la API pública (ver arriba); mantenerla ordenada
    from typing import Any

    from .calculos import Resultado as Resultado
    from .calculos import evaluar as evaluar
    from .calendario import Calendario as Calendario
    from .calendario import Oportunidad as Oportunidad
    from .calendario import dia_habil_desde as dia_habil_desde
    from .calendario import dias_habiles_entre as dias_habiles_entre
    from .calendario import es_dia_habil as es_dia_habil
    from .calendario import fecha_limite_reporte as fecha_limite_reporte
    from .calendario import festivos as festivos
    from .calendario import motivo_no_habil as motivo_no_habil
    from .calendario import oportunidad as oportunidad
    from .calendario import siguiente_dia_habil as siguiente_dia_habil
    from .ciclo import TRANSICIONES as TRANSICIONES
    from .ciclo import AccionPlan as AccionPlan
    from .ciclo import Actor as Actor
    from .ciclo import EstadoPlan as EstadoPlan
    from .ciclo import Transicion as Transicion
    from .ciclo import acciones_permitidas as acciones_permitidas
    from .ciclo import transicion as transicion
    from .consolidacion import Calificacion as Calificacion
    from .consolidacion import Contribucion as Contribucion
    from .consolidacion import EvaluacionMeta as EvaluacionMeta
    from .consolidacion import EvaluacionPlan as EvaluacionPlan
    from .consolidacion import PosicionRanking as PosicionRanking
    from .consolidacion import Semaforo as Semaforo
    from .consolidacion import Situacion as Situacion
    from .consolidacion import calificacion as calificacion
    from .consolidacion import como_filas as como_filas
    from .consolidacion import consolidado_anual as consolidado_anual
    from .consolidacion import evaluar_plan as evaluar_plan
    from .consolidacion import filas as filas
    from .consolidacion import informe_gestion as informe_gestion
    from .consolidacion import ranking as ranking
    from .consolidacion import semaforo as semaforo
    from .errores import ErrorArchivo as ErrorArchivo
    from .errores import ErrorCalendario as ErrorCalendario
    from .errores import ErrorCiclo as ErrorCiclo
    from .errores import ErrorModelo as ErrorModelo
    from .errores import ErrorModificacion as ErrorModificacion
    from .errores import ErrorNumero as ErrorNumero
    from .errores import ErrorProgramacion as ErrorProgramacion
    from .errores import ErrorSdgMetas as ErrorSdgMetas
    from .errores import ErrorTrimestre as ErrorTrimestre
    from .errores import TipoInvalido as TipoInvalido
    from .formulacion import verificar_meta as verificar_meta
    from .formulacion import verificar_plan as verificar_plan
    from .formulacion import verificar_programacion as verificar_programacion
    from .invariantes import problemas_del_plan as problemas_del_plan
    from .modelo import Efecto as Efecto
    from .modelo import Indicador as Indicador
    from .modelo import Meta as Meta
    from .modelo import Nivel as Nivel
    from .modelo import PlanDeGestion as PlanDeGestion
    from .modelo import Programacion as Programacion
    from .modelo import RegistroModificacion as RegistroModificacion
    from .modelo import ReportadoPor as ReportadoPor
    from .modelo import Reporte as Reporte
    from .modelo import TipoProgramacion as TipoProgramacion
    from .modelo import ejecucion_de as ejecucion_de
    from .modelo import es_porcentual as es_porcentual
    from .modificaciones import Cambios as Cambios
    from .modificaciones import Causal as Causal
    from .modificaciones import Concepto as Concepto
    from .modificaciones import Decision as Decision
    from .modificaciones import Elegibilidad as Elegibilidad
    from .modificaciones import Instancia as Instancia
    from .modificaciones import Medio as Medio
    from .modificaciones import Rol as Rol
    from .modificaciones import SolicitudModificacion as SolicitudModificacion
    from .modificaciones import aplicar_modificacion as aplicar_modificacion
    from .modificaciones import comparar_metas as comparar_metas
    from .modificaciones import evaluar_solicitud as evaluar_solicitud
    from .modificaciones import solicitud_desde_plan as solicitud_desde_plan
    from .numeros import a_decimal as a_decimal
    from .numeros import porcentaje as porcentaje
    from .numeros import redondear as redondear
    from .politica import POLITICA_PLE_PIN_P005_V8 as POLITICA_PLE_PIN_P005_V8
    from .politica import AvanceAcumulado as AvanceAcumulado
    from .politica import CalificacionAnual as CalificacionAnual
    from .politica import ModoConstante as ModoConstante
    from .politica import Politica as Politica
    from .politica import RetrasoSegun as RetrasoSegun
    from .politica import SentidoAumento as SentidoAumento
    from .politica import TratamientoSinCumplimiento as TratamientoSinCumplimiento
    from .reglas import REGLAS as REGLAS
    from .reglas import Hallazgo as Hallazgo
    from .reglas import Motivo as Motivo
    from .reglas import Regla as Regla
    from .reglas import ResultadoRegla as ResultadoRegla
    from .reglas import Severidad as Severidad
    from .reportes import verificar_reporte as verificar_reporte
    from .reportes import verificar_reportes_plan as verificar_reportes_plan
    from .trimestre import Trimestre as Trimestre

__version__ = "0.1.0"

_MODULO_DE: dict[str, str] = {}  # nombre público → submódulo; se llena al primer uso


def _leer_la_lista() -> dict[str, str]:
    """Nombre público → submódulo, de las líneas ``from .modulo import nombre as nombre`` del
    bloque ``if TYPE_CHECKING`` (sin ``ast``: leerlas así cuesta menos de un milisegundo)."""
    if not _MODULO_DE:
        # open y no loader.get_source: este importa tokenize (~20 ms) para detectar la
        # codificación, que aquí es siempre UTF-8.
        with open(__file__, encoding="utf-8") as archivo:
            fuente = archivo.read()
        for linea in fuente.splitlines():
            partes = linea.split()
            if (
                len(partes) == 6
                and partes[0] == "from"
                and partes[1].startswith(".")
                and partes[2] == "import"
                and partes[3:5] == [partes[5], "as"]
            ):
                _MODULO_DE[partes[3]] = partes[1][1:]
    return _MODULO_DE


if not TYPE_CHECKING:  # mypy no lo ve: un nombre mal escrito sigue siendo un error de tipos

    def __getattr__(nombre: str) -> Any:
        if nombre == "__all__":
            valor = ["__version__", *sorted(_leer_la_lista())]
        else:
            modulo = _leer_la_lista().get(nombre)
            if modulo is None:
                raise AttributeError(f"module {__name__!r} has no attribute {nombre!r}")
            from importlib import import_module

            valor = getattr(import_module(f".{modulo}", __name__), nombre)
        globals()[nombre] = valor
        return valor


def __dir__() -> list[str]:
    return sorted({*globals(), "__version__", *_leer_la_lista()})
