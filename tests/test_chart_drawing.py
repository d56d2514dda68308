"""How the monitoring report's charts are drawn: in parts when an area has many
indicators (so each stays legible on its page), in the background, and once per set
of numbers (the chart cache): a second build draws nothing and writes the same bytes."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import FIXTURES
from monitoring_data import write_monitoring

from assembler.checks.pipeline import check
from assembler.outputs.build import build
from assembler.render import chartcache, charts, typst_engine
from assembler.render.monitoring import monitoring_document, years_with_data
from assembler.render.monitoring_charts import PER_CHART, split


def test_split_gives_the_fewest_even_parts() -> None:
    assert [len(r) for r in split(45)] == [15, 15, 15]
    assert [len(r) for r in split(20)] == [20]
    assert [len(r) for r in split(21)] == [11, 10]
    assert [len(r) for r in split(3)] == [3]
    assert [i for r in split(61) for i in r] == list(range(61))
    assert all(len(r) <= PER_CHART for r in split(61))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated plan (bench/generate.py) whose areas have 30–60 indicators a year."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from generate import generate, monitoring

    root = tmp_path_factory.mktemp("many") / "plan"
    generate(root, chapters=2, measures=30, seed=3)
    monitoring(root, [2026], seed=3)
    return root


def test_many_indicators_give_charts_of_at_most_twenty_rows(generated: Path) -> None:
    plan = check(generated).plan
    assert plan is not None
    (monitored,) = years_with_data(plan)
    document = monitoring_document(plan, monitored)
    parts = [c for c in document.charts if c.target.startswith("graf-indikatory-")]
    assert len(parts) > 2  # two areas, each split
    codes = 0
    for chart in parts:
        # Each part's alternative text lists exactly its own indicators …
        listed = re.findall(r"[A-Z]+ \d+\.\d+[a-z]", chart.alt)
        assert 0 < len(listed) <= PER_CHART, chart.target
        codes += len(listed)
        # … and its picture has a label for each of them.
        assert sum(code in chart.svg.decode("utf-8") for code in listed) == len(listed)
        assert f"]({chart.target})" in document.markdown
    table_rows = len(re.findall(r"(?m)^\| [A-Z]+ \d+\.\d+[a-z] ", document.markdown))
    assert codes == table_rows  # every indicator of the tables is in one chart
    assert re.search(r"v\sroce 2026, část 1/\d\]", document.markdown)


def _use_cache(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setenv("PLAN_CACHE_DIR", str(folder))


def test_second_build_takes_every_chart_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    write_monitoring(root)
    _use_cache(monkeypatch, tmp_path / "cache")
    first = build(root, only=["monitoring-2026"])
    assert first.ok, [str(p) for p in first.problems]
    entries = sorted((tmp_path / "cache" / "charts").glob("*.json"))
    assert len(entries) == 8  # statuses, two areas' indicators, costs: SVG and PNG
    outputs = {p.name: p.read_bytes() for p in (root / "output").iterdir()}

    def no_drawing(*args: object, **options: object) -> bytes:
        raise AssertionError("a chart was drawn or rasterised again")

    monkeypatch.setattr(charts, "_drawing", no_drawing)
    monkeypatch.setattr(typst_engine, "svgs_to_png", no_drawing)
    shutil.rmtree(root / "output")
    again = build(root, only=["monitoring-2026"])
    assert again.ok, [str(p) for p in again.problems]
    assert {p.name: p.read_bytes() for p in (root / "output").iterdir()} == outputs


def test_damaged_or_foreign_cache_entries_are_drawn_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use_cache(monkeypatch, tmp_path / "cache")
    rows = [("A 1 Počet klientů", None, charts.Decimal("0.5"))]
    drawn = charts.attainment_chart(rows).svg.result()
    (entry,) = (tmp_path / "cache" / "charts").glob("*.json")
    stored = base64.b64decode(json.loads(entry.read_text())["data"])
    assert stored == drawn
    for damage in (
        json.dumps({"format": 1, "key": "other", "data": "PHN2Zy8+"}).encode(),
        json.dumps({"format": 1, "key": entry.stem, "data": "%%"}).encode(),
        b"{not json",
        b"",
    ):
        entry.write_bytes(damage)
        assert charts.attainment_chart(rows).svg.result() == drawn
    monkeypatch.setenv("PLAN_CACHE_DIR", "")  # switched off: drawn, nothing stored
    assert chartcache.folder() is None
    assert charts.attainment_chart(rows).svg.result() == drawn


_BUILD = """
import sys
from pathlib import Path
from assembler.outputs.build import build
result = build(Path(sys.argv[1]), only=["monitoring-2026"])
print(result.ok, "matplotlib" in sys.modules)
"""


def test_build_with_every_chart_cached_does_not_import_matplotlib(tmp_path: Path) -> None:
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    write_monitoring(root)
    env = {**os.environ, "PLAN_CACHE_DIR": str(tmp_path / "cache")}
    runs = []
    for _ in range(2):
        shutil.rmtree(root / "output", ignore_errors=True)
        (root / ".plan-build.json").unlink(missing_ok=True)
        done = subprocess.run(
            [sys.executable, "-c", _BUILD, str(root)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=300,
        )
        runs.append(done.stdout.split()[-2:])
    assert runs == [["True", "True"], ["True", "False"]]  # drawn, then all from the cache


@pytest.mark.parametrize("module", ["chart_drawing.py", "czech.py"])
def test_a_change_to_the_code_that_writes_a_chart_draws_it_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str
) -> None:
    # czech.py writes the charts' numbers: after its -0 fix, a cached chart kept "-0".
    code = tmp_path / "render"
    shutil.copytree(Path(chartcache.__file__).parent, code)
    monkeypatch.setattr(chartcache, "_CODE", code)
    monkeypatch.setattr(chartcache, "_salt", None)
    before = chartcache.key("status_chart")
    with (code / module).open("a", encoding="utf-8") as changed:
        changed.write("\n# changed\n")
    monkeypatch.setattr(chartcache, "_salt", None)
    assert chartcache.key("status_chart") != before


def test_another_shipped_font_or_typst_rasterises_the_pngs_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The DOCX PNGs are Typst's rendering in the shipped Carlito: a cached PNG from an
    # older font file or Typst release would be another picture than this one makes.
    import importlib.metadata

    fonts = tmp_path / "fonts"
    shutil.copytree(chartcache._FONTS, fonts)
    monkeypatch.setattr(chartcache, "_FONTS", fonts)
    monkeypatch.setattr(chartcache, "_salt", None)
    before = chartcache.key("png 16 cm")
    font = next(fonts.glob("*.ttf"))
    font.write_bytes(font.read_bytes() + b"\0")
    monkeypatch.setattr(chartcache, "_salt", None)
    assert chartcache.key("png 16 cm") != before

    real = importlib.metadata.version
    monkeypatch.setattr(chartcache, "_salt", None)
    after_font = chartcache.key("png 16 cm")
    monkeypatch.setattr(
        importlib.metadata, "version", lambda name: "0.0.0" if name == "typst" else real(name)
    )
    monkeypatch.setattr(chartcache, "_salt", None)
    assert chartcache.key("png 16 cm") != after_font


def test_fonts_come_from_memory_and_draw_the_same_charts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The charts' font is read from its bytes in memory (no system call per glyph); a
    chart drawn so is byte for byte the one drawn from the font file. Fails when a
    matplotlib release no longer makes its font faces where chart_drawing provides them."""
    from decimal import Decimal

    from matplotlib import font_manager, ft2font

    from assembler.render import chart_drawing

    face = font_manager.get_font(font_manager.findfont("DejaVu Sans"))
    assert not isinstance(face.fname, str), "font faces are read from the file again"
    rows = [
        ("SEN 1.1a Počet klientů odlehčovací služby", Decimal("0.55"), Decimal("0.5")),
        ("ZDR 2.3b Čekací doba na místo v chráněném bydlení", None, Decimal("0.25")),
        ("RDM 3.1a Podíl rodin, jimž služba pomohla (%)", Decimal("-0.1"), Decimal("0.75")),
    ]
    statuses = [("naplněno", [3, 0]), ("rozpracováno", [1, 4]), ("zrušeno", [0, 1])]
    inches = charts.size(len(rows))
    in_memory = (
        chart_drawing.attainment_chart(rows, inches),
        chart_drawing.status_chart(["Senioři", "Zdravotně postižení"], statuses, inches),
    )
    monkeypatch.setattr(font_manager, "ft2font", ft2font)
    font_manager._get_font.cache_clear()
    try:
        from_file = (
            chart_drawing.attainment_chart(rows, inches),
            chart_drawing.status_chart(["Senioři", "Zdravotně postižení"], statuses, inches),
        )
        assert isinstance(font_manager.get_font(font_manager.findfont("DejaVu Sans")).fname, str)
    finally:
        font_manager._get_font.cache_clear()
    assert from_file == in_memory
    assert b"Po\xc4\x8det klient\xc5\xaf" in in_memory[0]  # the text is there, as text
