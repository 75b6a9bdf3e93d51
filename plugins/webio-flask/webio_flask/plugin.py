"""Entry point: registers the ``flask`` backend. Imports nothing of Flask until used."""

from __future__ import annotations

from typing import Callable

from webio_core import hookimpl
from webio_core.server import Backend, FrameworkOptions

_RELOADER = "the server restarts on changes with debug=True (or `webio run --reload`)"
#: PyWebIO passes ``**flask_options`` to ``Flask.run``; the server here is Werkzeug's
#: ``make_server``, and what only ``run_simple`` does has the core's own equivalent.
SETTINGS = FrameworkOptions(
    parameters_of="werkzeug.serving:make_server",
    ignored={
        "use_reloader": _RELOADER,
        "extra_files": _RELOADER,
        "exclude_patterns": _RELOADER,
        "reloader_interval": _RELOADER,
        "reloader_type": _RELOADER,
        "use_debugger": "debug=True shows tracebacks on the page",
        "use_evalex": "there is no interactive debugger",
        "static_files": "static_dir= serves a directory under /static/",
        "load_dotenv": ".env files are not read",
    },
)
BACKEND = Backend("flask", "http", "webio_flask.server:create_server", "webio_flask.api", SETTINGS)


@hookimpl
def webio_register_backends(register: Callable[[Backend], None]) -> None:
    register(BACKEND)
