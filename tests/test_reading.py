"""Reading files: encodings, line ends, front matter, YAML syntax and hostile input."""

from __future__ import annotations

from pathlib import Path

from helpers import at, edit, only, position

from assembler.checks.pipeline import check

SEN = "chapters/10-seniori.md"


def _bytes(root: Path, name: str) -> bytes:
    return (root / name).read_bytes()


def test_utf8_with_bom_and_crlf_is_accepted(mini: Path) -> None:
    data = _bytes(mini, SEN).replace(b"\n", b"\r\n")
    (mini / SEN).write_bytes(b"\xef\xbb\xbf" + data)
    plan = _bytes(mini, "plan.yaml").replace(b"\n", b"\r\n")
    (mini / "plan.yaml").write_bytes(b"\xef\xbb\xbf" + plan)
    result = check(mini)
    assert result.ok, [str(p) for p in result.problems]


def test_positions_stay_right_with_crlf(mini: Path) -> None:
    text = (mini / SEN).read_text(encoding="utf-8").replace("garant: OBEC", "garant: OBCE", 1)
    (mini / SEN).write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    problem = only(check(mini), "neznama-organizace")
    (mini / SEN).write_text(text, encoding="utf-8")
    at(problem, SEN, position(mini, SEN, "OBCE"))


def test_windows_1250_is_recognised_and_explained(mini: Path) -> None:
    text = (mini / SEN).read_text(encoding="utf-8")
    (mini / SEN).write_bytes(text.encode("cp1250"))
    problem = only(check(mini), "kodovani")
    at(problem, SEN, _first_non_ascii(mini))
    assert "Windows-1250" in problem.message
    assert "Uložit jako" in problem.message and "UTF-8" in problem.message
    assert "„ř“" in problem.message


def _first_non_ascii(root: Path) -> tuple[int, int]:
    data = (root / SEN).read_bytes()
    offset = next(i for i, b in enumerate(data) if b > 127)
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def test_utf16_is_refused_with_advice(mini: Path) -> None:
    text = (mini / SEN).read_text(encoding="utf-8")
    (mini / SEN).write_bytes(text.encode("utf-16"))
    problem = only(check(mini), "kodovani")
    at(problem, SEN, (1, 1))
    assert "UTF-16" in problem.message


def test_word_document_renamed_to_md_is_explained(mini: Path) -> None:
    (mini / SEN).write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    problem = only(check(mini), "kodovani")
    assert "Wordu" in problem.message


def test_missing_front_matter(mini: Path) -> None:
    (mini / SEN).write_text("Jen text bez hlavičky.\n", encoding="utf-8")
    problem = only(check(mini), "hlavicka-chybi")
    at(problem, SEN, (1, 1))
    assert "---" in problem.message


def test_unclosed_front_matter(mini: Path) -> None:
    text = (mini / SEN).read_text(encoding="utf-8")
    body_start = text.index("---", 3)
    (mini / SEN).write_text(text[:body_start], encoding="utf-8")
    problem = only(check(mini), "hlavicka-neuzavrena")
    at(problem, SEN, (1, 1))
    assert "není ukončena" in problem.message


def test_empty_chapter(mini: Path) -> None:
    (mini / SEN).write_text("  \n\n", encoding="utf-8")
    problem = only(check(mini), "prazdny-soubor")
    at(problem, SEN, (1, 1))


def test_tab_indentation_is_reported_on_every_line(mini: Path) -> None:
    text = (mini / SEN).read_text(encoding="utf-8")
    text = text.replace("  nazev: Pracovní skupina Senioři", "\tnazev: Pracovní skupina Senioři")
    (mini / SEN).write_text(text, encoding="utf-8")
    result = check(mini)
    problem = only(result, "yaml-tabulator")
    at(problem, SEN, position(mini, SEN, "\tnazev"))
    assert "mezerami" in problem.message


def test_yaml_syntax_error_has_czech_explanation_and_position(mini: Path) -> None:
    edit(mini, SEN, "nazev: Život doma", "nazev: Cíl: život doma")
    problem = only(check(mini), "yaml-syntaxe")
    at(problem, SEN, position(mini, SEN, ": život doma"))
    assert "uvozovek" in problem.message


def test_duplicate_key_names_both_lines(mini: Path) -> None:
    edit(mini, SEN, "        garant: OBEC\n", "        garant: OBEC\n        garant: CHARITA\n")
    problem = only(check(mini), "yaml-duplicitni-klic")
    first_line, _ = position(mini, SEN, "garant: OBEC")
    at(problem, SEN, position(mini, SEN, "garant: CHARITA"))
    assert f"poprvé na řádku {first_line}" in problem.message


def test_yaml_aliases_are_refused(mini: Path) -> None:
    edit(mini, SEN, "cilove_skupiny: [seniori, pecujici]", "cilove_skupiny: &g [seniori]")
    edit(mini, SEN, "realizatori: [CHARITA]", "realizatori: [CHARITA]\n        cilove_skupiny: *g")
    problem = only(check(mini), "yaml-kotva")
    at(problem, SEN, position(mini, SEN, "&g"))


def test_billion_laughs_is_refused_quickly(mini: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 30)]
    (mini / SEN).write_text("---\n" + "\n".join(lines) + "\n---\n", encoding="utf-8")
    result = check(mini)
    assert next(p.rule for p in result.problems if p.location.file == SEN) == "yaml-kotva"


def test_deep_nesting_is_refused(mini: Path) -> None:
    deep = "a: " + "[" * 60 + "]" * 60
    (mini / SEN).write_text("---\n" + deep + "\n---\n", encoding="utf-8")
    result = check(mini)
    assert "yaml-hloubka" in {p.rule for p in result.problems}


def test_huge_file_is_refused(mini: Path) -> None:
    (mini / SEN).write_bytes(b"---\ntyp: sekce\nnazev: x\n---\n" + b"a" * (5 * 1024 * 1024))
    problem = only(check(mini), "prilis-velky-soubor")
    at(problem, SEN, (1, 1))


def test_no_chapters(mini: Path) -> None:
    for path in (mini / "chapters").glob("*.md"):
        path.unlink()
    result = check(mini)
    problem = only(result, "zadne-kapitoly")
    assert problem.location.file == "chapters/"


def test_missing_plan_yaml(mini: Path) -> None:
    (mini / "plan.yaml").unlink()
    problem = only(check(mini), "chybi-plan")
    assert "plan init" in problem.message


def test_front_matter_that_is_not_a_mapping(mini: Path) -> None:
    (mini / SEN).write_text("---\n- jen\n- seznam\n---\n", encoding="utf-8")
    problem = only(check(mini), "spatna-hodnota")
    at(problem, SEN, (2, 1))
