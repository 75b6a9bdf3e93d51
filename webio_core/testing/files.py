"""Files a test page has "picked": their descriptions go in a submission or a pin's value, and
their content goes out in chunks when the server asks with ``upload_files``, as the browser
client does."""

from __future__ import annotations

from typing import Any

from ..protocol.uploads import UPLOAD_CHUNK

#: What a test picks for one field: file name -> content (or (content, mime type)).
Picked = dict[str, Any]
#: An event a page sends: name, task_id, data and (for upload chunks) bytes.
Outgoing = tuple[Any, ...]


def _content(item: Any) -> tuple[bytes, str]:
    if isinstance(item, tuple):
        return bytes(item[0]), str(item[1])
    return bytes(item), "application/octet-stream"


class PickedFiles:
    """Picked files by owner (a form's task_id, or a pin's name) and field name."""

    def __init__(self) -> None:
        self._files: dict[tuple[str, str], list[tuple[str, bytes]]] = {}

    def pick(self, owner: str, name: str, files: Picked) -> list[dict[str, Any]]:
        """Remember ``files`` for field ``name``; returns their ``FileMeta`` list."""
        metas, contents = [], []
        for filename, item in files.items():
            content, mime_type = _content(item)
            metas.append(
                {
                    "filename": filename,
                    "size": len(content),
                    "mime_type": mime_type,
                    "last_modified": 1_700_000_000.0,
                }
            )
            contents.append((filename, content))
        self._files[(owner, name)] = contents
        return metas

    def chunks(
        self, task_id: str, owner: str, names: list[str], chunk_sizes: dict[str, int]
    ) -> list[Outgoing]:
        """The ``upload_chunk`` events answering ``upload_files``, in order."""
        events: list[Outgoing] = []
        for name in names:
            size = chunk_sizes.get(name, 512 * 1024)
            for index, (_, content) in enumerate(self._files.get((owner, name), [])):
                for offset in range(0, len(content), size):
                    part = content[offset : offset + size]
                    chunk = {"name": name, "file": index, "offset": offset, "size": len(part)}
                    events.append((UPLOAD_CHUNK.name, task_id, chunk, part))
        return events
