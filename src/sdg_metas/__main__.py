"""``python -m sdg_metas``: la línea de comandos (ver :mod:`sdg_metas.cli`)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
