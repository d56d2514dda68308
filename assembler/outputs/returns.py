"""Returned monitoring workbooks read back: each cell judged where it is, then turned into
edits of ``monitoring/RRRR/*.yaml`` (outputs/merge.py applies them).

A workbook is taken whole or not at all: any error in it and none of its values
are used. A value that differs from one already recorded is a conflict, reported
with both values, unless the coordinator asked to prefer the workbook.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from assembler.checks.monitoring_reports import unit_mismatch
from assembler.checks.pipeline import CheckedPlan
from assembler.load import workbooks as layout
from assembler.load.workbooks import LayoutError, MetaKey, ReturnedBook, Row, Value
from assembler.load.xlsx import Refused, as_text, cell_name
from assembler.models.chapter import Indicator, Measure
from assembler.models.common import CzechDate, Money, Number
from assembler.models.monitoring import MeasureReport, Percent
from assembler.models.vocab import GroupKind
from assembler.outputs.workbooks import Group, groups
from assembler.plan.items import Item
from assembler.problems.diagnostics import Location, Problem, did_you_mean, shown

_NUMBER: TypeAdapter[Decimal] = TypeAdapter(Number)
_MONEY: TypeAdapter[Decimal] = TypeAdapter(Money)
_PERCENT: TypeAdapter[Decimal] = TypeAdapter(Percent)
_DATE: TypeAdapter[datetime.date] = TypeAdapter(CzechDate)

# Where a value goes inside one measure's report: ("stav",), ("indikatory", "1.1a",
# "hodnota"), ("skutecne_naklady", "obec").
Target = tuple[str, ...]


@dataclass(frozen=True)
class Edit:
    area: str
    measure: str  # local code, e.g. 1.1
    target: Target
    value: Any  # str or Decimal
    cell: Value


@dataclass
class Reading:
    """One workbook's edits and problems (any error: none of its edits are used)."""

    name: str
    edits: list[Edit] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    year: int = 0
    group: Group | None = None
    filled_by: str = ""
    filled_on: datetime.date | None = None  # the garant's date of filling in, if typed
    filled_on_cell: Value | None = None  # where it is typed (None: an older workbook)
    rows: dict[tuple[str, str], int] = field(default_factory=dict)  # measure → its row
    statuses: set[tuple[str, str]] = field(default_factory=set)  # measures with a status
    applied: int = 0  # values that changed the monitoring files

    def error(self, rule: str, message: str, value: Value | None = None) -> None:
        where = Location(self.name, cell=f"{value.sheet}!{value.cell}") if value else None
        self.problems.append(Problem(rule, message, where or Location(self.name)))

    @property
    def ok(self) -> bool:
        return not self.problems


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
    _measures(plan, book, reading)
    _indicators(plan, book, reading)
    _costs(plan, book, reading)
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


def _code(reading: Reading, row: Row, key: str, known: dict[str, Any], what: str) -> Any:
    """The row's item by its code cell, or None (reported) when the code is not this
    workbook's: edited, or a row added by hand. (A workbook has no cancelled measure to
    suggest: outputs/workbooks.py leaves them out.)"""
    value = row.get(key)
    if value is None:
        first = next(iter(row.values.values()))
        message = (
            f"Řádek {row.number} má vyplněné hodnoty, ale nemá kód {what}. Kódy se nesmějí "
            "mazat; vraťte jej, nebo hodnoty přesuňte do řádku s kódem."
        )
        reading.error("sesit-kod", message, first)
        return None
    code = " ".join(str(value.value).split())
    item = known.get(code)
    if item is None:
        message = (
            f"Kód {what} „{shown(code)}“ v tomto sešitu není.{did_you_mean(code, known)} Kódy "
            "se nesmějí měnit ani přidávat; vraťte původní kód, nebo vyplňte nový sešit."
        )
        reading.error("sesit-kod", message, value)
    return item


def _measures(plan: CheckedPlan, book: ReturnedBook, reading: Reading) -> None:
    assert reading.group is not None
    rows = {r.item.code: r for r in reading.group.rows}
    vocabulary = {s.key: s for s in plan.project.info.measure_statuses}
    by_name = {s.name.lower(): s.key for s in vocabulary.values()}
    seen: dict[str, int] = {}
    for row in book.tables[layout.MEASURES.title]:
        found = _code(reading, row, "code", rows, "opatření")
        if found is None or _twice(reading, row, found.item.code, seen):
            continue
        area, local, report = found.area.code, found.measure.code, found.report
        status_cell = row.get("status")
        status = report.status if report else None
        if status_cell is not None:
            typed = str(status_cell.value).strip()
            status = by_name.get(typed.lower()) or (typed if typed in vocabulary else None)
            if status is None:
                names = {s.name: s.key for s in vocabulary.values()}
                message = (
                    f"Stav „{shown(typed)}“ není ve slovníku stavů plánu."
                    f"{did_you_mean(typed, names)} Vyberte jej ze seznamu: {', '.join(names)}."
                )
                reading.error("monitoring-stav", message, status_cell)
                reading.statuses.add((area, local))  # one mistake, one message
            else:
                reading.edits.append(Edit(area, local, ("stav",), status, status_cell))
        reading.rows[(area, local)] = row.number
        if status is not None:
            reading.statuses.add((area, local))
        # The rest of a row with a mistyped status is still judged: all mistakes at once.
        reason = row.get("reason")
        needs = status is not None and vocabulary[status].needs_reason
        if needs and reason is None and not (report and report.reason):
            message = (
                f"Opatření {found.item.code} má stav „{vocabulary[str(status)].name}“, u něhož je "
                "třeba uvést důvod. Doplňte do sloupce Důvod, proč a od kdy."
            )
            at = status_cell or Value(None, layout.MEASURES.title, f"C{row.number}")
            reading.error("monitoring-duvod", message, at)
        _convert(reading, row, "progress", _PERCENT, area, local, ("pokrok",))
        for key, target in (
            ("evaluation", "hodnoceni"),
            ("difficulties", "obtize"),
            ("reason", "duvod"),
        ):
            if (cell := row.get(key)) is not None:
                reading.edits.append(Edit(area, local, (target,), _text(cell.value), cell))


def _text(value: Any) -> str:
    """A text cell as the YAML keeps it: line ends as ``\n`` (Calc and Excel may write
    ``\r\n``), no trailing spaces, so an untouched text equals the recorded one."""
    lines = as_text(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def _twice(reading: Reading, row: Row, code: str, seen: dict[str, int]) -> bool:
    """A code on a second row; the message names the first, the location is this one."""
    if code in seen:
        message = (
            f"Kód {code} je v listu podruhé (poprvé na řádku {seen[code]}). Ponechte jeden řádek."
        )
        reading.error("sesit-kod", message, row.get("code") or row.get("measure"))
        return True
    seen[code] = row.number
    return False


def _number(value: Any) -> Any:
    """A cell's number as the models read it: floats by their shortest decimal form."""
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, bool | datetime.date):
        return str(value)
    return value


def _date_not_number(value: datetime.date) -> str:
    """Excel turns 14.5 typed with a point into 14 May, and a cell once made a date shows
    every later number as a date too: the garant sees a date, not the number meant."""
    return (
        f"V buňce je datum {value.day}. {value.month}. {value.year}, ne číslo: Excel číslo "
        "napsané s tečkou (14.5) přečte jako datum a buňka pak ukazuje jako datum i další "
        "čísla. Buňce nastavte formát Obecný nebo Číslo (Formát buněk → Číslo) a napište "
        "číslo znovu, s desetinnou čárkou: 14,5."
    )


def _convert(
    reading: Reading,
    row: Row,
    key: str,
    adapter: TypeAdapter[Decimal],
    area: str,
    local: str,
    target: Target,
    check: Callable[[Decimal], str | None] = lambda value: None,
) -> None:
    cell = row.get(key)
    if cell is None:
        return
    if isinstance(cell.value, datetime.date):
        reading.error("sesit-hodnota", _date_not_number(cell.value), cell)
        return
    try:
        value = adapter.validate_python(_number(cell.value))
    except ValidationError as err:
        detail = err.errors()[0]
        message = (
            str(detail["msg"])
            if detail["type"] in ("castka", "spatna-hodnota")
            else (f"„{shown(cell.value)}“ není číslo. Napište číslo, např. 18 nebo 1 250,5.")
        )
        reading.error("sesit-hodnota", message, cell)
        return
    problem = check(value)
    if problem:
        reading.error("monitoring-hodnota", problem, cell)
        return
    reading.edits.append(Edit(area, local, target, value, cell))


def _indicators(plan: CheckedPlan, book: ReturnedBook, reading: Reading) -> None:
    assert reading.group is not None
    known: dict[str, tuple[Item[Measure], Indicator]] = {}
    for row_of in reading.group.rows:
        for indicator in row_of.measure.indicators:
            known[f"{row_of.area.code} {indicator.code}"] = (row_of.item, indicator)
    seen: dict[str, int] = {}
    for row in book.tables[layout.INDICATORS.title]:
        found = _code(reading, row, "code", known, "indikátoru")
        if found is None:
            continue
        item, indicator = found
        code = f"{item.area.code} {indicator.code}"
        if _twice(reading, row, code, seen) or not _parent_ok(reading, row, item):
            continue
        area, local = item.area.code, item.model.code

        def unit(value: Decimal, indicator: Indicator = indicator, code: str = code) -> str | None:
            return unit_mismatch(indicator, value, code)

        _convert(
            reading,
            row,
            "value",
            _NUMBER,
            area,
            local,
            ("indikatory", indicator.code, "hodnota"),
            unit,
        )
        for key, target in (("source", "zdroj"), ("note", "poznamka")):
            if (cell := row.get(key)) is not None:
                edit = Edit(
                    area,
                    local,
                    ("indikatory", indicator.code, target),
                    _text(cell.value),
                    cell,
                )
                reading.edits.append(edit)


def _parent_ok(reading: Reading, row: Row, item: Item[Measure]) -> bool:
    cell = row.get("measure")
    if cell is not None and " ".join(str(cell.value).split()) != item.code:
        message = (
            f"Indikátor patří k opatření {item.code}, ve sloupci Opatření je však "
            f"„{shown(cell.value)}“. Kódy se nesmějí měnit; vraťte {item.code}."
        )
        reading.error("sesit-kod", message, cell)
        return False
    return True


def _costs(plan: CheckedPlan, book: ReturnedBook, reading: Reading) -> None:
    assert reading.group is not None
    measures = {r.item.code: r for r in reading.group.rows}
    sources = {s.key: s.name for s in plan.project.info.funding_sources}
    seen: dict[str, int] = {}
    # The planned rows first: a source chosen again in a measure's free row is the second.
    rows = sorted(book.tables[layout.COSTS.title], key=lambda r: r.get("source") is None)
    for row in rows:
        found = _code(reading, row, "measure", measures, "opatření")
        if found is None:
            continue
        code = found.item.code
        if row.get("source") is None:
            key = _unplanned_source(reading, row, sources, code)
            if key is None or _chosen_again(reading, row, f"{code} {key}", sources[key], seen):
                continue
        else:
            key = _planned_source(reading, row, sources)
            if key is None or _twice(reading, row, f"{code} {key}", seen):
                continue
        area, local = found.area.code, found.measure.code
        _convert(reading, row, "actual", _MONEY, area, local, ("skutecne_naklady", key))


def _planned_source(reading: Reading, row: Row, sources: dict[str, str]) -> str | None:
    """The key of an exported cost row, or None (reported) when it was changed."""
    key_cell = row.get("source")
    key = str(key_cell.value).strip() if key_cell else ""
    if key not in sources:
        message = (
            f"Klíč zdroje „{shown(key)}“ není mezi zdroji financování plánu."
            f"{did_you_mean(key, sources)} Zdroje: {', '.join(sources)}."
        )
        reading.error("sesit-kod", message, key_cell or row.get("measure"))
        return None
    name_cell = row.get("source_name")
    if name_cell is not None and str(name_cell.value).strip() != sources[key]:
        message = (
            f"Klíč zdroje {key} patří zdroji „{shown(sources[key])}“, řádek však uvádí "
            f"„{shown(name_cell.value)}“: klíč byl změněn. Vraťte původní klíč, nebo "
            "vyplňte nový sešit."
        )
        reading.error("sesit-kod", message, key_cell)
        return None
    return key


def _unplanned_source(reading: Reading, row: Row, sources: dict[str, str], code: str) -> str | None:
    """The source chosen in a measure's row without a key (one the plan does not foresee),
    or None: the row left empty, or a mistake (reported)."""
    name_cell, amount = row.get("source_name"), row.get("actual")
    if name_cell is None:
        if amount is not None:
            message = (
                f"Částka u opatření {code} nemá zdroj financování. Vyberte zdroj ze seznamu "
                f"ve sloupci Zdroj financování (buňka {_beside(row, 'source_name')}), "
                "nebo částku smažte."
            )
            reading.error("sesit-hodnota", message, amount)
        return None
    typed = " ".join(as_text(name_cell.value).split())
    by_name = {name.lower(): key for key, name in sources.items()}
    key = by_name.get(typed.lower()) or (typed if typed in sources else None)
    if key is None:
        names = list(sources.values())
        message = (
            f"Zdroj financování „{shown(typed)}“ není mezi zdroji plánu."
            f"{did_you_mean(typed, names)} Vyberte zdroj ze seznamu (šipka v buňce): "
            f"{', '.join(names)}. Chybí-li tam, ať jej koordinátor doplní do "
            "zdroje_financovani v plan.yaml."
        )
        reading.error("neznamy-zdroj", message, name_cell)
        return None
    if amount is None:
        message = (
            f"U opatření {code} je vybrán zdroj „{shown(sources[key])}“, ale chybí částka. "
            f"Napište ji do buňky {_beside(row, 'actual')}, nebo zdroj smažte."
        )
        reading.error("sesit-hodnota", message, name_cell)
        return None
    return key


def _beside(row: Row, key: str) -> str:
    """The cell of cost column ``key`` in ``row`` (F7 for the amount of row 7)."""
    return cell_name(row.number, layout.COSTS.index(key) + 1)


def _chosen_again(reading: Reading, row: Row, cost: str, name: str, seen: dict[str, int]) -> bool:
    """A source chosen in a measure's free row that the measure has on a row already;
    ``cost`` is the measure's code and the source's key (SEN 1.4 obec)."""
    first = seen.get(cost)
    if first is None:
        seen[cost] = row.number
        return False
    code = cost.rsplit(" ", 1)[0]
    message = (
        f"Zdroj „{shown(name)}“ má opatření {code} už na řádku {first}. Částku napište tam "
        "a v tomto řádku zdroj i částku smažte."
    )
    reading.error("sesit-hodnota", message, row.get("source_name"))
    return True


def recorded(report: MeasureReport | None, target: Target) -> Any:
    """The value already recorded at ``target`` in a measure's report (None if none)."""
    if report is None:
        return None
    if target[0] == "indikatory":
        found = next((v for v in report.indicators if v.code == target[1]), None)
        names = {"hodnota": "value", "zdroj": "source", "poznamka": "note"}
        value = getattr(found, names[target[2]]) if found else None
        return _text(value) if isinstance(value, str) else value
    if target[0] == "skutecne_naklady":
        return report.actual_costs.get(target[1])
    names = {
        "stav": "status",
        "pokrok": "progress",
        "hodnoceni": "evaluation",
        "obtize": "difficulties",
        "duvod": "reason",
    }
    value = getattr(report, names[target[0]])
    return _text(value) if isinstance(value, str) else value
