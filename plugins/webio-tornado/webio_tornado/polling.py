"""The ``tornado_http`` backend: Tornado with HTTP polling instead of WebSocket."""

from __future__ import annotations

from typing import Any

import tornado.web

from webio_core.server import AsyncioRunner, Endpoint, HttpTransport

from .handler import to_request, write_response
from .server import build_application, serve_application

#: Tornado drops a connection whose body is over its limit; the handler keeps reading and the
#: core answers 413 past max_payload_size instead.
NO_TORNADO_LIMIT = 1 << 62


@tornado.web.stream_request_body
class PollingHandler(tornado.web.RequestHandler):
    """Set ``transport`` in a subclass (see :func:`make_polling_handler`)."""

    transport: HttpTransport

    def prepare(self) -> None:
        self._limit = self.transport.endpoint.options.max_payload_bytes
        self._body = bytearray()
        self.request.connection.set_max_body_size(NO_TORNADO_LIMIT)  # type: ignore[union-attr]

    def data_received(self, chunk: bytes) -> None:
        room = self._limit + 1 - len(self._body)  # one byte over the limit tells it is over
        if room > 0:
            self._body += chunk[:room]

    async def get(self, *args: Any, **kwargs: Any) -> None:
        request = to_request(self.request, bytes(self._body))
        write_response(self, await self.transport.handle_async(request))

    post = options = get


def make_polling_handler(transport: HttpTransport) -> type[PollingHandler]:
    return type("WebIOHttpHandler", (PollingHandler,), {"transport": transport})


def create_server(
    endpoint: Endpoint, host: str, port: int, settings: dict[str, Any]
) -> AsyncioRunner:
    handler = make_polling_handler(HttpTransport(endpoint))
    return serve_application(endpoint, build_application(endpoint, settings, handler), host, port)
