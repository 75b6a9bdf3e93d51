"""Every public name has a docstring, and the API reference documents every public module."""

from __future__ import annotations

import inspect
import re

from .public_api import DOCS, PUBLIC_MODULES, constant_doc, ours, public_constants, public_objects


def test_every_public_name_has_a_docstring() -> None:
    undocumented = []
    for path, obj in public_objects():
        if not ours(obj) and not isinstance(obj, property):
            continue  # re-exported from the standard library or a dependency: documented there
        own = inspect.getdoc(obj)
        if inspect.isclass(obj):
            own = vars(obj).get("__doc__")
        if not (own or "").strip():
            undocumented.append(path)
    assert undocumented == [], f"public names without a docstring: {undocumented}"


def test_every_public_constant_has_a_comment_where_it_is_assigned() -> None:
    # A constant has no docstring of its own: its ``#:`` comment is what the reference shows.
    constants = list(public_constants())
    assert ("webio_core.input", "TEXT") in constants
    missing = [f"{m}.{n}" for m, n in constants if not constant_doc(m, n)]
    assert missing == [], f"public constants without a #: comment: {missing}"


def test_the_reference_covers_every_public_module() -> None:
    pages = "\n".join(p.read_text() for p in (DOCS / "api").glob("*.md"))
    referenced = set(re.findall(r"```\{webio-api\} (\S+)", pages))
    assert set(PUBLIC_MODULES) <= referenced, sorted(set(PUBLIC_MODULES) - referenced)


def test_the_hooks_reference_is_generated_from_the_hookspecs() -> None:
    assert ".. automodule:: webio_core.hookspecs" in (DOCS / "hooks.md").read_text()
