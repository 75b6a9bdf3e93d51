"""What every subcommand of the ``webio`` command is made of."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Callable, Optional

from ..plugins import BackendNotFoundError


class CommandError(Exception):
    """A mistake in the command line (a missing file, an unknown app...): one line, no
    traceback."""


#: Errors shown as one line: the user's to fix, no traceback needed.
USER_ERRORS = (CommandError, BackendNotFoundError, NotADirectoryError)


@dataclass(frozen=True)
class Command:
    """A subcommand: ``configure`` adds its arguments, ``run`` does it and returns the exit
    status. ``own_help``: it declares ``--help`` itself (``path-deploy`` keeps ``-h`` for
    ``--host``, as PyWebIO's ``pywebio-path-deploy`` does)."""

    name: str
    summary: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    own_help: bool = False


def execute(command: Command, args: argparse.Namespace, prog: str) -> int:
    """Run ``command``: a user error is one line on stderr and status 2, Ctrl+C status 130.
    ``args.prog`` is the command's name in messages (``webio run``, ``webio-path-deploy``)."""
    args.prog = prog
    try:
        return command.run(args)
    except USER_ERRORS as error:
        print(f"{prog}: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def parse(parser: argparse.ArgumentParser, argv: Optional[Sequence[str]]) -> argparse.Namespace:
    return parser.parse_args(None if argv is None else list(argv))
