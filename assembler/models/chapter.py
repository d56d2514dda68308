"""The front matter of a chapter: an area chapter (goals, measures, indicators) or a section."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from assembler.models.common import (
    INTERNAL_NOTE,
    ChapterCode,
    GoalCode,
    Many,
    Markdown,
    Model,
    PriorityCode,
    SharedGoalCode,
    Text,
    VocabKey,
    yaml_key,
)
from assembler.models.indicator import Indicator, IndicatorValue
from assembler.models.measure import MEASURE_EXAMPLE, Activity, Measure, Milestone, Timeline
from assembler.models.people import MANAGER_EXAMPLE, Person, WorkingGroup
from assembler.models.placement import NOWHERE, Output, printed
from assembler.models.service import Service
from assembler.models.vocab import LegalItem

__all__ = [
    "Activity",
    "Area",
    "Chapter",
    "Goal",
    "Indicator",
    "IndicatorValue",
    "Measure",
    "Milestone",
    "Person",
    "Priority",
    "Section",
    "Service",
    "Timeline",
    "WorkingGroup",
]

Legal = Annotated[LegalItem, LegalItem.schema()]

# Examples shared by several keys, as the YAML reader yields them (see yaml_key).
_GOAL_TITLE = "Senioři mohou co nejdéle žít ve svém domově"
_GOAL_EXAMPLE: dict[str, Any] = {"kod": 1, "nazev": _GOAL_TITLE, "opatreni": [MEASURE_EXAMPLE]}


class Priority(Model):
    code: PriorityCode = yaml_key(
        "kod", "Kód", "P a číslo, např. P1.", example="P1", printed=printed(Output.PLAN)
    )
    title: Text = yaml_key(
        "nazev",
        "Název",
        "Název priority.",
        example="Péče v domácím prostředí",
        printed=printed(Output.PLAN),
    )
    description: Markdown | None = yaml_key(
        "popis",
        "Popis",
        "Popis priority.",
        None,
        example="Služby, díky kterým mohou lidé zůstat ve svém domově.",
        printed=printed(Output.PLAN),
    )


class Goal(Model):
    code: GoalCode = yaml_key(
        "kod",
        "Kód",
        "Číslo cíle v kapitole, např. 2.",
        example=1,
        printed=printed(Output.PLAN, Output.MONITORING),
    )
    title: Text = yaml_key(
        "nazev",
        "Název",
        "Krátký název cíle.",
        example=_GOAL_TITLE,
        printed=printed(Output.PLAN, Output.SUMMARY),
    )
    description: Markdown | None = yaml_key(
        "popis",
        "Popis",
        "Čeho chceme dosáhnout (Markdown).",
        None,
        example="Terénní a ambulantní služby jsou dostupné i mimo pracovní dobu.",
        printed=printed(Output.PLAN),
    )
    priority: PriorityCode | None = yaml_key(
        "priorita",
        "Priorita",
        "Kód priority kapitoly.",
        None,
        example="P1",
        printed=printed(Output.PLAN),
    )
    shared_goals: Many[SharedGoalCode] = yaml_key(
        "spolecne_cile",
        "Společné cíle",
        "Kódy společných cílů, k nimž cíl přispívá.",
        [],
        example=["SC2"],
        printed=printed(Output.PLAN),
    )
    measures: Many[Measure] = yaml_key(
        "opatreni", "Opatření", "Opatření cíle.", example=[MEASURE_EXAMPLE]
    )
    cancelled: Text | None = yaml_key(
        "zruseno",
        "Zrušeno",
        "Důvod zrušení cíle.",
        None,
        example="Sloučeno s cílem 2 dodatkem č. 1.",
        printed=printed(Output.PLAN),
    )


class Section(Model):
    """A coordinator's section: introduction, process, analysis, monitoring procedure…"""

    type: Literal["sekce"] = yaml_key(
        "typ",
        "Typ kapitoly",
        "sekce = text bez cílů; oblast = kapitola pracovní skupiny.",
        example="sekce",
        printed=NOWHERE,
    )
    code: ChapterCode | None = yaml_key(
        "kod",
        "Kód",
        "Nepovinný kód pro odkazy [[KOD]], 2–8 velkých písmen.",
        None,
        example="POSTUP",
        printed=NOWHERE,
    )
    title: Text = yaml_key(
        "nazev",
        "Název",
        "Nadpis kapitoly.",
        example="Postup zpracování plánu",
        printed=printed(Output.PLAN),
    )
    covers: Many[Legal] = yaml_key(
        "pokryva",
        "Pokrývá náležitosti",
        "Které náležitosti plánu podle § 3 písm. h) zákona kapitola popisuje: "
        f"{', '.join(LegalItem)}.",
        [],
        example=["povinnosti", "monitoring", "zmeny"],
        printed=NOWHERE,
    )
    summary: Markdown | None = yaml_key(
        "shrnuti",
        "Shrnutí pro veřejnost",
        "Text kapitoly ve veřejné verzi (nepovinné).",
        None,
        example="Plán připravilo devět pracovních skupin v letech 2024 a 2025.",
        printed=printed(Output.SUMMARY),
    )


class Area(Model):
    """An area chapter written by a working group."""

    type: Literal["oblast"] = yaml_key(
        "typ",
        "Typ kapitoly",
        "oblast = kapitola pracovní skupiny.",
        example="oblast",
        printed=NOWHERE,
    )
    code: ChapterCode = yaml_key(
        "kod",
        "Kód",
        "Zkratka oblasti, předpona všech kódů, např. SEN.",
        example="SEN",
        printed=printed(Output.PLAN, Output.MONITORING, Output.MUNICIPALITY),
    )
    title: Text = yaml_key(
        "nazev",
        "Název",
        "Název oblasti, např. Senioři.",
        example="Senioři",
        printed=printed(Output.PLAN, Output.SUMMARY, Output.MONITORING),
    )
    working_group: WorkingGroup = yaml_key(
        "pracovni_skupina",
        "Pracovní skupina",
        "Kdo kapitolu připravil.",
        example={"nazev": "Pracovní skupina Senioři", "manazer": MANAGER_EXAMPLE},
    )
    target_groups: Many[VocabKey] = yaml_key(
        "cilove_skupiny",
        "Cílové skupiny",
        "Klíče cílových skupin oblasti.",
        [],
        example=["seniori", "pecujici"],
        printed=printed(Output.PLAN),
    )
    summary: Markdown | None = yaml_key(
        "shrnuti",
        "Shrnutí pro veřejnost",
        "Co se pro lidi změní, srozumitelně a bez zkratek (nejvýše asi 1 200 znaků).",
        None,
        example="Rozšíříme pečovatelskou službu i na večery a víkendy.",
        printed=printed(Output.SUMMARY),
    )
    covers: Many[Legal] = yaml_key(
        "pokryva",
        "Pokrývá náležitosti",
        "Další náležitosti podle § 3 písm. h); strategie platí vždy.",
        [],
        example=["analyza"],
        printed=NOWHERE,
    )
    priorities: Many[Priority] = yaml_key(
        "priority",
        "Priority",
        "Nepovinné priority nad cíli.",
        [],
        example=[{"kod": "P1", "nazev": "Péče v domácím prostředí"}],
    )
    goals: Many[Goal] = yaml_key(
        "cile", "Cíle", "Cíle oblasti s jejich opatřeními.", example=[_GOAL_EXAMPLE]
    )
    internal_note: Text | None = yaml_key(
        INTERNAL_NOTE,
        "Interní poznámka",
        "Poznámka skupiny; do výstupů se nikdy netiskne.",
        None,
        example="Návrh druhé odlehčovací služby znovu otevřít v roce 2027.",
        printed=NOWHERE,
    )


Chapter = Annotated[Area | Section, Field(discriminator="type")]
