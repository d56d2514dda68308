"""Dates and amounts written the short way ("12.3.2026", "1250000 Kč"): `plan check`
warns at each, with the Czech form, and the outputs still print the Czech form."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import all_text, at, edit, position, problems_of

from assembler.checks.pipeline import check
from assembler.outputs.build import build
from assembler.problems.diagnostics import Severity

RULE = "datum-castka-zapis"
BODY = "chapters/01-uvod.md"
CHAPTER = "chapters/10-seniori.md"


def _date(written: str, czech: str) -> str:
    return (
        f"Datum „{written}“ je zapsáno bez mezer. Česky se píše „{czech}“ (za tečkou mezera); "
        "výstupy je tak vytisknou, opravte je i v textu."
    )


def _amount(written: str, czech: str) -> str:
    return (
        f"Částka „{written}“ je zapsána bez mezer mezi tisíci. Česky se píše „{czech}“; "
        "výstupy ji tak vytisknou, opravte ji i v textu."
    )


@pytest.fixture
def short(mini: Path) -> Path:
    """The fixture plan with short dates and amounts in a chapter body, in a block text,
    in a title and in a plain value of plan.yaml, next to forms that are no such thing."""
    edit(
        mini,
        BODY,
        "V obci žije",
        "Obec schválila 1.12.2025 rozpočet 1250000 Kč (viz `12.3.2026` a "
        "https://obec.example.cz/12.3.2026); kód 1.2.3 a 32.1.2026 nejsou data.\nV obci žije",
    )
    edit(
        mini,
        CHAPTER,
        "          Pečovatelky budou chodit i o víkendu.",
        "          Od 1.7.2026 za 250000,50 Kč ročně\n"
        "          Pečovatelky budou chodit i o víkendu.",
    )
    edit(mini, CHAPTER, "nazev: Odlehčovací služba", "nazev: Odlehčovací služba od 1.3.2027")
    edit(mini, "plan.yaml", "blízko domova.", "blízko domova, 12000 EUR ročně.")
    return mini


def test_check_warns_at_each_short_date_and_amount(short: Path) -> None:
    found = problems_of(check(short), RULE)
    expected = [
        (BODY, position(short, BODY, "1.12.2025"), _date("1.12.2025", "1. 12. 2025")),
        (BODY, position(short, BODY, "1250000"), _amount("1250000 Kč", "1 250 000 Kč")),
        (CHAPTER, position(short, CHAPTER, "1.7.2026"), _date("1.7.2026", "1. 7. 2026")),
        (CHAPTER, position(short, CHAPTER, "250000,50"), _amount("250000,50 Kč", "250 000,50 Kč")),
        (CHAPTER, position(short, CHAPTER, "1.3.2027"), _date("1.3.2027", "1. 3. 2027")),
        ("plan.yaml", position(short, "plan.yaml", "12000"), _amount("12000 EUR", "12 000 EUR")),
    ]
    assert len(found) == len(expected), [str(p) for p in found]
    for (name, line_col, message), problem in zip(
        sorted(expected),
        sorted(found, key=lambda p: (p.location.file, p.location.line)),
        strict=True,
    ):
        at(problem, name, line_col)
        assert problem.message == message
        assert problem.severity is Severity.WARNING


def test_strict_check_refuses_them_and_names_the_place(short: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run_cli("check", "--strict", str(short))
    line, col = position(short, BODY, "1.12.2025")
    assert code == 1
    assert f"{BODY}:{line}:{col}: chyba: Datum „1.12.2025“ je zapsáno bez mezer." in out
    assert "[datum-castka-zapis]" in out


def test_outputs_print_the_czech_forms(short: Path) -> None:
    result = build(short, only=["plan.pdf", "plan.docx", "summary.html"])
    assert result.ok, [str(p) for p in result.problems]
    for name in ("plan.pdf", "plan.docx"):
        text = " ".join(all_text(short / "output" / name).replace("\u00a0", " ").split())
        for czech in ("1. 12. 2025", "1 250 000 Kč", "1. 7. 2026", "250 000,50 Kč", "1. 3. 2027"):
            assert czech in text, (name, czech)
        assert "12 000 EUR" in text
        for written in ("1.12.2025", "1250000", "1.7.2026", "250000,50", "1.3.2027", "12000 "):
            assert written not in text, (name, written)
    summary = all_text(short / "output" / "summary.html").replace("\u00a0", " ")
    assert "12 000 EUR" in summary and "1. 3. 2027" in summary


def test_sample_and_feature_plan_write_dates_and_amounts_the_czech_way(
    sample: Path, tmp_path: Path
) -> None:
    import shutil

    from helpers import FIXTURES

    feature = tmp_path / "feature"
    shutil.copytree(FIXTURES / "feature", feature)
    for root in (sample, feature):
        assert not problems_of(check(root, strict=True), RULE)


def test_a_date_key_written_without_spaces_is_no_text_to_correct(mini: Path) -> None:
    # The README allows datum: 10.12.2026; the warning (and --strict, an error) told the
    # garant to correct a value the program itself reads and prints as 10. 12. 2026.
    from monitoring_data import SEN_FILE, write_monitoring

    write_monitoring(mini)
    edit(mini, SEN_FILE, "datum: 2027-01-20", "datum: 20.1.2027")
    edit(mini, SEN_FILE, "obtize: Chybí dvě pečovatelky.", "obtize: Od 1.3.2026 chybí dvě.")
    result = check(mini, strict=True)
    (problem,) = problems_of(result, RULE)
    at(problem, SEN_FILE, position(mini, SEN_FILE, "1.3.2026"))
    assert problem.message == _date("1.3.2026", "1. 3. 2026")


def test_the_quick_test_agrees_with_the_patterns_on_any_text() -> None:
    """may_hold tries the patterns only near a year's dot or a currency; on random texts
    of the characters that matter, and on the shipped plan's files, it answers exactly as
    searching the whole text with them would."""
    import random

    from assembler.plan.written import SHORT_DATE, UNGROUPED_AMOUNT, may_hold

    pieces = ["1", "12", "3", "0", "12345", "250000", ".", ",", " ", "\u00a0", "20", "19", "2026"]
    pieces += [".20", ".19", "Kč", "korun", "EUR", "EURO", "Kčs", "a", "\n", "x1.2.20"]
    rng = random.Random(17)
    texts = ["".join(rng.choices(pieces, k=rng.randint(0, 12))) for _ in range(20000)]
    root = Path(__file__).resolve().parents[1]
    texts += [p.read_text(encoding="utf-8") for p in (root / "chapters").glob("*.md")]
    texts += ["Dne 1.12.2025 a 7.3.1999", "za 1250000 Kč", "za 1250000\u00a0korun.", "1.1.2026"]
    found = 0
    for text in texts:
        expected = bool(SHORT_DATE.search(text) or UNGROUPED_AMOUNT.search(text))
        assert may_hold(text) is expected, repr(text)
        found += expected
    assert 300 < found < len(texts) - 300  # both answers were tried, many times
