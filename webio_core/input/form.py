"""Running a form: the ``input_group`` it sends, and what it does with each event of the client.

A :class:`Form` is a client task (``webio_core.session.tasks``): the session routes the events
of its task_id here until the form is submitted with valid values, or cancelled.
"""

from __future__ import annotations

from typing import Any, Optional

from ..protocol import ClientEvent, ProtocolError
from ..protocol.commands import (
    DESTROY_FORM,
    INPUT_GROUP,
    UPDATE_INPUT,
    EmptySpec,
    FieldAttributes,
    InputGroupSpec,
    UpdateInputSpec,
)
from ..protocol.events import FROM_SUBMIT, INPUT_EVENT, InputEventData
from ..session.base import Session
from ..session.context import get_current_session
from .fields.base import REQUIRED_MESSAGE, Field


class Form:
    """Fields shown together; the result is ``{name: value}``, or None when cancelled."""

    def __init__(self, fields: list[Field], label: str = "", cancelable: bool = False) -> None:
        names = [f.name for f in fields]
        if len(set(names)) != len(names):
            raise ValueError(f"field names in one form must differ: {names}")
        self.fields = {f.name: f for f in fields}
        self.label = label
        self.cancelable = cancelable

    # ---- the client task ------------------------------------------------------------------

    def open(self, session: Session, task_id: str) -> None:
        inputs = [f.spec() for f in self.fields.values()]
        spec = InputGroupSpec(label=self.label, inputs=inputs, cancelable=self.cancelable)
        session.send(INPUT_GROUP(spec, task_id))

    def handle(self, session: Session, task_id: str, event: ClientEvent) -> tuple[bool, Any]:
        if event.event == INPUT_EVENT.name:
            self._validate_one(session, task_id, event.data)
            return False, None
        if event.event == FROM_SUBMIT.name:
            return self._submit(session, task_id, event.data)
        raise ProtocolError(f"a form does not take {event.event!r} events")

    # ---- events ----------------------------------------------------------------------------

    def _field(self, name: str) -> Field:
        try:
            return self.fields[name]
        except KeyError:
            raise ProtocolError(f"no field {name!r} in this form") from None

    def _validate_one(self, session: Session, task_id: str, data: InputEventData) -> None:
        target = self._field(data["name"])
        if not target.validates_on_blur:
            raise ProtocolError(f"field {target.name!r} is not validated on blur")
        _, error = target.check(data["value"])
        # A field that passes on blur loses its red mark but gets no green one.
        self._show_status(session, task_id, target.name, error)

    def _submit(
        self, session: Session, task_id: str, data: Optional[dict[str, Any]]
    ) -> tuple[bool, Any]:
        if data is None:
            if not self.cancelable:
                raise ProtocolError("this form cannot be cancelled")
            session.send(DESTROY_FORM(EmptySpec(), task_id))
            return True, None
        unknown = set(data) - set(self.fields)
        if unknown:
            raise ProtocolError(f"unknown fields {sorted(unknown)}")
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for name, field in self.fields.items():
            if name not in data:
                if field.always_submitted:
                    raise ProtocolError(f"field {name!r} is missing from the submission")
                continue
            values[name], error = field.check(data[name])
            if error:
                errors[name] = error
        if errors:
            for name, error in errors.items():
                self._show_status(session, task_id, name, error)
            return False, None
        session.send(DESTROY_FORM(EmptySpec(), task_id))
        return True, values

    @staticmethod
    def _show_status(session: Session, task_id: str, name: str, error: Optional[str]) -> None:
        attributes = (
            FieldAttributes(valid_status=False, invalid_feedback=error)
            if error
            else FieldAttributes(valid_status=None)
        )
        session.send(
            UPDATE_INPUT(UpdateInputSpec(target_name=name, attributes=attributes), task_id)
        )


def ask(field: Field) -> Any:
    """Show ``field`` alone in a form and return its value: blocks in thread-based sessions,
    returns an awaitable in coroutine-based ones. A cancelled form gives None."""
    form = Form([field], cancelable=field.cancels_form())
    return get_current_session().run_task(_SingleField(form, field.name))


class _SingleField:
    """The form's task, with the one field's value as its result."""

    def __init__(self, form: Form, name: str) -> None:
        self.form = form
        self.name = name

    def open(self, session: Session, task_id: str) -> None:
        self.form.open(session, task_id)

    def handle(self, session: Session, task_id: str, event: ClientEvent) -> tuple[bool, Any]:
        done, result = self.form.handle(session, task_id, event)
        return done, (None if result is None else result.get(self.name))


__all__ = ["REQUIRED_MESSAGE", "Form", "ask"]
