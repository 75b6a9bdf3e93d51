"""The stack of output scopes of the current thread or asyncio task, as ``use_scope`` enters
them. Outputs without an explicit ``scope=`` go to the innermost one."""

from __future__ import annotations

import contextvars
from typing import Optional, Union

from ..protocol.constants import ROOT_SCOPE

ROOT = ROOT_SCOPE

_scope_stack: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar(
    "webio_core_scope_stack", default=(ROOT,)
)


def scope_stack() -> tuple[str, ...]:
    return _scope_stack.get()


def current_scope() -> str:
    return _scope_stack.get()[-1]


def resolve_scope(scope: Union[str, int, None]) -> str:
    """A scope argument as the API accepts it: None (current), a name, or an index in the stack."""
    if scope is None:
        return current_scope()
    if isinstance(scope, bool):
        raise TypeError("scope must be a name or an index of the scope stack")
    if isinstance(scope, int):
        stack = _scope_stack.get()
        try:
            return stack[scope]
        except IndexError:
            raise ValueError(f"scope index {scope} is outside the stack {list(stack)}") from None
    if not isinstance(scope, str) or not scope:
        raise TypeError("scope must be a non-empty string")
    return scope


def push_scope(name: str) -> contextvars.Token[tuple[str, ...]]:
    return _scope_stack.set((*_scope_stack.get(), name))


def pop_scope(token: Optional[contextvars.Token[tuple[str, ...]]]) -> None:
    if token is not None:
        _scope_stack.reset(token)
