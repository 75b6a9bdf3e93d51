"""file_upload: PyWebIO's dicts, every limit checked by the server, chunks that misbehave, and
partial files removed when a page leaves mid-upload."""

from __future__ import annotations

import os

import pytest

from webio_core.input import file_upload, input, input_group, uploads
from webio_core.input.uploaded import new_spool
from webio_core.output import put_text
from webio_core.protocol.constants import UPLOAD_WINDOW
from webio_core.testing import eventually

MIB = 1024 * 1024


def describe(f):
    return f"{f['filename']}:{len(f['content'])}:{f['mime_type']}:{f['last_modified']}"


def test_one_file(serve_app, make_app):
    def scenario():
        f = yield file_upload("Upload", accept=[".txt", "text/*"])
        put_text(describe(f))

    with serve_app(make_app(scenario)) as server, server.client() as user:
        field = user.form().field()
        assert field["accept"] == ".txt,text/*" and field["multiple"] is False
        assert field["placeholder"] == "Choose file"
        user.upload({"data": {"hello.txt": (b"hello", "text/plain")}})
        user.should_see("hello.txt:5:text/plain:1700000000.0")


def test_no_file_gives_none_or_an_empty_list(serve_app, make_app):
    def scenario():
        one = yield file_upload("One")
        many = yield file_upload("Many", multiple=True)
        put_text(f"{one!r} {many!r}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.upload({"data": {}})
        user.wait_until(lambda page: any(f.field()["multiple"] for f in page.forms.values()), "2")
        user.upload({"data": {}})
        user.should_see("None []")


def test_several_files_in_chunks(serve_app, make_app):
    big = os.urandom(3 * MIB + 17)

    def scenario():
        files = yield file_upload("Files", multiple=True)
        put_text(", ".join(describe(f) for f in files))
        put_text("intact" if files[1]["content"] == big else "corrupt")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.upload({"data": {"empty.bin": b"", "big.bin": big, "small.bin": b"x"}})
        user.should_see("intact")
        text = user.texts()[0]
        assert "empty.bin:0:" in text and f"big.bin:{len(big)}:" in text


def test_required_file(serve_app, make_app):
    def scenario():
        f = yield file_upload("Upload", required=True)
        put_text(f["filename"])

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        user.upload({"data": {}})
        assert user.wait_until(lambda page: form.error(), "the required error")
        user.upload({"data": {"a.txt": b"a"}}, form=form)
        user.should_see("a.txt")


@pytest.mark.parametrize(
    ("limits", "files", "message"),
    [
        ({"max_size": "1K"}, {"big.bin": b"x" * 1025}, "big.bin is 1 KB; the limit is 1 KB."),
        ({"max_size": 10}, {"a": b"x" * 11}, "a is 11 bytes; the limit is 10 bytes."),
        (
            {"multiple": True, "max_total_size": 10},
            {"a": b"x" * 6, "b": b"y" * 6},
            "The files come to 12 bytes; the limit is 10 bytes in all.",
        ),
    ],
)
def test_limits_are_refused_with_a_message(serve_app, make_app, limits, files, message):
    def scenario():
        f = yield file_upload("Upload", **limits)
        put_text(f"accepted {f!r}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        user.upload({"data": files})
        assert user.wait_until(lambda page: form.error(), "the limit error") == message
        assert form.ready == 1
        user.upload({"data": {"ok": b"1"}}, form=form)
        user.should_see("accepted")


def test_limits_above_max_payload_size_are_an_error(make_app):
    from webio_core.testing import loopback

    def scenario():
        try:
            yield file_upload("Upload", max_size="2M")
        except ValueError as exc:
            put_text(str(exc))

    with loopback(make_app(scenario), max_payload_size="1M") as server, server.client() as user:
        user.should_see("cannot exceed the server's max_payload_size (1 MB)")


def test_max_payload_size_limits_files_and_chunks(make_app):
    from webio_core.testing import loopback

    def scenario():
        files = yield file_upload("Upload", multiple=True)
        put_text(f"{[len(f['content']) for f in files]}")

    with loopback(make_app(scenario), max_payload_size="64K") as server, server.client() as user:
        form = user.form()
        field = form.field()
        assert field["max_size"] == field["max_total_size"] == 64 * 1024
        assert field["chunk_size"] * UPLOAD_WINDOW < 64 * 1024, "a window of chunks fits a frame"
        user.upload({"data": {"a": b"a" * 40_000, "b": b"b" * 40_000}})
        assert "limit is 64 KB in all" in user.wait_until(lambda page: form.error(), "error")
        user.upload({"data": {"a": b"a" * 40_000}}, form=form)
        user.should_see("[40000]")


def _chunk(name="data", file=0, offset=0, data=b"abc"):
    """An upload_chunk event's data and bytes."""
    return {"name": name, "file": file, "offset": offset, "size": len(data)}, data


BAD_CHUNKS = {
    "out of order": _chunk(offset=3),
    "unknown field": _chunk(name="other"),
    "unknown file": _chunk(file=1),
    "more than announced": _chunk(data=b"abcdefg"),
}


@pytest.mark.parametrize("bad", BAD_CHUNKS.values(), ids=BAD_CHUNKS.keys())
def test_chunks_that_do_not_fit_fail_the_upload_not_the_session(serve_app, make_app, bad):
    def scenario():
        f = yield file_upload("Upload")
        put_text(f"got {f['content']!r}")
        again = yield input("Again")
        put_text(f"again {again}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        # Announce a 6-byte file without letting the test client answer upload_files.
        user.submit(data=[{"filename": "f", "size": 6, "mime_type": "", "last_modified": 0}])
        user.wait_until(lambda page: page.pins.files is not None, "")
        user.send_event("upload_chunk", form.task_id, *bad)
        assert user.wait_until(lambda page: form.error(), "the upload error") == (
            "The upload failed; please try again."
        )
        user.upload({"data": {"f": b"abcdef"}}, form=form)
        user.should_see("got b'abcdef'")
        user.submit("yes")
        user.should_see("again yes")


def test_a_chunk_without_an_upload_is_dropped(serve_app, make_app):
    def scenario():
        f = yield file_upload("Upload")
        put_text(f"got {f['filename']}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        user.send_event("upload_chunk", form.task_id, *_chunk())
        user.upload({"data": {"z": b"z"}}, form=form)
        user.should_see("got z")


def test_a_page_closed_mid_upload_leaves_no_partial_file(serve_app, make_app, monkeypatch):
    spools = []

    def tracked_spool():
        spools.append(new_spool())
        return spools[-1]

    # Dataclass default factories look the name up at call time in their module.
    monkeypatch.setattr(uploads, "new_spool", tracked_spool)

    def scenario():
        yield file_upload("Upload")

    with serve_app(make_app(scenario)) as server:
        user = server.client().connect()
        form = user.form()
        user.submit(data=[{"filename": "f", "size": 3 * MIB, "mime_type": "", "last_modified": 0}])
        half = MIB // 2
        for offset in range(0, 2 * MIB, half):
            user.send_event("upload_chunk", form.task_id, *_chunk(offset=offset, data=b"x" * half))
        eventually(lambda: spools and spools[0]._rolled, "the partial file to go to disk")
        assert not spools[0].closed
        user.close()
        eventually(lambda: spools[0].closed, "the partial file to be removed")


def test_files_and_other_fields_in_a_group_with_validation(serve_app, make_app):
    def too_small(f):
        return "Too small." if len(f["content"]) < 2 else None

    def scenario():
        data = yield input_group(
            "Send",
            [
                input("Title", name="title"),
                file_upload("File", name="file", validate=too_small),
            ],
        )
        put_text(f"{data['title']}: {data['file']['content']!r}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        user.upload({"file": {"a": b"1"}}, title="t")
        assert user.wait_until(lambda page: form.error("file"), "the file's error") == "Too small."
        user.upload({"file": {"a": b"12"}}, title="t", form=form)
        user.should_see("t: b'12'")


def test_a_file_the_browser_cannot_read_is_refused_with_its_name(serve_app, make_app):
    def scenario():
        f = yield file_upload("Upload")
        put_text(f"got {f['content']!r}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        user.submit(data=[{"filename": "gone.txt", "size": 6, "mime_type": "", "last_modified": 0}])
        user.send_event("upload_error", form.task_id, {"name": "data", "file": 0})
        assert user.wait_until(lambda page: form.error(), "the read error") == (
            "gone.txt could not be read; please pick it again."
        )
        user.upload({"data": {"f": b"abcdef"}}, form=form)
        user.should_see("got b'abcdef'")
