"""A Flask view serving one endpoint over HTTP polling."""

from __future__ import annotations

from typing import Any, Callable

import flask

from webio_core.server import HttpTransport, request_from_environ

#: The methods a view needs (OPTIONS answers CORS preflights for allowed origins).
VIEW_METHODS = ["GET", "POST", "OPTIONS"]


def make_view(transport: HttpTransport) -> Callable[..., flask.Response]:
    def webio_view(**_path: Any) -> flask.Response:
        request = flask.request
        raw = request._get_current_object()  # type: ignore[attr-defined]
        response = transport.handle(
            request_from_environ(request.environ, raw=raw, body_reader=request.stream.read)
        )
        return flask.Response(
            response.body_bytes,
            status=response.status,
            headers=response.headers,
            content_type=response.content_type,
        )

    return webio_view
