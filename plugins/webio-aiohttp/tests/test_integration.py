"""The aiohttp plugin inside a host aiohttp application, as PyWebIO's docs show it (run as a
program, with the import prefix ``pywebio`` replaced), and its ``start_server`` with PyWebIO's
parameters. What does not depend on how the handler is mounted (bad frames, unknown sessions,
reconnects, origins on a server of its own...) is the conformance suite's
(``pytest --webio-backend=aiohttp``)."""

from __future__ import annotations

import asyncio
import inspect
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Optional

import pytest
import webio_aiohttp
from aiohttp import web
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

import webio_core
from webio_core.input import input
from webio_core.output import put_text
from webio_core.platform import aiohttp as platform_aiohttp
from webio_core.testing import WebIOClient, http_request, serve
from webio_core.testing.programs import free_port, program, stop_with_ctrl_c, wait_until_serving

#: Longest wait for a program to start serving, or to stop (seconds).

#: PyWebIO's integration example for aiohttp, as a PyWebIO program writes it (the test
#: replaces the import prefix and the address).
DOCS_EXAMPLE = """
from aiohttp import web

from pywebio.input import input
from pywebio.output import put_text
from pywebio.platform.aiohttp import webio_handler


def task_func():
    name = input("name?")
    put_text(f"Hello {name}")


app = web.Application()
app.add_routes([web.get("/tool", webio_handler(task_func))])
web.run_app(app, host="localhost", port=80)
"""

START_SERVER_PROGRAM = """
from webio_core.input import input
from webio_core.output import put_text
from webio_core.platform.aiohttp import start_server


def task_func():
    while True:
        name = input("name?")
        put_text(f"Hello {name}")


start_server(
    task_func,
    port=PORT,
    host="127.0.0.1",
    cdn=False,
    reconnect_timeout=5,
    max_payload_size="1M",
    websocket_settings={"heartbeat": 30},
    client_max_size=4096,
)
"""


def greeter() -> None:
    name = input("name?")
    put_text(f"Hello {name}")


async def home(request: web.Request) -> web.Response:
    return web.Response(text="host app")


# ---- a host application and programs ---------------------------------------------------------


@contextmanager
def host_app(app: web.Application) -> Iterator[str]:
    """Serves ``app`` with aiohttp on a free loopback port in a thread; yields its URL."""
    ready, stop = threading.Event(), threading.Event()
    ports: list[int] = []

    async def main() -> None:
        runner = web.AppRunner(app, shutdown_timeout=1)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        ports.append(runner.addresses[0][1])
        ready.set()
        await asyncio.get_running_loop().run_in_executor(None, stop.wait)
        await runner.cleanup()

    thread = threading.Thread(target=asyncio.run, args=(main(),), daemon=True)
    thread.start()
    assert ready.wait(10)
    try:
        yield f"http://127.0.0.1:{ports[0]}"
    finally:
        stop.set()
        thread.join(timeout=10)
        assert not thread.is_alive()


def assert_greets(url: str) -> None:
    with WebIOClient(url, transport="websocket") as user:
        user.submit("Ada")
        user.should_see("Hello Ada")


# ---- raw sockets -------------------------------------------------------------------------


def ws_url(url: str) -> str:
    return url.replace("http://", "ws://", 1) + "?app=index"


def close_code_after(url: str, frame: str, wait: float = 10.0) -> Optional[int]:
    """The code the server closes the socket with after ``frame``; None if it stays open for
    ``wait`` seconds."""
    with connect(ws_url(url), max_size=None, open_timeout=10) as socket_:
        socket_.recv(timeout=10)  # the session's first commands
        socket_.send(frame)
        try:
            while True:
                socket_.recv(timeout=wait)
        except ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd is not None else None
        except TimeoutError:
            return None


# ---- the docs' integration ---------------------------------------------------------------


def test_docs_example_runs_as_a_program_with_the_import_prefix_replaced() -> None:
    port = free_port()
    source = DOCS_EXAMPLE.replace("pywebio", "webio_core")
    source = source.replace('host="localhost", port=80', f'host="127.0.0.1", port={port}')
    assert "webio_core.platform.aiohttp import webio_handler" in source
    with program(source, webio_core, webio_aiohttp) as process:
        url = f"http://127.0.0.1:{port}/tool"
        wait_until_serving(process, url)
        assert_greets(url)
        status, headers, page = http_request(url)
        assert status == 200 and b'id="webio-config"' in page
        assert headers["Content-Type"].startswith("text/html")
        status, _, script = http_request(url, query={"webio_static": "webio.js"})
        assert status == 200 and len(script) > 1000
        assert http_request(f"http://127.0.0.1:{port}/elsewhere")[0] == 404
        code, output, seconds = stop_with_ctrl_c(process)
    assert code == 0, output
    assert seconds < 10


def test_docs_example_with_a_page_open_stops_after_aiohttp_shutdown_timeout() -> None:
    # aiohttp waits for running handlers at stop, and an open page's handler runs on: the
    # webio_handler docstring tells to pass a short shutdown_timeout.
    port = free_port()
    source = DOCS_EXAMPLE.replace("pywebio", "webio_core")
    address = f'host="127.0.0.1", port={port}, shutdown_timeout=1'
    source = source.replace('host="localhost", port=80', address)
    with program(source, webio_core, webio_aiohttp) as process:
        url = f"http://127.0.0.1:{port}/tool"
        wait_until_serving(process, url)
        user = WebIOClient(url, transport="websocket").connect()
        try:
            user.form()
            code, output, seconds = stop_with_ctrl_c(process)
            user.wait_closed()
        finally:
            user.close()
    assert code == 0, output
    assert seconds < 10, output


def test_webio_handler_beside_the_host_routes_and_static_routes() -> None:
    app = web.Application()
    # static_routes() first, at the root: the client's file names only, no host route hidden.
    app.add_routes(platform_aiohttp.static_routes())
    app.add_routes(platform_aiohttp.static_routes("/static"))
    app.add_routes([web.get("/", home), web.get("/tool", platform_aiohttp.webio_handler(greeter))])
    with host_app(app) as base:
        assert http_request(base + "/")[::2] == (200, b"host app")
        assert_greets(base + "/tool")
        for path in ("/webio.js", "/static/webio.js", "/static/webio.css"):
            status, _, body = http_request(base + path)
            assert status == 200 and len(body) > 1000, path
        assert "javascript" in http_request(base + "/static/webio.js")[1]["Content-Type"]
        for path in ("/missing", "/static/missing.js", "/static/..%2f__init__.py", "/webio.jsx"):
            assert http_request(base + path)[0] == 404, path
        assert http_request(base + "/tool", method="POST", body=b"{}")[0] == 405


def test_static_routes_serve_the_client_files() -> None:
    routes = platform_aiohttp.static_routes("/assets/")
    assert len(routes) == 1 and isinstance(routes[0], web.RouteDef)
    assert routes[0].path.startswith("/assets/{name:") and routes[0].method == "GET"
    client_files = {p.name for p in Path(webio_core.STATIC_PATH).iterdir()}
    assert {"webio.js", "webio.css"} <= client_files
    assert all(re.escape(name) in routes[0].path for name in client_files)


def test_webio_handler_cdn_false_and_a_cdn_url() -> None:
    app = web.Application()
    app.add_routes(
        [
            web.get("/local", platform_aiohttp.webio_handler(greeter, cdn=False)),
            web.get("/remote", platform_aiohttp.webio_handler(greeter, cdn="https://cdn.test/x/")),
        ]
    )
    with host_app(app) as base:
        assert_greets(base + "/local")
        local = http_request(base + "/local")[2]
        remote = http_request(base + "/remote")[2]
        assert b"webio_static=webio.js" in local
        assert b"https://cdn.test/x/" in remote and b"https://cdn.test/x/" not in local


# ---- options of webio_handler ------------------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [
        {"allowed_origins": ["http://*.example.com"]},
        {"check_origin": lambda origin: origin.endswith(".example.com")},
    ],
    ids=["allowed_origins", "check_origin"],
)
def test_webio_handler_origin_options(options: dict[str, Any]) -> None:
    app = web.Application()
    app.add_routes([web.get("/tool", platform_aiohttp.webio_handler(greeter, **options))])
    with host_app(app) as base:
        url = ws_url(base + "/tool")
        with pytest.raises(InvalidStatus) as refused:
            connect(url, origin="http://evil.test", open_timeout=10)
        assert refused.value.response.status_code == 403
        with connect(url, origin="http://app.example.com", open_timeout=10) as allowed:
            assert "session" in allowed.recv(timeout=10)
        assert_greets(base + "/tool")  # same origin (no Origin header from the test client)


def test_websocket_settings_reach_the_websocket_response() -> None:
    app = web.Application()
    handler = platform_aiohttp.webio_handler(greeter, websocket_settings={"max_msg_size": 2048})
    app.add_routes([web.get("/tool", handler)])
    with host_app(app) as base:
        assert close_code_after(base + "/tool", "x" * 4096) == 1009  # message too big


def test_max_payload_size_bounds_the_socket_messages() -> None:
    app = web.Application()
    handler = platform_aiohttp.webio_handler(greeter, max_payload_size="1K")
    app.add_routes([web.get("/tool", handler)])
    with host_app(app) as base:
        # A little over the limit: the core drops it, the page keeps its socket.
        assert close_code_after(base + "/tool", "x" * 2048, wait=1.0) is None
        # Far over it: aiohttp closes the socket before reading it all.
        assert close_code_after(base + "/tool", "x" * 200_000) == 1009
        assert_greets(base + "/tool")


# ---- start_server ------------------------------------------------------------------------


def test_start_server_has_pywebio_parameters_and_defaults() -> None:
    parameters = inspect.signature(platform_aiohttp.start_server).parameters
    defaults = {n: p.default for n, p in parameters.items() if p.default is not p.empty}
    assert next(iter(parameters)) == "applications"
    assert list(defaults) == [
        "port",
        "host",
        "debug",
        "cdn",
        "static_dir",
        "remote_access",
        "reconnect_timeout",
        "allowed_origins",
        "check_origin",
        "auto_open_webbrowser",
        "max_payload_size",
        "websocket_settings",
    ]
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
        "websocket_settings": None,
    }
    assert parameters["aiohttp_settings"].kind is inspect.Parameter.VAR_KEYWORD


def test_webio_handler_and_static_routes_have_pywebio_parameters() -> None:
    handler = inspect.signature(platform_aiohttp.webio_handler).parameters
    assert {n: p.default for n, p in handler.items()} == {
        "applications": inspect.Parameter.empty,
        "cdn": True,
        "reconnect_timeout": 0,
        "allowed_origins": None,
        "check_origin": None,
        "max_payload_size": "200M",
        "websocket_settings": None,
    }
    routes = inspect.signature(platform_aiohttp.static_routes).parameters
    assert {n: p.default for n, p in routes.items()} == {"prefix": "/"}


def test_start_server_as_a_program_stops_cleanly_on_ctrl_c() -> None:
    port = free_port()
    with program(
        START_SERVER_PROGRAM.replace("PORT", str(port)), webio_core, webio_aiohttp
    ) as process:
        url = f"http://127.0.0.1:{port}/"
        wait_until_serving(process, url)
        user = WebIOClient(url, transport="websocket").connect()
        try:
            user.submit("Ada")
            user.should_see("Hello Ada")
            user.form()  # a second input() is pending when the server stops
        except AssertionError:
            user.close()
            raise
        code, output, seconds = stop_with_ctrl_c(process)
        user.wait_closed()
        user.close()
    assert code == 0, output
    assert "with the aiohttp backend" in output
    assert seconds < 10, output


def test_server_settings_and_websocket_settings(webio_no_leaked_threads: None) -> None:
    with serve(greeter, backend="aiohttp", websocket_settings={"max_msg_size": 2048}) as server:
        assert close_code_after(server.url, "x" * 4096) == 1009
        assert_greets(server.url)
    with pytest.raises(TypeError), serve(greeter, backend="aiohttp", no_such_aiohttp_setting=1):
        pass


def test_server_stop_with_a_page_open_is_quick(webio_no_leaked_threads: None) -> None:
    with serve(greeter, backend="aiohttp") as server:
        user = server.client().connect()
        user.form()
        started = time.monotonic()
    try:
        assert time.monotonic() - started < 5
        user.wait_closed()
        assert server.sessions == []
    finally:
        user.close()
