"""The protocol declarations are the one source of the wire contract: the generated client types
and document tables match them, and every other list of wire names agrees with their registries."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import pkgutil
from pathlib import Path

import pytest

from webio_core import protocol
from webio_core.input.fields import field_kinds
from webio_core.protocol import COMMANDS, EVENTS, FIELDS, OUTPUTS, PROTOCOL_VERSION
from webio_core.protocol.registry import CommandKind, Registry
from webio_core.testing.page import VISIBLE_TEXT, PageModel

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "webio_core"


def _generator():
    spec = importlib.util.spec_from_file_location(
        "gen_protocol", ROOT / "scripts" / "gen_protocol.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_typescript_is_fresh():
    gen = _generator()
    assert gen.TS_FILE.read_text(encoding="utf-8") == gen.typescript(), (
        "frontend/src/generated/protocol.ts is stale: run python scripts/gen_protocol.py"
    )


def test_generated_document_tables_are_fresh():
    gen = _generator()
    current = gen.DOC_FILE.read_text(encoding="utf-8")
    assert current == gen.document(current), (
        "docs/protocol.md is stale: run python scripts/gen_protocol.py"
    )


def test_document_states_the_version():
    first_line = (ROOT / "docs" / "protocol.md").read_text(encoding="utf-8").splitlines()[0]
    assert first_line.endswith(f"version {PROTOCOL_VERSION}")


def test_a_registry_refuses_a_name_twice():
    registry: Registry[CommandKind[dict]] = Registry("command")
    registry.add(CommandKind("ping", dict, "first"))
    with pytest.raises(ValueError, match="'ping' is declared twice"):
        registry.add(CommandKind("ping", dict, "second"))


def test_every_field_type_has_one_field_kind():
    assert sorted(field_kinds()) == sorted(FIELDS.names())
    for name, kind in field_kinds().items():
        assert kind.kind.name == name


def test_the_test_client_page_knows_every_command_and_output_type():
    assert sorted(PageModel().handlers) == sorted(COMMANDS.names())
    assert sorted(VISIBLE_TEXT) == sorted(OUTPUTS.names())


def test_every_event_names_what_it_targets():
    assert {kind.target for kind in EVENTS} <= {"task", "callback"}


def _names_used_outside_the_protocol() -> set[str]:
    used = set()
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).parts
        if relative[0] in ("protocol", "testing"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                used.add(node.func.id)
    return used


def test_every_command_is_sent_by_the_core():
    """Each command kind is called (which builds its message) somewhere outside the protocol."""
    called = _names_used_outside_the_protocol()
    modules = [
        importlib.import_module(f"webio_core.protocol.{info.name}")
        for info in pkgutil.iter_modules(protocol.__path__)
    ]
    kinds = {
        name: value
        for module in modules
        for name, value in vars(module).items()
        if isinstance(value, CommandKind)
    }
    assert sorted(k.name for k in kinds.values()) == sorted(COMMANDS.names())
    never_sent = sorted(kind.name for name, kind in kinds.items() if name not in called)
    assert not never_sent, f"declared but never sent: {never_sent}"
