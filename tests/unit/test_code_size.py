"""Size limits that keep the code in small, named modules: no hand-written source file over 400
lines, and no backend plugin over 100 lines of code (shared logic belongs in the core), plus 60
for each further backend it registers (webio-tornado's tornado_http). A broker plugin for
scale-out (webio-redis) provides a bus and nothing else: 200 lines."""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAX_FILE_LINES = 400
MAX_PLUGIN_CODE_LINES = 100
#: A second backend of the same framework (another transport) reuses the first one's adapter.
MAX_VARIANT_CODE_LINES = 60
#: A plugin that registers no backend but a session registry: the bus to one broker.
MAX_BROKER_CODE_LINES = 200


def hand_written_sources() -> list[Path]:
    python = [*ROOT.glob("webio_core/**/*.py"), *ROOT.glob("plugins/*/webio_*/**/*.py")]
    typescript = [p for p in ROOT.glob("frontend/src/**/*.ts") if "generated" not in p.parts]
    return sorted(python + typescript)


def code_lines(path: Path) -> int:
    """Lines holding code: blank lines, comments and docstrings do not count, and the lines of
    a string literal wrapped over several lines count as one."""
    source = path.read_text(encoding="utf-8")
    docstrings: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                docstrings.update(range(value.lineno, (value.end_lineno or value.lineno) + 1))
    lines: set[int] = set()
    previous = None
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        kinds = (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)
        if token.type in kinds or token.type == tokenize.ENDMARKER:
            continue
        # A string wrapped over several lines ("a b " "c d") is one value: it counts once.
        if token.type == previous == tokenize.STRING:
            continue
        previous = token.type
        lines.update(n for n in range(token.start[0], token.end[0] + 1) if n not in docstrings)
    return len(lines)


def plugin_packages() -> list[Path]:
    plugins = ROOT.glob("plugins/webio-*/webio_*")
    fixture = ROOT.glob("tests/plugin/*/webio_*")
    return sorted(p for p in [*plugins, *fixture] if p.is_dir() and p.suffix != ".egg-info")


def implements(package: Path, hook: str) -> bool:
    tree = ast.parse((package / "plugin.py").read_text(encoding="utf-8"))
    return any(isinstance(n, ast.FunctionDef) and n.name == hook for n in ast.walk(tree))


def backend_packages() -> list[Path]:
    return [p for p in plugin_packages() if not implements(p, "webio_session_registry")]


def broker_packages() -> list[Path]:
    return [p for p in plugin_packages() if implements(p, "webio_session_registry")]


def test_sources_exist():
    assert len(hand_written_sources()) > 50 and len(backend_packages()) >= 3
    assert broker_packages(), "webio-redis implements webio_session_registry"


@pytest.mark.parametrize("path", hand_written_sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_source_file_is_over_400_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_FILE_LINES, f"{path.relative_to(ROOT)} has {lines} lines: split it"


def backends_registered(package: Path) -> int:
    """How many ``Backend(...)`` its plugin module declares."""
    tree = ast.parse((package / "plugin.py").read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    return sum(isinstance(c.func, ast.Name) and c.func.id == "Backend" for c in calls)


@pytest.mark.parametrize("package", backend_packages(), ids=lambda p: p.name)
def test_backend_plugins_are_thin(package):
    total = sum(code_lines(path) for path in package.glob("**/*.py"))
    backends = backends_registered(package)
    assert backends >= 1, f"{package.name}/plugin.py declares no Backend"
    limit = MAX_PLUGIN_CODE_LINES + MAX_VARIANT_CODE_LINES * (backends - 1)
    assert total <= limit, f"{package.name}: {total} code lines for {backends} backend(s)"


@pytest.mark.parametrize("package", broker_packages(), ids=lambda p: p.name)
def test_broker_plugins_only_provide_a_bus(package):
    total = sum(code_lines(path) for path in package.glob("**/*.py"))
    assert backends_registered(package) == 0
    assert total <= MAX_BROKER_CODE_LINES, f"{package.name}: {total} code lines"


def test_code_lines_ignore_docstrings_comments_and_blanks(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""Module\ndoc."""\n\n# comment\ndef f():\n    """Doc."""\n    return 1\n')
    assert code_lines(sample) == 2


def test_a_wrapped_string_counts_once_but_a_list_of_strings_does_not(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('NAMES = (\n    "a b "\n    "c d"\n)\nLIST = [\n    "a",\n    "b",\n]\n')
    assert code_lines(sample) == 3 + 4  # "c d" does not count; every line of LIST does
