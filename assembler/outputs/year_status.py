"""What ``plan monitor status`` counts as reported: only values that were read.

A monitoring file with a refused value (a negative amount, "100 dní" for a number) is
read without it, so that plan check reports its other mistakes at once
(load/salvage.py); an indicator's value keeps its place with a stand-in. Counting such a
file as it was read told the coordinator that the value was in. Here a refused value is
not reported: an indicator whose value was refused, the costs of a measure with a
refused amount, a measure whose own entry (its progress, weight, date) held one.
"""

from __future__ import annotations

from dataclasses import dataclass

from assembler.checks.pipeline import CheckedPlan
from assembler.outputs.workbook_groups import Group, Row

# Counted in their own columns, so a refused value there does not also take the measure.
_APART = ("indikatory", "skutecne_naklady")


@dataclass(frozen=True)
class Tally:
    """One group's row of the status table."""

    measures: int  # reported, nothing of their own entry refused
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


def tally(group: Group, year: int) -> Tally:
    rows = group.rows
    indicators = sum(len(r.measure.indicators) for r in rows)
    # As the report's list of missing actual costs: {obec: 0} plans nothing to report.
    costs = [r for r in rows if sum(r.measure.costs.get(year, {}).values())]
    return Tally(
        measures=sum(1 for r in rows if _measure_reported(r)),
        measures_planned=len(rows),
        indicators=sum(len(_valued(r)) for r in rows),
        indicators_planned=indicators,
        costs=sum(1 for r in costs if _costs_reported(r)),
        costs_planned=len(costs),
        absent=tuple(r.item.code for r in rows if r.report is None),
        refused=tuple(
            r.item.code for r in rows if r.report is not None and not _measure_reported(r)
        ),
        handed_in=any(r.report is not None for r in rows),
    )


def _measure_reported(row: Row) -> bool:
    if row.report is None:
        return False
    refused = row.refused.stand_ins | row.refused.removed
    return all(path[0] in _APART for path in refused)


def _valued(row: Row) -> set[str]:
    """The planned indicators whose value was read."""
    if row.report is None:
        return set()
    planned = {i.code for i in row.measure.indicators}
    return {
        value.code
        for k, value in enumerate(row.report.indicators)
        if value.code in planned and not row.refused.under(("indikatory", k, "hodnota"))
    }


def _costs_reported(row: Row) -> bool:
    return (
        row.report is not None
        and bool(row.report.actual_costs)
        and not row.refused.under(("skutecne_naklady",))
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
            "nešly přečíst, tabulka nepočítá jako vykázané."
        )
    if left:
        was, its = ("nenačetlo", "jeho") if len(left) == 1 else ("nenačetla", "jejich")
        said.append(
            f"Hlášení {', '.join(left)} se pro chyby vypsané výše {was} vůbec: {its} "
            "opatření tabulka vede jako chybějící."
        )
    said.append("Opravte je (nebo o to požádejte garanta); do té doby plan build nic nesestaví.")
    return " ".join(said)
