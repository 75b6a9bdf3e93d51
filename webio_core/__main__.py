"""``python -m webio_core``: the ``webio`` command."""

from .cli import main

raise SystemExit(main())
