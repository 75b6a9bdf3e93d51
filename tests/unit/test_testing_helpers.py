"""Helpers of the public test kit (webio_core.testing)."""

from __future__ import annotations

import http.server
import json
import threading
import time
from typing import Any, Optional

from webio_core.input import input
from webio_core.output import put_text
from webio_core.protocol.constants import SESSION_HEADER
from webio_core.testing import WebIOClient, loopback
from webio_core.testing.helpers import ResponseHeaders


def test_response_header_names_are_looked_up_whatever_their_case():
    headers = ResponseHeaders({"Webio-Session-Id": "abc", "content-type": "text/plain"})
    assert headers["webio-session-id"] == headers["WEBIO-SESSION-ID"] == "abc"
    assert headers.get("Content-Type") == "text/plain"
    assert "webio-session-id" in headers and "webio-more" not in headers
    assert headers.get("webio-more", "none") == "none"
    assert list(headers) == ["Webio-Session-Id", "content-type"], "names are kept as sent"
    assert isinstance(headers, dict)


def _slow_to_judge(value: str) -> Optional[str]:
    time.sleep(0.2)  # the server takes its time: a submit that did not wait would see nothing
    return "too short" if len(value) < 2 else None


def _ask() -> None:
    put_text("got " + input("Name", validate=_slow_to_judge))


def test_submit_settle_returns_once_the_server_refused_or_took_the_answer():
    with loopback(_ask) as server, server.client() as user:
        form = user.form()
        user.submit("a", settle=True)
        assert form.error() == "too short" and form.ready == 1
        assert form.task_id in user.page.forms, "a refused form stays"
        user.submit("ab", form=form, settle=True)
        assert form.task_id not in user.page.forms
        user.should_see("got ab")


class _RecordingServer(http.server.BaseHTTPRequestHandler):
    """Answers a test page's HTTP requests with empty frames, and keeps what was POSTed."""

    posted: list[bytes] = []

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self.posted.append(self.rfile.read(int(self.headers["Content-Length"])))
        self._answer()

    def _answer(self) -> None:
        body = json.dumps({"commands": [], "ack": 0}).encode()
        self.send_response(200)
        self.send_header(SESSION_HEADER, "a-session")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet


def test_an_http_page_sends_nothing_after_its_goodbye():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _RecordingServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = WebIOClient(f"http://127.0.0.1:{server.server_port}/", transport="http")
        page.connect()
        page.close()
        goodbye = json.loads(_RecordingServer.posted[-1])
        assert goodbye["close"] is True
        # What a reply read just before the goodbye would still have the page send.
        page.send_event("input_event", "task", {"event": "blur"})
        assert [json.loads(body) for body in _RecordingServer.posted] == [goodbye]
    finally:
        server.shutdown()
        server.server_close()
