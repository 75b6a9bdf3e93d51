"""A received file, as PyWebIO's dict ``{filename, content, mime_type, last_modified}``.

The content waits in a spooled temporary file (memory up to :data:`SPOOL_MEMORY`, then disk)
and becomes bytes only when ``content`` is read, so receiving a large file costs no more
memory than a small one. ``save(path)`` and :attr:`UploadedFile.file` reach it without ever
holding it in memory.
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from collections.abc import Iterator
from typing import IO, Any

#: Bytes of a file kept in memory before its content goes to a temporary file.
SPOOL_MEMORY = 1024 * 1024
_COPY_BUFFER = 256 * 1024
_NOT_READ = object()


def new_spool() -> IO[bytes]:
    """Where a file being received is written (removed when closed or collected)."""
    return tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY, prefix="webio-upload-")


class UploadedFile(dict):  # type: ignore[type-arg]
    """One uploaded file: a dict, as PyWebIO returns, whose ``content`` is read on first use."""

    def __init__(self, filename: str, mime_type: str, last_modified: float, spool: IO[bytes]):
        super().__init__(
            filename=filename, content=_NOT_READ, mime_type=mime_type, last_modified=last_modified
        )
        #: The content as a binary file (seek(0) before reading it).
        self.file = spool
        # The temporary file goes with the dict that holds it.
        weakref.finalize(self, spool.close)

    @property
    def size(self) -> int:
        position = self.file.tell()
        size = self.file.seek(0, 2)
        self.file.seek(position)
        return size

    def save(self, path: str) -> None:
        """Write the content to ``path`` without loading it into memory."""
        self.file.seek(0)
        with open(path, "wb") as target:
            shutil.copyfileobj(self.file, target, _COPY_BUFFER)

    def _content(self) -> bytes:
        self.file.seek(0)
        data = self.file.read()
        super().__setitem__("content", data)
        return data

    # ---- a dict whose content is read lazily ---------------------------------------------------

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        return self._content() if value is _NOT_READ else value

    def get(self, key: str, default: Any = None) -> Any:
        if key not in self:
            return default
        return self[key]

    def __iter__(self) -> Iterator[str]:
        # Defining __iter__ also makes dict(f) and {**f} read the items through __getitem__.
        return super().__iter__()

    def values(self) -> Any:  # type: ignore[override]
        return [self[key] for key in self]

    def items(self) -> Any:  # type: ignore[override]
        return [(key, self[key]) for key in self]

    def copy(self) -> dict[str, Any]:
        return dict(self.items())

    def __eq__(self, other: object) -> bool:
        return dict(self.items()) == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = {key: value for key, value in super().items() if key != "content"}
        return f"UploadedFile({shown!r}, size={self.size})"

    def __reduce__(self) -> Any:
        return (dict, (dict(self.items()),))
