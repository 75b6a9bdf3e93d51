"""Forms as a person meets them: focus, validation errors tied to their field, a busy form
that cannot be submitted twice, and groups that are cancelled or use their own buttons."""

from __future__ import annotations

import threading
import time
from typing import Any

from playwright.sync_api import expect

from webio_core.input import NUMBER, actions, input, input_group
from webio_core.output import put_text


def test_first_field_has_focus_and_errors_are_tied_to_it(open_app: Any):
    def app() -> None:
        age = input(
            "Age",
            type=NUMBER,
            validate=lambda v: "Too young." if v < 18 else None,
            help_text="In years",
        )
        put_text(f"age {age}")

    with open_app(app) as page:
        field = page.get_by_label("Age")
        expect(field).to_be_focused()
        field.fill("12")
        page.get_by_role("button", name="Submit").click()
        error = page.locator(".webio-feedback")
        expect(error).to_have_text("Too young.")
        expect(field).to_have_attribute("aria-invalid", "true")
        described = field.get_attribute("aria-describedby") or ""
        assert error.get_attribute("id") in described.split()
        assert page.locator(".webio-help").get_attribute("id") in described.split()
        assert error.get_attribute("aria-live") in ("polite", "assertive")
        field.fill("30")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("age 30")).to_be_visible()


def test_an_actions_form_focuses_its_first_button(open_app: Any):
    def app() -> None:
        choice = actions("Continue?", [("Yes", 1), ("No", 0)])
        put_text(f"choice {choice}")

    with open_app(app) as page:
        expect(page.get_by_role("button", name="Yes")).to_be_focused()
        page.keyboard.press("Enter")
        expect(page.get_by_text("choice 1")).to_be_visible()


def test_a_busy_form_is_submitted_once(open_app: Any):
    calls: list[float] = []
    lock = threading.Lock()

    def slow(value: str) -> None:
        with lock:
            calls.append(time.monotonic())
        time.sleep(2)
        return None

    def app() -> None:
        name = input("Name", validate=slow)
        put_text(f"hello {name}")

    with open_app(app) as page:
        page.get_by_label("Name").fill("Ada")
        submit = page.get_by_role("button", name="Submit")
        submit.click()
        expect(page.locator("form.webio-form")).to_have_attribute("aria-busy", "true")
        expect(page.locator(".webio-spinner")).to_be_visible()
        # A user clicking again (and pressing Enter) while the validator runs.
        submit.click(force=True)
        submit.click(force=True)
        page.keyboard.press("Enter")
        expect(page.get_by_text("hello Ada")).to_be_visible(timeout=10_000)
    assert len(calls) == 1, f"the validator ran {len(calls)} times"


def test_a_refused_form_is_usable_again(open_app: Any):
    def app() -> None:
        word = input(
            "Word", validate=lambda w: "No digits." if any(c.isdigit() for c in w) else None
        )
        put_text(f"word {word}")

    with open_app(app) as page:
        page.get_by_label("Word").fill("abc1")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("No digits.")).to_be_visible()
        expect(page.locator("form.webio-form")).not_to_have_attribute("aria-busy", "true")
        expect(page.get_by_label("Word")).to_be_enabled()
        page.get_by_label("Word").fill("abc")
        page.get_by_label("Word").press("Enter")
        expect(page.get_by_text("word abc")).to_be_visible()


def test_group_validation_and_cancel(open_app: Any):
    def check(data: dict[str, Any]) -> Any:
        return ("age", "Age cannot be negative!") if data["age"] < 0 else None

    def app() -> None:
        first = input_group(
            "Info",
            [input("Name", name="name"), input("Age", name="age", type=NUMBER)],
            validate=check,
        )
        put_text(f"info {first['name']} {first['age']}")
        second = input_group("Again?", [input("Name", name="name")], cancelable=True)
        put_text(f"second {second!r}")

    with open_app(app) as page:
        page.get_by_label("Name").fill("Ada")
        page.get_by_label("Age").fill("-3")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("Age cannot be negative!")).to_be_visible()
        expect(page.get_by_label("Age")).to_have_attribute("aria-invalid", "true")
        page.get_by_label("Age").fill("36")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("info Ada 36")).to_be_visible()
        page.get_by_role("button", name="Cancel").click()
        expect(page.get_by_text("second None")).to_be_visible()


def test_actions_replace_the_form_buttons(open_app: Any):
    def app() -> None:
        info = input_group(
            "Add user",
            [
                input("Username", name="username", required=True),
                actions(
                    "",
                    [
                        {"label": "Save", "value": "save"},
                        {"label": "Reset", "type": "reset"},
                        {"label": "Cancel", "type": "cancel"},
                    ],
                    name="action",
                ),
            ],
        )
        put_text(f"result {info!r}")

    with open_app(app) as page:
        expect(page.get_by_role("button", name="Submit")).to_have_count(0)
        page.get_by_label("Username").fill("draft")
        page.get_by_role("button", name="Reset").click()
        expect(page.get_by_label("Username")).to_have_value("")
        page.get_by_label("Username").fill("ada")
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("result {'username': 'ada', 'action': 'save'}")).to_be_visible()
