"""In Chromium: three processes of docs/scaling/app.py sharing one Redis, behind nginx
configured by docs/scaling/nginx-round-robin.conf (plain round-robin). A page whose socket
nginx cut comes back to its session through a process that does not run it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import webio_redis
from playwright.sync_api import expect

from webio_core.testing import eventually
from webio_core.testing.nginx import Nginx
from webio_core.testing.programs import free_port
from webio_core.testing.redis import RedisServer
from webio_core.testing.round_robin import app_processes, landings, round_robin_site, upstream_log

from .conftest import ROOT

SCRIPT = ROOT / "docs" / "scaling" / "app.py"
SITE = ROOT / "docs" / "scaling" / "nginx-round-robin.conf"
#: What the page says while its socket is down and it tries again (frontend/src/status.ts).
RECONNECTING = "Connection lost, reconnecting"


def say(page: Any, text: str) -> None:
    page.get_by_label("Say something").fill(text)
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text(f"echo {text}")).to_be_visible()


def test_a_page_resumes_through_another_process_when_nginx_restarts(
    page: Any, tmp_path: Path
) -> None:
    template = SITE.read_text()
    logs = tmp_path / "nginx"
    with (
        RedisServer(tmp_path / "redis") as redis,
        app_processes(SCRIPT, 3, redis.url, tmp_path / "apps", ["tornado"], [webio_redis]) as apps,
    ):
        port = free_port()
        ports = [app.port for app in apps]
        with Nginx(logs, round_robin_site(template, port, ports), port, http=upstream_log(logs)):
            page.goto(f"http://127.0.0.1:{port}/")
            owner_text = page.get_by_text("process on port").inner_text()
            owner = int(owner_text.rpartition(" ")[2])
            say(page, "before")
        expect(page.get_by_text(RECONNECTING)).to_be_visible()

        # nginx comes back with the owner last: its first request, the page's socket, goes to
        # the first process of the list, which does not run the session.
        others = [p for p in ports if p != owner]
        site = round_robin_site(template, port, [*others, owner])
        with Nginx(logs, site, port, http=upstream_log(logs)):
            expect(page.get_by_text(RECONNECTING)).to_have_count(0)
            expect(page.get_by_text("Connection lost")).to_have_count(0)
            say(page, "after")
            for text in (owner_text, "echo before", "echo after"):
                expect(page.get_by_text(text, exact=True)).to_have_count(1)
            page.goto("about:blank")  # nginx logs a socket when it closes
            went = eventually(lambda: landings(logs), "nginx to log the resumed socket")

    assert list(went.values()) == [[others[0]]]
