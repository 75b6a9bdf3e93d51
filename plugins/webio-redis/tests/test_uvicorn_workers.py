"""FastAPI under ``uvicorn --workers 2``, the workers sharing their sessions through Redis: the
file users copy (docs/scaling/fastapi_app.py) runs as it is.

The fastapi backend serves sessions over WebSocket only. The workers share one listening
socket, so the kernel, not a proxy, picks the worker of each connection; uvicorn's log (with
each line's process id) says which worker accepted each socket. A page whose socket dropped
resumes its session (``?session=ID&ack=N``) through whichever worker accepts the new one.
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import re
import signal
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

import webio_fastapi
import webio_redis
from websockets.sync.client import connect

import webio_core
from webio_core.testing import eventually, http_request
from webio_core.testing.programs import child_pids, free_port, program_env
from webio_core.testing.raw import answer, receive_until, submit, texts, ws_url
from webio_core.testing.redis import RedisServer

ROOT = Path(__file__).resolve().parents[3]
SCALING = ROOT / "docs" / "scaling"
WORKERS = 2
#: Pages, how many at once, and how many times each drops its socket and resumes.
PAGES = 40
AT_ONCE = 8
RESUMES = 5
#: How long uvicorn may take to start its workers, or to stop; the longest the pages may take.
UVICORN_TIMEOUT = 30.0
OVERALL_TIMEOUT = 60.0
OWNER = re.compile(r"session runs in process (\d+)")
#: uvicorn's line for an accepted socket that resumes a session.
RESUMED = re.compile(r'^(\d+) .*"WebSocket /\?app=index&session=([^&"]+)&ack=\d+" \[accepted\]')


@contextmanager
def uvicorn_workers(directory: Path, redis: RedisServer) -> Iterator[tuple[str, Path]]:
    """The app file under ``uvicorn --workers 2``: its URL, and its log (process id first)."""
    log = directory / "uvicorn.log"
    handler = {"class": "logging.FileHandler", "filename": str(log), "formatter": "pid"}
    config = {
        "version": 1,
        "formatters": {"pid": {"format": "%(process)d %(levelname)s %(message)s"}},
        "handlers": {"file": handler},
        "loggers": {name: {"handlers": ["file"], "level": "INFO"} for name in ("uvicorn",)},
    }
    (directory / "log.json").write_text(json.dumps(config))
    port = free_port()
    env = {**program_env(webio_core, webio_redis, webio_fastapi), "WEBIO_REDIS_URL": redis.url}
    arguments = [
        *(sys.executable, "-m", "uvicorn", "--workers", str(WORKERS), "--app-dir", str(SCALING)),
        *("--host", "127.0.0.1", "--port", str(port), "--log-config", str(directory / "log.json")),
        "fastapi_app:app",
    ]
    with open(directory / "output.log", "ab") as output:
        process = subprocess.Popen(arguments, env=env, stdout=output, stderr=output)
    url = f"http://127.0.0.1:{port}/"

    def serving() -> bool:
        assert process.poll() is None, f"uvicorn exited: {log.read_text(errors='replace')}"
        started = log.read_text().count("Application startup complete") if log.exists() else 0
        try:
            return started == WORKERS and http_request(url)[0] == 200
        except OSError:
            return False

    try:
        eventually(serving, "uvicorn's workers to serve", UVICORN_TIMEOUT)
        yield url, log
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=UVICORN_TIMEOUT)
        except subprocess.TimeoutExpired:
            for pid in child_pids(process.pid):  # still its children: still ours
                os.kill(pid, signal.SIGKILL)
            process.kill()
            process.wait(timeout=UVICORN_TIMEOUT)
    for name in ("uvicorn.log", "output.log"):  # no process may log an exception
        text = (directory / name).read_text(errors="replace")
        assert "Traceback" not in text, text


class Visit(NamedTuple):
    session_id: str
    owner: int
    texts: list[str]
    #: The commands' numbers, in the order they came, over every socket of the page.
    seqs: list[int]


def visit(url: str, number: int) -> Visit:
    """A page that answers an input on each of RESUMES sockets, each opened anew."""
    origin: Any = url.rstrip("/")
    with connect(ws_url(url), origin=origin) as socket:
        commands = receive_until(socket, "input_group")
    session_id = commands[0]["spec"]["session_id"]
    seen = texts(commands)
    match = OWNER.search(seen[0])
    assert match is not None, seen
    seqs = [c["seq"] for c in commands]
    for resume in range(RESUMES):
        # The form is the newest input_group (a busy flag may come after it).
        form = [c for c in commands if c["command"] == "input_group"][-1]
        last = commands[-1]["seq"]
        with connect(ws_url(url, session=session_id, ack=str(last)), origin=origin) as socket:
            submit(socket, last, answer(resume + 1, form["task_id"], f"{number}.{resume}"))
            commands = receive_until(socket, "input_group")
        seen += texts(commands)
        seqs += [c["seq"] for c in commands]
    return Visit(session_id, int(match.group(1)), seen, seqs)


def test_pages_resume_their_sessions_through_either_uvicorn_worker(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    with uvicorn_workers(tmp_path, redis_server) as (url, log):
        pool = concurrent.futures.ThreadPoolExecutor(AT_ONCE)
        try:
            futures = [pool.submit(visit, url, number) for number in range(PAGES)]
            _, late = concurrent.futures.wait(futures, timeout=OVERALL_TIMEOUT)
            assert not late, f"{len(late)} of {PAGES} pages did not finish"
            visits = [future.result() for future in futures]
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
        lines = log.read_text().splitlines()

    for number, page in enumerate(visits):
        echoes = [f"echo {number}.{resume}" for resume in range(RESUMES)]
        assert page.texts == [f"session runs in process {page.owner}", *echoes]
        # Every command once, none missing: the owner resent nothing the page had.
        assert page.seqs == list(range(1, len(page.seqs) + 1))
    owners = {page.owner for page in visits}
    assert len(owners) == WORKERS, owners

    # Where the resumed sockets went: the sessions stayed put, the sockets did not.
    reached: dict[str, set[int]] = defaultdict(set)
    for line in lines:
        found = RESUMED.match(line)
        if found:
            reached[found.group(2)].add(int(found.group(1)))
    assert sum(len(workers) for workers in reached.values()) >= PAGES
    relayed = [page for page in visits if reached[page.session_id] - {page.owner}]
    assert len(relayed) >= PAGES // 2, f"{len(relayed)} pages resumed through the other worker"
