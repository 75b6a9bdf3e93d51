"""Entry point: registers the ``stdlib`` backend.

The core imports this module for every process that uses webio_core, so it stays cheap: the
server module is imported only when a server is created.
"""

from __future__ import annotations

from typing import Callable

from webio_core import hookimpl
from webio_core.server import Backend

BACKEND = Backend(
    name="stdlib",
    transport="http",
    server_factory="webio_stdlib_backend.server:create_server",
    api_module="webio_stdlib_backend.api",
)


@hookimpl
def webio_register_backends(register: Callable[[Backend], None]) -> None:
    register(BACKEND)
