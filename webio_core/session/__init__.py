"""Control of the current session, as PyWebIO's ``pywebio.session``: ``run_js``, ``eval_js``,
``go_app``, ``download``, ``defer_call``, ``local``, ``info``, ``hold``, ``set_env``,
``register_thread``, ``run_async``, ``run_asyncio_coroutine`` (and the deprecated ``data`` and
``get_info``); and, beyond PyWebIO, :func:`subscribe` and :func:`broadcast`: messages for every
session that subscribed to a topic, in every process."""

from __future__ import annotations

from .api import (
    data,
    defer_call,
    get_info,
    hold,
    info,
    local,
    register_thread,
    run_async,
    run_asyncio_coroutine,
    set_env,
)
from .base import Session
from .broadcast import broadcast, subscribe
from .context import get_current_session
from .coroutinebased import CoroutineSession, TaskHandler
from .errors import JSError, SessionClosedException, SessionException, SessionNotFoundException
from .info import SessionInfo
from .page import download, eval_js, go_app, run_js
from .threadbased import ThreadSession
from .topics import Subscription

__all__ = [
    "CoroutineSession",
    "JSError",
    "Session",
    "SessionClosedException",
    "SessionException",
    "SessionInfo",
    "SessionNotFoundException",
    "Subscription",
    "TaskHandler",
    "ThreadSession",
    "broadcast",
    "data",
    "defer_call",
    "download",
    "eval_js",
    "get_current_session",
    "get_info",
    "go_app",
    "hold",
    "info",
    "local",
    "register_thread",
    "run_async",
    "run_asyncio_coroutine",
    "run_js",
    "set_env",
    "subscribe",
]
