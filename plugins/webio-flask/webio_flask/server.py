"""``create_server`` of the flask backend: a Flask app on Werkzeug's threaded server."""

from __future__ import annotations

from typing import Any

import flask
from werkzeug.serving import make_server

from webio_core.server.app import WebIOApp
from webio_core.server.http import HttpTransport
from webio_core.server.socketserver_runner import SocketServerRunner

from .view import make_view

VIEW_METHODS = ["GET", "POST", "OPTIONS"]


def build_flask_app(app: WebIOApp) -> flask.Flask:
    flask_app = flask.Flask(__name__, static_folder=None)
    flask_app.debug = app.options.debug
    flask_app.add_url_rule("/", "webio_view", make_view(HttpTransport(app)), methods=VIEW_METHODS)
    if app.options.static_dir:

        def user_static(path: str) -> flask.Response:
            file = app.user_static_file(path)
            if file is None:
                flask.abort(404)
            return flask.send_file(file)

        flask_app.add_url_rule("/static/<path:path>", "webio_static", user_static)
    return flask_app


def create_server(
    app: WebIOApp, host: str, port: int, settings: dict[str, Any]
) -> SocketServerRunner:
    settings = {"threaded": True, **settings}
    server = make_server(host or "0.0.0.0", port, build_flask_app(app), **settings)
    return SocketServerRunner(app, server)
