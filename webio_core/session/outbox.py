"""The numbered commands of one session, kept until the client acknowledges them.

Nothing is dropped before the client acknowledged it, so a reconnect or a retried poll can always
be served. Memory stays bounded by back-pressure instead: while ``window`` commands wait for an
acknowledgement, :meth:`Outbox.wait_for_room` blocks (thread-based apps) and coroutine-based
apps can await room; ``limit`` is a last ceiling for an app that nothing can slow.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import deque
from typing import Any, Callable, Optional

from ..protocol import COMMANDS, OUTBOX_LIMIT, SEND_WINDOW, Command, Message, ProtocolError


def _nobody_waits() -> None:
    pass  # one function for every outbox: a lambda each would cost ~150 bytes a session


class OutboxOverflow(RuntimeError):
    """The session holds ``limit`` commands: its app sends without ever letting them go out."""


class Outbox:
    """Numbered commands waiting for the client's acknowledgement. Thread-safe."""

    # Every session has one, mostly idle and fully acknowledged: what an idle outbox holds is
    # kept small (no deque while nothing waits, no Condition until an app waits for room).
    __slots__ = (
        "_acked",
        "_closed",
        "_commands",
        "_last_seq",
        "_limit",
        "_lock",
        "_room",
        "_shown",
        "_states",
        "_waiting_since",
        "on_room",
        "window",
    )

    def __init__(self, window: int = SEND_WINDOW, limit: int = OUTBOX_LIMIT) -> None:
        self._lock = threading.Lock()
        #: Made on the first wait for room, on _lock.
        self._room: Optional[threading.Condition] = None
        # Always the contiguous run of seq numbers (_acked, _last_seq]; None when empty.
        self._commands: Optional[deque[Command]] = None
        self._last_seq = 0
        self._acked = 0
        self._waiting_since: Optional[float] = None
        self._closed = False
        self.window = window
        self._limit = limit
        #: Called (from any thread, outside the lock) when acknowledgements made room.
        self.on_room: Callable[[], None] = _nobody_waits
        # State commands (see set_state): the latest wanted, and the last numbered, by command.
        self._states: Optional[dict[str, tuple[Message, Any]]] = None
        self._shown: Optional[dict[str, Any]] = None

    @property
    def last_seq(self) -> int:
        return self._last_seq

    @property
    def acked(self) -> int:
        """The highest acknowledgement received (requests may arrive out of order)."""
        return self._acked

    @property
    def unacked(self) -> int:
        return self._last_seq - self._acked

    @property
    def has_room(self) -> bool:
        return self._last_seq - self._acked < self.window

    @property
    def fully_acked(self) -> bool:
        return self._acked == self._last_seq

    def silent_for(self, now: Optional[float] = None) -> float:
        """Seconds for which commands have waited with no acknowledgement coming (0: none wait)."""
        since = self._waiting_since
        return 0.0 if since is None else (now or time.monotonic()) - since

    def append(self, message: Message) -> Command:
        if message.command not in COMMANDS:
            raise ValueError(f"unknown server command {message.command!r}")
        with self._lock:
            return self._append(message)

    def append_last(self, message: Message) -> Command:
        """Append the session's last command: the states still waiting are numbered before
        it, since a page reads nothing after it."""
        with self._lock:
            self._number_states()
            return self._append(message)

    def _append(self, message: Message, limited: bool = True) -> Command:
        """Number ``message`` and keep it; called under the lock."""
        if limited and self._last_seq - self._acked >= self._limit:
            raise OutboxOverflow(f"{self._limit} commands wait for the client")
        self._last_seq += 1
        command = Command(self._last_seq, message)
        if self._commands is None:
            self._commands = deque()
        self._commands.append(command)
        if self._waiting_since is None:
            self._waiting_since = time.monotonic()
        return command

    def set_state(self, message: Message, initial: Any) -> None:
        """Queue a command whose latest value is all that matters (the busy sign). It is
        numbered when a transport next reads the outbox, and only if its spec differs from
        the last one numbered (``initial`` before any): a state changed and changed back in
        between costs nothing. Not held back by the window: it is one small command."""
        with self._lock:
            if self._states is None:
                self._states = {}
            self._states[message.command] = (message, initial)

    def number_states(self) -> None:
        """Number the queued states now (as a read would), before whatever is appended next."""
        with self._lock:
            self._number_states()

    def _number_states(self) -> None:
        """Called under the lock, before commands are read."""
        if not self._states:
            return
        for command, (message, initial) in self._states.items():
            # No dict until a state is numbered: most idle sessions never show busy.
            shown = self._shown
            if message.spec != (initial if shown is None else shown.get(command, initial)):
                if shown is None:
                    shown = self._shown = {}
                shown[command] = message.spec
                self._append(message, limited=False)
        self._states = None

    def acknowledge(self, ack: int) -> None:
        with self._lock:
            if ack > self._last_seq:
                # A client cannot have seen commands that were never sent.
                raise ProtocolError(f"ack {ack} is beyond the last sent command {self._last_seq}")
            if ack <= self._acked:
                return
            self._acked = ack
            if ack == self._last_seq:
                self._commands = None
                self._waiting_since = None
            else:
                commands = self._commands
                assert commands is not None
                while commands[0].seq <= ack:
                    commands.popleft()
                self._waiting_since = time.monotonic()
            if self._room is not None:
                self._room.notify_all()
        self.on_room()

    def can_replay_after(self, seq: int) -> bool:
        """Whether every command after ``seq`` is still here to be sent again."""
        return self._acked <= seq <= self._last_seq

    def after(self, seq: int, limit: Optional[int] = None) -> list[Command]:
        """The commands numbered above ``seq`` that are still kept (the first ``limit``)."""
        with self._lock:
            self._number_states()
            if self._commands is None:
                return []
            start = max(0, seq - self._acked)
            stop = None if limit is None else start + max(0, limit)
            return list(itertools.islice(self._commands, start, stop))

    def wait_for_room(self, timeout: float) -> bool:
        """Block until fewer than ``window`` commands wait for acknowledgement, the outbox is
        closed, or ``timeout`` seconds pass; returns whether there is room."""
        with self._lock:
            if self._room is None:
                self._room = threading.Condition(self._lock)
            self._room.wait_for(lambda: self.has_room or self._closed, timeout)
            return self.has_room

    def close(self) -> None:
        """Wake every app waiting for room: the session is over."""
        with self._lock:
            self._closed = True
            if self._room is not None:
                self._room.notify_all()
