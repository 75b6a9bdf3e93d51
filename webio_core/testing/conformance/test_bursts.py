"""Bursts of output: a client that reads gets every command of a long burst, and HTTP replies
stay inside the replay window (a long burst comes in several bounded replies)."""

from __future__ import annotations

import json

import pytest

from webio_core.input import input
from webio_core.output import put_text
from webio_core.protocol import MAX_COMMANDS_PER_FRAME, SEND_WINDOW
from webio_core.testing import app_variant, eventually, http_request, serve

pytestmark = pytest.mark.usefixtures("webio_no_leaked_threads")

BURST = 2500


def burst_then_wait() -> None:
    for i in range(BURST):
        put_text(f"line {i}")
    input("done?")


@pytest.mark.webio_transport("http")
def test_a_burst_comes_in_bounded_replies_flagged_as_partial(webio_backend):
    with serve(burst_then_wait, backend=webio_backend) as server:
        status, headers, body = http_request(server.url, headers={"webio-session-id": "new"})
        assert status == 200
        session_id = headers["webio-session-id"]
        commands = json.loads(body)["commands"]
        first_reply = len(commands)
        # The session, the burst, the form, and the busy state if it was sent while the app
        # worked: wait until all of it is in the outbox (reading it numbers the busy state).
        (session,) = server.app.sessions
        outbox = session.outbox
        eventually(
            lambda: any(c.command == "input_group" for c in outbox.after(0)), "the whole burst"
        )
        total = outbox.last_seq
        assert BURST + 2 <= total <= BURST + 4
        replies = []
        while not any(c["command"] == "input_group" for c in commands):
            status, headers, body = http_request(
                server.url,
                query={"ack": str(commands[-1]["seq"])},
                headers={"webio-session-id": session_id},
            )
            assert status == 200
            batch = json.loads(body)["commands"]
            replies.append((len(batch), headers.get("webio-more")))
            commands.extend(batch)

    assert [c["seq"] for c in commands] == list(range(1, total + 1)), "lost or repeated"
    rest = total - first_reply
    expected = [MAX_COMMANDS_PER_FRAME] * (rest // MAX_COMMANDS_PER_FRAME)
    if rest % MAX_COMMANDS_PER_FRAME:
        expected.append(rest % MAX_COMMANDS_PER_FRAME)
    assert [size for size, _ in replies] == expected
    assert [more for _, more in replies] == ["1"] * (len(expected) - 1) + [None]


def test_burst_of_outputs_beyond_the_send_window(webio_backend, session_kind):
    # More commands in one burst than may wait for acknowledgement: the app is slowed, not
    # stopped, and a client that reads (acknowledging as the browser does) gets all of them.
    count = SEND_WINDOW * 2

    def scenario():
        for i in range(count):
            yield put_text(f"line {i}")  # a coroutine app awaits room; a thread app blocks
        put_text("all done")
        yield input("wait")

    app = app_variant(scenario, session_kind)

    with serve(app, backend=webio_backend) as server, server.client() as user:
        user.wait_until(
            lambda page: page.closed or "all done" in page.texts(), "the end", timeout=30
        )
        assert not user.page.closed, "the session was closed while its client was reading"
        assert user.texts()[-1] == "all done"
        assert len(user.texts()) == count + 1
