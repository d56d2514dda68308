"""A project file's bytes, then its text: what must hold before any YAML is read.

``read_bounded`` admits the bytes only of a regular file inside the project folder, at most
MAX_BYTES of them; ``read_text`` decodes them as UTF-8 (a BOM dropped, CR LF and CR
line ends made LF) and refuses UTF-16, binary files, other encodings and control characters.
Every such mistake is a located Problem, never an exception.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from assembler.problems.diagnostics import Location, Problem

MAX_BYTES = 4 * 1024 * 1024

_SAVE_AS_UTF8 = (
    "Otevřete soubor v Poznámkovém bloku, zvolte Soubor → Uložit jako…, v poli Kódování "
    "vyberte UTF-8 a soubor uložte."
)


def read_bounded(path: Path, name: str, root: Path) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a regular file inside the project folder, at most MAX_BYTES of them.

    Anything else found under a project name (a folder called x.md, a named pipe that
    would block forever, a link to /dev/zero or outside the plan) is a located problem,
    and a file is never read whole before its size is known.
    """
    start = Location(name, 1, 1)
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):  # a dangling or looping symbolic link
        return None, [Problem("neni-soubor", _DANGLING, start)]
    if not real.is_relative_to(root.resolve()):
        return None, [Problem("neni-soubor", _OUTSIDE, start)]
    try:
        if not stat.S_ISREG(os.stat(real).st_mode):
            return None, [Problem("neni-soubor", _NOT_REGULAR, start)]
        # O_NONBLOCK: a pipe swapped in after the check must not hang the check.
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return None, [Problem("neni-soubor", _NOT_REGULAR, start)]
            if info.st_size > MAX_BYTES:
                return None, [_too_big(info.st_size, start)]
            raw = handle.read(MAX_BYTES + 1)
    except OSError as err:
        message = _UNREADABLE.format(reason=_os_reason(err))
        return None, [Problem("soubor-necitelny", message, start)]
    if len(raw) > MAX_BYTES:  # the file grew while it was being read
        return None, [_too_big(len(raw), start)]
    return raw, []


def _too_big(size: int, start: Location) -> Problem:
    message = (
        f"Soubor má {size / (1024 * 1024):.0f} MiB, kapitola plánu i roční hlášení mívají "
        f"desítky KiB (limit je {MAX_BYTES // (1024 * 1024)} MiB). Zkontrolujte, že jde "
        "o správný soubor; velké přílohy rozdělte."
    )
    return Problem("prilis-velky-soubor", message, start)


def _os_reason(err: OSError) -> str:
    if isinstance(err, PermissionError):
        return "k souboru nemáte oprávnění ke čtení"
    return "soubor nelze otevřít (je zamčený jiným programem nebo na nedostupném disku)"


def read_text(path: Path, name: str, root: Path) -> tuple[bytes, str | None, list[Problem]]:
    """The file's bytes and its text; no text, but the problems, when it is not UTF-8 text."""
    start = Location(name, 1, 1)
    raw_or_none, problems = read_bounded(path, name, root)
    if raw_or_none is None:
        return b"", None, problems
    raw = raw_or_none
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        message = f"Soubor je uložen v kódování UTF-16, plán potřebuje UTF-8. {_SAVE_AS_UTF8}"
        return raw, None, [Problem("kodovani", message, start)]
    if raw.startswith(b"PK\x03\x04") or b"\x00" in raw[:4096]:
        message = (
            "Soubor není text, ale binární soubor (např. dokument Wordu). Kapitolu "
            "napište jako prostý text (Markdown) a uložte s příponou .md v kódování UTF-8."
        )
        return raw, None, [Problem("kodovani", message, start)]
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as err:
        return raw, None, [_not_utf8(body, err.start, name)]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = _control_characters(text, name)
    return raw, (None if controls else text), controls


# C0 controls but tab and line end, DEL, C1 controls and the two noncharacters: invisible
# in an editor, refused by the PDF engine and by XML (DOCX), and never meant by an author.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_MAX_CONTROL_REPORTS = 5


def _control_characters(text: str, name: str) -> list[Problem]:
    problems: list[Problem] = []
    for match in _CONTROL.finditer(text):
        if len(problems) == _MAX_CONTROL_REPORTS:
            break
        offset = match.start()
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        message = (
            f"Text obsahuje neviditelný řídicí znak U+{ord(match.group(0)):04X}, který nelze "
            "vytisknout (často vznikne vložením textu z jiného programu). Smažte jej: "
            "v editoru umístěte kurzor na toto místo a znak odstraňte, nebo celý řádek "
            "napište znovu."
        )
        problems.append(Problem("ridici-znak", message, Location(name, line, col)))
    return problems


def _not_utf8(data: bytes, offset: int, name: str) -> Problem:
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    try:
        guess = data.decode("cp1250")
    except UnicodeDecodeError:
        message = (
            f"Soubor není uložen v kódování UTF-8 a jeho kódování nelze poznat. {_SAVE_AS_UTF8}"
        )
    else:
        char = guess[len(data[:offset].decode("cp1250"))]
        message = (
            "Soubor není uložen v kódování UTF-8; podle znaků jde nejspíš o Windows-1250 "
            f"(zde znak „{char}“). {_SAVE_AS_UTF8}"
        )
    return Problem("kodovani", message, Location(name, line, col))


_DANGLING = (
    "Soubor je zástupce (symbolický odkaz), který nikam nevede. Smažte jej, nebo na jeho "
    "místo zkopírujte skutečný soubor."
)
_OUTSIDE = (
    "Soubor je zástupce (symbolický odkaz) na soubor mimo složku plánu; plán čte jen své "
    "vlastní soubory. Zkopírujte soubor do složky plánu."
)
_NOT_REGULAR = (
    "Pod tímto jménem není obyčejný soubor, ale složka, roura nebo zařízení. Přejmenujte jej "
    "(kapitoly jsou soubory .md), nebo jej ze složky plánu odstraňte."
)
_UNREADABLE = "Soubor nelze přečíst: {reason}. Zavřete jej v jiných programech a zkuste to znovu."
