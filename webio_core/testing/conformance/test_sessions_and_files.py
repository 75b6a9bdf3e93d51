"""Session ids cannot be guessed or reused; files outside the served directories stay private."""

from __future__ import annotations

import json
import re
import threading
import urllib.parse

import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from webio_core.input import input
from webio_core.output import put_text
from webio_core.session import defer_call
from webio_core.testing import eventually, http_request, raw_get, serve

pytestmark = pytest.mark.usefixtures("webio_no_leaked_threads")


def waiting():
    yield input("wait")


def thread_waiting():
    """For tests about requests, where the kind of session does not matter."""
    input("wait")


def test_session_ids_are_long_random_and_distinct(webio_host, make_app):
    with webio_host(make_app(waiting)) as server:
        users = [server.client().connect() for _ in range(5)]
        try:
            ids = []
            for user in users:
                user.wait_until(lambda page: page.session_spec is not None, "the session command")
                ids.append(user.page.session_spec["session_id"])
            live = {session.id for session in server.sessions}
        finally:
            for user in users:
                user.close()
    assert len(set(ids)) == len(ids)
    assert set(ids) == live
    for session_id in ids:
        # secrets.token_urlsafe(32): 43 characters of url-safe base64 (256 bits).
        assert re.fullmatch(r"[A-Za-z0-9_-]{43,}", session_id), session_id
    # No shared structure such as a counter or a timestamp prefix.
    assert len({session_id[:6] for session_id in ids}) == len(ids)


@pytest.mark.webio_transport("http")
def test_http_unknown_session_is_gone(webio_host):
    with webio_host(thread_waiting) as server:
        bogus = {"webio-session-id": "A" * 43}
        status, _, _ = http_request(
            server.url, query={"app": server.name, "ack": "0"}, headers=bogus
        )
        assert status == 410
        status, _, _ = http_request(
            server.url,
            method="POST",
            query={"app": server.name},
            headers=bogus,
            body=json.dumps({"ack": 0, "events": []}).encode(),
        )
        assert status == 410
        assert server.sessions == []


@pytest.mark.webio_transport("http")
def test_http_closed_session_is_gone(webio_host, make_app):
    with webio_host(make_app(waiting)) as server:
        with server.client() as user:
            user.form()
            session_id = user.page.session_spec["session_id"]
        status, _, _ = http_request(
            server.url,
            query={"app": server.name, "ack": "0"},
            headers={"webio-session-id": session_id},
        )
        assert status == 410


@pytest.mark.webio_transport("websocket")
def test_websocket_reattach_to_unknown_session_refused(webio_host):
    with webio_host(thread_waiting) as server:
        parts = urllib.parse.urlsplit(server.url)
        query = urllib.parse.urlencode({"app": server.name, "session": "A" * 43, "ack": "0"})
        with (
            connect(f"ws://{parts.netloc}/?{query}", open_timeout=10) as socket,
            pytest.raises(ConnectionClosed) as closed,
        ):
            socket.recv(timeout=10)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 4404
        assert server.sessions == []


def test_unknown_app_refused_for_sessions(webio_host):
    with webio_host(thread_waiting) as server:
        if server.transport == "http":
            status, _, _ = http_request(
                server.url, query={"app": "nope"}, headers={"webio-session-id": "new"}
            )
            assert status == 404
        else:
            parts = urllib.parse.urlsplit(server.url)
            with (
                pytest.raises(InvalidStatus) as refusal,
                connect(f"ws://{parts.netloc}/?app=nope", open_timeout=10),
            ):
                pass
            assert refusal.value.response.status_code == 404
        assert server.sessions == []


# ---- files ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def file_server(webio_backend, tmp_path_factory):
    """One server per backend with a ``static_dir``, next to a file that must stay private."""
    root = tmp_path_factory.mktemp("files")
    public = root / "public"
    public.mkdir()
    (public / "hello.txt").write_text("hello from static")
    (root / "secret.txt").write_text("TOP SECRET")
    with serve(thread_waiting, backend=webio_backend, static_dir=str(public)) as server:
        yield server


TRAVERSALS = [
    "../pyproject.toml",
    "../../pyproject.toml",
    "..%2fpyproject.toml",
    "..\\pyproject.toml",
    "/etc/passwd",
    "webio.js/../../__init__.py",
    "../__init__.py",
    ".",
    "..",
    "",
    ".hidden",
    "webio.js\x00.css",
]


@pytest.mark.parametrize("name", TRAVERSALS, ids=[repr(t) for t in TRAVERSALS])
def test_client_file_path_traversal_refused(file_server, name):
    status, _, body = http_request(file_server.url, query={"webio_static": name})
    assert status == 404
    assert b"[project]" not in body and b"root:" not in body and b"import" not in body


def test_client_files_served(file_server):
    status, headers, body = http_request(file_server.url, query={"webio_static": "webio.js"})
    assert status == 200
    assert "javascript" in headers["Content-Type"]
    assert len(body) > 1000


def test_static_dir_file_served(file_server):
    assert raw_get(file_server.url, "/static/hello.txt") == (200, b"hello from static")


@pytest.mark.parametrize(
    "target",
    [
        "/static/../secret.txt",
        "/static/%2e%2e/secret.txt",
        "/static/..%2fsecret.txt",
        "/static/..%5csecret.txt",
        "/static/%2e%2e%2fsecret.txt",
        "/static/hello.txt/../../secret.txt",
        "/static//etc/passwd",
    ],
)
def test_static_dir_traversal_refused(file_server, target):
    status, body = raw_get(file_server.url, target)
    assert b"TOP SECRET" not in body and b"root:" not in body
    assert status != 200


def test_page_echoes_no_markup_from_the_query(file_server):
    status, _, body = http_request(
        file_server.url, query={"app": "index", "x": "</script><script>alert(1)</script>"}
    )
    assert status == 200
    assert b"alert(1)" not in body


@pytest.mark.webio_transport("http")
def test_http_abandoned_session_expires(webio_backend):
    closed = threading.Event()

    def app():
        defer_call(closed.set)
        input("never answered")

    with serve(
        app, backend=webio_backend, session_expire_seconds=0.3, session_cleanup_interval=0.1
    ) as server:
        # A page that opened its session and never polled again.
        status, headers, _ = http_request(server.url, headers={"webio-session-id": "new"})
        assert status == 200
        session_id = headers["webio-session-id"]
        eventually(closed.is_set, "the abandoned session to be closed")
        assert server.app.sessions == []
        status, _, _ = http_request(
            server.url, query={"ack": "0"}, headers={"webio-session-id": session_id}
        )
        assert status == 410


@pytest.mark.webio_transport("http")
def test_http_stale_ack_keeps_the_session(webio_host):
    """A page's poll and POST overlap, so a request may carry an older ack than one the server
    already applied; that must not be taken for lost commands."""

    def echo():
        while True:
            put_text(f"echo {input('say')}")

    with webio_host(echo) as server:

        def request(method, ack, session_id, events=None):
            query = {"app": server.name}
            body = None
            if method == "GET":
                query["ack"] = str(ack)
            else:
                body = json.dumps({"ack": ack, "events": events or []}).encode()
            status, headers, raw = http_request(
                server.url,
                method=method,
                query=query,
                headers={"webio-session-id": session_id},
                body=body,
            )
            return status, headers, json.loads(raw)["commands"] if status == 200 else raw

        status, headers, commands = request("GET", 0, "new")
        assert status == 200
        session_id = headers["webio-session-id"]
        form = next(c for c in commands if c["command"] == "input_group")
        submit = {
            "seq": 1,
            "event": "from_submit",
            "task_id": form["task_id"],
            "data": {"data": "a"},
        }
        status, _, commands = request("POST", commands[-1]["seq"], session_id, [submit])
        assert status == 200
        last = max(c["seq"] for c in commands)
        assert request("GET", last, session_id)[0] == 200
        # A request that left before the one above, with the older ack, arrives late.
        status, _, commands = request("GET", 1, session_id)
        assert status == 200, "an older ack closed the session"
        assert all(c["seq"] > last for c in commands)
        assert len(server.sessions) == 1
        assert request("POST", last, session_id)[0] == 200
        close = json.dumps({"ack": last, "events": [], "close": True}).encode()
        http_request(
            server.url,
            method="POST",
            query={"app": server.name},
            headers={"webio-session-id": session_id},
            body=close,
        )
