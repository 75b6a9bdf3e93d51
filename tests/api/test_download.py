"""download(): the file crosses in chunks of at most DOWNLOAD_CHUNK_SIZE bytes and the page saves
it whole; any bytes-like content, an empty file, and downloads interleaved with other output."""

from __future__ import annotations

import array
import os

import pytest

from webio_core.input import input
from webio_core.output import put_text
from webio_core.protocol.constants import DOWNLOAD_CHUNK_SIZE
from webio_core.session import download


def test_a_large_file_comes_in_chunks_and_is_saved_whole(serve_app, make_app):
    content = os.urandom(2 * DOWNLOAD_CHUNK_SIZE + 1000)

    def scenario():
        download("big.bin", content)
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.wait_until(lambda page: page.downloads, "the download")
        assert user.page.downloads == [("big.bin", content)]
        assert user.page.download_chunks == [DOWNLOAD_CHUNK_SIZE, DOWNLOAD_CHUNK_SIZE, 1000]
        assert user.page.partial_downloads == {}


def test_empty_and_bytes_like_contents(serve_app, make_app):
    def scenario():
        download("empty.txt", b"")
        download("array.bin", bytearray(b"\x00\x01"))
        download("view.bin", memoryview(b"abcdef")[2:4])
        download("ints.bin", array.array("B", [7, 8, 9]))
        put_text("between")
        download("last.txt", b"hello world!")
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        assert user.page.downloads == [
            ("empty.txt", b""),
            ("array.bin", b"\x00\x01"),
            ("view.bin", b"cd"),
            ("ints.bin", b"\x07\x08\x09"),
            ("last.txt", b"hello world!"),
        ]
        assert user.texts() == ["between"]


@pytest.mark.parametrize("content", ["text", 42, None])
def test_content_must_be_bytes(serve_app, make_app, content):
    def scenario():
        try:
            download("x.txt", content)
        except TypeError as exc:
            put_text(str(exc))
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("download() takes the file's content as bytes, not")
        assert user.page.downloads == []
