"""The live preview page: converted chapter by chapter, only changed chapters again."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import edit

from assembler.checks.pipeline import check
from assembler.render.documents import plan_document
from assembler.render.livehtml import LivePage, split_chapters

SEN = "chapters/10-seniori.md"


def _page(live: LivePage, root: Path) -> str:
    result = check(root)
    assert result.plan is not None, [str(p) for p in result.problems]
    return live.render(plan_document(result.plan))


def test_split_at_top_level_headings_but_not_inside_code() -> None:
    markdown = "# A\n\ntext\n\n```\n# not a heading\n```\n\n## A.1\n\n# B\n\nmore\n"
    pieces = split_chapters(markdown)
    assert [p.split("\n")[0] for p in pieces] == ["# A", "# B"]
    assert "# not a heading" in pieces[0]
    assert "".join(pieces).replace("\n", "") == markdown.replace("\n", "")


def test_an_edit_reconverts_only_what_changed(mini: Path) -> None:
    live = LivePage()
    first = _page(live, mini)
    chapters = live.converted
    assert chapters >= 4 and "Pečovatelská služba" in first
    edit(mini, SEN, "Pečovatelská služba o víkendu", "Víkendová péče")
    second = _page(live, mini)
    assert "Víkendová péče" in second and "Pečovatelská služba o víkendu" not in second
    assert 1 <= live.converted < chapters
    assert _page(live, mini) == second and live.converted == 0


def test_contents_links_all_lead_somewhere_and_ids_are_unique(mini: Path) -> None:
    for name in (SEN, "chapters/20-rodiny.md"):  # the same heading in two chapters
        with (mini / name).open("a", encoding="utf-8") as chapter:
            chapter.write("\n## Poznámky\n\nBez poznámek.\n")
    page = _page(LivePage(), mini)
    assert page.count(">Poznámky</a>") == 2
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    toc = page[page.index('<nav class="toc') : page.index("</nav>")]
    targets = re.findall(r'href="#([^"]+)"', toc)
    assert len(targets) >= 8
    assert set(targets) <= set(ids)
    assert page.count("<h1>") == 1 and '<html lang="cs">' in page
