"""run_js, eval_js, go_app, a large download and set_env in Chromium: the app's JavaScript runs
in the page, values and errors come back, the page goes to other apps, files arrive whole."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from webio_core.input import input
from webio_core.output import put_buttons, put_text
from webio_core.protocol.constants import DOWNLOAD_CHUNK_SIZE, FRAME_TEXT_LIMIT
from webio_core.session import JSError, download, eval_js, go_app, hold, run_js, set_env
from webio_core.testing import serve

#: Where the transport does not matter, one backend is enough (as in conftest's open_app).
BACKEND = "tornado"


def test_eval_js_returns_values_and_raises_the_page_errors(open_app: Any):
    def app() -> None:
        later = "new Promise(r => setTimeout(() => r({n: a * 2, items: [b, null]}), 50))"
        put_text(f"promise: {eval_js(later, a=21, b='x')}")
        put_text(f"undefined: {eval_js('undefined')!r}")
        put_text(f"date: {eval_js('new Date(Date.UTC(2024, 0, 2))')}")
        for code in (
            "null.x",
            "Promise.reject(new RangeError('too far'))",
            "document.body",
            "(() => { const o = {}; o.self = o; return o; })()",
            "({ok: 1, f() {}})",
        ):
            try:
                eval_js(code)
            except JSError as exc:
                put_text(f"{exc.reason}: {exc}")
        put_text("done")
        hold()

    with open_app(app) as page:
        expect(page.get_by_text("done")).to_be_visible()
        texts = page.locator(".webio-output").all_inner_texts()
        assert texts[:3] == [
            "promise: {'n': 42, 'items': ['x', None]}",
            "undefined: None",
            "date: 2024-01-02T00:00:00.000Z",
        ]
        thrown, rejected, node, cycle, function = texts[3:8]
        assert thrown.startswith("thrown: the JavaScript code of eval_js() threw TypeError: ")
        assert "null" in thrown
        assert rejected == "rejected: the Promise of eval_js() was rejected: RangeError: too far"
        assert node.startswith("unserializable: the value of eval_js() cannot be sent to Python")
        assert "the value is a HTMLBodyElement, not plain data" in node
        assert "the value.self contains itself" in cycle
        assert "the value.f is a function, which is not JSON data" in function


def test_eval_js_is_awaited_in_a_coroutine_app(open_app: Any):
    async def app() -> None:
        title = await eval_js("new Promise(r => setTimeout(() => r(document.title + '!'), 20))")
        put_text(f"title: {title}")
        try:
            await eval_js("undefinedFunction()")
        except JSError as exc:
            put_text(f"{exc.name}: {exc.message}")
        await hold()

    with open_app(app) as page:
        title = page.title()
        expect(page.get_by_text(f"title: {title}!")).to_be_visible()
        expect(page.get_by_text("ReferenceError: undefinedFunction is not defined")).to_be_visible()


def test_a_value_too_large_for_the_server_is_an_error_not_a_hang(page: Any):
    def app() -> None:
        try:
            eval_js("'x'.repeat(n)", n=100_000)
        except JSError as exc:
            put_text(str(exc))
        put_text(f"small: {eval_js('[1, 2]')}")
        hold()

    with serve(app, backend=BACKEND, max_payload_size="64K") as server:
        page.goto(server.url)
        expect(page.get_by_text("small: [1, 2]")).to_be_visible()
        expect(
            page.get_by_text(
                "the value of eval_js() cannot be sent to Python: its JSON is 100002 bytes, "
                "over the 32768 the server accepts"
            )
        ).to_be_visible()
        page.goto("about:blank")


def test_run_js_changes_the_page_with_its_arguments(open_app: Any):
    def app() -> None:
        run_js(
            "const p = document.createElement('p'); p.id = 'from-js';"
            "p.textContent = greeting + ', ' + people.join(' and '); document.body.append(p)",
            greeting="Hello",
            people=["Ada", "Grace"],
        )
        run_js("throw new Error('only the console hears of it')")
        put_text("after the scripts")
        hold()

    with open_app(app) as page:
        messages: list[str] = []
        page.on("console", lambda message: messages.append(message.text))
        page.reload()
        expect(page.locator("#from-js")).to_have_text("Hello, Ada and Grace")
        expect(page.get_by_text("after the scripts")).to_be_visible()
        assert any("only the console hears of it" in m for m in messages), messages


@pytest.mark.parametrize("backend", ["tornado", "flask"])
def test_a_large_download_arrives_whole_in_several_frames(
    open_app: Any, tmp_path: Path, backend: str
):
    content = os.urandom(3 * 1024 * 1024 + 123)

    def app() -> None:
        put_buttons(["Export"], onclick=lambda _: download("report.bin", content))
        hold()

    with open_app(app, backend=backend) as page:
        frames: list[int] = []
        replies: list[int] = []

        def count_chunk_frames(socket: Any) -> None:
            def received(payload: Any) -> None:
                if "download_chunk" in str(payload):
                    frames.append(len(payload))

            socket.on("framereceived", received)

        def count_chunk_replies(response: Any) -> None:
            if response.request.resource_type in ("fetch", "xhr") and response.ok:
                body = response.body()
                if b"download_chunk" in body:
                    replies.append(len(body))

        page.on("websocket", count_chunk_frames)
        page.on("response", count_chunk_replies)
        if backend == "tornado":
            # A socket is seen from its opening: that of the reloaded page (the app runs again).
            page.reload()
        with page.expect_download() as download_info:
            page.get_by_role("button", name="Export").click()
        assert download_info.value.suggested_filename == "report.bin"
        download_info.value.save_as(tmp_path / "report.bin")
        assert (tmp_path / "report.bin").read_bytes() == content
        # A frame (or HTTP reply) holds one full chunk, as two would pass FRAME_TEXT_LIMIT;
        # the small last one may share its predecessor's.
        full_chunks = len(content) // DOWNLOAD_CHUNK_SIZE
        for _ in range(50):  # Playwright may report the last responses after the download
            if len(frames or replies) >= full_chunks:
                break
            page.wait_for_timeout(100)
        received = frames or replies
        assert len(received) >= full_chunks, f"{len(received)} frames for {full_chunks} chunks"
        assert max(received) < FRAME_TEXT_LIMIT


def test_go_app_opens_another_app_here_or_in_a_new_page(page: Any, _e2e_servers: Any):
    def target() -> None:
        put_text("the other app")
        hold()

    with _e2e_servers.host(BACKEND, target) as other:

        def app() -> None:
            put_buttons(
                ["New window", "Here"],
                onclick=[lambda: go_app(other.name), lambda: go_app(other.name, False)],
            )
            hold()

        with _e2e_servers.host(BACKEND, app) as hosted:
            page.goto(f"{hosted.url}?app={hosted.name}")
            with page.context.expect_page() as opened:
                page.get_by_role("button", name="New window").click()
            new_page = opened.value
            expect(new_page.get_by_text("the other app")).to_be_visible()
            assert f"app={other.name}" in new_page.url
            new_page.close()

            page.get_by_role("button", name="Here").click()
            expect(page.get_by_text("the other app")).to_be_visible()
            assert page.url == f"{hosted.url}?app={other.name}"
            page.goto("about:blank")


def test_set_env_title_width_and_focus_reach_the_page(open_app: Any):
    def app() -> None:
        set_env(title="Quarterly report", output_max_width="500px", input_auto_focus=False)
        first = input("First")
        set_env(output_max_width=700, input_auto_focus=True)
        put_text(f"first: {first}")
        input("Second")

    with open_app(app) as page:
        expect(page).to_have_title("Quarterly report")
        container = page.locator(".webio-container")
        expect(container).to_have_css("max-width", "500px")
        first = page.get_by_label("First")
        expect(first).to_be_visible()
        expect(first).not_to_be_focused()
        first.fill("a")
        first.press("Enter")
        expect(page.get_by_text("first: a")).to_be_visible()
        expect(container).to_have_css("max-width", "700px")
        expect(page.get_by_label("Second")).to_be_focused()
