"""Checksums of a directory: a progress bar and a live log while files are hashed.

    python examples/gallery/checksums.py

It reads the server's own files: run it on your machine, not as a public site.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Optional

from webio_core import start_server
from webio_core.input import input
from webio_core.output import (
    put_code,
    put_markdown,
    put_processbar,
    put_scope,
    put_scrollable,
    put_text,
    set_processbar,
)


def check_directory(path: str) -> Optional[str]:
    return None if Path(path).expanduser().is_dir() else "No such directory."


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def checksums() -> None:
    """Checksums

    SHA-256 of every file of a directory, with a progress bar."""
    folder = Path(input("Directory to check", validate=check_directory)).expanduser()
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    put_markdown(f"## {len(files)} files in `{folder}`")
    put_processbar("hashing", label="Starting")
    # The log is a scope inside a scrolling box; keep_bottom follows the newest line.
    put_scrollable(put_scope("log"), height=200, keep_bottom=True)
    lines = []
    for done, path in enumerate(files, start=1):
        line = f"{sha256_of(path)}  {path.relative_to(folder)}"
        lines.append(line)
        put_text(line, scope="log")
        set_processbar("hashing", done / len(files), label=f"{done} of {len(files)} files")
    put_markdown("Copy this list into a `SHA256SUMS` file to check the files later:")
    put_code("\n".join(lines) or "(no files)")


if __name__ == "__main__":
    start_server(checksums, port=8080)
