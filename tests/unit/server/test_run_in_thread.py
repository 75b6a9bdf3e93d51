"""run_in_thread: how HTTP polling answers requests on an asyncio loop (handle_async)."""

from __future__ import annotations

import asyncio
import concurrent.futures.thread
import threading

import pytest

from webio_core.server.http import run_in_thread


def test_the_call_runs_in_another_thread_and_its_result_comes_back():
    async def main():
        return await run_in_thread(lambda x: (x * 2, threading.current_thread()), 21)

    value, thread = asyncio.run(main())
    assert value == 42 and thread is not threading.current_thread()


def test_an_exception_reaches_the_awaiting_coroutine():
    def fail():
        raise ValueError("broken")

    with pytest.raises(ValueError, match="broken"):
        asyncio.run(run_in_thread(fail))


def test_calls_do_not_wait_for_each_other():
    """More waiting calls than an executor has workers all proceed at once."""
    barrier = threading.Barrier(40, timeout=10)

    async def main():
        return await asyncio.gather(*(run_in_thread(barrier.wait) for _ in range(40)))

    assert sorted(asyncio.run(main())) == list(range(40))


def test_works_while_the_interpreter_exits(monkeypatch):
    """Executors refuse new work once the interpreter is exiting (atexit handlers, where
    script mode waits for its page); run_in_thread does not use one."""
    monkeypatch.setattr(concurrent.futures.thread, "_shutdown", True)

    async def main():
        with pytest.raises(RuntimeError):
            await asyncio.get_running_loop().run_in_executor(None, lambda: 1)
        return await run_in_thread(lambda: "answered")

    assert asyncio.run(main()) == "answered"
