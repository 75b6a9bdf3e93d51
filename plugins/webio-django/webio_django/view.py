"""A Django view serving one endpoint over HTTP polling."""

from typing import Any, Callable

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from webio_core.server import HttpTransport, request_from_environ

View = Callable[..., HttpResponse]


def make_view(transport: HttpTransport) -> View:
    # CSRF tokens do not apply: a session request from another origin is refused by the core's
    # origin check (allowed_origins / check_origin), and the page holds no Django form.
    @csrf_exempt
    def webio_view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # request.META is the WSGI environ (or its ASGI equivalent). request.read() reads the
        # body from the socket, or from memory when a middleware has read request.body first.
        core_request = request_from_environ(request.META, raw=request, body_reader=request.read)
        response = transport.handle(core_request)
        body = response.body_bytes
        # With its length, the connection can be kept alive.
        headers = {**response.headers, "Content-Length": str(len(body))}
        return HttpResponse(body, response.content_type, response.status, headers=headers)

    return webio_view
