"""Output types: the specs of ``put_*`` content, shown by the ``output`` command.

Every spec carries ``type`` (the wire name declared here) and may carry the keys of
:class:`OutputBase`. The docstring of each spec is the client behaviour documented in
docs/protocol.md.
"""

from __future__ import annotations

from typing import Annotated, Any, Optional

from typing_extensions import NotRequired, TypedDict

from .registry import Ref, Registry, TypedKind

#: Any output spec, e.g. nested in a container (the generator names the union ``OutputSpec``).
AnyOutput = Annotated[dict[str, Any], Ref("OutputSpec")]


class OutputBase(TypedDict):
    """Keys every output spec may carry."""

    #: CSS declarations appended to the element's inline style.
    style: NotRequired[str]
    #: A click on the element sends ``callback`` with ``task_id`` = this and null data.
    click_callback_id: NotRequired[str]


OUTPUTS: Registry[TypedKind[Any]] = Registry("output type", common=OutputBase)


class TextOutput(TypedDict):
    """Plain text in a ``<p>`` (a ``<span>`` when ``inline``), whitespace preserved."""

    content: str
    inline: bool


class MarkdownOutput(TypedDict):
    """Markdown rendered to HTML, passed through DOMPurify when ``sanitize``."""

    content: str
    sanitize: bool
    options: NotRequired[dict[str, Any]]


class HtmlOutput(TypedDict):
    """HTML as given (DOMPurify when ``sanitize``)."""

    content: str
    sanitize: bool


class CodeOutput(TypedDict):
    """``<pre><code>`` with syntax highlighting; ``rows`` limits the visible height in lines."""

    content: str
    language: str
    rows: Optional[int]


class LinkOutput(TypedDict):
    """``<a>`` whose text is ``name``; ``app`` makes the href ``?app=NAME``; ``javascript:``,
    ``data:`` and ``vbscript:`` URLs get no href."""

    name: str
    url: Optional[str]
    app: Optional[str]
    new_window: bool


class ButtonSpec(TypedDict):
    """One button of a ``buttons`` output."""

    label: str
    color: Optional[str]
    disabled: bool


class ButtonsOutput(TypedDict):
    """A row of buttons; a click on button *i* sends ``callback`` with
    ``task_id = callback_id`` and ``data = i``."""

    buttons: list[ButtonSpec]
    callback_id: str
    small: bool
    link_style: bool
    outline: bool
    group: bool


class ScopeOutput(TypedDict):
    """A new named scope holding ``contents``."""

    name: str
    contents: list[AnyOutput]


TEXT = OUTPUTS.add(TypedKind[TextOutput]("text", TextOutput))
MARKDOWN = OUTPUTS.add(TypedKind[MarkdownOutput]("markdown", MarkdownOutput))
HTML = OUTPUTS.add(TypedKind[HtmlOutput]("html", HtmlOutput))
CODE = OUTPUTS.add(TypedKind[CodeOutput]("code", CodeOutput))
LINK = OUTPUTS.add(TypedKind[LinkOutput]("link", LinkOutput))
BUTTONS = OUTPUTS.add(TypedKind[ButtonsOutput]("buttons", ButtonsOutput))
SCOPE = OUTPUTS.add(TypedKind[ScopeOutput]("scope", ScopeOutput))
