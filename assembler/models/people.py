"""The people of planning: a person and the working group that writes an area chapter.

A person is also a member of the steering group (territory.py); the contacts of a
person are printed only with verejny_kontakt: ano.
"""

from __future__ import annotations

from typing import Annotated

from assembler.models.common import Many, Model, OrgKey, Text, YesNo, yaml_key
from assembler.models.placement import NOWHERE, Output, printed
from assembler.models.vocab import TriadRole

Role = Annotated[TriadRole, TriadRole.schema()]

# Examples shared by several keys, as the YAML reader yields them (see yaml_key).
MANAGER_EXAMPLE = {"jmeno": "Bc. Jana Kratochvílová", "organizace": "CHARITA"}


class Person(Model):
    name: Text = yaml_key(
        "jmeno",
        "Jméno",
        "Jméno a příjmení, případně s titulem.",
        example="Bc. Jana Kratochvílová",
        printed=printed(Output.PLAN),
    )
    position: Text | None = yaml_key(
        "funkce",
        "Funkce",
        "Funkce nebo pracovní pozice.",
        None,
        example="vedoucí terénních služeb",
        printed=printed(Output.PLAN),
    )
    organisation: OrgKey | None = yaml_key(
        "organizace",
        "Organizace",
        "Klíč organizace z registru organizací v plan.yaml.",
        None,
        example="CHARITA",
        printed=printed(Output.PLAN),
    )
    role: Role | None = yaml_key(
        "role",
        "Role v triádě",
        f"{TriadRole.choices()}.",
        None,
        example="poskytovatel",
        printed=NOWHERE,
    )
    email: Text | None = yaml_key(
        "email",
        "E-mail",
        "Osobní e-mail; neveřejný, pokud není verejny_kontakt: ano.",
        None,
        example="jana.kratochvilova@charita-lipovany.example.cz",
        printed=printed(Output.PLAN, only_with="verejny_kontakt"),
    )
    phone: Text | None = yaml_key(
        "telefon",
        "Telefon",
        "Osobní telefon; neveřejný, pokud není verejny_kontakt: ano.",
        None,
        example="+420 731 402 118",
        printed=printed(Output.PLAN, only_with="verejny_kontakt"),
    )
    public_contact: YesNo = yaml_key(
        "verejny_kontakt",
        "Zveřejnit kontakt",
        "Zda se e-mail a telefon smějí objevit ve výstupech. Výchozí: ne (osobní údaje).",
        False,
        example=True,
        printed=NOWHERE,
    )


class WorkingGroup(Model):
    name: Text = yaml_key(
        "nazev",
        "Název skupiny",
        "Název pracovní skupiny.",
        example="Pracovní skupina Senioři",
        printed=printed(Output.PLAN),
    )
    manager: Person = yaml_key(
        "manazer", "Manažer skupiny", "Kdo skupinu vede.", example=MANAGER_EXAMPLE
    )
    members: Many[Person] = yaml_key(
        "clenove",
        "Členové",
        "Členové skupiny.",
        [],
        example=[{"jmeno": "Mgr. Petr Dvořák", "organizace": "PECOVATELSKA"}],
    )
