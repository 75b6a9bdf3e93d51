#!/usr/bin/env python3
"""Compares the public names and parameters of webio_core's modules with PyWebIO's.

    python scripts/compare_pywebio_api.py --pywebio-python /tmp/pywebio/bin/python input pin

A module without ``__all__`` (PyWebIO's ``platform.*``) is compared by the functions it defines.
PyWebIO is imported only by ``--pywebio-python`` (a throwaway venv with ``pywebio==1.8.4``),
never by this project. For each module, prints the names of PyWebIO's ``__all__`` missing here,
and every function whose parameters differ (name, kind or default). An empty tuple default
counts as PyWebIO's empty list (both are an empty sequence to callers; ours cannot be mutated
by accident). Exits 1 on a difference.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parent.parent

# Run in both interpreters: the signature of every public name of a module, as JSON.
DUMP = r"""
import importlib, inspect, json, sys
module = importlib.import_module(sys.argv[1])
if len(sys.argv) > 2:
    names = json.loads(sys.argv[2])
elif hasattr(module, "__all__"):
    names = list(module.__all__)
else:  # PyWebIO's platform modules: the public functions they define
    names = [
        n for n, o in vars(module).items()
        if not n.startswith("_") and inspect.isfunction(o) and o.__module__ == module.__name__
    ]
out = {"names": names, "signatures": {}}
for name in names:
    obj = getattr(module, name, None)
    if not callable(obj) or isinstance(obj, type):
        continue
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):
        continue
    out["signatures"][name] = [
        [p.name, p.kind.name, None if p.default is p.empty else repr(p.default)]
        for p in signature.parameters.values()
    ]
print(json.dumps(out))
"""


def dump(python: str, module: str, names: Optional[list[str]] = None) -> dict[str, Any]:
    """The public names of ``module`` (``__all__``, or the functions it defines) and their
    signatures; ``names`` looks up those instead (a facade forwarding attributes has none)."""
    command = [python, "-c", DUMP, module, *([json.dumps(names)] if names is not None else [])]
    result = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def compare(theirs: dict[str, Any], ours: dict[str, Any]) -> list[str]:
    problems = []
    missing = [n for n in theirs["names"] if n not in ours["names"]]
    if missing:
        problems.append(f"missing names: {', '.join(missing)}")
    for name, their_params in theirs["signatures"].items():
        our_params = ours["signatures"].get(name)
        if our_params is None:
            continue
        if _normalised(our_params) != _normalised(their_params):
            theirs_text = ", ".join(_param(p) for p in their_params)
            ours_text = ", ".join(_param(p) for p in our_params)
            problems.append(
                f"{name}:\n    PyWebIO:    ({theirs_text})\n    webio_core: ({ours_text})"
            )
    return problems


def _normalised(params: list[list[object]]) -> list[list[object]]:
    return [[name, kind, "[]" if default == "()" else default] for name, kind, default in params]


def _param(param: list[object]) -> str:
    name, kind, default = param
    prefix = {"VAR_POSITIONAL": "*", "VAR_KEYWORD": "**"}.get(str(kind), "")
    suffix = "" if default is None else f"={default}"
    return f"{prefix}{name}{suffix}" + (" (kw)" if kind == "KEYWORD_ONLY" else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pywebio-python", required=True)
    parser.add_argument("modules", nargs="+", help="e.g. input pin output session")
    args = parser.parse_args()
    differs = False
    for module in args.modules:
        theirs = dump(args.pywebio_python, f"pywebio.{module}")
        ours = dump(sys.executable, f"webio_core.{module}")
        if not ours["names"]:  # a platform facade: it forwards whatever is asked
            ours = dump(sys.executable, f"webio_core.{module}", theirs["names"])
            ours["names"] = [n for n in theirs["names"] if n in ours["signatures"]]
        problems = compare(theirs, ours)
        same = len(theirs["names"]) - len(problems)
        print(f"{module}: {len(theirs['names'])} public names in PyWebIO, {same} identical")
        for problem in problems:
            print(f"  {problem}")
        differs = differs or bool(problems)
    return 1 if differs else 0


if __name__ == "__main__":
    sys.exit(main())
