"""The page's sign of life: shown while the app works with nothing new to show for a moment,
gone when the app waits for the user or has finished."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pytest
from playwright.sync_api import expect

from webio_core.input import input
from webio_core.output import put_buttons, put_text
from webio_core.session import hold

SIGN = "div.webio-activity[role=status]"


def thread_app(release: threading.Event) -> Any:
    def app() -> None:
        put_text("started")
        release.wait(10)
        put_text("worked")
        input("Next?")
        put_text("finished")

    return app


def coroutine_app(release: threading.Event) -> Any:
    async def app() -> None:
        put_text("started")
        while not release.is_set():
            await asyncio.sleep(0.02)
        put_text("worked")
        await input("Next?")
        put_text("finished")

    return app


@pytest.mark.parametrize("make_app", [thread_app, coroutine_app])
def test_busy_while_working_idle_while_waiting_and_after_the_end(open_app: Any, make_app: Any):
    release = threading.Event()
    with open_app(make_app(release)) as page:
        expect(page.get_by_text("started")).to_be_visible()
        sign = page.locator(SIGN)
        expect(sign).to_have_attribute("aria-label", "Working\u2026")
        expect(sign.locator(".webio-activity-bar")).to_be_visible()
        release.set()
        expect(page.get_by_text("worked")).to_be_visible()
        expect(sign.locator(".webio-activity-bar")).to_have_count(0)
        # Waiting for the user for longer than the sign's delay: still no sign.
        page.wait_for_timeout(1200)
        expect(sign.locator(".webio-activity-bar")).to_have_count(0)
        field = page.locator("form.webio-form input").last
        field.fill("x")
        field.press("Enter")
        expect(page.get_by_text("finished")).to_be_visible()
        page.wait_for_timeout(1200)
        expect(sign.locator(".webio-activity-bar")).to_have_count(0)
        assert sign.get_attribute("aria-label") is None


def test_a_slow_callback_shows_the_sign_until_it_returns(open_app: Any):
    def app() -> None:
        put_buttons(["Slow"], onclick=lambda _: (time.sleep(1.5), put_text("done")))
        hold()

    with open_app(app) as page:
        sign = page.locator(SIGN)
        page.get_by_role("button", name="Slow").click()
        expect(sign.locator(".webio-activity-bar")).to_be_visible()
        expect(page.get_by_text("done")).to_be_visible()
        expect(sign.locator(".webio-activity-bar")).to_have_count(0)
