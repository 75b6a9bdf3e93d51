"""The server side of one input form: the spec it sends, and what it does with each event.

The same :class:`Form` serves thread- and coroutine-based sessions; only the waiting differs
(see :func:`run_form` and :func:`run_form_async`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from .protocol import ClientEvent, ProtocolError
from .session.base import Session

logger = logging.getLogger("webio_core.input")

Validator = Callable[[Any], Optional[str]]


@dataclass
class Field:
    """One field of a form, with the conversion and checks of its submitted value."""

    spec: dict[str, Any]
    validate: Optional[Validator] = None
    convert: Callable[[Any], Any] = lambda raw: raw
    #: For an ``actions`` field: the value returned for each button.
    button_values: list[Any] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.spec["name"])

    @property
    def is_actions(self) -> bool:
        return self.spec["type"] == "actions"

    def parse(self, raw: Any) -> tuple[Any, Optional[str]]:
        """The field's value from the submitted ``raw`` value, and an error message or None."""
        if self.is_actions:
            return self._parse_action(raw), None
        if not isinstance(raw, str):
            raise ProtocolError(f"field {self.name!r} expects a string")
        if raw == "":
            if self.spec.get("required"):
                return None, "Please fill out this field."
            if self.spec["type"] in ("number", "float"):
                return None, None
        try:
            value = self.convert(raw)
        except ValueError as exc:
            return None, str(exc)
        if self.validate is not None:
            error = self.validate(value)
            if error:
                return value, str(error)
        return value, None

    def _parse_action(self, raw: Any) -> Any:
        buttons = self.spec["buttons"]
        if not isinstance(raw, int) or not 0 <= raw < len(buttons):
            raise ProtocolError(f"no button {raw!r} in actions {self.name!r}")
        button = buttons[raw]
        if button["type"] != "submit" or button["disabled"]:
            raise ProtocolError(f"button {raw} of {self.name!r} cannot submit")
        return self.button_values[raw]


@dataclass
class Form:
    label: str
    fields: list[Field]
    cancelable: bool = False

    def spec(self) -> dict[str, Any]:
        inputs = [f.spec for f in self.fields]
        return {"label": self.label, "inputs": inputs, "cancelable": self.cancelable}

    def handle(self, session: Session, task_id: str, event: ClientEvent) -> tuple[bool, Any]:
        """Apply one event; returns (done, result). Malformed events are logged and ignored."""
        try:
            if event.event == "input_event":
                self._validate_one(session, task_id, event.data)
                return False, None
            return self._submit(session, task_id, event.data)
        except ProtocolError as exc:
            logger.warning("session %s: dropped form event: %s", session.short_id, exc)
            return False, None

    def _field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise ProtocolError(f"no field {name!r} in this form")

    def _validate_one(self, session: Session, task_id: str, data: dict[str, Any]) -> None:
        target = self._field(data["name"])
        if target.is_actions:
            raise ProtocolError("actions fields are not validated on blur")
        _, error = target.parse(data["value"])
        self._show_status(session, task_id, target.name, error, blur=True)

    def _submit(self, session: Session, task_id: str, data: Any) -> tuple[bool, Any]:
        if data is None:
            if not self.cancelable:
                raise ProtocolError("this form cannot be cancelled")
            session.send("destroy_form", {}, task_id)
            return True, None
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for f in self.fields:
            if f.name not in data:
                if f.is_actions:
                    continue
                raise ProtocolError(f"field {f.name!r} is missing from the submission")
            value, error = f.parse(data[f.name])
            values[f.name] = value
            if error:
                errors[f.name] = error
        unknown = set(data) - {f.name for f in self.fields}
        if unknown:
            raise ProtocolError(f"unknown fields {sorted(unknown)}")
        if errors:
            for name, error in errors.items():
                self._show_status(session, task_id, name, error, blur=False)
            return False, None
        session.send("destroy_form", {}, task_id)
        return True, values

    @staticmethod
    def _show_status(
        session: Session, task_id: str, name: str, error: Optional[str], blur: bool
    ) -> None:
        if error:
            attributes: dict[str, Any] = {"valid_status": False, "invalid_feedback": error}
        else:
            # A field that passes on blur loses its red mark but gets no green one.
            attributes = {"valid_status": 0 if blur else True}
        session.send("update_input", {"target_name": name, "attributes": attributes}, task_id)


def run_form(session: Session, form: Form) -> Any:
    """Show ``form`` and block until it is submitted (thread-based sessions)."""
    task_id = session.open_form(form.spec())
    inbox = session.form_inbox(task_id)
    try:
        while True:
            done, result = form.handle(session, task_id, inbox.get())
            if done:
                return result
    finally:
        session.close_form(task_id)


async def run_form_async(session: Session, form: Form) -> Any:
    """Show ``form`` and wait until it is submitted (coroutine-based sessions)."""
    task_id = session.open_form(form.spec())
    inbox = session.form_inbox(task_id)
    try:
        while True:
            done, result = form.handle(session, task_id, await inbox.get())
            if done:
                return result
    finally:
        session.close_form(task_id)
