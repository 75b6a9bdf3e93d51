"""``create_server`` of the fastapi backend: uvicorn on the core's asyncio runner."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

from webio_core.server import AsyncioRunner, Endpoint, asgi_app, listen

#: Room for the frame around a payload, so a payload of exactly max_payload_size still fits.
FRAME_MARGIN = 64 * 1024
#: How long stopping waits for connections that do not close when asked.
GRACEFUL_SHUTDOWN_SECONDS = 5


class Server(uvicorn.Server):
    """uvicorn's server, leaving signals alone: Ctrl+C stops the core's runner, which closes
    the sessions and then this server."""

    @contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def create_server(
    endpoint: Endpoint, host: str, port: int, settings: dict[str, Any]
) -> AsyncioRunner:
    settings = {
        "ws_max_size": endpoint.options.max_payload_bytes + FRAME_MARGIN,
        "lifespan": "off",  # the runner closes the sessions
        "log_config": None,  # no change to the program's logging
        "proxy_headers": False,  # the core applies trusted_proxies to X-Forwarded-For
        "timeout_graceful_shutdown": GRACEFUL_SHUTDOWN_SECONDS,
        **settings,
    }
    config = uvicorn.Config(asgi_app(endpoint), **settings)
    # Listening from now on: a client may connect before serving starts.
    sock = listen(host, port)

    async def serve() -> Any:
        server = Server(config)
        task = asyncio.ensure_future(server.serve(sockets=[sock]))
        task.add_done_callback(lambda _: runner.stop())  # uvicorn may stop by itself

        async def stop() -> None:
            server.should_exit = True
            await task

        return stop

    runner = AsyncioRunner(endpoint, sock.getsockname()[1], serve)
    return runner
