"""``create_server`` of the django backend: Django's own WSGI handler (settings, middleware)
on the threaded server of Django's ``runserver``.

Django's settings and URL resolvers are per process, but a process may run many servers (a
test suite does), each with its own apps. So Django is configured once, with this module as its
URLconf, whose one route takes every path to the view of the server that received the request:
each server's :class:`EndpointHandler` gives its requests their view.
"""

import os
import secrets
import threading
from typing import Any

import django
from django.apps import apps
from django.conf import ENVIRONMENT_VARIABLE, settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.urls import re_path
from django.views.decorators.csrf import csrf_exempt

from webio_core.server import Endpoint, HttpTransport, SocketServerRunner

from .view import View, make_view

#: Settings webio_core sets whatever ``django_options`` say, as PyWebIO does.
FORCED_SETTINGS = ("DEBUG", "ALLOWED_HOSTS", "ROOT_URLCONF", "SECRET_KEY")
_configure_lock = threading.Lock()


@csrf_exempt
def dispatch(request: Any, *args: Any, **kwargs: Any) -> Any:
    return request.webio_view(request)


urlpatterns = [re_path(r"", dispatch)]


def configure_django(endpoint: Endpoint, django_options: dict[str, Any]) -> None:
    """Configure Django, unless this process did (or names a settings module in
    ``DJANGO_SETTINGS_MODULE``): the first server's ``django_options`` apply to the process,
    and later ones may not contradict them."""
    with _configure_lock:
        if not settings.configured and not os.environ.get(ENVIRONMENT_VARIABLE):
            debug, limit = endpoint.options.debug, endpoint.options.max_payload_bytes
            # Django logs every request (so every poll) at INFO: only in debug mode.
            loggers = {"django.server": {"level": "INFO" if debug else "WARNING"}}
            log = {"version": 1, "incremental": True, "loggers": loggers}
            forced = dict(zip(FORCED_SETTINGS, (debug, ["*"], __name__, secrets.token_hex())))
            defaults = {"LOGGING": log, "DATA_UPLOAD_MAX_MEMORY_SIZE": limit}
            settings.configure(**{**defaults, **django_options, **forced})
        else:
            asked = {k: v for k, v in django_options.items() if k not in FORCED_SETTINGS}
            if {name: getattr(settings, name, None) for name in asked} != asked:
                raise RuntimeError(f"Django is already configured: cannot apply {asked}")
        if not apps.ready:
            django.setup(set_prefix=False)


class EndpointHandler(WSGIHandler):
    """Django's WSGI handler (settings, middleware) sending every path to one view."""

    def __init__(self, view: View) -> None:
        super().__init__()
        self.view = view

    def get_response(self, request: Any) -> Any:
        request.urlconf, request.webio_view = __name__, self.view
        return super().get_response(request)


def build_handler(endpoint: Endpoint, django_options: dict[str, Any]) -> EndpointHandler:
    """A WSGI application: the endpoint serves apps, client files and ``static_dir``."""
    configure_django(endpoint, django_options)
    return EndpointHandler(make_view(HttpTransport(endpoint)))


def create_server(
    endpoint: Endpoint, host: str, port: int, django_options: dict[str, Any]
) -> SocketServerRunner:
    server = ThreadedWSGIServer((host or "0.0.0.0", port), WSGIRequestHandler, ipv6=":" in host)
    server.set_app(build_handler(endpoint, django_options))
    return SocketServerRunner(endpoint, server)
