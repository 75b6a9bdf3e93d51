"""Pins as a person uses them: widgets in the output area that the app reads (``pin.x``,
``await pin.x``), waits on (``pin_wait_change``), changes (``pin.x = ...``, ``pin_update``)
and follows (``pin_on_change``), file pins included."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from webio_core.output import put_markdown, put_text, use_scope
from webio_core.pin import (
    pin,
    pin_on_change,
    pin_update,
    pin_wait_change,
    put_actions,
    put_checkbox,
    put_file_upload,
    put_input,
    put_radio,
    put_select,
    put_slider,
    put_textarea,
)
from webio_core.session import hold


def test_a_thread_app_reads_every_pin(open_app: Any):
    def app() -> None:
        put_input("name", label="Name")
        put_textarea("bio", label="Bio", rows=2)
        put_select("color", [("Red", (255, 0, 0)), ("Green", (0, 255, 0))], label="Color")
        put_checkbox("topics", ["news", "sport", "tech"], label="Topics")
        put_radio("size", [("Small", "s"), ("Large", "l")], label="Size")
        put_slider("level", label="Level", value=2, max_value=5)
        put_actions("go", label="Go", buttons=[("Read", "read")])
        change = pin_wait_change("go")
        put_text(f"go {change!r}")
        values = [pin.name, pin["bio"], pin.color, pin.topics, pin.size, pin.level, pin.go]
        put_text(f"pins {values!r} {pin.missing!r}")

    with open_app(app) as page:
        expect(page.locator(".webio-pin.webio-output")).to_have_count(7)
        page.get_by_label("Name").fill("Ada")
        page.get_by_label("Bio").fill("line one\nline two")
        page.get_by_role("listbox", name="Color").get_by_role("option", name="Green").click()
        page.get_by_label("news", exact=True).check()
        page.get_by_label("tech", exact=True).check()
        page.get_by_label("Large").check()
        page.get_by_label("Level").fill("4")
        page.get_by_role("button", name="Read").click()
        expect(page.get_by_text("go {'name': 'go', 'value': 'read'}", exact=True)).to_be_visible()
        expect(
            page.get_by_text(
                "pins ['Ada', 'line one\\nline two', (0, 255, 0), ['news', 'tech'], 'l', 4, "
                "'read'] None",
                exact=True,
            )
        ).to_be_visible()


def test_a_coroutine_app_awaits_pins(open_app: Any):
    async def app() -> None:
        put_input("name", label="Name")
        put_select("pick", [("One", 1), ("Two", 2)], label="Pick", native=True)
        change = await pin_wait_change("pick")
        put_text(f"changed {change!r}")
        put_text(f"read {await pin.name!r} {await pin['pick']!r} {await pin.missing!r}")
        put_text(f"typed {await pin_wait_change('name')!r}")

    with open_app(app) as page:
        name = page.get_by_label("Name")
        name.fill("Grace")
        page.get_by_label("Pick").select_option(label="Two")
        expect(page.get_by_text("changed {'name': 'pick', 'value': 2}", exact=True)).to_be_visible()
        expect(page.get_by_text("read 'Grace' 2 None", exact=True)).to_be_visible()
        name.fill("Grace Hopper")
        expect(
            page.get_by_text("typed {'name': 'name', 'value': 'Grace Hopper'}", exact=True)
        ).to_be_visible()


def test_a_live_preview_follows_the_text(open_app: Any):
    def app() -> None:
        put_textarea("md", label="Markdown", rows=4)
        with use_scope("preview"):
            put_text("Nothing yet")
        while True:
            change = pin_wait_change("md")
            with use_scope("preview", clear=True):
                put_markdown(change["value"])

    with open_app(app) as page:
        source = page.get_by_label("Markdown")
        preview = page.locator(".webio-scope[data-scope=preview]")
        expect(page.get_by_text("Nothing yet")).to_be_visible()
        # The preview follows the typing: no need to leave the field.
        source.fill("# Title")
        expect(preview.get_by_role("heading", name="Title")).to_be_visible()
        expect(source).to_be_focused()
        # Key by key, faster than the app redraws: the last keystroke is never lost.
        source.press_sequentially("\n\nSome **bold** words")
        expect(preview.locator("strong")).to_have_text("bold")
        expect(preview.locator("p")).to_have_text("Some bold words")
        expect(preview.get_by_role("heading", name="Title")).to_be_visible()
        source.fill("")
        expect(preview.get_by_role("heading")).to_have_count(0)


def test_the_app_changes_pins_on_the_page(open_app: Any):
    def app() -> None:
        put_input("name", label="Name")
        put_select("city", ["Nowhere"], label="Place", native=True)
        pin.name = "Grace"
        pin_update("city", options=[("Paris", "FR-75"), ("Lyon", "FR-69")], label="City")
        pin.city = "FR-69"
        put_text(f"updated {pin.name!r} {pin.city!r}")
        put_text(f"city {pin_wait_change('city')!r}")

    with open_app(app) as page:
        expect(page.get_by_text("updated 'Grace' 'FR-69'", exact=True)).to_be_visible()
        expect(page.get_by_label("Name")).to_have_value("Grace")
        city = page.get_by_label("City")
        expect(city.locator("option")).to_have_text(["Paris", "Lyon"])
        expect(city.locator("option:checked")).to_have_text("Lyon")
        expect(page.get_by_text("Place")).to_have_count(0)
        city.select_option(label="Paris")
        expect(
            page.get_by_text("city {'name': 'city', 'value': 'FR-75'}", exact=True)
        ).to_be_visible()


def test_on_change_callbacks(open_app: Any):
    def app() -> None:
        put_input("word", label="Word")
        pin_on_change("word", lambda value: put_text(f"first {value}"))
        pin_on_change("word", lambda value: put_text(f"second {value}"), clear=True)
        put_slider("level", label="Level", value=3, max_value=10)
        pin_on_change("level", lambda value: put_text(f"level {value!r}"), init_run=True)
        hold()

    with open_app(app) as page:
        expect(page.get_by_text("level 3", exact=True)).to_be_visible()
        word = page.get_by_label("Word")
        word.fill("hello")
        expect(page.get_by_text("second hello", exact=True)).to_be_visible()
        page.get_by_label("Level").fill("7")
        expect(page.get_by_text("level 7", exact=True)).to_be_visible()
        # The callbacks run in the order of the changes: the cleared one would be there by now.
        expect(page.get_by_text("first hello")).to_have_count(0)
        expect(page.get_by_text("level 3", exact=True)).to_have_count(1)


def test_a_wait_with_a_timeout_returns_none(open_app: Any):
    def app() -> None:
        put_input("idle", label="Idle")
        put_text(f"waited {pin_wait_change('idle', timeout=0.5)!r}")

    with open_app(app) as page:
        expect(page.get_by_label("Idle")).to_be_visible()
        expect(page.get_by_text("waited None", exact=True)).to_be_visible()


def test_a_file_pin_is_read_with_its_content(open_app: Any):
    def app() -> None:
        put_file_upload("doc", label="Document")
        change = pin_wait_change("doc")
        put_text(f"changed {change['name']} {change['value']['filename']}")
        doc = pin.doc
        put_text(f"read {doc['filename']} {doc['mime_type']} {doc['content']!r}")

    with open_app(app) as page:
        page.locator("input.webio-file-input[type=file]").set_input_files(
            files=[{"name": "notes.txt", "mimeType": "text/plain", "buffer": b"hello pins\n"}]
        )
        expect(page.get_by_text("changed doc notes.txt", exact=True)).to_be_visible()
        expect(
            page.get_by_text("read notes.txt text/plain b'hello pins\\n'", exact=True)
        ).to_be_visible()
