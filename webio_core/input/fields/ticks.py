"""Check boxes and radio buttons, and PyWebIO's ``checkbox()`` and ``radio()``."""

from __future__ import annotations

from typing import Any, Optional

from ...protocol import fields as wire
from . import register
from .base import OnChange, Validator
from .choice import ChoiceField


@register
class CheckboxField(ChoiceField):
    """Any number of ticked options: the value is the list of their values."""

    kind = wire.CHECKBOX
    multiple = True
    can_require = False

    def __init__(self, name: str, label: Any, options: Any, *, inline: Any = None, **kw: Any):
        super().__init__(name, label, options, **kw)
        self.inline = bool(inline)

    def spec_keys(self) -> dict[str, Any]:
        return {"options": self.option_specs(), "inline": self.inline}


@register
class RadioField(ChoiceField):
    """One option, or none (None) unless ``required``."""

    kind = wire.RADIO

    def __init__(
        self,
        name: str,
        label: Any,
        options: Any,
        *,
        inline: Any = None,
        required: Any = None,
        **kw: Any,
    ) -> None:
        super().__init__(name, label, options, **kw)
        self.inline = bool(inline)
        self.required = bool(required)

    def spec_keys(self) -> dict[str, Any]:
        return {"options": self.option_specs(), "inline": self.inline, "required": self.required}


def checkbox(
    label: str = "",
    options: Optional[list[Any]] = None,
    *,
    inline: Optional[bool] = None,
    validate: Optional[Validator] = None,
    name: Optional[str] = None,
    value: Optional[list[Any]] = None,
    onchange: Optional[OnChange] = None,
    help_text: Optional[str] = None,
    **other_html_attrs: Any,
) -> Any:
    """Ask for any number of options, as check boxes; returns the list of their values.

    ``options`` and ``value`` are as for ``select(multiple=True)``; ``inline`` puts the boxes
    on one line.
    """
    from ..form import ask

    field = CheckboxField(
        name or "data",
        label,
        options,
        inline=inline,
        value=value,
        help_text=help_text,
        validate=validate,
        onchange=onchange,
        html_attrs=other_html_attrs,
    )
    return field if name is not None else ask(field)


def radio(
    label: str = "",
    options: Optional[list[Any]] = None,
    *,
    inline: Optional[bool] = None,
    validate: Optional[Validator] = None,
    name: Optional[str] = None,
    value: Any = None,
    onchange: Optional[OnChange] = None,
    required: Optional[bool] = None,
    help_text: Optional[str] = None,
    **other_html_attrs: Any,
) -> Any:
    """Ask for one option, as radio buttons; returns its value, or None when the user chose
    none (``required`` asks for one). ``options`` and ``value`` are as for ``select()``."""
    from ..form import ask

    field = RadioField(
        name or "data",
        label,
        options,
        inline=inline,
        required=required,
        value=value,
        help_text=help_text,
        validate=validate,
        onchange=onchange,
        html_attrs=other_html_attrs,
    )
    return field if name is not None else ask(field)
