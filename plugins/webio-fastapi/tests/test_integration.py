"""The fastapi plugin inside host FastAPI and Starlette applications, as PyWebIO's docs show
it (``webio_routes`` mounted on ``/tool``, ``asgi_app`` mounted with ``app.mount``), on real
uvicorn servers; bad input through those routes; ``start_server`` with PyWebIO's parameters."""

from __future__ import annotations

import inspect
import json
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from webio_core.input import input
from webio_core.output import put_text
from webio_core.platform import fastapi as platform_fastapi
from webio_core.platform.fastapi import asgi_app, webio_routes
from webio_core.session import defer_call
from webio_core.testing import WebIOClient, http_request, serve
from webio_core.testing.programs import AS_IN_A_TERMINAL

ROOT = Path(__file__).resolve().parents[3]


def task_func() -> None:
    name = input("name?")
    put_text(f"Hello {name}")


@contextmanager
def uvicorn_serving(app: Any, **settings: Any) -> Iterator[str]:
    """``uvicorn app:app`` on a free loopback port, in a thread."""
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", **settings)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def assert_greets(url: str) -> None:
    with WebIOClient(url) as user:
        user.submit("Ada")
        user.should_see("Hello Ada")


def assert_serves_the_page(url: str) -> None:
    status, _, page = http_request(url)
    assert status == 200 and b'id="webio-config"' in page
    status, _, script = http_request(url, query={"webio_static": "webio.js"})
    assert status == 200 and len(script) > 1000


def websocket_url(url: str, **query: str) -> str:
    return url.replace("http://", "ws://") + "?" + "&".join(f"{k}={v}" for k, v in query.items())


# ---- PyWebIO's docs examples ------------------------------------------------------------------


def test_webio_routes_mounted_in_fastapi() -> None:
    app = FastAPI()

    @app.get("/app")
    def read_main() -> dict[str, str]:
        return {"message": "Hello World from main app"}

    app.mount("/tool", FastAPI(routes=webio_routes(task_func)))
    with uvicorn_serving(app) as base:
        assert http_request(base + "/app")[::2] == (200, b'{"message":"Hello World from main app"}')
        assert_serves_the_page(base + "/tool/")
        assert_greets(base + "/tool/")


def test_webio_routes_mounted_in_starlette() -> None:
    async def homepage(request: Any) -> JSONResponse:
        return JSONResponse({"hello": "world"})

    app = Starlette(routes=[Route("/", homepage), Mount("/tool", routes=webio_routes(task_func))])
    with uvicorn_serving(app) as base:
        assert http_request(base + "/")[::2] == (200, b'{"hello":"world"}')
        assert_serves_the_page(base + "/tool/")
        assert_greets(base + "/tool/")


def test_webio_routes_as_the_routes_of_an_app() -> None:
    with uvicorn_serving(FastAPI(routes=webio_routes(task_func))) as base:
        assert_serves_the_page(base + "/")
        assert_greets(base + "/")


def test_asgi_app_mounted_on_a_sub_path(tmp_path: Path) -> None:
    (tmp_path / "logo.txt").write_text("a logo")
    app = FastAPI()

    @app.get("/")
    def home() -> str:
        return "host app"

    subapp = asgi_app(task_func, static_dir=str(tmp_path))
    app.mount("/tool", subapp)
    with uvicorn_serving(app) as base:
        assert http_request(base + "/")[::2] == (200, b'"host app"')
        # /tool redirects to /tool/, where the page, its files and its WebSocket are.
        status, headers, _ = http_request(base + "/tool")
        assert status in (200, 307) and (status == 200 or headers["location"].endswith("/tool/"))
        assert_serves_the_page(base + "/tool/")
        assert_greets(base + "/tool/")
        assert http_request(base + "/tool/static/logo.txt")[::2] == (200, b"a logo")
        assert http_request(base + "/tool/static/../../etc/passwd")[0] == 404
        assert http_request(base + "/tool/elsewhere")[0] == 404
        assert http_request(base + "/static/logo.txt")[0] == 404


def test_asgi_app_run_by_uvicorn_closes_its_sessions_on_shutdown() -> None:
    closed = threading.Event()

    def app() -> None:
        defer_call(closed.set)
        task_func()

    # reconnect_timeout keeps a session whose socket dropped: only the shutdown closes it.
    with uvicorn_serving(asgi_app(app, reconnect_timeout=60), lifespan="on") as base:
        with WebIOClient(base + "/") as user:
            user.form()
        assert not closed.wait(0.5)
    assert closed.wait(10)


# ---- bad input through the routes of a host app -----------------------------------------------


def test_foreign_origin_refused_on_a_mounted_route() -> None:
    app = FastAPI()
    app.mount("/tool", FastAPI(routes=webio_routes(task_func)))
    with uvicorn_serving(app) as base:
        with pytest.raises(InvalidStatus) as refusal:
            connect(websocket_url(base + "/tool/", app="index"), origin="http://evil.example")  # type: ignore[arg-type]
        assert refusal.value.response.status_code == 403
        allowed = FastAPI(routes=webio_routes(task_func, allowed_origins=["http://*.example"]))
        with (
            uvicorn_serving(allowed) as other,
            WebIOClient(other + "/", origin="http://good.example") as user,
        ):
            user.form()


def test_bad_frames_and_unknown_sessions_on_a_mounted_app() -> None:
    app = FastAPI()
    subapp = asgi_app(task_func)
    app.mount("/tool", subapp)
    with uvicorn_serving(app) as base:
        url = base + "/tool/"
        with WebIOClient(url) as user:
            user.send_raw("{not json")
            user.send_raw(json.dumps({"ack": 0, "events": [{"event": "nope", "task_id": 1}]}))
            user.send_raw(b"\x00\xff binary")
            user.submit("Ada")
            user.should_see("Hello Ada")
        resume = websocket_url(url, app="index", session="A" * 43, ack="0")
        with connect(resume) as socket, pytest.raises(ConnectionClosed) as closed:
            socket.recv(timeout=10)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 4404


def measure() -> None:
    text = input("text?")
    put_text(f"got {len(text)} characters")


def test_max_payload_size_is_uvicorns_limit_and_a_larger_frame_ends_only_its_socket() -> None:
    """start_server's max_payload_size becomes uvicorn's ws_max_size (with room for the
    frame): 18M lets a 17 MiB answer through, above uvicorn's own 16 MiB default."""
    size = 17 * 1024 * 1024
    with (
        serve(measure, backend="fastapi", max_payload_size="18M") as server,
        WebIOClient(server.url) as user,
        WebIOClient(server.url) as bystander,
    ):
        user.submit("x" * size)
        user.should_see(f"got {size} characters", timeout=30)
        with connect(websocket_url(server.url, app="index"), max_size=None) as socket:
            socket.send(json.dumps({"ack": 0, "events": [], "pad": "y" * (19 << 20)}))
            with pytest.raises(ConnectionClosed) as closed:
                while True:  # the app's first commands, then the close
                    socket.recv(timeout=10)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009
        bystander.submit("sixteen")
        bystander.should_see("got 7 characters")


# ---- start_server -----------------------------------------------------------------------------


def test_start_server_has_pywebio_parameters_and_defaults() -> None:
    parameters = inspect.signature(platform_fastapi.start_server).parameters
    defaults = {n: p.default for n, p in parameters.items() if p.default is not p.empty}
    assert next(iter(parameters)) == "applications"
    assert defaults == {
        "port": 0,
        "host": "",
        "cdn": True,
        "reconnect_timeout": 0,
        "static_dir": None,
        "remote_access": False,
        "debug": False,
        "allowed_origins": None,
        "check_origin": None,
        "auto_open_webbrowser": False,
        "max_payload_size": "200M",
    }
    assert list(defaults) == list(parameters)[1:-1], "PyWebIO's order"
    assert parameters["uvicorn_settings"].kind is inspect.Parameter.VAR_KEYWORD
    routes = inspect.signature(webio_routes).parameters
    assert list(routes) == [
        "applications", "cdn", "reconnect_timeout", "allowed_origins", "check_origin"
    ]  # fmt: skip
    assert list(inspect.signature(asgi_app).parameters) == [
        "applications", "cdn", "reconnect_timeout", "static_dir", "debug", "allowed_origins",
        "check_origin",
    ]  # fmt: skip


SERVER_PROGRAM = """
from webio_core.input import input
from webio_core.output import put_text
from webio_core.platform.fastapi import start_server
from webio_core.session import defer_call


def main():
    defer_call(lambda: print("session closed", flush=True))
    put_text("ready")
    input("name?")


start_server(main, port=0, host="127.0.0.1", cdn=False, reconnect_timeout=1,
             max_payload_size="1M", log_level="warning", timeout_keep_alive=1)
"""


def test_start_server_serves_until_ctrl_c_then_closes_its_sessions() -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", AS_IN_A_TERMINAL + textwrap.dedent(SERVER_PROGRAM)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    try:
        line = process.stdout.readline()
        assert "serving on" in line and "fastapi backend" in line, line
        url = line.split("serving on ")[1].split()[0].replace("localhost", "127.0.0.1")
        user = WebIOClient(url).connect()
        user.should_see("ready")
        process.send_signal(signal.SIGINT)
        user.wait_closed()
        user.close()
        output, _ = process.communicate(timeout=20)
        assert process.returncode == 0, output
        assert "session closed" in output
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        process.stdout.close()


def test_uvicorn_settings_reach_uvicorn() -> None:
    with (
        pytest.raises(TypeError, match="no_such_setting"),
        serve(task_func, backend="fastapi", no_such_setting=1),
    ):
        pass
