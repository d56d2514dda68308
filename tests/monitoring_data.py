"""Monitoring files for the fixture plan (tests/fixtures/mini), written by the tests.

Hand-computed figures of these files are asserted in test_evaluation.py and
test_monitoring_report.py; change both together.
"""

from __future__ import annotations

from pathlib import Path

SEN_2026 = """\
oblast: SEN
rok: 2026
vykazal: Petr Malý, Charita Malá Lhota
datum: 2027-01-20
opatreni:
  - kod: 1.1
    stav: rozpracovano
    pokrok: 40
    vaha: 3
    hodnoceni: Víkendové směny běží od dubna, v [[ROD 1.1]] spolupracujeme s rodinami.
    obtize: Chybí dvě pečovatelky.
    neplanovane_vysledky: Vznikla skupina dobrovolníků.
    skutecne_naklady: {obec: 90000, mpsv: 250000}
    indikatory:
      - kod: 1.1a
        hodnota: 6
        zdroj: výkaz Charity
        poznamka: Služba začala až v dubnu.
"""

ROD_2026 = """\
oblast: ROD
rok: 2026
vykazal: Eva Dvořáková
datum: 2027-01-25
opatreni:
  - kod: 1.1
    stav: naplneno
    skutecne_naklady: {obec: 80000, mpsv: 180000}
    indikatory:
      - kod: 1.1a
        hodnota: 23
"""

SEN_2027 = """\
oblast: SEN
rok: 2027
vykazal: Petr Malý
datum: 2028-01-20
opatreni:
  - kod: 1.1
    stav: rozpracovano
    pokrok: 80
    vaha: 3
    skutecne_naklady: {obec: 110000}
    indikatory:
      - kod: 1.1a
        hodnota: 16
  - kod: 1.2
    stav: nezahajeno
    skutecne_naklady: {obec: 0}
"""

ROD_2027 = """\
oblast: ROD
rok: 2027
vykazal: Eva Dvořáková
datum: 2028-01-25
opatreni:
  - kod: 1.1
    stav: pozastaveno
    duvod: Poskytovatel přišel o prostory.
"""

REPORT_2026 = """\
rok: 2026
zpracoval: Jana Nováková, koordinátorka
datum: 2027-02-15
projednano: {organ: Rada obce Malá Lhota, usneseni: RO/5/2027, datum: 2027-03-01}
uvod: První rok plnění plánu Malé Lhoty.
"""

SEN_FILE = "monitoring/2026/10-seniori.yaml"
ROD_FILE = "monitoring/2026/20-rodiny.yaml"


def write_monitoring(root: Path, *, second_year: bool = False) -> None:
    files = {SEN_FILE: SEN_2026, ROD_FILE: ROD_2026, "monitoring/2026/zprava.yaml": REPORT_2026}
    if second_year:
        files |= {
            "monitoring/2027/10-seniori.yaml": SEN_2027,
            "monitoring/2027/20-rodiny.yaml": ROD_2027,
        }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
