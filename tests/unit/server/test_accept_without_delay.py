"""Connections of socketserver-based backends (flask, django) are accepted with Nagle's
algorithm off, so a reply written in two parts does not wait for the client's delayed ACK."""

from __future__ import annotations

import socket
import socketserver

from webio_core.server import runners


def test_accepted_connections_have_no_delay():
    with socketserver.TCPServer(("127.0.0.1", 0), socketserver.BaseRequestHandler) as server:
        plain, _ = _accept_one(server)
        assert plain.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0, "the default"
        runners._accept_without_delay(server)
        tuned, _ = _accept_one(server)
        assert tuned.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        plain.close()
        tuned.close()


def _accept_one(server: socketserver.TCPServer) -> tuple[socket.socket, object]:
    with socket.create_connection(server.server_address[:2]):
        return server.get_request()
