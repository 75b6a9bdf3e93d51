"""webio_core: interactive web apps as plain Python scripts, with pluggable web servers.

The public API is PyWebIO's: ``from webio_core.input import input``,
``from webio_core.output import put_text``, ``webio_core.start_server(app)``.
"""

from __future__ import annotations

from pathlib import Path as _Path

from ._version import __version__
from .config import config
from .hookspecs import hookimpl
from .server.start import start_server

#: The directory of the built browser client, for hosting it yourself.
STATIC_PATH = str(_Path(__file__).resolve().parent / "static")

__all__ = ["STATIC_PATH", "__version__", "config", "hookimpl", "start_server"]
