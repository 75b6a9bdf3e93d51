"""The integration helpers, mounted in a host application the way PyWebIO's docs show."""

from __future__ import annotations

import asyncio
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from webio_core.input import input
from webio_core.output import put_text
from webio_core.testing import WebIOClient


def greeter() -> None:
    name = input("name?")
    put_text(f"Hello {name}")


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode()


def assert_round_trip(url: str, protocol: str) -> None:
    with WebIOClient(url, transport=protocol) as user:
        user.submit("Ada")
        user.should_see("Hello Ada")
    status, page = fetch(url)
    assert status == 200 and 'id="webio-config"' in page
    status, script = fetch(url + "?webio_static=webio.js")
    assert status == 200 and len(script) > 1000


@contextmanager
def tornado_host() -> Iterator[str]:
    import tornado.httpserver
    import tornado.netutil
    import tornado.web

    from webio_core.platform.tornado import webio_handler

    class Home(tornado.web.RequestHandler):
        def get(self) -> None:
            self.write("host app")

    sockets = tornado.netutil.bind_sockets(0, "127.0.0.1")
    ready, stop = threading.Event(), threading.Event()

    async def main() -> None:
        application = tornado.web.Application([(r"/", Home), (r"/tool", webio_handler(greeter))])
        server = tornado.httpserver.HTTPServer(application)
        server.add_sockets(sockets)
        ready.set()
        await asyncio.get_running_loop().run_in_executor(None, stop.wait)
        server.stop()
        await server.close_all_connections()

    thread = threading.Thread(target=asyncio.run, args=(main(),), daemon=True)
    thread.start()
    assert ready.wait(10)
    try:
        yield f"http://127.0.0.1:{sockets[0].getsockname()[1]}"
    finally:
        stop.set()
        thread.join(timeout=10)


@contextmanager
def wsgi_host(wsgi_app: Any) -> Iterator[str]:
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, wsgi_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_tornado_webio_handler_on_its_own_route() -> None:
    with tornado_host() as base:
        assert fetch(base + "/") == (200, "host app")
        assert_round_trip(base + "/tool", "websocket")


def test_flask_webio_view_on_its_own_route() -> None:
    import flask

    from webio_core.platform.flask import webio_view

    app = flask.Flask(__name__)
    app.add_url_rule("/", "home", lambda: "host app")
    app.add_url_rule("/tool", "webio_view", webio_view(greeter), methods=["GET", "POST", "OPTIONS"])
    with wsgi_host(app) as base:
        assert fetch(base + "/") == (200, "host app")
        assert_round_trip(base + "/tool", "http")


def test_flask_wsgi_app_serves_at_the_root() -> None:
    from webio_core.platform.flask import wsgi_app

    with wsgi_host(wsgi_app(greeter)) as base:
        assert_round_trip(base + "/", "http")


@pytest.mark.parametrize("name", ["tornado", "flask"])
def test_platform_modules_expose_the_documented_names(name: str) -> None:
    import importlib

    module = importlib.import_module(f"webio_core.platform.{name}")
    expected = {
        "tornado": ["start_server", "webio_handler"],
        "flask": ["start_server", "webio_view", "wsgi_app"],
    }
    for attribute in expected[name]:
        assert callable(getattr(module, attribute))
