"""Presentar los resultados donde la gente los lee: tablas HTML para un cuaderno y valores
simples para JSON.

Módulo del núcleo, puro (sin archivos, sin reloj): arma texto a partir de los objetos de la
biblioteca. Los ``_repr_html_`` de :class:`~sdg_metas.EvaluacionPlan`,
:class:`~sdg_metas.Calificacion`, :class:`~sdg_metas.modificaciones.Decision` y
:class:`~sdg_metas.Oportunidad` delegan aquí, así Jupyter los muestra como una tabla compacta con
los colores del semáforo (CON-03) y los identificadores de regla; el enunciado y la cláusula de
cada regla van en el ``title`` (se leen al pasar el puntero). Todo texto se escapa con
:func:`html.escape`.

:func:`valor_json` convierte cualquier valor de la biblioteca en uno que :mod:`json` escribe sin
perder exactitud (``Decimal`` como texto exacto, fechas ISO, enumeraciones por su valor,
``Trimestre`` como ``"2025-T2"``, objetos ``attrs`` como diccionarios), y
:class:`CodificadorJSON` lo usa con ``json.dumps(..., cls=CodificadorJSON)``:

>>> import json
>>> from sdg_metas import evaluar_plan, filas
>>> from sdg_metas.ejemplos import plan_ejemplo
>>> fila = filas(evaluar_plan(plan_ejemplo(), 2))[4]
>>> json.loads(json.dumps(fila, cls=CodificadorJSON))["cumplimiento_pct"]
'40.00'
"""

from __future__ import annotations

import datetime
import enum
import json
from collections.abc import Iterable, Mapping
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, Any, cast

import attrs

from ._validacion import exigir_tipo
from .errores import TipoInvalido
from .numeros import porcentaje, texto_numero
from .politica import POLITICA_PLE_PIN_P005_V8, Politica
from .reglas import REGLAS
from .trimestre import Trimestre

if TYPE_CHECKING:
    from .calendario import Oportunidad
    from .consolidacion import Calificacion, EvaluacionPlan, Semaforo
    from .modificaciones import Decision

__all__ = [
    "COLORES_SEMAFORO",
    "ETIQUETAS",
    "CodificadorJSON",
    "html_calificacion",
    "html_decision",
    "html_evaluacion",
    "html_oportunidad",
    "valor_json",
]

#: Color de fondo de cada banda del semáforo (CON-03), por el valor de ``Semaforo``.
COLORES_SEMAFORO: Mapping[str, str] = {
    "rojo": "#f4a6a6",
    "amarillo": "#ffe08a",
    "verde": "#a8d5a2",
    "sobreejecucion": "#9fc5e8",
    "sin_dato": "#e0e0e0",
}

_NOMBRES_SEMAFORO = {
    "rojo": "rojo",
    "amarillo": "amarillo",
    "verde": "verde",
    "sobreejecucion": "sobreejecución",
    "sin_dato": "sin dato",
}

_NOMBRES_SITUACION = {
    "medida": "medida",
    "sin_reporte": "sin reporte",
    "no_aplica": "no aplica",
    "no_programada": "no programada",
    "eliminada": "eliminada",
}

_NOMBRES_ELEGIBILIDAD = {
    "elegible": "elegible",
    "no_elegible": "no elegible",
    "requiere_revision_oap": "requiere revisión de la OAP",
}

#: Elegibilidad de una decisión → (texto, banda de color).
_ELEGIBILIDAD = {
    valor: (_NOMBRES_ELEGIBILIDAD[valor], banda)
    for valor, banda in (("elegible", "verde"), ("no_elegible", "rojo"),
                         ("requiere_revision_oap", "amarillo"))
}

_EFECTOS = {
    "modificar": "modificar la meta",
    "eliminar": "eliminar la meta",
    "marcar_eliminada": "marcar «Meta eliminada»",
}

#: El nombre en español, para leer, de cada valor (código) de ``Semaforo``, ``Situacion``,
#: ``Elegibilidad`` y ``Efecto``. Los códigos (``"sobreejecucion"``) son lo que guardan los
#: objetos y lo que escriben JSON y CSV; las salidas para leer (HTML, la tabla de la terminal,
#: el libro de Excel de la CLI) escriben estos nombres (``docs/formatos.md``, «Códigos y
#: nombres»): ``ETIQUETAS["semaforo"]["sobreejecucion"]`` es ``"sobreejecución"``.
ETIQUETAS: Mapping[str, Mapping[str, str]] = {
    "semaforo": _NOMBRES_SEMAFORO,
    "situacion": _NOMBRES_SITUACION,
    "elegibilidad": _NOMBRES_ELEGIBILIDAD,
    "efecto": _EFECTOS,
}

#: ``cumple`` de un motivo → (texto, banda de color).
_CUMPLE = {True: ("cumple", "verde"), False: ("no cumple", "rojo"), None: ("no aplica", "sin_dato")}

_ESTILO = "border-collapse:collapse;font-size:90%"
_BORDE = "border:1px solid #bbb;padding:2px 6px"


# --- piezas -------------------------------------------------------------------------------------


def _e(texto: object) -> str:
    return escape(str(texto), quote=True)


def _regla(identificador: str) -> str:
    """El identificador de una regla, con su enunciado y su cláusula en el ``title``."""
    regla = REGLAS.get(identificador)
    if regla is None:
        return _e(identificador)
    return f'<abbr title="{_e(f"{regla.enunciado} ({regla.fuente})")}">{_e(identificador)}</abbr>'


def _reglas(identificadores: Iterable[str]) -> str:
    return ", ".join(_regla(i) for i in sorted(set(identificadores))) or "—"


def _celda(contenido: str, banda: str | None = None, etiqueta: str = "td") -> str:
    """Una celda cuyo ``contenido`` ya es HTML; ``banda`` la pinta con su color de semáforo."""
    color = f";background-color:{COLORES_SEMAFORO[banda]}" if banda else ""
    return f'<{etiqueta} style="{_BORDE}{color}">{contenido}</{etiqueta}>'


def _marca(texto: str, banda: str) -> str:
    """``texto`` (se escapa) sobre el color de ``banda``."""
    return f'<span style="background-color:{COLORES_SEMAFORO[banda]}">{_e(texto)}</span>'


def _celda_semaforo(semaforo: Semaforo) -> str:
    valor = semaforo.value
    return _celda(_e(_NOMBRES_SEMAFORO.get(valor, valor)), valor)


def _pct(valor: Decimal | None) -> str:
    return "—" if valor is None else f"{porcentaje(valor)} %"


def _tabla(titulo: str, encabezados: Iterable[str], filas: Iterable[Iterable[str]]) -> str:
    """Una tabla: ``titulo`` y las celdas de ``filas`` ya son HTML; los encabezados, texto."""
    cabecera = "".join(_celda(_e(t), etiqueta="th") for t in encabezados)
    cuerpo = "".join(f"<tr>{''.join(celdas)}</tr>" for celdas in filas)
    return (
        f'<table class="sdg-metas" style="{_ESTILO}">'
        f'<caption style="text-align:left">{titulo}</caption>'
        f"<thead><tr>{cabecera}</tr></thead><tbody>{cuerpo}</tbody></table>"
    )


# --- los cuatro objetos -------------------------------------------------------------------------


def html_evaluacion(evaluacion: EvaluacionPlan) -> str:
    """Un plan evaluado (:func:`~sdg_metas.evaluar_plan`) como tabla HTML: una fila por meta con
    su cumplimiento, su semáforo y las reglas de sus hallazgos; en el título la calificación
    (CON-01) y su semáforo (CON-03).

    >>> from sdg_metas import evaluar_plan
    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> html = evaluar_plan(plan_ejemplo(), 2)._repr_html_()
    >>> "85.25 %" in html, "#f4a6a6" in html  # la calificación y el rojo de M5
    (True, True)
    """
    from .consolidacion import EvaluacionPlan  # al usarse: presentacion es la capa más alta

    exigir_tipo(evaluacion, EvaluacionPlan, "evaluacion", "una EvaluacionPlan (use evaluar_plan)")
    cal = evaluacion.calificacion
    titulo = (
        f"{_e(evaluacion.plan.unidad)} — {_e(evaluacion.trimestre)}: calificación "
        f"{_marca(_pct(cal.valor), evaluacion.semaforo.value)}, semáforo "
        f"{_e(_NOMBRES_SEMAFORO[evaluacion.semaforo.value])} "
        f"({_regla(cal.regla)}, {_regla('CON-03')})"
    )
    filas: list[tuple[str, ...]] = []
    for m in evaluacion.metas:
        r, c = m.resultado, m.contribucion
        filas.append((
            _celda(f'<span title="{_e(m.meta.descripcion)}">{_e(m.meta.codigo)}</span>'),
            _celda(_e(m.meta.programacion.tipo.value)),
            _celda(_e(texto_numero(r.ejecucion_acumulada if r else None))),
            _celda(_e(texto_numero(r.programado_acumulado if r else None))),
            _celda(_e(_pct(r.cumplimiento if r else None))),
            _celda_semaforo(m.semaforo),
            _celda(_e(_NOMBRES_SITUACION[c.situacion.value])),
            _celda(_e(_pct(c.aporte))),
            _celda(_reglas(h.regla for h in m.hallazgos)),
        ))
    if evaluacion.hallazgos_plan:
        filas.append((
            _celda("plan"), *(_celda("") for _ in range(7)),
            _celda(_reglas(h.regla for h in evaluacion.hallazgos_plan)),
        ))
    encabezados = ("meta", "tipo", "ejecutado", "programado", "cumplimiento", "semáforo",
                   "situación", "aporte", "hallazgos")
    return _tabla(titulo, encabezados, filas)


def html_calificacion(
    calificacion: Calificacion, politica: Politica = POLITICA_PLE_PIN_P005_V8
) -> str:
    """La calificación de un plan (CON-01) como tabla HTML: una fila por meta con lo que aporta.

    El semáforo (CON-03) usa las bandas de ``politica``: la calificación no guarda la política
    con que se calculó, así que ``_repr_html_`` usa la del procedimiento.

    >>> from sdg_metas import calificacion
    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> html = calificacion(plan_ejemplo(), 1)._repr_html_()
    >>> "96.25 %" in html, "no programada" in html
    (True, True)
    """
    from .consolidacion import Calificacion

    exigir_tipo(calificacion, Calificacion, "calificacion", "una Calificacion")
    from .consolidacion import semaforo

    banda = semaforo(calificacion.valor, politica)
    titulo = (
        f"Calificación de {_e(calificacion.unidad)} en {_e(calificacion.trimestre)}: "
        f"{_marca(_pct(calificacion.valor), banda.value)} ({_regla(calificacion.regla)}, "
        f"{_regla('CON-03')})"
    )
    filas = [
        (
            _celda(_e(c.codigo_meta)),
            _celda(_e(_NOMBRES_SITUACION[c.situacion.value])),
            _celda("sí" if c.cuenta else "no"),
            _celda(_e(_pct(c.cumplimiento))),
            _celda_semaforo(semaforo(c.cumplimiento, politica)),
            _celda(_e(_pct(c.cumplimiento_acotado))),
            _celda(_e(texto_numero(c.peso))),
            _celda(_e(_pct(c.aporte))),
            _celda(_e(c.motivo)),
        )
        for c in calificacion.contribuciones
    ]
    encabezados = ("meta", "situación", "cuenta", "cumplimiento", "semáforo", "acotado", "peso",
                   "aporte", "motivo")
    return _tabla(titulo, encabezados, filas)


def html_decision(decision: Decision) -> str:
    """Una decisión de elegibilidad (MOD-12) como tabla HTML: un renglón por regla MOD con su
    estado en color y su mensaje.

    >>> from sdg_metas.modificaciones import Decision, Cambios
    >>> from sdg_metas import Efecto, Motivo
    >>> from sdg_metas.modificaciones import Elegibilidad
    >>> d = Decision(Elegibilidad.NO_ELEGIBLE, Efecto.MODIFICAR, Cambios(),
    ...              [Motivo("MOD-04", False, "presentada después del 30 de junio")],
    ...              codigo_meta="M2")
    >>> "no elegible" in d._repr_html_(), "MOD-04</abbr>" in d._repr_html_()
    (True, True)
    """
    from .modificaciones import Decision

    exigir_tipo(decision, Decision, "decision", "una Decision")
    texto, banda = _ELEGIBILIDAD[decision.elegibilidad.value]
    meta = decision.codigo_meta or "(sin código)"
    titulo = (
        f"Solicitud sobre la meta {_e(meta)}: "
        f"{_marca(texto, banda)} "
        f"({_regla('MOD-12')}); efecto: {_e(_EFECTOS[decision.efecto.value])}; cambios: "
        f"{_e(decision.cambios.describir())}"
    )
    filas = []
    for m in decision.motivos:
        estado, color = _CUMPLE[m.cumple]
        if m.revision_oap:
            estado, color = "revisión OAP", "amarillo"
        filas.append((_celda(_regla(m.regla)), _celda(_e(estado), color), _celda(_e(m.mensaje))))
    return _tabla(titulo, ("regla", "estado", "mensaje"), filas)


def html_oportunidad(oportunidad: Oportunidad) -> str:
    """La oportunidad de un reporte (REP-06) como tabla HTML.

    >>> from datetime import date
    >>> from sdg_metas import Trimestre, oportunidad
    >>> html = oportunidad(Trimestre(2025, 3), date(2025, 10, 20))._repr_html_()
    >>> "extemporáneo" in html, "REP-06</abbr>" in html
    (True, True)
    """
    from .calendario import Oportunidad

    exigir_tipo(oportunidad, Oportunidad, "oportunidad", "una Oportunidad")
    if not oportunidad.a_tiempo:
        dias = oportunidad.dias_habiles_de_retraso
        estado, banda = f"extemporáneo ({dias} {'día hábil' if dias == 1 else 'días hábiles'})", "rojo"
    elif oportunidad.anticipado:
        estado, banda = "a tiempo, antes de terminar el trimestre", "amarillo"
    else:
        estado, banda = "a tiempo", "verde"
    fila = (
        _celda(_e(oportunidad.trimestre)),
        _celda(_e(oportunidad.fecha_envio.isoformat())),
        _celda(_e(oportunidad.fecha_limite.isoformat())),
        _celda(_e(estado), banda),
    )
    titulo = f"Oportunidad del reporte ({_regla('REP-06')})"
    return _tabla(titulo, ("trimestre", "enviado", "fecha límite", "oportunidad"), [fila])


# --- JSON ---------------------------------------------------------------------------------------


def _clave_json(clave: object) -> str:
    valor = valor_json(clave)
    return valor if isinstance(valor, str) else json.dumps(valor)


def _ordenados(valores: set[Any] | frozenset[Any]) -> list[Any]:
    """Los elementos de un conjunto en orden (por tipo y texto si no se pueden comparar)."""
    try:
        return sorted(valores)
    except TypeError:
        return sorted(valores, key=lambda v: (type(v).__name__, repr(v)))


def valor_json(valor: object) -> Any:
    """``valor`` como valor simple de JSON (``None``, ``bool``, número, texto, lista o dict).

    ``Decimal`` → texto exacto (``str``, se lee de vuelta con ``Decimal(texto)``); fechas → ISO;
    enumeraciones → su valor; ``Trimestre`` → ``"2025-T2"``; objetos ``attrs`` → diccionario de
    sus campos; tuplas y listas → listas; conjuntos → listas ordenadas; diccionarios → con claves
    de texto. Cualquier otra cosa es un :class:`~sdg_metas.TipoInvalido`.

    >>> from decimal import Decimal
    >>> from sdg_metas import Trimestre, Nivel
    >>> valor_json({"x": Decimal("94.8333"), "t": Trimestre(2025, 2), "n": Nivel.LOCAL})
    {'x': '94.8333', 't': '2025-T2', 'n': 'local'}
    """
    if valor is None or isinstance(valor, (bool, int, float, str)):
        return valor
    if isinstance(valor, Decimal):
        return str(valor)
    if isinstance(valor, datetime.date):
        return valor.isoformat()
    if isinstance(valor, enum.Enum):
        return valor_json(valor.value)
    if isinstance(valor, Trimestre):
        return str(valor)
    if attrs.has(type(valor)):
        campos = attrs.fields(cast("type[attrs.AttrsInstance]", type(valor)))
        return {c.name: valor_json(getattr(valor, c.name)) for c in campos}
    if isinstance(valor, Mapping):
        return {_clave_json(k): valor_json(v) for k, v in valor.items()}
    if isinstance(valor, (list, tuple)):
        return [valor_json(v) for v in valor]
    if isinstance(valor, (set, frozenset)):
        return [valor_json(v) for v in _ordenados(valor)]
    raise TipoInvalido(
        f"valor: un {type(valor).__name__} no se puede escribir en JSON (se esperan valores de "
        "sdg_metas: números, textos, fechas, trimestres, enumeraciones, objetos del modelo)",
        campo="valor",
        valor=type(valor).__name__,
    )


class CodificadorJSON(json.JSONEncoder):
    """Un codificador de :mod:`json` para los valores de la biblioteca (ver :func:`valor_json`):
    ``json.dumps(filas(ev), cls=CodificadorJSON)``.

    :mod:`json` exige claves de texto o número antes de consultar al codificador: un diccionario
    con claves ``Trimestre`` se escribe con ``json.dumps(valor_json(datos))``.
    """

    def default(self, o: Any) -> Any:
        """El valor simple de ``o`` (:func:`valor_json`)."""
        return valor_json(o)
