#!/usr/bin/env python3
"""Writes what is derived from the protocol declarations of ``webio_core.protocol``:

- ``frontend/src/generated/protocol.ts``: the browser client's types, names and limits;
- the tables of ``docs/protocol.md`` between ``<!-- generated: NAME -->`` and
  ``<!-- end generated -->``.

``--check`` writes nothing and fails when a file is stale (CI runs it).
"""

from __future__ import annotations

import argparse
import ast
import inspect
import json
import re
import sys
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from typing_extensions import is_typeddict

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from webio_core.protocol import COMMANDS, EVENTS, FIELDS, OUTPUTS, constants  # noqa: E402
from webio_core.protocol.frames import ClientFrameWire, EventWire, ServerFrameWire  # noqa: E402
from webio_core.protocol.page import PageConfig  # noqa: E402
from webio_core.protocol.registry import Ref, Registry  # noqa: E402
from webio_core.protocol.validate import typed_dict_fields  # noqa: E402

TS_FILE = ROOT / "frontend" / "src" / "generated" / "protocol.ts"
DOC_FILE = ROOT / "docs" / "protocol.md"


# ---- types in TypeScript notation ------------------------------------------------------------


class Types:
    """Renders declared types as TypeScript and collects the TypedDicts they mention."""

    def __init__(self) -> None:
        self.named: dict[str, Any] = {}

    def ts(self, declared: Any) -> str:
        origin = get_origin(declared)
        if origin is Annotated:
            inner, *extras = get_args(declared)
            refs = [e for e in extras if isinstance(e, Ref)]
            return refs[0].name if refs else self.ts(inner)
        if declared is Any:
            return "unknown"
        if declared is None or declared is type(None):
            return "null"
        simple = {str: "string", int: "number", float: "number", bool: "boolean"}
        if declared in simple:
            return simple[declared]
        if origin is Literal:
            return " | ".join(json.dumps(v) for v in get_args(declared))
        if origin is Union:
            members = [self.ts(a) for a in get_args(declared)]
            return " | ".join(dict.fromkeys(members))
        if origin is list:
            item = self.ts(get_args(declared)[0])
            return f"({item})[]" if " " in item else f"{item}[]"
        if origin is dict:
            key, value = (self.ts(a) for a in get_args(declared))
            return f"Record<{key}, {value}>"
        if is_typeddict(declared):
            self.named.setdefault(declared.__name__, declared)
            return declared.__name__
        raise TypeError(f"cannot render {declared!r}")

    def fields(self, typed_dict: Any) -> list[tuple[str, str, bool]]:
        """(name, TypeScript type, required) of each key."""
        hints, required = typed_dict_fields(typed_dict)
        return [(key, self.ts(hint), key in required) for key, hint in hints.items()]

    def inline(self, declared: Any) -> str:
        """A spec for a table cell: ``{key: type, ...}``, or a union of such."""
        if get_origin(declared) is Union and all(is_typeddict(a) for a in get_args(declared)):
            return "one of " + ", ".join(self.inline(a) for a in get_args(declared))
        if is_typeddict(declared):
            keys = [f"{k}{'' if req else '?'}: {t}" for k, t, req in self.fields(declared)]
            return "`{" + ", ".join(keys) + "}`"
        return f"`{self.ts(declared)}`"


def field_docs(typed_dict: Any) -> dict[str, str]:
    """The ``#:`` comment above each key of a TypedDict (and of its TypedDict bases)."""
    docs: dict[str, str] = {}
    for base in getattr(typed_dict, "__orig_bases__", ()):
        if is_typeddict(base):
            docs.update(field_docs(base))
    lines = inspect.getsource(typed_dict).splitlines()
    for node in ast.walk(ast.parse("\n".join(lines))):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            comments: list[str] = []
            row = node.lineno - 2
            while row >= 0 and lines[row].strip().startswith("#:"):
                comments.insert(0, lines[row].strip()[2:].strip())
                row -= 1
            if comments:
                docs[node.target.id] = " ".join(comments)
    return docs


def constant_docs() -> list[tuple[str, Any, str]]:
    """(name, value, doc) of every constant of ``webio_core.protocol.constants``."""
    source = inspect.getsource(constants).splitlines()
    found = []
    for index, line in enumerate(source):
        match = re.match(r"([A-Z][A-Z0-9_]*) = ", line)
        if not match:
            continue
        comments: list[str] = []
        row = index - 1
        while row >= 0 and source[row].startswith("#:"):
            comments.insert(0, source[row][2:].strip())
            row -= 1
        found.append((match.group(1), getattr(constants, match.group(1)), " ".join(comments)))
    return found


def _doc_comment(text: str, indent: str = "") -> list[str]:
    text = text.replace("``", "`").replace("*/", "* /")
    return [f"{indent}/** {text} */"] if text else []


# ---- TypeScript -------------------------------------------------------------------------------


def typescript() -> str:
    types = Types()
    out = [
        "// Generated by scripts/gen_protocol.py from webio_core/protocol/: do not edit.",
        "// Run `python scripts/gen_protocol.py` after changing the protocol declarations.",
        "/* eslint-disable */",
        "",
    ]
    for name, value, doc in constant_docs():
        out += _doc_comment(doc)
        literal = (
            json.dumps(list(value)) + " as const" if isinstance(value, tuple) else json.dumps(value)
        )
        out.append(f"export const {name} = {literal};")
    out.append("")

    def registry_map(interface: str, registry: Registry[Any]) -> list[str]:
        lines = [f"export interface {interface} {{"]
        for kind in registry:
            lines += _doc_comment(kind.doc, "  ")
            spec = types.ts(kind.spec)
            if registry.common is not None:
                spec = f"{spec} & {types.ts(registry.common)}"
            key = kind.name if kind.name.isidentifier() else json.dumps(kind.name)
            lines.append(f"  {key}: {spec};")
        return [*lines, "}", ""]

    def names(const: str, registry: Registry[Any]) -> str:
        return f"export const {const} = {json.dumps(registry.names())} as const;"

    # The keys of an event besides its name and data, as EventWire declares them.
    event_keys = " ".join(
        f"{key}: {ts_type};"
        for key, ts_type, _ in types.fields(EventWire)
        if key not in ("event", "data")
    )
    body = [
        *registry_map("CommandSpecs", COMMANDS),
        names("COMMAND_NAMES", COMMANDS),
        "export type CommandName = keyof CommandSpecs;",
        "export type Command = {",
        "  [K in CommandName]: {",
        "    seq: number; command: K; task_id: string; spec: CommandSpecs[K];",
        "  };",
        "}[CommandName];",
        "",
        *registry_map("OutputSpecs", OUTPUTS),
        names("OUTPUT_TYPES", OUTPUTS),
        "export type OutputType = keyof OutputSpecs;",
        "export type OutputOf<K extends OutputType> = OutputSpecs[K] & { type: K };",
        "export type OutputSpec = { [K in OutputType]: OutputOf<K> }[OutputType];",
        "",
        *registry_map("FieldSpecs", FIELDS),
        names("FIELD_TYPES", FIELDS),
        "export type FieldType = keyof FieldSpecs;",
        "export type FieldOf<K extends FieldType> = FieldSpecs[K] & { type: K };",
        "export type FieldSpec = { [K in FieldType]: FieldOf<K> }[FieldType];",
        "",
        *registry_map("EventData", EVENTS),
        names("EVENT_NAMES", EVENTS),
        "export type EventName = keyof EventData;",
        "export type ClientEvent = {",
        f"  [K in EventName]: {{ {event_keys} event: K; data: EventData[K] }};",
        "}[EventName];",
        "",
    ]
    types.ts(PageConfig)  # read by the client at start-up, written by the server into the page
    for name, wire in (("ClientFrame", ClientFrameWire), ("ServerFrame", ServerFrameWire)):
        body += _doc_comment(" ".join((wire.__doc__ or "").split()))
        body.append(f"export interface {name} {{")
        for key, ts_type, required in types.fields(wire):
            body.append(f"  {key}{'' if required else '?'}: {ts_type};")
        body += ["}", ""]

    interfaces: list[str] = []
    emitted: set[str] = set()
    while set(types.named) - emitted:
        for name in sorted(set(types.named) - emitted):
            emitted.add(name)
            typed_dict = types.named[name]
            docs = field_docs(typed_dict)
            interfaces += _doc_comment(" ".join((typed_dict.__doc__ or "").split()))
            interfaces.append(f"export interface {name} {{")
            for key, ts_type, required in types.fields(typed_dict):
                interfaces += _doc_comment(docs.get(key, ""), "  ")
                interfaces.append(f"  {key}{'' if required else '?'}: {ts_type};")
            interfaces += ["}", ""]
    return "\n".join(out + body + interfaces).rstrip() + "\n"


# ---- docs/protocol.md tables ------------------------------------------------------------------


def _cell(text: str) -> str:
    """Text for a Markdown table cell: one line, pipes escaped, reST code marks as Markdown's."""
    return " ".join(text.split()).replace("``", "`").replace("|", "\\|")


def doc_tables() -> dict[str, str]:
    types = Types()
    commands = ["| command | spec | client behaviour |", "| --- | --- | --- |"]
    commands += [
        f"| `{k.name}` | {_cell(types.inline(k.spec))} | {_cell(k.doc)} |" for k in COMMANDS
    ]
    outputs = ["| type | fields | rendering |", "| --- | --- | --- |"]
    outputs += [f"| `{k.name}` | {_cell(types.inline(k.spec))} | {_cell(k.doc)} |" for k in OUTPUTS]
    fields = ["| type | fields | meaning |", "| --- | --- | --- |"]
    fields += [f"| `{k.name}` | {_cell(types.inline(k.spec))} | {_cell(k.doc)} |" for k in FIELDS]
    targets = {"task": "a pending task (form, pin read...)", "callback": "a `callback_id`"}
    events = ["| event | task_id | data | meaning |", "| --- | --- | --- | --- |"]
    events += [
        f"| `{k.name}` | {targets[k.target]} | {_cell(types.inline(k.spec))} | {_cell(k.doc)} |"
        for k in EVENTS
    ]
    common = [
        f"| {reg.what}s | {_cell(types.inline(reg.common))} | {_cell(reg.common.__doc__ or '')} |"
        for reg in (OUTPUTS, FIELDS)
    ]
    types.ts(PageConfig)
    nested = ["| type | fields | meaning |", "| --- | --- | --- |"]
    top = {k.spec for reg in (COMMANDS, OUTPUTS, FIELDS, EVENTS) for k in reg}
    top |= {OUTPUTS.common, FIELDS.common}
    seen: set[str] = set()
    while set(types.named) - seen:
        for name in sorted(set(types.named) - seen):
            seen.add(name)
            typed_dict = types.named[name]
            if typed_dict not in top:
                keys, doc = _cell(types.inline(typed_dict)), _cell(typed_dict.__doc__ or "")
                nested.append(f"| `{name}` | {keys} | {doc} |")
    limits = ["| name | value | meaning |", "| --- | --- | --- |"]
    limits += [f"| `{n}` | `{json.dumps(v)}` | {_cell(d)} |" for n, v, d in constant_docs()]
    return {
        "commands": "\n".join(commands),
        "outputs": "\n".join(outputs),
        "fields": "\n".join(fields),
        "common": "\n".join(["| carried by | keys | meaning |", "| --- | --- | --- |", *common]),
        "nested": "\n".join(nested),
        "events": "\n".join(events),
        "constants": "\n".join(limits),
    }


_BLOCK = re.compile(r"(<!-- generated: (\w+) -->\n).*?(<!-- end generated -->)", re.S)


def document(current: str) -> str:
    tables = doc_tables()
    found = {m.group(2) for m in _BLOCK.finditer(current)}
    missing = set(tables) - found
    if missing:
        raise SystemExit(f"{DOC_FILE} has no generated block for {sorted(missing)}")
    return _BLOCK.sub(lambda m: f"{m.group(1)}{tables[m.group(2)]}\n{m.group(3)}", current)


# ---- main -------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when a file is stale")
    args = parser.parse_args()
    wanted = {TS_FILE: typescript(), DOC_FILE: document(DOC_FILE.read_text(encoding="utf-8"))}
    stale = [
        path
        for path, text in wanted.items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    if args.check:
        for path in stale:
            print(
                f"stale: {path.relative_to(ROOT)}; run python scripts/gen_protocol.py",
                file=sys.stderr,
            )
        return 1 if stale else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(wanted[path], encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
