"""Sessions for ``async def`` apps: the app is a real asyncio task on the server's event loop,
so ``await input()`` composes with ``asyncio.gather``, ``wait_for`` and ``create_task``."""

from __future__ import annotations

import asyncio
import contextvars
import inspect
import logging
import threading
from collections.abc import Awaitable, Coroutine
from typing import Any, Callable, Optional

from ..protocol import ClientEvent
from .asking import apply_event, close_task, open_task, waiting_for
from .base import Session
from .callbacks import CallbackEntry
from .context import bind_session
from .errors import SessionClosedException, SessionException
from .tasks import CLOSED, ClientTask

logger = logging.getLogger("webio_core.session")


class TaskHandler:
    """Handle of a coroutine started with :func:`webio_core.session.run_async`."""

    def __init__(self, close: Callable[[], None], closed: Callable[[], bool]) -> None:
        self.close = close
        self.closed = closed

    def __repr__(self) -> str:
        return f"<TaskHandler closed={self.closed()}>"


class AsyncInbox:
    """Form events, handed from any thread to the session's event loop.

    Every waiting input of every idle session has one, so it is a list and at most one future
    (an asyncio.Queue would cost about 3 KiB in Conditions and deques): one task awaits it.
    """

    __slots__ = ("_events", "_loop", "_waiter")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        # Events that came before anyone awaited them (rare): made on the first.
        self._events: Optional[list[Any]] = None
        self._waiter: Optional[asyncio.Future[ClientEvent]] = None

    def put(self, event: Any) -> None:
        if on_loop(self._loop):
            self._put(event)  # no cross-thread wake-up of the loop needed
            return
        try:
            self._loop.call_soon_threadsafe(self._put, event)
        except RuntimeError:
            pass  # the loop is closed: nothing waits on this inbox any more

    def _put(self, event: Any) -> None:
        waiter, self._waiter = self._waiter, None
        if waiter is None or waiter.done():  # nobody waits, or the wait was cancelled
            if self._events is None:
                self._events = []
            self._events.append(event)
        else:
            _resolve(waiter, event)

    def get(self) -> asyncio.Future[ClientEvent]:
        """The next event, to be awaited (a future rather than a coroutine: one object less
        for each waiting input)."""
        future: asyncio.Future[ClientEvent] = self._loop.create_future()
        if self._events:
            _resolve(future, self._events.pop(0))
        else:
            self._waiter = future
        return future


def _resolve(future: asyncio.Future[ClientEvent], event: Any) -> None:
    if event is CLOSED:
        future.set_exception(
            SessionClosedException("the session was closed while waiting for input")
        )
    else:
        future.set_result(event)


def on_loop(loop: asyncio.AbstractEventLoop) -> bool:
    """Whether the caller runs on ``loop`` (and may call it directly, without its self-pipe)."""
    # Asked several times per event. On Python <= 3.11 get_running_loop() makes a getpid()
    # system call each time; asyncio's own loops record the thread they run in.
    thread = getattr(loop, "_thread_id", _UNKNOWN)
    if thread is not _UNKNOWN:
        return thread == threading.get_ident()
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:
        return False


_UNKNOWN = object()


class CoroutineSession(Session):
    """The app coroutine runs as an asyncio task on ``loop``."""

    __slots__ = ("_background", "_context", "_main", "_room_waiters", "loop")

    is_coroutine = True

    def __init__(self, *args: Any, loop: asyncio.AbstractEventLoop, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.loop = loop
        self._main: Optional[asyncio.Task[Any]] = None
        #: Callbacks' and run_async's tasks (made on the first one).
        self._background: Optional[set[asyncio.Task[Any]]] = None
        #: Made, and the outbox told to wake them, when the app first waits for room.
        self._room_waiters: Optional[list[asyncio.Future[None]]] = None
        self._context = contextvars.copy_context()
        self._context.run(bind_session, self)

    def _on_loop(self) -> bool:
        return on_loop(self.loop)

    def _call_on_loop(self, func: Callable[..., Any], *args: Any) -> None:
        if self._on_loop():
            func(*args)
        else:
            self.loop.call_soon_threadsafe(func, *args)

    def _spawn(self, coro: Awaitable[Any], background: bool) -> asyncio.Task[Any]:
        """Start ``coro`` as a task that sees this session as current. Loop thread only."""
        task = self._context.run(self.loop.create_task, self._guard(coro, background))
        if not background:
            self._main = task
            return task
        if self._background is None:
            self._background = set()
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        return task

    async def _guard(self, coro: Awaitable[Any], background: bool) -> None:
        try:
            await coro
        except (SessionException, asyncio.CancelledError):
            if not self.closed:
                raise
        except Exception as exc:
            self._report_task_error(exc)
        finally:
            if background:
                self._end_background_work()
            else:
                self._on_task_finished()

    def _start_task(self) -> None:
        self._call_on_loop(self._spawn, self._target(), False)

    def _new_inbox(self) -> AsyncInbox:
        return AsyncInbox(self.loop)

    async def room(self) -> None:
        """Wait until fewer than a send window of commands wait for the client's
        acknowledgement (``await put_text(...)``). A coroutine app cannot be blocked in a plain
        ``put_*`` call without blocking the loop that serves every session, so it waits here."""
        while not self.outbox.has_room and not self.closed:
            if self._room_waiters is None:
                self._room_waiters = []
                self.outbox.on_room = self._wake_room_waiters
                continue  # check again, now that every acknowledgement is heard
            waiter = self.loop.create_future()
            self._room_waiters.append(waiter)
            await waiter

    def _wake_room_waiters(self) -> None:
        def wake() -> None:
            waiters, self._room_waiters = self._room_waiters, []
            for waiter in waiters or ():
                if not waiter.done():
                    waiter.set_result(None)

        if self._on_loop():
            # Every acknowledgement makes room: on the loop, without waking it through its
            # self-pipe (a system call or two per frame).
            wake()
            return
        try:
            self.loop.call_soon_threadsafe(wake)
        except RuntimeError:
            pass  # the loop is closed: nothing waits any more

    def run_task(self, task: ClientTask) -> Any:
        return self._wait_for(task)

    async def _wait_for(self, task: ClientTask) -> Any:
        with waiting_for(self, task) as waiting:
            task_id, inbox = open_task(self, task)
            try:
                while True:
                    if self.link is not None:
                        self.link.waiting()
                    done, result = apply_event(self, task, task_id, await inbox.get(), waiting)
                    if done:
                        return result
            finally:
                close_task(self, task, task_id)

    def _run_callback(self, entry: CallbackEntry, args: tuple[Any, ...]) -> None:
        self._call_on_loop(self._callback_on_loop, entry, args)

    def _callback_on_loop(self, entry: CallbackEntry, args: tuple[Any, ...]) -> None:
        if self.closed or (entry.mutex_mode and entry.running):
            self.activity.end_callback()
            return
        try:
            result = self._context.run(entry.callback, *args)
        except Exception as exc:
            self.activity.end_callback()
            self._report_task_error(exc)
            return
        if not inspect.isawaitable(result):
            self.activity.end_callback()
            return
        self._begin_background_work()
        entry.running = True
        task = self._spawn(result, True)

        def ended(_: asyncio.Task[Any]) -> None:
            entry.running = False
            self.activity.end_callback()

        task.add_done_callback(ended)

    def run_async(self, coro: Coroutine[Any, Any, Any]) -> TaskHandler:
        """Run ``coro`` on the session's loop alongside the app
        (:func:`webio_core.session.run_async`); it is cancelled when the session closes. Only
        callable from the session's own coroutines; returns a
        :class:`~webio_core.session.TaskHandler` that can cancel it."""
        if not self._on_loop():
            raise RuntimeError("run_async() must be called from the session's own coroutines")
        self._begin_background_work()
        task = self._spawn(coro, True)

        def close() -> None:
            task.cancel()

        return TaskHandler(close=close, closed=task.done)

    def _stop_work(self) -> None:
        self._wake_room_waiters()
        self._cancel_leftovers()

    def _cancel_leftovers(self) -> None:
        # Pending inputs get SessionClosedException first (their inboxes were just fed CLOSED);
        # whatever still runs one loop turn later is cancelled, so no task outlives the session.
        def cancel_leftovers() -> None:
            for task in self.tasks:
                task.cancel()

        try:
            self.loop.call_soon_threadsafe(self.loop.call_soon, cancel_leftovers)
        except RuntimeError:
            pass  # the loop is closed, and its tasks with it

    async def hold(self) -> None:
        """Wait until the session closes, so that the app's callbacks keep working after its main
        coroutine has nothing more to do (:func:`webio_core.session.hold`)."""
        with self.activity.waiting_for_user():
            while not self.closed:
                await asyncio.sleep(0.2)

    @property
    def tasks(self) -> set[asyncio.Task[Any]]:
        """The tasks of this session that have not finished."""
        tasks = set(self._background or ())
        if self._main is not None:
            tasks.add(self._main)
        return {task for task in tasks if not task.done()}


_session_loop: Optional[asyncio.AbstractEventLoop] = None
_session_loop_lock = threading.Lock()


def _claim_session_loop(loop: asyncio.AbstractEventLoop) -> None:
    global _session_loop
    with _session_loop_lock:
        if _session_loop is not None and not _session_loop.is_closed():
            raise RuntimeError("an event loop for webio_core sessions is already running")
        _session_loop = loop


def run_event_loop(debug: bool = False) -> None:
    """Run, in this thread, the asyncio loop of the coroutine sessions of HTTP backends."""
    loop = asyncio.new_event_loop()
    loop.set_debug(debug)
    _claim_session_loop(loop)
    asyncio.set_event_loop(loop)
    try:
        loop.run_forever()
    finally:
        loop.close()


def session_event_loop() -> asyncio.AbstractEventLoop:
    """The loop of :func:`run_event_loop`; one is started in a daemon thread if none runs yet."""
    with _session_loop_lock:
        if _session_loop is not None and not _session_loop.is_closed():
            return _session_loop
    loop = asyncio.new_event_loop()
    try:
        _claim_session_loop(loop)
    except RuntimeError:  # another thread won the race
        loop.close()
        return session_event_loop()
    threading.Thread(target=loop.run_forever, name="webio-event-loop", daemon=True).start()
    return loop
