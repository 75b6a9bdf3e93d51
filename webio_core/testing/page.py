"""A model of the page, rebuilt from the commands a session sends, for tests to read."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Union

from ..protocol import commands, datatable, feedback, layouts, outputs, pins, script, uploads
from ..protocol.constants import DOWNLOAD_CHUNK_SIZE, ROOT_SCOPE
from .files import Outgoing
from .nesting import map_nested
from .pins import PinModel
from .scripts import JsAnswers, ScriptModel

#: Owner of the files picked in pins (forms own theirs by task_id).
PIN_FILES = "pin"


@dataclass
class Scope:
    name: str
    children: list[Union[Scope, dict[str, Any]]] = field(default_factory=list)
    #: The ``scope`` output that made it (None for scopes made by ``set_scope``).
    spec: Optional[dict[str, Any]] = None


@dataclass
class FormState:
    """A pending input form as the page holds it: the ``input_group`` spec, what ``update_input``
    changed since, and how many submissions the server refused."""

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
        """The form's field specs, in the order the form shows them."""
        return list(self.spec["inputs"])

    def field(self, name: Optional[str] = None) -> dict[str, Any]:
        """The spec of field ``name``, or of the first field when no name is given; raises
        :class:`KeyError` if there is no such field."""
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
        """The message shown under field ``name`` (the first field by default) if the server marked
        it invalid, else ``None``."""
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

    def __init__(
        self,
        send_later: Optional[Callable[[Outgoing], None]] = None,
        js: Optional[JsAnswers] = None,
    ) -> None:
        self.root = Scope(ROOT_SCOPE)
        self.scopes: dict[str, Scope] = {ROOT_SCOPE: self.root}
        self.forms: dict[str, FormState] = {}
        self.toasts: list[dict[str, Any]] = []
        self.env: dict[str, Any] = {}
        self.session_spec: Optional[dict[str, Any]] = None
        self.closed = False
        self.last_seq = 0
        #: The open popup (a scope), its spec, and the files the page was asked to save.
        self.popup: Optional[Scope] = None
        self.popup_spec: Optional[dict[str, Any]] = None
        self.downloads: list[tuple[str, bytes]] = []
        #: Downloads whose chunks are still coming, by task_id: name, size, bytes so far.
        self.partial_downloads: dict[str, tuple[str, int, bytearray]] = {}
        #: The size of every ``download_chunk`` received, in order.
        self.download_chunks: list[int] = []
        #: Each ``busy`` the server sent, in order.
        self.busy: list[bool] = []
        self.datatable_commands: list[dict[str, Any]] = []
        #: Events the page sends in answer to commands (pins, uploads), for the client to send.
        self.outgoing: list[Outgoing] = []
        #: ``send_later`` sends what the page says on its own later (a pin wait's timeout).
        self.pins = PinModel(send_later or self.outgoing.append)
        #: run_js / eval_js / go_app; eval_js is answered from ``js`` (see .scripts).
        self.script = ScriptModel(js)
        #: What the page does with each command, by command name.
        self.handlers = self._command_handlers()

    def apply(self, command: dict[str, Any]) -> None:
        """Apply one server command to the model. A command already applied (resent after a
        reconnect) is skipped; an unknown command raises :class:`ValueError`."""
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
            feedback.POPUP.name: self._on_popup,
            feedback.CLOSE_POPUP.name: self._on_close_popup,
            feedback.DOWNLOAD_START.name: self._on_download_start,
            feedback.DOWNLOAD_CHUNK.name: self._on_download_chunk,
            feedback.BUSY.name: lambda spec, _: self.busy.append(spec["busy"]),
            feedback.SET_PROGRESSBAR.name: self._on_set_progressbar,
            datatable.DATATABLE_UPDATE.name: self._datatable_command,
            datatable.DATATABLE_INSERT.name: self._datatable_command,
            datatable.DATATABLE_REMOVE.name: self._datatable_command,
            uploads.UPLOAD_FILES.name: self._on_upload_files,
            pins.PIN_VALUE.name: self._answer(self.pins.value_of),
            pins.PIN_WAIT.name: self._answer(self.pins.wait),
            pins.PIN_UPDATE.name: self._answer(lambda spec, _: self.pins.update(spec)),
            pins.PIN_ONCHANGE.name: self._answer(lambda spec, _: self.pins.on_change(spec)),
            script.RUN_SCRIPT.name: self._answer(self.script.run),
            script.OPEN_APP.name: self._answer(self.script.open_app),
        }

    def _datatable_command(self, spec: Any, task_id: str) -> None:
        self.datatable_commands.append(spec)

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

    def _on_download_start(self, spec: Any, task_id: str) -> None:
        if task_id in self.partial_downloads or spec["size"] < 0:
            raise ValueError(f"download {task_id!r} started twice, or with a negative size")
        self.partial_downloads[task_id] = (spec["name"], spec["size"], bytearray())
        self._finish_download(task_id)

    def _on_download_chunk(self, spec: Any, task_id: str) -> None:
        # The browser client drops such chunks; the model fails the test instead.
        if task_id not in self.partial_downloads:
            raise ValueError(f"a chunk of download {task_id!r}, which was not started")
        data = base64.b64decode(spec["data"], validate=True)
        if not 0 < len(data) <= DOWNLOAD_CHUNK_SIZE:
            raise ValueError(f"a download chunk of {len(data)} bytes")
        self.download_chunks.append(len(data))
        self.partial_downloads[task_id][2].extend(data)
        self._finish_download(task_id)

    def _finish_download(self, task_id: str) -> None:
        name, size, received = self.partial_downloads[task_id]
        if len(received) > size:
            raise ValueError(f"download {task_id!r} got {len(received)} bytes of {size}")
        if len(received) == size:
            del self.partial_downloads[task_id]
            self.downloads.append((name, bytes(received)))

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
        """An output as the page holds it: scopes (nested ones too) become :class:`Scope`
        objects that later outputs can go into; pins are registered."""
        if spec["type"] == pins.PIN.name:
            self.pins.show(spec["field"])
        if spec["type"] == outputs.SCOPE.name:
            scope = Scope(spec["name"], spec=spec)
            self.scopes[scope.name] = scope
            scope.children = [self._node(child) for child in spec.get("contents", [])]
            return scope
        return map_nested(spec, self._node)

    def _on_popup(self, spec: Any, task_id: str) -> None:
        if self.popup is not None:
            self._forget(self.popup)
        self.popup = Scope(spec["scope"])
        self.popup.children = [self._node(child) for child in spec["contents"]]
        self.scopes[self.popup.name] = self.popup
        self.popup_spec = spec

    def _on_close_popup(self, spec: Any, task_id: str) -> None:
        if self.popup is not None:
            self._forget(self.popup)
        self.popup = None

    def _on_set_progressbar(self, spec: Any, task_id: str) -> None:
        for output in self.outputs():
            if output["type"] == feedback.PROGRESSBAR.name and output["name"] == spec["name"]:
                output["value"], output["label"] = spec["value"], spec["label"]

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
        """Every output spec inside ``scope``, nested ones included, in page order."""
        found: list[dict[str, Any]] = []

        def walk(value: Any) -> Any:
            if isinstance(value, Scope):
                for child in value.children:
                    walk(child)
            else:
                found.append(value)
                map_nested(value, walk)
            return value

        if scope in self.scopes:
            walk(self.scopes[scope])
        return found

    def texts(self, scope: str = ROOT_SCOPE) -> list[str]:
        """The visible text of each output in ``scope`` (and of an open popup, for ROOT)."""
        specs = self.outputs(scope)
        if scope == ROOT_SCOPE and self.popup is not None:
            specs += [{"type": "text", "content": self.popup_spec["title"]}]  # type: ignore[index]
            specs += self.outputs(self.popup.name)
        return [text for spec in specs for text in VISIBLE_TEXT[spec["type"]](spec)]


def _content(spec: dict[str, Any]) -> list[str]:
    return [spec["content"]]


def _nothing(spec: dict[str, Any]) -> list[str]:
    # Holds other outputs (read on their own) or shows no text of its own.
    return []


#: What a reader sees of each output type itself (the outputs it holds are read on their own).
VISIBLE_TEXT: dict[str, Callable[[dict[str, Any]], list[str]]] = {
    outputs.TEXT.name: _content,
    outputs.MARKDOWN.name: _content,
    outputs.HTML.name: _content,
    outputs.CODE.name: _content,
    outputs.LINK.name: lambda spec: [spec["name"]],
    outputs.BUTTONS.name: lambda spec: [b["label"] for b in spec["buttons"]],
    outputs.SCOPE.name: _nothing,
    pins.PIN.name: lambda spec: [spec["field"]["label"]],
    layouts.TABLE.name: _nothing,
    layouts.GRID.name: _nothing,
    layouts.TABS.name: lambda spec: [tab["title"] for tab in spec["tabs"]],
    layouts.COLLAPSE.name: lambda spec: [spec["title"]],
    layouts.SCROLLABLE.name: _nothing,
    layouts.ALERT.name: _nothing,
    layouts.WIDGET.name: lambda spec: [spec["template"]],
    feedback.IMAGE.name: lambda spec: [spec["alt"]] if spec["alt"] else [],
    feedback.PROGRESSBAR.name: lambda spec: [
        spec["label"] if spec["label"] is not None else f"{spec['value'] * 100:.1f}%"
    ],
    feedback.LOADING.name: _nothing,
    datatable.DATATABLE.name: _nothing,
}
