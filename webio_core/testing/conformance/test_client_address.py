"""``session.info.user_ip``: the connected peer, unless that peer is a trusted proxy.

The header is forged by the test client itself, as any client could: the server must believe
it only when ``trusted_proxies`` names the peer (here the loopback address the test connects
from).
"""

from __future__ import annotations

import pytest

from webio_core.input import input
from webio_core.output import put_text
from webio_core.session import info
from webio_core.testing import serve

pytestmark = pytest.mark.usefixtures("webio_no_leaked_threads")

FORGED = {"X-Forwarded-For": "203.0.113.7, 198.51.100.2"}


def show_ip() -> None:
    put_text(f"ip={info.user_ip}")
    input("wait")


def seen_ip(backend: str, headers: dict[str, str], **options: object) -> str:
    with serve(show_ip, backend=backend, **options) as server:
        user = server.client(headers=headers).connect()
        try:
            return user.should_see("ip=")[len("ip=") :]
        finally:
            user.close()


def test_forwarded_for_is_ignored_by_default(webio_backend):
    assert seen_ip(webio_backend, FORGED) == "127.0.0.1"


def test_forwarded_for_is_ignored_from_an_untrusted_peer(webio_backend):
    assert seen_ip(webio_backend, FORGED, trusted_proxies=["10.0.0.0/8"]) == "127.0.0.1"


def test_forwarded_for_from_a_trusted_proxy_gives_the_nearest_untrusted_hop(webio_backend):
    # The loopback peer is the proxy; the last hop it appended is the client it saw.
    assert seen_ip(webio_backend, FORGED, trusted_proxies=["127.0.0.1"]) == "198.51.100.2"
    # With the next proxy trusted too, the client is the hop before it.
    trusted = "127.0.0.0/8, 198.51.100.0/24"
    assert seen_ip(webio_backend, FORGED, trusted_proxies=trusted) == "203.0.113.7"


def test_without_the_header_a_trusted_peer_is_the_client(webio_backend):
    assert seen_ip(webio_backend, {}, trusted_proxies="*") == "127.0.0.1"
