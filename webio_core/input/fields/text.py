"""One-line inputs (text, password, numbers, URL, date, time, colour, date and time) and
PyWebIO's ``input()``."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Optional, Union

from ...protocol import ProtocolError
from ...protocol import fields as wire
from ...protocol.commands import UPDATE_INPUT, FieldAttributes, UpdateInputSpec
from . import field_kinds, register
from .base import REQUIRED_MESSAGE, Field, FieldError, OnChange, Validator

if TYPE_CHECKING:
    from ...session.base import Session

logger = logging.getLogger("webio_core.input")

#: ``input(type=TEXT)``, the default: a line of text.
TEXT = wire.TEXT.name
#: ``input(type=NUMBER)``: a whole number; ``input`` returns an int.
NUMBER = wire.NUMBER.name
#: ``input(type=FLOAT)``: a number with decimals; ``input`` returns a float.
FLOAT = wire.FLOAT.name
#: ``input(type=PASSWORD)``: a line of text shown as dots.
PASSWORD = wire.PASSWORD.name
#: ``input(type=URL)``: a web address, checked by the browser.
URL = wire.URL.name
#: ``input(type=DATE)``: a date picker; the value is ``"YYYY-MM-DD"``.
DATE = wire.DATE.name
#: ``input(type=TIME)``: a time picker; the value is ``"HH:MM"``.
TIME = wire.TIME.name
#: ``input(type=COLOR)``: a colour picker; the value is ``"#rrggbb"``.
COLOR = wire.COLOR.name
#: ``input(type=DATETIME_LOCAL)``: a date and time picker; the value is ``"YYYY-MM-DDTHH:MM"``.
DATETIME_LOCAL = wire.DATETIME_LOCAL.name
#: PyWebIO's other name of :data:`DATETIME_LOCAL`.
DATETIME = DATETIME_LOCAL

#: ``action=(label, callback)``: ``callback(set_value)`` runs when the button is clicked.
Action = tuple[str, Callable[[Callable[..., None]], Any]]
_NO_LABEL = object()


class TextLikeField(Field):
    """Text typed into an ``<input>``; kinds differ in the control and the conversion."""

    plain_updates = frozenset({"placeholder", "required", "readonly"})

    def __init__(
        self,
        name: str,
        label: Any = "",
        *,
        value: Any = None,
        placeholder: Optional[str] = None,
        required: Optional[bool] = None,
        readonly: Optional[bool] = None,
        datalist: Optional[Sequence[Any]] = None,
        action: Optional[Action] = None,
        help_text: Optional[str] = None,
        validate: Optional[Validator] = None,
        onchange: Optional[OnChange] = None,
        html_attrs: Optional[dict[str, Any]] = None,
    ) -> None:
        super().__init__(name, label, help_text, validate, onchange, html_attrs)
        self.value = "" if value is None else str(value)
        self.placeholder = "" if placeholder is None else str(placeholder)
        self.required = bool(required)
        self.readonly = bool(readonly)
        self.datalist = [str(item) for item in datalist or ()]
        if action is not None and (len(action) != 2 or not callable(action[1])):
            raise TypeError("action must be a (label, callback) pair")
        self.action = action
        self._action_id: Optional[str] = None
        #: (label shown, value returned) after ``set_value(value, label)``.
        self._labelled: Optional[tuple[str, Any]] = None

    def spec_keys(self) -> dict[str, Any]:
        action = None
        if self.action is not None and self._action_id is not None:
            action = wire.FieldAction(label=str(self.action[0]), callback_id=self._action_id)
        return {
            "value": self.value,
            "placeholder": self.placeholder,
            "required": self.required,
            "readonly": self.readonly,
            "datalist": self.datalist,
            "action": action,
        }

    def open(self, session: Session, task_id: str) -> None:
        if self.action is None:
            return
        callback = self.action[1]
        setter = self._setter(session, task_id)
        self._action_id = session.register_callback(lambda: callback(setter), _no_data)

    def close(self, session: Session) -> None:
        if self._action_id is not None:
            session.unregister_callback(self._action_id)
            self._action_id = None

    def _setter(self, session: Session, task_id: str) -> Callable[..., None]:
        def set_value(value: Any, label: Any = _NO_LABEL) -> None:
            """Show ``value`` in the field; with ``label``, show ``label``, make the field
            read-only and return ``value`` (any object) when the form is submitted."""
            attributes = FieldAttributes(value=self.wire_value(value))
            if label is _NO_LABEL:
                self._labelled = None
                self.value = self.wire_value(value)
            else:
                self._labelled = (str(label), value)
                self.value, self.readonly = str(label), True
                attributes["value"], attributes["readonly"] = str(label), True
            spec = UpdateInputSpec(target_name=self.name, attributes=attributes)
            session.send(UPDATE_INPUT(spec, task_id))

        return set_value

    def parse(self, raw: Any) -> Any:
        text = self.expect_str(raw, self.name)
        if self._labelled is not None and text == self._labelled[0]:
            return self._labelled[1]
        if self.readonly and text != self.value:
            logger.warning("field %r is read-only: submitted text ignored", self.name)
            text = self.value
        if text == "" and self.required:
            raise FieldError(REQUIRED_MESSAGE)
        return self.convert(text)

    def convert(self, text: str) -> Any:
        return text

    def set_value(self, value: Any) -> None:
        self._labelled = None
        self.value = self.wire_value(value)

    def update_one(self, key: str, value: Any) -> dict[str, Any]:
        if key == "datalist":
            self.datalist = [str(item) for item in value or ()]
            return {"datalist": self.datalist}
        return super().update_one(key, value)


def _no_data(data: Any) -> tuple[Any, ...]:
    if data is not None:
        raise ProtocolError("an action button sends no data")
    return ()


@register
class TextField(TextLikeField):
    kind = wire.TEXT


@register
class PasswordField(TextLikeField):
    kind = wire.PASSWORD


@register
class UrlField(TextLikeField):
    kind = wire.URL


@register
class DateField(TextLikeField):
    """``YYYY-MM-DD``, as a string."""

    kind = wire.DATE


@register
class TimeField(TextLikeField):
    """``HH:MM`` or ``HH:MM:SS``, as a string."""

    kind = wire.TIME


@register
class ColorField(TextLikeField):
    """``#rrggbb``, as a string."""

    kind = wire.COLOR


@register
class DatetimeLocalField(TextLikeField):
    """``YYYY-MM-DDTHH:MM``, as a string."""

    kind = wire.DATETIME_LOCAL


@register
class NumberField(TextLikeField):
    """An integer; left empty (and not required), None."""

    kind = wire.NUMBER
    cast: ClassVar[type[Any]] = int
    invalid: ClassVar[str] = "Please enter an integer."

    def checks_on_blur(self) -> bool:
        return True  # the conversion itself can fail

    def convert(self, text: str) -> Any:
        if text == "":
            return None
        try:
            return self.cast(text)
        except ValueError:
            raise FieldError(self.invalid) from None


@register
class FloatField(NumberField):
    kind = wire.FLOAT
    cast = float
    invalid = "Please enter a number."


def text_like_kind(name: str, refused: tuple[str, ...] = ()) -> type[TextLikeField]:
    """The one-line text kind of ``type=name`` (other than those ``refused``); ValueError
    naming the supported ones otherwise."""
    kind = field_kinds().get(name) if isinstance(name, str) else None
    if kind is None or not issubclass(kind, TextLikeField) or name in refused:
        kinds = sorted(
            n for n, k in field_kinds().items() if issubclass(k, TextLikeField) and n not in refused
        )
        raise ValueError(f"input type {name!r} is not supported; use one of {kinds}")
    return kind


def input(
    label: str = "",
    type: str = TEXT,
    *,
    validate: Optional[Validator] = None,
    name: Optional[str] = None,
    value: Union[str, int, float, None] = None,
    action: Optional[Action] = None,
    onchange: Optional[OnChange] = None,
    placeholder: Optional[str] = None,
    required: Optional[bool] = None,
    readonly: Optional[bool] = None,
    datalist: Optional[list[str]] = None,
    help_text: Optional[str] = None,
    **other_html_attrs: Any,
) -> Any:
    """Ask for one line: text, a password, a number (``NUMBER`` gives an int, ``FLOAT`` a
    float), a URL, a date (``YYYY-MM-DD``), a time, a colour or a date and time.

    ``validate(value)`` returns None when the value is fine, else an error message shown under
    the field; the user is asked again until it passes. ``required`` refuses an empty value.
    ``datalist`` suggests values; ``action=(label, callback)`` adds a button that calls
    ``callback(set_value)``; ``onchange(value)`` runs on each change (it may call
    ``input_update``). Extra keyword arguments become HTML attributes of the control (safe ones
    only). Returns the value; with ``name`` it returns the field for ``input_group`` instead.
    """
    from ..form import ask

    field = text_like_kind(type)(
        name or "data",
        label,
        value=value,
        placeholder=placeholder,
        required=required,
        readonly=readonly,
        datalist=datalist,
        action=action,
        help_text=help_text,
        validate=validate,
        onchange=onchange,
        html_attrs=other_html_attrs,
    )
    return field if name is not None else ask(field)
