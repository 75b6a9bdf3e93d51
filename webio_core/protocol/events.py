"""Client-to-server events: each name, the type of its ``data`` and what its ``task_id`` names.

The declared types are enforced: :func:`~webio_core.protocol.frames.decode_client_frame` checks
every event's ``data`` against them before the session sees it.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional, Union

from typing_extensions import TypedDict

from .constants import MAX_FIELD_NAME_LENGTH, MAX_FORM_FIELDS
from .registry import EventKind, Registry
from .validate import Length, Range

EVENTS: Registry[EventKind[Any]] = Registry("event")

FieldName = Annotated[str, Length(1, MAX_FIELD_NAME_LENGTH)]
#: A submitted value: a string for text-like fields, an index for choices.
FieldValue = Union[str, int]
FormData = Optional[Annotated[dict[FieldName, FieldValue], Length(0, MAX_FORM_FIELDS)]]


class InputEventData(TypedDict):
    """A field lost focus: the server validates its value and answers with ``update_input``."""

    event_name: Literal["blur"]
    name: FieldName
    value: str


CallbackData = Optional[Annotated[int, Range(min=0)]]

FROM_SUBMIT = EVENTS.add(
    EventKind[FormData](
        "from_submit",
        FormData,
        "The form was submitted: ``{name: value}`` for its fields (for an ``actions`` field, "
        "the index of the button pressed), or null when it was cancelled.",
        target="task",
    )
)
INPUT_EVENT = EVENTS.add(
    EventKind[InputEventData]("input_event", InputEventData, "", target="task")
)
CALLBACK = EVENTS.add(
    EventKind[CallbackData](
        "callback",
        CallbackData,
        "A button was clicked (data: its index) or a toast (data: null).",
        target="callback",
    )
)
