"""One-line inputs: text, password, integer and decimal number, and PyWebIO's ``input()``."""

from __future__ import annotations

from typing import Any, ClassVar, Optional, Union

from ...protocol import fields as wire
from . import register
from .base import REQUIRED_MESSAGE, Field, FieldError, Validator

TEXT = wire.TEXT.name
NUMBER = wire.NUMBER.name
FLOAT = wire.FLOAT.name
PASSWORD = wire.PASSWORD.name


@register
class TextField(Field):
    kind = wire.TEXT

    def __init__(
        self,
        name: str,
        label: Any = "",
        *,
        value: Union[str, int, float, None] = None,
        placeholder: Optional[str] = None,
        required: Optional[bool] = None,
        readonly: Optional[bool] = None,
        help_text: Optional[str] = None,
        validate: Optional[Validator] = None,
    ) -> None:
        super().__init__(name, label, help_text, validate)
        self.value = "" if value is None else str(value)
        self.placeholder = "" if placeholder is None else str(placeholder)
        self.required = bool(required)
        self.readonly = bool(readonly)

    def spec_keys(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "placeholder": self.placeholder,
            "required": self.required,
            "readonly": self.readonly,
        }

    def parse(self, raw: Any) -> Any:
        text = self.expect_str(raw, self.name)
        if text == "" and self.required:
            raise FieldError(REQUIRED_MESSAGE)
        return self.convert(text)

    def convert(self, text: str) -> Any:
        return text


@register
class PasswordField(TextField):
    kind = wire.PASSWORD


@register
class NumberField(TextField):
    """An integer; left empty (and not required), None."""

    kind = wire.NUMBER
    cast: ClassVar[type[Any]] = int
    invalid: ClassVar[str] = "Please enter an integer."

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


def input(
    label: str = "",
    type: str = TEXT,
    *,
    validate: Optional[Validator] = None,
    name: Optional[str] = None,
    value: Union[str, int, float, None] = None,
    placeholder: Optional[str] = None,
    required: Optional[bool] = None,
    readonly: Optional[bool] = None,
    help_text: Optional[str] = None,
    **other_html_attrs: Any,
) -> Any:
    """Ask for one line of text, an integer (``NUMBER``), a float (``FLOAT``) or a password.

    ``validate(value)`` returns None when the value is fine, else an error message shown under
    the field; the user is asked again until it passes. ``required`` refuses an empty value.
    Returns the value, converted to ``int`` / ``float`` for number types (None when a
    non-required number field is left empty). With ``name`` it returns the field for
    ``input_group`` instead of asking.
    """
    from ..form import ask
    from . import field_kinds

    kinds = {n: k for n, k in field_kinds().items() if issubclass(k, TextField)}
    if type not in kinds:
        raise ValueError(f"input type {type!r} is not supported; use one of {sorted(kinds)}")
    if other_html_attrs:
        raise TypeError(
            f"input() got unsupported arguments {sorted(other_html_attrs)}; "
            "webio_core does not pass extra HTML attributes yet"
        )
    field = kinds[type](
        name or "data",
        label,
        value=value,
        placeholder=placeholder,
        required=required,
        readonly=readonly,
        help_text=help_text,
        validate=validate,
    )
    return field if name is not None else ask(field)
