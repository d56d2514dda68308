"""The rendered Markdown of the fixture plan equals the reviewed golden files."""

from __future__ import annotations

import pytest
from golden import GOLDEN, rendered


@pytest.mark.parametrize("name", ["mini-plan.md", "mini-summary.md"])
def test_rendered_markdown_matches_golden_file(name: str) -> None:
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    assert rendered()[name] == expected, (
        f"{name} differs from tests/golden/{name}; if the change is intended, "
        "run `python tests/golden.py` and review the diff"
    )
