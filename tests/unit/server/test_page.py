"""The HTML page of an app: configuration JSON that cannot break out, escaping, static prefix."""

from __future__ import annotations

import json
import re
import urllib.parse
from pathlib import Path

import pytest

from webio_core import __version__
from webio_core.config import AppConfig
from webio_core.protocol import PROTOCOL_VERSION
from webio_core.server.page import LOCAL_STATIC_PREFIX, render_page, static_prefix

EVIL = "</script><script>alert(1)</script><!--"


def page(app_name="index", config=None, cdn=True, transport="websocket", extra_head=""):
    return render_page(
        app_name=app_name,
        transport=transport,
        config=config or AppConfig(),
        cdn=cdn,
        max_payload=4096,
        extra_head=extra_head,
    )


def config_json(html: str) -> dict:
    """The page's configuration, read as the browser reads it: up to the first ``</script``."""
    start = html.index('<script type="application/json" id="webio-config">')
    start = html.index(">", start) + 1
    end = html.lower().index("</script", start)
    return json.loads(html[start:end])


def test_config_json():
    assert config_json(page(app_name="shop", transport="http")) == {
        "protocol": PROTOCOL_VERSION,
        "transport": "http",
        "app": "shop",
        "static": LOCAL_STATIC_PREFIX,
        "theme": "default",
        "max_payload": 4096,
    }


@pytest.mark.parametrize(
    "name", [EVIL, "</SCRIPT>", "<!--<script>", "a&b", "\u2028\u2029", "é\"'\\"]
)
def test_app_name_cannot_break_out_of_the_config(name):
    html = page(app_name=name)
    assert config_json(html)["app"] == name
    # Exactly the scripts the page puts there (the color mode, the client, its configuration),
    # none injected or closed early.
    assert len(re.findall(r"<script", html, re.I)) == 3
    assert len(re.findall(r"</script", html, re.I)) == 3
    assert "<!--" not in html


def test_title_and_description_escaped():
    html = page(config=AppConfig(title=EVIL, description='say "hi" <b>'))
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--</title>" in html
    assert '<meta name="description" content="say &quot;hi&quot; &lt;b&gt;">' in html
    assert len(re.findall(r"<script", html, re.I)) == 3


def test_default_title():
    assert "<title>webio_core app</title>" in page()


def test_files_escaped():
    html = page(config=AppConfig(js_file=('x.js"><script>bad()',), css_file=('y.css"><b',)))
    assert 'src="x.js&quot;&gt;&lt;script&gt;bad()"' in html
    assert 'href="y.css&quot;&gt;&lt;b"' in html


@pytest.mark.parametrize("cdn", [True, False, ""])
def test_local_static(cdn):
    assert static_prefix(cdn) == LOCAL_STATIC_PREFIX
    html = page(cdn=cdn)
    # In an attribute, & is written &amp; (the browser reads it back as &).
    assert f'src="?webio_static=webio.js&amp;v={__version__}"' in html
    assert f'href="?webio_static=webio.css&amp;v={__version__}"' in html
    assert config_json(html)["static"] == LOCAL_STATIC_PREFIX


@pytest.mark.parametrize("cdn", ["https://cdn.example.com/webio", "https://cdn.example.com/webio/"])
def test_cdn_url(cdn):
    assert static_prefix(cdn) == "https://cdn.example.com/webio/"
    html = page(cdn=cdn)
    assert 'src="https://cdn.example.com/webio/webio.js"' in html
    assert 'href="https://cdn.example.com/webio/webio.css"' in html
    assert "webio_static" not in html
    assert config_json(html)["static"] == "https://cdn.example.com/webio/"


def test_extra_head_and_user_code():
    html = page(
        config=AppConfig(js_code="console.log(1)", css_style="p{color:red}"),
        extra_head='<link rel="stylesheet" href="plugin.css">',
    )
    head, body = html.split("</head>")
    assert '<link rel="stylesheet" href="plugin.css">' in head
    assert "<style>p{color:red}</style>" in head
    assert "<script>console.log(1)</script>" in body


@pytest.mark.parametrize(
    ("theme", "sheet", "mode"),
    [
        (None, "webio.css", None),
        ("default", "webio.css", None),
        ("dark", "webio.css", "dark"),
        ("sketchy", "webio-sketchy.css", None),
        ("minty", "webio-minty.css", None),
        ("yeti", "webio-yeti.css", None),
    ],
)
def test_themes(theme, sheet, mode):
    html = page(config=AppConfig(theme=theme))
    assert f'href="?webio_static={sheet}&amp;v=' in html
    assert config_json(html)["theme"] == (theme or "default")
    assert ('<html data-bs-theme="dark">' in html) == (mode == "dark")
    # The default theme follows the system's preference, set before the stylesheet applies.
    follows = "prefers-color-scheme: dark" in html.split('rel="stylesheet"')[0]
    assert follows == (theme in (None, "default"))


def test_every_theme_has_its_stylesheet_built():
    from webio_core import STATIC_PATH
    from webio_core.protocol.constants import THEMES
    from webio_core.server.page import stylesheet

    for theme in THEMES:
        assert (Path(STATIC_PATH) / stylesheet(theme)).is_file(), theme


def test_unknown_theme_is_a_clear_error(monkeypatch):
    from webio_core import config
    from webio_core.config import app_config

    with pytest.raises(ValueError, match="unknown theme 'neon'; the themes are default, dark"):
        config(theme="neon")
    monkeypatch.setenv("PYWEBIO_THEME", "neon")
    with pytest.raises(ValueError, match="PYWEBIO_THEME: unknown theme 'neon'"):
        app_config(lambda: None)
    monkeypatch.setenv("PYWEBIO_THEME", "minty")
    assert app_config(lambda: None).theme == "minty"


def test_manifest():
    def manifest_of(html):
        match = re.search(r'rel="manifest" href="data:application/manifest\+json,([^"]+)"', html)
        return None if match is None else json.loads(urllib.parse.unquote(match.group(1)))

    default = manifest_of(page(config=AppConfig(title="Shop")))
    assert default["name"] == "Shop" and default["display"] == "standalone"
    assert default["icons"][0]["src"].startswith("?webio_static=icon.svg")
    assert manifest_of(page(config=AppConfig(manifest=False))) is None
    custom = page(config=AppConfig(manifest={"name": "Mine", "icon": "/i.png"}))
    assert manifest_of(custom)["name"] == "Mine"
    assert '<link rel="apple-touch-icon" href="/i.png">' in custom
