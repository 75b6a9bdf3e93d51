"""Binding a listening socket, and the one-line errors when it cannot be bound."""

from __future__ import annotations

import asyncio
import errno
import socket

import pytest

from webio_core.server import ServerStartError, listen
from webio_core.server.listening import start_error


def test_listen_binds_a_free_port_when_asked_for_zero():
    with listen("127.0.0.1", 0) as sock, listen("127.0.0.1", 0, blocking=False) as other:
        assert sock.getblocking() and not other.getblocking()
        host, port = sock.getsockname()[:2]
        assert host == "127.0.0.1" and port > 0
        with socket.create_connection((host, port), timeout=5):
            pass


def test_connections_an_asyncio_server_accepts_have_no_delay():
    # uvicorn (the fastapi backend) serves the socket through asyncio, which turns Nagle's
    # algorithm off only on TCP sockets that say so; with it on, the second frame of an answer
    # waited for the page's delayed ACK.
    async def accept_one() -> int:
        accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        class Protocol(asyncio.Protocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                sock = transport.get_extra_info("socket")
                accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        with listen("127.0.0.1", 0) as sock:
            server = await asyncio.get_running_loop().create_server(Protocol, sock=sock)
            async with server:
                _, writer = await asyncio.open_connection(*sock.getsockname()[:2])
                try:
                    return await asyncio.wait_for(accepted, 5)
                finally:
                    writer.close()

    assert asyncio.run(accept_one()) != 0


def test_a_taken_port_is_one_line_naming_the_port_and_how_to_pick_another():
    with listen("127.0.0.1", 0) as taken:
        port = taken.getsockname()[1]
        with pytest.raises(ServerStartError) as raised:
            listen("127.0.0.1", port)
    assert raised.value.errno == errno.EADDRINUSE
    assert str(raised.value) == (
        f"port {port} is already in use on 127.0.0.1: stop the program listening on it, or "
        "pick another port with port=N (`--port N` on the command line), or port=0 for any "
        "free one"
    )


def test_an_address_of_another_machine_is_explained():
    # 192.0.2.0/24 is reserved for documentation: never an address of this machine.
    with pytest.raises(ServerStartError, match=r"'192\.0\.2\.77': it is not an address of this"):
        listen("192.0.2.77", 0)


def test_a_host_name_that_does_not_resolve_is_explained():
    with pytest.raises(ServerStartError, match=r"'no-such-host\.invalid': it is no host name"):
        listen("no-such-host.invalid", 0)


def test_permission_errors_name_the_port_and_other_errors_pass_through():
    denied = start_error(PermissionError(errno.EACCES, "Permission denied"), "", 80)
    assert denied is not None and str(denied).startswith("no permission to listen on port 80")
    assert start_error(OSError(errno.EMFILE, "Too many open files"), "", 80) is None
