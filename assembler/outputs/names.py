"""Rules for where outputs go: inside the project, never over a source, one file per name.

Without them ``vystupy: {adresar: chapters, plan_docx: 10-seniori.md}`` passed the check
and the build overwrote a chapter with a Word file. Like Sphinx and mkdocs, which
refuse an output folder that is (or holds) their sources, the output folder must be
a folder of its own inside the plan folder; each output is a plain file name in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath, PureWindowsPath

from assembler.checks.markup import IMAGE
from assembler.checks.pipeline import CheckedPlan
from assembler.models.publication import OutputFiles
from assembler.outputs.registry import (
    KEY,
    OUTPUTS,
    YEAR,
    Output,
    folder_yaml_path,
    output_folder,
)
from assembler.plan.images import find_image
from assembler.plan.monitoring import MONITORING_DIR
from assembler.plan.project import CHAPTER_DIR, Project, project_file
from assembler.plan.texts import plan_texts
from assembler.problems.diagnostics import Problem
from assembler.render.documents import Part

_FORBIDDEN = re.compile(r'[<>:"|?*\x00-\x1f]')  # not allowed in Windows file names
_RESERVED = re.compile(r"(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?")
_MAX_NAME_BYTES = 255
_EXAMPLE = "např. adresar: output"
# Folders whose every file is a source of the plan.
_SOURCE_DIRS = (
    (CHAPTER_DIR, f"ve složce kapitol {CHAPTER_DIR}/"),
    (MONITORING_DIR, f"ve složce hlášení monitoringu {MONITORING_DIR}/"),
)


def check_names(plan: CheckedPlan) -> list[Problem]:
    problems = list(_folder(plan))
    problems += _names(plan.project)
    return problems


def _shown(value: str) -> str:
    return value if len(value) <= 60 else value[:57] + "…"


def _folder(plan: CheckedPlan) -> Iterator[Problem]:
    project = plan.project
    setting = project.info.outputs.directory
    where = project.plan_source.location(folder_yaml_path())
    shown = _shown(setting)
    root = project.root.resolve()
    folder = output_folder(project.root, project.info.outputs).resolve()
    if _escapes(setting) or not folder.is_relative_to(root):
        message = (
            f"Složka výstupů „{shown}“ leží mimo složku plánu (absolutní cesta nebo ..). "
            f"Výstupy se zapisují jen do podsložky plánu, {_EXAMPLE}."
        )
        yield Problem("vystup-mimo-projekt", message, where)
        return
    bad = _bad_characters(setting)
    if bad:
        message = f"Název složky výstupů „{shown}“ nelze použít: {bad}. Zvolte jiný, {_EXAMPLE}."
        yield Problem("vystup-nazev", message, where)
        return
    within = [what for name, what in _SOURCE_DIRS if folder.is_relative_to(root / name)]
    if folder == root or within:
        what = "sama složka plánu" if folder == root else within[0]
        message = (
            f"Složka výstupů „{shown}“ je {what}: výstupy by se mísily se zdrojovými soubory "
            f"a mohly by je přepsat. Zvolte pro výstupy vlastní podsložku, {_EXAMPLE}."
        )
        yield Problem("vystup-prepise-zdroj", message, where)
        return
    strangers = _not_outputs(plan, folder)
    sources = _sources(plan) if strangers else []
    inside = [s for s in sources if s == folder or s.is_relative_to(folder)]
    if inside:
        name = inside[0].relative_to(root).as_posix()
        message = (
            f"Složka výstupů „{shown}“ obsahuje soubor plánu {_shown(name)}, který by sestavení "
            f"mohlo přepsat. Zvolte pro výstupy vlastní podsložku, {_EXAMPLE}."
        )
        yield Problem("vystup-prepise-zdroj", message, where)


def _not_outputs(plan: CheckedPlan, folder: Path) -> bool:
    """Whether ``folder`` holds anything but this plan's outputs: only then can a source be
    inside it (after the first build it usually holds just the outputs, so the texts of
    a large plan are not scanned for images on every check)."""
    if folder.is_file():
        return True
    if not folder.is_dir():
        return False
    settings = plan.project.info.outputs
    # A yearly or per-municipality name stands for many files: {rok}, {obec} match any part.
    patterns = []
    for output in OUTPUTS:
        name = re.escape(output.file_name(settings))
        if output.placeholder:
            name = name.replace(re.escape(output.placeholder), r"[^/]+")
        patterns.append(name)
    ours = re.compile("|".join(patterns), re.IGNORECASE)
    for path in folder.rglob("*"):
        name = path.relative_to(folder).as_posix()
        if path.is_dir() or name.startswith(".") or ours.fullmatch(name):
            continue
        return True
    return False


def _escapes(setting: str) -> bool:
    windows = PureWindowsPath(setting)
    parts = re.split(r"[/\\]", setting)
    return (
        PurePosixPath(setting).is_absolute()
        or windows.is_absolute()
        or bool(windows.drive)
        or ".." in parts
    )


def _bad_characters(setting: str) -> str:
    for part in re.split(r"[/\\]", setting):
        reason = _bad_name(part) if part not in ("", ".") else ""
        if reason:
            return reason
    return ""


def _sources(plan: CheckedPlan) -> list[Path]:
    """Every file the plan is built from: plan.yaml, chapters, images, logos, template."""
    project = plan.project
    root = project.root
    found = [project.plan_source.path, *(c.source.path for c in project.chapters)]
    for year in plan.monitoring.years:
        found += [report.source.path for report in year.areas]
        found += [year.info_source.path] if year.info_source else []
    info = project.info
    for name in (info.municipality.logo, info.esf.logo if info.esf else None):
        path = find_image(root, name, project.plan_source.path) if name else None
        found += [path] if path else []
    template = info.outputs.reference_docx
    path = project_file(root, template) if template else None
    found += [path] if path else []
    for text in plan_texts(project, plan.items):
        if "![" not in text.text:
            continue
        for match in IMAGE.finditer(text.text):
            image = find_image(root, match.group(2), text.source.path)
            found += [image] if image else []
    return [p.resolve() for p in found]


def _names(project: Project) -> Iterator[Problem]:
    settings = project.info.outputs
    seen: dict[str, Output] = {}
    for output in OUTPUTS:
        name = output.file_name(settings)
        where = project.plan_source.location(output.yaml_path)
        unusable = _unusable_name(output, name)
        if unusable:
            yield Problem("vystup-nazev", unusable, where)
            continue
        first = seen.setdefault(name.casefold(), output)
        if first is not output:
            yield _duplicate(project, first, output, name)
        elif output.format.one_file and not name.lower().endswith(f".{output.format.kind}"):
            message = (
                f"Soubor „{_shown(name)}“ dostane obsah ve formátu {output.format.label}, ale "
                f"nemá příponu .{output.format.kind}, podle které jej počítač otevře. "
                f"Použijte příponu .{output.format.kind}, např. {output.key}."
            )
            yield Problem("vystup-pripona", message, where)


def _unusable_name(output: Output, name: str) -> str | None:
    """Why ``name`` cannot be this output's file name (the message), or None."""
    reason = _bad_name(name) or ("obsahuje lomítko" if re.search(r"[/\\]", name) else "")
    if reason:
        return (
            f"Název souboru výstupu „{_shown(name)}“ nelze použít: {reason}. Zadejte jen "
            f"název souboru, složka se nastavuje klíčem adresar (např. {output.key})."
        )
    if output.yearly and YEAR not in name:
        return (
            f"Název souboru „{_shown(name)}“ musí obsahovat {YEAR}: zpráva vzniká za každý "
            "sledovaný rok a bez roku v názvu by se zprávy přepisovaly (např. "
            f"{OutputFiles.model_fields[output.setting].default})."
        )
    if output.per_municipality and KEY not in name:
        return (
            f"Název souboru „{_shown(name)}“ musí obsahovat {KEY}: výpis vzniká pro každou "
            "obec z registru území a bez klíče obce v názvu by se výpisy přepisovaly "
            "(např. obec-{obec}.pdf)."
        )
    return None


def check_parts(project: Project, made: Iterable[tuple[Output, Part]]) -> list[Problem]:
    """Two files of one name among the outputs a build is about to write, counting each
    year's report and each municipality's extract (``plan_pdf: monitoring-2026.pdf``)."""
    settings = project.info.outputs
    seen: dict[str, Output] = {}
    problems = []
    for output, part in made:
        name = output.file_name(settings, part)
        first = seen.setdefault(name.casefold(), output)
        if first is not output:
            problems.append(_duplicate(project, first, output, name))
    return problems


def _duplicate(project: Project, first: Output, second: Output, name: str) -> Problem:
    # Point at the key the author wrote, not at one that kept its default value.
    written = project.info.outputs.model_fields_set
    located = first if second.setting not in written and first.setting in written else second
    message = (
        f"Výstupy {first.key} a {second.key} mají stejný název souboru „{_shown(name)}“: "
        "jeden by přepsal druhý. Dejte každému výstupu v plan.yaml (vystupy) jiný název."
    )
    return Problem("vystup-duplicitni", message, project.plan_source.location(located.yaml_path))


def _bad_name(name: str) -> str:
    """Why ``name`` cannot be a file name on Windows, macOS and Linux alike ('' if it can)."""
    if not name.strip() or name in (".", ".."):
        return "je prázdný"
    bad = _FORBIDDEN.search(name)
    if bad:
        shown = bad.group(0) if bad.group(0).isprintable() else "řídicí znak"
        return f"obsahuje znak „{shown}“, který Windows v názvech souborů nepovoluje"
    if name.endswith((".", " ")):
        return "končí tečkou nebo mezerou, což Windows nepovoluje"
    if _RESERVED.fullmatch(name.split("/")[-1]):
        return "takto se ve Windows jmenuje zařízení (CON, NUL, COM1…)"
    if name.startswith("."):
        return "začíná tečkou, takže by byl skrytý"
    if len(name.encode("utf-8")) > _MAX_NAME_BYTES:
        return "je delší než 255 bajtů, víc žádný souborový systém neuloží"
    return ""
