"""Public API of the fastapi backend (``webio_core.platform.fastapi``), with PyWebIO's
parameters."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.routing import BaseRoute

from webio_core.server import Endpoint, route_helper, server_helper, start_server_for

from . import adapter
from .plugin import BACKEND

__all__ = ["asgi_app", "start_server", "webio_routes"]

start_server = start_server_for(
    BACKEND,
    "port host cdn reconnect_timeout static_dir remote_access debug allowed_origins "
    "check_origin auto_open_webbrowser max_payload_size",
    settings="uvicorn_settings",
)


@route_helper(BACKEND, "cdn reconnect_timeout allowed_origins check_origin")
def webio_routes(endpoint: Endpoint) -> list[BaseRoute]:
    """FastAPI / Starlette routes serving ``applications`` on ``/`` (page, client files and
    WebSocket): ``FastAPI(routes=webio_routes(app))``."""
    return adapter.webio_routes(endpoint)


@server_helper(BACKEND, "cdn reconnect_timeout static_dir debug allowed_origins check_origin")
def asgi_app(endpoint: Endpoint) -> Starlette:
    """A Starlette (ASGI) application serving ``applications`` at its root and ``static_dir``
    under ``static/``; run it with any ASGI server, or mount it in a host application:
    ``app.mount("/tool", asgi_app(app))``."""
    return adapter.starlette_app(endpoint)
