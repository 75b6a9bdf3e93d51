"""A datatable in Chromium with no network beyond the app's own server: the grid library comes
from the app's server, when the first datatable is shown, and the user sorts, selects and acts
on rows that the app changes."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import expect

from webio_core.output import (
    datatable_insert,
    datatable_remove,
    datatable_update,
    put_buttons,
    put_datatable,
    put_text,
)
from webio_core.session import hold

PEOPLE = [
    {"id": "a", "name": "Ada", "age": 36, "address": {"city": "London"}},
    {"id": "g", "name": "Grace", "age": 85, "address": {"city": "New York"}},
    {"id": "b", "name": "Barbara", "age": 12, "address": {"city": "Boston"}},
]


def names_in_order(page: Any) -> list[str]:
    rows = page.locator(".ag-row[row-id]")
    ordered = rows.evaluate_all(
        "rows => rows.map(r => [r.getBoundingClientRect().top,"
        " r.querySelector('[col-id=name]').textContent])"
    )
    return [name for _, name in sorted(ordered)]


def test_sort_select_and_act_with_no_network(open_app: Any):
    def app() -> None:
        put_datatable(
            PEOPLE,
            id_field="id",
            instance_id="people",
            height=300,
            onselect=lambda row: put_text(f"selected {row}"),
            actions=[
                ("Greet", lambda row: put_text(f"hello {row}")),
                None,
                ("Birthday", lambda row: datatable_update("people", 37, row_id=row, field="age")),
            ],
        )
        put_buttons(
            ["Add", "Drop Grace"],
            onclick=[
                lambda: datatable_insert("people", {"id": "k", "name": "Katherine", "age": 101}),
                lambda: datatable_remove("people", "g"),
            ],
        )
        hold()

    with open_app(app) as page:
        origin = urlsplit(page.url).netloc
        elsewhere: list[str] = []

        def only_the_app_server(route: Any) -> None:
            if urlsplit(route.request.url).netloc == origin:
                route.continue_()
            else:
                elsewhere.append(route.request.url)
                route.abort()

        page.route("**/*", only_the_app_server)
        scripts: list[str] = []
        page.on("request", lambda request: scripts.append(request.url))
        page.reload()

        grid = page.locator(".webio-datatable")
        expect(grid.locator(".ag-row[row-id]")).to_have_count(3)
        assert any("webio-datatable.js" in url for url in scripts)
        expect(grid.locator(".ag-header-cell[col-id='address.city']")).to_have_text("City")
        assert names_in_order(page) == ["Ada", "Grace", "Barbara"]

        age = grid.locator(".ag-header-cell[col-id=age] .ag-header-cell-label")
        age.click()
        page.wait_for_function(
            "() => document.querySelector('.ag-header-cell[col-id=age]')"
            ".getAttribute('aria-sort') === 'ascending'"
        )
        assert names_in_order(page) == ["Barbara", "Ada", "Grace"]
        age.click()
        page.wait_for_function(
            "() => document.querySelector('.ag-header-cell[col-id=age]')"
            ".getAttribute('aria-sort') === 'descending'"
        )
        assert names_in_order(page) == ["Grace", "Ada", "Barbara"]

        grid.locator(".ag-row[row-id=a] [col-id=name]").click()
        expect(page.get_by_text("selected a", exact=True)).to_be_visible()
        expect(grid.get_by_text("1 row selected")).to_be_visible()
        grid.get_by_role("button", name="Greet").click()
        expect(page.get_by_text("hello a", exact=True)).to_be_visible()
        grid.get_by_role("button", name="Birthday").click()
        expect(grid.locator(".ag-row[row-id=a] [col-id=age]")).to_have_text("37")

        page.get_by_role("button", name="Add").click()
        expect(grid.locator(".ag-row[row-id=k] [col-id=name]")).to_have_text("Katherine")
        page.get_by_role("button", name="Drop Grace").click()
        expect(grid.locator(".ag-row[row-id=g]")).to_have_count(0)
        expect(grid.locator(".ag-row[row-id]")).to_have_count(3)
        assert elsewhere == [], f"the page reached beyond its server: {elsewhere}"


def test_a_page_without_a_datatable_does_not_load_the_grid(open_app: Any):
    def app() -> None:
        put_text("no grid here")
        hold()

    with open_app(app) as page:
        loaded: list[str] = []
        page.on("request", lambda request: loaded.append(request.url))
        page.reload()
        expect(page.get_by_text("no grid here")).to_be_visible()
        page.wait_for_load_state("networkidle")
        assert not [url for url in loaded if "datatable" in url]
