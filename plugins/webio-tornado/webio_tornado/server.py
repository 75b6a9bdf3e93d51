"""``create_server`` of the tornado backend: a Tornado application on the core's asyncio runner."""

from __future__ import annotations

from typing import Any

import tornado.httpserver
import tornado.netutil
import tornado.web

from webio_core.server import AsyncioRunner, Endpoint, WebSocketTransport, listen

from .handler import make_handler

#: Room for the frame around a payload, so a payload of exactly max_payload_size still fits.
FRAME_MARGIN = 64 * 1024


def build_application(
    endpoint: Endpoint, settings: dict[str, Any], handler: type[tornado.web.RequestHandler]
) -> tornado.web.Application:
    """Every path goes to ``handler``, whose endpoint serves apps, client files and
    ``static_dir``."""
    limit = endpoint.options.max_payload_bytes + FRAME_MARGIN
    settings = {"websocket_max_message_size": limit, **settings}
    # Not Tornado's debug=: its autoreload would restart the process behind the core's reloader.
    return tornado.web.Application([(r"/.*", handler)], **settings)


def create_server(
    endpoint: Endpoint, host: str, port: int, settings: dict[str, Any]
) -> AsyncioRunner:
    handler = make_handler(WebSocketTransport(endpoint))
    return serve_application(endpoint, build_application(endpoint, settings, handler), host, port)


def serve_application(
    endpoint: Endpoint, application: tornado.web.Application, host: str, port: int
) -> AsyncioRunner:
    # Every interface is IPv4 and IPv6 with Tornado, as in PyWebIO; a given host is bound by
    # the core, which closes the socket when binding fails (Tornado leaves it to the GC).
    sockets = [listen(host, port, blocking=False)] if host else tornado.netutil.bind_sockets(port)

    async def serve() -> Any:
        server = tornado.httpserver.HTTPServer(
            application, max_body_size=endpoint.options.max_payload_bytes
        )
        server.add_sockets(sockets)

        async def stop() -> None:
            server.stop()
            await server.close_all_connections()

        return stop

    return AsyncioRunner(endpoint, sockets[0].getsockname()[1], serve)
