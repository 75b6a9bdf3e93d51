"""The API's semantics, once per session kind, on the in-process loopback server.

``serve_app(app)`` serves one test's app in-process; ``make_app(scenario)`` (from the
webio_core pytest plugin) turns a scenario into a thread- or coroutine-based app, following
the ``session_kind`` parameter. No session may leave a thread behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Callable

import pytest

from webio_core.testing import LoopbackServer, eventually, loopback


@pytest.fixture
def serve_app() -> Callable[[Callable[[], Any]], Any]:
    """``with serve_app(app) as server:``; every session must close with its page."""

    @contextmanager
    def serve_app(app: Callable[[], Any]) -> Iterator[LoopbackServer]:
        with loopback(app) as server:
            yield server
            eventually(lambda: not server.sessions, "the sessions of the test's app to close")

    return serve_app


@pytest.fixture(autouse=True)
def _no_leaked_session_threads(webio_no_leaked_threads: None) -> None:
    """Checked after each test, once its sessions have closed."""
