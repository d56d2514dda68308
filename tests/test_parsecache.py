"""The parse cache: an unchanged chapter is not parsed twice, and nothing a user sees changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import at, edit, only, position

from assembler.checks.pipeline import check

SEN = "chapters/10-seniori.md"
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PLAN_CACHE_DIR", str(folder))
    return folder


def test_second_check_reads_the_cache_and_reports_the_same(
    run_cli: Run, mini: Path, cache: Path
) -> None:
    edit(mini, SEN, "garant: OBEC", "garant: OBCE")
    first = run_cli("check", str(mini))
    stored = sorted(cache.glob("*.pickle"))
    assert len(stored) == len(list((mini / "chapters").glob("*.md"))) + 1  # + plan.yaml
    stamps = [p.stat().st_mtime_ns for p in stored]
    second = run_cli("check", str(mini))
    assert second == first and first[0] == 1
    assert "10-seniori.md" in first[1] and "[neznama-organizace]" in first[1]
    assert [p.stat().st_mtime_ns for p in stored] == stamps  # read, not written again


def test_positions_from_a_cached_chapter_are_exact(mini: Path, cache: Path) -> None:
    edit(mini, SEN, "garant: OBEC", "garant: OBCE")
    check(mini)
    assert any(cache.iterdir())
    problem = only(check(mini), "neznama-organizace")  # data from the cache this time
    at(problem, SEN, position(mini, SEN, "OBCE"))


def test_an_edited_chapter_is_parsed_afresh(mini: Path, cache: Path) -> None:
    assert check(mini).ok
    edit(mini, SEN, "garant: OBEC", "garant: OBCE")
    only(check(mini), "neznama-organizace")
    edit(mini, SEN, "garant: OBCE", "garant: OBEC")
    assert check(mini).ok


def test_a_damaged_entry_is_parsed_again_and_replaced(mini: Path, cache: Path) -> None:
    check(mini)
    for entry in cache.glob("*.pickle"):
        entry.write_bytes(b"\x80\x05 damaged")
    result = check(mini)
    assert result.ok, [str(p) for p in result.problems]
    assert all(e.read_bytes().startswith(b"\x80\x05\x95") for e in cache.glob("*.pickle"))


def test_a_file_with_a_yaml_fault_is_never_cached(mini: Path, cache: Path) -> None:
    edit(mini, SEN, "garant: OBEC", "garant: OBEC\n        garant: MESTO")
    check(mini)
    stored = len(list(cache.glob("*.pickle")))
    assert stored == len(list((mini / "chapters").glob("*.md")))  # all but the broken one
    assert only(check(mini), "yaml-duplicitni-klic")


def test_empty_setting_switches_the_cache_off(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLAN_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert check(mini).ok
    assert not (tmp_path / "xdg").exists()


def test_an_unwritable_cache_only_costs_time(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("PLAN_CACHE_DIR", str(blocker / "cache"))
    assert check(mini).ok
