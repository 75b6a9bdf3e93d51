"""How static files and pages travel: gzip when the browser accepts it, immutable caching
for versioned URLs (``&v=<version>``), revalidation (ETag) otherwise. Done once here for every
backend; a file is compressed once per process."""

from __future__ import annotations

import gzip
import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path

from .request import Request, Response

#: Below this size compression saves less than the header costs.
MIN_COMPRESSED_SIZE = 512
#: Seconds a versioned URL may be cached: its content never changes.
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
_COMPRESSIBLE = ("text/", "javascript", "json", "svg", "xml", "css")


@dataclass(frozen=True)
class Prepared:
    body: bytes
    gzipped: bytes
    etag: str
    content_type: str


_cache: dict[tuple[str, float, int], Prepared] = {}
_cache_lock = threading.Lock()


def compressible(content_type: str) -> bool:
    return any(marker in content_type for marker in _COMPRESSIBLE)


def _prepare(body: bytes, content_type: str) -> Prepared:
    squeezed = b""
    if compressible(content_type) and len(body) >= MIN_COMPRESSED_SIZE:
        # mtime=0: the same file always gives the same bytes (and ETag).
        squeezed = gzip.compress(body, compresslevel=9, mtime=0)
    etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
    return Prepared(body, squeezed, etag, content_type)


def prepared_file(path: Path, content_type: str) -> Prepared:
    stat = path.stat()
    key = (str(path), stat.st_mtime, stat.st_size)
    with _cache_lock:
        found = _cache.get(key)
    if found is None:
        found = _prepare(path.read_bytes(), content_type)
        with _cache_lock:
            _cache[key] = found
    return found


def accepts_gzip(request: Request) -> bool:
    return any(
        part.split(";")[0].strip() == "gzip"
        for part in request.header("accept-encoding").split(",")
    )


def deliver(request: Request, prepared: Prepared, versioned: bool) -> Response:
    """The response for a prepared file: 304 when the browser's copy is current."""
    headers = {"Cache-Control": IMMUTABLE if versioned else REVALIDATE, "ETag": prepared.etag}
    if prepared.gzipped:
        headers["Vary"] = "Accept-Encoding"
    if request.header("if-none-match") == prepared.etag:
        return Response(304, b"", prepared.content_type, headers)
    if prepared.gzipped and accepts_gzip(request):
        headers["Content-Encoding"] = "gzip"
        return Response(200, prepared.gzipped, prepared.content_type, headers)
    return Response(200, prepared.body, prepared.content_type, headers)


def deliver_page(request: Request, page: str) -> Response:
    """An app's page: never cached (it names the current client files), gzipped if accepted."""
    body = page.encode("utf-8")
    content_type = "text/html; charset=utf-8"
    headers = {"Cache-Control": REVALIDATE, "Vary": "Accept-Encoding"}
    if len(body) >= MIN_COMPRESSED_SIZE and accepts_gzip(request):
        headers["Content-Encoding"] = "gzip"
        return Response(200, gzip.compress(body, compresslevel=6, mtime=0), content_type, headers)
    return Response(200, body, content_type, headers)
