"""Where outputs are written, as the coordinator sees it: names checked by `plan check`,
the whole set replaced or none of it, environment failures as Czech messages."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import position

Run = Callable[..., tuple[int, str, str]]
SEN = "chapters/10-seniori.md"


def _outputs(root: Path, settings: str) -> None:
    """Give plan.yaml a ``vystupy`` block (the fixture has none)."""
    path = root / "plan.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f"vystupy:\n{settings}", encoding="utf-8")


def _problem_line(out: str, rule: str) -> str:
    found = [line for line in out.splitlines() if line.endswith(f"[{rule}]")]
    assert len(found) == 1, out
    return found[0]


def test_custom_output_folder_second_build_changes_nothing(run_cli: Run, mini: Path) -> None:
    _outputs(mini, "  adresar: vystupy\n")
    code, out, _ = run_cli("build", str(mini), "--only", "html")
    assert code == 0 and "Zapsáno: vystupy/summary.html" in out
    page = mini / "vystupy" / "summary.html"
    stamp = page.stat().st_mtime_ns
    code, out, _ = run_cli("build", str(mini), "--only", "html")
    assert code == 0 and "Beze změny od posledního sestavení: vystupy/summary.html" in out
    assert page.stat().st_mtime_ns == stamp
    (mini / "plan.yaml").write_text(
        (mini / "plan.yaml").read_text(encoding="utf-8").replace("Malá Lhota", "Velká Lhota"),
        encoding="utf-8",
    )
    code, out, _ = run_cli("build", str(mini), "--only", "html")
    assert code == 0 and "Zapsáno: vystupy/summary.html" in out


def test_output_over_a_chapter_is_refused_and_the_chapter_kept(run_cli: Run, mini: Path) -> None:
    _outputs(mini, "  adresar: chapters\n  plan_docx: 10-seniori.md\n")
    chapter = (mini / SEN).read_bytes()
    code, out, _ = run_cli("check", str(mini))
    assert code == 1
    line = _problem_line(out, "vystup-prepise-zdroj")
    where = position(mini, "plan.yaml", "chapters\n", nth=1)
    assert line.startswith(f"plan.yaml:{where[0]}:{where[1]}: chyba: Složka výstupů „chapters“")
    assert "ve složce kapitol chapters/" in line and "adresar: output" in line
    code, out, _ = run_cli("build", str(mini))
    assert code == 1 and "Nic nebylo zapsáno" in out
    assert (mini / SEN).read_bytes() == chapter


def test_monitoring_folder_is_not_an_output_folder(run_cli: Run, mini: Path) -> None:
    _outputs(mini, "  adresar: monitoring/2026\n")
    code, out, _ = run_cli("check", str(mini))
    line = _problem_line(out, "vystup-prepise-zdroj")
    assert code == 1 and "je ve složce hlášení monitoringu monitoring/" in line


def test_plan_folder_itself_is_not_an_output_folder(run_cli: Run, mini: Path) -> None:
    _outputs(mini, '  adresar: "."\n  plan_pdf: plan.yaml\n')
    plan = (mini / "plan.yaml").read_bytes()
    code, out, _ = run_cli("build", str(mini))
    assert code == 1
    assert "Složka výstupů „.“ je sama složka plánu" in _problem_line(out, "vystup-prepise-zdroj")
    assert (mini / "plan.yaml").read_bytes() == plan


def test_output_folder_holding_an_image_is_refused(run_cli: Run, mini: Path) -> None:
    (mini / "obrazky").mkdir()
    (mini / "obrazky" / "mapa.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    with (mini / SEN).open("a", encoding="utf-8") as chapter:
        chapter.write("\n![Mapa služeb](obrazky/mapa.png)\n")
    _outputs(mini, "  adresar: obrazky\n")
    code, out, _ = run_cli("check", str(mini))
    line = _problem_line(out, "vystup-prepise-zdroj")
    assert code == 1 and "obsahuje soubor plánu obrazky/mapa.png" in line


@pytest.mark.parametrize("folder", ["/tmp/vystupy", "../../vystupy", "C:\\\\vystupy", "a/../../b"])
def test_output_folder_outside_the_project(run_cli: Run, mini: Path, folder: str) -> None:
    _outputs(mini, f'  adresar: "{folder}"\n')
    code, out, _ = run_cli("check", str(mini))
    line = _problem_line(out, "vystup-mimo-projekt")
    where = position(mini, "plan.yaml", f'"{folder}"')
    assert code == 1 and line.startswith(f"plan.yaml:{where[0]}:{where[1]}: chyba: Složka")
    assert "leží mimo složku plánu" in line


def test_two_outputs_with_one_name(run_cli: Run, mini: Path) -> None:
    _outputs(mini, "  souhrn_pdf: Plan.PDF\n  plan_pdf: plan.pdf\n")
    code, out, _ = run_cli("check", str(mini))
    line = _problem_line(out, "vystup-duplicitni")
    where = position(mini, "plan.yaml", "Plan.PDF")
    assert code == 1 and line.startswith(f"plan.yaml:{where[0]}:{where[1]}: chyba:")
    assert "Výstupy plan.pdf a summary.pdf mají stejný název souboru „Plan.PDF“" in line


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("podklady/plan.docx", "obsahuje lomítko"),
        ("plan?.docx", "obsahuje znak „?“"),
        ("CON.docx", "ve Windows jmenuje zařízení"),
        (".plan.docx", "začíná tečkou"),
        ("p" * 300 + ".docx", "delší než 255 bajtů"),
    ],
)
def test_unusable_output_names(run_cli: Run, mini: Path, name: str, says: str) -> None:
    _outputs(mini, f'  plan_docx: "{name}"\n')
    code, out, _ = run_cli("check", str(mini))
    line = _problem_line(out, "vystup-nazev")
    assert code == 1 and says in line and len(line) < 400
    assert line.startswith(f"plan.yaml:{position(mini, 'plan.yaml', 'plan_docx')[0]}:")


def test_output_name_with_another_formats_suffix_is_a_warning(run_cli: Run, mini: Path) -> None:
    _outputs(mini, "  plan_pdf: plan.txt\n")
    code, out, _ = run_cli("check", str(mini))
    line = _problem_line(out, "vystup-pripona")
    assert code == 0 and "varování: Soubor „plan.txt“ dostane obsah ve formátu PDF" in line


def test_unknown_only_lists_the_outputs(run_cli: Run, mini: Path) -> None:
    code, _, err = run_cli("build", str(mini), "--only", "summary,xlsx")
    assert code == 2
    assert "--only: neznámý výstup xlsx. Možnosti: výstupy plan.docx, plan.pdf, summary.pdf" in err
    assert (
        "dokumenty plan (celý plán), summary (veřejná verze), monitoring (monitorovací zprávy), "
        "obec (podíly obcí pro jejich zastupitelstva); formáty docx, pdf, html" in err
    )
    assert "monitoring-RRRR.pdf (jeden rok), obec-KLIC.pdf (jedna obec)" in err


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_full_disk_leaves_the_previous_set_whole(
    run_cli: Run, mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    only = "summary.docx,summary.html,plan.docx"
    assert run_cli("build", str(mini), "--only", only)[0] == 0
    before = _snapshot(mini / "output")
    (mini / SEN).write_text(
        (mini / SEN).read_text(encoding="utf-8").replace("Senioři dostanou", "Starší dostanou"),
        encoding="utf-8",
    )
    real_fsync, calls = os.fsync, []

    def full(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:  # the first output is on disk, the second does not fit
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    code, out, err = run_cli("build", str(mini), "--only", only)
    assert code == 2, out + err
    assert "na disku není volné místo" in err and "Předchozí výstupy zůstaly beze změny" in err
    assert "vnitřní chyba" not in err + out
    assert _snapshot(mini / "output") == before  # same names, same bytes: no temp file left
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert run_cli("build", str(mini), "--only", only)[0] == 0
    after = _snapshot(mini / "output")
    assert after.keys() == before.keys() and after != before


def test_failed_rename_puts_back_the_replaced_files(
    run_cli: Run, mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    only = "summary.docx,summary.html"
    assert run_cli("build", str(mini), "--only", only)[0] == 0
    before = _snapshot(mini / "output")
    (mini / SEN).write_text(
        (mini / SEN).read_text(encoding="utf-8").replace("Senioři dostanou", "Starší dostanou"),
        encoding="utf-8",
    )
    real_replace, calls = os.replace, []

    def failing(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    code, _, err = run_cli("build", str(mini), "--only", only)
    assert code == 2 and "chyba čtení nebo zápisu disku" in err
    assert _snapshot(mini / "output") == before


def test_output_folder_that_is_a_file(run_cli: Run, mini: Path) -> None:
    (mini / "output").write_text("poznámky", encoding="utf-8")
    code, out, err = run_cli("build", str(mini), "--only", "html")
    assert code == 2 and "vnitřní chyba" not in out + err
    assert err.strip() == (
        "chyba: Výstup output/summary.html nelze zapsat: v cestě je soubor tam, kde má být "
        "složka. Předchozí výstupy zůstaly beze změny; uvolněte místo nebo opravte oprávnění "
        "a spusťte sestavení znovu."
    )
    assert (mini / "output").read_text(encoding="utf-8") == "poznámky"


def test_read_only_output_folder(run_cli: Run, mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def read_only(*_: object, **__: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)  # root ignores chmod, so simulate
    code, out, err = run_cli("build", str(mini), "--only", "html")
    assert code == 2 and "disk je připojen jen pro čtení" in err
    assert "vnitřní chyba" not in out + err and not (mini / "output" / "summary.html").exists()


def test_every_output_is_declared_once_and_can_show_every_accepted_image() -> None:
    from assembler.checks.markup import IMAGE_TYPES
    from assembler.models.publication import OutputFiles
    from assembler.outputs.registry import FOLDER_SETTING, OUTPUTS

    keys = [o.key for o in OUTPUTS]
    assert len(keys) == len(set(keys))
    named = {o.setting for o in OUTPUTS}
    # Every file-name key of `vystupy` belongs to exactly one output (the template does not).
    assert set(OutputFiles.model_fields) - named == {FOLDER_SETTING, "reference_docx"}
    for output in OUTPUTS:
        assert set(IMAGE_TYPES) <= output.format.image_types, output.key


def test_output_folder_linked_outside_the_project(run_cli: Run, mini: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "jinde"
    elsewhere.mkdir()
    (mini / "vystupy").symlink_to(elsewhere, target_is_directory=True)
    _outputs(mini, "  adresar: vystupy\n")
    code, out, _ = run_cli("build", str(mini), "--only", "html")
    assert code == 1 and "leží mimo složku plánu" in _problem_line(out, "vystup-mimo-projekt")
    assert list(elsewhere.iterdir()) == []


def test_per_part_outputs_do_not_count_as_foreign_files(mini: Path) -> None:
    from assembler.outputs.build import check_project
    from assembler.outputs.names import _not_outputs

    result = check_project(mini)
    assert result.plan is not None
    folder = mini / "output"
    folder.mkdir()
    for name in ("plan.pdf", "monitoring-2026.pdf", "Summary.HTML"):
        (folder / name).write_bytes(b"x")
    assert not _not_outputs(result.plan, folder)
    (folder / "mapa.png").write_bytes(b"x")
    assert _not_outputs(result.plan, folder)


def test_a_name_that_one_years_report_also_gets(run_cli: Run, sample: Path) -> None:
    _outputs(sample, "  plan_pdf: monitoring-2026.pdf\n")
    code, out, _ = run_cli("build", str(sample), "--only", "plan.pdf,monitoring.pdf")
    line = _problem_line(out, "vystup-duplicitni")
    where = position(sample, "plan.yaml", "monitoring-2026.pdf")
    assert code == 1 and line.startswith(f"plan.yaml:{where[0]}:{where[1]}: chyba: Výstupy")
    assert "mají stejný název souboru „monitoring-2026.pdf“" in line
    assert not (sample / "output").exists()
