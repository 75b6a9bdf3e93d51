"""The busy state the page shows: on while the app works with nothing to ask, off while it
waits for the user (a form, a pin change) or has finished; on while a callback runs."""

from __future__ import annotations

import threading

from webio_core.input import input
from webio_core.output import put_buttons, put_text
from webio_core.pin import pin, pin_wait_change, put_input


def test_busy_until_the_app_asks_then_again_after_the_answer(serve_app, make_app):
    def scenario():
        put_text("working")
        name = yield input("Name")
        put_text(f"hello {name}")
        put_input("p", value="x")
        yield pin.p  # reading a pin is work, not a wait for the user
        yield pin_wait_change("p")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        assert user.page.busy == [True, False], "busy while starting, then waiting for the form"
        user.submit("Ada", form=form)
        user.should_see("hello Ada")
        user.wait_until(lambda page: page.pins._waits, "the pin wait")
        # Busy after the answer, through the pin read, until the app waits for a change.
        assert user.page.busy == [True, False, True, False]
        user.set_pin("p", "y")
        user.wait_until(lambda page: page.busy[-1] is False and len(page.busy) >= 6, "the end")
        assert user.page.busy == [True, False, True, False, True, False]


def test_busy_while_a_callback_runs(serve_app, make_app):
    release = threading.Event()

    def scenario():
        put_buttons(["Work"], onclick=lambda _: release.wait(5))
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        assert user.page.busy[-1] is False
        user.click("Work")
        user.wait_until(lambda page: page.busy[-1] is True, "busy during the callback")
        release.set()
        user.wait_until(lambda page: page.busy[-1] is False, "idle after it")
