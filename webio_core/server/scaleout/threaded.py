"""The part of every bus that does not depend on the broker: a thread running an asyncio loop,
started anew in each process, that publishes in call order (in batches) and keeps a subscriber
connection alive, reconnecting and re-subscribing after a loss.

A broker plugin subclasses :class:`ThreadedBus` with the broker's own calls (the methods that
raise NotImplementedError here), and raises :class:`BusUnavailable` or OSError on a lost
connection.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import os
import secrets
import threading
from collections.abc import Awaitable
from typing import Any, Optional

from .bus import BusListener, BusUnavailable
from .wire import process_channel

logger = logging.getLogger("webio_core.server.scaleout")

#: How long a process waits for the broker when it starts, and to confirm a subscription.
CONNECT_TIMEOUT_SECONDS = 5.0
#: Pause between two attempts to reconnect a lost subscriber.
RECONNECT_PAUSE_SECONDS = 0.5
#: How long stopping may take.
STOP_TIMEOUT_SECONDS = 2.0
#: How often the listener's on_tick runs.
TICK_SECONDS = 2.0
#: Most messages published in one batch.
MAX_BATCH = 256

#: A message to publish and the future of its count; None tells the writer to end.
Outgoing = Optional[tuple[str, bytes, "concurrent.futures.Future[int]"]]


class ThreadedBus:
    """A :class:`~webio_core.server.scaleout.Bus` whose broker calls a subclass provides;
    ``where`` names the broker in messages (without credentials)."""

    where = "the broker"

    def __init__(self) -> None:
        self.listener: Optional[BusListener] = None
        self._process_id = ""
        self._pid: Optional[int] = None
        self._lock = threading.Lock()
        self._channels: set[str] = set()
        self._confirming: dict[str, list[concurrent.futures.Future[None]]] = {}
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._outgoing: Optional[asyncio.Queue[Outgoing]] = None
        self._tasks: set[asyncio.Future[Any]] = set()
        self._writer: Optional[asyncio.Future[Any]] = None
        self.connected = False
        #: Once stopped, a bus stays stopped (in this process): late messages fail.
        self._stopped = False
        self._ready: Optional[concurrent.futures.Future[None]] = None
        #: The readiness of this process's bus, once its start began.
        self._starting: concurrent.futures.Future[None] = concurrent.futures.Future()

    # ---- what a broker provides (on the bus loop) ---------------------------------------------

    async def open(self) -> None:
        """Connect the publishing side."""
        raise NotImplementedError

    async def read(self, channels: set[str]) -> None:
        """Subscribe to ``channels``, call :meth:`reading`, then hand each message to
        :meth:`received` (and each confirmed subscription to :meth:`confirmed`) until the
        connection is lost."""
        raise NotImplementedError

    async def send(self, batch: list[tuple[str, bytes]]) -> list[int]:
        """Publish the batch in order; how many processes listen on each channel."""
        raise NotImplementedError

    async def add_channel(self, channel: str) -> None:
        """Subscribe the live subscriber connection to ``channel``; the broker's confirmation
        must reach :meth:`confirmed`."""
        raise NotImplementedError

    async def remove_channel(self, channel: str) -> None:
        """Unsubscribe the live subscriber connection from ``channel``."""
        raise NotImplementedError

    async def listeners(self, channels: list[str]) -> dict[str, int]:
        """Ask the broker how many processes listen on each of ``channels``."""
        raise NotImplementedError

    async def close(self) -> None:
        """Close every connection."""
        raise NotImplementedError

    # ---- Bus ----------------------------------------------------------------------------------

    def listen(self, listener: BusListener) -> None:
        """Hand every message received to ``listener`` (set once, before the first use)."""
        self.listener = listener

    @property
    def process_id(self) -> str:
        """This process's name on the bus, new in each process; the first use starts the bus."""
        if not self._stopped:
            self.start()
        return self._process_id

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        """The bus's event loop, running in a thread of its own; the first use starts the bus."""
        self.start()
        assert self._loop is not None
        return self._loop

    def on_bus(self) -> bool:
        """Whether the caller runs on the bus's loop."""
        try:
            return self._loop is not None and asyncio.get_running_loop() is self._loop
        except RuntimeError:
            return False

    def start(self) -> None:
        """Start the bus's thread and loop in this process, if not started yet, and wait until
        the broker is reached; raises :class:`BusUnavailable` if it cannot be, or if the bus
        was stopped. A forked child starts a bus of its own."""
        with self._lock:
            if self._pid == os.getpid():
                if self._stopped:
                    raise BusUnavailable(f"the bus to {self.where} has stopped")
                ready = self._starting
                if ready.done() or self.on_bus():
                    return
            else:
                ready = self._start()
        # Every caller waits for the start under way: a message queued before the bus loop
        # made its queue would be lost.
        try:
            ready.result(timeout=CONNECT_TIMEOUT_SECONDS * 2)
        except BaseException:
            with self._lock:
                if self._starting is ready:
                    self._pid = None  # the next use tries again
            raise

    def _start(self) -> concurrent.futures.Future[None]:
        """Start the bus's thread and loop (under the lock); the future of its readiness."""
        self._stopped = False
        self._pid = os.getpid()
        self._process_id = secrets.token_hex(8)
        self._channels = {process_channel(self._process_id)}
        self._confirming = {}
        # All of a failed or forked start's state stays with its loop.
        self._tasks, self._writer, self._outgoing, self.connected = set(), None, None, False
        self._loop = asyncio.new_event_loop()
        ready: concurrent.futures.Future[None] = concurrent.futures.Future()
        thread = threading.Thread(
            target=self._run, args=(self._loop, ready), name="webio-bus", daemon=True
        )
        thread.start()
        self._starting = ready
        return ready

    def publish(self, channel: str, data: bytes) -> concurrent.futures.Future[int]:
        """Queue ``data`` for ``channel`` after everything published before it (from any
        thread); the future gives how many processes listen on the channel, or fails with
        :class:`BusUnavailable`."""
        future: concurrent.futures.Future[int] = concurrent.futures.Future()
        item = (channel, data, future)
        try:
            loop = self.loop
        except BusUnavailable as exc:
            future.set_exception(exc)
            return future
        if self.on_bus():
            self._put(item)
        else:
            loop.call_soon_threadsafe(self._put, item)
        return future

    def subscribe(self, channel: str) -> None:
        """Listen on ``channel``, also after reconnects; returns once the broker confirmed it,
        or raises :class:`BusUnavailable` after a few seconds."""
        future: concurrent.futures.Future[None] = concurrent.futures.Future()
        self.loop.call_soon_threadsafe(self._subscribe, channel, future)
        try:
            future.result(timeout=CONNECT_TIMEOUT_SECONDS)
        except concurrent.futures.TimeoutError:
            raise BusUnavailable(f"{self.where} did not confirm a subscription in time") from None

    def unsubscribe(self, channel: str) -> None:
        """Stop listening on ``channel``, without waiting for the broker."""
        try:
            self.loop.call_soon_threadsafe(self._unsubscribe, channel)
        except (BusUnavailable, RuntimeError):
            pass  # stopped: the broker forgot every channel of this process with its connection

    def stop(self) -> None:
        """Send what is queued (waiting briefly), close the connections and end the loop; the
        bus stays stopped in this process. Does nothing if it never started here."""
        with self._lock:
            if self._pid != os.getpid() or self._stopped:
                return  # never started here, or stopped already
            self._stopped = True
            loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            asyncio.run_coroutine_threadsafe(self._stop(), loop).result(STOP_TIMEOUT_SECONDS)
        except (concurrent.futures.TimeoutError, RuntimeError):
            logger.warning("the bus to %s did not stop in time", self.where)
        try:
            loop.call_soon_threadsafe(loop.stop)
        except RuntimeError:
            pass  # it stopped by itself (the broker was never reached)

    # ---- for the broker's read() --------------------------------------------------------------

    def reading(self, subscribed: set[str]) -> None:
        """The subscriber is connected, with the channels it was given: add those asked for
        since, and let the bus be used."""
        self.connected = True
        for channel in self._channels - subscribed:
            self._background(_logged(self.add_channel(channel)))
        assert self._ready is not None
        if not self._ready.done():
            self._writer = self._background(self._write())
            self._background(self._tick())
            self._ready.set_result(None)
        else:
            logger.warning("reconnected to %s", self.where)

    def confirmed(self, channel: str) -> None:
        """For the broker's :meth:`read`: the broker confirmed the subscription to ``channel``,
        which wakes the :meth:`subscribe` calls waiting for it."""
        for waiter in self._confirming.pop(channel, ()):
            if not waiter.done():
                waiter.set_result(None)

    def received(self, channel: str, data: bytes) -> None:
        """For the broker's :meth:`read`: a message on ``channel``, handed to the listener; an
        exception it raises is logged, so that reading goes on."""
        try:
            assert self.listener is not None
            self.listener.on_message(channel, data)
        except Exception:
            logger.exception("a message on %s could not be handled", channel)

    # ---- on the bus loop ----------------------------------------------------------------------

    def _background(self, coroutine: Awaitable[Any]) -> asyncio.Future[Any]:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)  # the loop keeps only a weak reference
        task.add_done_callback(self._tasks.discard)
        return task

    def _put(self, item: Outgoing) -> None:  # on the bus loop
        assert self._outgoing is not None
        self._outgoing.put_nowait(item)

    def _subscribe(self, channel: str, future: concurrent.futures.Future[None]) -> None:
        self._channels.add(channel)
        self._confirming.setdefault(channel, []).append(future)
        if self.connected:  # else the subscriber subscribes to every channel when it is back
            self._background(_logged(self.add_channel(channel)))

    def _unsubscribe(self, channel: str) -> None:
        self._channels.discard(channel)
        if self.connected:
            self._background(_logged(self.remove_channel(channel)))

    def _run(self, loop: asyncio.AbstractEventLoop, ready: concurrent.futures.Future[None]) -> None:
        asyncio.set_event_loop(loop)
        loop.call_soon(lambda: self._background(self._main(ready)))
        try:
            loop.run_forever()
        finally:
            loop.close()

    async def _main(self, ready: concurrent.futures.Future[None]) -> None:
        self._outgoing = asyncio.Queue()
        self._ready = ready
        while True:
            try:
                if not ready.done():
                    await self.open()
                await self.read(set(self._channels))
            except (BusUnavailable, OSError) as exc:
                self.connected = False
                if not ready.done():
                    ready.set_exception(BusUnavailable(f"Cannot reach {self.where}: {exc}"))
                    await _logged(self.close())
                    asyncio.get_running_loop().stop()
                    return
                logger.error("lost %s (%s); reconnecting", self.where, exc)
                assert self.listener is not None
                self.listener.on_lost()
                await asyncio.sleep(RECONNECT_PAUSE_SECONDS)

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(TICK_SECONDS)
            if self.connected and self.listener is not None:
                await _logged(self.listener.on_tick())

    async def _write(self) -> None:
        assert self._outgoing is not None
        while True:
            first = await self._outgoing.get()
            if first is None:
                return
            batch = [first]
            while not self._outgoing.empty() and len(batch) < MAX_BATCH:
                item = self._outgoing.get_nowait()
                if item is None:
                    self._outgoing.put_nowait(None)  # after this batch
                    break
                batch.append(item)
            try:
                counts = await self.send([(channel, data) for channel, data, _ in batch])
            except (BusUnavailable, OSError) as exc:
                for _, _, future in batch:
                    future.set_exception(BusUnavailable(f"publishing failed: {exc}"))
                continue
            for (_, _, future), count in zip(batch, counts):
                future.set_result(count)

    async def _stop(self) -> None:
        if self._writer is not None:
            assert self._outgoing is not None
            self._outgoing.put_nowait(None)  # what was queued before is sent first
            await asyncio.wait([self._writer], timeout=STOP_TIMEOUT_SECONDS / 2)
        others = [task for task in self._tasks if task is not asyncio.current_task()]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)
        await _logged(self.close())


async def _logged(coroutine: Awaitable[Any]) -> None:
    try:
        await coroutine
    except Exception:
        logger.exception("a bus operation failed")
