"""An answer larger than the server's max_payload_size is not sent: the person reads why, the
form stays usable, and the next answer goes through (over a WebSocket, a frame the server drops
used to hold back every later event)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from webio_core.input import textarea
from webio_core.output import put_text
from webio_core.testing import serve


def notes() -> None:
    while True:
        text = textarea("Notes")
        put_text(f"got {len(text)} characters")


@pytest.mark.parametrize("backend", ["tornado", "flask"])
def test_too_large_an_answer_is_refused_in_the_page(page: Any, backend: str) -> None:
    with serve(notes, backend=backend, max_payload_size="2K") as server:
        page.goto(server.url)
        field = page.get_by_label("Notes")
        field.fill("x" * 5000)
        page.get_by_role("button", name="Submit").click()
        # 5,000 characters and the frame's JSON around them.
        expect(page.locator(".webio-toast")).to_have_text(
            "Not sent: this is 5.0 KB, and the page accepts 2.0 KB."
        )
        expect(field).to_be_enabled()
        expect(page.get_by_text("got 5000 characters")).to_have_count(0)

        field.fill("x" * 100)
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("got 100 characters", exact=True)).to_be_visible()
        # The next form works too: nothing is held back behind the refused answer.
        page.get_by_label("Notes").fill("short")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("got 5 characters", exact=True)).to_be_visible()
