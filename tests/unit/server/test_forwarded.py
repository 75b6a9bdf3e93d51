"""webio_core.server.forwarded: whom X-Forwarded-For is believed from, and which hop it gives."""

from __future__ import annotations

import pytest

from webio_core.server.forwarded import TrustedProxies
from webio_core.server.options import ServerOptions


@pytest.mark.parametrize("option", [None, False, [], ""])
def test_no_one_is_trusted_by_default(option):
    proxies = TrustedProxies(option)
    assert not proxies
    assert proxies.client_ip("127.0.0.1", "203.0.113.7") == "127.0.0.1"


@pytest.mark.parametrize("option", [True, "*", ["*"]])
def test_everyone_trusted(option):
    proxies = TrustedProxies(option)
    assert proxies.trusts("192.0.2.1") and proxies.trusts("::1")
    # Every hop is trusted: the leftmost is as far back as anyone can see.
    assert proxies.client_ip("10.0.0.1", "203.0.113.7, 10.0.0.2") == "203.0.113.7"


def test_addresses_and_networks_as_a_list_or_a_string():
    for option in (["127.0.0.1", "10.0.0.0/8", "::1"], "127.0.0.1, 10.0.0.0/8,::1"):
        proxies = TrustedProxies(option)
        assert proxies.trusts("127.0.0.1") and proxies.trusts("10.20.30.40")
        assert proxies.trusts("::1") and proxies.trusts("[::1]")
        assert not proxies.trusts("127.0.0.2") and not proxies.trusts("not an ip")


def test_bad_entry_is_refused_with_its_text():
    with pytest.raises(ValueError, match="'localhost' is neither an IP address nor a network"):
        TrustedProxies(["127.0.0.1", "localhost"])


@pytest.mark.parametrize(
    ("peer", "header", "expected"),
    [
        # An untrusted peer: its header is ignored whatever it says.
        ("192.0.2.9", "203.0.113.7", "192.0.2.9"),
        # A trusted peer without the header is the client itself.
        ("127.0.0.1", "", "127.0.0.1"),
        # The hop the trusted proxy appended is the client...
        ("127.0.0.1", "203.0.113.7", "203.0.113.7"),
        # ...and only that one: what the client wrote before it is not believed.
        ("127.0.0.1", "1.2.3.4, 203.0.113.7", "203.0.113.7"),
        # Trusted hops (a chain of our proxies) are skipped from the right.
        ("127.0.0.1", "203.0.113.7, 10.1.1.1, 10.2.2.2", "203.0.113.7"),
        # A hop that is no address (a forged header) leaves the peer.
        ("127.0.0.1", "<script>", "127.0.0.1"),
        ("127.0.0.1", " , ", "127.0.0.1"),
        ("127.0.0.1", "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_ip(peer, header, expected):
    proxies = TrustedProxies(["127.0.0.1", "10.0.0.0/8"])
    assert proxies.client_ip(peer, header) == expected


def test_server_option_is_parsed_once():
    assert not ServerOptions().proxies
    assert ServerOptions(trusted_proxies="127.0.0.1").proxies.trusts("127.0.0.1")
    with pytest.raises(ValueError, match="trusted_proxies"):
        ServerOptions(trusted_proxies="nope")
