"""The sheets Opatření, Indikátory and Náklady of a returned workbook judged row by row
against the plan: each value becomes an ``Edit`` of its measure's report, or a problem.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import TypeAdapter

from assembler.checks.monitoring_reports import unit_mismatch
from assembler.checks.pipeline import CheckedPlan
from assembler.load import workbooks as layout
from assembler.load.workbooks import ReturnedBook, Row, Value
from assembler.load.xlsx import as_text, cell_name
from assembler.models.amounts import Money, Number
from assembler.models.chapter import Indicator, Measure
from assembler.models.measure_report import Percent
from assembler.outputs.returned_cells import (
    Edit,
    Reading,
    add_number,
    cell_text,
    item_of,
    repeated,
)
from assembler.plan.items import Item
from assembler.problems.diagnostics import did_you_mean, shown

_NUMBER: TypeAdapter[Decimal] = TypeAdapter(Number)
_MONEY: TypeAdapter[Decimal] = TypeAdapter(Money)
_PERCENT: TypeAdapter[Decimal] = TypeAdapter(Percent)


def measures(plan: CheckedPlan, book: ReturnedBook, reading: Reading) -> None:
    assert reading.group is not None
    rows = {r.item.code: r for r in reading.group.rows}
    vocabulary = {s.key: s for s in plan.project.info.measure_statuses}
    by_name = {s.name.lower(): s.key for s in vocabulary.values()}
    seen: dict[str, int] = {}
    for row in book.tables[layout.MEASURES.title]:
        found = item_of(reading, row, "code", rows, "opatření")
        if found is None or repeated(reading, row, found.item.code, seen):
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
        add_number(reading, row, "progress", _PERCENT, area, local, ("pokrok",))
        for key, target in (
            ("evaluation", "hodnoceni"),
            ("difficulties", "obtize"),
            ("reason", "duvod"),
        ):
            if (cell := row.get(key)) is not None:
                reading.edits.append(Edit(area, local, (target,), cell_text(cell.value), cell))


def indicators(plan: CheckedPlan, book: ReturnedBook, reading: Reading) -> None:
    assert reading.group is not None
    known: dict[str, tuple[Item[Measure], Indicator]] = {}
    for row_of in reading.group.rows:
        for indicator in row_of.measure.indicators:
            known[f"{row_of.area.code} {indicator.code}"] = (row_of.item, indicator)
    seen: dict[str, int] = {}
    for row in book.tables[layout.INDICATORS.title]:
        found = item_of(reading, row, "code", known, "indikátoru")
        if found is None:
            continue
        item, indicator = found
        code = f"{item.area.code} {indicator.code}"
        if repeated(reading, row, code, seen) or not _parent_ok(reading, row, item):
            continue
        area, local = item.area.code, item.model.code

        def unit(value: Decimal, indicator: Indicator = indicator, code: str = code) -> str | None:
            return unit_mismatch(indicator, value, code)

        add_number(
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
                    cell_text(cell.value),
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


def costs(plan: CheckedPlan, book: ReturnedBook, reading: Reading) -> None:
    assert reading.group is not None
    measures = {r.item.code: r for r in reading.group.rows}
    sources = {s.key: s.name for s in plan.project.info.funding_sources}
    seen: dict[str, int] = {}
    # The planned rows first: a source chosen again in a measure's free row is the second.
    rows = sorted(book.tables[layout.COSTS.title], key=lambda r: r.get("source") is None)
    for row in rows:
        found = item_of(reading, row, "measure", measures, "opatření")
        if found is None:
            continue
        code = found.item.code
        if row.get("source") is None:
            key = _unplanned_source(reading, row, sources, code)
            if key is None or _chosen_again(reading, row, f"{code} {key}", sources[key], seen):
                continue
        else:
            key = _planned_source(reading, row, sources)
            if key is None or repeated(reading, row, f"{code} {key}", seen):
                continue
        area, local = found.area.code, found.measure.code
        add_number(reading, row, "actual", _MONEY, area, local, ("skutecne_naklady", key))


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
