"""The `plan` command as a user meets it: help, exit codes, output lines, no tracebacks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import edit, position

Run = Callable[..., tuple[int, str, str]]
SEN = "chapters/10-seniori.md"


def test_help_is_czech_with_examples_and_exit_codes(run_cli: Run) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run_cli("--help")
    assert exit_info.value.code == 0


def test_help_text(capsys: pytest.CaptureFixture[str]) -> None:
    from assembler.cli.main import main

    for args in (["--help"], ["check", "--help"], ["build", "--help"]):
        with pytest.raises(SystemExit):
            main(args)
        out = capsys.readouterr().out
        assert "návratové kódy:" in out
        assert "1  plán obsahuje chyby" in out
        assert "příklady:" in out
        assert "zobrazí tuto nápovědu" in out
        assert out.startswith("použití: plan") and "\nvolby:\n" in out
        assert "usage:" not in out and "options:" not in out


SUBCOMMANDS = ["check", "build", "init", "new-chapter", "watch", "schema"]


def _help(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    from assembler.cli.main import main

    with pytest.raises(SystemExit) as exit_info:
        main([*args, "--help"])
    assert exit_info.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", ["", *SUBCOMMANDS])
def test_help_layout_examples_apart_from_exit_codes_and_short_lines(
    command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")  # argparse wraps to the terminal; raw text is ours
    out = _help(capsys, *([command] if command else []))
    assert "\npříklady:\n" in out
    examples = out.split("\npříklady:\n")[1]
    assert examples.split("\n\n")[1].startswith("návratové kódy:\n"), out
    too_long = [line for line in out.splitlines() if len(line) > 90]
    assert too_long == [], too_long


def test_top_level_help_shows_how_to_start(capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(capsys)
    assert (
        "Sestavení střednědobého plánu rozvoje sociálních služeb z kapitol pracovních\n"
        "skupin: kontrola, plán v DOCX a PDF, veřejná verze.\n"
    ) in out
    for example in ("plan init muj-plan ", 'plan new-chapter "Senioři" ', "plan watch "):
        assert f"\n  {example}" in out, example


def test_init_help_is_czech_for_every_option(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # one line per option
    out = _help(capsys, "init")
    for english in ("MUNICIPALITY", "COORDINATOR", "START", "END", "NAZEV", "EMAIL", " ICO"):
        assert english not in out, english
    options = {
        "--nazev NÁZEV": "název plánu",
        "--obec NÁZEV": "název obce nebo kraje",
        "--ico IČO": "8 číslic",
        "--typ TYP": "obec, kraj nebo mikroregion (výchozí: obec)",
        "--od ROK": "první rok plánu",
        "--do ROK": "poslední rok plánu",
        "--koordinator JMÉNO": "jméno a příjmení koordinátora",
        "--email E-MAIL": "e-mail koordinátora",
        "--bez-dotazu": "nic se neptat",
    }
    lines = out.splitlines()
    for option, text in options.items():
        line = next(line for line in lines if line.startswith(f"  {option} "))
        assert text in line, line
    assert (
        '  plan init muj-plan --bez-dotazu --obec "Obec Lhota" --ico 00296015 \\\n'
        '      --od 2027 --do 2030 --koordinator "Jana Nová" --email plan@lhota.cz\n'
    ) in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["init", "x", "--typ", "mesto"], "plan: chyba: --typ: neznámá volba: 'mesto' (vyberte z"),
        (["watch", "--port", "osm"], "plan: chyba: --port: 'osm' není celé číslo; napište číslo"),
        (["init", "x", "--obec"], "plan: chyba: --obec: chybí hodnota za přepínačem"),
        (["init"], "plan: chyba: chybí argumenty: SLOŽKA"),
    ],
)
def test_usage_errors_are_czech_and_point_to_help(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from assembler.cli.main import main

    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert message in err
    assert f"Nápověda: plan {args[0]} --help" in err
    assert "argument" not in err.replace("argumenty", "")


def test_check_clean_plan(run_cli: Run, mini: Path) -> None:
    code, out, err = run_cli("check", str(mini))
    assert (code, out.strip(), err) == (0, "Plán je v pořádku.", "")


def test_check_reports_problem_lines_and_summary(run_cli: Run, mini: Path) -> None:
    edit(mini, SEN, "garant: OBEC", "garant: OBCE")
    code, out, _ = run_cli("check", str(mini))
    line, col = position(mini, SEN, "OBCE")
    assert code == 1
    lines = out.strip().splitlines()
    assert lines[0] == (
        f"{SEN}:{line}:{col}: chyba: Organizace „OBCE“ není v registru organizací (plan.yaml, "
        "klíč organizace). Měli jste na mysli „OBEC“? Jde-li o novou organizaci, doplňte ji do "
        "registru. [neznama-organizace]"
    )
    assert lines[-1] == "Nalezeno: 1 chyba v 1 souboru."


def test_warnings_keep_exit_code_zero_unless_strict(run_cli: Run, mini: Path) -> None:
    edit(mini, SEN, "identifikator: 4829157", "identifikator: 48291")
    code, out, _ = run_cli("check", str(mini))
    assert (
        code == 0
        and "varování" in out
        and out.strip().endswith("Nalezeno: 1 varování v 1 souboru.")
    )
    code, out, _ = run_cli("check", str(mini), "--strict")
    assert code == 1 and "chyba" in out


def test_missing_directory_is_an_environment_error(run_cli: Run, tmp_path: Path) -> None:
    code, _, err = run_cli("check", str(tmp_path / "neni"))
    assert code == 2 and "neexistuje" in err


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    from assembler.cli.main import main

    with pytest.raises(SystemExit) as exit_info:
        main(["zkontroluj"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert (
        "plan: chyba: neznámý příkaz „zkontroluj“. Měli jste na mysli check? "
        "Příkazy: check, build, init, new-chapter, watch, monitor, schema.\n"
    ) in err
    assert err.endswith("Nápověda: plan --help\n")


def test_internal_error_is_one_line_without_traceback(
    run_cli: Run, mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import assembler.cli.commands

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(assembler.cli.commands, "check_project", broken)
    code, out, err = run_cli("check", str(mini))
    assert code == 2
    assert "Traceback" not in out + err
    assert err.strip().splitlines() == [
        "chyba: vnitřní chyba programu (RuntimeError: simulated failure). Spusťte příkaz znovu "
        "s přepínačem -v a výpis pošlete správci."
    ]


def test_build_rejects_unknown_output(run_cli: Run, mini: Path) -> None:
    code, _, err = run_cli("build", str(mini), "--only", "pdf,odt")
    assert code == 2 and "neznámý výstup odt" in err


def test_failed_build_writes_nothing_and_keeps_old_outputs(run_cli: Run, mini: Path) -> None:
    output = mini / "output"
    output.mkdir()
    (output / "plan.pdf").write_bytes(b"old pdf")
    edit(mini, SEN, "garant: OBEC", "garant: OBCE")
    code, out, _ = run_cli("build", str(mini))
    assert code == 1
    assert "Nic nebylo zapsáno" in out
    assert (output / "plan.pdf").read_bytes() == b"old pdf"
    assert sorted(p.name for p in output.iterdir()) == ["plan.pdf"]


def test_only_a_year_without_reports_says_so(
    mini: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    # plan build --only monitoring-2027 with no reports for 2027 ended with exit 0 and
    # not a word: the coordinator was left looking for a file that was never made.
    from monitoring_data import write_monitoring

    write_monitoring(mini)
    code, out, _ = run_cli("build", str(mini), "--only", "monitoring-2027")
    assert code == 2, out
    assert (
        "Za rok 2027 nejsou ve složce monitoring/ žádná hlášení oblastí, a tak monitorovací "
        "zpráva za něj nevznikla. Hlášení jsou za roky 2026." in " ".join(out.split())
    )
    assert not (mini / "output").exists() or not list((mini / "output").iterdir())
    code, out, _ = run_cli("build", str(mini), "--only", "monitoring-2026.pdf,monitoring-2027.pdf")
    assert code == 0, out
    assert "Za rok 2027 nejsou" in out and "output/monitoring-2026.pdf" in out
    code, out, _ = run_cli("build", str(mini), "--only", "monitoring-2026.pdf,monitoring-2027.pdf")
    assert code == 0 and "Beze změny od posledního sestavení" in out, out
    assert "Za rok 2027 nejsou" in out  # the repeat build says it again


def test_only_a_selection_that_makes_nothing_says_so(
    mini: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    code, out, _ = run_cli("build", str(mini), "--only", "monitoring")
    assert code == 2, out
    assert "Nic nebylo sestaveno: výběr --only monitoring v tomto plánu nedává žádný výstup." in (
        " ".join(out.split())
    )
