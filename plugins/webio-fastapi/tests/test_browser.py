"""PyWebIO's ``asgi_app`` example in Chromium: the app mounted on ``/tool`` of a FastAPI
application, as a person opens it (the page's files and WebSocket found below ``/tool/``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI

from webio_core.input import input
from webio_core.output import put_image, put_text
from webio_core.platform.fastapi import asgi_app
from webio_core.testing.browser import CHROMIUM, CHROMIUM_ARGS

from .test_integration import uvicorn_serving

pytestmark = pytest.mark.e2e
sync_api = pytest.importorskip("playwright.sync_api")

PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def greeter() -> None:
    put_image("static/pixel.png")  # relative: below /tool/, from static_dir
    name = input("What is your name?")
    put_text(f"Hello {name}")


def test_asgi_app_mounted_on_tool_in_chromium(tmp_path: Path) -> None:
    (tmp_path / "pixel.png").write_bytes(PIXEL)
    app = FastAPI()
    app.mount("/tool", asgi_app(greeter, static_dir=str(tmp_path)))
    with uvicorn_serving(app) as base, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(base + "/tool")
            field = page.get_by_label("What is your name?")
            field.fill("Ada")
            field.press("Enter")
            sync_api.expect(page.get_by_text("Hello Ada")).to_be_visible()
            assert page.url == base + "/tool/"
            width = page.locator("img").evaluate("image => image.complete && image.naturalWidth")
            assert width == 1, "the static_dir image loads below /tool/"
            assert not errors
        finally:
            browser.close()
