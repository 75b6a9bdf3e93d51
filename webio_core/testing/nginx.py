"""Real nginx (the distribution's package) in front of servers under test.

:class:`Nginx` runs it as a child process in the foreground, on a loopback port, with every file
it writes (pid, logs, request bodies) in a directory of the test's, and stops it by its process
id. The site's configuration is text the test gives: usually a documented file whose example
addresses :func:`render` replaces, so the file users copy is the file under test::

    port = free_port()
    site = render(template, {"listen 80;": f"listen 127.0.0.1:{port};"})
    with Nginx(tmp_path, site, port) as proxy:
        http_request(proxy.url + "/tools/")
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Optional

from .child import ChildServer
from .helpers import eventually
from .programs import end_process

#: Where Debian and most distributions install nginx: not on a normal user's PATH.
SYSTEM_DIRS = ("/usr/sbin", "/sbin", "/usr/local/sbin")
#: How long nginx may take to start listening, or to exit once asked.
NGINX_TIMEOUT = 10.0

_MAIN_CONF = """\
# Written by webio_core.testing.nginx: nothing outside {dir} is written.
{user}worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log info;
events {{
    # Each socket through nginx holds two connections (the page's and the backend's): enough
    # for a few hundred pages at once.
    worker_connections 1024;
}}
http {{
    access_log {dir}/access.log;
    client_body_temp_path {dir}/temp/client_body;
    proxy_temp_path {dir}/temp/proxy;
    fastcgi_temp_path {dir}/temp/fastcgi;
    uwsgi_temp_path {dir}/temp/uwsgi;
    scgi_temp_path {dir}/temp/scgi;
{http}
    include {dir}/site.conf;
}}
"""


def nginx_binary() -> str:
    """The nginx program; FileNotFoundError (not a skip) when it is not installed."""
    search = os.pathsep.join([os.environ.get("PATH", ""), *SYSTEM_DIRS])
    found = shutil.which("nginx", path=search)
    if found is None:
        raise FileNotFoundError(
            "nginx is not installed: apt-get install nginx (scripts/test.sh installs it)"
        )
    return found


def render(template: str, replacements: Mapping[str, str]) -> str:
    """``template`` with each key replaced by its value. Each key must occur exactly once: a
    change to the documented file that breaks a replacement fails the test, rather than
    leaving the example address in place or testing something else than the file says."""
    for old, new in replacements.items():
        count = template.count(old)
        if count != 1:
            raise ValueError(f"{old!r} occurs {count} times in the template, not once")
        template = template.replace(old, new)
    return template


class Nginx(ChildServer):
    """nginx serving ``site`` (an http-level configuration: ``server``, ``upstream``, ``map``
    blocks) that listens on 127.0.0.1:``port``. ``http`` adds directives to the http block
    around it (``proxy_bind 127.0.0.3;`` makes the backends see the proxy at an address of its
    own). Files go to ``directory``."""

    def __init__(self, directory: Path, site: str, port: int, *, http: str = "") -> None:
        self.directory = directory
        self.port = port
        self.binary = nginx_binary()
        self.process: Optional[subprocess.Popen[bytes]] = None
        (directory / "temp").mkdir(parents=True, exist_ok=True)
        (directory / "site.conf").write_text(site)
        # As root, workers would switch to "nobody", who cannot enter a test's private
        # temporary directory (request bodies are written there).
        user = "user root;\n" if os.geteuid() == 0 else ""
        main = _MAIN_CONF.format(dir=directory, user=user, http=http)
        (directory / "nginx.conf").write_text(main)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def error_log(self) -> str:
        """What nginx logged (its startup errors and each connection's)."""
        texts = []
        for name in ("stderr.log", "error.log"):
            path = self.directory / name
            if path.exists():
                texts.append(path.read_text(errors="replace"))
        return "".join(texts)

    def start(self) -> None:
        """Start nginx and wait until its port accepts connections."""
        assert self.process is None, "nginx is already running"
        conf = self.directory / "nginx.conf"
        with open(self.directory / "stderr.log", "ab") as stderr:
            self.process = subprocess.Popen(
                [self.binary, "-p", f"{self.directory}/", "-c", str(conf), "-g", "daemon off;"],
                stdin=subprocess.DEVNULL,
                stdout=stderr,
                stderr=stderr,
            )
        eventually(self._accepting, f"nginx to listen on port {self.port}", NGINX_TIMEOUT)

    def _accepting(self) -> bool:
        assert self.process is not None
        if self.process.poll() is not None:
            raise AssertionError(f"nginx exited ({self.process.returncode}):\n{self.error_log()}")
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def stop(self) -> None:
        """Stop nginx at once (SIGTERM: open connections are closed, not drained)."""
        process, self.process = self.process, None
        if process is not None:
            end_process(process, NGINX_TIMEOUT, with_children=True)
