"""Input widgets in the output area, read and watched at any time: PyWebIO's ``pywebio.pin``.

``put_input("name")`` shows a field; ``pin.name`` reads what the user typed (``await pin.name``
in coroutine-based sessions), ``pin.name = value`` changes it, ``pin_wait_change`` and
``pin_on_change`` follow the user's changes.
"""

from __future__ import annotations

from .access import Pin, get_pin_values, pin, pin_on_change, pin_update, pin_wait_change
from .widgets import (
    put_actions,
    put_checkbox,
    put_file_upload,
    put_input,
    put_radio,
    put_select,
    put_slider,
    put_textarea,
)

__all__ = [
    "Pin",
    "get_pin_values",
    "pin",
    "pin_on_change",
    "pin_update",
    "pin_wait_change",
    "put_actions",
    "put_checkbox",
    "put_file_upload",
    "put_input",
    "put_radio",
    "put_select",
    "put_slider",
    "put_textarea",
]
