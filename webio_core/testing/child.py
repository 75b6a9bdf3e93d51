"""What the real servers a test runs as child processes (nginx, redis-server) share: used as a
``with`` block, and restarted on the same port to cut every connection."""

from __future__ import annotations

from types import TracebackType
from typing import Optional, TypeVar

Self = TypeVar("Self", bound="ChildServer")


class ChildServer:
    """Subclasses start the program (waiting until it serves) and stop it by its process id."""

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def restart(self) -> None:
        """Stop, then start again on the same port: every client's connection is cut."""
        self.stop()
        self.start()

    def __enter__(self: Self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        self.stop()
