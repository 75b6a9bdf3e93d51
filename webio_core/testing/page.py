"""A model of the page, rebuilt from the commands a session sends, for tests to read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Union

from ..protocol import commands, outputs, pins, uploads
from ..protocol.constants import ROOT_SCOPE
from .files import Outgoing
from .pins import PinModel

#: Owner of the files picked in pins (forms own theirs by task_id).
PIN_FILES = "pin"


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
    #: field name -> every attribute ``update_input`` set, merged
    attributes: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: ``form_ready`` commands received: the submissions the server refused
    ready: int = 0

    @property
    def fields(self) -> list[dict[str, Any]]:
        return list(self.spec["inputs"])

    def field(self, name: Optional[str] = None) -> dict[str, Any]:
        for f in self.fields:
            if name is None or f["name"] == name:
                return f
        raise KeyError(name)

    def index(self, name: str, label: str) -> int:
        """The index of the option (or button) labelled ``label`` of field ``name``."""
        spec = self.field(name)
        items = spec.get("options", spec.get("buttons", []))
        return next(i for i, item in enumerate(items) if item["label"] == label)

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

    def __init__(self, send_later: Optional[Callable[[Outgoing], None]] = None) -> None:
        self.root = Scope(ROOT_SCOPE)
        self.scopes: dict[str, Scope] = {ROOT_SCOPE: self.root}
        self.forms: dict[str, FormState] = {}
        self.toasts: list[dict[str, Any]] = []
        self.env: dict[str, Any] = {}
        self.session_spec: Optional[dict[str, Any]] = None
        self.closed = False
        self.last_seq = 0
        #: Events the page sends in answer to commands (pins, uploads), for the client to send.
        self.outgoing: list[Outgoing] = []
        #: ``send_later`` sends what the page says on its own later (a pin wait's timeout).
        self.pins = PinModel(send_later or self.outgoing.append)
        #: What the page does with each command, by command name.
        self.handlers = self._command_handlers()

    def apply(self, command: dict[str, Any]) -> None:
        seq = command["seq"]
        if seq <= self.last_seq:
            return  # resent after a reconnect
        self.last_seq = seq
        handler = self.handlers.get(command["command"])
        if handler is None:
            raise ValueError(f"the page model does not know the command {command['command']!r}")
        handler(command["spec"], command["task_id"])

    def _command_handlers(self) -> dict[str, Callable[[Any, str], None]]:
        return {
            commands.SESSION.name: self._on_session,
            commands.OUTPUT.name: self._on_output,
            commands.OUTPUT_CTL.name: lambda spec, _: self._scope_ctl(spec),
            commands.INPUT_GROUP.name: self._on_input_group,
            commands.UPDATE_INPUT.name: self._on_update_input,
            commands.DESTROY_FORM.name: self._on_destroy_form,
            commands.TOAST.name: lambda spec, _: self.toasts.append(spec),
            commands.SET_ENV.name: lambda spec, _: self.env.update(spec),
            commands.CLOSE_SESSION.name: self._on_close_session,
            commands.FORM_READY.name: self._on_form_ready,
            uploads.UPLOAD_FILES.name: self._on_upload_files,
            pins.PIN_VALUE.name: self._answer(self.pins.value_of),
            pins.PIN_WAIT.name: self._answer(self.pins.wait),
            pins.PIN_UPDATE.name: self._answer(lambda spec, _: self.pins.update(spec)),
            pins.PIN_ONCHANGE.name: self._answer(lambda spec, _: self.pins.on_change(spec)),
        }

    def _answer(self, handler: Callable[[Any, str], list[Outgoing]]) -> Callable[[Any, str], None]:
        return lambda spec, task_id: self.outgoing.extend(handler(spec, task_id))

    def _on_form_ready(self, spec: Any, task_id: str) -> None:
        if task_id in self.forms:
            self.forms[task_id].ready += 1

    def _on_upload_files(self, spec: Any, task_id: str) -> None:
        form = self.forms.get(task_id)
        names = spec["names"]
        if form is not None:
            sizes = {name: form.field(name)["chunk_size"] for name in names}
            self.outgoing += self.pins.files.chunks(task_id, task_id, names, sizes)
        else:
            sizes = {name: self.pins.chunk_size(name) or 0 for name in names}
            self.outgoing += self.pins.files.chunks(task_id, PIN_FILES, names, sizes)

    def _on_session(self, spec: Any, task_id: str) -> None:
        self.session_spec = spec

    def _on_output(self, spec: Any, task_id: str) -> None:
        scope = self.scopes.get(spec["scope"])
        if scope is not None:
            _insert(scope.children, self._node(spec["output"]), spec["position"])

    def _on_input_group(self, spec: Any, task_id: str) -> None:
        self.forms[task_id] = FormState(task_id, spec)

    def _on_update_input(self, spec: Any, task_id: str) -> None:
        if task_id in self.forms:
            attributes = spec["attributes"]
            form, name = self.forms[task_id], spec["target_name"]
            form.attributes.setdefault(name, {}).update(attributes)
            if "valid_status" in attributes or "invalid_feedback" in attributes:
                form.status[name] = (
                    attributes.get("valid_status"),
                    attributes.get("invalid_feedback", ""),
                )

    def _on_destroy_form(self, spec: Any, task_id: str) -> None:
        self.forms.pop(task_id, None)

    def _on_close_session(self, spec: Any, task_id: str) -> None:
        self.closed = True

    def _node(self, spec: dict[str, Any]) -> Union[Scope, dict[str, Any]]:
        if spec["type"] == pins.PIN.name:
            self.pins.show(spec["field"])
        if spec["type"] != outputs.SCOPE.name:
            return spec
        scope = Scope(spec["name"])
        self.scopes[scope.name] = scope
        scope.children = [self._node(child) for child in spec.get("contents", [])]
        return scope

    def _scope_ctl(self, spec: dict[str, Any]) -> None:
        if "set_scope" in spec:
            name, container = spec["set_scope"], self.scopes.get(spec.get("container", ROOT_SCOPE))
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

    def outputs(self, scope: str = ROOT_SCOPE) -> list[dict[str, Any]]:
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

    def texts(self, scope: str = ROOT_SCOPE) -> list[str]:
        """The visible text of each output in ``scope``."""
        return [text for spec in self.outputs(scope) for text in VISIBLE_TEXT[spec["type"]](spec)]


def _content(spec: dict[str, Any]) -> list[str]:
    return [spec["content"]]


#: What a reader sees of each output type (scopes hold other outputs, read on their own).
VISIBLE_TEXT: dict[str, Callable[[dict[str, Any]], list[str]]] = {
    outputs.TEXT.name: _content,
    outputs.MARKDOWN.name: _content,
    outputs.HTML.name: _content,
    outputs.CODE.name: _content,
    outputs.LINK.name: lambda spec: [spec["name"]],
    outputs.BUTTONS.name: lambda spec: [b["label"] for b in spec["buttons"]],
    outputs.SCOPE.name: lambda spec: [],
    pins.PIN.name: lambda spec: [spec["field"]["label"]],
}
