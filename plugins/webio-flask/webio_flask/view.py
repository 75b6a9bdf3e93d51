"""A Flask view serving one webio_core endpoint over HTTP polling."""

from __future__ import annotations

from typing import Callable

import flask

from webio_core.server.http import HttpTransport
from webio_core.server.request import Request


def make_view(transport: HttpTransport) -> Callable[[], flask.Response]:
    def webio_view() -> flask.Response:
        request = flask.request
        response = transport.handle(
            Request.build(
                request.method,
                request.args.items(multi=True),
                request.headers.items(),
                remote_ip=request.remote_addr or "",
                body_reader=request.stream.read,
                raw=request._get_current_object(),  # type: ignore[attr-defined]
            )
        )
        return flask.Response(
            response.body_bytes,
            status=response.status,
            headers=response.headers,
            content_type=response.content_type,
        )

    return webio_view
