"""``start_server(debug=True)`` as a user runs it: a program in a subprocess, reloaded when a
file of it changes, on the same port; its pages show tracebacks."""

from __future__ import annotations

import re
import textwrap

import pytest

from webio_core.session.tracebacks import APP_ERROR_MESSAGE
from webio_core.testing import WebIOClient, eventually, http_request, installed_backends

APP = """
    import sys

    from webio_core import start_server
    from webio_core.output import put_text

    from greeting import GREETING  # an imported module: its changes must reload too


    def index():
        put_text(GREETING)


    def fail():
        raise RuntimeError("broken on purpose")


    if __name__ == "__main__":
        start_server({"index": index, "fail": fail}, port=0, host="127.0.0.1", debug=True,
                     backend=sys.argv[1])
"""

SERVING = re.compile(r"webio_core: serving on (http://127\.0\.0\.1:\d+/) with the (\w+) backend")
BACKENDS = [name for name in ("tornado", "flask") if name in installed_backends()]


def page_text(url: str, transport: str, text: str) -> str:
    with WebIOClient(url, transport=transport, timeout=5) as user:
        return user.should_see(text)


def shows(url: str, transport: str, text: str) -> bool:
    """Whether a new page shows ``text`` (False while the server restarts)."""
    try:
        return bool(page_text(url, transport, text))
    except Exception:  # refused, cut during the handshake, or the old page: try again
        return False


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_change_reloads_the_server_on_the_same_port(backend, tmp_path, start_program):
    (tmp_path / "app.py").write_text(textwrap.dedent(APP))
    greeting = tmp_path / "greeting.py"
    greeting.write_text('GREETING = "version one"\n')
    program = start_program(tmp_path / "app.py", backend, cwd=tmp_path)
    program.wait_for_line(lambda line: "debug mode" in line, "the debug mode banner")
    match = SERVING.search(program.wait_for_line(SERVING.search, "the serving line"))
    assert match is not None and match.group(2) == backend
    url = match.group(1)
    transport = "http" if backend == "flask" else "websocket"
    assert page_text(url, transport, "version") == "version one"

    greeting.write_text('GREETING = "version two"\n')
    program.wait_for_line(lambda line: "greeting.py changed; reloading" in line, "the reload")
    eventually(lambda: shows(url, transport, "version two"), "the new version", timeout=30)
    status, _, body = http_request(url)
    assert status == 200 and b"<html" in body.lower()

    # The child serves in debug mode too: a failing app shows its traceback.
    with WebIOClient(url, app="fail", transport=transport) as user:
        user.wait_until(lambda page: page.popup is not None, "the traceback popup")
        assert user.page.popup_spec["title"] == APP_ERROR_MESSAGE
        assert "RuntimeError: broken on purpose" in user.page.popup_spec["contents"][1]["content"]

    # One line per reload, and the banner of the server only for the first start.
    assert len([line for line in program.lines if "reloading" in line]) == 1, program.output
    assert len([line for line in program.lines if SERVING.search(line)]) == 1, program.output
