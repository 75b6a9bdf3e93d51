"""A webio_core server in a process of its own, for measurements that must not count the
test's own memory: ``with server_process(SOURCE, backend) as (url, pid):``.

``SOURCE`` is Python code defining ``main`` (the app); the server runs it with the given options.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_SERVING = re.compile(r"webio_core: serving on (http://[^/\s]+/)")


@contextmanager
def server_process(source: str, backend: str, **options: Any) -> Iterator[tuple[str, int]]:
    program = (
        textwrap.dedent(source)
        + "\nimport webio_core\n"
        + f"webio_core.start_server(main, port=0, host='127.0.0.1', backend={backend!r}, "
        + "".join(f"{name}={value!r}, " for name, value in options.items())
        + ")\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", program],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines = []
        for line in process.stdout:
            lines.append(line)
            match = _SERVING.search(line)
            if match:
                break
        else:
            raise RuntimeError("the server process did not start:\n" + "".join(lines))
        url = match.group(1).replace("localhost", "127.0.0.1")
        yield url, process.pid
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


def memory_kib(pid: int) -> dict[str, int]:
    """Resident memory of a process in KiB: ``rss`` now and ``peak`` since it started."""
    fields = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0])
    return {"rss": fields["VmRSS"], "peak": fields["VmHWM"]}
