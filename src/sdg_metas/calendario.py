"""Calendario de reportes: días hábiles, festivos de Colombia y plazo del reporte trimestral.

Fuente: PLE-PIN-P005 v8, Actividad 9, Nota 2: los reportes de seguimiento «se enviarán a la OAP
dentro de los primeros quince (15) días calendario siguientes al trimestre que se reporta. Si cae el
quinceavo día en un día no hábil, se deberá enviar el día hábil inmediatamente siguiente» (regla
``REP-06``, parte de oportunidad).

Un día hábil es de lunes a viernes y no es festivo en Colombia. Los festivos vienen del paquete
``holidays`` (país ``CO``, fechas observadas: los que la Ley 51 de 1983 traslada al lunes), nunca de
una lista escrita a mano; la Ley 2578 de 2026 añadió el Día de la Virgen de Chiquinquirá (9 de
julio, trasladado al lunes) desde 2026. ``holidays`` se importa la primera vez que se necesita y el
conjunto de festivos de cada año se construye una vez y se guarda (``frozenset``), con un candado
para usarlo desde varios hilos. Un año fuera de los datos de ``holidays`` es un
:class:`~sdg_metas.ErrorCalendario` (``AÑO_FUERA_DE_CALENDARIO``): nunca se calcula un plazo
sobre una lista vacía de festivos (``INT-11``).

>>> from datetime import date
>>> from sdg_metas import Trimestre, fecha_limite_reporte, oportunidad
>>> fecha_limite_reporte(Trimestre(2022, 1))  # el 15 de abril de 2022 fue Viernes Santo
datetime.date(2022, 4, 18)
>>> op = oportunidad(Trimestre(2022, 1), date(2022, 4, 20))
>>> op.a_tiempo, op.dias_habiles_de_retraso
(False, 2)
"""

from __future__ import annotations

import bisect
import datetime
import threading
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from ._validacion import exigir_entero, exigir_fecha, exigir_iterable, exigir_tipo, mostrar
from .errores import ErrorCalendario, TipoInvalido
from .politica import POLITICA_PLE_PIN_P005_V8, Politica
from .trimestre import Trimestre

__all__ = [
    "Calendario",
    "Oportunidad",
    "dia_habil_desde",
    "dias_habiles_entre",
    "es_dia_habil",
    "fecha_limite_reporte",
    "festivos",
    "motivo_no_habil",
    "oportunidad",
    "siguiente_dia_habil",
]

_UN_DIA = datetime.timedelta(days=1)
_FECHA = datetime.date

# --- Festivos de Colombia, por año, construidos una vez --------------------------------------

_festivos_por_año: dict[int, Mapping[datetime.date, str]] = {}
_conjuntos_por_año: dict[int, frozenset[datetime.date]] = {}
#: Los ordinales (``date.toordinal()``) de los festivos que caen de lunes a viernes, ordenados:
#: lo que :func:`dias_habiles_entre` resta a los días de semana de un intervalo.
_ordinales_por_año: dict[int, tuple[int, ...]] = {}
_candado = threading.Lock()


def vaciar_caches() -> None:
    """Olvida los festivos, los plazos y las oportunidades ya calculados (se vuelven a calcular al pedirlos).

    Los resultados no cambian: sirve para medir en frío y para que una prueba (o una mutación)
    empiece sin nada guardado.
    """
    with _candado:
        _festivos_por_año.clear()
        _conjuntos_por_año.clear()
        _ordinales_por_año.clear()
        _limites.clear()
        _oportunidades.clear()


def _construir(año: int) -> None:
    from holidays.countries.colombia import Colombia as _Colombia

    Colombia: Any = _Colombia  # holidays no está tipado en todas sus versiones
    inicio, fin = Colombia.start_year, Colombia.end_year
    if not inicio <= año <= fin:
        raise ErrorCalendario(
            f"año: {año} está fuera del calendario de festivos conocido ({inicio}-{fin}); "
            "no se calcula un plazo sin festivos",
            codigo="AÑO_FUERA_DE_CALENDARIO",
            campo="año",
            valor=año,
        )
    datos = Colombia(years=año, observed=True, language="es")
    nombres = {fecha: str(nombre) for fecha, nombre in sorted(datos.items()) if fecha.year == año}
    if not nombres:  # defensa: holidays devuelve vacío fuera de sus datos
        raise ErrorCalendario(  # pragma: no cover - depende de los datos del paquete
            f"año: {año} no tiene festivos en el paquete holidays",
            codigo="AÑO_FUERA_DE_CALENDARIO",
            campo="año",
            valor=año,
        )
    _festivos_por_año[año] = MappingProxyType(nombres)
    _ordinales_por_año[año] = tuple(f.toordinal() for f in nombres if f.weekday() < 5)
    _conjuntos_por_año[año] = frozenset(nombres)


def _conjunto(año: int) -> frozenset[datetime.date]:
    try:
        return _conjuntos_por_año[año]
    except KeyError:
        with _candado:
            if año not in _conjuntos_por_año:  # pragma: no branch - otro hilo ya lo construyó
                _construir(año)
        return _conjuntos_por_año[año]


def festivos(año: int) -> Mapping[datetime.date, str]:
    """Los festivos nacionales de Colombia de un año (fechas observadas), con su nombre.

    >>> from datetime import date
    >>> festivos(2026)[date(2026, 7, 13)]
    'Día de Nuestra Señora del Rosario de Chiquinquirá (observado)'
    >>> len(festivos(2026))
    19
    """
    exigir_entero(año, "año", "un entero")
    _conjunto(año)
    return _festivos_por_año[año]


# --- Calendario de la entidad ----------------------------------------------------------------


def _fechas(valor: object, campo: str) -> frozenset[datetime.date]:
    fechas = exigir_iterable(valor, campo, "un conjunto de fechas (datetime.date)")
    return frozenset(_validar_fecha(fecha, campo) for fecha in fechas)


def _no_habiles(valor: object) -> frozenset[datetime.date]:
    return _fechas(valor, "no_habiles")


def _habiles(valor: object) -> frozenset[datetime.date]:
    return _fechas(valor, "habiles")


@attrs.frozen(slots=True)
class Calendario:
    """Días que una entidad declara además del calendario nacional.

    ``no_habiles``: días sin servicio (por ejemplo, un decreto que da el día libre);
    ``habiles``: días que se trabajan aunque sean sábado, domingo o festivo. Una fecha no puede
    estar en los dos. Pasar ``None`` donde se pide un calendario es el calendario nacional solo.

    >>> from datetime import date
    >>> libre = Calendario(no_habiles={date(2025, 4, 15)})
    >>> es_dia_habil(date(2025, 4, 15)), es_dia_habil(date(2025, 4, 15), libre)
    (True, False)
    """

    no_habiles: frozenset[datetime.date] = attrs.field(
        default=frozenset(), converter=_no_habiles
    )
    habiles: frozenset[datetime.date] = attrs.field(
        default=frozenset(), converter=_habiles
    )

    def __attrs_post_init__(self) -> None:
        comunes = self.no_habiles & self.habiles
        if comunes:
            primera = min(comunes)
            raise ErrorCalendario(
                f"habiles: {primera.isoformat()} también está en no_habiles; una fecha no puede "
                "ser hábil y no hábil a la vez",
                codigo="CALENDARIO_CONTRADICTORIO",
                campo="habiles",
                valor=primera.isoformat(),
            )


# --- Validación de argumentos ----------------------------------------------------------------


def _validar_fecha(valor: object, campo: str) -> datetime.date:
    if type(valor) is _FECHA:  # camino rápido: una date exacta
        return valor
    return exigir_fecha(valor, campo)


def _validar_calendario(calendario: object) -> Calendario | None:
    if calendario is None or type(calendario) is Calendario:
        return calendario
    raise TipoInvalido(
        f"calendario: {mostrar(calendario)} debe ser un Calendario (o quedar vacío)",
        campo="calendario",
        valor=calendario,
    )


def _validar_trimestre(trimestre: object) -> Trimestre:
    return exigir_tipo(trimestre, Trimestre, "trimestre", "un Trimestre (por ejemplo Trimestre(2025, 1))")


def _validar_politica(politica: object) -> Politica:
    return exigir_tipo(politica, Politica, "politica", "una Politica")


# --- Días hábiles ----------------------------------------------------------------------------


def _habil(fecha: datetime.date, calendario: Calendario | None) -> bool:
    if calendario is not None:
        if fecha in calendario.habiles:
            return True
        if fecha in calendario.no_habiles:
            return False
    if fecha.weekday() >= 5:
        return False
    return fecha not in _conjunto(fecha.year)


def es_dia_habil(fecha: datetime.date, calendario: Calendario | None = None) -> bool:
    """``True`` si ``fecha`` es de lunes a viernes y no es festivo en Colombia.

    Con un ``calendario``, sus ``habiles`` son hábiles y sus ``no_habiles`` no lo son.

    >>> from datetime import date
    >>> es_dia_habil(date(2026, 7, 13))  # Virgen de Chiquinquirá, trasladado (Ley 2578 de 2026)
    False
    >>> es_dia_habil(date(2026, 7, 14))
    True
    """
    if type(fecha) is not _FECHA:
        fecha = _validar_fecha(fecha, "fecha")
    if calendario is not None:
        return _habil(fecha, _validar_calendario(calendario))
    if fecha.weekday() >= 5:
        return False
    conjunto = _conjuntos_por_año.get(fecha.year)
    if conjunto is None:
        conjunto = _conjunto(fecha.year)
    return fecha not in conjunto


def _siguiente(fecha: datetime.date, calendario: Calendario | None) -> datetime.date:
    if fecha == _FECHA.max:  # 9999-12-31: Python no tiene un día siguiente (issue 13)
        raise ErrorCalendario(
            f"fecha: {fecha.isoformat()} es el último día que se puede representar; no tiene "
            "un día hábil siguiente", codigo="AÑO_FUERA_DE_CALENDARIO", campo="fecha", valor=fecha,
        )
    fecha += _UN_DIA
    while not _habil(fecha, calendario):
        fecha += _UN_DIA
    return fecha


def siguiente_dia_habil(
    fecha: datetime.date, calendario: Calendario | None = None
) -> datetime.date:
    """El primer día hábil estrictamente posterior a ``fecha``.

    >>> from datetime import date
    >>> siguiente_dia_habil(date(2022, 4, 14))  # jueves santo → viernes santo → lunes
    datetime.date(2022, 4, 18)
    """
    return _siguiente(_validar_fecha(fecha, "fecha"), _validar_calendario(calendario))


def dia_habil_desde(fecha: datetime.date, calendario: Calendario | None = None) -> datetime.date:
    """``fecha`` si es hábil; si no, el siguiente día hábil.

    >>> from datetime import date
    >>> dia_habil_desde(date(2025, 7, 15)), dia_habil_desde(date(2025, 11, 15))
    (datetime.date(2025, 7, 15), datetime.date(2025, 11, 18))
    """
    fecha = _validar_fecha(fecha, "fecha")
    calendario = _validar_calendario(calendario)
    if _habil(fecha, calendario):
        return fecha
    return _siguiente(fecha, calendario)


def dias_habiles_entre(
    desde: datetime.date, hasta: datetime.date, calendario: Calendario | None = None
) -> int:
    """El número de días hábiles ``d`` con ``desde < d ≤ hasta``.

    Negativo, con la misma magnitud, si ``hasta < desde``; 0 si son iguales.

    >>> from datetime import date
    >>> dias_habiles_entre(date(2022, 4, 14), date(2022, 4, 18))  # viernes santo y fin de semana
    1
    >>> dias_habiles_entre(date(2022, 4, 18), date(2022, 4, 14))
    -1
    """
    desde = _validar_fecha(desde, "desde")
    hasta = _validar_fecha(hasta, "hasta")
    calendario = _validar_calendario(calendario)
    if hasta < desde:
        return -_habiles_en(hasta, desde, calendario)
    return _habiles_en(desde, hasta, calendario)


def _dias_de_semana_antes(ordinal: int) -> int:
    """Cuántos días de lunes a viernes tienen un ordinal menor que ``ordinal`` (el ordinal 1,
    el 1 de enero del año 1, fue lunes)."""
    semanas, resto = divmod(ordinal - 1, 7)
    return 5 * semanas + min(resto, 5)


def _habiles_en(desde: datetime.date, hasta: datetime.date, calendario: Calendario | None) -> int:
    """Los días hábiles ``d`` con ``desde < d ≤ hasta`` (``desde ≤ hasta``), en forma cerrada: los
    días de semana del intervalo, menos los festivos que caen entre semana (búsqueda binaria en
    la lista ordenada de cada año), más o menos los días que declara la entidad."""
    if desde == hasta:
        return 0
    bajo, alto = desde.toordinal(), hasta.toordinal()
    cuenta = _dias_de_semana_antes(alto + 1) - _dias_de_semana_antes(bajo + 1)
    for año in range((desde + _UN_DIA).year, hasta.year + 1):
        _conjunto(año)
        ordinales = _ordinales_por_año[año]
        cuenta -= bisect.bisect_right(ordinales, alto) - bisect.bisect_right(ordinales, bajo)
    if calendario is not None:
        cuenta += _ajuste_entidad(desde, hasta, calendario)
    return cuenta


def _ajuste_entidad(desde: datetime.date, hasta: datetime.date, calendario: Calendario) -> int:
    """Lo que los días declarados por la entidad cambian en el intervalo ``(desde, hasta]``."""
    ajuste = 0
    for fecha in calendario.habiles:
        if desde < fecha <= hasta and not _habil(fecha, None):
            ajuste += 1
    for fecha in calendario.no_habiles:
        if desde < fecha <= hasta and _habil(fecha, None):
            ajuste -= 1
    return ajuste


def motivo_no_habil(
    fecha: datetime.date, calendario: Calendario | None = None
) -> str | None:
    """Por qué ``fecha`` no es hábil (el festivo, «sábado», «domingo» o el día de la entidad);
    ``None`` si es hábil.

    >>> from datetime import date
    >>> motivo_no_habil(date(2022, 4, 15))
    'Viernes Santo'
    >>> motivo_no_habil(date(2025, 11, 15)), motivo_no_habil(date(2025, 11, 18))
    ('sábado', None)
    """
    fecha = _validar_fecha(fecha, "fecha")
    calendario = _validar_calendario(calendario)
    if _habil(fecha, calendario):
        return None
    if calendario is not None and fecha in calendario.no_habiles:
        return "día no hábil declarado por la entidad"
    nombre = _festivos_por_año[fecha.year].get(fecha)
    if nombre is not None:
        return nombre
    return "sábado" if fecha.weekday() == 5 else "domingo"


# --- Plazo del reporte trimestral ------------------------------------------------------------

_limites: dict[tuple[int, int, int, Calendario | None], datetime.date] = {}
_MAX_LIMITES = 4096
_oportunidades: dict[tuple[object, ...], Oportunidad] = {}


def fecha_limite_reporte(
    trimestre: Trimestre,
    politica: Politica = POLITICA_PLE_PIN_P005_V8,
    calendario: Calendario | None = None,
) -> datetime.date:
    """Fecha límite del reporte de seguimiento de un trimestre (Actividad 9, Nota 2; REP-06).

    El fin del trimestre más ``politica.dias_plazo_reporte`` (15) días calendario; si ese día no
    es hábil, el día hábil inmediatamente siguiente. El reporte del cuarto trimestre vence en
    enero del año siguiente.

    >>> [fecha_limite_reporte(Trimestre(2026, n)).isoformat() for n in (1, 2, 3, 4)]
    ['2026-04-15', '2026-07-15', '2026-10-15', '2027-01-15']
    """
    if type(trimestre) is Trimestre and type(politica) is Politica:  # camino rápido
        clave = (trimestre.vigencia, trimestre.numero, politica.dias_plazo_reporte, calendario)
        limite = _limites.get(clave) if calendario is None or type(calendario) is Calendario else None
        if limite is not None:
            return limite
    _validar_trimestre(trimestre)
    _validar_politica(politica)
    calendario = _validar_calendario(calendario)
    clave = (trimestre.vigencia, trimestre.numero, politica.dias_plazo_reporte, calendario)
    dia_15 = trimestre.fin + datetime.timedelta(days=politica.dias_plazo_reporte)
    limite = dia_habil_desde(dia_15, calendario)
    if len(_limites) >= _MAX_LIMITES:  # muchos calendarios distintos: no crecer sin límite
        _limites.clear()
    _limites[clave] = limite
    return limite


@attrs.frozen(slots=True, kw_only=True)
class Oportunidad:
    """Si un reporte trimestral se envió a tiempo (REP-06; Actividad 9, Nota 2).

    - ``a_tiempo``: se envió el día límite o antes.
    - ``dias_habiles_de_retraso``: ``dias_habiles_entre(fecha_limite, fecha_envio)`` si llegó
      tarde; si no, 0.
    - ``anticipado``: se envió antes de terminar el trimestre (el día de cierre incluido, según
      ``Politica.anticipado_incluye_cierre``, ``INT-10``): está a tiempo, pero reporta un
      periodo sin terminar y conviene revisarlo (``INT-44``).
    """

    trimestre: Trimestre
    fecha_envio: datetime.date
    fecha_limite: datetime.date
    a_tiempo: bool
    dias_habiles_de_retraso: int
    anticipado: bool

    def _repr_html_(self) -> str:
        from .presentacion import html_oportunidad

        return html_oportunidad(self)

    def explicar(self) -> str:
        """Una frase en español con la decisión y su fuente.

        >>> from datetime import date
        >>> print(oportunidad(Trimestre(2025, 3), date(2025, 10, 20)).explicar())
        2025-T3: enviado el 2025-10-20, fecha límite 2025-10-15: extemporáneo, 3 días hábiles de retraso (PLE-PIN-P005 v8, Actividad 9, Nota 2)
        """
        base = (
            f"{self.trimestre}: enviado el {self.fecha_envio.isoformat()}, fecha límite "
            f"{self.fecha_limite.isoformat()}: "
        )
        if not self.a_tiempo:
            dias = self.dias_habiles_de_retraso
            texto = f"extemporáneo, {dias} {'día hábil' if dias == 1 else 'días hábiles'} de retraso"
        elif self.anticipado:
            texto = "a tiempo, pero enviado antes de terminar el trimestre"
        else:
            texto = "a tiempo"
        return f"{base}{texto} (PLE-PIN-P005 v8, Actividad 9, Nota 2)"


def oportunidad(
    trimestre: Trimestre,
    fecha_envio: datetime.date,
    politica: Politica = POLITICA_PLE_PIN_P005_V8,
    calendario: Calendario | None = None,
) -> Oportunidad:
    """Evalúa la oportunidad de un reporte enviado el ``fecha_envio`` (REP-06).

    >>> from datetime import date
    >>> op = oportunidad(Trimestre(2025, 4), date(2026, 1, 15))
    >>> op.fecha_limite, op.a_tiempo, op.dias_habiles_de_retraso
    (datetime.date(2026, 1, 15), True, 0)
    """
    if (
        type(trimestre) is Trimestre
        and type(fecha_envio) is _FECHA
        and type(politica) is Politica
        and (calendario is None or type(calendario) is Calendario)
    ):
        # Camino rápido (issue 12): la decisión solo depende de estos datos inmutables (muchos
        # reportes de un plan se envían el mismo día); se recuerda, a lo sumo _MAX_LIMITES.
        clave = (trimestre, fecha_envio, politica.dias_plazo_reporte,
                 politica.anticipado_incluye_cierre, calendario)
        recordada = _oportunidades.get(clave)
        if recordada is None:
            if len(_oportunidades) >= _MAX_LIMITES:
                _oportunidades.clear()
            recordada = _oportunidades[clave] = _oportunidad(
                trimestre, fecha_envio, politica, calendario
            )
        return recordada
    return _oportunidad(trimestre, fecha_envio, politica, calendario)


def _oportunidad(
    trimestre: Trimestre,
    fecha_envio: datetime.date,
    politica: Politica,
    calendario: Calendario | None,
) -> Oportunidad:
    _validar_trimestre(trimestre)
    fecha_envio = _validar_fecha(fecha_envio, "fecha_envio")
    limite = fecha_limite_reporte(trimestre, _validar_politica(politica), calendario)
    a_tiempo = fecha_envio <= limite
    return Oportunidad(
        trimestre=trimestre,
        fecha_envio=fecha_envio,
        fecha_limite=limite,
        a_tiempo=a_tiempo,
        dias_habiles_de_retraso=0 if a_tiempo else dias_habiles_entre(limite, fecha_envio, calendario),
        anticipado=(
            fecha_envio <= trimestre.fin
            if politica.anticipado_incluye_cierre
            else fecha_envio < trimestre.fin
        ),
    )
