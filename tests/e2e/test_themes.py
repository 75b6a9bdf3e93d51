"""Themes change what the page looks like: screenshots of one app under each theme differ from
the default, the OS dark preference is followed by the default theme, and a theme's fonts are
served by the app's server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Callable

import pytest
from playwright.sync_api import expect

from webio_core import config
from webio_core.output import put_buttons, put_markdown, put_table, put_text
from webio_core.session import hold

THEMES = ["default", "dark", "sketchy", "minty", "yeti"]


def themed_app(theme: str) -> Callable[[], None]:
    @config(theme=theme, title=f"{theme} theme")
    def app() -> None:
        put_markdown("# Heading\nSome *text* and a [link](#x).")
        put_buttons(["Primary", "Other"], onclick=lambda _: None)
        put_table([["Name", "Value"], ["a", "1"]])
        put_text("plain text")
        hold()

    return app


@pytest.fixture
def screenshot(page: Any, _e2e_servers: Any) -> Iterator[Callable[[str], bytes]]:
    def take(theme: str) -> bytes:
        with _e2e_servers.host("tornado", themed_app(theme)) as hosted:
            page.goto(f"{hosted.url}?app={hosted.name}")
            expect(page.get_by_text("plain text")).to_be_visible()
            page.evaluate("document.fonts.ready")
            shot: bytes = page.screenshot()
            page.goto("about:blank")
            return shot

    yield take


def test_every_theme_looks_different_from_the_default(screenshot: Callable[[str], bytes]):
    shots = {theme: screenshot(theme) for theme in THEMES}
    # Rendering is deterministic: the same theme twice gives the same picture, so a difference
    # below comes from the theme, not from noise.
    assert screenshot("default") == shots["default"]
    for theme in THEMES[1:]:
        assert shots[theme] != shots["default"], f"the {theme} theme changed nothing"
    assert len(set(shots.values())) == len(THEMES)


def background_and_text(page: Any) -> list[str]:
    return page.evaluate(
        "() => { const s = getComputedStyle(document.body); return [s.backgroundColor, s.color]; }"
    )


def test_the_default_theme_follows_the_os_and_dark_stays_dark(browser: Any, _e2e_servers: Any):
    seen: dict[tuple[str, str], list[str]] = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        for theme in ("default", "dark"):
            with _e2e_servers.host("tornado", themed_app(theme)) as hosted:
                page.goto(f"{hosted.url}?app={hosted.name}")
                expect(page.get_by_text("plain text")).to_be_visible()
                expect(page).to_have_title(f"{theme} theme")
                mode = page.locator("html").get_attribute("data-bs-theme")
                seen[(scheme, theme)] = [str(mode), *background_and_text(page)]
                page.goto("about:blank")
        context.close()
    light = seen[("light", "default")]
    assert light[0] == "light" and light[1] == "rgb(255, 255, 255)"
    assert seen[("dark", "default")][0] == "dark"
    assert seen[("dark", "default")][1] != light[1]
    assert seen[("light", "dark")][0] == "dark" and seen[("dark", "dark")][0] == "dark"
    assert seen[("light", "dark")][1] == seen[("dark", "dark")][1] != light[1]


def test_a_theme_fonts_come_from_the_app_server(page: Any, _e2e_servers: Any):
    fonts: list[str] = []
    page.on(
        "response",
        lambda r: fonts.append(f"{r.status} {r.url}") if "webio-font-" in r.url else None,
    )
    with _e2e_servers.host("tornado", themed_app("sketchy")) as hosted:
        page.goto(f"{hosted.url}?app={hosted.name}")
        expect(page.get_by_text("plain text")).to_be_visible()
        page.evaluate("document.fonts.ready")
        assert fonts and all(line.startswith("200 ") for line in fonts), fonts
        assert all(line.split()[1].startswith(hosted.url.rstrip("/")) for line in fonts)
        family = page.evaluate("getComputedStyle(document.body).fontFamily")
        assert "Neucha" in family, family
        page.goto("about:blank")
