"""Script mode as a person meets it: a plain script calling ``put_text`` and ``input`` at module
level, no ``start_server``, run with Python; the page opened in Chromium is the script's."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest
from playwright.sync_api import expect

from webio_core.testing import http_request
from webio_core.testing.programs import free_port

from .conftest import E2E_BACKENDS

SCRIPT = """
    from webio_core.input import input
    from webio_core.output import put_buttons, put_text
    from webio_core.session import info

    put_text("Hello from a plain script")
    name = input("What is your name?")
    put_text(f"Nice to meet you, {name} (from {info.user_ip})")
    print("the script got", repr(name), flush=True)
"""


@pytest.mark.parametrize("backend", E2E_BACKENDS)
def test_a_plain_script_gets_its_page(page: Any, backend: str, tmp_path, start_program):
    script = tmp_path / "hello.py"
    script.write_text(textwrap.dedent(SCRIPT))
    port = free_port()
    env = {"PYWEBIO_SCRIPT_MODE_PORT": str(port), "WEBIO_SCRIPT_MODE_BACKEND": backend}
    program = start_program(script, cwd=tmp_path, env=env)
    url = f"http://127.0.0.1:{port}/"
    program.wait_for_line(lambda line: url in line, "the script mode line")

    page.goto(url)
    expect(page.get_by_text("Hello from a plain script")).to_be_visible()
    page.get_by_label("What is your name?").fill("Ada")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("Nice to meet you, Ada (from 127.0.0.1)")).to_be_visible()

    assert program.wait() == 0, program.output
    assert "the script got 'Ada'" in program.lines
    # The script ended: its session did too, and the page knows (its controls are locked).
    expect(page.locator("#webio.webio-closed")).to_be_attached()


def test_a_second_page_is_turned_away(page: Any, tmp_path, start_program):
    script = tmp_path / "wait.py"
    script.write_text(
        "from webio_core.input import input\nfrom webio_core.output import put_text\n"
        "put_text('only one page')\ninput('Stop?')\n"
    )
    port = free_port()
    program = start_program(script, cwd=tmp_path, env={"PYWEBIO_SCRIPT_MODE_PORT": str(port)})
    url = f"http://127.0.0.1:{port}/"
    program.wait_for_line(lambda line: url in line, "the script mode line")
    page.goto(url)
    expect(page.get_by_text("only one page")).to_be_visible()
    status, _, body = http_request(url)
    assert status == 409 and b"a script has one page" in body
    page.get_by_label("Stop?").fill("yes")
    page.get_by_role("button", name="Submit").click()
    assert program.wait() == 0, program.output
