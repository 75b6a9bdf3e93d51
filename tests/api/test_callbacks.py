"""Button callbacks, ``session.local``, and when a session closes by itself."""

from __future__ import annotations

from webio_core.input import input
from webio_core.output import put_button, put_buttons, put_text
from webio_core.session import local
from webio_core.testing import eventually, only_session, task_finished


def test_put_buttons_single_function_receives_value(serve_app, make_app):
    def scenario():
        put_buttons(
            ["Plain", ("Pair", 2), {"label": "Dict", "value": "d-value"}],
            onclick=lambda value: put_text(f"clicked {value!r}"),
        )

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.click("Pair")
        user.should_see("clicked 2")
        user.click("Dict")
        user.should_see("clicked 'd-value'")
        user.click("Plain")
        user.should_see("clicked 'Plain'")
        assert [t for t in user.texts() if t.startswith("clicked")] == [
            "clicked 2",
            "clicked 'd-value'",
            "clicked 'Plain'",
        ]


def test_put_buttons_list_of_functions(serve_app, make_app):
    def scenario():
        put_buttons(
            ["Left", "Right"],
            onclick=[lambda: put_text("went left"), lambda: put_text("went right")],
        )

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.click("Right")
        user.should_see("went right")
        user.should_not_see("went left")
        user.click("Left")
        user.should_see("went left")


def test_put_button(serve_app, make_app):
    def scenario():
        put_button("Press me", onclick=lambda: put_text("pressed"), color="success")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        spec = user.wait_until(
            lambda page: next((s for s in page.outputs() if s["type"] == "buttons"), None),
            "the button",
        )
        assert spec["buttons"] == [{"label": "Press me", "color": "success", "disabled": False}]
        user.click("Press me")
        user.should_see("pressed")


def test_serial_callbacks_run_in_click_order(serve_app, make_app):
    def scenario():
        # Thread sessions run each click in a thread of its own unless serial_mode is set;
        # coroutine sessions run plain callbacks on their loop, in order.
        put_buttons(
            [str(i) for i in range(5)], onclick=lambda v: put_text(f"n{v}"), serial_mode=True
        )

    with serve_app(make_app(scenario)) as server, server.client() as user:
        for label in ["3", "1", "4", "0", "2"]:
            user.click(label)
        user.wait_until(lambda page: len(page.texts()) == 10, "five answers")
        assert user.texts()[5:] == ["n3", "n1", "n4", "n0", "n2"]


def test_local_counter_across_callbacks(serve_app, make_app):
    def scenario():
        local.count = 0

        def increment():
            local.count += 1
            put_text(f"count={local.count}")

        put_button("+1", onclick=increment)

    with (
        serve_app(make_app(scenario)) as server,
        server.client() as alice,
        server.client() as bob,
    ):
        for expected in (1, 2, 3):
            alice.click("+1")
            alice.should_see(f"count={expected}")
        # Each session has its own ``local``.
        bob.click("+1")
        bob.should_see("count=1")
        bob.should_not_see("count=2")
        alice.click("+1")
        alice.should_see("count=4")


def test_session_closes_when_task_returns_without_callbacks(serve_app, make_app):
    def scenario():
        name = yield input("Name")
        put_text(f"bye {name}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.submit("Ada")
        user.should_see("bye Ada")
        user.wait_closed()
        assert user.page.closed
        assert server.sessions == []


def test_session_stays_open_with_buttons(serve_app, make_app):
    def scenario():
        put_button("Again", onclick=lambda: put_text("clicked after return"))
        put_text("task done")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("task done")
        session = only_session(server)
        eventually(lambda: task_finished(session), "the app function to return")
        user.click("Again")
        user.should_see("clicked after return")
        assert not user.page.closed
        assert not session.closed
        assert server.sessions == [session]


def test_callback_runs_while_input_pending(serve_app, make_app):
    def scenario():
        def ask():
            put_text("asking")

        put_button("Ask", onclick=ask)
        answer = yield input("Main question")
        put_text(f"main {answer}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.click("Ask")
        user.should_see("asking")
        user.submit("yes")
        user.should_see("main yes")
        # The button is still live after the app returned.
        user.click("Ask")
        user.wait_until(lambda page: page.texts().count("asking") == 2, "a second answer")


def test_thread_callback_can_ask_for_input(serve_app):
    """Thread sessions run each click in a thread of its own, which may block in input()."""

    def app():
        def ask():
            name = input("callback asks")
            put_text(f"callback got {name}")

        put_buttons(["ask"], onclick=[ask])
        put_buttons(["other"], onclick=[lambda: put_text("other ran")])
        put_text("ready")

    with serve_app(app) as server, server.client() as user:
        user.should_see("ready")
        user.click("ask")
        form = user.form()
        # The waiting callback does not hold up the other buttons.
        user.click("other")
        user.should_see("other ran")
        user.submit("Ada", form=form)
        user.should_see("callback got Ada")
        # Left waiting when the page closes: the callback's thread must end with the session
        # (checked by the no_leaked_threads fixture).
        user.click("ask")
        user.wait_until(lambda page: len(page.forms) == 1, "the callback's second form")
