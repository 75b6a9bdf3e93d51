"""frame_batches: commands go out in order, in frames bounded in count and in characters (a
single larger command alone)."""

from __future__ import annotations

from webio_core.protocol import Command, frame_batches
from webio_core.protocol.commands import TOAST, toast_spec


def _commands(*sizes: int) -> list[Command]:
    """Toast commands whose encoded text grows with ``size``."""
    return [Command(seq, TOAST(toast_spec("x" * size))) for seq, size in enumerate(sizes, 1)]


def test_no_commands_no_frames():
    assert frame_batches([]) == []


def test_small_commands_share_a_frame_up_to_the_count_limit():
    commands = _commands(*[1] * 7)
    batches = frame_batches(commands, max_commands=3)
    assert [[c.seq for c in batch] for batch in batches] == [[1, 2, 3], [4, 5, 6], [7]]


def test_the_text_limit_starts_new_frames_and_a_large_command_goes_alone():
    commands = _commands(100, 100, 5000, 100, 100, 100)
    one = len(commands[0].text)
    batches = frame_batches(commands, max_text=3 * one)
    assert [[c.seq for c in batch] for batch in batches] == [[1, 2], [3], [4, 5, 6]]
    assert all(sum(len(c.text) for c in b) <= 3 * one for b in batches if len(b) > 1)
