"""Static hosting: the built browser client, and lookup of files in plugins' directories.

Registered as a default plugin through ``webio_static_dirs``.
"""

from __future__ import annotations

import mimetypes
import os
from pathlib import Path
from typing import Optional

from ..hookspecs import hookimpl

#: The directory of the built browser client (``webio_core.STATIC_PATH``), for a helper that
#: serves its files on routes of its own.
CLIENT_DIR = Path(__file__).resolve().parent.parent / "static"


@hookimpl
def webio_static_dirs() -> list[str]:
    return [str(CLIENT_DIR)]


def find_static_file(name: str, directories: list[str]) -> Optional[Path]:
    """The file called ``name`` in the first directory that has it; never outside them."""
    if not name or "/" in name or "\\" in name or name.startswith(".") or "\x00" in name:
        return None
    for directory in directories:
        path = Path(directory, name)
        if path.is_file() and os.path.dirname(os.path.realpath(path)) == os.path.realpath(
            directory
        ):
            return path
    return None


def content_type(path: Path) -> str:
    """The ``Content-Type`` to serve ``path`` with, guessed from its name; text and JavaScript
    get ``charset=utf-8``, and an unknown type is sent as ``application/octet-stream``."""
    guessed, _ = mimetypes.guess_type(path.name)
    if guessed is None:
        return "application/octet-stream"
    return (
        f"{guessed}; charset=utf-8"
        if guessed.startswith("text/") or guessed.endswith("javascript")
        else guessed
    )
