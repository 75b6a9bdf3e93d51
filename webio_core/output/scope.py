"""Scopes: named containers of output. ``use_scope``, ``put_scope``, ``set_scope``,
``get_scope``, ``clear``, ``remove``, ``scroll_to``."""

from __future__ import annotations

import functools
import inspect
import uuid
from collections.abc import Sequence
from typing import Any, Callable, Optional, Union

from ..protocol.commands import (
    OUTPUT_CTL,
    ClearScopeSpec,
    OutputCtlSpec,
    RemoveScopeSpec,
    ScrollPosition,
    ScrollToSpec,
    SetScopeSpec,
)
from ..protocol.outputs import SCOPE, ScopeOutput
from ..session.context import get_current_session
from ._base import Output, OutputPosition, ScopeArg, text_of
from ._context import ROOT, current_scope, pop_scope, push_scope, resolve_scope, scope_stack


class Position:
    """Where ``scroll_to`` puts the scope in the window."""

    TOP = "top"
    MIDDLE = "middle"
    BOTTOM = "bottom"


_SCROLL_POSITIONS = (Position.TOP, Position.MIDDLE, Position.BOTTOM)
_SCOPE_PARAMS = frozenset({"create_scope", "container_scope", "position", "if_exist"})


def _scope_ctl(spec: OutputCtlSpec) -> None:
    get_current_session().send(OUTPUT_CTL(spec))


def put_scope(
    name: str,
    content: Union[Output, Sequence[Output]] = (),
    scope: ScopeArg = None,
    position: int = -1,
) -> Output:
    """Create a named scope holding ``content``."""
    items = [content] if isinstance(content, Output) else list(content)
    spec = ScopeOutput(name=text_of(name), contents=[item.embed() for item in items])
    return Output(SCOPE, spec, scope, position)


def set_scope(
    name: str,
    container_scope: ScopeArg = None,
    position: int = OutputPosition.BOTTOM,
    if_exist: Optional[str] = None,
) -> None:
    """Create scope ``name`` in ``container_scope`` (default: the current scope) at
    ``position``. If it exists: ``if_exist=None`` leaves it, ``"clear"`` empties it,
    ``"remove"`` replaces it with a new empty one."""
    if if_exist not in (None, "clear", "remove"):
        raise ValueError("if_exist must be None, 'clear' or 'remove'")
    if not isinstance(name, str) or not name:
        raise TypeError("scope names must be non-empty strings")
    spec = SetScopeSpec(
        set_scope=name,
        container=resolve_scope(container_scope),
        position=int(position),
        if_exist=if_exist,  # type: ignore[typeddict-item]
    )
    _scope_ctl(spec)


def get_scope(stack_idx: int = -1) -> Optional[str]:
    """The name of a scope of the current stack (-1: the innermost, 0: ROOT), or None when
    the stack is not that deep."""
    try:
        return scope_stack()[stack_idx]
    except IndexError:
        return None


def clear(scope: ScopeArg = None) -> None:
    """Remove everything inside ``scope`` (default: the current scope)."""
    _scope_ctl(ClearScopeSpec(clear=resolve_scope(scope)))


def remove(scope: ScopeArg = None) -> None:
    """Remove ``scope`` and its content (default: the current scope)."""
    name = resolve_scope(scope)
    if name == ROOT:
        raise ValueError("the ROOT scope cannot be removed")
    _scope_ctl(RemoveScopeSpec(remove=name))


def scroll_to(scope: ScopeArg = None, position: ScrollPosition = "top") -> None:
    """Scroll the page so that ``scope`` is at the top, middle or bottom of the window."""
    if position not in _SCROLL_POSITIONS:
        raise ValueError("position must be 'top', 'middle' or 'bottom'")
    _scope_ctl(ScrollToSpec(scroll_to=resolve_scope(scope), position=position))


class use_scope:
    """Enter a scope: ``with use_scope('name', clear=True):`` or ``@use_scope('name')``.

    The scope is created at the end of the enclosing scope if it does not exist yet; outputs
    without an explicit ``scope=`` go into it. ``clear`` empties it on entry. Without a name a
    unique one is made, and ``with`` returns it.
    """

    def __init__(
        self, name: Optional[str] = None, clear: bool = False, **scope_params: Any
    ) -> None:
        unknown = set(scope_params) - _SCOPE_PARAMS
        if unknown:
            raise TypeError(f"use_scope() got unexpected arguments {sorted(unknown)}")
        self.name = name if name is not None else f"webio-auto-{uuid.uuid4().hex[:12]}"
        if not isinstance(self.name, str) or not self.name:
            raise TypeError("scope names must be non-empty strings")
        self.clear = clear
        self._params = scope_params
        self.create_scope = scope_params.get("create_scope", True)
        self.container = scope_params.get("container_scope")
        self.position = scope_params.get("position", OutputPosition.BOTTOM)
        self.if_exist = scope_params.get("if_exist")
        self._tokens: list[Any] = []

    def __enter__(self) -> str:
        if self.create_scope:
            container = resolve_scope(self.container) if self.container else current_scope()
            spec = SetScopeSpec(
                set_scope=self.name,
                container=container,
                position=self.position,
                if_exist="clear" if self.clear else self.if_exist,
            )
            _scope_ctl(spec)
        elif self.clear:
            clear(self.name)
        self._tokens.append(push_scope(self.name))
        return self.name

    def __exit__(self, *exc: Any) -> None:
        pop_scope(self._tokens.pop())

    def _fresh(self) -> use_scope:
        # Each call of a decorated function enters on its own, so concurrent calls from
        # several threads or tasks never share a context token.
        return use_scope(self.name, self.clear, **self._params)

    def __call__(self, func: Callable[..., Any]) -> Callable[..., Any]:
        if inspect.iscoroutinefunction(func):

            @functools.wraps(func)
            async def run_async(*args: Any, **kwargs: Any) -> Any:
                with self._fresh():
                    return await func(*args, **kwargs)

            return run_async

        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            with self._fresh():
                return func(*args, **kwargs)

        return run
