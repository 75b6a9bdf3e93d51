"""The session: one per browser page, independent of how the app function runs.

A session owns the outbox of numbered commands, the pending client tasks, the registered
callbacks and the deferred functions. Subclasses decide where the app's code runs (its own
thread, or an asyncio task); a transport attaches a :class:`Link` to carry its commands.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Collection
from typing import Any, Callable, Optional

from ..protocol import ClientEvent, ClientFrame, Message
from ..protocol.commands import CLOSE_SESSION, SET_ENV, EmptySpec, SetEnvSpec
from ..protocol.feedback import BUSY, NOT_BUSY, BusySpec
from .activity import Activity
from .callbacks import CallbackEntry, Callbacks, Decoder
from .errors import SessionClosedException
from .info import LocalNamespace, SessionInfo
from .link import Link, SessionObserver
from .outbox import Outbox, OutboxOverflow
from .receiving import receive_frame
from .tasks import ClientTask, Inbox, PendingTasks
from .tracebacks import report_app_error

logger = logging.getLogger("webio_core.session")
_BUSY_STATES = (BUSY(NOT_BUSY), BUSY(BusySpec(busy=True)))  # made once: two flips per input

#: Seconds a client may leave commands unacknowledged before it is taken as gone (the endpoint
#: sets its ``ack_timeout`` option).
DEFAULT_ACK_TIMEOUT = 120.0


def _no_app_names() -> Optional[Collection[str]]:
    return None


class Session:
    """State shared by thread- and coroutine-based sessions."""

    # A server may hold tens of thousands of idle sessions: slots instead of an instance dict
    # (with this many attributes each instance would have a dict of its own, ~1.5 KiB), and
    # containers or threading objects only once a session needs them. ``__dict__`` stays
    # available, created on first use, for code that puts attributes of its own on a session.
    # fmt: off
    __slots__ = (
        "__dict__", "__weakref__", "_background_work", "_close_listeners", "_closed",
        "_closed_event", "_deferred", "_internal", "_lock", "_next_id", "_observer", "_receiving",
        "_target", "_task_finished", "ack_timeout", "activity", "app_name", "app_names",
        "callbacks", "debug", "events_received", "id", "info", "link", "local",
        "max_payload_size", "outbox", "pending",
    )
    # fmt: on

    is_coroutine: bool = False
    #: Which method applies a client event, by the target its declaration names.
    _ROUTES = {"task": "_deliver_to_task", "callback": "_run_callback_event"}

    def __init__(
        self,
        app_name: str,
        target: Callable[[], Any],
        info: SessionInfo,
        observer: SessionObserver,
    ) -> None:
        self.id = secrets.token_urlsafe(32)
        self.app_name = app_name
        self.info = info
        self.local = LocalNamespace()
        self.outbox = Outbox()
        self.ack_timeout = DEFAULT_ACK_TIMEOUT
        #: Bytes of one client frame, at most (the server's ``max_payload_size``; 0: no limit).
        self.max_payload_size = 0
        #: The names of the apps of this session's server, for ``go_app`` to check (the server
        #: sets it; None: not known by name). Called each time: a server's apps may change.
        self.app_names: Callable[[], Optional[Collection[str]]] = _no_app_names
        #: Debug mode (the server's ``debug`` option): a failing app's traceback is shown on
        #: the page, not only logged.
        self.debug = False
        self._internal: Optional[dict[str, Any]] = None
        #: The highest client event seq received: events are applied once, in order.
        self.events_received = 0
        self._lock = threading.RLock()
        self.pending = PendingTasks(self._lock)
        self.callbacks = Callbacks(self._lock)
        self.link: Optional[Link] = None
        self._target = target
        self._observer = observer
        self._receiving = threading.Lock()
        self._closed = False
        #: Created by the first wait_closed() only (under _lock): most sessions are never
        #: waited for, and an Event costs a Condition.
        self._closed_event: Optional[threading.Event] = None
        self._deferred: Optional[list[Callable[[], Any]]] = None
        self._task_finished = False
        self._background_work = 0
        self._next_id = 0
        # A tuple: most sessions have one listener (their transport's), and a list costs more.
        self._close_listeners: tuple[Callable[[Session], None], ...] = ()
        self.activity = Activity(self._notify_busy)

    @property
    def internal(self) -> dict[str, Any]:
        """State the webio_core modules keep per session (e.g. its pins), made on first use."""
        internal = self._internal
        if internal is None:
            with self._lock:  # two threads' first uses must make one dict
                if self._internal is None:
                    self._internal = {}
                internal = self._internal
        return internal

    # ---- transport side -------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` has run; a closed session sends nothing more."""
        return self._closed

    def attach(self, link: Link) -> Optional[Link]:
        """Make ``link`` carry this session's commands from now on; returns the previous link."""
        with self._lock:
            previous, self.link = self.link, link
        if previous is not None and previous is not link:
            previous.replaced()
        return previous

    def _wake(self) -> None:
        link = self.link
        if link is not None:
            link.wake()

    def add_close_listener(self, listener: Callable[[Session], None]) -> None:
        """Call ``listener(session)`` once the session has closed, after its deferred functions; a
        listener that raises is logged and the others still run."""
        with self._lock:
            self._close_listeners += (listener,)

    def start(self) -> None:
        """Run the app. Called once by the transport after it attached its link."""
        self._observer.session_created(self)
        self.activity.main(True)
        self._start_task()

    def receive(self, frame: ClientFrame) -> int:
        """Apply one validated client frame: acknowledgement first, then each new event, in the
        order of its seq; returns the number of events applied.

        An acknowledgement of commands never sent raises :class:`ProtocolError` and nothing of
        the frame is applied. An event already received (a resend) is skipped; one that skips a
        number is dropped, since its predecessors will come again before it. An event that
        names no pending task or callback is logged and dropped on its own.
        """
        return receive_frame(self, frame)

    def wait_closed(self, timeout: Optional[float] = None) -> bool:
        """Block until the session closes or ``timeout`` seconds pass; returns whether it is
        closed."""
        with self._lock:
            if self._closed:
                return True
            if self._closed_event is None:
                self._closed_event = threading.Event()
            event = self._closed_event
        return event.wait(timeout)

    # ---- app side --------------------------------------------------------------------------

    def send(self, message: Message) -> None:
        """Queue a command for the client and wake the transport to deliver it. A thread-based app
        waits here while the client has a full send window of commands to acknowledge; if the
        session is closed, or closes because its outbox overflowed, this raises
        :class:`~webio_core.session.SessionClosedException`."""
        if self.closed:
            raise SessionClosedException("the session has been closed")
        self._wait_for_room()
        try:
            self.outbox.append(message)
        except OutboxOverflow as exc:
            logger.error("session %s: %s; closing it", self.short_id, exc)
            self.close()
            raise SessionClosedException(str(exc)) from None
        self._wake()

    def new_id(self, prefix: str) -> str:
        """A new id for a task or callback of this session: ``prefix`` followed by a counter, never
        repeated within the session."""
        with self._lock:
            self._next_id += 1
            return f"{prefix}{self._next_id}"

    def register_callback(
        self,
        callback: Callable[..., Any],
        decode: Decoder,
        *,
        serial_mode: bool = False,
        mutex_mode: bool = False,
    ) -> str:
        """Remember ``callback`` for client ``callback`` events; returns its callback id.

        ``decode(data)`` turns the event's data into the callback's arguments, or raises
        :class:`ProtocolError` to drop the event (e.g. a button index out of range).
        """
        callback_id = self.new_id("c")
        self.callbacks.add(callback_id, CallbackEntry(callback, decode, serial_mode, mutex_mode))
        return callback_id

    def unregister_callback(self, callback_id: str) -> None:
        """Forget a callback: later events for it are dropped. A finished app's session closes
        once no callback is left."""
        self.callbacks.remove(callback_id)
        self._close_if_idle()

    def run_task(self, task: ClientTask) -> Any:
        """Open ``task`` and wait for its result: blocks in thread-based sessions, returns an
        awaitable in coroutine-based ones (the steps are in ``session/asking.py``)."""
        raise NotImplementedError

    def _notify_busy(self, busy: bool) -> None:
        # A state command: called under the activity lock, it must not wait, and a flip that
        # is undone before the transport sends anything (an answer handled at once) is not sent.
        if self.closed:
            return
        self.outbox.set_state(_BUSY_STATES[busy], initial=NOT_BUSY)
        self._wake()

    def defer_call(self, func: Callable[[], Any]) -> None:
        """Run ``func()`` when the session closes (:func:`webio_core.session.defer_call`);
        functions run in the order they were added, and one that raises does not stop the
        others."""
        if self._deferred is None:
            self._deferred = []
        self._deferred.append(func)

    def set_env(self, settings: SetEnvSpec) -> None:
        """Send the page settings of :func:`webio_core.session.set_env` (title, output animation,
        …) to the client."""
        self.send(SET_ENV(settings))

    # ---- closing ----------------------------------------------------------------------------

    def close(self, notify_client: bool = False) -> None:
        """Close the session: fail pending tasks, run deferred functions, stop all work.

        Safe to call from any thread and more than once.
        """
        with self._lock:
            if self._closed:
                return
            if notify_client:
                # Bypass send(): the closed flag must not be visible to the app yet, and the
                # outbox may be full, in which case the client learns by the socket closing.
                try:
                    self.outbox.append_last(CLOSE_SESSION(EmptySpec()))
                except OutboxOverflow:
                    pass
            self._closed = True
            if self._closed_event is not None:
                self._closed_event.set()
        self._wake()
        self.outbox.close()
        self.pending.fail_all()
        self._stop_work()
        for func in self._deferred or ():
            try:
                func()
            except Exception:
                logger.exception("session %s: a deferred function failed", self.short_id)
        for listener in self._close_listeners:
            try:
                listener(self)
            except Exception:
                logger.exception("session %s: a close listener failed", self.short_id)
        self._observer.session_closed(self)

    @property
    def short_id(self) -> str:
        """The first eight characters of the session id, to tell sessions apart in logs."""
        return self.id[:8]

    def _on_task_finished(self) -> None:
        self.activity.main(False)
        with self._lock:
            self._task_finished = True
        self._close_if_idle()

    def _begin_background_work(self) -> None:
        with self._lock:
            self._background_work += 1

    def _end_background_work(self) -> None:
        with self._lock:
            self._background_work -= 1
        self._close_if_idle()

    def _close_if_idle(self) -> None:
        # Since PyWebIO 1.4 a finished app keeps its page alive while buttons on it can still
        # call back into the session, or while work it started is still running.
        with self._lock:
            idle = self._task_finished and not self.callbacks and self._background_work == 0
        if idle:
            self.close(notify_client=True)

    def _report_task_error(self, error: BaseException) -> None:
        report_app_error(self, error, self._observer)

    # ---- events -----------------------------------------------------------------------------

    def _deliver_to_task(self, event: ClientEvent) -> None:
        self.pending.deliver(event)

    def _run_callback_event(self, event: ClientEvent) -> None:
        entry = self.callbacks.get(event.task_id)
        self.run_callback(entry, entry.decode(event.data), event.seq)

    def run_callback(self, entry: CallbackEntry, args: tuple[Any, ...], seq: int = 0) -> None:
        """Run ``entry`` with ``args`` for client event ``seq`` (0: a broadcast message)."""
        self.activity.begin_callback()  # the execution model ends it (see _run_callback)
        self.activity.taken(seq)  # nothing to take up for seq 0
        try:
            self._run_callback(entry, args)
        except BaseException:
            self.activity.end_callback()
            raise

    def close_silent(self) -> bool:
        """Close the session if its client left commands unacknowledged for ``ack_timeout``
        seconds (it is not reading); returns whether it did."""
        silent = self.outbox.silent_for()
        if self.closed or silent <= self.ack_timeout:
            return False
        logger.warning(
            "session %s: the client acknowledged nothing for %.0f s; closing the session",
            self.short_id,
            silent,
        )
        self.close()
        return True

    # ---- implemented by the execution models --------------------------------------------------

    def _wait_for_room(self) -> None:
        """Back-pressure before a command goes out; see the execution models."""

    def _start_task(self) -> None:
        raise NotImplementedError

    def _new_inbox(self) -> Inbox:
        raise NotImplementedError

    def _run_callback(self, entry: CallbackEntry, args: tuple[Any, ...]) -> None:
        """Run a dispatched callback, then call ``self.activity.end_callback()`` (also when
        it does not run at all)."""
        raise NotImplementedError

    def _stop_work(self) -> None:
        raise NotImplementedError
