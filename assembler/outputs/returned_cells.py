"""One cell of a returned workbook judged where it is: the edits and problems a workbook
gives (``Reading``), where an edit goes in a measure's report (``Target``), and the
checks every sheet shares (a row's code, a code twice, a number, a text).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import TypeAdapter, ValidationError

from assembler.load.workbooks import Row, Value
from assembler.load.xlsx import as_text
from assembler.models.measure_report import MeasureReport
from assembler.outputs.workbook_groups import Group
from assembler.problems.diagnostics import Location, Problem, did_you_mean, shown

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


def item_of(reading: Reading, row: Row, key: str, known: dict[str, Any], what: str) -> Any:
    """The row's item by its code cell, or None (reported) when the code is not this
    workbook's: edited, or a row added by hand. (A workbook has no cancelled measure to
    suggest: workbook_groups.groups leaves them out.)"""
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


def cell_text(value: Any) -> str:
    """A text cell as the YAML keeps it: line ends as ``\n`` (Calc and Excel may write
    ``\r\n``), no trailing spaces, so an untouched text equals the recorded one."""
    lines = as_text(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def repeated(reading: Reading, row: Row, code: str, seen: dict[str, int]) -> bool:
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


def add_number(
    reading: Reading,
    row: Row,
    key: str,
    adapter: TypeAdapter[Decimal],
    area: str,
    local: str,
    target: Target,
    check: Callable[[Decimal], str | None] = lambda value: None,
) -> None:
    """The number in the row's cell ``key`` as ``adapter`` reads it and ``check`` (a
    monitoring rule) accepts it, an edit of ``target``; else a located problem."""
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


def recorded(report: MeasureReport | None, target: Target) -> Any:
    """The value already recorded at ``target`` in a measure's report (None if none)."""
    if report is None:
        return None
    if target[0] == "indikatory":
        found = next((v for v in report.indicators if v.code == target[1]), None)
        names = {"hodnota": "value", "zdroj": "source", "poznamka": "note"}
        value = getattr(found, names[target[2]]) if found else None
        return cell_text(value) if isinstance(value, str) else value
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
    return cell_text(value) if isinstance(value, str) else value


def shown_value(value: Any) -> str:
    """A recorded or returned value as a conflict message shows it."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f").replace(".", ",")
    return str(value)


def target_name(target: tuple[str, ...]) -> str:
    """What an edit changes, in words (\"indikátor 1.1a, skutečná hodnota\")."""
    names = {
        "stav": "stav",
        "pokrok": "pokrok v %",
        "hodnoceni": "slovní hodnocení",
        "obtize": "obtíže",
        "duvod": "důvod",
        "hodnota": "skutečná hodnota",
        "zdroj": "zdroj údaje",
        "poznamka": "poznámka",
    }
    if target[0] == "indikatory":
        return f"indikátor {target[1]}, {names[target[2]]}"
    if target[0] == "skutecne_naklady":
        return f"skutečné náklady ze zdroje {target[1]}"
    return names[target[0]]
