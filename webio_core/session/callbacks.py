"""Registered callbacks of one session (button clicks, toast clicks), by callback id."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Callable, Optional

from .tasks import StaleEvent

#: Turns the data of a client ``callback`` event into the callback's positional arguments.
Decoder = Callable[[Any], "tuple[Any, ...]"]


@dataclass
class CallbackEntry:
    """A registered callback and how to run it (PyWebIO's ``callback_options``)."""

    callback: Callable[..., Any]
    decode: Decoder
    #: Thread sessions: run in the session's one callback thread, one click after another,
    #: instead of a new thread per click.
    serial_mode: bool = False
    #: Coroutine sessions: ignore clicks while this coroutine callback is still running.
    mutex_mode: bool = False
    running: bool = False


class Callbacks:
    """Callback entries by id. Thread-safe."""

    __slots__ = ("_entries", "_lock")

    def __init__(self, lock: AbstractContextManager[Any]) -> None:
        """``lock``: the session's own, held as briefly (one lock object fewer per session)."""
        # Made by the first add(): most sessions waiting for input have no button.
        self._entries: Optional[dict[str, CallbackEntry]] = None
        self._lock = lock

    def add(self, callback_id: str, entry: CallbackEntry) -> None:
        with self._lock:
            if self._entries is None:
                self._entries = {}
            self._entries[callback_id] = entry

    def remove(self, callback_id: str) -> None:
        with self._lock:
            if self._entries is not None:
                self._entries.pop(callback_id, None)

    def get(self, callback_id: str) -> CallbackEntry:
        with self._lock:
            entry = None if self._entries is None else self._entries.get(callback_id)
        if entry is None:
            raise StaleEvent(f"no callback {callback_id!r} in this session")
        return entry

    def __bool__(self) -> bool:
        return bool(self._entries)
