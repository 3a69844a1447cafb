"""Solo compatibilidad: las pruebas de ``sdg_metas.archivos`` están en ``tests/archivos/``.

``tests/test_cli.py`` importa de aquí los datos de una solicitud; cuando importe
``from archivos.comun import SOLICITUD_LOCAL, _plan_local``, este archivo se borra.
"""

from archivos.comun import SOLICITUD_LOCAL, _plan_local

__all__ = ["SOLICITUD_LOCAL", "_plan_local"]
