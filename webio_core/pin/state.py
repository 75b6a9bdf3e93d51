"""What the server remembers of a session's pins: the field behind each name (to turn the
indices the page sends into values), the strict mode, and the onchange callbacks."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from ..input.fields.base import Field, FieldError
from ..protocol import ProtocolError
from ..session.base import Session
from ..session.context import get_current_session

logger = logging.getLogger("webio_core.pin")


@dataclass
class Pins:
    """The pins of one session."""

    fields: dict[str, Field] = field(default_factory=dict)
    strict: bool = False
    #: Callback ids registered by pin_on_change, by pin name.
    callbacks: dict[str, list[str]] = field(default_factory=dict)


def pins_of(session: Optional[Session] = None) -> Pins:
    session = session or get_current_session()
    pins = session.internal.get("pin")
    if pins is None:
        pins = session.internal["pin"] = Pins()
    return pins  # type: ignore[no-any-return]


def value_of(pins: Pins, name: str, raw: Any) -> Any:
    """The app's value of what the page sent for pin ``name`` (None when it makes no sense:
    a half-typed number, or a value no page of ours sends)."""
    target = pins.fields.get(name)
    if target is None:
        return raw
    try:
        return target.parse(raw)
    except FieldError:
        return None
    except ProtocolError as exc:
        logger.warning("pin %r: %s", name, exc)
        return None


def then(session: Session, result: Any, convert: Callable[[Any], Any]) -> Any:
    """``convert(result)`` of a ``run_task`` result: at once in thread-based sessions, as a
    coroutine to await in coroutine-based ones."""
    if not session.is_coroutine:
        return convert(result)

    async def converted() -> Any:
        value = convert(await result)
        if hasattr(value, "__await__"):
            value = await value
        return value

    return converted()
