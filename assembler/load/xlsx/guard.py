"""Every returned workbook is hostile until proven otherwise: the suffix and the first
bytes decide the format (an encrypted workbook is an OLE container, not a zip), and the
zip's directory bounds the uncompressed size and refuses external links and macros,
all before openpyxl sees a byte. openpyxl parses XML through defusedxml when it is
installed (a dependency of ours), so entity expansion is refused too (``damaged``).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from defusedxml import DefusedXmlException

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 5000
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class Refused(Exception):
    """A file that is not read at all; ``rule`` is its code in the rule catalogue."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


def admitted(path: Path, name: str) -> bytes:
    """The bytes of a file that may be given to openpyxl, or Refused with a Czech message:
    the suffix and the first bytes decide the format, the zip's directory the rest."""
    suffix = path.suffix.lower()
    if suffix in (".xlsm", ".xltm", ".xlsb", ".xls", ".xlt", ".ods"):
        raise Refused("sesit-soubor", _wrong_format(name, suffix))
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as err:
        raise Refused("sesit-soubor", _unopened(name, err)) from None
    if head.startswith(_OLE_MAGIC):
        message = (
            f"Sešit {name} je chráněný heslem (zašifrovaný), a tak jej nelze přečíst. "
            "Otevřete jej v Excelu, v Soubor → Informace → Zamknout sešit heslo smažte, "
            "uložte a pošlete znovu."
        )
        raise Refused("sesit-soubor", message)
    if suffix != ".xlsx" or not head.startswith(_ZIP_MAGIC):
        message = (
            f"Soubor {name} není sešit Excelu .xlsx (nebo je poškozený). Pošlete sešit, který "
            "jste dostali, uložený v Excelu nebo Calcu jako „Sešit Excelu (.xlsx)“."
        )
        raise Refused("sesit-soubor", message)
    if size > MAX_FILE_BYTES:
        raise Refused("sesit-velikost", _too_big(name, size))
    data = path.read_bytes()
    _inspect_zip(data, name)
    return data


def _unopened(name: str, err: OSError) -> str:
    """Why a path given to plan monitor import is no readable file, in Czech (the OS said
    "No such file or directory")."""
    if isinstance(err, FileNotFoundError):
        return f"Sešit {name} neexistuje. Zkontrolujte cestu a název souboru v příkazu."
    if isinstance(err, IsADirectoryError):
        return (
            f"{name} je složka, ne sešit. Uveďte sešity v ní (např. {name}/*.xlsx); složku "
            "plánu lze uvést jen jako poslední argument, za sešity."
        )
    if isinstance(err, PermissionError):
        return f"Sešit {name} nelze otevřít: k souboru nemáte oprávnění ke čtení."
    return (
        f"Sešit {name} nelze otevřít: je zamčený jiným programem (zavřete jej v Excelu) "
        "nebo leží na nedostupném disku."
    )


def _caused_by(err: BaseException | None, kind: type[BaseException]) -> bool:
    while err is not None:
        if isinstance(err, kind):
            return True
        err = err.__cause__ or err.__context__
    return False


def damaged(name: str, err: Exception) -> str:
    """Why openpyxl could not parse what it was given: an entity definition defusedxml
    refused, or a damaged part."""
    if _caused_by(err, DefusedXmlException):  # openpyxl wraps it in its own ValueError
        return (
            f"Sešit {name} obsahuje v XML definice entit (DTD), které Excel ani Calc nepíší "
            "a které slouží k útokům; nečte se. Pošlete sešit, který jste dostali."
        )
    return (
        f"Sešit {name} je poškozený a nelze jej přečíst. Otevřete jej v Excelu nebo Calcu, "
        "uložte znovu jako .xlsx a pošlete znovu."
    )


def _wrong_format(name: str, suffix: str) -> str:
    kind = {
        ".xlsm": "sešit s makry",
        ".xltm": "šablona s makry",
        ".xlsb": "binární sešit",
        ".xls": "sešit ve starém formátu Excel 97–2003",
        ".xlt": "šablona ve starém formátu",
        ".ods": "tabulka OpenDocument",
    }[suffix]
    return (
        f"Soubor {name} je {kind} ({suffix}); přijímá se jen sešit .xlsx. V Excelu zvolte "
        "Soubor → Uložit jako → „Sešit Excelu (.xlsx)“ a pošlete ten."
    )


def _too_big(name: str, size: int) -> str:
    return (
        f"Sešit {name} má {size // (1024 * 1024)} MB, víc, než sešit monitoringu kdy "
        "potřebuje; nečte se. Pošlete sešit, který jste dostali, bez vložených obrázků."
    )


def _not_a_workbook(name: str, names: list[str]) -> str:
    kinds = {"word/": "dokument Wordu", "ppt/": "prezentace PowerPointu"}
    kind = next((k for part, k in kinds.items() if any(n.startswith(part) for n in names)), "")
    what = kind or "archiv ZIP"
    return (
        f"Soubor {name} je {what}, ne sešit Excelu (jen má příponu .xlsx). Pošlete sešit, "
        "který jste dostali, uložený v Excelu nebo Calcu jako „Sešit Excelu (.xlsx)“."
    )


def _inspect_zip(data: bytes, name: str) -> None:
    """Judge the zip by its directory before anything is decompressed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        message = (
            f"Sešit {name} je poškozený (není to platný soubor .xlsx). Otevřete jej v Excelu "
            "nebo Calcu, uložte znovu jako .xlsx a pošlete znovu."
        )
        raise Refused("sesit-soubor", message) from None
    unpacked = sum(entry.file_size for entry in entries)
    if len(entries) > MAX_ENTRIES or unpacked > MAX_UNPACKED_BYTES:
        raise Refused("sesit-velikost", _too_big(name, max(unpacked, len(data))))
    names = [entry.filename.lower() for entry in entries]
    if not any(n.startswith("xl/") for n in names):  # a zip or a .docx renamed to .xlsx
        raise Refused("sesit-soubor", _not_a_workbook(name, names))
    if any(n.startswith("xl/externallinks/") for n in names):
        message = (
            f"Sešit {name} obsahuje odkazy na jiné sešity (externí odkazy); takový se "
            "nečte. V Excelu zvolte Data → Upravit odkazy → Zrušit propojení, uložte a "
            "pošlete znovu."
        )
        raise Refused("sesit-externi-odkaz", message)
    if any(n.endswith("vbaproject.bin") for n in names):
        raise Refused("sesit-soubor", _wrong_format(name, ".xlsm"))
