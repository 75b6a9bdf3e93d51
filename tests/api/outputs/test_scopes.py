"""Output scopes, checked on the page model the commands build."""

from __future__ import annotations

from webio_core.input import input
from webio_core.output import (
    clear,
    put_scope,
    put_text,
    remove,
    scroll_to,
    use_scope,
)
from webio_core.testing import recording_client


def _root_children(user):
    """ROOT's direct children: scope names, or the text of outputs."""
    return [
        getattr(child, "name", None) or child.get("content") for child in user.page.root.children
    ]


def test_use_scope_context_manager(serve_app, make_app):
    def scenario():
        put_text("before")
        with use_scope("box") as name:
            put_text(f"inside {name}")
            with use_scope("inner"):
                put_text("nested")
        put_text("after")
        yield input("wait")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        page = user.page
        assert "box" in page.scopes and "inner" in page.scopes
        assert page.texts("box") == ["inside box", "nested"]
        assert page.texts("inner") == ["nested"]
        assert _root_children(user) == ["before", "box", "after"]
        assert page.texts() == ["before", "inside box", "nested", "after"]


def test_use_scope_decorator_with_clear(serve_app, make_app):
    def scenario():
        @use_scope("status", clear=True)
        def show(message):
            put_text(message)

        show("first")
        show("second")
        put_text("outside")
        yield input("wait")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        assert user.page.texts("status") == ["second"]
        assert user.page.texts() == ["second", "outside"]


def test_use_scope_without_clear_appends(serve_app, make_app):
    def scenario():
        for word in ("a", "b"):
            with use_scope("log"):
                put_text(word)
        yield input("wait")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        assert user.page.texts("log") == ["a", "b"]
        assert _root_children(user) == ["log"], "the scope must be created once"


def test_clear_and_remove(serve_app, make_app):
    def scenario():
        with use_scope("keep"):
            put_text("k1")
            put_text("k2")
        with use_scope("gone"):
            put_text("g1")
        put_text("root text")
        yield input("go")
        clear("keep")
        remove("gone")
        put_text("k3", scope="keep")
        yield input("done")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        assert user.page.texts("keep") == ["k1", "k2"]
        assert user.page.texts("gone") == ["g1"]
        user.submit("x")
        user.should_see("k3")
        assert user.page.texts("keep") == ["k3"]
        assert "gone" not in user.page.scopes
        assert user.page.texts() == ["k3", "root text"]


def test_clear_current_scope_default(serve_app, make_app):
    def scenario():
        with use_scope("area"):
            put_text("old")
            clear()
            put_text("new")
        yield input("wait")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        assert user.page.texts("area") == ["new"]


def test_put_scope(serve_app, make_app):
    def scenario():
        put_text("top")
        put_scope("card", [put_text("line 1"), put_text("line 2")])
        put_text("into card", scope="card")
        put_scope("empty")
        yield input("wait")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        assert user.page.texts("card") == ["line 1", "line 2", "into card"]
        assert "empty" in user.page.scopes and user.page.texts("empty") == []
        assert _root_children(user) == ["top", "card", "empty"]
        # The embedded outputs were sent once, inside the scope, not also on their own.
        assert user.page.texts().count("line 1") == 1


def test_position_zero_inserts_first(serve_app, make_app):
    def scenario():
        put_text("second")
        put_text("third")
        put_text("first", position=0)
        with use_scope("list"):
            put_text("b")
        put_text("a", scope="list", position=0)
        put_text("z", scope="list", position=-1)
        yield input("wait")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        assert user.page.texts("list") == ["a", "b", "z"]
        assert _root_children(user) == ["first", "second", "third", "list"]


def test_use_scope_position_zero(serve_app, make_app):
    def scenario():
        put_text("body")
        with use_scope("header", position=0):
            put_text("title")
        yield input("wait")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        assert _root_children(user) == ["header", "body"]


def test_scroll_to_emits_command(serve_app, make_app):
    def scenario():
        with use_scope("target"):
            put_text("here")
        scroll_to("target", position="middle")
        yield input("wait")

    with serve_app(make_app(scenario)) as server, recording_client(server) as user:
        user.form()
        controls = [c["spec"] for c in user.page.named("output_ctl")]
        assert {"scroll_to": "target", "position": "middle"} in controls


def test_outputs_in_other_scope_from_callback(serve_app, make_app):
    from webio_core.output import put_button

    def scenario():
        put_scope("log")

        @use_scope("log")
        def note():
            put_text("noted")

        put_button("note", onclick=note)

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.click("note")
        user.click("note")
        user.wait_until(lambda page: page.texts("log") == ["noted", "noted"], "two notes in log")
