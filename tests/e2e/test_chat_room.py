"""examples/chat_room.py used by two people at once, in Chromium (across processes:
plugins/webio-redis/tests/test_chat_room_example.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any, Callable

import pytest
from playwright.sync_api import expect

from webio_core.testing import serve

from .conftest import EXAMPLES, WIDGET_BACKEND


@pytest.fixture(scope="module")
def chat_room() -> Callable[[], None]:
    sys.path.insert(0, str(EXAMPLES))
    try:
        from chat_room import chat_room
    finally:
        sys.path.remove(str(EXAMPLES))
    return chat_room  # type: ignore[no-any-return]


@pytest.fixture
def second_page(browser: Any) -> Iterator[Any]:
    """Another person's page: a browser context of its own."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def enter(page: Any, url: str, nickname: str) -> None:
    page.goto(url)
    field = page.locator("form.webio-form input").last
    field.fill(nickname)
    field.press("Enter")
    expect(page.get_by_text(f"* {nickname} joined the room")).to_be_visible()


def say(page: Any, text: str) -> None:
    page.get_by_placeholder("Your message").fill(text)
    page.get_by_role("button", name="Send").click()


def test_two_people_chat_and_one_leaves(
    page: Any, second_page: Any, chat_room: Callable[[], None]
) -> None:
    with serve(chat_room, backend=WIDGET_BACKEND) as server:
        enter(page, server.url, "ann")
        enter(second_page, server.url, "bob")
        expect(page.get_by_text("* bob joined the room")).to_be_visible()
        say(page, "Hello Bob")
        expect(second_page.get_by_text("ann: Hello Bob")).to_be_visible()
        expect(page.get_by_text("ann: Hello Bob")).to_be_visible()
        say(second_page, "Hi Ann")
        expect(page.get_by_text("bob: Hi Ann")).to_be_visible()

        page.get_by_role("button", name="Send").click()  # nothing typed
        expect(page.get_by_text("Type a message first.")).to_be_visible()

        second_page.get_by_role("button", name="Leave").click()
        expect(second_page.get_by_text("You left the room.")).to_be_visible()
        expect(page.get_by_text("* bob left the room")).to_be_visible()
