"""Entry point: registers the ``flask`` backend. Imports nothing of Flask until used."""

from __future__ import annotations

from typing import Callable

from webio_core import hookimpl
from webio_core.server import Backend

BACKEND = Backend("flask", "http", "webio_flask.server:create_server", "webio_flask.api")


@hookimpl
def webio_register_backends(register: Callable[[Backend], None]) -> None:
    register(BACKEND)
