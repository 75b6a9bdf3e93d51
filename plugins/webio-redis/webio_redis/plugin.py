"""The entry point: sessions of ``redis://``, ``rediss://`` and ``unix://`` registry URLs are
shared through that Redis."""

from __future__ import annotations

from typing import Optional

from webio_core import hookimpl
from webio_core.server.scaleout import SharedSessions

from .bus import RedisBus

SCHEMES = ("redis", "rediss", "unix")


@hookimpl
def webio_session_registry(url: str) -> Optional[SharedSessions]:
    if url.partition("://")[0] not in SCHEMES:
        return None
    bus = RedisBus(url)
    bus.check()  # a clear error when the server starts, not at the first page
    return SharedSessions(bus)
