"""The extra HTML attributes an app may put on a form control (``**other_html_attrs``).

Only attributes that neither run script nor load anything pass: the allowlist and the
prefixes are protocol constants, so the browser client applies the same rule.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..protocol.constants import SAFE_HTML_ATTRIBUTE_PREFIXES, SAFE_HTML_ATTRIBUTES
from ..protocol.fields import HtmlAttributeValue

_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")
#: Attributes that are on by being present; any other attribute given True or False gets the
#: words its HTML spelling uses (``spellcheck="false"`` turns spell checking off, which a
#: missing attribute would not).
_PRESENCE = frozenset({"autofocus"})
_WORDS = {"translate": ("yes", "no"), "autocorrect": ("on", "off"), "autocapitalize": ("on", "off")}


def _is_safe(name: str) -> bool:
    return name in SAFE_HTML_ATTRIBUTES or (
        name.startswith(SAFE_HTML_ATTRIBUTE_PREFIXES) and name not in SAFE_HTML_ATTRIBUTE_PREFIXES
    )


def safe_html_attrs(attrs: Mapping[str, Any], where: str) -> dict[str, HtmlAttributeValue]:
    """``attrs`` as the ``html_attrs`` of a field spec, or a ValueError naming the refused one.

    Python keyword names use ``_`` where HTML uses ``-`` (``data_role`` is ``data-role``).
    """
    safe: dict[str, HtmlAttributeValue] = {}
    for key, value in attrs.items():
        name = key.lower().replace("_", "-")
        if name.startswith("on"):
            raise ValueError(
                f"{where}: the event-handler attribute {key!r} is refused: a page must not run "
                "script from attributes; use onchange= or a callback instead"
            )
        if not _NAME.match(name) or not _is_safe(name):
            raise ValueError(
                f"{where}: the HTML attribute {key!r} is not allowed; allowed are "
                f"{', '.join(SAFE_HTML_ATTRIBUTES)} and data-* / aria-* attributes"
            )
        if value is None:
            continue
        if not isinstance(value, (str, int, float, bool)):
            raise TypeError(f"{where}: the HTML attribute {key!r} must be a str, number or bool")
        if isinstance(value, bool) and name not in _PRESENCE:
            value = _WORDS.get(name, ("true", "false"))[0 if value else 1]
        safe[name] = value
    return safe
