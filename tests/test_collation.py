"""Every list a reader looks a name up in is in Czech alphabetical order (C, Č, … H, CH,
I, … R, Ř, S, Š, … Z, Ž), in the printed documents and in the coordinator's terminal;
lists of codes stay in plan order (1.2 before 1.10).

The variant of the fixture plan names its organisations, target groups, services,
municipalities and localities after Czech towns, written in the register in an order
that is not the alphabet's.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from helpers import edit

from assembler.outputs.build import build

TOWNS = [
    "Chrudim", "Cheb", "Čáslav", "Hodonín", "Zlín", "Žatec", "Řevnice", "Rakovník",
    "Šumperk", "Sokolov", "Ivančice", "Cerhenice",
]  # fmt: skip
CZECH_ORDER = [
    "Cerhenice", "Čáslav", "Hodonín", "Cheb", "Chrudim", "Ivančice", "Rakovník", "Řevnice",
    "Sokolov", "Šumperk", "Zlín", "Žatec",
]  # fmt: skip
LOCALITIES = ["Chmelnice", "Cihelna", "Čtvrť u nádraží"]  # Czech order: Cihelna, Čtvrť, Chmelnice


def _ico(n: int) -> str:
    """A valid IČO (the last digit is the check digit) for municipality ``n``."""
    digits = [int(d) for d in f"{7000000 + n:07d}"]
    check = (11 - sum(w * d for w, d in zip(range(8, 1, -1), digits, strict=True)) % 11) % 10
    return "".join(map(str, digits)) + str(check)


def _measure(n: int, town: str) -> str:
    return f"""      - kod: 2.{n}
        nazev: Opatření pro {town}
        druh: udrzeni
        popis: Služba v obci {town}.
        garant: G{n}{"" if n == 1 else chr(10) + "        partneri: [G1]"}
        cilove_skupiny: [skupina-{n}]
        uzemi: [OBEC{n}]
        sluzby:
          - identifikator: {8000000 + n}
            nazev: Služba {town}
            paragraf: 40
            poskytovatel: G{n}
        harmonogram: {{od: 2026, do: 2026}}
        naklady:
          2026: {{obec: {1000 * n}}}
        indikatory:
          - kod: 2.{n}a
            nazev: Počet klientů
            jednotka: osoby
            vychozi_hodnota: {{hodnota: 0, rok: 2025}}
            cilova_hodnota: {{hodnota: 5, rok: 2026}}
            vyssi_je_lepsi: ano
            zdroj_overeni: výkaz poskytovatele
"""


@pytest.fixture(scope="module")
def variant(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from helpers import FIXTURES

    root = tmp_path_factory.mktemp("collation") / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    organisations = "".join(
        f"  - klic: G{n}\n    nazev: Spolek {town}\n    role: poskytovatel\n"
        f"    pomaha_s: Pomoc v obci {town}.\n"
        for n, town in enumerate(TOWNS, 1)
    )
    groups = "".join(
        f"  - {{klic: skupina-{n}, nazev: Lidé z {town}}}\n" for n, town in enumerate(TOWNS, 1)
    )
    groups += "  - {klic: seniori, nazev: Senioři}\n  - {klic: pecujici, nazev: Pečující}\n"
    groups += "  - {klic: rodiny-s-detmi, nazev: Rodiny s dětmi}\n"
    municipalities = "".join(
        f'    - {{klic: OBEC{n}, nazev: {town}, typ: obec, ico: "{_ico(n)}"}}\n'
        for n, town in enumerate(TOWNS, 1)
    )
    localities = "".join(
        f"    - {{klic: LOK{n}, nazev: {name}, obec: OBEC1}}\n" for n, name in enumerate(LOCALITIES)
    )
    edit(
        root,
        "plan.yaml",
        "organizace:\n",
        f"cilove_skupiny:\n{groups}uzemi:\n  obce:\n{municipalities}  lokality:\n{localities}"
        f"organizace:\n{organisations}",
    )
    edit(root, "plan.yaml", "  - odpovednost\n", "  - odpovednost\n  - cilove-skupiny\n  - sluzby\n"
         "  - uzemi\n  - naklady-obci\n")  # fmt: skip
    measures = "".join(_measure(n, town) for n, town in enumerate(TOWNS, 1))
    goal = "  - kod: 2\n    nazev: Služby v obcích\n    opatreni:\n" + measures
    edit(root, "chapters/20-rodiny.md", "---\n\nRodinné", goal + "---\n\nRodinné")
    return root


def _docx_text(path: Path) -> str:
    """The document's paragraphs (table cells included), one per line; "# " marks a
    chapter heading."""
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    paragraphs = re.findall(r"<w:p>.*?</w:p>", xml, re.S)
    lines = [
        ("# " if '<w:pStyle w:val="Heading1" />' in p else "")
        + "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p))
        for p in paragraphs
    ]
    return "\n".join(lines).replace("\u00a0", " ")


def _order(text: str, names: list[str]) -> list[str]:
    """The names in the order they first appear in ``text`` (each must appear)."""
    found = {name: re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) for name in names}
    assert all(found.values()), [n for n, m in found.items() if not m]
    return sorted(names, key=lambda n: found[n].start())  # type: ignore[union-attr]


def _section(text: str, title: str) -> str:
    """A numbered section of the body (after the contents), up to the next section."""
    start = re.search(rf"^# \d+ {title}$", text, re.M).end()  # type: ignore[union-attr]
    end = re.compile(r"^# ", re.M).search(text, start)
    return text[start : end.start() if end else len(text)]


@pytest.fixture(scope="module")
def built(variant: Path) -> Path:
    result = build(variant, only=["plan.docx", "summary.docx"])
    assert result.ok, [str(p) for p in result.problems]
    return variant / "output"


@pytest.fixture(scope="module")
def plan_text(built: Path) -> str:
    return _docx_text(built / "plan.docx")


def _named(prefix: str) -> tuple[list[str], list[str]]:
    """(the names as the register holds them, the names in Czech order)."""
    return [prefix + town for town in TOWNS], [prefix + town for town in CZECH_ORDER]


def test_the_orders_are_the_czech_alphabet() -> None:
    from assembler.render import czech

    assert czech.alphabetical(TOWNS, str) == CZECH_ORDER
    assert czech.alphabetical(LOCALITIES, str) == ["Cihelna", "Čtvrť u nádraží", "Chmelnice"]


def test_responsibility_index_by_organisation_with_codes_in_plan_order(plan_text: str) -> None:
    section = _section(plan_text, "Odpovědnost organizací")
    written, czech_order = _named("Spolek ")
    names = ["Charita Malá Lhota", "Obec Malá Lhota", "Rodinné centrum Pampeliška", *written]
    expected = ["Charita Malá Lhota", "Obec Malá Lhota", "Rodinné centrum Pampeliška", *czech_order]
    assert _order(section, names) == expected
    # The measures of one organisation by their codes: 2.2 … 2.9 before 2.10, 2.11, 2.12.
    chrudim = section[section.index("Spolek Chrudim") : section.index("Spolek Ivančice")]
    codes = [f"ROD 2.{n}" for n in range(1, 13)]
    assert _order(chrudim, codes) == codes


def test_target_group_index_in_czech_order(plan_text: str) -> None:
    section = _section(plan_text, "Cílové skupiny a opatření")
    written, czech_order = _named("Lidé z ")
    assert _order(section, [*written, "Rodiny s dětmi"]) == [*czech_order, "Rodiny s dětmi"]


def test_services_of_one_type_in_czech_order(plan_text: str) -> None:
    section = _section(plan_text, "Registrované služby v opatřeních")
    written, czech_order = _named("Služba ")
    assert _order(section, ["Pečovatelská služba Charity", *written]) == [
        "Pečovatelská služba Charity",
        *czech_order,
    ]


def test_territory_lists_and_table_in_czech_order(plan_text: str) -> None:
    section = _section(plan_text, "Opatření podle obcí a lokalit")
    sentence = section[section.index("Plán platí pro 12 obcí: ") :].split("\n")[0]
    assert sentence.startswith("Plán platí pro 12 obcí: " + ", ".join(CZECH_ORDER) + ".")
    table = section[section.index("Obec nebo lokalita") :]
    rows = [line for line in table.split("\n") if line.endswith(")")]
    places = [re.sub(r" \(.*\)$", "", row) for row in rows]
    # Chrudim's localities right after it, in Czech order too.
    chrudim = CZECH_ORDER.index("Chrudim") + 1
    localities = ["Cihelna", "Čtvrť u nádraží", "Chmelnice"]
    assert places == [*CZECH_ORDER[:chrudim], *localities, *CZECH_ORDER[chrudim:]]


def test_municipal_costs_by_municipality_in_czech_order(plan_text: str) -> None:
    section = _section(plan_text, "Náklady obcí podle let")
    table = section[section.index("Celkem") :]  # the header row ends with Celkem
    # The commissioner, who pays what is not split, first; then the register.
    assert _order(table, ["Obec Malá Lhota", *TOWNS]) == ["Obec Malá Lhota", *CZECH_ORDER]


def test_public_summary_lists_in_czech_order(built: Path) -> None:
    text = _docx_text(built / "summary.docx")
    sentence = text[text.index("Plán platí pro 12 obcí: ") :].split("\n")[0]
    assert sentence.startswith("Plán platí pro 12 obcí: " + ", ".join(CZECH_ORDER) + ";")
    localities = "Cihelna (Chrudim), Čtvrť u nádraží (Chrudim), Chmelnice (Chrudim)."
    assert sentence.endswith("lokalitám " + localities)
    helpers = text[text.index("Kde získat pomoc", text.index("Plán platí pro")) :]
    written, czech_order = _named("Spolek ")
    names = ["Charita Malá Lhota", "Obec Malá Lhota", *written]
    assert _order(helpers, names) == ["Charita Malá Lhota", "Obec Malá Lhota", *czech_order]


def test_monitoring_status_lists_garants_in_czech_order(variant: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run_cli("monitor", "status", "2026", str(variant))
    assert code == 0, out
    written, czech_order = _named("Spolek ")
    assert _order(out, ["Obec Malá Lhota", *written]) == ["Obec Malá Lhota", *czech_order]
    missing = out[out.index("Zatím nic neodevzdali: ") :]
    assert _order(missing, written) == czech_order
