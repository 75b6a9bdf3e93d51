"""Cross-origin protection: a page of another site cannot open or drive a session."""

from __future__ import annotations

import json
import urllib.parse
from typing import Optional

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect
from websockets.typing import Origin

from webio_core.input import input
from webio_core.output import put_text
from webio_core.testing import http_request, serve

pytestmark = pytest.mark.usefixtures("webio_no_leaked_threads")

EVIL = "http://evil.example"


def echo():
    while True:
        said = yield input("say")
        put_text(f"echo {said}")


def plain_echo():
    """For servers with origin options: origin checks happen before any session exists, so the
    kind of session does not matter there."""
    while True:
        said = input("say")
        put_text(f"echo {said}")


def app_name(server) -> str:
    """The app a test opens: its own app on a shared server, else the index."""
    return getattr(server, "name", "index")


def sessions(server) -> list:
    return server.sessions if hasattr(server, "sessions") else server.app.sessions


def ws_url(server, **query: str) -> str:
    parts = urllib.parse.urlsplit(server.url)
    return f"ws://{parts.netloc}/?{urllib.parse.urlencode({'app': app_name(server), **query})}"


def open_session(server, origin: Optional[str]) -> int:
    """Try to start a session from a page on ``origin``; the HTTP status of the attempt
    (101 for an accepted WebSocket upgrade)."""
    if server.transport == "websocket":
        try:
            sent_origin = None if origin is None else Origin(origin)
            with connect(ws_url(server), origin=sent_origin, open_timeout=10) as socket:
                # Accepted: the first command is the session's.
                first = json.loads(socket.recv(timeout=10))["commands"]
                assert first[0]["command"] == "session"
                return 101
        except InvalidStatus as refusal:
            return refusal.response.status_code
    headers = {"webio-session-id": "new"}
    if origin is not None:
        headers["Origin"] = origin
    query = {"app": app_name(server)}
    status, response_headers, _ = http_request(server.url, query=query, headers=headers)
    if status == 200:
        # Close the session we just opened.
        http_request(
            server.url,
            method="POST",
            query=query,
            headers={**headers, "webio-session-id": response_headers["webio-session-id"]},
            body=json.dumps({"ack": 0, "events": [], "close": True}).encode(),
        )
    return status


def accepted(status: int) -> bool:
    return status in (101, 200)


@pytest.mark.parametrize(
    "origin",
    [EVIL, "null", "http://127.0.0.1.evil.example", "https://localhost"],
    ids=["foreign", "null", "lookalike-host", "localhost-other-scheme-and-port"],
)
def test_foreign_origin_refused(webio_host, make_app, origin):
    with webio_host(make_app(echo)) as server:
        assert open_session(server, origin) == 403
        assert sessions(server) == []


def test_same_origin_accepted(webio_host, make_app):
    with webio_host(make_app(echo)) as server:
        parts = urllib.parse.urlsplit(server.url)
        assert accepted(open_session(server, f"http://{parts.netloc}"))
        # Clients that send no Origin at all are not browsers: the same-origin rule is moot.
        assert accepted(open_session(server, None))


@pytest.mark.webio_transport("websocket")
def test_websocket_refusal_from_foreign_origin_has_403(webio_host, make_app):
    with webio_host(make_app(echo)) as server:
        with (
            pytest.raises(InvalidStatus) as refusal,
            connect(ws_url(server), origin=Origin(EVIL), open_timeout=10),
        ):
            pass
        assert refusal.value.response.status_code == 403


def test_allowed_origins_pattern(webio_backend):
    allowed = "http://app.example.com"
    with serve(
        plain_echo, backend=webio_backend, allowed_origins=["http://*.example.com"]
    ) as server:
        assert accepted(open_session(server, allowed))
        assert open_session(server, EVIL) == 403
        assert open_session(server, "http://example.com.evil.org") == 403
        assert open_session(server, "https://app.example.com") == 403
        # A whole round trip from the allowed origin.
        with server.client(origin=allowed) as user:
            user.submit("from app.example.com")
            user.should_see("echo from app.example.com")


def test_check_origin_overrides(webio_backend):
    seen: list[str] = []

    def check(origin: str) -> bool:
        seen.append(origin)
        return origin == "http://trusted.test"

    with serve(
        plain_echo,
        backend=webio_backend,
        allowed_origins=["http://*.example.com"],
        check_origin=check,
    ) as server:
        assert accepted(open_session(server, "http://trusted.test"))
        assert open_session(server, EVIL) == 403
        # check_origin decides alone: allowed_origins no longer applies.
        assert open_session(server, "http://app.example.com") == 403
        assert {"http://trusted.test", EVIL, "http://app.example.com"} <= set(seen)
        # The server's own origin needs no permission.
        seen.clear()
        with server.client() as user:
            user.submit("same origin")
            user.should_see("echo same origin")


@pytest.mark.webio_transport("http")
def test_http_session_requests_from_foreign_origin_refused(webio_host, make_app):
    with webio_host(make_app(echo)) as server, server.client() as user:
        form = user.form()
        session_id = user.page.session_spec["session_id"]
        hostile = {"webio-session-id": session_id, "Origin": EVIL}
        body = json.dumps(
            {
                "ack": 0,
                "events": [
                    {
                        "seq": 1,
                        "event": "from_submit",
                        "task_id": form.task_id,
                        "data": {"data": "hijack"},
                    }
                ],
            }
        ).encode()
        query = {"app": app_name(server)}
        status, headers, _ = http_request(
            server.url, method="POST", query=query, headers=hostile, body=body
        )
        assert status == 403
        assert "Access-Control-Allow-Origin" not in headers
        # Polling another user's session from a foreign page is refused too.
        status, _, _ = http_request(server.url, query={**query, "ack": "0"}, headers=hostile)
        assert status == 403
        user.submit("mine", form=form)
        user.should_see("echo mine")
        user.should_not_see("hijack")


@pytest.mark.webio_transport("http")
def test_http_preflight_only_for_allowed_origins(webio_backend):
    with serve(
        plain_echo, backend=webio_backend, allowed_origins=["http://app.example.com"]
    ) as server:
        preflight = {
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "webio-session-id",
        }
        status, _, _ = http_request(
            server.url, method="OPTIONS", headers={"Origin": EVIL, **preflight}
        )
        assert status == 403
        status, headers, _ = http_request(
            server.url, method="OPTIONS", headers={"Origin": "http://app.example.com", **preflight}
        )
        assert status == 204
        assert headers["Access-Control-Allow-Origin"] == "http://app.example.com"
