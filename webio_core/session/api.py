"""The public functions of ``webio_core.session``: ``defer_call``, ``local``, ``info``, ``hold``,
``run_async``... (those acting on the page itself, such as ``run_js``, are in :mod:`.page`).

They act on the session of the app that calls them (found through the current thread or
asyncio task), as PyWebIO's ``pywebio.session`` does.
"""

from __future__ import annotations

import asyncio
import threading
import warnings
from collections.abc import Coroutine
from typing import Any, Callable, TypeVar

from ..protocol.commands import SetEnvSpec
from .context import bound_session, get_current_session
from .coroutinebased import CoroutineSession, TaskHandler
from .info import LocalNamespace
from .threadbased import ThreadSession

F = TypeVar("F", bound=Callable[[], Any])


def defer_call(func: F) -> F:
    """Call ``func`` when the session closes, for whatever reason. Usable as a decorator.

    Deferred functions run in the order they were registered; they cannot interact with the
    page any more.
    """
    get_current_session().defer_call(func)
    return func


def hold() -> Any:
    """Wait until the user closes the page (``await hold()`` in coroutine sessions).

    Apps do not need it: a session stays open by itself while its page has live callbacks.
    """
    session = get_current_session()
    if isinstance(session, CoroutineSession):
        return session.hold()
    assert isinstance(session, ThreadSession)
    session.hold()
    return None


def register_thread(thread: threading.Thread) -> None:
    """Let ``thread`` (not started yet) use webio_core functions of the current session."""
    session = get_current_session()
    if not isinstance(session, ThreadSession):
        raise RuntimeError("register_thread() is only available in thread-based sessions")
    session.register_thread(thread)


def run_async(coro_obj: Coroutine[Any, Any, Any]) -> TaskHandler:
    """Run a coroutine concurrently inside the current coroutine-based session."""
    session = get_current_session()
    if not isinstance(session, CoroutineSession):
        raise RuntimeError("run_async() is only available in coroutine-based sessions")
    return session.run_async(coro_obj)


async def run_asyncio_coroutine(coro_obj: Coroutine[Any, Any, Any]) -> Any:
    """Await an asyncio coroutine from a coroutine-based session.

    Sessions already run on a real asyncio loop, so a plain ``await`` works too; this is kept
    for PyWebIO programs that wrap their asyncio calls.
    """
    session = get_current_session()
    if not isinstance(session, CoroutineSession):
        raise RuntimeError("run_asyncio_coroutine() is only available in coroutine-based sessions")
    if asyncio.get_running_loop() is session.loop:
        return await coro_obj
    future = asyncio.run_coroutine_threadsafe(coro_obj, session.loop)
    return await asyncio.wrap_future(future)


_ENV_KEYS = SetEnvSpec.__optional_keys__ | SetEnvSpec.__required_keys__


def set_env(**env_info: Any) -> None:
    """Configure the page of the current session (title, output_max_width, ...)."""
    unknown = set(env_info) - _ENV_KEYS
    if unknown:
        raise TypeError(
            f"set_env() got unknown settings {sorted(unknown)}; known: {sorted(_ENV_KEYS)}"
        )
    get_current_session().set_env(SetEnvSpec(**env_info))  # type: ignore[typeddict-item]


def _refuse_dunder(name: str) -> None:
    # Tools probe objects for dunders (copy, pickle, doc generators, debuggers); outside a
    # session, looking one up would start script mode's server.
    if name.startswith("__"):
        raise AttributeError(name)


class _CurrentLocal:
    """``session.local``: attribute storage of whichever session is current."""

    def _target(self) -> LocalNamespace:
        return get_current_session().local

    def __getattr__(self, name: str) -> Any:
        _refuse_dunder(name)
        return getattr(self._target(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._target(), name, value)

    def __delattr__(self, name: str) -> None:
        delattr(self._target(), name)

    def __getitem__(self, key: Any) -> Any:
        return self._target()[key]

    def __setitem__(self, key: Any, value: Any) -> None:
        self._target()[key] = value

    def __contains__(self, key: Any) -> bool:
        return key in self._target()

    def __iter__(self) -> Any:
        return iter(self._target())

    def __repr__(self) -> str:
        # A repr is for looking, not for starting script mode's server.
        if bound_session() is None:
            return "<webio_core.session.local: the current session's storage (no session here)>"
        return repr(self._target())


class _CurrentInfo:
    """``session.info``: the :class:`SessionInfo` of whichever session is current."""

    def __getattr__(self, name: str) -> Any:
        _refuse_dunder(name)
        return getattr(get_current_session().info, name)


local: Any = _CurrentLocal()
info: Any = _CurrentInfo()


def data() -> Any:
    """Deprecated (as in PyWebIO since 1.1): the session's ``local`` object."""
    warnings.warn(
        "webio_core.session.data() is deprecated; use webio_core.session.local",
        DeprecationWarning,
        stacklevel=2,
    )
    return local


def get_info() -> Any:
    """Deprecated (as in PyWebIO since 1.2): the session's ``info`` object."""
    warnings.warn(
        "webio_core.session.get_info() is deprecated; use webio_core.session.info",
        DeprecationWarning,
        stacklevel=2,
    )
    return info
