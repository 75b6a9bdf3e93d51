"""A drop-down list, and PyWebIO's ``select()``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Optional, Union

from ...protocol import fields as wire
from . import register
from .base import OnChange, Validator
from .choice import ChoiceField


@register
class SelectField(ChoiceField):
    kind = wire.SELECT

    def __init__(
        self,
        name: str,
        label: Any,
        options: Optional[Sequence[Any]],
        *,
        multiple: Optional[bool] = None,
        native: bool = True,
        required: Optional[bool] = None,
        **kwargs: Any,
    ) -> None:
        self.multiple = bool(multiple)
        super().__init__(name, label, options, **kwargs)
        self.native = bool(native)
        self.required = bool(required)

    def spec_keys(self) -> dict[str, Any]:
        return {
            "options": self.option_specs(),
            "multiple": self.multiple,
            "native": self.native,
            "required": self.required,
        }


def select(
    label: str = "",
    options: Optional[list[Any]] = None,
    *,
    multiple: Optional[bool] = None,
    validate: Optional[Validator] = None,
    name: Optional[str] = None,
    value: Union[list[Any], Any] = None,
    onchange: Optional[OnChange] = None,
    native: bool = True,
    required: Optional[bool] = None,
    help_text: Optional[str] = None,
    **other_html_attrs: Any,
) -> Any:
    """Ask for a choice from a drop-down list; with ``multiple``, for several.

    ``options`` items are values, ``(label, value[, selected[, disabled]])`` tuples or dicts
    with ``label``, ``value``, ``selected`` and ``disabled``; values may be any objects: they
    never leave the server. ``value`` pre-selects (a list when ``multiple``). ``required`` asks
    for at least one choice. Returns the chosen value, or the list of them when ``multiple``.
    """
    from ..form import ask

    field = SelectField(
        name or "data",
        label,
        options,
        multiple=multiple,
        native=native,
        required=required,
        value=value,
        help_text=help_text,
        validate=validate,
        onchange=onchange,
        html_attrs=other_html_attrs,
    )
    return field if name is not None else ask(field)
