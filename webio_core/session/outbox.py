"""The numbered commands of one session, kept until the client acknowledges them."""

from __future__ import annotations

import itertools
import threading
from collections import deque
from typing import Optional

from ..protocol import COMMANDS, OUTBOX_LIMIT, REPLAY_LIMIT, Command, Message, ProtocolError


class OutboxOverflow(RuntimeError):
    """The client stopped acknowledging commands; its session cannot keep buffering them."""


class Outbox:
    """Numbered commands waiting for the client's acknowledgement. Thread-safe.

    Two bounds keep memory finite without punishing a client that reads: at most
    ``limit`` commands not yet delivered (more means the client is gone or stuck), and at most
    ``replay_limit`` delivered but unacknowledged ones (older ones are dropped; a reconnect that
    would need them is refused, see :meth:`can_replay_after`).
    """

    def __init__(self, limit: int = OUTBOX_LIMIT, replay_limit: int = REPLAY_LIMIT) -> None:
        self._lock = threading.Lock()
        # Always the contiguous run of seq numbers (_dropped_seq, _last_seq].
        self._commands: deque[Command] = deque()
        self._last_seq = 0
        self._delivered_seq = 0
        self._dropped_seq = 0
        self._acked = 0
        self._limit = limit
        self._replay_limit = replay_limit

    @property
    def last_seq(self) -> int:
        return self._last_seq

    @property
    def acked(self) -> int:
        """The highest acknowledgement received (requests may arrive out of order)."""
        return self._acked

    def append(self, message: Message) -> Command:
        if message.command not in COMMANDS:
            raise ValueError(f"unknown server command {message.command!r}")
        with self._lock:
            undelivered = self._last_seq - self._delivered_seq
            if undelivered >= self._limit:
                raise OutboxOverflow(
                    f"{undelivered} commands are waiting for delivery; the client is not reading"
                )
            self._last_seq += 1
            command = Command(self._last_seq, message)
            self._commands.append(command)
            return command

    def acknowledge(self, ack: int) -> None:
        with self._lock:
            if ack > self._last_seq:
                # A client cannot have seen commands that were never sent.
                raise ProtocolError(f"ack {ack} is beyond the last sent command {self._last_seq}")
            self._acked = max(self._acked, ack)
            self._delivered_seq = max(self._delivered_seq, ack)
            self._drop_through(ack)

    def delivered(self, seq: int) -> None:
        """The transport handed the commands up to ``seq`` to the client."""
        with self._lock:
            self._delivered_seq = max(self._delivered_seq, min(seq, self._last_seq))
            self._drop_through(self._delivered_seq - self._replay_limit)

    def _drop_through(self, seq: int) -> None:
        while self._commands and self._commands[0].seq <= seq:
            self._dropped_seq = self._commands.popleft().seq

    def can_replay_after(self, seq: int) -> bool:
        """Whether every command after ``seq`` is still here to be sent again."""
        return self._dropped_seq <= seq <= self._last_seq

    def after(self, seq: int, limit: Optional[int] = None) -> list[Command]:
        """The commands numbered above ``seq`` that are still kept (the first ``limit``)."""
        with self._lock:
            start = max(0, seq - self._dropped_seq)
            stop = None if limit is None else start + limit
            return list(itertools.islice(self._commands, start, stop))
