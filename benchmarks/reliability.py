#!/usr/bin/env python3
"""Prints the delivery figures of every installed backend: events and outputs lost or
duplicated while the connection fails at random, and a long burst with the server's memory.

    python benchmarks/reliability.py [--clicks 300] [--burst 250000]

The tests in tests/reliability assert these figures; this script prints them.
"""

from __future__ import annotations

import argparse
import collections
import logging
import os
import sys
import textwrap
import time
from typing import Any

from webio_core.input import input
from webio_core.output import put_buttons, put_text
from webio_core.plugins import get_plugins
from webio_core.testing import app_variant, installed_backends, serve
from webio_core.testing.faults import open_page
from webio_core.testing.subprocess_server import memory_kib, server_process

FAULTS: dict[str, dict[str, Any]] = {
    "websocket": {"cut": 0.25},
    "http": {"lose": 0.25, "fail": 0.15},
}

BURST_APPS = {
    "thread": """
        def main():
            for i in range(BURST):
                put_text(f"line {i}")
            put_text("all done")
            input("wait")
    """,
    "coroutine": """
        async def main():
            for i in range(BURST):
                await put_text(f"line {i}")
            put_text("all done")
            await input("wait")
    """,
}


def random_faults(backend: str, kind: str, clicks: int) -> dict[str, object]:
    received: list[int] = []

    def scenario():
        def on_click(value: int) -> None:
            received.append(value)
            put_text(f"echo {value}")

        put_buttons([(str(i), i) for i in range(clicks)], onclick=on_click, serial_mode=True)
        yield input("keep the page")

    with serve(app_variant(scenario, kind), backend=backend, reconnect_timeout=30) as server:
        page = open_page(server.url, server.transport, seed=7, **FAULTS[server.transport])
        page.receive(lambda p: p.find("output") is not None)
        callback = page.page.find("output")["spec"]["output"]["callback_id"]
        for i in range(clicks):
            page.send_event("callback", callback, i)
        page.receive(lambda p: len(p.outputs()) >= clicks, timeout=120)
        page.close()
    seen = collections.Counter(received)
    shown = collections.Counter(page.page.outputs())
    return {
        "faults": getattr(page, "cuts", 0) + getattr(page, "lost_replies", 0),
        "failed posts": getattr(page, "failed_posts", 0),
        "events lost": sum(1 for i in range(clicks) if seen[i] == 0),
        "events twice": sum(n - 1 for n in seen.values() if n > 1),
        "outputs lost": sum(1 for i in range(clicks) if shown[f"echo {i}"] == 0),
        "outputs twice": sum(n - 1 for n in shown.values() if n > 1),
    }


def burst(backend: str, kind: str, size: int) -> dict[str, object]:
    source = (
        f"BURST = {size}\nfrom webio_core.input import input\n"
        "from webio_core.output import put_text\n" + textwrap.dedent(BURST_APPS[kind])
    )
    transport = get_plugins().backend(backend).transport
    with server_process(source, backend) as (url, pid):
        idle = memory_kib(pid)["rss"]
        start = time.monotonic()
        page = open_page(url, transport, keep=False)
        page.receive(lambda p: p.last_output == "all done", timeout=300)
        elapsed = time.monotonic() - start
        peak = memory_kib(pid)["peak"]
        page.close()
    return {
        "delivered": page.page.output_count,
        "idle MiB": round(idle / 1024, 1),
        "peak MiB": round(peak / 1024, 1),
        "added MiB": round((peak - idle) / 1024, 1),
        "outputs/s": int(page.page.output_count / elapsed),
    }


def table(title: str, rows: list[tuple[str, dict[str, object]]]) -> None:
    columns = list(rows[0][1])
    print(f"\n{title}\n")
    print("| backend / kind | " + " | ".join(columns) + " |")
    print("| --- | " + " | ".join("---" for _ in columns) + " |")
    for name, row in rows:
        print(f"| {name} | " + " | ".join(str(row[c]) for c in columns) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=300)
    parser.add_argument("--burst", type=int, default=250_000)
    args = parser.parse_args()
    # The deliberate cuts shut sockets under the websockets client's reader thread, which
    # logs them as internal errors.
    logging.getLogger("websockets").setLevel(logging.CRITICAL)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    runs = [(b, k) for b in installed_backends() for k in ("thread", "coroutine")]
    table(
        f"Random faults, {args.clicks} clicks each echoed once",
        [(f"{b} / {k}", random_faults(b, k, args.clicks)) for b, k in runs],
    )
    table(
        f"Burst of {args.burst:,} outputs to a reading client",
        [(f"{b} / {k}", burst(b, k, args.burst)) for b, k in runs],
    )


if __name__ == "__main__":
    main()
