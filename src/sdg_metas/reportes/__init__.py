"""Coherencia de los reportes trimestrales (Actividades 9 y 10; Notas 1 a 3 de la Actividad 9;
Políticas 5 y 8): reglas ``REP-*``.

:func:`verificar_reporte` revisa un reporte de una meta como lo hace el analista de la OAP en el
punto de control de la Actividad 10: «programado, ejecutado, avance y análisis del avance, para el
trimestre y el acumulado de la vigencia». No lanza excepciones por el contenido del reporte:
devuelve una tupla de :class:`~sdg_metas.Hallazgo` (vacía si el reporte es coherente), cada uno con
``codigo_meta`` y un mensaje que empieza por el trimestre.

>>> from datetime import date
>>> from sdg_metas import Meta, Programacion, Reporte, Trimestre, verificar_reporte
>>> meta = Meta(codigo="M1", descripcion="Realizar 120 acciones", peso=20, unidad="acciones",
...             programacion=Programacion("suma", 120, [30, 30, 30, 30]))
>>> t1 = Reporte(codigo_meta="M1", trimestre=Trimestre(2025, 1), ejecucion=30,
...              analisis="Se realizaron las 30 acciones", analisis_acumulado="Al día",
...              evidencias=["actas.pdf"], fecha_envio=date(2025, 4, 10), avance_reportado=1,
...              ejecucion_acumulada_reportada=30, avance_acumulado_reportado=1)
>>> verificar_reporte(meta, t1)
()
>>> t2 = Reporte(codigo_meta="M1", trimestre=Trimestre(2025, 2), ejecucion=24,
...              analisis="Se realizaron 24 acciones", analisis_acumulado="54 de 60",
...              evidencias=["actas.pdf"], fecha_envio=date(2025, 7, 22),
...              avance_reportado="0.8", avance_acumulado_reportado="0.9")
>>> for h in verificar_reporte(meta, t2, anteriores=[t1]):
...     print(h.regla, h.severidad.name, h.mensaje)
REP-03 ERROR 2025-T2: causas_retraso: la meta va atrasada (cumplimiento 90 % de lo programado a la fecha) y el reporte no justifica las causas del retraso (Actividad 9, Nota 1)
REP-06 ERROR 2025-T2: fecha_envio: extemporáneo: se envió el 2025-07-22 y la fecha límite era el 2025-07-15 (5 días hábiles de retraso)
REP-07 ADVERTENCIA 2025-T2: ejecucion_acumulada_reportada: el reporte no trae la ejecución acumulada (Actividad 9); la OAP la completa con la cifra calculada
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, localcontext

import attrs

from .. import reglas
from .._validacion import exigir_tipo, mostrar, tupla_de
from ..calculos import (
    Resultado,
    comprobar_ejecuciones,
    ejecuciones_del_plan,
    evaluar_comprobadas,
    resultados_del_plan,
)
from ..calendario import Calendario, oportunidad
from ..errores import (
    ErrorCalendario,
    ErrorModelo,
    ErrorProgramacion,
    ErrorTrimestre,
)
from ..modelo import Meta, Nivel, PlanDeGestion, ReportadoPor, Reporte, Trimestre, ejecuciones_de
from ..numeros import CONTEXTO, texto_numero
from ..politica import POLITICA_PLE_PIN_P005_V8, AvanceAcumulado, Politica, RetrasoSegun
from ..reglas import Hallazgo, Severidad
from ..trimestre import indice_trimestre
from ._analisis import _es_analisis, es_analisis, nombra_causa

__all__ = ["REGISTRO_REP", "ContextoReporte", "es_analisis", "nombra_causa", "verificar_reporte",
           "verificar_reportes_plan"]

_CERO = Decimal(0)
_UNO = Decimal(1)
_CIEN = Decimal(100)


def verificar_reporte(
    meta: Meta,
    reporte: Reporte,
    anteriores: Iterable[Reporte] = (),
    politica: Politica = POLITICA_PLE_PIN_P005_V8,
    calendario: Calendario | None = None,
) -> tuple[Hallazgo, ...]:
    """Verifica un reporte trimestral de una meta (REP-01 a REP-08); devuelve los hallazgos.

    ``anteriores`` son los otros reportes de la misma meta en la vigencia: alimentan las cifras
    acumuladas (solo cuentan los de trimestres anteriores al del reporte, así que se pueden pasar
    todos los de la vigencia). Las cifras se calculan con :func:`~sdg_metas.evaluar` hasta el
    trimestre del reporte.

    - REP-01 (``ERROR``): hay ejecución (``ejecucion`` o ``numerador`` y ``denominador``); con
      numerador y denominador, el denominador es mayor que 0 y, si también se da la ejecución,
      es numerador/denominador (×100 en metas en %) con la tolerancia
      ``politica.tolerancia_ejecucion_reporte`` (``INT-41``). Una ejecución negativa no llega
      hasta aquí: el modelo la rechaza al construir el reporte.
    - REP-02 (``ERROR``): cada cifra reportada (``avance_reportado``,
      ``ejecucion_acumulada_reportada``, ``avance_acumulado_reportado``) es igual a la calculada
      (``avance_trimestre``, ``ejecucion_acumulada`` y, según ``INT-42``, ``cumplimiento``) con
      las tolerancias de ``INT-41``; los avances son fracciones (1 = 100 %). Una cifra que no se
      reportó (``None``) no se compara; una reportada donde la calculada «no aplica» es un
      hallazgo.
    - REP-03 (``ERROR``): hay análisis del avance y del resultado acumulado (un texto sin
      palabras o como «N/A» no lo es, ``INT-46``); si la meta va atrasada (``INT-47``), el
      reporte justifica las causas en ``causas_retraso`` o en un análisis que las nombre
      (``INT-43``, ``INT-46``).
    - REP-04 (``ERROR``): hay al menos una evidencia.
    - REP-05 (``ADVERTENCIA``): una ejecución mayor que 0 en un trimestre no programado se
      señala para revisión (una ejecución 0 en un trimestre sin programación es coherente).
    - REP-06: un reporte extemporáneo es un ``ERROR`` con los días hábiles de retraso
      (:func:`~sdg_metas.calendario.oportunidad`); uno enviado antes de terminar el trimestre o
      sin ``fecha_envio`` (``INT-44``) es una ``ADVERTENCIA``.
    - REP-07 (``ADVERTENCIA``): falta una cifra de la Actividad 9 que se puede calcular (el %
      de avance del trimestre, la ejecución o el % de avance acumulados): la OAP la completa.
    - REP-08 (``ERROR``): en una meta local o transversal que reporta un área del nivel
      central (``Reporte.reportado_por``), falta el numerador, el denominador, el resultado o
      las observaciones (Política 8).

    El reporte de un trimestre en que la meta ya está marcada «Meta eliminada» (desde
    ``Meta.eliminada_desde``) no se verifica: no tiene hallazgos (``INT-49``; con
    ``politica.verificar_reportes_de_eliminadas`` se verifica como los demás).

    Los argumentos de otro tipo son ``TipoInvalido``; un reporte de otra meta, un anterior de otra
    vigencia o dos reportes del mismo trimestre son ``ErrorModelo`` (son un error de quien llama,
    no del reporte).
    """
    exigir_tipo(meta, Meta, "meta", "una Meta")
    exigir_tipo(reporte, Reporte, "reporte", "un Reporte")
    exigir_tipo(politica, Politica, "politica", "una Politica")
    if calendario is not None:
        exigir_tipo(calendario, Calendario, "calendario", "un Calendario (o quedar vacío)")
    otros = _anteriores(anteriores, meta, reporte)
    _misma_meta(reporte, meta, "reporte")
    with localcontext(CONTEXTO):
        ejecuciones = comprobar_ejecuciones(ejecuciones_de(meta, (*otros, reporte)))
        return _verificar_con(meta, reporte, ejecuciones, politica, calendario)


def _misma_meta(reporte: Reporte, meta: Meta, campo: str) -> None:
    if reporte.codigo_meta not in ("", meta.codigo):
        raise ErrorModelo(
            f"{campo}.codigo_meta: {mostrar(reporte.codigo_meta)} no es la meta verificada "
            f"{mostrar(meta.codigo)}",
            codigo="REPORTE_DE_OTRA_META",
            campo=f"{campo}.codigo_meta",
            valor=reporte.codigo_meta,
        )


def _anteriores(anteriores: object, meta: Meta, reporte: Reporte) -> tuple[Reporte, ...]:
    lista = tupla_de(anteriores, Reporte, "anteriores", "un Reporte")
    vistos = {reporte.trimestre.numero}
    for i, otro in enumerate(lista):
        campo = f"anteriores[{i}]"
        _misma_meta(otro, meta, campo)
        if otro.trimestre.vigencia != reporte.trimestre.vigencia:
            raise ErrorModelo(
                f"{campo}.trimestre: {otro.trimestre} no es de la vigencia "
                f"{reporte.trimestre.vigencia} del reporte",
                codigo="REPORTE_FUERA_DE_VIGENCIA",
                campo=f"{campo}.trimestre",
                valor=str(otro.trimestre),
            )
        if otro.trimestre.numero in vistos:
            raise ErrorModelo(
                f"{campo}: ya hay un reporte de la meta {mostrar(meta.codigo)} para {otro.trimestre}",
                codigo="REPORTE_DUPLICADO",
                campo=campo,
                valor=str(otro.trimestre),
            )
        vistos.add(otro.trimestre.numero)
    return lista


def _verificar_con(meta: Meta, reporte: Reporte, ejecuciones: tuple[Decimal | None, ...],
                   politica: Politica, calendario: Calendario | None) -> tuple[Hallazgo, ...]:
    """Las reglas REP del reporte, con las ejecuciones T1..T4 ya comprobadas de su meta."""
    k = reporte.trimestre.numero
    try:
        resultado: Resultado | None = evaluar_comprobadas(meta.programacion, ejecuciones, k,
                                                          politica)
    except ErrorProgramacion:  # una meta DECRECIENTE sin línea base (FOR-02)
        resultado = None
    return _verificar(ContextoReporte(meta, reporte, resultado, ejecuciones[k - 1], politica,
                                      calendario))


def _verificar(c: ContextoReporte) -> tuple[Hallazgo, ...]:
    """Las reglas REP sobre un reporte; ninguna si la meta ya está marcada «Meta eliminada» en su
    trimestre y la política no pide verificarlo (``INT-49``)."""
    if c.meta.eliminada_desde is not None and not (
        c.politica.verificar_reportes_de_eliminadas or c.meta.activa_en(c.reporte.trimestre)
    ):
        return ()
    return tuple(h for verificacion in REGISTRO_REP.values() for h in verificacion(c))


@attrs.frozen(slots=True)
class ContextoReporte:
    """Lo que necesita cada regla ``REP-*``: la meta, el reporte, sus cifras calculadas con
    :func:`~sdg_metas.evaluar` hasta el trimestre del reporte (``None`` si no se pueden calcular),
    la ejecución del trimestre, la política y el calendario."""

    meta: Meta
    reporte: Reporte
    resultado: Resultado | None
    ejecucion: Decimal | None
    politica: Politica
    calendario: Calendario | None


_ERROR = Severidad.ERROR
_ADVERTENCIA = Severidad.ADVERTENCIA


def _h(
    c: ContextoReporte, regla: str, campo: str, mensaje: str, severidad: Severidad = _ERROR
) -> tuple[Hallazgo, ...]:
    """Un hallazgo del reporte: el mensaje empieza por el trimestre."""
    t = c.reporte.trimestre  # sin revalidar (issue 12, docs/escala.md)
    return (Hallazgo._de_la_biblioteca(regla, f"{t}: {mensaje}", severidad, c.meta.codigo, t, campo),)


def _vacio(texto: str) -> bool:
    return not texto.strip()


def _n(valor: Decimal) -> str:
    return texto_numero(valor, 4)


def _pct(fraccion: Decimal, decimales: int = 4) -> str:
    return f"{texto_numero(fraccion * _CIEN, decimales)} %"


# --- REP-01: ejecución ---------------------------------------------------------------------


def _rep_01(c: ContextoReporte) -> tuple[Hallazgo, ...]:
    r = c.reporte
    num, den, ejecucion = r.numerador, r.denominador, r.ejecucion
    if num is None and den is None:
        if ejecucion is None:
            return _h(c, "REP-01", "ejecucion", "ejecucion: falta la ejecución del trimestre (ni "
                      "ejecucion ni numerador/denominador)")
        return ()
    if num is None or den is None:
        falta, dado = ("denominador", "numerador") if den is None else ("numerador", "denominador")
        return _h(c, "REP-01", falta, f"{falta}: se dio el {dado} sin el {falta}")
    if den.is_zero():
        return _h(c, "REP-01", "denominador", f"denominador: es {den}; debe ser mayor que 0")
    if ejecucion is None:
        return ()
    porcentual = c.meta.porcentual
    razon = num / den
    calculada = razon * _CIEN if porcentual else razon
    if abs(ejecucion - calculada) <= c.politica.tolerancia_ejecucion_reporte:
        return ()
    formula = f"{_n(num)}/{_n(den)}" + (" × 100" if porcentual else "")
    return _h(
        c,
        "REP-01",
        "ejecucion",
        f"ejecucion: {_n(ejecucion)} no es numerador/denominador = {formula} = {_n(calculada)}",
    )


# --- REP-02: cifras reportadas frente a las calculadas --------------------------------------

#: Los campos de las cifras de la Actividad 9 que se pueden calcular (ver :func:`_calculadas`).
_CAMPOS = ("avance_reportado", "ejecucion_acumulada_reportada", "avance_acumulado_reportado")


def _calculadas(
    resultado: Resultado, politica: Politica
) -> tuple[tuple[str, str, Decimal | None, bool, str], ...]:
    """Las cifras de la Actividad 9 que se pueden calcular, para REP-02 y REP-07: el campo del
    reporte, el elemento que la Actividad 9 nombra, la cifra calculada, si es un avance (una
    fracción) y su nombre. El «% de avance acumulado» es el cumplimiento o el avance de la
    vigencia según ``politica.avance_acumulado_reporte`` (``INT-42``), en las dos reglas."""
    vigencia = politica.avance_acumulado_reporte is AvanceAcumulado.AVANCE_VIGENCIA
    return (
        (_CAMPOS[0], "el resultado de la medición del trimestre (% de avance)",
         resultado.avance_trimestre, True, "el avance del trimestre"),
        (_CAMPOS[1], "la ejecución acumulada", resultado.ejecucion_acumulada, False,
         "la ejecución acumulada"),
        (_CAMPOS[2], "el resultado de la medición acumulada (% de avance acumulado)",
         resultado.avance_vigencia if vigencia else resultado.cumplimiento, True,
         "el avance de la vigencia" if vigencia else "el cumplimiento"),
    )


def _rep_02(c: ContextoReporte) -> tuple[Hallazgo, ...]:
    r, resultado, politica = c.reporte, c.resultado, c.politica
    if resultado is None:
        presentes = [campo for campo in _CAMPOS if getattr(r, campo) is not None]
        if not presentes:
            return ()
        return _h(c, "REP-02", presentes[0], f"{presentes[0]}: no se pueden calcular las cifras "
                  "de la meta (una meta decreciente necesita línea base, FOR-02); las cifras "
                  "reportadas no se comparan", _ADVERTENCIA)
    tol_avance = politica.tolerancia_reporte / _CIEN
    hallazgos: list[Hallazgo] = []
    for campo, _, calculado, es_avance, nombre in _calculadas(resultado, politica):
        reportado = getattr(r, campo)
        if reportado is not None:
            tolerancia = tol_avance if es_avance else politica.tolerancia_ejecucion_reporte
            hallazgos.extend(_cifra(c, campo, reportado, calculado, tolerancia, es_avance, nombre))
    return tuple(hallazgos)


def _cifra(
    c: ContextoReporte,
    campo: str,
    reportado: Decimal,
    calculado: Decimal | None,
    tolerancia: Decimal,
    es_avance: bool,
    nombre: str,
) -> tuple[Hallazgo, ...]:
    """REP-02 para una cifra reportada (``nombre`` lleva su artículo: «la ejecución acumulada»
    concuerda en femenino)."""
    mostrar = _pct if es_avance else _n
    a = "a" if nombre.startswith("la ") else "o"
    if calculado is None:
        return _h(
            c,
            "REP-02",
            campo,
            f"{campo}: se reportó {mostrar(reportado)}, pero {nombre} no aplica "
            f"(no hay programación o ejecución con qué calcular{'l' + a})",
        )
    if abs(reportado - calculado) <= tolerancia:
        return ()
    pista = ""
    if es_avance and abs(reportado - calculado * _CIEN) <= tolerancia * _CIEN:
        pista = "; ¿se reportó en porcentaje? los avances se reportan como fracción (1 = 100 %)"
    return _h(
        c,
        "REP-02",
        campo,
        f"{campo}: se reportó {mostrar(reportado)} y {nombre} calculad{a} es "
        f"{mostrar(calculado)}{pista}",
    )


# --- REP-03: análisis y causas del retraso --------------------------------------------------

def _justifica(r: Reporte, politica: Politica) -> bool:
    """El reporte justifica el retraso: en ``causas_retraso`` o, con ``INT-43``, en un análisis
    que nombra una causa (``INT-46``)."""
    if _es_analisis(r.causas_retraso, politica.textos_sin_analisis):
        return True
    return politica.causas_retraso_en_analisis and any(
        nombra_causa(texto, politica) for texto in (r.analisis, r.analisis_acumulado)
    )


def _retraso(c: ContextoReporte) -> tuple[str, Decimal] | None:
    """Cómo va atrasada la meta según ``INT-47`` (la frase del mensaje, sin la cifra, y la cifra),
    o ``None`` si no lo va. El mensaje se arma solo si hay hallazgo (issue 12)."""
    resultado, segun = c.resultado, c.politica.retraso_segun
    if resultado is None:
        return None
    cumplimiento, trimestre = resultado.cumplimiento, resultado.avance_trimestre
    if segun is not RetrasoSegun.TRIMESTRE and cumplimiento is not None and cumplimiento < _UNO:
        return "la meta va atrasada (cumplimiento {} de lo programado a la fecha)", cumplimiento
    if segun is not RetrasoSegun.ACUMULADO and trimestre is not None and trimestre < _UNO:
        return ("la meta va atrasada en el trimestre (avance del trimestre {} de lo programado)",
                trimestre)
    return None


def _falta_analisis(c: ContextoReporte, campo: str, que: str) -> tuple[Hallazgo, ...]:
    texto = getattr(c.reporte, campo)
    if _es_analisis(texto, c.politica.textos_sin_analisis):
        return ()
    if _vacio(texto):
        return _h(c, "REP-03", campo, f"{campo}: falta el análisis {que}")
    return _h(c, "REP-03", campo, f"{campo}: {mostrar(texto.strip())} no es un análisis {que} (INT-46)")


def _rep_03(c: ContextoReporte) -> tuple[Hallazgo, ...]:
    hallazgos = _falta_analisis(c, "analisis", "del avance del trimestre") + _falta_analisis(
        c, "analisis_acumulado", "del resultado acumulado (Actividad 9, viñeta 7)"
    )
    retraso = _retraso(c)
    if retraso is None or _justifica(c.reporte, c.politica):
        return hallazgos
    como, cifra = retraso
    return hallazgos + _h(c, "REP-03", "causas_retraso", f"causas_retraso: "
                          f"{como.format(_pct(cifra, 2))} y el reporte no justifica las causas "
                          "del retraso (Actividad 9, Nota 1)")


# --- REP-04: evidencias -----------------------------------------------------------------------


def _rep_04(c: ContextoReporte) -> tuple[Hallazgo, ...]:
    if any(not _vacio(e) for e in c.reporte.evidencias):
        return ()
    return _h(c, "REP-04", "evidencias", "evidencias: el reporte no trae evidencias para "
              "verificar el avance")


# --- REP-05: ejecución en un trimestre no programado ------------------------------------------


def _rep_05(c: ContextoReporte) -> tuple[Hallazgo, ...]:
    numero, ejecucion = c.reporte.trimestre.numero, c.ejecucion
    if c.meta.programacion.programado(numero) or ejecucion is None or ejecucion <= _CERO:
        return ()
    return _h(
        c,
        "REP-05",
        "ejecucion",
        f"ejecucion: se reportó {_n(ejecucion)} en T{numero}, que no estaba programado; "
        "revise la programación o el reporte",
        _ADVERTENCIA,
    )


# --- REP-06: oportunidad ----------------------------------------------------------------------


def _rep_06(c: ContextoReporte) -> tuple[Hallazgo, ...]:
    r = c.reporte
    if r.fecha_envio is None:
        if not c.politica.exigir_fecha_envio:
            return ()
        return _h(c, "REP-06", "fecha_envio", "fecha_envio: el reporte no tiene fecha de envío; "
                  "no se puede verificar la oportunidad", _ADVERTENCIA)
    try:
        op = oportunidad(r.trimestre, r.fecha_envio, c.politica, c.calendario)
    except ErrorCalendario as e:
        return _h(c, "REP-06", "fecha_envio", f"fecha_envio: no se pudo verificar la "
                  f"oportunidad: {e}", _ADVERTENCIA)
    if not op.a_tiempo:
        dias = op.dias_habiles_de_retraso
        return _h(
            c,
            "REP-06",
            "fecha_envio",
            f"fecha_envio: extemporáneo: se envió el {op.fecha_envio.isoformat()} y la "
            f"fecha límite era el {op.fecha_limite.isoformat()} ({dias} "
            f"{'día hábil' if dias == 1 else 'días hábiles'} de retraso)",
        )
    if op.anticipado:
        return _h(
            c,
            "REP-06",
            "fecha_envio",
            f"fecha_envio: se envió el {op.fecha_envio.isoformat()}, "
            + ("el mismo día del cierre" if op.fecha_envio == r.trimestre.fin else "antes del cierre")
            + f" del trimestre ({r.trimestre.fin.isoformat()}); revise la fecha o el reporte",
            _ADVERTENCIA,
        )
    return ()


# --- REP-07: las cifras de la Actividad 9 que faltan --------------------------------------------

def _rep_07(c: ContextoReporte) -> tuple[Hallazgo, ...]:
    """Una cifra que falta y se puede calcular: la OAP la completa (Actividad 10, Nota)."""
    if c.resultado is None:
        return ()
    hallazgos: tuple[Hallazgo, ...] = ()
    for campo, elemento, calculada, _, _ in _calculadas(c.resultado, c.politica):
        if getattr(c.reporte, campo) is None and calculada is not None:
            hallazgos += _h(c, "REP-07", campo, f"{campo}: el reporte no trae {elemento} "
                            "(Actividad 9); la OAP la completa con la cifra calculada",
                            _ADVERTENCIA)
    return hallazgos


# --- REP-08: lo que remite un área del nivel central (Política 8) -----------------------------

_POLITICA_8 = (("numerador", "el numerador"), ("denominador", "el denominador"),
               ("ejecucion", "el resultado del indicador"),
               ("analisis", "las observaciones o análisis"))


def _rep_08(c: ContextoReporte) -> tuple[Hallazgo, ...]:
    meta, r = c.meta, c.reporte
    local_o_transversal = meta.nivel is Nivel.LOCAL or meta.transversal
    if r.reportado_por is not ReportadoPor.AREA_CENTRAL or not local_o_transversal:
        return ()
    tipo = "local" if meta.nivel is Nivel.LOCAL else "transversal"
    hallazgos: tuple[Hallazgo, ...] = ()
    for campo, elemento in _POLITICA_8:
        valor = getattr(r, campo)
        if valor is None or (isinstance(valor, str) and not _es_analisis(valor, c.politica.textos_sin_analisis)):
            hallazgos += _h(c, "REP-08", campo, f"{campo}: el área del nivel central que reporta "
                            f"la meta {tipo} no remitió {elemento} (Política de operación 8)")
    return hallazgos


#: Las reglas ``REP-*``: identificador → verificación de un :class:`ContextoReporte`, en el orden
#: del catálogo (que es el orden de los hallazgos).
REGISTRO_REP: Mapping[str, Callable[[ContextoReporte], tuple[Hallazgo, ...]]] = reglas.registro(
    "REP",
    {
        "REP-01": _rep_01,
        "REP-02": _rep_02,
        "REP-03": _rep_03,
        "REP-04": _rep_04,
        "REP-05": _rep_05,
        "REP-06": _rep_06,
        "REP-07": _rep_07,
        "REP-08": _rep_08,
    },
)


# --- Un plan ----------------------------------------------------------------------------------


def verificar_reportes_plan(
    plan: PlanDeGestion,
    politica: Politica = POLITICA_PLE_PIN_P005_V8,
    calendario: Calendario | None = None,
    hasta: int | Trimestre | None = None,
) -> tuple[Hallazgo, ...]:
    """Los hallazgos de todos los reportes de un plan (:func:`verificar_reporte`), en orden.

    El orden es el de las metas del plan y, en cada meta, el de sus trimestres. Con ``hasta``
    (1..4 o un :class:`~sdg_metas.Trimestre` de la vigencia del plan) solo se verifican los
    reportes de los trimestres hasta ese.

    >>> from sdg_metas.ejemplos import plan_ejemplo
    >>> hallazgos = verificar_reportes_plan(plan_ejemplo(), hasta=3)
    >>> [(h.regla, h.codigo_meta, h.mensaje[:7]) for h in hallazgos if h.codigo_meta >= "M4"]
    [('REP-06', 'M4', '2025-T3'), ('REP-03', 'M5', '2025-T2'), ('REP-03', 'M5', '2025-T3'), ('REP-06', 'M5', '2025-T3'), ('REP-06', 'M6', '2025-T3')]
    >>> print(hallazgos[-3].mensaje)
    2025-T3: causas_retraso: la meta va atrasada (cumplimiento 40 % de lo programado a la fecha) y el reporte no justifica las causas del retraso (Actividad 9, Nota 1)
    """
    exigir_tipo(plan, PlanDeGestion, "plan", "un PlanDeGestion")
    exigir_tipo(politica, Politica, "politica", "una Politica")
    if calendario is not None:
        exigir_tipo(calendario, Calendario, "calendario", "un Calendario (o quedar vacío)")
    limite = 4 if hasta is None else _limite(plan, hasta)
    hallazgos: list[Hallazgo] = []
    vistos: set[str] = set()
    # Sin las comprobaciones de verificar_reporte (el plan ya las garantiza), con los resultados
    # T1..T4 que el plan calcula una vez por meta y comparte con la calificación (issue 12).
    resultados = resultados_del_plan(plan, politica)
    ejecuciones_plan = ejecuciones_del_plan(plan)
    with localcontext(CONTEXTO):
        for meta, (cuatro, _error) in zip(plan.metas, resultados, strict=True):
            if meta.codigo in vistos:  # un código repetido no tiene reportes (FOR-08)
                continue
            vistos.add(meta.codigo)
            ejecuciones = ejecuciones_plan[meta.codigo]
            for reporte in plan.reportes_de(meta.codigo):
                if (k := reporte.trimestre.numero) > limite:
                    break
                contexto = ContextoReporte(meta, reporte, cuatro[k - 1], ejecuciones[k - 1],
                                           politica, calendario)
                hallazgos.extend(_verificar(contexto))
    return tuple(hallazgos)


def _limite(plan: PlanDeGestion, hasta: object) -> int:
    if isinstance(hasta, Trimestre) and hasta.vigencia != plan.vigencia:
        raise ErrorTrimestre(
            f"hasta: {hasta} no es de la vigencia {plan.vigencia} del plan",
            campo="hasta",
            valor=str(hasta),
        )
    return indice_trimestre(hasta) + 1
