"""Entry point: registers the ``aiohttp`` backend. Imports nothing of aiohttp until used."""

from __future__ import annotations

from typing import Callable

from webio_core import hookimpl
from webio_core.server import Backend

BACKEND = Backend("aiohttp", "websocket", "webio_aiohttp.server:create_server", "webio_aiohttp.api")


@hookimpl
def webio_register_backends(register: Callable[[Backend], None]) -> None:
    register(BACKEND)
