"""Starlette routes and applications around the core's ASGI adapter."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.routing import BaseRoute, Mount, Route, WebSocketRoute

from webio_core.server import Endpoint, asgi_app


class EndpointApp:
    """The endpoint as an ASGI application (page, client files and WebSocket). A callable
    object rather than a function: Starlette wraps a plain function as a request handler."""

    def __init__(self, endpoint: Endpoint) -> None:
        self._app = asgi_app(endpoint)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self._app(scope, receive, send)


def webio_routes(endpoint: Endpoint) -> list[BaseRoute]:
    """The page and the WebSocket on ``/`` of the host application."""
    app = EndpointApp(endpoint)
    return [Route("/", app), WebSocketRoute("/", app)]


def starlette_app(endpoint: Endpoint) -> Starlette:
    """A Starlette application for the endpoint of a server of its own (apps at ``/``,
    ``static_dir`` under ``/static/``), also below the path it is mounted at."""

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        endpoint.shutdown()

    routes = [Mount("", app=EndpointApp(endpoint))]
    return Starlette(debug=endpoint.options.debug, routes=routes, lifespan=lifespan)
