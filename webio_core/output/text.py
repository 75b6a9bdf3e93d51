"""Text-like outputs: ``put_text``, ``put_markdown``, ``put_html``, ``put_code``, ``put_link``."""

from __future__ import annotations

import textwrap
import warnings
from typing import Any, Optional

from ..protocol.outputs import (
    CODE,
    HTML,
    LINK,
    MARKDOWN,
    TEXT,
    CodeOutput,
    HtmlOutput,
    LinkOutput,
    MarkdownOutput,
    TextOutput,
)
from ._base import Output, ScopeArg, text_of


def put_text(
    *texts: Any, sep: str = " ", inline: bool = False, scope: ScopeArg = None, position: int = -1
) -> Output:
    """Show plain text (never interpreted as HTML). ``inline`` keeps it on the current line."""
    content = sep.join(text_of(t) for t in texts)
    return Output(TEXT, TextOutput(content=content, inline=bool(inline)), scope, position)


def put_markdown(
    mdcontent: str,
    lstrip: bool = True,
    options: Optional[dict[str, Any]] = None,
    sanitize: bool = True,
    scope: ScopeArg = None,
    position: int = -1,
    **kwargs: Any,
) -> Output:
    """Show Markdown. ``lstrip`` removes the indentation common to all lines (handy for
    triple-quoted strings); ``sanitize`` strips scripts and event handlers from embedded HTML."""
    if "strip_indent" in kwargs:
        warnings.warn(
            "put_markdown(strip_indent=...) is deprecated", DeprecationWarning, stacklevel=2
        )
        kwargs.pop("strip_indent")
    if kwargs:
        raise TypeError(f"put_markdown() got unexpected arguments {sorted(kwargs)}")
    content = textwrap.dedent(mdcontent) if lstrip else mdcontent
    spec = MarkdownOutput(content=content, sanitize=bool(sanitize))
    if options:
        spec["options"] = dict(options)
    return Output(MARKDOWN, spec, scope, position)


def put_html(
    html: Any, sanitize: bool = False, scope: ScopeArg = None, position: int = -1
) -> Output:
    """Show HTML as given. Objects with ``_repr_html_`` or ``__html__`` are rendered through it."""
    if hasattr(html, "__html__"):
        html = html.__html__()
    elif hasattr(html, "_repr_html_"):
        html = html._repr_html_()
    spec = HtmlOutput(content=text_of(html), sanitize=bool(sanitize))
    return Output(HTML, spec, scope, position)


def put_code(
    content: Any,
    language: str = "",
    rows: Optional[int] = None,
    scope: ScopeArg = None,
    position: int = -1,
) -> Output:
    """Show source code with syntax highlighting; ``rows`` limits the visible height in lines."""
    spec = CodeOutput(content=text_of(content), language=language, rows=rows)
    return Output(CODE, spec, scope, position)


def put_link(
    name: str,
    url: Optional[str] = None,
    app: Optional[str] = None,
    new_window: bool = False,
    scope: ScopeArg = None,
    position: int = -1,
) -> Output:
    """Show a link to ``url``, or to another app of the same server with ``app=``."""
    if (url is None) == (app is None):
        raise ValueError("put_link() needs exactly one of url and app")
    spec = LinkOutput(name=text_of(name), url=url, app=app, new_window=bool(new_window))
    return Output(LINK, spec, scope, position)
