"""Behind a reverse proxy: Debian's nginx, configured by the file users copy
(docs/nginx/webio.conf, with its example addresses replaced), in front of a WebSocket backend
and an HTTP polling one, on the file's sub-path.

nginx reaches the backends from 127.0.0.3 (``proxy_bind``), the browser and test clients
connect from 127.0.0.1: so the backend can tell the proxy from the client it speaks for.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import os
import re
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from webio_core.input import NUMBER, file_upload, input
from webio_core.output import put_text
from webio_core.plugins import get_plugins
from webio_core.protocol.constants import NEW_SESSION, SESSION_HEADER
from webio_core.session import info
from webio_core.testing import RunningApp, WebIOClient, eventually, only_session, serve
from webio_core.testing.nginx import Nginx, render
from webio_core.testing.programs import free_port

from .conftest import ROOT

SITE = ROOT / "docs" / "nginx" / "webio.conf"
SUB_PATH = "/tools/"
BACKENDS = ["tornado", "flask"]
PROXY_IP = "127.0.0.3"
#: What the page says while its socket is down and it tries again (frontend/src/status.ts).
RECONNECTING = "Connection lost, reconnecting"


def transport_of(backend: str) -> str:
    return get_plugins().backend(backend).transport


@contextmanager
def behind_nginx(
    tmp_path: Path,
    app: Callable[[], Any],
    backend: str,
    changes: Mapping[str, str] | None = None,
    **options: Any,
) -> Iterator[tuple[Nginx, RunningApp]]:
    """``app`` served by ``backend`` with ``options``, behind nginx configured by the
    documented file (plus ``changes`` to it)."""
    with serve(app, backend=backend, **options) as server:
        port = free_port()
        site = render(
            SITE.read_text(),
            {
                "listen 80;": f"listen 127.0.0.1:{port};",
                "server 127.0.0.1:8080;": f"server {urlsplit(server.url).netloc};",
                **(changes or {}),
            },
        )
        with Nginx(tmp_path / "nginx", site, port, http=f"proxy_bind {PROXY_IP};") as proxy:
            yield proxy, server


# ---- in Chromium: a session on the sub-path, through a restart of the proxy -------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_session_outlives_a_proxy_restart(page: Any, tmp_path: Path, backend: str):
    proxy_down = threading.Event()
    sent = threading.Event()

    def app() -> None:
        name = input("Your name")
        put_text(f"Hello {name}, from {info.user_ip}")
        proxy_down.wait(timeout=30)
        put_text("Written while the proxy was down")
        sent.set()
        age = input("Your age", type=NUMBER)
        put_text(f"{name} is {age}")

    # As a user would deploy it: a page may come back to its session for a minute, and the
    # proxy's X-Forwarded-For is believed.
    options = {"reconnect_timeout": 60, "trusted_proxies": PROXY_IP}
    with behind_nginx(tmp_path, app, backend, **options) as (proxy, server):
        page.goto(proxy.url + SUB_PATH)
        page.get_by_label("Your name").fill("Ada")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("Hello Ada, from 127.0.0.1")).to_be_visible()
        session = only_session(server)

        proxy.stop()
        # A polling page says so after its fourth failed request in a row, and polls on.
        expect(page.get_by_text(RECONNECTING)).to_be_visible()
        proxy_down.set()
        assert sent.wait(timeout=10)
        expect(page.get_by_text("Written while the proxy was down")).to_have_count(0)

        proxy.start()
        expect(page.get_by_text("Written while the proxy was down")).to_have_count(1)
        expect(page.get_by_text("Connection lost")).to_have_count(0)
        assert server.sessions == [session]  # resumed, not replaced by a new one
        page.get_by_label("Your age").fill("36")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("Ada is 36")).to_be_visible()
        expect(page.get_by_text("Hello Ada, from 127.0.0.1")).to_have_count(1)


def test_a_socket_nginx_closes_for_silence_is_opened_again(page: Any, tmp_path: Path):
    def app() -> None:
        name = input("Your name")
        put_text(f"Hello {name}")

    # A page waiting for its user is silent: nginx closes its socket after proxy_read_timeout.
    shorter = {"proxy_read_timeout 1h;": "proxy_read_timeout 1s;"}
    with behind_nginx(tmp_path, app, "tornado", shorter, reconnect_timeout=60) as (proxy, _):
        page.goto(proxy.url + SUB_PATH)
        expect(page.get_by_label("Your name")).to_be_visible()
        eventually(
            lambda: re.search("upstream timed out .* upgraded connection", proxy.error_log()),
            "nginx to close the silent socket",
        )
        page.get_by_label("Your name").fill("Ada")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("Hello Ada")).to_be_visible()


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_upload_over_nginx_default_body_limit(page: Any, tmp_path: Path, backend: str):
    # Over HTTP polling the page posts up to four 512 KiB chunks at once: more than the 1 MB
    # nginx accepts by default, so this fails without the file's client_max_body_size.
    content = os.urandom(3 * 1024 * 1024 + 11)
    (tmp_path / "data.bin").write_bytes(content)

    def app() -> None:
        f = file_upload("Data")
        put_text(f"got {len(f['content'])} {hashlib.sha256(f['content']).hexdigest()[:16]}")

    with behind_nginx(tmp_path, app, backend) as (proxy, _):
        page.goto(proxy.url + SUB_PATH)
        page.locator("input.webio-file-input").set_input_files(str(tmp_path / "data.bin"))
        page.get_by_role("button", name="Submit").click()
        digest = hashlib.sha256(content).hexdigest()[:16]
        expect(page.get_by_text(f"got {len(content)} {digest}")).to_be_visible()


# ---- on the wire: which headers the backend believes ---------------------------------------


def show_where_from() -> None:
    put_text(f"ip={info.user_ip} host={info.server_host}")
    input("wait")


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("trusted_proxies", "seen"),
    [(None, PROXY_IP), (PROXY_IP, "127.0.0.1")],
    ids=["no-trusted-proxies", "proxy-trusted"],
)
def test_x_forwarded_for_is_believed_only_from_a_trusted_proxy(
    tmp_path: Path, backend: str, trusted_proxies: str | None, seen: str
):
    # The client forges the header; nginx appends the address it saw (127.0.0.1). Trusting
    # the proxy makes the backend read that last hop, never what the client wrote.
    forged = {"X-Forwarded-For": "203.0.113.7"}
    with behind_nginx(tmp_path, show_where_from, backend, trusted_proxies=trusted_proxies) as (
        proxy,
        server,
    ):
        url = proxy.url + SUB_PATH
        with WebIOClient(url, transport=server.transport, headers=forged) as user:
            # The Host reached the backend with its port: the proxy's, not the backend's.
            user.should_see(f"ip={seen} host=127.0.0.1:{proxy.port}")


def status_and_location(url: str, headers: Mapping[str, str]) -> tuple[int, str]:
    """A GET's status and Location header, without following a redirect."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        connection.request("GET", parts.path, headers=dict(headers))
        response = connection.getresponse()
        return response.status, response.getheader("Location", "")
    finally:
        connection.close()


def session_request_status(url: str, transport: str) -> int:
    """The status of the request that opens a session, carrying the page's Origin (as a
    browser's WebSocket upgrade does, and its polling transport's POSTs)."""
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    if transport == "websocket":
        key = base64.b64encode(os.urandom(16)).decode()
        headers = {"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Key": key}
        headers["Sec-WebSocket-Version"] = "13"
    else:
        headers = {SESSION_HEADER: NEW_SESSION}
    return status_and_location(url, {**headers, "Origin": origin})[0]


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_host_header_must_keep_its_port(tmp_path: Path, backend: str):
    transport = transport_of(backend)
    accepted = 101 if transport == "websocket" else 200

    def app() -> None:
        input("wait")

    with behind_nginx(tmp_path / "as-documented", app, backend) as (proxy, _):
        assert session_request_status(proxy.url + SUB_PATH, transport) == accepted
    # nginx's $host drops the port, and the same-origin check refuses the page's own origin.
    without_port = {"proxy_set_header Host $http_host;": "proxy_set_header Host $host;"}
    with behind_nginx(tmp_path / "host", app, backend, without_port) as (proxy, _):
        assert session_request_status(proxy.url + SUB_PATH, transport) == 403


def test_the_sub_path_without_its_slash_redirects_relatively(tmp_path: Path):
    with behind_nginx(tmp_path, show_where_from, "tornado") as (proxy, _):
        assert status_and_location(proxy.url + SUB_PATH.rstrip("/"), {}) == (301, SUB_PATH)
