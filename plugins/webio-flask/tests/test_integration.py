"""The flask plugin inside a host Flask application and as a WSGI app, as PyWebIO's docs show
them, and its ``start_server`` with PyWebIO's parameters."""

from __future__ import annotations

import inspect
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import flask
from werkzeug.serving import make_server

from webio_core.input import input
from webio_core.output import put_text
from webio_core.platform import flask as platform_flask
from webio_core.testing import WebIOClient, http_request


def greeter() -> None:
    name = input("name?")
    put_text(f"Hello {name}")


@contextmanager
def wsgi_host(wsgi_app: Any) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, wsgi_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def assert_greets(url: str) -> None:
    with WebIOClient(url, transport="http") as user:
        user.submit("Ada")
        user.should_see("Hello Ada")


def test_webio_view_on_a_route_of_a_host_app() -> None:
    app = flask.Flask(__name__)
    app.add_url_rule("/", "home", lambda: "host app")
    view = platform_flask.webio_view(greeter)
    app.add_url_rule("/tool", "webio_view", view, methods=["GET", "POST", "OPTIONS"])
    with wsgi_host(app) as base:
        assert http_request(base + "/")[::2] == (200, b"host app")
        assert_greets(base + "/tool")
        status, _, script = http_request(base + "/tool", query={"webio_static": "webio.js"})
        assert status == 200 and len(script) > 1000


def test_wsgi_app_serves_at_the_root_only(tmp_path) -> None:
    (tmp_path / "logo.txt").write_text("a logo")
    with wsgi_host(platform_flask.wsgi_app(greeter, static_dir=str(tmp_path))) as base:
        assert_greets(base + "/")
        assert http_request(base + "/static/logo.txt")[::2] == (200, b"a logo")
        assert http_request(base + "/elsewhere")[0] == 404


def test_start_server_has_pywebio_parameters_and_defaults() -> None:
    parameters = inspect.signature(platform_flask.start_server).parameters
    defaults = {n: p.default for n, p in parameters.items() if p.default is not p.empty}
    assert next(iter(parameters)) == "applications"
    assert defaults == {
        "port": 8080,
        "host": "",
        "cdn": True,
        "static_dir": None,
        "remote_access": False,
        "allowed_origins": None,
        "check_origin": None,
        "session_expire_seconds": None,
        "session_cleanup_interval": None,
        "debug": False,
        "max_payload_size": "200M",
    }
    assert parameters["flask_options"].kind is inspect.Parameter.VAR_KEYWORD
