"""Client-to-server events: each name, the type of its ``data`` and what its ``task_id`` names.

The declared types are enforced: :func:`~webio_core.protocol.frames.decode_client_frame` checks
every event's ``data`` against them before the session sees it. Pins and uploads declare their
events in :mod:`.pins` and :mod:`.uploads`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional

from typing_extensions import TypedDict

from .constants import MAX_FORM_FIELDS
from .fields import FieldName, FieldValue
from .registry import EventKind, Registry
from .validate import Length, Range

EVENTS: Registry[EventKind[Any]] = Registry("event")

FormData = Optional[Annotated[dict[FieldName, FieldValue], Length(0, MAX_FORM_FIELDS)]]


class InputEventData(TypedDict):
    """A field lost focus ("blur": the server checks the value and answers with
    ``update_input``) or its value changed ("change", for its ``onchange``)."""

    event_name: Literal["blur", "change"]
    name: FieldName
    value: FieldValue


CallbackData = Optional[Annotated[int, Range(min=0)]]

FROM_SUBMIT = EVENTS.add(
    EventKind[FormData](
        "from_submit",
        FormData,
        "The form was submitted: ``{name: value}`` for its fields (for an ``actions`` field, "
        "the index of the button pressed), or null when it was cancelled. The server answers "
        "with ``destroy_form``, or with ``update_input`` errors and ``form_ready``.",
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
        "A button was clicked (data: its index), an input's action button or a toast (data: null).",
        target="callback",
    )
)
