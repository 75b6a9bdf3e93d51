"""Binding a server's listening socket, and one clear line when that fails.

Frameworks report a taken port in their own ways (Tornado with a 21-line traceback, Werkzeug by
printing and exiting), so the core turns every binding failure of any backend into one
:class:`ServerStartError` that says what to do.
"""

from __future__ import annotations

import errno
import socket
from typing import Optional


class ServerStartError(OSError):
    """The server could not listen where it was asked to (port taken, address not local...);
    its text is one sentence for the user, its ``errno`` the system's."""

    def __init__(self, code: Optional[int], message: str) -> None:
        super().__init__(message)
        self.errno = code


def listen(host: str, port: int, *, blocking: bool = True) -> socket.socket:
    """A TCP socket listening on ``host`` (``""``: every IPv4 interface) and ``port`` (0: a
    free one), or :class:`ServerStartError`. ``blocking=False`` for event loops that accept
    from the socket directly (Tornado's)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        sock = socket.create_server((host or "0.0.0.0", port), family=family)
    except OSError as error:
        raise start_error(error, host, port) or error from error
    # create_server leaves the protocol number 0, and accepted connections inherit it; asyncio
    # turns Nagle's algorithm off only on connections that say IPPROTO_TCP. With it on, a frame
    # written just after another waited for the client's delayed ACK (~40 ms) under uvicorn.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP, fileno=sock.detach())
    sock.setblocking(blocking)
    return sock


def start_error(error: OSError, host: str, port: int) -> Optional[ServerStartError]:
    """The clear error for ``error`` raised while binding ``host``:``port``; None when it is
    not a binding failure we can explain."""
    if isinstance(error, ServerStartError):
        return error
    # Name resolution fails with a negative code (EAI_*), which socket.create_server passes
    # on in a plain OSError.
    if isinstance(error, socket.gaierror) or (error.errno or 0) < 0:
        return ServerStartError(
            error.errno, f"cannot listen on {host!r}: it is no host name this machine resolves"
        )
    if error.errno == errno.EADDRINUSE:
        return ServerStartError(
            error.errno,
            f"port {port} is already in use{f' on {host}' if host else ''}: stop the program "
            "listening on it, or pick another port with port=N (`--port N` on the command "
            "line), or port=0 for any free one",
        )
    if error.errno == errno.EADDRNOTAVAIL:
        return ServerStartError(
            error.errno,
            f"cannot listen on {host!r}: it is not an address of this machine (host='' or "
            "'0.0.0.0' listens on every interface, '127.0.0.1' on this machine only)",
        )
    if error.errno == errno.EACCES:
        return ServerStartError(
            error.errno,
            f"no permission to listen on port {port}: ports below 1024 need administrator "
            "rights; pick a port above 1024 with port=N (`--port N` on the command line)",
        )
    return None
