"""Several lines of text, optionally in a code editor, and PyWebIO's ``textarea()``."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, Optional, Union

from ...protocol import fields as wire
from . import register
from .base import FieldError, OnChange, Validator
from .text import TextLikeField

logger = logging.getLogger("webio_core.input")

#: CodeMirror modes as PyWebIO apps name them -> the editor's language names.
_LANGUAGES = {
    "python": "python",
    "javascript": "javascript",
    "js": "javascript",
    "typescript": "javascript",
    "markdown": "markdown",
    "md": "markdown",
    "html": "html",
    "htmlmixed": "html",
    "xml": "html",
    "css": "css",
    "sql": "sql",
    "json": "json",
    "application/json": "json",
}
_LIGHT_THEMES = frozenset({"", "default", "light", "eclipse", "idea", "neat", "xq-light"})
_KNOWN_OPTIONS = frozenset({"mode", "theme", "lineNumbers", "indentUnit", "tabSize"})


def code_editor(code: Union[bool, Mapping[str, Any], None]) -> Optional[wire.CodeEditorSpec]:
    """PyWebIO's ``code=`` (``True``, ``{}`` or CodeMirror options) as the editor's spec."""
    if code is None or code is False:
        return None
    options: Mapping[str, Any] = code if isinstance(code, Mapping) else {}
    unknown = set(options) - _KNOWN_OPTIONS
    if unknown:
        logger.info("textarea code options %s are not used by the editor", sorted(unknown))
    mode = str(options.get("mode") or "").lower()
    if mode and mode not in _LANGUAGES:
        logger.info("textarea code mode %r has no highlighting; shown as plain text", mode)
    theme = str(options.get("theme") or "").lower()
    tab_size = options.get("tabSize", options.get("indentUnit", 4))
    return wire.CodeEditorSpec(
        language=_LANGUAGES.get(mode, ""),
        theme="light" if theme in _LIGHT_THEMES else "dark",
        line_numbers=bool(options.get("lineNumbers", True)),
        tab_size=tab_size if isinstance(tab_size, int) and 0 < tab_size <= 16 else 4,
    )


@register
class TextareaField(TextLikeField):
    kind = wire.TEXTAREA
    plain_updates = TextLikeField.plain_updates | {"rows", "maxlength", "minlength"}

    def __init__(
        self,
        name: str,
        label: Any = "",
        *,
        rows: int = 6,
        code: Union[bool, Mapping[str, Any], None] = None,
        maxlength: Optional[int] = None,
        minlength: Optional[int] = None,
        **options: Any,
    ) -> None:
        super().__init__(name, label, **options)
        self.rows = rows
        self.code = code_editor(code)
        self.maxlength = maxlength
        self.minlength = minlength

    def spec_keys(self) -> dict[str, Any]:
        keys = super().spec_keys()
        for key in ("datalist", "action"):
            del keys[key]
        return {
            **keys,
            "rows": self.rows,
            "maxlength": self.maxlength,
            "minlength": self.minlength,
            "code": self.code,
        }

    def convert(self, text: str) -> Any:
        # The browser enforces both on typing; a value from elsewhere is checked here.
        if self.maxlength is not None and len(text) > self.maxlength:
            raise FieldError(f"Please use at most {self.maxlength} characters.")
        if self.minlength is not None and 0 < len(text) < self.minlength:
            raise FieldError(f"Please use at least {self.minlength} characters.")
        return text


def textarea(
    label: str = "",
    *,
    rows: int = 6,
    code: Union[bool, dict[str, Any], None] = None,
    maxlength: Optional[int] = None,
    minlength: Optional[int] = None,
    validate: Optional[Validator] = None,
    name: Optional[str] = None,
    value: Optional[str] = None,
    onchange: Optional[OnChange] = None,
    placeholder: Optional[str] = None,
    required: Optional[bool] = None,
    readonly: Optional[bool] = None,
    help_text: Optional[str] = None,
    **other_html_attrs: Any,
) -> Any:
    """Ask for several lines of text. ``code=True`` (or CodeMirror-style options such as
    ``{"mode": "python", "theme": "darcula"}``) shows a code editor, loaded when first used.
    ``maxlength`` / ``minlength`` bound the length. The other parameters are ``input()``'s.
    """
    from ..form import ask

    field = TextareaField(
        name or "data",
        label,
        rows=rows,
        code=code,
        maxlength=maxlength,
        minlength=minlength,
        value=value,
        placeholder=placeholder,
        required=required,
        readonly=readonly,
        help_text=help_text,
        validate=validate,
        onchange=onchange,
        html_attrs=other_html_attrs,
    )
    return field if name is not None else ask(field)
