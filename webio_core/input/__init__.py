"""Getting input from the user, as PyWebIO's ``pywebio.input``.

In a thread-based session these functions block and return the value; in a coroutine-based
session they return a coroutine to ``await``.
"""

from __future__ import annotations

from .fields.actions import actions
from .fields.text import FLOAT, NUMBER, PASSWORD, TEXT, input

__all__ = [
    "FLOAT",
    "NUMBER",
    "PASSWORD",
    "TEXT",
    "actions",
    "input",
]
