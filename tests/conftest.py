"""Fixtures: writable copies of the fixture plan and the sample plan, and the CLI."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import FIXTURES, FUZZ_RUN, REPO

from assembler.cli.main import main


@pytest.fixture(autouse=True, scope="session")
def parse_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The parse cache of this test run, never the user's own (subprocesses inherit it)."""
    folder = tmp_path_factory.mktemp("parse-cache")
    before = os.environ.get("PLAN_CACHE_DIR")
    os.environ["PLAN_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        del os.environ["PLAN_CACHE_DIR"]
    else:
        os.environ["PLAN_CACHE_DIR"] = before


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of the small fixture plan (tests/fixtures/mini)."""
    target = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", target)
    return target


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A writable copy of the sample plan shipped in the repository root."""
    target = tmp_path / "sample"
    target.mkdir()
    shutil.copy(REPO / "plan.yaml", target / "plan.yaml")
    shutil.copytree(REPO / "chapters", target / "chapters")
    if (REPO / "assets").is_dir():
        shutil.copytree(REPO / "assets", target / "assets")
    if (REPO / "monitoring").is_dir():
        shutil.copytree(REPO / "monitoring", target / "monitoring")
    return target


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run ``plan`` in-process; returns (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    """How many mutated plans the fuzz test checked, so a slow machine cannot quietly
    shrink it to a handful."""
    if FUZZ_RUN in config.stash:
        cases, seconds = config.stash[FUZZ_RUN]
        terminalreporter.write_line(f"fuzz: {cases} mutated plans checked in {seconds:.1f} s")
