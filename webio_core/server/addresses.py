"""The URLs a server can be reached at, for its start-up banner.

A server on ``host=""``, ``"0.0.0.0"`` or ``"::"`` listens on every interface, and
``http://0.0.0.0:8080/`` is no address a browser can use: the banner shows the loopback URL for
this machine and the machine's network addresses for the others.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from pathlib import Path

#: Hosts meaning "every interface" (``""`` is every IPv4 interface, as in PyWebIO).
EVERY_INTERFACE = ("", "0.0.0.0", "::")
#: Where Linux lists the machine's IPv6 addresses (one per line, address first, in hex).
IF_INET6 = Path("/proc/net/if_inet6")
#: Documentation addresses, never contacted: connecting a UDP socket sends nothing, it only
#: asks the kernel which local address the default route would use.
PROBE_TARGETS = {socket.AF_INET: "192.0.2.1", socket.AF_INET6: "2001:db8::1"}


@dataclass(frozen=True)
class ServingUrls:
    """``local``: the URL for a browser on this machine; ``network``: URLs for the others
    (empty unless the server listens on every interface)."""

    local: str
    network: tuple[str, ...] = ()
    every_interface: bool = False


def url_of(host: str, port: int) -> str:
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def serving_urls(host: str, port: int) -> ServingUrls:
    if host not in EVERY_INTERFACE:
        return ServingUrls(url_of(host, port))
    family = socket.AF_INET6 if host == "::" else socket.AF_INET
    loopback = "::1" if family == socket.AF_INET6 else "127.0.0.1"
    network = tuple(url_of(address, port) for address in network_addresses(family))
    return ServingUrls(url_of(loopback, port), network, every_interface=True)


def network_addresses(family: socket.AddressFamily) -> list[str]:
    """This machine's addresses of ``family`` that other machines may reach: the one of the
    default route first, then the others the system knows; no loopback, no link-local."""
    found = [_default_route_address(family), *_host_name_addresses(family)]
    if family == socket.AF_INET6:
        found += _linux_ipv6_addresses()
    usable: list[str] = []
    for text in found:
        if text and _reachable_from_elsewhere(text) and text not in usable:
            usable.append(text)
    return usable


def _reachable_from_elsewhere(text: str) -> bool:
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return False
    return not (address.is_loopback or address.is_link_local or address.is_unspecified)


def _default_route_address(family: socket.AddressFamily) -> str:
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as probe:
            probe.connect((PROBE_TARGETS[family], 9))
            return str(probe.getsockname()[0])
    except OSError:
        return ""  # no route: an offline machine


def _host_name_addresses(family: socket.AddressFamily) -> list[str]:
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, family, socket.SOCK_STREAM)
    except OSError:
        return []
    return [str(info[4][0]) for info in infos]


def _linux_ipv6_addresses() -> list[str]:
    try:
        lines = IF_INET6.read_text().splitlines()
    except OSError:
        return []
    addresses = []
    for line in lines:
        fields = line.split()
        if fields and len(fields[0]) == 32:
            addresses.append(str(ipaddress.IPv6Address(bytes.fromhex(fields[0]))))
    return addresses
