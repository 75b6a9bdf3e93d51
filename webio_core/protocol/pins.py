"""Pins: form fields placed in the output area, read and watched by the app at any time.

A pin is a ``pin`` output holding a field spec; its ``name`` identifies it in every command
below (a later pin of the same name replaces the earlier one). Values travel as
:data:`~.fields.FieldValue`, as in forms.
"""

from __future__ import annotations

from typing import Optional

from typing_extensions import TypedDict

from .commands import COMMANDS, FieldAttributes
from .events import EVENTS
from .fields import AnyField, FieldName, FieldValue
from .outputs import OUTPUTS
from .registry import CommandKind, EventKind, TypedKind


class PinOutput(TypedDict):
    """A form field in the output area, without a form: a pin widget."""

    field: AnyField


class PinValueSpec(TypedDict):
    """Asks for the current value of pin ``name``: the client answers with ``pin_value``."""

    name: str


class PinWaitSpec(TypedDict):
    """Asks to be told of the next change of any of these pins: the client answers with
    ``pin_change``, or with null after ``timeout`` seconds (null: no timeout)."""

    names: list[str]
    timeout: Optional[float]


class PinUpdateSpec(TypedDict):
    """Changes pin ``name`` as ``update_input`` changes a form field."""

    name: str
    attributes: FieldAttributes


class PinOnChangeSpec(TypedDict):
    """From now on every change of pin ``name`` sends ``pin_callback`` with
    ``task_id = callback_id``; ``clear`` first forgets the earlier ones (a null
    ``callback_id`` only clears)."""

    name: str
    callback_id: Optional[str]
    clear: bool


class PinValueData(TypedDict):
    """The value of a pin that exists."""

    value: FieldValue


class PinChangeData(TypedDict):
    """Pin ``name`` changed to ``value``."""

    name: FieldName
    value: FieldValue


PIN = OUTPUTS.add(TypedKind[PinOutput]("pin", PinOutput))
PIN_VALUE = COMMANDS.add(CommandKind[PinValueSpec]("pin_value", PinValueSpec))
PIN_WAIT = COMMANDS.add(CommandKind[PinWaitSpec]("pin_wait", PinWaitSpec))
PIN_UPDATE = COMMANDS.add(CommandKind[PinUpdateSpec]("pin_update", PinUpdateSpec))
PIN_ONCHANGE = COMMANDS.add(CommandKind[PinOnChangeSpec]("pin_onchange", PinOnChangeSpec))

PinValueAnswer = Optional[PinValueData]
PinChangeAnswer = Optional[PinChangeData]

PIN_VALUE_EVENT = EVENTS.add(
    EventKind[PinValueAnswer](
        "pin_value",
        PinValueAnswer,
        "Answers ``pin_value``: the pin's value, or null when the page has no such pin.",
        target="task",
    )
)
PIN_CHANGE = EVENTS.add(
    EventKind[PinChangeAnswer](
        "pin_change",
        PinChangeAnswer,
        "Answers ``pin_wait``: the pin that changed, or null when the wait timed out.",
        target="task",
    )
)
PIN_CALLBACK = EVENTS.add(
    EventKind[PinChangeData](
        "pin_callback",
        PinChangeData,
        "A pin with ``pin_onchange`` callbacks changed.",
        target="callback",
    )
)
