"""File uploads, and PyWebIO's ``file_upload()``.

The field is submitted with the descriptions of the picked files; they are checked here
against ``max_size``, ``max_total_size`` and the server's ``max_payload_size`` before any
content is asked for (see ``webio_core.input.uploads``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Optional, Union

from ...protocol import ProtocolError
from ...protocol import fields as wire
from ...protocol.constants import UPLOAD_CHUNK_SIZE, UPLOAD_WINDOW
from ...sizes import describe_size, parse_size
from ..uploaded import UploadedFile
from ..uploads import file_metas
from . import register
from .base import REQUIRED_MESSAGE, Field, FieldError, Validator

if TYPE_CHECKING:
    from ...session.base import Session

#: Room left in a client frame for everything but the chunks' base64.
_FRAME_OVERHEAD = 4096
_MIN_CHUNK = 1024


def chunk_size_for(max_payload_size: int) -> int:
    """Bytes per chunk such that a window of chunks fits one frame (an HTTP client may send
    them in one request)."""
    if max_payload_size <= 0:
        return UPLOAD_CHUNK_SIZE
    room = (max_payload_size - _FRAME_OVERHEAD) // UPLOAD_WINDOW
    return max(_MIN_CHUNK, min(UPLOAD_CHUNK_SIZE, room))


@register
class FileField(Field):
    kind = wire.FILE
    receives_files = True
    plain_updates = frozenset({"placeholder", "required"})

    def __init__(
        self,
        name: str,
        label: Any = "",
        *,
        accept: Union[str, Sequence[str], None] = None,
        placeholder: str = "Choose file",
        multiple: bool = False,
        max_size: Union[int, str] = 0,
        max_total_size: Union[int, str] = 0,
        required: Optional[bool] = None,
        help_text: Optional[str] = None,
        validate: Optional[Validator] = None,
        html_attrs: Optional[dict[str, Any]] = None,
    ) -> None:
        super().__init__(name, label, help_text, validate, None, html_attrs)
        self.accept = accept if isinstance(accept, str) else ",".join(accept or ())
        self.placeholder = str(placeholder)
        self.multiple = bool(multiple)
        self.max_size = parse_size(max_size, zero_allowed=True)
        self.max_total_size = parse_size(max_total_size, zero_allowed=True)
        self.required = bool(required)
        self.chunk_size = UPLOAD_CHUNK_SIZE

    def open(self, session: Session, task_id: str) -> None:
        limit = session.max_payload_size
        if limit and (self.max_size > limit or self.max_total_size > limit):
            raise ValueError(
                "file_upload(): max_size and max_total_size cannot exceed the server's "
                f"max_payload_size ({describe_size(limit)}); raise max_payload_size in "
                "start_server()"
            )
        self.max_size = self.max_size or limit
        self.max_total_size = self.max_total_size or limit
        self.chunk_size = chunk_size_for(limit)

    def spec_keys(self) -> dict[str, Any]:
        return {
            "accept": self.accept,
            "multiple": self.multiple,
            "placeholder": self.placeholder,
            "max_size": self.max_size,
            "max_total_size": self.max_total_size,
            "required": self.required,
            "chunk_size": self.chunk_size,
        }

    def parse(self, raw: Any) -> list[wire.FileMeta]:
        """The descriptions of the picked files, within every limit."""
        metas = file_metas(raw, self.name)
        if len(metas) > 1 and not self.multiple:
            raise ProtocolError(f"field {self.name!r} takes one file")
        if not metas and self.required:
            raise FieldError(REQUIRED_MESSAGE)
        for meta in metas:
            if self.max_size and meta["size"] > self.max_size:
                raise FieldError(
                    f"{meta['filename']} is {describe_size(meta['size'])}; "
                    f"the limit is {describe_size(self.max_size)}."
                )
        total = sum(meta["size"] for meta in metas)
        if self.max_total_size and total > self.max_total_size:
            raise FieldError(
                f"The files come to {describe_size(total)}; "
                f"the limit is {describe_size(self.max_total_size)} in all."
            )
        return metas

    def check(self, raw: Any) -> tuple[Any, Optional[str]]:
        # ``validate`` sees the files themselves, once they are received (see finish()).
        try:
            return self.parse(raw), None
        except FieldError as exc:
            return None, str(exc)

    def finish(self, files: list[UploadedFile]) -> Any:  # type: ignore[override]
        """The field's value: the files, or with ``multiple=False`` the one file (or None)."""
        if self.multiple:
            return files
        return files[0] if files else None

    def wire_value(self, value: Any) -> Any:
        raise ValueError("the files of a file field cannot be set by the app")


def file_upload(
    label: str = "",
    accept: Union[str, list[str], None] = None,
    name: Optional[str] = None,
    placeholder: str = "Choose file",
    multiple: bool = False,
    max_size: Union[int, str] = 0,
    max_total_size: Union[int, str] = 0,
    required: Optional[bool] = None,
    help_text: Optional[str] = None,
    **other_html_attrs: Any,
) -> Any:
    """Ask for a file (with ``multiple``, for files); returns
    ``{"filename", "content", "mime_type", "last_modified"}`` (None when no file was picked),
    or a list of them with ``multiple``.

    ``accept`` lists extensions (``.pdf``) and MIME types (``image/*``). ``max_size`` limits
    each file and ``max_total_size`` all of them, in bytes or as ``"40K"``, ``"3M"``, ``"1G"``
    (0: up to the server's ``max_payload_size``). Files travel in chunks and wait on disk, so
    large files cost little memory until ``content`` is read (``f.save(path)`` never loads it).
    As in PyWebIO, ``validate=`` may be passed and sees the received file(s).
    """
    from ..form import ask

    validate = other_html_attrs.pop("validate", None)
    if other_html_attrs.pop("onchange", None) is not None:
        raise TypeError("file_upload() takes no onchange callback")
    field = FileField(
        name or "data",
        label,
        accept=accept,
        placeholder=placeholder,
        multiple=multiple,
        max_size=max_size,
        max_total_size=max_total_size,
        required=required,
        help_text=help_text,
        validate=validate,
        html_attrs=other_html_attrs,
    )
    return field if name is not None else ask(field)
