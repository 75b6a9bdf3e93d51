"""One test scenario, two kinds of app: a plain function (thread-based session) and an
``async def`` (coroutine-based session).

A scenario is a function whose blocking calls are written ``value = yield input(...)``::

    def scenario():
        name = yield input("Name")
        put_text(f"Hello, {name}")

    app = app_variant(scenario, "coroutine")

In the thread variant ``input()`` has already blocked and returned the value, which the ``yield``
hands straight back; in the coroutine variant ``input()`` returns a coroutine that the driver
awaits before sending its result back. ``yield put_text(...)`` sends at once in a thread app and
awaits room in the send window in a coroutine app. An exception raised by an input (e.g.
``SessionClosedException``) surfaces at the ``yield`` in both. A scenario without any ``yield``
is a plain function and runs as it is.
"""

from __future__ import annotations

import functools
import inspect
from typing import Any, Callable

from ..output import Output

Scenario = Callable[[], Any]
SESSION_KINDS = ("thread", "coroutine")


def thread_app(scenario: Scenario) -> Callable[[], Any]:
    """The scenario as a plain function (thread-based session)."""

    @functools.wraps(scenario)
    def app() -> Any:
        gen = scenario()
        if not inspect.isgenerator(gen):
            return gen
        value: Any = None
        while True:
            try:
                # input() already returned in this thread: hand its value straight back.
                value = gen.send(value)
            except StopIteration as stop:
                return stop.value
            if isinstance(value, Output):
                # A thread app's bare put_*() is sent at once; this one must not wait for the
                # driver to let go of it.
                value.send()

    return app


def coroutine_app(scenario: Scenario) -> Callable[[], Any]:
    """The scenario as an ``async def`` (coroutine-based session)."""

    @functools.wraps(scenario)
    async def app() -> Any:
        gen = scenario()
        if not inspect.isgenerator(gen):
            return gen
        resume: Callable[[Any], Any] = gen.send
        value: Any = None
        while True:
            try:
                item = resume(value)
            except StopIteration as stop:
                return stop.value
            try:
                value = (await item) if inspect.isawaitable(item) else item
                resume = gen.send
            except BaseException as exc:
                value, resume = exc, gen.throw

    return app


def app_variant(scenario: Scenario, kind: str) -> Callable[[], Any]:
    """The scenario as an app of session kind ``kind`` ("thread" or "coroutine")."""
    if kind == "thread":
        return thread_app(scenario)
    if kind == "coroutine":
        return coroutine_app(scenario)
    raise ValueError(f"session kind must be one of {SESSION_KINDS}, not {kind!r}")
