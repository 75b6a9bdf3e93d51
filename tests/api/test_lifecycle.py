"""Closing a session: deferred calls, pending inputs, and nothing left running."""

from __future__ import annotations

import threading

from webio_core.input import input
from webio_core.output import put_button, put_buttons, put_text
from webio_core.session import (
    SessionClosedException,
    defer_call,
    get_current_session,
)
from webio_core.session.context import bind_session
from webio_core.testing import eventually, only_session
from webio_core.testing.helpers import session_threads


def test_defer_call_runs_in_order_when_page_closes(serve_app, make_app):
    calls: list[str] = []

    def scenario():
        defer_call(lambda: calls.append("first"))

        @defer_call
        def second():
            calls.append("second")

        defer_call(lambda: calls.append("third"))
        put_text("ready")
        yield input("never answered")

    with serve_app(make_app(scenario)) as server:
        with server.client() as user:
            user.should_see("ready")
            user.form()
            assert calls == [], "deferred functions wait for the session to close"
        # The user closed the page; the server is still running.
        eventually(lambda: calls == ["first", "second", "third"], "the deferred calls, in order")
        eventually(lambda: server.sessions == [], "the session to be forgotten")


def test_defer_call_runs_when_app_returns(serve_app, make_app):
    calls: list[str] = []

    def scenario():
        defer_call(lambda: calls.append("done"))
        put_text("bye")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.wait_closed()
        eventually(lambda: calls == ["done"], "the deferred call")


def test_failing_deferred_call_does_not_stop_the_others(serve_app, make_app):
    calls: list[str] = []

    def scenario():
        defer_call(lambda: 1 / 0)
        defer_call(lambda: calls.append("still ran"))
        yield input("wait")

    with serve_app(make_app(scenario)) as server:
        with server.client() as user:
            user.form()
        eventually(lambda: calls == ["still ran"], "the second deferred call")


def test_pending_input_raises_session_closed(serve_app, make_app):
    seen: list[str] = []
    after = threading.Event()

    def scenario():
        try:
            yield input("Name")
        except SessionClosedException:
            seen.append("SessionClosedException")
            after.set()
            raise
        seen.append("input returned")  # must not happen

    with serve_app(make_app(scenario)) as server:
        with server.client() as user:
            user.form()
        eventually(after.is_set, "SessionClosedException in the pending input")
        assert seen == ["SessionClosedException"]


def test_session_api_refuses_a_closed_session(serve_app, make_app):
    sessions: list = []

    def scenario():
        sessions.append(get_current_session())
        yield input("wait")

    with serve_app(make_app(scenario)) as server:
        with server.client() as user:
            user.form()
        session = eventually(lambda: sessions and sessions[0].closed and sessions[0], "the close")
        errors: list[BaseException] = []

        def late_output():
            # What a thread of the app that outlived its page would do.
            bind_session(session)
            try:
                put_text("too late")
            except SessionClosedException as exc:
                errors.append(exc)

        thread = threading.Thread(target=late_output)
        thread.start()
        thread.join(5)
        assert len(errors) == 1


def test_no_threads_or_tasks_left_after_page_closes(serve_app, make_app, session_kind):
    def scenario():
        put_button("click", onclick=lambda: put_text("clicked"))
        put_buttons(["serial"], onclick=[lambda: put_text("serial")], serial_mode=True)
        yield input("pending")

    with serve_app(make_app(scenario)) as server:
        with server.client() as user:
            user.click("click")
            user.should_see("clicked")
            user.click("serial")
            user.should_see("serial")
            session = only_session(server)
            assert session.is_coroutine == (session_kind == "coroutine")
            prefix = f"-{session.short_id}"
            assert session.is_coroutine or any(
                t.name.endswith(prefix) for t in session_threads()
            ), "a thread session runs its app in a thread of its own"
        # Page closed, server still running: everything of that session must stop.
        eventually(lambda: session.closed, "the session to close")

        def nothing_left():
            threads = [t for t in session_threads() if t.name.endswith(prefix)]
            if session.is_coroutine:
                return not threads and not session.tasks
            return not threads and not any(t.is_alive() for t in session.threads)

        eventually(nothing_left, "the session's threads and tasks to end")
