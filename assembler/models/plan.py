"""``plan.yaml``: the plan as a whole — who, what period, outline, registers and vocabularies."""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import field_validator

from assembler import vocab
from assembler.models.chapter import TriadRole
from assembler.models.common import (
    Ico,
    Many,
    Markdown,
    Model,
    OrgKey,
    SharedGoalCode,
    Text,
    VocabKey,
    Year,
    yaml_key,
)
from assembler.rules import Level


class Municipality(Model):
    name: Text = yaml_key("nazev", "Název", "Úřední název, např. Statutární město Lipová.")
    ico: Ico = yaml_key("ico", "IČO", "Identifikační číslo (8 číslic).")
    kind: Literal["obec", "kraj", "mikroregion"] = yaml_key(
        "typ", "Typ", "obec, kraj nebo mikroregion (svazek obcí).", "obec"
    )
    address: Text | None = yaml_key("adresa", "Adresa", "Adresa úřadu.", None)
    web: Text | None = yaml_key("web", "Web", "Webové stránky.", None)
    logo: Text | None = yaml_key(
        "logo", "Logo", "Cesta k obrázku loga v projektu (PNG nebo SVG).", None
    )


class Period(Model):
    start: Year = yaml_key("od", "Od roku", "První rok platnosti plánu.")
    end: Year = yaml_key("do", "Do roku", "Poslední rok platnosti plánu (včetně).")

    @property
    def years(self) -> range:
        return range(self.start, self.end + 1)


class Approval(Model):
    body: Text = yaml_key("organ", "Orgán", "Kdo plán schválil, např. Zastupitelstvo města Lipová.")
    resolution: Text = yaml_key("usneseni", "Číslo usnesení", "Např. ZM/12/2025/34.")
    date: datetime.date = yaml_key("datum", "Datum", "Datum schválení, např. 2025-12-10.")


class Contact(Model):
    name: Text = yaml_key("jmeno", "Jméno", "Jméno koordinátora.")
    position: Text | None = yaml_key("funkce", "Funkce", "Funkce.", None)
    email: Text | None = yaml_key("email", "E-mail", "Pracovní e-mail (zveřejňuje se).", None)
    phone: Text | None = yaml_key("telefon", "Telefon", "Pracovní telefon (zveřejňuje se).", None)


class Organisation(Model):
    key: OrgKey = yaml_key(
        "klic", "Klíč", "Krátký klíč, kterým se na organizaci odkazují kapitoly."
    )
    name: Text = yaml_key("nazev", "Název", "Úplný název organizace.")
    ico: Ico | None = yaml_key("ico", "IČO", "Identifikační číslo (8 číslic).", None)
    role: TriadRole = yaml_key(
        "role", "Role v triádě", "zadavatel, poskytovatel, uzivatele nebo jine."
    )
    address: Text | None = yaml_key("adresa", "Adresa", "Adresa (veřejná).", None)
    phone: Text | None = yaml_key("telefon", "Telefon", "Telefon organizace (veřejný).", None)
    email: Text | None = yaml_key("email", "E-mail", "E-mail organizace (veřejný).", None)
    web: Text | None = yaml_key("web", "Web", "Webové stránky.", None)
    help_with: Text | None = yaml_key(
        "pomaha_s",
        "S čím pomáhá",
        "Jedna věta pro veřejnost: s čím se na organizaci obrátit.",
        None,
    )


class VocabItem(Model):
    key: VocabKey = yaml_key("klic", "Klíč", "Klíč, který se píše do kapitol.")
    name: Text = yaml_key("nazev", "Název", "Název, který se tiskne.")


class SharedGoal(Model):
    code: SharedGoalCode = yaml_key("kod", "Kód", "SC a číslo, např. SC1.")
    title: Text = yaml_key("nazev", "Název", "Název společného cíle.")
    description: Markdown | None = yaml_key("popis", "Popis", "Popis společného cíle.", None)


class EsfPublicity(Model):
    project: Text = yaml_key("projekt", "Název projektu", "Název projektu podpořeného z ESF.")
    registration: Text = yaml_key(
        "registracni_cislo", "Registrační číslo", "Např. CZ.03.02.01/00/22_…"
    )
    logo: Text = yaml_key("logo", "Logo", "Cesta k povinnému logu (EU a program) v projektu.")


class OutputFiles(Model):
    directory: Text = yaml_key("adresar", "Adresář", "Kam se výstupy zapisují.", "output")
    plan_docx: Text = yaml_key(
        "plan_docx", "Plán DOCX", "Název souboru plánu pro Word.", "plan.docx"
    )
    plan_pdf: Text = yaml_key("plan_pdf", "Plán PDF", "Název souboru plánu v PDF.", "plan.pdf")
    summary_pdf: Text = yaml_key("souhrn_pdf", "Souhrn PDF", "Veřejná verze v PDF.", "summary.pdf")
    summary_docx: Text = yaml_key(
        "souhrn_docx", "Souhrn DOCX", "Veřejná verze pro Word.", "summary.docx"
    )
    summary_html: Text = yaml_key(
        "souhrn_html", "Souhrn HTML", "Veřejná verze jako web.", "summary.html"
    )
    reference_docx: Text | None = yaml_key(
        "sablona_docx", "Šablona DOCX", "Vlastní reference.docx se styly (nepovinné).", None
    )


def _items(defaults: dict[str, str]) -> list[VocabItem]:
    return [VocabItem.model_validate({"klic": k, "nazev": v}) for k, v in defaults.items()]


class PlanInfo(Model):
    title: Text = yaml_key("nazev", "Název plánu", "Úplný název dokumentu.")
    municipality: Municipality = yaml_key(
        "zadavatel", "Zadavatel", "Obec nebo kraj, jehož plán to je."
    )
    period: Period = yaml_key("obdobi", "Období", "Roky platnosti plánu.")
    version: Text = yaml_key("verze", "Verze", "Číslo verze dokumentu, např. 1.0.", "1.0")
    status: Literal["navrh", "k_pripominkovani", "schvaleno"] = yaml_key(
        "stav", "Stav", "navrh, k_pripominkovani nebo schvaleno."
    )
    approval: Approval | None = yaml_key(
        "schvaleni",
        "Schválení",
        "Usnesení, kterým byl plán schválen (povinné u stav: schvaleno).",
        None,
    )
    coordinator: Contact = yaml_key(
        "koordinator", "Koordinátor", "Kontakt na koordinátora plánování."
    )
    vision: Markdown | None = yaml_key(
        "vize", "Vize", "Vize sociálních služeb (tiskne se i ve veřejné verzi).", None
    )
    involvement: Markdown | None = yaml_key(
        "zapojeni", "Jak se zapojit", "Pro veřejnost: jak připomínkovat a zapojit se.", None
    )
    outline: Many[Text] = yaml_key(
        "osnova",
        "Osnova",
        "Pořadí kapitol: názvy souborů ze složky chapters/ a generované oddíly "
        "(spolecne-cile, seznam-opatreni, rozpocet, indikatory, odpovednost, cilove-skupiny, "
        "sluzby, zkratky). Bez osnovy: soubory podle názvu.",
        [],
    )
    organisations: Many[Organisation] = yaml_key(
        "organizace", "Registr organizací", "Organizace, na které se kapitoly odkazují klíčem.", []
    )
    funding_sources: Many[VocabItem] = yaml_key(
        "zdroje_financovani",
        "Zdroje financování",
        "Nahrazuje výchozí seznam zdrojů.",
        _items(vocab.FUNDING_SOURCES),
    )
    target_groups: Many[VocabItem] = yaml_key(
        "cilove_skupiny",
        "Cílové skupiny",
        "Nahrazuje výchozí slovník cílových skupin.",
        _items(vocab.TARGET_GROUPS),
    )
    measure_statuses: Many[VocabItem] = yaml_key(
        "stavy_opatreni",
        "Stavy opatření",
        "Slovník stavů pro monitoring.",
        _items(vocab.MEASURE_STATUSES),
    )
    comment_resolutions: Many[VocabItem] = yaml_key(
        "vyporadani_pripominek",
        "Způsoby vypořádání připomínek",
        "Slovník pro vypořádání.",
        _items(vocab.COMMENT_RESOLUTIONS),
    )
    abbreviations: dict[Text, Text] = yaml_key(
        "zkratky",
        "Zkratky",
        "Zkratka: vysvětlení. Nahrazuje výchozí seznam.",
        dict(vocab.ABBREVIATIONS),
    )
    shared_goals: Many[SharedGoal] = yaml_key(
        "spolecne_cile", "Společné cíle", "Cíle, které nese více pracovních skupin.", []
    )
    removed_codes: dict[Text, Text] = yaml_key(
        "vyrazene_kody", "Vyřazené kódy", "Kódy odstraněné z plánu: kód: důvod (např. dodatek).", {}
    )
    esf: EsfPublicity | None = yaml_key(
        "publicita_esf",
        "Publicita ESF",
        "Povinný blok publicity u plánů financovaných z ESF.",
        None,
    )
    outputs: OutputFiles = yaml_key(
        "vystupy", "Výstupy", "Názvy výstupních souborů.", OutputFiles()
    )
    rules: dict[Text, Level] = yaml_key(
        "pravidla", "Závažnost pravidel", "Kód pravidla: chyba, varovani nebo vypnuto.", {}
    )

    @field_validator("abbreviations", "removed_codes", mode="before")
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        return {} if value is None else value
