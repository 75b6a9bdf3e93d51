"""HTTP sessions opened from an origin that ``allowed_origins`` admits get CORS headers."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from webio_core.output import put_text
from webio_core.testing import serve
from webio_core.testing.helpers import ResponseHeaders


def app() -> None:
    put_text("hi")


def send(url: str, method: str, origin: str, session: str = "") -> tuple[int, dict[str, str]]:
    headers = {"Origin": origin, "Access-Control-Request-Headers": "webio-session-id"}
    if session:
        headers["webio-session-id"] = session
    request = urllib.request.Request(url + "?app=index&ack=0", method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, ResponseHeaders(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, ResponseHeaders(error.headers)


pytestmark = [
    pytest.mark.webio_transport("http"),
    pytest.mark.usefixtures("webio_no_leaked_threads"),
]


@pytest.fixture
def server_url(webio_backend: str) -> Iterator[str]:
    with serve(app, backend=webio_backend, allowed_origins=["https://*.example.com"]) as server:
        yield server.url


def test_preflight_from_an_allowed_origin(server_url: str) -> None:
    status, headers = send(server_url, "OPTIONS", "https://tools.example.com")
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == "https://tools.example.com"
    assert "webio-session-id" in headers["Access-Control-Allow-Headers"]


def test_preflight_from_another_origin_is_refused(server_url: str) -> None:
    status, headers = send(server_url, "OPTIONS", "https://evil.example.org")
    assert status == 403
    assert "Access-Control-Allow-Origin" not in headers


def test_session_from_an_allowed_origin_exposes_the_session_header(server_url: str) -> None:
    status, headers = send(server_url, "GET", "https://tools.example.com", session="new")
    assert status == 200
    assert headers["Access-Control-Allow-Origin"] == "https://tools.example.com"
    assert headers["Access-Control-Expose-Headers"] == "webio-session-id, webio-more"
    assert len(headers["webio-session-id"]) >= 40
