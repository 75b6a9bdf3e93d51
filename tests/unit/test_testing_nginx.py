"""webio_core.testing.nginx: the documented file rendered strictly, and a real nginx started,
found where Debian puts it, and stopped with its workers."""

from __future__ import annotations

from pathlib import Path

import pytest

from webio_core.testing import eventually, http_request
from webio_core.testing import nginx as nginx_module
from webio_core.testing.nginx import Nginx, nginx_binary, render
from webio_core.testing.programs import child_pids, free_port

SITE = """\
server {
    listen 127.0.0.1:PORT;
    location / { return 200 "proxy up"; }
}
"""


def test_render_replaces_each_example_exactly_once():
    assert render("listen 80; server a;", {"listen 80;": "listen 1;"}) == "listen 1; server a;"
    with pytest.raises(ValueError, match="occurs 0 times"):
        render("listen 80;", {"listen 443;": "listen 1;"})
    with pytest.raises(ValueError, match="occurs 2 times"):
        render("a; a;", {"a;": "b;"})


def test_nginx_is_found_outside_a_users_path(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    assert Path(nginx_binary()).name == "nginx"


def test_a_missing_nginx_fails_and_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setattr(nginx_module, "SYSTEM_DIRS", ())
    with pytest.raises(FileNotFoundError, match="apt-get install nginx"):
        nginx_binary()


def test_nginx_serves_and_stops_with_its_workers(tmp_path: Path):
    port = free_port()
    with Nginx(tmp_path, SITE.replace("PORT", str(port)), port) as proxy:
        assert proxy.process is not None
        master = proxy.process.pid
        # The master listens before it forks its workers.
        workers = eventually(lambda: child_pids(master), "nginx's workers")
        assert http_request(proxy.url + "/")[::2] == (200, b"proxy up")
    for pid in [master, *workers]:
        assert not Path(f"/proc/{pid}").exists(), f"process {pid} outlived stop()"
    written = {path.name for path in tmp_path.iterdir()}
    assert {"nginx.conf", "site.conf", "error.log", "access.log", "temp"} <= written
    assert "nginx.pid" not in written, "nginx removes its pid file as it exits"


def test_a_configuration_nginx_refuses_fails_with_its_log(tmp_path: Path):
    proxy = Nginx(tmp_path, "server { no_such_directive on; }", free_port())
    with pytest.raises(AssertionError, match="no_such_directive"):
        proxy.start()
    proxy.stop()
