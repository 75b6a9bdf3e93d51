"""What every backend carries for every page: inputs with validation, outputs, clicks, toasts and
scopes, eval_js answers, in thread- and coroutine-based apps, each page in a session of its own."""

from __future__ import annotations

import pytest

from webio_core.input import NUMBER, actions, input
from webio_core.output import clear, put_buttons, put_markdown, put_text, toast, use_scope
from webio_core.session import JSError, eval_js, info

pytestmark = pytest.mark.usefixtures("webio_no_leaked_threads")


def test_input_validation_and_outputs(webio_host, make_app):
    def scenario():
        age = yield input("Age", type=NUMBER, validate=lambda v: "too young" if v < 18 else None)
        put_markdown(f"**{age}** years")
        put_text(f"age {age}")

    with webio_host(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        user.submit("12")
        assert user.wait_until(lambda page: form.error(), "the validation error") == "too young"
        user.submit("30", form=form)
        user.should_see("age 30")
        user.should_see("**30** years")


def test_clicks_actions_and_toasts(webio_host, make_app):
    def scenario():
        put_buttons(["one", "two"], onclick=lambda value: put_text(f"clicked {value}"))
        choice = yield actions("Pick", ["left", ("Right", "right-value")])
        toast(f"picked {choice}")
        yield input("keep the page")

    with webio_host(make_app(scenario)) as server, server.client() as user:
        user.click("two")
        user.should_see("clicked two")
        user.click_action("Right")
        user.wait_until(lambda page: page.toasts, "the toast")
        assert user.page.toasts[0]["content"] == "picked right-value"


def test_scopes(webio_host, make_app):
    def scenario():
        with use_scope("box"):
            put_text("inside")
        put_text("outside")
        name = yield input("clear?")
        clear("box")
        put_text(f"cleared by {name}", scope="box")
        yield input("keep the page")

    with webio_host(make_app(scenario)) as server, server.client() as user:
        user.should_see("outside")
        assert user.page.texts("box") == ["inside"]
        user.submit("Ada")
        user.wait_until(lambda page: page.texts("box") == ["cleared by Ada"], "the new scope text")


def test_each_page_has_its_own_session(webio_host, make_app):
    def scenario():
        name = yield input("name?")
        put_text(f"hello {name}")
        yield input("keep the page")

    with webio_host(make_app(scenario)) as server:
        ada, bob = server.client().connect(), server.client().connect()
        try:
            ada.submit("Ada")
            bob.submit("Bob")
            ada.should_see("hello Ada")
            bob.should_see("hello Bob")
            ada.should_not_see("hello Bob")
            assert len(server.sessions) == 2
        finally:
            ada.close()
            bob.close()


def test_session_info_names_the_backend(webio_host, make_app, webio_backend):
    def scenario():
        put_text(f"{info.backend} over {info.protocol}")
        yield input("keep the page")

    with webio_host(make_app(scenario)) as server, server.client() as user:
        user.should_see(f"{webio_backend} over {server.transport}")


def test_eval_js_answers_come_back(webio_host, make_app):
    def scenario():
        value = yield eval_js("({answer: a * 2})", a=21)
        try:
            yield eval_js("missing()")
        except JSError as exc:
            put_text(f"error: {exc.message}")
        put_text(f"value: {value}")
        yield input("keep the page")

    answers = {"({answer: a * 2})": {"answer": 42}}
    with webio_host(make_app(scenario)) as server, server.client(js=answers) as user:
        user.should_see("value: {'answer': 42}")
        user.should_see("error: the test page has no answer for 'missing()'")
