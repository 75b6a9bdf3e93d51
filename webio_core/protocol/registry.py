"""Registries of wire names: every command, event, output type and field type is declared once,
with the type of its spec and what it means.

The declarations are read three ways: mypy checks the Python code that builds specs (each kind is
generic over its spec's TypedDict), :mod:`~webio_core.protocol.validate` checks what clients send,
and ``scripts/gen_protocol.py`` writes the browser client's types and the tables of
docs/protocol.md from them.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Generic, Literal, NamedTuple, Optional, TypeVar

S = TypeVar("S")
K = TypeVar("K", bound="WireKind[Any]")


@dataclass(frozen=True)
class Ref:
    """Marks ``Annotated[dict[str, Any], Ref("OutputSpec")]``: any member of a registry whose
    union the generator names ``name`` (Python cannot spell a union derived from a registry)."""

    name: str


def _doc_of(spec: Any) -> str:
    doc = inspect.getdoc(spec) if isinstance(spec, type) else None
    return " ".join((doc or "").split())


class WireKind(Generic[S]):
    """A wire name and the type of the spec that goes with it."""

    def __init__(self, name: str, spec: Any, doc: str = "") -> None:
        self.name = name
        #: A TypedDict class, or a Union of them.
        self.spec = spec
        self.doc = doc or _doc_of(spec)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


class Message(NamedTuple):
    """A command ready for the outbox (which numbers it)."""

    command: str
    spec: Any
    task_id: str


class CommandKind(WireKind[S]):
    """A server-to-client command; calling it with its spec makes a :class:`Message`."""

    def __call__(self, spec: S, task_id: str = "") -> Message:
        return Message(self.name, spec, task_id)


class TypedKind(WireKind[S]):
    """An output or form field type: the wire name goes in the spec's ``type`` key."""

    def build(self, spec: S) -> dict[str, Any]:
        return {"type": self.name, **spec}  # type: ignore[dict-item]


class EventKind(WireKind[S]):
    """A client-to-server event; ``target`` says what its ``task_id`` names. An event with a
    ``payload`` key carries that many bytes in the binary part of its frame."""

    def __init__(
        self,
        name: str,
        data: Any,
        doc: str,
        target: Literal["task", "callback"],
        payload: Optional[str] = None,
    ) -> None:
        super().__init__(name, data, doc)
        self.target = target
        self.payload = payload


class Registry(Generic[K]):
    """Kinds by wire name; declaring a name twice is an error."""

    def __init__(self, what: str, common: Any = None) -> None:
        self.what = what
        #: A TypedDict of keys every spec of this registry may carry (e.g. ``style``).
        self.common = common
        self._kinds: dict[str, K] = {}

    def add(self, kind: K) -> K:
        if kind.name in self._kinds:
            raise ValueError(f"{self.what} {kind.name!r} is declared twice")
        self._kinds[kind.name] = kind
        return kind

    def __getitem__(self, name: str) -> K:
        return self._kinds[name]

    def get(self, name: str) -> K | None:
        return self._kinds.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._kinds

    def __iter__(self) -> Iterator[K]:
        return iter(self._kinds.values())

    def __len__(self) -> int:
        return len(self._kinds)

    def names(self) -> list[str]:
        return list(self._kinds)
