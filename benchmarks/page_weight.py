#!/usr/bin/env python3
"""Prints what the first page of a hello-world app costs a browser, webio_core beside
PyWebIO 1.8.4: bytes over the wire, bytes once decoded, their gzip-equivalent, and the time
until the app's first output is on screen, cold (empty cache) and warm (reloaded).

    python benchmarks/page_weight.py [--runs 5] [--pywebio-python PATH]

Both servers run the same app with Tornado in a process of their own, offline (``cdn=False``);
the same headless Chromium loads each. "Wire" is what Chromium's network layer counts for every
HTTP response of the page (headers included), "decoded" the bodies after decompression, and
"gzip-equivalent" the sum of each decoded body gzipped at level 6, as a proxy that compresses
would send it. WebSocket frames are not counted: they carry the app, not the page. PyWebIO is
measured only when ``--pywebio-python`` names a Python with ``pywebio==1.8.4`` installed (a
throwaway venv; it is never a dependency of this project). Figures are medians of ``--runs``.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _servers import server  # noqa: E402

from webio_core.testing.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

APP = """
    import sys
    from {package} import start_server
    from {package}.output import put_text

    def main():
        put_text("Hello, world")

    start_server(main, host="127.0.0.1", port=int(sys.argv[1]), cdn=False)
"""
PACKAGES = {"webio_core": "webio_core", "PyWebIO 1.8.4": "pywebio"}
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


def measure(browser: Any, url: str) -> dict[str, float]:
    context = browser.new_context()
    try:
        page = context.new_page()
        cold = load(page, url)
        warm = load(page, url)  # the same context: its cache is warm now
    finally:
        context.close()
    return {**cold, "warm_seconds": warm["seconds"], "warm_wire": warm["wire"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pywebio-python", help="a Python with pywebio==1.8.4 installed")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    pythons = {"webio_core": sys.executable}
    if args.pywebio_python:
        pythons["PyWebIO 1.8.4"] = args.pywebio_python
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in pythons}
    with sync_playwright() as playwright, ExitStack() as servers:
        urls = {
            name: servers.enter_context(server(python, APP.format(package=PACKAGES[name])))[0]
            for name, python in pythons.items()
        }
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(args.runs):  # interleaved, so that noise hits both alike
                for name, url in urls.items():
                    runs[name].append(measure(browser, url))
        finally:
            browser.close()

    figures = {
        name: {key: statistics.median(r[key] for r in results) for key in results[0]}
        for name, results in runs.items()
    }
    print(f"Hello-world first page in Chromium, Tornado, median of {args.runs} runs")
    print(
        f"{'server':<15}{'requests':>9}{'wire KB':>9}{'decoded KB':>12}{'gzip-eq KB':>12}"
        f"{'cold ms':>9}{'warm ms':>9}{'warm wire KB':>14}"
    )
    for name, f in figures.items():
        print(
            f"{name:<15}{f['requests']:>9.0f}{f['wire'] / 1000:>9.1f}{f['decoded'] / 1000:>12.1f}"
            f"{f['gzip'] / 1000:>12.1f}{f['seconds'] * 1000:>9.0f}{f['warm_seconds'] * 1000:>9.0f}"
            f"{f['warm_wire'] / 1000:>14.1f}"
        )
    if len(figures) == 2:
        ours, theirs = figures["webio_core"], figures["PyWebIO 1.8.4"]
        print(
            f"ratios webio_core / PyWebIO: wire {ours['wire'] / theirs['wire']:.2f}, "
            f"cold {ours['seconds'] / theirs['seconds']:.2f}, "
            f"warm {ours['warm_seconds'] / theirs['warm_seconds']:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
