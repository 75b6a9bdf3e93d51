"""Entry point: registers the ``flask`` backend. Imports nothing of Flask until used."""

from __future__ import annotations

from typing import Any, Callable

from webio_core import hookimpl
from webio_core.backend import Backend


def _create_server(*args: Any) -> Any:
    from .server import create_server

    return create_server(*args)


BACKEND = Backend(
    name="flask",
    protocol="http",
    create_server=_create_server,
    api_module="webio_flask.api",
    default_port=8080,
    requirement="webio-core[flask]",
)


@hookimpl
def webio_register_backends(register: Callable[[Backend], None]) -> None:
    register(BACKEND)
