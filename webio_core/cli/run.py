"""``webio run app.py``: serve the apps of one file, as ``start_server`` would.

The file's ``main`` is the app, or the functions named with ``--app``. The file is loaded as a
module named ``__webio_run__`` (so its ``if __name__ == "__main__":`` block does not start a
server of its own), with its directory first on ``sys.path`` as when Python runs it.

With ``--reload`` (or ``--debug``), this process only watches the file's directory and runs
the command again in a child that serves, restarted on every change of a ``.py`` file there
(:mod:`webio_core.server.reload`). The parent never runs the file: it checks what it can from
the source (that it parses and defines the apps), and the child does the rest.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from ..deploy.scripts import MAIN, top_level_names
from ..plugins import get_plugins
from ..protocol.constants import DEFAULT_APP
from ..server.resolvers import Applications
from ..server.start import serve, supervise_if_asked
from ..session.script import note_server
from .base import Command, CommandError

MODULE_NAME = "__webio_run__"
DEFAULT_PORT = 8080
DEFAULT_HOST = "127.0.0.1"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the Python file of the apps")
    parser.add_argument(
        "--app",
        dest="apps",
        action="extend",
        nargs="+",
        metavar="NAME",
        help="serve these functions of the file instead of its main(); with several, "
        "?app=NAME picks one and / lists them (unless one is called index)",
    )
    parser.add_argument(
        "--backend", metavar="NAME", help="the backend plugin (see 'webio backends')"
    )
    parser.add_argument(
        "-p",
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help="0 picks a free port (default: %(default)s)",
    )
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help="the address to listen on; 0.0.0.0 for every network (default: %(default)s)",
    )
    parser.add_argument(
        "--reload",
        action="store_true",
        help="restart the server when a .py file under the file's directory changes",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help="show an app's traceback on its page (and restart on changes, as --reload)",
    )


def run(args: argparse.Namespace) -> int:
    script = Path(args.file).resolve()
    names: list[str] = args.apps or [MAIN]
    check_source(script, names)
    get_plugins().backend(args.backend)  # an unknown backend fails now, in the parent
    restart = True if args.reload else None
    where: dict[str, Any] = {"port": args.port, "host": args.host, "backend": args.backend}
    options = {"debug": args.debug}
    if supervise_if_asked(watch=script.parent, restart=restart, options=options, **where):
        return 0
    serve(
        apps_of(load(script), names, args.apps is not None), watch=script.parent, **where, **options
    )
    return 0


def check_source(script: Path, names: list[str]) -> None:
    """Fail early, without running the file, when it cannot serve ``names``."""
    if not script.is_file():
        raise CommandError(f"{script}: no such file")
    try:
        tree = ast.parse(script.read_bytes(), filename=str(script))
    except (SyntaxError, ValueError) as error:
        raise CommandError(f"{script} does not parse: {error}") from None
    defined = top_level_names(tree)
    missing = [name for name in names if name not in defined]
    if missing and "*" not in defined:
        raise CommandError(f"{script} defines no {', '.join(n + '()' for n in missing)}")


def load(script: Path) -> ModuleType:
    """Run the file as module ``__webio_run__``; its own errors propagate with their traceback."""
    note_server()  # a webio_core call at the file's top level is an error, not script mode
    sys.path.insert(0, str(script.parent))
    return import_file(script, MODULE_NAME)


def import_file(path: Path, module_name: str) -> ModuleType:
    """Run the Python file at ``path`` as module ``module_name``, put in ``sys.modules`` before
    it runs, as an import does (what looks a module up by name, such as pickle or a framework's
    settings, finds it); its own errors propagate with their traceback."""
    spec = importlib.util.spec_from_file_location(module_name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def apps_of(module: ModuleType, names: list[str], named: bool) -> Applications:
    """``main`` alone is the app at ``/``; one ``--app`` function is at ``/`` and under its
    name; several are by name, as ``start_server([f, g])`` serves them."""
    functions = {}
    for name in names:
        function = getattr(module, name, None)
        if not callable(function):
            raise CommandError(f"{module.__file__} has no function {name}()")
        functions[name] = function
    if not named:
        return functions[MAIN]
    if len(functions) == 1:
        return {DEFAULT_APP: functions[names[0]], **functions}
    return functions


RUN = Command(
    "run", "serve the apps of a Python file (its main(), or --app functions)", configure, run
)
