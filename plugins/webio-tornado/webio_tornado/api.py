"""Public API of the tornado backend (``webio_core.platform.tornado``), with PyWebIO's
parameters."""

from __future__ import annotations

from webio_core.server import Endpoint, WebSocketTransport, route_helper, start_server_for

from .handler import WebIOHandler, make_handler
from .plugin import BACKEND

__all__ = ["start_server", "webio_handler"]

start_server = start_server_for(
    BACKEND,
    "port host debug cdn static_dir remote_access reconnect_timeout allowed_origins "
    "check_origin auto_open_webbrowser max_payload_size",
    settings="tornado_app_settings",
)


@route_helper(BACKEND, "cdn reconnect_timeout allowed_origins check_origin")
def webio_handler(endpoint: Endpoint) -> type[WebIOHandler]:
    """A ``RequestHandler`` class serving ``applications`` on the route you mount it at (page,
    client files and WebSocket all on that one route)."""
    return make_handler(WebSocketTransport(endpoint))
