"""Pin widgets: the input fields put in the output area with ``put_*``, read with ``pin``."""

from __future__ import annotations

from typing import Any, Optional, Union

from ..input.fields.actions import ActionsField
from ..input.fields.base import Field
from ..input.fields.file import FileField
from ..input.fields.select import SelectField
from ..input.fields.slider import Number, SliderField
from ..input.fields.text import TEXT, text_like_kind
from ..input.fields.textarea import TextareaField
from ..input.fields.ticks import CheckboxField, RadioField
from ..output._base import Output, OutputPosition, ScopeArg
from ..protocol.pins import PIN, PinOutput
from ..session.context import get_current_session
from .state import pins_of

BOTTOM = OutputPosition.BOTTOM


def _pin_output(field: Field, scope: ScopeArg, position: int) -> Output:
    if field.name == "use_strict":
        raise ValueError("'use_strict' is reserved and cannot name a pin")
    session = get_current_session()
    field.open(session, "")
    output = Output(PIN, PinOutput(field=field.spec()), scope, position)
    pins_of(session).fields[field.name] = field
    return output


def put_input(
    name: str,
    type: str = TEXT,
    *,
    label: str = "",
    value: Optional[str] = None,
    placeholder: Optional[str] = None,
    readonly: Optional[bool] = None,
    datalist: Optional[list[str]] = None,
    help_text: Optional[str] = None,
    scope: ScopeArg = None,
    position: int = BOTTOM,
) -> Output:
    """A one-line input on the page, read with ``pin[name]``; ``type`` as for ``input()``."""
    field = text_like_kind(type, refused=(TextareaField.kind.name,))(
        name,
        label,
        value=value,
        placeholder=placeholder,
        readonly=readonly,
        datalist=datalist,
        help_text=help_text,
    )
    return _pin_output(field, scope, position)


def put_textarea(
    name: str,
    *,
    label: str = "",
    rows: int = 6,
    code: Union[bool, dict[str, Any], None] = None,
    maxlength: Optional[int] = None,
    minlength: Optional[int] = None,
    value: Optional[str] = None,
    placeholder: Optional[str] = None,
    readonly: Optional[bool] = None,
    help_text: Optional[str] = None,
    scope: ScopeArg = None,
    position: int = BOTTOM,
) -> Output:
    """A text area (or code editor with ``code``) on the page, read with ``pin[name]``."""
    field = TextareaField(
        name,
        label,
        rows=rows,
        code=code,
        maxlength=maxlength,
        minlength=minlength,
        value=value,
        placeholder=placeholder,
        readonly=readonly,
        help_text=help_text,
    )
    return _pin_output(field, scope, position)


def put_select(
    name: str,
    options: Optional[list[Any]] = None,
    *,
    label: str = "",
    multiple: Optional[bool] = None,
    value: Any = None,
    native: Optional[bool] = None,
    help_text: Optional[str] = None,
    scope: ScopeArg = None,
    position: int = BOTTOM,
) -> Output:
    """A drop-down list on the page; ``pin[name]`` is the chosen value (a list with
    ``multiple``)."""
    field = SelectField(
        name,
        label,
        options,
        multiple=multiple,
        native=bool(native),
        value=value,
        help_text=help_text,
    )
    return _pin_output(field, scope, position)


def put_checkbox(
    name: str,
    options: Optional[list[Any]] = None,
    *,
    label: str = "",
    inline: Optional[bool] = None,
    value: Optional[list[Any]] = None,
    help_text: Optional[str] = None,
    scope: ScopeArg = None,
    position: int = BOTTOM,
) -> Output:
    """Check boxes on the page; ``pin[name]`` is the list of ticked values."""
    field = CheckboxField(name, label, options, inline=inline, value=value, help_text=help_text)
    return _pin_output(field, scope, position)


def put_radio(
    name: str,
    options: Optional[list[Any]] = None,
    *,
    label: str = "",
    inline: Optional[bool] = None,
    value: Any = None,
    help_text: Optional[str] = None,
    scope: ScopeArg = None,
    position: int = BOTTOM,
) -> Output:
    """Radio buttons on the page; ``pin[name]`` is the chosen value, or None."""
    field = RadioField(name, label, options, inline=inline, value=value, help_text=help_text)
    return _pin_output(field, scope, position)


def put_slider(
    name: str,
    *,
    label: str = "",
    value: Number = 0,
    min_value: Number = 0,
    max_value: Number = 100,
    step: int = 1,
    required: Optional[bool] = None,
    help_text: Optional[str] = None,
    scope: ScopeArg = None,
    position: int = BOTTOM,
) -> Output:
    """A slider on the page; ``pin[name]`` is its number."""
    field = SliderField(
        name,
        label,
        value=value,
        min_value=min_value,
        max_value=max_value,
        step=step,
        required=required,
        help_text=help_text,
    )
    return _pin_output(field, scope, position)


def put_actions(
    name: str,
    *,
    label: str = "",
    buttons: Optional[list[Any]] = None,
    help_text: Optional[str] = None,
    scope: ScopeArg = None,
    position: int = BOTTOM,
) -> Output:
    """Buttons on the page; ``pin[name]`` is the value of the last one clicked (None before).
    Only submit buttons: nothing here resets or cancels a form."""
    field = ActionsField(name, label, buttons or [], help_text)
    if any(b.type != "submit" for b in field.buttons):
        raise ValueError("put_actions() takes only submit buttons")
    return _pin_output(field, scope, position)


def put_file_upload(
    name: str,
    *,
    label: str = "",
    accept: Union[str, list[str], None] = None,
    placeholder: str = "Choose file",
    multiple: bool = False,
    max_size: Union[int, str] = 0,
    max_total_size: Union[int, str] = 0,
    help_text: Optional[str] = None,
    scope: ScopeArg = None,
    position: int = BOTTOM,
) -> Output:
    """A file picker on the page; reading ``pin[name]`` uploads the picked file(s) and gives
    what ``file_upload()`` returns."""
    field = FileField(
        name,
        label,
        accept=accept,
        placeholder=placeholder,
        multiple=multiple,
        max_size=max_size,
        max_total_size=max_total_size,
        help_text=help_text,
    )
    return _pin_output(field, scope, position)
