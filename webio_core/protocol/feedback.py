"""Images, progress and the page's own messages: image and progress bar outputs, the loading
spinner, popups, downloads and the app's busy state."""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from typing_extensions import TypedDict

from .commands import COMMANDS, EmptySpec
from .outputs import OUTPUTS, AnyOutput
from .registry import CommandKind, TypedKind
from .validate import Range


class ImageOutput(TypedDict):
    """An ``<img>``: ``src`` is an http(s) or relative URL, or a ``data:image/...`` URL (any
    other scheme shows nothing); ``width`` / ``height`` are its HTML attributes."""

    src: str
    alt: str
    width: Optional[str]
    height: Optional[str]


class ProgressbarOutput(TypedDict):
    """A progress bar at ``value`` (0 to 1) named ``name`` for ``set_progressbar``; ``label``
    replaces the percentage; with ``auto_close`` it goes away at 1."""

    name: str
    value: float
    label: Optional[str]
    auto_close: bool


LoadingColor = Literal[
    "primary", "secondary", "success", "danger", "warning", "info", "light", "dark"
]


class LoadingOutput(TypedDict):
    """A spinning (``border``) or pulsing (``grow``) loading sign."""

    shape: Literal["border", "grow"]
    color: LoadingColor


class SetProgressbarSpec(TypedDict):
    """Moves progress bar ``name`` to ``value`` (0 to 1), with ``label`` or the percentage."""

    name: str
    value: float
    label: Optional[str]


PopupSize = Literal["small", "normal", "large"]


class PopupSpec(TypedDict):
    """Shows a popup (replacing an open one) holding ``contents``; ``scope`` names its body as
    a scope for later outputs. ``implicit_close``: a click outside or Esc closes it;
    ``closable``: it has a close button (else only ``close_popup`` closes it)."""

    title: str
    contents: list[AnyOutput]
    size: PopupSize
    implicit_close: bool
    closable: bool
    scope: str


class DownloadStartSpec(TypedDict):
    """Announces a file of ``size`` bytes for the browser to save as ``name``: its content
    follows in ``download_chunk`` commands of the same ``task_id``, and the file is saved once
    ``size`` bytes have come (at once when ``size`` is 0)."""

    name: str
    size: Annotated[int, Range(min=0)]


class DownloadChunkSpec(TypedDict):
    """The next bytes (base64, at most ``DOWNLOAD_CHUNK_SIZE`` of them) of download
    ``task_id``."""

    data: str


class BusySpec(TypedDict):
    """``busy``: the app is working with nothing to ask the user; after a moment without new
    output the page shows a discreet sign, until ``busy`` is false again."""

    busy: bool


IMAGE = OUTPUTS.add(TypedKind[ImageOutput]("image", ImageOutput))
PROGRESSBAR = OUTPUTS.add(TypedKind[ProgressbarOutput]("progressbar", ProgressbarOutput))
LOADING = OUTPUTS.add(TypedKind[LoadingOutput]("loading", LoadingOutput))
SET_PROGRESSBAR = COMMANDS.add(
    CommandKind[SetProgressbarSpec]("set_progressbar", SetProgressbarSpec)
)
POPUP = COMMANDS.add(CommandKind[PopupSpec]("popup", PopupSpec))
CLOSE_POPUP = COMMANDS.add(
    CommandKind[EmptySpec]("close_popup", EmptySpec, "Closes the open popup, if any.")
)
DOWNLOAD_START = COMMANDS.add(CommandKind[DownloadStartSpec]("download_start", DownloadStartSpec))
DOWNLOAD_CHUNK = COMMANDS.add(CommandKind[DownloadChunkSpec]("download_chunk", DownloadChunkSpec))
BUSY = COMMANDS.add(CommandKind[BusySpec]("busy", BusySpec))
#: The busy state a page starts with.
NOT_BUSY = BusySpec(busy=False)
