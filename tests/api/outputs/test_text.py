"""The output specs each ``put_*`` function and ``toast`` send, as the client receives them."""

from __future__ import annotations

from webio_core.input import input
from webio_core.output import (
    put_code,
    put_html,
    put_link,
    put_markdown,
    put_text,
    toast,
)
from webio_core.session import set_env
from webio_core.testing import recording_client


def _outputs_of(user, kind):
    return [spec for spec in user.page.outputs() if spec["type"] == kind]


def test_output_specs(serve_app, make_app):
    def scenario():
        put_text("plain", "words", sep="-")
        put_text("inline", inline=True).style("color: red")
        put_markdown(
            """
            # Title
            Some *text*
            """
        )
        put_html("<b>bold</b>")
        put_html("<i>clean</i>", sanitize=True)
        put_code("print(1)", language="python", rows=3)
        put_link("Docs", url="https://example.com/docs", new_window=True)
        put_link("Other app", app="other")
        yield input("wait")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        texts = _outputs_of(user, "text")
        assert texts[0] == {"type": "text", "content": "plain-words", "inline": False}
        assert texts[1]["inline"] is True and texts[1]["style"] == "color: red"

        (markdown,) = _outputs_of(user, "markdown")
        assert markdown["content"].strip() == "# Title\nSome *text*"
        assert markdown["sanitize"] is True

        raw_html, clean_html = _outputs_of(user, "html")
        assert (raw_html["content"], raw_html["sanitize"]) == ("<b>bold</b>", False)
        assert (clean_html["content"], clean_html["sanitize"]) == ("<i>clean</i>", True)

        (code,) = _outputs_of(user, "code")
        assert (code["content"], code["language"], code["rows"]) == ("print(1)", "python", 3)

        url_link, app_link = _outputs_of(user, "link")
        assert url_link == {
            "type": "link",
            "name": "Docs",
            "url": "https://example.com/docs",
            "app": None,
            "new_window": True,
        }
        assert (app_link["app"], app_link["url"], app_link["new_window"]) == ("other", None, False)

        # Everything arrived in the order it was put.
        assert [spec["type"] for spec in user.page.outputs()] == [
            "text",
            "text",
            "markdown",
            "html",
            "html",
            "code",
            "link",
            "link",
        ]


def test_toast(serve_app, make_app):
    def scenario():
        toast("Saved!", duration=3, position="right", color="success")
        toast("Click me", duration=0, onclick=lambda: put_text("toast clicked"))
        put_text("toasted")

    with serve_app(make_app(scenario)) as server, recording_client(server) as user:
        user.should_see("toasted")
        plain, clickable = user.page.toasts
        assert plain == {
            "content": "Saved!",
            "duration": 3,
            "position": "right",
            "color": "success",
            "callback_id": None,
        }
        assert clickable["content"] == "Click me" and clickable["duration"] == 0
        assert clickable["callback_id"], "a toast with onclick names its callback"
        # A toast click sends a callback event without data.
        user.send_event("callback", clickable["callback_id"], None)
        user.should_see("toast clicked")
        assert [c["command"] for c in user.page.commands].count("toast") == 2


def test_set_env(serve_app, make_app):
    def scenario():
        set_env(title="My page", output_max_width="600px")
        put_text("env set")

    with serve_app(make_app(scenario)) as server, recording_client(server) as user:
        user.should_see("env set")
        assert user.page.env == {"title": "My page", "output_max_width": "600px"}


def test_unreferenced_output_is_sent_once(serve_app, make_app):
    def scenario():
        put_text("once")
        styled = put_text("styled")
        styled.style("font-weight: bold")
        styled.send()
        styled.send()
        del styled
        yield input("wait")

    with serve_app(make_app(scenario)) as server, recording_client(server) as user:
        user.form()
        placed = [c["spec"] for c in user.page.named("output")]
        assert [(p["scope"], p["position"]) for p in placed] == [("ROOT", -1), ("ROOT", -1)]
        outputs = [p["output"] for p in placed]
        assert [o["content"] for o in outputs] == ["once", "styled"]
        assert outputs[1]["style"] == "font-weight: bold"


def test_app_error_shows_a_generic_toast(serve_app, make_app):
    def scenario():
        put_text("about to fail")
        raise RuntimeError("secret detail")

    with serve_app(make_app(scenario)) as server, recording_client(server) as user:
        user.wait_until(lambda page: bool(page.toasts), "the error toast")
        (error,) = user.page.toasts
        assert error["color"] == "error"
        assert "secret detail" not in error["content"]
        user.wait_closed()
