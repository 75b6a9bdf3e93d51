"""The ``webio-api`` directive: the reference of one public module, name by name.

``webio_core.platform.flask`` and its siblings forward every name to the backend plugin's API
module, so autodoc cannot list their members; this directive asks the module (or the plugin it
forwards to) for its public names and documents each under the public module's path, which is
the path users import.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
from types import ModuleType
from typing import Optional

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.pycode import ModuleAnalyzer
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles


def public_names(module_name: str) -> list[str]:
    """The names a user may import from ``module_name``, in the module's declared order."""
    module = importlib.import_module(module_name)
    forwarded = _forwarded_module(module)
    source = forwarded or module
    names = getattr(source, "__all__", None)
    if names is None:
        raise ValueError(f"{source.__name__} declares no __all__")
    return [n for n in names if not inspect.ismodule(getattr(source, n))]


def _forwarded_module(module: ModuleType) -> ModuleType | None:
    if not module.__name__.startswith("webio_core.platform.") or "__getattr__" not in vars(module):
        return None
    from webio_core.platform._facade import backend_api

    return backend_api(module.__name__.rsplit(".", 1)[1])


def constant_doc(module_name: str, name: str) -> Optional[str]:
    """The ``#:`` comment of a constant, found where it is assigned: in ``module_name`` or,
    through ``from ... import`` re-exports, in the module it comes from."""
    for _ in range(5):  # re-exports are a few hops deep
        docs = ModuleAnalyzer.for_module(module_name).find_attr_docs()
        if ("", name) in docs:
            return "\n".join(docs[("", name)]).strip() or None
        source = _imported_from(module_name, name)
        if source is None:
            return None
        module_name = source
    return None


def _imported_from(module_name: str, name: str) -> Optional[str]:
    module = importlib.import_module(module_name)
    tree = ast.parse(inspect.getsource(module))
    package = module.__name__ if hasattr(module, "__path__") else module.__package__ or ""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and any(a.name == name for a in node.names):
            return importlib.util.resolve_name("." * node.level + (node.module or ""), package)
    return None


def is_constant(obj: object) -> bool:
    """A plain value (text, number, path, marker) whose type's docstring says nothing of it."""
    if callable(obj):
        return False
    return type(obj).__module__ in ("builtins", "pathlib", "posixpath")


def _directive_for(obj: object) -> str:
    if inspect.isclass(obj):
        return "autoclass"
    if callable(obj):
        return "autofunction"
    return "autodata"


class WebioApi(SphinxDirective):
    """``{webio-api} webio_core.input``: every public name of the module, documented."""

    required_arguments = 1
    # Names documented on another page (re-exports), listed without an index entry here.
    option_spec = {"no-index": lambda text: (text or "").split()}

    def run(self) -> list[nodes.Node]:
        module_name = self.arguments[0]
        module = importlib.import_module(module_name)
        lines = [f".. automodule:: {module_name}", ""]
        for name in public_names(module_name):
            obj = getattr(module, name)
            if is_constant(obj):
                lines.extend(self._constant(module_name, name, obj))
                continue
            lines.append(f".. {_directive_for(obj)}:: {module_name}.{name}")
            if name in self.options.get("no-index", ()):
                lines.append("   :no-index:")
            if inspect.isclass(obj):
                lines.append("   :members:")
            elif not callable(obj) and not isinstance(obj, (str, int, float, tuple)):
                # Proxies such as ``session.local`` answer for the current session; their repr
                # outside one would start script mode.
                lines.append("   :no-value:")
            lines.append("")
        # Autodoc writes reStructuredText, which a Markdown page only reads inside eval-rst.
        lines = ["```{eval-rst}", *lines, "```"]
        container = nodes.section()
        nested_parse_with_titles(self.state, StringList(lines, source=module_name), container)
        return container.children

    def _constant(self, module_name: str, name: str, obj: object) -> list[str]:
        doc = constant_doc(module_name, name)
        if doc is None:
            raise self.error(f"{module_name}.{name} has no #: comment where it is assigned")
        # A path is this machine's, and a marker (a bare object()) prints its address: neither
        # value says anything to a reader.
        shown = type(obj).__module__ == "builtins" and type(obj) is not object
        value = [f"   :value: {obj!r}"] if shown else []
        body = ["", *("   " + line for line in doc.splitlines()), ""]
        return [f".. py:data:: {module_name}.{name}", *value, *body]


def setup(app: Sphinx) -> dict[str, object]:
    app.add_directive("webio-api", WebioApi)
    return {"parallel_read_safe": True}
