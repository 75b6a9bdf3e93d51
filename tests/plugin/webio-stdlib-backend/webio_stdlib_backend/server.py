"""``create_server`` of the stdlib backend: ``ThreadingHTTPServer`` in front of the core.

Everything webio-specific (pages, client files, sessions, polling, origin checks, expiry)
happens in :class:`webio_core.server.http.HttpTransport`; this module only translates
``http.server`` requests into :class:`webio_core.server.request.Request` and writes back the
:class:`~webio_core.server.request.Response`.
"""

from __future__ import annotations

import logging
import socket
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from webio_core.server.app import WebIOApp
from webio_core.server.http import HttpTransport
from webio_core.server.request import Request, Response, text_response
from webio_core.server.socketserver_runner import SocketServerRunner
from webio_core.server.static import content_type

logger = logging.getLogger("webio_stdlib_backend")

#: Where the files of the ``static_dir`` option are served, as with the other backends.
USER_STATIC_PREFIX = "/static/"
_DISCARD_CHUNK = 64 * 1024


class WebIORequestHandler(BaseHTTPRequestHandler):
    """One request: the app's endpoint is ``/``, the ``static_dir`` files are under ``/static/``."""

    server: _WebIOHTTPServer
    server_version = "webio-stdlib"

    def do_GET(self) -> None:
        length = self.headers.get("Content-Length", "0")
        if not (length.isascii() and length.isdigit()):
            self._send(text_response(400, "Bad Content-Length."))
            return
        self._unread = int(length)
        url = urlsplit(self.path)
        try:
            response = self._respond(url.path, url.query)
        except Exception:
            logger.exception("error while handling %s %s", self.command, self.path)
            response = text_response(500, "Internal server error.")
        # Closing a socket with unread input resets it, and the client would lose our answer.
        while self._unread > 0 and self._read_body(_DISCARD_CHUNK):
            pass
        self._send(response)

    do_POST = do_OPTIONS = do_GET

    def _respond(self, path: str, query: str) -> Response:
        if path == "/":
            return self.server.transport.handle(
                Request.build(
                    self.command,
                    parse_qsl(query, keep_blank_values=True),
                    self.headers.items(),
                    remote_ip=self.client_address[0],
                    body_reader=self._read_body,
                    raw=self,
                )
            )
        if path.startswith(USER_STATIC_PREFIX) and self.command == "GET":
            file = self.server.app.user_static_file(unquote(path[len(USER_STATIC_PREFIX) :]))
            if file is not None:
                return Response(200, file.read_bytes(), content_type(file))
        return text_response(404, "Not found.")

    def _read_body(self, limit: int) -> bytes:
        # Never ask for more than the client announced: rfile.read() would wait for it.
        data = self.rfile.read(min(limit, self._unread))
        self._unread = self._unread - len(data) if data else 0  # no data: the client is gone
        return data

    def _send(self, response: Response) -> None:
        body = response.body_bytes
        try:
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in response.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            logger.debug("the client of %s left before the response", self.path)

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s %s", self.address_string(), format % args)


class _WebIOHTTPServer(ThreadingHTTPServer):
    def __init__(self, app: WebIOApp, host: str, port: int) -> None:
        self.app = app
        self.transport = HttpTransport(app)
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        super().__init__((host, port), WebIORequestHandler)


def create_server(
    app: WebIOApp, host: str, port: int, settings: dict[str, Any]
) -> SocketServerRunner:
    """Bind ``host:port`` (port 0: any free port) for ``app``; see ``webio_core.backend``.
    The core's runner does the serving and stopping."""
    if settings:
        raise TypeError(f"the stdlib backend takes no settings; got {sorted(settings)}")
    return SocketServerRunner(app, _WebIOHTTPServer(app, host or "0.0.0.0", port))
