"""``create_server`` of the flask backend: a Flask app on Werkzeug's threaded server."""

from __future__ import annotations

import threading
from typing import Any

import flask
from werkzeug.serving import make_server

from webio_core.server.app import WebIOApp
from webio_core.server.http import HttpTransport

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


class FlaskServer:
    def __init__(self, app: WebIOApp, host: str, port: int, settings: dict[str, Any]) -> None:
        self.app = app
        settings = {"threaded": True, **settings}
        self._server = make_server(host or "0.0.0.0", port, build_flask_app(app), **settings)
        self.port: int = self._server.server_port
        self._serving = threading.Event()
        self._stopped = threading.Event()

    def serve_forever(self) -> None:
        self._serving.set()
        try:
            if not self._stopped.is_set():
                self._server.serve_forever()
        finally:
            self._server.server_close()
            self.app.shutdown()

    def stop(self) -> None:
        self._stopped.set()
        # shutdown() waits for serve_forever() to notice; only ask once it has started.
        if self._serving.is_set():
            self._server.shutdown()


def create_server(app: WebIOApp, host: str, port: int, settings: dict[str, Any]) -> FlaskServer:
    return FlaskServer(app, host, port, settings)
