"""Several server processes as a user deploys them to scale out: each a ``start_server`` of the
same app with ``registry_url`` naming one real redis-server, behind real nginx configured by the
documented file (docs/nginx/webio.conf) with every process in its upstream, plain round-robin:
no ``ip_hash``, no sticky cookie. Everything runs on loopback and stops by its process id."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from webio_core.testing.nginx import Nginx, render
from webio_core.testing.redis import RedisServer

from ._servers import free_port
from .targets import Target

ROOT = Path(__file__).resolve().parent.parent
#: The nginx configuration users copy, and the sub-path it serves the app under.
SITE = ROOT / "docs" / "nginx" / "webio.conf"
SUB_PATH = "/tools/"


@dataclass(frozen=True)
class Cluster:
    """The processes' own URLs (in start order), the Redis they share, and a directory for
    the files of what runs beside them (removed at the end)."""

    urls: list[str]
    redis_url: str
    directory: Path


def start_servers(
    stack: ExitStack, target: Target, app: str, count: int, **options: Any
) -> list[tuple[str, int]]:
    """``count`` servers of ``target`` running ``app``, started side by side (each takes a
    second or two to import); ``stack`` stops every one that started, even when another did not."""

    def start() -> tuple[AbstractContextManager[Any], tuple[str, int]]:
        manager = target.serve(app, **options)
        return manager, manager.__enter__()

    running: list[tuple[str, int]] = []
    failure: BaseException | None = None
    with ThreadPoolExecutor(max_workers=count) as pool:
        for future in [pool.submit(start) for _ in range(count)]:
            try:
                manager, server = future.result()
            except Exception as error:
                failure = failure or error
                continue
            stack.push(manager.__exit__)
            running.append(server)
    if failure is not None:
        raise failure
    return running


@contextmanager
def cluster(target: Target, app: str, count: int, **options: Any) -> Iterator[Cluster]:
    """A redis-server and ``count`` processes of ``target`` running ``app`` with ``options``,
    all sharing that Redis; stopped at the end of the block."""
    with ExitStack() as stack:
        directory = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="webio-scale-")))
        redis = stack.enter_context(RedisServer(directory / "redis"))
        servers = start_servers(stack, target, app, count, registry_url=redis.url, **options)
        yield Cluster([url for url, _pid in servers], redis.url, directory)


def site(port: int, upstream: Sequence[str]) -> str:
    """The documented nginx site, listening on ``port``, in front of the servers at the URLs
    of ``upstream``."""
    servers = " ".join(f"server {urlsplit(url).netloc};" for url in upstream)
    return render(
        SITE.read_text(encoding="utf-8"),
        {"listen 80;": f"listen 127.0.0.1:{port};", "server 127.0.0.1:8080;": servers},
    )


@contextmanager
def behind_nginx(directory: Path, upstream: Sequence[str]) -> Iterator[str]:
    """nginx in front of the servers at ``upstream``, round-robin; yields the app's URL."""
    port = free_port()
    with Nginx(directory, site(port, upstream), port) as proxy:
        yield proxy.url + SUB_PATH
