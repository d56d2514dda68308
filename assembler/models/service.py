"""A registered social service a measure concerns (sluzby), by its register identifier."""

from __future__ import annotations

from typing import Annotated

from assembler.models.common import Digits, Many, Model, OrgKey, Paragraph, Text, yaml_key
from assembler.models.placement import Output, printed
from assembler.models.vocab import ServiceForm


class Service(Model):
    identifier: Digits = yaml_key(
        "identifikator",
        "Identifikátor služby",
        "Identifikátor v registru poskytovatelů (7 číslic).",
        example=4829157,
        printed=printed(Output.PLAN),
    )
    name: Text | None = yaml_key(
        "nazev",
        "Název služby",
        "Název služby, jak je registrována.",
        None,
        example="Pečovatelská služba Lipovany",
        printed=printed(Output.PLAN),
    )
    section: Paragraph = yaml_key(
        "paragraf",
        "Druh služby (§)",
        "Paragraf zákona o sociálních službách, např. 40 nebo 60a.",
        example=40,
        printed=printed(Output.PLAN),
    )
    forms: Many[Annotated[ServiceForm, ServiceForm.schema()]] = yaml_key(
        "forma",
        "Forma",
        f"{ServiceForm.choices()} (i více).",
        [],
        example=["terenni", "ambulantni"],
        printed=printed(Output.PLAN),
    )
    provider: OrgKey = yaml_key(
        "poskytovatel",
        "Poskytovatel",
        "Klíč organizace z registru.",
        example="PECOVATELSKA",
        printed=printed(Output.PLAN),
    )
    territory: Many[Text] = yaml_key(
        "uzemi",
        "Území",
        "Klíče obcí a lokalit z plan.yaml (uzemi), kde služba působí; bez uvedení území opatření.",
        [],
        example=["JANOV", "TREMESNA"],
        printed=printed(Output.PLAN),
    )
