"""Per-session data objects: ``session.info`` and ``session.local``."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


@dataclass
class SessionInfo:
    """What the server knows about the browser behind a session (``webio_core.session.info``)."""

    user_agent_string: str = ""
    user_language: str = ""
    server_host: str = ""
    origin: str = ""
    user_ip: str = ""
    backend: str = ""
    protocol: str = ""
    request: Any = field(default=None, repr=False)

    @cached_property
    def user_agent(self) -> Any:
        # Parsing user agents costs a few milliseconds: only do it for apps that ask.
        import user_agents

        return user_agents.parse(self.user_agent_string)


_MAKING = threading.Lock()


class LocalNamespace:
    """Attribute-style storage private to one session; missing attributes read as None."""

    __slots__ = ("_dict",)

    #: What an empty namespace reads from: its own dict is made by the first write (most
    #: sessions never store anything, and a dict costs each one 64 bytes).
    _EMPTY: dict[Any, Any] = {}

    def __init__(self) -> None:
        object.__setattr__(self, "_dict", self._EMPTY)

    def _writable(self) -> dict[Any, Any]:
        if self._dict is self._EMPTY:
            with _MAKING:  # two threads' first writes must land in the same dict
                if self._dict is self._EMPTY:
                    object.__setattr__(self, "_dict", {})
        return self._dict

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return self._dict.get(name)

    def __setattr__(self, name: str, value: Any) -> None:
        self._writable()[name] = value

    def __delattr__(self, name: str) -> None:
        self._dict.pop(name, None)

    def __getitem__(self, key: Any) -> Any:
        return self._dict.get(key)

    def __setitem__(self, key: Any, value: Any) -> None:
        self._writable()[key] = value

    def __delitem__(self, key: Any) -> None:
        self._dict.pop(key, None)

    def __contains__(self, key: Any) -> bool:
        return key in self._dict

    def __iter__(self) -> Iterator[Any]:
        return iter(self._dict)

    def __len__(self) -> int:
        return len(self._dict)

    def __repr__(self) -> str:
        return f"<session local {self._dict!r}>"
