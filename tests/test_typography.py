"""Czech typography and number formatting: what a reader sees in every output format."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from assembler.render import czech
from assembler.render.typography import czech as typeset

NB = "\u00a0"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("k domovu a v bytě i u lékaře", f"k{NB}domovu a{NB}v{NB}bytě i{NB}u{NB}lékaře"),
        ("Služba s 24 místy", f"Služba s{NB}24 místy"),
        ("celkem 1 279 522 osob", f"celkem 1{NB}279{NB}522{NB}osob"),
        ("podíl 50 % a 1 000 Kč", f"podíl 50{NB}% a{NB}1{NB}000{NB}Kč"),
        ("podle § 43 zákona č. 108/2006 Sb.", f"podle §{NB}43 zákona č.{NB}108/2006{NB}Sb."),
        ("dne 1. 12. 2010", f"dne 1.{NB}12.{NB}2010"),
        ("od 15. 9. – 15. 10. 2025", f"od 15.{NB}9. – 15.{NB}10.{NB}2025"),
        ("dne 1. prosince 2010", f"dne 1.{NB}prosince 2010"),
        ("v letech 2019-2022", f"v{NB}letech 2019–2022"),
        ("senioři - a pečující", f"senioři – a{NB}pečující"),
        ('projekt "Plánování" běží', "projekt „Plánování“ běží"),
    ],
)
def test_czech_typography(text: str, expected: str) -> None:
    assert typeset(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "`a - b` v kódu",
        "[odkaz](https://example.cz/a-b-2019-2022) ",
        "napište na jana.nova@example.cz",
        "nadpis {#sen-1-2}",
    ],
)
def test_code_links_addresses_and_attributes_are_left_alone(text: str) -> None:
    protected = text.split(" ")[0] if not text.startswith("[") else text.split("(")[1][:-2]
    assert protected in typeset(text)


def test_money_numbers_and_dates_come_from_babel() -> None:
    assert czech.money(Decimal("1279522.20")) == f"1{NB}279{NB}522,20{NB}Kč"
    assert czech.money(Decimal("500")) == f"500{NB}Kč"
    assert czech.number(Decimal("2500")) == f"2{NB}500"
    assert czech.date(datetime.date(2010, 12, 1)) == f"1.{NB}12.{NB}2010"
    assert czech.long_date(datetime.date(2010, 12, 1)) == f"1.{NB}prosince{NB}2010"
    assert czech.plural(3, "chyba", "chyby", "chyb") == "3 chyby"
    assert czech.plural(5, "chyba", "chyby", "chyb") == "5 chyb"
