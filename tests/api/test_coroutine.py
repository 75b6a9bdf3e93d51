"""What only coroutine-based sessions can do: real asyncio composition of inputs and tasks."""

from __future__ import annotations

import asyncio

import pytest

from webio_core.input import NUMBER, input
from webio_core.output import put_buttons, put_text
from webio_core.session import run_async, run_asyncio_coroutine


def _form_labelled(page, label):
    return next((f for f in page.forms.values() if f.field()["label"] == label), None)


def test_gather_shows_two_forms_at_once(serve_app):
    async def app():
        a, b = await asyncio.gather(input("a"), input("b", type=NUMBER))
        put_text(f"a={a!r} b={b!r}")

    with serve_app(app) as server, server.client() as user:
        user.wait_until(lambda page: len(page.forms) == 2, "both forms at once")
        form_a = _form_labelled(user.page, "a")
        form_b = _form_labelled(user.page, "b")
        assert form_a.task_id != form_b.task_id
        # Answer in the other order: each answer reaches its own input.
        user.submit("7", form=form_b)
        user.wait_until(lambda page: form_b.task_id not in page.forms, "form b to go")
        assert form_a.task_id in user.page.forms
        user.should_not_see("a=")
        user.submit("x", form=form_a)
        user.should_see("a='x' b=7")


def test_wait_for_times_out_an_input(serve_app):
    async def app():
        try:
            await asyncio.wait_for(input("quick!"), timeout=0.3)
        except asyncio.TimeoutError:
            put_text("too slow")
        answer = await input("second")
        put_text(f"second={answer}")

    with serve_app(app) as server, server.client() as user:
        stale = user.form()
        user.should_see("too slow")
        second = user.wait_until(lambda page: _form_labelled(page, "second"), "the second form")
        # The abandoned form is closed on the server: a late answer to it is dropped...
        user.submit("late", form=stale)
        # ...and does not reach the input that is pending now.
        user.submit("ok", form=second)
        user.should_see("second=ok")
        user.should_not_see("second=late")


def test_run_async_runs_alongside_and_keeps_the_session(serve_app):
    async def app():
        async def worker():
            value = await input("worker asks")
            put_text(f"worker got {value}")

        handle = run_async(worker())
        put_text(f"started, closed={handle.closed()}")

    with serve_app(app) as server, server.client() as user:
        user.should_see("started, closed=False")
        # The app returned, but the background coroutine still waits: the session stays.
        user.submit("w")
        user.should_see("worker got w")
        # Nothing left to wait for: the session closes by itself.
        user.wait_closed()


def test_run_async_handle_close_cancels(serve_app):
    async def app():
        async def forever():
            await input("never")

        handle = run_async(forever())
        await asyncio.sleep(0)
        handle.close()
        while not handle.closed():
            await asyncio.sleep(0.01)
        put_text(f"cancelled, closed={handle.closed()}")

    with serve_app(app) as server, server.client() as user:
        user.should_see("cancelled, closed=True")
        user.wait_closed()


def test_async_callback_can_await_input(serve_app):
    async def app():
        async def ask():
            name = await input("callback asks")
            put_text(f"callback got {name}")

        put_buttons(["ask"], onclick=[ask])

    with serve_app(app) as server, server.client() as user:
        user.click("ask")
        user.submit("Ada")
        user.should_see("callback got Ada")
        assert not user.page.closed


def test_run_asyncio_coroutine(serve_app):
    async def app():
        async def compute():
            await asyncio.sleep(0.01)
            return 6 * 7

        put_text(f"result {await run_asyncio_coroutine(compute())}")

    with serve_app(app) as server, server.client() as user:
        user.should_see("result 42")


def test_run_async_refused_in_thread_sessions(serve_app):
    def app():
        async def nothing():
            pass

        coro = nothing()
        try:
            run_async(coro)
        except RuntimeError as exc:
            put_text(f"refused: {exc}")
        finally:
            coro.close()

    with serve_app(app) as server, server.client() as user:
        user.should_see("refused: run_async() is only available in coroutine-based sessions")


def test_run_asyncio_coroutine_refused_at_the_call_in_thread_sessions(serve_app):
    # A thread app never awaits, so the refusal must come from the call itself, as in PyWebIO.
    def app():
        async def nothing():
            pass

        try:
            run_asyncio_coroutine(nothing())
        except RuntimeError as exc:
            put_text(f"refused: {exc}")
        else:
            put_text("accepted")

    with serve_app(app) as server, server.client() as user:
        user.should_see("refused: run_asyncio_coroutine() is only available in coroutine-based")


@pytest.mark.parametrize("mutex", [False, True], ids=["plain", "mutex_mode"])
def test_mutex_mode_ignores_clicks_while_running(serve_app, mutex):
    async def app():
        release = asyncio.Event()
        runs = []

        async def slow():
            runs.append(1)
            put_text(f"run {len(runs)}")
            await release.wait()

        def finish():
            release.set()
            put_text(f"released after {len(runs)} runs")

        put_buttons(["slow"], onclick=[slow], mutex_mode=mutex)
        put_buttons(["finish"], onclick=[finish])

    with serve_app(app) as server, server.client() as user:
        user.click("slow")
        user.should_see("run 1")
        user.click("slow")
        if not mutex:
            user.should_see("run 2")
        user.click("finish")
        expected = 1 if mutex else 2
        user.should_see(f"released after {expected} runs")


def test_coroutine_callbacks_of_inputs_and_pins(serve_app):
    from webio_core.input import input_update, select
    from webio_core.pin import pin, pin_on_change, put_input

    async def on_country(country):
        await asyncio.sleep(0.01)
        input_update(options=[f"{country} city"])

    async def pick(set_value):
        await asyncio.sleep(0.01)
        set_value("picked")

    async def on_pin(value):
        await asyncio.sleep(0.01)
        put_text(f"pin said {value}")

    async def app():
        put_input("p")
        pin_on_change("p", on_pin)
        value = await select("Country", ["A", "B"], onchange=on_country)
        picked = await input("Pick", action=("Pick", pick))
        put_text(f"{value} {picked} {await pin.p}")

    with serve_app(app) as server, server.client() as user:
        form = user.form()
        user.change("data", 1)
        user.wait_until(lambda page: "data" in form.attributes, "the coroutine's input_update")
        assert form.attributes["data"]["options"][0]["label"] == "B city"
        user.submit(0)
        second = user.wait_until(lambda page: _form_labelled(page, "Pick"), "the second form")
        user.press_action("data", form=second)
        user.wait_until(lambda page: second.attributes.get("data"), "the coroutine's set_value")
        user.set_pin("p", "hello")
        user.should_see("pin said hello")
        user.submit("picked", form=second)
        user.should_see("B city picked hello")
