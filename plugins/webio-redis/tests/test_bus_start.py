"""Threads that use a bus while it starts (a threaded worker's first requests arrive together):
each waits for the broker, and nothing they publish meanwhile is lost."""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading

from webio_redis import RedisBus

from webio_core.server.scaleout.wire import process_channel
from webio_core.testing import eventually
from webio_core.testing.redis import RedisServer

from .test_fork import Heard

#: Threads that publish at once on a bus none of them started yet.
THREADS = 8
#: Fresh buses the race is run on.
BUSES = 10


class HeldAtOpen(RedisBus):
    """A bus whose connection waits until the test lets it go on."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.opening = threading.Event()
        self.go_on = threading.Event()

    async def open(self) -> None:
        self.opening.set()
        await asyncio.get_running_loop().run_in_executor(None, self.go_on.wait)
        await super().open()


def test_a_second_user_waits_for_the_start_under_way(redis_server: RedisServer) -> None:
    bus = HeldAtOpen(redis_server.url)
    bus.listen(Heard())
    pool = concurrent.futures.ThreadPoolExecutor(2)
    try:
        first = pool.submit(lambda: bus.process_id)
        assert bus.opening.wait(5), "the bus did not start connecting"
        second = pool.submit(lambda: bus.publish(process_channel(bus.process_id), b"early"))
        done, _ = concurrent.futures.wait([first, second], timeout=0.3)
        assert not done, "a caller went on before the broker was reached"
        bus.go_on.set()
        assert second.result(5).result(5) == 1  # this process listens on its own channel
        assert first.result(5) == bus.process_id
    finally:
        bus.go_on.set()
        pool.shutdown()
        bus.stop()


def test_what_threads_publish_while_the_bus_starts_all_arrives(
    redis_server: RedisServer,
) -> None:
    for _ in range(BUSES):
        race_to_start(RedisBus(redis_server.url))


def race_to_start(bus: RedisBus) -> None:
    """THREADS threads publish at once on ``bus``, which none of them started: each message
    reaches this process's own channel, which it listens on."""
    heard = Heard()
    bus.listen(heard)
    barrier = threading.Barrier(THREADS)

    def publish(number: int) -> int:
        barrier.wait(5)
        return bus.publish(process_channel(bus.process_id), b"%d" % number).result(5)

    pool = concurrent.futures.ThreadPoolExecutor(THREADS)
    try:
        counts = list(pool.map(publish, range(THREADS), timeout=15))
        assert counts == [1] * THREADS
        eventually(lambda: len(heard.messages) == THREADS, "every message", timeout=5)
        sent = sorted(b"%d" % number for number in range(THREADS))
        assert sorted(data for _, data in heard.messages) == sent
    finally:
        pool.shutdown()
        bus.stop()
