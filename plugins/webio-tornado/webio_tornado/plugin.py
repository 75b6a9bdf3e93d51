"""Entry point: registers the ``tornado`` backend. Imports nothing of Tornado until used."""

from __future__ import annotations

from typing import Any, Callable

from webio_core import hookimpl
from webio_core.backend import Backend


def _create_server(*args: Any) -> Any:
    from .server import create_server

    return create_server(*args)


BACKEND = Backend(
    name="tornado",
    protocol="websocket",
    create_server=_create_server,
    api_module="webio_tornado.api",
    requirement="webio-core[tornado]",
)


@hookimpl
def webio_register_backends(register: Callable[[Backend], None]) -> None:
    register(BACKEND)
