"""The README as a new user follows it: the set-up commands at its top and the
"Nový plán" tutorial, run exactly as written there."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
SLOW = os.environ.get("PLAN_README_TEST") == "1"


def _blocks(text: str) -> list[str]:
    return re.findall(r"^```[a-z]*\n(.*?)^```", text, re.M | re.S)


def setup_commands() -> list[str]:
    """The two commands of the README's first code block (Linux and macOS)."""
    return _blocks(README)[0].strip().splitlines()


def windows_commands() -> list[str]:
    return _blocks(README)[1].strip().splitlines()


def tutorial_commands() -> list[str]:
    """The commands of the "Nový plán" tutorial, without their comments."""
    section = README.split("### Nový plán", 1)[1]
    block = _blocks(section)[0]
    return [line.split("  #", 1)[0].strip() for line in block.strip().splitlines()]


def test_setup_commands_make_and_use_a_virtual_environment() -> None:
    build, test = setup_commands()
    assert build.startswith("python3 -m venv .venv && .venv/bin/python -m pip install -e . ")
    assert build.endswith("&& .venv/bin/plan build")
    assert test == (
        'python3 -m venv .venv && .venv/bin/python -m pip install -e ".[test]" '
        "&& .venv/bin/python -m pytest"
    )
    # no bare `python` (absent on Debian and Ubuntu) and no system pip
    assert not any(re.search(r"(^|&& )(python|pip) ", c) for c in (build, test))
    assert [c.replace("/", "\\") for c in (build, test)] == [
        c.replace("py -m venv", "python3 -m venv").replace(".venv\\Scripts\\", ".venv\\bin\\")
        for c in windows_commands()
    ]


def test_ci_runs_the_readmes_test_command_as_written() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert setup_commands()[1] in ci.splitlines()
    assert ".ci/venv" not in ci


def _clean_copy(target: Path) -> Path:
    """The project as a download has it: tracked files only (or, without git, the
    folder without environments, outputs and caches)."""
    if (REPO / ".git").exists() and shutil.which("git"):
        listed = subprocess.run(
            ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True
        ).stdout.decode("utf-8")
        for name in filter(None, listed.split("\0")):
            source, dest = REPO / name, target / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            if source.is_symlink() or not source.exists():
                continue  # a link into a developer's machine is not part of a download
            shutil.copy2(source, dest)
    else:
        shutil.copytree(
            REPO,
            target,
            ignore=shutil.ignore_patterns(
                ".venv", "output", ".git", "*.egg-info", "__pycache__", ".*_cache", "npm"
            ),
        )
    return target


@pytest.mark.skipif(not SLOW, reason="slow (fresh virtual environment): PLAN_README_TEST=1")
@pytest.mark.skipif(sys.platform == "win32", reason="the README's Linux and macOS commands")
def test_setup_commands_work_in_a_clean_copy(tmp_path: Path) -> None:
    root = _clean_copy(tmp_path / "plan-assembler")
    build, test = setup_commands()
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p
    )
    done = subprocess.run(
        ["bash", "-c", build], cwd=root, env=env, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    for name in ("plan.docx", "plan.pdf", "summary.pdf", "summary.docx", "summary.html"):
        assert (root / "output" / name).stat().st_size > 0, name
    # The test command as written; the inner run only collects the tests (the outer
    # run is the whole suite, and .ci/run runs the command itself in full).
    inner = {**env, "PYTEST_ADDOPTS": "--collect-only -q", "PLAN_README_TEST": "0"}
    done = subprocess.run(
        ["bash", "-c", test], cwd=root, env=inner, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    collected = dict(re.findall(r"^(tests/test_\w+\.py): (\d+)$", done.stdout, re.M))
    assert int(collected.get("tests/test_readme.py", 0)) >= 4, done.stdout[-2000:]
    assert len(collected) == len(list((REPO / "tests").glob("test_*.py"))), done.stdout[-2000:]


def _plan_env() -> dict[str, str]:
    """A terminal with the environment activated, as the README asks: `plan` on PATH."""
    scripts = Path(sys.executable).parent
    assert (scripts / "plan").exists() or (scripts / "plan.exe").exists(), scripts
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PATH"] = f"{scripts}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def _init_in_a_terminal(command: list[str], cwd: Path, answers: list[str]) -> str:
    """Run ``plan init`` with its questions answered on a terminal (a pseudo-terminal),
    as a coordinator types them."""
    import pty

    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        command, cwd=cwd, env=_plan_env(), stdin=terminal, stdout=terminal, stderr=terminal
    )
    os.close(terminal)
    os.write(controller, "".join(f"{a}\n" for a in answers).encode("utf-8"))
    output = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed: the process ended
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    assert process.wait(timeout=60) == 0, output.decode("utf-8", "replace")
    return output.decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminal for plan init's questions")
def test_new_plan_tutorial_runs_as_written(tmp_path: Path) -> None:
    commands = tutorial_commands()
    assert commands[:2] == ["plan init muj-plan", "cd muj-plan"]
    answers = ["Město Albrechtice", "00296015", "", "", "Jana Nová", "plan@albrechtice.example.cz"]
    said = _init_in_a_terminal(commands[0].split(), tmp_path, answers)
    assert "Plán je založen" in said
    here = tmp_path / "muj-plan"
    outputs = []
    for line in commands[2:]:
        done = subprocess.run(
            ["bash", "-c", line],
            cwd=here,
            env=_plan_env(),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
        )
        assert done.returncode == 0, f"{line}\n{done.stdout}\n{done.stderr}"
        assert "chyba" not in done.stdout + done.stderr, f"{line}\n{done.stdout}"
        outputs.append(done.stdout)
    chapters = sorted(p.name for p in (here / "chapters").glob("*.md"))
    assert chapters == [
        "01-uvod.md",
        "02-analyza.md",
        "10-seniori.md",
        "11-rodiny-s-detmi.md",
        "12-osoby-se-zdravotnim-postizenim.md",
        "90-realizace.md",
    ]
    checked = outputs[commands[2:].index("plan check")]
    assert "[vzorovy-text]" in checked  # what the README says the new author will see
    for name in ("plan.docx", "plan.pdf", "summary.pdf", "summary.docx", "summary.html"):
        assert (here / "output" / name).stat().st_size > 0, name
