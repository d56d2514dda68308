"""`plan watch`: which saves rebuild the preview, and the command as a real process."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import position

from assembler.authoring.preview import Preview, relevant

SEN = "chapters/10-seniori.md"


@pytest.mark.parametrize(
    ("name", "rebuilds"),
    [
        ("plan.yaml", True),
        ("chapters/10-seniori.md", True),
        ("chapters/30-nova-oblast.md", True),
        ("obrazky/mapa.png", True),
        ("assets/logo-esf.svg", True),
        ("sablony/mesto.docx", True),
        ("output/plan.pdf", False),
        ("output/obrazky/mapa.png", False),
        (".plan-build.json", False),
        (".git/index", False),
        (".vscode/settings.json", False),
        ("chapters/.10-seniori.md.swp", False),
        ("chapters/10-seniori.md~", False),
        ("chapters/10-seniori.md.tmp", False),
        ("chapters/.#10-seniori.md", False),
        ("sablony/~$mesto.docx", False),
        ("chapters/4913", False),
    ],
)
def test_which_changes_rebuild_the_preview(tmp_path: Path, name: str, rebuilds: bool) -> None:
    assert relevant([(1, str(tmp_path / name))], tmp_path) is rebuilds


def test_changes_outside_the_project_and_mixed_batches(tmp_path: Path) -> None:
    root = tmp_path / "plan"
    root.mkdir()
    assert not relevant([(1, str(tmp_path / "jinde" / "plan.yaml"))], root)
    assert not relevant([], root)
    noise = [(1, str(root / "output" / "plan.pdf")), (2, str(root / ".plan-build.json"))]
    assert not relevant(noise, root)
    assert relevant([*noise, (2, str(root / "obrazky" / "graf.png"))], root)


@pytest.mark.parametrize("output", [".", "", "./"])
def test_output_folder_equal_to_the_plan_folder_ignores_nothing(
    tmp_path: Path, output: str
) -> None:
    assert relevant([(1, str(tmp_path / "plan.yaml"))], tmp_path, output)


def test_output_folder_named_in_plan_yaml_is_ignored(mini: Path) -> None:
    with (mini / "plan.yaml").open("a", encoding="utf-8") as plan:
        plan.write("vystupy:\n  adresar: vysledky\n")
    preview = Preview(mini)
    assert preview.rebuild().problems == []
    assert not relevant([(1, str(mini / "vysledky" / "plan.pdf"))], mini, preview.output)
    assert not relevant([(1, str(mini / "Vysledky" / "plan.pdf"))], mini, preview.output)
    assert relevant([(1, str(mini / "output" / "plan.pdf"))], mini, preview.output)


# --- the command as a user runs it ------------------------------------------------------


_WATCH = [sys.executable, "-m", "assembler.cli.main", "watch"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=3) as response:
        return str(response.read().decode("utf-8"))


def _poll(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            if condition():
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass  # the server is not up yet
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def _save_until_rebuilt(url: str, path: Path, text: str, seconds: float = 8) -> None:
    """Save ``text`` and wait for a new preview version; save again if the watcher
    had not started yet when the first save happened."""
    version = _get(url + "verze")
    deadline = time.monotonic() + seconds
    while True:
        path.write_text(text, encoding="utf-8")
        saved = time.monotonic()
        while time.monotonic() - saved < 2:
            if _get(url + "verze") != version:
                return
            time.sleep(0.1)
        assert time.monotonic() < deadline, "the preview was not rebuilt after a save"


def test_watch_command_previews_edits_and_survives_broken_yaml(mini: Path, tmp_path: Path) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    out_path, err_path = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
    command = [*_WATCH, str(mini), "--port", str(port)]
    with out_path.open("wb") as out, err_path.open("wb") as err:
        process = subprocess.Popen(
            [*command, "--bez-prohlizece"],
            stdout=out,
            stderr=err,
            cwd=tmp_path,
            env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONIOENCODING": "utf-8"},
        )
    try:
        _poll(lambda: "Pečovatelská služba" in _get(url), 10, "the first preview")
        _poll(lambda: "Náhled plánu:" in out_path.read_text("utf-8"), 5, "the start message")

        chapter = mini / SEN
        text = chapter.read_text(encoding="utf-8")
        edited = text.replace("Pečovatelská služba o víkendu", "Víkendová péče doma")
        _save_until_rebuilt(url, chapter, edited)
        assert "Víkendová péče doma" in _get(url)

        broken = edited.replace("realizatori: [CHARITA]", "realizatori: [CHARITA", 1)
        _save_until_rebuilt(url, chapter, broken)
        line, col = position(mini, SEN, "spolecne_cile: [SC1]", 13)
        page = _get(url)
        assert "Problémy v plánu (1)" in page
        assert f"{SEN}:{line}:{col}: chyba: Seznam v hranatých závorkách" in page
        assert "Víkendová péče doma" in page  # the last good preview stays below
        assert process.poll() is None, "plan watch ended on a YAML error"
        _poll(
            lambda: f"{SEN}:{line}:{col}: chyba: Seznam v hranatých" in out_path.read_text("utf-8"),
            5,
            "the problem line in the terminal",
        )

        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=5)
    out, err = out_path.read_text("utf-8"), err_path.read_text("utf-8")
    assert "Náhled ukončen." in out
    assert "Traceback" not in out + err, out + err
    assert err == ""


def test_watch_command_names_a_port_in_use(mini: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run(
            [*_WATCH, str(mini), "--port", str(port), "--bez-prohlizece"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=30,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
    assert done.returncode == 2
    assert f"port {port} nelze použít" in done.stderr and "--port" in done.stderr


def test_problems_are_the_first_thing_on_the_page_with_a_stale_banner(mini: Path) -> None:
    preview = Preview(mini)
    good = preview.rebuild().page
    assert "nahled-stav" not in good and "Problémy v plánu" not in good
    chapter = mini / SEN
    chapter.write_text(
        chapter.read_text(encoding="utf-8").replace("garant: OBEC", "garant: OBCE", 1),
        encoding="utf-8",
    )
    page = preview.rebuild().page
    body = page[page.index("<body") :]
    panel = body.index('<section class="nahled-stav"')
    # above the title, the contents list and the text of the plan
    assert panel < body.index("<header") < body.index('class="toc') < body.index("<main")
    assert body.index("Problémy v plánu (1)") < body.index("<header")
    banner = body.index('<p class="zastarale">Poslední uložení obsahuje chyby')
    assert panel < banner < body.index("Problémy v plánu")
    assert "níže je poslední verze bez chyb (z " in page
    assert "Pečovatelská služba" in page  # the last good preview below
    chapter.write_text(
        chapter.read_text(encoding="utf-8").replace("garant: OBCE", "garant: OBEC", 1),
        encoding="utf-8",
    )
    fixed = preview.rebuild().page
    assert "nahled-stav" not in fixed and "Problémy v plánu" not in fixed


def test_first_build_with_errors_lists_problems_without_a_banner(mini: Path) -> None:
    chapter = mini / SEN
    chapter.write_text(
        chapter.read_text(encoding="utf-8").replace("garant: OBEC", "garant: OBCE", 1),
        encoding="utf-8",
    )
    page = Preview(mini).rebuild().page
    assert "Problémy v plánu (1)" in page and "Poslední uložení obsahuje chyby" not in page
    assert page.index("nahled-stav") < page.index("Náhled se zobrazí, až bude plán bez chyb")
