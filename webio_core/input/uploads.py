"""Receiving the files of a submission: the server asks for them with ``upload_files`` once
their descriptions passed every limit, then writes each ``upload_chunk`` to a spooled
temporary file, checking order and size as it goes.

What the client said about a file is not trusted: a file that grows past its declared size
(which the limits were checked against), a chunk out of order or for a file nobody asked for
fails the upload; partial files are closed (and so removed) on failure, on success handed to
the app, and when the page goes away mid-upload.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from ..protocol import ClientEvent, ProtocolError
from ..protocol.fields import FileMeta
from ..protocol.uploads import (
    UPLOAD_ERROR,
    UPLOAD_FILES,
    UploadChunkData,
    UploadErrorData,
    UploadFilesSpec,
)
from ..protocol.validate import check
from .uploaded import UploadedFile, new_spool

if TYPE_CHECKING:
    from ..session.base import Session

logger = logging.getLogger("webio_core.input")

#: What the user reads when an upload broke off (the details go to the log).
UPLOAD_FAILED_MESSAGE = "The upload failed; please try again."


class UploadFailed(ProtocolError):
    """The chunks cannot make the files described; the upload is over. :attr:`name` is the
    field to show :attr:`message` under."""

    def __init__(self, name: str, reason: str, message: str = UPLOAD_FAILED_MESSAGE) -> None:
        super().__init__(f"upload of {name!r}: {reason}")
        self.name = name
        self.message = message


@dataclass
class _IncomingFile:
    meta: FileMeta
    spool: IO[bytes] = field(default_factory=lambda: new_spool())
    received: int = 0

    @property
    def complete(self) -> bool:
        return self.received == self.meta["size"]


class Upload:
    """The files of one submission (or pin), field by field, in the order they were asked for."""

    def __init__(self, files: dict[str, list[FileMeta]]) -> None:
        self._fields = {
            name: [_IncomingFile(meta) for meta in metas] for name, metas in files.items() if metas
        }
        self._open = True

    def request(self, session: Session, task_id: str) -> None:
        """Ask the client for the content (nothing is asked when every file is empty)."""
        if not self.complete:
            spec = UploadFilesSpec(names=list(self._fields))
            session.send(UPLOAD_FILES(spec, task_id))

    @property
    def complete(self) -> bool:
        return all(f.complete for files in self._fields.values() for f in files)

    def feed(self, chunk: UploadChunkData, content: bytes) -> bool:
        """Write one chunk; returns whether every file is complete. Raises
        :class:`UploadFailed` (and discards everything) for a chunk that does not fit."""
        try:
            self._write(chunk, content)
        except UploadFailed:
            self.discard()
            raise
        return self.complete

    def client_failed(self, error: UploadErrorData) -> UploadFailed:
        """The client could not read a file: the upload is over (the error says which)."""
        name = error["name"]
        files = self._fields.get(name, [])
        self.discard()
        if error["file"] >= len(files):
            return UploadFailed(name, f"the client failed to read file {error['file']}")
        filename = files[error["file"]].meta["filename"]
        return UploadFailed(
            name,
            f"the client could not read {filename!r}",
            f"{filename} could not be read; please pick it again.",
        )

    def _write(self, chunk: UploadChunkData, data: bytes) -> None:
        name = chunk["name"]
        if not self._open or name not in self._fields:
            # Shown under the first field being uploaded: the one named is not.
            shown = next(iter(self._fields), name)
            raise UploadFailed(shown, f"a chunk for {name!r}, which is not being uploaded")
        files = self._fields[name]
        if chunk["file"] >= len(files):
            raise UploadFailed(name, f"no file {chunk['file']}")
        target = files[chunk["file"]]
        if chunk["offset"] != target.received:
            raise UploadFailed(
                name, f"chunk at {chunk['offset']}, expected {target.received} (out of order)"
            )
        if target.received + len(data) > target.meta["size"]:
            raise UploadFailed(name, f"more bytes than the {target.meta['size']} announced")
        target.spool.write(data)
        target.received += len(data)

    def results(self) -> dict[str, list[UploadedFile]]:
        """The received files by field; the upload hands them over and holds nothing more."""
        if not self.complete:
            raise RuntimeError("the upload is not complete")
        self._open = False
        received = {
            name: [
                UploadedFile(
                    f.meta["filename"], f.meta["mime_type"], f.meta["last_modified"], f.spool
                )
                for f in files
            ]
            for name, files in self._fields.items()
        }
        self._fields = {}
        return received

    def discard(self) -> None:
        """Drop every partial file (closing a spool removes its temporary file)."""
        if self._open:
            logger.debug("upload discarded")
        self._open = False
        for files in self._fields.values():
            for f in files:
                f.spool.close()
        self._fields = {}


def file_metas(raw: Any, name: str) -> list[FileMeta]:
    """The ``FileMeta`` list a file field was submitted with (declared types are checked by the
    frame decoder only as one member of a union, so the list is checked here)."""
    check(raw, list[FileMeta], f"field {name!r}")
    return list(raw)


def feed_upload(upload: Upload, event: ClientEvent) -> bool:
    """Apply an ``upload_chunk`` or ``upload_error`` event; returns whether the upload is
    complete, raises :class:`UploadFailed` when it is over without the files."""
    if event.event == UPLOAD_ERROR.name:
        raise upload.client_failed(event.data)
    return upload.feed(event.data, event.payload)
