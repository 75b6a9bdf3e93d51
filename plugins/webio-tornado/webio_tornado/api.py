"""Public API of the tornado backend (``webio_core.platform.tornado``)."""

from __future__ import annotations

from typing import Callable, Optional, Union

from webio_core.server import Applications, Endpoint, WebSocketTransport, start_server_for

from .handler import WebIOHandler, make_handler
from .plugin import BACKEND

__all__ = ["start_server", "webio_handler"]

start_server = start_server_for(
    BACKEND.name,
    port=0,
    host="",
    debug=False,
    cdn=True,
    static_dir=None,
    remote_access=False,
    reconnect_timeout=0,
    allowed_origins=None,
    check_origin=None,
    auto_open_webbrowser=False,
    max_payload_size="200M",
    settings_name="tornado_app_settings",
)


def webio_handler(
    applications: Applications,
    cdn: Union[bool, str] = True,
    reconnect_timeout: float = 0,
    allowed_origins: Optional[list[str]] = None,
    check_origin: Optional[Callable[[str], bool]] = None,
) -> type[WebIOHandler]:
    """A ``RequestHandler`` class serving ``applications`` on the route you mount it at (page,
    client files and WebSocket all on that one route)."""
    endpoint = Endpoint.for_route(
        applications,
        BACKEND,
        cdn=cdn,
        reconnect_timeout=reconnect_timeout,
        allowed_origins=allowed_origins,
        check_origin=check_origin,
    )
    return make_handler(WebSocketTransport(endpoint))
