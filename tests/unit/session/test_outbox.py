"""webio_core.session.outbox: numbering, acknowledgement, the send window and its waiting."""

from __future__ import annotations

import json
import threading
import time

import pytest

from webio_core.protocol import Message, ProtocolError, encode_frame
from webio_core.protocol.commands import CLOSE_SESSION, DESTROY_FORM, INPUT_GROUP, OUTPUT, EmptySpec
from webio_core.protocol.feedback import BUSY, BusySpec
from webio_core.session.outbox import Outbox, OutboxOverflow


def output(**spec):
    return OUTPUT({"scope": "ROOT", "position": -1, "output": spec})


def fill(outbox: Outbox, count: int) -> None:
    for _ in range(count):
        outbox.append(output())


def test_numbers_from_one():
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
    assert [c.seq for c in outbox.after(0, limit=1)] == [1]


def test_acknowledge_drops_up_to_ack():
    outbox = Outbox()
    fill(outbox, 5)
    outbox.acknowledge(3)
    assert [c.seq for c in outbox.after(3)] == [4, 5]
    outbox.acknowledge(3)  # repeated acks are harmless
    outbox.acknowledge(1)  # so are stale ones
    assert outbox.acked == 3 and [c.seq for c in outbox.after(3)] == [4, 5]
    outbox.acknowledge(5)
    assert outbox.after(5) == [] and outbox.fully_acked
    # Numbering goes on after everything was acknowledged.
    assert outbox.append(output()).seq == 6


def test_ack_beyond_last_seq_changes_nothing():
    outbox = Outbox()
    outbox.append(output())
    with pytest.raises(ProtocolError):
        outbox.acknowledge(2)
    assert outbox.acked == 0 and [c.seq for c in outbox.after(0)] == [1]


def test_unknown_commands_are_refused():
    with pytest.raises(ValueError, match="eval"):
        Outbox().append(Message("eval", {}, ""))


def test_nothing_unacknowledged_is_ever_dropped():
    outbox = Outbox(window=3)
    fill(outbox, 10)  # past the window: only a coroutine app that does not wait gets here
    assert all(outbox.can_replay_after(seq) for seq in range(0, 11))
    outbox.acknowledge(4)
    assert not outbox.can_replay_after(3), "a page cannot need what it acknowledged"
    assert [c.seq for c in outbox.after(4)] == [5, 6, 7, 8, 9, 10]


def test_the_hard_limit_and_recovery():
    outbox = Outbox(limit=3)
    fill(outbox, 3)
    with pytest.raises(OutboxOverflow):
        outbox.append(output())
    assert outbox.last_seq == 3, "a refused command takes no number"
    outbox.acknowledge(1)
    assert outbox.append(output()).seq == 4


def test_the_window_and_waiting_for_room():
    outbox = Outbox(window=3)
    rooms: list[int] = []
    outbox.on_room = lambda: rooms.append(outbox.unacked)
    fill(outbox, 3)
    assert not outbox.has_room
    assert not outbox.wait_for_room(timeout=0.05), "no room until the client acknowledges"
    waited: list[bool] = []
    waiter = threading.Thread(target=lambda: waited.append(outbox.wait_for_room(timeout=5)))
    waiter.start()
    time.sleep(0.05)
    outbox.acknowledge(1)
    waiter.join(5)
    assert waited == [True] and outbox.has_room and rooms == [2]


def test_closing_wakes_a_waiting_app():
    outbox = Outbox(window=1)
    fill(outbox, 1)
    waited: list[bool] = []
    waiter = threading.Thread(target=lambda: waited.append(outbox.wait_for_room(timeout=5)))
    waiter.start()
    time.sleep(0.05)
    outbox.close()
    waiter.join(5)
    assert waited == [False]


def test_silence_is_counted_while_commands_wait():
    outbox = Outbox()
    assert outbox.silent_for() == 0
    fill(outbox, 2)
    start = time.monotonic()
    assert outbox.silent_for(start + 30) >= 30
    outbox.acknowledge(1)  # progress: the clock starts again
    assert outbox.silent_for(time.monotonic()) < 1
    outbox.acknowledge(2)
    assert outbox.silent_for() == 0


def test_is_thread_safe():
    outbox = Outbox(window=100_000)

    def producer():
        fill(outbox, 2000)

    threads = [threading.Thread(target=producer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [c.seq for c in outbox.after(0)] == list(range(1, 8001))


def test_encode_frame():
    outbox = Outbox()
    outbox.append(output(type="text", content="</script>é"))
    outbox.append(DESTROY_FORM(EmptySpec(), 'f"2'))
    decoded = json.loads(encode_frame(outbox.after(0), event_ack=7))
    assert decoded == {
        "ack": 7,
        "commands": [
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
            {"seq": 2, "command": "destroy_form", "task_id": 'f"2', "spec": {}},
        ],
    }
    assert json.loads(encode_frame([], 0)) == {"ack": 0, "commands": []}
    assert outbox.after(0)[1].spec == {}


def busy(value: bool) -> Message:
    return BUSY(BusySpec(busy=value))


NOT_BUSY = BusySpec(busy=False)


def test_a_state_is_numbered_when_the_outbox_is_read():
    outbox = Outbox()
    outbox.append(output(type="text"))
    outbox.set_state(busy(True), initial=NOT_BUSY)
    assert outbox.last_seq == 1, "not numbered until a transport reads"
    outbox.append(output(type="text"))
    sent = outbox.after(0)
    assert [(c.seq, c.command) for c in sent] == [(1, "output"), (2, "output"), (3, "busy")]
    assert sent[-1].spec == {"busy": True}


def test_a_state_changed_and_changed_back_before_a_read_is_not_sent():
    outbox = Outbox()
    outbox.set_state(busy(True), initial=NOT_BUSY)
    outbox.set_state(busy(False), initial=NOT_BUSY)
    assert outbox.after(0) == [] and outbox.last_seq == 0
    outbox.set_state(busy(True), initial=NOT_BUSY)
    assert [c.spec for c in outbox.after(0)] == [{"busy": True}]
    # The page shows busy now: the same state again is nothing new, its opposite is.
    outbox.set_state(busy(True), initial=NOT_BUSY)
    assert len(outbox.after(0)) == 1
    outbox.set_state(busy(False), initial=NOT_BUSY)
    assert [c.spec for c in outbox.after(0)] == [{"busy": True}, {"busy": False}]


def test_a_state_is_not_held_back_by_the_window():
    outbox = Outbox(window=2)
    fill(outbox, 2)
    assert not outbox.has_room
    outbox.set_state(busy(True), initial=NOT_BUSY)
    assert [c.command for c in outbox.after(0)] == ["output", "output", "busy"]


def test_the_last_command_comes_after_the_waiting_states():
    """A page reads nothing after close_session: a state still waiting goes before it."""
    outbox = Outbox()
    outbox.set_state(busy(True), initial=NOT_BUSY)
    outbox.after(0)
    outbox.set_state(busy(False), initial=NOT_BUSY)
    outbox.append_last(CLOSE_SESSION(EmptySpec()))
    assert [c.command for c in outbox.after(0)] == ["busy", "busy", "close_session"]


def test_states_numbered_on_demand_come_before_the_next_command():
    outbox = Outbox()
    outbox.set_state(busy(True), initial=NOT_BUSY)
    outbox.after(0)  # the page shows busy
    outbox.set_state(busy(False), initial=NOT_BUSY)
    outbox.number_states()  # the app asks the user next
    outbox.append(output(type="text"))
    assert [(c.command, c.spec.get("busy")) for c in outbox.after(0)] == [
        ("busy", True),
        ("busy", False),
        ("output", None),
    ]
    outbox.set_state(busy(False), initial=NOT_BUSY)
    outbox.number_states()  # unchanged: nothing numbered
    assert outbox.last_seq == 3
