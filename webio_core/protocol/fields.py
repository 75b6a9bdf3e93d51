"""Form field types: the entries of an ``input_group`` command's ``inputs``.

Every field spec carries ``type`` (the wire name declared here) and the keys of
:class:`FieldBase`. What a submitted value looks like is the field kind's business (see
``webio_core.input.fields``); the client sends it in ``from_submit``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional

from typing_extensions import TypedDict

from .registry import Ref, Registry, TypedKind

#: Any field spec (the generator names the union ``FieldSpec``).
AnyField = Annotated[dict[str, Any], Ref("FieldSpec")]


class FieldBase(TypedDict):
    """Keys of every field spec: ``name`` is the key of its value in ``from_submit``."""

    name: str
    label: str
    help_text: str


FIELDS: Registry[TypedKind[Any]] = Registry("field type", common=FieldBase)


class InputFieldSpec(FieldBase):
    """A one-line ``<input>``; its value is sent as a string."""

    value: str
    placeholder: str
    required: bool
    readonly: bool


ButtonType = Literal["submit", "reset", "cancel"]


class ActionButton(TypedDict):
    """One button of an ``actions`` field: ``submit`` sends its index as the field's value,
    ``reset`` resets the form, ``cancel`` cancels it."""

    label: str
    type: ButtonType
    color: Optional[str]
    disabled: bool


class ActionsFieldSpec(FieldBase):
    """A row of buttons; the value is the index (int) of the button pressed."""

    buttons: list[ActionButton]


TEXT = FIELDS.add(TypedKind[InputFieldSpec]("text", InputFieldSpec, "A line of text."))
PASSWORD = FIELDS.add(
    TypedKind[InputFieldSpec]("password", InputFieldSpec, "A line of text shown masked.")
)
NUMBER = FIELDS.add(
    TypedKind[InputFieldSpec]("number", InputFieldSpec, "An integer, typed as text.")
)
FLOAT = FIELDS.add(
    TypedKind[InputFieldSpec]("float", InputFieldSpec, "A decimal number, typed as text.")
)
ACTIONS = FIELDS.add(TypedKind[ActionsFieldSpec]("actions", ActionsFieldSpec))
