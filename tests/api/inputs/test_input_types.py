"""``input()`` beyond text: every type, suggestions, extra HTML attributes, the action button
with ``set_value``, and ``onchange`` with ``input_update``."""

from __future__ import annotations

import pytest

from webio_core.input import (
    COLOR,
    DATE,
    DATETIME,
    DATETIME_LOCAL,
    NUMBER,
    TIME,
    URL,
    input,
    input_group,
    input_update,
    select,
)
from webio_core.output import put_text


@pytest.mark.parametrize(
    ("kind", "typed"),
    [
        (URL, "https://example.org/a?b=c"),
        (DATE, "2026-11-21"),
        (TIME, "13:45"),
        (COLOR, "#12ab9f"),
        (DATETIME_LOCAL, "2026-11-21T13:45"),
    ],
)
def test_every_text_type_round_trips_as_a_string(serve_app, make_app, kind, typed):
    def scenario():
        value = yield input("Value", type=kind)
        put_text(f"{value} ({type(value).__name__})")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        assert user.form().field()["type"] == kind
        user.submit(typed)
        user.should_see(f"{typed} (str)")


def test_datetime_is_datetime_local():
    assert DATETIME == DATETIME_LOCAL == "datetime-local"


def test_unknown_type_is_refused_with_the_known_ones(serve_app, make_app):
    def scenario():
        try:
            yield input("x", type="week")
        except ValueError as exc:
            put_text(str(exc))

    with serve_app(make_app(scenario)) as server, server.client() as user:
        text = user.should_see("not supported")
        assert "'datetime-local'" in text and "'text'" in text


def test_datalist_and_safe_html_attributes_reach_the_page(serve_app, make_app):
    def scenario():
        city = yield input(
            "City", datalist=["Paris", "Lyon"], autocomplete="off", maxlength=20, data_kind="city"
        )
        put_text(city)

    with serve_app(make_app(scenario)) as server, server.client() as user:
        field = user.form().field()
        assert field["datalist"] == ["Paris", "Lyon"]
        assert field["html_attrs"] == {"autocomplete": "off", "maxlength": 20, "data-kind": "city"}
        user.submit("Lyon")
        user.should_see("Lyon")


@pytest.mark.parametrize("attrs", [{"onclick": "alert(1)"}, {"onfocus": "x"}, {"src": "x.js"}])
def test_unsafe_html_attributes_are_refused_clearly(serve_app, make_app, attrs):
    def scenario():
        try:
            yield input("x", **attrs)
        except ValueError as exc:
            put_text(f"refused: {exc}")
        name = yield input("after")
        put_text(f"then {name}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        text = user.should_see("refused:")
        assert repr(next(iter(attrs))) in text
        user.submit("ok")
        user.should_see("then ok")


def test_action_sets_a_value(serve_app, make_app):
    def now(set_value):
        set_value(1_700_000_000)

    def scenario():
        ts = yield input("Timestamp", type=NUMBER, action=("Now", now))
        put_text(f"{ts!r}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        assert form.field()["action"]["label"] == "Now"
        user.press_action("data")
        user.wait_until(lambda page: form.attributes.get("data", {}).get("value"), "set_value")
        assert form.attributes["data"]["value"] == "1700000000"
        user.submit("1700000000")
        user.should_see("1700000000")


def test_action_with_a_label_returns_any_object(serve_app, make_app):
    marker = object()

    def pick(set_value):
        set_value(marker, "the marker")

    def scenario():
        value = yield input("Thing", action=("Pick", pick), readonly=True)
        put_text("got the marker" if value is marker else f"got {value!r}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        user.press_action("data")
        user.wait_until(lambda page: "readonly" in form.attributes.get("data", {}), "set_value")
        assert form.attributes["data"] == {"value": "the marker", "readonly": True}
        user.submit("the marker")
        user.should_see("got the marker")


def test_a_read_only_field_keeps_its_value(serve_app, make_app):
    def scenario():
        value = yield input("Fixed", value="server's", readonly=True)
        put_text(f"got {value}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.submit("forged")
        user.should_see("got server's")


def test_onchange_updates_another_field(serve_app, make_app):
    cities = {"France": ["Paris", "Lyon"], "Japan": ["Tokyo", "Osaka"]}

    def scenario():
        data = yield input_group(
            "Where",
            [
                select(
                    "Country",
                    list(cities),
                    name="country",
                    onchange=lambda c: input_update("city", options=cities[c]),
                ),
                select("City", cities["France"], name="city"),
            ],
        )
        put_text(f"{data['country']}/{data['city']}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        assert form.field("country")["onchange"] and not form.field("city")["onchange"]
        user.change("country", 1)
        user.wait_until(lambda page: "city" in form.attributes, "the cities to change")
        labels = [o["label"] for o in form.attributes["city"]["options"]]
        assert labels == ["Tokyo", "Osaka"]
        # The server maps indices with the new options.
        user.submit(country=1, city=1)
        user.should_see("Japan/Osaka")


def test_input_update_outside_onchange_is_an_error(serve_app, make_app):
    def scenario():
        try:
            input_update("x", label="y")
        except RuntimeError as exc:
            put_text(str(exc))
        yield put_text("done")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("can only be called in an onchange callback")


def test_input_update_refuses_fixed_parameters(serve_app, make_app):
    def change(value):
        input_update(type="password")

    def scenario():
        value = yield input("x", onchange=change)
        put_text(f"still fine: {value}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.change("data", "a")
        user.submit("b")
        user.should_see("still fine: b")


def test_onchange_gets_converted_values(serve_app, make_app):
    seen = []

    def scenario():
        value = yield input("n", type=NUMBER, onchange=seen.append)
        put_text(f"{value} after {seen}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.change("data", "4")
        user.change("data", "4.")  # half typed: not a number yet, so no call
        user.change("data", "42")
        user.submit("42")
        user.should_see("42 after [4, 42]")
