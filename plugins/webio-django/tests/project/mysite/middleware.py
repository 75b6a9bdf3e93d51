"""A middleware of the test project that reads ``request.body`` before the view runs (as CSRF
checks of form posts, or logging middleware, do), on the ``prefetched`` route only."""

from typing import Callable

from django.http import HttpRequest, HttpResponse


def read_body_first(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable:
    def middleware(request: HttpRequest) -> HttpResponse:
        if request.path == "/prefetched":
            request.body  # noqa: B018 - reading it is the point
        return get_response(request)

    return middleware
