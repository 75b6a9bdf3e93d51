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


def test_order_form(page: Any, demo_url: str, tmp_path: Any) -> None:
    photo = tmp_path / "table.png"
    photo.write_bytes(b"\x89PNG" + b"0" * 96)
    page.goto(demo_url + "?app=order")
    page.get_by_label("Name").fill("Ada")
    page.get_by_label("Dish").select_option(label="Salad")
    # The dish's onchange replaces the toppings.
    expect(page.get_by_label("Feta")).to_be_visible()
    page.get_by_label("Walnuts").check()
    page.get_by_label("Large").check()
    spice = page.locator("input.form-range")
    spice.fill("4")
    page.locator("input.webio-file-input").set_input_files(str(photo))
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("A salad that hot? Please pick at most 2.")).to_be_visible()
    spice.fill("2")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", name="Thank you, Ada!")).to_be_visible()
    expect(page.get_by_text("'toppings': ['Walnuts']")).to_be_visible()
    expect(page.get_by_text("'size': 'Large', 'spice': 2")).to_be_visible()
    expect(page.get_by_text("Photo received: table.png, 100 bytes.")).to_be_visible()


def test_markdown_previewer_follows_the_text(page: Any, demo_url: str) -> None:
    page.goto(demo_url + "?app=previewer")
    expect(page.locator("strong", has_text="Hello")).to_be_visible()
    editor = page.locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("# Fresh title")
    # As the user types, with the focus still in the editor.
    expect(page.get_by_role("heading", name="Fresh title")).to_be_visible()
    expect(editor).to_be_focused()


def test_sales_report(page: Any, demo_url: str, tmp_path: Any) -> None:
    page.goto(demo_url + "?app=report")
    bar = page.locator(".webio-progressbar")
    expect(bar).to_have_attribute("aria-valuenow", "100.0")
    expect(page.get_by_text("Revenue 1852.50")).to_be_visible()
    table = page.locator(".webio-table table")
    expect(table.locator("tbody tr")).to_have_count(4)
    expect(table.get_by_role("cell", name="3 regions")).to_have_attribute("colspan", "2")
    page.get_by_role("tab", name="About").click()
    expect(page.get_by_text("Made with")).to_be_visible()
    expect(table).to_be_hidden()
    page.locator(".ag-row[row-id='4'] [col-id=product]").click()
    expect(page.get_by_text("Sale 4 selected")).to_be_visible()
    page.get_by_role("button", name="Details").click()
    dialog = page.get_by_role("dialog", name="How the report is made")
    expect(dialog.get_by_text("units x price")).to_be_visible()
    dialog.get_by_role("button", name="Close", exact=True).last.click()
    expect(dialog).to_have_count(0)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    download.value.save_as(tmp_path / "sales.csv")
    lines = (tmp_path / "sales.csv").read_text().splitlines()
    assert lines[0] == "region,product,units,price" and len(lines) == 6
