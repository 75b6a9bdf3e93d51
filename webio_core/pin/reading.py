"""Reading pins: the client tasks that ask the page for a pin's value (receiving its files
when it is a file pin) and wait for a pin to change."""

from __future__ import annotations

import logging
from typing import Any, Optional

from ..input.fields.base import Field
from ..input.uploads import Upload, UploadFailed, feed_upload
from ..protocol import ClientEvent, ProtocolError
from ..protocol.pins import (
    PIN_CHANGE,
    PIN_VALUE,
    PIN_VALUE_EVENT,
    PIN_WAIT,
    PinValueSpec,
    PinWaitSpec,
)
from ..protocol.uploads import UPLOAD_CHUNK, UPLOAD_ERROR
from ..session.base import Session
from ..session.tasks import ClientTask
from .state import pins_of, value_of

logger = logging.getLogger("webio_core.pin")


class PinRead(ClientTask):
    """The values of pins ``names``, by name; a pin the page does not have is left out.

    One ``pin_value`` command per name goes out at once; the page answers each in order, then
    the files of file pins come in one upload.
    """

    waits_for_user = False

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self._values: dict[str, Any] = {}
        self._answered = 0
        self._upload: Optional[Upload] = None
        self._file_fields: dict[str, Field] = {}

    def open(self, session: Session, task_id: str) -> None:
        for name in self.names:
            session.send(PIN_VALUE(PinValueSpec(name=name), task_id))

    def handle(self, session: Session, task_id: str, event: ClientEvent) -> tuple[bool, Any]:
        if event.event in (UPLOAD_CHUNK.name, UPLOAD_ERROR.name):
            return self._upload_event(event)
        if event.event != PIN_VALUE_EVENT.name:
            raise ProtocolError(f"a pin read does not take {event.event!r} events")
        if self._answered == len(self.names):
            raise ProtocolError("more answers than pins asked for")
        name = self.names[self._answered]
        self._answered += 1
        if event.data is not None:
            self._take(session, name, event.data["value"])
        if self._answered < len(self.names):
            return False, None
        files = {name: self._values.pop(name) for name in self._file_fields}
        if not files:
            return True, self._values
        self._upload = Upload(files)
        if self._upload.complete:
            return True, self._with_files()
        self._upload.request(session, task_id)
        return False, None

    def _take(self, session: Session, name: str, raw: Any) -> None:
        pins = pins_of(session)
        value = value_of(pins, name, raw)
        self._values[name] = value
        target = pins.fields.get(name)
        if target is not None and target.receives_files and value is not None:
            self._file_fields[name] = target

    def _upload_event(self, event: ClientEvent) -> tuple[bool, Any]:
        if self._upload is None:
            raise ProtocolError(f"{event.event} came while no upload is in progress")
        try:
            complete = feed_upload(self._upload, event)
        except UploadFailed as exc:
            # The app asked for the pins' values: file pins read as a page without files.
            logger.warning("%s", exc)
            self._upload = None
            for name, target in self._file_fields.items():
                self._values[name] = target.finish([])
            return True, self._values
        return (True, self._with_files()) if complete else (False, None)

    def _with_files(self) -> dict[str, Any]:
        assert self._upload is not None
        received = self._upload.results()
        self._upload = None
        for name, target in self._file_fields.items():
            self._values[name] = target.finish(received.get(name, []))
        return self._values

    def close(self, session: Session) -> None:
        if self._upload is not None:
            self._upload.discard()


class PinWait(ClientTask):
    """The next change of one of ``names``: ``(name, value)``, or None after ``timeout``."""

    def __init__(self, names: list[str], timeout: Optional[float]) -> None:
        self.names = names
        self.timeout = timeout

    def open(self, session: Session, task_id: str) -> None:
        session.send(PIN_WAIT(PinWaitSpec(names=self.names, timeout=self.timeout), task_id))

    def handle(self, session: Session, task_id: str, event: ClientEvent) -> tuple[bool, Any]:
        if event.event != PIN_CHANGE.name:
            raise ProtocolError(f"a pin wait does not take {event.event!r} events")
        if event.data is None:
            return True, None
        name = event.data["name"]
        if name not in self.names:
            raise ProtocolError(f"pin {name!r} was not waited for")
        return True, (name, event.data["value"])
