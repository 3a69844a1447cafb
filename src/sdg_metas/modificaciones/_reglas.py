"""Las reglas ``MOD-01`` … ``MOD-12`` (Política 9) y :func:`evaluar_solicitud`.

Cada regla es una función con la misma firma: recibe un :class:`ContextoSolicitud` (la solicitud,
la política, los cambios y los trimestres cerrados que cambia) y devuelve un
:class:`~sdg_metas.reglas.Motivo`. :data:`REGISTRO_MOD` las reúne en el orden del catálogo.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs

from .._validacion import de_tipo, exigir_tipo, mostrar, sin_tildes
from ..ciclo import Rol
from ..formulacion import verificar_meta
from ..modelo import Meta, Nivel, TipoProgramacion, Trimestre
from ..politica import POLITICA_PLE_PIN_P005_V8, Politica
from ..reglas import Motivo, Severidad, registro
from ._decision import Cambios, Decision, comparar_metas
from ._solicitud import (
    MEDIOS_FORMALES,
    Concepto,
    Elegibilidad,
    Instancia,
    SolicitudModificacion,
    efecto_pedido,
)


def _cerrado(s: SolicitudModificacion, numero: int, politica: Politica) -> bool:
    """¿El trimestre ya terminó (o está en curso, según la política) en la fecha de la solicitud?"""
    if s.fecha.year != s.anio:
        return s.fecha.year > s.anio
    trimestre = Trimestre(s.anio, numero)
    if politica.trimestre_en_curso_modificable:
        return s.fecha > trimestre.fin
    return s.fecha >= trimestre.inicio


def _trimestres_cerrados(
    s: SolicitudModificacion, cambios: Cambios, politica: Politica
) -> tuple[str, ...]:
    """Los trimestres cuya programación cambia y ya no se puede cambiar, con la razón."""
    problemas = []
    for numero in sorted(cambios.trimestres):
        razones = []
        if _cerrado(s, numero, politica):
            razones.append(
                "su corte ya terminó" if politica.trimestre_en_curso_modificable else "ya comenzó"
            )
        if numero in s.trimestres_reportados:
            razones.append("ya tiene seguimiento (periodo medido)")
        if razones:
            problemas.append(f"T{numero}: " + " y ".join(razones))
    return tuple(problemas)


@attrs.frozen(slots=True)
class ContextoSolicitud:
    """Lo que toda regla ``MOD-*`` recibe: la solicitud, la política, los :class:`Cambios` de
    la propuesta y los trimestres ``cerrados`` cuya programación cambia (con la razón).

    :meth:`desde_solicitud` calcula los cambios y los trimestres cerrados.
    """

    solicitud: SolicitudModificacion = attrs.field(
        validator=de_tipo("una SolicitudModificacion", SolicitudModificacion)
    )
    politica: Politica = attrs.field(validator=de_tipo("una Politica", Politica))
    cambios: Cambios = attrs.field(validator=de_tipo("un Cambios", Cambios))
    cerrados: tuple[str, ...] = ()

    @classmethod
    def desde_solicitud(
        cls, solicitud: SolicitudModificacion, politica: Politica = POLITICA_PLE_PIN_P005_V8
    ) -> ContextoSolicitud:
        """El contexto de ``solicitud`` con ``politica``: compara la propuesta con la meta."""
        exigir_tipo(solicitud, SolicitudModificacion, "solicitud", "una SolicitudModificacion")
        exigir_tipo(politica, Politica, "politica", "una Politica")
        s = solicitud
        cambios = Cambios() if s.propuesta is None else comparar_metas(s.meta, s.propuesta)
        return cls(s, politica, cambios, _trimestres_cerrados(s, cambios, politica))

    @property
    def aumento_exento(self) -> bool:
        """¿Es solo un aumento (``INT-26``, ``INT-27``) que programa trimestres abiertos?
        (MOD-07 se cumple: exenta del plazo de MOD-04 y, según ``INT-21``, de MOD-06)."""
        return (
            self.solicitud.propuesta is not None
            and self.cambios.es_solo_aumento(self.politica)
            and not self.cerrados
        )

    @property
    def limite(self) -> datetime.date:
        """La fecha límite de la vigencia para presentar la solicitud (MOD-04, ``INT-20``)."""
        mes, dia = self.politica.limite_solicitud_modificacion
        return datetime.date(self.solicitud.anio, mes, dia)


_QUIEN_PRESENTA = {Rol.LIDER_PROCESO: "el líder del proceso", Rol.ALCALDE_LOCAL: "el Alcalde Local"}


def _nivel_no_dado(meta: Meta) -> str:
    return (
        f"nivel: la meta {meta.codigo} no dice su nivel (central o local) y la solicitud no se "
        "tomó de su plan (INT-32); tome la solicitud del plan con solicitud_desde_plan o dé "
        "Meta.nivel"
    )


def _mod_01(c: ContextoSolicitud) -> Motivo:
    s = c.solicitud
    if s.meta.nivel is None:
        quien = _QUIEN_PRESENTA.get(s.solicitante)
        if quien is None:
            return Motivo(
                "MOD-01",
                False,
                f"solicitante: {s.solicitante.nombre}; la solicitud la presenta "
                "el líder del proceso o el Alcalde Local",
            )
        return Motivo(
            "MOD-01", None, f"{_nivel_no_dado(s.meta)}; la presenta {quien}, sin verificar"
        )
    local = s.meta.nivel is Nivel.LOCAL
    esperado = Rol.ALCALDE_LOCAL if local else Rol.LIDER_PROCESO
    nivel = "local" if local else "del nivel central"
    quien = "el Alcalde Local" if local else "el líder del proceso"
    if s.solicitante is esperado:
        return Motivo("MOD-01", True, f"la presenta {quien}, como corresponde a una meta {nivel}")
    return Motivo(
        "MOD-01",
        False,
        f"solicitante: {s.solicitante.nombre}; una meta {nivel} la solicita {quien}",
    )


def _mod_02(c: ContextoSolicitud) -> Motivo:
    s = c.solicitud
    problemas = []
    if s.medio not in MEDIOS_FORMALES:
        problemas.append(f"medio: {s.medio.nombre}; debe ser memorando o correo electrónico")
    if s.destinatario is not Rol.JEFE_OAP:
        problemas.append(
            f"destinatario: {s.destinatario.nombre}; debe dirigirse al Jefe de la OAP"
        )
    if problemas:
        return Motivo("MOD-02", False, "; ".join(problemas))
    return Motivo("MOD-02", True, f"llega por {s.medio.nombre} dirigida al Jefe de la OAP")


def _mod_03(c: ContextoSolicitud) -> Motivo:
    justificacion = c.solicitud.justificacion
    if justificacion.strip():
        return Motivo("MOD-03", True, "trae justificación técnica y/o legal")
    return Motivo(
        "MOD-03",
        False,
        f"justificacion: {mostrar(justificacion)}; falta la justificación técnica y/o legal",
    )


def _mod_04(c: ContextoSolicitud) -> Motivo:
    s, limite = c.solicitud, c.limite
    if s.fecha.year == s.anio - 1 and c.politica.solicitud_desde_vigencia_anterior:
        return Motivo(
            "MOD-04",
            True,
            f"presentada el {s.fecha.isoformat()}, en la vigencia anterior, sobre el plan de "
            f"{s.anio} ya adoptado (INT-31); dentro del plazo ({limite.isoformat()})",
        )
    if s.fecha.year != s.anio:
        return Motivo(
            "MOD-04", False, f"fecha: {s.fecha.isoformat()} no es de la vigencia {s.anio} de la meta"
        )
    if s.fecha <= limite:
        return Motivo(
            "MOD-04",
            True,
            f"presentada el {s.fecha.isoformat()}, dentro del plazo ({limite.isoformat()})",
        )
    if c.aumento_exento:
        return Motivo(
            "MOD-04",
            True,
            f"presentada el {s.fecha.isoformat()}, después del plazo ({limite.isoformat()}), "
            "pero solo aumenta la magnitud: exenta del plazo por MOD-07",
        )
    cual = (
        "fin del segundo trimestre"
        if c.politica.limite_solicitud_modificacion == (6, 30)
        else "límite de la política, INT-20"
    )
    return Motivo(
        "MOD-04",
        False,
        f"fecha: {s.fecha.isoformat()} es posterior al plazo de la vigencia "
        f"({limite.isoformat()}, {cual})",
    )


def _de(nombre: str) -> str:
    """«de» + ``nombre``, con la contracción del español: «del líder», «de la Dirección»."""
    return "del " + nombre[3:] if nombre.startswith("el ") else f"de {nombre}"


def _medidos_conservados(c: ContextoSolicitud, propuesta: Meta) -> tuple[int, ...]:
    """Los trimestres medidos (o cerrados) de una meta CONSTANTE que la propuesta deja con su
    valor original, distinto de la nueva magnitud (``INT-28``)."""
    s, politica = c.solicitud, c.politica
    antes, despues = s.meta.programacion, propuesta.programacion
    constante = TipoProgramacion.CONSTANTE
    if not politica.constante_conserva_trimestres_medidos or not (
        antes.tipo is constante and despues.tipo is constante
    ):
        return ()
    return tuple(
        n
        for n in range(1, 5)
        if (n in s.trimestres_reportados or _cerrado(s, n, politica))
        and despues.programado(n)
        and despues.valor(n) == antes.valor(n)
        and despues.valor(n) != despues.magnitud
    )


def _para_coherencia(c: ContextoSolicitud, propuesta: Meta) -> tuple[Meta, str]:
    """La propuesta que MOD-05 juzga y una nota: con ``INT-28``, los trimestres medidos que
    conservan su valor original se juzgan como si llevaran el nuevo nivel."""
    medidos = _medidos_conservados(c, propuesta)
    if not medidos:
        return propuesta, ""
    p = propuesta.programacion
    valores = [p.magnitud if n in medidos else p.valor(n) for n in range(1, 5)]
    juzgada = attrs.evolve(propuesta, programacion=attrs.evolve(p, trimestres=valores))
    conservados = ", ".join(f"T{n} = {p.valor(n)}" for n in medidos)
    nota = (
        f" (INT-28: los trimestres medidos conservan su valor original, {conservados}; FOR-02 "
        "se juzga sobre los trimestres abiertos)"
    )
    return juzgada, nota


def _mod_05(c: ContextoSolicitud) -> Motivo:
    propuesta, politica = c.solicitud.propuesta, c.politica
    if propuesta is None:
        return Motivo("MOD-05", None, "solicitud de eliminación: no hay propuesta que verificar")
    juzgada, nota = _para_coherencia(c, propuesta)
    hallazgos = verificar_meta(juzgada, politica=politica)
    errores = [
        h
        for h in hallazgos
        if h.severidad is Severidad.ERROR or politica.advertencias_bloquean_coherencia
    ]
    avisos = [h for h in hallazgos if h not in errores]
    if errores:
        detalle = "; ".join(f"{h.regla} {h.mensaje}" for h in errores)
        return Motivo("MOD-05", False, f"la propuesta no es coherente: {detalle}{nota}")
    if avisos:
        detalle = "; ".join(f"{h.regla} {h.mensaje}" for h in avisos)
        return Motivo(
            "MOD-05", True, f"la propuesta es coherente{nota}; advertencias: {detalle}"
        )
    return Motivo("MOD-05", True, f"la propuesta es coherente (cumple las reglas FOR){nota}")


def _mod_06(c: ContextoSolicitud) -> Motivo:
    s = c.solicitud
    previas = s.modificaciones_previas
    if s.eliminar and not c.politica.eliminacion_cuenta_como_modificacion:
        return Motivo(
            "MOD-06",
            None,
            "eliminación: por la política (INT-30) eliminar no es modificar; la «única vez» de "
            "la viñeta 3 no la limita",
        )
    if c.aumento_exento and not c.politica.aumento_cuenta_como_modificacion:
        return Motivo(
            "MOD-06",
            None,
            "solo aumenta la magnitud; por la política (INT-21) no cuenta como la única "
            "modificación de la vigencia",
        )
    if previas == 0:
        return Motivo("MOD-06", True, "es la primera modificación de la meta en la vigencia")
    texto = (
        f"modificaciones_previas: {previas}; la meta ya se modificó en la vigencia y solo se "
        "modifica una vez"
    )
    if s.causal_excepcional is not None and s.justificacion.strip():
        return Motivo(
            "MOD-06",
            False,
            f"{texto}; invoca {s.causal_excepcional.nombre} con justificación: la OAP puede "
            "revisar el caso particular",
            revision_oap=True,
        )
    if s.causal_excepcional is not None:
        texto += f"; invoca {s.causal_excepcional.nombre} pero sin justificación"
    return Motivo("MOD-06", False, texto)


def _mod_07(c: ContextoSolicitud) -> Motivo:
    cambios, cerrados = c.cambios, c.cerrados
    if c.solicitud.propuesta is None or not cambios.es_aumento(c.politica):
        return Motivo("MOD-07", None, "la solicitud no aumenta la magnitud")
    if c.aumento_exento:
        # en una meta DECRECIENTE, bajar la magnitud la hace más exigente; subirla (un aumento
        # solo con SentidoAumento.NUMERICO, INT-27), menos
        exigencia = "más" if cambios.disminuye_magnitud else "menos"
        return Motivo(
            "MOD-07",
            True,
            f"solo aumenta la magnitud ({cambios.magnitud_anterior} → {cambios.magnitud_nueva}"
            f"{f', meta decreciente {exigencia} exigente' if cambios.decreciente else ''}) y "
            "programa trimestres abiertos: puede presentarse en cualquier momento de la vigencia",
        )
    if cerrados:
        razon = f"cambia la programación de trimestres cerrados ({'; '.join(cerrados)})"
    else:
        ajenos = ", ".join(cambios.ajenos_al_aumento(c.politica))
        razon = f"también cambia {ajenos}, que un aumento no cambia (INT-26)"
    if c.solicitud.fecha > c.limite:
        return Motivo(
            "MOD-07",
            False,
            f"aumenta la magnitud pero {razon}: no es solo un aumento y no está exenta del plazo",
        )
    return Motivo(
        "MOD-07",
        None,
        f"aumenta la magnitud pero {razon}: no es solo un aumento; dentro del plazo no necesita "
        "la exención",
    )


def _mod_08(c: ContextoSolicitud) -> Motivo:
    cambios, cerrados = c.cambios, c.cerrados
    if not cambios.trimestres:
        return Motivo("MOD-08", None, "no cambia la programación trimestral")
    trimestres = ", ".join(f"T{n}" for n in sorted(cambios.trimestres))
    if cerrados:
        return Motivo(
            "MOD-08",
            False,
            f"trimestres: cambia la programación de periodos cerrados: {'; '.join(cerrados)}",
        )
    return Motivo(
        "MOD-08",
        True,
        f"cambia la programación de {trimestres}, periodos aún sin corte ni medición",
    )


@attrs.frozen(slots=True)
class _Exigencias:
    """Lo que se exige a un concepto: el medio formal y, si ``emisor`` no es ``False``, que lo
    emita ``emisor`` (``None``: la meta no dice quién debe emitirlo)."""

    medio: bool
    emisor: str | bool | None = False


def _fallas(concepto: Concepto, fecha: datetime.date, exige: _Exigencias) -> list[str]:
    """Por qué un concepto no sirve (vacío si sirve)."""
    fallas = []
    if not concepto.favorable:
        fallas.append("es desfavorable")
    if concepto.fecha > fecha:
        fallas.append(f"es del {concepto.fecha.isoformat()}, posterior a la solicitud")
    if exige.medio and concepto.medio not in MEDIOS_FORMALES:
        fallas.append(f"llegó por {concepto.medio.nombre}, no por memorando ni correo electrónico")
    if exige.emisor is not False:
        emisor = (concepto.emisor or "").strip()
        if not emisor:
            fallas.append("no dice quién lo emite (emisor)")
        elif not isinstance(exige.emisor, str):
            fallas.append("la meta no dice su proceso líder (proceso_lider) para compararlo")
        elif sin_tildes(emisor) != sin_tildes(exige.emisor):
            fallas.append(
                f"lo emite {mostrar(emisor)}, no el proceso líder de la meta ({mostrar(exige.emisor)})"
            )
    return fallas


def _concepto(
    s: SolicitudModificacion, instancias: Iterable[Instancia], exige: _Exigencias
) -> tuple[bool, str]:
    """¿Hay un concepto previo favorable de alguna de ``instancias``? y el porqué."""
    buscadas = tuple(instancias)
    nombre = " o ".join(i.nombre for i in buscadas)
    candidatos = [c for c in s.conceptos if c.instancia in buscadas]
    if not candidatos:
        return False, f"conceptos: falta el concepto previo favorable {_de(nombre)}"
    problemas = []
    for c in candidatos:
        fallas = _fallas(c, s.fecha, exige)
        if not fallas:
            return True, (
                f"hay concepto previo favorable {_de(c.instancia.nombre)} "
                f"({c.medio.nombre}, {c.fecha.isoformat()})"
            )
        problemas.append(f"el concepto {_de(c.instancia.nombre)} " + " y ".join(fallas))
    return False, "conceptos: " + "; ".join(problemas)


def _mod_09(c: ContextoSolicitud) -> Motivo:
    s = c.solicitud
    if not s.meta.transversal:
        return Motivo("MOD-09", None, "la meta no es transversal")
    if s.eliminar and not c.politica.conceptos_en_eliminacion:
        return Motivo("MOD-09", None, "eliminación: la política (INT-25) no exige el concepto")
    emisor = s.meta.proceso_lider if c.politica.concepto_exige_emisor else False
    cumple, texto = _concepto(s, (Instancia.LIDER_PROCESO_LIDER,), _Exigencias(True, emisor))
    return Motivo("MOD-09", cumple, f"meta transversal: {texto}")


def _mod_10(c: ContextoSolicitud) -> Motivo:
    s, politica = c.solicitud, c.politica
    if s.meta.nivel is None:
        return Motivo("MOD-10", None, f"{_nivel_no_dado(s.meta)}; el concepto no se verifica")
    if s.meta.nivel is not Nivel.LOCAL:
        return Motivo("MOD-10", None, "la meta no es de un plan de alcaldía local")
    if s.eliminar and not politica.conceptos_en_eliminacion:
        return Motivo("MOD-10", None, "eliminación: la política (INT-25) no exige el concepto")
    instancia = Instancia.orientadora(s.meta.dependencia_orientadora)
    if instancia is None:
        return Motivo(
            "MOD-10",
            False,
            f"dependencia_orientadora: {mostrar(s.meta.dependencia_orientadora)} no es la Subsecretaría "
            "de Gestión Local, la Dirección para la Gestión Policiva ni la Dirección para la "
            "Gestión del Desarrollo Local; no se sabe qué concepto corresponde",
        )
    cumple, texto = _concepto(
        s, (instancia,), _Exigencias(politica.concepto_local_por_memorando_o_correo)
    )
    return Motivo("MOD-10", cumple, f"meta local: {texto}")


def _mod_11(c: ContextoSolicitud) -> Motivo:
    s = c.solicitud
    if not s.eliminar:
        return Motivo("MOD-11", None, "la solicitud no pide eliminar la meta")
    if s.trimestres_reportados:
        reportados = ", ".join(f"T{n}" for n in sorted(s.trimestres_reportados))
        desde = (  # desde cuándo, según INT-23 (lo que hará aplicar_modificacion)
            "el primer trimestre sin reporte, si es anterior al de la autorización de la OAP "
            "(INT-23)"
            if c.politica.eliminada_desde_primer_trimestre_sin_seguimiento
            else "el trimestre en que la OAP la autorice; los trimestres anteriores no cambian"
        )
        return Motivo(
            "MOD-11",
            True,
            f"la meta tiene seguimiento ({reportados}): no se elimina, se marca como «Meta "
            f"eliminada» y su resultado sale de la calificación del proceso desde {desde}",
        )
    return Motivo("MOD-11", True, "la meta no tiene seguimiento: puede eliminarse del plan")


def _mod_12(_c: ContextoSolicitud) -> Motivo:
    return Motivo(
        "MOD-12",
        None,
        "esta decisión es solo de elegibilidad: la OAP autoriza o niega la solicitud; si la "
        "autoriza, el líder de proceso o alcalde local remite la versión ajustada por Caso HOLA",
    )


#: Las reglas de la Política 9, por identificador y en el orden del catálogo: cada una recibe
#: un :class:`ContextoSolicitud` y devuelve un :class:`~sdg_metas.reglas.Motivo`.
REGISTRO_MOD = registro(
    "MOD",
    {
        "MOD-01": _mod_01,
        "MOD-02": _mod_02,
        "MOD-03": _mod_03,
        "MOD-04": _mod_04,
        "MOD-05": _mod_05,
        "MOD-06": _mod_06,
        "MOD-07": _mod_07,
        "MOD-08": _mod_08,
        "MOD-09": _mod_09,
        "MOD-10": _mod_10,
        "MOD-11": _mod_11,
        "MOD-12": _mod_12,
    },
)


def _elegibilidad(motivos: tuple[Motivo, ...]) -> Elegibilidad:
    if any(m.cumple is False and not m.revision_oap for m in motivos):
        return Elegibilidad.NO_ELEGIBLE
    if any(m.revision_oap for m in motivos):
        return Elegibilidad.REQUIERE_REVISION_OAP
    return Elegibilidad.ELEGIBLE


def evaluar_solicitud(
    solicitud: SolicitudModificacion, politica: Politica = POLITICA_PLE_PIN_P005_V8
) -> Decision:
    """Evalúa una solicitud frente a MOD-01..MOD-12 (Política 9) y dice si es elegible.

    Corre :data:`REGISTRO_MOD`: da exactamente un :class:`~sdg_metas.reglas.Motivo` por regla,
    en orden, sin detenerse en la primera que falla. La elegibilidad es ``NO_ELEGIBLE`` si algún
    motivo no cumple (salvo el de MOD-06 que la OAP puede revisar), ``REQUIERE_REVISION_OAP`` si
    solo falla ese, y ``ELEGIBLE`` si ninguno falla.

    >>> import datetime
    >>> from sdg_metas import Meta, Programacion
    >>> from sdg_metas.modificaciones import Medio, Rol
    >>> m = Meta(codigo="M2", descripcion="Realizar 4 jornadas", peso=10,
    ...          programacion=Programacion("suma", 4, [1, 1, 1, 1]))
    >>> s = SolicitudModificacion(meta=m, fecha=datetime.date(2025, 8, 1), eliminar=True,
    ...                           solicitante=Rol.OTRO, medio=Medio.OTRO,
    ...                           destinatario=Rol.JEFE_OAP, justificacion=" ",
    ...                           trimestres_reportados={1, 2})
    >>> d = evaluar_solicitud(s)
    >>> d.elegibilidad.name, d.efecto.name, d.incumplidas
    ('NO_ELEGIBLE', 'MARCAR_ELIMINADA', ('MOD-01', 'MOD-02', 'MOD-03', 'MOD-04'))
    >>> print(d.motivo("MOD-04").mensaje)
    fecha: 2025-08-01 es posterior al plazo de la vigencia (2025-06-30, fin del segundo trimestre)
    """
    contexto = ContextoSolicitud.desde_solicitud(solicitud, politica)
    motivos = tuple(verificar(contexto) for verificar in REGISTRO_MOD.values())
    return Decision(
        _elegibilidad(motivos),
        efecto_pedido(solicitud),
        contexto.cambios,
        motivos,
        codigo_meta=solicitud.meta.codigo,
    )
