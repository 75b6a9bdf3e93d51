"""Several fields in one form: PyWebIO's ``input_group()``."""

from __future__ import annotations

from typing import Any, Optional

from ..session.context import get_current_session
from .fields.base import Field
from .form import Form, GroupValidator


def input_group(
    label: str = "",
    inputs: Optional[list[Any]] = None,
    validate: Optional[GroupValidator] = None,
    cancelable: bool = False,
) -> Any:
    """Ask for several values at once; returns ``{name: value}``, or None when cancelled.

    ``inputs`` are input functions called with ``name=`` (``input("Age", name="age")``).
    ``validate(data)`` checks the whole group after each field passed its own checks: it
    returns None, or ``(name, error)`` to show ``error`` under field ``name``. ``cancelable``
    adds a Cancel button (an ``actions()`` field with its own buttons replaces the default
    ones).
    """
    if inputs is None:
        raise TypeError("input_group() needs inputs")
    fields: list[Field] = []
    for item in inputs:
        if not isinstance(item, Field):
            raise TypeError(
                "input_group() takes input functions called with name=..., "
                f"e.g. input('Age', name='age'); got {item!r}"
            )
        fields.append(item)
    form = Form(
        fields, label="" if label is None else str(label), cancelable=cancelable, validate=validate
    )
    return get_current_session().run_task(form)
