"""Hostile text through every output type and template: shown as text or sanitised, never run.
Each payload, if it ran, would set ``window.__pwned`` or open a dialog; the test reads both
after the user has clicked, hovered and opened everything there is."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from webio_core.output import (
    popup,
    put_buttons,
    put_collapse,
    put_datatable,
    put_file,
    put_html,
    put_image,
    put_info,
    put_link,
    put_markdown,
    put_processbar,
    put_row,
    put_scope,
    put_table,
    put_tabs,
    put_text,
    put_widget,
    span,
    toast,
)
from webio_core.pin import put_input
from webio_core.session import hold

TAG = "<img src=x onerror=\"window.__pwned = (window.__pwned || []).concat('{}')\">"
SCRIPT = "<script>window.__pwned = ['script {}']</script>"
JS_URL = "javascript:void(window.__pwned='url-{}')"
DATA_URL = "data:text/html,<script>parent.__pwned=['data {}']</script>"
STYLE = '"><img src=x onerror="alert(1)"> ;background:url(javascript:alert(2))'


def hostile(where: str) -> str:
    return TAG.format(where) + SCRIPT.format(where)


def app() -> None:
    put_text(hostile("text"))
    put_markdown(
        f'{hostile("markdown")} [md link]({JS_URL.format("md")}) <a href="{DATA_URL}">md data</a>'
    )
    put_html(hostile("html-sanitised") + "<style>body { display: none }</style>", sanitize=True)
    put_table(
        [[hostile("header"), span(hostile("span"), col=2)], [hostile("cell"), put_text("ok"), 3]],
    )
    put_table([{"k": hostile("dict")}], header=[(hostile("dict header"), "k")])
    put_tabs(
        [
            {"title": hostile("tab"), "content": hostile("tab body")},
            {"title": "Two", "content": "2"},
        ]
    )
    put_collapse(hostile("collapse"), hostile("collapse body"))
    put_info(hostile("info"), closable=True)
    put_row([put_text(hostile("row"))])
    put_image(JS_URL.format("image"), title=hostile("image title"))
    put_image(DATA_URL.format("image"), title="data image")
    put_image(
        "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='window.__pwned=1'/>"
    )
    put_file(hostile("file name"), b"x", label=hostile("file label"))
    put_link("js link", url=JS_URL.format("link"))
    put_link("data link", url=DATA_URL.format("link"))
    put_processbar("bar", init=0.5, label=hostile("bar"))
    put_text("styled").style(STYLE)
    put_scope("s", [put_text(hostile("scope"))])
    put_widget(
        "<div class=w>{{name}} {{{raw}}} <a href='{{url}}'>widget link</a>"
        "{{#items}}{{& pywebio_output_parse}}{{/items}}</div>"
        "<script>window.__pwned=['tpl']</script>",
        {
            "name": hostile("widget escaped"),
            "raw": hostile("widget raw"),
            "url": JS_URL.format("widget"),
            "items": [hostile("widget item"), put_text(hostile("widget output"))],
        },
    )
    put_datatable([{"name": hostile("datatable"), "n": 1}], height=150)
    put_input(
        "p", label=hostile("pin label"), value=hostile("pin value"), placeholder=hostile("pin")
    )
    put_buttons(
        [hostile("button")], onclick=lambda _: popup(hostile("popup"), hostile("popup body"))
    )
    toast(hostile("toast"), duration=0)
    hold()


def test_nothing_hostile_runs(open_app: Any):
    dialogs: list[str] = []
    with open_app(app) as page:
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        expect(page.locator(".webio-datatable .ag-row[row-id]")).to_have_count(1)
        expect(page.get_by_text(hostile("text"), exact=True)).to_be_visible()
        expect(page.locator(".webio-toast", has_text="toast")).to_be_visible()
        page.get_by_role("tab", name="Two").click()
        page.get_by_role("button", name=hostile("collapse")).click()
        page.get_by_role("button", name=hostile("button")).click()
        expect(page.get_by_role("dialog")).to_be_visible()
        page.keyboard.press("Escape")
        for name in ("md link", "md data", "js link", "data link", "widget link"):
            link = page.get_by_text(name, exact=True)
            expect(link).to_have_count(1)
            assert link.get_attribute("href") in (None, ""), f"{name} kept its href"
            link.click()
        page.get_by_text(hostile("file label")).hover()
        page.wait_for_timeout(300)

        assert page.evaluate("window.__pwned") is None
        assert dialogs == []
        # Scripts never made it into the page: every <script> is ours.
        own = page.evaluate("[...document.scripts].map(s => s.src || s.textContent.slice(0, 40))")
        assert not [s for s in own if "__pwned" in s], own
        assert page.locator("[onerror], [onload], [onclick]").count() == 0
        # Sanitised HTML keeps no <style>, so the page is still shown.
        assert page.locator("style", has_text="display: none").count() == 0
        expect(page.get_by_text("ok", exact=True)).to_be_visible()
        styled = page.get_by_text("styled", exact=True)
        assert styled.evaluate("e => e.children.length") == 0
        assert page.url.startswith("http://127.0.0.1")
