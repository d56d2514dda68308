"""Cross-references ``[[SEN 1.2]]`` and ``[[SEN 1.2|own text]]``: targets, checks, backlinks.

Every chapter, priority, goal, measure, activity, indicator, shared goal and
generated section is a target with a stable anchor derived from its code, so
links survive reordering of chapters. References are resolved here once; the
renderer asks :meth:`Links.render` to turn them into Markdown links.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from assembler.load.sources import Locatable, Place
from assembler.models.vocab import GENERATED_SECTIONS
from assembler.plan import walk
from assembler.plan.project import Project
from assembler.plan.texts import Text, mask_code, plan_texts
from assembler.problems.diagnostics import Location, Problem, did_you_mean

REFERENCE = re.compile(r"\[\[([^\[\]|\n]*)(?:\|([^\[\]\n]*))?\]\]")
_UNCLOSED = re.compile(r"\[\[(?![^\n]*\]\])")
_CHAPTER_CODE = re.compile(r"[A-Za-z]{2,8}")
_FULL = re.compile(r"([A-Za-z]{2,8})\s+(\S+)")
_LOCAL = re.compile(r"\d[\w.]*|P\d+")


@dataclass(frozen=True)
class Target:
    code: str
    kind: str  # Czech word: opatření, cíl, kapitola…
    title: str
    place: Place
    cancelled: bool = False

    @property
    def location(self) -> Location:
        return self.place.location

    @property
    def anchor(self) -> str:
        return anchor_for(self.code)

    @property
    def label(self) -> str:
        """Code and title, e.g. ``SEN 1.2 Rozvoj odlehčovací služby``."""
        if self.kind in ("kapitola", "oddíl"):
            return self.title
        return f"{self.code} {self.title}"

    @property
    def full_label(self) -> str:
        return f"{self.kind} {self.label}"


def anchor_for(code: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", code.lower()).strip("-")


@dataclass(frozen=True)
class Reference:
    target: Target
    owner: str | None
    place: Locatable

    @property
    def location(self) -> Location:
        return self.place.location


@dataclass(frozen=True)
class Links:
    targets: dict[str, list[Target]]
    references: tuple[Reference, ...] = ()
    removed: dict[str, str] = field(default_factory=dict)
    # target code → owners referring to it (in plan order); built once by link()
    referrers: dict[str, dict[str, None]] = field(default_factory=dict)
    unverified: frozenset[str] = frozenset()

    def target(self, code: str) -> Target | None:
        found = self.targets.get(code)
        return found[0] if found else None

    def backlinks(self, code: str) -> list[Target]:
        """Items whose text or `souvisejici` refer to ``code``, in plan order, each once."""
        owners = self.referrers.get(code, {})
        return [t for owner in owners if (t := self.target(owner)) is not None]

    def render(self, text: str, chapter: str | None, linked: bool = True) -> str:
        """Replace references by Markdown links (or plain labels when not ``linked``)."""
        masked = mask_code(text)
        parts: list[str] = []
        last = 0
        for match in REFERENCE.finditer(masked):
            parts.append(text[last : match.start()])
            link = self._link(match, text[: match.start()], chapter)
            parts.append(link if linked else re.sub(r"\[(.*)\]\(#[^)]*\)$", r"\1", link))
            last = match.end()
        parts.append(text[last:])
        return "".join(parts)

    def _link(self, match: re.Match[str], before: str, chapter: str | None) -> str:
        code = normalise(match.group(1), chapter)
        target = self.target(code) if code else None
        if target is None:
            return f"{code or match.group(1).strip()} (vyřazeno)"
        own = match.group(2)
        if own and own.strip():
            return f"[{own.strip()}](#{target.anchor})"
        # "v opatření [[SEN 1.2]]", "(kapitola [[PRE]])", "ke společnému cíli [[SC1]]":
        # the author already said the kind; it must not be printed twice.
        said = _LAST_WORD.search(before)
        stems = _STEMS.get(target.kind, ())
        repeated = said is not None and said.group(1).lower().startswith(stems)
        text = target.label if repeated else target.full_label
        return f"[{text}](#{target.anchor})"


_LAST_WORD = re.compile(r"(\w+)\s+$")
# Stems cover the Czech cases: opatření, cíle/cíli/cílem, kapitole/kapitolu, …
_STEMS: dict[str, tuple[str, ...]] = {
    "opatření": ("opatřen",),
    "cíl": ("cíl",),
    "kapitola": ("kapitol",),
    "priorita": ("priorit",),
    "aktivita": ("aktivit",),
    "indikátor": ("indikátor",),
    "společný cíl": ("společn", "cíl"),
    "oddíl": ("oddíl", "část", "přehled"),
}


def normalise(raw: str, chapter: str | None) -> str:
    """``sen  1.2`` → ``SEN 1.2``; a short ``1.2`` means the current chapter's item."""
    text = " ".join(raw.split())
    if text.lower() in GENERATED_SECTIONS:
        return text.lower()
    if _CHAPTER_CODE.fullmatch(text) or re.fullmatch(r"[Ss][Cc]\d+", text):
        return text.upper()
    full = _FULL.fullmatch(text)
    if full:
        return f"{full.group(1).upper()} {full.group(2)}"
    if chapter and _LOCAL.fullmatch(text):
        return f"{chapter} {text}"
    return text


def collect_targets(project: Project) -> dict[str, list[Target]]:
    targets: dict[str, list[Target]] = defaultdict(list)
    for target in _targets(project):
        targets[target.code].append(target)
    return dict(targets)


def _targets(project: Project) -> Iterator[Target]:
    plan = project.plan_source
    for item in project.outline:
        if item.generated:
            yield Target(
                item.generated,
                "oddíl",
                GENERATED_SECTIONS[item.generated],
                Place(plan, ("osnova",)),
            )
    for chapter in project.chapters:
        if chapter.chapter.code:
            yield Target(
                chapter.chapter.code,
                "kapitola",
                chapter.chapter.title,
                Place(chapter.source, ("kod",)),
            )
    for i, shared in enumerate(project.info.shared_goals):
        yield Target(shared.code, "společný cíl", shared.title, Place(plan, ("spolecne_cile", i)))
    for p in walk.priorities(project):
        yield Target(walk.full_code(p.area, p.item.code), "priorita", p.item.title, p.place())
    for g in walk.goals(project):
        yield Target(
            walk.full_code(g.area, g.item.code),
            "cíl",
            g.item.title,
            g.place(),
            bool(g.item.cancelled),
        )
    for m in walk.measures(project):
        yield Target(
            walk.full_code(m.area, m.item.code),
            "opatření",
            m.item.title,
            m.place(),
            bool(m.item.cancelled),
        )
    for _, a in walk.activities(project):
        yield Target(walk.full_code(a.area, a.item.code), "aktivita", a.item.title, a.place())
    for _, ind in walk.indicators(project):
        yield Target(
            walk.full_code(ind.area, ind.item.code), "indikátor", ind.item.name, ind.place()
        )


def link(project: Project) -> tuple[Links, list[Problem]]:
    """Resolve every reference in the plan and report the broken ones."""
    links = Links(
        collect_targets(project),
        removed=dict(project.info.removed_codes),
        unverified=project.unverified,
    )
    references: list[Reference] = []
    problems: list[Problem] = []
    for text in plan_texts(project):
        found, wrong = _scan(text, links)
        references += found
        problems += wrong
    found, wrong = _related(project, links)
    everything = tuple(references + found)
    referrers: dict[str, dict[str, None]] = {}
    for ref in everything:
        if ref.owner and ref.owner != ref.target.code:
            referrers.setdefault(ref.target.code, {})[ref.owner] = None
    return (
        Links(links.targets, everything, links.removed, referrers, links.unverified),
        problems + wrong,
    )


def _scan(text: Text, links: Links) -> tuple[list[Reference], list[Problem]]:
    masked = mask_code(text.text)
    references, problems = [], []
    for match in REFERENCE.finditer(masked):
        where = text.place(match.start())
        code = normalise(match.group(1), text.chapter)
        ref, problem = _resolve(code, match.group(0), text.owner, where, links)
        references += [ref] if ref else []
        problems += [problem] if problem else []
    for match in _UNCLOSED.finditer(masked):
        message = (
            "Odkaz začíná [[, ale na stejném řádku nekončí ]]. Zapište jej celý, "
            "např. [[SEN 1.2]] nebo [[SEN 1.2|vlastní text]]."
        )
        problems.append(Problem("odkaz-zapis", message, text.location(match.start())))
    return references, problems


def _resolve(
    code: str, written: str, owner: str | None, place: Locatable, links: Links
) -> tuple[Reference | None, Problem | None]:
    if not code:
        message = f"Odkaz {written} je prázdný. Napište kód, např. [[SEN 1.2]]."
        return None, Problem("odkaz-zapis", message, place.location)
    if code in links.removed:
        message = (
            f"Odkaz míří na kód {code}, který byl z plánu vyřazen ({links.removed[code]}). "
            "Odkaz odstraňte nebo nahraďte."
        )
        return None, Problem("odkaz-zruseny", message, place.location)
    candidates = links.targets.get(code, [])
    if not candidates:
        if code in links.unverified:
            return None, None  # its chapter has errors of its own, reported already
        return None, _unknown(code, links, place.location)
    target = candidates[0]
    if len(candidates) > 1:
        places = " a ".join(str(t.location) for t in candidates)
        message = (
            f"Odkaz na {code} je nejednoznačný: kód má v plánu více položek ({places}). "
            "Přečíslujte jednu z nich."
        )
        return None, Problem("odkaz-nejednoznacny", message, place.location)
    if owner == code:
        message = f"Položka {code} odkazuje sama na sebe. Odkaz odstraňte, nebo opravte kód."
        return None, Problem("odkaz-sam-na-sebe", message, place.location)
    problem = None
    if target.cancelled:
        message = (
            f"Odkaz míří na zrušenou položku: {target.full_label}. "
            "Zvažte, zda je odkaz ještě potřeba."
        )
        problem = Problem("odkaz-zruseny", message, place.location)
    return Reference(target, owner, place), problem


def _unknown(code: str, links: Links, where: Location) -> Problem:
    if code in GENERATED_SECTIONS:
        message = (
            f"Oddíl „{code}“ není v osnově plánu. Přidejte jej do osnovy v plan.yaml, "
            "nebo odkaz odstraňte."
        )
    else:
        message = (
            f"Odkaz míří na kód {code}, který v plánu není.{did_you_mean(code, links.targets)}"
        )
    return Problem("odkaz-neznamy", message, where)


def _related(project: Project, links: Links) -> tuple[list[Reference], list[Problem]]:
    references, problems = [], []
    for found in walk.measures(project):
        owner = walk.full_code(found.area, found.item.code)
        for i, raw in enumerate(found.item.related):
            code = normalise(raw, found.area.code)
            ref, problem = _resolve(code, raw, owner, found.place("souvisejici", i), links)
            references += [ref] if ref else []
            problems += [problem] if problem else []
        for shared in found.item.shared_goals:
            target = links.target(shared)
            if target:
                references.append(Reference(target, owner, found.place("spolecne_cile")))
    for goal in walk.goals(project):
        owner = walk.full_code(goal.area, goal.item.code)
        for shared in goal.item.shared_goals:
            target = links.target(shared)
            if target:
                references.append(Reference(target, owner, goal.place("spolecne_cile")))
    return references, problems
