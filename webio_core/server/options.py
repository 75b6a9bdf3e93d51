"""The options every backend understands, parsed and checked once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Union

from ..debugging import debug_enabled
from ..session.base import DEFAULT_ACK_TIMEOUT
from ..sizes import parse_size
from .forwarded import TrustedProxies, TrustedProxiesOption
from .origin import OriginPolicy

DEFAULT_MAX_PAYLOAD = "200M"


@dataclass
class ServerOptions:
    """Options shared by all backends (see ``webio_core.start_server``)."""

    cdn: Union[bool, str] = True
    static_dir: Optional[str] = None
    #: Tracebacks on the page, and reloading in ``start_server``; also on when
    #: ``enable_debug()`` was called or ``WEBIO_DEBUG`` / ``PYWEBIO_DEBUG`` is set.
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
    #: The reverse proxies whose ``X-Forwarded-For`` header gives ``session.info.user_ip``:
    #: addresses or networks (a list, or a comma-separated string), ``"*"`` or True for any
    #: peer; by default no one is trusted and ``user_ip`` is the connected peer. Not a PyWebIO
    #: option.
    trusted_proxies: TrustedProxiesOption = None
    #: Where the sessions of several processes meet, so that any process serves any session
    #: (``"redis://host:6379/0"``, with the webio-redis plugin installed); by default the
    #: ``WEBIO_REDIS_URL`` environment variable, else none: sessions live in one process.
    #: Not a PyWebIO option.
    registry_url: Optional[str] = None
    max_payload_bytes: int = field(init=False)
    origin_policy: OriginPolicy = field(init=False)
    proxies: TrustedProxies = field(init=False)

    def __post_init__(self) -> None:
        self.debug = bool(self.debug) or debug_enabled()
        self.proxies = TrustedProxies(self.trusted_proxies)
        self.max_payload_bytes = parse_size(self.max_payload_size)
        if self.reconnect_timeout < 0:
            raise ValueError("reconnect_timeout must be >= 0")
        if not self.ack_timeout > 0:
            raise ValueError("ack_timeout must be > 0")
        if self.remote_access:
            raise ValueError(
                "remote_access is not supported by webio_core (it needs a tunnel service)"
            )
        if isinstance(self.allowed_origins, (str, bytes)):
            # A string would be read one character at a time, and "*" would allow every origin.
            raise TypeError(
                "allowed_origins must be a list of origin patterns, such as "
                f"[{self.allowed_origins!r}], not a string"
            )
        self.origin_policy = OriginPolicy(
            allowed_origins=tuple(self.allowed_origins or ()), check_origin=self.check_origin
        )

    @classmethod
    def names(cls) -> list[str]:
        """The options' names, in their order of declaration."""
        return [f.name for f in cls.__dataclass_fields__.values() if f.init]

    @classmethod
    def split(cls, options: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """Separate the common options from the framework-specific settings."""
        names = set(cls.names())
        common = {k: v for k, v in options.items() if k in names}
        return common, {k: v for k, v in options.items() if k not in names}
