"""The plan project: reading its files and assembling validated chapters in outline order."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from assembler.load.filetext import read_bounded
from assembler.load.sources import Place, SourceFile, read_chapter, read_plan_file
from assembler.load.validation import validate_chapter, validate_model
from assembler.models.chapter import Area, Section
from assembler.models.plan import PlanInfo
from assembler.models.vocab import GENERATED_SECTIONS
from assembler.plan.items import CODED_LISTS
from assembler.plan.stray_files import (
    Contents,
    Listing,
    copy_beside,
    explorer_fix,
    saved_with_txt,
)
from assembler.problems.diagnostics import Location, Problem

PLAN_FILE = "plan.yaml"
CHAPTER_DIR = "chapters"
# Placed after the chapters when plan.yaml has no outline.
DEFAULT_GENERATED = ("seznam-opatreni", "rozpocet", "indikatory", "odpovednost", "zkratky")


@dataclass(frozen=True)
class Sources:
    """Every project file, read and parsed (not yet validated)."""

    root: Path
    plan: SourceFile | None
    chapters: tuple[SourceFile, ...]
    # Names of every chapter file on disk, including those that could not be read.
    files: tuple[str, ...] = ()
    # Codes found by a plain text scan of chapters whose YAML could not be read.
    unreadable_codes: frozenset[str] = frozenset()
    # Chapters saved with .txt added (10-seniori.md.txt): reported, never read.
    misnamed: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChapterFile:
    source: SourceFile
    chapter: Area | Section
    number: int

    @property
    def area(self) -> Area | None:
        return self.chapter if isinstance(self.chapter, Area) else None


@dataclass(frozen=True)
class OutlineItem:
    """One entry of the outline: a chapter file or a generated section."""

    chapter: ChapterFile | None = None
    generated: str | None = None


@dataclass(frozen=True)
class Project:
    """The validated plan: its settings and its chapters in outline order."""

    root: Path
    plan_source: SourceFile
    info: PlanInfo
    outline: tuple[OutlineItem, ...]
    # Codes written in chapters that failed validation: references to them are not
    # reported as broken, so one mistake does not cascade into many messages.
    unverified: frozenset[str] = frozenset()

    @property
    def chapters(self) -> list[ChapterFile]:
        return [item.chapter for item in self.outline if item.chapter is not None]

    @property
    def areas(self) -> list[tuple[ChapterFile, Area]]:
        return [(c, c.area) for c in self.chapters if c.area is not None]


def project_file(root: Path, name: str, base: Path | None = None) -> Path | None:
    """``name`` (relative to ``base``, by default the plan folder) as an existing file
    inside the plan folder, or None: nothing outside the project is ever read."""
    path = ((base or root) / name).resolve()
    return path if path.is_relative_to(root.resolve()) and path.is_file() else None


def read_sources(root: Path) -> tuple[Sources, list[Problem]]:
    problems: list[Problem] = []
    plan_path = root / PLAN_FILE
    plan = None
    if plan_path.exists() or plan_path.is_symlink():
        plan, found = read_plan_file(plan_path, PLAN_FILE, root)
        problems += found
        saved = saved_with_txt(root, PLAN_FILE)
        if saved is not None:
            message = copy_beside(saved.name, PLAN_FILE, "")
            problems.append(Problem("skryta-pripona", message, Location(saved.name)))
    else:
        problems.append(_no_plan_file(root))
    chapters = []
    listing = Listing.of(root / CHAPTER_DIR, CHAPTER_DIR, Contents.CHAPTERS)
    chapter_paths = listing.read
    if not chapter_paths:
        message = (
            "Ve složce chapters/ není žádná kapitola (soubor .md). Přidejte kapitolu "
            "příkazem plan new-chapter nebo zkopírujte vzorovou kapitolu."
        )
        problems.append(Problem("zadne-kapitoly", message, Location(f"{CHAPTER_DIR}/")))
    problems += listing.problems()
    misnamed_files = listing.misnamed
    unreadable: set[str] = set()
    # A chapter saved as 10-seniori.md.txt is not read, but its codes are its author's:
    # references to them must not each become another error.
    for path in misnamed_files:
        raw, _ = read_bounded(path, f"{CHAPTER_DIR}/{path.name}", root)
        if raw is not None:
            unreadable |= scanned_codes(raw.decode("utf-8", "replace"))
    for path in chapter_paths:
        name = f"{CHAPTER_DIR}/{path.name}"
        source, found = read_chapter(path, name, root)
        problems += found
        if source is not None:
            chapters.append(source)
            continue
        raw, _ = read_bounded(path, name, root)
        if raw is not None:
            unreadable |= scanned_codes(raw.decode("utf-8", "replace"))
    names = tuple(path.name for path in chapter_paths)
    saved_as = tuple(path.name for path in misnamed_files)
    sources = Sources(root, plan, tuple(chapters), names, frozenset(unreadable), saved_as)
    return sources, problems


def _no_plan_file(root: Path) -> Problem:
    """plan.yaml is missing; saved by Notepad as plan.yaml.txt it is there, unread, and
    plan init would start another plan beside it."""
    saved = saved_with_txt(root, PLAN_FILE)
    if saved is None:
        message = (
            f"Ve složce {root.resolve()} chybí soubor plan.yaml. Spusťte příkaz ve složce plánu, "
            "nebo nový plán založte příkazem plan init."
        )
        return Problem("chybi-plan", message, Location(PLAN_FILE))
    message = (
        f"Ve složce {root.resolve()} chybí soubor plan.yaml: plán je uložen jako {saved.name}, "
        f"a tak se nenačte. {explorer_fix(PLAN_FILE)}"
    )
    return Problem("chybi-plan", message, Location(saved.name))


def assemble(sources: Sources) -> tuple[Project | None, list[Problem]]:
    """Validate every file and order the chapters by the outline."""
    problems: list[Problem] = []
    info = None
    if sources.plan is not None:
        info, found = validate_model(PlanInfo, sources.plan)
        problems += found
    valid: dict[str, tuple[SourceFile, Area | Section]] = {}
    unverified: set[str] = set(sources.unreadable_codes)
    for source in sources.chapters:
        chapter, found = validate_chapter(source, info)
        problems += found
        if chapter is not None:
            valid[source.path.name] = (source, chapter)
        else:
            unverified.update(written_codes(source.data))
    if info is None or sources.plan is None:
        return None, problems
    outline, found = _outline(info, sources, valid)
    problems += found
    return Project(sources.root, sources.plan, info, outline, frozenset(unverified)), problems


def written_codes(data: object) -> set[str]:
    """Full codes (``SEN 1.2``) as written in a chapter's raw front matter."""
    if not isinstance(data, dict) or not isinstance(data.get("kod"), str):
        return set()
    prefix = data["kod"]
    codes = {prefix}
    stack: list[object] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key in CODED_LISTS and isinstance(value, list):
                    stack.extend(value)
            if node is not data and node.get("kod") is not None:
                codes.add(f"{prefix} {node['kod']}")
    return codes


_TOP_CODE = re.compile(r"^kod:[ \t]*[\"']?([A-Za-z]{2,8})[\"']?[ \t]*$", re.M)
_ITEM_CODE = re.compile(r"^[ \t]+(?:-[ \t]+)?kod:[ \t]*[\"']?([\w.]+)[\"']?[ \t]*$", re.M)


def scanned_codes(text: str) -> set[str]:
    """Codes of a chapter whose YAML is broken, found line by line: a tab or a stray
    colon must not turn every reference to that chapter into another error."""
    top = _TOP_CODE.search(text)
    if top is None:
        return set()
    prefix = top.group(1)
    return {prefix} | {f"{prefix} {code}" for code in _ITEM_CODE.findall(text)}


def _outline(
    info: PlanInfo,
    sources: Sources,
    valid: dict[str, tuple[SourceFile, Area | Section]],
) -> tuple[tuple[OutlineItem, ...], list[Problem]]:
    plan = sources.plan
    assert plan is not None
    # An unreadable chapter exists: it has its own error, the outline must not deny it.
    present = list(sources.files)
    entries = list(info.outline) or [*present, *DEFAULT_GENERATED]
    problems: list[Problem] = []
    items: list[OutlineItem] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        where = Place(plan, ("osnova", index) if info.outline else ())
        if entry in seen:
            message = f"„{entry}“ je v osnově uvedeno vícekrát. Ponechte jen jeden výskyt."
            problems.append(Problem("osnova-duplicita", message, where.location))
            continue
        seen.add(entry)
        if entry in GENERATED_SECTIONS:
            items.append(OutlineItem(generated=entry))
        elif entry in valid:
            source, chapter = valid[entry]
            items.append(OutlineItem(ChapterFile(source, chapter, len(items) + 1)))
        elif entry not in present:
            problems.append(_missing_entry(entry, present, sources.misnamed, where.location))
    if info.outline:
        for name in present:
            if name not in seen:
                message = (
                    f"Kapitola chapters/{name} není v osnově. Přidejte do plan.yaml pod "
                    f"osnova řádek „- {name}“, jinak se do plánu nedostane."
                )
                problems.append(
                    Problem("osnova-neuvadi-soubor", message, plan.location(["osnova"]))
                )
    return tuple(items), problems


def _missing_entry(
    entry: str, present: list[str], misnamed: tuple[str, ...], where: Location
) -> Problem:
    if entry.endswith(".md"):
        saved_as = next((name for name in misnamed if name.lower() == f"{entry}.txt".lower()), None)
        close = difflib.get_close_matches(entry, present, n=1)
        if saved_as is not None:
            hint = f" Je uložen jako chapters/{saved_as}; přejmenujte jej na {entry}."
        else:
            hint = f" Měli jste na mysli „{close[0]}“?" if close else ""
        message = f"Osnova uvádí soubor chapters/{entry}, který neexistuje.{hint}"
        return Problem("osnova-chybi-soubor", message, where)
    close = difflib.get_close_matches(entry, list(GENERATED_SECTIONS), n=1)
    hint = (
        f"Měli jste na mysli „{close[0]}“?"
        if close
        else ("Generované oddíly: " + ", ".join(GENERATED_SECTIONS) + ".")
    )
    message = f"„{entry}“ není soubor kapitoly (končí na .md) ani generovaný oddíl. {hint}"
    return Problem("osnova-chybi-soubor", message, where)
