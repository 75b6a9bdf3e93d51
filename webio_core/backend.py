"""What a backend plugin contributes: a :class:`Backend` and the servers it creates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Literal, Protocol

if TYPE_CHECKING:
    from .server.app import WebIOApp


class RunningServer(Protocol):
    """A server bound to its port, not serving yet."""

    #: The port actually bound (useful when 0 was asked for).
    port: int

    def serve_forever(self) -> None:
        """Serve requests in this thread until :meth:`stop` is called."""

    def stop(self) -> None:
        """Make :meth:`serve_forever` return. Safe to call from any thread, more than once."""


@dataclass(frozen=True)
class Backend:
    """A web server that can run webio_core apps.

    ``create_server(app, host, port, settings)`` binds a server for ``app`` (a
    :class:`~webio_core.server.app.WebIOApp`) and returns it without serving; ``settings`` are
    the framework-specific keyword arguments the user passed to ``start_server``.
    ``api_module`` names the module whose public names ``webio_core.platform.<name>`` re-exports
    (``start_server``, ``webio_handler``, ``webio_view``, ``wsgi_app``...); it is imported only
    when used, so registering a backend stays cheap.
    """

    name: str
    protocol: Literal["websocket", "http"]
    create_server: Callable[[WebIOApp, str, int, dict[str, Any]], RunningServer]
    api_module: str
    #: The port ``start_server`` uses when none is given (PyWebIO: 8080 for Flask and Django).
    default_port: int = 0
    #: The pip requirement that installs this backend, for error messages.
    requirement: str = ""
