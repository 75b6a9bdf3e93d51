"""``create_server`` of the stdlib backend: the standard library's WSGI server in front of the
core's WSGI adapter.

Everything webio-specific (pages, client files, ``static_dir``, sessions, polling, origin
checks, expiry) happens in the core; this module only picks and quiets the server.
"""

from __future__ import annotations

import logging
import socket
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from webio_core.server import Endpoint, HttpTransport, SocketServerRunner, wsgi_app

logger = logging.getLogger("webio_stdlib_backend")


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    # Polls wait for the app's reply, so each request needs a thread of its own.
    daemon_threads = True


class _IPv6WSGIServer(_ThreadingWSGIServer):
    address_family = socket.AF_INET6


class _LoggingHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s %s", self.address_string(), format % args)


def create_server(
    endpoint: Endpoint, host: str, port: int, settings: dict[str, Any]
) -> SocketServerRunner:
    """Bind ``host:port`` (port 0: any free port) for ``endpoint``; the core's runner does the
    serving and stopping."""
    if settings:
        raise TypeError(f"the stdlib backend takes no settings; got {sorted(settings)}")
    host = host or "0.0.0.0"
    server_class = _IPv6WSGIServer if ":" in host else _ThreadingWSGIServer
    app = wsgi_app(HttpTransport(endpoint))
    server = make_server(host, port, app, server_class=server_class, handler_class=_LoggingHandler)
    return SocketServerRunner(endpoint, server)
