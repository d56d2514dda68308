"""Headings in a YAML text field sit under the heading the field is printed below, in
every output, as the warning [nadpis-uroven] says (sample plan and its 2026 reports).

Only a garant's evaluation and a report's introduction were moved below their heading;
a measure's popis or a report's obtíže were printed as written, so a # there made the
plan's PDF fail (PDF/UA: skipped from heading level 1 to 3) and a ## put the following
measures under it in the outline."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pypdf
from helpers import at, edit, only, position

from assembler.checks.pipeline import check
from assembler.render.documents import plan_document

Run = Callable[..., tuple[int, str, str]]
SEN = "chapters/10-seniori.md"
REPORT = "monitoring/2026/10-seniori.yaml"
POPIS = "          několik hodin, aby si pečující mohl vyřídit své záležitosti.\n"


def _outline(path: Path) -> list[tuple[int, str]]:
    """(depth, title) of every PDF bookmark: the headings a reader navigates by."""
    found: list[tuple[int, str]] = []

    def walk(entries: list[object], depth: int) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                found.append((depth, str(getattr(entry, "title", ""))))

    walk(pypdf.PdfReader(path).outline, 0)
    return found


def test_a_level_one_heading_in_a_measures_popis_is_printed_under_the_measure(
    sample: Path, run_cli: Run
) -> None:
    edit(sample, SEN, POPIS, f"{POPIS}\n          # Kapacita\n\n          Deset lůžek.\n")
    result = check(sample)
    problem = only(result, "nadpis-uroven")
    at(problem, SEN, position(sample, SEN, "# Kapacita"))
    assert "Nadpis # v textu „popis“" in problem.message and result.ok
    code, out, err = run_cli("build", str(sample), "--only", "plan.pdf")
    assert code == 0, out + err  # was: vystup-selhal, "skipped from heading level 1 to 3"
    titles = _outline(sample / "output/plan.pdf")
    measure = next(i for i, (_, t) in enumerate(titles) if t.startswith("Opatření SEN 1.2 "))
    depth = titles[measure][0]
    assert titles[measure + 1] == (depth + 1, "Kapacita")
    assert titles[measure + 2][0] == depth and titles[measure + 2][1].startswith(
        "Opatření SEN 1.3 "
    )


def test_a_heading_in_a_reports_obtize_is_printed_under_its_measure(
    sample: Path, run_cli: Run
) -> None:
    edit(
        sample,
        REPORT,
        "    obtize: Stavební řízení se protáhlo o pět měsíců kvůli odvolání souseda.\n",
        "    obtize: |\n      Stavební řízení se protáhlo.\n\n      # Odvolání souseda\n\n"
        "      Trvalo pět měsíců.\n",
    )
    problem = only(check(sample), "nadpis-uroven")
    at(problem, REPORT, position(sample, REPORT, "# Odvolání"))
    assert "Nadpis # v textu „obtize“" in problem.message
    code, out, err = run_cli("build", str(sample), "--only", "monitoring-2026.html")
    assert code == 0, out + err
    html = (sample / "output/monitoring-2026.html").read_text(encoding="utf-8")
    headings = [
        (int(level), re.sub(r"<[^>]+>", "", inner).split(" ", 2)[:2])
        for level, inner in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", html, re.S)
    ]
    measure = headings.index((5, ["SEN", "1.1"]))
    # The page title is the only <h1>: the measure's #### is an <h5>, and its obtíže's
    # heading one level below it (was: an <h2> among the report's own parts).
    assert headings[measure + 1] == (6, ["Odvolání", "souseda"])
    assert headings[measure + 2] == (5, ["SEN", "1.2"])


def test_a_heading_in_an_activitys_popis_is_no_heading_and_no_level_error(sample: Path) -> None:
    # The popis is printed after the activity's name in one line of the list: a ### there
    # was refused as a heading that skips a level, and a # said to be printed as ##.
    activity = "            nazev: Přijetí a zaškolení čtyř nových pečovatelek\n"
    popis = "            popis: |\n              Čtyři pečovatelky.\n\n              ### Rozpis\n"
    edit(sample, SEN, activity, f"{activity}{popis}")
    result = check(sample)
    problem = only(result, "nadpis-v-radku")
    at(problem, SEN, position(sample, SEN, "### Rozpis"))
    assert problem.message == (
        "Nadpis v textu „popis“ se nevytiskne jako nadpis: text pole se tiskne v jednom "
        "řádku seznamu (např. popis aktivity za jejím názvem), a tak se z nadpisu stane text "
        "se znaky #. Znaky # na začátku řádku smažte; text s nadpisy patří do popisu opatření."
    )
    assert [p.rule for p in result.problems] == ["nadpis-v-radku"] and result.ok
    assert result.plan is not None
    line = next(
        line for line in plan_document(result.plan).markdown.splitlines() if "SEN 1.1.1" in line
    )
    assert line.endswith("Čtyři pečovatelky. ### Rozpis"), line
