"""Nothing lost, nothing duplicated: WebSocket reconnects and HTTP poll retries."""

from __future__ import annotations

import json
import threading
import urllib.request
from typing import Any

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from webio_core.input import input
from webio_core.output import put_text
from webio_core.session import defer_call
from webio_core.testing import serve

pytestmark = pytest.mark.usefixtures("webio_no_leaked_threads")

TIMEOUT = 10


def two_questions() -> None:
    first = input("first?")
    put_text(f"first={first}")
    second = input("second?")
    put_text(f"second={second}")


def ws_url(http_url: str, **query: str) -> str:
    params = "&".join(f"{k}={v}" for k, v in {"app": "index", **query}.items())
    return http_url.replace("http://", "ws://") + "?" + params


def receive_until(socket: ClientConnection, wanted: str) -> list[dict[str, Any]]:
    """Commands received until one of them is ``wanted``."""
    seen: list[dict[str, Any]] = []
    while not any(c["command"] == wanted for c in seen):
        seen.extend(json.loads(socket.recv(timeout=TIMEOUT)))
    return seen


def submit(socket: ClientConnection, ack: int, task_id: str, value: str) -> None:
    event = {"event": "from_submit", "task_id": task_id, "data": {"data": value}}
    socket.send(json.dumps({"ack": ack, "events": [event]}))


@pytest.mark.webio_transport("websocket")
def test_websocket_reconnect_resends_unacknowledged_commands(webio_backend: str) -> None:
    with serve(two_questions, backend=webio_backend, reconnect_timeout=30) as server:
        origin: Any = server.url.rstrip("/")
        with connect(ws_url(server.url), origin=origin) as socket:
            commands = receive_until(socket, "input_group")
        # The connection is lost having acknowledged only the session command.
        session_id = commands[0]["spec"]["session_id"]
        assert commands[0]["command"] == "session"
        form = next(c for c in commands if c["command"] == "input_group")

        with connect(ws_url(server.url, session=session_id, ack="1"), origin=origin) as socket:
            resent = receive_until(socket, "input_group")
            assert [c["seq"] for c in resent] == [c["seq"] for c in commands[1:]]
            assert resent[-1] == form

            submit(socket, form["seq"], form["task_id"], "A")
            after = receive_until(socket, "input_group")
            assert {"first=A"} <= {c["spec"].get("output", {}).get("content") for c in after}
            assert min(c["seq"] for c in after) == form["seq"] + 1


@pytest.mark.webio_transport("websocket")
def test_websocket_reconnect_after_timeout_is_refused(webio_backend: str) -> None:
    closed = threading.Event()

    def app() -> None:
        defer_call(closed.set)
        input("never answered")

    with serve(app, backend=webio_backend, reconnect_timeout=0.2) as server:
        origin: Any = server.url.rstrip("/")
        with connect(ws_url(server.url), origin=origin) as socket:
            session_id = receive_until(socket, "input_group")[0]["spec"]["session_id"]
        assert closed.wait(TIMEOUT), "the session did not expire after reconnect_timeout"
        late_url = ws_url(server.url, session=session_id, ack="0")
        with connect(late_url, origin=origin) as late, pytest.raises(ConnectionClosed) as refused:
            late.recv(timeout=TIMEOUT)
        assert refused.value.rcvd is not None and refused.value.rcvd.code == 4404


def poll_request(url: str, session_id: str, ack: int, body: Any = None) -> tuple[str, list[Any]]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        f"{url}?app=index&ack={ack}",
        data=data,
        method="GET" if body is None else "POST",
        headers={"webio-session-id": session_id},
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        return response.headers["webio-session-id"], json.loads(response.read())


@pytest.mark.webio_transport("http")
def test_http_poll_retry_gets_the_same_commands_again(webio_backend: str) -> None:
    with serve(two_questions, backend=webio_backend) as server:
        session_id, first = poll_request(server.url, "new", 0)
        assert first[0]["command"] == "session"
        # The answer to a poll may be lost: polling again with the same ack repeats it.
        _, again = poll_request(server.url, session_id, 0)
        assert again[: len(first)] == first
        form = next(c for c in again if c["command"] == "input_group")
        event = {"event": "from_submit", "task_id": form["task_id"], "data": {"data": "B"}}
        _, reply = poll_request(
            server.url, session_id, form["seq"], {"ack": form["seq"], "events": [event]}
        )
        assert all(c["seq"] > form["seq"] for c in reply)
        assert "first=B" in [c["spec"].get("output", {}).get("content") for c in reply]
        # Acknowledged commands are gone for good.
        _, later = poll_request(server.url, session_id, reply[-1]["seq"])
        assert all(c["seq"] > reply[-1]["seq"] for c in later)
