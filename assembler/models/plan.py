"""``plan.yaml``: the plan as a whole — who, what period, outline, registers and vocabularies."""

from __future__ import annotations

from typing import Annotated

from pydantic import field_validator

from assembler.models import vocab
from assembler.models.common import Many, Markdown, Model, Text, yaml_key
from assembler.models.placement import EVERYWHERE, NOWHERE, Output, printed
from assembler.models.plan_parts import (
    APPROVAL_EXAMPLE,
    COORDINATOR_EXAMPLE,
    Approval,
    Contact,
    Municipality,
    Period,
)
from assembler.models.publication import ESF_EXAMPLE, EsfPublicity, OutputFiles
from assembler.models.registers import Organisation, SharedGoal, StatusItem, VocabItem
from assembler.models.territory import TERRITORY_EXAMPLE, SteeringGroup, Territory
from assembler.models.vocab import PlanStatus
from assembler.problems.rules import Level

__all__ = [
    "Approval",
    "Contact",
    "EsfPublicity",
    "Municipality",
    "Organisation",
    "OutputFiles",
    "Period",
    "PlanInfo",
    "SharedGoal",
    "StatusItem",
    "VocabItem",
]


def _items(defaults: dict[str, str]) -> list[VocabItem]:
    return [VocabItem.model_validate({"klic": k, "nazev": v}) for k, v in defaults.items()]


class PlanInfo(Model):
    title: Text = yaml_key(
        "nazev",
        "Název plánu",
        "Úplný název dokumentu.",
        example="Střednědobý plán rozvoje sociálních služeb statutárního města Lipovany "
        "na období 2026–2029",
        printed=EVERYWHERE,
    )
    municipality: Municipality = yaml_key(
        "zadavatel",
        "Zadavatel",
        "Obec nebo kraj, jehož plán to je.",
        example={"nazev": "Statutární město Lipovany", "ico": "00296015"},
    )
    period: Period = yaml_key(
        "obdobi", "Období", "Roky platnosti plánu.", example={"od": 2026, "do": 2029}
    )
    version: Text = yaml_key(
        "verze",
        "Verze",
        "Číslo verze dokumentu, např. 1.0.",
        "1.0",
        example="1.0",
        printed=printed(Output.PLAN, Output.SUMMARY, Output.MUNICIPALITY),
    )
    status: Annotated[PlanStatus, PlanStatus.schema()] = yaml_key(
        "stav",
        "Stav",
        f"{PlanStatus.choices()}.",
        example="schvaleno",
        printed=printed(Output.PLAN, Output.SUMMARY, Output.MUNICIPALITY),
    )
    approval: Approval | None = yaml_key(
        "schvaleni",
        "Schválení",
        "Usnesení, kterým byl plán schválen (povinné u stav: schvaleno).",
        None,
        example=APPROVAL_EXAMPLE,
        printed=EVERYWHERE,
    )
    coordinator: Contact = yaml_key(
        "koordinator",
        "Koordinátor",
        "Kontakt na koordinátora plánování.",
        example=COORDINATOR_EXAMPLE,
    )
    steering_group: SteeringGroup | None = yaml_key(
        "ridici_skupina",
        "Řídící skupina",
        "Řídící skupina (manažerský tým) plánování; tiskne ji oddíl organizacni-struktura.",
        None,
        example={"nazev": "Řídící skupina", "clenove": [{"jmeno": "Ing. Pavel Novák"}]},
    )
    vision: Markdown | None = yaml_key(
        "vize",
        "Vize",
        "Vize sociálních služeb (tiskne se i ve veřejné verzi).",
        None,
        example="Lidé v nepříznivé sociální situaci dostanou pomoc včas a blízko domova.",
        printed=printed(Output.PLAN, Output.SUMMARY),
    )
    involvement: Markdown | None = yaml_key(
        "zapojeni",
        "Jak se zapojit",
        "Pro veřejnost: jak připomínkovat a zapojit se.",
        None,
        example="Připomínky posílejte na komunitniplan@lipovany.example.cz.",
        printed=printed(Output.SUMMARY),
    )
    outline: Many[Text] = yaml_key(
        "osnova",
        "Osnova",
        "Pořadí kapitol: názvy souborů ze složky chapters/ a generované oddíly "
        f"({', '.join(vocab.GENERATED_SECTIONS)}). Bez osnovy: soubory podle názvu.",
        [],
        example=["01-uvod.md", "spolecne-cile", "10-seniori.md", "rozpocet"],
        printed=NOWHERE,
    )
    organisations: Many[Organisation] = yaml_key(
        "organizace",
        "Registr organizací",
        "Organizace, na které se kapitoly odkazují klíčem.",
        [],
        example=[{"klic": "CHARITA", "nazev": "Charita Lipovany", "role": "poskytovatel"}],
    )
    territory: Territory = yaml_key(
        "uzemi",
        "Území plánu",
        "Registr obcí a lokalit, pro které plán platí; opatření se na ně odkazují klíčem.",
        Territory(),
        example=TERRITORY_EXAMPLE,
    )
    funding_sources: Many[VocabItem] = yaml_key(
        "zdroje_financovani",
        "Zdroje financování",
        "Nahrazuje výchozí seznam zdrojů.",
        _items(vocab.FUNDING_SOURCES),
        example=[{"klic": "obec", "nazev": "Rozpočet města Lipovany"}],
        printed=printed(Output.PLAN, Output.MONITORING, Output.MUNICIPALITY, where_used=True),
    )
    target_groups: Many[VocabItem] = yaml_key(
        "cilove_skupiny",
        "Cílové skupiny",
        "Nahrazuje výchozí slovník cílových skupin.",
        _items(vocab.TARGET_GROUPS),
        example=[{"klic": "pecujici", "nazev": "Pečující osoby"}],
        printed=printed(Output.PLAN, where_used=True),
    )
    measure_statuses: Many[StatusItem] = yaml_key(
        "stavy_opatreni",
        "Stavy opatření",
        "Slovník stavů pro roční monitoring; každý stav může nést podíl pokroku v % "
        "a požadavek na důvod. Nahrazuje výchozí seznam.",
        [StatusItem.model_validate({"klic": k, **v}) for k, v in vocab.MEASURE_STATUSES.items()],
        example=[{"klic": "rozpracovano", "nazev": "Rozpracováno", "pokrok": 50}],
    )
    comment_resolutions: Many[VocabItem] = yaml_key(
        "vyporadani_pripominek",
        "Způsoby vypořádání připomínek",
        "Slovník pro vypořádání.",
        _items(vocab.COMMENT_RESOLUTIONS),
        example=[{"klic": "akceptovano", "nazev": "Akceptováno"}],
        printed=NOWHERE,
    )
    abbreviations: dict[Text, Text] = yaml_key(
        "zkratky",
        "Zkratky",
        "Zkratka: vysvětlení. Nahrazuje výchozí seznam.",
        dict(vocab.ABBREVIATIONS),
        example={"ČZJ": "český znakový jazyk"},
        printed=printed(Output.PLAN, Output.SUMMARY, where_used=True),
    )
    shared_goals: Many[SharedGoal] = yaml_key(
        "spolecne_cile",
        "Společné cíle",
        "Cíle, které nese více pracovních skupin.",
        [],
        example=[{"kod": "SC2", "nazev": "Podpora pečujících osob"}],
    )
    removed_codes: dict[Text, Text] = yaml_key(
        "vyrazene_kody",
        "Vyřazené kódy",
        "Kódy odstraněné z plánu: kód: důvod (např. dodatek).",
        {},
        example={"SEN 2.3": "zrušeno dodatkem č. 1"},
        printed=NOWHERE,
    )
    esf: EsfPublicity | None = yaml_key(
        "publicita_esf",
        "Publicita ESF",
        "Povinný blok publicity u plánů financovaných z ESF.",
        None,
        example=ESF_EXAMPLE,
    )
    outputs: OutputFiles = yaml_key(
        "vystupy",
        "Výstupy",
        "Názvy výstupních souborů.",
        OutputFiles(),
        example={"adresar": "vystupy", "plan_pdf": "plan-lipovany-2026-2029.pdf"},
    )
    rules: dict[Text, Level] = yaml_key(
        "pravidla",
        "Závažnost pravidel",
        "Kód pravidla: chyba, varovani nebo vypnuto.",
        {},
        example={"identifikator-sluzby": "chyba"},
        printed=NOWHERE,
    )

    @field_validator("abbreviations", "removed_codes", mode="before")
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        return {} if value is None else value
