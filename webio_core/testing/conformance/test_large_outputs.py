"""Large outputs cross every transport whole: a multi-megabyte image and a file download arrive
with every byte, and the session goes on after them."""

from __future__ import annotations

import base64
import os

import pytest

from webio_core.input import input
from webio_core.output import put_file, put_image, put_text

pytestmark = pytest.mark.usefixtures("webio_no_leaked_threads")

SIZE = 3 * 1024 * 1024
#: Random, so that no layer could pass it on compressed to a few bytes.
CONTENT = os.urandom(SIZE)


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
        user.submit("Ada")
        user.should_see("still here, Ada")
