"""Burst: the app writes many outputs and then asks for input; outputs per second from the
moment the page connects until the last output has arrived (acknowledged as the browser does,
so webio-core's send window keeps moving)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from ..clients import open_page
from ..targets import FLOOR, Target
from .base import Column, Settings, Workload, register

APP = """
    from {pkg}.input import input
    from {pkg}.output import put_text

    {async_}def main():
        for i in range({count}):
            put_text(f"line {{i}}")
        {await_}input("Done")
"""


def count(settings: Settings) -> int:
    return 2_000 if settings.quick else 20_000


@register
class Burst(Workload):
    name = "burst"
    title = "Burst of put_text outputs"
    columns = (Column("outputs_per_s", "outputs/s", 0, ratios=True),)

    def applies(self, target: Target, settings: Settings) -> bool:
        return target.implementation != FLOOR

    def describe(self, settings: Settings) -> str:
        return f"{self.title}: {count(settings):,} outputs, outputs/s (higher is better)"

    def app(self, target: Target, settings: Settings) -> tuple[str, dict[str, Any]]:
        return APP.replace("{count}", str(count(settings))), {}

    def measure(self, target: Target, url: str, pid: int, settings: Settings) -> dict[str, float]:
        return asyncio.run(self._burst(target, url, count(settings)))

    @staticmethod
    async def _burst(target: Target, url: str, outputs: int) -> dict[str, float]:
        start = time.perf_counter()
        page = await open_page(target, url)
        try:
            await asyncio.wait_for(page.until_input(), 120)
        finally:
            await page.close()
        if page.outputs != outputs:
            raise RuntimeError(f"{page.outputs} outputs arrived, not {outputs}")
        return {"outputs_per_s": outputs / (page.last_output - start)}
