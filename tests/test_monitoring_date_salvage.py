"""A wrong date of an area's report no longer hides the file's other mistakes (sample)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpers import edit, position

Run = Callable[..., tuple[int, str, str]]


def test_a_wrong_report_date_and_the_files_other_mistakes_in_one_run(
    sample: Path, run_cli: Run
) -> None:
    name = "monitoring/2027/10-seniori.yaml"
    edit(sample, name, "datum: 2028-01-20", "datum: 31. 2. 2028")
    edit(sample, name, "    stav: rozpracovano\n    pokrok: 55", "    stav: hotovo\n    pokrok: 55")
    code, out, err = run_cli("check", str(sample))
    assert code == 1, out + err
    line, col = position(sample, name, "31. 2. 2028")
    assert (
        f"{name}:{line}:{col}: chyba: „31. 2. 2028“ není skutečné datum (takový den v kalendáři "
        "není). Napište je např. jako 10. 12. 2026."
    ) in out
    line, col = position(sample, name, "hotovo")
    assert f"{name}:{line}:{col}: chyba: Stav „hotovo“ není ve slovníku stavů." in out
    # The stand-in of the refused date is judged by no rule about dates.
    assert "dřív, než rok" not in out and "9999" not in out
    code, out, err = run_cli("build", str(sample), "--only", "monitoring-2027")
    assert code == 1, out + err
    assert not (sample / "output").exists()
