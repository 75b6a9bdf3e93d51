"""A Tornado request handler that serves one endpoint: page, client files and WebSocket."""

from __future__ import annotations

import asyncio
from typing import Any, Optional

import tornado.web
import tornado.websocket

from webio_core.server import Request, Response, WebSocketConnection, WebSocketTransport


def to_request(handler: tornado.web.RequestHandler) -> Request:
    request = handler.request
    query = [
        (k, v.decode("utf-8", "replace")) for k, vs in request.query_arguments.items() for v in vs
    ]
    return Request.build(
        request.method or "GET",
        query,
        request.headers.get_all(),
        path=request.path,
        remote_ip=request.remote_ip or "",
        raw=request,
    )


def write_response(handler: tornado.web.RequestHandler, response: Response) -> None:
    handler.set_status(response.status)
    handler.set_header("Content-Type", response.content_type)
    for name, value in response.headers.items():
        handler.set_header(name, value)
    handler.finish(response.body_bytes)


class _Peer:
    """The socket as the core's WebSocketPeer."""

    def __init__(self, handler: tornado.websocket.WebSocketHandler) -> None:
        self._handler = handler

    def send_text(self, text: str) -> Any:
        try:
            return self._handler.write_message(text)
        except tornado.websocket.WebSocketClosedError:
            return None

    def close(self, code: int = 1000, reason: str = "") -> None:
        self._handler.close(code, reason)


class WebIOHandler(tornado.websocket.WebSocketHandler):
    """Set ``transport`` in a subclass (see :func:`make_handler`)."""

    transport: WebSocketTransport
    _connection: Optional[WebSocketConnection] = None

    async def get(self, *args: Any, **kwargs: Any) -> None:
        request = to_request(self)
        if self.request.headers.get("Upgrade", "").lower() != "websocket":
            write_response(self, self.transport.endpoint.handle_get(request))
            return
        refusal = self.transport.refuse(request)
        if refusal is not None:
            write_response(self, refusal)
            return
        await super().get(*args, **kwargs)

    def check_origin(self, origin: str) -> bool:
        # get() has already applied the core's origin policy (and its plugins) to this upgrade.
        return True

    def open(self, *args: Any, **kwargs: Any) -> None:
        self.set_nodelay(True)
        self._connection = self.transport.connect(
            to_request(self), _Peer(self), asyncio.get_running_loop()
        )

    def on_message(self, message: Any) -> None:
        if self._connection is not None:
            self._connection.on_message(message)

    def on_close(self) -> None:
        if self._connection is not None:
            self._connection.on_close()


def make_handler(transport: WebSocketTransport) -> type[WebIOHandler]:
    return type("WebIOHandler", (WebIOHandler,), {"transport": transport})
