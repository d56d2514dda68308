"""The monitoring report as a reader sees it, on the fixture plan and on the sample's two years.

Figures are checked against numbers computed here by hand (fixture) or straight from
the raw YAML files (sample), never against the code that renders them.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest
from helpers import FIXTURES, all_text
from monitoring_data import write_monitoring
from test_accessibility import AXE, CHROMIUM, axe_violations

from assembler.checks.pipeline import check
from assembler.load import yamlio, yamltree
from assembler.outputs.build import build
from assembler.render.monitoring import monitoring_document, years_with_data

NBSP = "\u00a0"


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(NBSP, " ").replace("\\", ""))


@pytest.fixture(scope="module")
def mini_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("monitoring") / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    write_monitoring(root, second_year=True)
    result = build(root, only=["monitoring"])
    assert result.ok, [str(p) for p in result.problems]
    return root


def test_every_year_with_data_gets_three_files(mini_built: Path) -> None:
    names = sorted(p.name for p in (mini_built / "output").iterdir())
    assert names == [f"monitoring-{y}.{f}" for y in (2026, 2027) for f in ("docx", "html", "pdf")]


def test_only_selects_one_year_and_format(tmp_path: Path) -> None:
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    write_monitoring(root, second_year=True)
    result = build(root, only=["monitoring-2027.pdf"])
    assert result.ok and [p.name for p in result.written] == ["monitoring-2027.pdf"]


@pytest.mark.parametrize("suffix", ["pdf", "docx", "html"])
def test_report_figures_match_the_hand_computation(mini_built: Path, suffix: str) -> None:
    text = plain(all_text(mini_built / "output" / f"monitoring-2026.{suffix}"))
    if suffix != "pdf":
        text = plain(re.sub(r"<[^>]+>", "", text))
    expected = [
        "Monitorovací zpráva za rok 2026",
        "Zpracoval(a): Jana Nováková, koordinátorka",
        "15. 2. 2027",
        "Rada obce Malá Lhota, usnesení č. RO/5/2027 ze dne 1. 3. 2027",
        "První rok plnění plánu Malé Lhoty.",
        # Was "Sledováno 2 opatření v 2 oblastech" ("v 1 oblastech" with one area).
        "Sledovaná opatření: 2 (počet oblastí: 2), z toho s hlášením: 2.",
        "Pokrok plánu: 70,0 %",  # (40 + 100) / 2
        "splněno 0, na dobré cestě 1, zaostává 1, bez údajů 0",
        "plánováno 630 000,50 Kč",
        "vynaloženo 600 000 Kč",
        "(95 %)",  # 600 000 / 630 000,50
        "Víkendové směny běží od dubna",
        "Obtíže: Chybí dvě pečovatelky.",
        "Neplánované výsledky: Vznikla skupina dobrovolníků.",
        "SEN 1.1a: Služba začala až v dubnu.",
        "Vykázal(a): Petr Malý, Charita Malá Lhota, 20. 1. 2027",
    ]
    for fragment in expected:
        assert fragment in text, (fragment, suffix)


def test_report_markdown_tables(mini_built: Path) -> None:
    plan = check(mini_built).plan
    assert plan is not None
    first, second = years_with_data(plan)
    md = plain(monitoring_document(plan, first).markdown)
    # Indicator rows: baseline, target, expected for 2026, actual, attainment, verdict.
    assert (
        "| SEN 1.1a Počet klientů o víkendu | osoby | 0 (2025) | 15 (2027) | 7,5 | 6 | 40 % "
        "| zaostává |" in md
    )
    assert (
        "| ROD 1.1a Počet podpořených rodin | rodiny | 20 (2025) | 25 (2028) | 21,7 | 23 | 60 % "
        "| na dobré cestě |" in md
    )
    assert "| Rozpracováno | 1 | 50,0 % |" in md and "| Naplněno | 1 | 50,0 % |" in md
    # Costs by source for SEN: obec 100 000 planned / 90 000 actual; mpsv 250 000,50 / 250 000.
    assert "| Rozpočet obce | 100 000 | 90 000 | 90 % |" in md
    assert (
        "| Dotace ze státního rozpočtu (MPSV prostřednictvím kraje) | 250 000,50 | 250 000 "
        "| 100 % |" in md
    )
    assert (
        "| SEN 1.1 Pečovatelská služba o víkendu | Obec Malá Lhota "
        "| indikátor SEN 1.1a pod očekávanou hodnotou |" in md
    )
    assert "dodali hlášení garanti všech opatření" in md
    md2 = plain(monitoring_document(plan, second).markdown)
    assert "Pokrok plánu: **60,0 %**" in md2  # SEN (80·3 + 0) / 4; ROD paused, left out
    assert (
        "| ROD 1.1 Sociálně aktivizační služba pro rodiny | Obec Malá Lhota | stav pozastaveno |"
        in md2
    )
    assert "**Důvod:** Poskytovatel přišel o prostory." in md2


def test_missing_reports_are_the_annex(tmp_path: Path) -> None:
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    write_monitoring(root, second_year=True)
    (root / "monitoring/2027/20-rodiny.yaml").unlink()
    plan = check(root).plan
    assert plan is not None
    md = plain(monitoring_document(plan, years_with_data(plan)[1]).markdown)
    annex = md[md.index("# Příloha: chybějící hlášení") :]
    assert (
        "| ROD 1.1 Sociálně aktivizační služba pro rodiny | Obec Malá Lhota | Nevykázáno |" in annex
    )
    assert "| Nevykázáno | 1 | 33,3 % |" in md  # capital, like the statuses above it


def test_pdf_is_tagged_and_titled(mini_built: Path) -> None:
    reader = pypdf.PdfReader(mini_built / "output" / "monitoring-2026.pdf")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "cs-CZ" and "/StructTreeRoot" in root
    assert (
        reader.metadata is not None and reader.metadata.title == "Monitorovací zpráva za rok 2026"
    )


def test_two_builds_give_identical_bytes(mini_built: Path, tmp_path: Path) -> None:
    again = tmp_path / "mini"
    shutil.copytree(mini_built, again, ignore=shutil.ignore_patterns("output", ".plan-build.json"))
    assert build(again, only=["monitoring-2026"]).ok
    for suffix in ("pdf", "docx", "html"):
        name = f"monitoring-2026.{suffix}"
        assert (again / "output" / name).read_bytes() == (mini_built / "output" / name).read_bytes()


@pytest.mark.skipif(CHROMIUM is None or AXE is None, reason="Chromium nebo axe-core chybí")
def test_report_html_has_no_wcag_violations(mini_built: Path, tmp_path: Path) -> None:
    page = (mini_built / "output" / "monitoring-2026.html").read_text(encoding="utf-8")
    assert axe_violations(page, tmp_path) == []


def _raw(path: Path) -> dict[str, object]:
    root = yamlio.compose(path.read_text(encoding="utf-8"))
    data = yamltree.construct(root)
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("year", [2026, 2027])
def test_sample_report_matches_its_files(sample: Path, year: int) -> None:
    """The sample's figures recomputed from the raw YAML: status counts, costs, actuals."""
    plan = check(sample).plan
    assert plan is not None
    monitored = next(y for y in years_with_data(plan) if y.year == year)
    md = plain(monitoring_document(plan, monitored).markdown)
    files = [
        _raw(p)
        for p in sorted((sample / "monitoring" / str(year)).glob("*.yaml"))
        if p.name != "zprava.yaml"
    ]
    reports = [(f["oblast"], m) for f in files for m in f["opatreni"]]  # type: ignore[union-attr]
    counts = Counter(m["stav"] for _, m in reports)
    names = {s.key: s.name for s in plan.project.info.measure_statuses}
    total = len(reports)
    for key, name in names.items():
        share = Decimal(counts[key] * 100) / total
        shown = f"{share.quantize(Decimal('0.1'))}".replace(".", ",")
        assert f"| {name} | {counts[key]} | {shown} % |" in md, name
    actual = sum(
        Decimal(str(v)) for _, m in reports for v in m.get("skutecne_naklady", {}).values()
    )
    assert f"skutečně vynaloženo **{format(actual, ',.0f').replace(',', ' ')} Kč**" in md
    for area, m in reports:
        for ind in m.get("indikatory", []):
            value = Decimal(str(ind["hodnota"]))
            shown = format(value.normalize(), "f").replace(".", ",")
            shown = re.sub(r"(\d)(?=(\d{3})+(?!\d))", r"\1 ", shown) if "," not in shown else shown
            row = re.search(
                rf"\| {area} {re.escape(str(ind['kod']))} [^|]*(\|[^|]*){{4}}\| {shown} \|", md
            )
            assert row, (area, ind["kod"], shown)
    if year == 2027:
        assert (
            "| DUS 2.2 Centrum duševního zdraví pro Lipovany a okolí "
            "| Nemocnice Lipovany, a. s. | stav pozastaveno" in md
        )
        annex = md[md.index("# Příloha: chybějící hlášení") :]
        assert "PRE 2.1" in annex and "| Bez údajů |" in annex


def _with_evaluation(root: Path) -> None:
    plan = root / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("  - zkratky\n", "  - zkratky\n  - vyhodnoceni\n"),
        encoding="utf-8",
    )


def test_plan_section_evaluates_every_monitored_year(tmp_path: Path) -> None:
    from assembler.render.documents import PLAN, make_document

    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    _with_evaluation(root)
    plan = check(root).plan
    assert plan is not None
    empty = plain(make_document(PLAN, plan).markdown)
    assert "Vyhodnocení plnění plánu" in empty
    assert "zatím nejsou k dispozici roční hlášení o plnění" in empty
    write_monitoring(root, second_year=True)
    plan = check(root).plan
    assert plan is not None
    md = plain(make_document(PLAN, plan).markdown)
    section = md[md.index("Vyhodnocení plnění plánu {#vyhodnoceni}") :]
    # 2026: SEN 40, ROD 100 → 70; 2027: SEN (80·3 + 0) / 4 = 60, ROD paused (no share).
    assert "| 2026 | 2 | 70,0 % | 1 (50 %) | 1 (50 %) |" in section
    assert "| 2027 | 3 | 60,0 % | 0 (0 %) | 1 (33 %) | 1 (33 %) | 1 (33 %) |" in section
    assert "| 2026 | 2 | 0 | 1 | 1 | 0 |" in section  # SEN 1.1a behind, ROD 1.1a on track
    assert "| 2027 | 3 | 1 | 0 | 0 | 2 |" in section  # SEN 1.1a met; 1.2a, ROD 1.1a no data
    # 2027 planned: 110 000 + 50 000 + 80 000 + 200 000; actual 110 000 + 0.
    assert "| 2027 | 440 000 | 110 000 | 25 % |" in section
    assert "| [Senioři](#sen) | 40,0 % | 60,0 % |" in section
    assert "| [Rodiny s dětmi](#rod) | 100,0 % | – |" in section
    assert "- [opatření ROD 1.1 Sociálně aktivizační služba pro rodiny](#rod-1-1)" in section


def test_headings_in_an_evaluation_sit_under_the_measure(tmp_path: Path) -> None:
    # README lets a garant start an evaluation at ##; printed as written under the
    # measure's ####, the next measure's #### skipped a level and Typst refused the PDF.
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    write_monitoring(root, second_year=True)
    report = root / "monitoring/2027/10-seniori.yaml"
    yaml_text = report.read_text(encoding="utf-8")
    evaluation = "    hodnoceni: |\n      ## Co se podařilo\n\n      Druhý vůz jezdí.\n"
    report.write_text(yaml_text.replace("    stav:", evaluation + "    stav:", 1), "utf-8")
    assert check(root).ok
    result = build(root, only=["monitoring-2027"])
    assert result.ok, [str(p) for p in result.problems]
    pdf = plain(all_text(root / "output/monitoring-2027.pdf"))
    assert "Co se podařilo Druhý vůz jezdí." in pdf
    html = (root / "output/monitoring-2027.html").read_text(encoding="utf-8")
    assert re.search(r"<h6[^>]*>Co se podařilo</h6>", html)


def test_html_charts_keep_a_readable_width_on_a_phone(mini_built: Path) -> None:
    # Shrunk to a 390 px phone, a chart's lettering was a few pixels high; a chart keeps
    # a readable width in a figure that scrolls sideways and is reachable by keyboard.
    html = (mini_built / "output" / "monitoring-2026.html").read_text(encoding="utf-8")
    charts = html.count('<figure class="graf" tabindex="0">')
    assert charts >= 3 and charts == len(
        re.findall(r'<img\s+src="data:image/svg\+xml;[^"]*"\s+class="graf"', html)
    )
    assert "figure.graf { overflow-x: auto;" in html and "img.graf { min-width: 32rem; }" in html
