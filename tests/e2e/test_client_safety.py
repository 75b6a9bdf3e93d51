"""What the browser client does with hostile or broken input, in a real browser."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from webio_core.output import put_buttons, put_link, put_markdown, put_text
from webio_core.testing import serve

PAYLOAD = '<img src=x onerror="window.__pwned = 1">'


def hostile_app() -> None:
    put_text(PAYLOAD)
    put_buttons([PAYLOAD], onclick=lambda value: put_text("clicked"))
    put_link("a javascript link", url="javascript:window.__pwned = 2")
    put_markdown(f"**bold** {PAYLOAD} <script>window.__pwned = 3</script>")


def test_server_text_is_inserted_as_text(page: Any, e2e_backend: str) -> None:
    with serve(hostile_app, backend=e2e_backend) as server:
        page.goto(server.url)
        expect(page.get_by_text(PAYLOAD).first).to_be_visible()
        expect(page.get_by_role("button", name=PAYLOAD)).to_be_visible()
        expect(page.locator("strong", has_text="bold")).to_be_visible()
        # Sanitised Markdown keeps the image but drops its handler and the script.
        # A javascript: URL loses its href, so it is not even a link any more.
        expect(page.get_by_text("a javascript link")).to_be_visible()
        expect(page.get_by_role("link", name="a javascript link")).to_have_count(0)
        page.get_by_text("a javascript link").click()
        page.get_by_role("button", name=PAYLOAD).click()
        expect(page.get_by_text("clicked")).to_be_visible()
        assert page.evaluate("window.__pwned") is None
        assert page.locator("img[onerror]").count() == 0


def test_connection_lost_is_visible(page: Any, e2e_backend: str) -> None:
    demo = Path(__file__).resolve().parents[2] / "examples" / "demo.py"
    process = subprocess.Popen(
        [sys.executable, str(demo), "--port", "0", "--backend", e2e_backend],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"serving on (http://\S+)", line)
        assert match, f"the demo printed {line!r}"
        page.goto(match.group(1) + "?app=counter")
        # The buttons come after the count, on HTTP maybe in a later poll.
        plus_one = page.get_by_role("button", name="+1")
        expect(plus_one).to_be_enabled()
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        status = page.locator(".webio-status")
        expect(status).to_be_visible()
        expect(status).to_contain_text("Connection lost")
        expect(plus_one).to_be_disabled()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
