"""Check and build agree: content an engine refuses after a clean check is one Czech
problem naming the chapter, and generated variants of the feature plan build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES, edit

from assembler.cli.main import main
from assembler.outputs.build import build


@pytest.fixture
def feature(tmp_path: Path) -> Path:
    root = tmp_path / "feature"
    shutil.copytree(FIXTURES / "feature", root)
    return root


def test_an_engine_refusal_names_the_chapter_and_writes_nothing(
    feature: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Typst's PDF/UA-1 refuses a heading that skips a level; whether the check or the
    # engine catches it, the author learns which chapter it is, in Czech.
    chapter = feature / "chapters" / "20-rodiny.md"
    chapter.write_text(
        chapter.read_text(encoding="utf-8") + "\n## Podrobnosti\n\n#### Příloha\n\nText.\n",
        encoding="utf-8",
    )
    code = main(["build", str(feature), "--only", "plan.pdf"])
    captured = capsys.readouterr()
    err = captured.out + captured.err
    assert code == 1, err
    assert "vnitřní chyba" not in err
    assert "chapters/20-rodiny.md" in err
    assert not (feature / "output").exists()


@pytest.mark.parametrize("variant", ["bez-priorit", "vse-zruseno", "texty-hlavicky"])
def test_generated_variants_of_the_feature_plan_build(feature: Path, variant: str) -> None:
    seniors = "chapters/10-seniori.md"
    if variant == "bez-priorit":
        text = (feature / seniors).read_text(encoding="utf-8")
        text = text.replace("    priorita: P1\n", "").replace("    priorita: P2\n", "")
        (feature / seniors).write_text(text, encoding="utf-8")
    elif variant == "vse-zruseno":
        edit(
            feature,
            "chapters/20-rodiny.md",
            "    opatreni:\n",
            "    zruseno: Dodatek č. 2.\n    opatreni:\n",
        )
    else:
        edit(
            feature,
            seniors,
            "        oduvodneni: Do Chlumu a Kamenné dnes služba nejezdí vůbec.\n",
            "        oduvodneni: |\n"
            "          Do Chlumu dnes služba nejezdí[^1].\n\n"
            '          ![Mapa Chlumu](obrazky/mapa-obci.png "Chlum a okolí")\n\n'
            "          [^1]: Poznámka v hlavičce: stav k 12.3.2026.\n",
        )
    result = build(feature, only=["plan.pdf", "plan.docx", "summary.html"])
    assert result.ok, [str(p) for p in result.problems]
    assert {p.name for p in result.written} == {"plan.pdf", "plan.docx", "summary.html"}


def test_the_chapter_is_found_for_an_error_without_a_place(
    feature: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An engine message that names no place (as Typst's PDF/UA errors do): the build
    # converts growing prefixes of the plan and names the chapter that makes it fail.
    from assembler.render import typst_engine

    real = typst_engine.pdf

    def refuse(source: str, *args: object, **kwargs: object) -> bytes:
        if "Rodiny ve vesnicích" in source:
            raise typst_engine.TypstError("PDF/UA-1 error: something the check missed")
        return real(source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(typst_engine, "pdf", refuse)
    result = build(feature, only=["plan.pdf"])
    assert not result.ok and result.written == []
    [problem] = [p for p in result.problems if p.is_error]
    assert problem.rule == "vystup-selhal"
    assert problem.location.file == "chapters/20-rodiny.md"
    assert "Výstup plan.pdf se nepodařilo vytvořit: Typst (PDF) odmítl obsah v kapitole" in (
        problem.message
    )


def _refusing(monkeypatch: pytest.MonkeyPatch, marker: str) -> None:
    """Typst refusing any source holding ``marker``, without a place (as PDF/UA errors)."""
    from assembler.render import typst_engine

    real = typst_engine.pdf

    def refuse(source: str, *args: object, **kwargs: object) -> bytes:
        if marker in source:
            raise typst_engine.TypstError("PDF/UA-1 error: something the check missed")
        return real(source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(typst_engine, "pdf", refuse)


def test_a_monitoring_report_refusal_names_the_report_file_and_measure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not only the plan: the report's refusal is located at the garant's report of the
    measure whose text Typst refused (was: "v některé kapitole" at monitoring-2026.pdf)."""
    from helpers import position
    from monitoring_data import ROD_FILE, write_monitoring

    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    write_monitoring(root)
    edit(
        root,
        ROD_FILE,
        "    stav: naplneno",
        "    stav: naplneno\n    hodnoceni: Rodiny zvládly vše.",
    )
    _refusing(monkeypatch, "Rodiny zvládly vše")
    result = build(root, only=["monitoring-2026.pdf"])
    assert not result.ok and result.written == []
    [problem] = [p for p in result.problems if p.is_error]
    assert problem.rule == "vystup-selhal"
    line, _ = position(root, ROD_FILE, "  - kod: 1.1")
    assert (problem.location.file, problem.location.line) == (ROD_FILE, line)
    assert problem.message.startswith(
        "Výstup monitoring-2026.pdf se nepodařilo vytvořit: Typst (PDF) odmítl obsah v hlášení "
        f"{ROD_FILE} (opatření ROD 1.1) (PDF/UA-1 error: something the check missed)."
    )


def test_a_refused_report_introduction_names_the_report_description(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from monitoring_data import write_monitoring

    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    write_monitoring(root)
    _refusing(monkeypatch, "První rok plnění plánu")
    result = build(root, only=["monitoring-2026.pdf"])
    [problem] = [p for p in result.problems if p.is_error]
    assert problem.location.file == "monitoring/2026/zprava.yaml"
    assert "odmítl obsah v úvodu zprávy (monitoring/2026/zprava.yaml)" in problem.message


@pytest.mark.parametrize(
    ("marker", "file", "place"),
    [
        ("Senioři dostanou pomoc doma", "chapters/10-seniori.md", "v kapitole"),
        ("dostanou pomoc včas", "plan.yaml", "v plan.yaml"),
    ],
)
def test_a_summary_refusal_names_the_chapter_or_plan_yaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, marker: str, file: str, place: str
) -> None:
    """The public summary too (was: "v některé kapitole" at summary.pdf): an area's
    section comes from its chapter, the vision from plan.yaml."""
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    _refusing(monkeypatch, marker)
    result = build(root, only=["summary.pdf"])
    [problem] = [p for p in result.problems if p.is_error]
    assert (problem.rule, problem.location.file) == ("vystup-selhal", file)
    assert f"Typst (PDF) odmítl obsah {place}" in problem.message


def test_a_typst_crash_is_a_located_problem_not_an_internal_error(
    feature: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typst panics on some runs of characters (seen while probing its fonts); pyo3 raises
    that as PanicException, no Exception, which ended the program."""
    import typst

    class PanicException(BaseException):  # the name pyo3 gives its panic exception
        pass

    real = typst.compile

    def crash(source: bytes, *args: object, **kwargs: object) -> object:
        if b"Rodiny ve vesnic" in source:
            raise PanicException("end byte index 3 is out of bounds")
        return real(source, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(typst, "compile", crash)
    result = build(feature, only=["plan.pdf"])
    [problem] = [p for p in result.problems if p.is_error]
    assert (problem.rule, problem.location.file) == ("vystup-selhal", "chapters/20-rodiny.md")
    assert "Typst crashed: end byte index 3 is out of bounds" in problem.message


def test_pandoc_running_out_of_time_is_one_czech_problem(
    feature: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """pandoc's reader is superlinear on unclosed brackets (1 000 × '[[' took 49 s): its
    timeout was a raw TimeoutExpired, and the chapter search would have waited it out
    again for every prefix."""
    from assembler.render import pandoc

    monkeypatch.setattr(pandoc, "TIMEOUT", 1)
    chapter = feature / "chapters" / "20-rodiny.md"
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text + "\nZávorky " + "[a " * 1500 + "konec.\n", encoding="utf-8")
    code = main(["build", str(feature), "--only", "plan.docx"])
    err = "".join(capsys.readouterr())
    assert code == 1, err
    assert "vnitřní chyba" not in err and "Traceback" not in err
    assert "plan.docx: chyba: Výstup plan.docx se nepodařilo vytvořit" in err, err
    assert "nedoběhl za" in err and "„[“" in err
    assert not (feature / "output").exists()
