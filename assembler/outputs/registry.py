"""Every output of a plan, declared once: its document, its format (builder) and the
``vystupy`` key of ``plan.yaml`` that names its file.

``plan build``, ``--only``, the build cache, the output-name rules and ``plan watch``
all read this table; adding an output (a yearly monitoring report, an XLSX workbook,
a website folder) is one more :class:`Output` line and, for a new kind of file, one
more :class:`~assembler.render.formats.Format`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from assembler.models.publication import OutputFiles
from assembler.problems.diagnostics import did_you_mean
from assembler.render.documents import Document, DocumentKind, Part
from assembler.render.formats import DOCX, HTML, PDF, Files, Format

PLAN, SUMMARY, MONITORING = DocumentKind.PLAN, DocumentKind.SUMMARY, DocumentKind.MONITORING
MUNICIPALITY = DocumentKind.MUNICIPALITY
YEAR = "{rok}"  # in the file name of a yearly output, replaced by the year
KEY = "{obec}"  # in the file name of a municipality's extract, replaced by its key
FOLDER_SETTING = "directory"  # the OutputFiles field of the output folder (vystupy.adresar)


@dataclass(frozen=True)
class Output:
    key: str  # "plan.docx": the word --only accepts, stable whatever the file is called
    document: DocumentKind
    format: Format
    setting: str  # the OutputFiles field holding its file name

    def __post_init__(self) -> None:
        if self.setting not in OutputFiles.model_fields:
            raise ValueError(f"{self.key}: OutputFiles has no field {self.setting}")
        if self.document not in self.format.documents:
            raise ValueError(f"{self.key}: {self.format.kind} cannot build {self.document}")

    @property
    def yaml_path(self) -> tuple[str, str]:
        """Where plan.yaml names this output's file: ("vystupy", "plan_docx")."""
        return ("vystupy", _alias(self.setting))

    @property
    def yearly(self) -> bool:
        """One file per monitored year (monitoring-2026.pdf, monitoring-2027.pdf, …)."""
        return self.document is MONITORING

    @property
    def per_municipality(self) -> bool:
        """One file per municipality of the territory register (obec-janov.pdf, …)."""
        return self.document is MUNICIPALITY

    @property
    def placeholder(self) -> str | None:
        """What the file name must contain to tell the parts apart ({rok}, {obec})."""
        return YEAR if self.yearly else KEY if self.per_municipality else None

    def file_name(self, settings: OutputFiles, part: Part = None) -> str:
        """The file name from plan.yaml; ``{rok}`` becomes the year, ``{obec}`` the
        municipality key in lower case."""
        name: str = getattr(settings, self.setting)
        if self.placeholder is None or part is None:
            return name
        return name.replace(self.placeholder, str(part).lower())

    def write(self, document: Document, settings: OutputFiles, part: Part = None) -> Files:
        return self.format.write(document, self.file_name(settings, part))


OUTPUTS: tuple[Output, ...] = (
    Output("plan.docx", PLAN, DOCX, "plan_docx"),
    Output("plan.pdf", PLAN, PDF, "plan_pdf"),
    Output("summary.pdf", SUMMARY, PDF, "summary_pdf"),
    Output("summary.docx", SUMMARY, DOCX, "summary_docx"),
    Output("summary.html", SUMMARY, HTML, "summary_html"),
    Output("monitoring.pdf", MONITORING, PDF, "monitoring_pdf"),
    Output("monitoring.docx", MONITORING, DOCX, "monitoring_docx"),
    Output("monitoring.html", MONITORING, HTML, "monitoring_html"),
    Output("obec.pdf", MUNICIPALITY, PDF, "municipality_pdf"),
    Output("obec.docx", MUNICIPALITY, DOCX, "municipality_docx"),
)
# One year's monitoring report on --only: monitoring-2026 or monitoring-2026.pdf.
_ONE_YEAR = re.compile(rf"{MONITORING.value}-(\d{{4}})(?:\.(\w+))?")
# One municipality's extract on --only: obec-janov or obec-janov.pdf.
_ONE_MUNICIPALITY = re.compile(rf"{MUNICIPALITY.value}-([a-z0-9_-]+?)(?:\.(pdf|docx))?")

# What `plan watch` shows: the full plan, as a live HTML page (render/livehtml.py).
PREVIEW = PLAN


def _alias(field: str) -> str:
    return OutputFiles.model_fields[field].alias or field


def folder_yaml_path() -> tuple[str, str]:
    return ("vystupy", _alias(FOLDER_SETTING))


def output_folder(root: Path, settings: OutputFiles) -> Path:
    """The one definition of where outputs go: ``vystupy.adresar`` under the plan folder."""
    return root / settings.directory


# The garants' monitoring workbooks of one year (plan monitor export), under the output folder.
WORKBOOK_FOLDER = "sesity-{rok}"


def workbook_folder(root: Path, settings: OutputFiles, year: int) -> Path:
    return output_folder(root, settings) / WORKBOOK_FOLDER.replace(YEAR, str(year))


def default_folder() -> str:
    """The output folder when plan.yaml does not say (before a plan has been read)."""
    return str(OutputFiles().directory)


class SelectionError(ValueError):
    """``--only`` named something that is neither an output, a document nor a format."""

    def __init__(self, unknown: list[str]) -> None:
        super().__init__(", ".join(unknown))
        self.unknown = unknown


class UnknownMunicipalityError(SelectionError):
    """``--only obec-KLIC`` named a municipality that gets no extract in this plan."""

    def __init__(self, unknown: list[str], known: list[str]) -> None:
        super().__init__(unknown)
        self.known = known


def _words(output: Output) -> set[str]:
    return {output.key, output.document.value, output.format.kind.value}


def _year_word(word: str) -> str | None:
    """``monitoring-2026.pdf`` → ``monitoring.pdf`` (the output it names), else None;
    ``obec-janov.pdf`` → ``obec.pdf`` likewise."""
    for pattern, kind in ((_ONE_YEAR, MONITORING), (_ONE_MUNICIPALITY, MUNICIPALITY)):
        match = pattern.fullmatch(word)
        if match is not None:
            return kind.value + (f".{match.group(2)}" if match.group(2) else "")
    return None


def select(only: Iterable[str] | None) -> tuple[Output, ...]:
    """The outputs ``--only`` words name: an output (plan.pdf), a document (summary),
    a format (pdf) or one year's report (monitoring-2026.pdf); everything without words."""
    typed = [w.strip().lower() for w in only or () if w.strip()]
    if not typed:
        return OUTPUTS
    words = [_year_word(w) or w for w in typed]
    known = set().union(*(_words(o) for o in OUTPUTS))
    # The words as typed: monitoring-2026.xlsx is reported so, not as monitoring.xlsx.
    unknown = [t for t, w in zip(typed, words, strict=True) if w not in known]
    if unknown:
        raise SelectionError(unknown)
    return tuple(o for o in OUTPUTS if _words(o) & set(words))


def suggestion(word: str) -> str:
    """A "did you mean" for an unknown ``--only`` word (monitoringg → monitoring); none
    for a year's or a municipality's word, whose form the list of choices shows."""
    if _year_word(word) is not None:
        return ""
    return did_you_mean(word, sorted(set().union(*(_words(o) for o in OUTPUTS))))


def selected_years(only: Iterable[str] | None) -> frozenset[int] | None:
    """The years ``--only`` restricts the monitoring reports to; None = every year."""
    years = {int(m.group(1)) for w in only or () if (m := _ONE_YEAR.fullmatch(w.strip().lower()))}
    plain = [w for w in only or () if w.strip() and not _ONE_YEAR.fullmatch(w.strip().lower())]
    return frozenset(years) if years and not any(_monitoring_word(w) for w in plain) else None


def _monitoring_word(word: str) -> bool:
    return word.strip().lower().split(".")[0] == MONITORING.value


def selected_municipalities(only: Iterable[str] | None) -> frozenset[str] | None:
    """The municipality keys (lower case) ``--only`` restricts the extracts to; None = all."""
    words = [w.strip().lower() for w in only or () if w.strip()]
    keys = {m.group(1) for w in words if (m := _ONE_MUNICIPALITY.fullmatch(w))}
    every = any(w.split(".")[0] == MUNICIPALITY.value for w in words)
    return frozenset(keys) if keys and not every else None


def choices() -> str:
    """The Czech list of what ``--only`` accepts, for its error message and help."""
    outputs = ", ".join(o.key for o in OUTPUTS) + ", monitoring-RRRR.pdf (jeden rok)"
    outputs += ", obec-KLIC.pdf (jedna obec)"
    documents = ", ".join(
        f"{k.value} ({k.label})" for k in dict.fromkeys(o.document for o in OUTPUTS)
    )
    formats = ", ".join(dict.fromkeys(o.format.kind.value for o in OUTPUTS))
    return f"výstupy {outputs}; dokumenty {documents}; formáty {formats}"
