"""The backend SDK: everything a backend plugin may import from the core, and nothing else.

A plugin registers a :class:`Backend` from ``webio_register_backends`` and adapts its
framework's requests and sockets; the core does the rest:

- :class:`Endpoint`: apps, options, page, client files, ``static_dir``, sessions;
- :class:`Request`, :class:`Response`, :func:`text_response`: framework-neutral messages;
- :class:`HttpTransport` (polling) and :class:`WebSocketTransport` with
  :class:`WebSocketPeer`: the session side of each transport; :class:`SerialWriter` keeps an
  asyncio socket's writes in order;
- :func:`wsgi_app` / :func:`request_from_environ` and :func:`asgi_app`: ready adapters for WSGI
  and ASGI frameworks;
- :class:`SocketServerRunner` and :class:`AsyncioRunner`: serving and stopping;
  :func:`listen` binds a listening socket, failing with a one-line :class:`ServerStartError`;
- :class:`FrameworkOptions`: which ``start_server`` options a backend's framework takes;
- :func:`start_server_for`, :func:`route_helper`, :func:`server_helper`: PyWebIO's platform
  functions (``start_server``, ``webio_handler``, ``wsgi_app``...) declared by their parameters;
- :class:`ServerOptions`, :data:`Applications`, :class:`AppResolver` (and
  :class:`RespondingResolver`), :class:`SessionRegistry`;
- :data:`~webio_core.server.CLIENT_DIR` (``webio_core.STATIC_PATH``): the built client's files,
  for helpers that must serve them on routes of their own (endpoints serve them already).
"""

from __future__ import annotations

from .asgi import asgi_app, request_from_scope
from .backend import Backend, RunningServer
from .endpoint import USER_STATIC_PREFIX, Endpoint, UnknownApp
from .framework_options import FrameworkOptions, UnknownOptionError
from .helpers import route_helper, server_helper, start_server_for
from .http import HttpTransport
from .listening import ServerStartError, listen
from .options import ServerOptions
from .registry import Connection, LocalSessions, SessionRegistry
from .request import Request, Response, text_response
from .resolvers import Applications, AppResolver, AppTarget, NamedApps, RespondingResolver
from .runners import AsyncioRunner, SocketServerRunner
from .serial_writer import SerialWriter
from .start import create_server, start_server
from .static import CLIENT_DIR, content_type
from .ws import WebSocketConnection, WebSocketPeer, WebSocketTransport
from .wsgi import request_from_environ, wsgi_app

__all__ = [
    "CLIENT_DIR",
    "USER_STATIC_PREFIX",
    "AppResolver",
    "AppTarget",
    "Applications",
    "AsyncioRunner",
    "Backend",
    "Connection",
    "Endpoint",
    "FrameworkOptions",
    "HttpTransport",
    "LocalSessions",
    "NamedApps",
    "Request",
    "RespondingResolver",
    "Response",
    "RunningServer",
    "SerialWriter",
    "ServerOptions",
    "ServerStartError",
    "SessionRegistry",
    "SocketServerRunner",
    "UnknownApp",
    "UnknownOptionError",
    "WebSocketConnection",
    "WebSocketPeer",
    "WebSocketTransport",
    "asgi_app",
    "content_type",
    "create_server",
    "listen",
    "request_from_environ",
    "request_from_scope",
    "route_helper",
    "server_helper",
    "start_server",
    "start_server_for",
    "text_response",
    "wsgi_app",
]
