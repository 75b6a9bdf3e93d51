"""The framework-neutral request and response that backends translate to and from."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Union
from urllib.parse import parse_qsl


@dataclass
class Request:
    """What the core needs to know of an HTTP request or WebSocket upgrade."""

    method: str
    query: Mapping[str, str]
    headers: Mapping[str, str]
    #: The URL path as the server received it (``/``, ``/static/app.css``, ``/tool``...).
    path: str = "/"
    remote_ip: str = ""
    body: bytes = b""
    #: Reads at most ``n`` bytes of the body; lets the core refuse a large body unread.
    body_reader: Optional[Callable[[int], bytes]] = field(default=None, repr=False)
    #: The framework's own request object, exposed to apps as ``session.info.request``.
    raw: Any = None

    @classmethod
    def build(
        cls,
        method: str,
        query: Union[str, Iterable[tuple[str, str]]],
        headers: Iterable[tuple[str, str]],
        **kwargs: Any,
    ) -> Request:
        """``query`` is the raw query string or its (name, value) pairs."""
        if isinstance(query, str):
            query = parse_qsl(query, keep_blank_values=True)
        # First value wins for repeated query arguments; header names are case-insensitive.
        query_dict: dict[str, str] = {}
        for key, value in query:
            query_dict.setdefault(key, value)
        header_dict = {key.lower(): value for key, value in headers}
        return cls(method=method.upper(), query=query_dict, headers=header_dict, **kwargs)

    def read_body(self, limit: int) -> Optional[bytes]:
        """The body, or None when it is longer than ``limit`` bytes."""
        body = self.body_reader(limit + 1) if self.body_reader is not None else self.body
        return None if len(body) > limit else body

    def header(self, name: str, default: str = "") -> str:
        """The value of header ``name`` (any case), or ``default`` when the request has none."""
        return self.headers.get(name.lower(), default)

    @property
    def host(self) -> str:
        """The ``Host`` header: the host and port the browser addressed, for the same-origin
        check."""
        return self.header("host")

    @property
    def origin(self) -> str:
        """The ``Origin`` header, or an empty string when the request has none (browsers send it
        on WebSocket upgrades and cross-origin requests)."""
        return self.header("origin")

    @property
    def is_upgrade(self) -> bool:
        """Whether this is a WebSocket upgrade request."""
        return self.header("upgrade").lower() == "websocket"


@dataclass
class Response:
    """Response(status, body=b"", content_type="text/plain; charset=utf-8", headers={})

    What a transport answers to a request, for the backend to write out in its framework's
    terms.
    """

    # The signature above is for the reference: autodoc cannot parse the one dataclass writes
    # (``headers=<factory>``).

    #: The HTTP status code.
    status: int
    #: The body; text is sent encoded as UTF-8 (see :attr:`body_bytes`).
    body: Union[bytes, str] = b""
    #: The ``Content-Type`` header.
    content_type: str = "text/plain; charset=utf-8"
    #: Further headers (a new dict for each response).
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def body_bytes(self) -> bytes:
        """The body as bytes (a text body encoded as UTF-8)."""
        return self.body.encode() if isinstance(self.body, str) else self.body


def text_response(status: int, message: str, headers: Optional[dict[str, str]] = None) -> Response:
    """A plain-text response (UTF-8) of ``status`` saying ``message``: how transports answer
    errors."""
    return Response(status, message, headers=headers or {})
