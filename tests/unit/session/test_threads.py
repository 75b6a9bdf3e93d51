"""SessionThread: the light thread of thread-based sessions keeps what code and tests need of a
threading.Thread (alive, join, the list of running ones, the threading module's trace hook)."""

from __future__ import annotations

import _thread
import sys
import threading
import tracemalloc
from typing import Any

from webio_core.session.threads import SessionThread, running_session_threads
from webio_core.testing import loopback
from webio_core.testing.helpers import eventually, session_threads


def test_runs_its_target_with_its_arguments_and_is_alive_until_it_returns():
    release = threading.Event()
    seen: list[Any] = []

    def target(a: int, b: str) -> None:
        seen.append((a, b, threading.get_ident()))
        release.wait(5)

    thread = SessionThread(target, "webio-task-test", (1, "x"))
    assert not thread.is_alive()  # not started yet
    thread.start()
    eventually(lambda: seen, "the target to run")
    assert seen[0][:2] == (1, "x") and seen[0][2] != threading.get_ident()
    assert thread.is_alive() and thread in running_session_threads()
    assert not thread.join(timeout=0.05)
    release.set()
    assert thread.join(timeout=5)
    assert not thread.is_alive() and thread not in running_session_threads()
    assert "ended" in repr(thread)


def test_a_target_that_raises_still_ends_the_thread():
    def fail() -> None:
        raise RuntimeError("boom")

    hook_calls: list[Any] = []
    old_hook = sys.unraisablehook
    sys.unraisablehook = hook_calls.append  # where _thread reports an uncaught exception
    try:
        thread = SessionThread(fail, "webio-task-fail")
        thread.start()
        assert thread.join(timeout=5)
    finally:
        sys.unraisablehook = old_hook
    assert not thread.is_alive() and thread not in running_session_threads()
    assert [type(call.exc_value) for call in hook_calls] == [RuntimeError]


def test_the_threading_modules_trace_hook_reaches_the_thread_as_coverage_needs():
    calls: list[str] = []

    def tracer(frame: Any, event: str, arg: Any) -> Any:
        if event == "call":
            calls.append(frame.f_code.co_name)
        return None

    def traced_target() -> None:
        pass

    threading.settrace(tracer)
    try:
        thread = SessionThread(traced_target, "webio-task-traced")
        thread.start()
        assert thread.join(timeout=5)
    finally:
        threading.settrace(None)  # type: ignore[arg-type]
    assert "traced_target" in calls


def test_thread_sessions_start_no_threading_thread_and_are_listed_while_they_run():
    def app() -> None:
        from webio_core.input import input

        input("x")

    with loopback(app) as server:
        page = server.client().connect()
        page.form()
        (session,) = server.sessions
        (thread,) = session.threads
        assert thread.name == f"webio-task-{session.short_id}"
        assert thread in session_threads()
        assert not [t for t in threading.enumerate() if t.name.startswith("webio-task-")]
        page.close()
        eventually(lambda: not thread.is_alive(), "the session thread to end")
    assert thread not in session_threads()


def test_a_thread_session_costs_less_than_a_threading_thread():
    # A threading.Thread allocated about 2.7 KB of its own (an Event, a Condition, a dict).
    # The threads wait on a plain lock, which allocates nothing (an Event's wait does, and
    # start() returns once a thread runs, so that would be counted too).
    gate = _thread.allocate_lock()
    gate.acquire()

    def wait_for_the_gate() -> None:
        with gate:  # each passes it on to the next
            pass

    tracemalloc.start(1)
    try:
        before = tracemalloc.take_snapshot()
        threads = [SessionThread(wait_for_the_gate, "webio-task-size") for _ in range(20)]
        for thread in threads:
            thread.start()
        after = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
        gate.release()
    grown = sum(stat.size_diff for stat in after.compare_to(before, "filename")) / len(threads)
    for thread in threads:
        assert thread.join(timeout=5)
    assert grown < 1024, f"{grown:.0f} B per SessionThread"
