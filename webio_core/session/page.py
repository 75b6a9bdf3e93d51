"""The functions that act on the browser page itself: ``run_js``, ``eval_js``, ``go_app`` and
``download``.

The parameters of ``run_js`` and ``eval_js`` end with an underscore, as PyWebIO's do, so that
``code`` or ``expression`` can be the name of a JavaScript variable passed in ``args``.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from ..protocol import ClientEvent, ProtocolError
from ..protocol.constants import DOWNLOAD_CHUNK_SIZE
from ..protocol.feedback import (
    DOWNLOAD_CHUNK,
    DOWNLOAD_START,
    DownloadChunkSpec,
    DownloadStartSpec,
)
from ..protocol.script import JS_RESULT, OPEN_APP, RUN_SCRIPT, OpenAppSpec, RunScriptSpec
from .base import Session
from .context import get_current_session
from .errors import JSError
from .tasks import ClientTask

#: Words JavaScript reserves (in either mode), and the two names the client's wrapper needs:
#: none can name a variable passed in ``args``.
_JS_RESERVED_WORDS = """arguments await break case catch class const continue debugger default
delete do else enum eval export extends false finally for function if implements import in
instanceof interface let new null package private protected public return static super switch
this throw true try typeof var void while with yield"""
_JS_RESERVED = frozenset(_JS_RESERVED_WORDS.split())


def _script_args(function: str, args: dict[str, Any]) -> dict[str, Any]:
    """``args`` checked here, where the mistake is made, rather than failing in the browser
    (a reserved name is a SyntaxError there; NaN would break the whole frame's JSON)."""
    for name, value in args.items():
        if not name.isidentifier() or name in _JS_RESERVED:
            raise ValueError(f"{function}(): {name!r} cannot name a JavaScript variable")
        try:
            json.dumps(value, allow_nan=False)
        except TypeError as exc:
            raise TypeError(
                f"{function}(): argument {name!r} is not JSON-serialisable: {exc}"
            ) from None
        except ValueError:  # a circular reference, or a float JSON has no spelling for
            raise TypeError(
                f"{function}(): argument {name!r} is not JSON-serialisable: it holds NaN, an "
                "infinity or a circular reference"
            ) from None
    return args


def run_js(code_: str, **args: Any) -> None:
    """Run the JavaScript ``code_`` in the page, without waiting for it.

    Each keyword argument becomes a local variable of the code (its value must be
    JSON-serialisable): ``run_js("console.log(a + b)", a=1, b=2)``. An error in the code is
    reported in the browser's console only.
    """
    session = get_current_session()
    spec = RunScriptSpec(code=str(code_), args=_script_args("run_js", args), eval=False, max_size=0)
    session.send(RUN_SCRIPT(spec))


def eval_js(expression_: str, **args: Any) -> Any:
    """The value of the JavaScript ``expression_`` evaluated in the page, as Python data.

    Keyword arguments become local variables, as with :func:`run_js`. A Promise is awaited and
    its result returned; ``undefined`` gives None. The value must be JSON data (numbers,
    strings, booleans, null, arrays and plain objects; a Date as its ``toJSON`` text).

    It blocks in thread-based sessions; in coroutine-based sessions it must be awaited:
    ``await eval_js("location.href")``.

    Raises :class:`~webio_core.session.JSError` when the code throws, its Promise is rejected
    (PyWebIO gives None for a rejected Promise), or its value is not JSON data or is too large
    for the server's ``max_payload_size``.
    """
    session = get_current_session()
    return session.run_task(JsEval(str(expression_), _script_args("eval_js", args)))


class JsEval(ClientTask):
    """Evaluates code in the page and waits for its value (or its error)."""

    #: The browser answers by itself; code that waits for the user (a Promise settled by a
    #: click) shows the app as busy meanwhile.
    waits_for_user = False

    def __init__(self, code: str, args: dict[str, Any]) -> None:
        self.code = code
        self.args = args

    def open(self, session: Session, task_id: str) -> None:
        # Half the frame limit: the answer may share its frame with other events.
        max_size = session.max_payload_size // 2 if session.max_payload_size > 0 else 0
        spec = RunScriptSpec(code=self.code, args=self.args, eval=True, max_size=max_size)
        session.send(RUN_SCRIPT(spec, task_id))

    def handle(self, session: Session, task_id: str, event: ClientEvent) -> tuple[bool, Any]:
        if event.event != JS_RESULT.name:
            raise ProtocolError(f"eval_js does not take {event.event!r} events")
        data = event.data
        if "value" in data:
            return True, data["value"]
        raise JSError(data["reason"], data["name"], data["message"])


def go_app(name: str, new_window: bool = True) -> None:
    """Open app ``name`` of the same server (the page's URL with ``?app=name``), in a new
    window or tab, or with ``new_window=False`` in place of the current page (whose session
    then ends).

    Raises ValueError when the server has no such app (servers whose apps are not known by
    name, such as a custom resolver, cannot check and open the URL as it is).
    """
    session = get_current_session()
    known = session.app_names()
    if known is not None and name not in known:
        raise ValueError(
            f"go_app(): there is no app {name!r} on this server; its apps: {sorted(known)}"
        )
    session.send(OPEN_APP(OpenAppSpec(app=str(name), new_window=bool(new_window))))


def download(name: str, content: bytes) -> None:
    """Have the browser save ``content`` (bytes-like) as a file called ``name``.

    The content crosses in chunks of ``DOWNLOAD_CHUNK_SIZE`` bytes, so that a large file does
    not make one huge frame; the browser saves the file once every chunk has come.
    """
    if isinstance(content, str):
        raise TypeError("download() takes the file's content as bytes, not str")
    try:
        data = content if isinstance(content, bytes) else bytes(memoryview(content))
    except TypeError:
        raise TypeError(
            f"download() takes the file's content as bytes, not {type(content).__name__}"
        ) from None
    session = get_current_session()
    download_id = session.new_id("d")
    session.send(DOWNLOAD_START(DownloadStartSpec(name=str(name), size=len(data)), download_id))
    for start in range(0, len(data), DOWNLOAD_CHUNK_SIZE):
        chunk = base64.b64encode(data[start : start + DOWNLOAD_CHUNK_SIZE]).decode("ascii")
        session.send(DOWNLOAD_CHUNK(DownloadChunkSpec(data=chunk), download_id))
