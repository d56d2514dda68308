"""Authoring workflow: plan init, plan new-chapter, plan watch, repeat builds."""

from __future__ import annotations

import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import edit

from assembler.check import check
from assembler.preview import Build, Preview, serve, watch

Run = Callable[..., tuple[int, str, str]]
INIT = [
    "--bez-dotazu",
    "--obec",
    "Obec Horní Lhota",
    "--ico",
    "00296015",
    "--od",
    "2027",
    "--do",
    "2030",
    "--koordinator",
    "Jana Nová",
    "--email",
    "plan@lhota.example.cz",
]


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
    assert result.ok and result.problems == [], [str(p) for p in result.problems]
    info = result.plan.project.info if result.plan else None
    assert info is not None
    assert (info.municipality.name, info.period.start, info.period.end) == (
        "Obec Horní Lhota",
        2027,
        2030,
    )
    assert "output/" in (root / ".gitignore").read_text()


def test_init_refuses_to_overwrite(run_cli: Run, mini: Path) -> None:
    code, _, err = run_cli("init", str(mini), *INIT)
    assert code == 2 and "už plán je" in err


def test_init_without_answers_in_a_script_is_a_usage_error(run_cli: Run, tmp_path: Path) -> None:
    code, _, err = run_cli("init", str(tmp_path / "x"), "--bez-dotazu", "--obec", "Obec X")
    assert code == 2 and "chybí --ico" in err


def test_init_validates_the_ico(run_cli: Run, tmp_path: Path) -> None:
    args = [a if a != "00296015" else "00296016" for a in INIT]
    code, _, err = run_cli("init", str(tmp_path / "x"), *args)
    assert code == 2 and "kontrolní číslicí" in err


def test_init_asks_interactively(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter(["Obec Dolní Lhota", "12345678", "00296015", "", "", "Petr Novák", "p@x.cz"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    code, out, err = run_cli("init", str(tmp_path / "ptam"))
    assert code == 0, out + err
    assert "kontrolní číslicí" in err  # the wrong IČO was asked again
    assert check(tmp_path / "ptam").ok


def test_new_chapter_is_numbered_and_added_to_the_outline(run_cli: Run, tmp_path: Path) -> None:
    root = tmp_path / "novy"
    run_cli("init", str(root), *INIT)
    code, out, _ = run_cli("new-chapter", "Rodiny s dětmi", "-C", str(root))
    assert code == 0 and "chapters/11-rodiny-s-detmi.md (kód ROD)" in out
    outline = (root / "plan.yaml").read_text(encoding="utf-8")
    assert "  - 10-seniori.md\n  - 11-rodiny-s-detmi.md\n  - 90-realizace.md" in outline
    assert "# Pořadí kapitol" in outline  # comments survive
    result = check(root)
    assert result.ok and result.problems == [], [str(p) for p in result.problems]


def test_new_chapter_refuses_a_used_code(run_cli: Run, tmp_path: Path) -> None:
    root = tmp_path / "novy"
    run_cli("init", str(root), *INIT)
    code, _, err = run_cli("new-chapter", "Senioři doma", "--kod", "SEN", "-C", str(root))
    assert code == 2 and "kód SEN nelze použít" in err


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
