"""examples/chat_room.py as its docstring says to run it: two processes of their own, one Redis,
configured by ``WEBIO_REDIS_URL``; pages on either are in one room."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import webio_redis

import webio_core
from webio_core.testing import WebIOClient
from webio_core.testing.programs import end_process, free_port, program_env, wait_until_serving
from webio_core.testing.redis import RedisServer

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "chat_room.py"
TIMEOUT = 10
#: How long a stopped chat process may take to exit before it is killed.
STOP_TIMEOUT = 10


@contextmanager
def chat_room_process(redis_url: str, log: Path) -> Iterator[str]:
    """The example in a process of its own; yields its URL."""
    port = free_port()
    env = {**program_env(webio_core, webio_redis), "WEBIO_REDIS_URL": redis_url}
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-u", str(EXAMPLE), "--port", str(port)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            text=True,
        )
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_until_serving(process, url)
        yield url
    finally:
        end_process(process, STOP_TIMEOUT)


def enter(url: str, nickname: str) -> WebIOClient:
    # No Origin header: the page is the site's, behind one load balancer, in real life.
    page = WebIOClient(url, origin="", timeout=TIMEOUT).connect()
    page.submit(nickname)
    page.should_see(f"* {nickname} joined the room")
    return page


def test_two_processes_of_the_example_are_one_room(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    first_process = chat_room_process(redis_server.url, tmp_path / "first.log")
    second_process = chat_room_process(redis_server.url, tmp_path / "second.log")
    with first_process as first, second_process as second:
        bob = enter(second, "bob")
        ann = enter(first, "ann")
        try:
            bob.should_see("* ann joined the room")
            ann.submit(text="hello from the first process", action=0)  # Send
            bob.should_see("ann: hello from the first process")
            ann.should_see("ann: hello from the first process")
            bob.submit(text="hi from the second", action=0)
            ann.should_see("bob: hi from the second")
            ann.should_not_see("bob joined")  # before ann came in: nothing is stored

            ann.click_action("Leave")
            ann.should_see("You left the room.")
            ann.wait_closed()
            bob.should_see("* ann left the room")
        finally:
            ann.close()
            bob.close()
