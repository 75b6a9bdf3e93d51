"""The core's WSGI adapter, called as a WSGI server would: requests built from the environ,
bodies read no further than their length (and drained when refused), statuses and headers."""

from __future__ import annotations

import io
from typing import Any

from webio_core.output import put_text
from webio_core.server import Backend, Endpoint, HttpTransport, request_from_environ, wsgi_app

BACKEND = Backend("wsgi-test", "http", "unused:unused", "unused")


def app() -> None:
    put_text("hi")


def environ(path: str = "/", query: str = "", method: str = "GET", body: bytes = b"", **extra: Any):
    stream = io.BytesIO(body + b"TRAILING BYTES OF THE NEXT REQUEST")
    return {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "CONTENT_LENGTH": str(len(body)) if body else "",
        "REMOTE_ADDR": "10.0.0.7",
        "HTTP_HOST": "example.test",
        "wsgi.input": stream,
        **extra,
    }


def call(application: Any, env: dict) -> tuple[str, dict[str, str], bytes]:
    seen: dict[str, Any] = {}

    def start_response(status: str, headers: list) -> None:
        seen["status"], seen["headers"] = status, dict(headers)

    body = b"".join(application(env, start_response))
    return seen["status"], seen["headers"], body


def test_request_from_the_environ():
    env = environ(
        "/t\xc3\xa9l\xc3\xa9",  # UTF-8 bytes, as WSGI hands them out (latin-1 decoded)
        "app=caf%C3%A9&app=second&empty=",
        HTTP_X_FORWARDED_FOR="1.2.3.4",
        CONTENT_TYPE="application/json",
    )
    request = request_from_environ(env)
    assert request.path == "/télé"
    assert request.query == {"app": "café", "empty": ""}
    assert request.header("x-forwarded-for") == "1.2.3.4"
    assert request.header("content-type") == "application/json"
    assert request.host == "example.test" and request.remote_ip == "10.0.0.7"
    assert request.raw is env


def test_body_is_read_only_up_to_its_length():
    env = environ(method="POST", body=b'{"ack": 0}')
    request = request_from_environ(env)
    assert request.read_body(1000) == b'{"ack": 0}'
    assert env["wsgi.input"].read() == b"TRAILING BYTES OF THE NEXT REQUEST"


def test_a_chunked_body_is_read_to_its_end():
    env = environ(method="POST", **{"wsgi.input_terminated": True})
    env["wsgi.input"] = io.BytesIO(b'{"ack": 0}')
    assert request_from_environ(env).read_body(1000) == b'{"ack": 0}'


def test_page_and_status_line():
    application = wsgi_app(HttpTransport(Endpoint.for_server(app, BACKEND)))
    status, headers, body = call(application, environ())
    assert status == "200 OK"
    assert headers["Content-Type"].startswith("text/html")
    assert int(headers["Content-Length"]) == len(body)
    assert call(application, environ("/elsewhere"))[0] == "404 Not Found"


def test_a_refused_body_is_drained():
    endpoint = Endpoint.for_server(app, BACKEND, max_payload_size="1K")
    application = wsgi_app(HttpTransport(endpoint))
    env = environ(method="POST", body=b"x" * 5000, HTTP_WEBIO_SESSION_ID="new")
    assert call(application, env)[0] == "413 Request Entity Too Large"
    assert env["wsgi.input"].read() == b"TRAILING BYTES OF THE NEXT REQUEST"


def test_a_bad_content_length_is_refused():
    application = wsgi_app(HttpTransport(Endpoint.for_server(app, BACKEND)))
    status, _, body = call(application, environ(CONTENT_LENGTH="12x"))
    assert status == "400 Bad Request" and b"Content-Length" in body
