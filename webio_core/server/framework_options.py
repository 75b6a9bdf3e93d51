"""Which keyword arguments of ``start_server`` a backend hands to its web framework, and the
error for those that no layer knows.

PyWebIO passes every option it does not know itself to the framework (``**tornado_app_settings``,
``**flask_options``...), so a misspelt ``reconect_timeout=30`` is accepted silently by Tornado
and fails deep inside Werkzeug. Here each backend declares what its framework takes, and
anything else is refused before a server starts, with the nearest name that would have worked.
"""

from __future__ import annotations

import difflib
import importlib
import inspect
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .backend import Backend

logger = logging.getLogger("webio_core.server")

#: ``start_server`` parameters that are not :class:`~webio_core.server.options.ServerOptions`.
START_PARAMETERS = ("port", "host", "backend")


@dataclass(frozen=True)
class FrameworkOptions:
    """What a backend's framework accepts among ``start_server``'s extra keyword arguments.

    A name is accepted when it is in ``names`` (separated by spaces), is a parameter with a
    default of the callable ``parameters_of`` names (``"module:attribute"``, imported only when
    a server is created, so registering a backend imports nothing), or fully matches the
    regular expression ``pattern``. Names in ``ignored`` are options PyWebIO passes on that
    mean nothing here: they are dropped, with a warning giving the reason when their value is
    true, so that PyWebIO programs still run.
    """

    names: str = ""
    parameters_of: str = ""
    pattern: str = ""
    ignored: Mapping[str, str] = field(default_factory=dict, compare=False)
    #: How messages call these options ("Tornado application settings"); by default
    #: "arguments of" ``parameters_of``.
    what: str = ""

    def description(self) -> str:
        """How error messages name these options: ``what`` if set, else after ``parameters_of``."""
        if self.what:
            return self.what
        return f"arguments of {self.parameters_of}" if self.parameters_of else "framework options"

    def known_names(self) -> list[str]:
        """Every name accepted by name, sorted: ``names``, ``ignored`` and the defaulted
        parameters of ``parameters_of`` (imported here). Names only ``pattern`` accepts are
        not listed."""
        names = set(self.names.split()) | set(self.ignored)
        if self.parameters_of:
            module_name, _, attribute = self.parameters_of.partition(":")
            target = getattr(importlib.import_module(module_name), attribute)
            names |= {
                name
                for name, parameter in inspect.signature(target).parameters.items()
                if parameter.default is not inspect.Parameter.empty
            }
        return sorted(names)

    def accepts(self, name: str, known: Iterable[str]) -> bool:
        """Whether option ``name`` is among ``known`` (from :meth:`known_names`) or matches
        ``pattern``."""
        return name in known or bool(self.pattern and re.fullmatch(self.pattern, name))


class UnknownOptionError(TypeError):
    """An option that neither webio_core nor the backend's framework knows."""


def framework_settings(backend: Backend, settings: dict[str, Any]) -> dict[str, Any]:
    """``settings`` (the options that are not webio_core's) checked against what ``backend``'s
    framework accepts, without the ignored ones; raises :class:`UnknownOptionError` naming the
    nearest known option."""
    from .options import ServerOptions

    if not settings:
        return {}  # nothing to check: no import or signature reading at every start
    declared = backend.framework_options
    known = declared.known_names()
    for name in settings:
        if not declared.accepts(name, known):
            core = [*START_PARAMETERS, *ServerOptions.names()]
            raise UnknownOptionError(_unknown(name, backend.name, declared, core, known))
    kept = {}
    for name, value in settings.items():
        if name in declared.ignored:
            if value:
                logger.warning(
                    "%s=%r is ignored by webio_core's %s backend: %s",
                    name,
                    value,
                    backend.name,
                    declared.ignored[name],
                )
        else:
            kept[name] = value
    return kept


def _unknown(
    name: str, backend: str, declared: FrameworkOptions, core: list[str], framework: list[str]
) -> str:
    message = f"unknown option {name!r} for the {backend} backend"
    nearest = difflib.get_close_matches(name, [*core, *framework], n=1, cutoff=0.6)
    if nearest:
        return f"{message}: did you mean {nearest[0]!r}?"
    accepted = [", ".join(framework)] if framework else []
    if declared.pattern:
        accepted.append(f"any name matching {declared.pattern!r}")
    takes = "; ".join(accepted) or "none"
    return f"{message}. webio_core options: {', '.join(core)}. {declared.description()}: {takes}."
