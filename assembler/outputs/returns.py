"""Returned monitoring workbooks read back: each cell judged where it is, then turned into
edits of ``monitoring/RRRR/*.yaml`` (outputs/merge.py applies them).

A workbook is taken whole or not at all: any error in it and none of its values
are used. A value that differs from one already recorded is a conflict, reported
with both values, unless the coordinator asked to prefer the workbook.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from assembler.checks.pipeline import CheckedPlan
from assembler.load import workbooks as layout
from assembler.load.workbooks import LayoutError, MetaKey, Value
from assembler.load.xlsx import Refused
from assembler.models.common import CzechDate
from assembler.models.vocab import GroupKind
from assembler.outputs import returned_sheets
from assembler.outputs.returned_cells import Reading
from assembler.outputs.workbook_groups import groups
from assembler.problems.diagnostics import shown

_DATE: TypeAdapter[datetime.date] = TypeAdapter(CzechDate)


def read_workbook(plan: CheckedPlan, path: Path, year: int | None) -> Reading:
    """Read one returned workbook against the plan; ``year`` (if given) must match."""
    reading = Reading(path.name)

    def belongs(meta: dict[str, str]) -> bool:
        return _belongs(plan, meta, year, reading)

    try:
        book = layout.read_returned(path, path.name, belongs)
    except Refused as err:
        reading.error(err.rule, err.message)
        return reading
    except LayoutError as err:
        at = Value(None, err.sheet, err.cell) if err.sheet else None
        reading.error(err.rule, err.message, at)
        return reading
    if book is None:
        return reading
    reading.filled_by = book.filled_by
    _filled_on(book.filled_on, reading)
    returned_sheets.measures(plan, book, reading)
    returned_sheets.indicators(plan, book, reading)
    returned_sheets.costs(plan, book, reading)
    _need_status(reading)
    return reading


def _filled_on(cell: Value, reading: Reading) -> None:
    """The date the garant filled the workbook in: it becomes the report's datum."""
    reading.filled_on_cell = cell if cell.cell else None
    value = cell.value
    if value is None:
        return
    if isinstance(value, datetime.datetime):  # a cell formatted as a date
        value = value.date()
    example = f"20. 1. {reading.year + 1}"
    try:
        if not isinstance(value, datetime.date | str):
            raise ValueError  # a number would be read as seconds since 1970
        date = _DATE.validate_python(value)
    except (ValueError, ValidationError):
        message = f"„{shown(value)}“ není datum. Napište datum vyplnění, např. {example}."
        reading.error("sesit-hodnota", message, cell)
        return
    if date < datetime.date(reading.year, 1, 1):
        message = (
            f"Datum vyplnění {_czech(date)} je dřív, než rok {reading.year} začal: hlášení za "
            f"rok {reading.year} lze vyplnit nejdřív 1. 1. {reading.year}. Opravte datum "
            f"(např. {example})."
        )
        reading.error("monitoring-rok", message, cell)
        return
    reading.filled_on = date


def _czech(date: datetime.date) -> str:
    return f"{date.day}. {date.month}. {date.year}"


def _need_status(reading: Reading) -> None:
    """A measure with any value needs a status: without one its report is not valid."""
    rows = reading.group.rows if reading.group else ()
    reported = {(r.area.code, r.measure.code) for r in rows if r.report is not None}
    for area, local in dict.fromkeys((e.area, e.measure) for e in reading.edits):
        if (area, local) in reading.statuses or (area, local) in reported:
            continue
        row = reading.rows.get((area, local))
        first = next(e.cell for e in reading.edits if (e.area, e.measure) == (area, local))
        at = Value(None, layout.MEASURES.title, f"C{row}") if row else first
        message = (
            f"Opatření {area} {local} má vyplněné hodnoty, ale nemá stav. Vyberte stav ze "
            "seznamu na listu Opatření; bez stavu nelze hlášení uložit."
        )
        reading.error("sesit-hodnota", message, at)


def _meta_cell(meta: dict[str, str], key: MetaKey) -> Value:
    row = list(meta).index(key) + 1 if key in meta else 1
    return Value(meta.get(key), layout.META, f"B{row}")


def _belongs(plan: CheckedPlan, meta: dict[str, str], year: int | None, reading: Reading) -> bool:
    info = plan.project.info
    period = f"{info.period.start}-{info.period.end}"
    if meta.get(MetaKey.ICO) != info.municipality.ico or meta.get(MetaKey.PERIOD) != period:
        message = (
            f"Sešit patří k jinému plánu („{shown(meta.get(MetaKey.PLAN, ''))}“, období "
            f"{meta.get(MetaKey.PERIOD, '?')}), ne k plánu „{shown(info.title)}“ ({period}). "
            "Načtěte jej do správného plánu, nebo garantovi pošlete sešit tohoto plánu."
        )
        reading.error("sesit-plan", message, _meta_cell(meta, MetaKey.ICO))
        return False
    reading.year = int(meta[MetaKey.YEAR])
    if reading.year not in info.period.years:
        # No --rok can take it: suggest only a year of the period.
        message = (
            f"Sešit je za rok {reading.year}, ten leží mimo období plánu {info.period.start}–"
            f"{info.period.end}. Pošlete garantovi sešit roku z období (plan monitor export "
            f"{_nearest(reading.year, info.period.years)})."
        )
        reading.error("sesit-plan", message, _meta_cell(meta, MetaKey.YEAR))
        return False
    if year is not None and reading.year != year:
        message = (
            f"Sešit je za rok {reading.year}, načítá se však rok {year}. Načtěte jej pro jeho "
            f"rok (plan monitor import --rok {reading.year}), nebo pošlete sešit správného roku."
        )
        reading.error("sesit-plan", message, _meta_cell(meta, MetaKey.YEAR))
        return False
    kind = GroupKind(meta[MetaKey.GROUP]) if meta.get(MetaKey.GROUP) in set(GroupKind) else None
    found = [g for g in groups(plan, reading.year, kind)] if kind else []
    reading.group = next((g for g in found if g.key == meta.get(MetaKey.KEY, "")), None)
    if reading.group is None:
        message = (
            f"Sešit je pro „{shown(meta.get(MetaKey.NAME, ''))}“, ten však v roce "
            f"{reading.year} nemá v plánu žádné opatření. Vytvořte sešity znovu "
            "(plan monitor export)."
        )
        reading.error("sesit-plan", message, _meta_cell(meta, MetaKey.KEY))
        return False
    return True


def _nearest(year: int, years: Iterable[int]) -> int:
    return min(years, key=lambda y: abs(y - year))
