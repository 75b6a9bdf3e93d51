"""Loading the scripts of a deployed directory: each is parsed, checked for a ``main`` and only
then run, once, as a module of its own; a script that fails keeps its error for its page.

A script is run only when its source defines ``main`` at its top level (or star-imports
names that might), so that asking for a helper module's URL never executes it. Its module is
named after its path (``__webio_deploy__.tools.chart``), not ``__main__``, so the
``if __name__ == "__main__": start_server(...)`` block of a script written to run alone stays
out of the way, and it is registered in ``sys.modules`` under that name, which libraries that
look a class's module up there (dataclasses, pickle, typing) expect. While it runs, its
directory comes first on ``sys.path``, so it imports the modules beside it as when run alone.
"""

from __future__ import annotations

import ast
import importlib.util
import inspect
import logging
import os
import sys
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Optional

from ..protocol.constants import DEFAULT_APP
from .paths import BaseDirectory

logger = logging.getLogger("webio_core.deploy")

MAIN = "main"
MODULE_PREFIX = "__webio_deploy__"

#: A file's version: modification time (ns) and size; a change of either is a new version.
Stamp = tuple[int, int]


def stamp_of(path: Path) -> Stamp:
    status = path.stat()
    return status.st_mtime_ns, status.st_size


def top_level_names(tree: ast.Module) -> dict[str, str]:
    """The names a module binds at its top level, each with the first paragraph of its
    docstring ("" for a name without one), and ``"*"`` when it star-imports."""
    names: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] = (ast.get_docstring(node) or "").split("\n\n")[0].strip()
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update((t.id, "") for t in targets if isinstance(t, ast.Name))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                names.setdefault(alias.asname or alias.name.partition(".")[0], "")
    return names


def may_define_main(tree: ast.Module) -> bool:
    names = top_level_names(tree)
    return MAIN in names or "*" in names


def main_summary(path: Path) -> Optional[str]:
    """What a directory listing says of a script: the first paragraph of its ``main``'s
    docstring, or None when it has no ``main`` (it is no app, and not listed). A script that
    does not parse is listed, with a warning: its page shows why."""
    try:
        tree = ast.parse(path.read_bytes(), filename=path.name)
    except (SyntaxError, ValueError, OSError):
        return "(this script has an error: open it to see which)"
    names = top_level_names(tree)
    return names.get(MAIN, "") if MAIN in names else None


@dataclass(frozen=True)
class Loaded:
    """A script's last load: its module (None when it failed or has no ``main``) and the text
    of its error (None when it loaded or has no ``main``)."""

    stamp: Stamp
    module: Optional[ModuleType] = None
    error: Optional[str] = None


class ScriptLoader:
    """Loads scripts once and keeps them; thread-safe (apps are served from many threads).

    A script that loaded is kept as it is until a request asks for ``reload`` and its file has
    changed; one that failed (or had no ``main``) is tried again as soon as its file changes,
    since there is nothing to keep.
    """

    def __init__(self, base: BaseDirectory, debug: bool = False) -> None:
        self.base = base
        self.debug = debug
        self._loaded: dict[Path, Loaded] = {}
        # One lock for all scripts: running one changes sys.path and sys.modules for everyone.
        self._lock = threading.Lock()

    def load(self, path: Path, reload: bool = False) -> Loaded:
        """The module of the script at ``path`` (a real path inside the base)."""
        with self._lock:
            stamp = stamp_of(path)
            known = self._loaded.get(path)
            if known is not None and (
                known.stamp == stamp or (known.module is not None and not reload)
            ):
                return known
            loaded = self._run(path, stamp)
            self._loaded[path] = loaded
            return loaded

    def _run(self, path: Path, stamp: Stamp) -> Loaded:
        try:
            tree = ast.parse(path.read_bytes(), filename=str(path))
        except (SyntaxError, ValueError) as error:
            return Loaded(stamp, error=self.describe(path, error))
        if not may_define_main(tree):
            return Loaded(stamp)
        name = module_name(self.base.relative(path))
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None
        module = importlib.util.module_from_spec(spec)
        folder = str(path.parent)
        sys.modules[name] = module
        sys.path.insert(0, folder)
        try:
            exec(compile(tree, str(path), "exec"), module.__dict__)
        except (Exception, SystemExit) as error:  # SystemExit: a script calling exit()
            if sys.modules.get(name) is module:
                del sys.modules[name]
            logger.warning("the script %s failed to load", path, exc_info=error)
            return Loaded(stamp, error=self.describe(path, error))
        finally:
            sys.path.remove(folder)
        if not callable(getattr(module, MAIN, None)):
            return Loaded(stamp)
        return Loaded(stamp, module=module)

    def describe(self, path: Path, error: BaseException) -> str:
        """The text of a script's error page. Out of debug mode it shows only the frames of
        files under the base, with paths relative to it: a visitor learns what is wrong with
        the script, not where the server keeps its files."""
        heading = f"The script {self.base.relative(path)} failed to load.\n\n"
        if self.debug:
            return heading + "".join(
                traceback.format_exception(type(error), error, error.__traceback__)
            )
        root = str(self.base.root) + os.sep
        frames = [
            frame
            for frame in traceback.extract_tb(error.__traceback__)
            if frame.filename.startswith(root)
        ]
        lines = traceback.format_list(frames) if frames else []
        text = "".join(
            (["Traceback (most recent call last):\n", *lines] if lines else [])
            + traceback.format_exception_only(type(error), error)
        )
        return heading + text.replace(root, "")


def module_name(relative_path: str) -> str:
    """``__webio_deploy__.tools.chart`` for ``tools/chart.py``."""
    stem = relative_path[: -len(".py")] if relative_path.endswith(".py") else relative_path
    # A dot inside a name would read as one more package level: a.b.py is not a/b.py.
    return ".".join([MODULE_PREFIX, *(part.replace(".", "_") for part in stem.split("/"))])


def app_function(module: ModuleType, name: str) -> Optional[Callable[[], Any]]:
    """The app ``?app=name`` picks in a script: ``main`` for the default name, else a public
    function the script defines itself (not one it imported, such as ``put_text``)."""
    if name == DEFAULT_APP:
        function = getattr(module, MAIN, None)
        return function if callable(function) else None
    if not name.isidentifier() or name.startswith("_"):
        return None
    function = getattr(module, name, None)
    if inspect.isfunction(function) and function.__module__ == module.__name__:
        return function
    return None
