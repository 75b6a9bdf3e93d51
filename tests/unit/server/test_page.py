"""The HTML page of an app: configuration JSON that cannot break out, escaping, static prefix."""

from __future__ import annotations

import json
import re

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
    }


@pytest.mark.parametrize(
    "name", [EVIL, "</SCRIPT>", "<!--<script>", "a&b", "\u2028\u2029", "é\"'\\"]
)
def test_app_name_cannot_break_out_of_the_config(name):
    html = page(app_name=name)
    assert config_json(html)["app"] == name
    # Exactly the scripts the page puts there, none injected or closed early.
    assert len(re.findall(r"<script", html, re.I)) == 2
    assert len(re.findall(r"</script", html, re.I)) == 2
    assert "<!--" not in html


def test_title_and_description_escaped():
    html = page(config=AppConfig(title=EVIL, description='say "hi" <b>'))
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--</title>" in html
    assert '<meta name="description" content="say &quot;hi&quot; &lt;b&gt;">' in html
    assert len(re.findall(r"<script", html, re.I)) == 2


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
