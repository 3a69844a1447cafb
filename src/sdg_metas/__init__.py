"""sdg_metas: las reglas del procedimiento PLE-PIN-P005 v8 como funciones puras.

"Formulación y seguimiento del Plan de Gestión", Secretaría Distrital de Gobierno de Bogotá.
Los nombres de este módulo (``__all__``) son la API pública: un contrato con las aplicaciones
que la importan.
"""

from .calculos import Resultado, evaluar
from .errores import (
    ErrorArchivo,
    ErrorCalendario,
    ErrorCiclo,
    ErrorModelo,
    ErrorModificacion,
    ErrorNumero,
    ErrorProgramacion,
    ErrorSdgMetas,
    ErrorTrimestre,
    TipoInvalido,
)
from .formulacion import verificar_programacion
from .modelo import (
    Efecto,
    Indicador,
    Meta,
    Nivel,
    PlanDeGestion,
    Programacion,
    RegistroModificacion,
    Reporte,
    TipoProgramacion,
    Trimestre,
    ejecucion_de,
    es_porcentual,
)
from .numeros import a_decimal, porcentaje, redondear
from .politica import POLITICA_PLE_PIN_P005_V8, ModoConstante, Politica
from .reglas import REGLAS, Hallazgo, Regla, Severidad

# --- calendario (issue 4): importar aquí sus nombres ---
# --- modificaciones (issue 5): importar aquí sus nombres ---
# --- verificaciones de formulación y reportes (issue 6): importar aquí sus nombres ---
# --- consolidación y ciclo de vida (issue 6): importar aquí sus nombres ---
from .ciclo import (
    TRANSICIONES,
    AccionPlan,
    Actor,
    EstadoPlan,
    Transicion,
    acciones_permitidas,
    transicion,
)
from .consolidacion import (
    Calificacion,
    Contribucion,
    EvaluacionMeta,
    EvaluacionPlan,
    PosicionRanking,
    Semaforo,
    Situacion,
    calificacion,
    como_filas,
    consolidado_anual,
    evaluar_plan,
    filas,
    informe_gestion,
    ranking,
    semaforo,
)
from .politica import CalificacionAnual, TratamientoSinCumplimiento

__version__ = "0.1.0"

__all__ = [
    "POLITICA_PLE_PIN_P005_V8",
    "REGLAS",
    "Efecto",
    "ErrorArchivo",
    "ErrorCalendario",
    "ErrorCiclo",
    "ErrorModelo",
    "ErrorModificacion",
    "ErrorNumero",
    "ErrorProgramacion",
    "ErrorSdgMetas",
    "ErrorTrimestre",
    "Hallazgo",
    "Indicador",
    "Meta",
    "ModoConstante",
    "Nivel",
    "PlanDeGestion",
    "Politica",
    "Programacion",
    "RegistroModificacion",
    "Regla",
    "Reporte",
    "Resultado",
    "Severidad",
    "TipoInvalido",
    "TipoProgramacion",
    "Trimestre",
    "__version__",
    "a_decimal",
    "ejecucion_de",
    "es_porcentual",
    "evaluar",
    "porcentaje",
    "redondear",
    "verificar_programacion",
    # --- calendario (issue 4) ---
    # --- modificaciones (issue 5) ---
    # --- verificaciones de formulación y reportes (issue 6) ---
    # --- consolidación y ciclo de vida (issue 6) ---
    "TRANSICIONES",
    "AccionPlan",
    "Actor",
    "Calificacion",
    "CalificacionAnual",
    "Contribucion",
    "EstadoPlan",
    "EvaluacionMeta",
    "EvaluacionPlan",
    "PosicionRanking",
    "Semaforo",
    "Situacion",
    "Transicion",
    "TratamientoSinCumplimiento",
    "acciones_permitidas",
    "calificacion",
    "como_filas",
    "consolidado_anual",
    "evaluar_plan",
    "filas",
    "informe_gestion",
    "ranking",
    "semaforo",
    "transicion",
]
