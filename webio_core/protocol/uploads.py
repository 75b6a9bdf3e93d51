"""File uploads: the server asks for the content of the files a client described, and the
client sends it in bounded chunks, never in one frame.

A form with a file field is submitted with the files' ``FileMeta``; once every limit holds,
the server sends ``upload_files`` for the task and the client answers with the chunks of each
named field's files, in order, keeping at most ``UPLOAD_WINDOW`` of them unacknowledged. The
bytes travel as they are, in the binary part of a frame (see ``frames.py``), not as text.
"""

from __future__ import annotations

from typing import Annotated

from typing_extensions import TypedDict

from .commands import COMMANDS
from .constants import MAX_UPLOAD_FILES, UPLOAD_CHUNK_SIZE
from .events import EVENTS
from .fields import Count, FieldName
from .registry import CommandKind, EventKind
from .validate import Range


class UploadFilesSpec(TypedDict):
    """Asks for the content of the files picked in these fields of task ``task_id``, in this
    order; each field's files in the order of its ``FileMeta`` list."""

    names: list[FieldName]


class UploadChunkData(TypedDict):
    """``size`` bytes of the frame's binary part are the content of file number ``file`` of
    field ``name`` from byte ``offset``: chunks of a file come in order, each of at most its
    field's ``chunk_size``."""

    name: FieldName
    file: Annotated[int, Range(min=0, max=MAX_UPLOAD_FILES - 1)]
    offset: Count
    size: Annotated[int, Range(min=0, max=UPLOAD_CHUNK_SIZE)]


class UploadErrorData(TypedDict):
    """The client cannot read file number ``file`` of field ``name`` (e.g. it changed or went
    away on disk since it was picked): the upload fails and the form is given back."""

    name: FieldName
    file: Annotated[int, Range(min=0, max=MAX_UPLOAD_FILES - 1)]


UPLOAD_FILES = COMMANDS.add(CommandKind[UploadFilesSpec]("upload_files", UploadFilesSpec))
UPLOAD_CHUNK = EVENTS.add(
    EventKind[UploadChunkData]("upload_chunk", UploadChunkData, "", target="task", payload="size")
)
UPLOAD_ERROR = EVENTS.add(
    EventKind[UploadErrorData]("upload_error", UploadErrorData, "", target="task")
)
