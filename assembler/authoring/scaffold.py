"""Starting a plan project and adding chapters: files generated from templates.

Both refuse to overwrite anything that exists; the CLI asks the questions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from markupsafe import Markup

from assembler.authoring.schema import generated_files
from assembler.load import yamlio
from assembler.models.vocab import GENERATED_SECTIONS
from assembler.outputs.buildcache import MANIFEST as BUILD_STATE_FILE
from assembler.plan.project import CHAPTER_DIR, PLAN_FILE
from assembler.plan.stray_files import explorer_fix, saved_with_txt
from assembler.render.markdown import render_scaffold


class ScaffoldError(Exception):
    """The request cannot be carried out; the message says why, in Czech."""


@dataclass(frozen=True)
class NewPlan:
    title: str
    municipality: str
    ico: str
    kind: str
    start: int
    end: int
    coordinator: str
    email: str


def slug(text: str) -> str:
    """``Rodiny s dětmi`` → ``rodiny-s-detmi`` (file names without diacritics)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "kapitola"


def default_code(title: str) -> str:
    return slug(title).replace("-", "").upper()[:3] or "OBL"


# The plan's vocabularies written out in a new plan.yaml (PlanInfo attributes), each with
# a comment saying where its keys are used. Keys and values come from the model defaults.
VOCABULARY_NOTES = {
    "funding_sources": "Zdroje financování: klíče se píší do nákladů opatření, "
    "např. 2027: {obec: 100000}.",
    "target_groups": "Cílové skupiny: klíče se píší do cilove_skupiny v kapitolách oblastí.",
    "measure_statuses": "Stavy opatření pro roční monitoring.",
    "comment_resolutions": "Způsoby vypořádání připomínek z veřejného připomínkování.",
    "abbreviations": "Zkratky (ZKRATKA: význam). Do plánu se vypíšou jen ty, které text "
    "opravdu používá.",
}


def yaml_text(value: str, *, flow: bool = False) -> str:
    """A YAML scalar for a generated file; ``flow`` is for values inside ``{…}``."""
    return yamlio.scalar(value, nested=flow)


def _yaml(value: object) -> Markup:
    """For templates: a text value as a YAML scalar, quoted only where needed."""
    return Markup(yaml_text(str(value)))


def _flow_value(value: object) -> str:
    """A vocabulary value inside ``{…}``: yes/no and numbers as written, text quoted if needed."""
    if isinstance(value, bool):
        return "ano" if value else "ne"
    if isinstance(value, int | Decimal):
        return str(value)
    return yaml_text(str(value), flow=True)


def default_vocabularies() -> list[dict[str, str]]:
    """The default vocabularies of a plan as YAML blocks for plan.yaml, from the model."""
    from assembler.models.plan import PlanInfo

    blocks = []
    for attribute, note in VOCABULARY_NOTES.items():
        field = PlanInfo.model_fields[attribute]
        default = field.get_default(call_default_factory=True)
        if isinstance(default, dict):
            lines = [f"  {yaml_text(k)}: {yaml_text(v)}" for k, v in default.items()]
        else:
            lines = []
            for item in default:
                pairs = item.model_dump(by_alias=True, exclude_defaults=True).items()
                inner = ", ".join(f"{k}: {_flow_value(v)}" for k, v in pairs)
                lines.append(f"  - {{{inner}}}")
        blocks.append({"key": str(field.alias), "note": note, "items": "\n".join(lines)})
    return blocks


EDITOR_SETTINGS = """{
  "yaml.schemas": {
    "./schema/plan.schema.json": "plan.yaml"
  },
  "files.encoding": "utf8",
  "[markdown]": {
    "editor.wordWrap": "on"
  }
}
"""


# Outputs and the state of the last build (outputs.buildcache) are made, not written.
GITIGNORE = f"output/\n{BUILD_STATE_FILE}\n"


def check_new_plan_folder(root: Path) -> None:
    """Raise ScaffoldError when ``root`` cannot take a new plan (asked before the questions)."""
    if (root / PLAN_FILE).exists():
        raise ScaffoldError(f"Ve složce {root} už plán je (plan.yaml). Zvolte jinou složku.")
    saved = saved_with_txt(root, PLAN_FILE)
    if saved is not None:
        # A new plan would be written over the chapters of the one saved by Notepad.
        raise ScaffoldError(
            f"Ve složce {root} už plán je, uložený jako {saved.name}. {explorer_fix(PLAN_FILE)}"
        )
    if root.exists() and not root.is_dir():
        raise ScaffoldError(f"{root} je soubor, ne složka. Zvolte pro plán novou složku.")


def create_plan(root: Path, plan: NewPlan) -> list[Path]:
    """Write a new plan project into ``root``; returns the files written."""
    check_new_plan_folder(root)
    key = default_code(plan.municipality.split()[-1]) if plan.municipality else "OBEC"
    area = "Senioři"
    context = {
        "title": plan.title,
        "municipality": plan.municipality,
        "municipality_key": _yaml(key),
        "yaml": _yaml,
        "ico": plan.ico,
        "kind": plan.kind,
        "start": plan.start,
        "end": plan.end,
        "coordinator": plan.coordinator,
        "email": plan.email,
        "area_slug": slug(area),
        "years": list(range(plan.start, plan.end + 1)),
        "vocabularies": [
            {k: Markup(v) for k, v in block.items()} for block in default_vocabularies()
        ],
    }
    files = {
        PLAN_FILE: render_scaffold("plan.yaml.j2", **context),
        f"{CHAPTER_DIR}/01-uvod.md": render_scaffold("uvod.md.j2", **context),
        f"{CHAPTER_DIR}/02-analyza.md": render_scaffold("analyza.md.j2", **context),
        f"{CHAPTER_DIR}/90-realizace.md": render_scaffold("realizace.md.j2", **context),
        f"{CHAPTER_DIR}/10-{slug(area)}.md": render_scaffold(
            "oblast.md.j2", **{**context, "code": Markup("SEN"), "title": area}
        ),
        ".gitignore": GITIGNORE,
        ".vscode/settings.json": EDITOR_SETTINGS,
    }
    files |= {name: text for name, text in generated_files().items() if name.startswith("schema/")}
    written = []
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def new_chapter(root: Path, title: str, code: str, municipality_key: str, years: range) -> Path:
    """Add an area chapter numbered after the existing ones and put it into the outline."""
    chapters = root / CHAPTER_DIR
    numbers = [int(m.group(1)) for p in chapters.glob("*.md") if (m := re.match(r"(\d+)-", p.name))]
    areas = [n for n in numbers if 10 <= n < 90]
    number = max(areas, default=9) + 1
    path = chapters / f"{number:02d}-{slug(title)}.md"
    if path.exists():
        raise ScaffoldError(f"Soubor {path.relative_to(root)} už existuje.")
    text = render_scaffold(
        "oblast.md.j2",
        code=_yaml(code),
        title=title,
        municipality_key=_yaml(municipality_key),
        yaml=_yaml,
        start=years.start,
        end=years.stop - 1,
        years=list(years),
    )
    chapters.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    _add_to_outline(root / PLAN_FILE, path.name)
    return path


def _number(name: str) -> int | None:
    match = re.match(r"(\d+)-.*\.md$", name)
    return int(match.group(1)) if match else None


def _add_to_outline(plan_file: Path, name: str) -> None:
    """Insert ``- name`` after the last area chapter of the outline, keeping comments.

    Area chapters are numbered 10–89; without one, the new chapter goes before the
    closing sections (90 and up) and the generated ones.
    """
    text = plan_file.read_text(encoding="utf-8-sig")
    entries = yamlio.sequence_items(text, "osnova")
    if not entries:
        return  # no outline: chapters are taken in file-name order
    number = _number(name) or 0
    before = [e for e in entries if (n := _number(e.value)) is not None and n < number]
    lines = text.split("\n")
    if before:
        at, col = before[-1].line + 1, before[-1].col
    else:
        later = next(
            (e for e in entries if e.value in GENERATED_SECTIONS or e.value.endswith(".md")),
            entries[0],
        )
        at, col = later.line, later.col
    lines.insert(at, f"{' ' * col}- {name}")
    plan_file.write_text("\n".join(lines), encoding="utf-8")
