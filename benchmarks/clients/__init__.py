"""Protocol-level clients of the benchmark, registered by implementation and transport."""

from __future__ import annotations

from typing import Callable

from ..targets import CORE, PYWEBIO, Target
from .base import Page
from .http import CoreHttpPage, PyWebIOHttpPage
from .websocket import CorePage, EchoPage, PyWebIOPage

PAGES: dict[tuple[str, str], Callable[[str], Page]] = {
    (CORE, "websocket"): CorePage,
    (CORE, "http"): CoreHttpPage,
    (PYWEBIO, "websocket"): PyWebIOPage,
    (PYWEBIO, "http"): PyWebIOHttpPage,
}


async def open_page(target: Target, url: str) -> Page:
    """A connected page of ``target``'s app at ``url``."""
    page = PAGES[target.implementation, target.transport](url)
    await page.connect()
    return page


__all__ = ["PAGES", "EchoPage", "Page", "open_page"]
