"""Pruebas de sdg_metas.modificaciones (Política de operación 9)."""
