"""The environment variables webio_core reads, each named once.

Every public variable has a ``WEBIO_`` name and, where PyWebIO has one, PyWebIO's ``PYWEBIO_``
name too, so that deployments written for PyWebIO keep working; the ``WEBIO_`` name wins when
both are set. (The theme variables live in :mod:`webio_core.config`, beside the themes.)
"""

from __future__ import annotations

import os
from typing import Optional

#: Debug mode for every server of the process (see :func:`webio_core.enable_debug`).
DEBUG = ("WEBIO_DEBUG", "PYWEBIO_DEBUG")
#: The port of the server script mode starts. When set, script mode opens no browser (as
#: PyWebIO, whose tests set it).
SCRIPT_MODE_PORT = ("WEBIO_SCRIPT_MODE_PORT", "PYWEBIO_SCRIPT_MODE_PORT")
#: The backend of script mode's server, by name (by default tornado when installed, else the
#: only installed backend). Not a PyWebIO variable.
SCRIPT_MODE_BACKEND = ("WEBIO_SCRIPT_MODE_BACKEND",)
#: Set (to anything but a false word): never open a browser (script mode, and
#: ``auto_open_webbrowser``). Not a PyWebIO variable.
NO_BROWSER = ("WEBIO_NO_BROWSER",)

#: Internal: set by the reloading parent of ``start_server(debug=True)`` for its child, holding
#: the port the child must serve on. Its presence tells the child not to reload itself.
RELOAD_PORT = "WEBIO_RELOAD_PORT"
#: Internal: how many times the reloading parent restarted its child (0 for the first start).
RELOAD_COUNT = "WEBIO_RELOAD_COUNT"

#: Values that turn a flag variable off (any other non-empty value turns it on).
FALSE_WORDS = frozenset({"", "0", "false", "no", "off"})


def value(names: tuple[str, ...]) -> Optional[tuple[str, str]]:
    """``(name, value)`` of the first variable of ``names`` that is set, or None."""
    for name in names:
        text = os.environ.get(name)
        if text is not None:
            return name, text
    return None


def flag(names: tuple[str, ...]) -> bool:
    """Whether the first variable of ``names`` that is set holds a true value.

    Unlike PyWebIO, which takes any non-empty ``PYWEBIO_DEBUG`` as on, ``0``, ``false``, ``no``
    and ``off`` (any case) mean off: a variable set to "0" should not turn a mode on.
    """
    found = value(names)
    return found is not None and found[1].strip().lower() not in FALSE_WORDS


def port(names: tuple[str, ...]) -> Optional[int]:
    """The port held by the first variable of ``names`` that is set, or None; a value that is
    no port raises ValueError naming the variable."""
    found = value(names)
    if found is None:
        return None
    name, text = found
    if not text.strip():
        return 0  # set but empty: any free port
    try:
        number = int(text)
    except ValueError:
        raise ValueError(f"{name}={text!r}: not a port number") from None
    if not 0 <= number <= 65535:
        raise ValueError(f"{name}={text!r}: a port is between 0 and 65535")
    return number
