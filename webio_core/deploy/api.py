"""``path_deploy`` and ``path_deploy_http``: PyWebIO's functions serving every app of a
directory, with PyWebIO's parameters, on any backend (``backend=``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Optional, Union

from ..server.options import DEFAULT_MAX_PAYLOAD
from ..server.start import serve
from ..sizes import parse_size
from .listing import IndexOption
from .resolver import DirectoryApps

#: The backends of PyWebIO's two functions: Tornado over WebSocket, and over HTTP polling.
WEBSOCKET_BACKEND = "tornado"
HTTP_BACKEND = "tornado_http"
#: A Tornado setting PyWebIO's path_deploy also takes as a size string ("10M").
SIZE_SETTING = "websocket_max_message_size"


def path_deploy(
    base: str,
    port: int = 0,
    host: str = "",
    index: IndexOption = True,
    static_dir: Optional[str] = None,
    reconnect_timeout: float = 0,
    cdn: Union[bool, str] = True,
    debug: bool = False,
    allowed_origins: Optional[list[str]] = None,
    check_origin: Optional[Callable[[str], bool]] = None,
    max_payload_size: Union[int, str] = DEFAULT_MAX_PAYLOAD,
    *,
    backend: Optional[str] = None,
    **tornado_app_settings: Any,
) -> None:
    """Serve every app of directory ``base`` at its path until interrupted, over WebSocket.

    Each ``.py`` file under ``base`` that defines ``main()`` is an app: ``base/a/b.py`` is
    served at ``/a/b``, and ``?app=name`` opens another function of the same script. Files
    and directories whose names start with ``_`` or ``.`` are neither listed nor served, and
    nothing outside ``base`` is (``..``, symbolic links leading out). A URL ending with ``/``
    shows the directory's ``index.py`` app if it has one, else its listing: ``index=False``
    turns listings off, and a function ``index(directory_path) -> html`` replaces them.
    A script is loaded on its first visit and kept; ``?reload`` in the URL loads it again
    when its file changed. A script that fails to load shows its error on its page, and only
    there.

    ``static_dir``'s files are served under ``/static/``. The other parameters are those of
    ``start_server``; ``debug=True`` also restarts the server when a ``.py`` file under
    ``base`` changes. ``backend`` (not a PyWebIO parameter) names another backend than
    Tornado; ``tornado_app_settings`` go to the backend's web framework.
    """
    _deploy(
        base,
        backend or WEBSOCKET_BACKEND,
        index,
        port=port,
        host=host,
        static_dir=static_dir,
        reconnect_timeout=reconnect_timeout,
        cdn=cdn,
        debug=debug,
        allowed_origins=allowed_origins,
        check_origin=check_origin,
        max_payload_size=max_payload_size,
        **tornado_app_settings,
    )


def path_deploy_http(
    base: str,
    port: int = 0,
    host: str = "",
    index: IndexOption = True,
    static_dir: Optional[str] = None,
    cdn: Union[bool, str] = True,
    debug: bool = False,
    allowed_origins: Optional[list[str]] = None,
    check_origin: Optional[Callable[[str], bool]] = None,
    session_expire_seconds: Optional[float] = None,
    session_cleanup_interval: Optional[float] = None,
    max_payload_size: Union[int, str] = DEFAULT_MAX_PAYLOAD,
    *,
    backend: Optional[str] = None,
    **tornado_app_settings: Any,
) -> None:
    """:func:`path_deploy` over HTTP polling (Tornado's ``tornado_http`` backend unless
    ``backend`` names another); ``session_expire_seconds`` and ``session_cleanup_interval``
    are those of ``start_server`` for HTTP backends."""
    _deploy(
        base,
        backend or HTTP_BACKEND,
        index,
        port=port,
        host=host,
        static_dir=static_dir,
        cdn=cdn,
        debug=debug,
        allowed_origins=allowed_origins,
        check_origin=check_origin,
        session_expire_seconds=session_expire_seconds,
        session_cleanup_interval=session_cleanup_interval,
        max_payload_size=max_payload_size,
        **tornado_app_settings,
    )


def _deploy(base: str, backend: str, index: IndexOption, **options: Any) -> None:
    # PyWebIO drops settings given as None (its command line passes them so when unset).
    options = {name: value for name, value in options.items() if value is not None}
    if isinstance(options.get(SIZE_SETTING), str):
        options[SIZE_SETTING] = parse_size(options[SIZE_SETTING])
    resolver = DirectoryApps(base, index=index, debug=bool(options.get("debug")))
    watch = Path(base).resolve()
    serve(resolver, backend=backend, watch=watch, **options)
