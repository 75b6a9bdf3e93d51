"""A session's socket handed over between event loops of one process: with scale-out a page
that resumes through another process is served by a connection on the bus's loop, while its
old socket (or the one that started the session) lives on the backend's loop. Each socket is
only ever written to or closed on its own loop (frameworks are not thread-safe: Tornado's
stream broke, aiohttp's loop did not wake to close the old socket)."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Callable

from webio_core.input import input
from webio_core.output import put_text
from webio_core.plugins import get_plugins
from webio_core.protocol.constants import QUERY_ACK, QUERY_APP, QUERY_SESSION
from webio_core.server import Endpoint
from webio_core.server.registry import Connection
from webio_core.server.request import Request
from webio_core.server.ws import WebSocketTransport
from webio_core.testing import eventually


def ask_once() -> None:
    put_text(f"said {input('say')}")


class Loop:
    """An event loop on a thread of its own, as a backend's or the bus's."""

    def __init__(self, name: str) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name=name, daemon=True)
        self.thread.start()

    def run(self, call: Callable[[], Any]) -> Any:
        async def on_loop() -> Any:
            return call()

        return asyncio.run_coroutine_threadsafe(on_loop(), self.loop).result(timeout=5)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)
        self.loop.close()


class Socket:
    """A socket of one loop: what was sent and closed on it, and on which thread."""

    def __init__(self, loop: Loop) -> None:
        self.loop = loop
        self.frames: list[dict[str, Any]] = []
        self.closed: list[int] = []
        self.wrong_thread: list[str] = []
        self.connection: Connection

    def send(self, text: str) -> None:
        self._check("send")
        self.frames.append(json.loads(text))

    def close(self, code: int, reason: str) -> None:
        self._check("close")
        self.closed.append(code)

    def _check(self, what: str) -> None:
        if threading.current_thread() is not self.loop.thread:
            self.wrong_thread.append(f"{what} on {threading.current_thread().name}")

    def commands(self) -> list[dict[str, Any]]:
        return [command for frame in self.frames for command in frame["commands"]]


@contextmanager
def two_loops() -> Iterator[tuple[WebSocketTransport, Loop, Loop]]:
    backend_plugin = get_plugins().backend("tornado")
    endpoint = Endpoint.for_server(ask_once, backend_plugin, reconnect_timeout=30)
    backend, bus = Loop("backend-loop"), Loop("bus-loop")
    try:
        yield WebSocketTransport(endpoint), backend, bus
    finally:
        endpoint.shutdown()
        backend.stop()
        bus.stop()


def open_socket(transport: WebSocketTransport, loop: Loop, **query: str) -> Socket:
    socket = Socket(loop)
    request = Request("GET", {QUERY_APP: "index", **query}, {}, path="/")
    socket.connection = loop.run(
        lambda: transport.connect(request, loop.loop, socket.send, socket.close)
    )
    return socket


def started(transport: WebSocketTransport, loop: Loop) -> tuple[Socket, str, dict[str, Any]]:
    """A page's first socket, on ``loop``: the socket, its session's id, the form it shows."""
    socket = open_socket(transport, loop)
    eventually(lambda: any(c["command"] == "input_group" for c in socket.commands()), "a form")
    commands = socket.commands()
    return socket, commands[0]["spec"]["session_id"], commands[-1]


def answer(form: dict[str, Any], value: str) -> str:
    event = {"seq": 1, "event": "from_submit", "task_id": form["task_id"], "data": {"data": value}}
    return json.dumps({"ack": form["seq"], "events": [event]})


def test_the_old_socket_is_closed_on_its_own_loop_when_the_page_resumes_on_another() -> None:
    with two_loops() as (transport, backend, bus):
        first, session_id, form = started(transport, backend)
        # The page lost it without the server noticing, and resumed through another process.
        second = open_socket(transport, bus, **{QUERY_SESSION: session_id, QUERY_ACK: "1"})

        eventually(lambda: first.closed, "the old socket to be closed")
        assert first.closed == [1000]
        assert first.wrong_thread == []
        bus.run(lambda: second.connection.on_message(answer(form, "x")))
        eventually(lambda: "said x" in str(second.commands()), "the answer, on the new socket")


def test_a_session_that_ends_while_another_loop_serves_it_is_finished_there() -> None:
    with two_loops() as (transport, backend, bus):
        first, session_id, form = started(transport, backend)
        backend.run(first.connection.on_close)  # nginx restarted
        second = open_socket(transport, bus, **{QUERY_SESSION: session_id, QUERY_ACK: "1"})
        session = transport.endpoint.session(session_id)
        assert session is not None

        def answer_and_wait() -> None:
            # The bus's loop is busy while the app ends and the backend's loop hears of it.
            second.connection.on_message(answer(form, "x"))
            eventually(lambda: session.closed, "the app to end")
            backend.run(lambda: None)  # what the backend's loop was asked before, it did

        bus.run(answer_and_wait)
        eventually(lambda: "close_session" in str(second.commands()), "the end, on the page")
        last = second.commands()[-1]["seq"]
        bus.run(lambda: second.connection.on_message(json.dumps({"ack": last, "events": []})))
        eventually(lambda: second.closed, "the finished session's socket to close")

        assert "said x" in str(second.commands())
        assert first.closed == [] and second.closed == [1000]
        assert first.wrong_thread == [] and second.wrong_thread == []
