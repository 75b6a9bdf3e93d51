"""Public API of the django backend (``webio_core.platform.django``), with PyWebIO's
parameters."""

from typing import Any

from webio_core.server import Endpoint, HttpTransport, route_helper, server_helper, start_server_for

from .plugin import BACKEND
from .server import EndpointHandler, build_handler
from .view import View, make_view

__all__ = ["start_server", "webio_view", "wsgi_app"]

start_server = start_server_for(
    BACKEND,
    "port host cdn static_dir remote_access allowed_origins check_origin session_expire_seconds "
    "session_cleanup_interval debug max_payload_size",
    port=8080,
    settings="django_options",
)


@route_helper(
    BACKEND, "cdn session_expire_seconds session_cleanup_interval allowed_origins check_origin"
)
def webio_view(endpoint: Endpoint) -> View:
    """A Django view serving ``applications`` on the path it is mounted at in ``urls.py``
    (``path("tool", webio_view(app))``). It is exempt from CSRF checks: requests from other
    origins are refused unless ``allowed_origins`` or ``check_origin`` allow them."""
    return make_view(HttpTransport(endpoint))


@server_helper(
    BACKEND,
    "cdn static_dir allowed_origins check_origin session_expire_seconds session_cleanup_interval "
    "debug max_payload_size",
    settings="django_options",
)
def wsgi_app(endpoint: Endpoint, django_options: dict[str, Any]) -> EndpointHandler:
    """A Django WSGI application serving ``applications`` at ``/``, for any WSGI server.

    Without a settings module (``DJANGO_SETTINGS_MODULE``), the first call configures Django
    with ``django_options``; ``DEBUG``, ``ALLOWED_HOSTS``, ``ROOT_URLCONF`` and ``SECRET_KEY``
    are set by webio_core."""
    return build_handler(endpoint, django_options)
