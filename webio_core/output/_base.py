"""What every ``put_*`` function returns: an :class:`Output`, sent once.

An output is sent when it is no longer referenced (at once for a plain ``put_text(...)``
statement), so that ``put_text(...).style(...)`` still sends one styled output, as in PyWebIO;
an output embedded in a container is sent as part of that container instead.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any, TypeVar, Union

from ..protocol import TypedKind
from ..protocol.commands import OUTPUT, OutputCommandSpec
from ..session.base import Session
from ..session.context import get_current_session
from ..session.coroutinebased import CoroutineSession
from ._context import resolve_scope

S = TypeVar("S")

ScopeArg = Union[str, int, None]


class OutputPosition:
    """Where ``put_*(..., position=)`` puts the output in its scope."""

    TOP = 0
    MIDDLE = 1
    BOTTOM = -1


def text_of(value: Any) -> str:
    """``value`` as the text PyWebIO shows for it."""
    return value if isinstance(value, str) else str(value)


class Output:
    """Something to show on the page; sent once, when released or embedded in another output."""

    def __init__(self, kind: TypedKind[S], spec: S, scope: ScopeArg = None, position: int = -1):
        # Set first: when a check below raises (no session, closed session, bad scope), the
        # half-built object must have nothing to send from __del__.
        self._processed = True
        self._session: Session = get_current_session()
        self.spec = kind.build(spec)
        self._scope = resolve_scope(scope)
        self._position = int(position)
        self._processed = False

    def style(self, css_style: str) -> Output:
        """Add CSS declarations (``"color: red; margin: 0"``) to the output's element."""
        previous = self.spec.get("style", "")
        self.spec["style"] = f"{previous};{css_style}" if previous else css_style
        return self

    def send(self) -> None:
        if self._processed:
            return
        self._processed = True
        placed = OutputCommandSpec(scope=self._scope, position=self._position, output=self.spec)
        self._session.send(OUTPUT(placed))

    def embed(self) -> dict[str, Any]:
        """The spec, for a container output that shows this one inside itself."""
        self._processed = True
        return dict(self.spec)

    show = send

    def __await__(self) -> Generator[Any, None, Output]:
        """``await put_text(...)`` in a coroutine-based app: send, then wait while the client has
        a send window of commands to acknowledge (back-pressure for long bursts)."""
        self.send()
        if isinstance(self._session, CoroutineSession):
            yield from self._session.room().__await__()
        return self

    def __del__(self) -> None:
        if self._processed or self._session.closed:
            return
        try:
            self.send()
        except Exception:
            # An exception raised from __del__ reaches nobody; the session logs send failures.
            pass
