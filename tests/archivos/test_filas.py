"""Pruebas de ``sdg_metas.archivos._filas``: el lector de filas que comparten CSV y Excel."""


from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from sdg_metas.archivos import (
    COLUMNAS_CSV,
    COLUMNAS_OBLIGATORIAS_CSV,
    ErrorCarga,
    cargar_csv,
    cargar_plan,
)
from sdg_metas.modelo import (
    Indicador,
    Nivel,
)

from .comun import CABECERA, codigos


def test_csv_excel_en_espanol(tmp_path: Path) -> None:
    ruta = tmp_path / "exportado.csv"
    ruta.write_bytes(
        (
            "\ufeffCódigo;Descripción;Tipo;Magnitud;Línea base;T1;T2;T3;T4;Ejecución T1;Peso;"
            "Unidad;Transversal;Entregables;Vigencia;Unidad plan;Nivel plan;Extra\r\n"
            "M1;Aumentar al 80 %;Creciente;80;40;50,5;60;70;80;52,25;60;%;Sí;Acta | Informe;"
            "2025;Alcaldía Local de Suba;Local;\r\n"
            ";;;;;;;;;;;;;;;;;\r\n"
            "M2;Realizar 4 mesas;Constante;4;;4;4;4;4;;40;mesas;no;;2025;Alcaldía Local de "
            "Suba;local;\r\n"
        ).encode()
    )
    with pytest.raises(ErrorCarga) as error:
        cargar_plan(ruta, decimal=",")
    assert codigos(error) == [f"{ruta}, fila 1, columna 18"]
    plan = cargar_plan(ruta, decimal=",", ignorar_columnas=True)
    m1, m2 = plan.metas
    assert plan.nivel is Nivel.LOCAL
    assert m1.nivel is Nivel.LOCAL
    assert m1.programacion.trimestres[0] == Decimal("50.5")
    assert m1.programacion.linea_base == Decimal(40)
    assert m1.transversal
    assert not m2.transversal
    assert m1.entregables == ("Acta", "Informe")
    assert plan.ejecuciones("M1") == (Decimal("52.25"), None, None, None)
    assert plan.reportes_de("M2") == ()


def test_csv_sin_decimal_coma_dice_que_opcion_usar() -> None:
    texto = f"{CABECERA}\nM1;Atender;suma;10;2,5;2,5;2,5;2,5;;;100\n"
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(texto, vigencia=2025, unidad="Suba")
    assert codigos(error) == [f"<texto>, fila 2, columna t{k}" for k in range(1, 5)]
    assert error.value.problemas[0].mensaje == (
        "'2,5' usa coma decimal; si el archivo viene de Excel en español, cárguelo con "
        "decimal=','"
    )
    plan = cargar_csv(texto, vigencia=2025, unidad="Suba", decimal=",")
    assert plan.metas[0].programacion.trimestres[0] == Decimal("2.5")


def test_csv_decimal_coma_miles_y_punto_ambiguo() -> None:
    """Issue 14: «decimal comma with thousands dots (`1.300,5` under `decimal=","`)». Un punto
    que agrupa miles se acepta (antes era un error); uno que no agrupa de a tres sigue siéndolo.
    """
    texto = f"{CABECERA}\nM1;Atender;suma;1.000;250;250;250;250;;;100\n"
    plan = cargar_csv(texto, vigencia=2025, unidad="Suba", decimal=",")
    assert plan.metas[0].programacion.magnitud == Decimal(1000)
    texto = f"{CABECERA}\nM1;Atender;suma;1000;250;250,0;250.5;249.5;;;100\n"
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(texto, vigencia=2025, unidad="Suba", decimal=",")
    assert [p.ubicacion for p in error.value.problemas] == [
        "<texto>, fila 2, columna t3", "<texto>, fila 2, columna t4"]
    assert "no separa miles" in error.value.problemas[0].mensaje


def test_csv_todos_los_problemas_con_fila_y_columna(tmp_path: Path) -> None:
    ruta = tmp_path / "roto.csv"
    ruta.write_text(
        "vigencia;unidad_plan;nivel_plan;codigo;descripcion;tipo;magnitud;t1;t2;t3;t4;"
        "ejecucion_t1;peso;nivel;transversal;eliminada_desde;linea_base\n"
        "2025;Suba;local;M1;A;lineal;diez;1;2;3;4;;101;central;quizá;2025-T9;-1\n"
        "2024;Usme;central;;B;suma;10;1;2;3;4;x;10;regional;no;;\n"
        "abc;Suba;planeta;M3;C;suma;10;1;2;3;4;;10;;;;\n"
        "2025;Suba;local;M4;D;suma;10;1;2;3;4;1;10;;;;\n"
        "2025;Suba;local;M4;E;suma;10;1;2;3;4;;10;;;;\n",
        encoding="utf-8",
    )
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(ruta)
    r = str(ruta)
    assert codigos(error) == [
        f"{r}, fila 2, columna tipo",
        f"{r}, fila 2, columna magnitud",
        f"{r}, fila 2, columna linea_base",
        f"{r}, fila 2, columna peso",
        f"{r}, fila 2, columna transversal",
        f"{r}, fila 2, columna eliminada_desde",
        f"{r}, fila 3, columna codigo",
        f"{r}, fila 3, columna ejecucion_t1",
        f"{r}, fila 3, columna nivel",
        f"{r}, fila 4, columna vigencia",
        f"{r}, fila 4, columna nivel_plan",
        f"{r}, fila 3, columna vigencia",
        f"{r}, fila 3, columna unidad_plan",
        f"{r}, fila 3, columna nivel_plan",
        f"{r}, fila 5, columna codigo",
    ]
    mensajes = [p.mensaje for p in error.value.problemas]
    assert mensajes[-4] == "2024 difiere de 2025 (un archivo es un solo plan)"
    assert mensajes[-1] == (
        "el código 'M4' está repetido (filas 5, 6) y sus ejecuciones son ambiguas"
    )
    assert "debe ser si o no" in mensajes[4]


def test_csv_parametros_contra_columnas() -> None:
    texto = (
        "vigencia;unidad_plan;nivel_plan;" + CABECERA + "\n"
        "2024;Usme;central;M1;A;suma;10;1;2;3;4;;;10\n"
        "2025;Suba;local;M2;A;suma;10;1;2;3;4;;;10\n"
    )
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(texto, vigencia=2025, unidad="Suba", nivel="local")
    assert [p.mensaje for p in error.value.problemas] == [
        "2024 no coincide con el parámetro 2025",
        "'Usme' no coincide con el parámetro 'Suba'",
        "'central' no coincide con el parámetro 'local'",
    ]


def test_csv_columnas_desconocidas_repetidas_y_faltantes() -> None:
    texto = "codigo;Código;descripcion;observaciones;;peso\nM1;M1;A;x;;10\n"
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(texto)
    mensajes = [str(p) for p in error.value.problemas]
    assert mensajes[0] == "<texto>, fila 1, columna 2: la columna 'codigo' está repetida"
    assert mensajes[1].startswith("<texto>, fila 1, columna 4: columna desconocida "
                                  "'observaciones'; columnas válidas: vigencia,")
    faltantes = [p.campo for p in error.value.problemas[2:]]
    assert faltantes == ["tipo", "magnitud", "t1", "t2", "t3", "t4", "vigencia", "unidad_plan"]
    assert "(o el parámetro vigencia=)" in mensajes[-2]


def test_csv_ignorar_columnas_y_filas_cortas() -> None:
    texto = f"{CABECERA};observaciones\nM1;A;suma;10;1;2;3;4;;;10;nota\nM2;B;suma;10;1;2;3;4\n"
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(texto, vigencia=2025, unidad="Suba", ignorar_columnas=True)
    assert codigos(error) == ["<texto>, fila 3, columna peso"]
    assert error.value.problemas[0].mensaje == "falta el número (la celda está vacía)"
    plan = cargar_csv(texto.rsplit("M2", 1)[0], vigencia=2025, unidad="Suba",
                      ignorar_columnas=True, max_metas=1, decimal=".", delimitador=";")
    assert [m.codigo for m in plan.metas] == ["M1"]


def test_csv_sin_filas_sin_vigencia_y_vacio() -> None:
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(CABECERA + "\n")
    assert [p.campo for p in error.value.problemas] == ["vigencia", "unidad_plan"]
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(CABECERA + "\n", vigencia=2025, unidad="Suba")
    assert [p.mensaje for p in error.value.problemas] == ["el archivo no tiene ninguna meta"]
    texto = "vigencia;unidad_plan;" + CABECERA + "\n;;M1;A;suma;10;1;2;3;4;;;10\n"
    with pytest.raises(ErrorCarga) as error:
        cargar_csv(texto)
    assert [p.mensaje for p in error.value.problemas] == [
        "ninguna fila tiene vigencia; llene la columna o use el parámetro",
        "ninguna fila tiene unidad_plan; llene la columna o use el parámetro",
    ]
    with pytest.raises(ErrorCarga) as error:
        cargar_csv("\n;;\ncodigo;x\n")
    assert [p.ubicacion for p in error.value.problemas][:2] == [
        "<texto>, fila 3, columna 2", "<texto>, fila 3"]
    with pytest.raises(ErrorCarga) as error:
        cargar_csv("\n;;\n")
    assert error.value.problemas[0].mensaje.startswith("el archivo está vacío")


def test_csv_indicador_parcial() -> None:
    texto = (
        CABECERA + ";indicador_numerador;proceso_lider\n"
        "M1;A;suma;10;1;2;3;4;;;10;Solicitudes atendidas;Gestión\n"
    )
    meta = cargar_csv(texto, vigencia=2025, unidad="Suba").metas[0]
    assert meta.indicador == Indicador(nombre="", numerador="Solicitudes atendidas")
    assert meta.proceso_lider == "Gestión"


def test_celdas_numericas_enteras_de_excel() -> None:
    from sdg_metas.archivos._filas import texto_celda as _texto_celda

    assert (_texto_celda(2025.0), _texto_celda(2.5), _texto_celda(7), _texto_celda(None)) == (
        "2025", "2.5", "7", "")


def test_columnas_obligatorias_son_columnas() -> None:
    assert set(COLUMNAS_OBLIGATORIAS_CSV) <= set(COLUMNAS_CSV)
    assert len(set(COLUMNAS_CSV)) == len(COLUMNAS_CSV)
