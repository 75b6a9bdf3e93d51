"""Sphinx configuration of the documentation site (``nox -s docs``; CI builds it with warnings
as errors, so a broken link or reference fails)."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))

import webio_core  # noqa: E402

project = "webio-core"
author = "the webio-core team"
release = webio_core.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "webio_reference",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_data", "nginx", "scaling/*.py"]

myst_enable_extensions = ["colon_fence", "deflist"]
# Headings become link targets (``page.md#a-heading``), checked like every other link.
myst_heading_anchors = 4

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"show-inheritance": False}

# Every reference must resolve, annotations included; only names no inventory can give us are
# waived (this build is offline, so there is no intersphinx to the standard library).
nitpicky = True
nitpick_ignore_regex = [
    (r"py:.*", r"(typing|collections\.abc|typing_extensions|types)\..*"),
    (r"py:.*", r"(Any|Callable|Optional|Union|Iterator|Iterable|Mapping|Sequence|Awaitable)"),
    (r"py:.*", r"(Coroutine|AsyncIterator|Generator|TypeVar|Literal|Self|NoReturn|Protocol)"),
    (r"py:class", r"(str|int|float|bool|bytes|dict|list|tuple|set|object|type|None)"),
    (r"py:class", r"(Exception|BaseException|ValueError|TypeError|RuntimeError|KeyError)"),
    (r"py:.*", r"(pathlib|threading|asyncio|concurrent\.futures|io|os|logging|enum)\..*"),
    (r"py:.*", r"(pluggy|pytest|_pytest|tornado|aiohttp|flask|django|starlette|fastapi)\..*"),
    (r"py:.*", r"(werkzeug|uvicorn|websockets|playwright|socket|socketserver|_asyncio)\..*"),
    (r"py:.*", r"(pluggy\.)?PluginManager(\..*)?"),
    # Type variables, and string annotations autodoc cannot split.
    (r"py:class", r"(.*\.)?_?[A-Z]"),
    (r"py:class", r"'.*"),
    # Internal classes named in annotations of public functions: the reference documents
    # the public names only, and these have no page to link to.
    (r"py:class", r"webio_core\.(session|server|testing|output|input|protocol|plugins)\.[\w.]+"),
    (r"py:class", r"webio_(tornado|django|flask|aiohttp|fastapi)\.[\w.]+"),
    (r"py:class", r"(Transport|ProtocolError|Topics|OriginPolicy|LocalSessions)"),
]

html_theme = "furo"
html_title = f"webio-core {release}"
html_static_path: list[str] = []
# The site is read offline too: no fonts or scripts from a CDN.
html_theme_options = {"navigation_with_keys": True}
