"""Real Redis (the distribution's ``redis-server``) for tests of several processes.

:class:`RedisServer` runs it as a child process on a loopback port, with nothing saved to
disk, and stops it by its process id; :meth:`RedisServer.restart` cuts every client::

    with RedisServer(tmp_path) as redis:
        with serve(app, registry_url=redis.url) as first, serve(app, registry_url=redis.url):
            ...
"""

from __future__ import annotations

import shutil
import socket
import subprocess
from pathlib import Path
from typing import Optional

from .child import ChildServer
from .helpers import eventually
from .programs import end_process, free_port

#: How long redis-server may take to start listening, or to exit once asked.
REDIS_TIMEOUT = 10.0


def redis_binary() -> str:
    """The redis-server program; FileNotFoundError (not a skip) when it is not installed."""
    found = shutil.which("redis-server")
    if found is None:
        raise FileNotFoundError(
            "redis-server is not installed: apt-get install redis-server "
            "(scripts/test.sh installs it)"
        )
    return found


class RedisServer(ChildServer):
    """A redis-server on 127.0.0.1 for the length of a ``with`` block; files in ``directory``."""

    def __init__(self, directory: Path, port: Optional[int] = None) -> None:
        self.directory = directory
        self.port = port or free_port()
        self.binary = redis_binary()
        self.process: Optional[subprocess.Popen[bytes]] = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def log(self) -> str:
        path = self.directory / "redis.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def start(self) -> None:
        assert self.process is None, "redis-server is already running"
        self.directory.mkdir(parents=True, exist_ok=True)
        arguments = [
            self.binary,
            *("--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self.directory)),
            *("--save", "", "--appendonly", "no", "--protected-mode", "yes"),
            *("--logfile", str(self.directory / "redis.log")),
        ]
        self.process = subprocess.Popen(
            arguments, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL
        )
        eventually(self._accepting, f"redis-server to listen on {self.port}", REDIS_TIMEOUT)

    def _accepting(self) -> bool:
        assert self.process is not None
        if self.process.poll() is not None:
            raise AssertionError(f"redis-server exited ({self.process.returncode}):\n{self.log()}")
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as connection:
                connection.sendall(b"PING\r\n")
                return connection.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None:
            end_process(process, REDIS_TIMEOUT)
