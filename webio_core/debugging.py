"""Debug mode: what ``start_server(debug=True)``, ``enable_debug()`` and ``PYWEBIO_DEBUG`` turn on.

In debug mode:

- a page whose app raised shows the traceback (as text), not only the generic message;
- ``start_server`` restarts the server when a ``.py`` file beside the main script changes
  (see :mod:`webio_core.server.reload`);
- with :func:`enable_debug`, the logs of webio_core and of its backend plugins go to stderr.
"""

from __future__ import annotations

import logging
import sys
from typing import Optional

from . import environ

#: The logger of the core; plugins log under their own package names.
CORE_LOGGER = "webio_core"

_enabled = False


class _DebugHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler :func:`enable_debug` installs (a class of its own, so a second call replaces
    it instead of printing every line twice)."""


def enable_debug(level: Optional[int] = None) -> None:
    """Turn debug mode on for the whole process, and print webio_core's logs on stderr.

    Like PyWebIO's ``enable_debug``, the logs of the framework (here: the core and every
    installed backend plugin) go to stderr at ``level`` (``logging.DEBUG`` by default), and
    no longer to the root logger. Beyond PyWebIO, the servers and sessions of the process behave
    as with ``debug=True``: tracebacks on the page, and ``start_server`` reloading on changes.
    """
    global _enabled
    _enabled = True
    level = logging.DEBUG if level is None else level
    handler = _DebugHandler(sys.stderr)
    handler.setLevel(level)
    handler.setFormatter(
        logging.Formatter(
            "[%(levelname)s %(asctime)s %(name)s:%(lineno)d] %(message)s", datefmt="%H:%M:%S"
        )
    )
    for name in _framework_loggers():
        logger = logging.getLogger(name)
        logger.handlers = [h for h in logger.handlers if not isinstance(h, _DebugHandler)]
        logger.addHandler(handler)
        logger.setLevel(level)
        logger.propagate = False


def _framework_loggers() -> list[str]:
    from .plugins import get_plugins

    # A backend's modules log under its package's name (webio_tornado, webio_flask...).
    packages = {backend.api_module.partition(".")[0] for backend in get_plugins().backends.values()}
    return [CORE_LOGGER, *sorted(packages - {CORE_LOGGER})]


def debug_enabled() -> bool:
    """Whether debug mode is on for every server of the process: :func:`enable_debug` was
    called, or ``WEBIO_DEBUG`` / ``PYWEBIO_DEBUG`` is set to a true value."""
    return _enabled or environ.flag(environ.DEBUG)


def disable_debug() -> None:
    """Undo the process-wide part of :func:`enable_debug` (for tests); logging stays as set."""
    global _enabled
    _enabled = False
