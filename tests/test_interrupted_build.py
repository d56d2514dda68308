"""A build that is killed or terminated leaves no pandoc running, no rendered plan in
the temporary folder and the previous outputs whole (Linux: children die with the parent)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux /proc")


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(c) for c in task.read_text().split()]
    return found


def _alive_with(marker: str) -> list[str]:
    """Command lines of running processes that mention ``marker``."""
    lines = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            text = cmdline.read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if marker in text and "zombie" not in text:
            lines.append(text)
    return lines


def _slow_to_convert(root: Path) -> None:
    """A long chapter, so pandoc is still at work when the build is stopped."""
    paragraph = "Pečovatelská služba přijde i večer, v sobotu a v neděli. " * 8
    with (root / "chapters" / "10-seniori.md").open("a", encoding="utf-8") as chapter:
        chapter.write("".join(f"\n\n{paragraph}" for _ in range(3000)))


def _start_build(root: Path, temp: Path) -> subprocess.Popen[bytes]:
    _slow_to_convert(root)
    env = {**os.environ, "TMPDIR": str(temp)}
    command = [sys.executable, "-m", "assembler.cli.main", "build", str(root)]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for_pandoc(process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if _children(process.pid):
            return
        time.sleep(0.005)
    pytest.fail("the build never started pandoc")


def _files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_kill_9_ends_pandoc_and_leaves_no_rendered_text(mini: Path, tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    process = _start_build(mini, temp)
    _wait_for_pandoc(process)
    time.sleep(0.2)
    process.kill()
    process.wait()
    time.sleep(0.2)
    assert _alive_with(str(temp)) == []  # pandoc ended with its parent
    time.sleep(1)
    leftovers = _files_under(temp)  # the rendered plan never lands in a temporary file
    assert not [name for name in leftovers if Path(name).name.startswith("output")]
    assert not any("Pečovatelsk".encode() in data for data in leftovers.values())
    assert not (mini / "output").exists() or list((mini / "output").iterdir()) == []
    # The next build clears what the killed one left once it is stale, and builds.
    old = time.time() - 7200
    for folder in temp.iterdir():
        os.utime(folder, (old, old))
    env = {**os.environ, "TMPDIR": str(temp)}
    command = [sys.executable, "-m", "assembler.cli.main", "build", str(mini), "--only", "html"]
    done = subprocess.run(command, env=env, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert list(temp.iterdir()) == []


def test_sigterm_cleans_up_and_keeps_previous_outputs(mini: Path, tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    output = mini / "output"
    output.mkdir()
    (output / "plan.pdf").write_bytes(b"previous pdf")
    process = _start_build(mini, temp)
    _wait_for_pandoc(process)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 143, err.decode()
    assert "přerušeno (signál SIGTERM)" in err.decode() and "Traceback" not in err.decode()
    assert list(temp.iterdir()) == []
    assert _alive_with(str(temp)) == []
    assert _files_under(output) == {"plan.pdf": b"previous pdf"}
