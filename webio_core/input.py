"""Getting input from the user: ``input()`` and ``actions()``, as in PyWebIO.

In a thread-based session these functions block and return the value; in a coroutine-based
session they return a coroutine to ``await``.
"""

from __future__ import annotations

from typing import Any, Callable, Optional, Union

from .forms import Field, Form, run_form, run_form_async
from .session.context import get_current_session

__all__ = [
    "FLOAT",
    "NUMBER",
    "PASSWORD",
    "TEXT",
    "actions",
    "input",
]

TEXT = "text"
NUMBER = "number"
FLOAT = "float"
PASSWORD = "password"

_SUPPORTED_TYPES = (TEXT, NUMBER, FLOAT, PASSWORD)


def _to_int(raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise ValueError("Please enter an integer.") from None


def _to_float(raw: str) -> float:
    try:
        return float(raw)
    except ValueError:
        raise ValueError("Please enter a number.") from None


_CONVERTERS: dict[str, Callable[[str], Any]] = {NUMBER: _to_int, FLOAT: _to_float}


def _show(form: Form, name: str) -> Any:
    """Run a one-field form and return that field's value (or a coroutine of it)."""
    session = get_current_session()
    if session.is_coroutine:

        async def wait() -> Any:
            result = await run_form_async(session, form)
            return None if result is None else result.get(name)

        return wait()
    result = run_form(session, form)
    return None if result is None else result.get(name)


def input(
    label: str = "",
    type: str = TEXT,
    *,
    validate: Optional[Callable[[Any], Optional[str]]] = None,
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
    non-required number field is left empty).
    """
    if type not in _SUPPORTED_TYPES:
        raise ValueError(f"input type {type!r} is not supported; use one of {_SUPPORTED_TYPES}")
    if other_html_attrs:
        raise TypeError(
            f"input() got unsupported arguments {sorted(other_html_attrs)}; "
            "webio_core does not pass extra HTML attributes yet"
        )
    field_name = name or "data"
    spec: dict[str, Any] = {
        "type": type,
        "name": field_name,
        "label": str(label),
        "value": "" if value is None else str(value),
        "placeholder": "" if placeholder is None else str(placeholder),
        "required": bool(required),
        "readonly": bool(readonly),
        "help_text": "" if help_text is None else str(help_text),
    }
    converter = _CONVERTERS.get(type, str)
    form = Form(label="", fields=[Field(spec, validate=validate, convert=converter)])
    return _show(form, field_name)


def _normalize_buttons(buttons: list[Any]) -> tuple[list[dict[str, Any]], list[Any]]:
    specs, values = [], []
    for button in buttons:
        if isinstance(button, dict):
            label = button["label"]
            value = button.get("value", label)
            kind = button.get("type", "submit")
            color = button.get("color")
            disabled = bool(button.get("disabled", False))
        elif isinstance(button, (tuple, list)):
            label, value = button
            kind, color, disabled = "submit", None, False
        else:
            label = value = button
            kind, color, disabled = "submit", None, False
        if kind not in ("submit", "reset", "cancel"):
            raise ValueError(f"button type must be submit, reset or cancel, not {kind!r}")
        specs.append({"label": str(label), "type": kind, "color": color, "disabled": disabled})
        values.append(value)
    return specs, values


def actions(
    label: str = "",
    buttons: Optional[list[Any]] = None,
    name: Optional[str] = None,
    help_text: Optional[str] = None,
) -> Any:
    """Show a row of buttons and return the value of the one the user presses.

    ``buttons`` items are labels, ``(label, value)`` pairs or dicts with ``label``, ``value``,
    ``type`` (``submit`` / ``reset`` / ``cancel``), ``color`` and ``disabled``. A ``cancel``
    button returns None.
    """
    if not buttons:
        raise ValueError("actions() needs at least one button")
    specs, values = _normalize_buttons(buttons)
    field_name = name or "data"
    spec = {
        "type": "actions",
        "name": field_name,
        "label": str(label),
        "buttons": specs,
        "help_text": "" if help_text is None else str(help_text),
    }
    form = Form(
        label="",
        fields=[Field(spec, button_values=values)],
        cancelable=any(b["type"] == "cancel" for b in specs),
    )
    return _show(form, field_name)
