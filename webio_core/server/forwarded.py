"""Which address a request came from, behind reverse proxies (``session.info.user_ip``).

``X-Forwarded-For`` is written by whoever sends the request, so it is believed only when the
peer that connected is a proxy the server was told to trust (the ``trusted_proxies`` option).
The header is then read from its right end, the hop nearest to us: each address of a trusted
proxy is skipped, and the first one that is not is the client. Addresses further left were
written by machines nobody vouches for.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from typing import Union

IPNetwork = Union[ipaddress.IPv4Network, ipaddress.IPv6Network]

#: The header proxies (nginx, HAProxy, cloud load balancers) append the address they saw to.
FORWARDED_FOR = "x-forwarded-for"
#: ``trusted_proxies`` value that trusts every peer (only where nothing else can connect).
TRUST_ALL = "*"

TrustedProxiesOption = Union[None, bool, str, Iterable[str]]


class TrustedProxies:
    """The parsed ``trusted_proxies`` option.

    Accepts None or False (trust no one: the default), True or ``"*"`` (trust every peer), or
    addresses and networks (``"127.0.0.1"``, ``"10.0.0.0/8"``, ``"::1"``) as a list or a
    comma-separated string.
    """

    def __init__(self, option: TrustedProxiesOption = None) -> None:
        self.trust_all = False
        self.networks: tuple[IPNetwork, ...] = ()
        if option is None or option is False:
            return
        if option is True:
            self.trust_all = True
            return
        items = option.split(",") if isinstance(option, str) else list(option)
        networks = []
        for item in items:
            text = str(item).strip()
            if text == TRUST_ALL:
                self.trust_all = True
            elif text:
                try:
                    networks.append(ipaddress.ip_network(text, strict=False))
                except ValueError:
                    raise ValueError(
                        f"trusted_proxies: {text!r} is neither an IP address nor a network"
                    ) from None
        self.networks = tuple(networks)

    def __bool__(self) -> bool:
        return self.trust_all or bool(self.networks)

    def trusts(self, address: str) -> bool:
        if self.trust_all:
            return True
        try:
            ip = ipaddress.ip_address(address.strip().strip("[]"))
        except ValueError:
            return False
        return any(ip in network for network in self.networks)

    def client_ip(self, peer: str, forwarded_for: str) -> str:
        """The client's address: ``peer`` (who connected) unless it is a trusted proxy that
        passed an ``X-Forwarded-For`` header (all the header lines, joined with commas)."""
        if not forwarded_for or not self.trusts(peer):
            return peer
        hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
        for hop in reversed(hops):
            if not self.trusts(hop):
                return _valid_or(hop, peer)
        # Every hop is a trusted proxy: the leftmost one is as far as we can see.
        return _valid_or(hops[0], peer) if hops else peer


def _valid_or(address: str, fallback: str) -> str:
    """``address`` if it is an IP address (a forged header may hold anything), else
    ``fallback``."""
    try:
        return str(ipaddress.ip_address(address.strip("[]")))
    except ValueError:
        return fallback
