"""put_datatable: the spec (JS functions marked), selection and action callbacks with the row
ids the page sends, and the commands that change rows later."""

from __future__ import annotations

import pytest

from webio_core.input import input
from webio_core.output import (
    JSFunction,
    datatable_insert,
    datatable_remove,
    datatable_update,
    put_datatable,
    put_text,
)

RECORDS = [{"id": "a", "user": {"name": "Ada", "age": 36}}, {"id": "b", "user": {"name": "Bo"}}]


def test_spec_and_callbacks(serve_app, make_app):
    def scenario():
        put_datatable(
            RECORDS,
            actions=[
                ("Greet", lambda row: put_text(f"greet {row}")),
                None,
                ("Drop", lambda row: put_text(f"drop {row}")),
            ],
            onselect=lambda row: put_text(f"selected {row}"),
            id_field="id",
            height="auto",
            instance_id="users",
            column_args={"name": {"width": 100}, ("user", "age"): {"hide": True}},
            grid_args={"onSortChanged": JSFunction("event", "console.log(event)")},
        )
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        (spec,) = [s for s in user.page.outputs() if s["type"] == "datatable"]
        assert spec["actions"] == ["Greet", None, "Drop"] and spec["on_select"] is True
        assert spec["id_field"] == ["id"] and spec["height"] == "auto"
        assert spec["field_args"] == {"name": {"width": 100}}
        assert spec["path_args"] == [[["user", "age"], {"hide": True}]]
        marker = spec["js_function_key"]
        assert spec["grid_args"]["onSortChanged"] == {
            marker: True,
            "params": ["event"],
            "body": "console.log(event)",
        }
        callback = spec["callback_id"]
        user.send_event("datatable_action", callback, {"rows": ["b"], "action": None})
        user.should_see("selected b")
        user.send_event("datatable_action", callback, {"rows": ["a"], "action": 2})
        user.should_see("drop a")
        # A separator or an index past the actions is no action: dropped, and logged.
        user.send_event("datatable_action", callback, {"rows": ["a"], "action": 1})
        user.send_event("datatable_action", callback, {"rows": ["a"], "action": 0})
        user.should_see("greet a")
        assert "drop a" in user.texts() and user.texts().count("greet a") == 1


def test_multiple_select_gets_lists(serve_app, make_app):
    def scenario():
        put_datatable(RECORDS, onselect=lambda rows: put_text(f"rows {rows}"), multiple_select=True)
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        (spec,) = [s for s in user.page.outputs() if s["type"] == "datatable"]
        assert spec["id_field"] is None
        user.send_event("datatable_action", spec["callback_id"], {"rows": [0, 1], "action": None})
        user.should_see("rows [0, 1]")


def test_commands_by_instance(serve_app, make_app):
    def scenario():
        put_datatable(RECORDS, instance_id="t")
        datatable_update("t", [{"id": "c"}])
        datatable_update("t", {"id": "c", "user": {"name": "Cy"}}, row_id="c")
        datatable_update("t", "Cyd", row_id="c", field=("user", "name"))
        datatable_insert("t", {"id": "d"}, row_id="c")
        datatable_remove("t", "c")
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        commands = user.page.datatable_commands
        assert [c.get("row_id") for c in commands[:4]] == [None, "c", "c", "c"]
        assert commands[2]["field"] == ["user", "name"] and commands[2]["data"] == "Cyd"
        assert commands[3]["records"] == [{"id": "d"}]
        assert commands[4] == {"instance_id": "t", "row_ids": ["c"]}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"records": []}, "column_order is needed"),
        ({"records": RECORDS, "theme": "neon"}, "theme must be one of"),
        ({"records": RECORDS, "enterprise_key": "k"}, "enterprise edition is not bundled"),
    ],
)
def test_bad_arguments(serve_app, make_app, kwargs, message):
    def scenario():
        try:
            put_datatable(**kwargs)
        except ValueError as exc:
            put_text(f"refused: {exc}")
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        assert message in user.should_see("refused:")
