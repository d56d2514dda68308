"""Benchmark `plan` against the bare tools on the same content, in one run.

    python bench/run.py                  # sample plan + generated 250/1000/2000 measures
    python bench/run.py --sizes 1000 --runs 3

For each plan it reports medians over several runs of: `plan check`; `plan build` per
output and all together (from scratch, no cache); a repeat `plan build` with no
change; and, on the same assembled Markdown, bare `pandoc → DOCX` and bare
`pandoc → Typst → PDF`. Every command runs as its own process, so interpreter start
is included and peak memory (max RSS of the process tree's largest process) is real.
Results are printed as a table and written to bench/results/<date>.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from generate import generate, monitoring  # noqa: E402
from reports import YEARS, bench_monitoring, print_monitoring  # noqa: E402
from timing import PLAN, PY, clean, forget_parsing, median  # noqa: E402


def assembled(root: Path, work: Path) -> tuple[Path, Path]:
    """The plan's Markdown exactly as `plan build` hands it to pandoc, and its reference.docx."""
    from assembler.checks.pipeline import check
    from assembler.render.documents import plan_document
    from assembler.render.images import for_pandoc
    from assembler.render.resources import read

    result = check(root)
    assert result.plan is not None, [str(p) for p in result.problems]
    document = plan_document(result.plan)
    markdown = work / f"{root.name}.md"
    markdown.write_text(for_pandoc(document.markdown, root, raster_svg=True), encoding="utf-8")
    reference = work / "reference.docx"
    reference.write_bytes(read("reference.docx"))
    return markdown, reference


def bench_plan(root: Path, runs: int, work: Path) -> dict[str, object]:
    from assembler.render.pandoc import executable

    pandoc = executable()
    row: dict[str, object] = {"plan": root.name, "measures": count_measures(root)}
    check = [*PLAN, "check", str(root)]
    row["check, empty parse cache"] = median(check, runs, forget_parsing)
    row["check again, parse cache"] = median(check, runs)
    for only in ("plan.docx", "plan.pdf", "summary"):
        row[f"build {only}"] = median(
            [*PLAN, "build", str(root), "--only", only], runs, lambda: clean(root)
        )
    row["build all"] = median([*PLAN, "build", str(root)], runs, lambda: clean(root))
    row["build again"] = median([*PLAN, "build", str(root)], runs)
    markdown, reference = assembled(root, work)
    docx = [
        pandoc,
        str(markdown),
        f"--reference-doc={reference}",
        "--toc",
        "-o",
        str(work / "b.docx"),
    ]
    row["bare pandoc→docx"] = median(docx, runs)
    typ = work / "b.typ"
    row["bare pandoc→typst"] = median([pandoc, str(markdown), "-s", "-o", str(typ)], runs)
    row["bare typst→pdf"] = median([PY, str(HERE / "typst_compile.py"), str(typ)], runs)
    parts = ("bare pandoc→docx", "bare pandoc→typst", "bare typst→pdf")
    bare = sum(_seconds(row, key) for key in parts)
    row["bare sequential"] = {"seconds": round(bare, 3)}
    row[RATIO] = round(_seconds(row, "build all") / bare, 2)
    return row


RATIO = "ratio build all / bare sequential"


def _seconds(row: dict[str, object], key: str) -> float:
    value = row[key]
    assert isinstance(value, dict)
    return float(value["seconds"])


def count_measures(root: Path) -> int:
    from assembler.checks.pipeline import check

    result = check(root)
    assert result.plan is not None
    return sum(len(g.measures) for _, a in result.plan.project.areas for g in a.goals)


def sample_copy(work: Path) -> Path:
    root = work / "sample"
    root.mkdir()
    shutil.copy(REPO / "plan.yaml", root / "plan.yaml")
    shutil.copytree(REPO / "chapters", root / "chapters")
    if (REPO / "assets").is_dir():
        shutil.copytree(REPO / "assets", root / "assets")
    return root


HOSTILE_LIMIT = 300.0  # seconds a bare tool may run on the hostile plan before it is stopped


def hostile_copy(work: Path) -> Path:
    """The sample with the issue's hostile text in one chapter: a 1 MB word and a
    900 KB paragraph of ordinary words (tests/test_long_paragraphs.py, same words)."""
    sys.path.insert(0, str(REPO / "tests"))
    from test_long_paragraphs import _words

    source = work / "hostile-src"
    source.mkdir()
    root = sample_copy(source).rename(work / "hostile")
    chapter = root / "chapters" / "10-seniori.md"
    text = chapter.read_text(encoding="utf-8")
    anchor = "V Lipovanech žije"
    hostile = f"{'a' * 1_000_000}\n\n{_words(900_000)}\n\n{anchor}"
    chapter.write_text(text.replace(anchor, hostile, 1), encoding="utf-8")
    return root


def bounded(command: list[str], runs: int) -> dict[str, float | str]:
    """Like ``median``, but a bare tool that runs past HOSTILE_LIMIT is stopped and
    reported as such (pandoc's Typst writer is quadratic in the length of a word)."""
    try:
        subprocess.run(command, capture_output=True, check=True, timeout=HOSTILE_LIMIT)
    except subprocess.TimeoutExpired:
        return {"seconds": HOSTILE_LIMIT, "note": f"stopped after {HOSTILE_LIMIT:.0f} s"}
    return median(command, runs)


def bench_hostile(root: Path, runs: int, work: Path) -> dict[str, object]:
    """check and PDF/DOCX builds of the hostile plan against the bare tools on the same
    assembled Markdown; `plan build` is expected to beat them (long paragraphs and
    words are prepared for both engines)."""
    from assembler.render.pandoc import executable

    pandoc = executable()
    row: dict[str, object] = {"plan": root.name}
    row["check, empty parse cache"] = median([*PLAN, "check", str(root)], runs, forget_parsing)
    for only in ("plan.pdf", "plan.docx"):
        row[f"build {only}"] = median(
            [*PLAN, "build", str(root), "--only", only], runs, lambda: clean(root)
        )
    markdown, _ = assembled(root, work)
    typ = work / "hostile.typ"
    row["bare pandoc→typst"] = bounded([pandoc, str(markdown), "-s", "-o", str(typ)], runs)
    if typ.exists():
        row["bare typst→pdf"] = bounded([PY, str(HERE / "typst_compile.py"), str(typ)], runs)
    return row


def print_hostile(row: dict[str, object]) -> None:
    print(f"\nhostile input ({row['plan']}: sample + 1 MB word + 900 KB paragraph)")
    for key, value in row.items():
        if isinstance(value, dict):
            note = f"  ({value['note']})" if "note" in value else ""
            print(f"  {key:32}{value['seconds']:>8.2f}s{note}")


def print_table(rows: list[dict[str, object]]) -> None:
    keys = [k for k in rows[0] if isinstance(rows[0][k], dict)]
    print(f"{'':32}" + "".join(f"{str(r['plan'])[:14]:>16}" for r in rows))
    print(f"{'measures':32}" + "".join(f"{r['measures']:>16}" for r in rows))
    for key in keys:
        cells = []
        for r in rows:
            value = r[key]
            assert isinstance(value, dict)
            mem = f" {value['peak_mib']:.0f}M" if "peak_mib" in value else ""
            cells.append(f"{value['seconds']:>8.2f}s{mem:>7}")
        print(f"{key:32}" + "".join(f"{c:>16}" for c in cells))
    print(f"{'ratio build all / bare':32}" + "".join(f"{r[RATIO]:>16}" for r in rows))


GROWN = ("check, empty parse cache", "build all", "bare sequential")


def print_growth(rows: list[dict[str, object]]) -> None:
    """Seconds per 1000 measures, and the exponent k of time ~ measures^k between sizes."""
    if len(rows) < 2:
        return
    print("\ngrowth (k = 1.0 is linear)")
    for key in GROWN:
        cells = []
        for before, after in itertools.pairwise(rows):
            k = math.log(_seconds(after, key) / _seconds(before, key)) / math.log(
                int(str(after["measures"])) / int(str(before["measures"]))
            )
            cells.append(f"{before['measures']}→{after['measures']}: k={k:.2f}")
        per = [f"{_seconds(r, key) / int(str(r['measures'])) * 1000:.2f}" for r in rows]
        print(f"  {key:28} s per 1000 measures {' / '.join(per)};  {'  '.join(cells)}")


def print_targets(rows: list[dict[str, object]]) -> None:
    """The issue's targets, checked on the generated plan closest to 1000 measures."""
    generated = [r for r in rows if r["plan"] != "sample"]
    if not generated:
        return
    row = min(generated, key=lambda r: abs(int(str(r["measures"])) - 1000))
    build = row["build all"]
    assert isinstance(build, dict)
    targets = [
        ("plan check under 1 s (empty parse cache)", _seconds(row, GROWN[0]) < 1.0),
        ("plan check under 1 s (parse cache)", _seconds(row, "check again, parse cache") < 1.0),
        ("build all no slower than bare tools", float(str(row[RATIO])) <= 1.0),
        ("repeat build under 0.5 s", _seconds(row, "build again") < 0.5),
        ("peak memory of build under 1 GiB", float(build["peak_mib"]) < 1024),
    ]
    print(f"\ntargets on {row['plan']} ({row['measures']} measures)")
    for name, ok in targets:
        print(f"  {'ok  ' if ok else 'MISS'} {name}")


def _shape(size: int) -> tuple[int, int]:
    """Chapters and measures per chapter of a generated plan of ``size`` measures."""
    chapters = 20 if size >= 1000 else 10
    return chapters, size // chapters


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark plan assembler")
    parser.add_argument("--sizes", type=int, nargs="*", default=[250, 1000, 2000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--monitoring", type=int, default=1000, help="measures of the monitored plan (0: none)"
    )
    parser.add_argument("--no-plans", action="store_true", help="only the monitoring report rows")
    parser.add_argument(
        "--no-hostile", action="store_true", help="skip the 1 MB word + 900 KB paragraph row"
    )
    args = parser.parse_args()
    work = Path(f"/tmp/plan-bench-{int(time.time())}")
    work.mkdir()
    rows: list[dict[str, object]] = []
    if not args.no_plans:
        plans = [sample_copy(work)]
        plans += [generate(work / f"gen{size}", *_shape(size)) for size in args.sizes]
        rows = [bench_plan(root, args.runs, work) for root in plans]
        print_table(rows)
        print_growth([r for r in rows if r["plan"] != "sample"])
        print_targets(rows)
    if args.monitoring:
        root = generate(work / f"mon{args.monitoring}", *_shape(args.monitoring))
        monitoring(root, YEARS)
        rows.append(bench_monitoring(root, args.runs, work))
        print_monitoring(rows[-1])
    if not args.no_hostile:
        hostile = bench_hostile(hostile_copy(work), args.runs, work)
        print_hostile(hostile)
        rows.append(hostile)
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y-%m-%d-%H%M")
    (out / f"{stamp}.json").write_text(json.dumps(rows, indent=1, ensure_ascii=False))
    print(f"\nbench/results/{stamp}.json")


if __name__ == "__main__":
    main()
