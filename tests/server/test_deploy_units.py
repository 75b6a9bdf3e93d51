"""The pieces of path_deploy without a server: URL checks, containment in the base, the script
loader's cache and error texts, and the checks of path_deploy's arguments."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from webio_core.deploy import DirectoryApps, path_deploy, path_deploy_http
from webio_core.deploy.paths import BaseDirectory, UrlPath, parse_url_path
from webio_core.deploy.scripts import ScriptLoader, app_function, main_summary, module_name
from webio_core.plugins import BackendNotFoundError


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", UrlPath((), True)),
        ("/a", UrlPath(("a",), False)),
        ("/a/b/", UrlPath(("a", "b"), True)),
        ("/my%20app", UrlPath(("my app",), False)),
        ("/a%2Fb", UrlPath(("a", "b"), False)),  # an encoded slash is a slash, checked as one
    ],
)
def test_url_paths_made_of_visible_names(path, expected):
    assert parse_url_path(path) == expected


@pytest.mark.parametrize(
    "path",
    [
        "",
        "a",
        "//etc/passwd",
        "/a//b",
        "/..",
        "/a/../b",
        "/./a",
        "/%2e%2e/a",
        "/%2E%2E%2Fa",
        "/a%2f%2e%2e%2fb",
        "/_private",
        "/a/.git/config",
        "/a%5c..%5cb",
        "/a%00b",
        "/c:%5cwindows",
        "/%2541",  # a name holding "%" once decoded
    ],
)
def test_url_paths_that_could_leave_the_base_or_show_hidden_names(path):
    assert parse_url_path(path) is None


def test_the_base_answers_with_real_paths_inside_it_only(tmp_path):
    base = tmp_path / "base"
    (base / "sub").mkdir(parents=True)
    (base / "sub" / "app.py").write_text("")
    (base / "_hidden.py").write_text("")
    (tmp_path / "out.py").write_text("")
    (base / "link_out.py").symlink_to(tmp_path / "out.py")
    (base / "link_hidden.py").symlink_to(base / "_hidden.py")
    (base / "link_in.py").symlink_to(base / "sub" / "app.py")
    root = BaseDirectory(base)
    assert root.script(UrlPath(("sub", "app"), False)) == (base / "sub" / "app.py").resolve()
    assert root.script(UrlPath(("link_in",), False)) == (base / "sub" / "app.py").resolve()
    assert root.script(UrlPath(("link_out",), False)) is None
    assert root.script(UrlPath(("link_hidden",), False)) is None
    assert root.folder(UrlPath(("sub",), False)) == (base / "sub").resolve()
    assert root.inside(base / ".." / "out.py") is None
    assert root.inside(Path("/etc/passwd")) is None


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path.resolve()


def test_a_script_is_loaded_once_and_again_on_reload_after_a_change(tmp_path):
    loader = ScriptLoader(BaseDirectory(tmp_path))
    script = write(tmp_path / "app.py", "RUNS = []\nRUNS.append(1)\ndef main(): pass\n")
    first = loader.load(script)
    assert first.module is not None and loader.load(script) is first
    assert loader.load(script, reload=True) is first  # unchanged: nothing to load
    write(script, "VERSION = 2\ndef main(): pass\n")
    assert loader.load(script) is first  # changed, but kept until asked
    second = loader.load(script, reload=True)
    assert second.module is not None and second.module.VERSION == 2
    assert second.module.__name__ == "__webio_deploy__.app"
    assert sys.modules["__webio_deploy__.app"] is second.module


def test_a_failing_script_is_tried_again_once_changed(tmp_path):
    loader = ScriptLoader(BaseDirectory(tmp_path))
    script = write(tmp_path / "app.py", "def main():\n    pass\nraise SystemExit(3)\n")
    failed = loader.load(script)
    assert failed.module is None and failed.error is not None and "SystemExit: 3" in failed.error
    assert "__webio_deploy__.app" not in sys.modules
    assert loader.load(script) is failed  # not run again while unchanged
    write(script, "def main():\n    return 'ok'\n")
    assert loader.load(script).module is not None


def test_the_error_text_hides_server_paths_unless_debugging(tmp_path):
    script = write(tmp_path / "bad.py", "def main():\n    pass\n\n1 / 0\n")
    text = ScriptLoader(BaseDirectory(tmp_path)).load(script).error
    assert text is not None
    assert 'File "bad.py", line 4' in text and "ZeroDivisionError" in text
    assert str(tmp_path) not in text and "importlib" not in text
    debug_text = ScriptLoader(BaseDirectory(tmp_path), debug=True).load(script).error
    assert debug_text is not None and str(tmp_path.resolve()) in debug_text


def test_a_script_without_main_is_never_run(tmp_path):
    marker = tmp_path / "ran"
    script = write(tmp_path / "helper.py", f"open({str(marker)!r}, 'w').close()\n")
    loaded = ScriptLoader(BaseDirectory(tmp_path)).load(script)
    assert loaded.module is None and loaded.error is None and not marker.exists()


def test_sibling_modules_are_importable_while_the_script_loads(tmp_path):
    write(tmp_path / "sibling_of_app.py", "WORD = 'from the sibling'\n")
    script = write(tmp_path / "app.py", "from sibling_of_app import WORD\ndef main(): pass\n")
    try:
        loaded = ScriptLoader(BaseDirectory(tmp_path)).load(script)
        assert loaded.module is not None and loaded.module.WORD == "from the sibling"
        assert str(tmp_path) not in sys.path
    finally:
        sys.modules.pop("sibling_of_app", None)


def test_apps_of_a_script(tmp_path):
    script = write(
        tmp_path / "apps.py",
        "from os.path import join\ndef main(): pass\ndef other(): pass\ndef _hidden(): pass\n",
    )
    module = ScriptLoader(BaseDirectory(tmp_path)).load(script).module
    assert module is not None
    assert app_function(module, "index") is module.main
    assert app_function(module, "other") is module.other
    for name in ("_hidden", "join", "missing", "__class__", "a.b"):
        assert app_function(module, name) is None


def test_main_summaries_and_module_names(tmp_path):
    with_doc = write(tmp_path / "a.py", 'def main():\n    """Title.\n\n    More."""\n')
    assert main_summary(with_doc) == "Title."
    assert main_summary(write(tmp_path / "b.py", "main = lambda: None\n")) == ""
    assert main_summary(write(tmp_path / "c.py", "def other(): pass\n")) is None
    assert "error" in str(main_summary(write(tmp_path / "d.py", "def main(:\n")))
    assert module_name("tools/chart.py") == "__webio_deploy__.tools.chart"
    assert module_name("a.b.py") == "__webio_deploy__.a_b"


def test_misuse_is_a_clear_error(tmp_path):
    file = write(tmp_path / "file.py", "")
    with pytest.raises(NotADirectoryError, match="needs a directory"):
        DirectoryApps(file)
    with pytest.raises(NotADirectoryError):
        path_deploy(str(tmp_path / "missing"))
    with pytest.raises(TypeError, match="index must be"):
        DirectoryApps(tmp_path, index="yes")  # type: ignore[arg-type]
    with pytest.raises(BackendNotFoundError, match="Unknown backend 'nope'"):
        path_deploy_http(str(tmp_path), backend="nope")
