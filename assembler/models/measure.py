"""A measure of an area chapter with its activities, timeline and costs.

Its indicators are in indicator.py, the registered services it concerns in service.py.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from assembler.models.amounts import Money
from assembler.models.common import (
    INTERNAL_NOTE,
    ActivityCode,
    Many,
    Markdown,
    MeasureCode,
    Model,
    OrgKey,
    SharedGoalCode,
    Text,
    VocabKey,
    Year,
    yaml_key,
)
from assembler.models.indicator import INDICATOR_EXAMPLE, Indicator
from assembler.models.placement import AS_PARENT, EVERYWHERE, NOWHERE, Output, printed
from assembler.models.service import Service
from assembler.models.vocab import MeasureKind

# Examples shared by several keys, as the YAML reader yields them (see yaml_key).
TIMELINE_EXAMPLE = {"od": 2026, "do": 2029}
MEASURE_EXAMPLE: dict[str, Any] = {
    "kod": Decimal("1.1"),
    "nazev": "Rozšíření pečovatelské služby o večery a víkendy",
    "druh": "rozvoj",
    "popis": "Pečovatelská služba přidá dvě večerní směny a víkendové návštěvy.",
    "harmonogram": TIMELINE_EXAMPLE,
}


class Milestone(Model):
    year: Year = yaml_key("rok", "Rok", "Rok milníku.", example=2027, printed=printed(Output.PLAN))
    description: Text = yaml_key(
        "popis",
        "Popis",
        "Co má být v daném roce hotovo.",
        example="víkendové návštěvy",
        printed=printed(Output.PLAN),
    )


class Timeline(Model):
    start: Year = yaml_key("od", "Od roku", "Rok zahájení.", example=2026, printed=AS_PARENT)
    end: Year = yaml_key("do", "Do roku", "Rok ukončení (včetně).", example=2029, printed=AS_PARENT)
    milestones: Many[Milestone] = yaml_key(
        "milniky",
        "Milníky",
        "Dílčí milníky.",
        [],
        example=[{"rok": 2026, "popis": "večerní směny ve všední dny"}],
    )

    @property
    def years(self) -> range:
        return range(self.start, self.end + 1)


class Activity(Model):
    code: ActivityCode = yaml_key(
        "kod",
        "Kód",
        "Kód opatření a pořadí, např. 1.2.1.",
        example="1.1.1",
        printed=printed(Output.PLAN),
    )
    title: Text = yaml_key(
        "nazev",
        "Název",
        "Co se udělá.",
        example="Přijetí a zaškolení čtyř nových pečovatelek",
        printed=printed(Output.PLAN),
    )
    description: Markdown | None = yaml_key(
        "popis",
        "Popis",
        "Podrobnosti (Markdown).",
        None,
        example="Výběrové řízení vyhlásí pečovatelská služba v lednu 2026.",
        printed=printed(Output.PLAN),
    )
    implementer: OrgKey | None = yaml_key(
        "realizator",
        "Realizátor",
        "Klíč organizace.",
        None,
        example="PECOVATELSKA",
        printed=printed(Output.PLAN),
    )
    timeline: Timeline | None = yaml_key(
        "harmonogram",
        "Harmonogram",
        "Kdy proběhne.",
        None,
        example={"od": 2026, "do": 2026},
        printed=printed(Output.PLAN),
    )


Costs = dict[Year, dict[VocabKey, Money]]
# Written keys are checked against the register (with a hint for a name written as a key).
MunicipalShares = dict[Year, dict[Text, Money]]


class Measure(Model):
    code: MeasureCode = yaml_key(
        "kod",
        "Kód",
        "Číslo cíle a pořadí opatření, např. 1.2.",
        example=Decimal("1.1"),
        printed=printed(Output.PLAN, Output.MONITORING, Output.MUNICIPALITY),
    )
    title: Text = yaml_key(
        "nazev",
        "Název",
        "Krátký název opatření.",
        example=MEASURE_EXAMPLE["nazev"],
        printed=EVERYWHERE,
    )
    description: Markdown = yaml_key(
        "popis",
        "Popis",
        "Co opatření obnáší (Markdown).",
        example=MEASURE_EXAMPLE["popis"],
        printed=printed(Output.PLAN),
    )
    public_summary: Markdown | None = yaml_key(
        "verejne_shrnuti",
        "Pro veřejnost",
        "Jedna nebo dvě věty pro veřejnou verzi plánu: co se díky opatření pro lidi změní, "
        "srozumitelně a bez zkratek. Bez něj veřejná verze napíše jen druh opatření a roky "
        "(popis opatření se do ní nepřebírá, protože často líčí dnešní problém).",
        None,
        example="Pečovatelky budou chodit i večer do 22 hodin a o víkendech.",
        printed=printed(Output.SUMMARY),
    )
    rationale: Markdown | None = yaml_key(
        "oduvodneni",
        "Odůvodnění",
        "Proč je opatření potřeba.",
        None,
        example="Podle šetření z roku 2024 odkládá 38 % pečujících rodin zapojení služby "
        "kvůli chybějící večerní péči.",
        printed=printed(Output.PLAN),
    )
    kind: Annotated[MeasureKind, MeasureKind.schema()] = yaml_key(
        "druh",
        "Druh opatření",
        f"{MeasureKind.choices()}.",
        example="rozvoj",
        printed=printed(Output.PLAN, Output.SUMMARY),
    )
    target_groups: Many[VocabKey] = yaml_key(
        "cilove_skupiny",
        "Cílové skupiny",
        "Klíče cílových skupin ze slovníku plánu.",
        [],
        example=["seniori", "pecujici"],
        printed=printed(Output.PLAN),
    )
    services: Many[Service] = yaml_key(
        "sluzby",
        "Registrované služby",
        "Služby, kterých se opatření týká.",
        [],
        example=[{"identifikator": 4829157, "paragraf": 40, "poskytovatel": "PECOVATELSKA"}],
    )
    guarantor: OrgKey | None = yaml_key(
        "garant",
        "Garant",
        "Klíč organizace, která za opatření odpovídá.",
        None,
        example="MESTO",
        printed=printed(Output.PLAN, Output.MONITORING, Output.MUNICIPALITY),
    )
    implementers: Many[OrgKey] = yaml_key(
        "realizatori",
        "Realizátoři",
        "Klíče organizací, které opatření provádějí.",
        [],
        example=["PECOVATELSKA"],
        printed=printed(Output.PLAN),
    )
    partners: Many[OrgKey] = yaml_key(
        "partneri",
        "Partneři",
        "Klíče spolupracujících organizací.",
        [],
        example=["CHARITA", "MP"],
        printed=printed(Output.PLAN),
    )
    territory: Many[Text] = yaml_key(
        "uzemi",
        "Území",
        "Klíče obcí a lokalit z plan.yaml (uzemi), kterým opatření slouží; bez uvedení "
        "celé území plánu.",
        [],
        example=["JANOV", "HOLICKA"],
        printed=printed(Output.PLAN, Output.MUNICIPALITY),
    )
    timeline: Timeline = yaml_key(
        "harmonogram",
        "Harmonogram",
        "Od kdy do kdy opatření běží.",
        example=TIMELINE_EXAMPLE,
        printed=printed(Output.PLAN, Output.SUMMARY, Output.MUNICIPALITY),
    )
    costs: Costs = yaml_key(
        "naklady",
        "Předpokládané náklady",
        "Po letech a zdrojích v Kč, např. 2026: {obec: 250000, mpsv: 1200000}.",
        {},
        example={2026: {"obec": 1450000, "mpsv": 2100000, "uhrady": 380000}},
        printed=printed(Output.PLAN, Output.MONITORING, Output.MUNICIPALITY),
    )
    municipal_shares: MunicipalShares = yaml_key(
        "podil_obci",
        "Podíl obcí",
        "Jak se částka ze zdroje obec dělí mezi platící obce, po letech v Kč: "
        "2026: {LIPOVANY: 1200000, JANOV: 250000}. Součet roku se musí rovnat částce obec "
        "v naklady; rok bez rozdělení platí celý zadavatel.",
        {},
        example={2026: {"LIPOVANY": 1200000, "JANOV": 250000}},
        printed=printed(Output.PLAN, Output.MUNICIPALITY),
    )
    indicators: Many[Indicator] = yaml_key(
        "indikatory",
        "Indikátory",
        "Jak se pozná, že se opatření daří.",
        [],
        example=[INDICATOR_EXAMPLE],
    )
    activities: Many[Activity] = yaml_key(
        "aktivity",
        "Aktivity",
        "Dílčí kroky opatření.",
        [],
        example=[{"kod": "1.1.1", "nazev": "Přijetí a zaškolení čtyř nových pečovatelek"}],
    )
    related: Many[Text] = yaml_key(
        "souvisejici",
        "Související",
        "Kódy souvisejících položek, např. ROD 2.1.",
        [],
        example=["SEN 1.4", "ROD 2.1"],
        printed=printed(Output.PLAN),
    )
    shared_goals: Many[SharedGoalCode] = yaml_key(
        "spolecne_cile",
        "Společné cíle",
        "Kódy společných cílů, k nimž opatření přispívá.",
        [],
        example=["SC2"],
        printed=printed(Output.PLAN),
    )
    cancelled: Text | None = yaml_key(
        "zruseno",
        "Zrušeno",
        "Důvod zrušení (opatření zůstává kvůli stabilním kódům).",
        None,
        example="Službu od roku 2027 zajišťuje kraj.",
        printed=printed(Output.PLAN),
    )
    internal_note: Text | None = yaml_key(
        INTERNAL_NOTE,
        "Interní poznámka",
        "Poznámka skupiny; do výstupů se nikdy netiskne.",
        None,
        example="Znovu otevřít při monitoringu za rok 2027.",
        printed=NOWHERE,
    )
