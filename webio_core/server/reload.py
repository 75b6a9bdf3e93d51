"""Reloading for ``start_server(debug=True)``: a supervising parent and a serving child.

The process the user started becomes a supervisor: it runs the same command line again as a
child process, which serves, and restarts that child whenever a ``.py`` file under the main
script's directory changes (watched with the ``watchfiles`` library, through the operating
system's change notifications). Restarting a whole process, rather than re-importing modules
in place, is what makes every change take effect, including in modules the app imports.

The parent tells its child two things through the environment: that it is the child (so it
serves instead of supervising in turn) and which port to serve on, chosen by the parent before
the first start, so that ``port=0`` keeps one port across restarts and open tabs can reload.
"""

from __future__ import annotations

import logging
import os
import shlex
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, Optional

from .. import environ

logger = logging.getLogger("webio_core.server.reload")

_allowed = True


def disallow_reloading() -> None:
    """Never supervise in this process (the pytest plugin calls this: re-running the command
    line of a test runner would run the tests again)."""
    global _allowed
    _allowed = False


def child_port() -> Optional[int]:
    """In the child of a reloading parent, the port to serve on; None elsewhere."""
    text = os.environ.get(environ.RELOAD_PORT)
    return int(text) if text else None


def obey_supervisor() -> None:
    """In the child: let the parent's SIGINT stop it. A program started in the background by a
    shell ignores SIGINT, and so would its child, which the parent would then have to kill
    after a timeout at every restart."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.default_int_handler)


def restart_count() -> int:
    """How many times the reloading parent restarted this process (0: the first start, or no
    reloading at all): the child prints its banner and opens the browser only the first time."""
    return int(os.environ.get(environ.RELOAD_COUNT) or 0)


def main_script() -> Optional[Path]:
    """The file of the program's main module, or None (interactive, ``python -c``)."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    return Path(path).resolve() if path else None


def why_not_reload() -> Optional[str]:
    """Why this process cannot supervise a reloading child, or None when it can."""
    if not _allowed:
        return "reloading is off in this process"
    if threading.current_thread() is not threading.main_thread():
        return "start_server was not called from the main thread"
    if main_script() is None:
        return "the program has no main script file to watch"
    return None


def command_line() -> list[str]:
    """The command that started this process, to start it again."""
    orig_argv = getattr(sys, "orig_argv", None)  # Python 3.10+: interpreter options included
    if orig_argv:
        return [sys.executable, *orig_argv[1:]]
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    if spec is not None and spec.name:  # started with ``python -m NAME``
        name = spec.name[: -len(".__main__")] if spec.name.endswith(".__main__") else spec.name
        return [sys.executable, "-m", name, *sys.argv[1:]]
    return [sys.executable, *sys.argv]


def free_port(host: str) -> int:
    """A port nobody listens on now, for the child to bind (the child binds it with address
    reuse, as every backend does, so a restart finds it free again)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def supervise(
    host: str, port: int, directory: Optional[Path] = None, mode: str = "debug mode"
) -> None:
    """Run this program's command line as a child serving on ``port`` (a free one when 0), and
    restart it on every change of a ``.py`` file under ``directory`` (by default the main
    script's: the ``webio`` command and ``path_deploy`` watch the apps' directory instead);
    returns on Ctrl+C or SIGTERM, having stopped the child. ``mode`` names the reason in the
    banner."""
    import watchfiles

    script = main_script()
    assert script is not None, why_not_reload()
    port = port or free_port(host or "0.0.0.0")
    directory = directory or script.parent
    command = command_line()
    os.environ[environ.RELOAD_PORT] = str(port)
    os.environ[environ.RELOAD_COUNT] = "0"
    print(
        f"webio_core: {mode}: the server restarts when a .py file under {directory} changes",
        flush=True,
    )
    restarts = 0

    def on_change(changes: set[tuple[Any, str]]) -> None:
        nonlocal restarts
        restarts += 1
        os.environ[environ.RELOAD_COUNT] = str(restarts)
        names = sorted({_relative(path, directory) for _, path in changes})
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        print(f"webio_core: {shown} changed; reloading (restart {restarts})", flush=True)

    try:
        watchfiles.run_process(
            directory,
            target=_join(command),
            target_type="command",
            callback=on_change,
            watch_filter=watchfiles.PythonFilter(),
        )
    finally:
        for name in (environ.RELOAD_PORT, environ.RELOAD_COUNT):
            os.environ.pop(name, None)


def _relative(path: str, directory: Path) -> str:
    try:
        return str(Path(path).relative_to(directory))
    except ValueError:
        return path


def _join(command: list[str]) -> str:
    # watchfiles takes a command as one string and splits it the way the platform does.
    if os.name == "nt":
        return subprocess.list2cmdline(command)
    return shlex.join(command)
