"""The front matter of a chapter: an area chapter (goals, measures, indicators) or a section."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from assembler.models.common import (
    ActivityCode,
    ChapterCode,
    GoalCode,
    IndicatorCode,
    Many,
    Markdown,
    MeasureCode,
    Model,
    Money,
    Number,
    OrgKey,
    Paragraph,
    PriorityCode,
    SharedGoalCode,
    Text,
    VocabKey,
    Year,
    YesNo,
    yaml_key,
)

LegalItem = Literal["priprava", "analyza", "strategie", "povinnosti", "monitoring", "zmeny"]
TriadRole = Literal["zadavatel", "poskytovatel", "uzivatele", "jine"]
MeasureKind = Literal["udrzeni", "rozvoj", "nova_sluzba", "systemove"]
ServiceForm = Literal["ambulantni", "terenni", "pobytova"]


class Person(Model):
    name: Text = yaml_key("jmeno", "Jméno", "Jméno a příjmení, případně s titulem.")
    position: Text | None = yaml_key("funkce", "Funkce", "Funkce nebo pracovní pozice.", None)
    organisation: OrgKey | None = yaml_key(
        "organizace", "Organizace", "Klíč organizace z registru organizací v plan.yaml.", None
    )
    role: TriadRole | None = yaml_key(
        "role", "Role v triádě", "zadavatel, poskytovatel, uzivatele nebo jine.", None
    )
    email: Text | None = yaml_key(
        "email", "E-mail", "Osobní e-mail; neveřejný, pokud není verejny_kontakt: ano.", None
    )
    phone: Text | None = yaml_key(
        "telefon", "Telefon", "Osobní telefon; neveřejný, pokud není verejny_kontakt: ano.", None
    )
    public_contact: YesNo = yaml_key(
        "verejny_kontakt",
        "Zveřejnit kontakt",
        "Zda se e-mail a telefon smějí objevit ve výstupech. Výchozí: ne (osobní údaje).",
        False,
    )


class WorkingGroup(Model):
    name: Text = yaml_key("nazev", "Název skupiny", "Název pracovní skupiny.")
    manager: Person = yaml_key("manazer", "Manažer skupiny", "Kdo skupinu vede.")
    members: Many[Person] = yaml_key("clenove", "Členové", "Členové skupiny.", [])


class Milestone(Model):
    year: Year = yaml_key("rok", "Rok", "Rok milníku.")
    description: Text = yaml_key("popis", "Popis", "Co má být v daném roce hotovo.")


class Timeline(Model):
    start: Year = yaml_key("od", "Od roku", "Rok zahájení.")
    end: Year = yaml_key("do", "Do roku", "Rok ukončení (včetně).")
    milestones: Many[Milestone] = yaml_key("milniky", "Milníky", "Dílčí milníky.", [])

    @property
    def years(self) -> range:
        return range(self.start, self.end + 1)


class IndicatorValue(Model):
    value: Number = yaml_key("hodnota", "Hodnota", "Číselná hodnota v měrné jednotce indikátoru.")
    year: Year = yaml_key("rok", "Rok", "Rok, ke kterému hodnota platí.")


class Indicator(Model):
    code: IndicatorCode = yaml_key(
        "kod", "Kód", "Kód opatření a malé písmeno, např. 1.2a. Trvalý klíč pro monitoring."
    )
    name: Text = yaml_key("nazev", "Název", "Co se měří, např. Počet podpořených osob.")
    unit: Text = yaml_key("jednotka", "Měrná jednotka", "Např. osoby, hodiny, %, lůžka.")
    baseline: IndicatorValue = yaml_key(
        "vychozi_hodnota", "Výchozí hodnota", "Hodnota a rok před začátkem plánu."
    )
    targets: Many[IndicatorValue] = yaml_key(
        "cilova_hodnota",
        "Cílová hodnota",
        "Hodnota a rok, kterých má být dosaženo; pro více milníků seznam.",
    )
    higher_is_better: YesNo = yaml_key(
        "vyssi_je_lepsi",
        "Vyšší je lepší",
        "ano, pokud je cílem hodnotu zvýšit; ne, pokud snížit (např. čekací doba).",
    )
    verification: Text = yaml_key(
        "zdroj_overeni", "Zdroj ověření", "Odkud hodnota pochází, např. výkazy poskytovatele."
    )
    external_code: Text | None = yaml_key(
        "externi_kod",
        "Externí kód",
        "Kód indikátoru v programu podpory (ESF, OP Z+) nebo v krajském plánu.",
        None,
    )


class Service(Model):
    identifier: Text = yaml_key(
        "identifikator",
        "Identifikátor služby",
        "Identifikátor v registru poskytovatelů (7 číslic).",
    )
    name: Text | None = yaml_key(
        "nazev", "Název služby", "Název služby, jak je registrována.", None
    )
    section: Paragraph = yaml_key(
        "paragraf", "Druh služby (§)", "Paragraf zákona o sociálních službách, např. 40 nebo 60a."
    )
    forms: Many[ServiceForm] = yaml_key(
        "forma", "Forma", "ambulantni, terenni nebo pobytova (i více).", []
    )
    provider: OrgKey = yaml_key("poskytovatel", "Poskytovatel", "Klíč organizace z registru.")


class Activity(Model):
    code: ActivityCode = yaml_key("kod", "Kód", "Kód opatření a pořadí, např. 1.2.1.")
    title: Text = yaml_key("nazev", "Název", "Co se udělá.")
    description: Markdown | None = yaml_key("popis", "Popis", "Podrobnosti (Markdown).", None)
    implementer: OrgKey | None = yaml_key("realizator", "Realizátor", "Klíč organizace.", None)
    timeline: Timeline | None = yaml_key("harmonogram", "Harmonogram", "Kdy proběhne.", None)


Costs = dict[Year, dict[VocabKey, Money]]


class Measure(Model):
    code: MeasureCode = yaml_key("kod", "Kód", "Číslo cíle a pořadí opatření, např. 1.2.")
    title: Text = yaml_key("nazev", "Název", "Krátký název opatření.")
    description: Markdown = yaml_key("popis", "Popis", "Co opatření obnáší (Markdown).")
    rationale: Markdown | None = yaml_key(
        "oduvodneni", "Odůvodnění", "Proč je opatření potřeba.", None
    )
    kind: MeasureKind = yaml_key(
        "druh", "Druh opatření", "udrzeni, rozvoj, nova_sluzba nebo systemove."
    )
    target_groups: Many[VocabKey] = yaml_key(
        "cilove_skupiny", "Cílové skupiny", "Klíče cílových skupin ze slovníku plánu.", []
    )
    services: Many[Service] = yaml_key(
        "sluzby", "Registrované služby", "Služby, kterých se opatření týká.", []
    )
    guarantor: OrgKey | None = yaml_key(
        "garant", "Garant", "Klíč organizace, která za opatření odpovídá.", None
    )
    implementers: Many[OrgKey] = yaml_key(
        "realizatori", "Realizátoři", "Klíče organizací, které opatření provádějí.", []
    )
    partners: Many[OrgKey] = yaml_key(
        "partneri", "Partneři", "Klíče spolupracujících organizací.", []
    )
    timeline: Timeline = yaml_key("harmonogram", "Harmonogram", "Od kdy do kdy opatření běží.")
    costs: Costs = yaml_key(
        "naklady",
        "Předpokládané náklady",
        "Po letech a zdrojích v Kč, např. 2026: {obec: 250000, mpsv: 1200000}.",
        {},
    )
    indicators: Many[Indicator] = yaml_key(
        "indikatory", "Indikátory", "Jak se pozná, že se opatření daří.", []
    )
    activities: Many[Activity] = yaml_key("aktivity", "Aktivity", "Dílčí kroky opatření.", [])
    related: Many[Text] = yaml_key(
        "souvisejici", "Související", "Kódy souvisejících položek, např. ROD 2.1.", []
    )
    shared_goals: Many[SharedGoalCode] = yaml_key(
        "spolecne_cile", "Společné cíle", "Kódy společných cílů, k nimž opatření přispívá.", []
    )
    cancelled: Text | None = yaml_key(
        "zruseno", "Zrušeno", "Důvod zrušení (opatření zůstává kvůli stabilním kódům).", None
    )
    internal_note: Text | None = yaml_key(
        "interni_poznamka",
        "Interní poznámka",
        "Poznámka skupiny; do výstupů se nikdy netiskne.",
        None,
    )


class Priority(Model):
    code: PriorityCode = yaml_key("kod", "Kód", "P a číslo, např. P1.")
    title: Text = yaml_key("nazev", "Název", "Název priority.")
    description: Markdown | None = yaml_key("popis", "Popis", "Popis priority.", None)


class Goal(Model):
    code: GoalCode = yaml_key("kod", "Kód", "Číslo cíle v kapitole, např. 2.")
    title: Text = yaml_key("nazev", "Název", "Krátký název cíle.")
    description: Markdown | None = yaml_key(
        "popis", "Popis", "Čeho chceme dosáhnout (Markdown).", None
    )
    priority: PriorityCode | None = yaml_key("priorita", "Priorita", "Kód priority kapitoly.", None)
    shared_goals: Many[SharedGoalCode] = yaml_key(
        "spolecne_cile", "Společné cíle", "Kódy společných cílů, k nimž cíl přispívá.", []
    )
    measures: Many[Measure] = yaml_key("opatreni", "Opatření", "Opatření cíle.")
    cancelled: Text | None = yaml_key("zruseno", "Zrušeno", "Důvod zrušení cíle.", None)


class Section(Model):
    """A coordinator's section: introduction, process, analysis, monitoring procedure…"""

    type: Literal["sekce"] = yaml_key(
        "typ", "Typ kapitoly", "sekce = text bez cílů; oblast = kapitola pracovní skupiny."
    )
    code: ChapterCode | None = yaml_key(
        "kod", "Kód", "Nepovinný kód pro odkazy [[KOD]], 2–8 velkých písmen.", None
    )
    title: Text = yaml_key("nazev", "Název", "Nadpis kapitoly.")
    covers: Many[LegalItem] = yaml_key(
        "pokryva",
        "Pokrývá náležitosti",
        "Které náležitosti plánu podle § 3 písm. h) zákona kapitola popisuje: priprava, "
        "analyza, strategie, povinnosti, monitoring, zmeny.",
        [],
    )
    summary: Markdown | None = yaml_key(
        "shrnuti", "Shrnutí pro veřejnost", "Text kapitoly ve veřejné verzi (nepovinné).", None
    )


class Area(Model):
    """An area chapter written by a working group."""

    type: Literal["oblast"] = yaml_key("typ", "Typ kapitoly", "oblast = kapitola pracovní skupiny.")
    code: ChapterCode = yaml_key("kod", "Kód", "Zkratka oblasti, předpona všech kódů, např. SEN.")
    title: Text = yaml_key("nazev", "Název", "Název oblasti, např. Senioři.")
    working_group: WorkingGroup = yaml_key(
        "pracovni_skupina", "Pracovní skupina", "Kdo kapitolu připravil."
    )
    target_groups: Many[VocabKey] = yaml_key(
        "cilove_skupiny", "Cílové skupiny", "Klíče cílových skupin oblasti.", []
    )
    summary: Markdown | None = yaml_key(
        "shrnuti",
        "Shrnutí pro veřejnost",
        "Co se pro lidi změní, srozumitelně a bez zkratek (nejvýše asi 1 200 znaků).",
        None,
    )
    covers: Many[LegalItem] = yaml_key(
        "pokryva",
        "Pokrývá náležitosti",
        "Další náležitosti podle § 3 písm. h); strategie platí vždy.",
        [],
    )
    priorities: Many[Priority] = yaml_key(
        "priority", "Priority", "Nepovinné priority nad cíli.", []
    )
    goals: Many[Goal] = yaml_key("cile", "Cíle", "Cíle oblasti s jejich opatřeními.")
    internal_note: Text | None = yaml_key(
        "interni_poznamka",
        "Interní poznámka",
        "Poznámka skupiny; do výstupů se nikdy netiskne.",
        None,
    )


Chapter = Annotated[Area | Section, Field(discriminator="type")]
