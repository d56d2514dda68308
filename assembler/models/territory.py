"""The plan's territory and the organisation of planning (``plan.yaml``: uzemi, ridici_skupina).

A plan of a *pověřená obec* covers several municipalities, each of whose assemblies
approves its own share; a partnership may work for a few localities only. Measures
and services name the municipalities or localities they serve by the keys declared
here (no key: the whole plan area).
"""

from __future__ import annotations

from typing import Annotated

from assembler.models.common import Ico, Many, Markdown, Model, TerritoryKey, Text, yaml_key
from assembler.models.people import Person
from assembler.models.placement import NOWHERE, Output, printed
from assembler.models.vocab import LocalityKind, MunicipalStatus

StatusChoice = Annotated[MunicipalStatus, MunicipalStatus.schema()]
LocalityChoice = Annotated[LocalityKind, LocalityKind.schema()]

_JANOV = {"klic": "JANOV", "nazev": "Janov", "ico": "00296031", "typ": "obec"}
_LOCALITY = {"klic": "HOLICKA", "nazev": "Holická 51", "obec": "LIPOVANY"}


class RegisteredMunicipality(Model):
    """A municipality of the plan's territory (also the one that commissions the plan)."""

    key: TerritoryKey = yaml_key(
        "klic",
        "Klíč",
        "Krátký klíč, kterým se na obec odkazují opatření (uzemi, podil_obci) a příkaz "
        "plan build --obec.",
        example="JANOV",
        printed=NOWHERE,
    )
    name: Text = yaml_key(
        "nazev",
        "Název",
        "Název obce, jak se tiskne.",
        example="Janov",
        printed=printed(Output.PLAN, Output.SUMMARY, Output.MUNICIPALITY),
    )
    ico: Ico = yaml_key(
        "ico", "IČO", "Identifikační číslo obce (8 číslic).", example="00296031", printed=NOWHERE
    )
    status: StatusChoice = yaml_key(
        "typ",
        "Typ obce",
        f"{MunicipalStatus.choices()} (podle zákona o obcích).",
        MunicipalStatus.MUNICIPALITY,
        example="mesto",
        printed=printed(Output.PLAN, Output.MUNICIPALITY),
    )
    population: int | None = yaml_key(
        "pocet_obyvatel",
        "Počet obyvatel",
        "Počet obyvatel (nepovinné), např. k 1. 1. posledního roku.",
        None,
        example=412,
        ge=0,
        printed=printed(Output.PLAN),
    )


class Locality(Model):
    """A locality inside a municipality, e.g. a sociálně vyloučená lokalita."""

    key: TerritoryKey = yaml_key(
        "klic",
        "Klíč",
        "Krátký klíč, kterým se na lokalitu odkazují opatření.",
        example="HOLICKA",
        printed=NOWHERE,
    )
    name: Text = yaml_key(
        "nazev",
        "Název",
        "Název lokality, jak se tiskne (ulice, čtvrť).",
        example="Holická 51",
        printed=printed(Output.PLAN, Output.SUMMARY, Output.MUNICIPALITY),
    )
    municipality: Text = yaml_key(
        "obec",
        "Obec",
        "Klíč obce z registru uzemi.obce, ve které lokalita leží.",
        example="LIPOVANY",
        printed=NOWHERE,
    )
    kind: LocalityChoice = yaml_key(
        "typ",
        "Typ lokality",
        f"{LocalityKind.choices()}.",
        LocalityKind.EXCLUDED,
        example="vyloucena_lokalita",
        printed=printed(Output.PLAN, Output.MUNICIPALITY),
    )
    description: Markdown | None = yaml_key(
        "popis",
        "Popis",
        "Krátký popis lokality (nepovinné).",
        None,
        example="Dva domy s 60 byty na okraji města.",
        printed=printed(Output.PLAN, Output.MUNICIPALITY),
    )


class Territory(Model):
    municipalities: Many[RegisteredMunicipality] = yaml_key(
        "obce",
        "Obce",
        "Obce, pro které plán platí (i zadavatel, má-li se jeho podíl na nákladech uvádět zvlášť).",
        [],
        example=[_JANOV],
    )
    localities: Many[Locality] = yaml_key(
        "lokality",
        "Lokality",
        "Lokality uvnitř obcí, pro které jsou některá opatření určena.",
        [],
        example=[_LOCALITY],
    )

    def municipality(self, key: str) -> RegisteredMunicipality | None:
        return next((m for m in self.municipalities if m.key == key), None)

    def locality(self, key: str) -> Locality | None:
        return next((place for place in self.localities if place.key == key), None)

    def name(self, key: str) -> str:
        """The printed name of a municipality or locality key ("Holická 51 (Lipovany)")."""
        municipality = self.municipality(key)
        if municipality is not None:
            return municipality.name
        locality = self.locality(key)
        if locality is None:
            return key
        owner = self.municipality(locality.municipality)
        return f"{locality.name} ({owner.name})" if owner else locality.name

    @property
    def keys(self) -> list[str]:
        return [m.key for m in self.municipalities] + [p.key for p in self.localities]


TERRITORY_EXAMPLE = {"obce": [_JANOV], "lokality": [_LOCALITY]}


class SteeringGroup(Model):
    """The řídící skupina (manažerský tým) that steers the planning."""

    name: Text = yaml_key(
        "nazev",
        "Název",
        "Jak se skupina v obci jmenuje, např. Řídící skupina nebo Manažerský tým.",
        "Řídící skupina",
        example="Manažerský tým",
        printed=printed(Output.PLAN),
    )
    description: Markdown | None = yaml_key(
        "popis",
        "Popis",
        "Co skupina dělá a jak často se schází (nepovinné).",
        None,
        example="Schvaluje postup plánování a předkládá plán radě města.",
        printed=printed(Output.PLAN),
    )
    members: Many[Person] = yaml_key(
        "clenove",
        "Členové",
        "Členové skupiny; osobní kontakty se tisknou jen s verejny_kontakt: ano.",
        [],
        example=[{"jmeno": "Ing. Pavel Novák", "funkce": "místostarosta", "organizace": "MESTO"}],
    )
