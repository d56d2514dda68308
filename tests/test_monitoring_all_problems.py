"""A monitoring file with a value refused while reading (a negative amount, "100 dní"
as a number) still has its other mistakes found in the same run: the garant sees every
problem of the file at once, each located (the sample plan's reports, as garants edit them)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpers import at, edit, position, problems_of

from assembler.checks.pipeline import check

Run = Callable[..., tuple[int, str, str]]
SEN = "monitoring/2026/10-seniori.yaml"
REPORT = "monitoring/2026/zprava.yaml"


def _four_mistakes(root: Path) -> None:
    edit(root, SEN, "{obec: 1476000,", "{obec: -5000,")  # SEN 1.1
    edit(root, SEN, "hodnota: 35\n", "hodnota: 100 dní\n")  # SEN 1.1b
    edit(root, SEN, "  - kod: 1.4\n", "  - kod: 1.44\n")
    edit(root, SEN, "stav: rozpracovano\n    pokrok: 25", "stav: hotovo\n    pokrok: 25")  # 2.1


def _line(root: Path, needle: str, shift: int, text: str) -> str:
    line, col = position(root, SEN, needle, shift)
    return f"{SEN}:{line}:{col}: chyba: {text}"


def test_refused_values_do_not_hide_the_files_other_errors(sample: Path, run_cli: Run) -> None:
    _four_mistakes(sample)
    code, out, _ = run_cli("check", str(sample))
    assert code == 1, out
    errors = [line for line in out.splitlines() if ": chyba: " in line]
    assert errors == [
        _line(
            sample,
            "-5000",
            0,
            "„-5000“ není platná částka. Napište nezáporné číslo v korunách, nejvýše "
            "s haléři, např. 1250000 nebo „1 250 000,50“. [castka]",
        ),
        _line(
            sample,
            "100 dní",
            0,
            "Klíč „hodnota“ má obsahovat číslo (např. 120 nebo 12,5), ne „100 dní“. "
            "[spatna-hodnota]",
        ),
        _line(
            sample,
            "kod: 1.44",
            len("kod: "),
            # 1.3 and 2.2 begin in 2027: no code a garant reports on in 2026.
            "Opatření SEN 1.44 v plánu není. Měli jste na mysli „1.4“? V roce 2026 běží "
            "opatření oblasti SEN: 1.1, 1.2, 1.4, 2.1, 3.1, 3.2. [monitoring-kod]",
        ),
        _line(
            sample,
            "hotovo",
            0,
            "Stav „hotovo“ není ve slovníku stavů. Povolené stavy: naplneno, rozpracovano, "
            "nezahajeno, pozastaveno, zruseno, bez_udaju (plan.yaml, stavy_opatreni). "
            "[monitoring-stav]",
        ),
    ]
    # The file was read: the measures it reports are not called missing, only the one
    # whose code was mistyped, and nobody is sent to a file "that did not load".
    (missing,) = [line for line in out.splitlines() if "[monitoring-chybi]" in line]
    assert "SEN 1.4. Doplňte je do monitoring/2026/10-seniori.yaml" in missing
    assert "nenačetl" not in out
    assert "Nalezeno: 4 chyby a 1 varování v 1 souboru." in out


def test_a_build_of_such_a_file_writes_nothing(sample: Path, run_cli: Run) -> None:
    output = sample / "output"
    output.mkdir()
    (output / "monitoring-2026.pdf").write_bytes(b"previous")
    _four_mistakes(sample)
    code, out, _ = run_cli("build", str(sample))
    assert code == 1, out
    assert sum(": chyba: " in line for line in out.splitlines()) == 4, out
    assert sorted(p.name for p in output.iterdir()) == ["monitoring-2026.pdf"]
    assert (output / "monitoring-2026.pdf").read_bytes() == b"previous"


def test_amounts_and_progress_written_as_text_leave_the_rest_judged(sample: Path) -> None:
    edit(sample, SEN, "mpsv: 2002000,", "mpsv: 2 mil.,")
    edit(sample, SEN, "pokrok: 30\n", "pokrok: hodně\n")  # SEN 1.2
    edit(sample, SEN, "        hodnota: 57\n", "        hodnota: 57\n        hodnot: 58\n")
    edit(sample, SEN, "skutecne_naklady: {obec: 87000}", "skutecne_naklady: {obce: 87000}")
    edit(sample, SEN, "      - kod: 3.2a\n", "      - kod: 3.2x\n")
    result = check(sample)
    assert not result.ok
    (amount,) = problems_of(result, "castka")
    at(amount, SEN, position(sample, SEN, "2 mil."))
    assert amount.message.startswith("„2 mil.“ není platná částka.")
    (progress,) = problems_of(result, "spatna-hodnota")
    at(progress, SEN, position(sample, SEN, "hodně"))
    assert progress.message == (
        "Klíč „pokrok“ má obsahovat číslo (např. 120 nebo 12,5), ne „hodně“."
    )
    (key,) = problems_of(result, "neznamy-klic")
    at(key, SEN, position(sample, SEN, "hodnot: 58"))
    assert key.message == "Neznámý klíč „hodnot“. Měli jste na mysli „hodnota“?"
    # Found only by the plan's rules, which never saw a file refused while reading.
    (source,) = problems_of(result, "neznamy-zdroj")
    at(source, SEN, position(sample, SEN, "obce: 87000"))
    assert source.message.startswith("Zdroj financování „obce“ není v seznamu zdrojů plánu.")
    (code,) = problems_of(result, "monitoring-kod")
    at(code, SEN, position(sample, SEN, "3.2x"))
    assert code.message.startswith("Opatření SEN 3.2 nemá indikátor SEN 3.2x.")


def test_a_code_that_cannot_be_set_aside_still_refuses_the_file(sample: Path) -> None:
    # A report whose measure code is no code cannot be judged against the plan: it stays
    # unread, with the reading's errors only (nothing made up about the measure).
    edit(sample, SEN, "  - kod: 1.4\n", "  - kod: jedna\n")
    edit(sample, SEN, "stav: rozpracovano\n    pokrok: 25", "stav: hotovo\n    pokrok: 25")
    result = check(sample)
    assert problems_of(result, "spatna-hodnota")
    assert not problems_of(result, "monitoring-stav")
    missing = " ".join(p.message for p in problems_of(result, "monitoring-chybi"))
    assert "Soubor 10-seniori.yaml s hlášením oblasti SEN se pro chyby vypsané u něj" in missing


def test_a_broken_resolution_does_not_hide_the_reports_wrong_year(sample: Path) -> None:
    edit(sample, REPORT, "  usneseni: RM/41/2027/1290\n", "")
    edit(sample, REPORT, "rok: 2026", "rok: 2027")
    result = check(sample)
    (missing,) = problems_of(result, "chybi-klic")
    assert missing.location.file == REPORT
    assert missing.message.startswith("Chybí povinný klíč „usneseni“")
    (year,) = problems_of(result, "monitoring-rok")
    at(year, REPORT, position(sample, REPORT, "2027", nth=1))
    assert year.message.startswith("Soubor je ve složce monitoring/2026/, ale uvádí rok 2027.")
