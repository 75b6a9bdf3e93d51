"""HTTP replies stay inside the replay window: a long burst comes in several bounded replies."""

from __future__ import annotations

import json

import pytest

from webio_core.input import input
from webio_core.output import put_text
from webio_core.protocol import MAX_COMMANDS_PER_FRAME
from webio_core.testing import serve

BURST = 2500


def burst_then_wait() -> None:
    for i in range(BURST):
        put_text(f"line {i}")
    input("done?")


@pytest.mark.transport("http")
def test_a_burst_comes_in_bounded_replies_flagged_as_partial(backend, http_request, eventually):
    with serve(burst_then_wait, backend=backend) as server:
        status, headers, body = http_request(server.url, headers={"webio-session-id": "new"})
        assert status == 200
        session_id = headers["webio-session-id"]
        commands = json.loads(body)
        first_reply = len(commands)
        # session + the burst + the form: wait until all of it waits in the outbox.
        (session,) = server.app.sessions
        eventually(lambda: session.outbox.last_seq == BURST + 2, "the whole burst")
        replies = []
        while not any(c["command"] == "input_group" for c in commands):
            status, headers, body = http_request(
                server.url,
                query={"ack": str(commands[-1]["seq"])},
                headers={"webio-session-id": session_id},
            )
            assert status == 200
            batch = json.loads(body)
            replies.append((len(batch), headers.get("webio-more")))
            commands.extend(batch)

    assert [c["seq"] for c in commands] == list(range(1, BURST + 3)), "lost or repeated"
    rest = BURST + 2 - first_reply
    expected = [MAX_COMMANDS_PER_FRAME] * (rest // MAX_COMMANDS_PER_FRAME)
    if rest % MAX_COMMANDS_PER_FRAME:
        expected.append(rest % MAX_COMMANDS_PER_FRAME)
    assert [size for size, _ in replies] == expected
    assert [more for _, more in replies] == ["1"] * (len(expected) - 1) + [None]
