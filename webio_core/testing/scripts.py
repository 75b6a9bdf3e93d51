"""JavaScript on a test page: the page keeps what ``run_js`` and ``go_app`` asked for, and
answers ``eval_js`` from answers the test gives, since it runs no JavaScript itself::

    with server.client(js={"location.href": "http://x/"}) as user: ...

An answer is a JSON value, a :class:`JsFailure` (the code threw...), or :data:`NO_ANSWER` (the
page stays silent, and the test sends its own ``js_result``, e.g. a malformed one).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Callable, Optional, Union

from ..protocol.script import JS_RESULT
from .files import Outgoing

#: Code -> answer, or a function of (code, args) giving the answer.
JsAnswers = Union[Mapping[str, Any], Callable[[str, dict[str, Any]], Any]]

#: An answer by which the page sends nothing.
NO_ANSWER = object()


@dataclass(frozen=True)
class JsFailure:
    """The evaluated code failed: ``reason`` is "thrown", "rejected" or "unserializable"."""

    message: str
    name: str = "Error"
    reason: str = "thrown"


class ScriptModel:
    """The ``run_script`` and ``open_app`` commands a page received, and its eval answers."""

    def __init__(self, answers: Optional[JsAnswers] = None) -> None:
        self.answers: JsAnswers = answers if answers is not None else {}
        #: The specs of the ``run_js`` scripts, in order.
        self.runs: list[dict[str, Any]] = []
        #: (task_id, spec) of each ``eval_js``, in order.
        self.evals: list[tuple[str, dict[str, Any]]] = []
        #: (app, new_window) of each ``go_app``.
        self.opened_apps: list[tuple[str, bool]] = []

    def run(self, spec: dict[str, Any], task_id: str) -> list[Outgoing]:
        if not spec["eval"]:
            self.runs.append(spec)
            return []
        self.evals.append((task_id, spec))
        answer = self._answer(spec["code"], spec["args"])
        if answer is NO_ANSWER:
            return []
        if isinstance(answer, JsFailure):
            data = {"reason": answer.reason, "name": answer.name, "message": answer.message}
        else:
            data = {"value": answer}
        return [(JS_RESULT.name, task_id, data)]

    def _answer(self, code: str, args: dict[str, Any]) -> Any:
        if callable(self.answers):
            return self.answers(code, args)
        if code in self.answers:
            return self.answers[code]
        return JsFailure(f"the test page has no answer for {code!r}", name="ReferenceError")

    def open_app(self, spec: dict[str, Any], task_id: str) -> list[Outgoing]:
        self.opened_apps.append((spec["app"], spec["new_window"]))
        return []
