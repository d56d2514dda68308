"""Every key is printed in exactly the documents its declaration names (models/placement.py).

A variant of the feature plan gets a value of its own — a marker such as ``q0042q`` — in
every text key of plan.yaml, of each chapter's front matter and of each monitoring
file; every output is built once, its text extracted (pdftotext, the DOCX XML, the HTML)
and each marker must appear in every format of the documents its key declares, and in
no other document. Personal contacts without verejny_kontakt and internal notes must
therefore appear nowhere.

What is checked how:
- free text (names, descriptions, contacts, notes, reasons, the explanations of
  abbreviations and of removed codes): a marker per value, exactly;
- numbers and dates that can take a value of their own (``NUMBERS``, ``DATES``: population,
  indicator values planned and reported, the dates of approval and of reports): a
  distinctive number or day, found as a whole number or date, exactly;
- register and vocabulary entries (``where_used``: organisation names, vocabulary names,
  abbreviations): never outside the declared documents, and each declared document
  prints the key for at least one entry;
- not checked by values of their own, because they are constrained: codes and register
  keys (which links and references must find), IČO, service identifiers and sections,
  enums, yes/no keys, years, amounts (they must add up), progress shares and weights,
  paths of images and output files (``UNMARKED`` names the text keys constrained so).
"""

from __future__ import annotations

import datetime
import html
import re
import shutil
import subprocess
import types
import typing
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from helpers import FIXTURES, REPO
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from assembler.checks.pipeline import check
from assembler.load.yamlio import load_for_edit
from assembler.models.chapter import Area, Section
from assembler.models.monitoring import REPORT_FILE, AreaMonitoring, ReportInfo
from assembler.models.placement import (
    CANCELLED_PRINTED_IN,
    MONITORED_YEAR_ONLY,
    Output,
    Printed,
    never_printed,
    parts_of,
    placement,
)
from assembler.models.plan import EsfPublicity, Municipality, PlanInfo
from assembler.outputs.build import build
from assembler.outputs.registry import OUTPUTS
from assembler.render.documents import ESF_LOGO_ALT

PDFTOTEXT = shutil.which("pdftotext")
# Text keys whose value must be a key of a register or a file path: no marker fits them.
UNMARKED = {
    ("Locality", "obec"): "klíč obce z registru",
    ("Municipality", "logo"): "cesta k obrázku",
    ("EsfPublicity", "logo"): "cesta k obrázku",
}
UNMARKED_PARTS = {"OutputFiles": "názvy výstupních souborů a cesta k šabloně DOCX"}
# The public summary explains the abbreviations a measure's text for the public uses:
# that text keeps one of the plan's abbreviations after its marker, so that it does.
WITH_ABBREVIATION = ("Measure", "verejne_shrnuti", "SAS")
# Numbers and dates that can take a value of their own: a number that no computed
# figure of the plan equals (searched as a whole number, digit groups joined) and a date
# with a day and month of its own (searched as 17.11.2025).
NUMBERS = {
    ("RegisteredMunicipality", "pocet_obyvatel"),
    ("IndicatorValue", "hodnota"),
    ("IndicatorReport", "hodnota"),
}
DATES = {("Approval", "datum"), ("AreaMonitoring", "datum"), ("MeasureReport", "datum")}
DATES |= {("ReportInfo", "datum")}


@dataclass(frozen=True)
class Marked:
    marker: str
    where: str  # file and path of keys, for the test id and messages
    model: str
    alias: str
    declared: Printed
    expected: frozenset[Output]
    number: bool = False  # found only as a whole number, not inside a longer one


def _is_free_text(field: FieldInfo) -> bool:
    """A plain text key: str without a pattern, a fixed choice or a number form."""
    annotation, metadata = field.annotation, list(field.metadata)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(options) != 1:
            return False
        annotation = options[0]
    if typing.get_origin(annotation) is typing.Annotated:
        annotation, *extra = typing.get_args(annotation)
        metadata += extra
    constrained = ("WithJsonSchema", "AfterValidator")
    return annotation is str and not any(type(m).__name__ in constrained for m in metadata)


def _text_values(field: FieldInfo) -> bool:
    """A mapping of texts to texts (zkratky, vyrazene_kody): its values are free text."""
    if typing.get_origin(field.annotation) is not dict:
        return False
    value = typing.get_args(field.annotation)[1]
    return typing.get_origin(value) is typing.Annotated and typing.get_args(value)[0] is str


@dataclass
class _Context:
    cancelled: bool = False
    monitored: bool = True  # runs in a monitored year (or is not a measure's part)
    # In a monitoring file: its year, and the area, measure and indicator codes so far.
    year: int = 0
    report: tuple[str, ...] = ()


class Variant:
    """Writes markers into a copy of the feature plan and remembers what each must do."""

    def __init__(self, years: set[int]) -> None:
        self.marked: list[Marked] = []
        self.years = years
        # (area, measure, indicator) → (year, index in marked) of each reported value
        self.reported: dict[tuple[str, ...], list[tuple[int, int]]] = {}

    def latest(self) -> None:
        """The value of the latest year reported for an indicator is printed in its
        key's ``latest_in`` documents too."""
        for reports in self.reported.values():
            _, index = max(reports)
            found = self.marked[index]
            self.marked[index] = replace(found, expected=found.expected | found.declared.latest_in)

    def mark(
        self,
        data: dict[str, Any],
        model: type[BaseModel],
        where: str,
        ctx: _Context,
        parent: Printed | None = None,
    ) -> None:
        fields = {f.alias: f for f in model.model_fields.values()}
        if data.get("zruseno"):
            ctx = replace(ctx, cancelled=True)
        timeline = data.get("harmonogram")
        if model.__name__ == "Measure" and isinstance(timeline, dict):
            runs = set(range(int(timeline["od"]), int(timeline["do"]) + 1))
            ctx = replace(ctx, monitored=bool(runs & self.years))
        if model.__name__ == "AreaMonitoring":
            ctx = replace(ctx, year=int(data["rok"]), report=(str(data["oblast"]),))
        elif model.__name__ in ("MeasureReport", "IndicatorReport"):
            ctx = replace(ctx, report=(*ctx.report, str(data["kod"])))
        keys = list(data)
        if data.get("vyssi_je_lepsi") in ("ne", False):  # targets first: they get lower numbers
            keys.sort(key=lambda k: k != "cilova_hodnota")
        for key in keys:
            field, value, here = fields[key], data[key], f"{where}.{key}"
            declared = placement(field)
            if declared is not None and declared.inherited:
                declared = parent
            parts = parts_of(field.annotation)
            if parts:
                for index, item in enumerate(value if isinstance(value, list) else [value]):
                    if isinstance(item, dict):
                        self.mark(item, parts[0], f"{here}[{index}]", ctx, declared)
                continue
            assert declared is not None, f"{model.__name__}.{key} declares no placement"
            if (model.__name__, key) in UNMARKED or model.__name__ in UNMARKED_PARTS:
                continue
            if (model.__name__, key) in NUMBERS:
                number = 5003 + 10 * len(self.marked)
                self._marker(here, model, key, declared, ctx, data, f"{number}")
                data[key] = number
            elif (model.__name__, key) in DATES and isinstance(value, datetime.date):
                day = datetime.date(value.year, 1, 1) + datetime.timedelta(len(self.marked))
                self._marker(here, model, key, declared, ctx, data, f"{day:%-d.%-m.%Y}")
                data[key] = day
            elif isinstance(value, str) and _is_free_text(field):
                data[key] = self._marker(here, model, key, declared, ctx, data)
            elif isinstance(value, dict) and _text_values(field):
                for name in list(value):
                    value[name] = self._marker(f"{here}[{name}]", model, key, declared, ctx, data)

    def _marker(
        self,
        where: str,
        model: type[BaseModel],
        alias: str,
        declared: Printed,
        ctx: _Context,
        data: dict[str, Any],
        number: str | None = None,
    ) -> str:
        marker = number or f"q{len(self.marked) + 1:04d}q"
        expected = declared.places
        if declared.only_with and data.get(declared.only_with) in (None, "", False, "ne"):
            expected = frozenset()
        if ctx.cancelled:
            expected &= CANCELLED_PRINTED_IN
        if not ctx.monitored:
            expected -= {MONITORED_YEAR_ONLY}
        found = Marked(marker, where, model.__name__, alias, declared, expected, number is not None)
        if declared.latest_in:
            self.reported.setdefault(ctx.report, []).append((ctx.year, len(self.marked)))
        self.marked.append(found)
        if (model.__name__, alias) == WITH_ABBREVIATION[:2]:
            return f"{marker} {WITH_ABBREVIATION[2]}"
        return marker


def _rewrite(source: Path, target: Path | None, model: type[BaseModel], variant: Variant) -> None:
    text, body = source.read_text(encoding="utf-8"), None
    if source.suffix == ".md":
        _, text, body = text.split("---\n", 2)
    data, dump = load_for_edit(text)
    if body is not None:
        model = Area if data["typ"] == "oblast" else Section
    variant.mark(data, model, f"{source.parent.name}/{source.name}", _Context())
    if target is not None:
        written = dump(data) if body is None else f"---\n{dump(data)}---\n{body}"
        target.write_text(written, encoding="utf-8")


def plan_variant(
    source: Path, target: Path | None, entries: tuple[str, ...] | None = None
) -> Variant:
    """Mark every text key of the plan in ``source``; write the variant to ``target``
    (a copy of the plan's folder, or of its ``entries`` only)."""
    if target is not None:
        if entries is None:
            shutil.copytree(source, target)
        for entry in entries or ():
            copy = shutil.copytree if (source / entry).is_dir() else shutil.copy
            target.mkdir(exist_ok=True)
            copy(source / entry, target / entry)
    years = {int(p.name) for p in (source / "monitoring").iterdir() if p.name.isdigit()}
    variant = Variant(years)
    files: list[tuple[Path, type[BaseModel]]] = [(source / "plan.yaml", PlanInfo)]
    files += [(chapter, Area) for chapter in sorted((source / "chapters").glob("*.md"))]
    for report in sorted((source / "monitoring").rglob("*.yaml")):
        files.append((report, ReportInfo if report.name == REPORT_FILE else AreaMonitoring))
    for path, model in files:
        written = target / path.relative_to(source) if target is not None else None
        _rewrite(path, written, model, variant)
    variant.latest()
    return variant


def _text(path: Path, layout: bool = False) -> str:
    """What a reader sees, without line-end hyphens (markers have none); a PDF's table
    cells with ``layout`` kept apart by runs of spaces, as on the page."""
    if path.suffix == ".pdf":
        assert PDFTOTEXT is not None, "pdftotext chybí"
        options = ["-layout"] if layout else []
        text = subprocess.run(
            [PDFTOTEXT, *options, str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    elif path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            xml = "".join(
                archive.read(n).decode("utf-8")
                for n in archive.namelist()
                if n.startswith("word/") and n.endswith(".xml")
            )
        # runs of a paragraph joined as they are, paragraphs (and table cells) apart
        runs = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|(</w:p>)", xml)
        text = "".join(run or "\n" for run, _ in runs)
    else:
        page = path.read_text(encoding="utf-8")
        page = re.sub(r"(?s)<(script|style)\b.*?</\1>", "", page)
        text = html.unescape(re.sub(r"<[^>]+>", "\n", page))
    return text.replace("-\n", "")


def _readable(path: Path) -> tuple[str, str]:
    """The text without any spaces (for markers, which have none), and with runs of
    spaces made one but line ends kept (for numbers: table cells are lines apart in
    DOCX and HTML; a PDF's are kept apart by pdftotext's layout where there is room)."""
    spaced = _text(path, layout=True) if path.suffix == ".pdf" else _text(path)
    return re.sub(r"\s", "", _text(path)), re.sub(r"[ \t\u00a0\u202f]+", " ", spaced)


def _alt_texts(path: Path) -> set[str]:
    """The alternative texts of the images of a DOCX or HTML file (a logo is an image)."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("word/document.xml").decode("utf-8")
        return {html.unescape(a) for a in re.findall(r' descr="([^"]*)"', xml)}
    if path.suffix == ".html":
        page = path.read_text("utf-8")
        return {" ".join(html.unescape(a).split()) for a in re.findall(r' alt="([^"]*)"', page)}
    return set()


FEATURE = FIXTURES / "feature"
MARKED = plan_variant(FEATURE, None).marked  # the same markers the fixture writes
# document → output file name → its text (no spaces; single spaces, digit groups joined)
Texts = dict[Output, dict[str, tuple[str, str]]]
Images = dict[Output, dict[str, set[str]]]  # document → file name → alt texts of its images


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Texts, Images]:
    """Every output of the marked variant, built once, as text and image alt texts."""
    root = tmp_path_factory.mktemp("placement") / "feature"
    assert plan_variant(FEATURE, root).marked == MARKED
    return built(root)


def built(root: Path) -> tuple[Texts, Images]:
    result = build(root)
    assert result.ok, [str(p) for p in result.problems]
    checked = check(root).plan
    assert checked is not None
    settings = checked.project.info.outputs
    texts: Texts = {o: {} for o in Output}
    images: Images = {o: {} for o in Output}
    for output in OUTPUTS:
        name = re.escape(output.file_name(settings))
        pattern = name.replace(re.escape("{rok}"), r"\d{4}").replace(re.escape("{obec}"), ".+")
        for path in sorted((root / settings.directory).iterdir()):
            if re.fullmatch(pattern, path.name):
                texts[output.document.output][path.name] = _readable(path)
                images[output.document.output][path.name] = _alt_texts(path)
    assert all(texts.values()), {o: list(t) for o, t in texts.items()}
    return texts, images


@pytest.fixture(scope="module")
def printed(outputs: tuple[Texts, Images]) -> Texts:
    return outputs[0]


def _found(texts: Texts, marked: Marked) -> dict[Output, list[str]]:
    """Per document, the files (formats, parts) that print the marker."""
    if marked.number and "." in marked.marker:
        # a date may end a sentence before a page number ("7. 7. 2027. 4")
        date = re.compile(rf"(?<!\d){re.escape(marked.marker)}(?!\d)")
        return {o: [n for n, (bare, _) in f.items() if date.search(bare)] for o, f in texts.items()}
    if marked.number:
        # printed in digit groups ("19 093"), not part of a longer number or a decimal; in a
        # PDF a next table cell may follow after one space, so a following group is allowed
        grouped = re.escape(f"{int(marked.marker):,}".replace(",", " "))
        whole = re.compile(rf"(?<![\d,.])(?<!\d ){grouped}(?![\d,]|\.\d| \d{{3}}(?!\d))")
        loose = re.compile(rf"(?<![\d,.]){grouped}(?![\d,]|\.\d)")
        return {
            o: [
                n
                for n, (_, spaced) in f.items()
                if (loose if n.endswith(".pdf") else whole).search(spaced)
            ]
            for o, f in texts.items()
        }
    return {
        o: [n for n, (bare, _) in files.items() if marked.marker in bare]
        for o, files in texts.items()
    }


def _formats(files: dict[str, Any]) -> set[str]:
    return {Path(name).suffix for name in files}


@pytest.mark.parametrize(
    "marked", [m for m in MARKED if not m.declared.where_used], ids=lambda m: m.where
)
def test_a_value_is_printed_exactly_where_its_key_says(printed: Texts, marked: Marked) -> None:
    found = _found(printed, marked)
    where = {o for o, names in found.items() if names}
    assert where == marked.expected, (
        f"{marked.model}.{marked.alias}: vytištěno v {sorted(where)}, "
        f"deklarováno {sorted(marked.expected)}; soubory: {found}"
    )
    for output in where:
        # every format of a document prints it (a monitoring report or a municipality's
        # extract is several files: one of each format must)
        assert {Path(n).suffix for n in found[output]} == _formats(printed[output]), found


@pytest.mark.parametrize(
    "marked", [m for m in MARKED if m.declared.where_used], ids=lambda m: m.where
)
def test_a_register_entry_is_printed_only_where_its_key_says(
    printed: Texts, marked: Marked
) -> None:
    found = _found(printed, marked)
    where = {o for o, names in found.items() if names}
    assert where <= marked.expected, (marked.model, marked.alias, found)


def misplaced(texts: Texts, marked: list[Marked]) -> list[str]:
    """Every value printed elsewhere than its key declares (or in only some formats)."""
    wrong = []
    for m in marked:
        found = _found(texts, m)
        where = {o for o, names in found.items() if names}
        formats = all({Path(n).suffix for n in found[o]} == _formats(texts[o]) for o in where)
        right = where <= m.expected if m.declared.where_used else where == m.expected
        if not (right and formats):
            wrong.append(f"{m.where} ({m.model}.{m.alias}): {sorted(where)}, {sorted(m.expected)}")
    return wrong


def test_the_sample_plan_prints_each_value_where_its_key_says(tmp_path: Path) -> None:
    # content nobody wrote for this test: the shipped sample (13 chapters, two years of
    # monitoring, seven villages' extracts), marked the same way
    root = tmp_path / "sample"
    variant = plan_variant(REPO, root, ("plan.yaml", "chapters", "assets", "monitoring"))
    assert len(variant.marked) > 1000
    assert misplaced(built(root)[0], variant.marked) == []


def test_each_register_key_is_printed_in_every_document_it_names(printed: Texts) -> None:
    keys: dict[tuple[str, str], set[Output]] = {}
    declared: dict[tuple[str, str], frozenset[Output]] = {}
    for marked in (m for m in MARKED if m.declared.where_used):
        found = _found(printed, marked)
        key = (marked.model, marked.alias)
        keys.setdefault(key, set()).update(o for o, names in found.items() if names)
        declared[key] = marked.expected | declared.get(key, frozenset())
    assert {k: sorted(v) for k, v in keys.items()} == {k: sorted(v) for k, v in declared.items()}


def test_every_key_declares_where_it_is_printed() -> None:
    from assembler.authoring.schema import model_classes

    missing = []
    for model in model_classes().values():
        for field in model.model_fields.values():
            declared = placement(field)
            if declared is None and not parts_of(field.annotation):
                missing.append(f"{model.__name__}.{field.alias}")
    assert missing == []


def test_the_variant_marks_the_private_keys_and_each_document() -> None:
    private = {(m.model, m.alias) for m in MARKED if not m.expected}
    assert {("Area", "interni_poznamka"), ("Measure", "interni_poznamka")} <= private
    assert any(m.model == "Person" and m.alias == "email" and not m.expected for m in MARKED)
    assert set().union(*(m.expected for m in MARKED)) == set(Output)


def test_keys_never_printed_follow_from_the_declarations() -> None:
    # what the character check skips (checks/characters.py)
    quiet = never_printed(PlanInfo, Area, Section, AreaMonitoring, ReportInfo)
    assert {"interni_poznamka", "osnova", "vystupy", "plan_pdf", "pravidla"} <= quiet
    assert not {"nazev", "email", "telefon", "popis", "vize", "zkratky", "datum"} & quiet


# The logos are images: their alternative text stands for them in DOCX and HTML (the PDF's
# tagged alt text is written by the same layout for every document, resources/layout.typ).
LOGOS = {(Municipality, "logo"): "Logo: ", (EsfPublicity, "logo"): ESF_LOGO_ALT}


@pytest.mark.parametrize(("model", "alias"), list(LOGOS), ids=lambda v: getattr(v, "__name__", v))
def test_a_logo_is_in_every_document_its_key_names(
    outputs: tuple[Texts, Images], model: type[BaseModel], alias: str
) -> None:
    field = next(f for f in model.model_fields.values() if f.alias == alias)
    declared = placement(field)
    assert declared is not None
    found = {
        name: any(a.startswith(LOGOS[model, alias]) for a in alts)
        for output, files in outputs[1].items()
        for name, alts in files.items()
        if not name.endswith(".pdf")
    }
    expected = {
        name: output in declared.places
        for output, files in outputs[1].items()
        for name in files
        if not name.endswith(".pdf")
    }
    assert found == expected
