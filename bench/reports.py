"""Monitoring-report rows of the benchmark: the yearly report build against the bare tools.

On a generated plan with two monitored years, for the first year's report:
`plan check` (monitoring included); `plan build --only monitoring-RRRR.<format>`
for PDF, DOCX, HTML and all three, each *cold* (no outputs, empty parse and chart
caches: the first build of the day) and *warm* (no outputs, caches kept: a build
after an edit that left the charts' data alone); and, on the same content, the bare
tools one after another: pandoc on the report's Markdown (→ Typst; → DOCX with the
chart PNGs as files; → HTML with the chart SVGs as data URIs), Typst compiling the
same Typst source with the chart images, inputs, standards and fonts, and Typst
rasterising the chart SVGs to the PNGs the bare DOCX run packs (a page per chart at the
DOCX's width and resolution, as by hand). Ratios are wall seconds of our build over the
bare tools' (and the same of CPU seconds, user + system).

The rasterising is part of the bare DOCX conversion because Word needs the charts as
PNG and pandoc makes no PNG of its own: handed an SVG for DOCX, pandoc calls
rsvg-convert to rasterise it (without it, it warns and packs the SVG alone, which Word
2013 and LibreOffice 7.4 show as an empty frame). Typst is the bare tool here that
rasterises SVG. A ratio without that step (the bare DOCX run given the PNGs for free)
is printed too, for information and for comparison with earlier runs.
"""

from __future__ import annotations

import base64
import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from timing import PLAN, PY, Step, clean, forget_outputs, interleaved

if TYPE_CHECKING:
    from assembler.render.documents import Chart

HERE = Path(__file__).resolve().parent
YEARS = [2026, 2027]
FORMATS = ("pdf", "docx", "html", "all")
# The bare steps each of our builds is compared with.
BARE = {
    "pdf": ("bare pandoc→typst", "bare typst→pdf"),
    "docx": ("bare typst→png (charts)", "bare pandoc→docx"),
    "html": ("bare pandoc→html",),
    "all": (
        "bare pandoc→typst",
        "bare typst→pdf",
        "bare typst→png (charts)",
        "bare pandoc→docx",
        "bare pandoc→html",
    ),
}


def bare_sources(root: Path, year: int, work: Path) -> Path:
    """The report's content exactly as `plan build` hands it to pandoc and Typst."""
    from assembler.checks.pipeline import check
    from assembler.render import images, pdf, resources
    from assembler.render.documents import MONITORING, make_document

    result = check(root)
    assert result.plan is not None, [str(p) for p in result.problems]
    document = make_document(MONITORING, result.plan, year)
    folder = work / f"report-{year}"
    folder.mkdir()
    if (root / "assets").is_dir():  # logos are named from the Typst root
        shutil.copytree(root / "assets", folder / "assets")
    markdown, charts = document.markdown, document.charts
    (folder / "typst.md").write_text(images.for_typst(markdown, root, charts), encoding="utf-8")
    # The charts as pandoc would take them by hand: PNG files for DOCX (pandoc reads and
    # packs them), SVG data URIs for one self-contained HTML page. Our build hands pandoc
    # stand-ins and puts the charts in afterwards, so it does the bare tools' work.
    docx = images.for_pandoc(markdown, root, raster_svg=True)
    html = images.for_pandoc(markdown, root, raster_svg=False)
    for chart, png in zip(charts, images.chart_pngs(charts), strict=True):
        png_name = chart.target.removesuffix(".svg") + ".png"
        (folder / png_name).write_bytes(png)
        docx = docx.replace(f"]({chart.target})", f"]({png_name})")
        svg = base64.b64encode(chart.svg).decode("ascii")
        html = html.replace(f"]({chart.target})", f"](data:image/svg+xml;base64,{svg})")
    (folder / "docx.md").write_text(docx, encoding="utf-8")
    (folder / "html.md").write_text(html, encoding="utf-8")
    (folder / "reference.docx").write_bytes(resources.read("reference.docx"))
    source = pdf.typst_source(document)
    inputs = pdf.inputs(document)
    for chart in charts:  # files beside the source instead of sys.inputs
        (folder / chart.target).write_bytes(chart.svg)
        source = source.replace(pdf.chart_image(chart.target), f'image("{chart.target}"')
        inputs.pop(pdf.chart_input(chart.target))
    (folder / "report.typ").write_text(source, encoding="utf-8")
    _bare_chart_pngs(folder, charts)
    options = {
        "root": str(folder),
        "sys_inputs": inputs,
        "pdf_standards": pdf.STANDARDS,
        "timestamp": pdf.TIMESTAMP,
        "font_paths": pdf.font_paths(document),
    }
    (folder / "options.json").write_text(json.dumps(options, ensure_ascii=False))
    return folder


def _bare_chart_pngs(folder: Path, charts: Sequence[Chart]) -> None:
    """The charts' SVG files (written beside report.typ) as a Typst document of a page per
    chart at the DOCX's width, as one would make Word's PNGs by hand: `charts.typ`."""
    from assembler.render import images

    pages = "".join(
        f'#page(image("{c.target}", width: {images.CHART_WIDTH_CM}cm))\n' for c in charts
    )
    (folder / "charts.typ").write_text(
        "#set page(width: auto, height: auto, margin: 0pt)\n" + pages, encoding="utf-8"
    )
    fonts = list(dict.fromkeys(f for c in charts for f in c.fonts))
    options = {"root": str(folder), "font_paths": fonts, "format": "png", "ppi": images.CHART_PPI}
    (folder / "charts.json").write_text(json.dumps(options))


def bench_monitoring(root: Path, runs: int, work: Path) -> dict[str, object]:
    """The rows of the monitoring report, our builds and the bare tools in rounds."""
    from assembler.render.pandoc import READER, executable

    year = YEARS[0]
    folder = bare_sources(root, year, work)
    check = [*PLAN, "check", str(root)]
    steps: dict[str, Step] = {
        "check, empty caches": (check, lambda: clean(root)),
        "check, parse cache": (check, None),
    }
    for fmt in FORMATS:
        only = f"monitoring-{year}" + ("" if fmt == "all" else f".{fmt}")
        build = [*PLAN, "build", str(root), "--only", only]
        steps[f"report {fmt}, cold"] = (build, lambda: clean(root))
        # right after the cold run, which filled the caches
        steps[f"report {fmt}, warm caches"] = (build, lambda: forget_outputs(root))
    pandoc = [executable(), f"--from={READER}"]
    to_typst = [str(folder / "typst.md"), "-t", "typst", "-o", str(folder / "b.typ")]
    steps["bare pandoc→typst"] = ([*pandoc, *to_typst], None)
    compile_typst = [PY, str(HERE / "typst_compile.py")]
    pdf = [str(folder / "report.typ"), "--options", str(folder / "options.json")]
    steps["bare typst→pdf"] = ([*compile_typst, *pdf], None)
    # Typst rasterising the charts for Word: the bare DOCX run packs these PNGs.
    pngs = [str(folder / "charts.typ"), "--options", str(folder / "charts.json")]
    steps[CHART_PNGS] = ([*compile_typst, *pngs], None)
    reference = f"--reference-doc={folder / 'reference.docx'}"
    docx = [str(folder / "docx.md"), reference, f"--resource-path={folder}", "--toc"]
    steps["bare pandoc→docx"] = ([*pandoc, *docx, "-o", str(folder / "b.docx")], None)
    html = [str(folder / "html.md"), "-s", "--toc", "-o", str(folder / "b.html")]
    steps["bare pandoc→html"] = ([*pandoc, *html], None)
    row: dict[str, object] = {"plan": f"{root.name} {year}", **interleaved(steps, runs)}
    for fmt, parts in BARE.items():
        for measure in ("seconds", "cpu"):
            bare = sum(_seconds(row, key, measure) for key in parts)
            for state in ("cold", "warm caches"):
                ours = _seconds(row, f"report {fmt}, {state}", measure)
                name = f"ratio {fmt}, {state}" + (", cpu" if measure == "cpu" else "")
                row[name] = round(ours / bare, 2)
    given_pngs = sum(_seconds(row, key) for key in BARE["all"] if key != CHART_PNGS)
    row[RATIO_GIVEN_PNGS] = round(_seconds(row, "report all, cold") / given_pngs, 2)
    return row


CHART_PNGS = "bare typst→png (charts)"
RATIO_GIVEN_PNGS = "ratio all, cold, PNGs given"


def _seconds(row: dict[str, object], key: str, measure: str = "seconds") -> float:
    """Wall seconds of a row, or its CPU seconds (a fairer figure on a loaded machine,
    though it cannot show what running on both cores at once gains)."""
    value = row[key]
    assert isinstance(value, dict)
    return float(value[measure])


def print_monitoring(row: dict[str, object]) -> None:
    print(f"\nmonitoring report ({row['plan']})")
    for key, value in row.items():
        if isinstance(value, dict):
            cells = (
                f"{value['seconds']:>8.2f}s  cpu {value['cpu']:>6.2f}s  {value['peak_mib']:>5.0f}M"
            )
            print(f"  {key:30}{cells}")
    for key, value in row.items():
        if key.startswith("ratio"):
            print(f"  {key:30}{value:>9}")
    # The report is its PDF, DOCX and HTML (`plan build --only monitoring-2026`), against
    # the four bare conversions in sequence, as "build all / bare tools" for the plan.
    targets = [
        ("plan check under 1.5 s", _seconds(row, "check, empty caches") < 1.5),
        (
            "report (PDF, DOCX, HTML) no slower than bare tools (cold)",
            float(str(row["ratio all, cold"])) <= 1.0,
        ),
        (
            "report (PDF, DOCX, HTML) no slower than bare tools (warm)",
            float(str(row["ratio all, warm caches"])) <= 1.0,
        ),
    ]
    for name, ok in targets:
        print(f"  {'ok  ' if ok else 'MISS'} {name}")
