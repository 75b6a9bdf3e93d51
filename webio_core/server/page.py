"""The HTML page that loads the browser client for one app."""

from __future__ import annotations

import html
import json
import urllib.parse
from typing import Any, Union

from .._version import __version__
from ..config import AppConfig
from ..protocol import PROTOCOL_VERSION
from ..protocol.constants import CONFIG_ELEMENT_ID, QUERY_STATIC, QUERY_VERSION, THEMES
from ..protocol.page import PageConfig, Theme, Transport

#: Light and dark are color modes of ``webio.css``; the other themes have a stylesheet each.
_COLOR_MODES = ("default", "dark")
_OWN_STYLESHEET = tuple(theme for theme in THEMES if theme not in _COLOR_MODES)
#: Set before the stylesheet applies, so that a dark system shows no light flash.
_FOLLOW_SYSTEM = (
    "<script>if(matchMedia('(prefers-color-scheme: dark)').matches)"
    "document.documentElement.setAttribute('data-bs-theme','dark')</script>"
)
ICON_FILE = "icon.svg"


def stylesheet(theme: str) -> str:
    return f"webio-{theme}.css" if theme in _OWN_STYLESHEET else "webio.css"


def manifest_links(config: AppConfig, icon_url: str) -> list[str]:
    """An inline web app manifest (so "add to home screen" works) and the touch icon."""
    if config.manifest is False:
        return []
    manifest: dict[str, Any] = {
        "name": config.title or "webio_core app",
        "description": config.description or "",
        "start_url": ".",
        "display": "standalone",
        "theme_color": "white",
        "background_color": "white",
        "icons": [{"src": icon_url, "type": "image/svg+xml", "sizes": "any"}],
    }
    if isinstance(config.manifest, dict):
        manifest.update(config.manifest)
    icon = manifest.pop("icon", None) or icon_url
    data = urllib.parse.quote(json.dumps(manifest))
    return [
        f'<link rel="apple-touch-icon" href="{html.escape(str(icon))}">',
        f'<link rel="manifest" href="data:application/manifest+json,{html.escape(data)}">',
    ]


LOCAL_STATIC_PREFIX = f"?{QUERY_STATIC}="


def static_prefix(cdn: Union[bool, str]) -> str:
    """Where the page loads the client from: the endpoint itself, or the URL given as ``cdn``.

    ``cdn=True`` (PyWebIO's default) also serves the client locally, so apps work offline;
    only a string sends browsers elsewhere.
    """
    if isinstance(cdn, str) and cdn:
        return cdn.rstrip("/") + "/"
    return LOCAL_STATIC_PREFIX


def _script_json(value: object) -> str:
    # Inside <script>, "</" could close the tag early: escape the characters that start markup.
    text = json.dumps(value)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_page(
    *,
    app_name: str,
    transport: Transport,
    config: AppConfig,
    cdn: Union[bool, str],
    max_payload: int,
    extra_head: str = "",
) -> str:
    prefix = static_prefix(cdn)
    version = f"&{QUERY_VERSION}={__version__}" if prefix == LOCAL_STATIC_PREFIX else ""
    title = html.escape(config.title or "webio_core app")
    theme: Theme = config.theme or "default"  # type: ignore[assignment]
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        # No favicon of our own: an empty one spares every page load a 404.
        '<link rel="icon" href="data:,">',
    ]
    if config.description:
        head.append(f'<meta name="description" content="{html.escape(config.description)}">')
    if theme == "default":
        head.append(_FOLLOW_SYSTEM)
    head.append('<meta name="color-scheme" content="light dark">')
    head.extend(manifest_links(config, prefix + ICON_FILE + version))
    sheet = prefix + stylesheet(theme) + version
    head.append(f'<link rel="stylesheet" href="{html.escape(sheet)}">')
    head.extend(f'<link rel="stylesheet" href="{html.escape(url)}">' for url in config.css_file)
    if config.css_style:
        head.append(f"<style>{config.css_style}</style>")
    head.append(f'<script defer src="{html.escape(prefix + "webio.js" + version)}"></script>')
    if extra_head:
        head.append(extra_head)
    client_config = PageConfig(
        protocol=PROTOCOL_VERSION,
        transport=transport,
        app=app_name,
        static=prefix,
        theme=theme,
        max_payload=max_payload,
    )
    config_json = _script_json(client_config)
    body = [
        '<div id="webio"></div>',
        f'<script type="application/json" id="{CONFIG_ELEMENT_ID}">{config_json}</script>',
    ]
    body.extend(f'<script defer src="{html.escape(url)}"></script>' for url in config.js_file)
    if config.js_code:
        body.append(f"<script>{config.js_code}</script>")
    mode = ' data-bs-theme="dark"' if theme == "dark" else ""
    return (
        f"<!doctype html>\n<html{mode}>\n<head>\n"
        + "\n".join(head)
        + "\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
