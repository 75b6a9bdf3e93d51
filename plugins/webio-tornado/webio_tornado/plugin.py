"""Entry point: registers the ``tornado`` (WebSocket) and ``tornado_http`` (HTTP polling)
backends. Imports nothing of Tornado until used."""

from __future__ import annotations

from typing import Callable

from webio_core import hookimpl
from webio_core.server import Backend

BACKEND = Backend("tornado", "websocket", "webio_tornado.server:create_server", "webio_tornado.api")
HTTP_BACKEND = Backend(
    "tornado_http", "http", "webio_tornado.polling:create_server", "webio_tornado.http_api"
)


@hookimpl
def webio_register_backends(register: Callable[[Backend], None]) -> None:
    register(BACKEND)
    register(HTTP_BACKEND)
