"""Popups, toasts, images, downloads, progress bars and loading signs in Chromium."""

from __future__ import annotations

import struct
import time
import zlib
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from webio_core.input import input
from webio_core.output import (
    close_popup,
    popup,
    put_buttons,
    put_file,
    put_image,
    put_loading,
    put_progressbar,
    put_text,
    set_progressbar,
    toast,
)
from webio_core.session import download, hold


def red_png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = b"".join(b"\0" + b"\xff\0\0" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels))
        + chunk(b"IEND", b"")
    )


def test_a_popup_opens_and_closes_by_app_user_or_neither(open_app: Any):
    def app() -> None:
        def open_it() -> None:
            popup(
                "Settings",
                [put_text("inside"), put_buttons(["Done"], onclick=lambda _: close_popup())],
            )

        put_buttons(["Open", "Strict"], onclick=[open_it, strict])
        hold()

    def strict() -> None:
        with popup("Strict", size="large", implicit_close=False, closable=False):
            put_text("only the app closes me")
            put_buttons(["Close it"], onclick=lambda _: close_popup())

    with open_app(app) as page:
        page.get_by_role("button", name="Open").click()
        dialog = page.get_by_role("dialog", name="Settings")
        expect(dialog).to_be_visible()
        expect(dialog.get_by_text("inside")).to_be_visible()
        # The page behind is inert while the popup is open.
        assert page.locator("[inert]").count() >= 1
        dialog.get_by_role("button", name="Done").click()
        expect(dialog).to_have_count(0)
        expect(page.locator("[inert]")).to_have_count(0)

        page.get_by_role("button", name="Open").click()
        expect(dialog).to_be_visible()
        page.keyboard.press("Escape")
        expect(dialog).to_have_count(0)

        page.get_by_role("button", name="Strict").click()
        strict_dialog = page.get_by_role("dialog", name="Strict")
        expect(strict_dialog.get_by_text("only the app closes me")).to_be_visible()
        expect(page.locator(".webio-popup .modal-dialog")).to_have_class("modal-dialog modal-lg")
        expect(strict_dialog.get_by_role("button", name="Close", exact=True)).to_have_count(0)
        page.keyboard.press("Escape")
        page.mouse.click(5, 5)
        expect(strict_dialog).to_be_visible()
        strict_dialog.get_by_role("button", name="Close it").click()
        expect(strict_dialog).to_have_count(0)


def test_toasts_are_readable_on_a_phone(browser: Any, _e2e_servers: Any):
    def app() -> None:
        toast("Saved: your changes are on the server now", position="center", duration=0)
        toast("Right", position="right", color="success", duration=0)
        toast("Undo", position="left", duration=0, onclick=lambda: put_text("undone"))
        hold()

    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        with _e2e_servers.host("tornado", app) as hosted:
            page.goto(f"{hosted.url}?app={hosted.name}")
            centred = page.get_by_text("Saved: your changes")
            expect(centred).to_be_visible()
            box = centred.bounding_box()
            assert box and box["width"] >= 250, f"a centred toast {box} on a 390 px screen"
            expect(page.get_by_text("Right")).to_be_visible()
            page.get_by_text("Undo").click()
            expect(page.get_by_text("undone")).to_be_visible()
            context.close()
    finally:
        context.close()


def test_images_show_and_files_download_with_their_bytes(open_app: Any, tmp_path: Path):
    payload = bytes(range(256)) * 40

    def app() -> None:
        put_image(red_png(3, 2), format="png", title="red", width="30px")
        put_file("data.bin", payload, label="Get the data")
        put_buttons(["Export"], onclick=lambda _: download("export.csv", b"a,b\n1,2\n"))
        hold()

    with open_app(app) as page:
        image = page.get_by_role("img", name="red")
        expect(image).to_be_visible()
        page.wait_for_function("() => document.querySelector('img.webio-image').complete")
        assert image.evaluate("i => [i.naturalWidth, i.naturalHeight, i.width]") == [3, 2, 30]

        with page.expect_download() as first:
            page.get_by_role("button", name="Get the data").click()
        assert first.value.suggested_filename == "data.bin"
        first.value.save_as(tmp_path / "data.bin")
        assert (tmp_path / "data.bin").read_bytes() == payload

        with page.expect_download() as second:
            page.get_by_role("button", name="Export").click()
        assert second.value.suggested_filename == "export.csv"
        second.value.save_as(tmp_path / "export.csv")
        assert (tmp_path / "export.csv").read_bytes() == b"a,b\n1,2\n"


def test_a_progress_bar_reaches_100_and_a_loading_sign_goes(open_app: Any):
    def app() -> None:
        put_progressbar("job", label="Starting")
        with put_loading(color="info"):
            for step in range(1, 11):
                time.sleep(0.02)
                set_progressbar("job", step / 10)
        put_text("loaded")
        input("done?")

    with open_app(app) as page:
        bar = page.locator(".webio-progressbar[role=progressbar]")
        expect(page.get_by_text("loaded")).to_be_visible()
        expect(bar).to_have_attribute("aria-valuenow", "100.0")
        expect(bar).to_have_text("100.0%")
        # Drawn full once Bootstrap's width transition is over.
        page.wait_for_function(
            """() => {
                const bar = document.querySelector('.webio-progressbar');
                const fill = bar.querySelector('.progress-bar');
                return Math.abs(fill.getBoundingClientRect().width - bar.clientWidth) < 2;
            }"""
        )
        expect(page.locator(".spinner-border")).to_have_count(0)
