#!/usr/bin/env python3
"""Runs the same small programs under PyWebIO and under webio_core and prints what each did.

    python scripts/pywebio_behaviour_checks.py --pywebio-python /tmp/pywebio/bin/python

The behaviour claims of docs/migrating-from-pywebio.md that need no browser are checked here:
each program is written once with ``PKG`` for the package, run by PyWebIO's interpreter with
``pywebio`` and by this one with ``webio_core``. A program still serving after a few seconds
counts as "serving" (its call was accepted). The path_deploy checks request a few URLs of a
directory served by each package's ``path_deploy``.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVING_AFTER = 4.0

PROGRAMS = {
    "import PKG.exceptions": "from PKG.exceptions import SessionClosedException\nprint('ok')",
    "start_server(app, 0, '127.0.0.1', True): fourth positional argument": (
        "from PKG import start_server\nstart_server(lambda: None, 0, '127.0.0.1', True)"
    ),
    "start_server(app, reconect_timeout=30): a misspelt option": (
        "from PKG import start_server\n"
        "start_server(lambda: None, port=0, host='127.0.0.1', reconect_timeout=30)"
    ),
    "PKG.platform.seo": "from PKG.platform import seo\nprint('ok')",
}

SCRIPTS = {
    "app.py": "from PKG.output import put_text\ndef main():\n    put_text('hi')\n",
    "nomain.py": "open(__file__ + '.imported', 'w').close()\n",
    "sub/page.py": "from PKG.output import put_text\ndef main():\n    put_text('sub')\n",
}
URLS = ["/app", "/nomain", "/sub", "/sub/"]


def environment(package: str) -> dict[str, str]:
    """webio_core from this checkout; PyWebIO from its own venv, with nothing of ours."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return {**env, "PYTHONPATH": str(ROOT)} if package == "webio_core" else env


def run_program(python: str, source: str, package: str) -> str:
    code = source.replace("PKG", package)
    try:
        result = subprocess.run(
            [python, "-c", code],
            capture_output=True,
            text=True,
            timeout=SERVING_AFTER,
            cwd="/",
            env=environment(package),
        )
    except subprocess.TimeoutExpired:
        return f"serving after {SERVING_AFTER:.0f} s (the call was accepted)"
    lines = (result.stdout + result.stderr).strip().splitlines()
    return lines[-1] if lines else f"exit {result.returncode}, no output"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str) -> str:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=10) as response:
            status, body = response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode(errors="replace")
        if 300 <= status < 400:
            return f"{status} to {error.headers.get('Location')}"
    cdn = " (page loads files from cdn.jsdelivr.net)" if "cdn.jsdelivr.net" in body else ""
    text = " ".join(body.split())[:40]
    return f"{status}{cdn}: {text!r}"


def path_deploy_checks(python: str, package: str, index: bool) -> list[str]:
    with tempfile.TemporaryDirectory() as base:
        for name, source in SCRIPTS.items():
            path = Path(base, name)
            path.parent.mkdir(exist_ok=True)
            path.write_text(source.replace("PKG", package), encoding="utf-8")
        port = free_port()
        code = (
            f"from {package}.platform import path_deploy\n"
            f"path_deploy({base!r}, port={port}, host='127.0.0.1', index={index})"
        )
        quiet = subprocess.DEVNULL
        env = environment(package)
        server = subprocess.Popen(
            [python, "-c", code], cwd="/", env=env, stdout=quiet, stderr=quiet
        )
        try:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.2)
            lines = [f"GET {url} -> {get(f'http://127.0.0.1:{port}{url}')}" for url in URLS]
        finally:
            server.terminate()
            server.wait(timeout=10)
        imported = Path(base, "nomain.py.imported").exists()
        lines.append(f"nomain.py executed: {imported}")
        return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pywebio-python", required=True)
    args = parser.parse_args()
    sides = [(args.pywebio_python, "pywebio"), (sys.executable, "webio_core")]
    for title, source in PROGRAMS.items():
        print(title)
        for python, package in sides:
            print(f"  {package:10} {run_program(python, source, package)}")
    for index in (True, False):
        print(f"path_deploy(base, index={index})")
        for python, package in sides:
            for line in path_deploy_checks(python, package, index):
                print(f"  {package:10} {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
