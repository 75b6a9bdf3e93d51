"""JavaScript and navigation: the app runs code in the page (``run_js``), evaluates an
expression there and waits for its value (``eval_js``), or sends the page to another app of the
same server (``go_app``)."""

from __future__ import annotations

from typing import Any, Literal, Union

from typing_extensions import TypedDict

from .commands import COMMANDS
from .events import EVENTS
from .registry import CommandKind, EventKind


class RunScriptSpec(TypedDict):
    """Runs ``code`` in the page, in a function whose parameters are the keys of ``args``
    (JSON values). With ``eval`` the client answers ``js_result`` for task ``task_id`` once the
    code's value is known (a Promise is awaited); otherwise nothing is answered and an error is
    only logged in the browser's console."""

    code: str
    args: dict[str, Any]
    eval: bool
    #: Bytes of the value's JSON the client may send back (0: no limit); a larger value is
    #: answered as an ``unserializable`` error rather than in a frame the server would refuse.
    max_size: int


class OpenAppSpec(TypedDict):
    """Opens app ``app`` of this server: the page's URL with ``?app=`` set to it, in a new
    window (or tab) with ``new_window``, else in place of this page."""

    app: str
    new_window: bool


class JsValueData(TypedDict):
    """The value of the evaluated code, as JSON (``undefined`` is sent as null)."""

    value: Any


JsErrorReason = Literal["thrown", "rejected", "unserializable"]


class JsErrorData(TypedDict):
    """The evaluated code threw, its Promise was rejected, or its value is not JSON data (a
    DOM node, a function, a cycle...) or too large to send."""

    reason: JsErrorReason
    #: The JS error's ``name`` (e.g. "TypeError"), "" when what was thrown is not an Error.
    name: str
    message: str


JsResultData = Union[JsValueData, JsErrorData]

RUN_SCRIPT = COMMANDS.add(CommandKind[RunScriptSpec]("run_script", RunScriptSpec))
OPEN_APP = COMMANDS.add(CommandKind[OpenAppSpec]("open_app", OpenAppSpec))
JS_RESULT = EVENTS.add(
    EventKind[JsResultData](
        "js_result",
        JsResultData,
        "Answers ``run_script`` with ``eval``: the code's value, or why there is none.",
        target="task",
    )
)
