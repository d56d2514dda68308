"""Cross-references ``[[SEN 1.2]]`` and ``[[SEN 1.2|own text]]``: targets, checks, backlinks.

Every item of the index is a target with a stable anchor derived from its code,
so links survive reordering of chapters. References are resolved here, once per
check: each ``[[…]]`` of each text becomes a :class:`Mention` (its span, its
target, the words it prints; mentions.py reads the written form), and the renderers
only lay the mentions out as Markdown links or plain text; nothing scans the texts
for references again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from assembler.load.sources import Locatable
from assembler.mentions import LinkedText, Mention, find_mentions, normalise
from assembler.models.chapter import Goal, Measure
from assembler.models.vocab import GENERATED_SECTIONS
from assembler.plan.items import Item, ItemIndex, Kind
from assembler.plan.project import Project
from assembler.plan.texts import Text, mask_code
from assembler.problems.diagnostics import Location, Problem, did_you_mean

_OPENING = re.compile(r"\[\[")
_MAX_UNCLOSED = 10  # per text: a pasted block of brackets is one mistake, not thousands


@dataclass(frozen=True)
class Reference:
    """A resolved reference: from ``owner`` (a full code) to ``target``; ``mention``
    is None for references written as keys (souvisejici, spolecne_cile)."""

    target: Item[Any]
    owner: str | None
    place: Locatable
    mention: Mention | None = None

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
    texts: tuple[Text, ...] = ()  # every author text of the plan
    # Each text resolved, by its Markdown and the chapter its short references mean.
    resolved: dict[tuple[str, str | None], LinkedText] = field(default_factory=dict, repr=False)

    def target(self, code: str) -> Item[Any] | None:
        return self.items.by_code(code)

    def backlinks(self, code: str) -> list[Item[Any]]:
        """Items whose text or `souvisejici` refer to ``code``, in plan order, each once."""
        owners = self.referrers.get(code, {})
        return [t for owner in owners if (t := self.target(owner)) is not None]

    def linked(self, text: str, chapter: str | None) -> LinkedText:
        """The resolved form of one of the plan's texts (``chapter`` is the context of
        short references); a text from outside the plan is resolved on the spot."""
        found = self.resolved.get((text, chapter))
        if found is not None or "[[" not in text:
            return found or LinkedText(text, ())
        return LinkedText(text, find_mentions(mask_code(text), chapter, self.target))

    def render(self, text: str, chapter: str | None, linked: bool = True) -> str:
        """Replace references by Markdown links (or plain labels when not ``linked``)."""
        return self.linked(text, chapter).render(linked)


def link(
    project: Project, items: ItemIndex, texts: tuple[Text, ...]
) -> tuple[Links, list[Problem]]:
    """Resolve every reference in the plan and report the broken ones."""
    links = Links(items, removed=dict(project.info.removed_codes), unverified=project.unverified)
    resolved: dict[tuple[str, str | None], LinkedText] = {}
    references: list[Reference] = []
    problems: list[Problem] = []
    for text in texts:
        if "[[" not in text.text:
            continue  # most texts refer to nothing: Links.linked() answers them as they are
        mentions, found, wrong = _resolve_text(text, links)
        resolved[(text.text, text.chapter)] = LinkedText(text.text, mentions)
        references += found
        problems += wrong
    found, wrong = _related(items, links)
    everything = tuple(references + found)
    referrers: dict[str, dict[str, None]] = {}
    for ref in everything:
        if ref.owner and ref.owner != ref.target.code:
            referrers.setdefault(ref.target.code, {})[ref.owner] = None
    done = Links(items, everything, links.removed, referrers, links.unverified, texts, resolved)
    return done, problems + wrong


def check_outside(links: Links, texts: Iterable[Text]) -> list[Problem]:
    """The broken references of texts printed outside the plan (the garants' monitoring
    reports), reported like the plan's own: resolved on the spot instead, an unknown code
    was printed as "(vyřazeno)" without a word. They stay out of the plan's backlinks and
    used abbreviations (``link`` keeps neither)."""
    return [p for text in texts if "[[" in text.text for p in _resolve_text(text, links)[2]]


def _resolve_text(
    text: Text, links: Links
) -> tuple[tuple[Mention, ...], list[Reference], list[Problem]]:
    masked = mask_code(text.text)
    mentions = find_mentions(masked, text.chapter, links.target)
    references: list[Reference] = []
    problems: list[Problem] = []
    for mention in mentions:
        if mention.target is None and len(problems) >= _MAX_UNCLOSED:
            continue  # a pasted list of bad codes: its first ones are reported, in bounded time
        written = text.text[mention.start : mention.end]
        where = text.place(mention.start)
        ref, problem = _resolve(mention.code, written, text.owner, where, links, mention)
        references += [ref] if ref else []
        problems += [problem] if problem else []
    for offset in _unclosed(masked) if "[[" in masked else ():
        message = (
            "Odkaz začíná [[, ale na stejném řádku nekončí ]]. Zapište jej celý, "
            "např. [[SEN 1.2]] nebo [[SEN 1.2|vlastní text]]."
        )
        problems.append(Problem("odkaz-zapis", message, text.location(offset)))
    return mentions, references, problems


def _unclosed(masked: str) -> Iterator[int]:
    """Offsets of the first ``[[`` of each line that no ``]]`` follows on that line, in
    one pass (a lookahead to the line end from every ``[[`` was quadratic)."""
    reported = 0
    start = 0
    for line in masked.split("\n"):
        last_close = line.rfind("]]")
        for match in _OPENING.finditer(line):
            if match.start() + 2 > last_close:
                yield start + match.start()
                reported += 1
                break
        if reported == _MAX_UNCLOSED:
            return
        start += len(line) + 1


def _resolve(
    code: str,
    written: str,
    owner: str | None,
    place: Locatable,
    links: Links,
    mention: Mention | None = None,
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
    return Reference(target, owner, place, mention), problem


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
