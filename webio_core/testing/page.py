"""A model of the page, rebuilt from the commands a session sends, for tests to read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Union


@dataclass
class Scope:
    name: str
    children: list[Union[Scope, dict[str, Any]]] = field(default_factory=list)


@dataclass
class FormState:
    task_id: str
    spec: dict[str, Any]
    #: field name -> (valid_status, invalid_feedback) from the last ``update_input``
    status: dict[str, tuple[Any, str]] = field(default_factory=dict)

    @property
    def fields(self) -> list[dict[str, Any]]:
        return list(self.spec["inputs"])

    def field(self, name: Optional[str] = None) -> dict[str, Any]:
        for f in self.fields:
            if name is None or f["name"] == name:
                return f
        raise KeyError(name)

    def error(self, name: Optional[str] = None) -> Optional[str]:
        valid, feedback = self.status.get(self.field(name)["name"], (None, ""))
        return feedback if valid is False else None


def _insert(children: list[Any], item: Any, position: int) -> None:
    if position == -1 or position >= len(children):
        children.append(item)
    elif position >= 0:
        children.insert(position, item)
    else:
        children.insert(max(0, len(children) + position + 1), item)


class PageModel:
    """What the browser would show, as data. Not thread-safe: the client holds a lock."""

    def __init__(self) -> None:
        self.root = Scope("ROOT")
        self.scopes: dict[str, Scope] = {"ROOT": self.root}
        self.forms: dict[str, FormState] = {}
        self.toasts: list[dict[str, Any]] = []
        self.env: dict[str, Any] = {}
        self.session_spec: Optional[dict[str, Any]] = None
        self.closed = False
        self.last_seq = 0

    def apply(self, command: dict[str, Any]) -> None:
        seq = command["seq"]
        if seq <= self.last_seq:
            return  # resent after a reconnect
        self.last_seq = seq
        name, spec, task_id = command["command"], command["spec"], command["task_id"]
        if name == "session":
            self.session_spec = spec
        elif name == "output":
            scope = self.scopes.get(spec.get("scope", "ROOT"))
            if scope is not None:
                _insert(scope.children, self._node(spec), spec.get("position", -1))
        elif name == "output_ctl":
            self._scope_ctl(spec)
        elif name == "input_group":
            self.forms[task_id] = FormState(task_id, spec)
        elif name == "update_input" and task_id in self.forms:
            attributes = spec["attributes"]
            self.forms[task_id].status[spec["target_name"]] = (
                attributes.get("valid_status"),
                attributes.get("invalid_feedback", ""),
            )
        elif name == "destroy_form":
            self.forms.pop(task_id, None)
        elif name == "toast":
            self.toasts.append(spec)
        elif name == "set_env":
            self.env.update(spec)
        elif name == "close_session":
            self.closed = True

    def _node(self, spec: dict[str, Any]) -> Union[Scope, dict[str, Any]]:
        if spec["type"] != "scope":
            return spec
        scope = Scope(spec["name"])
        self.scopes[scope.name] = scope
        scope.children = [self._node(child) for child in spec.get("contents", [])]
        return scope

    def _scope_ctl(self, spec: dict[str, Any]) -> None:
        if "set_scope" in spec:
            name, container = spec["set_scope"], self.scopes.get(spec.get("container", "ROOT"))
            existing = self.scopes.get(name)
            if existing is not None:
                if spec.get("if_exist") == "clear":
                    self._clear(existing)
                elif spec.get("if_exist") == "remove":
                    self._remove(name)
                    existing = None
            if existing is None and container is not None:
                scope = Scope(name)
                self.scopes[name] = scope
                _insert(container.children, scope, spec.get("position", -1))
        elif "clear" in spec and spec["clear"] in self.scopes:
            self._clear(self.scopes[spec["clear"]])
        elif "remove" in spec:
            self._remove(spec["remove"])

    def _clear(self, scope: Scope) -> None:
        for child in scope.children:
            if isinstance(child, Scope):
                self._forget(child)
        scope.children.clear()

    def _forget(self, scope: Scope) -> None:
        self.scopes.pop(scope.name, None)
        for child in scope.children:
            if isinstance(child, Scope):
                self._forget(child)

    def _remove(self, name: str) -> None:
        scope = self.scopes.get(name)
        if scope is None or scope is self.root:
            return
        for parent in list(self.scopes.values()):
            if scope in parent.children:
                parent.children.remove(scope)
        self._forget(scope)

    # ---- reading ----------------------------------------------------------------------------

    def outputs(self, scope: str = "ROOT") -> list[dict[str, Any]]:
        """Every output spec inside ``scope``, in page order."""
        found: list[dict[str, Any]] = []

        def walk(node: Scope) -> None:
            for child in node.children:
                if isinstance(child, Scope):
                    walk(child)
                else:
                    found.append(child)

        if scope in self.scopes:
            walk(self.scopes[scope])
        return found

    def texts(self, scope: str = "ROOT") -> list[str]:
        """The visible text of each output in ``scope``."""
        result = []
        for spec in self.outputs(scope):
            kind = spec["type"]
            if kind in ("text", "markdown", "html", "code"):
                result.append(spec["content"])
            elif kind == "link":
                result.append(spec["name"])
            elif kind == "buttons":
                result.extend(b["label"] for b in spec["buttons"])
        return result
