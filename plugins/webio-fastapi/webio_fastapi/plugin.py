"""Entry point: registers the ``fastapi`` backend. Imports nothing of FastAPI until used."""

from __future__ import annotations

from typing import Callable

from webio_core import hookimpl
from webio_core.server import Backend, FrameworkOptions

#: PyWebIO passes ``**uvicorn_settings`` to ``uvicorn.run``, so to ``uvicorn.Config``.
SETTINGS = FrameworkOptions(parameters_of="uvicorn:Config")
BACKEND = Backend(
    "fastapi", "websocket", "webio_fastapi.server:create_server", "webio_fastapi.api", SETTINGS
)


@hookimpl
def webio_register_backends(register: Callable[[Backend], None]) -> None:
    register(BACKEND)
