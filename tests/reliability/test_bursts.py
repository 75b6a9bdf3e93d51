"""A burst of 250,000 outputs reaches a client that reads, whole, while the server's memory
stays bounded: the app is slowed by the send window, not buffered without bound."""

from __future__ import annotations

import textwrap

import pytest

from webio_core.plugins import get_plugins
from webio_core.testing.faults import open_page
from webio_core.testing.subprocess_server import memory_kib, server_process

BURST = 250_000
#: Peak resident memory the burst may add to the server process (measured: 4 to 5 MiB over an
#: idle size of 28 to 35 MiB; benchmarks/reliability.py prints it).
CEILING_KIB = 16 * 1024

APPS = {
    "thread": """
        from webio_core.input import input
        from webio_core.output import put_text

        def main():
            for i in range(BURST):
                put_text(f"line {i}")  # blocks while a send window waits for the client
            put_text("all done")
            input("wait")
    """,
    "coroutine": """
        from webio_core.input import input
        from webio_core.output import put_text

        async def main():
            for i in range(BURST):
                await put_text(f"line {i}")  # waits while a send window waits for the client
            put_text("all done")
            await input("wait")
    """,
}


@pytest.mark.parametrize("kind", ["thread", "coroutine"])
def test_a_long_burst_arrives_whole_in_bounded_memory(webio_backend, kind):
    source = f"BURST = {BURST}\n" + textwrap.dedent(APPS[kind])
    with server_process(source, webio_backend) as (url, pid):
        idle = memory_kib(pid)["rss"]
        page = open_page(url, get_plugins().backend(webio_backend).transport, keep=False)
        try:
            page.receive(lambda p: p.last_output == "all done", timeout=120)
        finally:
            page.close()
        peak = memory_kib(pid)["peak"]
    assert page.page.output_count == BURST + 1
    assert peak - idle < CEILING_KIB, f"the burst added {(peak - idle) // 1024} MiB"
