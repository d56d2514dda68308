"""Authoring workflow: plan init, plan new-chapter, plan watch, repeat builds."""

from __future__ import annotations

import re
import threading
import time
import typing
import urllib.request
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers import REPO, edit, init_answers
from pydantic import BaseModel

from assembler.authoring.preview import Build, Preview, serve, watch
from assembler.checks.pipeline import check
from assembler.load import yamlio, yamltree
from assembler.models import vocab
from assembler.models.vocab import GENERATED_SECTIONS

Run = Callable[..., tuple[int, str, str]]
INIT = init_answers("Obec Horní Lhota", "plan@lhota.example.cz")


# A fresh plan is valid; it warns only about what its author still has to write.
FRESH_PLAN_RULES = {"vzorovy-text", "verejne-kontakty"}


def _only_fresh_warnings(result: Any) -> bool:
    return result.ok and {p.rule for p in result.problems} <= FRESH_PLAN_RULES


def test_init_creates_a_valid_plan(run_cli: Run, tmp_path: Path) -> None:
    root = tmp_path / "novy"
    code, out, _ = run_cli("init", str(root), *INIT)
    assert code == 0, out
    assert "Plán je založen" in out
    for name in (
        "plan.yaml",
        "chapters/01-uvod.md",
        "chapters/10-seniori.md",
        ".gitignore",
        ".vscode/settings.json",
        "schema/plan.schema.json",
    ):
        assert (root / name).is_file(), name
    result = check(root)
    assert _only_fresh_warnings(result), [str(p) for p in result.problems]
    info = result.plan.project.info if result.plan else None
    assert info is not None
    assert (info.municipality.name, info.period.start, info.period.end) == (
        "Obec Horní Lhota",
        2027,
        2030,
    )
    assert "output/\n" in (root / ".gitignore").read_text()


def test_init_refuses_to_overwrite(run_cli: Run, mini: Path) -> None:
    code, _, err = run_cli("init", str(mini), *INIT)
    assert code == 2 and "už plán je" in err


def test_init_refuses_an_existing_plan_before_asking(
    run_cli: Run, mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _interactive(monkeypatch, [])
    code, _, err = run_cli("init", str(mini))
    assert code == 2 and asked == []
    assert err.strip() == f"chyba: Ve složce {mini} už plán je (plan.yaml). Zvolte jinou složku."


def test_init_without_answers_in_a_script_is_a_usage_error(run_cli: Run, tmp_path: Path) -> None:
    code, _, err = run_cli("init", str(tmp_path / "x"), "--bez-dotazu", "--obec", "Obec X")
    assert code == 2 and "chybí --ico" in err


def test_init_validates_the_ico(run_cli: Run, tmp_path: Path) -> None:
    args = [a if a != "00296015" else "00296016" for a in INIT]
    code, _, err = run_cli("init", str(tmp_path / "x"), *args)
    assert code == 2 and "kontrolní číslicí" in err


def _interactive(monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> list[str]:
    """Pretend a person types ``answers``; returns the questions asked."""
    typed = iter(answers)
    asked: list[str] = []

    def answer(prompt: str = "") -> str:
        asked.append(prompt)
        return next(typed)

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", answer)
    return asked


def test_init_asks_interactively(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _interactive(monkeypatch, ["Obec Dolní Lhota", "00296015", "", "", "Petr Novák", "p@x.cz"])
    code, out, err = run_cli("init", str(tmp_path / "ptam"))
    assert code == 0, out + err
    assert check(tmp_path / "ptam").ok


def test_wrong_answer_is_explained_and_asked_again_without_option_names(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_year = date.today().year + 1
    answers = ["Obec Dolní Lhota", "12345678", "00296015", "", "2020", "", "Petr Novák"]
    asked = _interactive(monkeypatch, [*answers, "petr", "p@x.cz"])
    code, out, err = run_cli("init", str(tmp_path / "ptam"))
    assert code == 0, out + err
    assert err == ""
    lines = out.splitlines()
    assert lines[:3] == [
        "Tuto odpověď nelze použít: IČO musí mít 8 číslic s platnou kontrolní číslicí "
        "(ověřte je v ARES). Zeptám se znovu.",
        "Tuto odpověď nelze použít: poslední rok nesmí být před prvním rokem plánu "
        f"({first_year}). Zeptám se znovu.",
        "Tuto odpověď nelze použít: e-mail musí mít tvar jmeno@domena.cz. Zeptám se znovu.",
    ]
    assert "--" not in out and "chyba" not in out
    assert asked.count("IČO obce nebo kraje (8 číslic): ") == 2
    assert asked.count(f"Poslední rok plánu [{first_year + 2}]: ") == 2
    assert asked.count("Pracovní e-mail koordinátora: ") == 2
    assert check(tmp_path / "ptam").ok


def test_wrong_option_in_an_interactive_run_is_named_and_asked(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _interactive(monkeypatch, ["Obec X", "00296015", "2027", "2030", "Jana", "j@x.cz"])
    code, out, _ = run_cli("init", str(tmp_path / "x"), "--ico", "123")
    assert code == 0
    assert "--ico 123: IČO musí mít 8 číslic s platnou kontrolní číslicí" in out
    assert "Zeptám se znovu." in out
    assert "IČO obce nebo kraje (8 číslic): " in asked


def test_init_ended_before_all_answers_creates_nothing(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def typed(prompt: str = "") -> str:
        if prompt.startswith("IČO"):
            raise EOFError  # the input ends (Ctrl+D, Ctrl+Z + Enter)
        return "Obec X"

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", typed)
    code, _, err = run_cli("init", str(tmp_path / "x"))
    assert code == 2
    assert "vstup skončil dřív, než byly zodpovězeny všechny otázky; nic nebylo založeno" in err
    assert not (tmp_path / "x").exists()


def test_init_without_a_terminal_says_why_it_cannot_ask(run_cli: Run, tmp_path: Path) -> None:
    code, _, err = run_cli("init", str(tmp_path / "x"), "--obec", "Obec X")
    assert code == 2
    assert err.strip() == (
        "chyba: chybí --ico (IČO obce nebo kraje); doplňte jej, např. --ico 00296015, "
        "program se nemůže zeptat, protože vstup není terminál"
    )


def _parsed(path: Path) -> Any:
    root = yamlio.compose(path.read_text(encoding="utf-8"))
    assert root is not None
    return yamltree.construct(root)


def test_init_writes_the_default_vocabularies(run_cli: Run, tmp_path: Path) -> None:
    root = tmp_path / "novy"
    run_cli("init", str(root), *INIT)
    text = (root / "plan.yaml").read_text(encoding="utf-8")
    assert (
        "# Slovníky s výchozími českými hodnotami. Seznamy můžete upravit i doplnit o vlastní\n"
    ) in text
    data = _parsed(root / "plan.yaml")
    lists = {
        "zdroje_financovani": vocab.FUNDING_SOURCES,
        "cilove_skupiny": vocab.TARGET_GROUPS,
        "stavy_opatreni": {k: v["nazev"] for k, v in vocab.MEASURE_STATUSES.items()},
        "vyporadani_pripominek": vocab.COMMENT_RESOLUTIONS,
    }
    for key, defaults in lists.items():
        assert f"\n{key}:\n" in text
        assert {item["klic"]: item["nazev"] for item in data[key]} == defaults, key
    assert data["zkratky"] == vocab.ABBREVIATIONS
    assert "  - {klic: obec, nazev: Rozpočet obce}\n" in text
    assert "  - {klic: rozpracovano, nazev: Rozpracováno, pokrok: 50}\n" in text
    assert "  - {klic: zruseno, nazev: Zrušeno, vyzaduje_duvod: ano}\n" in text
    statuses = {item["klic"]: item for item in data["stavy_opatreni"]}
    assert statuses["naplneno"]["pokrok"] == 100 and "pokrok" not in statuses["bez_udaju"]
    assert "  SWOT: analýza silných a slabých stránek, příležitostí a hrozeb\n" in text


def test_vocabularies_in_plan_yaml_come_from_the_model_defaults(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assembler.models.plan import PlanInfo

    field = PlanInfo.model_fields["funding_sources"]
    item = field.default[0].model_copy(
        update={"key": "vlastni", "name": "Nadace: Dobrý start, o. p. s."}
    )
    monkeypatch.setattr(field, "default", [item])
    root = tmp_path / "novy"
    run_cli("init", str(root), *INIT)
    text = (root / "plan.yaml").read_text(encoding="utf-8")
    assert (
        'zdroje_financovani:\n  - {klic: vlastni, nazev: "Nadace: Dobrý start, o. p. s."}\n' in text
    )
    assert _parsed(root / "plan.yaml")["zdroje_financovani"] == [
        {"klic": "vlastni", "nazev": "Nadace: Dobrý start, o. p. s."}
    ]


def test_fresh_plan_checks_with_warnings_only_and_builds(run_cli: Run, tmp_path: Path) -> None:
    root = tmp_path / "novy"
    run_cli("init", str(root), *INIT)
    run_cli("new-chapter", "Rodiny s dětmi", "-C", str(root))  # the older folder option
    code, out, _ = run_cli("check", str(root))
    assert code == 0 and "chyba" not in out and "varování" in out, out
    assert _only_fresh_warnings(check(root))
    code, out, _ = run_cli("build", str(root))
    assert code == 0, out
    assert "Zapsáno: output/plan.docx, output/plan.pdf" in out
    assert (root / "output" / "plan.pdf").stat().st_size > 0


def _front_matter_keys(model: type[BaseModel]) -> set[str]:
    """Every YAML key of a chapter model and of the models inside it."""
    keys: set[str] = set()
    todo, seen = [model], set()
    while todo:
        current = todo.pop()
        seen.add(current)
        for field in current.model_fields.values():
            keys.add(str(field.alias))
            stack = [field.annotation]
            while stack:
                kind = stack.pop()
                if isinstance(kind, type) and issubclass(kind, BaseModel) and kind not in seen:
                    todo.append(kind)
                stack.extend(typing.get_args(kind))
    return keys


_KEY = re.compile(r"^\s*(?:#\s*)?(?:-\s+)?([a-z_]+):(?:\s|$)")


def test_area_template_shows_and_explains_every_key(run_cli: Run, tmp_path: Path) -> None:
    from assembler.models.chapter import Area

    root = tmp_path / "novy"
    run_cli("init", str(root), *INIT)
    run_cli("new-chapter", "Rodiny s dětmi", "-C", str(root))
    for name in ("10-seniori.md", "11-rodiny-s-detmi.md"):
        text = (root / "chapters" / name).read_text(encoding="utf-8")
        header = text.split("---\n")[1]
        lines = header.splitlines()
        written = {m.group(1) for line in lines if (m := _KEY.match(line))}
        written |= set(re.findall(r"[{,]\s*([a-z_]+):", header))  # inside {…}
        written -= set(vocab.FUNDING_SOURCES)  # naklady: {2027: {obec: 0}}
        known = _front_matter_keys(Area)
        assert known - written == set(), f"{name}: keys missing from the example"
        assert written - known == set(), f"{name}: keys the program does not know"
        for i, line in enumerate(lines):
            if (m := _KEY.match(line)) and not line.lstrip().startswith("#"):
                explained = "#" in line or lines[i - 1].lstrip().startswith("#")
                explained |= m.group(1) in ("nazev", "jmeno", "od", "do")  # self-explaining
                assert explained, f"{name}: no comment for {line!r}"
        assert "# sluzby:" in header and "#     poskytovatel: LHO" in header
        assert "# verejny_kontakt: ano" in header and "# interni_poznamka:" in header
    keys_doc = (REPO / "docs" / "klice.md").read_text(encoding="utf-8")
    assert {k for k in known if f"`{k}`" not in keys_doc} == set()


def test_generated_sections_of_a_fresh_plan_have_no_empty_tables(
    run_cli: Run, tmp_path: Path
) -> None:
    from assembler.render.documents import plan_document

    root = tmp_path / "novy"
    run_cli("init", str(root), *INIT)
    outline = "".join(f"  - {key}\n" for key in GENERATED_SECTIONS)
    edit(root, "plan.yaml", "  - seznam-opatreni\n", outline)
    edit(root, "plan.yaml", "  - rozpocet\n  - indikatory\n  - odpovednost\n  - zkratky\n", "")
    result = check(root)
    assert result.plan is not None and _only_fresh_warnings(result), [
        str(p) for p in result.problems
    ]
    markdown = plan_document(result.plan).markdown.replace("\u00a0", " ")
    assert "V plánu nejsou použity žádné zkratky." in markdown
    assert "Plán nemá žádné společné cíle" in markdown
    assert "Opatření plánu zatím neuvádějí, pro které cílové skupiny jsou určena." in markdown
    assert "Opatření plánu zatím neuvádějí žádné registrované sociální služby." in markdown
    assert "| Zkratka |" not in markdown
    # a table header is always followed by at least one row
    rows = markdown.splitlines()
    for i, line in enumerate(rows):
        if line.startswith("|:"):
            assert rows[i + 1].startswith("|"), rows[i - 1]


def test_generated_sections_without_any_area(run_cli: Run, tmp_path: Path) -> None:
    from assembler.render.documents import plan_document

    root = tmp_path / "novy"
    run_cli("init", str(root), *INIT)
    (root / "chapters" / "10-seniori.md").unlink()
    edit(root, "plan.yaml", "  - 10-seniori.md\n", "")
    result = check(root)
    assert result.plan is not None and result.ok, [str(p) for p in result.problems]
    markdown = plan_document(result.plan).markdown.replace("\u00a0", " ")
    for sentence in (
        "Plán zatím nemá žádné kapitoly oblastí s cíli a opatřeními.",
        "Opatření plánu zatím neuvádějí žádné předpokládané náklady.",
        "Opatření plánu zatím nemají žádné indikátory.",
        "Opatření plánu zatím neuvádějí garanty, realizátory ani partnery",
    ):
        assert sentence in markdown
    generated = markdown[markdown.index("{#seznam-opatreni}") :]
    assert "|:" not in generated


def test_new_chapter_is_numbered_and_added_to_the_outline(run_cli: Run, tmp_path: Path) -> None:
    root = tmp_path / "novy"
    run_cli("init", str(root), *INIT)
    code, out, _ = run_cli("new-chapter", "Rodiny s dětmi", "-C", str(root))
    assert code == 0 and "chapters/11-rodiny-s-detmi.md (kód ROD)" in out
    outline = (root / "plan.yaml").read_text(encoding="utf-8")
    assert "  - 10-seniori.md\n  - 11-rodiny-s-detmi.md\n  - 90-realizace.md" in outline
    assert "# Pořadí kapitol" in outline  # comments survive
    result = check(root)
    assert _only_fresh_warnings(result), [str(p) for p in result.problems]


def test_new_chapter_refuses_a_used_code(run_cli: Run, tmp_path: Path) -> None:
    root = tmp_path / "novy"
    run_cli("init", str(root), *INIT)
    code, _, err = run_cli("new-chapter", "Senioři doma", "--kod", "SEN", "-C", str(root))
    assert code == 2 and "kód SEN nelze použít: má jej už kapitola chapters/10-seniori.md" in err
    code, _, err = run_cli("new-chapter", "Senioři doma", "--kod", "SENIORI-DOMA", "-C", str(root))
    assert code == 2 and "kód SENIORI-DOMA nelze použít: musí mít 2–8 písmen" in err


def test_repeat_build_rewrites_nothing(run_cli: Run, mini: Path) -> None:
    code, out, _ = run_cli("build", str(mini), "--only", "html")
    assert code == 0 and "Zapsáno: output/summary.html" in out
    page = mini / "output" / "summary.html"
    stamp = page.stat().st_mtime_ns
    code, out, _ = run_cli("build", str(mini), "--only", "html")
    assert code == 0 and "Beze změny od posledního sestavení" in out
    assert page.stat().st_mtime_ns == stamp
    edit(mini, "chapters/10-seniori.md", "Seniorů přibývá.", "Seniorů rychle přibývá.")
    code, out, _ = run_cli("build", str(mini), "--only", "html")
    assert "Zapsáno" in out or "Beze změny: output/summary.html" in out


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


def test_watch_rebuilds_on_save_and_shows_problems(mini: Path) -> None:
    preview = Preview(mini)
    first = preview.rebuild()
    assert first.problems == []
    server = serve(preview, 0)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    builds: list[Build] = []
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(preview, builds.append, stop), daemon=True)
    thread.start()
    try:
        assert "Pečovatelská služba" in _get(url)
        version = _get(url + "verze")
        time.sleep(0.5)  # let the watcher start
        edit(mini, "chapters/10-seniori.md", "Pečovatelská služba o víkendu", "Víkendová péče")
        _wait(lambda: _get(url + "verze") != version)
        page = _get(url)
        assert "Víkendová péče" in page and "location.reload" in page
        version = _get(url + "verze")
        edit(mini, "chapters/10-seniori.md", "garant: OBEC", "garant: OBCE")
        _wait(lambda: _get(url + "verze") != version)
        page = _get(url)
        assert "Problémy v plánu (1)" in page
        assert "Organizace „OBCE“ není v registru organizací" in page
        assert "Víkendová péče" in page  # the last good preview stays under the problems
        assert builds and builds[-1].problems[0].rule == "neznama-organizace"
    finally:
        stop.set()
        server.shutdown()
        thread.join(timeout=5)


def _wait(condition: Callable[[], bool], seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the preview did not change"
        time.sleep(0.1)
