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
import json
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

PY = sys.executable
PLAN = [PY, "-m", "assembler.cli"]
MEASURE = [PY, str(HERE / "measure.py")]


def timed(command: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak MiB of one command (run under bench/measure.py)."""
    done = subprocess.run(
        [*MEASURE, *command], cwd=cwd, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    seconds, mib = done.stdout.strip().splitlines()[-1].split()
    return float(seconds), float(mib)


def median(command: list[str], runs: int, before: object = None) -> dict[str, float]:
    results = []
    for _ in range(runs):
        if callable(before):
            before()
        results.append(timed(command))
    return {
        "seconds": round(statistics.median(r[0] for r in results), 3),
        "peak_mib": round(max(r[1] for r in results), 1),
    }


def clean(root: Path) -> None:
    shutil.rmtree(root / "output", ignore_errors=True)
    (root / ".plan-build.json").unlink(missing_ok=True)


def assembled(root: Path, work: Path) -> tuple[Path, Path]:
    """The plan's Markdown exactly as `plan build` hands it to pandoc, and its reference.docx."""
    from assembler.check import check
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
    row["check"] = median([*PLAN, "check", str(root)], runs)
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
    from assembler.check import check

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


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark plan assembler")
    parser.add_argument("--sizes", type=int, nargs="*", default=[250, 1000, 2000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(f"/tmp/plan-bench-{int(time.time())}")
    work.mkdir()
    plans = [sample_copy(work)]
    for size in args.sizes:
        chapters = 20 if size >= 1000 else 10
        plans.append(generate(work / f"gen{size}", chapters, size // chapters))
    rows = [bench_plan(root, args.runs, work) for root in plans]
    print_table(rows)
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y-%m-%d-%H%M")
    (out / f"{stamp}.json").write_text(json.dumps(rows, indent=1, ensure_ascii=False))
    print(f"\nbench/results/{stamp}.json")


if __name__ == "__main__":
    main()
