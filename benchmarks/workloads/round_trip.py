"""Input round trips: the app asks for input in a loop and the client answers each form as
soon as it arrives; the figure is the time from sending an answer to having the next form.
Over WebSocket the floor is a raw echo of the same server library; over HTTP the client POSTs
the answer and polls until the next form has come.

Each run is bounded in count and in time (PyWebIO's thread sessions take ~40 ms a round trip),
so the table says how many round trips a figure rests on."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from ..clients import EchoPage, open_page
from ..targets import FLOOR, Target
from .apps import INPUT_LOOP
from .base import Column, Settings, Workload, latency_figures, register


class _RoundTrip(Workload):
    transport = ""
    full_count = 0

    def count(self, settings: Settings) -> int:
        return 100 if settings.quick else self.full_count

    def seconds(self, settings: Settings) -> float:
        return 1.0 if settings.quick else 8.0

    columns = (
        Column("p50_ms", "median ms", 3, ratios=True),
        Column("p99_ms", "p99 ms", 3),
        Column("n", "round trips", 0),
    )

    def applies(self, target: Target, settings: Settings) -> bool:
        return target.transport == self.transport

    def describe(self, settings: Settings) -> str:
        return (
            f"{self.title}: up to {self.count(settings):,} in a row or "
            f"{self.seconds(settings):g} s, ms (lower is better)"
        )

    def app(self, target: Target, settings: Settings) -> tuple[str, dict[str, Any]]:
        return INPUT_LOOP, {}

    def measure(self, target: Target, url: str, pid: int, settings: Settings) -> dict[str, float]:
        count, seconds = self.count(settings), self.seconds(settings)
        if target.implementation == FLOOR:
            return asyncio.run(echo_round_trips(url, count, seconds))
        return asyncio.run(input_round_trips(target, url, count, seconds))


async def input_round_trips(
    target: Target, url: str, count: int, budget: float
) -> dict[str, float]:
    page = await open_page(target, url)
    times: list[float] = []
    try:
        await asyncio.wait_for(page.until_input(), 60)
        deadline = time.perf_counter() + budget
        while len(times) < count and time.perf_counter() < deadline:
            start = time.perf_counter()
            await page.submit(str(len(times)))
            await asyncio.wait_for(page.until_input(), 60)
            times.append(time.perf_counter() - start)
    finally:
        await page.close()
    return latency_figures(times)


async def echo_round_trips(url: str, count: int, budget: float) -> dict[str, float]:
    page = EchoPage(url)
    await page.connect()
    times: list[float] = []
    try:
        deadline = time.perf_counter() + budget
        while len(times) < count and time.perf_counter() < deadline:
            start = time.perf_counter()
            await page.send()
            await asyncio.wait_for(page.receive(), 60)
            times.append(time.perf_counter() - start)
    finally:
        await page.close()
    return latency_figures(times)


@register
class InputRoundTrip(_RoundTrip):
    name = "input_round_trip"
    title = "Input round trip over WebSocket"
    transport = "websocket"
    full_count = 2_000


@register
class HttpRoundTrip(_RoundTrip):
    name = "http_round_trip"
    title = "Input round trip over HTTP polling"
    transport = "http"
    full_count = 300

    def applies(self, target: Target, settings: Settings) -> bool:
        return target.transport == "http" and target.implementation != FLOOR
