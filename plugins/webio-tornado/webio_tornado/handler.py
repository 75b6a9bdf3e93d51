"""A Tornado request handler that serves one endpoint: page, client files and WebSocket."""

from __future__ import annotations

import asyncio
from typing import Any, Optional

import tornado.web
import tornado.websocket

from webio_core.server import Connection, Request, Response, WebSocketTransport


def to_request(request: Any, body: bytes = b"") -> Request:
    return Request.build(
        request.method or "GET",
        request.query,
        request.headers.get_all(),
        path=request.path,
        remote_ip=request.remote_ip or "",
        body=body,
        raw=request,
    )


def write_response(handler: tornado.web.RequestHandler, response: Response) -> None:
    handler.set_status(response.status)
    handler.set_header("Content-Type", response.content_type)
    for name, value in response.headers.items():
        handler.set_header(name, value)
    # Tornado refuses even an empty body with 304.
    handler.finish(response.body_bytes or None)


class WebIOHandler(tornado.websocket.WebSocketHandler):
    """Set ``transport`` in a subclass (see :func:`make_handler`)."""

    transport: WebSocketTransport
    _connection: Optional[Connection] = None

    def get(self, *args: Any, **kwargs: Any) -> Any:
        # Not a coroutine: Tornado's own get() lives as long as the socket, and a wrapper
        # awaiting it would too (some 350 bytes a connection).
        response = self.transport.handle_http(to_request(self.request))
        if response is not None:
            return write_response(self, response)
        return super().get(*args, **kwargs)

    def check_origin(self, origin: str) -> bool:
        # get() has already applied the core's origin policy (and its plugins) to this upgrade.
        return True

    def open(self, *args: Any, **kwargs: Any) -> None:
        self.set_nodelay(True)
        loop = asyncio.get_running_loop()
        request = to_request(self.request)
        self._connection = self.transport.connect(request, loop, self.write_message, self.close)

    def on_message(self, message: Any) -> None:
        if self._connection is not None:
            self._connection.on_message(message)

    def on_close(self) -> None:
        if self._connection is not None:
            self._connection.on_close()


def make_handler(transport: WebSocketTransport) -> type[WebIOHandler]:
    return type("WebIOHandler", (WebIOHandler,), {"transport": transport})
