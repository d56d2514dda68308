"""What ``plan monitor status`` counts as reported: only values read and without errors.

A monitoring file with a refused value (a negative amount, "100 dní" for a number) is
read without it, so that plan check reports its other mistakes at once
(load/salvage.py); an indicator's value keeps its place with a stand-in. A value that
reads fine can still break a rule of plan check (``stav: hotovo``, 120 for a % indicator).
Counting either as it was read told the coordinator that the value was in, while plan
build refuses the file. Here neither is reported: an indicator whose entry holds one,
the costs of a measure with one among them, a measure whose own entry (its status,
progress, weight, date) holds one. Warnings do not take anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from assembler.checks.monitoring import reported_file
from assembler.checks.pipeline import CheckedPlan
from assembler.load.salvage import YamlPath
from assembler.outputs.workbook_groups import Group, Row
from assembler.problems.diagnostics import Problem

# Paths inside a measure's entry not to count, by the measure's full code.
Wrong = Mapping[str, frozenset[YamlPath]]

# Counted in their own columns, so a wrong value there does not also take the measure.
_APART = ("indikatory", "skutecne_naklady")


@dataclass(frozen=True)
class Tally:
    """One group's row of the status table."""

    measures: int  # reported, nothing of their own entry refused or in error
    measures_planned: int
    indicators: int
    indicators_planned: int
    costs: int  # measures with costs reported, none of them refused
    costs_planned: int
    absent: tuple[str, ...]  # full codes of the measures without a report
    refused: tuple[str, ...]  # full codes of the reported measures not counted for it
    handed_in: bool  # anything of the group's was read, refused or not

    def cells(self) -> list[str]:
        """The table's cells after the group's name."""
        listed = [*self.absent, *(f"{code} (chyba)" for code in self.refused)]
        return [
            f"{self.measures} z {self.measures_planned}",
            f"{self.indicators} z {self.indicators_planned}",
            f"{self.costs} z {self.costs_planned}",
            ", ".join(listed) or "–",
        ]


def wrong_entries(plan: CheckedPlan, year: int, problems: Iterable[Problem]) -> Wrong:
    """Where the errors of plan check are in the year's measure entries: by full code,
    the paths inside the entry (``()`` for the entry itself) that an error is located at."""
    monitored = plan.monitoring.get(year)
    errors = [p.location for p in problems if p.is_error]
    found: dict[str, frozenset[YamlPath]] = {}
    if monitored is None:
        return found
    for _, area in plan.project.areas:
        file = reported_file(monitored, area.code)
        if file is None:
            continue
        measures = file.report.measures
        first = {m.code: i for i, m in reversed(list(enumerate(measures)))}
        for location in errors:
            path = file.source.path_at(location) or ()
            # Only the entry a measure's report is taken from (the first, if written twice).
            if len(path) < 2 or path[0] != "opatreni" or not isinstance(path[1], int):
                continue
            if path[1] < len(measures) and first[measures[path[1]].code] == path[1]:
                code = f"{area.code} {measures[path[1]].code}"
                found[code] = found.get(code, frozenset()) | {path[2:]}
    return found


def tally(group: Group, year: int, wrong: Wrong) -> Tally:
    rows = group.rows
    indicators = sum(len(r.measure.indicators) for r in rows)
    # As the report's list of missing actual costs: {obec: 0} plans nothing to report.
    costs = [r for r in rows if sum(r.measure.costs.get(year, {}).values())]
    bad = {r.item.code: _not_counted(r, wrong) for r in rows}
    return Tally(
        measures=sum(1 for r in rows if _measure_reported(r, bad[r.item.code])),
        measures_planned=len(rows),
        indicators=sum(len(_valued(r, bad[r.item.code])) for r in rows),
        indicators_planned=indicators,
        costs=sum(1 for r in costs if _costs_reported(r, bad[r.item.code])),
        costs_planned=len(costs),
        absent=tuple(r.item.code for r in rows if r.report is None),
        refused=tuple(
            r.item.code
            for r in rows
            if r.report is not None and not _measure_reported(r, bad[r.item.code])
        ),
        handed_in=any(r.report is not None for r in rows),
    )


def _not_counted(row: Row, wrong: Wrong) -> frozenset[YamlPath]:
    """The paths inside the row's entry that were refused or hold an error."""
    return row.refused.stand_ins | row.refused.removed | wrong.get(row.item.code, frozenset())


def _measure_reported(row: Row, bad: frozenset[YamlPath]) -> bool:
    return row.report is not None and all(path and path[0] in _APART for path in bad)


def _valued(row: Row, bad: frozenset[YamlPath]) -> set[str]:
    """The planned indicators whose entry was read without an error."""
    if row.report is None:
        return set()
    planned = {i.code for i in row.measure.indicators}
    return {
        value.code
        for k, value in enumerate(row.report.indicators)
        if value.code in planned and not any(p[:2] == ("indikatory", k) for p in bad)
    }


def _costs_reported(row: Row, bad: frozenset[YamlPath]) -> bool:
    return (
        row.report is not None
        and bool(row.report.actual_costs)
        and not any(p[:1] == ("skutecne_naklady",) for p in bad)
    )


def with_errors(plan: CheckedPlan, year: int, files: list[str]) -> str:
    """What the table makes of the year's files with errors (named as plan check names
    them): a file read without its refused values, a file not read at all."""
    monitored = plan.monitoring.get(year)
    unread = {f"{monitored.folder}/{u.name}" for u in monitored.unread} if monitored else set()
    read = [f for f in files if f not in unread]
    left = [f for f in files if f in unread]
    said = []
    if read:
        has, them = ("má", "něj") if len(read) == 1 else ("mají", "nich")
        said.append(
            f"Hlášení {', '.join(read)} {has} chyby vypsané výše: hodnoty, které z {them} "
            "nešly přečíst nebo mají chybu, tabulka nepočítá jako vykázané."
        )
    if left:
        was, its = ("nenačetlo", "jeho") if len(left) == 1 else ("nenačetla", "jejich")
        said.append(
            f"Hlášení {', '.join(left)} se pro chyby vypsané výše {was} vůbec: {its} "
            "opatření tabulka vede jako chybějící."
        )
    said.append("Opravte je (nebo o to požádejte garanta); do té doby plan build nic nesestaví.")
    return " ".join(said)
