"""The parse cache: an unchanged chapter is not parsed twice, and nothing a user sees changes."""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import at, edit, only, position

from assembler.checks.pipeline import check
from assembler.load import parsecache
from assembler.outputs import writing

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
    stored = sorted(cache.glob("*.json"))
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
    for entry in cache.glob("*.json"):
        entry.write_bytes(b"\x80\x05 damaged")
    result = check(mini)
    assert result.ok, [str(p) for p in result.problems]
    assert all(json.loads(e.read_bytes())["format"] == 2 for e in cache.glob("*.json"))


def test_a_file_with_a_yaml_fault_is_never_cached(mini: Path, cache: Path) -> None:
    edit(mini, SEN, "garant: OBEC", "garant: OBEC\n        garant: MESTO")
    check(mini)
    stored = len(list(cache.glob("*.json")))
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


class _Planted:
    """A pickle that writes a file when it is unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (Path.write_text, (str(self.marker), "spuštěno"))  # type: ignore[return-value]


def test_a_planted_pickle_never_runs(
    mini: Path, cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "ran"
    check(mini)
    for entry in cache.glob("*.json"):
        planted = pickle.dumps(_Planted(marker))
        entry.write_bytes(planted)
        entry.with_suffix(".pickle").write_bytes(planted)  # where the old format kept it
    monkeypatch.setattr(writing, "_stores", {})  # the next check is a new process
    result = check(mini)
    assert result.ok, [str(p) for p in result.problems]
    assert not marker.exists()
    assert not list(cache.glob("*.pickle"))  # legacy entries are removed, not read


def test_an_entry_of_another_text_is_not_used(mini: Path, cache: Path) -> None:
    """Valid entries under the wrong names (copied, swapped, from another version) must
    not turn a clean plan into bogus errors."""
    check(mini)
    entries = sorted(cache.glob("*.json"))
    assert len(entries) == 5  # plan.yaml and four chapters
    blobs = [e.read_bytes() for e in entries]
    for entry, blob in zip(entries, blobs[1:] + blobs[:1], strict=True):
        entry.write_bytes(blob)
    result = check(mini)
    assert result.ok, [str(p) for p in result.problems]


def test_an_entry_with_forged_data_for_this_name_is_not_used(mini: Path, cache: Path) -> None:
    check(mini)
    for entry in cache.glob("*.json"):
        stored = json.loads(entry.read_bytes())
        stored["data"] = {"typ": "oblast", "nazev": 5}
        stored["format"] = 1  # what an entry of another release says
        entry.write_text(json.dumps(stored), encoding="utf-8")
    assert check(mini).ok


def test_data_survives_the_cache_exactly(mini: Path, cache: Path) -> None:
    text = "a: 1.50\nb: 2025-12-10\nc: 2025-12-10T10:00:00\nd: {2026: x, true: y}\ne: [~, ano]\n"
    from assembler.load import yamlio, yamltree

    root = yamlio.compose(text)
    assert root is not None
    data = yamltree.construct(root)
    parsecache.store(text, data)
    assert parsecache.load(text) == data
    assert repr(parsecache.load(text)) == repr(data)


def test_the_cache_is_pruned_to_its_bound(
    mini: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries beyond KEEP go, oldest first, though the folder is not listed at every store;
    a temporary file a killed process left behind goes once it is stale."""
    monkeypatch.setattr(parsecache, "KEEP", 10)
    monkeypatch.setattr(writing, "PRUNE_EVERY", 3)
    cache.mkdir()
    leftover = cache / ".abc.json.x1y2.tmp"
    leftover.write_bytes(b"{")
    os.utime(leftover, (0, 0))
    for n in range(30):
        text = f"n: {n}\n"
        parsecache.store(text, {"n": n})
        entry = cache / f"{parsecache._key(text)}.json"
        os.utime(entry, (1_000_000 + n, 1_000_000 + n))  # a clock that ticks for each
        assert len(list(cache.glob("*.json"))) <= 10 + 3
    assert not leftover.exists()
    assert parsecache.load("n: 29\n") == {"n": 29}
    assert parsecache.load("n: 0\n") is parsecache.MISS  # the oldest went first
