"""``webio backends``: the installed backend plugins, with their transport and distribution."""

from __future__ import annotations

import argparse
import importlib.metadata
import json
from dataclasses import asdict, dataclass
from typing import Optional

from ..plugins import ENTRY_POINT_GROUP, BackendNotFoundError, Plugins, get_plugins
from ..server.backend import Backend
from .base import Command

#: Shown when no installed distribution declares the backend's package (a plugin registered
#: by hand, from a test or a program).
UNKNOWN = "?"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the list as JSON")


def plugin_distributions() -> dict[str, str]:
    """``{top-level package: "distribution version"}`` of every distribution declaring a
    webio_core entry point (read from its metadata, without importing it)."""
    found: dict[str, str] = {}
    for dist in importlib.metadata.distributions():
        for entry_point in dist.entry_points:
            if entry_point.group == ENTRY_POINT_GROUP:
                package = entry_point.value.partition(":")[0].partition(".")[0]
                found.setdefault(package, f"{dist.metadata['Name']} {dist.version}")
    return found


def package_of(backend: Backend) -> str:
    return backend.server_factory.partition(":")[0].partition(".")[0]


def default_backend(plugins: Plugins) -> Optional[str]:
    """The backend ``start_server`` picks when none is named, if it can pick one."""
    try:
        return plugins.backend(None).name
    except BackendNotFoundError:
        return None


@dataclass(frozen=True)
class Row:
    name: str
    transport: str
    distribution: str
    default: bool


def rows() -> list[Row]:
    """One row per installed backend, by name."""
    plugins = get_plugins()
    distributions = plugin_distributions()
    default = default_backend(plugins)
    return [
        Row(
            name,
            backend.transport,
            distributions.get(package_of(backend), UNKNOWN),
            name == default,
        )
        for name, backend in sorted(plugins.backends.items())
    ]


def run(args: argparse.Namespace) -> int:
    found = rows()
    if args.json:
        print(json.dumps([asdict(row) for row in found], indent=2))
        return 0
    if not found:
        print("No backend is installed. Install one, for example: pip install webio-core[tornado]")
        return 1
    table = [("BACKEND", "TRANSPORT", "DISTRIBUTION")]
    table += [
        (row.name + (" *" if row.default else ""), row.transport, row.distribution) for row in found
    ]
    widths = [max(len(line[column]) for line in table) for column in (0, 1)]
    for name, transport, distribution in table:
        print(f"{name:<{widths[0]}}  {transport:<{widths[1]}}  {distribution}")
    if any(row.default for row in found):
        print("\n* the default backend (start_server and 'webio run' use it unless told otherwise)")
    return 0


BACKENDS = Command("backends", "list the installed backend plugins", configure, run)
