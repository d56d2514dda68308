"""The documents a plan produces — the full plan and the public summary — as Markdown plus metadata.

One Markdown text per document feeds every format, so DOCX, PDF and HTML cannot
disagree about content.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from assembler.models.placement import Output
from assembler.render import czech

if TYPE_CHECKING:  # the templates are imported when a document is made, not by `plan check`
    from assembler.checks.pipeline import CheckedPlan


class DocumentKind(StrEnum):
    """The documents a plan produces; the value is the word ``--only`` accepts."""

    PLAN = "plan"
    SUMMARY = "summary"
    MONITORING = "monitoring"  # one document per monitored year
    MUNICIPALITY = "obec"  # one extract per municipality of the territory register

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def output(self) -> Output:
        """What docs/klice.md calls this document where it says which keys it prints."""
        return _PRINTED_AS[self]


_LABELS = {
    DocumentKind.PLAN: "celý plán",
    DocumentKind.SUMMARY: "veřejná verze",
    DocumentKind.MONITORING: "monitorovací zprávy",
    DocumentKind.MUNICIPALITY: "podíly obcí pro jejich zastupitelstva",
}
PLAN, SUMMARY, MONITORING = DocumentKind.PLAN, DocumentKind.SUMMARY, DocumentKind.MONITORING
MUNICIPALITY = DocumentKind.MUNICIPALITY
_PRINTED_AS = {
    PLAN: Output.PLAN,
    SUMMARY: Output.SUMMARY,
    MONITORING: Output.MONITORING,
    MUNICIPALITY: Output.MUNICIPALITY,
}
# Which one of a document kind made many times: a monitored year or a municipality key.
Part = int | str | None
ESF_LOGO_ALT = "Logo Evropské unie a Operačního programu Zaměstnanost plus"
ESF_LINE = czech.joined(
    ("Evropská unie", "Evropský sociální fond", "Operační program Zaměstnanost plus")
)
# A short line right under a heading (a measure's status, an area's progress) that stays
# on the page of what follows it, as the heading stays with it: otherwise a heading and
# its one line end a page and the text they introduce starts the next. The DOCX
# paragraph style of that name keeps with next, the HTML print style avoids a break
# after it, and pdf.py turns it into a block that layout.typ makes sticky.
LEAD_STYLE = "Lead Line"
LEAD_LABEL = "drzi-s-dalsim"


def lead(markdown: str) -> str:
    """Markdown kept on the page of what follows it (see LEAD_STYLE)."""
    return f'::: {{custom-style="{LEAD_STYLE}"}}\n{markdown.strip()}\n:::\n'


def typst_leads(markdown: str) -> str:
    """The lead lines as blocks with the label layout.typ makes sticky (pandoc's Typst
    writer drops a div's style, but keeps its id as a label)."""
    return markdown.replace(f'::: {{custom-style="{LEAD_STYLE}"}}\n', f"::: {{#{LEAD_LABEL}}}\n")


@dataclass(frozen=True)
class Chart:
    """A chart made at render time (render/charts.py): the Markdown names it by ``target``,
    which no file has; each format takes the SVG from here (images.py).

    The SVG is drawn in the background (``drawing``): pandoc converts the report's text
    meanwhile, and a format waits for the drawing only when it needs the image."""

    target: str  # "graf-stavy.svg"
    alt: str
    drawing: Future[bytes]
    size: tuple[float, float]  # inches, known before the drawing ends
    fonts: tuple[str, ...] = ()  # font folders holding the fonts the SVG's text is set in

    @property
    def svg(self) -> bytes:
        return self.drawing.result()


@dataclass(frozen=True)
class Document:
    """The contract between the document stage and every format (builder): one
    Markdown text with plain-string metadata, the plan folder its images are in, and
    the charts generated for it."""

    kind: DocumentKind
    markdown: str
    meta: dict[str, str]
    root: Path
    charts: tuple[Chart, ...] = ()

    def chart(self, target: str) -> Chart | None:
        return next((c for c in self.charts if c.target == target), None)


def logo_alt(meta: dict[str, str]) -> str:
    """The municipality logo's alternative text in every format (layout.typ writes the same)."""
    return f"Logo: {meta['author']}"


def title_meta(plan: CheckedPlan) -> dict[str, str]:
    from assembler.render.formatting import Formatting

    info = plan.project.info
    view = Formatting(info)
    status = czech.joined((f"Verze {info.version}", view.status))
    approval = ""
    if info.approval:
        a = info.approval
        approval = f"Schváleno: {a.body}, usnesení č. {a.resolution} ze dne {czech.date(a.date)}"
    meta = {
        "title": info.title,
        "short-title": f"Střednědobý plán rozvoje sociálních služeb {view.period}",
        "author": info.municipality.name,
        "status-line": status,
        "approval": approval,
        "logo": info.municipality.logo or "",
        "esf-logo": info.esf.logo if info.esf else "",
        "reference-docx": info.outputs.reference_docx or "",
        "esf-project": (
            f"Projekt {info.esf.project}, reg. č. {info.esf.registration}" if info.esf else ""
        ),
    }
    return meta


def plan_document(plan: CheckedPlan) -> Document:
    from assembler.render.markdown import Renderer

    markdown = Renderer(plan).render("plan.md.j2")
    return Document(PLAN, markdown, title_meta(plan), plan.project.root)


def summary_document(plan: CheckedPlan) -> Document:
    from assembler.render.markdown import Renderer

    # Links point into the full plan, which the summary does not contain: print labels only.
    markdown = Renderer(plan, linked=False).render("summary.md.j2")
    meta = title_meta(plan)
    meta["title"] = f"{plan.project.info.title} – srozumitelná verze pro veřejnost"
    meta["short-title"] = "Plán sociálních služeb – verze pro veřejnost"
    return Document(SUMMARY, markdown, meta, plan.project.root)


MAKERS: dict[DocumentKind, Callable[[CheckedPlan], Document]] = {
    PLAN: plan_document,
    SUMMARY: summary_document,
}


def make_document(kind: DocumentKind, plan: CheckedPlan, part: Part = None) -> Document:
    """The document of ``kind``; a monitoring report is the one of a monitored year,
    a municipality's extract the one of a municipality key (``part``)."""
    if kind is MONITORING:
        from assembler.render.monitoring import monitoring_document

        monitored = plan.monitoring.get(part) if isinstance(part, int) else None
        if monitored is None:
            raise ValueError(f"no monitoring data for {part}")
        return monitoring_document(plan, monitored)
    if kind is MUNICIPALITY:
        from assembler.render.extract import municipality_document

        if not isinstance(part, str):
            raise ValueError(f"no municipality {part}")
        return municipality_document(plan, part)
    return MAKERS[kind](plan)
