"""Scale-out: webio-core tornado processes sharing sessions through one real redis-server,
behind real nginx with plain round-robin, against one process with no Redis (the baseline).

Every setup is measured the same way: sessions per second (many clients in parallel, each opens
a session, answers its one input, reads the session's end and closes; bounded in count and
time) and the input round trip of one session (sequential, median and p99). The setups:

- one process, no Redis, reached directly (the baseline), then through nginx (what nginx costs);
- 1, 2 and 4 processes sharing one Redis, through nginx, an upstream of the first 1, 2 or 4 of
  four processes (the rest idle, they take no CPU). A WebSocket session is created where its
  socket lands and its round trips stay there: these rows show what spreading sessions over
  processes gives, and what registering each session in Redis costs;
- the Redis hop: a session opened on process A, whose page then reconnects to process B
  directly (``?session=ID&ack=N``), so every frame goes B -> Redis -> A and back, against a
  session's round trips straight to its owner A.

The client runs on the same cores as every server, nginx and Redis: its CPU share is printed."""

from __future__ import annotations

import asyncio
import os
import time
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any, Optional

from webio_core.server.endpoint import REDIS_URL_VARIABLE

from ..clients.websocket import CorePage
from ..cluster import behind_nginx, cluster
from ..targets import CORE, Target
from .base import Settings, Workload, register
from .scale_table import BASELINE, SETUPS, Setup, columns, scale_table

if TYPE_CHECKING:
    from ..runner import Result

#: Asks for input until the answer is END, then the session ends.
APP = """
    from {pkg}.input import input

    {async_}def main():
        while ({await_}input("Next")) != "end":
            pass
"""
END = "end"
#: Seconds a page may take to come back to its session (the Redis hop reconnects).
RECONNECT_TIMEOUT = 30
#: Seconds any client waits for the server before it gives up.
TIMEOUT = 60
PROCESSES = 4
#: Untimed round trips first: a session's first frames (and a relay's first) set things up.
WARM_ROUND_TRIPS = 5


async def _open(url: str) -> CorePage:
    page = CorePage(url)
    await page.connect()
    try:
        await asyncio.wait_for(page.until_input(), TIMEOUT)
    except BaseException:
        await page.close()
        raise
    return page


async def _end(page: CorePage) -> None:
    try:
        await page.submit(END)
        await asyncio.wait_for(page.until_closed(), TIMEOUT)
    finally:
        await page.close()


async def _round_trips(page: CorePage, count: int, budget: float) -> list[float]:
    for turn in range(WARM_ROUND_TRIPS):
        await page.submit(f"warm {turn}")
        await asyncio.wait_for(page.until_input(), TIMEOUT)
    times: list[float] = []
    deadline = time.perf_counter() + budget
    while len(times) < count and time.perf_counter() < deadline:
        start = time.perf_counter()
        await page.submit(str(len(times)))
        await asyncio.wait_for(page.until_input(), TIMEOUT)
        times.append(time.perf_counter() - start)
    return times


async def round_trips(url: str, count: int, budget: float, via: Optional[str]) -> list[float]:
    """Sequential input round trips of one new session at ``url`` (after its page reconnected
    through ``via``, if given), which then ends."""
    page = await _open(url)
    try:
        if via is not None:
            await page.reattach(via)
        times = await _round_trips(page, count, budget)
    except BaseException:
        await page.close()  # the failure is what the table reports, not ending the session
        raise
    await _end(page)
    return times


async def sessions_per_second(
    url: str, clients: int, count: int, budget: float
) -> dict[str, float]:
    """``clients`` pages at once, each opening sessions one after the other until ``count``
    have started or ``budget`` seconds have passed; completed sessions per second, and the
    client's CPU use (100: one core) meanwhile."""
    started, cpu = time.perf_counter(), time.process_time()
    deadline = started + budget
    claimed = done = 0

    async def client() -> None:
        nonlocal claimed, done
        while claimed < count and time.perf_counter() < deadline:
            claimed += 1
            await _end(await _open(url))
            done += 1

    await asyncio.gather(*(client() for _ in range(clients)))
    seconds = time.perf_counter() - started
    return {
        "sessions_per_s": done / seconds,
        "client_cpu_pct": 100 * (time.process_time() - cpu) / seconds,
    }


class Counts:
    """How much each measurement does, in ``--quick`` and in a full run."""

    def __init__(self, settings: Settings) -> None:
        quick = settings.quick
        self.clients = 8 if quick else 32
        self.sessions = 150 if quick else 5_000
        self.session_seconds = 1.0 if quick else 6.0
        self.round_trips = 100 if quick else 1_000
        self.round_trip_seconds = 0.5 if quick else 4.0


@register
class ScaleOut(Workload):
    name = "scale_out"
    columns = columns()

    def __init__(self) -> None:
        self._stack: Optional[ExitStack] = None
        #: Each target's setups: the URL to reach each, by key.
        self._deployed: dict[str, dict[str, str]] = {}
        #: Measurements made of each target so far.
        self._turns: dict[str, int] = {}

    def applies(self, target: Target, settings: Settings) -> bool:
        # Thread sessions are PyWebIO's default; --quick keeps the suite short with them only.
        kept = not settings.quick or target.mode == "thread"
        return (target.implementation, target.backend) == (CORE, "tornado") and kept

    def describe(self, settings: Settings) -> str:
        counts = Counts(settings)
        return (
            f"Scale-out over Redis behind nginx round-robin: sessions/s ({counts.clients} "
            f"clients at once, each session opened, one input answered, closed; up to "
            f"{counts.sessions:,} or {counts.session_seconds:g} s) and input round trip (up to "
            f"{counts.round_trips:,} in a row or {counts.round_trip_seconds:g} s, ms)"
        )

    def app(self, target: Target, settings: Settings) -> tuple[str, dict[str, Any]]:
        return APP, {"reconnect_timeout": RECONNECT_TIMEOUT}

    def setup(self, settings: Settings) -> None:
        self._stack = ExitStack()

    def teardown(self) -> None:
        stack, self._stack = self._stack, None
        self._deployed.clear()
        self._turns.clear()
        if stack is not None:
            stack.close()

    def measure(self, target: Target, url: str, pid: int, settings: Settings) -> dict[str, float]:
        urls = self._deploy(target, url)
        # Each run starts with another setup, so that a trend in the machine's other load
        # during a run favours none of them.
        turn = self._turns[target.name] = self._turns.get(target.name, -1) + 1
        first = turn % len(SETUPS)
        order = SETUPS[first:] + SETUPS[:first]
        return asyncio.run(self._measure_all(urls, order, Counts(settings)))

    def table(self, settings: Settings, targets: list[Target], results: dict[str, Result]) -> str:
        return scale_table(self.describe(settings), targets, results)

    def _deploy(self, target: Target, baseline: str) -> dict[str, str]:
        """The cluster of ``target`` and the nginx in front of each setup, started once."""
        if target.name in self._deployed:
            return self._deployed[target.name]
        if os.environ.get(REDIS_URL_VARIABLE):
            raise RuntimeError(f"unset {REDIS_URL_VARIABLE}: the baseline runs without Redis")
        assert self._stack is not None, "setup() comes first"
        stack = self._stack
        started = stack.enter_context(
            cluster(target, APP, PROCESSES, reconnect_timeout=RECONNECT_TIMEOUT)
        )
        directory = started.directory
        upstreams = {"nginx": [baseline], "p1": started.urls[:1], "p2": started.urls[:2]}
        upstreams["p4"] = started.urls[:4]
        # The Redis hop: a session of the first process, its page moved to the second.
        urls = {BASELINE: baseline, "owner": started.urls[0], "other": started.urls[1]}
        for key, upstream in upstreams.items():
            urls[key] = stack.enter_context(behind_nginx(directory / f"nginx-{key}", upstream))
        self._deployed[target.name] = urls
        return urls

    @staticmethod
    async def _measure_all(
        urls: dict[str, str], setups: tuple[Setup, ...], counts: Counts
    ) -> dict[str, float]:
        figures: dict[str, float] = {}
        for setup in setups:
            url, rate = urls[setup.opens_at], {}
            if setup.sessions:
                # Untimed sessions first, so that every process has served one.
                await sessions_per_second(url, PROCESSES, 2 * PROCESSES, TIMEOUT)
                rate = await sessions_per_second(
                    url, counts.clients, counts.sessions, counts.session_seconds
                )
            via = urls[setup.via] if setup.via else None
            times = await round_trips(url, counts.round_trips, counts.round_trip_seconds, via)
            figures.update(setup.figures(rate, times))
        return figures
