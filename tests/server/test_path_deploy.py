"""path_deploy's resolver on every installed backend: a directory tree of scripts served at
their paths over the real transports, driven by the protocol-level client.

The tree has nested folders, hidden files and folders, an ``index.py``, a script that does not
parse and one that fails when run, a helper module without ``main``, and symbolic links leading
out of the base; the requests include ``../`` and its percent-encoded forms.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from webio_core.deploy import DirectoryApps
from webio_core.plugins import get_plugins
from webio_core.protocol.constants import NEW_SESSION, SESSION_HEADER
from webio_core.server.start import create_server, running_in_thread
from webio_core.testing import WebIOClient, eventually, http_request, raw_get


def app_source(text: str, doc: str = "") -> str:
    return (
        "from webio_core.output import put_text\n\n\n"
        f"def main():\n    {doc!r}\n    put_text({text!r})\n"
    )


def write_tree(root: Path) -> Path:
    """The deployed directory (``root/base``) and, beside it, what must never be served."""
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.py").write_text(app_source("SECRET OUTSIDE"))
    (outside / "passwd").write_text("SECRET FILE\n")
    base = root / "base"
    files = {
        "hello.py": app_source("hello from the top", doc="Says hello.\n\nDetails.")
        + "\n\ndef other():\n    put_text('the other app')\n\n\ndef _private():\n    pass\n",
        "helper.py": "import pathlib\npathlib.Path(__file__).with_name('_ran').write_text('x')\n",
        "_hidden.py": app_source("SECRET HIDDEN FILE"),
        ".dotted.py": app_source("SECRET DOT FILE"),
        "_private/app.py": app_source("SECRET HIDDEN FOLDER"),
        "tools/calc.py": app_source("calculator", doc="Adds numbers."),
        "tools/broken.py": "from webio_core.output import put_text\n\ndef main(:\n    pass\n",
        "tools/crash.py": app_source("never") + "\nraise RuntimeError('crash on import')\n",
        "tools/deep/inner.py": app_source("deep inside"),
        "docs/index.py": app_source("the docs index"),
        "docs/page.py": app_source("a docs page"),
    }
    for name, source in files.items():
        (base / name).parent.mkdir(parents=True, exist_ok=True)
        (base / name).write_text(source)
    (base / "leak.py").symlink_to(outside / "secret.py")
    (base / "leakdir").symlink_to(outside, target_is_directory=True)
    (base / "alias.py").symlink_to(base / "tools" / "calc.py")  # inside the base: served
    return base


@contextmanager
def deployed(backend: str, base: Path, **options: Any) -> Iterator[str]:
    """A server of ``DirectoryApps(base)`` (with ``index``, if given) on 127.0.0.1."""
    resolver = DirectoryApps(base, index=options.pop("index", True))
    server, endpoint = create_server(resolver, backend=backend, host="127.0.0.1", **options)
    with running_in_thread(server, endpoint) as url:
        yield url.rstrip("/")
    eventually(lambda: not endpoint.sessions, "the sessions to close")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tree(tmp_path_factory.mktemp("deploy"))


@pytest.fixture(scope="module")
def site(webio_backend: str, base: Path) -> Iterator[str]:
    with deployed(webio_backend, base) as url:
        yield url


def transport(backend: str) -> str:
    return get_plugins().backend(backend).transport


def page_text(url: str, backend: str, text: str, app: str = "index") -> str:
    with WebIOClient(url, app=app, transport=transport(backend), timeout=5) as user:
        return user.should_see(text)


def session_refused(url: str, backend: str) -> bool:
    """Whether a new session at ``url`` is refused (WebSocket upgrade or HTTP session start)."""
    if transport(backend) == "http":
        headers = {SESSION_HEADER: NEW_SESSION}
        status, _, _ = http_request(url, query={"app": "index", "ack": "0"}, headers=headers)
        return status in (403, 404)
    ws_url = "ws" + url[len("http") :] + "?app=index"
    try:
        with connect(ws_url, open_timeout=5):
            return False
    except InvalidStatus as refusal:
        return refusal.response.status_code in (403, 404)


# ---- listings and index pages -----------------------------------------------------------------


def test_the_root_lists_visible_folders_and_apps_only(site):
    status, headers, body = http_request(site + "/")
    page = body.decode()
    assert status == 200 and headers["content-type"].startswith("text/html")
    for link in ('href="tools/"', 'href="docs/"', 'href="hello"', 'href="alias"'):
        assert link in page
    assert "Says hello." in page and "Details" not in page  # main's docstring, first paragraph
    for absent in ("_hidden", "dotted", "_private", "helper", "leak", "secret", "../"):
        assert absent not in page


def test_a_folder_lists_its_apps_and_subfolders(site):
    page = http_request(site + "/tools/")[2].decode()
    for link in ('href="../"', 'href="deep/"', 'href="calc"', 'href="broken"', 'href="crash"'):
        assert link in page
    assert "Adds numbers." in page and "Index of /tools/" in page


def test_a_folder_without_its_slash_redirects_relatively(site):
    status, body = raw_get(site, "/tools")
    assert status == 302 and body == b""
    assert http_request(site + "/tools")[0] == 200  # urllib follows the redirect to /tools/


def test_index_py_replaces_the_listing(site, webio_backend):
    status, _, body = http_request(site + "/docs/")
    assert status == 200 and b"Index of" not in body
    assert page_text(site + "/docs/", webio_backend, "docs") == "the docs index"
    assert page_text(site + "/docs/page", webio_backend, "docs") == "a docs page"


def test_a_custom_index_function_and_no_index(webio_backend, base):
    seen = []

    def index(path: str) -> str:
        seen.append(path)
        return "<h1>my own index</h1>"

    with deployed(webio_backend, base, index=index) as url:
        assert http_request(url + "/tools/")[2] == b"<h1>my own index</h1>"
    assert seen == [str((base / "tools").resolve())]
    with deployed(webio_backend, base, index=False) as url:
        assert http_request(url + "/tools/")[0] == 403
        assert page_text(url + "/docs/", webio_backend, "docs") == "the docs index"


# ---- apps ------------------------------------------------------------------------------------


def test_apps_are_served_at_their_paths(site, webio_backend):
    assert page_text(site + "/hello", webio_backend, "hello") == "hello from the top"
    assert page_text(site + "/tools/calc", webio_backend, "calc") == "calculator"
    assert page_text(site + "/tools/deep/inner", webio_backend, "deep") == "deep inside"
    assert page_text(site + "/alias", webio_backend, "calc") == "calculator"
    status, _, page = http_request(site + "/hello")
    assert status == 200 and b"<title>Says hello.</title>" in page


def test_query_app_picks_another_function_of_the_script(site, webio_backend):
    assert page_text(site + "/hello", webio_backend, "other", app="other") == "the other app"
    for name in ("_private", "put_text", "missing", "../x"):
        status = http_request(site + "/hello", query={"app": name})[0]
        assert status == 404, name
    assert b"no app called 'put_text'" in http_request(site + "/hello?app=put_text")[2]


def test_a_broken_script_shows_its_error_on_its_own_page(site, webio_backend, base):
    status, headers, body = http_request(site + "/tools/broken")
    text = body.decode()
    assert status == 500 and headers["content-type"].startswith("text/plain")
    assert "tools/broken.py" in text and "SyntaxError" in text
    assert str(base.resolve()) not in text  # no server path out of debug mode
    status, _, body = http_request(site + "/tools/crash")
    assert status == 500 and b"RuntimeError: crash on import" in body
    assert b'File "tools/crash.py", line' in body
    assert session_refused(site + "/tools/broken", webio_backend)
    # ... and the other apps of the tree, and of its folder, still work.
    assert page_text(site + "/tools/calc", webio_backend, "calc") == "calculator"
    assert page_text(site + "/hello", webio_backend, "hello") == "hello from the top"


def test_a_module_without_main_is_no_app_and_is_never_run(site, webio_backend, base):
    assert http_request(site + "/helper")[0] == 404
    assert session_refused(site + "/helper", webio_backend)
    assert not (base / "_ran").exists()


# ---- nothing outside the base, nothing hidden ------------------------------------------------

ESCAPES = [
    "/../outside/secret",
    "/tools/../../outside/secret",
    "/%2e%2e/outside/secret",
    "/%2e%2e%2foutside%2fsecret",
    "/tools/%2e%2e%2f%2e%2e%2foutside%2fsecret",
    "/tools/%252e%252e%252f%252e%252e%252foutside%252fsecret",
    "/tools/..%5c..%5coutside%5csecret",
    "/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/leak",
    "/leakdir/",
    "/leakdir/secret",
    "/_hidden",
    "/.dotted",
    "/_private/app",
    "/_private/",
    "/%5fprivate/app",
    "/hello.py",
    "/tools/deep/%2e%2e/%2e%2e/%2e%2e/outside/secret",
]


def test_no_path_outside_the_base_or_hidden_is_served(site, webio_backend, base):
    absolute = "/" + str((base.parent / "outside" / "secret").resolve())  # //tmp/.../secret
    for target in [*ESCAPES, absolute, absolute.replace("/", "%2f")]:
        status, body = raw_get(site, target)
        assert b"SECRET" not in body, target
        assert status in (400, 403, 404), (target, status)
    for target in ESCAPES:
        if "%25" not in target and "%5c" not in target:
            assert session_refused(site + target, webio_backend), target


# ---- reloading ---------------------------------------------------------------------------------


def test_reload_loads_a_changed_script_again(site, webio_backend, base):
    script = base / "changing.py"
    script.write_text(app_source("v1"))
    assert page_text(site + "/changing", webio_backend, "v") == "v1"
    script.write_text(app_source("version two"))  # another size: a change whatever the clock
    assert page_text(site + "/changing", webio_backend, "v") == "v1"  # kept until ?reload
    assert http_request(site + "/changing", query={"reload": ""})[0] == 200
    assert page_text(site + "/changing", webio_backend, "v") == "version two"


def test_a_fixed_script_loads_without_reload(site, webio_backend, base):
    script = base / "fixme.py"
    script.write_text("def main(:\n")
    assert http_request(site + "/fixme")[0] == 500
    script.write_text(app_source("fixed now"))
    assert page_text(site + "/fixme", webio_backend, "fixed") == "fixed now"
