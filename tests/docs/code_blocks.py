"""The Python code blocks of the documentation, with how each is run.

A block's run is said by an HTML comment on the line before its fence (invisible on the site):
``<!-- example: {"run": "app", "steps": [["submit", "Ada"], ["see", "Hello Ada"]]} -->``.
Without one, a block runs as a module. See docs/contributing-docs.md for the kinds and steps.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

#: How each kind of block is run (tests/docs/test_code_examples.py runs them).
KINDS = ("module", "app", "program", "script", "pytest", "host")
#: The kinds that open a page and so must say what the page shows.
PAGE_KINDS = ("app", "program", "script", "host")
FRAMEWORKS = ("flask", "django", "fastapi", "aiohttp", "tornado")
STEPS = ("see", "not_see", "submit", "click", "pin", "set_pin", "closed")

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n`]*)$")
_MARKER = re.compile(r"^\s*<!--\s*example:\s*(?P<spec>\{.*\})\s*-->\s*$")


class BadExample(ValueError):
    """An example comment that does not follow the contract."""


@dataclass
class CodeBlock:
    """One ```python block: where it is, its code, and how to run it."""

    path: Path
    line: int
    code: str
    spec: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{shown(self.path)}:{self.line}"

    @property
    def run(self) -> str:
        return str(self.spec.get("run", "module"))

    @property
    def steps(self) -> list[list[Any]]:
        return list(self.spec.get("steps", []))


def shown(path: Path) -> str:
    """A page's path as a reader finds it: from the repository root when it is in it."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def documentation_files() -> list[Path]:
    """README.md and every Markdown page of the site."""
    pages = sorted(p for p in DOCS.rglob("*.md") if "_build" not in p.parts)
    return [ROOT / "README.md", *pages]


def python_blocks(path: Path) -> list[CodeBlock]:
    """The ```python blocks of one Markdown file, in order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks = []
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        end = _closing(lines, index, opening["indent"], opening["fence"])
        if opening["info"].strip().split(" ")[0] in ("python", "py", "python3"):
            body = textwrap.dedent("\n".join(lines[index + 1 : end]))
            spec = _spec(lines, index, path)
            blocks.append(CodeBlock(path, index + 2, body + "\n", spec))
        index = end + 1
    return blocks


def _closing(lines: list[str], start: int, indent: str, fence: str) -> int:
    for index in range(start + 1, len(lines)):
        stripped = lines[index].strip()
        if stripped.startswith(fence[0] * len(fence)) and stripped.strip(fence[0]) == "":
            return index
    raise BadExample(f"the fence opened at line {start + 1} is never closed")


def _spec(lines: list[str], fence_index: int, path: Path) -> dict[str, Any]:
    previous = fence_index - 1
    if previous < 0:
        return {}
    marker = _MARKER.match(lines[previous])
    if not marker:
        return {}
    where = f"{shown(path)}:{previous + 1}"
    try:
        spec = json.loads(marker["spec"])
    except json.JSONDecodeError as error:
        raise BadExample(f"{where}: the example comment is not JSON: {error}") from None
    check_spec(spec, where)
    return dict(spec)


def check_spec(spec: Any, where: str) -> None:
    """Refuse a spec the harness would misread, naming what is wrong."""
    if not isinstance(spec, dict):
        raise BadExample(f"{where}: the example comment must hold a JSON object")
    run = spec.get("run", "module")
    if run not in KINDS:
        raise BadExample(f"{where}: unknown run kind {run!r}; use one of {KINDS}")
    if run in PAGE_KINDS and not spec.get("steps"):
        raise BadExample(f"{where}: a {run!r} example needs steps saying what the page shows")
    if run == "host" and spec.get("framework") not in FRAMEWORKS:
        raise BadExample(f"{where}: a host example needs a framework among {FRAMEWORKS}")
    for step in spec.get("steps", []):
        if not isinstance(step, list) or not step or step[0] not in STEPS:
            raise BadExample(f"{where}: step {step!r} is not one of {STEPS}")
    unknown = set(spec) - {"run", "steps", "framework", "object", "path", "app"}
    if unknown:
        raise BadExample(f"{where}: unknown keys {sorted(unknown)}")
