"""The ``webio`` command (also ``python -m webio_core``) and ``webio-path-deploy``.

- ``webio run app.py``: serve the apps of a file, optionally restarting on changes;
- ``webio path-deploy DIR``: serve every app of a directory (PyWebIO's
  ``pywebio-path-deploy``, whose options ``webio-path-deploy`` takes as they are);
- ``webio backends``: the installed backend plugins.

Each subcommand is a :class:`~webio_core.cli.base.Command` listed in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Optional

from .backends import BACKENDS
from .base import Command, execute, parse
from .deploy import PATH_DEPLOY, path_deploy_parser
from .run import RUN

COMMANDS: tuple[Command, ...] = (RUN, PATH_DEPLOY, BACKENDS)
PROG = "webio"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Run webio_core apps: a file's, a directory's, on any installed backend.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        sub = subparsers.add_parser(
            command.name,
            help=command.summary,
            description=command.summary,
            add_help=not command.own_help,
        )
        command.configure(sub)
        sub.set_defaults(command_object=command)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """The ``webio`` command; returns its exit status."""
    parser = build_parser()
    args = parse(parser, argv)
    if args.command is None:
        parser.print_help()
        return 2
    command: Command = args.command_object
    return execute(command, args, f"{PROG} {command.name}")


def path_deploy_main(argv: Optional[Sequence[str]] = None) -> int:
    """The ``webio-path-deploy`` command: PyWebIO's ``pywebio-path-deploy``."""
    prog = "webio-path-deploy"
    args = parse(path_deploy_parser(prog), argv)
    return execute(PATH_DEPLOY, args, prog)
