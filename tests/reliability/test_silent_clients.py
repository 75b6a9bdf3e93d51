"""A client that stays connected but acknowledges nothing is taken as gone after
``ack_timeout``: its session closes (deferred calls run, the app stops) within that time,
whether the app is blocked by the send window (thread) or not (coroutine)."""

from __future__ import annotations

import threading
import time
import urllib.parse
from typing import Any

from websockets.sync.client import connect

from webio_core.output import put_text
from webio_core.protocol import SEND_WINDOW
from webio_core.session import defer_call
from webio_core.testing import app_variant, http_request, serve

ACK_TIMEOUT = 1.0
#: What detection may take beyond ack_timeout (the watch looks every ack_timeout / 4).
SLACK = 1.5


def test_a_silent_client_is_detected_and_its_session_closed(webio_backend, session_kind):
    closed = threading.Event()
    started: list[float] = []

    def scenario():
        defer_call(closed.set)
        started.append(time.monotonic())
        for i in range(SEND_WINDOW * 2):
            yield put_text(f"line {i}")

    app = app_variant(scenario, session_kind)
    with serve(app, backend=webio_backend, ack_timeout=ACK_TIMEOUT) as server:
        silent = open_silently(server)
        try:
            assert closed.wait(ACK_TIMEOUT + SLACK + 5), "the session was never closed"
            elapsed = time.monotonic() - started[0]
            assert elapsed < ACK_TIMEOUT + SLACK, f"closed after {elapsed:.1f} s"
            assert server.sessions == []
        finally:
            silent()


def open_silently(server: Any):
    """Open a session and never read or acknowledge again; returns how to hang up."""
    if server.transport == "http":
        status, _, _ = http_request(server.url, headers={"webio-session-id": "new"})
        assert status == 200
        return lambda: None
    parts = urllib.parse.urlsplit(server.url)
    origin: Any = f"http://{parts.netloc}"
    socket = connect(f"ws://{parts.netloc}/?app=index", origin=origin).__enter__()
    return socket.close
