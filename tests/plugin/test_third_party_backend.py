"""A backend shipped by a third party: installed as its own distribution, found through its
entry point, and serving real sessions. Nothing here imports it by name."""

from __future__ import annotations

import importlib
import importlib.metadata
import json
import os
import queue
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
import urllib.error
import urllib.request
from typing import Any, Callable

import pytest

import webio_core
from webio_core.input import input
from webio_core.output import put_buttons, put_text
from webio_core.plugins import BackendNotFoundError, Plugins, get_plugins
from webio_core.session import info as session_info
from webio_core.testing import serve

BACKEND = "stdlib"
DISTRIBUTION = "webio-stdlib-backend"
SERVING_LINE = re.compile(r"webio_core: serving on (http://[^/\s]+:(\d+)/)")


def greeter() -> None:
    name = input("What is your name?")
    put_text(f"Hello, {name}, on {session_info.backend} over {session_info.protocol}")
    put_buttons(["Again"], onclick=lambda _: put_text(f"Clicked for {name}"))


async def async_greeter() -> None:
    name = await input("What is your name?")
    put_text(f"Hello, {name}, on {session_info.backend} over {session_info.protocol}")
    put_buttons(["Again"], onclick=lambda _: put_text(f"Clicked for {name}"))


def get(url: str, timeout: float = 5.0) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read().decode()


# ---- discovery -------------------------------------------------------------------------------


def test_entry_point_is_installed() -> None:
    (entry_point,) = [
        ep for ep in importlib.metadata.entry_points(group="webio_core") if ep.name == BACKEND
    ]
    assert entry_point.dist is not None
    assert entry_point.dist.name == DISTRIBUTION
    # What the core loads: a module whose @hookimpl functions pluggy collects.
    assert callable(entry_point.load().webio_register_backends)


def test_backend_is_found_by_name() -> None:
    backend = get_plugins().backend(BACKEND)
    assert backend.name == BACKEND
    assert backend.transport == "http"
    assert Plugins().backend(BACKEND) == backend  # found again by a fresh plugin manager
    # The backend's API module, reached through the registry as webio_core.platform does.
    api = importlib.import_module(backend.api_module)
    assert callable(api.start_server)


def test_unknown_backend_lists_installed_backends() -> None:
    with pytest.raises(BackendNotFoundError) as failure:
        webio_core.start_server(greeter, backend="no-such-backend", port=0, host="127.0.0.1")
    message = str(failure.value)
    assert "'no-such-backend'" in message
    listing = message.split("Installed backends: ", 1)[1].split(".", 1)[0].split(", ")
    assert BACKEND in listing
    assert sorted(listing) == sorted(get_plugins().backends)


# ---- sessions ----------------------------------------------------------------------------------


@pytest.mark.parametrize("app", [greeter, async_greeter], ids=["thread", "coroutine"])
def test_round_trip(app: Callable[[], Any]) -> None:
    with serve(app, backend=BACKEND) as server, server.client() as user:
        assert server.transport == "http"
        assert user.form().field()["label"] == "What is your name?"
        user.submit("Ada")
        user.should_see("Hello, Ada, on stdlib over http")
        user.click("Again")
        user.should_see("Clicked for Ada")
        user.click("Again")
        user.wait_until(lambda page: page.texts().count("Clicked for Ada") == 2, "a second click")


def test_two_pages_are_two_sessions() -> None:
    with serve(greeter, backend=BACKEND) as server, server.client() as ada, server.client() as bob:
        ada.submit("Ada")
        bob.submit("Bob")
        ada.should_see("Hello, Ada")
        bob.should_see("Hello, Bob")
        assert not any("Bob" in text for text in ada.texts())
        assert len(server.app.sessions) == 2


def test_oversized_event_is_refused_and_the_server_keeps_serving() -> None:
    """The backend reads no more of a body than announced, and answers a body too large."""
    with serve(greeter, backend=BACKEND, max_payload_size=1000) as server:
        new = urllib.request.Request(server.url, headers={"webio-session-id": "new"})
        with urllib.request.urlopen(new, timeout=5) as response:
            session_id = response.headers["webio-session-id"]
        frame = json.dumps({"ack": 0, "events": [], "padding": "x" * 100_000}).encode()
        post = urllib.request.Request(
            server.url, data=frame, method="POST", headers={"webio-session-id": session_id}
        )
        with pytest.raises(urllib.error.HTTPError) as failure:
            urllib.request.urlopen(post, timeout=5)
        with failure.value as error:
            assert error.code == 413
        with server.client() as user:
            user.submit("Ada")
            user.should_see("Hello, Ada")


def test_user_static_dir_is_served(tmp_path: os.PathLike[str]) -> None:
    static = os.path.join(tmp_path, "static")
    os.mkdir(static)
    with open(os.path.join(static, "logo.txt"), "w") as file:
        file.write("a logo")
    with open(os.path.join(tmp_path, "secret.txt"), "w") as file:
        file.write("secret")
    with serve(greeter, backend=BACKEND, static_dir=static) as server:
        assert get(server.url + "static/logo.txt") == (200, "a logo")
        assert get(server.url + "static/..%2Fsecret.txt")[0] == 404
        assert get(server.url + "static/missing.txt")[0] == 404
        assert get(server.url + "elsewhere")[0] == 404


# ---- start_server in a real process --------------------------------------------------------

SERVER_SCRIPT = textwrap.dedent(
    """
    import signal

    import webio_core
    from webio_core.output import put_text

    # Ctrl-C must reach us even when the test runner was started with SIGINT ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)


    def app():
        put_text("served by a subprocess")


    webio_core.start_server(app, backend="stdlib", port=0, host="127.0.0.1")
    """
)


def read_lines(stream: object, lines: queue.Queue[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        lines.put(line)


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT to the server process")
def test_start_server_serves_in_a_subprocess(tmp_path: os.PathLike[str]) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", SERVER_SCRIPT],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        lines: queue.Queue[str] = queue.Queue()
        reader = threading.Thread(target=read_lines, args=(process.stdout, lines), daemon=True)
        reader.start()
        try:
            try:
                first_line = lines.get(timeout=30)
            except queue.Empty:
                pytest.fail("start_server printed nothing within 30 s")
            match = SERVING_LINE.search(first_line)
            assert match, first_line
            url, port = match.group(1), int(match.group(2))
            assert url == f"http://127.0.0.1:{port}/"
            assert port > 0
            assert "stdlib" in first_line

            deadline = time.monotonic() + 10
            status, page = 0, ""
            while status != 200:
                assert process.poll() is None, process.stderr.read()  # type: ignore[union-attr]
                try:
                    status, page = get(url, timeout=2)
                except OSError:
                    assert time.monotonic() < deadline, "the page was never served"
                    time.sleep(0.05)
            assert "<!doctype html>" in page
            assert '"transport": "http"' in page
            assert get(url + "?webio_static=webio.js")[0] == 200

            os.kill(process.pid, signal.SIGINT)
            assert process.wait(timeout=15) == 0
            errors = process.stderr.read()  # type: ignore[union-attr]
            assert "Traceback" not in errors, errors
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=15)
            reader.join(timeout=15)  # before the pipes close
