"""webio_core: interactive web apps as plain Python scripts, with pluggable web servers.

The public API is PyWebIO's: ``from webio_core.input import input``,
``from webio_core.output import put_text``, ``webio_core.start_server(app)``. The top-level
names are PyWebIO's too (``webio_core.output.put_text`` works after a bare
``import webio_core``), plus ``hookimpl`` for plugins and ``path_deploy`` /
``path_deploy_http`` (in PyWebIO, in ``pywebio.platform`` only).
"""

from __future__ import annotations

from pathlib import Path as _Path

# Imported so that ``webio_core.input.input(...)`` works without importing the module itself.
from . import exceptions, input, output, pin, platform, session
from ._version import (
    __author__,
    __author_email__,
    __description__,
    __license__,
    __url__,
    __version__,
)
from .config import config
from .debugging import enable_debug
from .deploy import path_deploy, path_deploy_http
from .hookspecs import hookimpl
from .server.start import start_server
from .session.errors import SessionClosedException, SessionException, SessionNotFoundException

#: The directory of the built browser client, for hosting it yourself.
STATIC_PATH = str(_Path(__file__).resolve().parent / "static")

__all__ = [
    "STATIC_PATH",
    "SessionClosedException",
    "SessionException",
    "SessionNotFoundException",
    "__author__",
    "__author_email__",
    "__description__",
    "__license__",
    "__url__",
    "__version__",
    "config",
    "enable_debug",
    "exceptions",
    "hookimpl",
    "input",
    "output",
    "path_deploy",
    "path_deploy_http",
    "pin",
    "platform",
    "session",
    "start_server",
]
