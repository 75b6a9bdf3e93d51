"""Whether a session's app is working with nothing to ask the user: the page then shows a
discreet busy sign (after a moment without new output), gone as soon as the app waits for the
user again or finishes.

Busy means: a callback is running, or the app's main task runs and waits for no form or pin
change. Reading a pin or waiting for the browser is work, not waiting for the user.
"""

from __future__ import annotations

import threading
from typing import Callable


class Activity:
    """The counters behind the busy state; ``notify(busy)`` is called on each change, under a
    lock (so changes reach the page in order): it must not block."""

    __slots__ = ("_busy", "_callbacks", "_lock", "_main", "_notify", "_waits")

    def __init__(self, notify: Callable[[bool], None]) -> None:
        self._notify = notify
        # Reentrant: delivering the notice may run a callback on this thread (in-process tests).
        self._lock = threading.RLock()
        self._main = False
        self._waits = 0
        self._callbacks = 0
        self._busy = False

    def main(self, running: bool) -> None:
        """The app's main task started (True) or ended (False)."""
        self._update(main=running)

    def waiting_for_user(self) -> _Counted:
        return _Counted(self, waits=True)

    def running_callback(self) -> _Counted:
        return _Counted(self, waits=False)

    def _update(self, main: bool | None = None, waits: int = 0, callbacks: int = 0) -> None:
        with self._lock:
            if main is not None:
                self._main = main
            self._waits += waits
            self._callbacks += callbacks
            busy = self._callbacks > 0 or (self._main and self._waits == 0)
            if busy != self._busy:
                self._busy = busy
                self._notify(busy)


class _Counted:
    """A wait for the user (or a running callback) for the length of a ``with`` block.

    Held by every waiting input of every idle session, so it is a small object rather than a
    generator-based context manager (about 300 bytes)."""

    __slots__ = ("_activity", "_waits")

    def __init__(self, activity: Activity, waits: bool) -> None:
        self._activity = activity
        self._waits = waits

    def __enter__(self) -> None:
        self._count(1)

    def __exit__(self, *exc: object) -> None:
        self._count(-1)

    def _count(self, change: int) -> None:
        if self._waits:
            self._activity._update(waits=change)
        else:
            self._activity._update(callbacks=change)
