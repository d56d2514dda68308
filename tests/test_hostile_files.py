"""Hostile and broken files: whatever sits in chapters/ or the YAML, a located Czech problem.

Cases that used to hang, crash the interpreter or read gigabytes run the CLI as a
child process with a timeout, so a regression fails the test instead of the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import at, edit, only, position

from assembler.checks.pipeline import check

SEN = "chapters/10-seniori.md"
EXTRA = "chapters/99-x.md"
posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX files (FIFO, /dev/zero)")


def run_check(root: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assembler.cli", "check", str(root)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "400"},
    )


def reported(result: subprocess.CompletedProcess[str], where: str, rule: str) -> str:
    lines = [line for line in result.stdout.splitlines() if line.startswith(where)]
    assert any(line.endswith(f"[{rule}]") for line in lines), result.stdout + result.stderr
    return next(line for line in lines if line.endswith(f"[{rule}]"))


@posix_only
def test_a_named_pipe_called_like_a_chapter_does_not_hang(mini: Path) -> None:
    os.mkfifo(mini / EXTRA)
    result = run_check(mini, timeout=30)
    assert result.returncode == 1
    line = reported(result, f"{EXTRA}:1:1:", "neni-soubor")
    assert "roura" in line


@posix_only
def test_a_link_to_dev_zero_is_not_read(mini: Path) -> None:
    (mini / EXTRA).symlink_to("/dev/zero")
    result = run_check(mini, timeout=30)
    assert result.returncode == 1
    reported(result, f"{EXTRA}:1:1:", "neni-soubor")


def test_a_folder_named_like_a_chapter(mini: Path) -> None:
    (mini / EXTRA).mkdir()
    problem = only(check(mini), "neni-soubor")
    at(problem, EXTRA, (1, 1))
    assert "složka" in problem.message


@posix_only
def test_a_link_to_a_file_outside_the_plan_is_not_read(mini: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntyp: sekce\nnazev: TAJNE\n---\nTAJNE\n", encoding="utf-8")
    (mini / EXTRA).symlink_to(secret)
    problem = only(check(mini), "neni-soubor")
    at(problem, EXTRA, (1, 1))
    assert "mimo složku plánu" in problem.message


@posix_only
def test_a_link_inside_the_plan_is_read(mini: Path) -> None:
    (mini / SEN).rename(mini / "seniori.md")
    (mini / SEN).symlink_to(mini / "seniori.md")
    assert check(mini).problems == []


def test_an_oversized_file_is_refused_without_reading_it(mini: Path) -> None:
    # Sparse: 5 GiB on paper, nothing on disk. Reading it whole would need 5 GiB of memory.
    with open(mini / SEN, "r+b") as handle:
        handle.truncate(5 * 1024**3)
    result = run_check(mini, timeout=30)
    line = reported(result, f"{SEN}:1:1:", "prilis-velky-soubor")
    assert "5120 MiB" in line


@pytest.mark.parametrize(
    ("character", "text"),
    [("\x01", "a\x01b"), ("\x1b", "barva\x1b[31m"), ("\ufffe", "x\ufffey"), ("\x00", "n\x00n")],
)
def test_control_characters_are_located(mini: Path, character: str, text: str) -> None:
    padding = "Dlouhý odstavec textu kapitoly. " * 200  # NUL past the first 4 KB
    edit(mini, SEN, "Seniorů přibývá.", f"Seniorů přibývá. {padding}{text}")
    problem = only(check(mini), "ridici-znak")
    at(problem, SEN, position(mini, SEN, character))
    assert f"U+{ord(character):04X}" in problem.message


def test_flow_nesting_thirty_thousand_deep_is_refused_before_parsing(mini: Path) -> None:
    deep = "[" * 30000 + "]" * 30000
    edit(mini, SEN, "cilove_skupiny: [seniori, pecujici]", f"cilove_skupiny: {deep}")
    result = run_check(mini, timeout=30)  # was: segmentation fault, exit 139
    assert result.returncode == 1, result.stderr
    line, col = position(mini, SEN, "[", nth=41)
    reported(result, f"{SEN}:{line}:{col}:", "yaml-hloubka")


def test_block_nesting_is_refused_before_parsing(mini: Path) -> None:
    deep = "".join(" " * i + "- \n" for i in range(1500))
    edit(mini, SEN, "cilove_skupiny: [seniori, pecujici]", f"cilove_skupiny:\n{deep}")
    result = run_check(mini, timeout=30)
    assert result.returncode == 1, result.stderr
    assert result.stdout.count("[yaml-hloubka]") == 1, result.stdout


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("!!python/name:os.system", "!!python/name:os.system"),
        ("!!python/object/apply:os.system [id]", "!!python/object/apply:os.system"),
        ("!vlastni text", "!vlastni"),
        ("!!binary aGk=", "!!binary"),
    ],
)
def test_tags_outside_the_core_schema_are_refused(mini: Path, value: str, shown: str) -> None:
    edit(mini, SEN, "nazev: Senioři", f"nazev: {value}")
    problem = only(check(mini), "yaml-znacka")
    at(problem, SEN, position(mini, SEN, value[:2]))
    assert f"„{shown}“" in problem.message


def test_a_core_tag_whose_value_does_not_fit_is_explained(mini: Path) -> None:
    edit(mini, SEN, "nazev: Senioři", "nazev: !!bool maybe")  # was: vnitřní chyba (KeyError)
    problem = only(check(mini), "yaml-znacka")
    at(problem, SEN, position(mini, SEN, "!!bool"))
    assert "„maybe“" in problem.message and "!!bool" in problem.message


def test_a_tagged_key_that_does_not_fit_is_explained(mini: Path) -> None:
    edit(mini, SEN, "nazev: Senioři", "nazev: Senioři\n!!bool maybe: 1")  # was: KeyError
    problem = only(check(mini), "yaml-znacka")
    at(problem, SEN, position(mini, SEN, "!!bool"))
    assert "„maybe“" in problem.message


def test_core_tags_that_fit_are_read(mini: Path) -> None:
    edit(mini, SEN, "nazev: Senioři", "nazev: !!str Senioři")
    assert check(mini).problems == []


def test_no_message_echoes_a_long_value(mini: Path) -> None:
    long = "OBEC" * 50_000
    edit(mini, SEN, "garant: OBEC", f"garant: {long}")
    edit(mini, "chapters/20-rodiny.md", "\nnazev: ", f"\n{'Q' * 900}: 1\nnazev: ")
    result = check(mini)
    assert {p.rule for p in result.problems} == {"neznama-organizace", "neznamy-klic"}
    for problem in result.problems:
        assert len(problem.message) < 400, problem.message
        assert "…" in problem.message


def test_keys_that_are_not_words_are_explained_in_czech(mini: Path) -> None:
    edit(mini, SEN, "nazev: Senioři", "nazev: Senioři\n1: x")
    problem = only(check(mini), "spatna-hodnota")
    at(problem, SEN, position(mini, SEN, "1: x"))
    assert "„1“ nemůže být klíčem" in problem.message
    assert "Keys should be strings" not in problem.message


def test_an_empty_value_is_said_in_words_and_the_key_named(mini: Path) -> None:
    edit(mini, SEN, "druh: rozvoj", 'druh: ""')
    edit(mini, SEN, "forma: terenni", 'forma: [""]')
    result = check(mini)
    messages = [p.message for p in result.problems]
    assert not any("„“" in m or "„0“" in m for m in messages), messages
    assert any("„druh“" in m and "prázdná hodnota" in m for m in messages), messages


def test_a_list_as_a_key_is_a_located_yaml_problem(mini: Path) -> None:
    edit(mini, SEN, "nazev: Senioři", "nazev: Senioři\n? [a, b]\n: x")
    problem = only(check(mini), "yaml-syntaxe")
    at(problem, SEN, position(mini, SEN, "[a, b]"))
    assert "['a'" not in problem.message


def test_a_file_the_system_refuses_to_open_is_a_problem(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def locked(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith("10-seniori.md"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", locked)
    problem = only(check(mini), "soubor-necitelny")
    at(problem, SEN, (1, 1))
    assert "oprávnění" in problem.message
