"""An indicator of a measure: what is measured, its baseline and targets (indikatory)."""

from __future__ import annotations

from typing import Any

from assembler.models.amounts import Number
from assembler.models.common import IndicatorCode, Many, Model, Text, Year, YesNo, yaml_key
from assembler.models.placement import Output, printed

# An indicator as the YAML reader yields it (see yaml_key): the example of a measure's list.
INDICATOR_EXAMPLE: dict[str, Any] = {
    "kod": "1.1a",
    "nazev": "Počet klientů, kterým je poskytnuta péče po 18. hodině",
    "jednotka": "osoby",
    "vychozi_hodnota": {"hodnota": 0, "rok": 2025},
    "cilova_hodnota": [{"hodnota": 60, "rok": 2029}],
    "vyssi_je_lepsi": True,
    "zdroj_overeni": "roční výkaz poskytovatele",
}


class IndicatorValue(Model):
    value: Number = yaml_key(
        "hodnota",
        "Hodnota",
        "Číselná hodnota v měrné jednotce indikátoru.",
        example=60,
        printed=printed(Output.PLAN, Output.MONITORING),
    )
    year: Year = yaml_key(
        "rok",
        "Rok",
        "Rok, ke kterému hodnota platí.",
        example=2029,
        printed=printed(Output.PLAN, Output.MONITORING),
    )


class Indicator(Model):
    code: IndicatorCode = yaml_key(
        "kod",
        "Kód",
        "Kód opatření a malé písmeno, např. 1.2a. Trvalý klíč pro monitoring.",
        example="1.1a",
        printed=printed(Output.PLAN, Output.MONITORING),
    )
    name: Text = yaml_key(
        "nazev",
        "Název",
        "Co se měří, např. Počet podpořených osob.",
        example="Počet klientů, kterým je poskytnuta péče po 18. hodině",
        printed=printed(Output.PLAN, Output.MONITORING),
    )
    unit: Text = yaml_key(
        "jednotka",
        "Měrná jednotka",
        "Např. osoby, hodiny, %, lůžka.",
        example="osoby",
        printed=printed(Output.PLAN, Output.MONITORING),
    )
    baseline: IndicatorValue = yaml_key(
        "vychozi_hodnota",
        "Výchozí hodnota",
        "Hodnota a rok před začátkem plánu.",
        example={"hodnota": 0, "rok": 2025},
    )
    targets: Many[IndicatorValue] = yaml_key(
        "cilova_hodnota",
        "Cílová hodnota",
        "Hodnota a rok, kterých má být dosaženo; pro více milníků seznam.",
        example=[{"hodnota": 25, "rok": 2026}, {"hodnota": 60, "rok": 2029}],
    )
    higher_is_better: YesNo = yaml_key(
        "vyssi_je_lepsi",
        "Vyšší je lepší",
        "ano, pokud je cílem hodnotu zvýšit; ne, pokud snížit (např. čekací doba).",
        example=True,
        printed=printed(Output.PLAN),
    )
    verification: Text = yaml_key(
        "zdroj_overeni",
        "Zdroj ověření",
        "Odkud hodnota pochází, např. výkazy poskytovatele.",
        example="roční výkaz poskytovatele",
        printed=printed(Output.PLAN),
    )
    external_code: Text | None = yaml_key(
        "externi_kod",
        "Externí kód",
        "Kód indikátoru v programu podpory (ESF, OP Z+) nebo v krajském plánu.",
        None,
        example="6 00 00",
        printed=printed(Output.PLAN),
    )
