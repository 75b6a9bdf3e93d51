"""After 4 rounds of 300 sessions, the server is back where it started: no session in the
registry, no session object alive, no thread or task left, and no memory growth after warm-up."""

from __future__ import annotations

import asyncio
import gc
import weakref
from concurrent.futures import ThreadPoolExecutor

from webio_core.input import input
from webio_core.output import put_text
from webio_core.session import Session
from webio_core.session.coroutinebased import session_event_loop
from webio_core.testing import eventually, serve
from webio_core.testing.faults import open_page
from webio_core.testing.helpers import session_threads
from webio_core.testing.subprocess_server import memory_kib

ROUNDS = 4
SESSIONS = 300
PAGES_AT_ONCE = 8
#: Growth of this process between the end of round 2 and the end of round 4.
MAX_GROWTH_KIB = 8 * 1024


def thread_app() -> None:
    name = input("name?")
    put_text(f"bye {name}")


async def coroutine_app() -> None:
    name = await input("name?")
    put_text(f"bye {name}")


def one_visit(url: str, transport: str, app: str) -> None:
    page = open_page(url, transport, app=app)
    try:
        page.receive(lambda p: p.find("input_group") is not None)
        form = page.page.find("input_group")
        page.send_event("from_submit", form["task_id"], {"data": app})
        page.receive(lambda p: p.closed)
    finally:
        page.close()
    assert page.page.outputs() == [f"bye {app}"]


def sessions_alive() -> list[Session]:
    gc.collect()
    # By type, not isinstance(): isinstance() reads __class__, which makes a lazy object left by
    # an earlier test (Django's unconfigured settings) raise.
    return [o for o in gc.get_objects() if issubclass(type(o), Session)]


def live_sessions(earlier: weakref.WeakSet[Session]) -> int:
    """Sessions alive but those of ``earlier`` (left by earlier tests, maybe still waiting out
    their reconnect time)."""
    return sum(session not in earlier for session in sessions_alive())


def session_loop_tasks() -> int:
    loop = session_event_loop()
    return asyncio.run_coroutine_threadsafe(_count_tasks(), loop).result(5)


async def _count_tasks() -> int:
    return len(asyncio.all_tasks()) - 1  # this one


def test_sessions_leave_nothing_behind(webio_backend):
    apps = {"thread": thread_app, "coroutine": coroutine_app}
    threads_before = session_threads()
    tasks_before = session_loop_tasks()
    earlier = weakref.WeakSet(sessions_alive())
    sizes = []
    with serve(apps, backend=webio_backend) as server:
        for _ in range(ROUNDS):
            visits = [("thread", "coroutine")[i % 2] for i in range(SESSIONS)]
            with ThreadPoolExecutor(PAGES_AT_ONCE) as pool:
                done = pool.map(lambda app: one_visit(server.url, server.transport, app), visits)
                assert len(list(done)) == SESSIONS
            eventually(lambda: not server.endpoint.registry.all(), "the registry to empty")
            eventually(lambda: live_sessions(earlier) == 0, "every session object to go", 10)
            eventually(lambda: session_threads() <= threads_before, "session threads to end")
            if webio_backend != "tornado":  # tornado runs its coroutine apps on its own loop
                eventually(lambda: session_loop_tasks() <= tasks_before, "loop tasks to end")
            sizes.append(memory_kib_of_self())
    growth = sizes[-1] - sizes[1]
    assert growth < MAX_GROWTH_KIB, f"grew by {growth} KiB over rounds 3 and 4: {sizes}"


def memory_kib_of_self() -> int:
    import os

    return memory_kib(os.getpid())["rss"]
