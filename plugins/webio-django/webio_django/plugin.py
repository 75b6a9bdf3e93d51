"""Entry point: registers the ``django`` backend. Imports nothing of Django until used."""

from typing import Callable

from webio_core import hookimpl
from webio_core.server import Backend, FrameworkOptions

#: PyWebIO's ``django_options`` are Django settings, whose names are upper case.
SETTINGS = FrameworkOptions(pattern="[A-Z][A-Z0-9_]*", what="Django settings")
BACKEND = Backend(
    "django", "http", "webio_django.server:create_server", "webio_django.api", SETTINGS
)


@hookimpl
def webio_register_backends(register: Callable[[Backend], None]) -> None:
    register(BACKEND)
