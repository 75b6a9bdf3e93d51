"""Pending client tasks: what an app waits for the browser to answer, by ``task_id``.

A form is one (``input()`` waits for its submission); running JavaScript, waiting for pins and
receiving uploads are others. Each is a :class:`ClientTask`; the session gives it an id, routes
the events naming that id to it, and waits (blocking or awaiting) until it is done.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Protocol

from ..protocol import ClientEvent, ProtocolError
from .errors import SessionClosedException

if TYPE_CHECKING:
    from .base import Session


class StaleEvent(ProtocolError):
    """An event for a task or callback this session does not have (any more)."""


#: Put in an inbox when its session closes; the waiting app gets SessionClosedException.
CLOSED = object()


class ClientTask:
    """Something an app waits for the client to answer. Subclasses implement :meth:`open`
    and :meth:`handle`."""

    # Every waiting input keeps its task: no instance dict unless a subclass wants one.
    __slots__ = ()

    #: Whether the answer comes from the user (a form, a pin change), so that the app is not
    #: busy while it waits; reading a pin is answered by the browser at once.
    waits_for_user = True

    def open(self, session: Session, task_id: str) -> None:
        """Ask the client (send the commands that show the form, run the script...)."""
        raise NotImplementedError

    def handle(self, session: Session, task_id: str, event: ClientEvent) -> tuple[bool, Any]:
        """Apply one event of this task: ``(True, result)`` ends the wait with ``result``.
        Raise :class:`ProtocolError` for a malformed event: it is logged and dropped; any other
        exception ends the wait and is raised to the app (e.g. eval_js's JSError)."""
        raise NotImplementedError

    def close(self, session: Session) -> None:
        """The wait is over, answered or not (the page may have closed): release what the task
        holds, such as callbacks and partly received files."""


class Inbox(Protocol):
    """The events of one pending task, fed from the transport's thread."""

    def put(self, event: Any) -> None: ...


class PendingTasks:
    """The open tasks of one session and the inboxes of their events. Thread-safe."""

    __slots__ = ("_closed", "_inboxes", "_lock")

    def __init__(self, lock: AbstractContextManager[Any]) -> None:
        """``lock``: the session's own, held as briefly (one lock object fewer per session)."""
        self._inboxes: dict[str, Inbox] = {}
        self._lock = lock
        self._closed = False

    def open(self, task_id: str, inbox: Inbox) -> None:
        """Route the events of ``task_id`` to ``inbox`` (the session's inbox type: blocking or
        awaitable)."""
        with self._lock:
            if self._closed:
                raise SessionClosedException("the session has been closed")
            self._inboxes[task_id] = inbox

    def deliver(self, event: ClientEvent) -> None:
        with self._lock:
            inbox = self._inboxes.get(event.task_id)
        if inbox is None:
            raise StaleEvent(f"no pending task {event.task_id!r} in this session")
        inbox.put(event)

    def close(self, task_id: str) -> None:
        with self._lock:
            self._inboxes.pop(task_id, None)

    def fail_all(self) -> None:
        """The session closed: every waiting task ends with SessionClosedException."""
        with self._lock:
            self._closed = True
            inboxes = list(self._inboxes.values())
            self._inboxes.clear()
        for inbox in inboxes:
            inbox.put(CLOSED)
