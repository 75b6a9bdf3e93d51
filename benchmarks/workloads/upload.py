"""Upload throughput: headless Chromium uploads one file through each implementation's own
browser client (``file_upload`` in a loop); the figures are MB/s and the server's resident
memory above idle while the file arrives. Session mode changes little here, so only
thread-mode targets of one WebSocket and one HTTP backend upload."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any, Optional

from webio_core.testing.browser import CHROMIUM, CHROMIUM_ARGS
from webio_core.testing.subprocess_server import memory_kib

from ..targets import CORE, FLOOR, Target
from .base import Column, Settings, Workload, register

# webio_core's app reports the size without reading the content into memory;
# PyWebIO's dict holds the content already.
APP = """
    from {pkg}.input import file_upload
    from {pkg}.output import put_text

    def main():
        while True:
            f = file_upload("File", max_size="1G")
            put_text("received " + str({SIZE}))
"""
SIZES = {CORE: "f.size", "PyWebIO": "len(f['content'])"}
BACKENDS = ("tornado", "flask")


def reset_peak(pid: int) -> None:
    """Start VmHWM again from the current resident size (Linux ``clear_refs`` 5)."""
    with open(f"/proc/{pid}/clear_refs", "w", encoding="ascii") as refs:
        refs.write("5")


@register
class Upload(Workload):
    name = "upload"
    title = "One upload from Chromium"
    columns = (
        Column("mb_per_s", "MB/s", 1, ratios=True),
        Column("idle_mib", "idle RSS MiB", 1),
        Column("above_idle_mib", "peak above idle MiB", 1),
    )

    def __init__(self) -> None:
        self.directory: Optional[Path] = None

    def megabytes(self, settings: Settings) -> int:
        return 2 if settings.quick else 20

    def applies(self, target: Target, settings: Settings) -> bool:
        return (
            target.implementation != FLOOR
            and target.mode == "thread"
            and target.backend in BACKENDS[: 1 if settings.quick else None]
        )

    def describe(self, settings: Settings) -> str:
        return f"{self.title}: {self.megabytes(settings)} MB, throughput (higher is better)"

    def app(self, target: Target, settings: Settings) -> tuple[str, dict[str, Any]]:
        return APP.replace("{SIZE}", SIZES[target.implementation]), {"max_payload_size": "1G"}

    def setup(self, settings: Settings) -> None:
        self.directory = Path(tempfile.mkdtemp(prefix="webio-bench-"))
        with open(self.directory / "upload.bin", "wb") as out:
            for _ in range(self.megabytes(settings)):
                out.write(os.urandom(1_000_000))

    def teardown(self) -> None:
        if self.directory is not None:
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory = None

    def measure(self, target: Target, url: str, pid: int, settings: Settings) -> dict[str, float]:
        from playwright.sync_api import sync_playwright

        assert self.directory is not None, "setup() writes the file"
        path = self.directory / "upload.bin"
        size = path.stat().st_size
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                page.goto(url)
                page.wait_for_selector("input[type=file]", state="attached", timeout=30_000)
                page.set_input_files("input[type=file]", str(path))
                time.sleep(1)  # settle: the idle figure is taken with the page open
                idle = memory_kib(pid)["rss"]
                reset_peak(pid)
                start = time.perf_counter()
                page.click("button[type=submit]")
                page.wait_for_selector(f"text=received {size}", timeout=600_000)
                elapsed = time.perf_counter() - start
                peak = memory_kib(pid)["peak"]
            finally:
                browser.close()
        return {
            "mb_per_s": size / 1e6 / elapsed,
            "idle_mib": idle / 1024,
            "above_idle_mib": (peak - idle) / 1024,
        }
