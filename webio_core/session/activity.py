"""What a session's app is doing, as two answers drawn from the same counters.

*Busy* (shown on the page as a discreet sign after a moment without new output): a callback is
running, or the app's main task runs and waits for no form or pin change. Reading a pin or
waiting for the browser is work, not waiting for the user.

*Settled* (used by HTTP transports to answer an event's request as soon as the app has reacted
to it, instead of after a fixed delay): every event up to a given seq has been taken up by the
app, and everything running (the main task, each callback) waits for the client again, the
user or the browser, or has ended.
"""

from __future__ import annotations

import threading
from typing import Callable, Optional


class Activity:
    """The counters behind both states. ``notify(busy)`` is called on each change of the busy
    state, under a lock (so changes reach the page in order): it must not block. Listeners
    added with :meth:`add_listener` are called after every change (to re-check
    :meth:`settled`)."""

    __slots__ = (
        "_busy",
        "_callbacks",
        "_client_waits",
        "_listeners",
        "_lock",
        "_main",
        "_notify",
        "_taken",
        "_user_waits",
    )

    def __init__(self, notify: Callable[[bool], None]) -> None:
        self._notify = notify
        self._listeners: Optional[list[Callable[[], None]]] = None
        # Reentrant: delivering the notice may run a callback on this thread (in-process tests).
        self._lock = threading.RLock()
        self._main = False
        self._user_waits = 0
        self._client_waits = 0
        self._callbacks = 0
        self._taken = 0
        self._busy = False

    def add_listener(self, listener: Callable[[], None]) -> None:
        if self._listeners is None:
            self._listeners = []
        self._listeners.append(listener)

    def main(self, running: bool) -> None:
        """The app's main task started (True) or ended (False)."""
        self._update(main=running)

    def waiting_for_client(self, by_user: bool = True) -> Waiting:
        """A wait for the page's answer, for the length of a ``with`` block: from the user (a
        form), or from the browser itself (``by_user=False``: eval_js, reading a pin), which is
        not waiting for the user."""
        return Waiting(self, by_user)

    def waiting_for_user(self) -> Waiting:
        return Waiting(self, True)

    def begin_callback(self) -> None:
        """A callback was dispatched: it counts from then on, not from when a thread or the
        loop gets round to running it, so that no one takes the app for settled in between."""
        self._update(callbacks=1)

    def end_callback(self) -> None:
        self._update(callbacks=-1)

    def taken(self, seq: int) -> None:
        """The client event ``seq`` has been taken up by whatever handles it (and so have the
        ones before it, which were handled or dropped earlier)."""
        self._update(taken=seq)

    def settled(self, seq: int) -> bool:
        """Whether the app has taken up every event up to ``seq`` and now only waits."""
        with self._lock:
            running = self._callbacks + (1 if self._main else 0)
            return self._taken >= seq and self._client_waits >= running

    def _update(
        self,
        main: Optional[bool] = None,
        user_waits: int = 0,
        client_waits: int = 0,
        callbacks: int = 0,
        taken: int = 0,
    ) -> None:
        with self._lock:
            if main is not None:
                self._main = main
            self._user_waits += user_waits
            self._client_waits += client_waits
            self._callbacks += callbacks
            if taken > self._taken:
                self._taken = taken
            busy = self._callbacks > 0 or (self._main and self._user_waits == 0)
            if busy != self._busy:
                self._busy = busy
                self._notify(busy)
        if self._listeners:
            for listener in self._listeners:
                listener()


class Waiting:
    """A wait for the client for the length of a ``with`` block; when it ends, the event
    that ended it (``last_event``) counts as taken up, in the same update.

    Held by every waiting input of every idle session, so it is a small object rather than a
    generator-based context manager (about 300 bytes)."""

    __slots__ = ("_activity", "_by_user", "last_event")

    def __init__(self, activity: Activity, by_user: bool) -> None:
        self._activity = activity
        self._by_user = by_user
        self.last_event = 0

    def __enter__(self) -> Waiting:
        self._activity._update(user_waits=self._by_user, client_waits=1)
        return self

    def __exit__(self, *exc: object) -> None:
        self._activity._update(user_waits=-self._by_user, client_waits=-1, taken=self.last_event)
