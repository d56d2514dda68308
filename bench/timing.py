"""Timing of one command as its own process (bench/measure.py), medians over runs, and
the empty or filled caches the runs start from; shared by run.py and reports.py."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
PLAN = [PY, "-m", "assembler.cli.main"]
MEASURE = [PY, str(HERE / "measure.py")]


CACHE = Path(f"/tmp/plan-bench-cache-{os.getpid()}")
# Timed runs use compiled bytecode, as an installed plan does (pip compiles it; an
# editable install writes it on its first run). With PYTHONDONTWRITEBYTECODE set, as in
# some CI shells, every run would compile the assembler's ~70 modules afresh: ~0.06 s
# more per command. The bytecode goes to a folder of the bench, not into the checkout.
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PLAN_CACHE_DIR": str(CACHE),
    "PYTHONPYCACHEPREFIX": f"/tmp/plan-bench-bytecode-{os.getuid()}",
}


def timed(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak MiB and CPU seconds of one command (run under bench/measure.py)."""
    done = subprocess.run(
        [*MEASURE, *command], capture_output=True, text=True, check=False, env=ENV
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    seconds, mib, cpu = done.stdout.strip().splitlines()[-1].split()
    return float(seconds), float(mib), float(cpu)


def median(command: list[str], runs: int, before: object = None) -> dict[str, float]:
    return interleaved({"": (command, before)}, runs)[""]


# A step of interleaved(): the command and what to do before each of its runs.
Step = tuple[list[str], object]


def interleaved(steps: dict[str, Step], runs: int) -> dict[str, dict[str, float]]:
    """The median of each step's runs, taken in rounds (each step once per round, in the
    given order): the speed of a shared machine drifts over minutes (by up to a third,
    seen on the 2-core machine), and a step timed only after another would carry that
    drift into their ratio."""
    results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in steps}
    for _ in range(runs):
        for name, (command, before) in steps.items():
            if callable(before):
                before()
            results[name].append(timed(command))
    return {name: _summary(found) for name, found in results.items()}


def _summary(results: list[tuple[float, float, float]]) -> dict[str, float]:
    return {
        "seconds": round(statistics.median(r[0] for r in results), 3),
        "peak_mib": round(max(r[1] for r in results), 1),
        "cpu": round(statistics.median(r[2] for r in results), 3),
    }


def forget_parsing() -> None:
    """Empty caches (parsed files, drawn charts): the run starts as the first of the day."""
    shutil.rmtree(CACHE, ignore_errors=True)


def forget_outputs(root: Path) -> None:
    """No outputs and no build manifest: the build cannot be skipped (caches stay)."""
    shutil.rmtree(root / "output", ignore_errors=True)
    (root / ".plan-build.json").unlink(missing_ok=True)


def clean(root: Path) -> None:
    """No outputs and no caches: a build from scratch."""
    forget_outputs(root)
    forget_parsing()
