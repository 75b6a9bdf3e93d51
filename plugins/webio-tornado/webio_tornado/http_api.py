"""Public API of the tornado_http backend (``webio_core.platform.tornado_http``), with
PyWebIO's parameters."""

from __future__ import annotations

from webio_core.server import Endpoint, HttpTransport, route_helper, start_server_for

from .plugin import HTTP_BACKEND
from .polling import PollingHandler, make_polling_handler

__all__ = ["start_server", "webio_handler"]

start_server = start_server_for(
    HTTP_BACKEND,
    "port host debug cdn static_dir allowed_origins check_origin auto_open_webbrowser "
    "session_expire_seconds session_cleanup_interval max_payload_size",
    port=8080,
    settings="tornado_app_settings",
)


@route_helper(
    HTTP_BACKEND, "cdn session_expire_seconds session_cleanup_interval allowed_origins check_origin"
)
def webio_handler(endpoint: Endpoint) -> type[PollingHandler]:
    """A ``RequestHandler`` class serving ``applications`` over HTTP polling on the route you
    mount it at (page, client files and session requests all on that one route)."""
    return make_polling_handler(HttpTransport(endpoint))
