"""select, checkbox and radio: option forms, pre-selection, required, and values that never
leave the server (forged indices are dropped, and the form still works)."""

from __future__ import annotations

import logging

import pytest

from webio_core.input import checkbox, input, radio, select
from webio_core.output import put_text
from webio_core.testing import eventually


class Point:
    def __init__(self, x: int) -> None:
        self.x = x


def test_select_returns_the_value_not_the_label(serve_app, make_app):
    point = Point(3)

    def scenario():
        chosen = yield select("Pick", [("Three", point), ("Four", 4)])
        put_text(f"x={chosen.x}" if chosen is point else repr(chosen))

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        assert [o["label"] for o in form.field()["options"]] == ["Three", "Four"]
        assert "value" not in form.field()["options"][0], "values stay on the server"
        user.submit(form.index("data", "Three"))
        user.should_see("x=3")


def test_option_forms_and_preselection(serve_app, make_app):
    options = [
        "plain",
        ("Tuple", "t"),
        ("Selected", "s", True),
        ("Off", "o", False, True),
        {"label": "Dict", "value": {"a": 1}, "disabled": False},
    ]

    def scenario():
        value = yield select("Pick", options)
        put_text(repr(value))

    with serve_app(make_app(scenario)) as server, server.client() as user:
        specs = user.form().field()["options"]
        assert [(o["label"], o["selected"], o["disabled"]) for o in specs] == [
            ("plain", False, False),
            ("Tuple", False, False),
            ("Selected", True, False),
            ("Off", False, True),
            ("Dict", False, False),
        ]
        user.submit(4)
        user.should_see("{'a': 1}")


def test_value_preselects(serve_app, make_app):
    def scenario():
        values = yield select("Pick", ["a", "b", "c"], multiple=True, value=["a", "c"])
        put_text(f"{values}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        assert [o["selected"] for o in user.form().field()["options"]] == [True, False, True]
        user.submit([0, 2])
        user.should_see("['a', 'c']")


def test_multiple_select_and_required(serve_app, make_app):
    def scenario():
        values = yield select("Pick", ["a", "b"], multiple=True, required=True)
        put_text(f"{values}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        user.submit([])
        assert user.wait_until(lambda page: form.error(), "the required error")
        assert form.ready == 1
        user.submit([1, 0], form=form)
        user.should_see("['a', 'b']")


def test_checkbox_returns_a_list(serve_app, make_app):
    def scenario():
        ticked = yield checkbox("Tick", ["x", "y", "z"], inline=True, value=["y"])
        put_text(f"{ticked}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        field = user.form().field()
        assert field["inline"] is True
        assert [o["selected"] for o in field["options"]] == [False, True, False]
        user.submit([])
        user.should_see("[]")


def test_radio_returns_one_value_or_none(serve_app, make_app):
    def scenario():
        first = yield radio("One", ["x", "y"])
        second = yield radio("Two", ["x", "y"], value="y")
        put_text(f"{first!r} {second!r}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.submit(data=None)
        second = user.wait_until(
            lambda page: next((f for f in page.forms.values() if f.field()["label"] == "Two"), 0),
            "the second radio",
        )
        assert [o["selected"] for o in second.field()["options"]] == [False, True]
        user.submit(1, form=second)
        user.should_see("None 'y'")


def test_required_radio(serve_app, make_app):
    def scenario():
        value = yield radio("One", ["x", "y"], required=True)
        put_text(repr(value))

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        user.submit(data=None)
        assert user.wait_until(lambda page: form.error(), "the required error")
        user.submit(0, form=form)
        user.should_see("'x'")


FORGED = {
    "index out of range": 7,
    "negative index": -1,
    "index as text": "0",
    "index as float": 0.5,
    "disabled option": 2,
    "a list for one choice": [0],
}


@pytest.mark.parametrize("forged", FORGED.values(), ids=FORGED.keys())
def test_forged_choices_are_dropped_and_the_form_still_works(serve_app, make_app, caplog, forged):
    def scenario():
        value = yield select("Pick", ["a", "b", ("c", "c", False, True)])
        put_text(f"chose {value}")
        again = yield input("Again")
        put_text(f"again {again}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        with caplog.at_level(logging.WARNING, logger="webio_core.session"):
            user.submit(forged)
            user.wait_until(lambda page: form.ready == 1, "the form to be given back")
            eventually(lambda: "dropped" in caplog.text, "the forged submission to be logged")
        user.should_not_see("chose")
        user.submit(1, form=form)
        user.should_see("chose b")
        user.submit("yes")
        user.should_see("again yes")


@pytest.mark.parametrize("forged", [[0, 0], [5], "0", 1, None])
def test_forged_multiple_choices_are_dropped(serve_app, make_app, forged):
    def scenario():
        value = yield checkbox("Tick", ["a", "b"])
        put_text(f"ticked {value}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        user.submit(forged)
        user.wait_until(lambda page: form.ready == 1, "the form to be given back")
        user.submit([1], form=form)
        user.should_see("ticked ['b']")


def test_ten_thousand_options(serve_app, make_app):
    options = [(f"option {i}", i) for i in range(10_000)]

    def scenario():
        values = yield select("Many", options, multiple=True)
        put_text(f"sum {sum(values)}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        assert len(form.field()["options"]) == 10_000
        user.submit(list(range(0, 10_000, 2)))
        user.should_see(f"sum {sum(range(0, 10_000, 2))}")


def test_options_are_required():
    with pytest.raises(TypeError, match="needs options"):
        select("x", name="x")
