"""Tabs, collapsible sections, scrollable boxes, alert boxes and widgets; containers used as
context managers."""

from __future__ import annotations

import pytest

from webio_core.input import input
from webio_core.output import (
    put_collapse,
    put_error,
    put_info,
    put_markdown,
    put_scrollable,
    put_success,
    put_tabs,
    put_text,
    put_warning,
    put_widget,
)


def outputs_of(user, kind):
    return [spec for spec in user.page.outputs() if spec["type"] == kind]


def test_tabs_collapse_and_scrollable(serve_app, make_app):
    def scenario():
        put_tabs(
            [
                {"title": "One", "content": "first"},
                {"title": "Two", "content": [put_markdown("**second**"), "more"]},
            ]
        )
        put_collapse("Details", put_text("hidden"), open=True)
        put_scrollable(["a", "b"], height=(100, 300), keep_bottom=True, border=False)
        put_scrollable("c", height=50)
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        (tabs,) = outputs_of(user, "tabs")
        assert [t["title"] for t in tabs["tabs"]] == ["One", "Two"]
        assert [c["type"] for c in tabs["tabs"][1]["contents"]] == ["markdown", "text"]
        (collapse,) = outputs_of(user, "collapse")
        assert collapse["title"] == "Details" and collapse["open"] is True
        box, small = outputs_of(user, "scrollable")
        assert (box["min_height"], box["max_height"], box["keep_bottom"]) == (100, 300, True)
        assert box["border"] is False and (small["min_height"], small["max_height"]) == (50, 50)
        assert user.texts() == [
            "One",
            "Two",
            "first",
            "**second**",
            "more",
            "Details",
            "hidden",
            "a",
            "b",
            "c",
        ]


@pytest.mark.parametrize(
    ("function", "color"),
    [(put_info, "info"), (put_success, "success"), (put_warning, "warning"), (put_error, "danger")],
)
def test_alert_boxes(serve_app, make_app, function, color):
    def scenario():
        function("Saved", 42, put_markdown("*ok*"), closable=True)
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        (alert,) = outputs_of(user, "alert")
        assert alert["color"] == color and alert["closable"] is True
        assert [c["type"] for c in alert["contents"]] == ["text", "text", "markdown"]
        assert alert["contents"][1]["content"] == "42"


def test_containers_as_context_managers(serve_app, make_app):
    def scenario():
        with put_collapse("More"):
            put_text("inside collapse")
        with put_scrollable(height=100):
            put_text("inside box")
        with put_info("Note:"):
            put_text("inside info")
        put_text("outside")
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        for kind, text in [
            ("collapse", "inside collapse"),
            ("scrollable", "inside box"),
            ("alert", "inside info"),
        ]:
            (spec,) = outputs_of(user, kind)
            # The content the output was given, then what the block sent.
            scope = spec["contents"][-1]
            assert user.page.texts(scope.name)[-1] == text
        assert user.page.texts()[-1] == "outside", "after the block, outputs go where they went"


def test_outputs_without_a_content_area_refuse_with(serve_app, make_app):
    def scenario():
        try:
            with put_text("x"):
                pass
        except RuntimeError as exc:
            put_text(f"refused: {exc}")
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("refused: a text output cannot be used with 'with'")


def test_widget_data_carries_outputs(serve_app, make_app):
    template = (
        "<details><summary>{{title}}</summary>"
        "{{#contents}}{{& pywebio_output_parse}}{{/contents}}</details>"
    )

    def scenario():
        put_widget(
            template,
            {
                "title": "More",
                "contents": ["text", put_markdown("~~x~~"), {"n": float("nan")}, object()],
            },
        )
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        (widget,) = outputs_of(user, "widget")
        contents = widget["data"]["contents"]
        assert contents[0] == "text" and contents[1]["type"] == "markdown"
        assert contents[2] == {"n": "nan"}, "JSON has no NaN: sent as text"
        assert contents[3].startswith("<object object")
