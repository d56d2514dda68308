"""Cross-references ``[[SEN 1.2]]`` and ``[[SEN 1.2|own text]]``: targets, checks, backlinks.

Every chapter, priority, goal, measure, activity, indicator, shared goal and
generated section is a target with a stable anchor derived from its code, so
links survive reordering of chapters. References are resolved here once; the
renderer asks :meth:`Links.render` to turn them into Markdown links.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from assembler.load.sources import Locatable
from assembler.models.chapter import Goal, Measure
from assembler.models.vocab import GENERATED_SECTIONS
from assembler.plan.items import Item, ItemIndex, Kind
from assembler.plan.project import Project
from assembler.plan.texts import Text, mask_code
from assembler.problems.diagnostics import Location, Problem, did_you_mean

REFERENCE = re.compile(r"\[\[([^\[\]|\n]*)(?:\|([^\[\]\n]*))?\]\]")
_UNCLOSED = re.compile(r"\[\[(?![^\n]*\]\])")
_CHAPTER_CODE = re.compile(r"[A-Za-z]{2,8}")
_FULL = re.compile(r"([A-Za-z]{2,8})\s+(\S+)")
_LOCAL = re.compile(r"\d[\w.]*|P\d+")


@dataclass(frozen=True)
class Reference:
    target: Item[Any]
    owner: str | None
    place: Locatable

    @property
    def location(self) -> Location:
        return self.place.location


@dataclass(frozen=True)
class Links:
    items: ItemIndex
    references: tuple[Reference, ...] = ()
    removed: dict[str, str] = field(default_factory=dict)
    # target code → owners referring to it (in plan order); built once by link()
    referrers: dict[str, dict[str, None]] = field(default_factory=dict)
    unverified: frozenset[str] = frozenset()
    texts: tuple[Text, ...] = ()  # every author text, scanned by this stage

    def target(self, code: str) -> Item[Any] | None:
        return self.items.by_code(code)

    def backlinks(self, code: str) -> list[Item[Any]]:
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
        repeated = said is not None and said.group(1).lower().startswith(target.kind.stems)
        text = target.label if repeated else target.full_label
        return f"[{text}](#{target.anchor})"


_LAST_WORD = re.compile(r"(\w+)\s+$")


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


def link(
    project: Project, items: ItemIndex, texts: tuple[Text, ...]
) -> tuple[Links, list[Problem]]:
    """Resolve every reference in the plan and report the broken ones."""
    links = Links(
        items,
        removed=dict(project.info.removed_codes),
        unverified=project.unverified,
        texts=texts,
    )
    references: list[Reference] = []
    problems: list[Problem] = []
    for text in texts:
        found, wrong = _scan(text, links)
        references += found
        problems += wrong
    found, wrong = _related(items, links)
    everything = tuple(references + found)
    referrers: dict[str, dict[str, None]] = {}
    for ref in everything:
        if ref.owner and ref.owner != ref.target.code:
            referrers.setdefault(ref.target.code, {})[ref.owner] = None
    return (
        Links(items, everything, links.removed, referrers, links.unverified, texts),
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
    candidates = links.items.all_by_code(code)
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
            f"Odkaz míří na kód {code}, který v plánu není.{did_you_mean(code, links.items.codes)}"
        )
    return Problem("odkaz-neznamy", message, where)


def _related(items: ItemIndex, links: Links) -> tuple[list[Reference], list[Problem]]:
    references, problems = [], []
    for measure in items.of(Kind.MEASURE):
        for i, raw in enumerate(measure.model.related):
            code = normalise(raw, measure.area.code)
            where = measure.place("souvisejici", i)
            ref, problem = _resolve(code, raw, measure.code, where, links)
            references += [ref] if ref else []
            problems += [problem] if problem else []
        references += _shared(measure, links)
    for goal in items.of(Kind.GOAL):
        references += _shared(goal, links)
    return references, problems


def _shared(carrier: Item[Goal] | Item[Measure], links: Links) -> Iterator[Reference]:
    for shared in carrier.model.shared_goals:
        target = links.target(shared)
        if target:
            yield Reference(target, carrier.code, carrier.place("spolecne_cile"))
