"""The examples gallery (examples/gallery/, shown in docs/gallery.md), each app run on a real
server and driven as a user would: what it asks, what the user answers, what the page shows.

Every gallery file must have a test here: ``test_every_gallery_app_is_tested`` fails otherwise.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

import pytest

from webio_core.testing import WebIOClient, serve

GALLERY = Path(__file__).resolve().parents[2] / "examples" / "gallery"

#: Gallery file stem -> the test that drives it.
TESTED: dict[str, Callable[..., None]] = {}

#: One WebSocket and one HTTP-polling backend.
BACKENDS = ["tornado", "flask"]


def drives(name: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Mark a test as the one for ``examples/gallery/<name>.py``."""

    def register(test: Callable[..., None]) -> Callable[..., None]:
        TESTED[name] = test
        return test

    return register


def load(name: str) -> ModuleType:
    """Import a gallery file as a module (its ``__main__`` block does not run)."""
    spec = importlib.util.spec_from_file_location(f"gallery_{name}", GALLERY / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(params=BACKENDS)
def open_app(request: pytest.FixtureRequest) -> Iterator[Callable[[Any], WebIOClient]]:
    """``user = open_app(app)``: serve ``app`` and open a page on it (both closed after the
    test)."""
    with ExitStack() as stack:

        def open_app(app: Any) -> WebIOClient:
            server = stack.enter_context(serve(app, backend=request.param))
            return stack.enter_context(server.client())

        yield open_app


def form_error(user: WebIOClient, field: str) -> str:
    """Wait for the newest form to mark ``field`` invalid; returns the message shown."""
    form = user.form()
    return user.wait_until(lambda page: form.error(field), f"an error on {field!r}")


@drives("bmi")
def test_bmi(open_app: Callable[[Any], WebIOClient]) -> None:
    user = open_app(load("bmi").bmi_calculator)
    user.submit(height="17.5", weight="70")
    assert form_error(user, "height") == "Height must be between 50 and 250 cm."
    user.submit(height="175", weight="70")
    user.should_see("Your BMI is 22.9")
    user.should_see("You are in the **Normal weight** range.")
    user.should_see("30 and above")


@drives("quiz")
def test_quiz(open_app: Callable[[Any], WebIOClient]) -> None:
    user = open_app(load("quiz").quiz)
    for label in ["56", "Venus", "Fe"]:
        form = user.form()
        user.submit(form.index("data", label), form=form, settle=True)
    user.should_see("1. 56: right")
    user.should_see("2. Venus: wrong, the answer is Mercury")
    user.should_see("3. Fe: right")
    user.should_see("You scored 2 of 3.")


@drives("registration")
def test_registration(open_app: Callable[[Any], WebIOClient]) -> None:
    user = open_app(load("registration").registration)
    form = user.form()
    photography = form.index("course", "Evening photography")
    answers = {"name": "Lin", "email": "lin@example", "age": "15", "course": photography}
    user.submit(**answers, news=[])
    assert form_error(user, "email") == "This does not look like an e-mail address."
    answers["email"] = "lin@example.org"
    user.submit(**answers, news=[], form=form)
    assert form_error(user, "course") == "Evening photography is for adults only."
    answers["course"] = form.index("course", "Data analysis")
    user.submit(**answers, news=[0], form=form)
    user.should_see("Thank you, Lin!")
    user.should_see("Data analysis")
    user.should_see("lin@example.org")
    user.should_see("yes")


@drives("line_counter")
def test_line_counter(open_app: Callable[[Any], WebIOClient]) -> None:
    user = open_app(load("line_counter").line_counter)
    user.upload({"data": {"access.log": b"GET /\nGET /about\nPOST /login\n", "empty.txt": b""}})
    user.should_see("2 file(s) counted")
    assert last_table(user) == [
        ["File", "Lines", "Words", "Characters"],
        ["access.log", "3", "6", "29"],
        ["empty.txt", "0", "0", "0"],
    ]


@drives("line_counter")
def test_line_counter_without_files(open_app: Callable[[Any], WebIOClient]) -> None:
    user = open_app(load("line_counter").line_counter)
    user.upload({"data": {}})
    user.should_see("No file was chosen.")


@drives("checksums")
def test_checksums(open_app: Callable[[Any], WebIOClient], tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_bytes(b"hello\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "data.bin").write_bytes(b"")
    user = open_app(load("checksums").checksums)
    user.submit(str(tmp_path / "missing"))
    assert form_error(user, "data") == "No such directory."
    user.submit(str(tmp_path), form=user.form())
    user.should_see("2 of 2 files")
    hello = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"
    empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    user.should_see(f"{hello}  notes.txt")
    code = user.wait_until(
        lambda page: next((o["content"] for o in page.outputs() if o["type"] == "code"), None),
        "the SHA256SUMS listing",
    )
    assert code == f"{hello}  notes.txt\n{empty}  sub/data.bin"
    log = user.wait_until(lambda page: page.texts("log"), "the log")
    assert log == [f"{hello}  notes.txt", f"{empty}  sub/data.bin"]


@drives("grades")
def test_grades(open_app: Callable[[Any], WebIOClient]) -> None:
    user = open_app(load("grades").grades)
    user.should_see("Summary")
    assert last_table(user) == [
        ["Subject", "Average", "Best", "Failed"],
        ["Maths", "15.3", "18", "0"],
        ["Physics", "13.7", "17", "1"],
    ]
    form = user.form()
    user.submit(form.index("data", "Alan"), form=form, settle=True)
    user.should_see("Marks: Alan")
    assert last_table(user) == [
        ["Student", "Subject", "Mark"],
        ["Alan", "Maths", "16"],
        ["Alan", "Physics", "9"],
    ]
    form = user.form()
    user.submit(form.index("data", "Everyone"), form=form)
    user.should_see("Marks: Everyone")
    user.should_not_see("Marks: Alan")
    assert len(last_table(user)) == 7  # the header and every mark


@drives("savings")
def test_savings(open_app: Callable[[Any], WebIOClient]) -> None:
    module = load("savings")
    user = open_app(module.savings)
    # 100 a month at 3 % for 10 years, as the page first shows it.
    expected = module.balance_by_year(100, 3, 10)[-1]
    user.should_see(f"After 10 years: {expected:,.2f}")
    assert f"{expected:,.2f}" == "13,974.14"
    user.set_pin("rate", 0)
    user.should_see("After 10 years: 12,000.00")
    user.should_see("interest adds 0.00")
    user.set_pin("years", 0)  # the first option: 5 years
    user.should_see("After 5 years: 6,000.00")
    assert len(last_table(user)) == 6  # the header and one row a year
    user.set_pin("monthly", None)  # the field emptied
    user.should_see("After 5 years: 0.00")


def test_every_gallery_app_is_tested() -> None:
    files = {path.stem for path in GALLERY.glob("*.py")}
    assert files, f"no gallery apps in {GALLERY}"
    assert files - set(TESTED) == set(), "gallery apps without a test in this module"
    assert set(TESTED) - files == set(), "tests of gallery apps that do not exist"


def test_every_gallery_app_is_a_program() -> None:
    """Each file runs on its own (``python examples/gallery/NAME.py``) and has a docstring."""
    for path in sorted(GALLERY.glob("*.py")):
        source = path.read_text()
        assert 'if __name__ == "__main__":\n    start_server(' in source, path.name
        assert load(path.stem).__doc__, path.name


def last_table(user: WebIOClient) -> list[list[str]]:
    """The text of each cell of the last table on the page, row by row."""

    def find(page: Any) -> Any:
        tables = [o for o in page.outputs() if o["type"] == "table"]
        if not tables:
            return None
        return [[cell.get("content", "") for cell in row] for row in tables[-1]["rows"]]

    rows: list[list[str]] = user.wait_until(find, "a table")
    return rows
