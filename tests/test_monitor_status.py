"""``plan monitor status`` counts only what was reported: a value refused in a monitoring
file (a negative amount, "100 dní" for a number), which the file is read without so that
plan check finds its other mistakes, is not counted as in, nor is a value read but
against a rule of plan check (``stav: hotovo``, 120 %); the status names the file with
its errors as plan check prints them (the sample plan's reports, as garants edit them)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpers import edit

Run = Callable[..., tuple[int, str, str]]
SEN = "monitoring/2026/10-seniori.yaml"
PRE = "monitoring/2026/18-prevence.yaml"
FIX = "Opravte je (nebo o to požádejte garanta); do té doby plan build nic nesestaví."


def _status(root: Path, run_cli: Run, *extra: str) -> tuple[int, str, dict[str, list[str]]]:
    """Exit code, output, and the table's cells after the group's name, by group."""
    code, out, _ = run_cli("monitor", "status", "2026", str(root), *extra)
    found: list[list[str]] = []
    for line in out.splitlines():
        cells = [c.strip() for c in line.split("│")[1:-1]]
        if cells and cells[1]:  # a group's first line
            found.append(cells)
        elif cells:  # the next lines of its folded cells
            found[-1] = [f"{a} {b}".strip() for a, b in zip(found[-1], cells, strict=True)]
    return code, out, {cells[0]: cells[1:] for cells in found}


def _errors(root: Path, run_cli: Run, name: str) -> list[str]:
    """The file's errors as plan check prints them."""
    code, out, _ = run_cli("check", str(root))
    assert code == 1, out
    lines = out.splitlines()
    return [line for line in lines if line.startswith(f"{name}:") and ": chyba: " in line]


def _less(cell: str, by: int) -> str:
    done, planned = cell.split(" z ")
    return f"{int(done) - by} z {planned}"


def test_a_refused_indicator_value_and_amount_are_not_counted(sample: Path, run_cli: Run) -> None:
    code, _, before = _status(sample, run_cli, "--po", "oblast")
    assert code == 0
    measures, indicators, costs, absent = before["Senioři"]
    assert absent == "–" and indicators.split(" z ")[0] == indicators.split(" z ")[1]
    edit(sample, SEN, "hodnota: 35\n", "hodnota: 100 dní\n")  # SEN 1.1b
    edit(sample, SEN, "{obec: 1476000,", "{obec: -5000,")  # SEN 1.1, its other sources kept
    errors = _errors(sample, run_cli, SEN)
    assert [e.rsplit("[", 1)[1] for e in errors] == ["castka]", "spatna-hodnota]"]
    code, out, after = _status(sample, run_cli, "--po", "oblast")
    assert code == 1, out
    # 9 of 9 indicators and 6 of 6 costs were said to be in, the stand-in 0 and the
    # remaining sources taken for the garant's report.
    assert after["Senioři"] == [measures, _less(indicators, 1), _less(costs, 1), "–"]
    assert {k: v for k, v in after.items() if k != "Senioři"} == {
        k: v for k, v in before.items() if k != "Senioři"
    }
    lines = out.splitlines()
    assert lines[: len(errors)] == errors  # printed before the table, as plan check does
    assert (
        f"Hlášení {SEN} má chyby vypsané výše: hodnoty, které z něj nešly přečíst nebo mají "
        f"chybu, tabulka nepočítá jako vykázané. {FIX}"
    ) in lines


def test_a_measure_whose_own_value_was_refused_is_not_counted(sample: Path, run_cli: Run) -> None:
    _, _, before = _status(sample, run_cli, "--po", "oblast")
    edit(sample, SEN, "stav: rozpracovano\n    pokrok: 25", "stav: rozpracovano\n    pokrok: 2x")
    code, out, after = _status(sample, run_cli, "--po", "oblast")
    assert code == 1, out
    measures, indicators, costs, _ = before["Senioři"]
    # SEN 2.1's progress was refused: its status is read, but not a report to count.
    assert after["Senioři"] == [_less(measures, 1), indicators, costs, "SEN 2.1 (chyba)"]
    assert out.splitlines()[0] == _errors(sample, run_cli, SEN)[0]


def test_a_file_not_read_at_all_is_named(sample: Path, run_cli: Run) -> None:
    edit(sample, PRE, "    stav: rozpracovano\n", "")  # the file's first measure
    edit(sample, SEN, "hodnota: 35\n", "hodnota: 100 dní\n")
    errors = _errors(sample, run_cli, PRE) + _errors(sample, run_cli, SEN)
    code, out, rows = _status(sample, run_cli)
    assert code == 1, out
    lines = out.splitlines()
    assert sorted(lines[: len(errors)]) == sorted(errors)
    assert (
        f"Hlášení {SEN} má chyby vypsané výše: hodnoty, které z něj nešly přečíst nebo mají "
        f"chybu, tabulka nepočítá jako vykázané. Hlášení {PRE} se pro chyby vypsané výše "
        f"nenačetlo vůbec: jeho opatření tabulka vede jako chybějící. {FIX}"
    ) in lines
    assert rows["Městská policie Lipovany"][3] == "PRE 2.1"
    # The missing reports are warnings plan check lists; the status only counts them.
    assert lines[-1] == "Nalezeno: 2 chyby a 2 varování v 3 souborech. Vypíše je plan check."


def test_reports_without_errors_are_counted_whole(sample: Path, run_cli: Run) -> None:
    code, out, rows = _status(sample, run_cli)
    assert code == 0, out
    assert "Hlášení" not in out and "Vypíše je plan check." not in out
    for measures, indicators, costs, absent in rows.values():
        for cell in (measures, indicators, costs):
            done, planned = cell.split(" z ")
            assert done == planned
        assert absent == "–"


def test_a_value_read_but_against_a_rule_is_not_counted(sample: Path, run_cli: Run) -> None:
    _, _, before = _status(sample, run_cli, "--po", "oblast")
    measures, indicators, costs, _ = before["Senioři"]
    # Both read fine; plan check refuses them (monitoring-stav, monitoring-hodnota).
    edit(sample, SEN, "  - kod: 1.1\n    stav: rozpracovano", "  - kod: 1.1\n    stav: hotovo")
    edit(sample, SEN, "hodnota: 14.2\n", "hodnota: 120\n")  # SEN 2.1b, its unit %
    errors = _errors(sample, run_cli, SEN)
    assert [e.rsplit("[", 1)[1] for e in errors] == ["monitoring-stav]", "monitoring-hodnota]"]
    code, out, after = _status(sample, run_cli, "--po", "oblast")
    assert code == 1, out
    # SEN 1.1 is not counted, its indicators and costs are; SEN 2.1 is, but not 2.1b.
    assert after["Senioři"] == [
        _less(measures, 1),
        _less(indicators, 1),
        costs,
        "SEN 1.1 (chyba)",
    ]
    assert {k: v for k, v in after.items() if k != "Senioři"} == {
        k: v for k, v in before.items() if k != "Senioři"
    }
    lines = out.splitlines()
    assert lines[: len(errors)] == errors
    assert (
        f"Hlášení {SEN} má chyby vypsané výše: hodnoty, které z něj nešly přečíst nebo mají "
        f"chybu, tabulka nepočítá jako vykázané. {FIX}"
    ) in lines


def test_a_paused_measure_without_its_reason_is_not_counted(sample: Path, run_cli: Run) -> None:
    _, _, before = _status(sample, run_cli)
    edit(sample, SEN, "stav: rozpracovano\n    pokrok: 25", "stav: pozastaveno\n    pokrok: 25")
    assert [e.rsplit("[", 1)[1] for e in _errors(sample, run_cli, SEN)] == ["monitoring-duvod]"]
    code, out, after = _status(sample, run_cli)
    assert code == 1, out
    # SEN 2.1's garant is the town, which reports most of the plan's measures.
    (garant,) = [k for k, v in after.items() if v != before[k]]
    measures, indicators, costs, absent = before[garant]
    assert absent == "–"
    assert after[garant] == [_less(measures, 1), indicators, costs, "SEN 2.1 (chyba)"]


def test_a_rule_made_a_warning_does_not_take_the_value(sample: Path, run_cli: Run) -> None:
    _, _, before = _status(sample, run_cli)
    edit(sample, SEN, "hodnota: 14.2\n", "hodnota: 120\n")
    (sample / "plan.yaml").write_text(
        (sample / "plan.yaml").read_text(encoding="utf-8")
        + "pravidla:\n  monitoring-hodnota: varovani\n",
        encoding="utf-8",
    )
    code, out, after = _status(sample, run_cli)
    assert code == 0, out
    assert after == before
    assert "Hlášení" not in out
    assert out.splitlines()[-1].endswith("Vypíše je plan check.")
