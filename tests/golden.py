"""Golden files: the Markdown rendered from tests/fixtures/mini, kept in tests/golden/.

Regenerate after an intended change of the templates (then review the diff):

    python tests/golden.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from assembler.checks.pipeline import check  # noqa: E402
from assembler.render.documents import plan_document, summary_document  # noqa: E402

FIXTURE = HERE / "fixtures" / "mini"
GOLDEN = HERE / "golden"


def rendered() -> dict[str, str]:
    result = check(FIXTURE)
    assert result.plan is not None and result.ok, [str(p) for p in result.problems]
    return {
        "mini-plan.md": plan_document(result.plan).markdown,
        "mini-summary.md": summary_document(result.plan).markdown,
    }


if __name__ == "__main__":
    for name, text in rendered().items():
        (GOLDEN / name).write_text(text, encoding="utf-8")
        print(f"zapsáno: tests/golden/{name}")
