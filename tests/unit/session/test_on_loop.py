"""on_loop(): whether the caller may touch a loop directly, asked several times per event."""

from __future__ import annotations

import asyncio
import threading

from webio_core.session.coroutinebased import on_loop


def test_true_on_the_loop_and_false_elsewhere():
    loop = asyncio.new_event_loop()
    seen: dict[str, bool] = {}
    try:
        seen["before it runs"] = on_loop(loop)
        seen["on it"] = loop.run_until_complete(_ask(loop))
        other = threading.Thread(target=lambda: seen.update({"other thread": on_loop(loop)}))
        loop.run_until_complete(_run_while(loop, other))
        seen["after it ran"] = on_loop(loop)
    finally:
        loop.close()
    assert seen == {
        "before it runs": False,
        "on it": True,
        "other thread": False,
        "after it ran": False,
    }


def test_another_running_loop_is_not_this_one():
    mine, other = asyncio.new_event_loop(), asyncio.new_event_loop()
    try:
        assert other.run_until_complete(_ask(mine)) is False
    finally:
        mine.close()
        other.close()


class _ForeignLoop:
    """A loop of another implementation, which records no thread: asyncio is asked instead."""


def test_a_loop_that_records_no_thread_is_looked_up_through_asyncio():
    foreign = _ForeignLoop()
    assert on_loop(foreign) is False  # type: ignore[arg-type]
    assert asyncio.run(_ask(foreign)) is False  # type: ignore[arg-type]


async def _ask(loop: asyncio.AbstractEventLoop) -> bool:
    return on_loop(loop)


async def _run_while(loop: asyncio.AbstractEventLoop, thread: threading.Thread) -> None:
    thread.start()
    while thread.is_alive():
        await asyncio.sleep(0.01)
