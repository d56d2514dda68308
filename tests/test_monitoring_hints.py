"""The hints in monitoring messages point somewhere the coordinator can go: a "did you
mean" offers only a measure running that year (never a cancelled one, nor one whose
timeline has ended or not yet begun), an unknown code is answered with the measures
running that year, cut when there are many, and a wrong year is answered only with years
of the plan's period (feature plan, its reports, a generated plan, the sample's workbooks)."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl
from helpers import FIXTURES, at, edit, position, problems_of

from assembler.checks.pipeline import check
from assembler.plan.items import Kind

Run = Callable[..., tuple[int, str, str]]
SEN = "monitoring/2026/10-seniori.yaml"


def _feature(tmp_path: Path) -> Path:
    # SEN 1.3 is cancelled itself, SEN 3.1 with its goal 3; 1.1, 1.2 and 2.1 run.
    root = tmp_path / "feature"
    shutil.copytree(FIXTURES / "feature", root)
    assert check(root).ok
    return root


def _unknown_measure(root: Path, typed: str) -> str:
    edit(root, SEN, "  - kod: 1.2\n", f"  - kod: {typed}\n")
    (problem,) = [p for p in problems_of(check(root), "monitoring-kod") if typed in p.message]
    at(problem, SEN, position(root, SEN, f"kod: {typed}\n", len("kod: ")))
    return problem.message


def test_unknown_measure_suggests_a_running_one_not_a_cancelled_one(tmp_path: Path) -> None:
    # 1.4 is as close to the cancelled 1.3 as to 1.1 and 1.2; the cancelled one was chosen.
    message = _unknown_measure(_feature(tmp_path), "1.4")
    assert message.startswith("Opatření SEN 1.4 v plánu není. Měli jste na mysli „1.2“?")
    assert "„1.3“" not in message


def test_a_cancelled_measure_is_not_suggested_when_nothing_else_is_close(tmp_path: Path) -> None:
    # 3.11 is close only to 3.1, which is cancelled with its goal: it was offered all the
    # same, and the garant reported the cancelled measure.
    message = _unknown_measure(_feature(tmp_path), "3.11")
    assert message == (
        "Opatření SEN 3.11 v plánu není. V roce 2026 běží opatření oblasti SEN: 1.1, 1.2."
    )


def test_a_measure_that_begins_later_is_not_suggested(tmp_path: Path) -> None:
    # 2.11 is close only to 2.1, which runs 2027–2028: in 2026 there is nothing to report.
    message = _unknown_measure(_feature(tmp_path), "2.11")
    assert message == (
        "Opatření SEN 2.11 v plánu není. V roce 2026 běží opatření oblasti SEN: 1.1, 1.2."
    )


def test_a_measure_that_has_ended_is_not_suggested(tmp_path: Path) -> None:
    # 1.2 ran in 2026 only: in the 2027 report, 1.22 is no typo of it.
    root = _feature(tmp_path)
    shutil.copytree(root / "monitoring/2026", root / "monitoring/2027")
    name = "monitoring/2027/10-seniori.yaml"
    edit(root, name, "rok: 2026", "rok: 2027")
    for folder in (name, SEN):
        edit(root, folder, "  - kod: 1.2\n", "  - kod: 1.22\n")
    found = {p.location.file: p for p in problems_of(check(root), "monitoring-kod")}
    at(found[name], name, position(root, name, "kod: 1.22", len("kod: ")))
    assert found[name].message == (
        "Opatření SEN 1.22 v plánu není. V roce 2027 běží opatření oblasti SEN: 1.1, 2.1."
    )
    # The same typo in 2026, when 1.2 runs, is offered it.
    assert found[SEN].message.startswith(
        "Opatření SEN 1.22 v plánu není. Měli jste na mysli „1.2“?"
    )


def test_a_long_list_of_running_measures_is_cut_after_twelve(tmp_path: Path) -> None:
    # A generated chapter of 60 measures, some of which do not run in 2026: the message
    # listed all 60 (six lines on a terminal), the ones not running among them.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from generate import generate, monitoring

    root = generate(tmp_path / "plan", chapters=1, measures=60)
    monitoring(root, [2026])
    (name,) = [f"monitoring/2026/{p.name}" for p in (root / "monitoring/2026").iterdir()]
    text = (root / name).read_text(encoding="utf-8")
    first = text.split("  - kod: ", 1)[1].split("\n", 1)[0]
    edit(root, name, f"  - kod: {first}\n", "  - kod: 99.9\n")
    plan = check(root).plan
    assert plan is not None
    codes = [
        m.model.code
        for m in plan.items.of(Kind.MEASURE)
        if 2026 in m.model.timeline.years and not m.cancelled
    ]
    assert 12 < len(codes) < 60  # long, and not every measure runs in 2026
    (problem,) = problems_of(check(root), "monitoring-kod")
    at(problem, name, position(root, name, "kod: 99.9", len("kod: ")))
    assert problem.message == (
        "Opatření SEN 99.9 v plánu není. V roce 2026 běží opatření oblasti SEN: "
        f"{', '.join(codes[:12])} a {len(codes) - 12} dalších (všechna jsou v kapitole "
        "chapters/10-sen.md)."
    )


def test_year_outside_the_period_is_not_offered_as_a_folder(tmp_path: Path) -> None:
    root = _feature(tmp_path)
    edit(root, SEN, "rok: 2026", "rok: 2062")
    (problem,) = problems_of(check(root), "monitoring-rok")
    at(problem, SEN, position(root, SEN, "2062"))
    assert problem.message == (
        "Soubor je ve složce monitoring/2026/, ale uvádí rok 2062. Opravte rok na 2026 "
        "(rok 2062 leží mimo období plánu 2026–2028)."
    )


def test_year_inside_the_period_is_offered_as_a_folder(tmp_path: Path) -> None:
    root = _feature(tmp_path)
    edit(root, SEN, "rok: 2026", "rok: 2027")
    (problem,) = problems_of(check(root), "monitoring-rok")
    assert problem.message.endswith(
        "Opravte rok na 2026, nebo soubor přesuňte do složky monitoring/2027/."
    )


def test_folder_outside_the_period_names_the_period_not_its_own_year(tmp_path: Path) -> None:
    # A folder 2031 of a 2026–2028 plan: "opravte rok na 2031" sent the coordinator
    # to a year no report may have.
    root = _feature(tmp_path)
    shutil.copytree(root / "monitoring/2026", root / "monitoring/2031")
    name = "monitoring/2031/20-rodiny.yaml"
    edit(root, name, "rok: 2026", "rok: 2032")
    found = {p.location.file: p for p in problems_of(check(root), "monitoring-rok")}
    kept = found["monitoring/2031/10-seniori.yaml"]  # still says 2026
    assert kept.message == (
        "Složka monitoring/2031/ je za rok 2031, ten leží mimo období plánu 2026–2028. "
        "Soubor uvádí rok 2026: přesuňte jej do složky monitoring/2026/."
    )
    moved = found[name]
    at(moved, name, position(root, name, "2032"))
    assert moved.message.endswith(
        "Přesuňte hlášení do složky roku, za který se vykazuje (monitoring/2026/ až "
        "monitoring/2028/)."
    )
    assert not any("2031/" in p.message.split("je za rok")[-1] for p in found.values())


def test_workbook_of_a_year_outside_the_period(sample: Path, tmp_path: Path, run_cli: Run) -> None:
    code, out, _ = run_cli("monitor", "export", "2026", str(sample))
    assert code == 0, out
    book = openpyxl.load_workbook(sample / "output/sesity-2026/charita-2026.xlsx")
    book["Údaje"]["B6"].value = "2031"
    book.save(tmp_path / "charita-2031.xlsx")
    code, out, _ = run_cli("monitor", "import", str(tmp_path / "charita-2031.xlsx"), str(sample))
    assert code == 1, out
    (error,) = [line for line in out.splitlines() if ": chyba: " in line]
    assert error.startswith("charita-2031.xlsx:Údaje!B6: chyba: Sešit je za rok 2031, ten leží ")
    assert "mimo období plánu 2026–2029. Pošlete garantovi sešit roku z období " in error
    assert "(plan monitor export 2029)" in error and "--rok 2031" not in error
