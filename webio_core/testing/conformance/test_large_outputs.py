"""Large outputs cross every transport whole: a multi-megabyte image and file downloads arrive
with every byte, the downloads in chunks spread over several frames, and the session goes on
after them."""

from __future__ import annotations

import base64
import os

import pytest

from webio_core.input import input
from webio_core.output import put_file, put_image, put_text
from webio_core.protocol.constants import DOWNLOAD_CHUNK_SIZE
from webio_core.session import download

pytestmark = pytest.mark.usefixtures("webio_no_leaked_threads")

SIZE = 3 * 1024 * 1024
#: Random, so that no layer could pass it on compressed to a few bytes.
CONTENT = os.urandom(SIZE)
#: A download of several megabytes that does not end on a chunk boundary.
LARGE = os.urandom(8 * 1024 * 1024 + 5)


def large_outputs():
    put_image(CONTENT, format="png", title="big")
    put_file("big.bin", CONTENT, label="Download")
    name = yield input("after")
    put_text(f"still here, {name}")


def test_a_large_image_and_download_arrive_whole(webio_host, make_app):
    with webio_host(make_app(large_outputs)) as server, server.client() as user:
        user.form()
        (image,) = [spec for spec in user.page.outputs() if spec["type"] == "image"]
        prefix, _, data = image["src"].partition(",")
        assert prefix == "data:image/png;base64"
        assert base64.b64decode(data) == CONTENT
        user.click("Download")
        user.wait_until(lambda page: page.downloads, "the download")
        assert user.page.downloads == [("big.bin", CONTENT)]
        assert user.page.download_chunks == [DOWNLOAD_CHUNK_SIZE] * (SIZE // DOWNLOAD_CHUNK_SIZE)
        user.submit("Ada")
        user.should_see("still here, Ada")


def test_a_multi_megabyte_download_comes_in_chunks_over_several_frames(webio_host, make_app):
    def scenario():
        download("large.bin", LARGE)
        download("small.txt", b"after the large one")
        name = yield input("after")
        put_text(f"still here, {name}")

    with webio_host(make_app(scenario)) as server, server.client() as user:
        user.form()
        assert user.page.downloads == [("large.bin", LARGE), ("small.txt", b"after the large one")]
        full, rest = divmod(len(LARGE), DOWNLOAD_CHUNK_SIZE)
        assert user.page.download_chunks == [DOWNLOAD_CHUNK_SIZE] * full + [rest, 19]
        # No frame holds two full chunks: each crossed on its own.
        assert user.frames_received >= full
        user.submit("Ada")
        user.should_see("still here, Ada")
