"""Benchmark the monitoring workbooks on a generated plan: export, fill, import.

    python bench/workbooks.py                 # 20 chapters × 50 measures = 1000
    python bench/workbooks.py --measures 25 --runs 3

Times, as their own processes (interpreter start included, medians): `plan monitor
export` of a year with monitoring files (pre-filled workbooks), and `plan monitor
import` of every workbook filled in completely as a garant would (into a year
without files, so every value is new and every area file is created). Bare tools
in the same run: openpyxl loading and saving the same workbooks (what any writer
costs) and openpyxl reading every row of them read-only (what any reader costs).
Targets: export and import each under 5 s for 1000 measures.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate, monitoring  # noqa: E402

PLAN = [sys.executable, "-m", "assembler.cli.main"]


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(args: list[str], ok: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """Wall and CPU seconds of one command (CPU tells more on a shared, loaded machine)."""
    start, cpu = time.perf_counter(), _cpu()
    done = subprocess.run([*PLAN, *args], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in ok:
        raise RuntimeError(f"plan {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr}")
    return seconds, _cpu() - cpu


def _fill(folder: Path, target: Path) -> list[Path]:
    target.mkdir()
    filled = []
    for path in sorted(folder.glob("*.xlsx")):
        book = openpyxl.load_workbook(path)
        for row in book["Opatření"].iter_rows(min_row=2):
            row[2].value, row[3].value = "Rozpracováno", 40
            row[4].value = "Opatření běží podle harmonogramu, spolupráce funguje."
        for row in book["Indikátory"].iter_rows(min_row=2):
            row[7].value, row[8].value = row[6].value, "výkaz poskytovatele"
        for row in book["Náklady"].iter_rows(min_row=2):
            row[5].value = row[4].value
        book.save(target / path.name)
        filled.append(target / path.name)
    return filled


def _bare_write(paths: list[Path], out: Path) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        openpyxl.load_workbook(path).save(out / path.name)
    return time.perf_counter() - start, time.process_time() - cpu


def _bare_read(paths: list[Path]) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for ws in book.worksheets:
            for _ in ws.iter_rows(values_only=True):
                pass
        book.close()
    return time.perf_counter() - start, time.process_time() - cpu


def _median(results: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapters", type=int, default=20)
    parser.add_argument("--measures", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="plan-bench-workbooks-"))
    try:
        root = generate(base / "plan", args.chapters, args.measures)
        _run(["check", str(root)])  # fills the parse cache, as a coordinator's earlier check
        reported = generate(base / "reported", args.chapters, args.measures)
        monitoring(reported, [2026])
        exports = [_run(["monitor", "export", "2026", str(reported)]) for _ in range(args.runs)]
        sent = reported / "output" / "sesity-2026"
        empty = [_run(["monitor", "export", "2026", str(root)]) for _ in range(args.runs)]
        workbooks = root / "output" / "sesity-2026"
        filled = _fill(workbooks, base / "filled")
        imports = []
        for _ in range(args.runs):
            shutil.rmtree(root / "monitoring", ignore_errors=True)
            imports.append(_run(["monitor", "import", *map(str, filled), str(root)], (0, 1)))
        (base / "bare").mkdir()
        bare_write = _bare_write(sorted(sent.glob("*.xlsx")), base / "bare")
        bare_read = _bare_read(filled)
        print(f"{args.chapters * args.measures} measures, {len(filled)} workbooks (one per garant)")
        rows = [
            ("plan monitor export (pre-filled)", _median(exports)),
            ("plan monitor export (empty year)", _median(empty)),
            ("plan monitor import (all workbooks)", _median(imports)),
            ("bare openpyxl load + save of them", bare_write),
            ("bare openpyxl read-only read of them", bare_read),
        ]
        print(f"  {'':40} {'wall':>8} {'CPU':>8}")
        for label, (wall, cpu) in rows:
            print(f"  {label:40} {wall:6.2f} s {cpu:6.2f} s")
        print(f"  export / bare write (CPU) {rows[0][1][1] / bare_write[1]:.2f}")
        print(f"  import / bare read (CPU)  {rows[2][1][1] / bare_read[1]:.2f}")
        for label, (wall, _) in rows[:3]:
            print(f"  target < 5 s wall: {label}: {'met' if wall < 5 else 'NOT met'}")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
