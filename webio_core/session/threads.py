"""The threads a thread-based session starts: its app's, and its callbacks'.

A ``threading.Thread`` costs about 2.7 KB of heap (its own Event, Condition and dict), more
than everything else an idle session holds; every idle thread-based session keeps one. A
:class:`SessionThread` is a name and a lock over ``_thread.start_new_thread``, and keeps what
the rest of the code and the tests need of a thread: ``is_alive()``, ``join()`` and a list of
the running ones (:func:`running_session_threads`).
"""

from __future__ import annotations

import _thread
import sys
import threading
from typing import Any, Callable, Optional

#: How a session's threads are named (``+ session.short_id``).
TASK_THREAD_PREFIX = "webio-task-"
CALLBACK_THREAD_PREFIX = "webio-callbacks-"

# threading.gettrace/getprofile are Python 3.10's; before, the hooks had only these names.
_trace_hook: Callable[[], Any] = getattr(
    threading, "gettrace", lambda: getattr(threading, "_trace_hook", None)
)
_profile_hook: Callable[[], Any] = getattr(
    threading, "getprofile", lambda: getattr(threading, "_profile_hook", None)
)

_running: set[SessionThread] = set()
_running_lock = threading.Lock()


class SessionThread:
    """A daemon thread that runs ``target(*args)`` once :meth:`start` is called."""

    __slots__ = ("_args", "_done", "_starting", "_target", "name")

    def __init__(self, target: Callable[..., Any], name: str, args: tuple[Any, ...] = ()) -> None:
        self.name = name
        self._target: Optional[Callable[..., Any]] = target
        self._args = args
        # Held from start() until the thread ends: what is_alive() and join() read.
        self._done = _thread.allocate_lock()
        # Held by start() until the thread runs; dropped then (kept in the thread's arguments,
        # it would cost every session a lock and a tuple).
        self._starting: Optional[Any] = None

    def start(self) -> None:
        """Start the thread; returns once it runs, as ``threading.Thread.start`` does. Callers
        count on that: a thread session's transport reads the outbox right after starting the
        app, and an app that asks at once has then usually asked, instead of being caught busy
        (``busy`` true sent, then false: two commands for nothing)."""
        self._done.acquire()
        with _running_lock:
            _running.add(self)
        self._starting = starting = _thread.allocate_lock()
        starting.acquire()
        try:
            _thread.start_new_thread(self._bootstrap, ())
        except BaseException:
            self._starting = None
            self._finished()
            raise
        starting.acquire()

    def _bootstrap(self) -> None:
        starting, self._starting = self._starting, None
        assert starting is not None
        starting.release()
        del starting
        # What threading.Thread does for its threads, so that coverage and profilers that
        # hook new threads through the threading module see these too.
        trace, profile = _trace_hook(), _profile_hook()
        if trace is not None:
            sys.settrace(trace)
        if profile is not None:
            sys.setprofile(profile)
        target, args = self._target, self._args
        self._target, self._args = None, ()  # the thread keeps nothing of its work after it
        try:
            assert target is not None
            target(*args)
        finally:
            self._finished()

    def _finished(self) -> None:
        with _running_lock:
            _running.discard(self)
        self._done.release()

    def is_alive(self) -> bool:
        return self._done.locked()

    def join(self, timeout: Optional[float] = None) -> bool:
        """Wait until the thread has ended (at most ``timeout`` seconds); whether it has."""
        if self._done.acquire(timeout=-1 if timeout is None else timeout):
            self._done.release()
            return True
        return False

    def __repr__(self) -> str:
        return f"<SessionThread {self.name} {'alive' if self.is_alive() else 'ended'}>"


def running_session_threads() -> set[SessionThread]:
    """The session threads that have started and not yet ended."""
    with _running_lock:
        return set(_running)
