"""Parts of ``plan.yaml``: commissioner, period, approval, contacts, registers, outputs."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from assembler.models.common import (
    CzechDate,
    Ico,
    Markdown,
    Model,
    Number,
    OrgKey,
    SharedGoalCode,
    Text,
    VocabKey,
    Year,
    YesNo,
    yaml_key,
)
from assembler.models.placement import AS_PARENT, EVERYWHERE, NOWHERE, Output, printed
from assembler.models.vocab import MunicipalityKind, TriadRole

# Examples shared by several keys, as the YAML reader yields them (see yaml_key).
APPROVAL_EXAMPLE = {
    "organ": "Zastupitelstvo statutárního města Lipovany",
    "usneseni": "ZM/14/2025/212",
    "datum": datetime.date(2025, 12, 11),
}
COORDINATOR_EXAMPLE = {"jmeno": "Mgr. Alena Horáková", "email": "komunitniplan@lipovany.example.cz"}
ESF_EXAMPLE = {
    "projekt": "Plánování sociálních služeb v Lipovanech",
    "registracni_cislo": "CZ.03.02.01/00/22_007/0001234",
    "logo": "assets/esf-logo.svg",
}


class Municipality(Model):
    name: Text = yaml_key(
        "nazev",
        "Název",
        "Úřední název, např. Statutární město Lipová.",
        example="Statutární město Lipovany",
        printed=EVERYWHERE,
    )
    ico: Ico = yaml_key(
        "ico", "IČO", "Identifikační číslo (8 číslic).", example="00296015", printed=NOWHERE
    )
    kind: Annotated[MunicipalityKind, MunicipalityKind.schema()] = yaml_key(
        "typ",
        "Typ",
        f"{MunicipalityKind.choices()} (svazek obcí).",
        MunicipalityKind.MUNICIPALITY,
        example="obec",
        printed=printed(Output.SUMMARY),
    )
    address: Text | None = yaml_key(
        "adresa",
        "Adresa",
        "Adresa úřadu.",
        None,
        example="Masarykovo náměstí 1, 741 01 Lipovany",
        printed=printed(Output.PLAN, Output.SUMMARY),
    )
    web: Text | None = yaml_key(
        "web",
        "Web",
        "Webové stránky.",
        None,
        example="https://www.lipovany.example.cz",
        printed=printed(Output.PLAN, Output.SUMMARY),
    )
    logo: Text | None = yaml_key(
        "logo",
        "Logo",
        "Cesta k obrázku loga v projektu (PNG nebo SVG).",
        None,
        example="assets/znak-lipovany.svg",
        printed=EVERYWHERE,
    )


class Period(Model):
    start: Year = yaml_key(
        "od", "Od roku", "První rok platnosti plánu.", example=2026, printed=EVERYWHERE
    )
    end: Year = yaml_key(
        "do", "Do roku", "Poslední rok platnosti plánu (včetně).", example=2029, printed=EVERYWHERE
    )

    @property
    def years(self) -> range:
        return range(self.start, self.end + 1)


class Approval(Model):
    body: Text = yaml_key(
        "organ",
        "Orgán",
        "Kdo plán schválil, např. Zastupitelstvo města Lipová.",
        example=APPROVAL_EXAMPLE["organ"],
        printed=AS_PARENT,
    )
    resolution: Text = yaml_key(
        "usneseni",
        "Číslo usnesení",
        "Např. ZM/12/2025/34.",
        example=APPROVAL_EXAMPLE["usneseni"],
        printed=AS_PARENT,
    )
    date: CzechDate = yaml_key(
        "datum",
        "Datum",
        "Datum schválení, např. 10. 12. 2025 (nebo 2025-12-10).",
        example=APPROVAL_EXAMPLE["datum"],
        printed=AS_PARENT,
    )


class Contact(Model):
    name: Text = yaml_key(
        "jmeno",
        "Jméno",
        "Jméno koordinátora.",
        example=COORDINATOR_EXAMPLE["jmeno"],
        printed=printed(Output.PLAN, Output.SUMMARY),
    )
    position: Text | None = yaml_key(
        "funkce",
        "Funkce",
        "Funkce.",
        None,
        example="koordinátorka komunitního plánování",
        printed=printed(Output.PLAN, Output.SUMMARY),
    )
    email: Text | None = yaml_key(
        "email",
        "E-mail",
        "Pracovní e-mail (zveřejňuje se).",
        None,
        example=COORDINATOR_EXAMPLE["email"],
        printed=printed(Output.PLAN, Output.SUMMARY),
    )
    phone: Text | None = yaml_key(
        "telefon",
        "Telefon",
        "Pracovní telefon (zveřejňuje se).",
        None,
        example="+420 556 700 215",
        printed=printed(Output.PLAN, Output.SUMMARY),
    )


class Organisation(Model):
    key: OrgKey = yaml_key(
        "klic",
        "Klíč",
        "Krátký klíč, kterým se na organizaci odkazují kapitoly.",
        example="CHARITA",
        printed=NOWHERE,
    )
    name: Text = yaml_key(
        "nazev",
        "Název",
        "Úplný název organizace.",
        example="Charita Lipovany",
        printed=printed(
            Output.PLAN, Output.SUMMARY, Output.MONITORING, Output.MUNICIPALITY, where_used=True
        ),
    )
    ico: Ico | None = yaml_key(
        "ico", "IČO", "Identifikační číslo (8 číslic).", None, example="26837153", printed=NOWHERE
    )
    role: Annotated[TriadRole, TriadRole.schema()] = yaml_key(
        "role", "Role v triádě", f"{TriadRole.choices()}.", example="poskytovatel", printed=NOWHERE
    )
    address: Text | None = yaml_key(
        "adresa",
        "Adresa",
        "Adresa (veřejná).",
        None,
        example="Kostelní 8, 741 01 Lipovany",
        printed=printed(Output.SUMMARY, only_with="pomaha_s"),
    )
    phone: Text | None = yaml_key(
        "telefon",
        "Telefon",
        "Telefon organizace (veřejný).",
        None,
        example="+420 556 711 100",
        printed=printed(Output.SUMMARY, only_with="pomaha_s"),
    )
    email: Text | None = yaml_key(
        "email",
        "E-mail",
        "E-mail organizace (veřejný).",
        None,
        example="charita@charita-lipovany.example.cz",
        printed=printed(Output.SUMMARY, only_with="pomaha_s"),
    )
    web: Text | None = yaml_key(
        "web",
        "Web",
        "Webové stránky.",
        None,
        example="https://www.charita-lipovany.example.cz",
        printed=printed(Output.SUMMARY, only_with="pomaha_s"),
    )
    help_with: Text | None = yaml_key(
        "pomaha_s",
        "S čím pomáhá",
        "Jedna věta pro veřejnost: s čím se na organizaci obrátit.",
        None,
        example="Domácí péče, odlehčovací služby, poradna a azylový dům.",
        printed=printed(Output.SUMMARY),
    )


class VocabItem(Model):
    key: VocabKey = yaml_key(
        "klic", "Klíč", "Klíč, který se píše do kapitol.", example="pecujici", printed=NOWHERE
    )
    name: Text = yaml_key(
        "nazev", "Název", "Název, který se tiskne.", example="Pečující osoby", printed=AS_PARENT
    )


def _share(value: Decimal | None) -> Decimal | None:
    if value is not None and not 0 <= value <= 100:
        raise PydanticCustomError(
            "spatna-hodnota",
            "Podíl pokroku {value} nedává smysl: musí být 0 až 100 (%). Opravte hodnotu.",
            {"value": str(value)},
        )
    return value


class StatusItem(Model):
    """A measure status of the monitoring vocabulary, with the progress it stands for."""

    key: VocabKey = yaml_key(
        "klic",
        "Klíč",
        "Klíč, který se píše do hlášení (stav: …).",
        example="rozpracovano",
        printed=NOWHERE,
    )
    name: Text = yaml_key(
        "nazev",
        "Název",
        "Název, který se tiskne.",
        example="Rozpracováno",
        printed=printed(Output.MONITORING),
    )
    share: Annotated[Number | None, AfterValidator(_share)] = yaml_key(
        "pokrok",
        "Podíl pokroku v %",
        "Kolik procent splnění stav znamená (0–100); bez hodnoty se opatření do průměru "
        "pokroku nepočítá (např. pozastaveno).",
        None,
        example=50,
        printed=printed(Output.MONITORING),
    )
    needs_reason: YesNo = yaml_key(
        "vyzaduje_duvod",
        "Vyžaduje důvod",
        "ano, pokud hlášení s tímto stavem musí uvést duvod.",
        False,
        example=True,
        printed=NOWHERE,
    )


class SharedGoal(Model):
    code: SharedGoalCode = yaml_key(
        "kod", "Kód", "SC a číslo, např. SC1.", example="SC2", printed=printed(Output.PLAN)
    )
    title: Text = yaml_key(
        "nazev",
        "Název",
        "Název společného cíle.",
        example="Podpora pečujících osob",
        printed=printed(Output.PLAN),
    )
    description: Markdown | None = yaml_key(
        "popis",
        "Popis",
        "Popis společného cíle.",
        None,
        example="Odlehčovací služby a poradenství pomáhají rodinám péči vydržet.",
        printed=printed(Output.PLAN),
    )


class EsfPublicity(Model):
    project: Text = yaml_key(
        "projekt",
        "Název projektu",
        "Název projektu podpořeného z ESF.",
        example=ESF_EXAMPLE["projekt"],
        printed=EVERYWHERE,
    )
    registration: Text = yaml_key(
        "registracni_cislo",
        "Registrační číslo",
        "Např. CZ.03.02.01/00/22_…",
        example=ESF_EXAMPLE["registracni_cislo"],
        printed=EVERYWHERE,
    )
    logo: Text = yaml_key(
        "logo",
        "Logo",
        "Cesta k povinnému logu (EU a program) v projektu.",
        example=ESF_EXAMPLE["logo"],
        printed=EVERYWHERE,
    )


class OutputFiles(Model):
    directory: Text = yaml_key(
        "adresar",
        "Adresář",
        "Kam se výstupy zapisují.",
        "output",
        example="vystupy",
        printed=NOWHERE,
    )
    plan_docx: Text = yaml_key(
        "plan_docx",
        "Plán DOCX",
        "Název souboru plánu pro Word.",
        "plan.docx",
        example="plan-lipovany-2026-2029.docx",
        printed=NOWHERE,
    )
    plan_pdf: Text = yaml_key(
        "plan_pdf",
        "Plán PDF",
        "Název souboru plánu v PDF.",
        "plan.pdf",
        example="plan-lipovany-2026-2029.pdf",
        printed=NOWHERE,
    )
    summary_pdf: Text = yaml_key(
        "souhrn_pdf",
        "Souhrn PDF",
        "Veřejná verze v PDF.",
        "summary.pdf",
        example="souhrn-lipovany.pdf",
        printed=NOWHERE,
    )
    summary_docx: Text = yaml_key(
        "souhrn_docx",
        "Souhrn DOCX",
        "Veřejná verze pro Word.",
        "summary.docx",
        example="souhrn-lipovany.docx",
        printed=NOWHERE,
    )
    summary_html: Text = yaml_key(
        "souhrn_html",
        "Souhrn HTML",
        "Veřejná verze jako web.",
        "summary.html",
        example="souhrn-lipovany.html",
        printed=NOWHERE,
    )
    monitoring_pdf: Text = yaml_key(
        "monitoring_pdf",
        "Monitorovací zpráva PDF",
        "Zpráva za každý rok ve složce monitoring/; {rok} se nahradí rokem.",
        "monitoring-{rok}.pdf",
        example="monitorovaci-zprava-{rok}.pdf",
        printed=NOWHERE,
    )
    monitoring_docx: Text = yaml_key(
        "monitoring_docx",
        "Monitorovací zpráva DOCX",
        "Zpráva pro Word; {rok} se nahradí rokem.",
        "monitoring-{rok}.docx",
        example="monitorovaci-zprava-{rok}.docx",
        printed=NOWHERE,
    )
    monitoring_html: Text = yaml_key(
        "monitoring_html",
        "Monitorovací zpráva HTML",
        "Zpráva jako web; {rok} se nahradí rokem.",
        "monitoring-{rok}.html",
        example="monitorovaci-zprava-{rok}.html",
        printed=NOWHERE,
    )
    municipality_pdf: Text = yaml_key(
        "obec_pdf",
        "Podíl obce PDF",
        "Výpis pro zastupitelstvo každé obce z registru území (má-li jich plán více); "
        "{obec} se nahradí klíčem obce malými písmeny.",
        "obec-{obec}.pdf",
        example="podil-obce-{obec}.pdf",
        printed=NOWHERE,
    )
    municipality_docx: Text = yaml_key(
        "obec_docx",
        "Podíl obce DOCX",
        "Výpis pro zastupitelstvo obce pro Word; {obec} se nahradí klíčem obce.",
        "obec-{obec}.docx",
        example="podil-obce-{obec}.docx",
        printed=NOWHERE,
    )
    reference_docx: Text | None = yaml_key(
        "sablona_docx",
        "Šablona DOCX",
        "Vlastní reference.docx se styly (nepovinné).",
        None,
        example="sablony/lipovany.docx",
        printed=NOWHERE,
    )
