"""Public API of the flask backend (``webio_core.platform.flask``), with PyWebIO's parameters."""

from __future__ import annotations

from typing import Callable

import flask

from webio_core.server import Endpoint, HttpTransport, route_helper, server_helper, start_server_for

from .plugin import BACKEND
from .server import build_flask_app
from .view import make_view

__all__ = ["start_server", "webio_view", "wsgi_app"]

start_server = start_server_for(
    BACKEND,
    "port host cdn static_dir remote_access allowed_origins check_origin session_expire_seconds "
    "session_cleanup_interval debug max_payload_size",
    port=8080,
    settings="flask_options",
)


@route_helper(
    BACKEND, "cdn session_expire_seconds session_cleanup_interval allowed_origins check_origin"
)
def webio_view(endpoint: Endpoint) -> Callable[..., flask.Response]:
    """A Flask view function serving ``applications``; register it with
    ``methods=['GET', 'POST', 'OPTIONS']``."""
    return make_view(HttpTransport(endpoint))


@server_helper(
    BACKEND,
    "cdn static_dir allowed_origins check_origin session_expire_seconds session_cleanup_interval "
    "max_payload_size",
)
def wsgi_app(endpoint: Endpoint) -> flask.Flask:
    """A Flask (WSGI) app serving ``applications`` at ``/``, for any WSGI server."""
    return build_flask_app(endpoint)
