#!/usr/bin/env python3
"""Prints what receiving one large upload costs the server, webio_core beside PyWebIO 1.8.4:
throughput, and resident memory above idle while the file arrives.

    python benchmarks/uploads.py [--size-mb 100] [--runs 3] [--pywebio-python PATH]

Both servers run the same app (``file_upload`` in a loop) with Tornado in a process of their
own, offline (``cdn=False``), and the same headless Chromium uploads the same file through each
one's own browser client. PyWebIO is measured only when ``--pywebio-python`` names a Python with
``pywebio==1.8.4`` installed (a throwaway venv; it is never a dependency of this project).
Figures are medians of ``--runs`` uploads.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _servers import server  # noqa: E402

from webio_core.testing.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from webio_core.testing.subprocess_server import memory_kib  # noqa: E402

# The app reports how much arrived without reading the content into memory where it can
# (webio_core's ``size``); PyWebIO's dict holds the content already.
APPS = {
    "webio_core": """
        import sys
        from webio_core import start_server
        from webio_core.input import file_upload
        from webio_core.output import put_text

        def main():
            while True:
                f = file_upload("File", max_size="1G")
                put_text(f"received {f.size}")

        start_server(main, host="127.0.0.1", port=int(sys.argv[1]), cdn=False,
                     max_payload_size="1G")
    """,
    "PyWebIO 1.8.4": """
        import sys
        from pywebio import start_server
        from pywebio.input import file_upload
        from pywebio.output import put_text

        def main():
            while True:
                f = file_upload("File", max_size="1G")
                put_text(f"received {len(f['content'])}")

        start_server(main, host="127.0.0.1", port=int(sys.argv[1]), cdn=False,
                     max_payload_size="1G")
    """,
}


def reset_peak(pid: int) -> None:
    """Start VmHWM again from the current resident size (Linux ``clear_refs`` 5)."""
    with open(f"/proc/{pid}/clear_refs", "w", encoding="ascii") as refs:
        refs.write("5")


def upload_once(browser: Any, url: str, pid: int, path: Path, size: int) -> dict[str, float]:
    page = browser.new_page()
    try:
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
        page.close()
    return {"seconds": elapsed, "idle_mib": idle / 1024, "above_idle_mib": (peak - idle) / 1024}


def measure(python: str, source: str, path: Path, size: int, runs: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    results = []
    with server(python, source) as (url, pid), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                results.append(upload_once(browser, url, pid, path, size))
        finally:
            browser.close()
    median = {key: statistics.median(r[key] for r in results) for key in results[0]}
    median["mb_per_s"] = size / 1e6 / median["seconds"]
    return median


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pywebio-python", help="a Python with pywebio==1.8.4 installed")
    args = parser.parse_args()

    size = args.size_mb * 1_000_000
    implementations = {"webio_core": sys.executable}
    if args.pywebio_python:
        implementations["PyWebIO 1.8.4"] = args.pywebio_python
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "upload.bin"
        with open(path, "wb") as out:
            for _ in range(args.size_mb):
                out.write(os.urandom(1_000_000))
        figures = {
            name: measure(python, APPS[name], path, size, args.runs)
            for name, python in implementations.items()
        }

    print(f"One {args.size_mb} MB upload from Chromium, Tornado, median of {args.runs} runs")
    print(f"{'server':<16}{'MB/s':>8}{'seconds':>10}{'idle RSS MiB':>14}{'peak above idle':>17}")
    for name, f in figures.items():
        print(
            f"{name:<16}{f['mb_per_s']:>8.1f}{f['seconds']:>10.2f}"
            f"{f['idle_mib']:>14.1f}{f['above_idle_mib']:>14.1f} MiB"
        )
    if len(figures) == 2:
        ours, theirs = figures["webio_core"], figures["PyWebIO 1.8.4"]
        print(
            f"throughput ratio webio_core / PyWebIO: {ours['mb_per_s'] / theirs['mb_per_s']:.2f}; "
            f"memory above idle: {ours['above_idle_mib']:.1f} vs {theirs['above_idle_mib']:.1f} MiB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
