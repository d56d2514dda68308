"""The item index: codes, kinds, parents and children, places, cancelled inheritance."""

from __future__ import annotations

from pathlib import Path

from helpers import edit, position, problems_of

from assembler.checks.pipeline import CheckedPlan, check
from assembler.models.chapter import Goal, Measure
from assembler.plan.items import CODED_LISTS, Kind
from assembler.render.documents import plan_document, summary_document
from assembler.render.figures import budget_by_area

SEN = "chapters/10-seniori.md"
ROD = "chapters/20-rodiny.md"


def checked(root: Path) -> CheckedPlan:
    result = check(root)
    assert result.plan is not None, [str(p) for p in result.problems]
    return result.plan


def test_every_coded_item_of_the_fixture_with_its_kind(mini: Path) -> None:
    items = checked(mini).items
    assert [(item.kind, item.code) for item in items] == [
        (Kind.SECTION, "spolecne-cile"),
        (Kind.SECTION, "rozpocet"),
        (Kind.SECTION, "odpovednost"),
        (Kind.SECTION, "zkratky"),
        (Kind.CHAPTER, "UVOD"),
        (Kind.CHAPTER, "SEN"),
        (Kind.CHAPTER, "ROD"),
        (Kind.CHAPTER, "REALIZ"),
        (Kind.SHARED_GOAL, "SC1"),
        (Kind.GOAL, "SEN 1"),
        (Kind.GOAL, "ROD 1"),
        (Kind.MEASURE, "SEN 1.1"),
        (Kind.MEASURE, "SEN 1.2"),
        (Kind.MEASURE, "ROD 1.1"),
        (Kind.INDICATOR, "SEN 1.1a"),
        (Kind.INDICATOR, "SEN 1.2a"),
        (Kind.INDICATOR, "ROD 1.1a"),
    ]
    measure = items.by_code("SEN 1.2")
    assert measure is not None and isinstance(measure.model, Measure)
    assert (measure.model.code, measure.title) == ("1.2", "Odlehčovací služba")
    assert measure.path == ("cile", 0, "opatreni", 1)
    assert measure.chapter is not None and measure.chapter.source.name == SEN
    assert measure.parent is items.by_code("SEN 1")
    assert measure.full_label == "opatření SEN 1.2 Odlehčovací služba"
    assert measure.anchor == "sen-1-2"
    assert items.by_code("SEN").label == "Senioři"  # type: ignore[union-attr]
    assert items.by_code("rozpocet").full_label == "oddíl Finanční přehled"  # type: ignore[union-attr]
    assert items.by_code("NENI") is None and items.all_by_code("NENI") == []


def test_children_and_descendants_in_plan_order(mini: Path) -> None:
    items = checked(mini).items
    sen, goal = items.by_code("SEN"), items.by_code("SEN 1")
    assert sen is not None and goal is not None
    assert [c.code for c in items.children(sen)] == ["SEN 1"]
    assert [c.code for c in items.children(goal)] == ["SEN 1.1", "SEN 1.2"]
    measure = items.by_code("SEN 1.1")
    assert measure is not None
    assert [c.code for c in items.children(measure, Kind.INDICATOR)] == ["SEN 1.1a"]
    assert items.children(measure, Kind.ACTIVITY) == []
    assert [m.code for m in items.within(sen, Kind.MEASURE)] == ["SEN 1.1", "SEN 1.2"]
    assert [i.code for i in items.within(sen, Kind.INDICATOR)] == ["SEN 1.1a", "SEN 1.2a"]
    uvod = items.by_code("UVOD")
    assert uvod is not None and items.children(uvod) == []  # a section has no goals


def test_priorities_and_activities_are_indexed_under_their_parents(mini: Path) -> None:
    edit(mini, SEN, "cile:\n", "priority:\n  - kod: P1\n    nazev: Doma\ncile:\n")
    edit(
        mini,
        SEN,
        "        garant: OBEC\n        realizatori: [CHARITA]\n        partneri",
        "        garant: OBEC\n        aktivity:\n          - kod: 1.2.1\n"
        "            nazev: Nábor pečovatelek\n        realizatori: [CHARITA]\n        partneri",
    )
    items = checked(mini).items
    assert [p.code for p in items.of(Kind.PRIORITY)] == ["SEN P1"]
    activity = items.by_code("SEN 1.2.1")
    assert activity is not None and activity.kind is Kind.ACTIVITY
    assert activity.parent is items.by_code("SEN 1.2")
    assert activity.path == ("cile", 0, "opatreni", 1, "aktivity", 0)
    assert activity.location.line == position(mini, SEN, "- kod: 1.2.1", 2)[0]
    sen = items.by_code("SEN")
    assert sen is not None
    assert [c.code for c in items.children(sen)] == ["SEN P1", "SEN 1"]


def test_locations_of_items(mini: Path) -> None:
    items = checked(mini).items
    measure, chapter, shared = (items.by_code(c) for c in ("SEN 1.2", "ROD", "SC1"))
    assert measure is not None and chapter is not None and shared is not None
    line, col = position(mini, SEN, "kod: 1.2", len("kod: "))  # the value
    assert (measure.where("kod").file, measure.where("kod").line) == (SEN, line)
    assert measure.where("kod").col == col
    assert (chapter.location.file, chapter.location.line) == (
        ROD,
        position(mini, ROD, "kod: ROD")[0],
    )
    assert shared.location.file == "plan.yaml"
    assert shared.location.line == position(mini, "plan.yaml", "kod: SC1")[0]


def test_kinds_name_the_yaml_lists_and_the_czech_forms() -> None:
    assert Kind("opatreni") is Kind.MEASURE and Kind("cile") is Kind.GOAL
    assert {"priority", "cile", "opatreni", "aktivity", "indikatory"} == CODED_LISTS
    assert (Kind.GOAL.label, Kind.GOAL.genitive, Kind.GOAL.locative) == ("cíl", "cíle", "cíli")
    assert Kind.CHAPTER.stems == ("kapitol",)
    assert Kind.SHARED_GOAL.stems == ("společn", "cíl")
    assert Kind.MEASURE.parts == (Kind.ACTIVITY, Kind.INDICATOR)


def _cancel_goal(root: Path) -> None:
    edit(root, SEN, "    nazev: Život doma\n", "    nazev: Život doma\n    zruseno: sloučeno\n")


def test_a_measure_under_a_cancelled_goal_is_cancelled(mini: Path) -> None:
    _cancel_goal(mini)
    plan = checked(mini)
    items = plan.items
    goal, measure, indicator = (items.by_code(c) for c in ("SEN 1", "SEN 1.2", "SEN 1.2a"))
    assert goal is not None and measure is not None and indicator is not None
    assert isinstance(goal.model, Goal) and goal.model.cancelled == "sloučeno"
    assert isinstance(measure.model, Measure) and measure.model.cancelled is None
    assert goal.cancelled and measure.cancelled and indicator.cancelled
    assert not any(i.cancelled for i in items if i.code.startswith("ROD"))
    # Every consumer sees it: the budget leaves SEN out, the summary leaves its measures out.
    assert budget_by_area(plan).row_total("SEN") == 0
    assert budget_by_area(plan).row_total("ROD") == 840000
    summary = summary_document(plan).markdown
    assert "Odlehčovací služba" not in summary and "Sociálně aktivizační služba" in summary
    full = plan_document(plan).markdown
    assert "Opatření SEN 1.2 Odlehčovací služba (zrušeno)" in full


def test_rules_see_inherited_cancellation(mini: Path) -> None:
    _cancel_goal(mini)
    edit(
        mini,
        SEN,
        "        garant: OBEC\n        realizatori: [CHARITA]\n        partneri",
        "        realizatori: [CHARITA]\n        partneri",
    )
    edit(mini, ROD, "Rodinné centrum funguje", "Navazuje na [[SEN 1.2]]. Rodinné centrum funguje")
    result = check(mini)
    assert problems_of(result, "chybi-garant") == []  # a cancelled measure needs no garant
    # UVOD and SEN 1.2 refer to SEN 1.1 and SEN itself; the new reference is in ROD.
    warned = [p for p in problems_of(result, "odkaz-zruseny") if p.location.file == ROD]
    assert [p.message for p in warned] == [
        "Odkaz míří na zrušenou položku: opatření SEN 1.2 Odlehčovací služba. "
        "Zvažte, zda je odkaz ještě potřeba."
    ]
    assert (warned[0].location.file, warned[0].location.line) == (
        ROD,
        position(mini, ROD, "[[SEN 1.2]]")[0],
    )


def test_references_are_resolved_once_into_mentions_with_spans(mini: Path) -> None:
    plan = checked(mini)
    links = plan.links
    # Every text that can hold a reference is resolved by the link stage.
    assert set(links.resolved) == {(t.text, t.chapter) for t in links.texts if "[[" in t.text}
    assert len(links.resolved) == 4  # UVOD, SEN and REALIZ bodies, SEN 1.1 popis
    body = next(t for t in links.texts if t.source.name == SEN and t.path is None)
    linked = links.resolved[(body.text, "SEN")]
    (mention,) = linked.mentions  # `[[NENI 9.9]]` in a code span is no reference
    assert body.text[mention.start : mention.end] == "[[SEN 1.2]]"
    assert mention.code == "SEN 1.2"
    assert mention.kind_said(body.text)  # "opatření [[SEN 1.2]]"
    assert mention.target is plan.items.by_code("SEN 1.2")
    assert linked.render() == body.text.replace(
        "[[SEN 1.2]]", "[SEN 1.2 Odlehčovací služba](#sen-1-2)"
    )
    assert "opatření SEN 1.2 Odlehčovací služba a `[[NENI 9.9]]`" in linked.render(linked=False)
    in_text = [r for r in links.references if r.mention is not None]
    as_keys = [r for r in links.references if r.mention is None]
    assert {(r.owner, r.target.code) for r in in_text} == {
        ("UVOD", "SEN"),
        ("UVOD", "ROD 1.1"),
        ("REALIZ", "rozpocet"),
        ("SEN", "SEN 1.2"),
        ("SEN 1.1", "ROD 1.1"),
    }
    assert {(r.owner, r.target.code) for r in as_keys} == {
        ("SEN 1.1", "SC1"),
        ("SEN 1.2", "SEN 1.1"),
        ("ROD 1", "SC1"),
    }


def test_summary_prints_the_words_of_a_reference_not_its_code(mini: Path) -> None:
    edit(
        mini,
        ROD,
        "popis: Služba pomáhá rodinám,",
        "verejne_shrnuti: Navazuje na [[SEN 1.1]] a pomáhá rodinám.\n"
        "        popis: Služba pomáhá rodinám,",
    )
    summary = summary_document(checked(mini)).markdown
    assert (
        "**Sociálně aktivizační služba pro rodiny:** Navazuje na opatření SEN 1.1 "
        "Pečovatelská služba o\xa0víkendu a\xa0pomáhá rodinám"
    ) in summary


def test_templates_look_items_up_through_the_index(mini: Path) -> None:
    from assembler.render.lookups import Lookups

    _cancel_goal(mini)
    plan = Lookups(checked(mini))
    sen, rod = plan.areas
    assert [plan.code(g) for g in plan.goals(sen)] == ["SEN 1"]
    assert [plan.code(m) for m in plan.measures(sen)] == ["SEN 1.1", "SEN 1.2"]
    assert [plan.code(i) for i in plan.indicators(rod)] == ["ROD 1.1a"]
    assert len(plan.indicators()) == 3
    measure = plan.measures(sen)[1]
    assert measure.cancelled is None and plan.cancelled(measure)  # with its goal
    assert not plan.cancelled(plan.measures(rod)[0])
