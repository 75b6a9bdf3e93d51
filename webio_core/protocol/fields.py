"""Form field types: the entries of an ``input_group`` command's ``inputs`` (and of pins).

Every field spec carries ``type`` (the wire name declared here) and the keys of
:class:`FieldBase`. The client sends a field's value in ``from_submit`` (and ``input_event``,
``pin_value``...) as :data:`FieldValue`: text for text-like fields, a number for a slider,
option indices for choices, file descriptions for files. Values of choices stay on the server.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional, Union

from typing_extensions import TypedDict

from .constants import MAX_CHOICES, MAX_FIELD_NAME_LENGTH, MAX_UPLOAD_FILES
from .registry import Ref, Registry, TypedKind
from .validate import Length, Range

#: Any field spec (the generator names the union ``FieldSpec``).
AnyField = Annotated[dict[str, Any], Ref("FieldSpec")]

FieldName = Annotated[str, Length(1, MAX_FIELD_NAME_LENGTH)]
#: An option's position in its field's ``options``.
OptionIndex = Annotated[int, Range(min=0, max=MAX_CHOICES - 1)]
Count = Annotated[int, Range(min=0)]


class FileMeta(TypedDict):
    """A file the user picked: what the server checks before it asks for the content."""

    filename: Annotated[str, Length(0, 1024)]
    size: Count
    mime_type: Annotated[str, Length(0, 255)]
    #: Seconds since the epoch.
    last_modified: Annotated[float, Range(min=0)]


#: A field's value as the client sends it.
FieldValue = Union[
    str,
    int,
    float,
    Annotated[list[OptionIndex], Length(0, MAX_CHOICES)],
    Annotated[list[FileMeta], Length(0, MAX_UPLOAD_FILES)],
    None,
]

HtmlAttributeValue = Union[str, int, float, bool]


class FieldBase(TypedDict):
    """Keys of every field spec: ``name`` is the key of its value in ``from_submit``."""

    name: str
    label: str
    help_text: str
    #: Send ``input_event`` "change" when the user changes the value.
    onchange: bool
    #: Send ``input_event`` "blur" when the field loses focus, for the server to check it.
    onblur: bool
    #: Extra attributes of the control (``SAFE_HTML_ATTRIBUTES``, ``data-*``, ``aria-*``):
    #: true sets an empty attribute, false none.
    html_attrs: dict[str, HtmlAttributeValue]


FIELDS: Registry[TypedKind[Any]] = Registry("field type", common=FieldBase)


class FieldAction(TypedDict):
    """A button beside an input: a click sends ``callback`` with ``task_id = callback_id``."""

    label: str
    callback_id: str


class InputFieldSpec(TypedDict):
    """A one-line ``<input>``; its value is sent as a string."""

    value: str
    placeholder: str
    required: bool
    readonly: bool
    #: Suggestions offered while typing.
    datalist: list[str]
    action: Optional[FieldAction]


class CodeEditorSpec(TypedDict):
    """A textarea shown as a code editor (loaded on first use)."""

    #: A language name (python, javascript, markdown, html, css, sql, json...); "" for none.
    language: str
    #: "dark" or "light".
    theme: Literal["light", "dark"]
    line_numbers: bool
    tab_size: int


class TextareaSpec(TypedDict):
    """Several lines of text; the value is sent as a string."""

    value: str
    placeholder: str
    required: bool
    readonly: bool
    rows: int
    maxlength: Optional[int]
    minlength: Optional[int]
    code: Optional[CodeEditorSpec]


class OptionSpec(TypedDict):
    """One option of a choice field; the client sends its index, never a value."""

    label: str
    selected: bool
    disabled: bool


class SelectSpec(TypedDict):
    """A drop-down list: sends the chosen index (null when none), or a list of indices when
    ``multiple``."""

    options: list[OptionSpec]
    multiple: bool
    #: The browser's own control, rather than a searchable list.
    native: bool
    required: bool


class CheckboxSpec(TypedDict):
    """Check boxes: sends the list of ticked indices."""

    options: list[OptionSpec]
    inline: bool


class RadioSpec(TypedDict):
    """Radio buttons: sends the chosen index, or null."""

    options: list[OptionSpec]
    inline: bool
    required: bool


class SliderSpec(TypedDict):
    """A range input: sends its value as a number (an integer unless ``float``)."""

    value: float
    min_value: float
    max_value: float
    step: Union[float, Literal["any"]]
    float: bool
    required: bool


class FileSpec(TypedDict):
    """File picker: sends the list of picked files' ``FileMeta``; the server then asks for the
    content with ``upload_files`` and checks every limit itself."""

    #: Comma-separated extensions and MIME types, as the HTML attribute.
    accept: str
    multiple: bool
    placeholder: str
    #: Bytes per file, at most (0: no limit).
    max_size: int
    #: Bytes of all files, at most (0: no limit).
    max_total_size: int
    required: bool
    #: Bytes of content per ``upload_chunk`` event.
    chunk_size: int


ButtonType = Literal["submit", "reset", "cancel"]


class ActionButton(TypedDict):
    """One button of an ``actions`` field: ``submit`` sends its index as the field's value,
    ``reset`` resets the form, ``cancel`` cancels it."""

    label: str
    type: ButtonType
    color: Optional[str]
    disabled: bool


class ActionsFieldSpec(TypedDict):
    """A row of buttons; the value is the index (int) of the button pressed."""

    buttons: list[ActionButton]


def _input(name: str, doc: str) -> TypedKind[InputFieldSpec]:
    return FIELDS.add(TypedKind[InputFieldSpec](name, InputFieldSpec, doc))


TEXT = _input("text", "A line of text.")
PASSWORD = _input("password", "A line of text shown masked.")
NUMBER = _input("number", "An integer, typed as text.")
FLOAT = _input("float", "A decimal number, typed as text.")
URL = _input("url", "A URL.")
DATE = _input("date", "A date picker; the value is YYYY-MM-DD.")
TIME = _input("time", "A time picker; the value is HH:MM or HH:MM:SS.")
COLOR = _input("color", "A colour picker; the value is #rrggbb.")
DATETIME_LOCAL = _input("datetime-local", "A date and time picker; the value is YYYY-MM-DDTHH:MM.")
TEXTAREA = FIELDS.add(TypedKind[TextareaSpec]("textarea", TextareaSpec))
SELECT = FIELDS.add(TypedKind[SelectSpec]("select", SelectSpec))
CHECKBOX = FIELDS.add(TypedKind[CheckboxSpec]("checkbox", CheckboxSpec))
RADIO = FIELDS.add(TypedKind[RadioSpec]("radio", RadioSpec))
SLIDER = FIELDS.add(TypedKind[SliderSpec]("slider", SliderSpec))
FILE = FIELDS.add(TypedKind[FileSpec]("file", FileSpec))
ACTIONS = FIELDS.add(TypedKind[ActionsFieldSpec]("actions", ActionsFieldSpec))
