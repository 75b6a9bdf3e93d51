"""WSGI: an endpoint's HTTP transport as a WSGI application, and the request of a WSGI
environ, for backends built on WSGI frameworks or servers."""

from __future__ import annotations

from collections.abc import Iterable
from http import HTTPStatus
from typing import Any, Callable, Optional
from urllib.parse import parse_qsl

from ..protocol import ProtocolError
from ..protocol.frames import parse_count
from .http import HttpTransport
from .request import Request, Response, text_response

StartResponse = Callable[..., Any]
WSGIApplication = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

_DRAIN_CHUNK = 64 * 1024
_UNPREFIXED_HEADERS = {"CONTENT_TYPE": "content-type", "CONTENT_LENGTH": "content-length"}


class BadRequest(ValueError):
    """The environ describes a request no handler should see (e.g. a bad Content-Length)."""


class _Body:
    """``wsgi.input`` read no further than the Content-Length (reading past it would wait)."""

    def __init__(self, environ: dict[str, Any]) -> None:
        self._stream = environ.get("wsgi.input")
        length = environ.get("CONTENT_LENGTH") or ""
        try:
            size = parse_count(length, "Content-Length") if length else None
        except ProtocolError:
            raise BadRequest("bad Content-Length") from None
        terminated = environ.get("wsgi.input_terminated", False)
        # None: the server ends the stream itself (chunked bodies), so it may be read to its end.
        self._remaining: Optional[int] = size if size is not None else (None if terminated else 0)

    def read(self, limit: int) -> bytes:
        if self._stream is None or self._remaining == 0:
            return b""
        size = limit if self._remaining is None else min(limit, self._remaining)
        data: bytes = self._stream.read(size)
        if self._remaining is not None:
            self._remaining = self._remaining - len(data) if data else 0
        return data

    def drain(self) -> None:
        # Closing a socket with unread input resets it, and the client would lose the answer.
        while self._remaining and self.read(_DRAIN_CHUNK):
            pass


def _text(value: str) -> str:
    # WSGI hands out native strings decoded as latin-1; the bytes are UTF-8.
    return value.encode("latin-1").decode("utf-8", "replace")


def request_from_environ(
    environ: dict[str, Any],
    raw: Any = None,
    body_reader: Optional[Callable[[int], bytes]] = None,
) -> Request:
    """The core's view of a WSGI request; ``raw`` is what apps see as ``session.info.request``
    (the environ when not given), ``body_reader(n)`` reads at most n bytes of the body (from
    ``wsgi.input``, up to the Content-Length, when not given)."""
    headers = [
        (_UNPREFIXED_HEADERS.get(key) or key[5:].replace("_", "-").lower(), value)
        for key, value in environ.items()
        if key.startswith("HTTP_") or key in _UNPREFIXED_HEADERS
    ]
    return Request.build(
        environ.get("REQUEST_METHOD", "GET"),
        parse_qsl(_text(environ.get("QUERY_STRING", "")), keep_blank_values=True),
        headers,
        path=_text(environ.get("PATH_INFO", "")) or "/",
        remote_ip=environ.get("REMOTE_ADDR", ""),
        body_reader=body_reader or _Body(environ).read,
        raw=environ if raw is None else raw,
    )


def status_line(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"{status} Unknown"


def response_headers(response: Response, body: bytes) -> list[tuple[str, str]]:
    return [
        ("Content-Type", response.content_type),
        ("Content-Length", str(len(body))),
        *response.headers.items(),
    ]


def wsgi_app(transport: HttpTransport) -> WSGIApplication:
    """A WSGI application answering every request with ``transport`` (page, files, sessions)."""

    def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        try:
            body = _Body(environ)
        except BadRequest as exc:
            response = text_response(400, f"{exc}.")
        else:
            response = transport.handle(request_from_environ(environ, body_reader=body.read))
            body.drain()
        payload = response.body_bytes
        start_response(status_line(response.status), response_headers(response, payload))
        return [payload]

    return application
