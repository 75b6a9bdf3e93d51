"""A range input, and PyWebIO's ``slider()``."""

from __future__ import annotations

import math
from typing import Any, Optional, Union

from ...protocol import ProtocolError
from ...protocol import fields as wire
from . import register
from .base import Field, OnChange, Validator

Number = Union[int, float]


@register
class SliderField(Field):
    """A number between ``min_value`` and ``max_value``: an int, unless one of ``value``,
    ``min_value`` and ``max_value`` is a float."""

    kind = wire.SLIDER
    plain_updates = frozenset({"required"})

    def __init__(
        self,
        name: str,
        label: Any = "",
        *,
        value: Number = 0,
        min_value: Number = 0,
        max_value: Number = 100,
        step: Number = 1,
        required: Optional[bool] = None,
        help_text: Optional[str] = None,
        validate: Optional[Validator] = None,
        onchange: Optional[OnChange] = None,
        html_attrs: Optional[dict[str, Any]] = None,
    ) -> None:
        super().__init__(name, label, help_text, validate, onchange, html_attrs)
        for what, number in (("value", value), ("min_value", min_value), ("max_value", max_value)):
            _check_number(what, number)
        if min_value > max_value:
            raise ValueError("slider min_value must not exceed max_value")
        self.is_float = any(isinstance(n, float) for n in (value, min_value, max_value))
        self.value, self.min_value, self.max_value = value, min_value, max_value
        self.step: Union[Number, str] = "any" if self.is_float else step
        self.required = bool(required)

    def spec_keys(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "min_value": self.min_value,
            "max_value": self.max_value,
            "step": self.step,
            "float": self.is_float,
            "required": self.required,
        }

    def parse(self, raw: Any) -> Any:
        if not isinstance(raw, (int, float)) or isinstance(raw, bool):
            raise ProtocolError(f"slider {self.name!r} expects a number")
        if not self.min_value <= raw <= self.max_value:
            raise ProtocolError(f"slider {self.name!r}: {raw!r} is out of range")
        return float(raw) if self.is_float else int(raw)

    def wire_value(self, value: Any) -> Any:
        _check_number("value", value)
        return value

    def update_one(self, key: str, value: Any) -> dict[str, Any]:
        if key in ("min_value", "max_value", "step"):
            _check_number(key, value)
            setattr(self, key, value)
            return {key: value}
        return super().update_one(key, value)


def _check_number(what: str, number: Any) -> None:
    if (
        isinstance(number, bool)
        or not isinstance(number, (int, float))
        or not math.isfinite(number)
    ):
        raise TypeError(f"slider {what} must be a finite int or float, not {number!r}")


def slider(
    label: str = "",
    *,
    name: Optional[str] = None,
    value: Number = 0,
    min_value: Number = 0,
    max_value: Number = 100,
    step: int = 1,
    validate: Optional[Validator] = None,
    onchange: Optional[OnChange] = None,
    required: Optional[bool] = None,
    help_text: Optional[str] = None,
    **other_html_attrs: Any,
) -> Any:
    """Ask for a number with a slider; returns an int, or a float when ``value``,
    ``min_value`` or ``max_value`` is a float (``step`` then does not apply)."""
    from ..form import ask

    field = SliderField(
        name or "data",
        label,
        value=value,
        min_value=min_value,
        max_value=max_value,
        step=step,
        required=required,
        help_text=help_text,
        validate=validate,
        onchange=onchange,
        html_attrs=other_html_attrs,
    )
    return field if name is not None else ask(field)
