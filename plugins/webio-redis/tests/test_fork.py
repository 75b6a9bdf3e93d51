"""A bus forked with its process (gunicorn --preload forks workers from a master that imported
the app): the child starts a bus of its own on first use, and the parent's goes on."""

from __future__ import annotations

import json
import os
import signal
import time
import warnings
from typing import Any, Callable

from webio_redis import RedisBus

from webio_core.testing import eventually
from webio_core.testing.redis import RedisServer

#: Longest time the child may take; it is killed after that.
CHILD_TIMEOUT = 20


class Heard:
    """A bus listener that keeps what it heard."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, bytes]] = []

    def on_message(self, channel: str, data: bytes) -> None:
        self.messages.append((channel, data))

    def on_lost(self) -> None:
        pass

    async def on_tick(self) -> None:
        pass


def in_child(work: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """``work()`` run in a forked child of this process; what it returned, or the error it
    raised (as ``{"error": ...}``)."""
    reader, writer = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # forking a process with threads
        pid = os.fork()
    if pid == 0:  # the child: never back into pytest
        os.close(reader)
        signal.alarm(CHILD_TIMEOUT)
        try:
            outcome = work()
        except BaseException as exc:
            outcome = {"error": repr(exc)}
        os.write(writer, json.dumps(outcome).encode())
        os._exit(0)
    os.close(writer)
    try:
        deadline = time.monotonic() + CHILD_TIMEOUT + 5
        while os.waitpid(pid, os.WNOHANG) == (0, 0):
            assert time.monotonic() < deadline, "the child did not end"
            time.sleep(0.05)
        with os.fdopen(reader, "rb") as answer:
            return dict(json.loads(answer.read() or b'{"error": "no answer"}'))
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass  # it ended, as it should


def test_a_bus_started_before_a_fork_starts_anew_in_the_child(redis_server: RedisServer) -> None:
    heard = Heard()
    bus = RedisBus(redis_server.url)
    bus.listen(heard)
    bus.subscribe("webio:test:parent")  # the bus runs in the parent
    parent_id = bus.process_id

    def child() -> dict[str, Any]:
        heard.messages.clear()  # the parent's, copied by the fork
        bus.subscribe("webio:test:child")
        to_child = bus.publish("webio:test:child", b"hello child").result(5)
        # Only the parent listens on its channel: the child did not inherit its subscriptions.
        to_parent = bus.publish("webio:test:parent", b"from the child").result(5)
        eventually(lambda: heard.messages, "the child's own message", timeout=5)
        bus.stop()
        return {
            "process_id": bus.process_id,
            "to_child": to_child,
            "to_parent": to_parent,
            "heard": [[channel, data.decode()] for channel, data in heard.messages],
        }

    try:
        outcome = in_child(child)
        assert outcome == {
            "process_id": outcome.get("process_id"),
            "to_child": 1,
            "to_parent": 1,
            "heard": [["webio:test:child", "hello child"]],
        }
        assert outcome["process_id"] not in (parent_id, None, "")

        # The parent's bus was not disturbed by the child's start and stop.
        eventually(lambda: ("webio:test:parent", b"from the child") in heard.messages, "it")
        assert bus.publish("webio:test:parent", b"still here").result(5) == 1
        eventually(lambda: ("webio:test:parent", b"still here") in heard.messages, "its message")
        assert bus.process_id == parent_id
    finally:
        bus.stop()
