"""Public API of the aiohttp backend (``webio_core.platform.aiohttp``), with PyWebIO's
parameters."""

from __future__ import annotations

from typing import Any

from webio_core.server import Endpoint, WebSocketTransport, route_helper, start_server_for

from .handler import Handler, make_handler, static_routes
from .plugin import BACKEND

__all__ = ["start_server", "static_routes", "webio_handler"]

start_server = start_server_for(
    BACKEND,
    "port host debug cdn static_dir remote_access reconnect_timeout allowed_origins "
    "check_origin auto_open_webbrowser max_payload_size websocket_settings",
    websocket_settings=None,
    settings="aiohttp_settings",
)


@route_helper(
    BACKEND,
    "cdn reconnect_timeout allowed_origins check_origin max_payload_size websocket_settings",
    websocket_settings=None,
)
def webio_handler(endpoint: Endpoint, websocket_settings: Any = None) -> Handler:
    """A request handler serving ``applications`` on the route you add it at with
    ``web.get`` (page, client files and WebSocket all on that one route);
    ``websocket_settings`` go to ``aiohttp.web.WebSocketResponse``.

    The handler of an open page runs until the page closes, and at server stop aiohttp waits
    for running handlers (``web.run_app``'s ``shutdown_timeout``, 60 seconds by default)
    before it cancels them and so closes their sessions: pass a shorter ``shutdown_timeout``
    to stop faster while pages are open. (``start_server`` closes its sessions itself.)"""
    return make_handler(WebSocketTransport(endpoint), websocket_settings)
