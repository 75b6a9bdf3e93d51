"""Idle sessions, then fan-in: N pages each wait on an input; the figures are the server's
resident memory growth per session and its thread count, then every page answers at once and
the latency from each page's answer to its next form (p50/p99). The floor holds N raw echo
connections that all send at once. Every measurement gets a new server, so that no session
reuses memory freed by an earlier one."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Awaitable
from typing import Any, Callable, TypeVar

from webio_core.testing.subprocess_server import memory_kib

from ..clients import EchoPage, Page, open_page
from ..targets import CORE, FLOOR, Target
from .apps import INPUT_LOOP
from .base import Column, Settings, Workload, latency_figures, register

T = TypeVar("T")
#: Pages opening at the same time (a browser-like trickle, not a SYN flood).
OPENING = 50
#: Pages opened before the baseline, so that what the first session loads is not counted.
WARM_UP = 3
#: Time for the server to finish its work (and the allocator its bookkeeping) before RSS is read.
SETTLE_SECONDS = {True: 0.3, False: 1.0}


async def _bounded(factories: list[Callable[[], Awaitable[T]]], limit: int) -> list[T]:
    gate = asyncio.Semaphore(limit)

    async def one(factory: Callable[[], Awaitable[T]]) -> T:
        async with gate:
            return await factory()

    return list(await asyncio.gather(*(one(f) for f in factories)))


def _threads(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/task"))


async def _open_waiting(target: Target, url: str) -> Page:
    page = await open_page(target, url)
    await asyncio.wait_for(page.until_input(), 120)
    await page.settle()
    return page


async def _open_echo(url: str) -> EchoPage:
    page = EchoPage(url)
    await page.connect()
    return page


async def _answer(page: Page) -> float:
    start = time.perf_counter()
    await page.submit("go")
    await asyncio.wait_for(page.until_input(), 120)
    return time.perf_counter() - start


async def _echo(page: EchoPage) -> float:
    start = time.perf_counter()
    await page.send()
    await asyncio.wait_for(page.receive(), 120)
    return time.perf_counter() - start


async def idle_then_fan_in(
    target: Target, url: str, pid: int, sessions: int, settle: float
) -> dict[str, float]:
    floor = target.implementation == FLOOR
    opener: Callable[[], Awaitable[Any]] = (
        (lambda: _open_echo(url)) if floor else (lambda: _open_waiting(target, url))
    )
    warm = await _bounded([opener] * WARM_UP, OPENING)
    await asyncio.sleep(settle)
    before = memory_kib(pid)["rss"]
    pages = await _bounded([opener] * sessions, OPENING)
    await asyncio.sleep(settle)
    growth = memory_kib(pid)["rss"] - before
    threads = _threads(pid)
    answer: Callable[[Any], Awaitable[float]] = _echo if floor else _answer
    latencies = await asyncio.gather(*(answer(page) for page in pages))
    await _bounded([page.close for page in [*warm, *pages]], OPENING)
    return {
        "kib_per_session": growth / sessions,
        "threads": float(threads),
        **latency_figures(latencies, "fan_in_"),
    }


class _Idle(Workload):
    fresh_server = True
    columns = (
        Column("kib_per_session", "KiB/session", 1, ratios=True),
        Column("threads", "threads", 0),
        Column("fan_in_p50_ms", "fan-in p50 ms", 1),
        Column("fan_in_p99_ms", "fan-in p99 ms", 1, ratios=True),
    )

    def sessions(self, settings: Settings) -> int:
        raise NotImplementedError

    def describe(self, settings: Settings) -> str:
        return (
            f"{self.sessions(settings):,} idle sessions: server RSS growth per session, server "
            "threads, then all answer at once: latency to the next form (lower is better)"
        )

    def app(self, target: Target, settings: Settings) -> tuple[str, dict[str, Any]]:
        return INPUT_LOOP, {}

    def measure(self, target: Target, url: str, pid: int, settings: Settings) -> dict[str, float]:
        sessions, settle = self.sessions(settings), SETTLE_SECONDS[settings.quick]
        return asyncio.run(idle_then_fan_in(target, url, pid, sessions, settle))


@register
class Idle(_Idle):
    name = "idle"

    def applies(self, target: Target, settings: Settings) -> bool:
        return target.transport == "websocket"

    def sessions(self, settings: Settings) -> int:
        return 50 if settings.quick else 1_000


@register
class ManyIdle(_Idle):
    """The goal's 10,000 sessions in one process, on webio-core's tornado coroutine sessions
    and the tornado floor only (the rest would take too long and too many threads)."""

    name = "idle_many"

    def applies(self, target: Target, settings: Settings) -> bool:
        if target.implementation == FLOOR:
            return target.backend == "tornado"
        return (target.implementation, target.backend, target.mode) == (
            CORE,
            "tornado",
            "coroutine",
        )

    def sessions(self, settings: Settings) -> int:
        return 200 if settings.quick else 10_000
