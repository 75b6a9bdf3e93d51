"""docs/protocol.md, the Python server and the TypeScript client agree on the protocol.

Every command in the document's command table is a command of ``webio_core.protocol``, is sent
by some Python code of ``webio_core`` and is handled by the client in ``frontend/src``; the same
for client events and output spec types.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from webio_core.protocol import CLIENT_EVENTS, SERVER_COMMANDS

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "protocol.md"
PACKAGE = ROOT / "webio_core"
FRONTEND = ROOT / "frontend" / "src"


def _table_after(heading: str) -> list[str]:
    """The first column (a `code` name) of the table under ``heading`` in the document."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == heading)
    except StopIteration:
        raise AssertionError(f"{heading!r} is not in {DOC}") from None
    names: list[str] = []
    in_table = False
    for line in lines[start + 1 :]:
        if line.startswith("#"):
            break
        if not line.startswith("|"):
            if in_table:
                break
            continue
        in_table = True
        first = line.split("|")[1].strip()
        match = re.fullmatch(r"`([a-z_]+)`", first)
        if match:
            names.append(match.group(1))
    assert names, f"no table rows under {heading!r}"
    return names


DOC_COMMANDS = _table_after("## Commands (server to client)")
DOC_EVENTS = _table_after("## Events (client to server)")
DOC_OUTPUT_TYPES = _table_after('### Output specs (`command: "output"`)')


def _python_sources() -> dict[Path, ast.Module]:
    trees = {}
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        # The protocol module lists the names; the test client receives them. Neither sends.
        if relative.parts[0] == "testing" or relative.name == "protocol.py":
            continue
        trees[path] = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return trees


def _sent_commands() -> set[str]:
    """First arguments of ``<x>.send("name", ...)`` and ``<outbox>.append("name", ...)``."""
    sent = set()
    for tree in _python_sources().values():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("send", "append")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                sent.add(node.args[0].value)
    return sent


def _output_types() -> set[str]:
    """The ``"type"`` of every spec dict literal in webio_core/output.py."""
    tree = ast.parse((PACKAGE / "output.py").read_text(encoding="utf-8"))
    types = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if (
                    isinstance(key, ast.Constant)
                    and key.value == "type"
                    and isinstance(value, ast.Constant)
                    and isinstance(value.value, str)
                ):
                    types.add(value.value)
    return types


def _frontend_text() -> str:
    files = sorted(FRONTEND.rglob("*.ts")) if FRONTEND.is_dir() else []
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def _quoted_in_frontend(name: str) -> bool:
    return re.search(rf"""["'`]{re.escape(name)}["'`]""", _frontend_text()) is not None


def test_document_lists_every_command_once():
    assert len(DOC_COMMANDS) == len(set(DOC_COMMANDS))
    assert set(DOC_COMMANDS) == set(SERVER_COMMANDS)


def test_document_lists_every_event():
    assert len(DOC_EVENTS) == len(set(DOC_EVENTS))
    assert set(DOC_EVENTS) == set(CLIENT_EVENTS)


def test_document_lists_every_output_type():
    assert set(DOC_OUTPUT_TYPES) == _output_types()


@pytest.mark.parametrize("command", DOC_COMMANDS)
def test_command_has_a_python_emitter(command):
    assert command in _sent_commands(), f"nothing in webio_core/ sends {command!r}"


@pytest.mark.parametrize("command", DOC_COMMANDS)
def test_command_has_a_client_handler(command):
    assert _quoted_in_frontend(command), f"frontend/src/ does not handle {command!r}"


@pytest.mark.parametrize("event", DOC_EVENTS)
def test_event_is_sent_by_the_client(event):
    assert _quoted_in_frontend(event), f"frontend/src/ never sends {event!r}"


@pytest.mark.parametrize("output_type", DOC_OUTPUT_TYPES)
def test_output_type_is_rendered_by_the_client(output_type):
    assert _quoted_in_frontend(output_type), f"frontend/src/ does not render {output_type!r}"


def test_document_version_matches():
    from webio_core.protocol import PROTOCOL_VERSION

    first_line = DOC.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.endswith(f"version {PROTOCOL_VERSION}")
