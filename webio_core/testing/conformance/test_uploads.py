"""Uploads over every backend: files travel in chunks of bounded frames, and the limits the
server sets (``max_payload_size`` among them) hold on each transport."""

from __future__ import annotations

import hashlib
import os

import pytest

from webio_core.input import file_upload
from webio_core.output import put_text
from webio_core.pin import pin_wait_change, put_file_upload
from webio_core.testing import serve
from webio_core.testing.scenarios import app_variant

pytestmark = pytest.mark.usefixtures("webio_no_leaked_threads")

CONTENT = os.urandom(1_300_000)  # three chunks of the default size
DIGEST = hashlib.sha256(CONTENT).hexdigest()


def test_a_file_in_several_chunks(webio_host, make_app):
    def scenario():
        f = yield file_upload("Upload")
        put_text(f"{f['filename']} {hashlib.sha256(f['content']).hexdigest()}")

    with webio_host(make_app(scenario)) as server, server.client() as user:
        assert user.form().field()["chunk_size"] < len(CONTENT) / 2
        user.upload({"data": {"big.bin": CONTENT}})
        user.should_see(f"big.bin {DIGEST}")


def test_a_file_pin(webio_host, make_app):
    def scenario():
        put_file_upload("doc")
        yield put_text("ready")
        changed = yield pin_wait_change("doc")
        put_text(f"pin {hashlib.sha256(changed['value']['content']).hexdigest()}")

    with webio_host(make_app(scenario)) as server, server.client() as user:
        user.should_see("ready")
        user.wait_until(lambda page: page.pins._waits, "the pin wait")
        user.set_pin("doc", files={"big.bin": CONTENT})
        user.should_see(f"pin {DIGEST}")


def _sizes():
    files = yield file_upload("Upload", multiple=True)
    put_text(f"sizes {[len(f['content']) for f in files]}")


@pytest.fixture(scope="module")
def small_payload_server(webio_backend):
    with serve(app_variant(_sizes, "thread"), backend=webio_backend, max_payload_size="64K") as s:
        yield s


def test_max_payload_size_bounds_files_and_chunks(small_payload_server):
    with small_payload_server.client() as user:
        form = user.form()
        field = form.field()
        assert field["max_size"] == 64 * 1024
        user.upload({"data": {"a": b"a" * 70_000}})
        assert "limit is 64 KB" in user.wait_until(lambda page: form.error(), "the limit error")
        # 60 KB in chunks small enough that each frame stays under 64 KB.
        user.upload({"data": {"b": b"b" * 60_000}}, form=form)
        user.should_see("sizes [60000]")
