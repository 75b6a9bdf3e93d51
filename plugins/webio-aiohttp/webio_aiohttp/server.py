"""``create_server`` of the aiohttp backend: an aiohttp application on the core's asyncio
runner."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from webio_core.server import AsyncioRunner, Endpoint, WebSocketTransport, listen

from .handler import make_handler

#: At server stop, how long the sockets still open get to finish before their handlers are
#: cancelled (their sessions have been closed already).
SHUTDOWN_SECONDS = 1.0


def create_server(
    endpoint: Endpoint, host: str, port: int, settings: dict[str, Any]
) -> AsyncioRunner:
    """Every path goes to the endpoint, which serves apps, client files and ``static_dir``;
    ``settings`` go to ``web.Application``, but ``websocket_settings``."""
    settings = {"client_max_size": endpoint.options.max_payload_bytes, **settings}
    handler = make_handler(WebSocketTransport(endpoint), settings.pop("websocket_settings", None))
    application = web.Application(**settings)
    application.router.add_route("*", "/{path:.*}", handler)
    listening = listen(host, port)

    async def serve() -> Any:
        # Not aiohttp's debug mode: the core's debug mode and reloader are its own.
        runner = web.AppRunner(application, shutdown_timeout=SHUTDOWN_SECONDS)
        await runner.setup()
        await web.SockSite(runner, listening).start()
        return runner.cleanup

    return AsyncioRunner(endpoint, listening.getsockname()[1], serve)
