"""A row of buttons as a form field, and PyWebIO's ``actions()``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Optional

from ...choices import Choice, normalize_buttons
from ...protocol import ProtocolError
from ...protocol import fields as wire
from . import register
from .base import Field


@register
class ActionsField(Field):
    kind = wire.ACTIONS
    # Enter in a form whose actions have no submit button submits nothing for this field.
    always_submitted = False

    def __init__(
        self, name: str, label: Any, buttons: Sequence[Any], help_text: Optional[str] = None
    ) -> None:
        super().__init__(name, label, help_text)
        self.buttons: list[Choice] = normalize_buttons(buttons, typed=True)
        if not self.buttons:
            raise ValueError("actions() needs at least one button")

    def spec_keys(self) -> dict[str, Any]:
        buttons = [
            wire.ActionButton(label=b.label, type=b.type, color=b.color, disabled=b.disabled)
            for b in self.buttons
        ]
        return {"buttons": buttons}

    def cancels_form(self) -> bool:
        return any(b.type == "cancel" for b in self.buttons)

    def parse(self, raw: Any) -> Any:
        if raw is None:
            return None  # no button pressed yet (a pin's first value)
        if not isinstance(raw, int) or isinstance(raw, bool) or not 0 <= raw < len(self.buttons):
            raise ProtocolError(f"no button {raw!r} in actions {self.name!r}")
        button = self.buttons[raw]
        if button.type != "submit" or button.disabled:
            raise ProtocolError(f"button {raw} of {self.name!r} cannot submit")
        return button.value


def actions(
    label: str = "",
    buttons: Optional[list[Any]] = None,
    name: Optional[str] = None,
    help_text: Optional[str] = None,
) -> Any:
    """Show a row of buttons and return the value of the one the user presses.

    ``buttons`` items are labels, ``(label, value)`` pairs or dicts with ``label``, ``value``,
    ``type`` (``submit`` / ``reset`` / ``cancel``), ``color`` and ``disabled``. A ``cancel``
    button returns None. With ``name`` it returns the field for ``input_group`` instead.
    """
    from ..form import ask

    field = ActionsField(name or "data", label, buttons or [], help_text)
    return field if name is not None else ask(field)
