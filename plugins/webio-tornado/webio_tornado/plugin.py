"""Entry point: registers the ``tornado`` backend. Imports nothing of Tornado until used."""

from __future__ import annotations

from typing import Callable

from webio_core import hookimpl
from webio_core.server import Backend

BACKEND = Backend("tornado", "websocket", "webio_tornado.server:create_server", "webio_tornado.api")


@hookimpl
def webio_register_backends(register: Callable[[Backend], None]) -> None:
    register(BACKEND)
