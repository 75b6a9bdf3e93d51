"""What a user sees when a server starts, in a process of its own as they run it: the URLs for
a server on every interface, one line for a taken port (also in debug mode, where a supervisor
runs the server), and the nearest option for a misspelt one."""

from __future__ import annotations

import os
import select
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import webio_core
from webio_core.server.addresses import network_addresses
from webio_core.testing import http_request, installed_backends
from webio_core.testing.programs import PROGRAM_TIMEOUT, free_port, program, program_env

#: One WebSocket and one HTTP backend, the two kinds of framework error reporting.
BACKENDS = [name for name in ("tornado", "flask") if name in installed_backends()]

APP = """
import sys
from webio_core import start_server
from webio_core.output import put_text

def main():
    put_text("hello")

start_server(main, backend={backend!r}, host={host!r}, port={port}, {options})
"""


def app_source(backend: str, host: str, port: int, options: str = "") -> str:
    return APP.format(backend=backend, host=host, port=port, options=options)


def read_lines(process: subprocess.Popen[str], count: int) -> list[str]:
    """The first ``count`` lines the program prints (read from the pipe itself: select() does
    not see what a text wrapper has buffered already)."""
    assert process.stdout is not None
    fd, received = process.stdout.fileno(), b""
    deadline = time.monotonic() + PROGRAM_TIMEOUT
    while received.count(b"\n") < count and time.monotonic() < deadline:
        if select.select([fd], [], [], 0.5)[0]:
            chunk = os.read(fd, 4096)
            assert chunk, f"the program ended after {received!r}"
            received += chunk
    return received.decode().splitlines()[:count]


def run_script(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    """Runs ``source`` from a file (so that debug mode can supervise it) until it exits."""
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(source))
    return subprocess.run(
        [sys.executable, "-u", str(script)],
        env=program_env(webio_core),
        capture_output=True,
        text=True,
        timeout=PROGRAM_TIMEOUT,
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_every_interface_prints_the_loopback_and_network_urls_and_both_work(backend):
    port = free_port()
    with program(app_source(backend, "0.0.0.0", port), webio_core) as process:
        lines = read_lines(process, 2)
        network = [f"http://{address}:{port}/" for address in network_addresses(socket.AF_INET)]
        assert (
            lines[0]
            == f"webio_core: serving on http://127.0.0.1:{port}/ with the {backend} backend"
        )
        if network:
            assert lines[1] == f"webio_core: from other machines: {', '.join(network)}"
        else:
            assert lines[1] == "webio_core: from other machines: none (no network address found)"
        for url in [f"http://127.0.0.1:{port}/", *network]:
            status, _, body = http_request(url)
            assert status == 200 and b"<html" in body.lower()


@pytest.mark.parametrize("debug", [False, True], ids=["serving", "debug-supervisor"])
@pytest.mark.parametrize("backend", BACKENDS)
def test_a_taken_port_is_one_line_and_exit_status_1(tmp_path, backend, debug):
    with socket.create_server(("0.0.0.0", 0)) as taken:
        port = taken.getsockname()[1]
        options = "debug=True" if debug else ""
        done = run_script(tmp_path, app_source(backend, "", port, options))
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert done.stderr == (
        f"webio_core: port {port} is already in use: stop the program listening on it, or pick "
        "another port with port=N (`--port N` on the command line), or port=0 for any free one\n"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_misspelt_option_fails_before_serving_naming_the_option_meant(tmp_path, backend):
    done = run_script(tmp_path, app_source(backend, "127.0.0.1", 0, "reconect_timeout=30"))
    assert done.returncode == 1 and "serving on" not in done.stdout
    assert done.stderr.splitlines()[-1] == (
        "webio_core.server.framework_options.UnknownOptionError: unknown option "
        f"'reconect_timeout' for the {backend} backend: did you mean 'reconnect_timeout'?"
    )


def test_a_pywebio_flask_option_with_a_webio_equivalent_still_runs(tmp_path):
    if "flask" not in installed_backends():
        pytest.skip("the flask backend is not installed")
    port = free_port()
    source = app_source("flask", "127.0.0.1", port, "use_reloader=True, threaded=True")
    with program(source, webio_core) as process:
        lines = read_lines(process, 2)
        assert lines[0] == (
            "use_reloader=True is ignored by webio_core's flask backend: the server restarts on "
            "changes with debug=True (or `webio run --reload`)"
        )
        assert lines[1] == f"webio_core: serving on http://127.0.0.1:{port}/ with the flask backend"
        assert http_request(f"http://127.0.0.1:{port}/")[0] == 200


def test_the_webio_command_reports_a_taken_port_in_one_line(tmp_path):
    (tmp_path / "hello.py").write_text("def main():\n    pass\n")
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        command = [sys.executable, "-m", "webio_core", "run", "hello.py", "--port", str(port)]
        done = subprocess.run(
            command,
            cwd=tmp_path,
            env=program_env(webio_core),
            capture_output=True,
            text=True,
            timeout=PROGRAM_TIMEOUT,
        )
    assert done.returncode == 1
    assert done.stderr.startswith(f"webio_core: port {port} is already in use on 127.0.0.1: ")
    assert done.stderr.count("\n") == 1
