"""Getting input from the user, as PyWebIO's ``pywebio.input``.

In a thread-based session these functions block and return the value; in a coroutine-based
session they return a coroutine to ``await``. Called with ``name=``, they return a field for
``input_group`` instead of asking.
"""

from __future__ import annotations

from ..protocol import fields as wire
from .fields.actions import actions
from .fields.file import file_upload
from .fields.select import select
from .fields.slider import slider
from .fields.text import (
    COLOR,
    DATE,
    DATETIME,
    DATETIME_LOCAL,
    FLOAT,
    NUMBER,
    PASSWORD,
    TEXT,
    TIME,
    URL,
    input,
)
from .fields.textarea import textarea
from .fields.ticks import checkbox, radio
from .group import input_group
from .onchange import input_update

CHECKBOX = wire.CHECKBOX.name
RADIO = wire.RADIO.name
SELECT = wire.SELECT.name
TEXTAREA = wire.TEXTAREA.name

__all__ = [
    "COLOR",
    "DATE",
    "DATETIME",
    "DATETIME_LOCAL",
    "FLOAT",
    "NUMBER",
    "PASSWORD",
    "TEXT",
    "TIME",
    "URL",
    "actions",
    "checkbox",
    "file_upload",
    "input",
    "input_group",
    "input_update",
    "radio",
    "select",
    "slider",
    "textarea",
]
