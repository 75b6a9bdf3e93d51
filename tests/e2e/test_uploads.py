"""Uploads as a person makes them, over every backend (the chunks ride each transport):
one file, several, a file over the limit, and a progress bar on the way."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from webio_core.input import file_upload
from webio_core.output import put_text
from webio_core.plugins import get_plugins
from webio_core.protocol.constants import UPLOAD_WINDOW

from .conftest import E2E_BACKENDS


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:16]


@pytest.mark.parametrize("backend", E2E_BACKENDS)
def test_one_file_and_then_several(open_app: Any, backend: str, tmp_path: Path):
    big = os.urandom(3 * 1024 * 1024 + 5)
    (tmp_path / "big.bin").write_bytes(big)
    (tmp_path / "note.txt").write_text("hello")
    (tmp_path / "empty.txt").write_text("")

    def app() -> None:
        f = file_upload("One file", accept=".bin")
        put_text(f"one: {f['filename']} {len(f['content'])} {digest(f['content'])}")
        files = file_upload("Several", multiple=True)
        put_text("several: " + ", ".join(f"{f['filename']}={len(f['content'])}" for f in files))

    with open_app(app, backend=backend) as page:
        picker = page.locator("input.webio-file-input")
        expect(picker).to_have_attribute("accept", ".bin")
        picker.set_input_files(str(tmp_path / "big.bin"))
        expect(page.get_by_text("big.bin")).to_be_visible()
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text(f"one: big.bin {len(big)} {digest(big)}")).to_be_visible()
        page.locator("input.webio-file-input").set_input_files(
            [str(tmp_path / "note.txt"), str(tmp_path / "empty.txt")]
        )
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("several: note.txt=5, empty.txt=0")).to_be_visible()


def test_a_file_over_the_limit_is_refused_with_a_message(open_app: Any, tmp_path: Path):
    (tmp_path / "photo.jpg").write_bytes(b"x" * 3000)
    (tmp_path / "small.jpg").write_bytes(b"y" * 10)

    def app() -> None:
        f = file_upload("Photo", max_size="1K")
        put_text(f"got {f['filename']}")

    with open_app(app) as page:
        picker = page.locator("input.webio-file-input")
        picker.set_input_files(str(tmp_path / "photo.jpg"))
        error = page.locator(".webio-feedback")
        expect(error).to_contain_text("photo.jpg")
        expect(error).to_contain_text("1 KB")
        expect(picker).to_have_attribute("aria-invalid", "true")
        page.get_by_role("button", name="Submit").click()
        page.wait_for_timeout(300)
        expect(page.get_by_text("got photo.jpg")).to_have_count(0)
        picker.set_input_files(str(tmp_path / "small.jpg"))
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_text("got small.jpg")).to_be_visible()


def test_a_large_upload_shows_progress(open_app: Any, tmp_path: Path):
    size = 24 * 1024 * 1024
    path = tmp_path / "large.bin"
    with open(path, "wb") as out:
        out.truncate(size)

    def app() -> None:
        f = file_upload("Large")
        put_text(f"received {f.size}")

    with open_app(app) as page:
        page.locator("input.webio-file-input").set_input_files(str(path))
        page.get_by_role("button", name="Submit").click()
        progress = page.locator(".webio-upload-progress[role=progressbar]")
        expect(progress).to_be_attached()
        expect(page.get_by_text(f"received {size}")).to_be_visible(timeout=60_000)


#: Kept in the page before the fetch it wraps: the upload chunks of each POST, read from the
#: header of its binary frame (a Blob or a buffer), in the order the POSTs were made.
RECORD_UPLOAD_POSTS = """
window.uploadPosts = [];
const originalFetch = window.fetch;
window.fetch = function (url, options) {
  const body = options && options.body;
  if (options && options.method === "POST" && body && typeof body !== "string") {
    const slot = window.uploadPosts.push(null) - 1;
    const blob = body instanceof Blob ? body : new Blob([body]);
    blob.slice(0, 4).arrayBuffer().then(async (prefix) => {
      const length = new DataView(prefix).getUint32(0);
      const header = JSON.parse(await blob.slice(4, 4 + length).text());
      window.uploadPosts[slot] = header.events
        .filter((event) => event.event === "upload_chunk")
        .map((event) => [event.data.offset, event.data.size]);
    });
  }
  return originalFetch.apply(this, arguments);
};
"""
HTTP_BACKENDS = [name for name in E2E_BACKENDS if get_plugins().backends[name].transport == "http"]


@pytest.mark.skipif(not HTTP_BACKENDS, reason="no HTTP polling backend is installed")
def test_over_http_the_chunks_of_a_window_share_one_request(
    open_app: Any, page: Any, tmp_path: Path
):
    content = os.urandom(5 * 1024 * 1024 + 7)
    (tmp_path / "big.bin").write_bytes(content)

    def app() -> None:
        f = file_upload("File")
        put_text(f"got {len(f['content'])} {digest(f['content'])}")

    page.add_init_script(RECORD_UPLOAD_POSTS)
    with open_app(app, backend=HTTP_BACKENDS[0]) as opened:
        opened.locator("input.webio-file-input").set_input_files(str(tmp_path / "big.bin"))
        opened.get_by_role("button", name="Submit").click()
        expect(opened.get_by_text(f"got {len(content)} {digest(content)}")).to_be_visible()
        posts = [chunks for chunks in opened.evaluate("window.uploadPosts") if chunks]
    sent = [chunk for chunks in posts for chunk in chunks]
    offsets = [offset for offset, _ in sent]
    assert offsets == sorted(offsets) and offsets[0] == 0
    assert sum(size for _, size in sent) == len(content)
    # The window holds: no request carries more chunks than may be unacknowledged...
    assert max(len(chunks) for chunks in posts) == UPLOAD_WINDOW
    # ...and each fills it: one request per window of chunks, give or take one when a poll's
    # reply acknowledges part of a window first (it would be one per chunk, or alternately one
    # and the rest of a window, if each chunk's send started a request).
    windows = -(-len(sent) // UPLOAD_WINDOW)
    assert len(sent) > 2 * UPLOAD_WINDOW and len(posts) <= windows + 1, posts
