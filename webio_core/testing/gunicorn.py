"""Real gunicorn (requirements-test.txt) serving a WSGI app with several worker processes.

:class:`Gunicorn` runs it as a child process on a loopback port, with every file it writes
(logs, control socket) in a directory of the test's, and stops it by its process id. Its access
log names the worker that answered each request, so a test can tell where a page's requests
went::

    with Gunicorn(tmp_path, "flask_app:app", app_dir, env, workers=3) as server:
        WebIOClient(server.url, transport="http").connect()
        server.requests()  # [Served(worker=..., method="GET", status=200, seconds=..., ...)]
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple, Optional

from ..protocol.constants import SESSION_HEADER
from .child import ChildServer
from .helpers import eventually, http_request
from .programs import child_pids, end_process, free_port

#: How long gunicorn may take to start its workers, or to exit once asked.
GUNICORN_TIMEOUT = 30.0
#: The access log's lines: the answering worker, the method, the status, the seconds it took,
#: the session header.
ACCESS_FORMAT = f"%(p)s %(m)s %(s)s %(L)s %({{{SESSION_HEADER}}}i)s"


class Served(NamedTuple):
    """One line of the access log."""

    worker: int
    method: str
    status: int
    seconds: float
    session: str


class Gunicorn(ChildServer):
    """gunicorn serving ``target`` (``"module:app"``, imported from ``app_dir``) with
    ``workers`` processes on 127.0.0.1, in environment ``env``; ``options`` are more of its
    command-line options (``--preload``, ``--threads 4``...). Files go to ``directory``."""

    def __init__(
        self,
        directory: Path,
        target: str,
        app_dir: Path,
        env: dict[str, str],
        *,
        workers: int = 3,
        options: Sequence[str] = (),
    ) -> None:
        self.directory = directory
        self.target = target
        self.app_dir = app_dir
        self.env = env
        self.workers = workers
        self.options = list(options)
        self.port = free_port()
        self.process: Optional[subprocess.Popen[bytes]] = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def log(self) -> str:
        path = self.directory / "gunicorn.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def start(self) -> None:
        """Start gunicorn; return once all its workers run and the app answers."""
        assert self.process is None, "gunicorn is already running"
        self.directory.mkdir(parents=True, exist_ok=True)
        arguments = [
            *(sys.executable, "-m", "gunicorn", "--workers", str(self.workers)),
            *("--bind", self.address, "--chdir", str(self.app_dir)),
            # Its default is one path per user, which gunicorns running side by side would share.
            *("--control-socket", str(self.directory / "gunicorn.ctl")),
            *("--access-logfile", str(self.directory / "access.log")),
            *("--access-logformat", ACCESS_FORMAT, "--graceful-timeout", "5"),
            *self.options,
            self.target,
        ]
        with open(self.directory / "gunicorn.log", "ab") as log:
            self.process = subprocess.Popen(
                arguments, env=self.env, stdin=subprocess.DEVNULL, stdout=log, stderr=log
            )
        eventually(self._serving, f"gunicorn to serve on {self.address}", GUNICORN_TIMEOUT)

    def _serving(self) -> bool:
        assert self.process is not None
        if self.process.poll() is not None:
            raise AssertionError(f"gunicorn exited ({self.process.returncode}):\n{self.log()}")
        if len(self.worker_pids()) != self.workers:
            return False
        try:
            return http_request(self.url + "/")[0] == 200
        except OSError:
            return False

    def worker_pids(self) -> list[int]:
        """The worker processes running now (the master's children)."""
        return [] if self.process is None else sorted(child_pids(self.process.pid))

    def requests(self) -> list[Served]:
        """What the workers answered so far, in the access log's order."""
        path = self.directory / "access.log"
        served = []
        for line in path.read_text().splitlines() if path.exists() else []:
            worker, method, status, seconds, session = line.split(" ", 4)
            pid = int(worker.strip("<>"))
            served.append(Served(pid, method, int(status), float(seconds), session))
        return served

    def stop(self) -> None:
        """Stop gunicorn (SIGTERM: its workers finish their requests, 5 s at most)."""
        process, self.process = self.process, None
        if process is not None:
            end_process(process, GUNICORN_TIMEOUT, with_children=True)
