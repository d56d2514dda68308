"""A municipality's own extract (obec-KLIC.pdf, .docx): what serves it, what it pays,
a draft resolution for its assembly; one per municipality of the territory register."""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import FIXTURES, all_text, at, edit, position, problems_of

from assembler.checks.pipeline import CheckedPlan, check
from assembler.outputs.build import build, check_project, instances
from assembler.outputs.registry import OUTPUTS
from assembler.render import czech, territory
from assembler.render.documents import MUNICIPALITY, make_document
from assembler.render.extract import extract_keys
from assembler.render.figures import budget_by_source

Run = Callable[..., tuple[int, str, str]]


def _checked(root: Path) -> CheckedPlan:
    result = check(root)
    assert result.ok and result.plan is not None, [str(p) for p in result.problems]
    return result.plan


@pytest.fixture
def feature(tmp_path: Path) -> Path:
    root = tmp_path / "feature"
    shutil.copytree(FIXTURES / "feature", root)
    return root


def _text(path: Path) -> str:
    """What a reader sees: the PDF's text, or the DOCX body's runs joined."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("word/document.xml").decode("utf-8")
        text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    else:
        text = all_text(path)
    return " ".join(text.replace("\u00a0", " ").replace("\u2060", "").split())


def test_sample_builds_one_extract_per_municipality(sample: Path) -> None:
    result = build(sample, ["obec"])
    assert result.ok, [str(p) for p in result.problems]
    names = sorted(p.name for p in result.written)
    assert names == [
        "obec-brusnice.docx",
        "obec-brusnice.pdf",
        "obec-lipovany.docx",
        "obec-lipovany.pdf",
    ]
    for name in ("obec-brusnice.pdf", "obec-brusnice.docx"):
        text = _text(sample / "output" / name)
        assert (
            "Zastupitelstvo obce Brusnice schvaluje podíl obce Brusnice na financování "
            "opatření plánu" in text
        ), name
        assert "ve výši 255 000 Kč za období 2026–2029" in text, name
        assert "2026: 0 Kč, 2027: 80 000 Kč, 2028: 85 000 Kč, 2029: 90 000 Kč" in text, name
        assert "Rozšíření pečovatelské služby o večery a víkendy" in text, name
        # localities of another municipality are not Brusnice's
        assert "Prevence ztráty bydlení v lokalitách" not in text, name
    lipovany = _text(sample / "output" / "obec-lipovany.pdf")
    assert "Zastupitelstvo města Lipovany schvaluje podíl města Lipovany" in lipovany
    assert "Prevence ztráty bydlení v lokalitách Hornická a Zářečí" in lipovany
    assert "Hornická (sociálně vyloučená lokalita): Šest domů s městskými byty" in lipovany


def test_extract_file_names_follow_plan_yaml(feature: Path) -> None:
    result = build(feature, ["obec.pdf"])
    assert result.ok, [str(p) for p in result.problems]
    assert sorted(p.name for p in result.written) == ["podil-bradlo.pdf", "podil-lhota.pdf"]
    text = _text(feature / "output" / "podil-lhota.pdf")
    assert "Podíl obce Lhota u Bradla na plánu sociálních služeb 2026–2028" in text
    assert "ve výši 90 000 Kč za období 2026–2028" in text


def test_extracts_add_up_to_the_municipal_source(feature: Path) -> None:
    checked = _checked(feature)
    by_source = budget_by_source(checked)
    by_municipality = territory.costs_by_municipality(checked)
    shares = [territory.municipality_measures(checked, key) for key in extract_keys(checked)]
    assert sum(s.total for s in shares) == by_source.row_total("obec")
    for key, share in zip(extract_keys(checked), shares, strict=True):
        assert share.total == by_municipality.row_total(key)
    lhota = territory.municipality_measures(checked, "LHOTA")
    assert lhota.rows == ("SEN 1.1", "ROD 1.2")  # the cancelled Senior taxi is not there
    assert lhota.total == 90000


def test_extract_of_a_town_with_localities(feature: Path) -> None:
    markdown = make_document(MUNICIPALITY, _checked(feature), "BRADLO").markdown
    assert "# Podíl města Horní Bradlo na plánu" in markdown
    assert "Zastupitelstvo města Horní Bradlo schvaluje podíl města Horní Bradlo" in markdown
    assert "## Opatření, která slouží městu Horní Bradlo" in markdown
    assert "- **Kamenná** (část obce): Nejvzdálenější místní část" in markdown
    assert "SEN 1.3 Senior taxi" not in markdown
    lhota = make_document(MUNICIPALITY, _checked(feature), "LHOTA").markdown
    assert "## Lokality" not in lhota
    assert "| SEN 1.1 Pečovatelská služba ve vesnicích | 0 | 30\u00a0000 | 40\u00a0000 |" in lhota


def test_no_extract_without_several_municipalities(mini: Path, sample: Path) -> None:
    assert extract_keys(_checked(mini)) == []
    with (mini / "plan.yaml").open("a", encoding="utf-8") as plan:
        plan.write('uzemi:\n  obce:\n    - {klic: JANOV, nazev: Janov, ico: "00296031"}\n')
    checked = _checked(mini)
    assert checked.project.info.territory.keys == ["JANOV"]
    assert not [o for o, _ in instances(checked, OUTPUTS) if o.per_municipality]
    parts = [part for o, part in instances(_checked(sample), OUTPUTS) if o.per_municipality]
    assert parts == ["LIPOVANY", "BRUSNICE", "LIPOVANY", "BRUSNICE"]


def test_an_unknown_municipality_in_only_is_a_usage_error(run_cli: Run, sample: Path) -> None:
    code, _, err = run_cli("build", str(sample), "--only", "obec-brusnic.pdf")
    assert code == 2
    assert "obec-brusnic není obec z registru území" in err
    assert "obec-lipovany, obec-brusnice" in err
    assert not (sample / "output").exists()


def test_an_extract_name_without_the_key_is_refused(sample: Path) -> None:
    edit(sample, "plan.yaml", "vize: |", "vystupy:\n  obec_pdf: podil-obce.pdf\n\nvize: |")
    result = check_project(sample)
    found = problems_of(result, "vystup-nazev")
    assert len(found) == 1
    at(found[0], "plan.yaml", position(sample, "plan.yaml", "podil-obce.pdf"))
    assert "musí obsahovat {obec}" in found[0].message


VILLAGES = ["Janov", "Jindřichov", "Třemešná", "Holčovice", "Heřmanovice", "Vysoká", "Liptáň"]
_COSTS = re.compile(r"^          (\d{4}): \{obec: (\d+),", re.M)


def _generated_territory_plan(root: Path, seed: int) -> Path:
    """A plan written by bench/generate.py, then given a register of seven villages and
    a random split of every year's obec amount: content none of these tests was written for."""
    import random
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from generate import generate

    rng = random.Random(seed)
    generate(root, chapters=3, measures=6, seed=seed)
    keys = [f"OBEC{i}" for i in range(len(VILLAGES))]
    register = "".join(
        f'    - {{klic: {key}, nazev: {name}, ico: "{_valid_ico(2960000 + i)}", typ: obec}}\n'
        for i, (key, name) in enumerate(zip(keys, VILLAGES, strict=True))
    )
    plan = (root / "plan.yaml").read_text(encoding="utf-8")
    plan = plan.replace("  - zkratky\n", "  - zkratky\n  - naklady-obci\n  - uzemi\n")
    (root / "plan.yaml").write_text(f"{plan}uzemi:\n  obce:\n{register}", encoding="utf-8")
    for chapter in sorted((root / "chapters").glob("1*.md")):
        text = chapter.read_text(encoding="utf-8")
        parts = text.split("        indikatory:\n")
        for i, part in enumerate(parts[:-1]):
            block = part.rsplit("        naklady:\n", 1)[1]
            lines = []
            for year, amount in _COSTS.findall(block):
                payers = rng.sample(keys, rng.randrange(1, 4))
                cuts = sorted(rng.randrange(0, int(amount) + 1) for _ in payers[1:])
                shares = [b - a for a, b in zip([0, *cuts], [*cuts, int(amount)], strict=True)]
                split = ", ".join(f"{k}: {s}" for k, s in zip(payers, shares, strict=True))
                lines.append(f"          {year}: {{{split}}}\n")
            served = f"        uzemi: [{rng.choice(keys)}]\n" if rng.random() < 0.5 else ""
            parts[i] = part + served + "        podil_obci:\n" + "".join(lines)
        chapter.write_text("        indikatory:\n".join(parts), encoding="utf-8")
    return root


def _valid_ico(base: int) -> str:
    digits = f"{base:07d}"
    total = sum(int(d) * w for d, w in zip(digits, range(8, 1, -1), strict=True))
    return digits + str((11 - total % 11) % 10)


@pytest.mark.parametrize("seed", [3, 11])
def test_generated_territory_plan_reconciles(tmp_path: Path, seed: int) -> None:
    root = _generated_territory_plan(tmp_path / "generated", seed)
    checked = _checked(root)
    obec = budget_by_source(checked).row_total("obec")
    by_municipality = territory.costs_by_municipality(checked)
    assert by_municipality.total == obec > 0
    # every amount was split, so the commissioner (a region) pays nothing itself
    assert territory.COMMISSIONER not in {
        r for r in by_municipality.rows if by_municipality.row_total(r)
    }
    keys = extract_keys(checked)
    assert len(keys) == len(VILLAGES)
    assert sum(territory.municipality_measures(checked, k).total for k in keys) == obec
    for key in keys:
        markdown = make_document(MUNICIPALITY, checked, key).markdown
        total = territory.municipality_measures(checked, key).total
        shown = czech.money(total) if total else "nepodílí"
        assert shown in markdown, key
