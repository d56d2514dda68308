"""Files the plan would pass over unread are located problems: a report or chapter saved
by Notepad with .txt added (Windows hides it) is an error, so neither check nor build
goes on as if the area had no report; a document or workbook left among them is a
warning (sample plan)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import only, problems_of

from assembler.checks.pipeline import check
from assembler.problems.diagnostics import Location, Severity

Run = Callable[..., tuple[int, str, str]]
_EXPLORER = (
    "V Průzkumníku souborů zapněte Zobrazit → Přípony názvů souborů (Windows přípony jinak "
    "skrývají) a soubor přejmenujte na {fixed}; v Poznámkovém bloku příště při ukládání "
    "zvolte Uložit jako typ: Všechny soubory."
)


def _rename(root: Path, name: str, new: str) -> None:
    (root / name).rename(root / Path(name).parent / new)


@pytest.mark.parametrize("saved", ["10-seniori.yaml.txt", "10-seniori.YAML.TXT"])
def test_a_report_saved_with_txt_added_is_an_error_at_the_file(sample: Path, saved: str) -> None:
    _rename(sample, "monitoring/2026/10-seniori.yaml", saved)
    result = check(sample)
    problem = only(result, "skryta-pripona")
    assert problem.location == Location(f"monitoring/2026/{saved}")
    assert problem.severity is Severity.ERROR
    fixed = saved.removesuffix(saved[-4:])
    assert problem.message == (
        f"Soubor se jmenuje {saved}, ne {fixed}, a tak se nenačte: oblast by ve zprávě byla "
        f"bez hlášení. {_EXPLORER.format(fixed=fixed)}"
    )
    assert not result.ok
    # The area's missing report points to the file rather than asking for a new one.
    for missing in problems_of(result, "monitoring-chybi"):
        assert missing.location == Location("monitoring/2026/")
        assert f"Je-li to {saved}, opravte chyby hlášené u něj" in missing.message
        assert "nemá soubor hlášení" not in missing.message


def test_a_chapter_saved_with_txt_added_is_an_error_and_the_outline_names_it(
    sample: Path,
) -> None:
    _rename(sample, "chapters/10-seniori.md", "10-seniori.md.txt")
    result = check(sample)
    problem = only(result, "skryta-pripona")
    assert problem.location == Location("chapters/10-seniori.md.txt")
    assert problem.message == (
        "Soubor se jmenuje 10-seniori.md.txt, ne 10-seniori.md, a tak se nenačte: kapitola by "
        f"v plánu chyběla. {_EXPLORER.format(fixed='10-seniori.md')}"
    )
    outline = only(result, "osnova-chybi-soubor")
    assert outline.message == (
        "Osnova uvádí soubor chapters/10-seniori.md, který neexistuje. Je uložen jako "
        "chapters/10-seniori.md.txt; přejmenujte jej na 10-seniori.md."
    )
    # Its codes are known from the file's text: references to SEN from the other chapters
    # and the SEN reports are not each another error.
    errors = sorted(p.rule for p in result.problems if p.is_error)
    assert errors == ["osnova-chybi-soubor", "skryta-pripona"], [str(p) for p in result.problems]


def test_plan_build_refuses_a_misnamed_report_and_writes_nothing(
    sample: Path, run_cli: Run
) -> None:
    _rename(sample, "monitoring/2026/10-seniori.yaml", "10-seniori.yaml.txt")
    code, out, err = run_cli("build", str(sample), "--only", "monitoring.html")
    assert code == 1, out + err
    assert "monitoring/2026/10-seniori.yaml.txt: chyba: Soubor se jmenuje" in out + err
    assert not (sample / "output").exists()


def test_documents_and_workbooks_among_the_files_are_warnings(sample: Path) -> None:
    (sample / "monitoring/2026/charita-2026.xlsx").write_bytes(b"PK\x03\x04")
    (sample / "chapters/seniori-od-garanta.docx").write_bytes(b"PK\x03\x04")
    (sample / "chapters/poznamky.txt").write_text("k doplnění\n", encoding="utf-8")
    # Office's lock file and a hidden file are nobody's mistake.
    (sample / "chapters/~$niori-od-garanta.docx").write_bytes(b"x")
    (sample / "monitoring/2026/.zprava.yaml.swp").write_bytes(b"x")
    result = check(sample)
    assert result.ok, [str(p) for p in result.problems]
    found = {str(p.location): p for p in problems_of(result, "cizi-soubor")}
    assert sorted(found) == [
        "chapters/poznamky.txt",
        "chapters/seniori-od-garanta.docx",
        "monitoring/2026/charita-2026.xlsx",
    ]
    assert all(p.severity is Severity.WARNING for p in found.values())
    assert found["monitoring/2026/charita-2026.xlsx"].message == (
        "Soubor se nenačte: hlášení je textový soubor .yaml nebo .yml. Je-li to vrácený sešit "
        "s hlášením, načtěte jej příkazem plan monitor import monitoring/2026/charita-2026.xlsx "
        "a potom jej přesuňte mimo složku monitoring/2026/."
    )
    assert found["chapters/seniori-od-garanta.docx"].message == (
        "Soubor se nenačte: kapitola je textový soubor .md. Je-li v něm kapitola, text "
        "zkopírujte do kapitoly .md (novou založí plan new-chapter); jinak jej přesuňte mimo "
        "složku chapters/."
    )
    # Maybe notes, maybe a chapter whose name was typed without .md: a warning, with the
    # same fix as a certain hidden .txt.
    explorer = _EXPLORER.format(fixed="poznamky.md")
    assert found["chapters/poznamky.txt"].message == (
        "Soubor se nenačte: kapitola je textový soubor .md. Je-li to kapitola, "
        f"{explorer[0].lower()}{explorer[1:]} Jinak jej přesuňte mimo složku chapters/."
    )


def test_a_plain_txt_in_a_year_folder_is_a_warning_with_the_explorer_fix(
    sample: Path, run_cli: Run
) -> None:
    (sample / "monitoring/2026/seniori.txt").write_text("oblast: SEN\n", encoding="utf-8")
    code, out, err = run_cli("check", str(sample))
    assert code == 0, out + err
    explorer = _EXPLORER.format(fixed="seniori.yaml")
    assert (
        "monitoring/2026/seniori.txt: varování: Soubor se nenačte: hlášení je textový soubor "
        ".yaml nebo .yml. Je-li to hlášení, "
        f"{explorer[0].lower()}{explorer[1:]} Jinak jej přesuňte mimo složku monitoring/2026/. "
        "[cizi-soubor]"
    ) in out.splitlines()


def test_a_report_with_txt_added_left_in_monitoring_itself_is_an_error(
    sample: Path, run_cli: Run
) -> None:
    # Neither in a year folder nor named .yaml: it used to pass without a word, and the
    # area was only reported missing.
    (sample / "monitoring/2026/10-seniori.yaml").rename(sample / "monitoring/10-seniori.yaml.txt")
    (sample / "monitoring/poznamky.txt").write_text("k doplnění\n", encoding="utf-8")
    result = check(sample)
    problem = only(result, "monitoring-rok")
    assert problem.location == Location("monitoring/10-seniori.yaml.txt")
    assert problem.severity is Severity.ERROR
    assert problem.message == (
        "Soubor monitoring/10-seniori.yaml.txt leží přímo ve složce monitoring/ a jmenuje se "
        "10-seniori.yaml.txt, ne 10-seniori.yaml, a tak se nenačte: hlášení patří do složky "
        "roku, za který se vykazuje. Přesuňte jej tam (např. do monitoring/2026/). "
        f"{_EXPLORER.format(fixed='10-seniori.yaml')}"
    )
    # Notes beside the years are nobody's report.
    assert not [p for p in result.problems if "poznamky" in str(p)]
    code, out, err = run_cli("build", str(sample), "--only", "monitoring.html")
    assert code == 1, out + err
    assert "monitoring/10-seniori.yaml.txt: chyba: Soubor monitoring/10-seniori" in out
    assert not (sample / "output").exists()


def test_a_plan_yaml_saved_with_txt_added_is_named_with_the_fix(sample: Path, run_cli: Run) -> None:
    _rename(sample, "plan.yaml", "plan.yaml.txt")
    explorer = _EXPLORER.format(fixed="plan.yaml")
    for command in ("check", "build"):
        code, out, err = run_cli(command, str(sample))
        assert code == 1, out + err
        assert out.splitlines()[0] == (
            f"plan.yaml.txt: chyba: Ve složce {sample.resolve()} chybí soubor plan.yaml: plán "
            f"je uložen jako plan.yaml.txt, a tak se nenačte. {explorer} [chybi-plan]"
        )
        assert "plan init" not in out
    assert not (sample / "output").exists()
    # plan init, which the message without a plan suggests, would write a new plan's
    # chapters over this one's.
    before = (sample / "chapters/01-uvod.md").read_bytes()
    code, out, err = run_cli("init", str(sample), "--bez-dotazu")
    assert code == 2, out + err
    assert err.strip() == (
        f"chyba: Ve složce {sample} už plán je, uložený jako plan.yaml.txt. {explorer}"
    )
    assert not (sample / "plan.yaml").exists()
    assert (sample / "chapters/01-uvod.md").read_bytes() == before


def test_a_chapter_with_a_capital_suffix_is_read_as_on_windows(sample: Path) -> None:
    # Windows matches *.md whatever the case; the check must not depend on the system.
    _rename(sample, "chapters/10-seniori.md", "10-seniori.MD")
    result = check(sample)
    assert problems_of(result, "cizi-soubor") == []
    assert problems_of(result, "skryta-pripona") == []
    problem = only(result, "osnova-neuvadi-soubor")
    assert "Kapitola chapters/10-seniori.MD není v osnově." in problem.message


def test_the_areas_workbook_is_held_while_its_report_is_misnamed(
    sample: Path, run_cli: Run
) -> None:
    # Pre-filled from nothing, the workbook would ask the garant again for what the
    # misnamed file already says; imported, it would make a second report beside it.
    _rename(sample, "monitoring/2026/10-seniori.yaml", "10-seniori.yaml.txt")
    code, out, err = run_cli("monitor", "export", "2026", str(sample), "--po", "oblast")
    assert code == 1, out + err
    assert (
        "Sešit seniori-2026.xlsx nebyl vytvořen: předvyplňuje se z hlášení "
        "monitoring/2026/10-seniori.yaml.txt a to má chyby vypsané výše." in out + err
    )
    made = sorted(p.name for p in (sample / "output/sesity-2026").iterdir())
    assert "seniori-2026.xlsx" not in made and "dusevni-zdravi-2026.xlsx" in made


def test_each_folder_is_listed_once(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # One listing decides what is read, what is misnamed and what is stray: a file saved
    # between two listings could otherwise be both read and reported as not read.
    listed: list[str] = []
    iterdir = Path.iterdir

    def counting(self: Path) -> Iterator[Path]:
        listed.append(self.relative_to(sample).as_posix())
        return iterdir(self)

    monkeypatch.setattr(Path, "iterdir", counting)
    _rename(sample, "monitoring/2026/10-seniori.yaml", "10-seniori.yaml.txt")
    assert only(check(sample), "skryta-pripona").location.file.startswith("monitoring/2026/")
    for folder in ("chapters", "monitoring", "monitoring/2026", "monitoring/2027"):
        assert listed.count(folder) == 1, listed


_COPY = (
    "Vedle souboru {read} leží i {copy}, nejspíš jeho úprava uložená Poznámkovým blokem "
    "s příponou .txt navíc (Windows ji skrývá); načte se jen {read}. Jsou-li novější úpravy "
    "v {copy}, přeneste je do {read}; potom {copy} smažte nebo přesuňte {where}. "
    "V Poznámkovém bloku příště při ukládání zvolte Uložit jako typ: Všechny soubory."
)


@pytest.mark.parametrize(
    ("read", "copy", "where"),
    [
        ("chapters/10-seniori.md", "10-seniori.md.txt", "mimo složku chapters/"),
        ("monitoring/2027/10-seniori.yaml", "10-seniori.yaml.TXT", "mimo složku monitoring/2027/"),
        ("plan.yaml", "plan.yaml.txt", "mimo složku plánu"),
    ],
)
def test_an_edit_saved_with_txt_beside_the_file_read_is_an_error(
    sample: Path, run_cli: Run, read: str, copy: str, where: str
) -> None:
    """Notepad saved the author's edit as 10-seniori.md.txt next to the old 10-seniori.md:
    the build would print the old text. Not 'the chapter would be missing' (it is read)."""
    original = sample / read
    edited = original.parent / copy
    edited.write_bytes(original.read_bytes().replace(b"e", b"\xc3\xa9", 1))
    result = check(sample)
    problem = only(result, "skryta-pripona")
    folder = str(Path(read).parent)
    assert problem.location == Location(copy if folder == "." else f"{folder}/{copy}")
    assert problem.severity is Severity.ERROR
    assert problem.message == _COPY.format(read=Path(read).name, copy=copy, where=where)
    assert "chyběla" not in problem.message and "bez hlášení" not in problem.message
    code, out, err = run_cli("build", str(sample))
    assert code == 1, out + err
    assert f"{problem.location.file}: chyba: Vedle souboru {Path(read).name} leží i" in out
    assert not (sample / "output").exists()


@pytest.mark.parametrize("loose", ["10-seniori.yaml", "10-seniori.yaml.txt"])
def test_an_area_whose_report_lies_in_monitoring_itself_is_told_to_move_it(
    sample: Path, loose: str
) -> None:
    """The missing area's warning agrees with the loose file's error: move it, not write
    a second report ("založte jej")."""
    (sample / "monitoring/2026/10-seniori.yaml").rename(sample / "monitoring" / loose)
    result = check(sample)
    assert only(result, "monitoring-rok").location == Location(f"monitoring/{loose}")
    missing = [p for p in problems_of(result, "monitoring-chybi") if "2026" in p.message]
    assert missing, [str(p) for p in result.problems]
    for problem in missing:
        assert problem.location == Location("monitoring/2026/")
        assert problem.message.endswith(
            "Pro oblast SEN za rok 2026 se nenačetl žádný soubor hlášení. Je-li to "
            f"monitoring/{loose}, přesuňte jej do monitoring/2026/; jinak soubor založte "
            "(nejsou-li údaje, uveďte stav bez_udaju)."
        ), problem.message
        assert "založte jej" not in problem.message
