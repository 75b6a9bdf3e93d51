"""Control of the current session, as PyWebIO's ``pywebio.session``: ``defer_call``,
``download``, ``local``, ``info``, ``hold``, ``set_env``, ``register_thread``, ``run_async``,
``run_asyncio_coroutine``."""

from __future__ import annotations

from .api import (
    defer_call,
    download,
    hold,
    info,
    local,
    register_thread,
    run_async,
    run_asyncio_coroutine,
    set_env,
)
from .base import Session
from .context import get_current_session
from .coroutinebased import CoroutineSession, TaskHandler
from .errors import SessionClosedException, SessionException, SessionNotFoundException
from .info import SessionInfo
from .threadbased import ThreadSession

__all__ = [
    "CoroutineSession",
    "Session",
    "SessionClosedException",
    "SessionException",
    "SessionInfo",
    "SessionNotFoundException",
    "TaskHandler",
    "ThreadSession",
    "defer_call",
    "download",
    "get_current_session",
    "hold",
    "info",
    "local",
    "register_thread",
    "run_async",
    "run_asyncio_coroutine",
    "set_env",
]
