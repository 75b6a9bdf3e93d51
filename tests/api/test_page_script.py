"""run_js, eval_js and go_app: what the page is asked to run, the values eval_js returns (awaited
in coroutine apps), its errors as JSError, and bad answers from the page dropped."""

from __future__ import annotations

import json
import logging
import math

import pytest

from webio_core.input import input
from webio_core.output import put_text
from webio_core.protocol.script import JS_RESULT
from webio_core.session import JSError, eval_js, go_app, run_js
from webio_core.testing import NO_ANSWER, JsFailure, loopback


def test_run_js_sends_the_code_and_its_arguments(serve_app, make_app):
    def scenario():
        run_js("console.log(a + b)", a=1, b=[2, {"c": None}])
        run_js("document.title = code", code="the argument may be called code")
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        runs = user.page.script.runs
        assert [(r["code"], r["args"], r["eval"]) for r in runs] == [
            ("console.log(a + b)", {"a": 1, "b": [2, {"c": None}]}, False),
            ("document.title = code", {"code": "the argument may be called code"}, False),
        ]
        assert user.page.script.evals == []


def test_eval_js_returns_the_page_answer(serve_app, make_app):
    answers = {
        "location.href": "http://example.test/?app=index",
        "[1, 2.5, true, null, {a: 'b'}]": [1, 2.5, True, None, {"a": "b"}],
        "undefined": None,
        "new Promise(r => setTimeout(() => r(42), 10))": 42,
    }

    def scenario():
        results = []
        for code in answers:
            results.append((yield eval_js(code)))
        put_text(json.dumps(results))

    with serve_app(make_app(scenario)) as server, server.client(js=answers) as user:
        user.should_see(json.dumps(list(answers.values())))
        assert [spec["eval"] for _, spec in user.page.script.evals] == [True] * 4


def test_eval_js_passes_its_arguments_as_variables(serve_app, make_app):
    def page(code, args):
        assert code == "a + b.length"
        return args["a"] + len(args["b"])

    def scenario():
        value = yield eval_js("a + b.length", a=100, b="xyz", expression="may be an argument")
        put_text(f"value {value}")

    with serve_app(make_app(scenario)) as server, server.client(js=page) as user:
        user.should_see("value 103")
        (_, spec) = user.page.script.evals[0]
        assert spec["args"]["expression"] == "may be an argument"


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (
            JsFailure("x is not a function", name="TypeError"),
            "thrown|TypeError|x is not a function|eval_js() threw TypeError: x is not a function",
        ),
        (
            JsFailure("nope", name="", reason="rejected"),
            "rejected||nope|the Promise of eval_js() was rejected: nope",
        ),
        (
            JsFailure("the value is a HTMLBodyElement", name="TypeError", reason="unserializable"),
            "unserializable|TypeError|the value is a HTMLBodyElement|cannot be sent to Python",
        ),
    ],
)
def test_a_js_failure_raises_js_error_in_the_app(serve_app, make_app, failure, expected):
    def scenario():
        try:
            yield eval_js("broken()")
        except JSError as exc:
            put_text(f"{exc.reason}|{exc.name}|{exc.message}|{exc}")
        # The session goes on after the error.
        name = yield input("name")
        put_text(f"hello {name}")

    with serve_app(make_app(scenario)) as server, server.client(js={"broken()": failure}) as user:
        reason, name, message, text = expected.split("|")
        shown = user.should_see(f"{reason}|{name}|{message}|")
        assert text in shown
        user.submit("Ada")
        user.should_see("hello Ada")


def test_an_unanswered_js_error_is_an_app_error_the_user_is_told_of(serve_app, make_app):
    def scenario():
        yield eval_js("broken()")
        put_text("not reached")

    failure = JsFailure("boom")
    with serve_app(make_app(scenario)) as server, server.client(js={"broken()": failure}) as user:
        user.wait_until(lambda page: page.toasts, "the error toast")
        assert "internal error" in user.page.toasts[0]["content"]
        user.should_not_see("not reached")


def test_malformed_or_misplaced_answers_are_dropped_and_logged(serve_app, make_app, caplog):
    def scenario():
        value = yield eval_js("slow()")
        put_text(f"got {value!r}")

    with serve_app(make_app(scenario)) as server, server.client(js={"slow()": NO_ANSWER}) as user:
        task_id = user.wait_until(lambda page: page.script.evals, "the eval")[0][0]
        with caplog.at_level(logging.INFO):
            # Not a js_result shape: the frame is refused as a whole (its seq is not used).
            for bad in ({"value": 1, "extra": 2}, {"reason": "odd", "name": "", "message": ""}, 7):
                (event,) = user.numbered(
                    {"event": JS_RESULT.name, "task_id": task_id, "data": bad}, consume=False
                )
                user.send_raw(json.dumps({"ack": user.page.last_seq, "events": [event]}))
            # Well formed, but for no pending task, or an event this task does not take.
            user.send_event(JS_RESULT.name, "t999", {"value": "stale"})
            user.send_event("pin_value", task_id, None)
            user.send_event(JS_RESULT.name, task_id, {"value": [1, "two"]})
            user.should_see("got [1, 'two']")
        assert "dropped client frame" in caplog.text
        assert "no pending task 't999'" in caplog.text
        assert "eval_js does not take 'pin_value' events" in caplog.text


def test_bad_script_arguments_fail_in_the_app(serve_app, make_app):
    def scenario():
        errors = []
        for call in (
            lambda: run_js("x", s={1, 2}),
            lambda: eval_js("x", f=math.nan),
            lambda: run_js("x", **{"new": 1}),
            lambda: run_js("x", **{"a-b": 1}),
        ):
            try:
                call()
            except (TypeError, ValueError) as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
        put_text("\n".join(errors))
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        text = user.should_see("run_js()")
        assert text.splitlines() == [
            "TypeError: run_js(): argument 's' is not JSON-serialisable: "
            "Object of type set is not JSON serializable",
            "TypeError: eval_js(): argument 'f' is not JSON-serialisable: "
            "it holds NaN, an infinity or a circular reference",
            "ValueError: run_js(): 'new' cannot name a JavaScript variable",
            "ValueError: run_js(): 'a-b' cannot name a JavaScript variable",
        ]
        assert user.page.script.runs == [] and user.page.script.evals == []


def two_apps(scenario):
    return {"index": scenario, "other": lambda: put_text("other app")}


def test_go_app_opens_an_app_of_the_server(serve_app, make_app):
    def scenario():
        go_app("other")
        go_app("index", new_window=False)
        yield input("keep the page")

    with serve_app(two_apps(make_app(scenario))) as server, server.client() as user:
        user.form()
        assert user.page.script.opened_apps == [("other", True), ("index", False)]


def test_go_app_to_an_unknown_app_names_the_known_ones(serve_app, make_app):
    def scenario():
        try:
            go_app("nowhere")
        except ValueError as exc:
            put_text(str(exc))
        yield input("keep the page")

    with serve_app(two_apps(make_app(scenario))) as server, server.client() as user:
        user.should_see(
            "go_app(): there is no app 'nowhere' on this server; its apps: ['index', 'other']"
        )
        assert user.page.script.opened_apps == []


def test_go_app_opens_any_name_when_the_server_cannot_list_its_apps(serve_app, make_app):
    def scenario():
        go_app("somewhere")
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server:
        named = server.endpoint.resolver

        class Unlisted:
            """A resolver without app_names(), as a custom one may be."""

            def resolve(self, request):
                return named.resolve(request)

        server.endpoint.resolver = Unlisted()
        with server.client() as user:
            user.form()
            assert user.page.script.opened_apps == [("somewhere", True)]


def test_the_page_may_answer_eval_js_with_half_the_servers_frame_limit(make_app):
    def scenario():
        yield eval_js("1")
        yield input("keep the page")

    app = make_app(scenario)
    with loopback(app, max_payload_size="1M") as server, server.client(js={"1": 1}) as user:
        user.form()
        assert user.page.script.evals[0][1]["max_size"] == 512 * 1024
