"""The HTML page that loads the browser client for one app."""

from __future__ import annotations

import html
import json
from typing import Union

from .._version import __version__
from ..config import AppConfig
from ..protocol import PROTOCOL_VERSION
from ..protocol.constants import CONFIG_ELEMENT_ID, QUERY_STATIC
from ..protocol.page import PageConfig, Transport

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
    extra_head: str = "",
) -> str:
    prefix = static_prefix(cdn)
    version = f"&v={__version__}" if prefix == LOCAL_STATIC_PREFIX else ""
    title = html.escape(config.title or "webio_core app")
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        # No favicon of our own: an empty one spares every page load a 404.
        '<link rel="icon" href="data:,">',
    ]
    if config.description:
        head.append(f'<meta name="description" content="{html.escape(config.description)}">')
    head.append(f'<link rel="stylesheet" href="{html.escape(prefix + "webio.css" + version)}">')
    head.extend(f'<link rel="stylesheet" href="{html.escape(url)}">' for url in config.css_file)
    if config.css_style:
        head.append(f"<style>{config.css_style}</style>")
    head.append(f'<script defer src="{html.escape(prefix + "webio.js" + version)}"></script>')
    if extra_head:
        head.append(extra_head)
    client_config = PageConfig(
        protocol=PROTOCOL_VERSION, transport=transport, app=app_name, static=prefix
    )
    config_json = _script_json(client_config)
    body = [
        '<div id="webio"></div>',
        f'<script type="application/json" id="{CONFIG_ELEMENT_ID}">{config_json}</script>',
    ]
    body.extend(f'<script defer src="{html.escape(url)}"></script>' for url in config.js_file)
    if config.js_code:
        body.append(f"<script>{config.js_code}</script>")
    return (
        "<!doctype html>\n<html>\n<head>\n"
        + "\n".join(head)
        + "\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
