"""``create_server`` of the flask backend: a Flask app on Werkzeug's threaded server."""

from __future__ import annotations

from typing import Any

import flask
from werkzeug.serving import make_server

from webio_core.server import Endpoint, HttpTransport, SocketServerRunner, listen

from .view import VIEW_METHODS, make_view


def build_flask_app(endpoint: Endpoint) -> flask.Flask:
    """Every path goes to the endpoint, which serves apps, client files and ``static_dir``."""
    flask_app = flask.Flask(__name__, static_folder=None)
    flask_app.debug = endpoint.options.debug
    view = make_view(HttpTransport(endpoint))
    flask_app.add_url_rule("/", "webio_view", view, methods=VIEW_METHODS)
    flask_app.add_url_rule("/<path:path>", "webio_path", view, methods=VIEW_METHODS)
    return flask_app


def create_server(
    endpoint: Endpoint, host: str, port: int, settings: dict[str, Any]
) -> SocketServerRunner:
    settings = {"threaded": True, **settings}
    # Bound by the core, which reports a taken port in one line (Werkzeug prints and exits).
    with listen(host, port) as sock:
        app = build_flask_app(endpoint)
        server = make_server(host or "0.0.0.0", port, app, fd=sock.fileno(), **settings)
    return SocketServerRunner(endpoint, server)
