"""Several processes of one app script behind nginx's plain round-robin, sharing their sessions
through Redis: what the tests of scale-out run::

    with RedisServer(tmp / "redis") as redis, app_processes(script, 3, redis.url, tmp) as apps:
        port = free_port()
        site = round_robin_site(template, port, [app.port for app in apps])
        with Nginx(tmp / "nginx", site, port, http=upstream_log(tmp / "nginx")) as proxy:
            ...
        landings(tmp / "nginx")  # which process each socket that resumed a session reached

The app script takes its port (and any ``args``) on its command line and the registry from
``WEBIO_REDIS_URL``, as docs/scaling/app.py does.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import ModuleType

from ..protocol.constants import QUERY_SESSION
from .helpers import eventually, http_request
from .nginx import render
from .programs import PROGRAM_TIMEOUT, free_port, program_env

#: An upstream server line of a documented site file: its example port is replaced.
SERVER_LINE = re.compile(r"server 127\.0\.0\.1:(\d+);")
#: The access log that names the process (upstream) of each request.
UPSTREAM_LOG = "upstream.log"


@dataclass
class AppProcess:
    """One server process of the app, on ``port``; its output goes to ``log``."""

    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def kill(self) -> None:
        """Kill it at once (SIGKILL): no code of its own runs, its sockets are cut."""
        self.process.kill()
        self.process.wait(timeout=PROGRAM_TIMEOUT)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=PROGRAM_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=PROGRAM_TIMEOUT)


@contextmanager
def app_processes(
    script: Path,
    count: int,
    redis_url: str,
    directory: Path,
    args: Sequence[str] = (),
    packages: Sequence[ModuleType] = (),
) -> Iterator[list[AppProcess]]:
    """``count`` processes of ``script`` (``python script PORT *args``, each on a free port,
    ``WEBIO_REDIS_URL=redis_url``, ``packages`` imported from where this process imports them),
    serving once the block starts; each is stopped (SIGTERM, then SIGKILL) when it ends."""
    import webio_core

    env = {**program_env(webio_core, *packages), "WEBIO_REDIS_URL": redis_url}
    directory.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        started = []
        for _ in range(count):
            port = free_port()
            log = directory / f"app-{port}.log"
            output = stack.enter_context(open(log, "wb"))
            process = subprocess.Popen(
                [sys.executable, "-u", str(script), str(port), *args],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            started.append(AppProcess(port, process, log))
            stack.callback(started[-1].stop)
        for app in started:
            eventually(partial(_serving, app), f"{app.url} to answer", PROGRAM_TIMEOUT)
        yield started


def _serving(app: AppProcess) -> bool:
    if app.process.poll() is not None:
        raise AssertionError(f"the app on port {app.port} ended:\n{app.output()}")
    try:
        return http_request(app.url)[0] == 200
    except OSError:  # not listening yet
        return False


def round_robin_site(template: str, listen_port: int, ports: Sequence[int]) -> str:
    """The documented site ``template`` listening on 127.0.0.1:``listen_port``, its upstream
    server lines (in their order) pointing at ``ports``: one port per line."""
    examples = SERVER_LINE.findall(template)
    if len(examples) != len(ports):
        raise ValueError(f"the site has {len(examples)} server lines, not {len(ports)}")
    replacements = {"listen 80;": f"listen 127.0.0.1:{listen_port};"}
    for example, port in zip(examples, ports):
        replacements[f"server 127.0.0.1:{example};"] = f"server 127.0.0.1:{port};"
    return render(template, replacements)


def upstream_log(directory: Path) -> str:
    """The directives (for :class:`~webio_core.testing.nginx.Nginx`'s ``http``) that log each
    request's process to ``directory``/upstream.log. nginx logs a socket when it closes."""
    return (
        "log_format webio_upstream '$upstream_addr $request_uri';\n"
        f"    access_log {directory / UPSTREAM_LOG} webio_upstream;"
    )


def landings(directory: Path) -> dict[str, list[int]]:
    """For each session, the ports of the processes its resuming sockets reached (in the order
    they closed), from the log of :func:`upstream_log`."""
    path = directory / UPSTREAM_LOG
    found: dict[str, list[int]] = {}
    for line in path.read_text().splitlines() if path.exists() else ():
        upstreams, _, uri = line.rpartition(" ")
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(uri).query)
        if QUERY_SESSION in query and upstreams:
            # "a:1, b:2" when the first process refused the connection: the last one served it.
            last = upstreams.split(",")[-1].strip()
            found.setdefault(query[QUERY_SESSION][0], []).append(int(last.rpartition(":")[2]))
    return found
