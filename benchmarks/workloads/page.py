"""Page weight and time to first output in headless Chromium, cold (empty cache) and warm
(reloaded in the same context). "Wire" is what Chromium's network layer counts for every HTTP
response of the page (headers included), "decoded" the bodies after decompression, and
"gzip-eq" each decoded body gzipped at level 6 (what a compressing proxy would send).
WebSocket frames are not counted: they carry the app, not the page. Session mode changes
nothing here, so only thread-mode targets load it; and only over WebSocket, since an HTTP
polling page never goes quiet enough to tell where the page ends and the polls begin."""

from __future__ import annotations

import gzip
import time
from typing import Any

from webio_core.testing.browser import CHROMIUM, CHROMIUM_ARGS

from ..targets import FLOOR, Target
from .base import Column, Settings, Workload, register

APP = """
    from {pkg}.output import put_text

    def main():
        put_text("Hello, world")
"""
FIRST_OUTPUT = "text=Hello, world"


def load(page: Any, url: str) -> dict[str, float]:
    """Loads ``url`` in ``page``; the page's bytes and the seconds until the first output."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    wire: dict[str, int] = {}
    cdp.on(
        "Network.loadingFinished",
        lambda event: wire.__setitem__(event["requestId"], int(event["encodedDataLength"])),
    )
    bodies: list[bytes] = []

    def keep_body(response: Any) -> None:
        if response.request.resource_type != "websocket" and response.status == 200:
            bodies.append(response.body())

    page.on("response", keep_body)
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(FIRST_OUTPUT)
    seconds = time.perf_counter() - start
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", keep_body)
    cdp.detach()
    return {
        "seconds": seconds,
        "wire": sum(wire.values()),
        "decoded": sum(len(body) for body in bodies),
        "gzip": sum(len(gzip.compress(body, 6)) for body in bodies),
        "requests": len(wire),
    }


@register
class PageWeight(Workload):
    name = "page"
    title = "Hello-world page in headless Chromium"
    columns = (
        Column("wire_kb", "wire KB", 1, ratios=True),
        Column("decoded_kb", "decoded KB", 1),
        Column("gzip_kb", "gzip-eq KB", 1),
        Column("requests", "requests", 0),
        Column("cold_ms", "cold ms", 0, ratios=True),
        Column("warm_ms", "warm ms", 0, ratios=True),
        Column("warm_wire_kb", "warm wire KB", 1),
    )

    def applies(self, target: Target, settings: Settings) -> bool:
        return (
            target.implementation != FLOOR
            and target.mode == "thread"
            and target.transport == "websocket"
        )

    def describe(self, settings: Settings) -> str:
        return f"{self.title}: bytes, and time to the first output cold and warm (lower is better)"

    def app(self, target: Target, settings: Settings) -> tuple[str, dict[str, Any]]:
        return APP, {}

    def measure(self, target: Target, url: str, pid: int, settings: Settings) -> dict[str, float]:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                context = browser.new_context()
                page = context.new_page()
                cold = load(page, url)
                warm = load(page, url)  # the same context: its cache is warm now
                context.close()
            finally:
                browser.close()
        return {
            "wire_kb": cold["wire"] / 1000,
            "decoded_kb": cold["decoded"] / 1000,
            "gzip_kb": cold["gzip"] / 1000,
            "requests": cold["requests"],
            "cold_ms": cold["seconds"] * 1000,
            "warm_ms": warm["seconds"] * 1000,
            "warm_wire_kb": warm["wire"] / 1000,
        }
