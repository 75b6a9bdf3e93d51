"""What the benchmarks share: an app's server in a process of its own, on a free loopback
port, run by any Python (this project's, or a throwaway venv's with PyWebIO 1.8.4)."""

from __future__ import annotations

import socket
import subprocess
import textwrap
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(python: str, source: str, start_timeout: float = 30) -> Iterator[tuple[str, int]]:
    """Runs ``source`` (which reads its port from ``sys.argv[1]``) with ``python``; yields the
    page's URL and the server's PID once the page answers, and stops the process after."""
    port = free_port()
    process = subprocess.Popen(
        [python, "-c", textwrap.dedent(source), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(f"the server on {url} did not start") from None
                time.sleep(0.2)
        yield url, process.pid
    finally:
        process.terminate()
        process.wait(timeout=10)
