"""The harness of the documentation's examples reads the example comments as the contract says,
refuses malformed ones, and fails an example whose page does not show what it claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from webio_core.testing import WaitTimeout

from .code_blocks import BadExample, CodeBlock, python_blocks
from .test_code_examples import run_app

PAGE = """# A page

<!-- example: {"run": "app", "steps": [["submit", "Ada"], ["see", "Hello Ada"]]} -->
```python
from webio_core.input import input
from webio_core.output import put_text

put_text("Hello " + input("Your name?"))
```

```bash
echo not python
```

- a list item
  ```python
  assert 1 + 1 == 2
  ```
"""


def test_blocks_their_lines_and_their_comments(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(PAGE)
    app, module = python_blocks(page)
    assert (app.line, app.run, app.steps[0]) == (5, "app", ["submit", "Ada"])
    assert app.code.startswith("from webio_core.input import input\n")
    assert (module.run, module.code) == ("module", "assert 1 + 1 == 2\n")


@pytest.mark.parametrize(
    "comment, complaint",
    [
        ('{"run": "app"}', "needs steps"),
        ('{"run": "serve"}', "unknown run kind"),
        ('{"run": "host", "steps": [["see", "x"]]}', "needs a framework"),
        ('{"run": "app", "steps": [["look", "x"]]}', "is not one of"),
        ('{"run": "module", "expect": 1}', "unknown keys"),
        ('{"run": "module",}', "is not JSON"),
    ],
)
def test_a_malformed_comment_is_refused(tmp_path: Path, comment: str, complaint: str) -> None:
    page = tmp_path / "page.md"
    page.write_text(f"<!-- example: {comment} -->\n```python\npass\n```\n")
    with pytest.raises(BadExample, match=complaint):
        python_blocks(page)


def test_an_example_that_does_not_show_what_it_claims_fails(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(PAGE.replace('["see", "Hello Ada"]', '["see", "Hello Bob"]'))
    block: CodeBlock = python_blocks(page)[0]
    with pytest.raises(WaitTimeout, match="Hello Bob"):
        run_app(block)
