"""One-line inputs and text areas as a person fills them: every input type, suggestions, action
buttons, fields that change each other, extra HTML attributes, and the code editor that loads
only when a code field appears."""

from __future__ import annotations

from typing import Any, Callable

import pytest
from playwright.sync_api import expect

from webio_core.input import (
    COLOR,
    DATE,
    DATETIME_LOCAL,
    FLOAT,
    NUMBER,
    PASSWORD,
    TEXT,
    TIME,
    URL,
    input,
    input_group,
    input_update,
    select,
    textarea,
)
from webio_core.output import put_text

CODE_BUNDLE = "webio-code.js"


@pytest.mark.parametrize(
    ("kind", "typed", "received"),
    [
        (TEXT, "Ada Lovelace", "'Ada Lovelace'"),
        (PASSWORD, "s3cret!", "'s3cret!'"),
        (NUMBER, "42", "42"),
        (FLOAT, "3.25", "3.25"),
        (URL, "https://example.org/a?b=1", "'https://example.org/a?b=1'"),
        (DATE, "2026-11-21", "'2026-11-21'"),
        (TIME, "13:45", "'13:45'"),
        (COLOR, "#12ab9f", "'#12ab9f'"),
        (DATETIME_LOCAL, "2026-11-21T08:30", "'2026-11-21T08:30'"),
    ],
)
def test_each_input_type_returns_what_was_typed(
    open_app: Any, kind: str, typed: str, received: str
):
    def app() -> None:
        value = input("Value", type=kind)
        put_text(f"got {type(value).__name__} {value!r}")

    with open_app(app) as page:
        field = page.get_by_label("Value")
        expect(field).to_have_attribute("type", "number" if kind == FLOAT else kind)
        field.fill(typed)
        page.get_by_role("button", name="Submit").click()
        kind_name = {NUMBER: "int", FLOAT: "float"}.get(kind, "str")
        expect(page.get_by_text(f"got {kind_name} {received}", exact=True)).to_be_visible()


def test_datalist_suggestions_are_bound_to_the_input(open_app: Any):
    def app() -> None:
        fruit = input("Fruit", datalist=["apple", "banana", "cherry"])
        put_text(f"fruit {fruit}")

    with open_app(app) as page:
        field = page.get_by_label("Fruit")
        list_id = field.get_attribute("list")
        assert list_id
        options = page.locator(f"datalist#{list_id} option")
        expect(options).to_have_count(3)
        assert [o.get_attribute("value") for o in options.all()] == ["apple", "banana", "cherry"]
        field.fill("banana")
        field.press("Enter")
        expect(page.get_by_text("fruit banana", exact=True)).to_be_visible()


def test_an_action_button_sets_the_value(open_app: Any):
    def now(set_value: Callable[..., None]) -> None:
        set_value("12:34")

    def app() -> None:
        when = input("When", type=TIME, action=("Now", now))
        put_text(f"when {when}")

    with open_app(app) as page:
        field = page.get_by_label("When")
        page.locator("button.webio-field-action", has_text="Now").click()
        expect(field).to_have_value("12:34")
        expect(field).to_be_editable()
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("when 12:34", exact=True)).to_be_visible()


def test_set_value_with_a_label_returns_the_object(open_app: Any):
    def pick(set_value: Callable[..., None]) -> None:
        set_value(("user", 36), "Ada Lovelace")

    def app() -> None:
        user = input("User", action=("Pick", pick))
        put_text(f"user {user!r}")

    with open_app(app) as page:
        field = page.get_by_label("User")
        page.get_by_role("button", name="Pick").click()
        expect(field).to_have_value("Ada Lovelace")
        expect(field).not_to_be_editable()
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("user ('user', 36)", exact=True)).to_be_visible()


def test_onchange_updates_another_field_live(open_app: Any):
    cities = {"France": ["Paris", "Lyon"], "Japan": ["Tokyo", "Osaka", "Kyoto"]}

    def on_country(country: str) -> None:
        input_update("city", options=cities[country], label=f"City in {country}")

    def app() -> None:
        place = input_group(
            "Where?",
            [
                select("Country", ["France", "Japan"], name="country", onchange=on_country),
                select("City", cities["France"], name="city"),
            ],
        )
        put_text(f"place {place['country']} {place['city']}")

    with open_app(app) as page:
        page.get_by_label("Country").select_option(label="Japan")
        city = page.get_by_label("City in Japan")
        expect(city.locator("option")).to_have_text(["Tokyo", "Osaka", "Kyoto"])
        city.select_option(label="Kyoto")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("place Japan Kyoto", exact=True)).to_be_visible()


def test_typing_updates_another_field_as_it_goes(open_app: Any):
    def on_title(title: str) -> None:
        input_update("body", label=f"Body of {title or '?'}", placeholder=f"About {title}")

    def app() -> None:
        memo = input_group(
            "Memo",
            [
                input("Title", name="title", onchange=on_title),
                textarea("Body", name="body", rows=2),
            ],
        )
        put_text(f"memo {memo!r}")

    with open_app(app) as page:
        title = page.get_by_label("Title")
        title.fill("Plans")
        body = page.get_by_label("Body of Plans")
        expect(body).to_have_attribute("placeholder", "About Plans")
        # The person is still in the title field: no need to leave it.
        expect(title).to_be_focused()
        body.fill("Go on.")
        page.get_by_role("button", name="Submit").click()
        expect(
            page.get_by_text("memo {'title': 'Plans', 'body': 'Go on.'}", exact=True)
        ).to_be_visible()


def test_safe_html_attributes_reach_the_control(open_app: Any):
    def app() -> None:
        code = input("Code", maxlength=5, autocomplete="off", data_x="42")
        put_text(f"code {code}")

    with open_app(app) as page:
        field = page.get_by_label("Code")
        expect(field).to_have_attribute("maxlength", "5")
        expect(field).to_have_attribute("autocomplete", "off")
        expect(field).to_have_attribute("data-x", "42")
        # The browser keeps to maxlength as the person types.
        field.press_sequentially("abcdefgh")
        expect(field).to_have_value("abcde")
        field.press("Enter")
        expect(page.get_by_text("code abcde", exact=True)).to_be_visible()


def test_textarea_rows_and_maxlength(open_app: Any):
    def app() -> None:
        note = textarea("Note", rows=3, maxlength=11)
        put_text(f"note {note!r}")

    with open_app(app) as page:
        area = page.get_by_label("Note")
        expect(area).to_have_attribute("rows", "3")
        expect(area).to_have_attribute("maxlength", "11")
        area.press_sequentially("one\ntwo\nsix seven")
        expect(area).to_have_value("one\ntwo\nsix")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("note 'one\\ntwo\\nsix'", exact=True)).to_be_visible()


def test_code_editor_loads_with_the_first_code_field(open_app: Any, page: Any):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    def app() -> None:
        name = input("Script name")
        code = textarea("Source", code={"mode": "python"})
        put_text(f"{name} {code!r}")

    def bundle_requests() -> list[str]:
        return [url for url in requested if CODE_BUNDLE in url]

    with open_app(app) as page:
        field = page.get_by_label("Script name")
        expect(field).to_be_focused()
        assert bundle_requests() == []
        field.fill("demo.py")
        field.press("Enter")
        editor = page.locator(".cm-editor .cm-content[role=textbox]")
        expect(editor).to_be_visible()
        expect(page.locator("textarea.webio-code-hidden")).to_have_count(1)
        assert len(bundle_requests()) == 1
        editor.click()
        page.keyboard.type("x = 1")
        page.keyboard.press("Enter")
        page.keyboard.type("y = [2]")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("demo.py 'x = 1\\ny = [2]'", exact=True)).to_be_visible()
