"""Public API of the flask backend (``webio_core.platform.flask``)."""

from __future__ import annotations

from typing import Callable, Optional, Union

import flask

from webio_core.server import Applications, Endpoint, HttpTransport, start_server_for

from .plugin import BACKEND
from .server import build_flask_app
from .view import make_view

__all__ = ["start_server", "webio_view", "wsgi_app"]

start_server = start_server_for(
    BACKEND.name,
    port=8080,
    host="",
    cdn=True,
    static_dir=None,
    remote_access=False,
    allowed_origins=None,
    check_origin=None,
    session_expire_seconds=None,
    session_cleanup_interval=None,
    debug=False,
    max_payload_size="200M",
    settings_name="flask_options",
)


def webio_view(
    applications: Applications,
    cdn: Union[bool, str] = True,
    session_expire_seconds: Optional[float] = None,
    session_cleanup_interval: Optional[float] = None,
    allowed_origins: Optional[list[str]] = None,
    check_origin: Optional[Callable[[str], bool]] = None,
) -> Callable[..., flask.Response]:
    """A Flask view function serving ``applications``; register it with
    ``methods=['GET', 'POST', 'OPTIONS']``."""
    endpoint = Endpoint.for_route(
        applications,
        BACKEND,
        cdn=cdn,
        session_expire_seconds=session_expire_seconds,
        session_cleanup_interval=session_cleanup_interval,
        allowed_origins=allowed_origins,
        check_origin=check_origin,
    )
    return make_view(HttpTransport(endpoint))


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
    endpoint = Endpoint.for_server(
        applications,
        BACKEND,
        cdn=cdn,
        static_dir=static_dir,
        allowed_origins=allowed_origins,
        check_origin=check_origin,
        session_expire_seconds=session_expire_seconds,
        session_cleanup_interval=session_cleanup_interval,
        max_payload_size=max_payload_size,
    )
    return build_flask_app(endpoint)
