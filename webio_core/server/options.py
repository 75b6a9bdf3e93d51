"""The options every backend understands, parsed and checked once."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Union

from ..session.base import DEFAULT_ACK_TIMEOUT
from .origin import OriginPolicy

DEFAULT_MAX_PAYLOAD = "200M"

_UNITS = {"K": 1024, "M": 1024**2, "G": 1024**3}


def parse_size(size: Union[int, str]) -> int:
    """``500``, ``'40K'``, ``'3M'``, ``'1G'`` as a number of bytes."""
    if isinstance(size, bool):
        raise TypeError("size must be an int or a string such as '200M'")
    if isinstance(size, int):
        if size <= 0:
            raise ValueError("size must be positive")
        return size
    if not isinstance(size, str):
        raise TypeError("size must be an int or a string such as '200M'")
    text = size.strip().upper()
    multiplier = _UNITS.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in _UNITS else text
    try:
        value = float(number)
    except ValueError:
        raise ValueError(
            f"cannot read {size!r} as a size; use e.g. 500, '40K', '3M', '1G'"
        ) from None
    # Also refuses "inf", "nan" and fractions of a byte such as "0.5", which float() accepts.
    if not math.isfinite(value) or int(value * multiplier) < 1:
        raise ValueError(f"size must be a positive number of bytes, not {size!r}")
    return int(value * multiplier)


@dataclass
class ServerOptions:
    """Options shared by all backends (see ``webio_core.start_server``)."""

    cdn: Union[bool, str] = True
    static_dir: Optional[str] = None
    debug: bool = False
    reconnect_timeout: float = 0
    session_expire_seconds: Optional[float] = None
    session_cleanup_interval: Optional[float] = None
    max_payload_size: Union[int, str] = DEFAULT_MAX_PAYLOAD
    allowed_origins: Optional[list[str]] = None
    check_origin: Optional[Callable[[str], bool]] = None
    remote_access: bool = False
    auto_open_webbrowser: bool = False
    #: Seconds a client may leave commands unacknowledged while it is connected (it is not
    #: reading) before its session is closed. Not a PyWebIO option.
    ack_timeout: float = DEFAULT_ACK_TIMEOUT
    max_payload_bytes: int = field(init=False)
    origin_policy: OriginPolicy = field(init=False)

    def __post_init__(self) -> None:
        self.max_payload_bytes = parse_size(self.max_payload_size)
        if self.reconnect_timeout < 0:
            raise ValueError("reconnect_timeout must be >= 0")
        if not self.ack_timeout > 0:
            raise ValueError("ack_timeout must be > 0")
        if self.remote_access:
            raise ValueError(
                "remote_access is not supported by webio_core (it needs a tunnel service)"
            )
        self.origin_policy = OriginPolicy(
            allowed_origins=tuple(self.allowed_origins or ()), check_origin=self.check_origin
        )

    @classmethod
    def split(cls, options: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """Separate the common options from the framework-specific settings."""
        names = {f.name for f in cls.__dataclass_fields__.values() if f.init}
        common = {k: v for k, v in options.items() if k in names}
        return common, {k: v for k, v in options.items() if k not in names}
