"""What every ``put_*`` function returns: an :class:`Output`, sent once.

An output is sent when it is no longer referenced (at once for a plain ``put_text(...)``
statement), so that ``put_text(...).style(...)`` still sends one styled output, as in PyWebIO;
an output embedded in a container is sent as part of that container instead.
"""

from __future__ import annotations

import secrets
from collections.abc import Generator, Iterable
from typing import Any, Callable, Optional, TypeVar, Union

from ..protocol import ProtocolError, TypedKind
from ..protocol.commands import OUTPUT, OutputCommandSpec
from ..protocol.outputs import SCOPE, ScopeOutput
from ..session.base import Session
from ..session.context import get_current_session
from ..session.coroutinebased import CoroutineSession
from ._context import pop_scope, push_scope, resolve_scope

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


def new_scope_name() -> str:
    """A scope name no app chooses: for the content of outputs used as context managers."""
    return f"webio-{secrets.token_hex(6)}"


class Output:
    """Something to show on the page; sent once, when released or embedded in another output.

    Outputs that hold others (``contents_key``) can be context managers, as in PyWebIO:
    ``with put_collapse("More"):`` sends the output and sends the block's outputs into it.
    """

    def __init__(
        self,
        kind: TypedKind[S],
        spec: S,
        scope: ScopeArg = None,
        position: int = -1,
        *,
        contents_key: Optional[str] = None,
    ):
        # Set first: when a check below raises (no session, closed session, bad scope), the
        # half-built object must have nothing to send from __del__.
        self._processed = True
        self._session: Session = get_current_session()
        self.spec = kind.build(spec)
        self._scope = resolve_scope(scope)
        self._position = int(position)
        self._contents_key = contents_key
        self._tokens: list[Any] = []
        self._processed = False

    def style(self, css_style: str) -> Output:
        """Add CSS declarations (``"color: red; margin: 0"``) to the output's element."""
        previous = self.spec.get("style", "")
        self.spec["style"] = f"{previous};{css_style}" if previous else css_style
        return self

    def send(self) -> None:
        """Send the output to the current scope now, unless it was already sent or embedded in a
        container; later calls do nothing. ``show`` is the same method, under PyWebIO's name."""
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

    def onclick(self, callback: Callable[[], Any]) -> Output:
        """Call ``callback()`` (no arguments) when the output is clicked."""
        callback_id = self._session.register_callback(callback, no_data)
        self.spec["click_callback_id"] = callback_id
        return self

    # ---- as a context manager --------------------------------------------------------------

    def __enter__(self) -> str:
        """Send the output; until the block ends, outputs go into it. Returns the name of the
        scope they go to."""
        if self._contents_key is None:
            raise RuntimeError(f"a {self.spec['type']} output cannot be used with 'with'")
        name = self.enter_scope_name()
        self.send()
        self._tokens.append(push_scope(name))
        return name

    def enter_scope_name(self) -> str:
        """Wrap the contents in a new scope that does not change the layout, and name it."""
        assert self._contents_key is not None
        name = new_scope_name()
        inner = SCOPE.build(ScopeOutput(name=name, contents=self.spec[self._contents_key]))
        # A grid's cells must stay its own children: the scope's box takes no part in layout.
        inner["style"] = "display: contents"
        self.spec[self._contents_key] = [inner]
        return name

    def __exit__(self, *exc: Any) -> None:
        pop_scope(self._tokens.pop())

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


def no_data(data: Any) -> tuple[Any, ...]:
    """Decoder of a click that carries no data."""
    if data is not None:
        raise ProtocolError("this click carries no data")
    return ()


def embed_all(contents: Any, *, empty: Optional[Callable[[], Output]] = None) -> list[Any]:
    """The specs of ``contents`` (an output, a string, or a list of them) to nest in another
    output; strings become text outputs, None becomes ``empty()`` where that is allowed."""
    from .text import put_text

    items: Iterable[Any] = contents if isinstance(contents, (list, tuple)) else [contents]
    specs = []
    for item in items:
        if item is None and empty is not None:
            item = empty()
        if isinstance(item, Output):
            specs.append(item.embed())
        elif isinstance(item, str):
            specs.append(put_text(item).embed())
        else:
            raise TypeError(f"expected put_xxx() outputs or strings, got {item!r}")
    return specs
