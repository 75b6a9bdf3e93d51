"""The client's files and the page travel light on every backend: gzip when accepted, cached
for good under a versioned URL, revalidated (ETag, 304) otherwise."""

from __future__ import annotations

import gzip
from pathlib import Path

from webio_core import STATIC_PATH, __version__
from webio_core.testing import http_request

GZIP = {"Accept-Encoding": "gzip, deflate"}


def _headers(raw: dict[str, str]) -> dict[str, str]:
    return {key.lower(): value for key, value in raw.items()}


def test_client_files_are_compressed_and_cached_for_good(webio_host, make_app):
    original = (Path(STATIC_PATH) / "webio.js").read_bytes()
    with webio_host(make_app(lambda: None)) as server:
        query = {"webio_static": "webio.js", "v": __version__}
        status, raw, body = http_request(server.url, query=query, headers=GZIP)
        headers = _headers(raw)
        assert status == 200
        assert headers["content-encoding"] == "gzip"
        assert gzip.decompress(body) == original
        assert len(body) < len(original) / 2
        assert headers["cache-control"] == "public, max-age=31536000, immutable"
        assert "accept-encoding" in headers["vary"].lower()

        status, raw, body = http_request(server.url, query=query)
        assert status == 200 and body == original, "no gzip for a client that does not ask"
        assert "content-encoding" not in _headers(raw)


def test_unversioned_files_are_revalidated(webio_host, make_app):
    with webio_host(make_app(lambda: None)) as server:
        query = {"webio_static": "webio.css"}
        status, raw, _ = http_request(server.url, query=query, headers=GZIP)
        headers = _headers(raw)
        assert status == 200 and headers["cache-control"] == "no-cache"
        etag = headers["etag"]
        status, raw, body = http_request(
            server.url, query=query, headers={**GZIP, "If-None-Match": etag}
        )
        assert status == 304 and body == b""


def test_the_page_is_compressed(webio_host, make_app):
    with webio_host(make_app(lambda: None)) as server:
        status, raw, body = http_request(server.url, query={"app": server.name}, headers=GZIP)
        headers = _headers(raw)
        assert status == 200
        assert headers["content-encoding"] == "gzip"
        assert gzip.decompress(body).startswith(b"<!doctype html>")
        assert headers["cache-control"] == "no-cache"
