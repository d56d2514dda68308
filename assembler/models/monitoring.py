"""Yearly monitoring files: ``monitoring/RRRR/*.yaml``, one per area chapter plus ``zprava.yaml``.

Each working group reports on its own chapter's measures and indicators for one
year; the coordinator describes the report itself (who prepared it, when, who
discussed it) in ``zprava.yaml``. Keys follow the chapters: Czech without diacritics.
"""

from __future__ import annotations

import datetime

from assembler.models.common import (
    ChapterCode,
    CzechDate,
    Many,
    Markdown,
    Model,
    Text,
    Year,
    yaml_key,
)
from assembler.models.measure_report import MEASURE_REPORT_EXAMPLE, MeasureReport
from assembler.models.placement import Output, printed
from assembler.models.plan_parts import APPROVAL_EXAMPLE, Approval

REPORT_FILE = "zprava.yaml"


class AreaMonitoring(Model):
    """One working group's report for one year: ``monitoring/2026/10-seniori.yaml``."""

    area: ChapterCode = yaml_key(
        "oblast",
        "Oblast",
        "Kód kapitoly oblasti (předpona kódů), např. SEN.",
        example="SEN",
        printed=printed(Output.MONITORING),
    )
    year: Year = yaml_key(
        "rok",
        "Rok",
        "Sledovaný rok; musí souhlasit se složkou (monitoring/2026/ → 2026).",
        example=2026,
        printed=printed(Output.MONITORING),
    )
    reported_by: Text = yaml_key(
        "vykazal",
        "Vykázal",
        "Kdo hlášení oblasti sestavil (jméno, organizace).",
        example="Bc. Jana Kratochvílová, Charita Lipovany",
        printed=printed(Output.MONITORING),
    )
    date: CzechDate = yaml_key(
        "datum",
        "Datum",
        "Kdy bylo hlášení sestaveno, např. 31. 1. 2027.",
        example=datetime.date(2027, 1, 31),
        printed=printed(Output.MONITORING),
    )
    measures: Many[MeasureReport] = yaml_key(
        "opatreni",
        "Opatření",
        "Hlášení o každém opatření oblasti, které v roce běželo.",
        [],
        example=[MEASURE_REPORT_EXAMPLE],
    )


class ReportInfo(Model):
    """The coordinator's description of one year's report: ``monitoring/2026/zprava.yaml``."""

    year: Year = yaml_key(
        "rok",
        "Rok",
        "Sledovaný rok; musí souhlasit se složkou.",
        example=2026,
        printed=printed(Output.MONITORING),
    )
    prepared_by: Text = yaml_key(
        "zpracoval",
        "Zpracoval",
        "Kdo zprávu zpracoval (jméno, funkce).",
        example="Mgr. Alena Horáková, koordinátorka komunitního plánování",
        printed=printed(Output.MONITORING),
    )
    date: CzechDate = yaml_key(
        "datum",
        "Datum zprávy",
        "Datum zprávy, např. 28. 2. 2027.",
        example=datetime.date(2027, 2, 28),
        printed=printed(Output.MONITORING),
    )
    discussed: Approval | None = yaml_key(
        "projednano",
        "Projednáno",
        "Který orgán zprávu projednal a kterým usnesením (nepovinné).",
        None,
        example={**APPROVAL_EXAMPLE, "usneseni": "RM/32/2027/1184"},
        printed=printed(Output.MONITORING),
    )
    introduction: Markdown | None = yaml_key(
        "uvod",
        "Úvod",
        "Úvodní text zprávy (Markdown, nepovinné).",
        None,
        example="Zpráva shrnuje první rok plnění plánu.",
        printed=printed(Output.MONITORING),
    )
