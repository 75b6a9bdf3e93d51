"""Programs under test in a process of their own, as a user runs them: a free loopback port to
give them, start with this process's webio_core and plugins on the path, wait until they serve,
stop them with Ctrl+C (SIGINT)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from .helpers import eventually, http_request

#: How long a program may take to start serving, or to stop after Ctrl+C.
PROGRAM_TIMEOUT = 30.0
#: The first line of a program under test: Ctrl+C (SIGINT) raises KeyboardInterrupt, as in a
#: terminal. A test run started in the background by a shell ignores SIGINT, its children
#: inherit that, and Python then never turns SIGINT into KeyboardInterrupt.
AS_IN_A_TERMINAL = "import signal; signal.signal(signal.SIGINT, signal.default_int_handler)\n"


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def end_process(
    process: subprocess.Popen[Any],
    timeout: float,
    sig: int = signal.SIGTERM,
    with_children: bool = False,
) -> None:
    """Ask a child process to stop with ``sig`` and wait ``timeout`` for it; then kill it (and,
    ``with_children``, first the children it would leave behind: while they are still its
    children, their ids cannot be another process's). Nothing to do once it has exited."""
    if process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        for pid in child_pids(process.pid) if with_children else []:
            os.kill(pid, signal.SIGKILL)
        process.kill()
        process.wait(timeout=timeout)


def program_env(*packages: ModuleType) -> dict[str, str]:
    """The environment of a program under test: this one without webio settings, with
    ``packages`` importable from where this process imports them, and no browser opened."""
    roots = [Path(p.__file__ or "").resolve().parents[1] for p in packages]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WEBIO_", "PYWEBIO_"))}
    env.update(PYTHONPATH=os.pathsep.join(map(str, roots)), WEBIO_NO_BROWSER="1")
    return env


@contextmanager
def program(source: str, *packages: ModuleType) -> Iterator[subprocess.Popen[str]]:
    """Runs ``source`` as a Python program that imports ``packages`` from where this process
    does; stops it with SIGINT at the end of the block if it still runs."""
    process = subprocess.Popen(
        [sys.executable, "-u", "-c", AS_IN_A_TERMINAL + source],
        env=program_env(*packages),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        yield process
    finally:
        end_process(process, PROGRAM_TIMEOUT, signal.SIGINT)
        assert process.stdout is not None
        process.stdout.close()


def wait_until_serving(process: subprocess.Popen[str], url: str) -> None:
    """Waits until ``url`` answers 200; fails at once if the program ends first."""

    def serving() -> bool:
        assert process.poll() is None, f"the program ended: {process.communicate()[0]}"
        try:
            return http_request(url)[0] == 200
        except OSError:  # not listening yet
            return False

    eventually(serving, f"{url} to answer", timeout=PROGRAM_TIMEOUT)


def stop_with_ctrl_c(process: subprocess.Popen[str]) -> tuple[int, str, float]:
    """(exit code, output, seconds it took to stop) after SIGINT."""
    started = time.monotonic()
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=PROGRAM_TIMEOUT)
    return process.returncode, output, time.monotonic() - started


def child_pids(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (the workers of nginx or gunicorn)."""
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # it ended meanwhile
        # "pid (name) state ppid ...": the name may hold spaces and parentheses.
        fields = stat.rpartition(")")[2].split()
        if len(fields) > 1 and int(fields[1]) == pid:
            children.append(int(entry.name))
    return children
