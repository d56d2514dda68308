"""A paragraph of many pages or one huge word: a located warning, and a PDF in linear time.

Typst's justified line breaking costs more per character the longer the paragraph
(a 900 KB paragraph of the sample took 64 s of the PDF's 68 s, against about 5 s for
the same text in ordinary paragraphs; a 300 KB word about 30 s). Times here are CPU
seconds of this process and its pandoc children, compared as ratios within one test,
so a busy machine slows both sides alike.
"""

from __future__ import annotations

import random
import resource
import shutil
import time
from pathlib import Path

import pytest
from helpers import FIXTURES, all_text, at, edit, only, position

from assembler.checks.engine import MAX_PARAGRAPH
from assembler.checks.pipeline import check
from assembler.outputs.build import build
from assembler.problems.diagnostics import Severity

SEN = "chapters/10-seniori.md"
BODY = "Seniorů přibývá."
_WORDS = [
    "pečovatelská",
    "služba",
    "rozvoj",
    "sociálních",
    "služeb",
    "v",
    "obci",
    "domov",
    "pro",
    "seniory",
    "kapacita",
    "terénní",
    "péče",
    "s",
    "k",
    "a",
]


def _words(size: int, seed: int = 14) -> str:
    """Ordinary Czech words, one-letter prepositions among them (bound by typography)."""
    rng = random.Random(seed)
    words: list[str] = []
    length = 0
    while length < size:
        words.append(rng.choice(_WORDS))
        length += len(words[-1]) + 1
    return " ".join(words)[:size].strip()


def _paragraphs(text: str, length: int = 1000) -> str:
    """The same text cut at spaces into ordinary paragraphs of about ``length`` characters."""
    pieces = []
    while text:
        cut = text.find(" ", length)
        cut = len(text) if cut == -1 else cut
        pieces.append(text[:cut].strip())
        text = text[cut:]
    return "\n\n".join(pieces)


def _plan(tmp_path: Path, name: str, inserted: str) -> Path:
    root = tmp_path / name
    shutil.copytree(FIXTURES / "mini", root)
    edit(root, SEN, BODY, f"{BODY}\n\n{inserted}\n\nKonec vloženého textu.")
    return root


def _cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _pdf(root: Path) -> tuple[float, str]:
    """CPU seconds of ``plan build --only plan.pdf`` and the text of the PDF."""
    started = _cpu()
    result = build(root, only=["plan.pdf"])
    seconds = _cpu() - started
    assert result.ok, [str(p) for p in result.problems]
    return seconds, all_text(root / "output" / "plan.pdf")


def test_a_long_paragraph_is_a_located_warning(mini: Path) -> None:
    paragraph = _words(MAX_PARAGRAPH + 2000)
    edit(mini, SEN, BODY, f"{BODY}\n\n{paragraph}\n\n")
    problem = only(check(mini), "odstavec-dlouhy")
    at(problem, SEN, position(mini, SEN, paragraph[:40]))
    assert problem.severity is Severity.WARNING
    assert f"{len(paragraph):,}".replace(",", "\u00a0") in problem.message
    assert "prázdným řádkem" in problem.message


def test_a_long_list_item_is_warned_too(mini: Path) -> None:
    item = _words(MAX_PARAGRAPH + 10)
    edit(mini, SEN, BODY, f"{BODY}\n\n- krátký bod\n- {item}\n")
    problem = only(check(mini), "odstavec-dlouhy")
    at(problem, SEN, position(mini, SEN, "- krátký bod"))


def test_paragraphs_up_to_the_limit_pass(mini: Path) -> None:
    text = _paragraphs(_words(5 * MAX_PARAGRAPH), MAX_PARAGRAPH - 100)
    edit(mini, SEN, BODY, f"{BODY}\n\n{text}\n")
    assert check(mini).problems == []


@pytest.mark.parametrize("kind", ["paragraph", "word"])
def test_a_long_paragraph_costs_the_pdf_no_more_than_ordinary_ones(
    tmp_path: Path, kind: str
) -> None:
    """Before: a 150 KB paragraph about 5x, a 150 KB word (pandoc's writer) over 100x
    the same amount of text in 1 KB paragraphs. Now both are below 1x."""
    size = 150_000
    text = _words(size) if kind == "paragraph" else "a" * size
    long_seconds, long_pdf = _pdf(_plan(tmp_path, "long", text))
    split_seconds, _ = _pdf(_plan(tmp_path, "split", _paragraphs(_words(size))))
    assert long_seconds < 2 * split_seconds, f"{long_seconds:.1f} s vs {split_seconds:.1f} s"
    flat = " ".join(long_pdf.replace("\u00a0", " ").split())
    # nothing of the paragraph is lost: its first and last words and the text after it
    # (a word wider than the page runs off its edge: its start is printed)
    if kind == "paragraph":
        assert " ".join(text.split()[:6]) in flat and " ".join(text.split()[-6:]) in flat
    else:
        assert "a" * 60 in flat
    assert "Konec vloženého textu." in flat


def test_a_megabyte_word_and_a_900_kb_paragraph_check_and_build_in_bounded_time(
    mini: Path, tmp_path: Path
) -> None:
    """The issue's case. Check: doubling the input at most about doubles its time (a
    quadratic step would quadruple it). Build: before, pandoc alone ran past its
    5-minute limit on the word; now the PDF costs a few times the plan without them."""
    clean_seconds, _ = _pdf(mini)
    checked = {}
    for name, scale in (("half", 0.5), ("full", 1.0)):
        inserted = f"{'a' * int(1_000_000 * scale)}\n\n{_words(int(900_000 * scale))}"
        root = _plan(tmp_path, name, inserted)
        started = _cpu()
        result = check(root)
        checked[name] = _cpu() - started
        warned = [p.location.line for p in result.problems if p.rule == "odstavec-dlouhy"]
        first_words = _words(100)[:40]  # the same seed: the same first words
        assert warned == [position(root, SEN, "aaaa")[0], position(root, SEN, first_words)[0]]
    assert checked["full"] < 2.6 * checked["half"] + 0.5, checked
    build_seconds, text = _pdf(root)
    assert "Konec vloženého textu." in text
    assert build_seconds < 40 * clean_seconds, f"{build_seconds:.1f} s vs {clean_seconds:.1f} s"
