"""Sessions for plain functions: the app runs in its own thread, callbacks in a second one."""

from __future__ import annotations

import logging
import queue
import threading
from typing import Any, Callable, Optional

from ..protocol import ClientEvent
from .asking import apply_event, close_task, open_task, waiting_for
from .base import Session
from .callbacks import CallbackEntry
from .context import bind_session
from .errors import SessionClosedException, SessionException
from .tasks import CLOSED, ClientTask
from .threads import CALLBACK_THREAD_PREFIX, TASK_THREAD_PREFIX, SessionThread

logger = logging.getLogger("webio_core.session")

_STOP = object()
#: How often an app waiting for room checks that its client is still reading.
ROOM_CHECK_SECONDS = 1.0


class ThreadInbox:
    # A SimpleQueue is a fraction of a Queue's size (no Conditions): every waiting input of
    # every idle session has an inbox.
    __slots__ = ("_queue",)

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def put(self, event: Any) -> None:
        self._queue.put(event)

    def get(self) -> ClientEvent:
        event = self._queue.get()
        if event is CLOSED:
            raise SessionClosedException("the session was closed while waiting for input")
        return event  # type: ignore[no-any-return]


class ThreadSession(Session):
    """The app function runs in a dedicated thread; ``input()`` blocks that thread."""

    __slots__ = ("_callback_queue", "_callback_thread", "_task_thread")

    is_coroutine = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: Made with the callback thread, on the first serial-mode callback (under _lock).
        self._callback_queue: Optional[queue.SimpleQueue[Any]] = None
        self._callback_thread: Optional[SessionThread] = None
        self._task_thread: Optional[SessionThread] = None

    def _start_task(self) -> None:
        self._task_thread = SessionThread(self._run_task, f"{TASK_THREAD_PREFIX}{self.short_id}")
        self._task_thread.start()

    def _run_task(self) -> None:
        bind_session(self)
        try:
            self._target()
        except SessionException as exc:
            if not self.closed:
                self._report_task_error(exc)
        except Exception as exc:
            self._report_task_error(exc)
        finally:
            self._on_task_finished()

    def _new_inbox(self) -> ThreadInbox:
        return ThreadInbox()

    def _wait_for_room(self) -> None:
        # Back-pressure: the app's thread waits while the client has not acknowledged a send
        # window of commands, rather than the server buffering without bound.
        while not self.outbox.has_room:
            if self.outbox.wait_for_room(timeout=ROOM_CHECK_SECONDS):
                return
            if self.closed or self.close_silent():
                raise SessionClosedException("the session has been closed")

    def run_task(self, task: ClientTask) -> Any:
        with waiting_for(self, task) as waiting:
            task_id, inbox = open_task(self, task)
            try:
                while True:
                    done, result = apply_event(self, task, task_id, inbox.get(), waiting)
                    if done:
                        return result
            finally:
                close_task(self, task, task_id)

    def _run_callback(self, entry: CallbackEntry, args: tuple[Any, ...]) -> None:
        if self.closed:
            self.activity.end_callback()
            return
        if not entry.serial_mode:
            # PyWebIO's default: each click runs at once in a thread of its own, so a callback
            # that waits for input does not hold up the other buttons.
            SessionThread(
                self._run_in_thread,
                f"{CALLBACK_THREAD_PREFIX}{self.short_id}",
                (entry.callback, args),
            ).start()
            return
        with self._lock:
            if self._closed:  # checked again under the lock: _stop_work() may have run
                self.activity.end_callback()
                return
            if self._callback_queue is None:
                self._callback_queue = queue.SimpleQueue()
                self._callback_thread = SessionThread(
                    self._serial_callback_loop,
                    f"{CALLBACK_THREAD_PREFIX}{self.short_id}",
                    (self._callback_queue,),
                )
                self._callback_thread.start()
            callbacks = self._callback_queue
        callbacks.put((entry.callback, args))

    def _run_in_thread(self, callback: Callable[..., Any], args: tuple[Any, ...]) -> None:
        bind_session(self)
        self._invoke(callback, args)

    def _serial_callback_loop(self, callbacks: queue.SimpleQueue[Any]) -> None:
        bind_session(self)
        while True:
            item = callbacks.get()
            if item is _STOP:
                return
            self._invoke(*item)

    def _invoke(self, callback: Callable[..., Any], args: tuple[Any, ...]) -> None:
        try:
            callback(*args)
        except SessionException as exc:
            if not self.closed:
                self._report_task_error(exc)
        except Exception as exc:
            self._report_task_error(exc)
        finally:
            self.activity.end_callback()

    def _stop_work(self) -> None:
        with self._lock:
            callbacks = self._callback_queue
        if callbacks is not None:
            callbacks.put(_STOP)

    def register_thread(self, thread: threading.Thread) -> None:
        """Let ``thread`` call webio_core functions; the session stays open while it runs."""
        run, start = thread.run, thread.start

        def start_in_session() -> None:
            # Counted from start(), so the session cannot close between start() and run().
            self._begin_background_work()
            try:
                start()
            except BaseException:
                self._end_background_work()
                raise

        def run_in_session() -> None:
            bind_session(self)
            try:
                run()
            except SessionException:
                if not self.closed:
                    raise
            finally:
                self._end_background_work()

        thread.start = start_in_session  # type: ignore[method-assign]
        thread.run = run_in_session  # type: ignore[method-assign]

    def hold(self) -> None:
        """Block the app's thread until the session closes, so that callbacks keep working after
        the script's last statement (:func:`webio_core.session.hold`)."""
        with self.activity.waiting_for_user():
            self.wait_closed()

    @property
    def threads(self) -> list[SessionThread]:
        """The threads this session started (for tests that check nothing is left behind)."""
        return [t for t in (self._task_thread, self._callback_thread) if t is not None]
