"""Czech typography and number formatting: what a reader sees in every output format."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

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
        ("Soused, o. p. s., pomáhá", f"Soused, o.{NB}p.{NB}s., pomáhá"),
        ("Klub, z. s. a Hospic, z. ú.", f"Klub, z.{NB}s.{NB}a{NB}Hospic, z.{NB}ú."),
        ("Doprava, s. r. o. a Banka, a. s.", f"Doprava, s.{NB}r.{NB}o. a{NB}Banka, a.{NB}s."),
        ("Bradlo, spol. s r. o.", f"Bradlo, spol.{NB}s{NB}r.{NB}o."),
        ("§ 37 odst. 2 písm. b), tel. 777", f"§{NB}37 odst.{NB}2 písm.{NB}b), tel.{NB}777"),
        ("dne 12.3.2026 a 1.12.2025", f"dne 12.{NB}3.{NB}2026 a{NB}1.{NB}12.{NB}2025"),
        ("kód 1.2.3 a 32.1.2026 zůstanou", f"kód 1.2.3 a{NB}32.1.2026 zůstanou"),
        ("rozpočet 1250000 Kč", f"rozpočet 1{NB}250{NB}000{NB}Kč"),
        ("1250000,50 Kč a 12000 EUR", f"1{NB}250{NB}000,50{NB}Kč a{NB}12{NB}000{NB}EUR"),
        ("v roce 2026 a 12345 osob", f"v{NB}roce 2026 a{NB}12345{NB}osob"),
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


def test_plurals_follow_the_czech_rule_of_cldr() -> None:
    from babel import Locale

    rule = Locale.parse("cs_CZ")
    for count in range(0, 1001):
        form = {"one": "chyba", "few": "chyby"}.get(rule.plural_form(count), "chyb")
        assert czech.plural(count, "chyba", "chyby", "chyb") == f"{count} {form}"


def test_czech_order_puts_ch_after_h_and_hacek_letters_after_their_base() -> None:
    words = ["Žena", "ZŠ", "CHB", "Hora", "Čáp", "Cesta", "Řeka", "Rak", "Šum", "Sad", "Ivan"]
    ordered = sorted(words, key=czech.sort_key)
    assert ordered == [
        "Cesta", "Čáp", "Hora", "CHB", "Ivan", "Rak", "Řeka", "Sad", "Šum", "ZŠ", "Žena"
    ]  # fmt: skip


def test_single_years_are_printed_once() -> None:
    assert czech.years(2026, 2026) == "2026"
    assert czech.years(2026, 2029) == "2026–2029"


def test_the_programs_own_words_are_typeset_too(mini: Path) -> None:
    from assembler.checks.pipeline import check
    from assembler.render.documents import summary_document

    plan = check(mini).plan
    assert plan is not None
    markdown = summary_document(plan).markdown
    assert f"co se v{NB}příštích letech" in markdown  # template text, not the author's
    assert f"a{NB}zástupci obce" in markdown
