"""What a working group reports on one measure for a year: its status, progress, costs and
the actual values of its indicators (``opatreni`` of ``monitoring/RRRR/*.yaml``).

A returned workbook's cells are judged by the same types (``Percent``) before they go into
a report.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from assembler.models.amounts import Money, Number
from assembler.models.common import (
    CzechDate,
    IndicatorCode,
    Many,
    Markdown,
    MeasureCode,
    Model,
    Text,
    VocabKey,
    yaml_key,
)
from assembler.models.placement import Output, printed


def _within(low: int, high: int | None, what: str) -> AfterValidator:
    def check(value: Decimal) -> Decimal:
        if value < low or (high is not None and value > high):
            limit = f"{low} až {high}" if high is not None else f"větší než {low}"
            raise PydanticCustomError(
                "spatna-hodnota",
                "{what} {value} nedává smysl: musí být {limit}. Opravte hodnotu.",
                {"what": what, "value": str(value), "limit": limit},
            )
        return value

    return AfterValidator(check)


def _positive(value: Decimal) -> Decimal:
    if value <= 0:
        raise PydanticCustomError(
            "spatna-hodnota",
            "Váha {value} nedává smysl: musí být kladné číslo (výchozí je 1). Opravte hodnotu.",
            {"value": str(value)},
        )
    return value


def _percent_sign(value: Any) -> Any:
    """ "40 %" is how a garant writes a progress of 40 in a column headed "Pokrok v %"."""
    if isinstance(value, str):
        return value.strip().removesuffix("%")
    return value


Percent = Annotated[Number, BeforeValidator(_percent_sign), _within(0, 100, "Pokrok")]
Weight = Annotated[Number, AfterValidator(_positive)]

INDICATOR_REPORT_EXAMPLE: dict[str, Any] = {
    "kod": "1.1a",
    "hodnota": 18,
    "zdroj": "roční výkaz Pečovatelské služby Lipovany",
    "poznamka": "Večerní směny začaly v dubnu.",
}
MEASURE_REPORT_EXAMPLE: dict[str, Any] = {
    "kod": Decimal("1.1"),
    "stav": "rozpracovano",
    "hodnoceni": "Od dubna běží dvě večerní směny, víkendové návštěvy od září.",
    "skutecne_naklady": {"obec": 1420000, "mpsv": 2100000},
    "indikatory": [INDICATOR_REPORT_EXAMPLE],
}


class IndicatorReport(Model):
    code: IndicatorCode = yaml_key(
        "kod",
        "Kód indikátoru",
        "Kód indikátoru z kapitoly, např. 1.1a.",
        example="1.1a",
        printed=printed(Output.MONITORING),
    )
    value: Number = yaml_key(
        "hodnota",
        "Skutečná hodnota",
        "Naměřená hodnota za rok v měrné jednotce indikátoru (číslo). Hodnotu posledního "
        "vykázaného roku uvádí i přehled indikátorů v plánu.",
        example=18,
        printed=printed(Output.MONITORING, latest_in=(Output.PLAN,)),
    )
    source: Text | None = yaml_key(
        "zdroj",
        "Zdroj údaje",
        "Odkud hodnota pochází, např. výkaz poskytovatele.",
        None,
        example="roční výkaz Pečovatelské služby Lipovany",
        printed=printed(Output.MONITORING),
    )
    note: Text | None = yaml_key(
        "poznamka",
        "Poznámka",
        "Vysvětlení k hodnotě (tiskne se ve zprávě).",
        None,
        example="Večerní směny začaly v dubnu.",
        printed=printed(Output.MONITORING),
    )


# Any text, not VocabKey: a status typed with diacritics (rozpracováno) is the commonest
# slip, and a shape error would hide every other problem of the file; the monitoring check
# judges it against the plan's vocabulary with the rest. Editors still get the key pattern.
StatusKey = Annotated[
    Text,
    WithJsonSchema({"type": ["string"], "pattern": "^[a-z0-9][a-z0-9_-]*$"}),
]


class MeasureReport(Model):
    code: MeasureCode = yaml_key(
        "kod",
        "Kód opatření",
        "Kód opatření z kapitoly, např. 1.2.",
        example=Decimal("1.1"),
        printed=printed(Output.MONITORING),
    )
    status: StatusKey = yaml_key(
        "stav",
        "Stav",
        "Klíč stavu ze slovníku stavy_opatreni v plan.yaml (výchozí: naplneno, rozpracovano, "
        "nezahajeno, pozastaveno, zruseno, bez_udaju).",
        example="rozpracovano",
        printed=printed(Output.MONITORING),
    )
    progress: Percent | None = yaml_key(
        "pokrok",
        "Pokrok v %",
        "Nepovinné: vlastní odhad pokroku 0–100 %, nahradí podíl daný stavem.",
        None,
        example=60,
        printed=printed(Output.MONITORING),
    )
    weight: Weight = yaml_key(
        "vaha",
        "Váha",
        "Váha opatření při výpočtu pokroku cíle (výchozí 1).",
        Decimal(1),
        example=2,
        printed=printed(Output.MONITORING),
    )
    reason: Markdown | None = yaml_key(
        "duvod",
        "Důvod",
        "Proč je opatření pozastaveno nebo zrušeno (u těchto stavů povinné).",
        None,
        example="Poskytovatel nezískal dotaci na rok 2026.",
        printed=printed(Output.MONITORING),
    )
    evaluation: Markdown | None = yaml_key(
        "hodnoceni",
        "Slovní hodnocení",
        "Co se za rok podařilo (Markdown).",
        None,
        example=MEASURE_REPORT_EXAMPLE["hodnoceni"],
        printed=printed(Output.MONITORING),
    )
    difficulties: Markdown | None = yaml_key(
        "obtize",
        "Obtíže",
        "Co plnění brzdilo.",
        None,
        example="Nedostatek pečovatelek ochotných pracovat večer.",
        printed=printed(Output.MONITORING),
    )
    unplanned: Markdown | None = yaml_key(
        "neplanovane_vysledky",
        "Neplánované výsledky",
        "Co vzniklo navíc, mimo plán.",
        None,
        example="Služba začala spolupracovat s nemocnicí při propouštění pacientů.",
        printed=printed(Output.MONITORING),
    )
    actual_costs: dict[VocabKey, Money] = yaml_key(
        "skutecne_naklady",
        "Skutečné náklady",
        "Skutečně vynaložené částky za rok podle zdrojů financování v Kč.",
        {},
        example={"obec": 1420000, "mpsv": 2100000},
        printed=printed(Output.MONITORING),
    )
    reported_by: Text | None = yaml_key(
        "vykazal",
        "Vykázal",
        "Kdo za opatření vykázal (jinak platí vykazal souboru).",
        None,
        example="Mgr. Petr Dvořák, Pečovatelská služba Lipovany",
        printed=printed(Output.MONITORING),
    )
    date: CzechDate | None = yaml_key(
        "datum",
        "Datum",
        "Kdy bylo vykázáno (jinak platí datum souboru), např. 20. 1. 2027.",
        None,
        example=datetime.date(2027, 1, 20),
        printed=printed(Output.MONITORING),
    )
    indicators: Many[IndicatorReport] = yaml_key(
        "indikatory",
        "Indikátory",
        "Skutečné hodnoty indikátorů opatření za rok.",
        [],
        example=[INDICATOR_REPORT_EXAMPLE],
    )
