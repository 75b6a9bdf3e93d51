"""Entry point: registers the ``aiohttp`` backend. Imports nothing of aiohttp until used."""

from __future__ import annotations

from typing import Callable

from webio_core import hookimpl
from webio_core.server import Backend, FrameworkOptions

#: PyWebIO passes ``websocket_settings`` to ``WebSocketResponse``, the rest to ``Application``.
SETTINGS = FrameworkOptions("websocket_settings", parameters_of="aiohttp.web:Application")
BACKEND = Backend(
    "aiohttp", "websocket", "webio_aiohttp.server:create_server", "webio_aiohttp.api", SETTINGS
)


@hookimpl
def webio_register_backends(register: Callable[[Backend], None]) -> None:
    register(BACKEND)
