"""What the benchmarks share: an app's server in a process of its own, on a free loopback
port, run by any Python (this project's, or a throwaway venv's with PyWebIO 1.8.4)."""

from __future__ import annotations

import socket
import subprocess
import tempfile
import textwrap
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=1).close()
    except urllib.error.HTTPError:
        return True  # it answered, if not with a page
    except OSError:
        return False
    return True


@contextmanager
def server(python: str, source: str, start_timeout: float = 30) -> Iterator[tuple[str, int]]:
    """Runs ``source`` (which reads its port from ``sys.argv[1]``) with ``python``; yields the
    page's URL and the server's PID once the page answers, and stops the process after. A
    server that does not start raises with the end of what it wrote to stderr."""
    port = free_port()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            [python, "-c", textwrap.dedent(source), str(port)],
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        url = f"http://127.0.0.1:{port}/"
        try:
            deadline = time.monotonic() + start_timeout
            while not _answers(url):
                if time.monotonic() > deadline or process.poll() is not None:
                    errors.seek(0)
                    tail = errors.read().decode(errors="replace")[-2000:]
                    raise RuntimeError(f"the server on {url} did not start:\n{tail}")
                time.sleep(0.1)
            yield url, process.pid
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
