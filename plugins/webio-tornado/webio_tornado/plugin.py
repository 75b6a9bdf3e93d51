"""Entry point: registers the ``tornado`` backend. Imports nothing of Tornado until used."""

from __future__ import annotations

from typing import Callable

from webio_core import hookimpl
from webio_core.server import Backend

BACKEND = Backend(
    name="tornado",
    transport="websocket",
    server_factory="webio_tornado.server:create_server",
    api_module="webio_tornado.api",
)


@hookimpl
def webio_register_backends(register: Callable[[Backend], None]) -> None:
    register(BACKEND)
