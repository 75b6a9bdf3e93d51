"""``webio path-deploy DIR`` and ``webio-path-deploy DIR``: serve every app of a directory with
the options of PyWebIO's ``pywebio-path-deploy`` (``-h`` is ``--host`` there, so help is
``--help`` only), plus ``--backend``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..deploy import path_deploy, path_deploy_http
from ..sizes import parse_size
from .base import Command

DEFAULT_PORT = 8080
DEFAULT_HOST = "0.0.0.0"
#: The options of one transport: given with the other, they are ignored (with a warning).
HTTP_OPTIONS = ("session_expire_seconds", "session_cleanup_interval")
WEBSOCKET_OPTIONS = (
    "websocket_max_message_size",
    "websocket_ping_interval",
    "websocket_ping_timeout",
)


def size(text: str) -> int:
    try:
        return parse_size(text)
    except (TypeError, ValueError) as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="the directory of the apps")
    parser.add_argument(
        "-p",
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help="the port to listen on (default: %(default)s)",
    )
    parser.add_argument(
        "-h", "--host", default=DEFAULT_HOST, help="the address to listen on (default: %(default)s)"
    )
    parser.add_argument(
        "--no-index", action="store_true", help="no listing for directories without index.py"
    )
    parser.add_argument(
        "--static-dir", metavar="DIR", help="a directory whose files are served under /static/"
    )
    parser.add_argument(
        "--no-cdn",
        action="store_true",
        help="accepted for PyWebIO compatibility: the client's files are always served locally",
    )
    parser.add_argument(
        "-d",
        "--debug",
        action="store_true",
        help="tracebacks on pages, and a restart when a .py file under the directory changes",
    )
    parser.add_argument(
        "--http",
        action="store_true",
        help="HTTP polling instead of WebSocket (tornado_http unless --backend names another)",
    )
    parser.add_argument(
        "--backend",
        metavar="NAME",
        help="the backend plugin (default: tornado, or tornado_http with --http)",
    )
    parser.add_argument("--help", action="help", help="show this help message and exit")
    http = parser.add_argument_group("with --http")
    http.add_argument(
        "--session-expire-seconds",
        type=float,
        metavar="SECONDS",
        help="seconds after which a silent session expires (default: 600)",
    )
    http.add_argument(
        "--session-cleanup-interval",
        type=float,
        metavar="SECONDS",
        help="seconds between looks for expired sessions (default: 300)",
    )
    websocket = parser.add_argument_group("without --http (Tornado settings)")
    websocket.add_argument(
        "--websocket-max-message-size",
        type=size,
        metavar="SIZE",
        help="the largest message Tornado accepts, e.g. 10M",
    )
    websocket.add_argument(
        "--websocket-ping-interval", type=float, metavar="SECONDS", help="seconds between pings"
    )
    websocket.add_argument(
        "--websocket-ping-timeout",
        type=float,
        metavar="SECONDS",
        help="seconds a ping may go unanswered",
    )


def path_deploy_parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=PATH_DEPLOY.summary, add_help=False)
    configure(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    options: dict[str, Any] = {
        "port": args.port,
        "host": args.host,
        "index": not args.no_index,
        "static_dir": args.static_dir,
        "cdn": not args.no_cdn,
        "debug": args.debug,
        "backend": args.backend,
    }
    used, ignored = (
        (HTTP_OPTIONS, WEBSOCKET_OPTIONS) if args.http else (WEBSOCKET_OPTIONS, HTTP_OPTIONS)
    )
    why = "applies without --http only" if args.http else "applies with --http only"
    for name in ignored:
        if getattr(args, name) is not None:
            print(f"{args.prog}: --{name.replace('_', '-')} {why}: ignored", file=sys.stderr)
    options.update((name, getattr(args, name)) for name in used if getattr(args, name) is not None)
    deploy = path_deploy_http if args.http else path_deploy
    deploy(args.path, **options)
    return 0


PATH_DEPLOY = Command(
    "path-deploy",
    "serve every app of a directory at its path (PyWebIO's pywebio-path-deploy)",
    configure,
    run,
    own_help=True,
)
