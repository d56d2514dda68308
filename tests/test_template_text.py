"""Template text left unfilled, and the public summary's contacts of a new plan."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from helpers import ALBRECHTICE_INIT, all_text, at, edit, position, problems_of

from assembler.checks.pipeline import check
from assembler.checks.placeholders import placeholders

Run = Callable[..., tuple[int, str, str]]

# What an author writes instead of each placeholder (test data, not a list the program uses).
FILLED = {
    "Jméno Příjmení": "Mgr. Eva Dlouhá",
    "Název prvního cíle": "Senioři žijí doma",
    "Název opatření": "Večerní pečovatelská služba",
    "[[KOD 1.2]]": "[[SEN 1.1]]",
    "[[KOD]]": "[[SEN]]",
}


def _fill(root: Path) -> None:
    for path in [root / "plan.yaml", *sorted((root / "chapters").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        for placeholder in placeholders():
            text = text.replace(placeholder, FILLED.get(placeholder, "Vlastní text autora."))
        path.write_text(text, encoding="utf-8")


def _new_plan(run_cli: Run, root: Path) -> None:
    assert run_cli("init", str(root), *ALBRECHTICE_INIT)[0] == 0


def test_placeholders_are_read_from_the_templates() -> None:
    found = placeholders()
    for text in (
        "Sem napište srozumitelné shrnutí oblasti.",
        "Jméno Příjmení",
        "Název opatření",
        "[[KOD 1.2]]",
    ):
        assert text in found
    sources = "".join(
        p.read_text(encoding="utf-8")
        for p in (Path(__file__).parent.parent / "assembler/templates/init").glob("*.j2")
    )
    # every placeholder is marked in a template, and the mark is not printed as such
    assert all(f'placeholder("{t}")' in sources for t in found)


def test_unfilled_template_text_is_a_warning_at_its_place(run_cli: Run, tmp_path: Path) -> None:
    root = tmp_path / "novy"
    _new_plan(run_cli, root)
    result = check(root)
    assert result.ok  # warnings only
    found = {
        (p.location.file, p.location.line, p.location.col): p.message
        for p in problems_of(result, "vzorovy-text")
    }
    name = "chapters/10-seniori.md"
    where = (name, *position(root, name, "Jméno Příjmení"))
    assert found[where] == (
        "Text „Jméno Příjmení“ je vzor ze šablony, ne obsah plánu; bez úpravy by se "
        "vytiskl. Nahraďte jej vlastním textem."
    )
    assert (name, *position(root, name, "Sem napište srozumitelné shrnutí")) in found
    assert (name, *position(root, name, "Název opatření")) in found
    link = (name, *position(root, name, "[[KOD 1.2]]"))
    assert found[link].startswith("Vzorový odkaz [[KOD 1.2]] ze šablony: KOD nahraďte")
    assert ("plan.yaml", *position(root, "plan.yaml", "Sem napište, jak mají")) in found
    assert ("chapters/01-uvod.md", *position(root, "chapters/01-uvod.md", "Sem napište")) in found


def test_unfilled_template_text_fails_a_strict_check(run_cli: Run, tmp_path: Path) -> None:
    root = tmp_path / "novy"
    _new_plan(run_cli, root)
    code, out, _ = run_cli("check", str(root), "--strict")
    assert code == 1
    assert re.search(r"chapters/10-seniori\.md:\d+:\d+: chyba: Text „Název opatření“", out)


def test_new_chapter_placeholders_are_found_in_a_second_chapter(
    run_cli: Run, tmp_path: Path
) -> None:
    root = tmp_path / "novy"
    _new_plan(run_cli, root)
    assert run_cli("new-chapter", "Rodiny s dětmi", str(root))[0] == 0
    name = "chapters/11-rodiny-s-detmi.md"
    found = [p for p in problems_of(check(root), "vzorovy-text") if p.location.file == name]
    at(
        next(p for p in found if "Název opatření" in p.message),
        name,
        position(root, name, "Název opatření"),
    )


def test_filled_plan_has_no_template_text_and_passes_strict(run_cli: Run, tmp_path: Path) -> None:
    root = tmp_path / "novy"
    _new_plan(run_cli, root)
    _fill(root)
    # the commented contact keys of plan init, uncommented as the comment says
    text = (root / "plan.yaml").read_text(encoding="utf-8")
    block = text.split("    role: zadavatel\n", 1)[1].split("  # Další organizace", 1)[0]
    opened = "".join(
        line.replace("    # ", "    ", 1) + "\n"
        for line in block.splitlines()
        if re.match(r"    # [a-z_]+: ", line)
    )
    (root / "plan.yaml").write_text(text.replace(block, opened), encoding="utf-8")
    code, out, _ = run_cli("check", str(root), "--strict")
    assert (code, out) == (0, "Plán je v pořádku.\n")
    code, out, _ = run_cli("build", str(root), "--only", "summary.html")
    assert code == 0, out
    html = all_text(root / "output" / "summary.html")
    assert "Kde získat pomoc" in html
    assert "Sociální odbor poradí, jakou službu hledat" in html
    assert "socialni@obec.example.cz" in html


def test_summary_without_contacts_omits_the_section_and_warns(run_cli: Run, tmp_path: Path) -> None:
    root = tmp_path / "novy"
    _new_plan(run_cli, root)
    _fill(root)
    result = check(root)
    (problem,) = problems_of(result, "verejne-kontakty")
    at(problem, "plan.yaml", position(root, "plan.yaml", "- klic: ALB"))
    assert problem.message.startswith(
        "Veřejná verze nemá komu lidi odkázat: žádná organizace v registru nemá klíč pomaha_s"
    )
    assert run_cli("build", str(root), "--only", "summary.html")[0] == 0
    html = all_text(root / "output" / "summary.html")
    assert "Kde získat pomoc" not in html
    assert "Na tyto organizace se můžete obrátit přímo" not in html
    assert "Jak se zapojit" in html


def test_contacts_rule_is_quiet_when_an_organisation_helps(mini: Path) -> None:
    assert problems_of(check(mini), "verejne-kontakty") == []
    edit(mini, "plan.yaml", "    pomaha_s: Poradí, kde hledat pomoc.\n", "")
    assert problems_of(check(mini), "verejne-kontakty") == []
    edit(mini, "plan.yaml", "    pomaha_s: Pomoc v domácnosti a odlehčovací služby.\n", "")
    assert len(problems_of(check(mini), "verejne-kontakty")) == 1


def test_gitignore_of_a_new_plan_ignores_outputs_and_build_state(
    run_cli: Run, tmp_path: Path
) -> None:
    root = tmp_path / "novy"
    _new_plan(run_cli, root)
    assert (root / ".gitignore").read_text(encoding="utf-8").splitlines() == [
        "output/",
        ".plan-build.json",
    ]


def test_summary_takes_the_public_text_of_a_measure_never_its_description(mini: Path) -> None:
    from assembler.render.documents import summary_document

    result = check(mini)
    assert result.plan is not None
    summary = summary_document(result.plan).markdown
    # the author's own words for the public, references printed as words
    assert (
        "- **Pečovatelská služba o\xa0víkendu:** Pečovatelky budou chodit i\xa0o\xa0víkendu "
        "(viz opatření ROD 1.1 Sociálně aktivizační služba pro rodiny)."
    ) in summary
    # without them, a sentence from the kind and the years, not the description
    assert (
        "- **Sociálně aktivizační služba pro rodiny:** Služba bude v\xa0letech 2026–2028 dál "
        "fungovat ve stávajícím rozsahu."
    ) in summary
    assert "- **Odlehčovací služba:** Nová služba začne fungovat v\xa0roce 2027." in summary
    assert "spolupracují s\xa0OSPOD" not in summary  # the description of ROD 1.1


def test_public_text_key_is_documented_with_an_example() -> None:
    from assembler.authoring.schema import generated_files

    docs = generated_files()["docs/klice.md"]
    row = next(line for line in docs.splitlines() if line.startswith("| `verejne_shrnuti` |"))
    assert "Jedna nebo dvě věty pro veřejnou verzi plánu" in row
    assert "`Pečovatelky budou chodit i večer do 22 hodin a o víkendech.`" in row


def test_template_text_is_found_however_the_yaml_writes_it(mini: Path) -> None:
    """A placeholder broken over lines of a plain or folded value, or written with an
    escape, is still the placeholder the value holds (the file's text alone differs)."""
    popis = "        popis: Nová odlehčovací služba pro pečující rodiny.\n"
    written = {
        "plain, over two lines": "        popis: Co opatření\n          obnáší.\n",
        "folded": "        popis: >\n          Co\n          opatření obnáší.\n",
        "escaped": '        popis: "Co opat\\u0159en\\xED obn\\xE1\\u0161\\xED."\n',
    }
    for how, text in written.items():
        edit(mini, "chapters/10-seniori.md", popis, text)
        found = [p for p in check(mini).problems if p.rule == "vzorovy-text"]
        assert len(found) == 1 and "„Co opatření obnáší.“" in found[0].message, how
        edit(mini, "chapters/10-seniori.md", text, popis)
