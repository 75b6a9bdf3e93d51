"""pin: widgets on the page, read (``await pin.x`` in coroutine apps), set, waited for and
watched; values of choices and files as the input functions give them."""

from __future__ import annotations

import itertools

import pytest

from webio_core.input import input
from webio_core.output import put_text
from webio_core.pin import (
    get_pin_values,
    pin,
    pin_on_change,
    pin_update,
    pin_wait_change,
    put_actions,
    put_checkbox,
    put_file_upload,
    put_input,
    put_radio,
    put_select,
    put_slider,
    put_textarea,
)


def read(name):
    """``pin[name]``, awaited in coroutine apps (the scenario yields it)."""
    return pin[name]


def test_every_widget_reads_as_the_input_function_returns(serve_app, make_app):
    def scenario():
        put_input("text", label="Text", value="hi")
        put_input("number", type="number", value=3)
        put_textarea("area", value="a\nb", code=True)
        put_select("one", [("A", {"a": 1}), ("B", 2)], value=2)
        put_select("many", ["x", "y", "z"], multiple=True, value=["x", "z"])
        put_checkbox("ticks", ["p", "q"], value=["q"])
        put_radio("radio", ["r", "s"])
        put_slider("level", value=4, max_value=9)
        put_actions("act", buttons=[("Go", "go")])
        yield put_text("ready")
        values = {}
        for name in ("text", "number", "area", "one", "many", "ticks", "radio", "level", "act"):
            values[name] = yield read(name)
        put_text(repr(values))

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see(
            "{'text': 'hi', 'number': 3, 'area': 'a\\nb', 'one': 2, 'many': "
            "['x', 'z'], 'ticks': ['q'], 'radio': None, 'level': 4, 'act': None}"
        )


def test_user_changes_are_read(serve_app, make_app):
    def scenario():
        put_select("one", [("A", "a"), ("B", "b")])
        put_actions("act", buttons=[("Go", "go"), ("Stop", "stop")])
        put_input("num", type="float")
        yield put_text("ready")
        yield pin_wait_change("num")
        put_text(repr([(yield read("one")), (yield read("act")), (yield read("num"))]))

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("ready")
        user.wait_until(lambda page: page.pins._waits, "the wait")
        user.set_pin("one", 1)
        user.set_pin("act", 1)
        user.set_pin("num", "2.5")
        user.should_see("['b', 'stop', 2.5]")


def test_attribute_and_item_access_and_missing_pins(serve_app, make_app):
    def scenario():
        put_input("name", value="Ada")
        by_attr = yield pin.name
        by_item = yield pin["name"]
        missing = yield pin.nobody
        put_text(f"{by_attr} {by_item} {missing!r}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("Ada Ada None")


def test_several_pins_at_once(serve_app, make_app):
    def scenario():
        put_input("a", value="A")
        put_select("b", [("B", {"b": 1})])
        put_file_upload("f")
        values = yield get_pin_values(["a", "nobody", "b", "f"])
        put_text(repr(values))

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("{'a': 'A', 'b': {'b': 1}, 'f': None}")


def test_strict_mode_refuses_missing_pins(serve_app, make_app):
    def scenario():
        pin.use_strict()
        try:
            yield pin.nobody
        except AssertionError as exc:
            put_text(f"strict: {exc}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see('strict: pin widget "nobody" does not exist')


def test_strict_mode_is_per_session(serve_app, make_app):
    numbers = itertools.count(1)

    def scenario():
        number = next(numbers)
        if number == 1:
            pin.use_strict()
        try:
            missing = yield pin.nobody
            put_text(f"{number}: lenient {missing!r}")
        except AssertionError:
            put_text(f"{number}: strict")

    with serve_app(make_app(scenario)) as server:
        with server.client() as first:
            first.should_see("1: strict")
        with server.client() as second:
            second.should_see("2: lenient None")


def test_assignment_and_pin_update(serve_app, make_app):
    def scenario():
        put_input("name", value="Ada")
        put_select("city", ["Paris", "Lyon"])
        yield put_text("ready")
        pin.name = "Grace"
        pin["city"] = "Lyon"
        pin_update("city", options=["Oslo", "Rome"], label="Town")
        put_text(repr([(yield read("name")), (yield read("city"))]))

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("['Grace', 'Oslo']")
        spec = user.page.pins.pins["city"].spec
        assert spec["label"] == "Town" and [o["label"] for o in spec["options"]] == ["Oslo", "Rome"]


def test_pin_update_of_a_missing_pin_is_an_error(serve_app, make_app):
    def scenario():
        try:
            pin_update("nobody", value=1)
        except ValueError as exc:
            put_text(str(exc))
        yield put_text("done")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("there is no pin 'nobody'")


def test_wait_change(serve_app, make_app):
    def scenario():
        put_input("a", type="number", value=0)
        put_input("b", type="number", value=0)
        yield put_text("ready")
        changed = yield pin_wait_change("a", "b")
        put_text(f"changed {changed}")
        nothing = yield pin_wait_change(["a"], timeout=0.2)
        put_text(f"timeout {nothing}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("ready")
        user.wait_until(lambda page: page.pins._waits, "the wait")
        user.set_pin("b", "5")
        user.should_see("changed {'name': 'b', 'value': 5}")
        user.should_see("timeout None")


def test_wait_change_needs_names(serve_app, make_app):
    def scenario():
        try:
            yield pin_wait_change()
        except ValueError as exc:
            put_text(str(exc))

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("at least one pin")


def test_on_change_callbacks_add_up_and_clear(serve_app, make_app):
    def scenario():
        put_select("s", ["x", "y"])
        pin_on_change("s", lambda v: put_text(f"first {v}"), init_run=True)
        pin_on_change("s", lambda v: put_text(f"second {v}"))
        yield put_text("ready")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("first x")
        user.should_see("ready")
        user.set_pin("s", 1)
        user.should_see("first y")
        user.should_see("second y")


def test_on_change_clear(serve_app, make_app):
    def scenario():
        put_input("t")
        pin_on_change("t", lambda v: put_text(f"old {v}"))
        pin_on_change("t", lambda v: put_text(f"new {v}"), clear=True)
        yield put_text("ready")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("ready")
        assert len(user.page.pins.pins["t"].listeners) == 1
        user.set_pin("t", "v")
        user.should_see("new v")
        user.should_not_see("old v")


def test_on_change_needs_a_callback_or_clear(serve_app, make_app):
    def scenario():
        put_input("t")
        try:
            pin_on_change("t")
        except ValueError as exc:
            put_text(str(exc))
        yield put_text("done")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("clear must be True")


def test_file_pin_uploads_when_read(serve_app, make_app):
    def scenario():
        put_file_upload("doc", multiple=True)
        yield put_text("ready")
        changed = yield pin_wait_change("doc")
        files = changed["value"]
        put_text(f"{changed['name']}: {[(f['filename'], f['content']) for f in files]}")
        again = yield pin.doc
        put_text(f"again {len(again)}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("ready")
        user.wait_until(lambda page: page.pins._waits, "the wait")
        user.set_pin("doc", files={"a.txt": b"A", "b.txt": b"BB"})
        user.should_see("doc: [('a.txt', b'A'), ('b.txt', b'BB')]")
        user.should_see("again 2")


def test_a_forged_pin_value_reads_as_none(serve_app, make_app):
    def scenario():
        put_slider("level", max_value=10)
        yield put_text("ready")
        changed = yield pin_wait_change("level")
        value = yield pin.level
        put_text(f"changed to {changed['value']!r}, level {value!r}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("ready")
        user.wait_until(lambda page: page.pins._waits, "the wait")
        user.set_pin("level", 99)
        user.should_see("changed to None, level None")


@pytest.mark.parametrize("name", ["use_strict"])
def test_reserved_name(serve_app, make_app, name):
    def scenario():
        try:
            put_input(name)
        except ValueError as exc:
            put_text(str(exc))
        yield put_text("done")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("reserved")


def test_a_change_between_two_waits_is_not_lost(serve_app, make_app):
    def scenario():
        put_input("src")
        yield put_text("ready")
        first = yield pin_wait_change("src")
        put_text(f"first {first['value']}")
        yield input("busy")  # no wait is pending while the app asks this
        second = yield pin_wait_change("src")
        put_text(f"second {second['value']}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("ready")
        user.wait_until(lambda page: page.pins._waits, "the first wait")
        user.set_pin("src", "a")
        user.should_see("first a")
        user.form()
        assert not user.page.pins._waits
        user.set_pin("src", "ab")
        user.submit("done")
        user.should_see("second ab")


def test_put_input_refuses_what_is_not_a_one_line_input():
    for refused in ("textarea", "select", "week"):
        with pytest.raises(ValueError, match="is not supported") as error:
            put_input("x", type=refused)
        supported = str(error.value).split("use one of ")[1]
        assert "'text'" in supported and "'password'" in supported
        assert "'textarea'" not in supported and "'select'" not in supported
