"""The plan's coded items, indexed once per check: every consumer reads this index.

Chapters, shared goals, priorities, goals, measures, activities, indicators and
generated sections are the plan's permanent keys (monitoring, comments, the
difference between two versions join on them). Each becomes one :class:`Item`
with its full code, its kind, its model, its chapter, its YAML path and its
parent; nothing outside this module walks chapters → goals → measures itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, overload

from assembler.load.sources import Place, SourceFile
from assembler.models.chapter import Activity, Area, Goal, Indicator, Measure, Priority, Section
from assembler.models.plan import SharedGoal
from assembler.models.vocab import GENERATED_SECTIONS
from assembler.problems.diagnostics import Location

if TYPE_CHECKING:  # project.py reads the coded lists from here
    from assembler.plan.project import ChapterFile, Project

YamlPath = tuple[str | int, ...]


def _stems(*forms: str) -> list[str]:
    """Per word, what all its cases share: cíl/cíle/cíli → cíl, so "v cílech" counts too."""
    words = zip(*(form.split() for form in forms), strict=True)
    return [_common_prefix(variants) for variants in words]


def _common_prefix(words: tuple[str, ...]) -> str:
    prefix = words[0]
    for word in words[1:]:
        while not word.startswith(prefix):
            prefix = prefix[:-1]
    return prefix


class Kind(Enum):
    """What a coded item is. The value is the key its items are listed under (the
    ``chapters/`` folder for chapters, ``osnova`` for generated sections)."""

    label: str  # nominative: "opatření SEN 1.2 …" in references and messages
    genitive: str
    locative: str
    attribute: str  # the model attribute holding the list, for nested kinds
    stems: tuple[str, ...]  # how the word before a reference shows the kind is said

    SECTION = ("osnova", "oddíl", "oddílu", "oddílu", "", ("část", "přehled"))
    CHAPTER = ("chapters", "kapitola", "kapitoly", "kapitole", "", ())
    SHARED_GOAL = ("spolecne_cile", "společný cíl", "společného cíle", "společném cíli", "", ())
    PRIORITY = ("priority", "priorita", "priority", "prioritě", "priorities", ())
    GOAL = ("cile", "cíl", "cíle", "cíli", "goals", ())
    MEASURE = ("opatreni", "opatření", "opatření", "opatření", "measures", ())
    ACTIVITY = ("aktivity", "aktivita", "aktivity", "aktivitě", "activities", ())
    INDICATOR = ("indikatory", "indikátor", "indikátoru", "indikátoru", "indicators", ())

    def __new__(
        cls,
        key: str,
        label: str,
        genitive: str,
        locative: str,
        attribute: str,
        synonyms: tuple[str, ...],
    ) -> Kind:
        kind = object.__new__(cls)
        kind._value_ = key
        kind.label = label
        kind.genitive = genitive
        kind.locative = locative
        kind.attribute = attribute
        kind.stems = (*_stems(label, genitive, locative), *synonyms)
        return kind

    @property
    def parts(self) -> tuple[Kind, ...]:
        """The kinds listed inside an item of this kind, in the order they are written."""
        return _PARTS.get(self, ())


_PARTS = {
    Kind.CHAPTER: (Kind.PRIORITY, Kind.GOAL),
    Kind.GOAL: (Kind.MEASURE,),
    Kind.MEASURE: (Kind.ACTIVITY, Kind.INDICATOR),
}
# The YAML lists of a chapter that hold coded items (read from raw data of broken chapters).
CODED_LISTS = frozenset(part.value for parts in _PARTS.values() for part in parts)

M = TypeVar("M")


def anchor_for(code: str) -> str:
    """The stable anchor of a code: ``SEN 1.2`` → ``sen-1-2`` (survives reordering)."""
    return re.sub(r"[^a-z0-9]+", "-", code.lower()).strip("-")


@dataclass(frozen=True, eq=False)
class Item(Generic[M]):
    """One coded item. ``code`` is plan-wide (``SEN 1.2``); ``model.code`` is local."""

    code: str
    kind: Kind
    model: M
    chapter: ChapterFile | None  # None for shared goals and generated sections
    source: SourceFile
    path: YamlPath
    parent: Item[Any] | None = None

    @property
    def title(self) -> str:
        model: Any = self.model
        if self.kind is Kind.SECTION:
            return GENERATED_SECTIONS[model]
        return str(model.name if self.kind is Kind.INDICATOR else model.title)

    @cached_property
    def cancelled(self) -> bool:
        """Cancelled itself (``zruseno``) or under a cancelled parent: a measure of a
        cancelled goal is cancelled too, for every consumer alike."""
        own = self.model.cancelled if isinstance(self.model, Goal | Measure) else None
        return bool(own) or (self.parent is not None and self.parent.cancelled)

    @property
    def area(self) -> Area:
        """The area chapter the item belongs to (only for items inside a chapter)."""
        assert self.chapter is not None and self.chapter.area is not None
        return self.chapter.area

    def place(self, *more: str | int) -> Place:
        """Where the item (or a key inside it) is written; resolved only when asked."""
        return Place(self.source, (*self.path, *more))

    def where(self, *more: str | int) -> Location:
        return self.place(*more).location

    @property
    def location(self) -> Location:
        # A chapter is the whole front matter: it is found by its code.
        return self.where("kod") if self.kind is Kind.CHAPTER else self.where()

    @property
    def anchor(self) -> str:
        return anchor_for(self.code)

    @property
    def label(self) -> str:
        """Code and title, e.g. ``SEN 1.2 Rozvoj odlehčovací služby``."""
        if self.kind in (Kind.CHAPTER, Kind.SECTION):
            return self.title
        return f"{self.code} {self.title}"

    @property
    def full_label(self) -> str:
        return f"{self.kind.label} {self.label}"


@dataclass(frozen=True)
class ItemIndex:
    """Every coded item of a checked plan, in plan order within each kind."""

    items: tuple[Item[Any], ...]
    _of: dict[Kind, list[Item[Any]]] = field(repr=False)
    _codes: dict[str, list[Item[Any]]] = field(repr=False)
    _children: dict[Item[Any], list[Item[Any]]] = field(repr=False)

    def __iter__(self) -> Iterator[Item[Any]]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @overload
    def of(self, kind: Literal[Kind.SECTION]) -> list[Item[str]]: ...
    @overload
    def of(self, kind: Literal[Kind.CHAPTER]) -> list[Item[Area | Section]]: ...
    @overload
    def of(self, kind: Literal[Kind.SHARED_GOAL]) -> list[Item[SharedGoal]]: ...
    @overload
    def of(self, kind: Literal[Kind.PRIORITY]) -> list[Item[Priority]]: ...
    @overload
    def of(self, kind: Literal[Kind.GOAL]) -> list[Item[Goal]]: ...
    @overload
    def of(self, kind: Literal[Kind.MEASURE]) -> list[Item[Measure]]: ...
    @overload
    def of(self, kind: Literal[Kind.ACTIVITY]) -> list[Item[Activity]]: ...
    @overload
    def of(self, kind: Literal[Kind.INDICATOR]) -> list[Item[Indicator]]: ...
    @overload
    def of(self, kind: Kind) -> list[Item[Any]]: ...
    def of(self, kind: Kind) -> list[Item[Any]]:
        """All items of one kind, in plan order."""
        return self._of.get(kind, [])

    def by_code(self, code: str) -> Item[Any] | None:
        """The item with this full code (the first one, if the code is a duplicate)."""
        found = self._codes.get(code)
        return found[0] if found else None

    def all_by_code(self, code: str) -> list[Item[Any]]:
        """Every item with this full code: more than one only in a plan with an error."""
        return self._codes.get(code, [])

    @property
    def codes(self) -> list[str]:
        return list(self._codes)

    def children(self, item: Item[Any], kind: Kind | None = None) -> list[Item[Any]]:
        """The items listed directly inside ``item`` (only those of ``kind``, if given)."""
        found = self._children.get(item, [])
        return found if kind is None else [child for child in found if child.kind is kind]

    def within(self, item: Item[Any], kind: Kind) -> list[Item[Any]]:
        """Items of ``kind`` anywhere inside ``item``, in plan order (measures of a chapter)."""
        found: list[Item[Any]] = []
        for child in self.children(item):
            found += [child] if child.kind is kind else self.within(child, kind)
        return found


def index_items(project: Project) -> ItemIndex:
    """Index a validated plan; built once per check and carried by ``CheckedPlan``."""
    plan = project.plan_source
    of: dict[Kind, list[Item[Any]]] = {kind: [] for kind in Kind}
    children: dict[Item[Any], list[Item[Any]]] = {}
    for entry in project.outline:
        if entry.generated:
            of[Kind.SECTION].append(
                Item(entry.generated, Kind.SECTION, entry.generated, None, plan, ("osnova",))
            )
    for chapter in project.chapters:
        if chapter.chapter.code:
            code = chapter.chapter.code
            item = Item(code, Kind.CHAPTER, chapter.chapter, chapter, chapter.source, ())
            of[Kind.CHAPTER].append(item)
            if isinstance(chapter.chapter, Area):
                _add_parts(item, code, of, children)
    for i, shared in enumerate(project.info.shared_goals):
        of[Kind.SHARED_GOAL].append(
            Item(shared.code, Kind.SHARED_GOAL, shared, None, plan, (Kind.SHARED_GOAL.value, i))
        )
    items = tuple(item for kind in Kind for item in of[kind])
    codes: dict[str, list[Item[Any]]] = {}
    for item in items:
        codes.setdefault(item.code, []).append(item)
    return ItemIndex(items, of, codes, children)


def _add_parts(
    parent: Item[Any],
    prefix: str,
    of: dict[Kind, list[Item[Any]]],
    children: dict[Item[Any], list[Item[Any]]],
) -> None:
    # Depth first per kind: goal 1, its measures, goal 2 … so each kind stays in plan order.
    for kind in parent.kind.parts:
        for i, model in enumerate(getattr(parent.model, kind.attribute)):
            item = Item(
                f"{prefix} {model.code}",
                kind,
                model,
                parent.chapter,
                parent.source,
                (*parent.path, kind.value, i),
                parent,
            )
            children.setdefault(parent, []).append(item)
            of[kind].append(item)
            _add_parts(item, prefix, of, children)
