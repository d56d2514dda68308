"""HTML on a phone: a wide table scrolls in its own box, the page does not scroll sideways.

The boxes are named, keyboard-reachable regions (WCAG 2.1.1 and 1.4.10); checked on the
sample plan's monitoring report and public summary, and in a narrow headless Chromium.
"""

from __future__ import annotations

import json
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_accessibility import CHROMIUM

from assembler.outputs.build import build


class _Tables(HTMLParser):
    """Each table's enclosing element's attributes and the table's caption text."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[dict[str, str | None]] = []
        self.found: list[tuple[dict[str, str | None], str]] = []
        self._caption: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.found.append((self.open[-1] if self.open else {}, ""))
        elif tag == "caption":
            self._caption = []
        self.open.append(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption" and self._caption is not None:
            box, _ = self.found[-1]
            self.found[-1] = (box, " ".join("".join(self._caption).split()))
            self._caption = None
        if self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self._caption is not None:
            self._caption.append(data)


@pytest.fixture
def pages(sample: Path) -> dict[str, str]:
    names = ["monitoring-2027.html", "summary.html"]
    assert build(sample, only=names).ok
    return {name: (sample / "output" / name).read_text(encoding="utf-8") for name in names}


def test_every_table_is_in_a_named_scrolling_region(pages: dict[str, str]) -> None:
    for name, page in pages.items():
        tables = _Tables()
        tables.feed(page)
        assert tables.found, name
        for box, caption in tables.found:
            assert box.get("class") == "table-scroll", (name, caption)
            assert box.get("role") == "region" and box.get("tabindex") == "0", (name, caption)
            label = " ".join((box.get("aria-label") or "").split())  # no-break spaces too
            assert label == (caption or "Tabulka"), (name, caption)
    # The report's first table, as a screen reader announces its region.
    page = " ".join(pages["monitoring-2027.html"].split())
    assert 'aria-label="Stav opatření v roce 2027 za celý plán"' in page


_PROBE = """<script>window.addEventListener('load', () => {
  const root = document.documentElement;
  const boxes = [...document.querySelectorAll('.table-scroll')];
  const out = document.createElement('pre');
  out.id = 'widths';
  out.textContent = JSON.stringify({
    page: root.scrollWidth - root.clientWidth,
    tables: Math.max(...boxes.map(b => b.scrollWidth - b.clientWidth)),
  });
  document.body.appendChild(out);
});</script></body>"""


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium není nainstalován (apt install chromium)")
def test_on_a_phone_only_the_wide_tables_scroll_sideways(
    pages: dict[str, str], tmp_path: Path
) -> None:
    assert CHROMIUM is not None
    probe = tmp_path / "probe.html"
    probe.write_text(pages["monitoring-2027.html"].replace("</body>", _PROBE), encoding="utf-8")
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=390,900",
        "--virtual-time-budget=5000",
        "--dump-dom",
        probe.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    start = done.stdout.index('<pre id="widths">') + len('<pre id="widths">')
    widths = json.loads(done.stdout[start : done.stdout.index("</pre>", start)])
    assert widths["page"] == 0  # the page itself is as wide as the screen
    assert widths["tables"] > 100  # the status table by area is wider: it scrolls in its box
