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
#: How often serve_forever() looks for stop(); Werkzeug's 0.5 s default makes stopping slow.
STOP_POLL_SECONDS = 0.1


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
        # serving/stopped change together under the lock, so stop() and serve_forever() agree
        # on whether the loop runs: shutdown() would wait forever for a loop that never started.
        self._lock = threading.Lock()
        self._serving = False
        self._stopped = False

    def serve_forever(self) -> None:
        with self._lock:
            run = not self._stopped
            self._serving = run
        try:
            if run:
                self._server.serve_forever(poll_interval=STOP_POLL_SECONDS)
        finally:
            self._server.server_close()
            self.app.shutdown()

    def stop(self) -> None:
        with self._lock:
            serving, self._stopped = self._serving, True
        if serving:
            self._server.shutdown()


def create_server(app: WebIOApp, host: str, port: int, settings: dict[str, Any]) -> FlaskServer:
    return FlaskServer(app, host, port, settings)
