"""The sample plan shipped in the repository: clean, richly linked, and a good witness.

It is what `plan build` builds out of the box and what authors copy from, so it
must pass `plan check --strict`; a copy with ten seeded mistakes must report all
ten in one run, each at its file, line and column.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from helpers import LINE_SPLIT, REPO, all_text, edit, position

from assembler.checks.pipeline import CheckedPlan, check
from assembler.outputs.build import build
from assembler.render.indexes import responsibilities

Run = Callable[..., tuple[int, str, str]]


def test_sample_plan_is_clean_even_in_strict_mode(run_cli: Run, sample: Path) -> None:
    code, out, err = run_cli("check", str(sample), "--strict")
    assert (code, out.strip(), err) == (0, "Plán je v pořádku.", "")


def test_sample_has_the_size_the_issue_asks_for(sample: Path) -> None:
    result = check(sample)
    assert result.plan is not None
    project = result.plan.project
    measures = [m for _, area in project.areas for g in area.goals for m in g.measures]
    assert len(project.areas) >= 9 and len(project.chapters) - len(project.areas) >= 3
    assert len(measures) >= 40
    assert all(m.indicators and m.costs for m in measures)
    carriers = {t.code.split()[0] for t in result.plan.links.backlinks("SC1")}
    assert len(carriers) >= 3  # a shared goal carried by several working groups


def test_sample_references_cross_at_least_five_chapters(sample: Path) -> None:
    result = check(sample)
    assert result.plan is not None
    links = result.plan.links
    crossing = {
        (r.owner.split()[0], r.target.code.split()[0])
        for r in links.references
        if r.owner and r.owner.split()[0] != r.target.code.split()[0]
    }
    assert len({source for source, _ in crossing}) >= 5
    rendered = links.render("viz [[VYL 1.1]]", "SEN")
    assert rendered == (
        "viz [opatření VYL 1.1 Sociální a prostupné bydlení v městských bytech](#vyl-1-1)"
    )


def test_sample_backlinks_and_responsibility_index(sample: Path) -> None:
    result = check(sample)
    assert result.plan is not None
    back = [t.code for t in result.plan.links.backlinks("VYL 1.1")]
    assert {"ANALYZA", "DUS 1.1", "POS 1.1", "LOK 1.1"} <= set(back)
    index = {r.organisation.key: r for r in responsibilities(result.plan)}
    assert index["PRISTAV"].implementer == ["VYL 2.1", "VYL 2.2"]
    assert index["CESTA"].guarantor == []
    assert index["CESTA"].roles("PRE 1.1") == "realizátor"
    assert index["BYTY"].roles("VYL 1.1") == "realizátor"


SEEDED = [
    # (file, old text, new text, needle in the edited file, shift, rule)
    (
        "chapters/10-seniori.md",
        "garant: MESTO",
        "garant: MESTOO",
        "MESTOO",
        0,
        "neznama-organizace",
    ),
    (
        "chapters/11-dusevni-zdravi.md",
        "  nazev: Pracovní",
        "  nazve: Pracovní",
        "nazve",
        0,
        "neznamy-klic",
    ),
    (
        "chapters/12-zrakove-postizeni.md",
        "paragraf: 42",
        "paragraf: 42b",
        "42b",
        0,
        "neznamy-paragraf",
    ),
    (
        "chapters/13-sluchove-postizeni.md",
        "{hodnota: 1450, rok: 2025}",
        "{hodnota: 1450, rok: 2027}",
        "2027}",
        0,
        "vychozi-rok",
    ),
    (
        "chapters/14-zdravotni-postizeni.md",
        "[mentalni-telesne-postizeni]",
        "[mentalni-postizeni]",
        "mentalni-postizeni",
        0,
        "neznama-cilova-skupina",
    ),
    (
        "chapters/15-rodiny-s-detmi.md",
        "## Popis oblasti\n",
        "## Popis oblasti\n\nViz [[SEN 1.22]].\n",
        "[[SEN 1.22]]",
        0,
        "odkaz-neznamy",
    ),
    (
        "chapters/17-vyloucene-lokality.md",
        "2027: {obec: 600000}",
        "2027: {obec: -600000}",
        "-600000",
        0,
        "castka",
    ),
    (
        "chapters/18-prevence.md",
        "identifikator: 8426073",
        "identifikator: 842607",
        "842607",
        0,
        "identifikator-sluzby",
    ),
    ("plan.yaml", 'ico: "26837153"', 'ico: "26837154"', '"26837154"', 0, "ico"),
]


def test_ten_seeded_mistakes_are_all_reported_in_one_run(run_cli: Run, sample: Path) -> None:
    for name, old, new, *_ in SEEDED:
        edit(sample, name, old, new)
    # The tenth: a chapter saved by an old Windows editor.
    uvod = sample / "chapters" / "01-uvod.md"
    uvod.write_bytes(uvod.read_text(encoding="utf-8").encode("cp1250", errors="replace"))

    code, out, err = run_cli("check", str(sample))

    assert code == 1 and "Traceback" not in out + err
    lines = out.strip().splitlines()
    for name, _, _, needle, shift, rule in SEEDED:
        line, col = position(sample, name, needle, shift)
        expected = f"{name}:{line}:{col}: "
        found = [x for x in lines if x.startswith(expected) and x.endswith(f"[{rule}]")]
        assert found, f"{expected}…[{rule}] not in:\n{out}"
    assert any(
        x.startswith("chapters/01-uvod.md:") and "Windows-1250" in x and x.endswith("[kodovani]")
        for x in lines
    ), out
    assert len(lines) == 11, out  # ten problems and the summary line, nothing cascades
    assert lines[-1] == "Nalezeno: 9 chyb a 1 varování v 10 souborech."


@pytest.fixture(scope="module")
def built_sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, CheckedPlan]:
    root = tmp_path_factory.mktemp("sample-build") / "sample"
    root.mkdir()
    shutil.copy(REPO / "plan.yaml", root / "plan.yaml")
    shutil.copytree(REPO / "chapters", root / "chapters")
    shutil.copytree(REPO / "assets", root / "assets")
    assert build(root).ok
    result = check(root)
    assert result.plan is not None
    return root / "output", result.plan


def _private_texts(plan: CheckedPlan) -> list[str]:
    """Personal contacts not marked public and internal notes, as they are written."""
    found: list[str] = []
    for _, area in plan.project.areas:
        group = area.working_group
        for person in [group.manager, *group.members]:
            if not person.public_contact:
                found += [c for c in (person.email, person.phone) if c]
        notes = [area.internal_note] + [m.internal_note for g in area.goals for m in g.measures]
        found += [" ".join(n.split()[:6]) for n in notes if n]
    return found


OUTPUTS = ["summary.pdf", "summary.docx", "summary.html", "plan.pdf", "plan.docx"]


@pytest.mark.parametrize("name", OUTPUTS)
def test_sample_outputs_never_show_private_data(
    built_sample: tuple[Path, CheckedPlan], name: str
) -> None:
    output, plan = built_sample
    private = _private_texts(plan)
    assert len(private) >= 20  # the sample does have personal contacts and notes
    text = " ".join(all_text(output / name).replace("\u00a0", " ").split())
    assert "Lipovany" in text
    leaked = [p for p in private if " ".join(p.split()) in text]
    assert leaked == []


def test_sample_public_contact_is_printed_in_the_plan(
    built_sample: tuple[Path, CheckedPlan],
) -> None:
    output, _ = built_sample
    assert "radek.kucera@svetlo-lipovany.example.cz" in all_text(output / "plan.docx")
    assert "radek.kucera@svetlo-lipovany.example.cz" not in all_text(output / "summary.html")


def test_sample_internal_links_resolve_in_docx_and_pdf(
    built_sample: tuple[Path, CheckedPlan],
) -> None:
    output, _ = built_sample
    with zipfile.ZipFile(output / "plan.docx") as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    bookmarks = set(re.findall(r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)"', document))
    anchors = set(re.findall(r'<w:hyperlink w:anchor="([^"]+)"', document))
    assert {"vyl-1-1", "dus-2-1", "lok-2-1", "sc1", "rozpocet"} <= anchors <= bookmarks
    reader = pypdf.PdfReader(output / "plan.pdf")
    targets = {str(name) for name in reader.named_destinations}
    destinations = [
        annot.get_object()["/Dest"]
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if "/Dest" in annot.get_object()
    ]
    # Named destinations are the cross-references; the TOC links point at explicit places.
    links = {str(d) for d in destinations if isinstance(d, str)}
    assert {"vyl-1-1", "dus-2-1", "lok-2-1", "sc1", "rozpocet"} <= links <= targets


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext chybí (poppler-utils)")
def test_sample_pdf_has_no_one_letter_word_at_a_line_end(
    built_sample: tuple[Path, CheckedPlan],
) -> None:
    output, _ = built_sample
    text = subprocess.run(
        ["pdftotext", str(output / "plan.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    ends = [line for line in text.splitlines() if re.search(r"(?:^|\s)[ksvzouaiKSVZOUAI]$", line)]
    assert ends == []
    # nor an abbreviation or legal form split: "Soused, o. | p. s.", "zákona č. | 108/2006"
    splits = [text[max(0, m.start() - 30) : m.end() + 10] for m in LINE_SPLIT.finditer(text)]
    assert splits == []
    assert text.count("\u00ad") > 100  # Czech hyphenation is at work
