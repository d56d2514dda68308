"""The registers and vocabularies of ``plan.yaml`` that chapters and reports name by key or code.

Organisations (organizace), the vocabularies of keys (zdroje_financovani, cilove_skupiny, …),
the measure statuses of monitoring (stavy_opatreni) and the shared goals (spolecne_cile).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from assembler.models.amounts import Number
from assembler.models.common import (
    Ico,
    Markdown,
    Model,
    OrgKey,
    SharedGoalCode,
    Text,
    VocabKey,
    YesNo,
    yaml_key,
)
from assembler.models.placement import AS_PARENT, NOWHERE, Output, printed
from assembler.models.vocab import TriadRole


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
