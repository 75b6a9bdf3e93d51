"""The forms a button or an option may take in PyWebIO's API, normalised once for every widget
that shows them (``put_buttons``, ``actions``, ``select``, ``checkbox`` and ``radio``).

The values stay on the server: clients send back the index of what was chosen, never a value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Optional, get_args

from .protocol.fields import ButtonType

BUTTON_TYPES: tuple[ButtonType, ...] = get_args(ButtonType)
_TUPLE_KEYS = ("label", "value", "type", "disabled")


@dataclass(frozen=True)
class Choice:
    """One button or option: what is shown, and the value the app gets when it is chosen."""

    label: str
    value: Any
    color: Optional[str] = None
    disabled: bool = False
    #: For form buttons: submit, reset or cancel.
    type: ButtonType = "submit"
    #: For options: chosen when the field is shown.
    selected: bool = False


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


def normalize_buttons(buttons: Sequence[Any], *, typed: bool = False) -> list[Choice]:
    """Buttons given as labels, ``(label, value)`` tuples or dicts (``label``, ``value``,
    ``color``, ``disabled``; with ``typed`` also ``type`` and the tuple form
    ``(label, value, type, disabled)``). A button without a value has its label as value."""
    if isinstance(buttons, (str, bytes)) or not isinstance(buttons, Sequence):
        raise TypeError("buttons must be a list")
    choices = []
    for button in buttons:
        if isinstance(button, Mapping):
            if "label" not in button:
                raise ValueError(f"button {button!r} has no 'label'")
            item = dict(button)
        elif isinstance(button, (tuple, list)):
            longest = 4 if typed else 2
            if not 2 <= len(button) <= longest:
                raise ValueError(f"button {button!r}: expected (label, value) items")
            item = dict(zip(_TUPLE_KEYS, button))
        else:
            item = {"label": button, "value": button}
        kind = item.get("type", "submit") if typed else "submit"
        if kind not in BUTTON_TYPES:
            raise ValueError(f"button type must be submit, reset or cancel, not {kind!r}")
        choices.append(
            Choice(
                label=_text(item["label"]),
                value=item.get("value", item["label"]),
                color=item.get("color"),
                disabled=bool(item.get("disabled", False)),
                type=kind,
            )
        )
    return choices


_OPTION_KEYS = ("label", "value", "selected", "disabled")


def normalize_options(options: Sequence[Any], value: Any = None, *, multiple: bool) -> list[Choice]:
    """Options given as values (shown as their text), ``(label, value[, selected[, disabled]])``
    tuples or dicts with ``label`` and ``value`` (and ``selected``, ``disabled``). ``value``
    selects the options of that value (of those values, a list, when ``multiple``)."""
    if isinstance(options, (str, bytes)) or not isinstance(options, Sequence):
        raise TypeError("options must be a list")
    if value is None:
        wanted: Optional[list[Any]] = None
    elif multiple:
        if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
            raise TypeError("value must be a list of option values when several can be chosen")
        wanted = list(value)
    else:
        wanted = [value]
    choices = []
    for option in options:
        if isinstance(option, Mapping):
            if "label" not in option or "value" not in option:
                raise ValueError(f"option {option!r} needs a 'label' and a 'value'")
            item = dict(option)
        elif isinstance(option, (tuple, list)):
            if not 2 <= len(option) <= 4:
                raise ValueError(
                    f"option {option!r}: expected (label, value[, selected[, disabled]])"
                )
            item = dict(zip(_OPTION_KEYS, option))
        else:
            item = {"label": option, "value": option}
        selected = bool(item.get("selected", False))
        if wanted is not None:
            selected = item["value"] in wanted
        choices.append(
            Choice(
                label=_text(item["label"]),
                value=item["value"],
                disabled=bool(item.get("disabled", False)),
                selected=selected,
            )
        )
    if not multiple and sum(c.selected for c in choices) > 1:
        # As the browser shows it: the last selected option of a single choice wins.
        last = max(i for i, c in enumerate(choices) if c.selected)
        choices = [replace(c, selected=i == last) for i, c in enumerate(choices)]
    return choices
