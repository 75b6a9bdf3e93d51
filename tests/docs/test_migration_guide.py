"""docs/migrating-from-pywebio.md against the code: its API tables are what
scripts/pywebio_migration_report.py computes from webio_core and the committed snapshot of
PyWebIO 1.8.4's names (docs/_data/pywebio-1.8.4-api.json). PyWebIO need not be installed."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def report() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "pywebio_migration_report", ROOT / "scripts" / "pywebio_migration_report.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def results(report):
    return report.compare_all(report.load_snapshot())


def test_snapshot_is_pywebio_1_8_4_with_every_module(report):
    snapshot = report.load_snapshot()
    assert snapshot["pywebio"] == "1.8.4"
    assert set(snapshot["modules"]) == set(report.MODULES)
    assert "put_text" in snapshot["modules"]["output"]
    assert "webio_view" in snapshot["modules"]["platform.flask"]


def test_the_page_holds_the_tables_the_script_computes(report, results):
    page = report.PAGE.read_text(encoding="utf-8")
    tables = report.markdown_report(results, report.load_snapshot()["pywebio"])
    assert report.page_with_tables(page, tables) == page, (
        "docs/migrating-from-pywebio.md is out of date: run "
        "python scripts/pywebio_migration_report.py --write-page"
    )


def test_added_names_are_the_real_public_names_pywebio_lacks(report, results):
    page = report.PAGE.read_text(encoding="utf-8")
    snapshot = report.load_snapshot()["modules"]
    for result in results:
        module = report.qualified("webio_core", result["module"])
        ours = report.describe_module(module) or {}
        expected = sorted(set(ours) - set(snapshot[result["module"]]))
        assert result["added"] == expected
        section = page.split(f"### `{report.qualified('pywebio', result['module'])}`")[1]
        line = re.search(r"- Added by webio_core: (.*)", section)
        assert line is not None
        listed = re.findall(r"`([^`]+)`", line.group(1))
        assert listed == expected, module


def test_a_changed_signature_is_reported(report):
    theirs = {"kind": "function", "params": [["a", "POSITIONAL_OR_KEYWORD", None]]}
    extra = [["b", "KEYWORD_ONLY", "1"]]
    assert report.status(theirs, theirs) == "same"
    assert report.status(theirs, {**theirs, "params": theirs["params"] + extra}) == "compatible"
    renamed = {"kind": "function", "params": [["x", "POSITIONAL_OR_KEYWORD", None]]}
    assert report.status(theirs, renamed) == "differs"
    assert report.status(theirs, None) == "missing"


def test_readme_points_to_the_guide():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Differences from PyWebIO" not in readme
    assert "docs/migrating-from-pywebio.md" in readme
