"""Choosing as a person does: drop-downs (native, multiple, and a filtered list of ten thousand
options), check boxes, radio buttons and sliders. Option values are Python objects that stay on
the server; the app must get the object of the option the person chose."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from webio_core.input import checkbox, input_group, radio, select, slider
from webio_core.output import put_text


def test_native_select_returns_the_chosen_object(open_app: Any):
    def app() -> None:
        size = select("Size", [("Small", (1, "s")), ("Medium", (2, "m")), ("Large", (3, "l"))])
        put_text(f"size {size!r}")

    with open_app(app) as page:
        field = page.get_by_label("Size")
        expect(field).to_have_class("form-select")
        field.select_option(label="Large")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("size (3, 'l')", exact=True)).to_be_visible()


def test_native_multiple_select_returns_a_list(open_app: Any):
    def app() -> None:
        days = select(
            "Days", [("Mon", 1), ("Tue", 2), ("Wed", 3), ("Thu", 4)], multiple=True, value=[2]
        )
        put_text(f"days {days!r}")

    with open_app(app) as page:
        field = page.get_by_label("Days")
        expect(field).to_have_js_property("multiple", True)
        expect(field).to_have_values(["1"])
        field.select_option(label=["Mon", "Wed", "Thu"])
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("days [1, 3, 4]", exact=True)).to_be_visible()


def test_a_long_list_is_filtered_and_a_far_option_chosen(open_app: Any):
    options = [(f"Item {i:05d}", ("item", i)) for i in range(10_000)]

    def app() -> None:
        item = select("Item", options, native=False)
        put_text(f"item {item!r}")

    with open_app(app) as page:
        listbox = page.get_by_role("listbox", name="Item")
        expect(listbox).to_be_visible()
        # Only the rows in view are on the page, not ten thousand.
        assert listbox.locator(".webio-listbox-option").count() < 100
        page.locator("input.webio-select-filter").fill("Item 0987")
        far = listbox.get_by_role("option", name="Item 09876")
        expect(listbox.get_by_role("option")).to_have_count(10)
        far.click()
        expect(far).to_have_attribute("aria-selected", "true")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("item ('item', 9876)", exact=True)).to_be_visible()


def test_checkboxes_tick_and_untick(open_app: Any):
    def app() -> None:
        toppings = checkbox(
            "Toppings", [("Cheese", "c"), ("Ham", "h"), ("Olives", "o")], inline=True
        )
        put_text(f"toppings {toppings!r}")

    with open_app(app) as page:
        group = page.get_by_role("group", name="Toppings")
        expect(group.locator(".form-check.form-check-inline")).to_have_count(3)
        page.get_by_label("Olives").check()
        page.get_by_label("Ham").check()
        page.get_by_label("Cheese").check()
        page.get_by_label("Ham").uncheck()
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("toppings ['c', 'o']", exact=True)).to_be_visible()


def test_a_required_radio_needs_a_choice(open_app: Any):
    def app() -> None:
        answer = radio("Answer", [("Yes", True), ("No", False)], required=True)
        put_text(f"answer {answer!r}")

    with open_app(app) as page:
        page.get_by_role("button", name="Submit").click()
        yes = page.get_by_label("Yes")
        # The browser refuses the submission and points at the group.
        expect(yes).to_be_focused()
        assert yes.evaluate("input => input.validationMessage") != ""
        expect(page.locator("form.webio-form")).not_to_have_attribute("aria-busy", "true")
        page.get_by_label("No").check()
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("answer False", exact=True)).to_be_visible()


def test_an_optional_radio_left_alone_is_none(open_app: Any):
    def app() -> None:
        answer = radio("Answer", ["Yes", "No"], inline=True)
        put_text(f"answer {answer!r}")

    with open_app(app) as page:
        expect(page.get_by_role("radiogroup", name="Answer")).to_be_visible()
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("answer None", exact=True)).to_be_visible()


def test_integer_slider_with_the_keyboard(open_app: Any):
    def app() -> None:
        level = slider("Level", value=5, min_value=0, max_value=10)
        put_text(f"level {level!r} {type(level).__name__}")

    with open_app(app) as page:
        field = page.get_by_label("Level")
        shown = page.locator("output.webio-slider-value")
        expect(shown).to_have_text("5")
        field.focus()
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowLeft")
        expect(shown).to_have_text("7")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("level 7 int", exact=True)).to_be_visible()


def test_float_slider(open_app: Any):
    def app() -> None:
        ratio = slider("Ratio", value=0.5, min_value=0.0, max_value=1.0)
        put_text(f"ratio {ratio!r} {type(ratio).__name__}")

    with open_app(app) as page:
        field = page.get_by_label("Ratio")
        shown = page.locator("output.webio-slider-value")
        expect(shown).to_have_text("0.5")
        field.fill("0.25")
        expect(shown).to_have_text("0.25")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("ratio 0.25 float", exact=True)).to_be_visible()


def test_disabled_options_cannot_be_chosen(open_app: Any):
    def app() -> None:
        data = input_group(
            "Order",
            [
                select("Native", [("A", "a"), ("B", "b", False, True)], name="native"),
                select(
                    "Listed", [("C", "c"), ("D", "d", False, True)], name="listed", native=False
                ),
                checkbox("Ticks", [("E", "e"), ("F", "f", False, True)], name="ticks"),
                radio("Radios", [("G", "g"), ("H", "h", False, True)], name="radios"),
            ],
        )
        put_text(f"order {sorted(data.items())!r}")

    with open_app(app) as page:
        native = page.get_by_label("Native")
        expect(native.locator("option", has_text="B")).to_be_disabled()
        listed = page.get_by_role("listbox", name="Listed")
        blocked = listed.get_by_role("option", name="D")
        expect(blocked).to_have_attribute("aria-disabled", "true")
        expect(blocked).to_be_disabled()
        blocked.click(force=True)
        expect(blocked).to_have_attribute("aria-selected", "false")
        expect(page.get_by_label("F", exact=True)).to_be_disabled()
        page.get_by_label("F", exact=True).click(force=True)
        expect(page.get_by_label("F", exact=True)).not_to_be_checked()
        expect(page.get_by_label("H", exact=True)).to_be_disabled()
        page.get_by_label("H", exact=True).click(force=True)
        expect(page.get_by_label("H", exact=True)).not_to_be_checked()
        page.get_by_role("button", name="Submit").click()
        expect(
            page.get_by_text(
                "order [('listed', None), ('native', 'a'), ('radios', None), ('ticks', [])]",
                exact=True,
            )
        ).to_be_visible()
