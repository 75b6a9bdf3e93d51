"""Public API of the flask backend (``webio_core.platform.flask``)."""

from __future__ import annotations

from typing import Any, Callable, Optional, Union

import flask

from webio_core.server.app import WebIOApp
from webio_core.server.apps import Applications
from webio_core.server.http import HttpTransport
from webio_core.server.options import ServerOptions
from webio_core.server.runner import start_server as _start_server

from .plugin import BACKEND
from .server import build_flask_app
from .view import make_view

__all__ = ["start_server", "webio_view", "wsgi_app"]


def start_server(
    applications: Applications,
    port: int = 8080,
    host: str = "",
    cdn: Union[bool, str] = True,
    static_dir: Optional[str] = None,
    remote_access: bool = False,
    allowed_origins: Optional[list[str]] = None,
    check_origin: Optional[Callable[[str], bool]] = None,
    session_expire_seconds: Optional[float] = None,
    session_cleanup_interval: Optional[float] = None,
    debug: bool = False,
    max_payload_size: Union[int, str] = "200M",
    **flask_options: Any,
) -> None:
    """Serve ``applications`` with Flask over HTTP polling (see ``webio_core.start_server``).
    ``flask_options`` go to Werkzeug's server (``threaded``, ``ssl_context``...)."""
    _start_server(
        applications,
        port=port,
        host=host,
        backend="flask",
        cdn=cdn,
        static_dir=static_dir,
        remote_access=remote_access,
        allowed_origins=allowed_origins,
        check_origin=check_origin,
        session_expire_seconds=session_expire_seconds,
        session_cleanup_interval=session_cleanup_interval,
        debug=debug,
        max_payload_size=max_payload_size,
        **flask_options,
    )


def webio_view(
    applications: Applications,
    cdn: Union[bool, str] = True,
    session_expire_seconds: Optional[float] = None,
    session_cleanup_interval: Optional[float] = None,
    allowed_origins: Optional[list[str]] = None,
    check_origin: Optional[Callable[[str], bool]] = None,
) -> Callable[[], flask.Response]:
    """A Flask view function serving ``applications``; register it with
    ``methods=['GET', 'POST', 'OPTIONS']``."""
    options = ServerOptions(
        cdn=cdn,
        session_expire_seconds=session_expire_seconds,
        session_cleanup_interval=session_cleanup_interval,
        allowed_origins=allowed_origins,
        check_origin=check_origin,
    )
    return make_view(HttpTransport(WebIOApp(applications, backend=BACKEND, options=options)))


def wsgi_app(
    applications: Applications,
    cdn: Union[bool, str] = True,
    static_dir: Optional[str] = None,
    allowed_origins: Optional[list[str]] = None,
    check_origin: Optional[Callable[[str], bool]] = None,
    session_expire_seconds: Optional[float] = None,
    session_cleanup_interval: Optional[float] = None,
    max_payload_size: Union[int, str] = "200M",
) -> flask.Flask:
    """A Flask (WSGI) app serving ``applications`` at ``/``, for any WSGI server."""
    options = ServerOptions(
        cdn=cdn,
        static_dir=static_dir,
        allowed_origins=allowed_origins,
        check_origin=check_origin,
        session_expire_seconds=session_expire_seconds,
        session_cleanup_interval=session_cleanup_interval,
        max_payload_size=max_payload_size,
    )
    return build_flask_app(WebIOApp(applications, backend=BACKEND, options=options))
