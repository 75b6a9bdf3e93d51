"""What the benchmark runs its workloads against: a *target* is webio-core with one installed
backend in one session mode, PyWebIO 1.8.4 with one of its backends in one mode, or a raw
WebSocket echo server (a *floor*). A target turns a workload's app into the source of a server
process and runs it with the right Python."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Optional

from ._servers import server
from .floors import FLOORS, LIBRARY_OF_BACKEND

CORE = "webio-core"
PYWEBIO = "PyWebIO"
FLOOR = "floor"
MODES = ("thread", "coroutine")
#: PyWebIO 1.8.4's backends (``pywebio.platform.<name>``) and their transports.
PYWEBIO_BACKENDS = {
    "tornado": "websocket",
    "aiohttp": "websocket",
    "fastapi": "websocket",
    "flask": "http",
    "django": "http",
    "tornado_http": "http",
}
HOST = "127.0.0.1"


@dataclass(frozen=True)
class Target:
    implementation: str  # CORE, PYWEBIO or FLOOR
    backend: str  # a backend name, or a floor's server library
    mode: str  # "thread" or "coroutine" ("" for a floor)
    transport: str  # "websocket" or "http"
    python: str

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.implementation, self.backend, self.mode) if part)

    @property
    def library(self) -> Optional[str]:
        """The server library whose floor this target is compared with (None: no floor)."""
        if self.implementation == FLOOR:
            return self.backend
        return LIBRARY_OF_BACKEND.get(self.backend) if self.transport == "websocket" else None

    def source(self, app: str, **options: object) -> str:
        """The program of a server running ``app``, a template of a ``main`` function written
        with ``{pkg}`` (the package), ``{async_}`` and ``{await_}`` (empty in thread mode)."""
        if self.implementation == FLOOR:
            return FLOORS[self.backend]
        coroutine = self.mode == "coroutine"
        package = "webio_core" if self.implementation == CORE else "pywebio"
        body = textwrap.dedent(app).format(
            pkg=package, async_="async " if coroutine else "", await_="await " if coroutine else ""
        )
        settings = {"host": HOST, "cdn": False, **options}
        if self.implementation == CORE:
            settings["backend"] = self.backend
            start = "from webio_core import start_server"
        else:
            start = f"from pywebio.platform.{self.backend} import start_server"
        arguments = "".join(f", {key}={value!r}" for key, value in settings.items())
        return (
            f"import sys\n{body}\n{start}\nstart_server(main, port=int(sys.argv[1]){arguments})\n"
        )

    @contextmanager
    def serve(self, app: str, **options: object) -> Iterator[tuple[str, int]]:
        """The server of ``app`` in a process of its own: yields its URL and PID."""
        with server(self.python, self.source(app, **options), start_timeout=60) as running:
            yield running


def all_targets(
    python: str, core_backends: dict[str, str], pywebio_python: Optional[str]
) -> list[Target]:
    """Every target: webio-core's installed backends (name -> transport) and PyWebIO's in both
    modes, then the floors, in the order the tables list them."""
    targets = [
        Target(CORE, backend, mode, transport, python)
        for backend, transport in sorted(core_backends.items())
        for mode in MODES
    ]
    if pywebio_python:
        targets += [
            Target(PYWEBIO, backend, mode, transport, pywebio_python)
            for backend, transport in sorted(PYWEBIO_BACKENDS.items())
            for mode in MODES
        ]
    targets += [Target(FLOOR, library, "", "websocket", python) for library in sorted(FLOORS)]
    return targets


#: What ``--quick`` keeps: every kind of target, webio-core's WebSocket backend in both
#: modes, an HTTP backend, PyWebIO's counterparts in thread mode, and one floor.
QUICK = {
    (CORE, "tornado", "thread"),
    (CORE, "tornado", "coroutine"),
    (CORE, "flask", "thread"),
    (PYWEBIO, "tornado", "thread"),
    (PYWEBIO, "flask", "thread"),
    (FLOOR, "tornado", ""),
}


def core_backends() -> dict[str, str]:
    """webio-core's installed backends and their transports."""
    from webio_core.plugins import get_plugins

    return {name: backend.transport for name, backend in get_plugins().backends.items()}
