"""The demo, used as a person would: in Chromium, on each backend."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect


def answer(page: Any, value: str) -> None:
    field = page.locator("form.webio-form input").last
    field.fill(value)
    field.press("Enter")


def test_greeting_validates_then_greets(page: Any, demo_url: str) -> None:
    page.goto(demo_url + "?app=greeting")
    expect(page.get_by_text("What is your name?")).to_be_visible()
    answer(page, "A")
    expect(page.get_by_text("Please enter at least two characters.")).to_be_visible()
    answer(page, "Ada")
    expect(page.get_by_text("How old are you?")).to_be_visible()
    answer(page, "36")
    expect(page.get_by_role("heading", name="Hello, Ada!")).to_be_visible()
    expect(page.get_by_text("In ten years you will be 46.")).to_be_visible()
    page.get_by_role("button", name="Yes").click()
    expect(page.get_by_text("Hello again, Ada.")).to_be_visible()


def test_counter_buttons_change_the_count(page: Any, demo_url: str) -> None:
    page.goto(demo_url + "?app=counter")
    expect(page.get_by_text("Count: 0")).to_be_visible()
    plus = page.get_by_role("button", name="+1")
    plus.click()
    expect(page.get_by_text("Count: 1")).to_be_visible()
    plus.click()
    expect(page.get_by_text("Count: 2")).to_be_visible()
    page.get_by_role("button", name="-1").click()
    expect(page.get_by_text("Count: 1")).to_be_visible()
    # The scope is cleared on each change: only one count is on the page.
    expect(page.get_by_text("Count:")).to_have_count(1)


def test_index_lists_the_apps_and_links_to_them(page: Any, demo_url: str) -> None:
    page.goto(demo_url)
    expect(page.get_by_role("heading", name="Applications")).to_be_visible()
    page.get_by_role("link", name="Counter").click()
    expect(page.get_by_text("Count: 0")).to_be_visible()
    assert "app=counter" in page.url


def test_async_app_counts_down(page: Any, demo_url: str) -> None:
    page.goto(demo_url + "?app=countdown")
    answer(page, "1")
    expect(page.get_by_text("Lift-off!")).to_be_visible()
