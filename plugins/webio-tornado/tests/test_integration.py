"""The tornado plugin's two backends inside a host Tornado application, as PyWebIO's docs show
them (``tornado``'s WebSocket handler and ``tornado_http``'s polling handler on ``/tool``),
bad input through the polling handler, and each ``start_server`` with PyWebIO's parameters."""

from __future__ import annotations

import asyncio
import inspect
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import tornado.httpserver
import tornado.netutil
import tornado.web

from webio_core.input import input
from webio_core.output import put_text
from webio_core.platform import tornado as platform_tornado
from webio_core.platform import tornado_http
from webio_core.testing import WebIOClient, http_request, serve


def greeter() -> None:
    name = input("name?")
    put_text(f"Hello {name}")


class Home(tornado.web.RequestHandler):
    def get(self) -> None:
        self.write("host app")


@contextmanager
def host_app(routes: list) -> Iterator[str]:
    sockets = tornado.netutil.bind_sockets(0, "127.0.0.1")
    ready, stop = threading.Event(), threading.Event()

    async def main() -> None:
        server = tornado.httpserver.HTTPServer(tornado.web.Application(routes))
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


def test_webio_handler_on_a_route_of_a_host_app() -> None:
    routes = [(r"/", Home), (r"/tool", platform_tornado.webio_handler(greeter))]
    with host_app(routes) as base:
        assert http_request(base + "/")[::2] == (200, b"host app")
        with WebIOClient(base + "/tool", transport="websocket") as user:
            user.submit("Ada")
            user.should_see("Hello Ada")
        status, _, page = http_request(base + "/tool")
        assert status == 200 and b'id="webio-config"' in page
        status, _, script = http_request(base + "/tool", query={"webio_static": "webio.js"})
        assert status == 200 and len(script) > 1000


def test_start_server_has_pywebio_parameters_and_defaults() -> None:
    parameters = inspect.signature(platform_tornado.start_server).parameters
    defaults = {n: p.default for n, p in parameters.items() if p.default is not p.empty}
    assert next(iter(parameters)) == "applications"
    assert defaults == {
        "port": 0,
        "host": "",
        "debug": False,
        "cdn": True,
        "static_dir": None,
        "remote_access": False,
        "reconnect_timeout": 0,
        "allowed_origins": None,
        "check_origin": None,
        "auto_open_webbrowser": False,
        "max_payload_size": "200M",
    }
    assert parameters["tornado_app_settings"].kind is inspect.Parameter.VAR_KEYWORD
    assert callable(platform_tornado.webio_handler)


# ---- tornado_http: Tornado with HTTP polling ---------------------------------------------------


def test_tornado_http_webio_handler_on_a_route_of_a_host_app() -> None:
    routes = [(r"/", Home), (r"/tool", tornado_http.webio_handler(greeter))]
    with host_app(routes) as base:
        assert http_request(base + "/")[::2] == (200, b"host app")
        with WebIOClient(base + "/tool", transport="http") as user:
            user.submit("Ada")
            user.should_see("Hello Ada")
        status, _, page = http_request(base + "/tool")
        assert status == 200 and b'"transport": "http"' in page
        status, _, script = http_request(base + "/tool", query={"webio_static": "webio.js"})
        assert status == 200 and len(script) > 1000


def test_tornado_http_bad_requests_on_a_route_of_a_host_app() -> None:
    routes = [(r"/tool", tornado_http.webio_handler(greeter, session_expire_seconds=30))]
    with host_app(routes) as base, WebIOClient(base + "/tool", transport="http") as user:
        url, session_id = base + "/tool", user.page.session_spec["session_id"]
        own = {"webio-session-id": session_id}
        frame = json.dumps({"ack": 0, "events": []}).encode()
        foreign = {**own, "Origin": "http://evil.example"}
        assert http_request(url, method="POST", headers=foreign, body=frame)[0] == 403
        for junk in (b"{not json", b"\xff\xfe", json.dumps({"events": "x"}).encode()):
            status, _, _ = http_request(url, method="POST", headers=own, body=junk)
            assert status in (200, 400)
        gone = {"webio-session-id": "A" * 43}
        assert http_request(url, method="POST", headers=gone, body=frame)[0] == 410
        user.submit("Ada")
        user.should_see("Hello Ada")


def test_tornado_http_body_over_max_payload_size_is_413_not_a_dropped_connection() -> None:
    """Tornado drops a connection whose body is over its own limit; the handler reads on, so
    that the page gets the core's 413 whatever the size."""
    with serve(greeter, backend="tornado_http", max_payload_size="1K") as server:
        new = {"webio-session-id": "new"}
        for size in (2048, 3 << 20):
            status, _, _ = http_request(server.url, method="POST", headers=new, body=b"x" * size)
            assert status == 413
        with WebIOClient(server.url, transport="http") as user:
            user.submit("Ada")
            user.should_see("Hello Ada")


def test_tornado_http_start_server_has_pywebio_parameters_and_defaults() -> None:
    parameters = inspect.signature(tornado_http.start_server).parameters
    defaults = {n: p.default for n, p in parameters.items() if p.default is not p.empty}
    assert next(iter(parameters)) == "applications"
    assert defaults == {
        "port": 8080,
        "host": "",
        "debug": False,
        "cdn": True,
        "static_dir": None,
        "allowed_origins": None,
        "check_origin": None,
        "auto_open_webbrowser": False,
        "session_expire_seconds": None,
        "session_cleanup_interval": None,
        "max_payload_size": "200M",
    }
    assert list(defaults) == list(parameters)[1:-1], "PyWebIO's order"
    assert parameters["tornado_app_settings"].kind is inspect.Parameter.VAR_KEYWORD
    assert list(inspect.signature(tornado_http.webio_handler).parameters) == [
        "applications", "cdn", "session_expire_seconds", "session_cleanup_interval",
        "allowed_origins", "check_origin",
    ]  # fmt: skip
