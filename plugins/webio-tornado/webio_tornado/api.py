"""Public API of the tornado backend (``webio_core.platform.tornado``)."""

from __future__ import annotations

from typing import Any, Callable, Optional, Union

from webio_core.server.app import WebIOApp
from webio_core.server.apps import Applications
from webio_core.server.options import ServerOptions
from webio_core.server.runner import start_server as _start_server
from webio_core.server.ws import WebSocketTransport

from .handler import WebIOHandler, make_handler
from .plugin import BACKEND

__all__ = ["start_server", "webio_handler"]


def start_server(
    applications: Applications,
    port: int = 0,
    host: str = "",
    debug: bool = False,
    cdn: Union[bool, str] = True,
    static_dir: Optional[str] = None,
    remote_access: bool = False,
    reconnect_timeout: float = 0,
    allowed_origins: Optional[list[str]] = None,
    check_origin: Optional[Callable[[str], bool]] = None,
    auto_open_webbrowser: bool = False,
    max_payload_size: Union[int, str] = "200M",
    **tornado_app_settings: Any,
) -> None:
    """Serve ``applications`` with Tornado over WebSocket (see ``webio_core.start_server``).
    ``tornado_app_settings`` go to ``tornado.web.Application``."""
    _start_server(
        applications,
        port=port,
        host=host,
        backend="tornado",
        debug=debug,
        cdn=cdn,
        static_dir=static_dir,
        remote_access=remote_access,
        reconnect_timeout=reconnect_timeout,
        allowed_origins=allowed_origins,
        check_origin=check_origin,
        auto_open_webbrowser=auto_open_webbrowser,
        max_payload_size=max_payload_size,
        **tornado_app_settings,
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
    options = ServerOptions(
        cdn=cdn,
        reconnect_timeout=reconnect_timeout,
        allowed_origins=allowed_origins,
        check_origin=check_origin,
    )
    return make_handler(
        WebSocketTransport(WebIOApp(applications, backend=BACKEND, options=options))
    )
