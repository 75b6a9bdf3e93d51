"""The ``webio-api`` directive: the reference of one public module, name by name.

``webio_core.platform.flask`` and its siblings forward every name to the backend plugin's API
module, so autodoc cannot list their members; this directive asks the module (or the plugin it
forwards to) for its public names and documents each under the public module's path, which is
the path users import.
"""

from __future__ import annotations

import importlib
import inspect
from types import ModuleType

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
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


def setup(app: Sphinx) -> dict[str, object]:
    app.add_directive("webio-api", WebioApi)
    return {"parallel_read_safe": True}
