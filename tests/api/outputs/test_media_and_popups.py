"""Images, files, progress bars, loading signs, popups, the deprecated ``style()`` and
``output()``, ``set_scope`` / ``get_scope`` and clicks on outputs."""

from __future__ import annotations

import base64
import io
import warnings

import pytest

from webio_core.input import input
from webio_core.output import (
    close_popup,
    get_scope,
    output,
    popup,
    put_file,
    put_image,
    put_loading,
    put_processbar,
    put_progressbar,
    put_table,
    put_text,
    set_processbar,
    set_progressbar,
    set_scope,
    style,
    use_scope,
)

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def outputs_of(user, kind):
    return [spec for spec in user.page.outputs() if spec["type"] == kind]


def test_images_from_bytes_pil_and_urls(serve_app, make_app):
    from PIL import Image

    photo = Image.new("RGB", (3, 2), "red")

    def scenario():
        put_image(PNG, format="png", title="dot", width="10px")
        put_image(photo)
        put_image("https://example.org/a.png", height="5")
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        data, pil, url = outputs_of(user, "image")
        assert data["src"] == "data:image/png;base64," + base64.b64encode(PNG).decode()
        assert (data["alt"], data["width"], data["height"]) == ("dot", "10px", None)
        # A new PIL image has no format of its own: JPEG, as in PyWebIO.
        assert pil["src"].startswith("data:image/jpeg;base64,")
        jpeg = base64.b64decode(pil["src"].split(",", 1)[1])
        assert Image.open(io.BytesIO(jpeg)).size == (3, 2)
        assert url["src"] == "https://example.org/a.png" and url["height"] == "5"


def test_put_file_downloads_on_click(serve_app, make_app):
    content = bytes(range(256))

    def scenario():
        put_file("data.bin", content, label="Get it")
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.click("Get it")
        user.wait_until(lambda page: page.downloads, "the download")
        assert user.page.downloads == [("data.bin", content)]


def test_progressbars(serve_app, make_app):
    def scenario():
        put_progressbar("job", 0.25, auto_close=True)
        put_processbar("other", label="waiting")
        set_progressbar("job", 0.5)
        set_processbar("other", 1, label="done")
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        job, other = outputs_of(user, "progressbar")
        assert (job["name"], job["value"], job["auto_close"]) == ("job", 0.5, True)
        assert (other["value"], other["label"]) == (1.0, "done")
        assert user.texts()[:2] == ["50.0%", "done"]


def test_loading_sign_as_a_context_manager(serve_app, make_app):
    def scenario():
        put_loading(shape="grow", color="primary")
        with put_loading() as scope:
            put_text(f"working in {scope}")
            yield input("during")
        put_text("after")
        yield input("after")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        grow, spinning = outputs_of(user, "loading")
        assert (grow["shape"], grow["color"]) == ("grow", "primary")
        assert spinning["shape"] == "border"
        scope = user.should_see("working in").split()[-1]
        assert scope in user.page.scopes
        user.submit("x")
        user.should_see("after")
        # The sign and the block's outputs went with the block.
        assert scope not in user.page.scopes
        assert not any(t.startswith("working") for t in user.texts())
        assert len(outputs_of(user, "loading")) == 1


@pytest.mark.parametrize(("shape", "color"), [("square", "dark"), ("border", "pink")])
def test_loading_refuses_unknown_looks(serve_app, make_app, shape, color):
    def scenario():
        try:
            put_loading(shape=shape, color=color)
        except ValueError as exc:
            put_text(f"refused: {exc}")
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("refused:")


def test_popup_content_context_and_close(serve_app, make_app):
    def scenario():
        popup("Hello", ["first", put_table([["a"]])], size="large", implicit_close=False)
        put_text("under the popup")
        with popup("Second", closable=False):
            put_text("inside the second")
        yield input("close it?")
        close_popup()
        put_text("closed")
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        spec = user.page.popup_spec
        assert (spec["title"], spec["size"], spec["closable"]) == ("Second", "normal", False)
        assert user.page.texts(spec["scope"]) == ["inside the second"]
        assert "under the popup" in user.texts() and "Hello" not in user.texts()
        user.submit("yes")
        user.should_see("closed")
        assert user.page.popup is None


def test_popup_size_is_checked(serve_app, make_app):
    def scenario():
        try:
            popup("x", size="huge")
        except ValueError as exc:
            put_text(str(exc))
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("size must be one of small, normal, large")


def test_onclick_on_any_output(serve_app, make_app):
    def scenario():
        put_text("click me").onclick(lambda: put_text("clicked"))
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        (spec,) = [s for s in user.page.outputs() if s.get("content") == "click me"]
        user.send_event("callback", spec["click_callback_id"], None)
        user.should_see("clicked")


def test_deprecated_style_and_output(serve_app, make_app):
    def scenario():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            style([put_text("a"), put_text("b")], "color: red")
            hobby = output(put_text("Coding"))
        put_table([["Hobbies", hobby]])
        hobby.append("Music", put_text("Drawing"))
        hobby.insert(0, "Cooking")
        yield input("reset?")
        hobby.reset("Nothing")
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        styled = [s for s in user.page.outputs() if s.get("content") in ("a", "b")]
        assert all(s["style"] == "color: red" for s in styled)
        assert user.texts()[-5:] == ["Hobbies", "Cooking", "Coding", "Music", "Drawing"]
        user.submit("yes")
        user.wait_until(lambda page: page.texts()[-1] == "Nothing", "the reset")


def test_set_scope_and_get_scope(serve_app, make_app):
    def scenario():
        set_scope("box")
        set_scope("inner", container_scope="box", position=0)
        with use_scope("box"):
            put_text(f"in {get_scope()} under {get_scope(-2)}; {get_scope(-9)}")
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("in box under ROOT; None")
        assert "inner" in user.page.scopes
