"""Monitoring workbooks for the garants: one .xlsx per garant (or per area chapter) and year.

Each workbook lists exactly its group's measures that run in the year (or are
already reported), pre-filled with what ``monitoring/RRRR/`` holds, and says on a
hidden sheet which plan, year and group it belongs to (groups: workbook_groups.py);
``outputs/returns.py`` reads the returned ones back.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from assembler.checks.pipeline import CheckedPlan
from assembler.load import workbooks as layout
from assembler.load.workbooks import FORMAT_VERSION, MetaKey
from assembler.load.xlsx import Column, Input, Sheet, cell_name, workbook_bytes
from assembler.models.registers import StatusItem, VocabItem
from assembler.models.vocab import GroupKind
from assembler.outputs.registry import workbook_folder
from assembler.outputs.workbook_groups import Group
from assembler.plan.evaluation import expected_value, final_target
from assembler.render import czech


def export(plan: CheckedPlan, year: int, made: Iterable[Group]) -> dict[Path, bytes]:
    """The workbooks of these groups (of ``groups``) as bytes, by path in the output folder."""
    info = plan.project.info
    folder = workbook_folder(plan.project.root, info.outputs, year)
    today = datetime.date.today()
    return {
        folder / group.file_name(year): workbook_bytes(_sheets(plan, group, year, today))
        for group in made
    }


def _sheets(plan: CheckedPlan, group: Group, year: int, today: datetime.date) -> list[Sheet]:
    info = plan.project.info
    statuses, sources = info.measure_statuses, info.funding_sources
    choices = f"{layout.LISTS}!$A$2:$A${len(statuses) + 1}"
    return [
        _instructions(plan, group, year),
        _table(layout.MEASURES, year, _measure_rows(plan, group), choices),
        _table(layout.INDICATORS, year, _indicator_rows(group, year)),
        _costs(plan, group, year),
        _lists(statuses, sources),
        Sheet(
            layout.META,
            (Column("Klíč", 14), Column("Hodnota", 60)),
            _meta(plan, group, year, today),
            hidden=True,
        ),
    ]


def _lists(statuses: Sequence[StatusItem], sources: Sequence[VocabItem]) -> Sheet:
    """The hidden sheet the drop-down lists choose from: statuses in A, sources in C."""
    columns = ("Stav", 24), ("Klíč", 16), ("Zdroj financování", 40), ("Klíč", 16)
    pairs = itertools.zip_longest(
        [(s.name, s.key) for s in statuses],
        [(f.name, f.key) for f in sources],
        fillvalue=(None, None),
    )
    rows = [(*status, *source) for status, source in pairs]
    return Sheet(layout.LISTS, tuple(Column(*c) for c in columns), rows, hidden=True)


def _table(table: layout.Layout, year: int, rows: list[list[Any]], choices: str = "") -> Sheet:
    columns = tuple(field.column(year, choices) for field in table.fields)
    return Sheet(table.title, columns, rows)


def _measure_rows(plan: CheckedPlan, group: Group) -> list[list[Any]]:
    names = {s.key: s.name for s in plan.project.info.measure_statuses}
    rows = []
    for row in group.rows:
        report = row.report
        rows.append(
            [
                row.item.code,
                row.measure.title,
                names.get(report.status, report.status) if report else None,
                report.progress if report else None,
                _text(report.evaluation) if report else None,
                _text(report.difficulties) if report else None,
                _text(report.reason) if report else None,
            ]
        )
    return rows


def _text(value: str | None) -> str | None:
    return value.strip() if value else None


def _indicator_rows(group: Group, year: int) -> list[list[Any]]:
    rows = []
    for row in group.rows:
        values = {v.code: v for v in row.report.indicators} if row.report else {}
        for indicator in row.measure.indicators:
            reported = values.get(indicator.code)
            rows.append(
                [
                    f"{row.area.code} {indicator.code}",
                    row.item.code,
                    indicator.name,
                    indicator.unit,
                    indicator.baseline.value,
                    final_target(indicator).value,
                    _rounded(expected_value(indicator, year)),
                    reported.value if reported else None,
                    reported.source if reported else None,
                    reported.note if reported else None,
                ]
            )
    return rows


def _rounded(value: Decimal) -> Decimal:
    """The expected value as a garant reads it: at most two decimals."""
    return value.quantize(Decimal("0.01")).normalize() if value != value.to_integral() else value


# A source the plan does not foresee for a measure (a foundation's grant) is chosen in
# the measure's free cost row, the one without a key (returned_sheets.costs reads it so).
_UNPLANNED_PROMPT = (
    "Zdroj, který plán u opatření nepředpokládá (např. grant nadace): vyberte jej ze "
    "seznamu a do sloupce Skutečnost napište částku."
)
_KEY = layout.COSTS.index("source")


def _costs(plan: CheckedPlan, group: Group, year: int) -> Sheet:
    rows = _cost_rows(plan, group, year)
    sources = len(plan.project.info.funding_sources)
    choices = f"{layout.LISTS}!$C$2:$C${sources + 1}"
    column = layout.COSTS.index("source_name") + 1
    unplanned = tuple(
        Input(cell_name(number, column), choices, _UNPLANNED_PROMPT)
        for number, row in enumerate(rows, start=2)
        if row[_KEY] is None
    )
    return replace(_table(layout.COSTS, year, rows), inputs=unplanned)


def _cost_rows(plan: CheckedPlan, group: Group, year: int) -> list[list[Any]]:
    names = {s.key: s.name for s in plan.project.info.funding_sources}
    rows: list[list[Any]] = []
    for row in group.rows:
        planned = row.measure.costs.get(year, {})
        actual = row.report.actual_costs if row.report else {}
        for key in _keys(names, planned, actual):
            rows.append(
                [
                    row.item.code,
                    row.measure.title,
                    names.get(key, key),
                    key,
                    planned.get(key),
                    actual.get(key),
                ]
            )
        rows.append([row.item.code, row.measure.title, None, None, None, None])
    return rows


def _keys(order: Iterable[str], *amounts: dict[str, Decimal]) -> list[str]:
    """The sources of a measure in the vocabulary's order (unknown ones last)."""
    used = {key for mapping in amounts for key in mapping}
    return [k for k in order if k in used] + sorted(used - set(order))


def _meta(plan: CheckedPlan, group: Group, year: int, today: datetime.date) -> list[list[str]]:
    info = plan.project.info
    return [
        [MetaKey.FORMAT, FORMAT_VERSION],
        [MetaKey.PLAN, info.title],
        [MetaKey.ICO, info.municipality.ico],
        [MetaKey.PERIOD, f"{info.period.start}-{info.period.end}"],
        [MetaKey.YEAR, str(year)],
        [MetaKey.GROUP, group.kind.value],
        [MetaKey.KEY, group.key],
        [MetaKey.NAME, group.name],
        [MetaKey.EXPORTED, today.isoformat()],
    ]


def _example_date(year: int) -> str:
    """A date a garant would write: January after the monitored year."""
    return czech.date(datetime.date(year + 1, 1, 20)).replace(czech.NBSP, " ")


def _reason_needed(statuses: Sequence[StatusItem]) -> str:
    """Which statuses of the plan's own vocabulary need a reason (not the defaults')."""
    names = [s.name for s in statuses if s.needs_reason]
    if not names:
        return ""
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " nebo " + names[-1]
    return f" U stavu {listed} napište důvod."


def _instructions(plan: CheckedPlan, group: Group, year: int) -> Sheet:
    info = plan.project.info
    who = "garanta" if group.kind is GroupKind.GARANT else "oblast"
    contact = ", ".join(x for x in (info.coordinator.name, info.coordinator.email) if x)
    lines = [
        f"Monitoring plánu za rok {year}: sešit pro {who} {group.name}",
        info.title,
        "",
        "Vyplňte žlutě podbarvené buňky na listech Opatření, Indikátory a Náklady. Kódy, "
        "názvy a plánované hodnoty jsou zamčené.",
        "Opatření: stav vyberte ze seznamu. Pokrok v % je nepovinný (jinak platí podíl daný "
        "stavem)." + _reason_needed(info.measure_statuses),
        "Indikátory: do sloupce Skutečnost napište naměřenou hodnotu za rok v jednotce "
        "indikátoru (číslo, desetinná čárka, např. 14,5). Sloupec Očekáváno ukazuje, kolik "
        "plán pro tento rok předpokládá.",
        "Náklady: skutečně vynaložené částky za rok v korunách podle zdrojů financování. "
        "Každé opatření má navíc řádek bez klíče zdroje pro zdroj, který plán nepředpokládá "
        "(např. grant nadace): zdroj vyberte ze seznamu ve sloupci Zdroj financování a "
        "napište částku.",
        "Co už je vyplněné, pochází z dosavadního hlášení. Změníte-li to, koordinátor uvidí "
        "obě hodnoty a rozhodne.",
        "Řádky smíte řadit a filtrovat; listy nepřejmenovávejte, sloupce nepřesouvejte, "
        "řádky nepřidávejte.",
        "Nakonec napište, kdo sešit vyplnil a kdy (datum, např. "
        f"{_example_date(year)}): datum se stane datem hlášení.",
        "Sešit uložte jako .xlsx (ne .xlsm ani .xls, bez hesla) a pošlete zpět"
        + (f": {contact}." if contact else " koordinátorovi plánu."),
        "",
    ]
    rows: list[list[Any]] = [[line, None] for line in lines]
    rows.append([layout.FILLED_BY_LABEL, None])
    rows.append([layout.FILLED_ON_LABEL, None])
    return Sheet(
        layout.INSTRUCTIONS,
        (Column("", 100), Column("", 40)),
        rows,
        table=False,
        landscape=False,
        inputs=(Input(f"B{len(rows) - 1}"), Input(f"B{len(rows)}")),
    )
