"""A received file behaves as PyWebIO's dict, reading its content only when asked."""

from __future__ import annotations

import copy
import pickle

from webio_core.input.uploaded import UploadedFile, new_spool

PLAIN = {"filename": "a.txt", "content": b"hello", "mime_type": "text/plain", "last_modified": 1.5}


def make() -> UploadedFile:
    spool = new_spool()
    spool.write(b"hello")
    return UploadedFile("a.txt", "text/plain", 1.5, spool)


def test_it_is_the_dict_pywebio_returns():
    f = make()
    assert isinstance(f, dict)
    assert sorted(f) == sorted(PLAIN)
    assert f["content"] == b"hello" and f.get("content") == b"hello"
    assert f == PLAIN and dict(f) == PLAIN and {**f} == PLAIN and f.copy() == PLAIN
    assert dict(f.items()) == PLAIN and list(f.values())[1] == b"hello"
    assert f.get("missing", 7) == 7


def test_content_is_read_on_first_use_only():
    f = make()
    assert not isinstance(dict.__getitem__(f, "content"), bytes)
    assert "size=5" in repr(f) and "hello" not in repr(f)
    assert f.size == 5
    f["content"]
    assert dict.__getitem__(f, "content") == b"hello"


def test_it_pickles_and_copies_as_a_plain_dict():
    assert pickle.loads(pickle.dumps(make())) == PLAIN
    assert copy.deepcopy(dict(make())) == PLAIN


def test_save_streams_to_a_path(tmp_path):
    f = make()
    f.save(str(tmp_path / "out"))
    assert (tmp_path / "out").read_bytes() == b"hello"
    assert not isinstance(dict.__getitem__(f, "content"), bytes), "save() loads nothing"
