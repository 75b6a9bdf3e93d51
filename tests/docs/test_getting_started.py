"""docs/getting-started.md repeats README's two set-up commands: they must stay the same."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASH_BLOCK = re.compile(r"^```bash\n(.*?)^```", re.MULTILINE | re.DOTALL)


def bash_blocks(path: Path) -> list[str]:
    return BASH_BLOCK.findall(path.read_text())


def test_the_two_commands_are_readmes() -> None:
    readme = bash_blocks(ROOT / "README.md")[:2]
    guide = bash_blocks(ROOT / "docs" / "getting-started.md")[:2]
    assert len(readme) == 2 and "pip install" in readme[0] and "scripts/test.sh" in readme[1]
    assert guide == readme
