"""HTTP polling apps (Flask, Django) under gunicorn with several worker processes that share
their sessions through Redis, behind nginx with plain round-robin: the files users copy
(docs/scaling/) run as they are.

A session lives in the worker that created it; each poll or POST of its page goes to whichever
worker accepts the connection (the access log says which), and one that does not run the
session carries it to the one that does. Pages are protocol-level clients that poll and retry
as the browser does.
"""

from __future__ import annotations

import concurrent.futures
import functools
import os
import re
import signal
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, NamedTuple, Optional, TypeVar

import pytest
import webio_redis

import webio_core
from webio_core.protocol.constants import STATUS_SESSION_GONE
from webio_core.testing import WebIOClient, eventually
from webio_core.testing.channels import HttpChannel
from webio_core.testing.gunicorn import Gunicorn
from webio_core.testing.nginx import Nginx, render
from webio_core.testing.programs import free_port, program_env
from webio_core.testing.redis import RedisServer

T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[3]
SCALING = ROOT / "docs" / "scaling"
SITE = SCALING / "nginx-http.conf"
#: Each backend's app file and how gunicorn runs it: Flask on sync workers forked from a master
#: that imported the app (--preload), Django on threaded workers that each import it.
DEPLOYMENTS = {
    "flask": ("flask_app:app", ["--preload"]),
    "django": ("django_app:application", ["--threads", "4"]),
}
WORKERS = 3
#: Pages of the load test, how many are open at once, and the inputs each answers.
PAGES = 200
AT_ONCE = 16
ROUNDS = 3
#: Pages open while a worker is killed.
KILL_PAGES = 24
#: Most inputs a page answers while a worker is killed, and when it is killed.
MAX_ROUNDS = 100
KILL_AFTER_SECONDS = 0.3
#: Batches of new pages (AT_ONCE each) opened at most after the kill, until one runs on the
#: worker that replaced the dead one (which worker accepts a connection is the kernel's choice).
NEW_BATCHES = 8
#: The longest a whole test's pages may take.
OVERALL_TIMEOUT = 60.0
OWNER = re.compile(r"session runs in process (\d+)")


class BrowserPolling(HttpChannel):
    """Polls and retries as the browser does: a request that failed (502 from nginx: a worker
    killed while it answered it; 503: "retry", the session's process is not reachable) is sent
    again, a second apart at most, for as long as 20 tries take (the browser goes on after its
    4th failure, for as long as the server keeps sessions); polls every half second (the POST
    that carries an answer brings the reply)."""

    TRIES = 20
    POLL_INTERVAL = 0.5

    def _send(self, request: urllib.request.Request) -> Any:
        try:
            return super()._send(request)
        except urllib.error.HTTPError as error:
            page = self.client
            assert isinstance(page, Page)
            page.refusals.append(error.code)
            raise


class Page(WebIOClient):
    """A page through the proxy, which also checks that the commands it gets have no gap."""

    def __init__(self, url: str) -> None:
        super().__init__(url, transport="http", channel=BrowserPolling)
        self.gaps: list[tuple[int, int]] = []
        #: The HTTP error statuses its requests got.
        self.refusals: list[int] = []

    def _receive(self, frame: dict[str, Any]) -> None:
        # A reply starts after the highest acknowledgement, which never passes what the page
        # has applied: a command whose predecessor never came is a command lost.
        expected = self.page.last_seq + 1
        for command in frame["commands"]:
            if command["seq"] > expected:
                self.gaps.append((expected, command["seq"]))
            expected = max(expected, command["seq"] + 1)
        super()._receive(frame)

    @property
    def session_id(self) -> str:
        spec = self.page.session_spec
        assert spec is not None, "the page has no session yet"
        return str(spec["session_id"])

    def owner(self) -> int:
        """The worker that runs the session (the app says so)."""
        text = self.should_see("session runs in process")
        match = OWNER.search(text)
        assert match is not None, text
        return int(match.group(1))

    def round_trip(self, said: str) -> bool:
        """Answer the input with ``said``; whether the echo came (else the session ended)."""
        # The form, unless the session ends first (its owner killed).
        self.wait_until(lambda page: page.closed or bool(page.forms), "a form or the end")
        if self.page.closed:
            return False
        self.submit(said)
        echo = f"echo {said}"
        self.wait_until(lambda page: page.closed or echo in page.texts(), repr(echo))
        return echo in self.texts()

    def echoes(self) -> list[str]:
        return [text for text in self.texts() if text.startswith("echo ")]


@contextmanager
def deployed(tmp_path: Path, redis: RedisServer, backend: str) -> Iterator[tuple[Gunicorn, str]]:
    """The backend's app file under gunicorn (WORKERS workers), behind nginx configured by the
    documented file; the gunicorn and the proxy's URL. No process may log an exception."""
    target, options = DEPLOYMENTS[backend]
    plugin = __import__(f"webio_{backend}")
    env = {**program_env(webio_core, webio_redis, plugin), "WEBIO_REDIS_URL": redis.url}
    gunicorn = Gunicorn(
        tmp_path / "gunicorn", target, SCALING, env, workers=WORKERS, options=options
    )
    with gunicorn:
        port = free_port()
        site = render(
            SITE.read_text(),
            {
                "listen 80;": f"listen 127.0.0.1:{port};",
                "server 127.0.0.1:8001;": f"server {gunicorn.address};",
            },
        )
        with Nginx(tmp_path / "nginx", site, port) as proxy:
            yield gunicorn, proxy.url + "/"
    # The workers' own output is in gunicorn's log: none of them may log an exception.
    assert "Traceback" not in gunicorn.log(), gunicorn.log()


def run_all(
    work: Callable[[int], T], count: int, at_once: int, then: Callable[[], None] = lambda: None
) -> list[T]:
    """``work(0)`` ... ``work(count - 1)``, ``at_once`` at a time, within OVERALL_TIMEOUT;
    ``then()`` runs meanwhile."""
    pool = concurrent.futures.ThreadPoolExecutor(at_once, thread_name_prefix="webio-test-page")
    try:
        futures = [pool.submit(work, number) for number in range(count)]
        then()
        _, late = concurrent.futures.wait(futures, timeout=OVERALL_TIMEOUT)
        assert not late, f"{len(late)} of {count} pages did not finish in {OVERALL_TIMEOUT}s"
        return [future.result() for future in futures]
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


class Visit(NamedTuple):
    session_id: str
    owner: int
    texts: list[str]
    gaps: list[tuple[int, int]]


@pytest.mark.parametrize("backend", DEPLOYMENTS)
def test_pages_reach_their_session_through_any_worker_and_lose_nothing(
    tmp_path: Path, redis_server: RedisServer, backend: str
) -> None:
    with deployed(tmp_path, redis_server, backend) as (gunicorn, url):
        workers = set(gunicorn.worker_pids())

        def open_and_answer(number: int) -> Visit:
            with Page(url) as page:
                owner = page.owner()
                for round_ in range(ROUNDS):
                    assert page.round_trip(f"{number}.{round_}"), page.texts()
                return Visit(page.session_id, owner, page.texts(), page.gaps)

        visits = run_all(open_and_answer, PAGES, AT_ONCE)
        served = gunicorn.requests()
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists(), f"worker {pid} outlived gunicorn"

    for number, visit in enumerate(visits):
        echoes = [f"echo {number}.{round_}" for round_ in range(ROUNDS)]
        assert visit.texts == [f"session runs in process {visit.owner}", *echoes]
        assert visit.gaps == []
    owners = {v.owner for v in visits}
    assert owners <= workers and len(owners) > 1, owners

    # Where each page's requests went: the sessions stayed put, the requests did not.
    reached: dict[str, set[int]] = defaultdict(set)
    for request in served:
        reached[request.session].add(request.worker)
        assert request.status < 500, request
    assert {request.worker for request in served} == workers
    elsewhere = [v for v in visits if reached[v.session_id] - {v.owner}]
    assert len(elsewhere) >= PAGES * 3 // 4, f"{len(elsewhere)} pages used another worker"


@pytest.mark.parametrize("backend", DEPLOYMENTS)
def test_a_killed_worker_ends_its_own_sessions_only_and_is_replaced(
    tmp_path: Path, redis_server: RedisServer, backend: str
) -> None:
    with deployed(tmp_path, redis_server, backend) as (gunicorn, url):
        before = gunicorn.worker_pids()
        opened: list[Page] = []
        try:

            def open_page(first: int, number: int) -> Page:
                page = Page(url).connect()
                opened.append(page)
                assert page.round_trip(f"{first + number}.0")
                return page

            # A few at a time, until two workers run some: which worker accepts a connection is
            # the kernel's choice, and a threaded worker can take a burst of them alone.
            pages: list[Page] = []
            while len(pages) < KILL_PAGES or len({page.owner() for page in pages}) < 2:
                assert len(pages) < 3 * KILL_PAGES, "every session runs in the same worker"
                pages += run_all(functools.partial(open_page, len(pages)), KILL_PAGES, 4)
            owners = {page: page.owner() for page in pages}
            counts = {pid: list(owners.values()).count(pid) for pid in before}
            victim = max(counts, key=lambda pid: counts[pid])

            # Every page goes on answering inputs while the worker dies under them, until it
            # has answered two after the kill, or its session ended.
            killed = threading.Event()

            def go_on(number: int) -> tuple[int, bool]:
                page, after_kill = pages[number], 0
                for round_ in range(1, MAX_ROUNDS):
                    was_killed = killed.is_set()
                    if not page.round_trip(f"{number}.{round_}"):
                        return round_, False
                    after_kill += was_killed
                    if after_kill == 2:
                        return round_, True
                raise AssertionError(f"page {number}: the worker was not killed")

            answered = run_all(go_on, len(pages), len(pages), then=lambda: kill(victim, killed))

            for number, page in enumerate(pages):
                last, ok = answered[number]
                echoes = [f"echo {number}.{r}" for r in range(last + 1)]
                if owners[page] == victim:
                    # Its session is gone: the server said so (410), the page shows it closed.
                    assert not ok and page.page.closed, page.texts()
                    assert page.refusals[-1:] == [STATUS_SESSION_GONE], page.refusals
                    # What it got before was whole: each echo once, in order.
                    assert page.echoes() == echoes[:-1]
                else:
                    assert ok and not page.page.closed, page.texts()
                    assert page.echoes() == echoes
                assert page.gaps == []
        finally:
            for page in opened:
                page.close()

        # gunicorn replaces the worker; new sessions work, on it too.
        def replaced() -> Optional[set[int]]:
            now = gunicorn.worker_pids()
            return set(now) - set(before) if len(now) == WORKERS and victim not in now else None

        (new_worker,) = eventually(replaced, "gunicorn to replace the worker", timeout=30)

        def new_page(number: int) -> int:
            with Page(url) as page:
                assert page.round_trip(f"new {number}")
                return page.owner()

        seen: set[int] = set()
        for _ in range(NEW_BATCHES):  # until one of them runs on the new worker
            seen.update(run_all(new_page, AT_ONCE, AT_ONCE))
            if new_worker in seen:
                break
        assert new_worker in seen, f"no new session ran in the new worker: {seen}"


def kill(worker: int, killed: threading.Event) -> None:
    """SIGKILL ``worker`` once the pages are well under way."""
    time.sleep(KILL_AFTER_SECONDS)
    os.kill(worker, signal.SIGKILL)
    killed.set()
