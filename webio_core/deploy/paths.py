"""From a URL path to a file under the deployed directory, and never to anything else.

Two checks, both needed:

- on the URL: every name between slashes must be visible (not empty, not starting with ``_``
  or ``.``, so neither ``.`` nor ``..``) and hold none of :data:`FORBIDDEN_CHARACTERS`; the
  path is percent-decoded first, so ``%2e%2e%2f`` is ``../`` and refused like it;
- on the file system: the candidate's real path (symbolic links resolved) must lie under the
  base's real path, through visible names only, so a link pointing outside the base, or to a
  hidden file inside it, serves nothing.

Backends differ in what they hand the core: Tornado gives the path as received, the others
decode it first. Decoding once more here is harmless for safety (the checks run on the final
text) and the only names it could confuse, those holding ``%``, are refused.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union
from urllib.parse import unquote

#: Names starting with these are hidden: never listed, never served.
HIDDEN_PREFIXES = ("_", ".")
#: Characters no served name may hold: other systems' separators and drive marks, NUL, and
#: ``%`` (see the module's docstring).
FORBIDDEN_CHARACTERS = frozenset("\\\x00%:")
SCRIPT_SUFFIX = ".py"
INDEX_SCRIPT = "index" + SCRIPT_SUFFIX


def visible(name: str) -> bool:
    """Whether a file or directory called ``name`` may be listed and served."""
    return (
        bool(name)
        and not name.startswith(HIDDEN_PREFIXES)
        and FORBIDDEN_CHARACTERS.isdisjoint(name)
    )


@dataclass(frozen=True)
class UrlPath:
    """A checked URL path: the visible names it is made of, and whether it ends with ``/``
    (a directory) or not (a script, or a directory asked for without its slash)."""

    names: tuple[str, ...]
    directory: bool

    @property
    def text(self) -> str:
        """The path as the listing shows it (``/``, ``/tools/``)."""
        inner = "/".join(self.names)
        return "/" + inner + ("/" if inner and self.directory else "")


def parse_url_path(path: str) -> Optional[UrlPath]:
    """The names of ``path``, or None when it could reach something hidden or outside."""
    text = unquote(path) if "%" in path else path
    if not text.startswith("/"):
        return None
    inner = text[1:]
    directory = inner == "" or inner.endswith("/")
    if inner.endswith("/"):
        inner = inner[:-1]
    names = tuple(inner.split("/")) if inner else ()
    if not all(visible(name) for name in names):
        return None
    return UrlPath(names, directory)


class BaseDirectory:
    """The directory whose scripts are served; answers only with real paths inside it."""

    def __init__(self, base: Union[str, os.PathLike[str]]) -> None:
        self.root = Path(os.path.realpath(base))

    def inside(self, path: Path) -> Optional[Path]:
        """The real path of ``path`` when it lies under the base through visible names only
        (it need not exist), else None."""
        real = Path(os.path.realpath(path))
        try:
            relative = real.relative_to(self.root)
        except ValueError:
            return None
        return real if all(visible(name) for name in relative.parts) else None

    def file(self, path: Path) -> Optional[Path]:
        """:meth:`inside`, for an existing regular file."""
        real = self.inside(path)
        return real if real is not None and real.is_file() else None

    def directory(self, path: Path) -> Optional[Path]:
        """:meth:`inside`, for an existing directory."""
        real = self.inside(path)
        return real if real is not None and real.is_dir() else None

    def relative(self, path: Path) -> str:
        """``path`` (a real path inside the base) relative to it, with ``/`` separators."""
        return path.relative_to(self.root).as_posix()

    def script(self, url: UrlPath) -> Optional[Path]:
        """The script a URL names: ``/a/b`` is ``a/b.py``, ``/a/`` is ``a/index.py``."""
        if url.directory:
            folder = self.directory(self.root.joinpath(*url.names))
            return None if folder is None else self.file(folder / INDEX_SCRIPT)
        *folders, name = url.names
        return self.file(self.root.joinpath(*folders, name + SCRIPT_SUFFIX))

    def folder(self, url: UrlPath) -> Optional[Path]:
        """The directory a URL names, with or without its trailing slash."""
        return self.directory(self.root.joinpath(*url.names))
