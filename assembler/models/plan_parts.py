"""Parts of ``plan.yaml`` that say whose plan it is: commissioner, period, approval, coordinator.

The registers and vocabularies are in registers.py, the output files and ESF publicity in
publication.py.
"""

from __future__ import annotations

import datetime
from typing import Annotated

from assembler.models.common import CzechDate, Ico, Model, Text, Year, yaml_key
from assembler.models.placement import AS_PARENT, EVERYWHERE, NOWHERE, Output, printed
from assembler.models.vocab import MunicipalityKind

# Examples shared by several keys, as the YAML reader yields them (see yaml_key).
APPROVAL_EXAMPLE = {
    "organ": "Zastupitelstvo statutárního města Lipovany",
    "usneseni": "ZM/14/2025/212",
    "datum": datetime.date(2025, 12, 11),
}
COORDINATOR_EXAMPLE = {"jmeno": "Mgr. Alena Horáková", "email": "komunitniplan@lipovany.example.cz"}


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
