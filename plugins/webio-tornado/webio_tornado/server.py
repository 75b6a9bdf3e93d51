"""``create_server`` of the tornado backend: a Tornado application on its own asyncio loop."""

from __future__ import annotations

import asyncio
import threading
from typing import Any, Optional

import tornado.httpserver
import tornado.netutil
import tornado.web

from webio_core.server.app import WebIOApp
from webio_core.server.ws import WebSocketTransport

from .handler import make_handler

#: Room for the frame around a payload, so a payload of exactly max_payload_size still fits.
FRAME_MARGIN = 64 * 1024


def websocket_size_limit(app: WebIOApp) -> int:
    return app.options.max_payload_bytes + FRAME_MARGIN


def build_application(app: WebIOApp, settings: dict[str, Any]) -> tornado.web.Application:
    routes: list[Any] = [(r"/", make_handler(WebSocketTransport(app)))]
    if app.options.static_dir:
        routes.append(
            (r"/static/(.*)", tornado.web.StaticFileHandler, {"path": app.options.static_dir})
        )
    settings = {"websocket_max_message_size": websocket_size_limit(app), **settings}
    return tornado.web.Application(routes, debug=app.options.debug, **settings)


class TornadoServer:
    def __init__(self, app: WebIOApp, application: tornado.web.Application, host: str, port: int):
        self.app = app
        self._application = application
        self._sockets = tornado.netutil.bind_sockets(port, host or None)
        self.port: int = self._sockets[0].getsockname()[1]
        self._stop_requested = threading.Event()
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._wake: Optional[asyncio.Event] = None

    def serve_forever(self) -> None:
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        server = tornado.httpserver.HTTPServer(
            self._application, max_body_size=self.app.options.max_payload_bytes
        )
        server.add_sockets(self._sockets)
        try:
            while not self._stop_requested.is_set():
                await self._wake.wait()
        finally:
            server.stop()
            # Sessions close on this loop, so their sockets get close_session and a clean close.
            self.app.shutdown()
            await asyncio.sleep(0.05)
            await server.close_all_connections()

    def stop(self) -> None:
        self._stop_requested.set()
        loop, wake = self._loop, self._wake
        if loop is not None and wake is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(wake.set)
            except RuntimeError:
                pass  # the loop finished between the check and the call


def create_server(app: WebIOApp, host: str, port: int, settings: dict[str, Any]) -> TornadoServer:
    return TornadoServer(app, build_application(app, settings), host, port)
