"""Running a form: the ``input_group`` it sends, and what it does with each event of the client.

A :class:`Form` is a client task (``webio_core.session.tasks``): the session routes the events
of its task_id here until the form is submitted with valid values, or cancelled. A submission
is checked field by field, then the files it names are received (``.uploads``), then the
files' own checks and the group's ``validate`` run; a refused submission shows its errors and
gives the form back to the user with ``form_ready``.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Optional

from ..protocol import ClientEvent, ProtocolError
from ..protocol.commands import (
    DESTROY_FORM,
    FORM_READY,
    INPUT_GROUP,
    UPDATE_INPUT,
    EmptySpec,
    FieldAttributes,
    InputGroupSpec,
    UpdateInputSpec,
)
from ..protocol.events import FROM_SUBMIT, INPUT_EVENT, InputEventData
from ..protocol.uploads import UPLOAD_CHUNK, UPLOAD_ERROR
from ..session.base import Session
from ..session.context import get_current_session
from ..session.tasks import ClientTask
from .fields.base import REQUIRED_MESSAGE, Field, FieldError
from .onchange import run_onchange
from .uploads import Upload, UploadFailed, feed_upload

logger = logging.getLogger("webio_core.input")

#: ``input_group``'s ``validate``: ``(name, error)`` for a refused group, else None.
GroupValidator = Callable[[dict[str, Any]], Optional[tuple[str, str]]]


class Form(ClientTask):
    """Fields shown together; the result is ``{name: value}``, or None when cancelled."""

    __slots__ = ("_upload", "_values", "cancelable", "fields", "label", "validate")

    def __init__(
        self,
        fields: list[Field],
        label: str = "",
        cancelable: bool = False,
        validate: Optional[GroupValidator] = None,
    ) -> None:
        names = [f.name for f in fields]
        if len(set(names)) != len(names):
            raise ValueError(f"field names in one form must differ: {names}")
        self.fields = {f.name: f for f in fields}
        self.label = label
        self.cancelable = cancelable or any(f.cancels_form() for f in fields)
        self.validate = validate
        #: While the files of a submission are received: the upload and the other values.
        self._upload: Optional[Upload] = None
        self._values: Optional[dict[str, Any]] = None

    # ---- the client task ------------------------------------------------------------------

    def open(self, session: Session, task_id: str) -> None:
        for f in self.fields.values():
            f.open(session, task_id)
        inputs = [f.spec() for f in self.fields.values()]
        spec = InputGroupSpec(label=self.label, inputs=inputs, cancelable=self.cancelable)
        session.send(INPUT_GROUP(spec, task_id))

    def handle(self, session: Session, task_id: str, event: ClientEvent) -> tuple[bool, Any]:
        if event.event == INPUT_EVENT.name:
            self._field_event(session, task_id, event.data)
            return False, None
        if event.event in (UPLOAD_CHUNK.name, UPLOAD_ERROR.name):
            return self._upload_event(session, task_id, event)
        if event.event == FROM_SUBMIT.name:
            try:
                return self._submit(session, task_id, event.data)
            except ProtocolError:
                # The busy form waits for an answer: give it back, then drop the submission.
                session.send(FORM_READY(EmptySpec(), task_id))
                raise
        raise ProtocolError(f"a form does not take {event.event!r} events")

    def close(self, session: Session) -> None:
        if self._upload is not None:
            self._upload.discard()
            self._upload = None
        for f in self.fields.values():
            f.close(session)

    # ---- events ----------------------------------------------------------------------------

    def _field(self, name: str) -> Field:
        try:
            return self.fields[name]
        except KeyError:
            raise ProtocolError(f"no field {name!r} in this form") from None

    def _field_event(self, session: Session, task_id: str, data: InputEventData) -> None:
        target = self._field(data["name"])
        if data["event_name"] == "change":
            if target.onchange is None:
                raise ProtocolError(f"field {target.name!r} has no onchange")
            try:
                value = target.parse(data["value"])
            except FieldError:
                return  # nothing the app could use yet, e.g. half a number
            run_onchange(session, task_id, self.fields, target.name, value)
            return
        if not target.checks_on_blur():
            raise ProtocolError(f"field {target.name!r} is not checked on blur")
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
        if self._upload is not None:
            raise ProtocolError("a submission came while the last one's files are uploading")
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
            return self._refuse(session, task_id, errors)
        files = {name: values[name] for name, f in self.fields.items() if f.receives_files}
        self._upload, self._values = Upload(files), values
        if not self._upload.complete:
            self._upload.request(session, task_id)
            return False, None
        return self._finish(session, task_id)

    def _upload_event(self, session: Session, task_id: str, event: ClientEvent) -> tuple[bool, Any]:
        if self._upload is None:
            raise ProtocolError(f"{event.event} came while no upload is in progress")
        try:
            complete = feed_upload(self._upload, event)
        except UploadFailed as exc:
            logger.warning("session %s: %s", session.short_id, exc)
            self._upload = None
            return self._refuse(session, task_id, {exc.name: exc.message})
        return self._finish(session, task_id) if complete else (False, None)

    def _finish(self, session: Session, task_id: str) -> tuple[bool, Any]:
        """Every file is in: the files' checks, the group's, then the result."""
        assert self._upload is not None
        received = self._upload.results()
        values, self._upload, self._values = self._values or {}, None, None
        errors: dict[str, str] = {}
        for name, field in self.fields.items():
            if field.receives_files and name in values:
                values[name] = field.finish(received.get(name, []))
                error = field.run_validate(values[name])
                if error:
                    errors[name] = error
        if not errors and self.validate is not None:
            errors = self._group_errors(values)
        if errors:
            return self._refuse(session, task_id, errors)
        session.send(DESTROY_FORM(EmptySpec(), task_id))
        return True, values

    def _group_errors(self, values: dict[str, Any]) -> dict[str, str]:
        assert self.validate is not None
        verdict = self.validate(values)
        if not verdict:
            return {}
        try:
            name, error = verdict
        except (TypeError, ValueError):
            raise ValueError(
                "the validate function of input_group() must return (name, error) or None"
            ) from None
        if name not in self.fields:
            raise ValueError(f"input_group() validate named no field of the group: {name!r}")
        return {name: str(error)}

    def _refuse(self, session: Session, task_id: str, errors: dict[str, str]) -> tuple[bool, Any]:
        for name, error in errors.items():
            self._show_status(session, task_id, name, error)
        session.send(FORM_READY(EmptySpec(), task_id))
        return False, None

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
    return get_current_session().run_task(_SingleField(Form([field]), field.name))


class _SingleField(ClientTask):
    """The form's task, with the one field's value as its result."""

    __slots__ = ("form", "name")

    def __init__(self, form: Form, name: str) -> None:
        self.form = form
        self.name = name

    def open(self, session: Session, task_id: str) -> None:
        self.form.open(session, task_id)

    def handle(self, session: Session, task_id: str, event: ClientEvent) -> tuple[bool, Any]:
        done, result = self.form.handle(session, task_id, event)
        return done, (None if result is None else result.get(self.name))

    def close(self, session: Session) -> None:
        self.form.close(session)


__all__ = ["REQUIRED_MESSAGE", "Form", "GroupValidator", "ask"]
