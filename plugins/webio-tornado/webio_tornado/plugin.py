"""Entry point: registers the ``tornado`` (WebSocket) and ``tornado_http`` (HTTP polling)
backends. Imports nothing of Tornado until used."""

from __future__ import annotations

from typing import Callable

from webio_core import hookimpl
from webio_core.server import Backend, FrameworkOptions

PACKAGE = "webio_tornado"
#: PyWebIO's ``**tornado_app_settings``: Tornado takes any name, so these are the ones it reads.
SETTINGS = FrameworkOptions(
    "autoescape autoreload compiled_template_cache compress_response cookie_secret "
    "cross_origin_protection default_handler_args default_handler_class facebook_api_key "
    "facebook_secret google_oauth gzip key_version log_function login_url serve_traceback "
    "static_handler_args static_handler_class static_hash_cache static_path static_url_prefix "
    "template_loader template_path template_whitespace twitter_consumer_key "
    "twitter_consumer_secret ui_methods ui_modules websocket_max_message_size "
    "websocket_ping_interval websocket_ping_timeout xsrf_cookie_kwargs xsrf_cookie_name "
    "xsrf_cookie_version xsrf_cookies",
    what="Tornado application settings",
)
BACKEND = Backend(
    "tornado", "websocket", f"{PACKAGE}.server:create_server", f"{PACKAGE}.api", SETTINGS
)
HTTP_BACKEND = Backend(
    "tornado_http", "http", f"{PACKAGE}.polling:create_server", f"{PACKAGE}.http_api", SETTINGS
)


@hookimpl
def webio_register_backends(register: Callable[[Backend], None]) -> None:
    register(BACKEND)
    register(HTTP_BACKEND)
