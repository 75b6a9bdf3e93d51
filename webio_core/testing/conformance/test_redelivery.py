"""Nothing lost, nothing duplicated, over the raw protocol: WebSocket reconnects, HTTP poll
and POST retries, and the last output of a finished app."""

from __future__ import annotations

import json
import threading
import urllib.parse
import urllib.request
from typing import Any

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from webio_core.input import input
from webio_core.output import put_text
from webio_core.session import defer_call
from webio_core.testing import eventually, http_request, serve
from webio_core.testing.raw import answer, receive_until, submit, texts, ws_url

pytestmark = pytest.mark.usefixtures("webio_no_leaked_threads")

TIMEOUT = 10


def two_questions() -> None:
    first = input("first?")
    put_text(f"first={first}")
    second = input("second?")
    put_text(f"second={second}")


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

            submit(socket, form["seq"], answer(1, form["task_id"], "A"))
            after = receive_until(socket, "input_group")
            assert "first=A" in texts(after)
            assert min(c["seq"] for c in after) == form["seq"] + 1


@pytest.mark.webio_transport("websocket")
def test_websocket_a_form_asked_after_busy_is_the_last_command_sent_and_resent(
    webio_backend: str,
) -> None:
    # The page heard the app busy (it worked before asking). The app waits for the user before
    # its form goes out, and the page must hear it in that order: "not busy" after the form
    # would leave a state, not the question, as the last command of a waiting app.
    go = threading.Event()

    def busy_first() -> None:
        go.wait(TIMEOUT)
        two_questions()

    with serve(busy_first, backend=webio_backend, reconnect_timeout=30) as server:
        origin: Any = server.url.rstrip("/")
        with connect(ws_url(server.url), origin=origin) as socket:
            commands = receive_until(socket, "busy")
            assert commands[-1]["spec"] == {"busy": True}
            go.set()
            commands += receive_until(socket, "input_group")
        assert [(c["command"], c["spec"].get("busy")) for c in commands[-2:]] == [
            ("busy", False),
            ("input_group", None),
        ]
        session_id = commands[0]["spec"]["session_id"]
        with connect(ws_url(server.url, session=session_id, ack="1"), origin=origin) as socket:
            assert receive_until(socket, "input_group") == commands[1:]


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


def poll_request(
    url: str, session_id: str, ack: int, body: Any = None
) -> tuple[str, list[Any], int]:
    """(session id, commands, event ack) of one poll, or of one POST of ``body``."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        f"{url}?app=index&ack={ack}",
        data=data,
        method="GET" if body is None else "POST",
        headers={"webio-session-id": session_id},
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        frame = json.loads(response.read())
        return response.headers["webio-session-id"], frame["commands"], frame["ack"]


@pytest.mark.webio_transport("http")
def test_http_poll_retry_gets_the_same_commands_again(webio_backend: str) -> None:
    with serve(two_questions, backend=webio_backend) as server:
        session_id, first, _ = poll_request(server.url, "new", 0)
        assert first[0]["command"] == "session"
        # The answer to a poll may be lost: polling again with the same ack repeats it.
        _, again, _ = poll_request(server.url, session_id, 0)
        assert again[: len(first)] == first
        form = next(c for c in again if c["command"] == "input_group")
        frame = {"ack": form["seq"], "events": [answer(1, form["task_id"], "B")]}
        _, reply, event_ack = poll_request(server.url, session_id, form["seq"], frame)
        assert event_ack == 1
        assert all(c["seq"] > form["seq"] for c in reply)
        assert "first=B" in [c["spec"].get("output", {}).get("content") for c in reply]
        # Acknowledged commands are gone for good.
        _, later, _ = poll_request(server.url, session_id, reply[-1]["seq"])
        assert all(c["seq"] > reply[-1]["seq"] for c in later)


@pytest.mark.webio_transport("websocket")
def test_websocket_events_resent_after_a_reconnect_are_applied_once(webio_backend: str) -> None:
    with serve(two_questions, backend=webio_backend, reconnect_timeout=30) as server:
        origin: Any = server.url.rstrip("/")
        with connect(ws_url(server.url), origin=origin) as socket:
            commands = receive_until(socket, "input_group")
            form = commands[-1]
            # The answer leaves, but the socket drops before the page hears about it.
            submit(socket, form["seq"], answer(1, form["task_id"], "A"))
        session_id = commands[0]["spec"]["session_id"]
        resume = ws_url(server.url, session=session_id, ack=str(form["seq"]))
        with connect(resume, origin=origin) as socket:
            # The page sends what was not acknowledged again, with the same number.
            submit(socket, form["seq"], answer(1, form["task_id"], "A"))
            after = receive_until(socket, "input_group")
            assert texts(after) == ["first=A"]
            second = after[-1]
            submit(socket, second["seq"], answer(2, second["task_id"], "B"))
            assert texts(receive_until(socket, "close_session")) == ["second=B"]


@pytest.mark.webio_transport("http")
def test_http_events_of_a_retried_post_are_applied_once(webio_backend: str) -> None:
    with serve(two_questions, backend=webio_backend) as server:
        session_id, commands, _ = poll_request(server.url, "new", 0)
        while commands[-1]["command"] != "input_group":
            commands += poll_request(server.url, session_id, commands[-1]["seq"])[1]
        form = commands[-1]
        frame = {"ack": form["seq"], "events": [answer(1, form["task_id"], "A")]}
        _, first_reply, _ = poll_request(server.url, session_id, form["seq"], frame)
        # The reply was lost: the page posts the same event again.
        _, second_reply, event_ack = poll_request(server.url, session_id, form["seq"], frame)
        assert event_ack == 1
        _, rest, _ = poll_request(server.url, session_id, form["seq"])
        # Replies repeat what is unacknowledged (the page skips a seq it has); the app took
        # the answer once: one output, one second question.
        unique = {c["seq"]: c for c in first_reply + second_reply + rest}
        commands = [unique[seq] for seq in sorted(unique)]
        assert texts(commands) == ["first=A"]
        assert [c["command"] for c in commands].count("input_group") == 1


def finish_after_one_answer() -> None:
    name = input("name?")
    put_text(f"bye {name}")


@pytest.mark.webio_transport("websocket")
def test_websocket_last_output_survives_a_drop_after_the_last_input(webio_backend: str) -> None:
    with serve(finish_after_one_answer, backend=webio_backend, reconnect_timeout=30) as server:
        origin: Any = server.url.rstrip("/")
        with connect(ws_url(server.url), origin=origin) as socket:
            commands = receive_until(socket, "input_group")
            form = commands[-1]
            submit(socket, form["seq"], answer(1, form["task_id"], "Ada"))
        # Dropped before the last output could arrive (or be acknowledged): the finished
        # session waits for the page to come back for it.
        session_id = commands[0]["spec"]["session_id"]
        resume = ws_url(server.url, session=session_id, ack=str(form["seq"]))
        with connect(resume, origin=origin) as socket:
            final = receive_until(socket, "close_session")
            assert texts(final) == ["bye Ada"]
            socket.send(json.dumps({"ack": final[-1]["seq"], "events": []}))
        # Acknowledged: now the session is gone.
        eventually(lambda: server.endpoint.session(session_id) is None, "the session to go")


@pytest.mark.webio_transport("http")
def test_http_last_output_survives_a_lost_reply_after_the_last_input(webio_backend: str) -> None:
    with serve(finish_after_one_answer, backend=webio_backend) as server:
        session_id, commands, _ = poll_request(server.url, "new", 0)
        while commands[-1]["command"] != "input_group":
            commands += poll_request(server.url, session_id, commands[-1]["seq"])[1]
        form = commands[-1]
        frame = {"ack": form["seq"], "events": [answer(1, form["task_id"], "Ada")]}
        poll_request(server.url, session_id, form["seq"], frame)  # its reply is lost
        final: list[Any] = []
        while not final or final[-1]["command"] != "close_session":
            final += poll_request(server.url, session_id, form["seq"])[1]
        assert texts(final) == ["bye Ada"]
        poll_request(server.url, session_id, final[-1]["seq"])
        assert server.endpoint.session(session_id) is None


@pytest.mark.parametrize("ack", ["²", "9" * 5000, "-1"])
def test_an_unreadable_ack_is_refused_not_an_error(webio_backend: str, ack: str) -> None:
    with serve(two_questions, backend=webio_backend, reconnect_timeout=5) as server:
        origin: Any = server.url.rstrip("/")
        if server.transport == "http":
            session_id, _, _ = poll_request(server.url, "new", 0)
            status, _, _ = http_request(
                server.url,
                query={"app": "index", "ack": ack},
                headers={"webio-session-id": session_id},
            )
            assert status == 400
            return
        with connect(ws_url(server.url), origin=origin) as socket:
            session_id = receive_until(socket, "input_group")[0]["spec"]["session_id"]
        late = ws_url(server.url, session=session_id, ack=urllib.parse.quote(ack))
        with connect(late, origin=origin) as socket, pytest.raises(ConnectionClosed) as refused:
            socket.recv(timeout=TIMEOUT)
        assert refused.value.rcvd is not None and refused.value.rcvd.code == 4404
