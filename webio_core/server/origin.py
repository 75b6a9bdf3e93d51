"""The default origin policy: same origin always, other origins only when the app allows them.

Registered as a default plugin through ``webio_check_origin``, like any third-party policy.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from typing import Callable, Optional
from urllib.parse import urlsplit

from ..hookspecs import hookimpl


@dataclass(frozen=True)
class OriginPolicy:
    """``allowed_origins`` (shell-style patterns) and ``check_origin`` from ``start_server``."""

    allowed_origins: tuple[str, ...] = ()
    check_origin: Optional[Callable[[str], bool]] = None


def is_same_origin(origin: str, host: str) -> bool:
    """Whether ``origin`` (``scheme://host[:port]``) names the ``host`` the request reached."""
    try:
        netloc = urlsplit(origin).netloc
    except ValueError:
        return False
    return bool(netloc) and netloc.lower() == host.lower()


@hookimpl
def webio_check_origin(origin: str, host: str, policy: OriginPolicy) -> Optional[bool]:
    if is_same_origin(origin, host):
        return True
    if policy.check_origin is not None:
        return bool(policy.check_origin(origin))
    return any(fnmatch.fnmatch(origin, pattern) for pattern in policy.allowed_origins)
