"""The URLs a starting server prints: the one for this machine, and for every-interface hosts
the machine's network addresses (the real ones of the machine running the test)."""

from __future__ import annotations

import ipaddress
import socket

import pytest

from webio_core.server.addresses import network_addresses, serving_urls, url_of
from webio_core.server.start import banner


def test_a_given_host_is_its_own_url():
    urls = serving_urls("127.0.0.1", 8080)
    assert (urls.local, urls.network, urls.every_interface) == ("http://127.0.0.1:8080/", (), False)
    assert serving_urls("::1", 8080).local == "http://[::1]:8080/"
    assert serving_urls("example.org", 80).local == "http://example.org:80/"


@pytest.mark.parametrize("host", ["", "0.0.0.0"])
def test_every_ipv4_interface_prints_loopback_then_network_addresses(host):
    urls = serving_urls(host, 8080)
    assert urls.every_interface and urls.local == "http://127.0.0.1:8080/"
    assert urls.network == tuple(url_of(a, 8080) for a in network_addresses(socket.AF_INET))


def test_every_ipv6_interface_prints_the_ipv6_loopback():
    urls = serving_urls("::", 8080)
    assert urls.local == "http://[::1]:8080/"
    assert all(url.startswith("http://[") for url in urls.network)


@pytest.mark.parametrize("family", [socket.AF_INET, socket.AF_INET6])
def test_network_addresses_are_this_machines_and_reachable_from_elsewhere(family):
    found = network_addresses(family)
    assert len(found) == len(set(found))
    for text in found:
        address = ipaddress.ip_address(text)
        assert not (address.is_loopback or address.is_link_local or address.is_unspecified)
        # Each one is an address of this machine: a socket binds to it.
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.bind((text, 0))


def test_the_banner_for_every_interface_has_one_line_per_audience():
    lines = banner(serving_urls("0.0.0.0", 8080), "tornado").splitlines()
    assert lines[0] == "webio_core: serving on http://127.0.0.1:8080/ with the tornado backend"
    assert lines[1].startswith("webio_core: from other machines: ")
    assert len(lines) == 2
    only = banner(serving_urls("127.0.0.1", 8080), "flask")
    assert only == "webio_core: serving on http://127.0.0.1:8080/ with the flask backend"
