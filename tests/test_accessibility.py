"""The public summary as HTML passes axe-core (WCAG 2.1 AA) in a real headless Chromium.

Needs Debian's chromium and axe-core from npm; `.ci/run` installs both. Where
either is missing the tests are skipped with the reason.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import REPO

from assembler.outputs.build import build

AXE_CANDIDATES = [
    Path(os.environ.get("AXE_CORE", "/nonexistent")),
    REPO / ".ci" / "npm" / "node_modules" / "axe-core" / "axe.min.js",
    REPO / "node_modules" / "axe-core" / "axe.min.js",
]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = next((p for p in AXE_CANDIDATES if p.is_file()), None)

pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium není nainstalován (apt install chromium)"
    ),
    pytest.mark.skipif(AXE is None, reason="axe-core chybí (npm install axe-core, nebo AXE_CORE)"),
]

RUNNER = """<script>{axe}</script><script>
var tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
axe.run(document, {{runOnly: {{type: 'tag', values: tags}}}})
  .then(function (result) {{
    var out = document.createElement('pre');
    out.id = 'axe-result';
    out.textContent = JSON.stringify(result.violations.map(function (v) {{
      var nodes = v.nodes.map(function (n) {{ return n.target.join(' '); }});
      return {{id: v.id, help: v.help, nodes: nodes}};
    }}));
    document.body.appendChild(out);
  }});
</script>"""


def axe_violations(page: str, workdir: Path) -> list[dict[str, object]]:
    """Load the page in headless Chromium with axe-core and return its violations."""
    assert AXE is not None and CHROMIUM is not None
    probe = workdir / "axe-probe.html"
    probe.write_text(page.replace("</body>", RUNNER.format(axe=AXE.read_text()) + "</body>"))
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={workdir / 'chromium-profile'}",
        "--virtual-time-budget=30000",
        "--dump-dom",
        probe.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    match = re.search(r'<pre id="axe-result">(.*?)</pre>', done.stdout, re.S)
    assert match, f"axe did not report (chromium exit {done.returncode}): {done.stderr[-800:]}"
    return list(json.loads(html.unescape(match.group(1))))


@pytest.fixture(scope="module")
def summary_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("a11y") / "sample"
    shutil.copytree(REPO / "chapters", root / "chapters")
    shutil.copy(REPO / "plan.yaml", root / "plan.yaml")
    if (REPO / "assets").is_dir():
        shutil.copytree(REPO / "assets", root / "assets")
    result = build(root, only=["summary.html"])
    assert result.ok, [str(p) for p in result.problems]
    return (root / "output" / "summary.html").read_text(encoding="utf-8")


def test_summary_html_has_no_wcag_21_aa_violations(summary_page: str, tmp_path: Path) -> None:
    assert axe_violations(summary_page, tmp_path) == []


def test_axe_check_does_catch_violations(summary_page: str, tmp_path: Path) -> None:
    # A control: the same page with a broken image and no language must fail.
    broken = summary_page.replace('<html lang="cs">', "<html>").replace(
        "</main>", '<img src="data:image/png;base64,iVBORw0KGgo="></main>'
    )
    found = {v["id"] for v in axe_violations(broken, tmp_path)}
    assert {"html-has-lang", "image-alt"} <= found
