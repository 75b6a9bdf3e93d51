"""The session: one per browser page, independent of how the app function runs.

A session owns the outbox of numbered commands, the pending input forms, the registered
callbacks and the deferred functions. Subclasses decide where the app's code runs (its own
thread, or an asyncio task).
"""

from __future__ import annotations

import logging
import secrets
import threading
from dataclasses import dataclass
from typing import Any, Callable, Optional, Protocol

from ..protocol import ClientEvent, ClientFrame, Outbox, OutboxOverflow, ProtocolError
from .errors import SessionClosedException
from .info import LocalNamespace, SessionInfo

logger = logging.getLogger("webio_core.session")

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


class StaleEvent(ProtocolError):
    """An event for a form or callback this session does not have (any more)."""


#: Marks a form inbox whose session closed; the waiting input raises SessionClosedException.
CLOSED = object()


class SessionObserver(Protocol):
    """Lifecycle notifications; the server app forwards them to the plugin hooks."""

    def session_created(self, session: Session) -> None: ...
    def session_closed(self, session: Session) -> None: ...
    def task_error(self, session: Session, error: BaseException) -> None: ...


class Inbox(Protocol):
    """The events of one pending form, fed from the transport's thread."""

    def put(self, event: Any) -> None: ...


class Session:
    """State shared by thread- and coroutine-based sessions."""

    is_coroutine: bool = False

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
        self._target = target
        self._observer = observer
        self._lock = threading.RLock()
        self._closed = threading.Event()
        self._forms: dict[str, Inbox] = {}
        self._callbacks: dict[str, CallbackEntry] = {}
        self._deferred: list[Callable[[], Any]] = []
        self._task_finished = False
        self._background_work = 0
        self._next_id = 0
        self._output_listener: Callable[[], None] = lambda: None
        self._close_listeners: list[Callable[[Session], None]] = []

    # ---- transport side -------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        return self._closed.is_set()

    def set_output_listener(self, listener: Callable[[], None]) -> None:
        """``listener()`` is called, from any thread, whenever new commands are in the outbox."""
        self._output_listener = listener

    def add_close_listener(self, listener: Callable[[Session], None]) -> None:
        self._close_listeners.append(listener)

    def start(self) -> None:
        """Run the app. Called once by the transport after it attached its listeners."""
        self._observer.session_created(self)
        self._start_task()

    def receive(self, frame: ClientFrame) -> int:
        """Apply one validated client frame: acknowledgement first, then each event; returns
        the number of events accepted.

        An acknowledgement of commands never sent raises :class:`ProtocolError` and nothing of
        the frame is applied; an event that names no pending form or callback is logged and
        dropped on its own.
        """
        self.outbox.acknowledge(frame.ack)
        accepted = 0
        for event in frame.events:
            try:
                self._dispatch(event)
                accepted += 1
            except StaleEvent as exc:
                # Normal in a race: e.g. a field's blur arriving after its form was submitted.
                logger.info("session %s: dropped event: %s", self.short_id, exc)
            except ProtocolError as exc:
                logger.warning("session %s: dropped event: %s", self.short_id, exc)
        if frame.close:
            self.close()
        return accepted

    def wait_closed(self, timeout: Optional[float] = None) -> bool:
        return self._closed.wait(timeout)

    # ---- app side --------------------------------------------------------------------------

    def send(self, command: str, spec: dict[str, Any], task_id: str = "") -> None:
        if self.closed:
            raise SessionClosedException("the session has been closed")
        try:
            self.outbox.append(command, spec, task_id)
        except OutboxOverflow as exc:
            logger.error("session %s: %s; closing it", self.short_id, exc)
            self.close()
            raise SessionClosedException(str(exc)) from None
        self._output_listener()

    def new_id(self, prefix: str) -> str:
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
        with self._lock:
            self._callbacks[callback_id] = CallbackEntry(callback, decode, serial_mode, mutex_mode)
        return callback_id

    def open_form(self, spec: dict[str, Any]) -> str:
        """Send an ``input_group`` command and start collecting the events of that form."""
        task_id = self.new_id("f")
        with self._lock:
            if self.closed:
                raise SessionClosedException("the session has been closed")
            self._forms[task_id] = self._new_inbox()
        self.send("input_group", spec, task_id)
        return task_id

    def close_form(self, task_id: str) -> None:
        with self._lock:
            self._forms.pop(task_id, None)

    def form_inbox(self, task_id: str) -> Any:
        return self._forms[task_id]

    def defer_call(self, func: Callable[[], Any]) -> None:
        self._deferred.append(func)

    def set_env(self, **settings: Any) -> None:
        self.send("set_env", settings)

    # ---- closing ----------------------------------------------------------------------------

    def close(self, notify_client: bool = False) -> None:
        """Close the session: fail pending inputs, run deferred functions, stop all work.

        Safe to call from any thread and more than once.
        """
        with self._lock:
            if self._closed.is_set():
                return
            if notify_client:
                # Bypass send(): the closed flag must not be visible to the app yet, and the
                # outbox may be full, in which case the client learns by the socket closing.
                try:
                    self.outbox.append("close_session", {})
                except OutboxOverflow:
                    pass
            self._closed.set()
            forms = list(self._forms.values())
            self._forms.clear()
        self._output_listener()
        for inbox in forms:
            inbox.put(CLOSED)
        self._stop_work()
        for func in self._deferred:
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
        return self.id[:8]

    def _on_task_finished(self) -> None:
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
            idle = self._task_finished and not self._callbacks and self._background_work == 0
        if idle:
            self.close(notify_client=True)

    def _report_task_error(self, error: BaseException) -> None:
        logger.error(
            "session %s: app %r raised an exception",
            self.short_id,
            self.app_name,
            exc_info=(type(error), error, error.__traceback__),
        )
        self._observer.task_error(self, error)
        try:
            self.send(
                "toast",
                {
                    "content": "An internal error occurred in the application.",
                    "duration": 0,
                    "position": "center",
                    "color": "error",
                    "callback_id": None,
                },
            )
        except SessionClosedException:
            pass

    # ---- events -----------------------------------------------------------------------------

    def _dispatch(self, event: ClientEvent) -> None:
        if event.event == "callback":
            entry = self._callbacks.get(event.task_id)
            if entry is None:
                raise StaleEvent(f"no callback {event.task_id!r} in this session")
            self._run_callback(entry, entry.decode(event.data))
            return
        inbox = self._forms.get(event.task_id)
        if inbox is None:
            raise StaleEvent(f"no pending form {event.task_id!r} in this session")
        inbox.put(event)

    # ---- implemented by the execution models --------------------------------------------------

    def _start_task(self) -> None:
        raise NotImplementedError

    def _new_inbox(self) -> Inbox:
        raise NotImplementedError

    def _run_callback(self, entry: CallbackEntry, args: tuple[Any, ...]) -> None:
        raise NotImplementedError

    def _stop_work(self) -> None:
        raise NotImplementedError
