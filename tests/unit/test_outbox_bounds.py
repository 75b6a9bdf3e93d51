"""The outbox's two bounds: undelivered commands, and the replay window of delivered ones."""

from __future__ import annotations

import pytest

from webio_core.protocol import Outbox, OutboxOverflow


def fill(outbox: Outbox, count: int) -> None:
    for _ in range(count):
        outbox.append("output", {})


def test_undelivered_commands_are_bounded() -> None:
    outbox = Outbox(limit=5, replay_limit=3)
    fill(outbox, 5)
    with pytest.raises(OutboxOverflow):
        outbox.append("output", {})
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
