"""webio_core.session.outbox: numbering, acknowledgement and the two bounds of the outbox."""

from __future__ import annotations

import json
import threading

import pytest

from webio_core.protocol import Message, ProtocolError, encode_commands
from webio_core.protocol.commands import DESTROY_FORM, INPUT_GROUP, OUTPUT, EmptySpec
from webio_core.session.outbox import Outbox, OutboxOverflow


def output(**spec):
    return OUTPUT({"scope": "ROOT", "position": -1, "output": spec})


# ---- Outbox --------------------------------------------------------------------------------------


def test_outbox_numbers_from_one():
    outbox = Outbox()
    assert outbox.last_seq == 0
    first = outbox.append(output(type="text"))
    second = outbox.append(INPUT_GROUP({"label": "", "inputs": [], "cancelable": False}, "f1"))
    assert (first.seq, second.seq) == (1, 2)
    assert second.task_id == "f1" and first.task_id == ""
    assert outbox.last_seq == 2
    assert [c.seq for c in outbox.after(0)] == [1, 2]
    assert [c.seq for c in outbox.after(1)] == [2]
    assert outbox.after(2) == []


def test_outbox_acknowledge_drops_up_to_ack():
    outbox = Outbox()
    for _ in range(5):
        outbox.append(output())
    outbox.acknowledge(3)
    assert [c.seq for c in outbox.after(0)] == [4, 5]
    outbox.acknowledge(3)  # repeated acks are harmless
    outbox.acknowledge(1)  # so are stale ones
    assert [c.seq for c in outbox.after(0)] == [4, 5]
    outbox.acknowledge(5)
    assert outbox.after(0) == []
    # Numbering goes on after everything was acknowledged.
    assert outbox.append(output()).seq == 6


def test_outbox_ack_beyond_last_seq():
    outbox = Outbox()
    outbox.append(output())
    with pytest.raises(ProtocolError):
        outbox.acknowledge(2)
    # Nothing was dropped by the refused acknowledgement.
    assert [c.seq for c in outbox.after(0)] == [1]


def test_outbox_refuses_unknown_commands():
    with pytest.raises(ValueError, match="eval"):
        Outbox().append(Message("eval", {}, ""))


def test_outbox_overflow_and_recovery():
    outbox = Outbox(limit=3)
    for _ in range(3):
        outbox.append(output())
    with pytest.raises(OutboxOverflow):
        outbox.append(output())
    assert outbox.last_seq == 3, "a refused command takes no number"
    outbox.acknowledge(1)
    assert outbox.append(output()).seq == 4


def test_outbox_is_thread_safe():
    outbox = Outbox(limit=100_000)

    def producer():
        for _ in range(2000):
            outbox.append(output())

    threads = [threading.Thread(target=producer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seqs = [c.seq for c in outbox.after(0)]
    assert seqs == list(range(1, 8001))


def test_encode_commands():
    outbox = Outbox()
    outbox.append(output(type="text", content="</script>é"))
    outbox.append(DESTROY_FORM(EmptySpec(), "f2"))
    decoded = json.loads(encode_commands(outbox.after(0)))
    assert decoded == [
        {
            "seq": 1,
            "command": "output",
            "task_id": "",
            "spec": {
                "scope": "ROOT",
                "position": -1,
                "output": {"type": "text", "content": "</script>é"},
            },
        },
        {"seq": 2, "command": "destroy_form", "task_id": "f2", "spec": {}},
    ]
    assert encode_commands([]) == "[]"


# ---- bounds ----


def fill(outbox: Outbox, count: int) -> None:
    for _ in range(count):
        outbox.append(output())


def test_undelivered_commands_are_bounded() -> None:
    outbox = Outbox(limit=5, replay_limit=3)
    fill(outbox, 5)
    with pytest.raises(OutboxOverflow):
        outbox.append(output())
    outbox.delivered(2)
    fill(outbox, 2)  # delivery made room although nothing was acknowledged


def test_delivered_commands_beyond_the_replay_window_are_dropped() -> None:
    outbox = Outbox(limit=100, replay_limit=3)
    fill(outbox, 10)
    outbox.delivered(8)
    assert [c.seq for c in outbox.after(0)] == [6, 7, 8, 9, 10]
    assert outbox.can_replay_after(5)
    assert not outbox.can_replay_after(4)
    assert [c.seq for c in outbox.after(7)] == [8, 9, 10]


def test_acknowledged_commands_are_gone_and_replay_starts_after_them() -> None:
    outbox = Outbox(limit=100, replay_limit=100)
    fill(outbox, 4)
    outbox.acknowledge(3)
    assert [c.seq for c in outbox.after(3)] == [4]
    assert outbox.can_replay_after(3) and outbox.can_replay_after(4)
    assert not outbox.can_replay_after(2)
    assert not outbox.can_replay_after(5)  # beyond what was ever sent
