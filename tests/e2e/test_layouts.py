"""Tables, layouts and containers as a person sees and uses them: spans that cover the right
cells, tabs and collapses that show what is clicked, alerts that close."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from webio_core.output import (
    put_buttons,
    put_collapse,
    put_column,
    put_grid,
    put_info,
    put_markdown,
    put_row,
    put_scrollable,
    put_table,
    put_tabs,
    put_text,
    put_warning,
    span,
)
from webio_core.session import hold


def test_a_table_shows_its_spans_header_and_nested_outputs(open_app: Any):
    def app() -> None:
        put_table(
            [
                [span("Name", col=2), "Age"],
                [span("Tall", row=2), "Ada", 36],
                ["Grace", put_buttons(["Hello"], onclick=lambda v: put_text(f"hi from {v}"))],
            ]
        )
        put_table(
            [{"id": 1, "name": "**x**"}], header=[("Number", "id"), (put_text("Who"), "name")]
        )
        hold()

    with open_app(app) as page:
        first = page.locator(".webio-table table").first
        expect(first.locator("thead th")).to_have_count(2)
        expect(first.locator("thead th").first).to_have_attribute("colspan", "2")
        tall = first.get_by_role("cell", name="Tall")
        expect(tall).to_have_attribute("rowspan", "2")
        # The second body row has two cells: the span above covers its first column.
        expect(first.locator("tbody tr").nth(1).locator("td")).to_have_count(2)
        box_tall = tall.bounding_box()
        box_grace = first.get_by_role("cell", name="Grace").bounding_box()
        assert box_tall and box_grace and box_grace["x"] > box_tall["x"] + box_tall["width"] - 1
        first.get_by_role("button", name="Hello").click()
        expect(page.get_by_text("hi from Hello")).to_be_visible()

        second = page.locator(".webio-table table").nth(1)
        expect(second.locator("thead th")).to_have_text(["Number", "Who"])
        expect(second.locator("tbody td")).to_have_text(["1", "**x**"])


def test_tabs_and_collapses_show_what_is_clicked(open_app: Any):
    def app() -> None:
        put_tabs(
            [
                {"title": "First", "content": "first body"},
                {"title": "Second", "content": [put_markdown("**second body**")]},
            ]
        )
        put_collapse("More", [put_text("hidden body")])
        put_collapse("Open one", "shown body", open=True)
        hold()

    with open_app(app) as page:
        first, second = (
            page.get_by_role("tab", name="First"),
            page.get_by_role("tab", name="Second"),
        )
        expect(first).to_have_attribute("aria-selected", "true")
        expect(page.get_by_text("first body")).to_be_visible()
        expect(page.get_by_text("second body")).to_be_hidden()
        second.click()
        expect(page.locator("strong", has_text="second body")).to_be_visible()
        expect(page.get_by_text("first body")).to_be_hidden()
        second.press("ArrowLeft")
        expect(first).to_be_focused()
        expect(page.get_by_text("first body")).to_be_visible()

        more = page.get_by_role("button", name="More")
        expect(more).to_have_attribute("aria-expanded", "false")
        expect(page.get_by_text("hidden body")).to_be_hidden()
        expect(page.get_by_text("shown body")).to_be_visible()
        more.click()
        expect(more).to_have_attribute("aria-expanded", "true")
        expect(page.get_by_text("hidden body")).to_be_visible()
        more.click()
        expect(page.get_by_text("hidden body")).to_be_hidden()


def test_rows_columns_grids_scrollables_and_alerts(open_app: Any):
    def app() -> None:
        put_row([put_text("left"), None, put_text("right")], size="1fr 10px 1fr")
        put_column([put_text("top"), put_text("bottom")])
        put_grid(
            [[put_text("a"), put_text("b")], [put_text("c"), put_text("d")]], cell_width="80px"
        )
        with put_scrollable(height=80, keep_bottom=True):
            for n in range(30):
                put_text(f"line {n}")
        put_info("closable note", closable=True)
        put_warning("stays")
        hold()

    with open_app(app) as page:
        left, right = (
            page.get_by_text("left").bounding_box(),
            page.get_by_text("right").bounding_box(),
        )
        assert left and right and abs(left["y"] - right["y"]) < 2 and right["x"] > left["x"]
        top, bottom = (
            page.get_by_text("top").bounding_box(),
            page.get_by_text("bottom").bounding_box(),
        )
        assert top and bottom and bottom["y"] > top["y"] and abs(top["x"] - bottom["x"]) < 2
        a, b, c = (page.get_by_text(t, exact=True).bounding_box() for t in "abc")
        assert a and b and c and b["x"] > a["x"] and c["y"] > a["y"]

        box = page.locator(".webio-scrollable")
        expect(page.get_by_text("line 29")).to_be_in_viewport()
        height = box.evaluate("e => e.clientHeight")
        assert 70 <= height <= 90, height
        assert box.evaluate("e => e.scrollHeight > e.clientHeight && e.scrollTop > 0")

        expect(page.locator(".webio-alert")).to_have_count(2)
        note = page.locator(".webio-alert", has_text="closable note")
        expect(note).to_have_class(re.compile(r"\balert-info\b"))
        note.get_by_role("button").click()
        expect(page.get_by_text("closable note")).to_have_count(0)
        expect(page.locator(".webio-alert", has_text="stays").get_by_role("button")).to_have_count(
            0
        )
