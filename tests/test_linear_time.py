"""Scanning author text is linear: a pasted megabyte costs seconds, not minutes.

Bounds here are generous (the machine may be busy); before the scanners were made
linear these inputs took from minutes (an 80 000-letter word: 41 s) to forever.
"""

from __future__ import annotations

import base64
import random
import time
from pathlib import Path

import pytest
from helpers import edit

from assembler.checks.pipeline import check

SEN = "chapters/10-seniori.md"
BOUND = 30.0  # seconds
_RNG = random.Random(14)
_WORDS = [
    "pečovatelská",
    "služba",
    "rozvoj",
    "sociálních",
    "služeb",
    "v",
    "obci",
    "Malá",
    "Lhota",
    "SPRSS",
    "a",
    "OSPOD",
]

CASES = {
    "one word of 1 MB": "a" * 1_000_000,
    "1 MB of base64": base64.b64encode(_RNG.randbytes(750_000)).decode(),
    "a 900 KB paragraph": " ".join(_RNG.choice(_WORDS) for _ in range(110_000))[:900_000],
    "unclosed references": "[[" * 400_000,
    "link brackets": "](" * 400_000,
    "image brackets": "![" * 400_000,
    "distinct capitals": " ".join(
        f"{a}{b}{c}Q"
        for a in "ABCDEFGHIJ"
        for b in "ABCDEFGHIJ"
        for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    )
    * 20,
    "unknown references": " ".join(f"[[X{i}]]" for i in range(50_000)),
    # code spans: each run of backticks used to be tried from every one of its
    # positions up to the end of the text (runs of 1..200 backticks: 2.2 s, 1..640: minutes)
    "backtick runs of distinct lengths": " x ".join("`" * k for k in range(1, 640)),
    "one run of 500 000 backticks": "x " + "`" * 500_000,
    "200 000 unmatched backticks": "` a\n\n" * 100_000 + "\\` b " * 100_000,
    "mixed backtick runs": " ".join("`" * (1 + i % 7) + "a" for i in range(200_000)),
}


@pytest.mark.parametrize("name", list(CASES))
def test_check_time_is_bounded(mini: Path, name: str) -> None:
    edit(mini, SEN, "Seniorů přibývá.", f"Seniorů přibývá.\n\n{CASES[name]}\n")
    started = time.perf_counter()
    result = check(mini)
    elapsed = time.perf_counter() - started
    assert elapsed < BOUND, f"{name}: {elapsed:.1f} s"
    assert len(result.problems) < 200  # one mistake repeated is reported a bounded number of times
    assert all(len(p.message) < 600 for p in result.problems)
